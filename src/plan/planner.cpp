#include "plan/planner.h"

#include <algorithm>
#include <utility>

#include "plan/divergence.h"
#include "plan/engine/plan_run.h"
#include "plan/line_order.h"

namespace takt {

using engine::PlanRun;

Plan PlanBacklog(const Model& model, const PlanOptions& options) {
  PlanRun<false> run(model, options);
  run.Prepare(PlanningSequence(model, options));
  run.PlanLines(0, run.plan().sequence.size());
  return run.TakePlan();
}

Plan PlanBacklog(const Model& model, const PlanOptions& options, const LineAllocation& allocation) {
  PlanRun<false> run(model, options, &allocation);
  run.Prepare(PlanningSequence(model, allocation, options.plan_last));
  run.PlanLines(0, run.plan().sequence.size());
  return run.TakePlan();
}

Plan PlanBase(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
              std::span<const ScenarioToFollow> scenarios, std::vector<ScenarioStart>& starts) {
  PlanRun<true> run(model, options);
  run.Prepare(std::move(sequence));
  starts.assign(scenarios.size(), ScenarioStart{});
  const size_t lines = run.plan().sequence.size();
  if (scenarios.empty()) {
    run.PlanLines(0, lines);
    return run.TakePlan();
  }
  engine::ScenarioFollower follower(model, scenarios);
  const size_t followed = run.PlanLinesFollowing(0, lines, follower, starts);
  if (followed == lines) return run.TakePlan();
  // The rest runs without the follower's checks. The scenarios still followed change no ledger
  // point: each starts at its limit.
  PlanRun<false> rest(model, options);
  rest.TakeOver(run);
  std::vector<size_t> waiting;
  for (size_t i = 0; i < scenarios.size(); ++i) {
    if (follower.follows()[i].active) waiting.push_back(i);
  }
  std::sort(waiting.begin(), waiting.end(), [&](size_t a, size_t b) {
    return scenarios[a].divergence->limit < scenarios[b].divergence->limit;
  });
  size_t done = followed;
  for (const size_t i : waiting) {
    const size_t at = std::max(done, std::min(lines, scenarios[i].divergence->limit));
    rest.PlanLines(done, at);
    done = at;
    if (auto state = rest.StateAt(at)) starts[i] = {at, std::move(state)};
  }
  rest.PlanLines(done, lines);
  return rest.TakePlan();
}

Plan PlanScenario(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
                  const Model& base_model, const Plan& base, const ScenarioStart& start) {
  PlanRun<false> run(model, options);
  run.Prepare(std::move(sequence));
  size_t first = 0;
  if (start.state != nullptr) {
    run.StartFrom(*start.state, base_model, base);
    first = start.state->position;
  }
  run.PlanLines(first, run.plan().sequence.size());
  return run.TakePlan();
}

}  // namespace takt
