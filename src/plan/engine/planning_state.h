#pragma once
// The planner's state while it plans: the material and capacity ledgers, purchases, the plan being
// built and an undo log of every change since the line being planned began. Schedulers hold it and
// change it only through its undoable operations; an attempt that fails rolls back to a savepoint
// at the cost of what it touched. In a base run that follows scenarios (kFollowing), every ledger
// change is passed to the ScenarioFollower and every question asked of it too; other runs are
// compiled without those checks, which would cost 7% on the ledgers' hot paths.

#include <cstdint>
#include <memory>
#include <vector>

#include "plan/capacity_ledger.h"
#include "plan/engine/planner_index.h"
#include "plan/engine/scenario_follower.h"
#include "plan/engine/schedule_types.h"
#include "plan/material_ledger.h"
#include "plan/plan.h"

namespace takt {

/// A state kept between two lines of a run, to start another run from (a scenario, a checkpoint).
struct PlanState {
  size_t position = 0;  ///< the sequence position of the next line to plan
  MaterialLedger material;
  CapacityLedger capacity;
  std::vector<Purchase> purchases;
  std::vector<int32_t> purchase_at;
  size_t shipments = 0, work_orders = 0, operations = 0, consumptions = 0;
};

}  // namespace takt

namespace takt::engine {

/// How much of the plan's vectors is filled: later lines only append to them.
struct Filled {
  size_t shipments = 0, work_orders = 0, operations = 0, consumptions = 0, purchases = 0;
};

template <bool kFollowing>
class PlanningState {
  template <bool>
  friend class PlanningState;

 public:
  struct Savepoint {
    size_t undo, work_orders, operations, consumptions, shipments;
  };

  /// The state before any line: the model's supply and capacity, nothing planned.
  PlanningState(const PlannerIndex& index, const PlanOptions& options);

  const PlannerIndex& index() const { return ix_; }
  Plan& plan() { return plan_; }
  const Plan& plan() const { return plan_; }
  Plan TakePlan() { return std::move(plan_); }

  /// The line whose work the following changes record (a model line or a quote's id).
  void SetLine(LineId id) { line_ = id; }
  LineId line() const { return line_; }
  /// What was done so far is final: nothing rolls back past here (the start of a line).
  void Settle() { undo_.clear(); }

  // --- questions: the ledgers' answers, also asked of the followed scenarios -------------------

