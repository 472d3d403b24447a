#include "scenario/whatif.h"

#include "plan/planner.h"

namespace takt {

WhatIfBase::WhatIfBase(std::shared_ptr<const Model> model, const PlanOptions& options,
                       std::span<const Scenario> /*scenarios*/)
    : model_(std::move(model)) {
  plan_ = PlanBacklog(*model_, options);
  report_ = BuildReport(*model_, plan_);
}

WhatIfResult WhatIfBase::Run(const Scenario& s) const {
  WhatIfResult r;
  r.plan = PlanBacklog(*s.model, s.options);
  r.report = BuildReport(*s.model, r.plan);
  r.comparison = ComparePlanned(*model_, plan_, report_, *s.model, r.plan, r.report);
  return r;
}

}  // namespace takt
