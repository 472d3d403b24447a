// Scenarios sent to the API: the JSON form of the edits (the same keys and lists as a scenario
// file) to a ScenarioSpec, every problem placed by its JSON path ("edits.receipts[0].item").

#include <fmt/format.h>

#include <limits>

#include "scenario/edit_reader.h"
#include "scenario/scenario.h"

namespace takt {

namespace {

/// Problems in JSON edits name the request's "edits" member, line 0, and the value's path.
constexpr std::string_view kEditsFile = "edits";

class JsonFields final : public FieldTable {
 public:
  JsonFields(const nlohmann::json& object, std::string path) : j_(object), path_(std::move(path)) {}

  std::vector<std::string> Keys() const override {
    std::vector<std::string> keys;
    for (const auto& [key, value] : j_.items()) {
      if (!value.is_null()) keys.push_back(key);
    }
    return keys;
  }
  Kind KindOf(std::string_view key) const override {
    const nlohmann::json* v = Find(key);
    if (v == nullptr || v->is_null()) return Kind::kAbsent;
    if (v->is_string()) return Kind::kText;
    if (v->is_number_integer()) return Kind::kInteger;  // signed or unsigned
    if (v->is_number_float()) return Kind::kFloat;
    if (v->is_object()) return Kind::kTable;
    if (v->is_array()) return Kind::kList;
    return Kind::kOther;
  }
  std::string Text(std::string_view key) const override { return Find(key)->get<std::string>(); }
  int64_t Integer(std::string_view key) const override {
    const nlohmann::json& v = *Find(key);
    if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return std::numeric_limits<int64_t>::max();  // out of every range the reader accepts
    }
    return v.get<int64_t>();
  }
  double Float(std::string_view key) const override { return Find(key)->get<double>(); }
  CivilDate Date(std::string_view) const override { return {1970, 1, 1}; }  // JSON has no dates: never kDate
  std::unique_ptr<FieldTable> Table(std::string_view key) const override {
    return std::make_unique<JsonFields>(*Find(key), PathOf(key));
  }
  std::vector<std::unique_ptr<FieldTable>> List(std::string_view key) const override {
    std::vector<std::unique_ptr<FieldTable>> entries;
    const nlohmann::json& list = *Find(key);
    for (size_t i = 0; i < list.size(); ++i) {
      entries.push_back(list[i].is_object() ? std::make_unique<JsonFields>(list[i], EntryPath(key, i)) : nullptr);
    }
    return entries;
  }
  EditPlaces Places() const override {
    EditPlaces places;
    places.edit = {std::string(kEditsFile), 0, path_};
    places.path = path_;
    for (const std::string& key : Keys()) places.fields.push_back({key, {std::string(kEditsFile), 0, PathOf(key)}});
    return places;
  }
  Place EntryPlace(std::string_view key, size_t index) const override {
    return {std::string(kEditsFile), 0, EntryPath(key, index)};
  }
  std::string NotAList(std::string_view key) const override {
    return fmt::format("'{}' must be a list of objects, one per edit", key);
  }

 private:
  const nlohmann::json* Find(std::string_view key) const {
    const auto it = j_.find(std::string(key));
    return it == j_.end() ? nullptr : &*it;
  }
  std::string PathOf(std::string_view key) const { return fmt::format("{}.{}", path_, key); }
  std::string EntryPath(std::string_view key, size_t index) const { return fmt::format("{}.{}[{}]", path_, key, index); }

  const nlohmann::json& j_;
  std::string path_;
};

}  // namespace

ScenarioSpec ReadScenarioJson(const nlohmann::json& edits, const std::string& name, const std::string& description,
                              Diagnostics& diagnostics) {
  ScenarioSpec spec;
  spec.name = name;
  spec.description = description;
  if (!edits.is_object()) {
    diagnostics.Error("bad-value", kEditsFile, 0, kEditsFile, "edits must be an object of edit lists",
                      "see docs/scenarios.md");
    spec.well_formed = false;
    return spec;
  }
  const int64_t errors = diagnostics.error_count();
  // "name" and "description" are the request's; in the edits they are ignored, as in a file.
  ReadScenarioEdits(JsonFields(edits, std::string(kEditsFile)), {"name", "description"}, "the edits", spec,
                    diagnostics);
  spec.well_formed = diagnostics.error_count() == errors;
  return spec;
}

}  // namespace takt
