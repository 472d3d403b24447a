#pragma once
// The planner: order lines one at a time, in the sequence of the allocation policy; each takes
// material and capacity left by the lines before it and never moves their work.
//
// A line is first planned just in time: backward from its request date through its routing and BOM
// (latest feasible starts). If that fails it ships at the earliest date it can: each failed attempt
// says when its binding shortage resolves (the day the material is there, the day the resource
// frees up, the end of a lead time) and the next attempt jumps there. Partial lines ship what they
// can on the request date and the rest as it becomes available. See docs/design/planner.md.

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

/// Plans every order line. Deterministic: the same model and options give the same plan.
Plan PlanBacklog(const Model& model, const PlanOptions& options);

}  // namespace takt
