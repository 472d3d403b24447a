#include "plan/planner.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <memory>
#include <utility>

#include "plan/candidate_sites.h"
#include "plan/capacity_ledger.h"
#include "plan/divergence.h"
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
/// Another site is planned only when its lower bound beats the best day found by this many days.
constexpr int32_t kSiteMargin = 7;

struct StepWindow {
  int32_t start = 0;
  int32_t end = 0;
};

/// A consumption made on a provisional day, to be moved to the day its consumer starts. A bought
/// quantity is not in the ledger at all: it is bought to arrive on the day it is consumed.
struct Take {
  int32_t stock_point;
  ItemId item;
  SiteId site;
  int32_t day;
  int64_t qty;
  bool bought;
  bool deferred = false;  ///< not yet consumed in the ledger: consumed on the consumer's day
};

/// A quantity that becomes available on a day (a partial line ships each as it comes).
struct Portion {
  int32_t day;
  int64_t qty;
};

}  // namespace

/// The model's supply into a ledger: what planning starts from. `point_of`, when given, maps each
/// stock point (item x site) to the ledger's point, -1 for one it does not hold.
void AddSupply(const Model& m, MaterialLedger& material, const std::vector<int32_t>* point_of = nullptr) {
  const int32_t sites = static_cast<int32_t>(m.sites().size());
  for (const Supply& s : m.supply()) {
    const int32_t sp = s.item.value * sites + s.site.value;
    const int32_t point = point_of != nullptr ? (*point_of)[static_cast<size_t>(sp)] : sp;
    const int32_t day = std::max(0, s.date - m.plan_start());
    if (point >= 0 && day < material.days()) material.Add(point, day, s.qty);
  }
}

struct PlanState {
  size_t position = 0;
  MaterialLedger material;
  CapacityLedger capacity;
  std::vector<Purchase> purchases;
  std::vector<int32_t> purchase_at;
  size_t shipments = 0, work_orders = 0, operations = 0, consumptions = 0;
};

/// Scenarios followed through a base run (PlanBase). Each keeps its own state of the stock points and
/// resources it changed, updated with every change the base run makes to them, and is asked every
/// question the base run asks of them. The first answer that differs marks the line being planned
/// as the first the scenario may plan otherwise: the lines before it got the same answers to every
/// question, so they planned as in the base and left the same state, but for what the scenario
/// changed, which its own ledgers hold.
class ScenarioFollower {
 public:
  struct Follow {
    const Divergence* divergence = nullptr;
    /// The scenario's ledgers of only what it changed: stock point divergence->stock_points[k] is
    /// its point k, resource divergence->resources[k] its resource k.
    MaterialLedger material;
    CapacityLedger capacity;
    std::vector<int32_t> local_point, local_resource;  ///< per stock point / resource: k, or -1
    bool active = true;
    bool diverged = false;  ///< some question got another answer during the line being planned
  };

  ScenarioFollower(const Model& base, std::span<const ScenarioToFollow> scenarios)
      : by_stock_point_(base.items().size() * base.sites().size()), by_resource_(base.resources().size()) {
    follows_.reserve(scenarios.size());
    for (const ScenarioToFollow& s : scenarios) {
      Follow& f = follows_.emplace_back();
      const Divergence& d = *s.divergence;
      f.divergence = &d;
      f.local_point.assign(by_stock_point_.size(), -1);
      f.local_resource.assign(by_resource_.size(), -1);
      f.material = MaterialLedger(base.settings().horizon_days, static_cast<int32_t>(d.stock_points.size()));
      for (size_t k = 0; k < d.stock_points.size(); ++k) f.local_point[static_cast<size_t>(d.stock_points[k])] = static_cast<int32_t>(k);
      AddSupply(*s.model, f.material, &f.local_point);
      f.capacity = CapacityLedger(*s.model, d.resources);
      for (size_t k = 0; k < d.resources.size(); ++k) f.local_resource[d.resources[k].index()] = static_cast<int32_t>(k);
      const auto index = static_cast<uint16_t>(follows_.size() - 1);
      for (const int32_t sp : d.stock_points) by_stock_point_[static_cast<size_t>(sp)].push_back(index);
      for (const ResourceId r : d.resources) by_resource_[r.index()].push_back(index);
    }
  }

  std::vector<Follow>& follows() { return follows_; }

  /// Stops following a scenario: its changed points are no longer updated or asked.
  void Stop(size_t index) {
    follows_[index].active = false;
    auto drop = [&](std::vector<uint16_t>& list) { std::erase(list, static_cast<uint16_t>(index)); };
    for (const int32_t sp : follows_[index].divergence->stock_points) drop(by_stock_point_[static_cast<size_t>(sp)]);
    for (const ResourceId r : follows_[index].divergence->resources) drop(by_resource_[r.index()]);
  }
  /// Whether a scenario that changed some stock point or resource is still followed: the others'
  /// start is their limit, which needs no questions asked.
  bool any_watching() const {
    return std::any_of(follows_.begin(), follows_.end(), [](const Follow& f) {
      return f.active && (!f.divergence->stock_points.empty() || !f.divergence->resources.empty());
    });
  }

  void Add(int32_t sp, int32_t day, int64_t qty) {
    for (const uint16_t i : by_stock_point_[static_cast<size_t>(sp)]) {
      follows_[i].material.Add(follows_[i].local_point[static_cast<size_t>(sp)], day, qty);
    }
  }
  void Use(ResourceId r, int32_t day, Fixed4 amount) {
    for (const uint16_t i : by_resource_[r.index()]) {
      follows_[i].capacity.Use(ResourceId(follows_[i].local_resource[r.index()]), day, amount);
    }
  }
  /// `same(ledger, k)`: whether the scenario's ledger, where the point is its point k, gives the
  /// base run's answer.
  template <typename Same>
  void Check(int32_t sp, Same same) {
    for (const uint16_t i : by_stock_point_[static_cast<size_t>(sp)]) {
      Follow& f = follows_[i];
      if (!f.diverged && !same(std::as_const(f.material), f.local_point[static_cast<size_t>(sp)])) f.diverged = true;
    }
  }
  template <typename Same>
  void Check(ResourceId r, Same same) {
    for (const uint16_t i : by_resource_[r.index()]) {
      Follow& f = follows_[i];
      if (!f.diverged && !same(std::as_const(f.capacity), ResourceId(f.local_resource[r.index()]))) f.diverged = true;
    }
  }

 private:
  std::vector<Follow> follows_;
  std::vector<std::vector<uint16_t>> by_stock_point_;  ///< the active scenarios that changed each
  std::vector<std::vector<uint16_t>> by_resource_;
};

/// The planner. `kFollowing`: a base run that follows scenarios (PlanBase); every other run is
/// compiled without the follower's checks, which would otherwise cost 7% on the ledger's hot paths.
template <bool kFollowing>
class BasicEngine {
  template <bool>
  friend class BasicEngine;

