#include "server/resource_routes.h"

#include <fmt/format.h>
#include <httplib.h>

#include "server/api_error.h"
#include "server/json_views.h"
#include "server/request_params.h"

namespace takt::server {

void ResourceRoutes::Install(Router& router) {
  router.Add("GET", "/api/resources", PreRendered(plan_, &ServedPlan::resources));
  router.Add("GET", "/api/resources/{code}/load", Bind(this, &ResourceRoutes::ResourceLoad));
  router.Add("GET", "/api/heatmap", Bind(this, &ResourceRoutes::Heatmap));
  router.Add("GET", "/api/burndown", Bind(this, &ResourceRoutes::Burndown));
  router.Add("GET", "/api/items/{code}/availability", Bind(this, &ResourceRoutes::Availability));
}

void ResourceRoutes::ResourceLoad(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Model& m = s.model();
  const std::string code = req.matches[1];
  const std::optional<ResourceId> r = m.FindResource(code);
  if (!r) NotFound(fmt::format("no resource '{}'", code), Suggest(code, CodesOf(m.resources())));
  const int32_t from = DayParam(req, m, "from", 0);
  const int32_t to = DayParam(req, m, "to", m.settings().horizon_days - 1);
  SendJson(res, ResourceLoadJson(s, *r, from, to));
}

void ResourceRoutes::Heatmap(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const int64_t weeks = IntParam(req, "weeks", 26, 1, 520);
  SendJson(res, HeatmapJson(*served_now->snapshot, static_cast<int32_t>(weeks)));
}

void ResourceRoutes::Burndown(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const std::string name = Param(req, "scenario");
  std::shared_ptr<const ScenarioRun> run;
  if (!name.empty()) {
    const std::optional<ScenarioEntry> e = scenarios_.Get(name);
    if (!e) NotFound(fmt::format("no scenario '{}'", name));
    if (!e->run) throw ApiError{409, "conflict", fmt::format("scenario '{}' has not been run", name)};
    run = e->run;
  }
  SendJson(res, BurndownJson(*served_now->snapshot, run ? &run->shipped_by_day : nullptr));
}

void ResourceRoutes::Availability(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Model& m = s.model();
  const std::string code = req.matches[1];
  const std::optional<ItemId> item = m.FindItem(code);
  if (!item) NotFound(fmt::format("no item '{}'", code), Suggest(code, CodesOf(m.items())));
  std::optional<SiteId> site;
  if (const std::string v = Param(req, "site"); !v.empty()) {
    site = m.FindSite(v);
    if (!site) UnknownFilter("site", v, Suggest(v, CodesOf(m.sites())));
  }
  const int32_t from = DayParam(req, m, "from", 0);
  const int32_t to = DayParam(req, m, "to", m.settings().horizon_days - 1);
  SendJson(res, AvailabilityJson(s, *item, site, from, to));
}

}  // namespace takt::server
