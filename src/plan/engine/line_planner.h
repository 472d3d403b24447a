#pragma once
// One order line, after everything planned before it: its licence windows, then just in time at
// the first site that can, else as soon as possible at the site that ships first (or, for a
// partial line, in parts). Sets the line's outcome: status, day, site and the binding constraint.

#include <cstdint>
#include <vector>

#include "plan/allocation.h"
#include "plan/engine/backward_scheduler.h"
#include "plan/engine/forward_scheduler.h"
#include "plan/engine/line_windows.h"
#include "plan/engine/partial_line.h"
#include "plan/engine/site_ranking.h"
#include "plan/licence_windows.h"

namespace takt::engine {

template <bool kFollowing>
class LinePlanner {
 public:
  LinePlanner(PlanningState<kFollowing>& state, LicencePolicy licence_policy);
  LinePlanner(const LinePlanner&) = delete;
  LinePlanner& operator=(const LinePlanner&) = delete;

  /// Plans `line` (a model line or a quote) as line `id`, with the allocation's `guidance` for it.
  void Plan(const OrderLine& line, LineId id, LineOutcome& out, const LineGuidance& guidance = {});

 private:
  void PlanWhole(const OrderLine& line, std::span<const SiteId> sites, LineOutcome& out, int32_t first_day,
                 const Constraint& first_reason);
  bool JustInTimeWhole(ItemId item, SiteId site, int64_t qty, int32_t day);
  /// The whole line as soon as possible at `site`, committed; the ship day (>= first_day) or -1
  /// (nothing kept). Work may start from plan_start: capacity and material left idle before the
  /// request date by earlier lines are used.
  int32_t ForwardWhole(ItemId item, SiteId site, int64_t qty, int32_t first_day, Constraint& binding);

  PlanningState<kFollowing>& s_;
  const Model& m_;
  LicenceIndex licences_;
  BackwardScheduler<kFollowing> backward_;
  ForwardScheduler<kFollowing> forward_;
  SiteRanking<kFollowing> sites_;
  LineWindows windows_;
  PartialLinePlanner<kFollowing> partial_;
  TakeList top_takes_;
  std::vector<SiteId> one_site_;
};

}  // namespace takt::engine
