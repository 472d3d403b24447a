#include "plan/planner.h"

#include <algorithm>
#include <cassert>
#include <limits>

#include "plan/capacity_ledger.h"
#include "plan/licence_windows.h"
#include "plan/line_order.h"
#include "plan/material_ledger.h"
#include "plan/standard_cost.h"

namespace takt {

const char* AllocationPolicyName(AllocationPolicy policy) {
  return policy == AllocationPolicy::kPriority ? "priority" : "revenue";
}

const char* LicencePolicyName(LicencePolicy policy) {
  return policy == LicencePolicy::kConservative ? "conservative" : "expected";
}

const char* ReasonCodeName(ReasonCode code) {
  switch (code) {
    case ReasonCode::kNone: return "";
    case ReasonCode::kMaterial: return "material";
    case ReasonCode::kCapacity: return "capacity";
    case ReasonCode::kLeadTime: return "lead_time";
    case ReasonCode::kLicencePending: return "licence_pending";
    case ReasonCode::kLicenceDenied: return "licence_denied";
    case ReasonCode::kLicenceMissing: return "licence_missing";
    case ReasonCode::kProhibited: return "prohibited";
    case ReasonCode::kHorizon: return "horizon";
    case ReasonCode::kPastDue: return "past_due";
  }
  return "";
}

const char* LineStatusName(LineStatus status) {
  switch (status) {
    case LineStatus::kOnTime: return "on_time";
    case LineStatus::kLate: return "late";
    case LineStatus::kUnplanned: return "unplanned";
  }
  return "";
}

namespace {

constexpr int32_t kNever = std::numeric_limits<int32_t>::max() / 4;

struct StepWindow {
  int32_t start = 0;
  int32_t end = 0;
};

/// What a failed (or partly failed) attempt learned: the shortage that needs the longest wait
/// (it binds a whole line), and the shortest wait after which anything more could be had (for
/// partial lines).
struct AttemptShortage {
  int32_t shift_all = 0;
  int32_t shift_some = kNever;
  Constraint binding;
};

class Engine {
 public:
  Engine(const Model& model, const PlanOptions& options)
      : m_(model),
        days_(model.settings().horizon_days),
        sites_(static_cast<int32_t>(model.sites().size())),
        material_(days_, static_cast<int32_t>(model.items().size()) * sites_),
        capacity_(model),
        licences_(model, options.licence_policy) {
    plan_.options = options;
    plan_.outcomes.resize(model.lines().size());
    purchase_at_.assign(model.items().size() * static_cast<size_t>(sites_) * static_cast<size_t>(days_), -1);
    const Day start = model.plan_start();
    for (const Supply& s : model.supply()) {
      const int32_t day = std::max(0, s.date - start);
      if (day < days_) material_.Add(StockPoint(s.item, s.site), day, s.qty);
    }
    // One scratch per BOM level, allocated up front: an outer Build holds a reference to its own.
    int32_t depth = 0;
    for (size_t i = 0; i < model.items().size(); ++i) depth = std::max(depth, model.low_level_code(ItemId(i)));
    windows_.resize(static_cast<size_t>(depth) + 2);
    candidate_sites_.resize(model.items().size());
    for (size_t i = 0; i < model.items().size(); ++i) {
      std::vector<uint8_t> can(static_cast<size_t>(sites_), model.items()[i].lead_time_days >= 0 ? 1 : 0);
      for (const Routing& r : model.routings_of(ItemId(i))) can[r.site.index()] = 1;
      for (const Supply& s : model.supply_of(ItemId(i))) can[s.site.index()] = 1;
      for (int32_t s = 0; s < sites_; ++s) {
        if (can[static_cast<size_t>(s)]) candidate_sites_[i].push_back(SiteId(s));
      }
    }
  }

  Plan Run() {
    plan_.standard_cost = StandardCosts(m_);
    plan_.sequence = PlanningSequence(m_, plan_.options.policy);
    for (LineId id : plan_.sequence) PlanLine(id);
    return std::move(plan_);
  }

