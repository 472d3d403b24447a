#pragma once
// Where a scenario's plan can start to differ from its base's. Lines are planned one at a time,
// each against what the lines before it left. So a scenario's first lines plan exactly as the
// base's when they are the same lines, in the same order, with the same licence windows and
// candidate sites, and every question they ask of the ledgers gets the same answer. This finds the
// first line that is not the same line (the limit) and what the scenario changed of the ledgers'
// starting state; the base run then follows the scenario (PlanBase in planner.h) and finds the
// first line before the limit that gets another answer. The plans of the lines before it, and the
// state they leave, are taken from the base run instead of planned again.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

struct Divergence {
  std::vector<LineId> sequence;  ///< the scenario's planning sequence
  /// How many of the scenario's first lines (in `sequence`) are the base's first lines, with the
  /// same licence windows and candidate sites. 0 when the model's structure or settings differ.
  size_t limit = 0;
  /// What the scenario changed of the state planning starts from: stock points (item x site) whose
  /// supply differs, resources whose capacity differs.
  std::vector<int32_t> stock_points;
  std::vector<ResourceId> resources;
};

/// The scenario's planning sequence: the base's own when neither the orders nor the policy changed
/// (the priority sequence is a function of the orders alone), else computed.
std::vector<LineId> ScenarioSequence(const Model& base, const PlanOptions& base_options,
                                     const std::vector<LineId>& base_sequence, const Model& scenario,
                                     const PlanOptions& options);

/// `scenario` is a model edited from `base` (scenarios share its items, sites and resources).
Divergence FindDivergence(const Model& base, const PlanOptions& base_options, const std::vector<LineId>& base_sequence,
                          const Model& scenario, const PlanOptions& options);

}  // namespace takt