 public:
  BasicEngine(const Model& model, const PlanOptions& options)
      : m_(model),
        days_(model.settings().horizon_days),
        sites_(static_cast<int32_t>(model.sites().size())),
        material_(days_, static_cast<int32_t>(model.items().size()) * sites_),
        capacity_(model),
        licences_(model, options.licence_policy) {
    plan_.options = options;
    plan_.outcomes.resize(model.lines().size());
    purchase_at_.assign(model.items().size() * static_cast<size_t>(sites_) * static_cast<size_t>(days_), -1);
    AddSupply(model, material_);
    // Scratch per BOM level, allocated up front: an outer call holds a reference to its own.
    int32_t depth = 0;
    for (size_t i = 0; i < model.items().size(); ++i) depth = std::max(depth, model.low_level_code(ItemId(i)));
    windows_.resize(static_cast<size_t>(depth) + 2);
    takes_.resize(static_cast<size_t>(depth) + 2);
    buyable_.assign(model.items().size() * static_cast<size_t>(sites_), 0);
    for (size_t i = 0; i < model.items().size(); ++i) {
      if (model.items()[i].lead_time_days < 0) continue;
      for (int32_t s = 0; s < sites_; ++s) buyable_[i * static_cast<size_t>(sites_) + static_cast<size_t>(s)] = 1;
      for (const Routing& r : model.routings_of(ItemId(i))) buyable_[static_cast<size_t>(StockPoint(r.item, r.site))] = 0;
    }
    // Per BOM line: does the component also appear below another component of the same parent?
    shared_below_.assign(model.bom().size(), 0);
    std::vector<std::vector<uint8_t>> below(model.items().size());
    auto descendants = [&](auto& self, ItemId item) -> const std::vector<uint8_t>& {
      std::vector<uint8_t>& d = below[item.index()];
      if (d.empty()) {
        d.assign(model.items().size(), 0);
        for (const BomLine& b : model.components_of(item)) {
          d[b.component.index()] = 1;
          const std::vector<uint8_t>& sub = self(self, b.component);
          for (size_t i = 0; i < d.size(); ++i) d[i] |= sub[i];
        }
      }
      return d;
    };
    for (size_t i = 0; i < model.items().size(); ++i) {
      const auto children = model.components_of(ItemId(i));
      for (const BomLine& b : children) {
        for (const BomLine& sibling : children) {
          if (&sibling != &b && descendants(descendants, sibling.component)[b.component.index()]) {
            shared_below_[static_cast<size_t>(&b - model.bom().data())] = 1;
          }
        }
      }
    }
    candidate_sites_ = CandidateSites(model);
  }

  void PlanAll() {
    Prepare(PlanningSequence(m_, plan_.options));
    PlanLines(0, plan_.sequence.size());
  }

  /// PlanAll, keeping the state at `count` evenly spaced positions of the sequence.
  std::vector<ScenarioStart> PlanAllKeeping(size_t count) {
    Prepare(PlanningSequence(m_, plan_.options));
    const size_t lines = plan_.sequence.size();
    std::vector<ScenarioStart> kept;
    size_t done = 0;
    for (size_t c = 1; c <= count; ++c) {
      const size_t at = lines * c / (count + 1);
      if (at < MinimumStart() || at <= done) continue;
      PlanLines(done, at);
      done = at;
      kept.push_back({at, StateBefore(at, false, nullptr)});
    }
    PlanLines(done, lines);
    return kept;
  }

  /// Sets the sequence the lines are planned in (PlanningSequence's) before the first line.
  void Prepare(std::vector<LineId> sequence) {
    plan_.standard_cost = StandardCosts(m_);
    plan_.sequence = std::move(sequence);
    // Typical sizes, to grow the big vectors a few times rather than many.
    const size_t lines = m_.lines().size();
    plan_.shipments.reserve(lines + lines / 8);
    plan_.work_orders.reserve(lines * 3);
    plan_.operations.reserve(lines * 5);
    plan_.consumptions.reserve(lines * 8);
  }

