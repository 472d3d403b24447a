#include "server/scenario_registry.h"

#include <chrono>

#include "common/clock.h"
#include "plan/divergence.h"
#include "plan/plan_report.h"
#include "plan/planner.h"
#include "scenario/scenario.h"

namespace takt::server {

std::optional<ScenarioEntry> ScenarioRegistry::Create(const PlanSnapshot& base, const std::string& name,
                                                      const std::string& description, ScenarioSpec spec,
                                                      std::string toml, Diagnostics& problems) {
  const std::optional<Scenario> parsed = ApplyScenario(spec, base.model(), base.plan().options, problems);
  if (!parsed) return std::nullopt;
  ScenarioEntry entry;
  entry.name = name;
  entry.description = description.empty() ? parsed->description : description;
  entry.spec = std::move(spec);
  entry.toml = std::move(toml);
  entry.created_at = UtcNowIso8601();
  entry.edits = parsed->applied;
  std::lock_guard lock(mutex_);
  if (entries_.count(name) != 0) {
    problems.Error("scenario-exists", "scenario '" + name + "'", 0, "name",
                   "a scenario named '" + name + "' exists", "delete it first or choose another name");
    return std::nullopt;
  }
  entries_[name] = entry;
  return entry;
}

void ScenarioRegistry::Restore(ScenarioEntry entry) {
  std::lock_guard lock(mutex_);
  entries_[entry.name] = std::move(entry);
}

std::shared_ptr<const ScenarioRun> ScenarioRegistry::Run(const PlanSnapshot& base, const std::string& name,
                                                         Diagnostics& problems) {
  std::optional<ScenarioSpec> spec;
  std::string toml;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(name);
    if (it == entries_.end()) return nullptr;
    spec = it->second.spec;
    toml = it->second.toml;
  }
  const auto start = std::chrono::steady_clock::now();
  // A stored text that is no longer a scenario file: read again only to say why.
  if (!spec) {
    ReadScenarioToml(toml, "scenario '" + name + "'", problems);
    return nullptr;
  }
  // Applied again: the base may have changed since the scenario was created.
  const std::optional<Scenario> s = ApplyScenario(*spec, base.model(), base.plan().options, problems);
  if (!s) return nullptr;
  // The base's sequence when the orders are the same, and its plans of the lines before the latest
  // checkpoint the edits cannot reach (the base run did not follow this scenario).
  Divergence d = FindDivergence(base.model(), base.plan().options, base.plan().sequence, *s->model, s->options);
  const ScenarioStart from = base.promises().CheckpointFor(d);
  const Plan plan = PlanScenario(*s->model, s->options, std::move(d.sequence), base.model(), base.plan(), from);
  const PlanReport report = BuildReport(*s->model, plan);
  auto run = std::make_shared<ScenarioRun>();
  run->base_plan_version = base.source().plan_version;
  run->lines_reused = from.state ? from.prefix : 0;
  run->comparison = ComparePlanned(base.model(), base.plan(), base.report(), *s->model, plan, report);
  run->shipped_by_day.assign(static_cast<size_t>(s->model->settings().horizon_days), 0);
  for (const Shipment& sh : plan.shipments) {
    if (sh.day >= 0 && static_cast<size_t>(sh.day) < run->shipped_by_day.size()) {
      run->shipped_by_day[static_cast<size_t>(sh.day)] += s->model->line(sh.line).unit_price * sh.qty;
    }
  }
  run->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::lock_guard lock(mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end()) return nullptr;  // deleted while it ran
  it->second.edits = s->applied;
  it->second.run = run;
  return run;
}

std::optional<ScenarioEntry> ScenarioRegistry::Get(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(name);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

std::vector<ScenarioEntry> ScenarioRegistry::List() const {
  std::lock_guard lock(mutex_);
  std::vector<ScenarioEntry> list;
  for (const auto& [name, entry] : entries_) list.push_back(entry);
  return list;
}

bool ScenarioRegistry::Remove(const std::string& name) {
  std::lock_guard lock(mutex_);
  return entries_.erase(name) != 0;
}

bool ScenarioRegistry::Contains(const std::string& name) const {
  std::lock_guard lock(mutex_);
  return entries_.count(name) != 0;
}

void ScenarioRegistry::SetVersion(const std::string& name, int64_t version) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(name);
  if (it != entries_.end()) it->second.version = version;
}

}  // namespace takt::server
