#pragma once
// The order in which lines are planned: each line takes what is left by the lines before it.

#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

/// `priority`: priority, then request date, then order date, then order code and line number.
/// `revenue`: quarter of the request date first (what can be recognised earliest), then revenue per
/// unit of the scarcest material or capacity the line needs (highest first), then as `priority`.
std::vector<LineId> PlanningSequence(const Model& model, AllocationPolicy policy);

/// The sequence PlanBacklog plans in: the policy's, with the last `options.plan_last` lines of the
/// model after all others, in file order.
std::vector<LineId> PlanningSequence(const Model& model, const PlanOptions& options);

}  // namespace takt
