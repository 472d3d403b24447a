#pragma once
// The API's routes: each is added with its method and documented path, and its handler is wrapped
// so that whatever it throws becomes an error answer (ApiError as it is, a JSON type error as 400,
// anything else as 500). Route groups (one per resource) add their routes here.

#include <functional>
#include <string>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace takt::server {

class PlanSlot;

/// A route as documented: method and OpenAPI path ("/api/orders/{order}/lines/{line}").
struct RouteSpec {
  std::string method;
  std::string path;
};

class Router {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  /// Routes into `http`; every route answers 503 while `plan` serves nothing yet. Both outlive the router.
  Router(httplib::Server& http, const PlanSlot& plan);

  /// Serves `path` ("{name}" segments match one path segment) for `method` (GET, POST or DELETE).
  void Add(const std::string& method, const std::string& path, Handler handler);

  const std::vector<RouteSpec>& routes() const { return routes_; }

  /// The methods served at `path`, ", "-joined in the order they were added ("" for a path not
  /// served at all); `method_served` tells whether `method` is one of them.
  std::string AllowedMethods(const std::string& path, const std::string& method, bool& method_served) const;

 private:
  httplib::Server& http_;
  const PlanSlot& plan_;
  std::vector<RouteSpec> routes_;
  std::vector<std::string> route_patterns_;  ///< regexes of routes_, for telling 405 from 404
};

/// The routes of one resource, installed once into the router. The group outlives the server.
class RouteGroup {
 public:
  virtual ~RouteGroup() = default;
  virtual void Install(Router& router) = 0;
};

/// A handler calling `group->*method`.
template <typename Group>
Router::Handler Bind(Group* group, void (Group::*method)(const httplib::Request&, httplib::Response&)) {
  return [group, method](const httplib::Request& req, httplib::Response& res) { (group->*method)(req, res); };
}

}  // namespace takt::server