  /// Plans the lines at positions [from, to) of the sequence.
  void PlanLines(size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      const LineId id = plan_.sequence[k];
      undo_.clear();  // what earlier lines did is final: nothing rolls back past this line's start
      PlanLine(m_.line(id), id, plan_.outcomes[id.index()]);
    }
  }

  /// Follows scenarios through this run (null: none).
  void Follow(ScenarioFollower* follower) { follow_ = follower; }
  /// The follower, when this run has one (never in a run compiled without following).
  ScenarioFollower* follower() const {
    if constexpr (kFollowing) {
      return follow_;
    } else {
      return nullptr;
    }
  }

  /// Plans the lines at positions [from, to), following scenarios: a scenario's start is where the
  /// run reaches its limit or a line gets another answer from its ledgers than from the base's.
  /// Returns where it stopped: `to`, or where no scenario that changed a ledger point is left (the
  /// others are still active: their start is their limit).
  size_t PlanLinesFollowing(size_t from, size_t to, std::vector<ScenarioStart>& starts) {
    std::vector<ScenarioFollower::Follow>& follows = follow_->follows();
    for (size_t k = from; k < to; ++k) {
      for (size_t i = 0; i < follows.size(); ++i) {
        if (follows[i].active && follows[i].divergence->limit == k) Start(i, k, false, starts);
      }
      if (!follow_->any_watching()) {
        follow_ = nullptr;
        return k;
      }
      line_start_ = Sizes();
      PlanLines(k, k + 1);
      for (size_t i = 0; i < follows.size(); ++i) {
        if (follows[i].active && follows[i].diverged) Start(i, k, true, starts);
      }
    }
    for (size_t i = 0; i < follows.size(); ++i) {
      if (follows[i].active) Start(i, to, false, starts);
    }
    follow_ = nullptr;
    return to;
  }

  /// The state here, before the line at `position`, when it is worth keeping (else null).
  std::shared_ptr<const PlanState> StateAt(size_t position) const {
    return position >= MinimumStart() ? StateBefore(position, false, nullptr) : nullptr;
  }

  /// Continues another run of the same model and options from the line boundary it reached.
  template <bool kOther>
  void TakeOver(BasicEngine<kOther>& other) {
    material_ = std::move(other.material_);
    capacity_ = std::move(other.capacity_);
    plan_ = std::move(other.plan_);
    purchase_at_ = std::move(other.purchase_at_);
  }

  /// Continues from a scenario's start (a base run's state, as the scenario's): the base's plans of
  /// the lines before it become this plan's. Then the next line is at `state.position`.
  void StartFrom(const PlanState& state, const Model& base_model, const Plan& base) {
    material_ = state.material;
    capacity_ = state.capacity;
    plan_.purchases = state.purchases;
    purchase_at_ = state.purchase_at;
    // The lines may have other ids here (cancelled orders shift the lines after them).
    std::vector<LineId> here(base_model.lines().size());
    for (size_t k = 0; k < state.position; ++k) {
      const LineId from = base.sequence[k], to = plan_.sequence[k];
      here[from.index()] = to;
      plan_.outcomes[to.index()] = base.outcomes[from.index()];
    }
    auto copy = [&](const auto& from, auto& to, size_t count) {
      for (size_t i = 0; i < count; ++i) {
        to.push_back(from[i]);
        to.back().line = here[to.back().line.index()];
      }
    };
    copy(base.shipments, plan_.shipments, state.shipments);
    copy(base.work_orders, plan_.work_orders, state.work_orders);
    copy(base.consumptions, plan_.consumptions, state.consumptions);
    plan_.operations.insert(plan_.operations.end(), base.operations.begin(),
                            base.operations.begin() + static_cast<ptrdiff_t>(state.operations));
  }

  Plan TakePlan() { return std::move(plan_); }
  const Plan& plan() const { return plan_; }

  /// Plans a line that is not in the model, after everything planned so far. Unless `keep`, the
  /// state is left exactly as it was: a promise is a query.
  QuoteAnswer Answer(const OrderLine& line, bool keep) {
    const LineId id(m_.lines().size() + kept_quotes_);
    undo_.clear();
    const Savepoint before = Save();
    QuoteAnswer answer;
    PlanLine(line, id, answer.outcome);
    for (size_t i = before.shipments; i < plan_.shipments.size(); ++i) {
      answer.shipments.push_back({plan_.shipments[i].day, plan_.shipments[i].qty});
    }
    if (keep) {
      ++kept_quotes_;
    } else {
      Rollback(before);
    }
    undo_.clear();
    return answer;
  }

  /// Plans quotes in turn, each after the ones before it, then restores the state: a cumulative
  /// answer that commits nothing.
  std::vector<QuoteAnswer> AnswerInTurn(std::span<const OrderLine> lines) {
    undo_.clear();
    const Savepoint before = Save();
    std::vector<QuoteAnswer> answers(lines.size());
    for (size_t k = 0; k < lines.size(); ++k) {
      const LineId id(m_.lines().size() + kept_quotes_ + k);
      const size_t first_shipment = plan_.shipments.size();
      PlanLine(lines[k], id, answers[k].outcome);
      for (size_t i = first_shipment; i < plan_.shipments.size(); ++i) {
        answers[k].shipments.push_back({plan_.shipments[i].day, plan_.shipments[i].qty});
      }
    }
    Rollback(before);
    undo_.clear();
    return answers;
  }

 private:
  struct Savepoint {
    size_t undo, work_orders, operations, consumptions, shipments;
  };
  struct Undo {
    enum Kind : uint8_t { kMaterial, kCapacity, kPurchase, kDirectPurchase } kind;
    int32_t index;
    int32_t day;
    int64_t amount;
  };

  int32_t StockPoint(ItemId item, SiteId site) const { return item.value * sites_ + site.value; }

  /// True for an item that is bought (has a lead time), is not built at the site and has no stock
  /// left there on any day: its only source is purchasing, so the ledger can be skipped.
  bool OnlyBought(int32_t stock_point) const {
    if (buyable_[static_cast<size_t>(stock_point)] == 0) return false;
    const bool none = material_.Total(stock_point) <= 0;
    Ask(stock_point, [&](const MaterialLedger& m, int32_t k) { return (m.Total(k) <= 0) == none; });
    return none;
  }

  const Routing* RoutingAt(ItemId item, SiteId site) const {
    for (const Routing& r : m_.routings_of(item)) {
      if (r.site == site) return &r;
    }
    return nullptr;
  }

  // --- state changes, all undoable ------------------------------------------------------------

  void AddMaterial(int32_t stock_point, int32_t day, int64_t qty) {
    LedgerAdd(stock_point, day, qty);
    undo_.push_back({Undo::kMaterial, stock_point, day, qty});
  }

  void UseCapacity(ResourceId r, int32_t day, Fixed4 amount) {
    LedgerUse(r, day, amount);
    undo_.push_back({Undo::kCapacity, r.value, day, amount});
  }

  // --- the ledgers, and the scenarios followed through this run (ScenarioFollower) ------------

  void LedgerAdd(int32_t stock_point, int32_t day, int64_t qty) {
    material_.Add(stock_point, day, qty);
    if (ScenarioFollower* f = follower()) f->Add(stock_point, day, qty);
  }
  void LedgerUse(ResourceId r, int32_t day, Fixed4 amount) {
    capacity_.Use(r, day, amount);
    if (ScenarioFollower* f = follower()) f->Use(r, day, amount);
  }
  /// Asks the followed scenarios, if any, whether their ledgers give the same answer at `point`.
  template <typename Point, typename Same>
  void Ask(Point point, Same same) const {
    if (ScenarioFollower* f = follower()) f->Check(point, same);
  }
  int64_t Available(int32_t sp, int32_t day) const {
    const int64_t v = material_.Available(sp, day);
    Ask(sp, [&](const MaterialLedger& m, int32_t k) { return m.Available(k, day) == v; });
    return v;
  }
  int32_t EarliestAvailable(int32_t sp, int64_t qty, int32_t from) const {
    const int32_t v = material_.EarliestAvailable(sp, qty, from);
    Ask(sp, [&](const MaterialLedger& m, int32_t k) { return m.EarliestAvailable(k, qty, from) == v; });
    return v;
  }
  Fixed4 Free(ResourceId r, int32_t day) const {
    const Fixed4 v = capacity_.Free(r, day);
    Ask(r, [&](const CapacityLedger& c, ResourceId k) { return c.Free(k, day) == v; });
    return v;
  }
  int32_t NextWithFree(ResourceId r, int32_t from, Fixed4 amount) const {
    const int32_t v = capacity_.NextWithFree(r, from, amount);
    Ask(r, [&](const CapacityLedger& c, ResourceId k) { return c.NextWithFree(k, from, amount) == v; });
    return v;
  }
  int32_t PrevWithFree(ResourceId r, int32_t to, Fixed4 amount) const {
    const int32_t v = capacity_.PrevWithFree(r, to, amount);
    Ask(r, [&](const CapacityLedger& c, ResourceId k) { return c.PrevWithFree(k, to, amount) == v; });
    return v;
  }
  int32_t DayCumulativeFreeReaches(ResourceId r, int32_t from, Fixed4 amount) const {
    const int32_t v = capacity_.DayCumulativeFreeReaches(r, from, amount);
    Ask(r, [&](const CapacityLedger& c, ResourceId k) { return c.DayCumulativeFreeReaches(k, from, amount) == v; });
    return v;
  }

  /// Records a purchase arriving on `day` (the ledger is the caller's business). `direct`: bought
  /// for one consumption on that day, so pegging need not match it.
  void Buy(ItemId item, SiteId site, int32_t day, int64_t qty, bool direct) {
    int32_t& index = purchase_at_[static_cast<size_t>(StockPoint(item, site)) * static_cast<size_t>(days_) +
                                  static_cast<size_t>(day)];
    if (index < 0) {
      index = static_cast<int32_t>(plan_.purchases.size());
      plan_.purchases.push_back({item, site, day, 0});
    }
    Purchase& p = plan_.purchases[static_cast<size_t>(index)];
    p.qty += qty;
    if (direct) p.direct += qty;
    undo_.push_back({direct ? Undo::kDirectPurchase : Undo::kPurchase, index, day, qty});
  }

  Savepoint Save() const {
    return {undo_.size(), plan_.work_orders.size(), plan_.operations.size(), plan_.consumptions.size(),
            plan_.shipments.size()};
  }

  /// Takes back one change: `add` and `use` apply the opposite ledger change.
  template <typename Add, typename Use>
  static void Revert(const Undo& u, Add add, Use use, std::vector<Purchase>& purchases) {
    switch (u.kind) {
      case Undo::kMaterial: add(u.index, u.day, -u.amount); break;
      case Undo::kCapacity: use(ResourceId(u.index), u.day, -u.amount); break;
      case Undo::kPurchase: purchases[static_cast<size_t>(u.index)].qty -= u.amount; break;
      case Undo::kDirectPurchase:
        purchases[static_cast<size_t>(u.index)].qty -= u.amount;
        purchases[static_cast<size_t>(u.index)].direct -= u.amount;
        break;
    }
  }

  void Rollback(const Savepoint& s) {
    assert(s.undo <= undo_.size() && s.work_orders <= plan_.work_orders.size() &&
           s.shipments <= plan_.shipments.size() && "a savepoint is rolled back to only once, newest first");
    while (undo_.size() > s.undo) {
      Revert(
          undo_.back(), [&](int32_t sp, int32_t day, int64_t qty) { LedgerAdd(sp, day, qty); },
          [&](ResourceId r, int32_t day, Fixed4 amount) { LedgerUse(r, day, amount); }, plan_.purchases);
      undo_.pop_back();
    }
    plan_.work_orders.resize(s.work_orders);
    plan_.operations.resize(s.operations);
    plan_.consumptions.resize(s.consumptions);
    plan_.shipments.resize(s.shipments);
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

  /// Whether `d` consecutive days from `start` each have `usage` free; else the last day that does not.
  int32_t BlockedDay(ResourceId r, int32_t start, int32_t d, Fixed4 usage) const {
    for (int32_t day = start + d - 1; day >= start; --day) {
      if (Free(r, day) < usage) return day;
    }
    return -1;
  }

  // === Just in time: backward from the due day =================================================

  /// Takes up to `qty` of `item` at `site` on `day`: from stock, by building it (finishing by the
  /// day before), by buying it (lead-time items). Returns how much it got.
  int64_t Acquire(ItemId item, SiteId site, int64_t qty, int32_t day, int depth) {
    const int32_t sp = StockPoint(item, site);
    if (depth > 0 && OnlyBought(sp) && day >= m_.item(item).lead_time_days) {
      // A commodity with no stock here: bought to arrive the day it is used.
      Buy(item, site, day, qty, true);
      return qty;
    }
    int64_t got = std::min(qty, std::max<int64_t>(0, Available(sp, day)));
    if (got > 0) AddMaterial(sp, day, -got);
    if (got < qty) {
      if (const Routing* r = RoutingAt(item, site)) {
        const int64_t built = BuildBackward(*r, qty - got, day, depth);
        if (built > 0) AddMaterial(sp, day, -built);  // the output, consumed on the day it is needed
        got += built;
      }
    }
    if (got > 0) plan_.consumptions.push_back({current_line_, item, site, day, got});
    const Item& it = m_.item(item);
    if (got < qty && it.lead_time_days >= 0 && day >= it.lead_time_days) {
      // Arrives on the day it is consumed: nothing to stock. The shipped item itself is pegged.
      Buy(item, site, day, qty - got, depth > 0);
      if (depth == 0) plan_.consumptions.push_back({current_line_, item, site, day, qty - got});
      got = qty;
    }
    return got;
  }

  /// Latest windows for the routing's steps with room for at least one unit, the last ending by
  /// `latest_end`; `qty` becomes how many units (<= max_qty) they hold. False when a step has no
  /// window after plan_start.
  bool ScheduleBackward(const Routing& r, int64_t max_qty, int32_t latest_end, int64_t& qty, StepWindow* windows) {
    const auto steps = m_.steps(r);
    qty = max_qty;
    int32_t end = latest_end;
    for (size_t j = steps.size(); j-- > 0;) {
      const RoutingStep& s = steps[j];
      const int32_t d = s.duration_days;
      int32_t e = end;
      for (;;) {
        const int32_t t = e - d + 1 < 0 ? -1 : PrevWithFree(s.resource, e, s.usage_per_unit);
        if (t < d - 1) return false;
        const int32_t blocked = BlockedDay(s.resource, t - d + 1, d, s.usage_per_unit);
        if (blocked < 0) {
          windows[j] = {t - d + 1, t};
          break;
        }
        e = blocked - 1;
      }
      for (int32_t day = windows[j].start; day <= windows[j].end; ++day) {
        qty = std::min<int64_t>(qty, Free(s.resource, day) / s.usage_per_unit);
      }
      end = windows[j].start - 1;
    }
    return qty > 0;
  }

  /// Builds up to `qty` of the routing's item, output available by `day`, in work orders scheduled
  /// backward (latest first). Returns how much it built.
  int64_t BuildBackward(const Routing& r, int64_t qty, int32_t day, int depth) {
    std::vector<StepWindow>& windows = windows_[static_cast<size_t>(depth)];
    windows.resize(r.step_count);
    const auto components = m_.components_of(r.item);
    int64_t remaining = qty;
    while (remaining > 0) {
      int64_t x = 0;
      if (!ScheduleBackward(r, remaining, day - 1, x, windows.data())) break;
      bool placed = false;
      for (int tries = 0; tries < 4 && x > 0 && !placed; ++tries) {
        const Savepoint before = Save();
        CommitWorkOrder(r, x, windows.data());
        int64_t limit = x;
        for (const BomLine& b : components) {
          const int64_t got = Acquire(b.component, r.site, x * b.qty_per, windows[0].start, depth + 1);
          limit = std::min(limit, got / b.qty_per);
          if (limit == 0) break;  // nothing of this piece can be built: no need to ask the rest
        }
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

  // === As soon as possible: forward from the earliest day ======================================

  /// Earliest windows for the routing's steps from `from` with room for at least one unit; `qty`
  /// becomes how many units (<= max_qty) they hold. `delay` notes the step that waited longest for
  /// its resource. False when a step finds no window in the horizon.
  bool ScheduleForward(const Routing& r, int64_t max_qty, int32_t from, int64_t& qty, StepWindow* windows,
                       Constraint& delay) {
    const auto steps = m_.steps(r);
    qty = max_qty;
    int32_t t = from;
    int32_t longest_wait = 0;
    for (size_t j = 0; j < steps.size(); ++j) {
      const RoutingStep& s = steps[j];
      const int32_t d = s.duration_days;
      int32_t start = t;
      for (;;) {
        start = NextWithFree(s.resource, start, s.usage_per_unit);
        if (start < 0 || start + d - 1 >= days_) {
          delay = {ReasonCode::kCapacity, s.resource.value, r.site.value, 0, t, -1};
          return false;
        }
        const int32_t blocked = BlockedDay(s.resource, start, d, s.usage_per_unit);
        if (blocked < 0) break;
        start = blocked + 1;
      }
      windows[j] = {start, start + d - 1};
      if (start - t > longest_wait) {
        longest_wait = start - t;
        delay = {ReasonCode::kCapacity, s.resource.value, r.site.value, 0, t, start};
      }
      for (int32_t day = windows[j].start; day <= windows[j].end; ++day) {
        qty = std::min<int64_t>(qty, Free(s.resource, day) / s.usage_per_unit);
      }
      t = windows[j].end + 1;
    }
    return qty > 0;
  }

  /// Makes `qty` of `item` at `site` available as soon as possible from `earliest`: stock, work
  /// orders scheduled forward, purchases after the lead time, receipts still to come. Consumes it on
  /// the day it is all there (recorded in `takes`, so the caller can move the consumption to the
  /// day it really uses it) and returns that day, or kNever (with `binding` saying why). When
  /// `portions` is given, each part is consumed on its own day and listed (partial lines).
  int32_t SupplyForward(ItemId item, SiteId site, int64_t qty, int32_t earliest, int depth, Constraint& binding,
                        std::vector<Take>* takes, std::vector<Portion>* portions, bool defer = false) {
    const int32_t sp = StockPoint(item, site);
    if (OnlyBought(sp) && portions == nullptr) {
      // A commodity with no stock here: bought, to arrive the day its consumer starts.
      const int32_t arrival = std::max(earliest, m_.item(item).lead_time_days);
      if (arrival >= days_) {
        binding = {ReasonCode::kLeadTime, item.value, site.value, qty, earliest, -1};
        return kNever;
      }
      if (arrival > earliest) binding = {ReasonCode::kLeadTime, item.value, site.value, qty, earliest, arrival};
      takes->push_back({sp, item, site, arrival, qty, true});
      return arrival;
    }
    const int64_t in_stock = std::min(qty, std::max<int64_t>(0, Available(sp, earliest)));
    int64_t rest = qty - in_stock;
    int64_t bought = 0;
    int32_t ready = earliest;
    if (portions != nullptr && in_stock > 0) {
      AddMaterial(sp, earliest, -in_stock);
      portions->push_back({earliest, in_stock});
    }
    if (rest > 0) {
      if (const Routing* r = RoutingAt(item, site)) {
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
        Buy(item, site, arrival, rest, false);
        AddMaterial(sp, arrival, rest);
        AddMaterial(sp, arrival, -rest);
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
          day = EarliestAvailable(sp, 1, day + 1);
          if (day < 0) {
            binding = {ReasonCode::kMaterial, item.value, site.value, rest, earliest, -1};
            return kNever;
          }
          const int64_t now = std::min(rest, Available(sp, day));
          AddMaterial(sp, day, -now);
          portions->push_back({day, now});
          rest -= now;
          if (rest == 0 && day > ready) {
            ready = day;
            binding = {ReasonCode::kMaterial, item.value, site.value, qty - in_stock, earliest, day};
          }
        }
      } else {
        const int32_t day = EarliestAvailable(sp, qty, ready);
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
        if (!defer) AddMaterial(sp, ready, -(qty - bought));
        takes->push_back({sp, item, site, ready, qty - bought, false, defer});
      }
      if (bought > 0) takes->push_back({sp, item, site, ready, bought, true});
    }
    return ready;
  }

  /// For a partial line: how many of `x` units can have their received-only components first (on
  /// `day`, or on the first day any unit's are there), so that a first piece of that size ships
  /// before the rest arrives. Built and buyable components do not limit it; `x` when nothing does.
  int64_t UnitsWithComponentsFirst(const Routing& r, int64_t x, int32_t day) const {
    const auto components = m_.components_of(r.item);
    auto limited = [&](const BomLine& b) {
      const Item& c = m_.item(b.component);
      return RoutingAt(b.component, r.site) == nullptr && !(c.lead_time_days >= 0 && day >= c.lead_time_days);
    };
    // The first day every limiting component has one unit's worth.
    int32_t first = day;
    for (const BomLine& b : components) {
      if (!limited(b)) continue;
      const int32_t d = EarliestAvailable(StockPoint(b.component, r.site), b.qty_per, day);
      if (d < 0) return x;
      first = std::max(first, d);
    }
    int64_t units = x;
    for (const BomLine& b : components) {
      if (limited(b)) units = std::min(units, Available(StockPoint(b.component, r.site), first) / b.qty_per);
    }
    return units > 0 ? units : x;
  }

  /// Builds `qty` of the routing's item in work orders scheduled as soon as possible from `earliest`;
  /// returns the day the last output is available, or kNever. For each piece the components are
  /// supplied as soon as possible, then the piece takes the first capacity after they are there; a
  /// piece that then holds fewer units is planned again at that size.
  int32_t BuildForward(const Routing& r, int64_t qty, int32_t earliest, int depth, Constraint& binding,
                       std::vector<Portion>* portions) {
    std::vector<StepWindow>& windows = windows_[static_cast<size_t>(depth)];
    windows.resize(r.step_count);
    std::vector<Take>& takes = takes_[static_cast<size_t>(depth)];
    const auto components = m_.components_of(r.item);
    const int32_t sp = StockPoint(r.item, r.site);
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
        const Savepoint before = Save();
        takes.clear();
        components_ready = earliest;
        component_binding = Constraint{};
        // Built components first: building them consumes material now. The others are only
        // reserved (deferred) and consumed on the start day; nothing else consumes in between, so
        // what was there on their ready day is still there then.
        bool never = false;
        for (int pass = 0; pass < 2 && !never; ++pass) {
          for (const BomLine& b : components) {
            const bool built = RoutingAt(b.component, r.site) != nullptr;
            if (built != (pass == 0)) continue;
            // A built component is consumed at once unless no sibling's BOM holds it: then nothing
            // else can take its output before the start day either.
            const bool defer = !built || !shared_below_[static_cast<size_t>(&b - m_.bom().data())];
            Constraint cb;
            const int32_t ready = SupplyForward(b.component, r.site, x * b.qty_per, earliest, depth + 1, cb, &takes,
                                                nullptr, defer);
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
          Rollback(before);
          return kNever;
        }
        int64_t fits = 0;
        if (!ScheduleForward(r, x, components_ready, fits, windows.data(), capacity_wait)) {
          Rollback(before);
          binding = capacity_wait;
          return kNever;
        }
        if (fits < x) {
          Rollback(before);  // later capacity holds fewer units: supply that many
          x = fits;
          continue;
        }
        placed = true;
      }
      // Components are consumed on the piece's start day.
      const int32_t start = windows[0].start;
      ConsumeOn(takes, start, false);
      CommitWorkOrder(r, x, windows.data());
      const int32_t out = windows[r.step_count - 1].end + 1;
      if (portions != nullptr) {
        AddMaterial(sp, out, -x);
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

  // === Estimates: a lower bound of when a quantity can be there, without changing anything =====

  /// The earliest day `qty` of `item` could be available at `site`, from `earliest`: exact for
  /// stock and purchases, a lower bound for building (capacity is counted in total, ignoring how it
  /// is split over days). kNever when not within the horizon. Lets the planner skip sites and
  /// just-in-time attempts that cannot succeed.
  int32_t Probe(ItemId item, SiteId site, int64_t qty, int32_t earliest) const {
    const int32_t sp = StockPoint(item, site);
    if (OnlyBought(sp)) return std::max(earliest, m_.item(item).lead_time_days);
    if (Available(sp, earliest) >= qty) return earliest;
    int32_t best = kNever;
    if (const Routing* r = RoutingAt(item, site)) {
      int32_t t = earliest;
      for (const BomLine& b : m_.components_of(item)) {
        t = std::max(t, Probe(b.component, site, qty * b.qty_per, earliest));
        if (t >= kNever) break;
      }
      for (const RoutingStep& s : m_.steps(*r)) {
        if (t >= kNever) break;
        const Fixed4 load = s.usage_per_unit * qty * s.duration_days;
        const int32_t fits = DayCumulativeFreeReaches(s.resource, t, load);
        t = fits < 0 ? kNever : std::max(t + s.duration_days - 1, fits) + 1;
      }
      best = t;
    }
    const Item& it = m_.item(item);
    if (it.lead_time_days >= 0) best = std::min(best, std::max(earliest, it.lead_time_days));
    if (best >= kNever && RoutingAt(item, site) == nullptr) {
      const int32_t day = EarliestAvailable(sp, qty, earliest);
      if (day >= 0) best = day;
    }
    return best;
  }

  /// Candidate sites in the order of their estimates (earliest first, then site order).
  void RankSites(ItemId item, int64_t qty, int32_t earliest) {
    ranked_.clear();
    for (SiteId site : sites_scratch_) ranked_.push_back({Probe(item, site, qty, earliest), site});
    std::stable_sort(ranked_.begin(), ranked_.end(),
                     [](const std::pair<int32_t, SiteId>& a, const std::pair<int32_t, SiteId>& b) {
                       return a.first < b.first;
                     });
  }

  /// Moves provisional consumptions to the day they happen; buys bought quantities to arrive then.
  /// Components bought for one consumption need no pegging (`shipped` is false for them).
  void ConsumeOn(const std::vector<Take>& takes, int32_t day, bool shipped) {
    for (const Take& t : takes) {
      if (t.bought) {
        Buy(t.item, t.site, day, t.qty, !shipped);
        if (!shipped) continue;
      } else if (t.deferred) {
        AddMaterial(t.stock_point, day, -t.qty);
      } else if (t.day != day) {
        AddMaterial(t.stock_point, t.day, t.qty);
        AddMaterial(t.stock_point, day, -t.qty);
      }
      plan_.consumptions.push_back({current_line_, t.item, t.site, day, t.qty});
    }
  }

  // === Planning one line =========================================================================

  /// The first day >= day inside a licence window, or -1.
  int32_t Allowed(int32_t day) const {
    for (const ShipWindow& w : ship_windows_) {
      if (day <= w.to) return std::max(day, w.from);
    }
    return -1;
  }

  /// Why a line ready on `ready` can ship only on `ship`: the licence window that opens then.
  Constraint LicenceFrom(int32_t ship, int32_t ready) const {
    int32_t licence = -1;
    for (const ShipWindow& w : ship_windows_) {
      if (w.from == ship) licence = w.licence;
    }
    return {ReasonCode::kLicencePending, licence, current_->ship_to.value, 0, ready, ship};
  }

  /// Why a line ready on `ready` cannot ship: no licence window is open then or later.
  Constraint LicenceClosed(int32_t ready) const {
    const OrderLine& line = *current_;
    return {ReasonCode::kLicenceMissing, m_.item(line.item).export_class.value, line.ship_to.value, 0, ready, -1};
  }

  bool JustInTimeWhole(ItemId item, SiteId site, int64_t qty, int32_t day) {
    const Savepoint before = Save();
    if (Acquire(item, site, qty, day, 0) == qty) {
      plan_.shipments.push_back({current_line_, site, day, qty});
      return true;
    }
    Rollback(before);
    return false;
  }

  /// The whole line as soon as possible at `site`, committed; the ship day (>= first_day) or -1
  /// (nothing kept). Work may start from plan_start: capacity and material left idle before the
  /// request date by earlier lines are used.
  int32_t ForwardWhole(ItemId item, SiteId site, int64_t qty, int32_t first_day, Constraint& binding) {
    const Savepoint before = Save();
    std::vector<Take>& top = top_takes_;
    top.clear();
    const int32_t ready = SupplyForward(item, site, qty, 0, 0, binding, &top, nullptr);
    const int32_t ship = ready >= kNever ? -1 : Allowed(std::max(ready, first_day));
    if (ship < 0 || ship >= days_) {
      Rollback(before);
      if (ready < kNever) binding = LicenceClosed(ready);
      return -1;
    }
    if (ship > std::max(ready, first_day)) binding = LicenceFrom(ship, std::max(ready, first_day));
    ConsumeOn(top, ship, true);
    plan_.shipments.push_back({current_line_, site, ship, qty});
    return ship;
  }

  void PlanLine(const OrderLine& line, LineId id, LineOutcome& out) {
    current_line_ = id;
    current_ = &line;
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
    // A request after the horizon end can still be met early, on its last day.
    const int32_t target = std::min(std::max(request, earliest), days_ - 1);
    const int32_t first_day = Allowed(target);
    if (first_day < 0) {
      out.reason = LicenceClosed(target);
      return;
    }
    sites_scratch_.clear();
    if (line.site.valid()) {
      sites_scratch_.push_back(line.site);
    } else {
      sites_scratch_ = candidate_sites_[line.item.index()];
    }
    // Why the first possible day may already be past the request date.
    Constraint first_reason;
    if (first_day > target) {
      first_reason = LicenceFrom(first_day, target);
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
    // Sites in the order of a lower bound of when the whole line could be ready there.
    RankSites(line.item, line.qty, 0);
    // Just in time (or as soon as allowed) at the first site that can, trying only sites whose
    // bound meets the day.
    for (const auto& [estimate, site] : ranked_) {
      if (estimate > first_day) break;
      if (JustInTimeWhole(line.item, site, line.qty, first_day)) {
        Ship(out, site, line.qty, first_day, first_reason);
        return;
      }
    }
    // Otherwise as soon as possible. A site whose bound is no better than a day already found
    // cannot win; one whose bound is less than a week better rarely does (the bound ignores how
    // capacity is fragmented), so it is not tried: a plan may give up a few days here for speed.
    int32_t best_day = -1;
    SiteId best_site;
    Constraint best_binding, first_binding;
    Savepoint best_state{};
    for (size_t k = 0; k < ranked_.size(); ++k) {
      const auto [estimate, site] = ranked_[k];
      // Even when no site can make it, plan the first to learn what binds.
      if (k > 0 && (estimate >= kNever || (best_day >= 0 && estimate > best_day - kSiteMargin))) break;
      const Savepoint before = Save();
      Constraint binding;
      const int32_t day = ForwardWhole(line.item, site, line.qty, first_day, binding);
      if (k == 0) first_binding = binding;
      if (day >= 0 && (best_day < 0 || day < best_day)) {
        if (best_day >= 0) {
          // A better site after a committed one: replan there from a clean state.
          Rollback(before);
          Rollback(best_state);
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
        Rollback(before);
      }
    }
    if (best_day < 0) {
      out.reason = first_binding.code != ReasonCode::kNone
                       ? first_binding
                       : Constraint{ReasonCode::kHorizon, -1, -1, 0, first_day, -1};
      return;
    }
    if (best_day <= first_day) {
      Ship(out, best_site, line.qty, best_day, first_reason);  // on time after all (or late only for first_reason)
      return;
    }
    if (best_binding.code == ReasonCode::kNone) best_binding = first_reason;
    if (best_binding.code == ReasonCode::kNone) best_binding = BuildTime(line.item, best_site, best_day);
    Ship(out, best_site, line.qty, best_day, best_binding);
  }

  /// The reason of a line late with nothing to wait for: its work takes longer than the time left.
  static Constraint BuildTime(ItemId item, SiteId site, int32_t ready) {
    return {ReasonCode::kLeadTime, item.value, site.value, 0, 0, ready};
  }

  void Ship(LineOutcome& out, SiteId site, int64_t qty, int32_t day, const Constraint& reason) {
    out.site = site;
    out.shipped_qty = qty;
    out.planned_day = day;
    out.reason = reason;
  }

  struct PartialResult {
    int64_t shipped = 0;
    int64_t on_first_day = 0;
    int64_t weighted_days = 0;  ///< sum of qty x day, to prefer earlier schedules
    int32_t last_day = -1;
    Constraint binding;
  };

  /// What can ship on the first day ships then (just in time); the rest as it becomes available,
  /// planned forward from plan_start (capacity and material left idle earlier are used).
  PartialResult RunPartial(ItemId item, SiteId site, int64_t qty, int32_t first_day) {
    PartialResult result;
    const int32_t sp = StockPoint(item, site);
    const int64_t now = Acquire(item, site, qty, first_day, 0);
    if (now > 0) {
      plan_.shipments.push_back({current_line_, site, first_day, now});
      result.shipped = result.on_first_day = now;
      result.weighted_days = now * first_day;
      result.last_day = first_day;
    }
    if (now == qty) return result;
    const Savepoint before = Save();
    std::vector<Portion>& portions = portions_;
    portions.clear();
    const int32_t ready = SupplyForward(item, site, qty - now, 0, 0, result.binding, nullptr, &portions);
    if (ready >= kNever) {
      Rollback(before);
      return result;
    }
    // Ship each portion on its day (not before the first day, and when a licence allows); one
    // shipment per day.
    std::sort(portions.begin(), portions.end(), [](const Portion& a, const Portion& b) { return a.day < b.day; });
    for (const Portion& p : portions) {
      const int32_t ship = Allowed(std::max(p.day, first_day));
      if (ship < 0 || ship >= days_) break;  // a licence window closed: handled below
      if (ship != p.day) {
        AddMaterial(sp, p.day, p.qty);
        AddMaterial(sp, ship, -p.qty);
      }
      plan_.consumptions.push_back({current_line_, item, site, ship, p.qty});
      Shipment* last = plan_.shipments.empty() ? nullptr : &plan_.shipments.back();
      if (last != nullptr && last->line == current_line_ && last->day == ship) {
        last->qty += p.qty;
      } else {
        plan_.shipments.push_back({current_line_, site, ship, p.qty});
      }
      result.shipped += p.qty;
      result.weighted_days += p.qty * ship;
      if (ship == first_day) result.on_first_day += p.qty;
      result.last_day = ship;
    }
    if (result.shipped < qty) {
      // A licence window closed before everything arrived: keep only what ships.
      Rollback(before);
      result = RunPartialShipped(item, site, qty, first_day, now);
    }
    return result;
  }

  /// Fallback when a licence window closes mid-way: ship only what is ready inside it.
  PartialResult RunPartialShipped(ItemId item, SiteId site, int64_t qty, int32_t first_day, int64_t now) {
    PartialResult result;
    result.shipped = result.on_first_day = now;
    result.weighted_days = now * first_day;
    result.last_day = now > 0 ? first_day : -1;
    // Ship the largest quantity whose whole supply lands inside a window, by halving.
    for (int64_t want = qty - now; want > 0; want /= 2) {
      const Savepoint before = Save();
      Constraint binding;
      top_takes_.clear();
      const int32_t ready = SupplyForward(item, site, want, 0, 0, binding, &top_takes_, nullptr);
      const int32_t ship = ready >= kNever ? -1 : Allowed(std::max(ready, first_day));
      if (ship >= 0 && ship < days_) {
        ConsumeOn(top_takes_, ship, true);
        plan_.shipments.push_back({current_line_, site, ship, want});
        result.shipped += want;
        result.weighted_days += want * ship;
        result.last_day = ship;
        result.binding = binding;
        return result;
      }
      Rollback(before);
      result.binding = binding;
    }
    return result;
  }

  void PlanPartialLine(const OrderLine& line, LineOutcome& out, int32_t first_day, const Constraint& first_reason) {
    // The site that can ship most on the first day (just in time); if none can ship anything
    // then, the site whose estimate for the whole quantity is earliest.
    // Sites where not even one unit can be there by the first day are not tried.
    RankSites(line.item, 1, 0);
    first_unit_.assign(ranked_.begin(), ranked_.end());
    RankSites(line.item, line.qty, 0);
    SiteId site = ranked_.front().second;
    int64_t most = 0;
    for (const auto& [estimate, candidate] : first_unit_) {
      if (estimate > first_day) break;
      const Savepoint before = Save();
      const int64_t now = Acquire(line.item, candidate, line.qty, first_day, 0);
      Rollback(before);
      if (now > most) {
        most = now;
        site = candidate;
      }
      if (most == line.qty) break;
    }
    // Otherwise the site of the best bound (ranked_ is already in that order).
    const PartialResult r = RunPartial(line.item, site, line.qty, first_day);
    out.site = site;
    out.shipped_qty = r.shipped;
    out.planned_day = r.last_day;
    if (r.on_first_day == line.qty) {
      out.reason = first_reason;
    } else {
      out.reason = r.binding.code != ReasonCode::kNone ? r.binding : first_reason;
      if (out.reason.code == ReasonCode::kNone) out.reason = BuildTime(line.item, site, r.last_day);
    }
  }

  /// How much of the plan's vectors is filled: later lines only append to them.
  struct Filled {
    size_t shipments = 0, work_orders = 0, operations = 0, consumptions = 0, purchases = 0;
  };
  Filled Sizes() const {
    return {plan_.shipments.size(), plan_.work_orders.size(), plan_.operations.size(), plan_.consumptions.size(),
            plan_.purchases.size()};
  }

  /// This run's state before the line at `position`. With `before_line`, that line has just been
  /// planned: its effects, which the undo log still holds, are taken back (and from `follower`'s
  /// ledgers, when given).
  std::shared_ptr<PlanState> StateBefore(size_t position, bool before_line, ScenarioFollower::Follow* follower) const {
    auto state = std::make_shared<PlanState>();
    state->position = position;
    state->material = material_;
    state->capacity = capacity_;
    state->purchases = plan_.purchases;
    state->purchase_at = purchase_at_;
    Filled filled = Sizes();
    if (before_line) {
      filled = line_start_;
      auto add = [&](int32_t sp, int32_t day, int64_t qty) {
        state->material.Add(sp, day, qty);
        const int32_t k = follower != nullptr ? follower->local_point[static_cast<size_t>(sp)] : -1;
        if (k >= 0) follower->material.Add(k, day, qty);
      };
      auto use = [&](ResourceId r, int32_t day, Fixed4 amount) {
        state->capacity.Use(r, day, amount);
        const int32_t k = follower != nullptr ? follower->local_resource[r.index()] : -1;
        if (k >= 0) follower->capacity.Use(ResourceId(k), day, amount);
      };
      for (auto u = undo_.rbegin(); u != undo_.rend(); ++u) Revert(*u, add, use, state->purchases);
      for (size_t i = filled.purchases; i < state->purchases.size(); ++i) {
        const Purchase& p = state->purchases[i];
        state->purchase_at[static_cast<size_t>(StockPoint(p.item, p.site)) * static_cast<size_t>(days_) +
                           static_cast<size_t>(p.day)] = -1;
      }
      state->purchases.resize(filled.purchases);
    }
    state->shipments = filled.shipments;
    state->work_orders = filled.work_orders;
    state->operations = filled.operations;
    state->consumptions = filled.consumptions;
    return state;
  }

  /// Records the start of followed scenario `index` at sequence position `position` and stops
  /// following it: this run's state, with the scenario's own state of what it changed. With
  /// `before_line`, the line at `position` has just been planned: its effects are taken back.
  void Start(size_t index, size_t position, bool before_line, std::vector<ScenarioStart>& starts) {
    ScenarioFollower::Follow& f = follow_->follows()[index];
    // A state is tens of MB to copy: worth it only for more than a few lines of planning.
    if (position >= MinimumStart()) {
      std::shared_ptr<PlanState> state = StateBefore(position, before_line, &f);
      const Divergence& d = *f.divergence;
      for (size_t k = 0; k < d.stock_points.size(); ++k) {
        state->material.CopyStockPoint(f.material, static_cast<int32_t>(k), d.stock_points[k]);
      }
      for (size_t k = 0; k < d.resources.size(); ++k) state->capacity.CopyResource(f.capacity, ResourceId(k), d.resources[k]);
      starts[index] = {position, std::move(state)};
    }
    follow_->Stop(index);
  }

  size_t MinimumStart() const { return std::max<size_t>(1, plan_.sequence.size() / 100); }

  const Model& m_;
  const int32_t days_;
  const int32_t sites_;
  MaterialLedger material_;
  CapacityLedger capacity_;
  LicenceIndex licences_;
  Plan plan_;
  std::vector<Undo> undo_;
  std::vector<int32_t> purchase_at_;  ///< [stock point][day] -> purchase index, -1 none
  std::vector<uint8_t> buyable_;  ///< per stock point: bought, not built there (see OnlyBought)
  std::vector<uint8_t> shared_below_;  ///< per BOM line: the component is also below a sibling
  std::vector<std::vector<SiteId>> candidate_sites_;
  std::vector<std::vector<StepWindow>> windows_;  ///< scratch per BOM depth
  std::vector<std::vector<Take>> takes_;          ///< scratch per BOM depth
  std::vector<Take> top_takes_;
  std::vector<Portion> portions_;
  std::vector<ShipWindow> ship_windows_;
  std::vector<SiteId> sites_scratch_;
  std::vector<std::pair<int32_t, SiteId>> ranked_, first_unit_;
  LineId current_line_;
  const OrderLine* current_ = nullptr;  ///< the line being planned (a model line or a quote)
  size_t kept_quotes_ = 0;
  ScenarioFollower* follow_ = nullptr;
  Filled line_start_;  ///< when following: the plan's vectors before the line being planned
};

class Engine : public BasicEngine<false> {
 public:
  using BasicEngine<false>::BasicEngine;
};

Plan PlanBacklog(const Model& model, const PlanOptions& options) {
  Engine engine(model, options);
  engine.PlanAll();
  return engine.TakePlan();
}

Plan PlanBase(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
              std::span<const ScenarioToFollow> scenarios, std::vector<ScenarioStart>& starts) {
  BasicEngine<true> engine(model, options);
  engine.Prepare(std::move(sequence));
  starts.assign(scenarios.size(), ScenarioStart{});
  const size_t lines = engine.plan().sequence.size();
  if (scenarios.empty()) {
    engine.PlanLines(0, lines);
  } else {
    ScenarioFollower follower(model, scenarios);
    engine.Follow(&follower);
    const size_t followed = engine.PlanLinesFollowing(0, lines, starts);
    if (followed < lines) {
      // The rest runs without the follower's checks. The scenarios still followed change no ledger
      // point: each starts at its limit.
      Engine rest(model, options);
      rest.TakeOver(engine);
      std::vector<size_t> waiting;
      for (size_t i = 0; i < scenarios.size(); ++i) {
        if (follower.follows()[i].active) waiting.push_back(i);
      }
      std::sort(waiting.begin(), waiting.end(), [&](size_t a, size_t b) {
        return scenarios[a].divergence->limit < scenarios[b].divergence->limit;
      });
      size_t done = followed;
      for (const size_t i : waiting) {
        const size_t at = std::max(done, std::min(lines, scenarios[i].divergence->limit));
        rest.PlanLines(done, at);
        done = at;
        if (auto state = rest.StateAt(at)) starts[i] = {at, std::move(state)};
      }
      rest.PlanLines(done, lines);
      return rest.TakePlan();
    }
  }
  return engine.TakePlan();
}

Plan PlanScenario(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
                  const Model& base_model, const Plan& base, const ScenarioStart& start) {
  Engine engine(model, options);
  engine.Prepare(std::move(sequence));
  size_t first = 0;
  if (start.state != nullptr) {
    engine.StartFrom(*start.state, base_model, base);
    first = start.state->position;
  }
  engine.PlanLines(first, engine.plan().sequence.size());
  return engine.TakePlan();
}

Planner::Planner(const Model& model, const PlanOptions& options, size_t checkpoints)
    : model_(model), engine_(std::make_unique<Engine>(model, options)) {
  checkpoints_ = engine_->PlanAllKeeping(checkpoints);
}

ScenarioStart Planner::CheckpointFor(const Divergence& d) const {
  // Only where the scenario's ledgers start as the base's: then every line before the limit plans
  // as in the base.
  ScenarioStart best;
  if (!d.stock_points.empty() || !d.resources.empty()) return best;
  for (const ScenarioStart& c : checkpoints_) {
    if (c.prefix <= d.limit && c.prefix > best.prefix) best = c;
  }
  return best;
}

Planner::~Planner() = default;

const Plan& Planner::plan() const { return engine_->plan(); }

QuoteAnswer Planner::Promise(const QuoteRequest& quote) { return engine_->Answer(LineOf(quote), false); }

QuoteAnswer Planner::Commit(const QuoteRequest& quote) { return engine_->Answer(LineOf(quote), true); }

std::vector<QuoteAnswer> Planner::PromiseInTurn(std::span<const QuoteRequest> quotes) {
  std::vector<OrderLine> lines;
  lines.reserve(quotes.size());
  for (const QuoteRequest& q : quotes) lines.push_back(LineOf(q));
  return engine_->AnswerInTurn(lines);
}

OrderLine Planner::LineOf(const QuoteRequest& quote) const {
  OrderLine line;
  line.customer = quote.customer;
  line.item = quote.item;
  line.qty = quote.qty;
  line.unit_price = quote.unit_price;
  line.order_date = model_.plan_start();
  line.request_date = quote.request_date;
  line.ship_to = quote.ship_to;
  line.site = quote.site;
  line.partial = quote.partial;
  return line;
}

}  // namespace takt
