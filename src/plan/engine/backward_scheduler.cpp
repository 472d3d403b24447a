#include "plan/engine/backward_scheduler.h"

#include <algorithm>

namespace takt::engine {

template <bool kFollowing>
BackwardScheduler<kFollowing>::BackwardScheduler(PlanningState<kFollowing>& state)
    : s_(state), ix_(state.index()), m_(state.index().model()), windows_(state.index().depth_levels()) {}

template <bool kFollowing>
int64_t BackwardScheduler<kFollowing>::Acquire(ItemId item, SiteId site, int64_t qty, int32_t day, int depth) {
  const int32_t sp = ix_.StockPoint(item, site);
  if (depth > 0 && s_.OnlyBought(sp) && day >= m_.item(item).lead_time_days) {
    // A commodity with no stock here: bought to arrive the day it is used.
    s_.Buy(item, site, day, qty, PurchaseUse::kDirect);
    return qty;
  }
  int64_t got = std::min(qty, std::max<int64_t>(0, s_.Available(sp, day)));
  if (got > 0) s_.AddMaterial(sp, day, -got);
  if (got < qty) {
    if (const Routing* r = ix_.RoutingAt(item, site)) {
      const int64_t built = BuildBackward(*r, qty - got, day, depth);
      if (built > 0) s_.AddMaterial(sp, day, -built);  // the output, consumed on the day it is needed
      got += built;
    }
  }
  if (got > 0) s_.RecordConsumption(item, site, day, got);
  const Item& it = m_.item(item);
  if (got < qty && it.lead_time_days >= 0 && day >= it.lead_time_days) {
    // Arrives on the day it is consumed: nothing to stock. The shipped item itself is pegged.
    s_.Buy(item, site, day, qty - got, depth > 0 ? PurchaseUse::kDirect : PurchaseUse::kIntoStock);
    if (depth == 0) s_.RecordConsumption(item, site, day, qty - got);
    got = qty;
  }
  return got;
}

template <bool kFollowing>
bool BackwardScheduler<kFollowing>::ScheduleBackward(const Routing& r, int64_t max_qty, int32_t latest_end,
                                                     int64_t& qty, StepWindow* windows) {
  const auto steps = m_.steps(r);
  qty = max_qty;
  int32_t end = latest_end;
  for (size_t j = steps.size(); j-- > 0;) {
    const RoutingStep& s = steps[j];
    const int32_t d = s.duration_days;
    int32_t e = end;
    for (;;) {
      const int32_t t = e - d + 1 < 0 ? -1 : s_.PrevWithFree(s.resource, e, s.usage_per_unit);
      if (t < d - 1) return false;
      const int32_t blocked = s_.BlockedDay(s.resource, t - d + 1, d, s.usage_per_unit);
      if (blocked < 0) {
        windows[j] = {t - d + 1, t};
        break;
      }
      e = blocked - 1;
    }
    for (int32_t day = windows[j].start; day <= windows[j].end; ++day) {
      qty = std::min<int64_t>(qty, s_.Free(s.resource, day) / s.usage_per_unit);
    }
    end = windows[j].start - 1;
  }
  return qty > 0;
}

template <bool kFollowing>
int64_t BackwardScheduler<kFollowing>::BuildBackward(const Routing& r, int64_t qty, int32_t day, int depth) {
  std::vector<StepWindow>& windows = windows_[static_cast<size_t>(depth)];
  windows.resize(r.step_count);
  const auto components = m_.components_of(r.item);
  int64_t remaining = qty;
  while (remaining > 0) {
    int64_t x = 0;
    if (!ScheduleBackward(r, remaining, day - 1, x, windows.data())) break;
    bool placed = false;
    for (int tries = 0; tries < 4 && x > 0 && !placed; ++tries) {
      const auto before = s_.Save();
      s_.CommitWorkOrder(r, x, windows.data());
      int64_t limit = x;
      for (const BomLine& b : components) {
        const int64_t got = Acquire(b.component, r.site, x * b.qty_per, windows[0].start, depth + 1);
        limit = std::min(limit, got / b.qty_per);
        if (limit == 0) break;  // nothing of this piece can be built: no need to ask the rest
      }
      if (limit == x) {
        placed = true;
      } else {
        s_.Rollback(before);
        x = limit;  // the same windows hold fewer units
      }
    }
    if (!placed) break;
    remaining -= x;
  }
  return qty - remaining;
}

// Only the entry points are instantiated explicitly: private helpers stay implicit, so that the
// compiler may inline them at their one call site.
template BackwardScheduler<false>::BackwardScheduler(PlanningState<false>&);
template int64_t BackwardScheduler<false>::Acquire(ItemId, SiteId, int64_t, int32_t, int);
template BackwardScheduler<true>::BackwardScheduler(PlanningState<true>&);
template int64_t BackwardScheduler<true>::Acquire(ItemId, SiteId, int64_t, int32_t, int);

}  // namespace takt::engine
