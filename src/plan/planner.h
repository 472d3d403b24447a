#pragma once
// The planner: order lines one at a time, in the sequence of the allocation (plan/allocation.h);
// each takes material and capacity left by the lines before it and never moves their work.
//
// A line is first planned just in time: backward from its request date through its routing and BOM
// (latest feasible starts). If that fails it ships at the earliest date it can, planned forward.
// Partial lines ship what they can on the request date and the rest as it becomes available. See
// docs/design/planner.md; the engine's parts are in plan/engine/ (docs/design/architecture.md).
//
// Runs that reuse another run's work: a base run that follows what-if scenarios to find where each
// starts to plan otherwise (PlanBase), and a scenario's run that starts there (PlanScenario).
// Promises are answered by a PromiseSession (plan/promise_session.h).

#include <memory>
#include <span>
#include <vector>

#include "model/model.h"
#include "plan/allocation.h"
#include "plan/plan.h"

namespace takt {

/// Plans every order line. Deterministic: the same model and options give the same plan.
Plan PlanBacklog(const Model& model, const PlanOptions& options);
/// The same, with another allocation than the built-in one of `options.policy` (an optimizer's):
/// its sequence (then the last `options.plan_last` lines) and its guidance per line.
Plan PlanBacklog(const Model& model, const PlanOptions& options, const LineAllocation& allocation);

/// The planner's state between two lines of a run: ledgers and purchases (tens of MB on large).
struct PlanState;
struct Divergence;

/// A scenario of a base model, and where it can start to differ (plan/divergence.h).
struct ScenarioToFollow {
  const Model* model;
  const Divergence* divergence;
};

/// Where a scenario's plan starts from the base run's.
struct ScenarioStart {
  size_t prefix = 0;  ///< how many of its first lines plan exactly as the base's first lines
  std::shared_ptr<const PlanState> state;  ///< the state they leave, as the scenario's; null when 0
};

/// PlanBacklog in `sequence` (PlanningSequence's), following each scenario through the run: a
/// scenario's start is its divergence's limit or, before it, the first line that gets another
/// answer from the scenario's ledgers than from the base's. A start of fewer than 1% of the lines
/// is not kept (prefix 0): copying the state would cost more than planning them.
Plan PlanBase(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
              std::span<const ScenarioToFollow> scenarios, std::vector<ScenarioStart>& starts);

/// A scenario's plan in its `sequence` (the divergence's): the same as PlanBacklog(model,
/// options), but the lines before the start are not planned again: their plans are the base's.
Plan PlanScenario(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
                  const Model& base_model, const Plan& base, const ScenarioStart& start);

}  // namespace takt
