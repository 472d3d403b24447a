#pragma once
// The API's errors: a request that cannot be answered throws an ApiError, which the router turns
// into {"error": {"code", "message", "details"}} with its HTTP status. Also the JSON body reader.

#include <string>

#include "common/diagnostics.h"
#include "server/json_views.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace takt::server {

/// A request that cannot be answered: becomes {"error": {...}} with `status`.
struct ApiError {
  int status;
  std::string code;
  std::string message;
  Json details = Json::array();
};

Json ErrorBody(const std::string& code, const std::string& message, const Json& details);
void SendJson(httplib::Response& res, const Json& body, int status = 200);
void SendError(httplib::Response& res, const ApiError& e);

/// The errors among `problems`, as the details of an error answer.
Json DetailsOf(const Diagnostics& problems);

/// 422 invalid, with the problems as details.
[[noreturn]] void Invalid(const std::string& message, const Diagnostics& problems);
/// 400 bad_request.
[[noreturn]] void BadRequest(const std::string& message, Json details = Json::array());
/// 404 not_found, with a hint (a suggestion) when there is one.
[[noreturn]] void NotFound(const std::string& message, const std::string& hint = {});

/// The request's body as a JSON object; 400 when it is empty, not JSON, or not an object.
Json ParseBody(const httplib::Request& req);

}  // namespace takt::server