 private:
  struct Savepoint {
    size_t undo, work_orders, operations, consumptions, shipments;
  };
  struct Undo {
    enum Kind : uint8_t { kMaterial, kCapacity, kPurchase } kind;
    int32_t index;
    int32_t day;
    int64_t amount;
  };

  int32_t StockPoint(ItemId item, SiteId site) const { return item.value * sites_ + site.value; }

  const Routing* RoutingAt(ItemId item, SiteId site) const {
    for (const Routing& r : m_.routings_of(item)) {
      if (r.site == site) return &r;
    }
    return nullptr;
  }

  // --- state changes, all undoable ------------------------------------------------------------

  void AddMaterial(int32_t stock_point, int32_t day, int64_t qty) {
    material_.Add(stock_point, day, qty);
    undo_.push_back({Undo::kMaterial, stock_point, day, qty});
  }

  void UseCapacity(ResourceId r, int32_t day, Fixed4 amount) {
    capacity_.Use(r, day, amount);
    undo_.push_back({Undo::kCapacity, r.value, day, amount});
  }

  void Buy(ItemId item, SiteId site, int32_t day, int64_t qty) {
    int32_t& index = purchase_at_[static_cast<size_t>(StockPoint(item, site)) * static_cast<size_t>(days_) +
                                  static_cast<size_t>(day)];
    if (index < 0) {
      index = static_cast<int32_t>(plan_.purchases.size());
      plan_.purchases.push_back({item, site, day, 0});
    }
    plan_.purchases[static_cast<size_t>(index)].qty += qty;
    undo_.push_back({Undo::kPurchase, index, day, qty});
  }

  Savepoint Save() const {
    return {undo_.size(), plan_.work_orders.size(), plan_.operations.size(), plan_.consumptions.size(),
            plan_.shipments.size()};
  }

  void Rollback(const Savepoint& s) {
    while (undo_.size() > s.undo) {
      const Undo& u = undo_.back();
      switch (u.kind) {
        case Undo::kMaterial: material_.Add(u.index, u.day, -u.amount); break;
        case Undo::kCapacity: capacity_.Use(ResourceId(u.index), u.day, -u.amount); break;
        case Undo::kPurchase: plan_.purchases[static_cast<size_t>(u.index)].qty -= u.amount; break;
      }
      undo_.pop_back();
    }
    plan_.work_orders.resize(s.work_orders);
    plan_.operations.resize(s.operations);
    plan_.consumptions.resize(s.consumptions);
    plan_.shipments.resize(s.shipments);
  }

  void NoteShortage(const Constraint& c, int32_t shift_all, int32_t shift_some) {
    if (shift_all > shortage_.shift_all) {
      shortage_.shift_all = shift_all;
      shortage_.binding = c;
    }
    shortage_.shift_some = std::min(shortage_.shift_some, shift_some);
  }

  // --- supplying material -----------------------------------------------------------------------

