#include "plan/engine/plan_run.h"

#include <utility>

#include "plan/divergence.h"
#include "plan/standard_cost.h"

namespace takt::engine {

template <bool kFollowing>
PlanRun<kFollowing>::PlanRun(const Model& model, const PlanOptions& options, const LineAllocation* allocation)
    : m_(model),
      index_(model),
      state_(index_, options),
      lines_(state_, options.licence_policy),
      guide_(allocation != nullptr && allocation->guides() ? allocation : nullptr) {}

template <bool kFollowing>
void PlanRun<kFollowing>::Prepare(std::vector<LineId> sequence) {
  Plan& plan = state_.plan();
  plan.standard_cost = StandardCosts(m_);
  plan.sequence = std::move(sequence);
  // Typical sizes, to grow the big vectors a few times rather than many.
  const size_t lines = m_.lines().size();
  plan.shipments.reserve(lines + lines / 8);
  plan.work_orders.reserve(lines * 3);
  plan.operations.reserve(lines * 5);
  plan.consumptions.reserve(lines * 8);
}

template <bool kFollowing>
void PlanRun<kFollowing>::PlanLines(size_t from, size_t to) {
  Plan& plan = state_.plan();
  for (size_t k = from; k < to; ++k) {
    const LineId id = plan.sequence[k];
    state_.Settle();  // what earlier lines did is final: nothing rolls back past this line's start
    if (guide_ != nullptr) {
      lines_.Plan(m_.line(id), id, plan.outcomes[id.index()], guide_->Guidance(id));
    } else {
      lines_.Plan(m_.line(id), id, plan.outcomes[id.index()]);
    }
  }
}

template <bool kFollowing>
std::vector<ScenarioStart> PlanRun<kFollowing>::PlanAllKeeping(std::vector<LineId> sequence, size_t checkpoints) {
  Prepare(std::move(sequence));
  const size_t lines = state_.plan().sequence.size();
  std::vector<ScenarioStart> kept;
  size_t done = 0;
  for (size_t c = 1; c <= checkpoints; ++c) {
    const size_t at = lines * c / (checkpoints + 1);
    if (at < MinimumStart() || at <= done) continue;
    PlanLines(done, at);
    done = at;
    kept.push_back({at, state_.Snapshot(at)});
  }
  PlanLines(done, lines);
  return kept;
}

template <bool kFollowing>
size_t PlanRun<kFollowing>::PlanLinesFollowing(size_t from, size_t to, ScenarioFollower& follower,
                                               std::vector<ScenarioStart>& starts) {
  std::vector<ScenarioFollower::Follow>& follows = follower.follows();
  state_.Follow(&follower);
  size_t stopped = to;
  for (size_t k = from; k < to; ++k) {
    for (size_t i = 0; i < follows.size(); ++i) {
      if (follows[i].active && follows[i].divergence->limit == k) Start(follower, i, k, nullptr, starts);
    }
    if (!follower.any_watching()) {
      stopped = k;
      break;
    }
    const Filled line_start = state_.Sizes();
    PlanLines(k, k + 1);
    for (size_t i = 0; i < follows.size(); ++i) {
      if (follows[i].active && follows[i].diverged) Start(follower, i, k, &line_start, starts);
    }
  }
  if (stopped == to) {
    for (size_t i = 0; i < follows.size(); ++i) {
      if (follows[i].active) Start(follower, i, to, nullptr, starts);
    }
  }
  state_.Follow(nullptr);
  return stopped;
}

template <bool kFollowing>
void PlanRun<kFollowing>::Start(ScenarioFollower& follower, size_t index, size_t position, const Filled* line_start,
                                std::vector<ScenarioStart>& starts) {
  ScenarioFollower::Follow& f = follower.follows()[index];
  if (position >= MinimumStart()) {
    std::shared_ptr<PlanState> state = line_start != nullptr ? state_.SnapshotBeforeLine(position, *line_start, &f)
                                                             : state_.Snapshot(position);
    const Divergence& d = *f.divergence;
    for (size_t k = 0; k < d.stock_points.size(); ++k) {
      state->material.CopyStockPoint(f.material, static_cast<int32_t>(k), d.stock_points[k]);
    }
    for (size_t k = 0; k < d.resources.size(); ++k) {
      state->capacity.CopyResource(f.capacity, ResourceId(k), d.resources[k]);
    }
    starts[index] = {position, std::move(state)};
  }
  follower.Stop(index);
}

template <bool kFollowing>
std::shared_ptr<const PlanState> PlanRun<kFollowing>::StateAt(size_t position) const {
  return position >= MinimumStart() ? state_.Snapshot(position) : nullptr;
}

template <bool kFollowing>
void PlanRun<kFollowing>::StartFrom(const PlanState& state, const Model& base_model, const Plan& base) {
  state_.Restore(state);
  Plan& plan = state_.plan();
  // The lines may have other ids here (cancelled orders shift the lines after them).
  std::vector<LineId> here(base_model.lines().size());
  for (size_t k = 0; k < state.position; ++k) {
    const LineId from = base.sequence[k], to = plan.sequence[k];
    here[from.index()] = to;
    plan.outcomes[to.index()] = base.outcomes[from.index()];
  }
  auto copy = [&](const auto& from, auto& to, size_t count) {
    for (size_t i = 0; i < count; ++i) {
      to.push_back(from[i]);
      to.back().line = here[to.back().line.index()];
    }
  };
  copy(base.shipments, plan.shipments, state.shipments);
  copy(base.work_orders, plan.work_orders, state.work_orders);
  copy(base.consumptions, plan.consumptions, state.consumptions);
  plan.operations.insert(plan.operations.end(), base.operations.begin(),
                         base.operations.begin() + static_cast<ptrdiff_t>(state.operations));
}

// Only the entry points are instantiated explicitly: private helpers stay implicit, so that the
// compiler may inline them at their one call site.
template PlanRun<false>::PlanRun(const Model&, const PlanOptions&, const LineAllocation*);
template void PlanRun<false>::Prepare(std::vector<LineId>);
template void PlanRun<false>::PlanLines(size_t, size_t);
template std::vector<ScenarioStart> PlanRun<false>::PlanAllKeeping(std::vector<LineId>, size_t);
template std::shared_ptr<const PlanState> PlanRun<false>::StateAt(size_t) const;
template void PlanRun<false>::StartFrom(const PlanState&, const Model&, const Plan&);
template PlanRun<true>::PlanRun(const Model&, const PlanOptions&, const LineAllocation*);
template void PlanRun<true>::Prepare(std::vector<LineId>);
template void PlanRun<true>::PlanLines(size_t, size_t);
template std::vector<ScenarioStart> PlanRun<true>::PlanAllKeeping(std::vector<LineId>, size_t);
template std::shared_ptr<const PlanState> PlanRun<true>::StateAt(size_t) const;
template void PlanRun<true>::StartFrom(const PlanState&, const Model&, const Plan&);
template size_t PlanRun<true>::PlanLinesFollowing(size_t, size_t, ScenarioFollower&, std::vector<ScenarioStart>&);

}  // namespace takt::engine
