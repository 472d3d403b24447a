#include "plan/engine/partial_line.h"

#include <algorithm>

namespace takt::engine {

template <bool kFollowing>
void PartialLinePlanner<kFollowing>::Plan(const OrderLine& line, std::span<const SiteId> sites, LineOutcome& out,
                                          int32_t first_day, const Constraint& first_reason) {
  // Sites where not even one unit can be there by the first day are not tried.
  const std::vector<RankedSite>& one = sites_.Rank(sites, line.item, 1, 0);
  first_unit_.assign(one.begin(), one.end());
  const std::vector<RankedSite>& ranked = sites_.Rank(sites, line.item, line.qty, 0);
  SiteId site = ranked.front().site;
  int64_t most = 0;
  for (const RankedSite& candidate : first_unit_) {
    if (candidate.estimate > first_day) break;
    const auto before = s_.Save();
    const int64_t now = backward_.Acquire(line.item, candidate.site, line.qty, first_day, 0);
    s_.Rollback(before);
    if (now > most) {
      most = now;
      site = candidate.site;
    }
    if (most == line.qty) break;
  }
  // Otherwise the site of the best bound (the ranking is already in that order).
  const Result r = Run(line.item, site, line.qty, first_day);
  out.site = site;
  out.shipped_qty = r.shipped;
  out.planned_day = r.last_day;
  if (r.on_first_day == line.qty) {
    out.reason = first_reason;
  } else {
    out.reason = r.binding.code != ReasonCode::kNone ? r.binding : first_reason;
    if (out.reason.code == ReasonCode::kNone) out.reason = BuildTimeReason(line.item, site, r.last_day);
  }
}

template <bool kFollowing>
typename PartialLinePlanner<kFollowing>::Result PartialLinePlanner<kFollowing>::Run(ItemId item, SiteId site,
                                                                                    int64_t qty, int32_t first_day) {
  Result result;
  const int32_t days = s_.index().days();
  const int32_t sp = s_.index().StockPoint(item, site);
  const int64_t now = backward_.Acquire(item, site, qty, first_day, 0);
  if (now > 0) {
    s_.RecordShipment(site, first_day, now);
    result.shipped = result.on_first_day = now;
    result.weighted_days = now * first_day;
    result.last_day = first_day;
  }
  if (now == qty) return result;
  const auto before = s_.Save();
  portions_.clear();
  const int32_t ready = forward_.SupplyForward(item, site, qty - now, 0, 0, result.binding, nullptr, &portions_);
  if (ready >= kNever) {
    s_.Rollback(before);
    return result;
  }
  // Ship each portion on its day (not before the first day, and when a licence allows); one
  // shipment per day.
  std::sort(portions_.begin(), portions_.end(), [](const Portion& a, const Portion& b) { return a.day < b.day; });
  std::vector<Shipment>& shipments = s_.plan().shipments;
  for (const Portion& p : portions_) {
    const int32_t ship = w_.Allowed(std::max(p.day, first_day));
    if (ship < 0 || ship >= days) break;  // a licence window closed: handled below
    if (ship != p.day) {
      s_.AddMaterial(sp, p.day, p.qty);
      s_.AddMaterial(sp, ship, -p.qty);
    }
    s_.RecordConsumption(item, site, ship, p.qty);
    Shipment* last = shipments.empty() ? nullptr : &shipments.back();
    if (last != nullptr && last->line == s_.line() && last->day == ship) {
      last->qty += p.qty;
    } else {
      s_.RecordShipment(site, ship, p.qty);
    }
    result.shipped += p.qty;
    result.weighted_days += p.qty * ship;
    if (ship == first_day) result.on_first_day += p.qty;
    result.last_day = ship;
  }
  if (result.shipped < qty) {
    // A licence window closed before everything arrived: keep only what ships.
    s_.Rollback(before);
    result = RunShipped(item, site, qty, first_day, now);
  }
  return result;
}

template <bool kFollowing>
typename PartialLinePlanner<kFollowing>::Result PartialLinePlanner<kFollowing>::RunShipped(ItemId item, SiteId site,
                                                                                           int64_t qty,
                                                                                           int32_t first_day,
                                                                                           int64_t now) {
  Result result;
  const int32_t days = s_.index().days();
  result.shipped = result.on_first_day = now;
  result.weighted_days = now * first_day;
  result.last_day = now > 0 ? first_day : -1;
  // Ship the largest quantity whose whole supply lands inside a window, by halving.
  for (int64_t want = qty - now; want > 0; want /= 2) {
    const auto before = s_.Save();
    Constraint binding;
    takes_.clear();
    const int32_t ready = forward_.SupplyForward(item, site, want, 0, 0, binding, &takes_, nullptr);
    const int32_t ship = ready >= kNever ? -1 : w_.Allowed(std::max(ready, first_day));
    if (ship >= 0 && ship < days) {
      forward_.ConsumeOn(takes_, ship, Consumer::kShipment);
      s_.RecordShipment(site, ship, want);
      result.shipped += want;
      result.weighted_days += want * ship;
      result.last_day = ship;
      result.binding = binding;
      return result;
    }
    s_.Rollback(before);
    result.binding = binding;
  }
  return result;
}

// Only the entry points are instantiated explicitly: private helpers stay implicit, so that the
// compiler may inline them at their one call site.
template void PartialLinePlanner<false>::Plan(const OrderLine&, std::span<const SiteId>, LineOutcome&, int32_t, const Constraint&);
template void PartialLinePlanner<true>::Plan(const OrderLine&, std::span<const SiteId>, LineOutcome&, int32_t, const Constraint&);

}  // namespace takt::engine
