#include "plan/engine/line_planner.h"

#include <algorithm>
#include <cassert>

namespace takt::engine {

template <bool kFollowing>
LinePlanner<kFollowing>::LinePlanner(PlanningState<kFollowing>& state, LicencePolicy licence_policy)
    : s_(state),
      m_(state.index().model()),
      licences_(m_, licence_policy),
      backward_(state),
      forward_(state),
      sites_(state),
      partial_(state, backward_, forward_, sites_, windows_) {}

template <bool kFollowing>
void LinePlanner<kFollowing>::Plan(const OrderLine& line, LineId id, LineOutcome& out, const LineGuidance& guidance) {
  s_.SetLine(id);
  windows_.line = &line;
  const int32_t days = s_.index().days();
  const Day start = m_.plan_start();
  const int32_t request = line.request_date - start;
  const int32_t earliest =
      std::max({0, line.request_date - m_.settings().early_ship_days - start, line.order_date - start});
  if (earliest >= days) {
    out.reason = {ReasonCode::kHorizon, -1, -1, 0, earliest, -1};
    return;
  }
  licences_.Windows(line, windows_.windows, out.reason);
  if (windows_.windows.empty()) return;  // unplanned: prohibited, denied, pending or missing licence
  // A request after the horizon end can still be met early, on its last day. The allocation may
  // ask for an earlier day, not before the earliest the data allows.
  const int32_t due = guidance.due_day >= 0 ? std::min(guidance.due_day, request) : request;
  const int32_t target = std::min(std::max(due, earliest), days - 1);
  const int32_t first_day = windows_.Allowed(target);
  if (first_day < 0) {
    out.reason = windows_.LicenceClosed(m_, target);
    return;
  }
  std::span<const SiteId> sites;
  const SiteId only = line.site.valid() ? line.site : guidance.site;  // the customer's site binds
  if (only.valid()) {
    one_site_.assign(1, only);
    sites = one_site_;
  } else {
    sites = s_.index().CandidateSites(line.item);
  }
  // Why the first possible day may already be past the request date.
  Constraint first_reason;
  if (first_day > target) {
    first_reason = windows_.LicenceFrom(first_day, target);
  } else if (request < earliest) {
    first_reason = {ReasonCode::kPastDue, -1, -1, 0, request, earliest};
  }

  if (line.partial) {
    partial_.Plan(line, sites, out, first_day, first_reason);
  } else {
    PlanWhole(line, sites, out, first_day, first_reason);
  }
  if (out.shipped_qty == line.qty) {
    out.status = out.planned_day > request ? LineStatus::kLate : LineStatus::kOnTime;
    if (out.status == LineStatus::kOnTime) out.reason = Constraint{};
  } else {
    out.status = LineStatus::kUnplanned;
  }
}

template <bool kFollowing>
void LinePlanner<kFollowing>::PlanWhole(const OrderLine& line, std::span<const SiteId> sites, LineOutcome& out,
                                        int32_t first_day, const Constraint& first_reason) {
  // Sites in the order of a lower bound of when the whole line could be ready there.
  const std::vector<RankedSite>& ranked = sites_.Rank(sites, line.item, line.qty, 0);
  // Just in time (or as soon as allowed) at the first site that can, trying only sites whose
  // bound meets the day.
  for (const RankedSite& r : ranked) {
    if (r.estimate > first_day) break;
    if (JustInTimeWhole(line.item, r.site, line.qty, first_day)) {
      out.site = r.site;
      out.shipped_qty = line.qty;
      out.planned_day = first_day;
      out.reason = first_reason;
      return;
    }
  }
  // Otherwise as soon as possible. A site whose bound is no better than a day already found
  // cannot win; one whose bound is less than a week better rarely does (the bound ignores how
  // capacity is fragmented), so it is not tried: a plan may give up a few days here for speed.
  int32_t best_day = -1;
  SiteId best_site;
  Constraint best_binding, first_binding;
  typename PlanningState<kFollowing>::Savepoint best_state{};
  for (size_t k = 0; k < ranked.size(); ++k) {
    const auto [estimate, site] = ranked[k];
    // Even when no site can make it, plan the first to learn what binds.
    if (k > 0 && (estimate >= kNever || (best_day >= 0 && estimate > best_day - kSiteMargin))) break;
    const auto before = s_.Save();
    Constraint binding;
    const int32_t day = ForwardWhole(line.item, site, line.qty, first_day, binding);
    if (k == 0) first_binding = binding;
    if (day >= 0 && (best_day < 0 || day < best_day)) {
      if (best_day >= 0) {
        // A better site after a committed one: replan there from a clean state.
        s_.Rollback(before);
        s_.Rollback(best_state);
        Constraint again;
        const int32_t replanned = ForwardWhole(line.item, site, line.qty, first_day, again);
        assert(replanned >= 0);
        (void)replanned;
      } else {
        best_state = before;  // the state before any site was committed
      }
      best_day = day;
      best_site = site;
      best_binding = binding;
    } else if (day >= 0) {
      s_.Rollback(before);
    }
  }
  if (best_day < 0) {
    out.reason = first_binding.code != ReasonCode::kNone ? first_binding
                                                         : Constraint{ReasonCode::kHorizon, -1, -1, 0, first_day, -1};
    return;
  }
  Constraint reason = first_reason;  // on time after all (or late only for first_reason)
  if (best_day > first_day) {
    reason = best_binding;
    if (reason.code == ReasonCode::kNone) reason = first_reason;
    if (reason.code == ReasonCode::kNone) reason = BuildTimeReason(line.item, best_site, best_day);
  }
  out.site = best_site;
  out.shipped_qty = line.qty;
  out.planned_day = best_day;
  out.reason = reason;
}

template <bool kFollowing>
bool LinePlanner<kFollowing>::JustInTimeWhole(ItemId item, SiteId site, int64_t qty, int32_t day) {
  const auto before = s_.Save();
  if (backward_.Acquire(item, site, qty, day, 0) == qty) {
    s_.RecordShipment(site, day, qty);
    return true;
  }
  s_.Rollback(before);
  return false;
}

template <bool kFollowing>
int32_t LinePlanner<kFollowing>::ForwardWhole(ItemId item, SiteId site, int64_t qty, int32_t first_day,
                                              Constraint& binding) {
  const auto before = s_.Save();
  top_takes_.clear();
  const int32_t ready = forward_.SupplyForward(item, site, qty, 0, 0, binding, &top_takes_, nullptr);
  const int32_t ship = ready >= kNever ? -1 : windows_.Allowed(std::max(ready, first_day));
  if (ship < 0 || ship >= s_.index().days()) {
    s_.Rollback(before);
    if (ready < kNever) binding = windows_.LicenceClosed(m_, ready);
    return -1;
  }
  if (ship > std::max(ready, first_day)) binding = windows_.LicenceFrom(ship, std::max(ready, first_day));
  forward_.ConsumeOn(top_takes_, ship, Consumer::kShipment);
  s_.RecordShipment(site, ship, qty);
  return ship;
}

// Only the entry points are instantiated explicitly: private helpers stay implicit, so that the
// compiler may inline them at their one call site.
template LinePlanner<false>::LinePlanner(PlanningState<false>&, LicencePolicy);
template void LinePlanner<false>::Plan(const OrderLine&, LineId, LineOutcome&, const LineGuidance&);
template LinePlanner<true>::LinePlanner(PlanningState<true>&, LicencePolicy);
template void LinePlanner<true>::Plan(const OrderLine&, LineId, LineOutcome&, const LineGuidance&);

}  // namespace takt::engine
