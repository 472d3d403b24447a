#pragma once
// Where a scenario's plan starts to differ from its base's. Lines are planned one at a time, each
// against what the lines before it left. So a scenario's first lines plan exactly as the base's
// when they are the same lines, in the same order, and read nothing the scenario changed: no stock
// point whose supply differs, no resource whose capacity differs, no different licence window.
// Their plans and the state they leave can be taken from the base run instead of planned again.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

struct Divergence {
  std::vector<LineId> sequence;  ///< the scenario's planning sequence
  /// How many of the scenario's first lines (in `sequence`) plan exactly as the base's first lines.
  size_t prefix = 0;
  /// What the scenario changed of the state planning starts from (item x site; resource), for a
  /// start from the base run's state: the lines of the prefix never read them.
  std::vector<int32_t> stock_points;
  std::vector<ResourceId> resources;
};

/// `scenario` is a model edited from `base` (scenarios share its items, sites and resources). The
/// scenario's sequence is the base's own when neither the orders nor the policy changed.
Divergence FindDivergence(const Model& base, const PlanOptions& base_options, const std::vector<LineId>& base_sequence,
                          const Model& scenario, const PlanOptions& options);

}  // namespace takt
