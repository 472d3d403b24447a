#pragma once
// Reading a request's query parameters: numbers and dates with their ranges, and filters naming a
// dataset's codes, answered with 400 and a suggestion when they name nothing.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/suggest.h"
#include "model/model.h"

namespace httplib {
struct Request;
}  // namespace httplib

namespace takt::server {

/// The parameter's value; "" when absent.
std::string Param(const httplib::Request& req, const char* name);

/// A whole-number parameter in [low, high]; `fallback` when absent, 400 otherwise.
int64_t IntParam(const httplib::Request& req, const char* name, int64_t fallback, int64_t low, int64_t high);

/// A date parameter as a day index from plan_start; `fallback` when absent.
int32_t DayParam(const httplib::Request& req, const Model& m, const char* name, int32_t fallback);

template <typename Codes>
std::string Suggest(std::string_view code, const Codes& codes) {
  std::vector<std::string_view> list(codes.begin(), codes.end());
  return DidYouMean(code, list);
}

/// The codes of a model's records (items, sites, resources), for suggestions.
template <typename Record>
std::vector<std::string_view> CodesOf(std::span<const Record> records) {
  std::vector<std::string_view> codes;
  for (const Record& r : records) codes.push_back(r.code);
  return codes;
}

std::vector<std::string_view> CustomerCodes(const Model& m);

/// A filter naming something the dataset does not have is a mistake worth saying, not an empty page.
[[noreturn]] void UnknownFilter(const char* name, const std::string& value, const std::string& hint);

}  // namespace takt::server
