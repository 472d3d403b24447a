#include "server/api_error.h"

#include <fmt/format.h>
#include <httplib.h>

namespace takt::server {

Json ErrorBody(const std::string& code, const std::string& message, const Json& details) {
  return {{"error", {{"code", code}, {"message", message}, {"details", details}}}};
}

void SendJson(httplib::Response& res, const Json& body, int status) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void SendError(httplib::Response& res, const ApiError& e) {
  SendJson(res, ErrorBody(e.code, e.message, e.details), e.status);
}

Json DetailsOf(const Diagnostics& problems) {
  Json details = Json::array();
  for (const Diagnostic& d : problems.kept()) {
    if (d.severity != Severity::kError) continue;
    Json item = {{"code", d.code}, {"file", d.file}, {"line", d.line}, {"field", d.column}, {"message", d.message}};
    if (!d.hint.empty()) item["hint"] = d.hint;
    details.push_back(std::move(item));
  }
  return details;
}

void Invalid(const std::string& message, const Diagnostics& problems) {
  throw ApiError{422, "invalid", message, DetailsOf(problems)};
}

void BadRequest(const std::string& message, Json details) {
  throw ApiError{400, "bad_request", message, std::move(details)};
}

void NotFound(const std::string& message, const std::string& hint) {
  Json details = Json::array();
  if (!hint.empty()) details.push_back({{"hint", hint}});
  throw ApiError{404, "not_found", message, std::move(details)};
}

Json ParseBody(const httplib::Request& req) {
  if (req.body.empty()) BadRequest("the request needs a JSON body");
  try {
    Json body = Json::parse(req.body);
    if (!body.is_object()) BadRequest("the body must be a JSON object");
    return body;
  } catch (const Json::parse_error& e) {
    BadRequest(fmt::format("the body is not valid JSON: {}", e.what()));
  }
}

}  // namespace takt::server
