#pragma once
// A what-if run: the base plan, then each scenario planned and compared with it. A scenario reuses
// of the base what its edits do not change: the planning sequence when the orders are the same,
// and the plans of the lines before the first one its edits can reach (plan/divergence.h), taken
// with the state they leave from the base run. The result is exactly the plan of the scenario's
// dataset from scratch.

#include <map>
#include <memory>
#include <span>
#include <vector>

#include "model/model.h"
#include "plan/divergence.h"
#include "plan/planner.h"
#include "plan/plan.h"
#include "plan/plan_report.h"
#include "scenario/plan_compare.h"
#include "scenario/scenario.h"

namespace takt {

struct WhatIfResult {
  Plan plan;
  PlanReport report;
  PlanComparison comparison;
  size_t lines_reused = 0;  ///< lines whose plan was taken from the base rather than planned again
};

class WhatIfBase {
 public:
  /// Plans the base. For `scenarios` known beforehand it keeps the state each will start from; a
  /// scenario it did not know still reuses the sequence, but plans every line.
  WhatIfBase(std::shared_ptr<const Model> model, const PlanOptions& options, std::span<const Scenario> scenarios = {});

  const Model& model() const { return *model_; }
  const Plan& plan() const { return plan_; }
  const PlanReport& report() const { return report_; }

  /// The scenario's plan (the same as planning its dataset from scratch), report and comparison.
  WhatIfResult Run(const Scenario& scenario) const;

 private:
  struct Start {
    Divergence divergence;
    ScenarioStart start;
  };
  std::shared_ptr<const Model> model_;
  PlanOptions options_;
  Plan plan_;
  PlanReport report_;
  std::map<const Model*, Start> starts_;  ///< by scenario model
};

}  // namespace takt
