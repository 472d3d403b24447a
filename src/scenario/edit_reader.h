#pragma once
// The part of reading a scenario that does not depend on its notation: which keys each section
// and edit has, their types, ranges and choices, into typed edits (scenario/scenario_edits.h).
// The TOML reader and the JSON reader each wrap their document in FieldTables, which also say
// where every value is in their own terms.

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/diagnostics.h"
#include "scenario/scenario_edits.h"

namespace takt {

/// One table (TOML) or object (JSON) of a scenario, as the shared reader sees it.
class FieldTable {
 public:
  enum class Kind : uint8_t { kAbsent, kText, kInteger, kFloat, kDate, kTable, kList, kOther };

  virtual ~FieldTable() = default;
  /// The keys present, in the document's order.
  virtual std::vector<std::string> Keys() const = 0;
  virtual Kind KindOf(std::string_view key) const = 0;
  /// The value of a key of that kind.
  virtual std::string Text(std::string_view key) const = 0;
  virtual int64_t Integer(std::string_view key) const = 0;
  virtual double Float(std::string_view key) const = 0;
  virtual CivilDate Date(std::string_view key) const = 0;
  virtual std::unique_ptr<FieldTable> Table(std::string_view key) const = 0;
  /// The entries of a list: null for an entry that is not a table.
  virtual std::vector<std::unique_ptr<FieldTable>> List(std::string_view key) const = 0;
  /// Where the table and each of its values are.
  virtual EditPlaces Places() const = 0;
  /// Where entry `index` of the list `key` is.
  virtual Place EntryPlace(std::string_view key, size_t index) const = 0;
  /// The sentence for a value of `key` that is not a list of tables.
  virtual std::string NotAList(std::string_view key) const = 0;
};

/// Reads the edits of a scenario's root into `spec`, in the documented order: settings, receipts,
/// capacity, export_rules, licences, orders, each list in document order. `root_keys` are further
/// keys the root may have (the TOML file's name and description); any other key is warned about
/// as not a key of `root_name`. Problems go to `diagnostics`.
void ReadScenarioEdits(const FieldTable& root, std::initializer_list<std::string_view> root_keys,
                       std::string_view root_name, ScenarioSpec& spec, Diagnostics& diagnostics);

}  // namespace takt
