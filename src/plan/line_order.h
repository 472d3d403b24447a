#pragma once
// The order in which lines are planned: each line takes what is left by the lines before it.

#include <vector>

#include "model/model.h"
#include "plan/allocation.h"
#include "plan/plan.h"

namespace takt {

/// The allocation's sequence, with the last `plan_last` lines of the model after all others, in
/// file order (how a re-plan verifies promises: the quotes, added as lines, plan last).
std::vector<LineId> PlanningSequence(const Model& model, const LineAllocation& allocation, size_t plan_last = 0);

/// The sequence PlanBacklog plans in: the built-in allocation of `options.policy`, with
/// `options.plan_last`.
std::vector<LineId> PlanningSequence(const Model& model, const PlanOptions& options);

}  // namespace takt
