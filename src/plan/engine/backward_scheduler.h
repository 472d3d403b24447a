#pragma once
// Just in time: a quantity taken on its due day from stock, built backward (each work order takes
// the latest windows of its steps that have room for at least one unit, then supplies its
// components on its start day, recursively) or bought when a lead time allows.

#include <cstdint>
#include <vector>

#include "plan/engine/planning_state.h"

namespace takt::engine {

template <bool kFollowing>
class BackwardScheduler {
 public:
  explicit BackwardScheduler(PlanningState<kFollowing>& state);

  /// Takes up to `qty` of `item` at `site` on `day`: from stock, by building it (finishing by the
  /// day before), by buying it (lead-time items). Returns how much it got. `depth` is the BOM level
  /// (0: the line's own item, which is recorded as consumed for pegging).
  int64_t Acquire(ItemId item, SiteId site, int64_t qty, int32_t day, int depth);

 private:
  /// Latest windows for the routing's steps with room for at least one unit, the last ending by
  /// `latest_end`; `qty` becomes how many units (<= max_qty) they hold. False when a step has no
  /// window after plan_start.
  bool ScheduleBackward(const Routing& r, int64_t max_qty, int32_t latest_end, int64_t& qty, StepWindow* windows);
  /// Builds up to `qty` of the routing's item, output available by `day`, in work orders scheduled
  /// backward (latest first). Returns how much it built.
  int64_t BuildBackward(const Routing& r, int64_t qty, int32_t day, int depth);

  PlanningState<kFollowing>& s_;
  const PlannerIndex& ix_;
  const Model& m_;
  std::vector<std::vector<StepWindow>> windows_;  ///< scratch per BOM depth
};

}  // namespace takt::engine
