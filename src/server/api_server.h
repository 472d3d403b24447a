#pragma once
// takt serve: the JSON API (api/openapi.yaml) and the dashboard's static files over HTTP.
// Reads are answered from an immutable plan snapshot; a re-plan builds the next snapshot beside it
// and swaps the pointer, so readers never wait and never see half a plan.
//
// The server in rooms: http_transport (httplib set up, the token check, the HTTP layer's errors),
// router (routes and the mapping of handler errors), api_error and request_params (what handlers
// use to answer and to read requests), served_plan (the snapshot served), and one route group per
// resource: plan_routes, resource_routes, promise_routes, scenario_routes, version_routes.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "server/backend.h"
#include "server/http_transport.h"
#include "server/plan_snapshot.h"
#include "server/router.h"
#include "server/scenario_registry.h"
#include "server/served_plan.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace takt::server {

class ApiServer {
 public:
  ApiServer(Backend& backend, ServeOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Serves `snapshot`, restores `scenarios` (from the store); binds. An error when the options are
  /// unsafe (another address without a token, kInvalid) or the address cannot be bound.
  Status Bind(std::shared_ptr<PlanSnapshot> snapshot, std::vector<ScenarioEntry> scenarios);
  int port() const { return port_; }
  /// Serves until Stop(). Blocks.
  bool Run();
  void Stop();

  const std::vector<RouteSpec>& routes() const { return router_.routes(); }
  std::shared_ptr<const PlanSnapshot> snapshot() const;

 private:
  Backend& backend_;
  ServeOptions options_;
  std::unique_ptr<httplib::Server> http_;
  PlanSlot plan_;
  ScenarioRegistry scenarios_;
  Router router_;
  std::vector<std::unique_ptr<RouteGroup>> groups_;  ///< the handlers, by resource
  int port_ = 0;
  enum RunState : int { kNotStarted, kRunning, kFinished };
  std::atomic<int> run_state_{kNotStarted};
  std::atomic<bool> stop_requested_{false};
};

}  // namespace takt::server