  /// Takes up to `qty` of `item` at `site` on `day`: from stock, by building it (finishing by the day
  /// before), by buying it (lead-time items). Returns how much it got; shortfalls are noted.
  /// `scale` says how many times this quantity the caller will need in all (its later work orders),
  /// so that a shortage estimates the wait for all of it, not just for this piece.
  int64_t Acquire(ItemId item, SiteId site, int64_t qty, int32_t day, int depth, double scale) {
    const int32_t sp = StockPoint(item, site);
    int64_t got = std::min(qty, std::max<int64_t>(0, material_.Available(sp, day)));
    if (got > 0) AddMaterial(sp, day, -got);
    if (got < qty) {
      if (const Routing* r = RoutingAt(item, site)) {
        const int64_t built = Build(*r, qty - got, day, depth, scale);
        if (built > 0) AddMaterial(sp, day, -built);  // the output, consumed on the day it is needed
        got += built;
      }
    }
    const Item& it = m_.item(item);
    if (got < qty && it.lead_time_days >= 0 && day >= it.lead_time_days) {
      Buy(item, site, day, qty - got);  // arrives on the day it is consumed: no stock to track
      got = qty;
    }
    if (got > 0) plan_.consumptions.push_back({current_line_, item, site, day, got});
    if (got < qty && RoutingAt(item, site) == nullptr) {
      // Bought or received only: wait for stock, or for the end of the lead time.
      const int64_t missing = qty - got;
      const auto missing_in_all = std::max(missing, static_cast<int64_t>(static_cast<double>(qty) * scale) - got);
      const int32_t all = material_.EarliestAvailable(sp, missing_in_all, day + 1);
      const int32_t some = material_.EarliestAvailable(sp, 1, day + 1);
      int32_t until_all = all < 0 ? kNever : all;
      int32_t until_some = some < 0 ? kNever : some;
      ReasonCode code = ReasonCode::kMaterial;
      if (it.lead_time_days >= 0 && it.lead_time_days < until_all) {
        code = ReasonCode::kLeadTime;
        until_all = it.lead_time_days;
        until_some = std::min(until_some, it.lead_time_days);
      }
      NoteShortage({code, item.value, site.value, missing, day, until_all >= kNever ? -1 : until_all},
                   until_all >= kNever ? kNever : until_all - day, until_some >= kNever ? kNever : until_some - day);
    }
    return got;
  }

  /// Latest windows for the routing's steps with room for at least one unit, the last ending by
  /// `latest_end`. Sets `qty` to how many units (<= max_qty) the windows hold. False (and a noted
  /// shortage) when some step finds no window before plan_start.
  bool ScheduleBackward(const Routing& r, int64_t max_qty, int32_t latest_end, int64_t& qty, StepWindow* windows,
                        double scale) {
    const auto steps = m_.steps(r);
    qty = max_qty;
    int32_t end = latest_end;
    for (size_t j = steps.size(); j-- > 0;) {
      const RoutingStep& s = steps[j];
      const int32_t d = s.duration_days;
      int32_t e = end;
      for (;;) {
        const int32_t t = e - d + 1 < 0 ? -1 : capacity_.PrevWithFree(s.resource, e, s.usage_per_unit);
        if (t < d - 1) {
          NoteCapacityShortage(r, j, end, static_cast<double>(max_qty) * scale);
          return false;
        }
        int32_t blocked = -1;
        for (int32_t day = t - 1; day > t - d; --day) {
          if (capacity_.Free(s.resource, day) < s.usage_per_unit) {
            blocked = day;
            break;
          }
        }
        if (blocked < 0) {
          windows[j] = {t - d + 1, t};
          break;
        }
        e = blocked - 1;
      }
      for (int32_t day = windows[j].start; day <= windows[j].end; ++day) {
        qty = std::min<int64_t>(qty, capacity_.Free(s.resource, day) / s.usage_per_unit);
      }
      end = windows[j].start - 1;
    }
    return qty > 0;
  }

  /// `units`: how many units still need the step, to estimate when they all fit.
  void NoteCapacityShortage(const Routing& r, size_t step, int32_t end, double units) {
    const RoutingStep& s = m_.steps(r)[step];
    const int32_t d = s.duration_days;
    // The first window after `end` where the step fits; the whole chain moves by as much.
    int32_t next = capacity_.NextWithFree(s.resource, end + 1, s.usage_per_unit);
    while (next >= 0 && next + d - 1 < days_) {
      int32_t blocked = -1;
      for (int32_t day = next + 1; day < next + d; ++day) {
        if (capacity_.Free(s.resource, day) < s.usage_per_unit) blocked = day;
      }
      if (blocked < 0) break;
      next = capacity_.NextWithFree(s.resource, blocked + 1, s.usage_per_unit);
    }
    if (next >= 0 && next + d - 1 >= days_) next = -1;
    const int32_t shift_some = next < 0 ? kNever : next + d - 1 - end;
    // All the units need units x usage on each of d days: wait until that much has freed up.
    int32_t shift = shift_some;
    if (next >= 0) {
      const auto load = static_cast<Fixed4>(units * static_cast<double>(s.usage_per_unit) * d);
      const int32_t fits = capacity_.DayCumulativeFreeReaches(s.resource, next, load);
      shift = fits < 0 ? kNever : std::max(shift_some, fits - end);
    }
    if (end - d + 1 < 0 && (next < 0 || next <= d)) {
      // Not a full resource: the deadline is closer to plan_start than the routing takes.
      NoteShortage({ReasonCode::kLeadTime, r.item.value, r.site.value, 0, 0, next < 0 ? -1 : next + d - 1}, shift,
                   shift_some);
      return;
    }
    NoteShortage({ReasonCode::kCapacity, s.resource.value, r.site.value, 0, std::max(0, end - d + 1), next}, shift,
                 shift_some);
  }

