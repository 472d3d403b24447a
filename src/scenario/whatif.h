#pragma once
// A what-if run: the base plan, then each scenario planned and compared with it. The base keeps
// what a scenario can reuse of it, so that a scenario costs less than planning from scratch.

#include <memory>
#include <span>

#include "model/model.h"
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
  /// Plans the base. `scenarios` known beforehand let it keep what each of them will reuse.
  WhatIfBase(std::shared_ptr<const Model> model, const PlanOptions& options, std::span<const Scenario> scenarios = {});

  const Model& model() const { return *model_; }
  const Plan& plan() const { return plan_; }
  const PlanReport& report() const { return report_; }

  /// The scenario's plan (the same as planning its dataset from scratch), report and comparison.
  WhatIfResult Run(const Scenario& scenario) const;

 private:
  std::shared_ptr<const Model> model_;
  Plan plan_;
  PlanReport report_;
};

}  // namespace takt
