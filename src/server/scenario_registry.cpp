#include "server/scenario_registry.h"

#include <toml++/toml.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

#include "common/clock.h"
#include "plan/divergence.h"
#include "plan/plan_report.h"
#include "plan/planner.h"
#include "scenario/scenario.h"

namespace takt::server {

namespace {

toml::array TomlArray(const nlohmann::json& j, const std::string& where);

toml::table TomlTable(const nlohmann::json& j, const std::string& where) {
  toml::table t;
  for (const auto& [key, value] : j.items()) {
    const std::string at = where.empty() ? key : where + "." + key;
    switch (value.type()) {
      case nlohmann::json::value_t::null: break;  // an absent key
      case nlohmann::json::value_t::boolean: t.insert(key, value.get<bool>()); break;
      case nlohmann::json::value_t::number_integer:
      case nlohmann::json::value_t::number_unsigned: t.insert(key, value.get<int64_t>()); break;
      case nlohmann::json::value_t::number_float: t.insert(key, value.get<double>()); break;
      case nlohmann::json::value_t::string: t.insert(key, value.get<std::string>()); break;
      case nlohmann::json::value_t::object: t.insert(key, TomlTable(value, at)); break;
      case nlohmann::json::value_t::array: t.insert(key, TomlArray(value, at)); break;
      default: throw std::invalid_argument(at + " has a value JSON cannot carry into a scenario");
    }
  }
  return t;
}

toml::array TomlArray(const nlohmann::json& j, const std::string& where) {
  toml::array a;
  for (size_t i = 0; i < j.size(); ++i) {
    const nlohmann::json& value = j[i];
    const std::string at = where + "[" + std::to_string(i) + "]";
    switch (value.type()) {
      case nlohmann::json::value_t::boolean: a.push_back(value.get<bool>()); break;
      case nlohmann::json::value_t::number_integer:
      case nlohmann::json::value_t::number_unsigned: a.push_back(value.get<int64_t>()); break;
      case nlohmann::json::value_t::number_float: a.push_back(value.get<double>()); break;
      case nlohmann::json::value_t::string: a.push_back(value.get<std::string>()); break;
      case nlohmann::json::value_t::object: a.push_back(TomlTable(value, at)); break;
      case nlohmann::json::value_t::array: a.push_back(TomlArray(value, at)); break;
      default: throw std::invalid_argument(at + " is null; leave it out instead");
    }
  }
  return a;
}

void PathsByLine(const toml::node& node, const std::string& path, std::map<int, std::string>& at) {
  const int line = static_cast<int>(node.source().begin.line);
  if (line > 0 && !path.empty()) at[line] = path;  // children come later: the deepest node wins
  if (const toml::table* t = node.as_table()) {
    for (const auto& [key, value] : *t) {
      PathsByLine(value, path.empty() ? std::string(key.str()) : path + "." + std::string(key.str()), at);
    }
  } else if (const toml::array* a = node.as_array()) {
    for (size_t i = 0; i < a->size(); ++i) PathsByLine(*a->get(i), path + "[" + std::to_string(i) + "]", at);
  }
}

}  // namespace

std::string JsonPathAtLine(const std::string& toml, int line) {
  std::map<int, std::string> at;
  try {
    const toml::table parsed = toml::parse(toml);
    PathsByLine(parsed, "", at);
  } catch (const toml::parse_error&) {
    return "";
  }
  auto it = at.find(line);
  return it == at.end() ? "" : it->second;
}

std::string ScenarioTomlFromJson(const nlohmann::json& edits, const std::string& name, const std::string& description) {
  if (!edits.is_object()) throw std::invalid_argument("edits must be an object of edit lists (docs/scenarios.md)");
  toml::table t = TomlTable(edits, "");
  t.insert_or_assign("name", name);
  if (!description.empty()) t.insert_or_assign("description", description);
  std::ostringstream out;
  out << t << "\n";
  return out.str();
}

std::optional<ScenarioEntry> ScenarioRegistry::Create(const PlanSnapshot& base, const std::string& name,
                                                      const std::string& description, const std::string& toml,
                                                      Diagnostics& problems) {
  const std::optional<Scenario> parsed =
      ParseScenario(toml, "scenario '" + name + "'", base.model(), base.plan().options, problems);
  if (!parsed) return std::nullopt;
  ScenarioEntry entry;
  entry.name = name;
  entry.description = description.empty() ? parsed->description : description;
  entry.toml = toml;
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
  std::string toml;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(name);
    if (it == entries_.end()) return nullptr;
    toml = it->second.toml;
  }
  const auto start = std::chrono::steady_clock::now();
  // Parsed again: the base may have changed since the scenario was created.
  const std::optional<Scenario> s =
      ParseScenario(toml, "scenario '" + name + "'", base.model(), base.plan().options, problems);
  if (!s) return nullptr;
  // The base's sequence when the orders are the same, and its plans of the lines before the latest
  // checkpoint the edits cannot reach (the base run did not follow this scenario).
  Divergence d = FindDivergence(base.model(), base.plan().options, base.plan().sequence, *s->model, s->options);
  const ScenarioStart from = base.planner().CheckpointFor(d);
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
