#include "plan/engine/planning_state.h"

#include <cassert>

namespace takt::engine {

template <bool kFollowing>
PlanningState<kFollowing>::PlanningState(const PlannerIndex& index, const PlanOptions& options)
    : ix_(index),
      days_(index.days()),
      material_(days_, static_cast<int32_t>(index.model().items().size()) * index.sites()),
      capacity_(index.model()) {
  const Model& model = index.model();
  plan_.options = options;
  plan_.outcomes.resize(model.lines().size());
  purchase_at_.assign(model.items().size() * static_cast<size_t>(index.sites()) * static_cast<size_t>(days_), -1);
  AddSupply(model, material_);
}

template <bool kFollowing>
void PlanningState<kFollowing>::CommitWorkOrder(const Routing& r, int64_t qty, const StepWindow* windows) {
  const auto steps = ix_.model().steps(r);
  WorkOrder wo;
  wo.item = r.item;
  wo.site = r.site;
  wo.qty = qty;
  wo.start = windows[0].start;
  wo.end = windows[steps.size() - 1].end;
  wo.line = line_;
  wo.first_operation = static_cast<uint32_t>(plan_.operations.size());
  wo.operation_count = static_cast<uint32_t>(steps.size());
  for (size_t j = 0; j < steps.size(); ++j) {
    const Fixed4 load = steps[j].usage_per_unit * qty;
    for (int32_t d = windows[j].start; d <= windows[j].end; ++d) UseCapacity(steps[j].resource, d, load);
    plan_.operations.push_back({r.first_step + static_cast<uint32_t>(j), windows[j].start, windows[j].end});
  }
  plan_.work_orders.push_back(wo);
  AddMaterial(ix_.StockPoint(r.item, r.site), wo.end + 1, qty);
}

template <bool kFollowing>
template <typename Add, typename Use>
void PlanningState<kFollowing>::Revert(const Undo& u, Add add, Use use, std::vector<Purchase>& purchases) {
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

template <bool kFollowing>
void PlanningState<kFollowing>::Rollback(const Savepoint& s) {
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

template <bool kFollowing>
std::shared_ptr<PlanState> PlanningState<kFollowing>::Snapshot(size_t position) const {
  auto state = std::make_shared<PlanState>();
  state->position = position;
  state->material = material_;
  state->capacity = capacity_;
  state->purchases = plan_.purchases;
  state->purchase_at = purchase_at_;
  const Filled filled = Sizes();
  state->shipments = filled.shipments;
  state->work_orders = filled.work_orders;
  state->operations = filled.operations;
  state->consumptions = filled.consumptions;
  return state;
}

template <bool kFollowing>
std::shared_ptr<PlanState> PlanningState<kFollowing>::SnapshotBeforeLine(size_t position, const Filled& line_start,
                                                                         ScenarioFollower::Follow* follow) const {
  std::shared_ptr<PlanState> state = Snapshot(position);
  auto add = [&](int32_t sp, int32_t day, int64_t qty) {
    state->material.Add(sp, day, qty);
    const int32_t k = follow != nullptr ? follow->local_point[static_cast<size_t>(sp)] : -1;
    if (k >= 0) follow->material.Add(k, day, qty);
  };
  auto use = [&](ResourceId r, int32_t day, Fixed4 amount) {
    state->capacity.Use(r, day, amount);
    const int32_t k = follow != nullptr ? follow->local_resource[r.index()] : -1;
    if (k >= 0) follow->capacity.Use(ResourceId(k), day, amount);
  };
  for (size_t i = undo_.size(); i-- > 0;) Revert(undo_[i], add, use, state->purchases);
  // Purchase slots the line opened are closed again.
  for (size_t i = line_start.purchases; i < state->purchases.size(); ++i) {
    const Purchase& p = state->purchases[i];
    state->purchase_at[static_cast<size_t>(ix_.StockPoint(p.item, p.site)) * static_cast<size_t>(days_) +
                       static_cast<size_t>(p.day)] = -1;
  }
  state->purchases.resize(line_start.purchases);
  state->shipments = line_start.shipments;
  state->work_orders = line_start.work_orders;
  state->operations = line_start.operations;
  state->consumptions = line_start.consumptions;
  return state;
}

template <bool kFollowing>
void PlanningState<kFollowing>::Restore(const PlanState& state) {
  material_ = state.material;
  capacity_ = state.capacity;
  plan_.purchases = state.purchases;
  purchase_at_ = state.purchase_at;
}

// Only the entry points are instantiated explicitly: private helpers stay implicit, so that the
// compiler may inline them at their one call site.
template PlanningState<false>::PlanningState(const PlannerIndex&, const PlanOptions&);
template void PlanningState<false>::CommitWorkOrder(const Routing&, int64_t, const StepWindow*);
template void PlanningState<false>::Rollback(const Savepoint&);
template std::shared_ptr<PlanState> PlanningState<false>::Snapshot(size_t) const;
template std::shared_ptr<PlanState> PlanningState<false>::SnapshotBeforeLine(size_t, const Filled&, ScenarioFollower::Follow*) const;
template void PlanningState<false>::Restore(const PlanState&);
template PlanningState<true>::PlanningState(const PlannerIndex&, const PlanOptions&);
template void PlanningState<true>::CommitWorkOrder(const Routing&, int64_t, const StepWindow*);
template void PlanningState<true>::Rollback(const Savepoint&);
template std::shared_ptr<PlanState> PlanningState<true>::Snapshot(size_t) const;
template std::shared_ptr<PlanState> PlanningState<true>::SnapshotBeforeLine(size_t, const Filled&, ScenarioFollower::Follow*) const;
template void PlanningState<true>::Restore(const PlanState&);

}  // namespace takt::engine
