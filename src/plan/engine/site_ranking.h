#pragma once
// Which site to plan a line at: a lower bound of when a quantity can be ready at each candidate
// site, computed without changing anything (exact for stock and purchases; for building, capacity
// counted in total). The line planner tries sites in the order of their bounds and skips those
// that cannot win.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "plan/engine/planning_state.h"

namespace takt::engine {

/// A candidate site and the earliest day its bound allows (kNever: not within the horizon).
struct RankedSite {
  int32_t estimate;
  SiteId site;
};

template <bool kFollowing>
class SiteRanking {
 public:
  explicit SiteRanking(const PlanningState<kFollowing>& state) : s_(state), ix_(state.index()) {}

  /// The earliest day `qty` of `item` could be available at `site`, from `earliest`: exact for
  /// stock and purchases, a lower bound for building (capacity is counted in total, ignoring how it
  /// is split over days). kNever when not within the horizon.
  int32_t Probe(ItemId item, SiteId site, int64_t qty, int32_t earliest) const;

  /// The sites in the order of their estimates (earliest first, then in the given order). The
  /// result is valid until the next call.
  const std::vector<RankedSite>& Rank(std::span<const SiteId> sites, ItemId item, int64_t qty, int32_t earliest);

 private:
  const PlanningState<kFollowing>& s_;
  const PlannerIndex& ix_;
  std::vector<RankedSite> ranked_;
};

}  // namespace takt::engine
