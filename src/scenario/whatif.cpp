#include "scenario/whatif.h"

#include <algorithm>

#include "plan/line_order.h"
#include "plan/planner.h"

namespace takt {

WhatIfBase::WhatIfBase(std::shared_ptr<const Model> model, const PlanOptions& options,
                       std::span<const Scenario> scenarios)
    : model_(std::move(model)), options_(options) {
  std::vector<LineId> sequence = PlanningSequence(*model_, options_);
  std::vector<size_t> keep_at;
  for (const Scenario& s : scenarios) {
    Start start{FindDivergence(*model_, options_, sequence, *s.model, s.options), nullptr};
    if (start.divergence.prefix > 0) keep_at.push_back(start.divergence.prefix);
    starts_.emplace(s.model.get(), std::move(start));
  }
  std::sort(keep_at.begin(), keep_at.end());
  keep_at.erase(std::unique(keep_at.begin(), keep_at.end()), keep_at.end());
  std::vector<std::shared_ptr<const PlanState>> kept;
  plan_ = PlanBacklog(*model_, options_, std::move(sequence), keep_at, kept);
  for (auto& [scenario, start] : starts_) {
    const auto at = std::lower_bound(keep_at.begin(), keep_at.end(), start.divergence.prefix);
    if (at != keep_at.end() && *at == start.divergence.prefix) start.state = kept[static_cast<size_t>(at - keep_at.begin())];
  }
  report_ = BuildReport(*model_, plan_);
}

WhatIfResult WhatIfBase::Run(const Scenario& s) const {
  WhatIfResult r;
  const auto known = starts_.find(s.model.get());
  if (known != starts_.end()) {
    const Start& start = known->second;
    r.plan = PlanScenario(*s.model, s.options, start.divergence, *model_, plan_, start.state.get());
    r.lines_reused = start.state ? start.divergence.prefix : 0;
  } else {
    const Divergence d = FindDivergence(*model_, options_, plan_.sequence, *s.model, s.options);
    r.plan = PlanScenario(*s.model, s.options, d, *model_, plan_, nullptr);
  }
  r.report = BuildReport(*s.model, r.plan);
  r.comparison = ComparePlanned(*model_, plan_, report_, *s.model, r.plan, r.report);
  return r;
}

}  // namespace takt
