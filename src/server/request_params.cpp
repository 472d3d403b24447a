#include "server/request_params.h"

#include <fmt/format.h>
#include <httplib.h>

#include <optional>

#include "common/date.h"
#include "server/api_error.h"

namespace takt::server {

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

int64_t IntParam(const httplib::Request& req, const char* name, int64_t fallback, int64_t low, int64_t high) {
  const std::string text = Param(req, name);
  if (text.empty()) return fallback;
  int64_t value = 0;
  size_t used = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value < low || value > high) {
    BadRequest(fmt::format("parameter '{}' is '{}': give a whole number from {} to {}", name, text, low, high));
  }
  return value;
}

int32_t DayParam(const httplib::Request& req, const Model& m, const char* name, int32_t fallback) {
  const std::string text = Param(req, name);
  if (text.empty()) return fallback;
  const std::optional<Day> day = ParseDate(text);
  if (!day) BadRequest(fmt::format("parameter '{}' is '{}': dates are written YYYY-MM-DD", name, text));
  return *day - m.plan_start();
}

std::vector<std::string_view> CustomerCodes(const Model& m) {
  std::vector<std::string_view> codes;
  for (size_t i = 0; i < m.customer_codes().size(); ++i) codes.push_back(m.customer_codes()[i]);
  return codes;
}

void UnknownFilter(const char* name, const std::string& value, const std::string& hint) {
  Json details = Json::array();
  details.push_back({{"field", name}, {"message", fmt::format("'{}' is not in the dataset", value)}, {"hint", hint}});
  BadRequest(fmt::format("filter {}='{}' names nothing in the dataset", name, value), std::move(details));
}

}  // namespace takt::server
