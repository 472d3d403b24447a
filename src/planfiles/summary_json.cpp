#include "planfiles/summary_json.h"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>

namespace takt::planfiles {

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

namespace {

constexpr size_t kMaxDepth = 64;

/// Builds a JsonValue tree from nlohmann's SAX events, keeping numbers as their raw text.
class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit TreeBuilder(const std::string& text) : text_(text) {}

  bool null() override { return Add(JsonValue{}); }
  bool boolean(bool value) override {
    JsonValue v;
    v.kind = JsonValue::Kind::kBool;
    v.boolean = value;
    return Add(std::move(v));
  }
  bool number_integer(number_integer_t value) override { return Number(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return Number(std::to_string(value)); }
  bool number_float(number_float_t /*value*/, const string_t& raw) override { return Number(raw); }
  bool string(string_t& value) override {
    JsonValue v;
    v.kind = JsonValue::Kind::kString;
    v.text = std::move(value);
    return Add(std::move(v));
  }
  bool binary(binary_t& /*value*/) override { return Add(JsonValue{}); }
  bool start_object(std::size_t /*elements*/) override { return Open(JsonValue::Kind::kObject); }
  bool key(string_t& value) override {
    stack_.back().key = std::move(value);
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t /*elements*/) override { return Open(JsonValue::Kind::kArray); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    Locate(position);
    // nlohmann's text starts "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    std::string message = ex.what();
    const size_t colon = message.find(": ");
    if (colon != std::string::npos) message.erase(0, colon + 2);
    error_.message = message;
    return false;
  }

  JsonValue& root() { return root_; }
  JsonError& error() { return error_; }

 private:
  struct Frame {
    JsonValue value;
    std::string key;  ///< pending key of an object member
  };

  bool Number(std::string raw) {
    JsonValue v;
    v.kind = JsonValue::Kind::kNumber;
    v.text = std::move(raw);
    return Add(std::move(v));
  }
  bool Add(JsonValue v) {
    if (stack_.empty()) {
      root_ = std::move(v);
    } else if (stack_.back().value.kind == JsonValue::Kind::kObject) {
      stack_.back().value.members.emplace_back(std::move(stack_.back().key), std::move(v));
    } else {
      stack_.back().value.items.push_back(std::move(v));
    }
    return true;
  }
  bool Open(JsonValue::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      error_.message = "the document nests deeper than 64 levels";
      return false;
    }
    stack_.push_back(Frame{});
    stack_.back().value.kind = kind;
    return true;
  }
  bool Close() {
    JsonValue v = std::move(stack_.back().value);
    stack_.pop_back();
    return Add(std::move(v));
  }
  void Locate(size_t position) {
    error_.line = 1;
    error_.column = 1;
    const size_t end = std::min(position, text_.size());
    for (size_t i = 0; i < end; ++i) {
      if (text_[i] == '\n') {
        ++error_.line;
        error_.column = 1;
      } else {
        ++error_.column;
      }
    }
    // `position` counts the offending character itself: point at it.
    if (error_.column > 1) --error_.column;
  }

  const std::string& text_;
  std::vector<Frame> stack_;
  JsonValue root_;
  JsonError error_;
};

}  // namespace

std::optional<JsonValue> ParseJson(const std::string& text, JsonError& error) {
  TreeBuilder builder(text);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text, &builder);
  } catch (const std::exception& e) {
    builder.error().message = e.what();
    ok = false;
  }
  if (!ok) {
    error = builder.error();
    if (error.message.empty()) error.message = "not valid JSON";
    return std::nullopt;
  }
  return std::move(builder.root());
}

}  // namespace takt::planfiles
