#include "plan/engine/forward_scheduler.h"

#include <algorithm>

namespace takt::engine {

template <bool kFollowing>
ForwardScheduler<kFollowing>::ForwardScheduler(PlanningState<kFollowing>& state)
    : s_(state),
      ix_(state.index()),
      m_(state.index().model()),
      days_(state.index().days()),
      windows_(state.index().depth_levels()),
      takes_(state.index().depth_levels()) {}

template <bool kFollowing>
bool ForwardScheduler<kFollowing>::ScheduleForward(const Routing& r, int64_t max_qty, int32_t from, int64_t& qty,
                                                   StepWindow* windows, Constraint& delay) {
  const auto steps = m_.steps(r);
  qty = max_qty;
  int32_t t = from;
  int32_t longest_wait = 0;
  for (size_t j = 0; j < steps.size(); ++j) {
    const RoutingStep& s = steps[j];
    const int32_t d = s.duration_days;
    int32_t start = t;
    for (;;) {
      start = s_.NextWithFree(s.resource, start, s.usage_per_unit);
      // The output must be there within the horizon: the last step ends before its last day.
      const int32_t last_end = j + 1 == steps.size() ? days_ - 2 : days_ - 1;
      if (start < 0 || start + d - 1 > last_end) {
        delay = {ReasonCode::kCapacity, s.resource.value, r.site.value, 0, t, -1};
        return false;
      }
      const int32_t blocked = s_.BlockedDay(s.resource, start, d, s.usage_per_unit);
      if (blocked < 0) break;
      start = blocked + 1;
    }
    windows[j] = {start, start + d - 1};
    if (start - t > longest_wait) {
      longest_wait = start - t;
      delay = {ReasonCode::kCapacity, s.resource.value, r.site.value, 0, t, start};
    }
    for (int32_t day = windows[j].start; day <= windows[j].end; ++day) {
      qty = std::min<int64_t>(qty, s_.Free(s.resource, day) / s.usage_per_unit);
    }
    t = windows[j].end + 1;
  }
  return qty > 0;
}

template <bool kFollowing>
int32_t ForwardScheduler<kFollowing>::SupplyForward(ItemId item, SiteId site, int64_t qty, int32_t earliest, int depth,
                                                    Constraint& binding, TakeList* takes,
                                                    std::vector<Portion>* portions, Reserve reserve) {
  const int32_t sp = ix_.StockPoint(item, site);
  if (s_.OnlyBought(sp) && portions == nullptr) {
    // A commodity with no stock here: bought, to arrive the day its consumer starts.
    const int32_t arrival = std::max(earliest, m_.item(item).lead_time_days);
    if (arrival >= days_) {
      binding = {ReasonCode::kLeadTime, item.value, site.value, qty, earliest, -1};
      return kNever;
    }
    if (arrival > earliest) binding = {ReasonCode::kLeadTime, item.value, site.value, qty, earliest, arrival};
    takes->push_back({sp, item, site, arrival, qty, TakeKind::kBought});
    return arrival;
  }
  const int64_t in_stock = std::min(qty, std::max<int64_t>(0, s_.Available(sp, earliest)));
  int64_t rest = qty - in_stock;
  int64_t bought = 0;
  int32_t ready = earliest;
  if (portions != nullptr && in_stock > 0) {
    s_.AddMaterial(sp, earliest, -in_stock);
    portions->push_back({earliest, in_stock});
  }
  if (rest > 0) {
    if (const Routing* r = ix_.RoutingAt(item, site)) {
      Constraint b;
      const int32_t built = BuildForward(*r, rest, earliest, depth, b, portions);
      if (built >= kNever) {
        binding = b;
        return kNever;
      }
      if (built > ready) {
        ready = built;
        binding = b;
      }
      rest = 0;
    }
  }
  const Item& it = m_.item(item);
  if (rest > 0 && it.lead_time_days >= 0) {
    const int32_t arrival = std::max(earliest, it.lead_time_days);
    if (arrival >= days_) {
      binding = {ReasonCode::kLeadTime, item.value, site.value, rest, earliest, -1};
      return kNever;
    }
    if (portions != nullptr) {
      // Arrives into stock and is taken there; the portion may ship later.
      s_.Buy(item, site, arrival, rest, PurchaseUse::kIntoStock);
      s_.AddMaterial(sp, arrival, rest);
      s_.AddMaterial(sp, arrival, -rest);
      portions->push_back({arrival, rest});
    } else {
      bought = rest;  // bought when the consumer's day is known, to arrive that day
    }
    if (arrival > ready) {
      ready = arrival;
      binding = {ReasonCode::kLeadTime, item.value, site.value, rest, earliest, arrival};
    }
    rest = 0;
  }
  if (rest > 0) {
    // Received only: wait for the receipts.
    if (portions != nullptr) {
      int32_t day = earliest;
      while (rest > 0) {
        day = s_.EarliestAvailable(sp, 1, day + 1);
        if (day < 0) {
          binding = {ReasonCode::kMaterial, item.value, site.value, rest, earliest, -1};
          return kNever;
        }
        const int64_t now = std::min(rest, s_.Available(sp, day));
        s_.AddMaterial(sp, day, -now);
        portions->push_back({day, now});
        rest -= now;
        if (rest == 0 && day > ready) {
          ready = day;
          binding = {ReasonCode::kMaterial, item.value, site.value, qty - in_stock, earliest, day};
        }
      }
    } else {
      const int32_t day = s_.EarliestAvailable(sp, qty, ready);
      if (day < 0) {
        binding = {ReasonCode::kMaterial, item.value, site.value, rest, earliest, -1};
        return kNever;
      }
      if (day > ready) {
        ready = day;
        binding = {ReasonCode::kMaterial, item.value, site.value, rest, earliest, day};
      }
    }
  }
  if (portions == nullptr) {
    if (qty > bought) {
      // Deferred: consumed only on the consumer's start day (>= ready, so it is there then).
      const bool defer = reserve == Reserve::kDefer;
      if (!defer) s_.AddMaterial(sp, ready, -(qty - bought));
      takes->push_back({sp, item, site, ready, qty - bought, defer ? TakeKind::kDeferred : TakeKind::kConsumed});
    }
    if (bought > 0) takes->push_back({sp, item, site, ready, bought, TakeKind::kBought});
  }
  return ready;
}

template <bool kFollowing>
int64_t ForwardScheduler<kFollowing>::UnitsWithComponentsFirst(const Routing& r, int64_t x, int32_t day) const {
  const auto components = m_.components_of(r.item);
  auto limited = [&](const BomLine& b) {
    const Item& c = m_.item(b.component);
    return ix_.RoutingAt(b.component, r.site) == nullptr && !(c.lead_time_days >= 0 && day >= c.lead_time_days);
  };
  // The first day every limiting component has one unit's worth.
  int32_t first = day;
  for (const BomLine& b : components) {
    if (!limited(b)) continue;
    const int32_t d = s_.EarliestAvailable(ix_.StockPoint(b.component, r.site), b.qty_per, day);
    if (d < 0) return x;
    first = std::max(first, d);
  }
  int64_t units = x;
  for (const BomLine& b : components) {
    if (limited(b)) units = std::min(units, s_.Available(ix_.StockPoint(b.component, r.site), first) / b.qty_per);
  }
  return units > 0 ? units : x;
}

template <bool kFollowing>
int32_t ForwardScheduler<kFollowing>::BuildForward(const Routing& r, int64_t qty, int32_t earliest, int depth,
                                                   Constraint& binding, std::vector<Portion>* portions) {
  std::vector<StepWindow>& windows = windows_[static_cast<size_t>(depth)];
  windows.resize(r.step_count);
  TakeList& takes = takes_[static_cast<size_t>(depth)];
  const auto components = m_.components_of(r.item);
  const int32_t sp = ix_.StockPoint(r.item, r.site);
  int64_t remaining = qty;
  int32_t last_ready = earliest;
  while (remaining > 0) {
    int64_t x = 0;
    Constraint capacity_wait;
    if (!ScheduleForward(r, remaining, earliest, x, windows.data(), capacity_wait)) {
      binding = capacity_wait;
      return kNever;
    }
    if (portions != nullptr) x = std::min(x, UnitsWithComponentsFirst(r, x, windows[0].start));
    bool placed = false;
    Constraint component_binding;
    int32_t components_ready = earliest;
    while (!placed) {
      const auto before = s_.Save();
      takes.clear();
      components_ready = earliest;
      component_binding = Constraint{};
      // Built components first: building them consumes material now. The others are only
      // reserved (deferred) and consumed on the start day; nothing else consumes in between, so
      // what was there on their ready day is still there then.
      bool never = false;
      for (int pass = 0; pass < 2 && !never; ++pass) {
        for (const BomLine& b : components) {
          const bool built = ix_.RoutingAt(b.component, r.site) != nullptr;
          if (built != (pass == 0)) continue;
          // A built component is consumed at once unless no sibling's BOM holds it: then nothing
          // else can take its output before the start day either.
          const Reserve reserve = !built || !ix_.SharedBelow(b) ? Reserve::kDefer : Reserve::kConsumeNow;
          Constraint cb;
          const int32_t ready =
              SupplyForward(b.component, r.site, x * b.qty_per, earliest, depth + 1, cb, &takes, nullptr, reserve);
          if (ready >= kNever) {
            binding = cb;
            never = true;
            break;
          }
          if (ready > components_ready) {
            components_ready = ready;
            component_binding = cb;
          }
        }
      }
      if (never) {
        s_.Rollback(before);
        return kNever;
      }
      int64_t fits = 0;
      if (!ScheduleForward(r, x, components_ready, fits, windows.data(), capacity_wait)) {
        s_.Rollback(before);
        binding = capacity_wait;
        return kNever;
      }
      if (fits < x) {
        s_.Rollback(before);  // later capacity holds fewer units: supply that many
        x = fits;
        continue;
      }
      placed = true;
    }
    // Components are consumed on the piece's start day.
    const int32_t start = windows[0].start;
    ConsumeOn(takes, start, Consumer::kWorkOrder);
    s_.CommitWorkOrder(r, x, windows.data());
    const int32_t out = windows[r.step_count - 1].end + 1;
    if (portions != nullptr) {
      s_.AddMaterial(sp, out, -x);
      portions->push_back({out, x});
    }
    if (out >= last_ready) {
      last_ready = out;
      // The last piece decides when all is there: it waited for components, or for capacity.
      const int32_t capacity_delay = capacity_wait.until >= 0 ? capacity_wait.until - components_ready : 0;
      const int32_t component_delay = components_ready - earliest;
      binding = capacity_delay > component_delay ? capacity_wait : component_binding;
    }
    remaining -= x;
  }
  return last_ready;
}

template <bool kFollowing>
void ForwardScheduler<kFollowing>::ConsumeOn(const TakeList& takes, int32_t day, Consumer consumer) {
  const bool shipped = consumer == Consumer::kShipment;
  for (const Take& t : takes) {
    if (t.kind == TakeKind::kBought) {
      s_.Buy(t.item, t.site, day, t.qty, shipped ? PurchaseUse::kIntoStock : PurchaseUse::kDirect);
      if (!shipped) continue;
    } else if (t.kind == TakeKind::kDeferred) {
      s_.AddMaterial(t.stock_point, day, -t.qty);
    } else if (t.day != day) {
      s_.AddMaterial(t.stock_point, t.day, t.qty);
      s_.AddMaterial(t.stock_point, day, -t.qty);
    }
    s_.RecordConsumption(t.item, t.site, day, t.qty);
  }
}

// Only the entry points are instantiated explicitly: private helpers stay implicit, so that the
// compiler may inline them at their one call site.
template ForwardScheduler<false>::ForwardScheduler(PlanningState<false>&);
template int32_t ForwardScheduler<false>::SupplyForward(ItemId, SiteId, int64_t, int32_t, int, Constraint&, TakeList*, std::vector<Portion>*, Reserve);
template void ForwardScheduler<false>::ConsumeOn(const TakeList&, int32_t, Consumer);
template ForwardScheduler<true>::ForwardScheduler(PlanningState<true>&);
template int32_t ForwardScheduler<true>::SupplyForward(ItemId, SiteId, int64_t, int32_t, int, Constraint&, TakeList*, std::vector<Portion>*, Reserve);
template void ForwardScheduler<true>::ConsumeOn(const TakeList&, int32_t, Consumer);

}  // namespace takt::engine
