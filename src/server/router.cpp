#include "server/router.h"

#include <fmt/format.h>
#include <httplib.h>

#include <regex>
#include <string_view>

#include "server/api_error.h"
#include "server/served_plan.h"

namespace takt::server {

namespace {

std::string RegexOf(const std::string& path) {
  // "{name}" segments match one path segment; the rest is literal.
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      i = path.find('}', i);
      out += "([^/]+)";
    } else if (std::string_view(".^$|()[]*+?\\").find(path[i]) != std::string_view::npos) {
      out += '\\';
      out += path[i];
    } else {
      out += path[i];
    }
  }
  return out;
}

}  // namespace

Router::Router(httplib::Server& http, const PlanSlot& plan) : http_(http), plan_(plan) {}

void Router::Add(const std::string& method, const std::string& path, Handler handler) {
  routes_.push_back({method, path});
  const std::string pattern = RegexOf(path);
  route_patterns_.push_back(pattern);
  auto wrapped = [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    try {
      if (!plan_.served()) throw ApiError{503, "busy", "no plan is loaded yet"};
      handler(req, res);
    } catch (const ApiError& e) {
      SendError(res, e);
    } catch (const Json::exception& e) {
      SendError(res, ApiError{400, "bad_request", fmt::format("a JSON field has the wrong type: {}", e.what())});
    } catch (const std::exception& e) {
      // The store failing (locked, disk full): said as it is, the plan being served is untouched.
      SendError(res, ApiError{500, "internal", e.what()});
    }
  };
  if (method == "GET") {
    http_.Get(pattern, wrapped);
  } else if (method == "POST") {
    http_.Post(pattern, wrapped);
  } else if (method == "DELETE") {
    http_.Delete(pattern, wrapped);
  }
}

std::string Router::AllowedMethods(const std::string& path, const std::string& method, bool& method_served) const {
  std::string allowed;
  method_served = false;
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (std::regex_match(path, std::regex(route_patterns_[i]))) {
      allowed += (allowed.empty() ? "" : ", ") + routes_[i].method;
      method_served |= routes_[i].method == method;
    }
  }
  return allowed;
}

}  // namespace takt::server