  /// Builds up to `qty` of the routing's item, output available by `day`, in work orders scheduled
  /// backward (latest first). Returns how much it built.
  int64_t Build(const Routing& r, int64_t qty, int32_t day, int depth, double scale) {
    assert(static_cast<size_t>(depth) < windows_.size());
    std::vector<StepWindow>& windows = windows_[static_cast<size_t>(depth)];
    windows.resize(r.step_count);
    const auto components = m_.components_of(r.item);
    int64_t remaining = qty;
    while (remaining > 0) {
      int64_t x = 0;
      if (!ScheduleBackward(r, remaining, day - 1, x, windows.data(), scale)) break;
      // The components of this piece stand for those of every piece still to come.
      const double piece_scale = scale * static_cast<double>(remaining) / static_cast<double>(x);
      bool placed = false;
      for (int tries = 0; tries < 4 && x > 0 && !placed; ++tries) {
        const Savepoint before = Save();
        CommitWorkOrder(r, x, windows.data());
        int64_t limit = x;
        const AttemptShortage outer = shortage_;
        shortage_ = AttemptShortage{};
        for (const BomLine& b : components) {
          const int64_t need = x * b.qty_per;
          const int64_t got = Acquire(b.component, r.site, need, windows[0].start, depth + 1, piece_scale);
          limit = std::min(limit, got / b.qty_per);
        }
        if (limit < x && shortage_.shift_all > 0 && shortage_.shift_all < kNever) {
          // The components are there only from `ready`; this piece's window may lie well before the
          // due day, so moving the due day need not move it. Estimate instead when everything still
          // to build fits after `ready`, and wait for that.
          const int32_t ready = windows[0].start + shortage_.shift_all;
          const int32_t end = EstimateEnd(r, static_cast<double>(remaining) * scale, ready);
          shortage_.shift_all = end >= kNever ? kNever : std::max(shortage_.shift_all, end + 1 - day);
        }
        MergeShortage(outer);
        if (limit == x) {
          placed = true;
        } else {
          Rollback(before);
          x = limit;  // the same windows hold fewer units
        }
      }
      if (!placed) break;
      remaining -= x;
    }
    return qty - remaining;
  }

  /// The last day of the routing's last step if `units` start no earlier than `ready`, each step
  /// waiting until enough of its resource's capacity has freed up; kNever past the horizon.
  int32_t EstimateEnd(const Routing& r, double units, int32_t ready) const {
    int32_t t = ready;
    for (const RoutingStep& s : m_.steps(r)) {
      const auto load = static_cast<Fixed4>(units * static_cast<double>(s.usage_per_unit) * s.duration_days);
      const int32_t fits = capacity_.DayCumulativeFreeReaches(s.resource, t, load);
      if (fits < 0) return kNever;
      t = std::max(t + s.duration_days - 1, fits) + 1;
    }
    return t - 1;
  }

  /// Combines the shortages noted before a nested attempt with those it noted.
  void MergeShortage(const AttemptShortage& outer) {
    if (outer.shift_all > shortage_.shift_all) {
      shortage_.shift_all = outer.shift_all;
      shortage_.binding = outer.binding;
    }
    shortage_.shift_some = std::min(shortage_.shift_some, outer.shift_some);
  }