  /// True for an item that is bought (has a lead time), is not built at the site and has no stock
  /// left there on any day: its only source is purchasing, so the ledger can be skipped.
  bool OnlyBought(int32_t sp) const {
    if (!ix_.Buyable(sp)) return false;
    const bool none = material_.Total(sp) <= 0;
    Ask(sp, [&](const MaterialLedger& m, int32_t k) { return (m.Total(k) <= 0) == none; });
    return none;
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
  /// Whether `d` consecutive days from `start` each have `usage` free; else the last day that does not.
  int32_t BlockedDay(ResourceId r, int32_t start, int32_t d, Fixed4 usage) const {
    for (int32_t day = start + d - 1; day >= start; --day) {
      if (Free(r, day) < usage) return day;
    }
    return -1;
  }

  // --- changes, all undoable until Settle --------------------------------------------------------

  TAKT_ENGINE_INLINE void AddMaterial(int32_t sp, int32_t day, int64_t qty) {
    LedgerAdd(sp, day, qty);
    undo_.push_back({Undo::kMaterial, sp, day, qty});
  }
  TAKT_ENGINE_INLINE void UseCapacity(ResourceId r, int32_t day, Fixed4 amount) {
    LedgerUse(r, day, amount);
    undo_.push_back({Undo::kCapacity, r.value, day, amount});
  }
  /// Records a purchase arriving on `day` (the ledger is the caller's business).
  TAKT_ENGINE_INLINE void Buy(ItemId item, SiteId site, int32_t day, int64_t qty, PurchaseUse use) {
    int32_t& index = purchase_at_[static_cast<size_t>(ix_.StockPoint(item, site)) * static_cast<size_t>(days_) +
                                  static_cast<size_t>(day)];
    if (index < 0) {
      index = static_cast<int32_t>(plan_.purchases.size());
      plan_.purchases.push_back({item, site, day, 0});
    }
    Purchase& p = plan_.purchases[static_cast<size_t>(index)];
    p.qty += qty;
    const bool direct = use == PurchaseUse::kDirect;
    if (direct) p.direct += qty;
    undo_.push_back({direct ? Undo::kDirectPurchase : Undo::kPurchase, index, day, qty});
  }
  /// A work order of `qty` in the given windows (one per step): its capacity, and its output into
  /// stock the day after it ends.
  void CommitWorkOrder(const Routing& r, int64_t qty, const StepWindow* windows);
  /// Records a consumption attributed to the current line (for pegging).
  void RecordConsumption(ItemId item, SiteId site, int32_t day, int64_t qty) {
    plan_.consumptions.push_back({line_, item, site, day, qty});
  }
  /// Records a shipment of the current line.
  void RecordShipment(SiteId site, int32_t day, int64_t qty) { plan_.shipments.push_back({line_, site, day, qty}); }

  Savepoint Save() const {
    return {undo_.size(), plan_.work_orders.size(), plan_.operations.size(), plan_.consumptions.size(),
            plan_.shipments.size()};
  }
  /// Takes back everything since `s`. A savepoint is rolled back to only once, newest first.
  void Rollback(const Savepoint& s);

  // --- runs: following scenarios, keeping and resuming states -----------------------------------

  /// Follows scenarios from here on (null: none). Only in a following run.
  void Follow(ScenarioFollower* follower) { follow_ = follower; }
  ScenarioFollower* follower() const {
    if constexpr (kFollowing) {
      return follow_;
    } else {
      return nullptr;
    }
  }
  Filled Sizes() const {
    return {plan_.shipments.size(), plan_.work_orders.size(), plan_.operations.size(), plan_.consumptions.size(),
            plan_.purchases.size()};
  }
  /// This state, before the line at `position` of the sequence.
  std::shared_ptr<PlanState> Snapshot(size_t position) const;
  /// The state before the line at `position`, which has just been planned from `line_start`: its
  /// effects, which the undo log still holds, are taken back (and from `follow`'s ledgers when given).
  std::shared_ptr<PlanState> SnapshotBeforeLine(size_t position, const Filled& line_start,
                                                ScenarioFollower::Follow* follow) const;
  /// Continues another run's state of the same model and options, at a line boundary.
  template <bool kOther>
  void TakeOver(PlanningState<kOther>& other) {
    material_ = std::move(other.material_);
    capacity_ = std::move(other.capacity_);
    plan_ = std::move(other.plan_);
    purchase_at_ = std::move(other.purchase_at_);
  }
  /// Resumes from a kept state: its ledgers and purchases (the plan's lines are the caller's).
  void Restore(const PlanState& state);

 private:
  struct Undo {
    enum Kind : uint8_t { kMaterial, kCapacity, kPurchase, kDirectPurchase } kind;
    int32_t index;
    int32_t day;
    int64_t amount;
  };

  /// Takes back one change: `add` and `use` apply the opposite ledger change.
  template <typename Add, typename Use>
  static void Revert(const Undo& u, Add add, Use use, std::vector<Purchase>& purchases);

  TAKT_ENGINE_INLINE void LedgerAdd(int32_t sp, int32_t day, int64_t qty) {
    material_.Add(sp, day, qty);
    if (ScenarioFollower* f = follower()) f->Add(sp, day, qty);
  }
  TAKT_ENGINE_INLINE void LedgerUse(ResourceId r, int32_t day, Fixed4 amount) {
    capacity_.Use(r, day, amount);
    if (ScenarioFollower* f = follower()) f->Use(r, day, amount);
  }
  /// Asks the followed scenarios, if any, whether their ledgers give the same answer at `point`.
  template <typename Point, typename Same>
  void Ask(Point point, Same same) const {
    if (ScenarioFollower* f = follower()) f->Check(point, same);
  }

  const PlannerIndex& ix_;
  const int32_t days_;
  MaterialLedger material_;
  CapacityLedger capacity_;
  Plan plan_;
  ScratchList<Undo> undo_;
  std::vector<int32_t> purchase_at_;  ///< [stock point][day] -> purchase index, -1 none
  LineId line_;
  ScenarioFollower* follow_ = nullptr;
};


}  // namespace takt::engine
