#pragma once
// A small JSON tree for summary.json that keeps every number as written, so that money is
// compared exactly (a double cannot hold 12,345,678,901.2345).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace takt::planfiles {

struct JsonValue {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  ///< a string's value, or a number as written
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;  ///< in file order

  /// The member named `key` of an object, or null.
  const JsonValue* Find(std::string_view key) const;
};

struct JsonError {
  int line = 0;
  int column = 0;
  std::string message;
};

/// Parses a JSON document. Nothing, with `error` set, when it is not valid JSON or nests deeper
/// than 64 levels.
std::optional<JsonValue> ParseJson(const std::string& text, JsonError& error);

}  // namespace takt::planfiles