  void CommitWorkOrder(const Routing& r, int64_t qty, const StepWindow* windows) {
    const auto steps = m_.steps(r);
    WorkOrder wo;
    wo.item = r.item;
    wo.site = r.site;
    wo.qty = qty;
    wo.start = windows[0].start;
    wo.end = windows[steps.size() - 1].end;
    wo.line = current_line_;
    wo.first_operation = static_cast<uint32_t>(plan_.operations.size());
    wo.operation_count = static_cast<uint32_t>(steps.size());
    for (size_t j = 0; j < steps.size(); ++j) {
      const Fixed4 load = steps[j].usage_per_unit * qty;
      for (int32_t d = windows[j].start; d <= windows[j].end; ++d) UseCapacity(steps[j].resource, d, load);
      plan_.operations.push_back({r.first_step + static_cast<uint32_t>(j), windows[j].start, windows[j].end});
    }
    plan_.work_orders.push_back(wo);
    AddMaterial(StockPoint(r.item, r.site), wo.end + 1, qty);
  }

  // --- planning one line ------------------------------------------------------------------------

  /// The first day >= day inside a licence window, or -1.
  int32_t Allowed(int32_t day) const {
    for (const ShipWindow& w : ship_windows_) {
      if (day <= w.to) return std::max(day, w.from);
    }
    return -1;
  }

  bool AttemptWhole(ItemId item, SiteId site, int64_t qty, int32_t day) {
    const Savepoint before = Save();
    shortage_ = AttemptShortage{};
    const int64_t got = Acquire(item, site, qty, day, 0, 1.0);
    if (got == qty) {
      plan_.shipments.push_back({current_line_, site, day, qty});
      return true;
    }
    Rollback(before);
    return false;
  }

  /// Jumps forward from `day` to the first day the whole line can ship at `site`; commits it.
  /// -1 when none within the horizon; `binding` is the last failure's constraint.
  ///
  /// Each failure says how long its binding shortage lasts, and the next attempt goes there. When
  /// the same constraint binds twice in a row the estimate was too hopeful (capacity freed in
  /// fragments a work order cannot use), so the jump doubles; after a success reached that way, a
  /// bisection between the last failure and the success finds the earliest day.
  int32_t ForwardWhole(ItemId item, SiteId site, int64_t qty, int32_t day, Constraint& binding) {
    int32_t failed = -1;  // the last day known to fail
    int32_t last_shift = 0;
    bool doubled = false;
    Constraint previous;
    for (;;) {
      day = Allowed(day);
      if (day < 0 || day >= days_) return -1;
      const Savepoint before = Save();
      if (AttemptWhole(item, site, qty, day)) {
        if (!doubled || failed < 0 || day - failed <= 1) return day;
        Rollback(before);
        return Bisect(item, site, qty, failed, day);
      }
      binding = shortage_.binding;
      if (shortage_.shift_all >= kNever) return -1;
      int32_t shift = std::max(1, shortage_.shift_all);
      if (failed >= 0 && SameConstraint(binding, previous)) {
        shift = std::max(shift, 2 * last_shift);
        doubled = true;
      }
      previous = binding;
      failed = day;
      last_shift = shift;
      day += shift;
    }
  }

  /// The first day in (fails, works] on which the whole line can be planned, committed. `works` is
  /// known to work in the current state.
  int32_t Bisect(ItemId item, SiteId site, int64_t qty, int32_t fails, int32_t works) {
    while (works - fails > 1) {
      const int32_t mid = fails + (works - fails) / 2;
      if (Allowed(mid) != mid) {
        fails = mid;
        continue;
      }
      const Savepoint before = Save();
      if (AttemptWhole(item, site, qty, mid)) {
        Rollback(before);
        works = mid;
      } else {
        fails = mid;
      }
    }
    const bool placed = AttemptWhole(item, site, qty, works);
    assert(placed && "a day that worked works again from the same state");
    (void)placed;
    return works;
  }

