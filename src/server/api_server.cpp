#include "server/api_server.h"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "server/plan_routes.h"
#include "server/promise_routes.h"
#include "server/resource_routes.h"
#include "server/scenario_routes.h"
#include "server/version_routes.h"

namespace takt::server {

ApiServer::ApiServer(Backend& backend, ServeOptions options)
    : backend_(backend),
      options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()),
      router_(*http_, plan_) {
  groups_.push_back(std::make_unique<PlanRoutes>(plan_));
  groups_.push_back(std::make_unique<ResourceRoutes>(plan_, scenarios_));
  groups_.push_back(std::make_unique<PromiseRoutes>(plan_, options_));
  groups_.push_back(std::make_unique<ScenarioRoutes>(plan_, scenarios_, backend_));
  groups_.push_back(std::make_unique<VersionRoutes>(plan_, backend_));
  for (const std::unique_ptr<RouteGroup>& group : groups_) group->Install(router_);
}

ApiServer::~ApiServer() { Stop(); }

std::shared_ptr<const PlanSnapshot> ApiServer::snapshot() const {
  auto s = plan_.served();
  return s ? s->snapshot : nullptr;
}

Status ApiServer::Bind(std::shared_ptr<PlanSnapshot> snapshot, std::vector<ScenarioEntry> scenarios) {
  if (Status safe = SafeToServe(options_); !safe.ok()) return safe;
  plan_.Swap(std::move(snapshot));
  for (ScenarioEntry& e : scenarios) scenarios_.Restore(std::move(e));
  Result<int> port = BindHttp(*http_, options_, router_);
  if (!port.ok()) return port.status();
  port_ = *port;
  return Status::Ok();
}

bool ApiServer::Run() {
  run_state_ = kRunning;
  const bool ok = stop_requested_ ? true : http_->listen_after_bind();
  run_state_ = kFinished;
  return ok;
}

void ApiServer::Stop() {
  stop_requested_ = true;
  // httplib ignores stop() until its loop runs: wait for Run to get there (or to give up).
  while (run_state_ == kRunning && !http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  http_->stop();
}

}  // namespace takt::server
