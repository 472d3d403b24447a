#pragma once
// A line that may ship in parts: what can ship on its first day ships then (just in time), the
// rest as it becomes available, planned forward from plan_start, at one site.

#include <cstdint>
#include <vector>

#include "plan/engine/backward_scheduler.h"
#include "plan/engine/forward_scheduler.h"
#include "plan/engine/line_windows.h"
#include "plan/engine/site_ranking.h"

namespace takt::engine {

template <bool kFollowing>
class PartialLinePlanner {
 public:
  PartialLinePlanner(PlanningState<kFollowing>& state, BackwardScheduler<kFollowing>& backward,
                     ForwardScheduler<kFollowing>& forward, SiteRanking<kFollowing>& sites, const LineWindows& windows)
      : s_(state), backward_(backward), forward_(forward), sites_(sites), w_(windows) {}

  /// Plans the line at the site that can ship most on `first_day` (or, when none can ship anything
  /// then, the site whose estimate for the whole quantity is earliest), among `sites`.
  void Plan(const OrderLine& line, std::span<const SiteId> sites, LineOutcome& out, int32_t first_day,
            const Constraint& first_reason);

 private:
  struct Result {
    int64_t shipped = 0;
    int64_t on_first_day = 0;
    int64_t weighted_days = 0;  ///< sum of qty x day, to prefer earlier schedules
    int32_t last_day = -1;
    Constraint binding;
  };
  Result Run(ItemId item, SiteId site, int64_t qty, int32_t first_day);
  /// Fallback when a licence window closes mid-way: ship only what is ready inside it.
  Result RunShipped(ItemId item, SiteId site, int64_t qty, int32_t first_day, int64_t now);

  PlanningState<kFollowing>& s_;
  BackwardScheduler<kFollowing>& backward_;
  ForwardScheduler<kFollowing>& forward_;
  SiteRanking<kFollowing>& sites_;
  const LineWindows& w_;
  std::vector<Portion> portions_;
  TakeList takes_;
  std::vector<RankedSite> first_unit_;
};

}  // namespace takt::engine
