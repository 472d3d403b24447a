#pragma once
// A what-if scenario as a value: a list of typed edits over a base dataset (docs/scenarios.md) that
// code can build, and that the TOML reader (scenario files) and the JSON reader (the API) produce.
// Edits name things by the user's codes; ApplyScenario (scenario/scenario.h) resolves them against
// a model, checks them and applies them in list order. Each edit remembers where its fields came
// from, so that a problem found when applying is reported in its reader's terms: file, line and key
// for TOML, the JSON path for the API.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "model/entities.h"
#include "plan/plan.h"

namespace takt {

/// Where a value came from, as Diagnostics place it: file, line (0: not a line of a file) and field
/// (a TOML key, or a JSON path such as "edits.receipts[0].item").
struct Place {
  std::string file;
  int line = 0;
  std::string field;
};

/// Where one edit and each of its fields came from. Empty for an edit built in code.
struct EditPlaces {
  Place edit;                   ///< the edit's own table or object
  std::string path;             ///< JSON: the edit's path ("edits.receipts[0]"); TOML: empty
  std::vector<std::pair<std::string, Place>> fields;

  /// The place of a field, or where it belongs when it is absent.
  Place At(std::string_view key) const {
    for (const auto& [name, place] : fields) {
      if (name == key) return place;
    }
    return OnEdit(key);
  }
  /// The edit's own place, naming a field: for what is wrong with the edit as a whole.
  Place OnEdit(std::string_view key) const {
    return {edit.file, edit.line, path.empty() ? std::string(key) : path + "." + std::string(key)};
  }
};

/// [settings]: planning settings and options of the scenario.
struct SettingsEdit {
  std::optional<int32_t> early_ship_days;
  std::optional<AllocationPolicy> policy;
  std::optional<LicencePolicy> licence_policy;
  EditPlaces at;
};

enum class ReceiptAction : uint8_t { kDelay, kScale, kAdd, kRemove };

/// [[receipts]]: receipts of supply.csv delayed, scaled or removed (those matching item and/or ref,
/// site and date range), or a receipt added (item, site, date, qty, ref).
struct ReceiptEdit {
  ReceiptAction action = ReceiptAction::kDelay;
  std::optional<std::string> item, site, ref;
  std::optional<Day> from, to;  ///< receipt dates, inclusive
  std::optional<int64_t> days;  ///< delay: days later (negative: earlier)
  std::optional<Fixed4> factor;  ///< scale: new qty = qty x factor, rounded down
  std::optional<Day> date;       ///< add
  std::optional<int64_t> qty;    ///< add
  EditPlaces at;
};

/// [[capacity]]: a resource's capacity from `from` to `to` (default: the horizon end), set to
/// `capacity_per_day` or raised by `add_per_day` (exactly one of the two).
struct CapacityEdit {
  std::string resource;
  Day from = 0;
  std::optional<Day> to;
  std::optional<Fixed4> capacity_per_day, add_per_day;
  EditPlaces at;
};

enum class ExportRuleAction : uint8_t { kAdd, kRemove };

/// [[export_rules]]: the rule for an export class and a destination added (or changed), or removed.
struct ExportRuleEdit {
  ExportRuleAction action = ExportRuleAction::kAdd;
  std::string export_class, destination;
  std::optional<ExportRuleKind> rule;  ///< add: licence or prohibited
  EditPlaces at;
};

enum class LicenceAction : uint8_t { kAdd, kChange, kRemove };

/// [[licences]]: a licence added, or the licences matching code, customer, class and destination
/// changed or removed.
struct LicenceEdit {
  LicenceAction action = LicenceAction::kAdd;
  std::optional<std::string> licence, customer, export_class, destination;
  std::optional<LicenceStatus> status;
  std::optional<Day> date, valid_until;
  EditPlaces at;
};

enum class OrderAction : uint8_t { kAdd, kCancel, kChange };

/// [[orders]]: an order line added, or an order's lines (or one line) cancelled or changed.
struct OrderEdit {
  OrderAction action = OrderAction::kAdd;
  std::string order;
  std::optional<int64_t> line;
  std::optional<std::string> customer, item, ship_to, site;
  std::optional<int64_t> qty, priority;
  std::optional<Fixed4> unit_price;
  std::optional<Day> order_date, request_date;
  std::optional<bool> partial;
  EditPlaces at;
};

using ScenarioEdit = std::variant<SettingsEdit, ReceiptEdit, CapacityEdit, ExportRuleEdit, LicenceEdit, OrderEdit>;

/// A scenario before it meets a dataset: what its readers produce and code builds.
struct ScenarioSpec {
  std::string name;
  std::string description;
  std::vector<ScenarioEdit> edits;  ///< applied in this order
  /// False when a reader found a malformed value: the spec is still checked against the model (so
  /// that every problem is reported at once) but never applied.
  bool well_formed = true;
  /// Edits a reader kept although some of their fields were malformed: only their references are
  /// checked.
  std::vector<ScenarioEdit> incomplete;
};

}  // namespace takt
