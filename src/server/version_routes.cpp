#include "server/version_routes.h"

#include <httplib.h>

#include "server/api_error.h"
#include "server/json_views.h"

namespace takt::server {

void VersionRoutes::Install(Router& router) {
  router.Add("GET", "/api/versions", Bind(this, &VersionRoutes::Versions));
  router.Add("POST", "/api/replan", Bind(this, &VersionRoutes::Replan));
}

void VersionRoutes::Versions(const httplib::Request&, httplib::Response& res) { SendJson(res, backend_.Versions()); }

void VersionRoutes::Replan(const httplib::Request& req, httplib::Response& res) {
  std::optional<int64_t> version;
  if (!req.body.empty()) {
    const Json body = ParseBody(req);
    if (body.contains("version")) {
      if (!body.at("version").is_number_integer()) BadRequest("\"version\" must be a dataset version number");
      version = body.at("version").get<int64_t>();
    }
  }
  std::unique_lock lock(replan_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) {
    res.set_header("Retry-After", "2");
    throw ApiError{503, "busy", "a re-plan is running; try again when it is done"};
  }
  Diagnostics problems;
  std::shared_ptr<PlanSnapshot> next = backend_.Replan(version, problems);
  if (!next) {
    if (problems.Has("unknown-version")) NotFound(problems.kept().front().message);
    Invalid("the dataset could not be planned; the current plan stays", problems);
  }
  plan_.Swap(next);
  SendJson(res, {{"plan", PlanInfoJson(*next)},
                 {"dataset", {{"version", next->source().dataset_version}, {"name", next->source().dataset_name}}}});
}

}  // namespace takt::server
