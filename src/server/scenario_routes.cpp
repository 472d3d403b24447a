#include "server/scenario_routes.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <cctype>

#include "scenario/scenario.h"
#include "server/api_error.h"
#include "server/json_views.h"
#include "server/request_params.h"

namespace takt::server {

namespace {

Json ScenarioJson(const ScenarioEntry& e, int64_t plan_version) {
  Json j = {{"name", e.name},
            {"description", e.description},
            {"created_at", e.created_at},
            {"version", e.version},
            {"edits", e.edits},
            {"status", e.run ? "planned" : "created"},
            {"revenue_delta", nullptr},
            {"changed_lines", nullptr},
            {"seconds", nullptr},
            {"stale", false}};
  if (e.run) {
    Money delta = 0;
    for (const PlanComparison::Quarter& q : e.run->comparison.quarters) delta += q.revenue_scenario - q.revenue_base;
    j["revenue_delta"] = MoneyJson(delta);
    j["changed_lines"] = e.run->comparison.changes.size();
    j["seconds"] = e.run->seconds;
    // Run against an older plan: new data came since, run it again to compare with today's.
    j["stale"] = e.run->base_plan_version != plan_version;
  }
  return j;
}

bool ValidScenarioName(const std::string& name) {
  if (name.empty() || name.size() > 80) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

void ScenarioRoutes::Install(Router& router) {
  router.Add("GET", "/api/scenarios", Bind(this, &ScenarioRoutes::ListScenarios));
  router.Add("POST", "/api/scenarios", Bind(this, &ScenarioRoutes::CreateScenario));
  router.Add("POST", "/api/scenarios/{name}/run", Bind(this, &ScenarioRoutes::RunScenario));
  router.Add("GET", "/api/scenarios/{name}/comparison", Bind(this, &ScenarioRoutes::ScenarioComparison));
  router.Add("GET", "/api/scenarios/{name}", Bind(this, &ScenarioRoutes::GetScenario));
  router.Add("DELETE", "/api/scenarios/{name}", Bind(this, &ScenarioRoutes::DeleteScenario));
}

void ScenarioRoutes::ListScenarios(const httplib::Request&, httplib::Response& res) {
  const auto served_now = served();
  Json list = Json::array();
  for (const ScenarioEntry& e : scenarios_.List()) list.push_back(ScenarioJson(e, served_now->snapshot->source().plan_version));
  SendJson(res, list);
}

void ScenarioRoutes::CreateScenario(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Json body = ParseBody(req);
  const std::string name = body.value("name", "");
  if (!ValidScenarioName(name)) {
    BadRequest(fmt::format("name '{}' must be 1 to 80 letters, digits, '-', '_' or '.'", name));
  }
  const std::string description = body.value("description", "");
  if (body.contains("toml") && body.contains("edits")) BadRequest("give \"toml\" or \"edits\", not both");
  // The edits, and the scenario file's text kept and shown for them.
  Diagnostics problems;
  std::optional<ScenarioSpec> spec;
  std::string toml;
  if (body.contains("toml")) {
    if (!body.at("toml").is_string()) BadRequest("\"toml\" must be a string: the scenario file's text");
    toml = body.at("toml").get<std::string>();
    spec = ReadScenarioToml(toml, "scenario '" + name + "'", problems);
  } else if (body.contains("edits")) {
    if (!body.at("edits").is_object()) BadRequest("edits must be an object of edit lists (docs/scenarios.md)");
    spec = ReadScenarioJson(body.at("edits"), name, description, problems);
    toml = WriteScenarioToml(*spec);
  } else {
    BadRequest("give the scenario as \"edits\" (JSON) or \"toml\" (text); see docs/scenarios.md");
  }
  if (scenarios_.Contains(name)) {
    throw ApiError{409, "conflict", fmt::format("a scenario named '{}' exists; delete it or choose another name", name)};
  }
  std::optional<ScenarioEntry> entry;
  if (spec) entry = scenarios_.Create(s, name, description, std::move(*spec), toml, problems);
  if (!entry) {
    if (problems.Has("scenario-exists")) {
      throw ApiError{409, "conflict", fmt::format("a scenario named '{}' exists", name)};
    }
    throw ApiError{422, "invalid",
                   fmt::format("scenario '{}' is not valid against dataset version {}; nothing was saved", name,
                               s.source().dataset_version),
                   DetailsOf(problems)};
  }
  try {
    entry->version = backend_.SaveScenario(*entry, s.source().dataset_version);
  } catch (const BackendConflict& e) {
    scenarios_.Remove(name);  // not kept: the store holds another scenario of that name
    throw ApiError{409, "conflict", e.what()};
  } catch (const std::exception& e) {
    scenarios_.Remove(name);
    throw ApiError{500, "internal", fmt::format("the scenario could not be kept: {}", e.what())};
  }
  scenarios_.SetVersion(name, entry->version);
  SendJson(res, ScenarioJson(*entry, s.source().plan_version), 201);
}

void ScenarioRoutes::RunScenario(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const std::string name = req.matches[1];
  if (!scenarios_.Contains(name)) NotFound(fmt::format("no scenario '{}'", name));
  Diagnostics problems;
  const std::shared_ptr<const ScenarioRun> run = scenarios_.Run(s, name, problems);
  if (!run) {
    if (problems.has_errors()) Invalid(fmt::format("scenario '{}' no longer applies to the data", name), problems);
    NotFound(fmt::format("no scenario '{}'", name));
  }
  const size_t limit = static_cast<size_t>(IntParam(req, "limit", 50, 0, 100000));
  SendJson(res, {{"name", name},
                 {"seconds", run->seconds},
                 {"lines_reused", run->lines_reused},
                 {"comparison", ComparisonJson(run->comparison, limit)}});
}

void ScenarioRoutes::ScenarioComparison(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  const std::optional<ScenarioEntry> e = scenarios_.Get(name);
  if (!e) NotFound(fmt::format("no scenario '{}'", name));
  if (!e->run) throw ApiError{409, "conflict", fmt::format("scenario '{}' has not been run: POST its run first", name)};
  const size_t limit = static_cast<size_t>(IntParam(req, "limit", 50, 0, 100000));
  SendJson(res, ComparisonJson(e->run->comparison, limit));
}

void ScenarioRoutes::GetScenario(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const std::string name = req.matches[1];
  const std::optional<ScenarioEntry> e = scenarios_.Get(name);
  if (!e) NotFound(fmt::format("no scenario '{}'", name));
  Json j = ScenarioJson(*e, served_now->snapshot->source().plan_version);
  j["toml"] = e->toml;
  SendJson(res, j);
}

void ScenarioRoutes::DeleteScenario(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  if (!scenarios_.Remove(name)) NotFound(fmt::format("no scenario '{}'", name));
  backend_.DeleteScenario(name);
  SendJson(res, {{"deleted", name}});
}

}  // namespace takt::server
