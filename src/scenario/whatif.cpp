#include "scenario/whatif.h"

#include "plan/line_order.h"
#include "plan/planner.h"

namespace takt {

WhatIfBase::WhatIfBase(std::shared_ptr<const Model> model, const PlanOptions& options,
                       std::span<const Scenario> scenarios)
    : model_(std::move(model)), options_(options) {
  std::vector<LineId> sequence = PlanningSequence(*model_, options_);
  for (const Scenario& s : scenarios) {
    starts_.emplace(s.model.get(), Start{FindDivergence(*model_, options_, sequence, *s.model, s.options), {}});
  }
  // Only scenarios whose first line is the base's are followed through the base run.
  std::vector<ScenarioToFollow> follow;
  std::vector<Start*> followed;
  for (auto& [scenario, start] : starts_) {
    if (start.divergence.limit == 0) continue;
    follow.push_back({scenario, &start.divergence});
    followed.push_back(&start);
  }
  std::vector<ScenarioStart> found;
  plan_ = PlanBase(*model_, options_, std::move(sequence), follow, found);
  for (size_t i = 0; i < followed.size(); ++i) followed[i]->start = std::move(found[i]);
  report_ = BuildReport(*model_, plan_);
}

WhatIfResult WhatIfBase::Run(const Scenario& s) const {
  WhatIfResult r;
  const auto known = starts_.find(s.model.get());
  if (known != starts_.end()) {
    const Start& start = known->second;
    r.plan = PlanScenario(*s.model, s.options, start.divergence.sequence, *model_, plan_, start.start);
    r.lines_reused = start.start.state ? start.start.prefix : 0;
  } else {
    r.plan = PlanScenario(*s.model, s.options, ScenarioSequence(*model_, options_, plan_.sequence, *s.model, s.options),
                          *model_, plan_, ScenarioStart{});
  }
  r.report = BuildReport(*s.model, r.plan);
  r.comparison = ComparePlanned(*model_, plan_, report_, *s.model, r.plan, r.report);
  return r;
}

}  // namespace takt