  static bool SameConstraint(const Constraint& a, const Constraint& b) {
    return a.code == b.code && a.object == b.object && a.site == b.site;
  }

  struct PartialResult {
    int64_t shipped = 0;
    int64_t shipped_on_first_day = 0;
    int64_t weighted_days = 0;  ///< sum of qty x day, to prefer earlier schedules
    Constraint binding;
  };

  PartialResult RunPartial(ItemId item, SiteId site, int64_t qty, int32_t day) {
    PartialResult result;
    const int32_t first = day;
    while (result.shipped < qty) {
      day = Allowed(day);
      if (day < 0 || day >= days_) break;
      shortage_ = AttemptShortage{};
      const int64_t got = Acquire(item, site, qty - result.shipped, day, 0, 1.0);
      if (got > 0) {
        plan_.shipments.push_back({current_line_, site, day, got});
        result.shipped += got;
        result.weighted_days += got * day;
        if (day == first) result.shipped_on_first_day += got;
      }
      if (result.shipped == qty) break;
      result.binding = shortage_.binding;
      if (shortage_.shift_some >= kNever) break;
      day += std::max(1, shortage_.shift_some);
    }
    return result;
  }

  void PlanLine(LineId id) {
    current_line_ = id;
    const OrderLine& line = m_.line(id);
    LineOutcome& out = plan_.outcomes[id.index()];
    const Day start = m_.plan_start();
    const int32_t request = line.request_date - start;
    const int32_t earliest =
        std::max({0, line.request_date - m_.settings().early_ship_days - start, line.order_date - start});
    if (earliest >= days_) {
      out.reason = {ReasonCode::kHorizon, -1, -1, 0, earliest, -1};
      return;
    }
    licences_.Windows(line, ship_windows_, out.reason);
    if (ship_windows_.empty()) return;  // unplanned: prohibited, denied, pending or missing licence
    const int32_t target = std::max(request, earliest);
    const int32_t first_day = Allowed(target);
    if (first_day < 0) {
      out.reason = {ReasonCode::kLicenceMissing, m_.item(line.item).export_class.value, line.ship_to.value, 0,
                    target, -1};
      return;
    }
    sites_scratch_.clear();
    if (line.site.valid()) {
      sites_scratch_.push_back(line.site);
    } else {
      sites_scratch_ = candidate_sites_[line.item.index()];
    }
    // Why the first day may already be past the request date.
    Constraint first_reason;
    if (first_day > target) {
      const ShipWindow* w = nullptr;
      for (const ShipWindow& sw : ship_windows_) {
        if (sw.from == first_day) w = &sw;
      }
      first_reason = {ReasonCode::kLicencePending, w != nullptr ? w->licence : -1, line.ship_to.value, 0, target,
                      first_day};
    } else if (request < earliest) {
      first_reason = {ReasonCode::kPastDue, -1, -1, 0, request, earliest};
    }

    if (line.partial) {
      PlanPartialLine(line, out, first_day, first_reason);
    } else {
      PlanWholeLine(line, out, first_day, first_reason);
    }
    if (out.shipped_qty == line.qty) {
      out.status = out.planned_day > request ? LineStatus::kLate : LineStatus::kOnTime;
      if (out.status == LineStatus::kOnTime) out.reason = Constraint{};
    } else {
      out.status = LineStatus::kUnplanned;
    }
  }

