#pragma once
// takt serve: the JSON API (api/openapi.yaml) and the dashboard's static files over HTTP.
// Reads are answered from an immutable plan snapshot; a re-plan builds the next snapshot beside it
// and swaps the pointer, so readers never wait and never see half a plan.

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/diagnostics.h"
#include "server/plan_snapshot.h"
#include "server/scenario_registry.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace takt::server {

/// A backend refusing a name that is taken (a scenario another writer stored meanwhile).
struct BackendConflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// What the server needs of a store: new plans of new data, and persistence of scenarios. Failures
/// throw (BackendConflict for a taken name, std::runtime_error otherwise).
class Backend {
 public:
  virtual ~Backend() = default;
  /// Loads the dataset version (newest when none), plans it, saves the plan; null with problems.
  virtual std::shared_ptr<PlanSnapshot> Replan(std::optional<int64_t> dataset_version, Diagnostics& problems) = 0;
  /// The store's versions, newest first, as the API lists them.
  virtual nlohmann::json Versions() = 0;
  /// Persists a created scenario; returns its version (0 when not stored).
  virtual int64_t SaveScenario(const ScenarioEntry& entry, int64_t dataset_version) = 0;
  virtual void DeleteScenario(const std::string& name) = 0;
};

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  ///< 0: any free port
  std::string web_dir;  ///< the dashboard's folder; empty: no static files
  std::string token;    ///< required (Bearer) on requests that change anything when not empty
  size_t max_body_bytes = 4u << 20;
  int threads = 64;  ///< one per open connection (httplib keeps a thread per keep-alive connection)
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 30;
  size_t max_batch_quotes = 10000;
};

/// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& address);

/// A route as documented: method and OpenAPI path ("/api/orders/{order}/lines/{line}").
struct RouteSpec {
  std::string method;
  std::string path;
};

class ApiServer {
 public:
  ApiServer(Backend& backend, ServeOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Serves `snapshot`, restores `scenarios` (from the store); binds. False with `error` when the
  /// address cannot be bound or the options are unsafe (another address without a token).
  bool Bind(std::shared_ptr<PlanSnapshot> snapshot, std::vector<ScenarioEntry> scenarios, std::string& error);
  int port() const { return port_; }
  /// Serves until Stop(). Blocks.
  bool Run();
  void Stop();

  const std::vector<RouteSpec>& routes() const { return routes_; }
  std::shared_ptr<const PlanSnapshot> snapshot() const;

 private:
  struct Served;
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  void AddRoute(const std::string& method, const std::string& path, Handler handler);
  void InstallRoutes();
  std::shared_ptr<const Served> served() const;
  void Swap(std::shared_ptr<PlanSnapshot> snapshot);

  void Orders(const httplib::Request&, httplib::Response&);
  void OrderLineDetail(const httplib::Request&, httplib::Response&);
  void ResourceLoad(const httplib::Request&, httplib::Response&);
  void Heatmap(const httplib::Request&, httplib::Response&);
  void Burndown(const httplib::Request&, httplib::Response&);
  void Availability(const httplib::Request&, httplib::Response&);
  void Promise(const httplib::Request&, httplib::Response&);
  void PromiseBatch(const httplib::Request&, httplib::Response&);
  void ListScenarios(const httplib::Request&, httplib::Response&);
  void CreateScenario(const httplib::Request&, httplib::Response&);
  void RunScenario(const httplib::Request&, httplib::Response&);
  void ScenarioComparison(const httplib::Request&, httplib::Response&);
  void GetScenario(const httplib::Request&, httplib::Response&);
  void DeleteScenario(const httplib::Request&, httplib::Response&);
  void Replan(const httplib::Request&, httplib::Response&);

  Backend& backend_;
  ServeOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::vector<RouteSpec> routes_;
  std::vector<std::string> route_patterns_;  ///< regexes of routes_, for telling 405 from 404
  int port_ = 0;
  mutable std::mutex served_mutex_;
  std::shared_ptr<const Served> served_;
  std::mutex replan_mutex_;
  ScenarioRegistry scenarios_;
  enum RunState : int { kNotStarted, kRunning, kFinished };
  std::atomic<int> run_state_{kNotStarted};
  std::atomic<bool> stop_requested_{false};
};

}  // namespace takt::server