  void PlanWholeLine(const OrderLine& line, LineOutcome& out, int32_t first_day, const Constraint& first_reason) {
    // Just in time (or as soon as allowed) at any capable site.
    std::vector<AttemptShortage>& failures = failures_scratch_;
    failures.clear();
    for (SiteId site : sites_scratch_) {
      if (AttemptWhole(line.item, site, line.qty, first_day)) {
        Ship(out, site, line.qty, first_day, first_reason);
        return;
      }
      failures.push_back(shortage_);
    }
    // The earliest later day at each site; the earliest site wins (the first on ties).
    int32_t best_day = -1;
    size_t best = 0;
    Constraint best_binding;
    for (size_t k = 0; k < sites_scratch_.size(); ++k) {
      const AttemptShortage& f = failures[k];
      Constraint binding = f.binding;
      if (f.shift_all >= kNever) {
        if (best_day < 0 && k == 0) best_binding = binding;
        continue;
      }
      const bool only = sites_scratch_.size() == 1;
      const Savepoint before = Save();
      const int32_t day = ForwardWhole(line.item, sites_scratch_[k], line.qty, first_day + std::max(1, f.shift_all),
                                       binding);
      if (!only) Rollback(before);
      if (day >= 0 && (best_day < 0 || day < best_day)) {
        best_day = day;
        best = k;
        best_binding = binding;
      } else if (best_day < 0 && k == 0) {
        best_binding = binding;
      }
      if (only) break;
    }
    if (best_day < 0) {
      out.reason = best_binding.code != ReasonCode::kNone ? best_binding : failures.front().binding;
      return;
    }
    if (sites_scratch_.size() > 1) {
      const bool placed = AttemptWhole(line.item, sites_scratch_[best], line.qty, best_day);
      assert(placed && "a day found by the forward search must be plannable again");
      (void)placed;
    }
    Ship(out, sites_scratch_[best], line.qty, best_day, best_binding);
  }

  void Ship(LineOutcome& out, SiteId site, int64_t qty, int32_t day, const Constraint& reason) {
    out.site = site;
    out.shipped_qty = qty;
    out.planned_day = day;
    out.reason = reason;
  }

  void PlanPartialLine(const OrderLine& line, LineOutcome& out, int32_t first_day, const Constraint& first_reason) {
    size_t best = 0;
    if (sites_scratch_.size() > 1) {
      // Most on the first day, then most in total, then earliest on average.
      PartialResult best_result;
      for (size_t k = 0; k < sites_scratch_.size(); ++k) {
        const Savepoint before = Save();
        const PartialResult r = RunPartial(line.item, sites_scratch_[k], line.qty, first_day);
        Rollback(before);
        const bool better = k == 0 || r.shipped_on_first_day > best_result.shipped_on_first_day ||
                            (r.shipped_on_first_day == best_result.shipped_on_first_day &&
                             (r.shipped > best_result.shipped ||
                              (r.shipped == best_result.shipped && r.weighted_days < best_result.weighted_days)));
        if (better) {
          best = k;
          best_result = r;
        }
      }
    }
    const size_t shipments_before = plan_.shipments.size();
    const PartialResult r = RunPartial(line.item, sites_scratch_[best], line.qty, first_day);
    out.site = sites_scratch_[best];
    out.shipped_qty = r.shipped;
    out.planned_day = plan_.shipments.size() > shipments_before ? plan_.shipments.back().day : -1;
    if (r.shipped == line.qty && r.shipped_on_first_day == line.qty) {
      out.reason = first_reason;
    } else {
      out.reason = r.binding.code != ReasonCode::kNone ? r.binding : first_reason;
    }
  }

  const Model& m_;
  const int32_t days_;
  const int32_t sites_;
  MaterialLedger material_;
  CapacityLedger capacity_;
  LicenceIndex licences_;
  Plan plan_;
  std::vector<Undo> undo_;
  std::vector<int32_t> purchase_at_;  ///< [stock point][day] -> purchase index, -1 none
  std::vector<std::vector<SiteId>> candidate_sites_;
  std::vector<std::vector<StepWindow>> windows_;  ///< scratch per BOM depth
  std::vector<ShipWindow> ship_windows_;
  std::vector<SiteId> sites_scratch_;
  std::vector<AttemptShortage> failures_scratch_;
  AttemptShortage shortage_;
  LineId current_line_;
};

}  // namespace

Plan PlanBacklog(const Model& model, const PlanOptions& options) { return Engine(model, options).Run(); }

}  // namespace takt
