#include "scenario/edit_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/country_codes.h"
#include "common/suggest.h"
#include "plan/plan_options.h"

namespace takt {

namespace {

using Kind = FieldTable::Kind;

/// Reads the fields of one scenario's tables, reporting every malformed value where it is.
class EditReader {
 public:
  explicit EditReader(Diagnostics& diagnostics) : diag_(diagnostics) {}

  void Read(const FieldTable& root, std::initializer_list<std::string_view> root_keys, std::string_view root_name,
            ScenarioSpec& spec) {
    std::vector<std::string_view> keys = {"settings", "receipts", "capacity", "export_rules", "licences", "orders"};
    keys.insert(keys.end(), root_keys.begin(), root_keys.end());
    CheckKeys(root, keys, root_name);
    // A [settings] that is not a table is not read (as a key of another type would not be).
    if (root.KindOf("settings") == Kind::kTable) Keep(spec, ReadSettings(*root.Table("settings")));
    ForEach(root, "receipts", [&](const FieldTable& t) { Keep(spec, ReadReceipt(t)); });
    ForEach(root, "capacity", [&](const FieldTable& t) { Keep(spec, ReadCapacity(t)); });
    ForEach(root, "export_rules", [&](const FieldTable& t) { Keep(spec, ReadExportRule(t)); });
    ForEach(root, "licences", [&](const FieldTable& t) { Keep(spec, ReadLicence(t)); });
    ForEach(root, "orders", [&](const FieldTable& t) { Keep(spec, ReadOrder(t)); });
  }

 private:
  /// An edit read, and whether every field of it was well-formed.
  template <typename Edit>
  struct Outcome {
    std::optional<Edit> edit;  ///< none when not even its action could be read
    bool complete = false;
  };

  template <typename Edit>
  static void Keep(ScenarioSpec& spec, Outcome<Edit> read) {
    if (!read.edit) return;
    (read.complete ? spec.edits : spec.incomplete).push_back(std::move(*read.edit));
  }

  void Error(const Place& at, std::string_view code, std::string message, std::string hint = {}) {
    diag_.Error(code, at.file, at.line, at.field, std::move(message), std::move(hint));
  }
  static Place ValueAt(const FieldTable& t, std::string_view key) { return t.Places().At(key); }

  template <typename F>
  void ForEach(const FieldTable& root, std::string_view key, F read) {
    const Kind kind = root.KindOf(key);
    if (kind == Kind::kAbsent) return;
    if (kind != Kind::kList) {
      Error(ValueAt(root, key), "bad-value", root.NotAList(key));
      return;
    }
    const std::vector<std::unique_ptr<FieldTable>> entries = root.List(key);
    for (size_t i = 0; i < entries.size(); ++i) {
      if (entries[i] != nullptr) {
        read(*entries[i]);
      } else {
        Error(root.EntryPlace(key, i), "bad-value", fmt::format("each entry of '{}' must be a table", key));
      }
    }
  }

  void CheckKeys(const FieldTable& t, const std::vector<std::string_view>& names, std::string_view what) {
    for (const std::string& key : t.Keys()) {
      if (std::find(names.begin(), names.end(), key) != names.end()) continue;
      const Place at = ValueAt(t, key);
      diag_.Warning("unknown-key", at.file, at.line, at.field,
                    fmt::format("'{}' is not a key of {}; it is ignored", key, what), DidYouMean(key, names));
    }
  }

  bool Missing(const FieldTable& t, std::string_view key, bool required) {
    if (t.KindOf(key) != Kind::kAbsent) return false;
    if (required) Error(t.Places().At(key), "missing-value", fmt::format("'{}' is required here", key));
    return true;
  }

  std::optional<std::string> Text(const FieldTable& t, std::string_view key, bool required) {
    if (Missing(t, key, required)) return std::nullopt;
    if (t.KindOf(key) == Kind::kText) return t.Text(key);
    Error(ValueAt(t, key), "bad-value", fmt::format("'{}' must be text in quotes", key));
    return std::nullopt;
  }

  std::optional<Day> DateValue(const FieldTable& t, std::string_view key, bool required) {
    if (Missing(t, key, required)) return std::nullopt;
    if (t.KindOf(key) == Kind::kDate) {
      const CivilDate d = t.Date(key);
      const Day day = DayFromCivil(d);
      if (FormatDate(day) == fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day)) return day;
    }
    if (t.KindOf(key) == Kind::kText) {
      if (auto day = ParseDate(t.Text(key))) return day;
    }
    Error(ValueAt(t, key), "bad-date", fmt::format("'{}' is not a date", key), "write dates as 2025-08-15");
    return std::nullopt;
  }

  std::optional<int64_t> Integer(const FieldTable& t, std::string_view key, int64_t min, int64_t max, bool required) {
    if (Missing(t, key, required)) return std::nullopt;
    if (t.KindOf(key) != Kind::kInteger) {
      Error(ValueAt(t, key), "bad-integer", fmt::format("'{}' must be a whole number", key));
      return std::nullopt;
    }
    const int64_t v = t.Integer(key);
    if (v < min || v > max) {
      Error(ValueAt(t, key), "out-of-range", fmt::format("'{}' is {}; it must be between {} and {}", key, v, min, max));
      return std::nullopt;
    }
    return v;
  }

  std::optional<Fixed4> Decimal(const FieldTable& t, std::string_view key, Fixed4 min, bool required) {
    if (Missing(t, key, required)) return std::nullopt;
    // Beyond this a value has no exact ten-thousandths in 64 bits.
    constexpr int64_t kLargest = std::numeric_limits<int64_t>::max() / kDecimalScale / 4;
    std::optional<Fixed4> value;
    bool too_large = false;
    switch (t.KindOf(key)) {
      case Kind::kInteger: {
        const int64_t v = t.Integer(key);
        too_large = v > kLargest || v < -kLargest;
        if (!too_large) value = v * kDecimalScale;
        break;
      }
      case Kind::kFloat: {
        const double v = t.Float(key);
        too_large = !std::isfinite(v) || std::fabs(v) > static_cast<double>(kLargest);
        if (!too_large) value = static_cast<Fixed4>(std::llround(v * static_cast<double>(kDecimalScale)));
        break;
      }
      case Kind::kText: {
        const DecimalParse d = ParseDecimal(t.Text(key));
        if (d.error == DecimalError::kNone) value = d.value;
        break;
      }
      default: break;
    }
    if (too_large) {
      Error(ValueAt(t, key), "out-of-range", fmt::format("'{}' is too large", key));
      return std::nullopt;
    }
    if (!value) {
      Error(ValueAt(t, key), "bad-decimal", fmt::format("'{}' is not a number", key));
      return std::nullopt;
    }
    if (*value < min) {
      Error(ValueAt(t, key), "out-of-range",
            fmt::format("'{}' is {}; it must be at least {}", key, FormatDecimal(*value), FormatDecimal(min)));
      return std::nullopt;
    }
    return value;
  }

  std::optional<int> Choice(const FieldTable& t, std::string_view key, std::initializer_list<std::string_view> names,
                            bool required) {
    return Choice(t, key, std::vector<std::string_view>(names), required);
  }
  std::optional<int> Choice(const FieldTable& t, std::string_view key, const std::vector<std::string_view>& options,
                            bool required) {
    auto text = Text(t, key, required);
    if (!text) return std::nullopt;
    for (size_t i = 0; i < options.size(); ++i) {
      if (*text == options[i]) return static_cast<int>(i);
    }
    std::string allowed;
    for (std::string_view o : options) allowed += fmt::format("{}'{}'", allowed.empty() ? "" : ", ", o);
    Error(ValueAt(t, key), "bad-value", fmt::format("{} '{}' is not one of {}", key, *text, allowed),
          DidYouMean(*text, options));
    return std::nullopt;
  }

  /// An option's word (its record says the key and the words), as the option's value.
  template <typename E>
  std::optional<E> Option(const FieldTable& t, const EnumOption<E>& option) {
    const std::vector<std::string_view> names = option.Names();
    const auto chosen = Choice(t, option.key(), names, false);
    if (!chosen) return std::nullopt;
    return option.Parse(names[static_cast<size_t>(*chosen)]);
  }

  // --- the edits --------------------------------------------------------------------------------

  Outcome<SettingsEdit> ReadSettings(const FieldTable& t) {
    const int64_t errors = diag_.error_count();
    CheckKeys(t, {"early_ship_days", AllocationPolicyOption().key(), LicencePolicyOption().key()}, "[settings]");
    SettingsEdit e;
    e.at = t.Places();
    if (auto days = Integer(t, "early_ship_days", 0, 365, false)) e.early_ship_days = static_cast<int32_t>(*days);
    e.policy = Option(t, AllocationPolicyOption());
    e.licence_policy = Option(t, LicencePolicyOption());
    return {std::move(e), diag_.error_count() == errors};
  }

  Outcome<ReceiptEdit> ReadReceipt(const FieldTable& t) {
    CheckKeys(t, {"action", "item", "site", "ref", "from", "to", "days", "factor", "date", "qty"}, "[[receipts]]");
    const int64_t errors = diag_.error_count();
    const auto action = Choice(t, "action", {"delay", "scale", "add", "remove"}, true);
    if (!action) return {};
    ReceiptEdit e;
    e.at = t.Places();
    e.action = static_cast<ReceiptAction>(*action);
    if (e.action == ReceiptAction::kAdd) {
      e.item = Text(t, "item", true);
      e.site = Text(t, "site", true);
      e.date = DateValue(t, "date", true);
      e.qty = Integer(t, "qty", 1, INT64_MAX / 4, true);
      e.ref = Text(t, "ref", false);
      return {std::move(e), diag_.error_count() == errors};
    }
    e.item = Text(t, "item", false);
    e.site = Text(t, "site", false);
    e.ref = Text(t, "ref", false);
    e.from = DateValue(t, "from", false);
    e.to = DateValue(t, "to", false);
    if (t.KindOf("item") == Kind::kAbsent && t.KindOf("ref") == Kind::kAbsent) {
      Error(e.at.OnEdit("item"), "missing-value", "say which receipts: give 'item' or 'ref'");
    }
    if (e.action == ReceiptAction::kDelay) e.days = Integer(t, "days", -365, 3650, true);
    if (e.action == ReceiptAction::kScale) {
      e.factor = Decimal(t, "factor", 0, true);
      if (e.factor && *e.factor > 1000 * kDecimalScale) {
        Error(ValueAt(t, "factor"), "out-of-range", "'factor' must be at most 1000");
        e.factor.reset();
      }
    }
    return {std::move(e), diag_.error_count() == errors};
  }

  Outcome<CapacityEdit> ReadCapacity(const FieldTable& t) {
    CheckKeys(t, {"resource", "from", "to", "capacity_per_day", "add_per_day"}, "[[capacity]]");
    const int64_t errors = diag_.error_count();
    CapacityEdit e;
    e.at = t.Places();
    const auto resource = Text(t, "resource", true);
    const auto from = DateValue(t, "from", true);
    e.to = DateValue(t, "to", false);
    e.capacity_per_day = Decimal(t, "capacity_per_day", 0, false);
    e.add_per_day = Decimal(t, "add_per_day", INT64_MIN / 4, false);
    if (resource) e.resource = *resource;
    if (from) e.from = *from;
    const bool complete = diag_.error_count() == errors;
    if (complete && e.capacity_per_day.has_value() == e.add_per_day.has_value()) {
      Error(e.at.OnEdit("capacity_per_day"), "bad-value",
            "give either 'capacity_per_day' (the new capacity) or 'add_per_day'");
      return {std::move(e), false};
    }
    if (!resource) return {};
    return {std::move(e), complete};
  }

  Outcome<ExportRuleEdit> ReadExportRule(const FieldTable& t) {
    CheckKeys(t, {"action", "export_class", "destination", "rule"}, "[[export_rules]]");
    const int64_t errors = diag_.error_count();
    const auto action = Choice(t, "action", {"add", "remove"}, true);
    const auto cls = Text(t, "export_class", true);
    const auto destination = Text(t, "destination", true);
    if (!action || !cls || !destination) return {};
    ExportRuleEdit e;
    e.at = t.Places();
    e.action = static_cast<ExportRuleAction>(*action);
    e.export_class = *cls;
    e.destination = *destination;
    if (e.action == ExportRuleAction::kAdd) {
      if (const auto rule = Choice(t, "rule", {"licence", "prohibited"}, true)) {
        e.rule = *rule == 0 ? ExportRuleKind::kLicence : ExportRuleKind::kProhibited;
      }
    }
    return {std::move(e), diag_.error_count() == errors};
  }

  Outcome<LicenceEdit> ReadLicence(const FieldTable& t) {
    CheckKeys(t, {"action", "licence", "customer", "export_class", "destination", "status", "date", "valid_until"},
              "[[licences]]");
    const int64_t errors = diag_.error_count();
    const auto action = Choice(t, "action", {"add", "change", "remove"}, true);
    if (!action) return {};
    LicenceEdit e;
    e.at = t.Places();
    e.action = static_cast<LicenceAction>(*action);
    const bool add = e.action == LicenceAction::kAdd;
    e.licence = Text(t, "licence", add);
    e.customer = Text(t, "customer", add);
    e.export_class = Text(t, "export_class", add);
    e.destination = Text(t, "destination", add);
    if (const auto status = Choice(t, "status", {"approved", "pending", "denied"}, add)) {
      e.status = static_cast<LicenceStatus>(*status);
    }
    e.date = DateValue(t, "date", false);
    e.valid_until = DateValue(t, "valid_until", false);
    return {std::move(e), diag_.error_count() == errors};
  }

  Outcome<OrderEdit> ReadOrder(const FieldTable& t) {
    CheckKeys(t, {"action", "order", "line", "customer", "item", "qty", "unit_price", "order_date", "request_date",
                  "priority", "ship_to", "site", "partial"},
              "[[orders]]");
    const int64_t errors = diag_.error_count();
    const auto action = Choice(t, "action", {"add", "cancel", "change"}, true);
    const auto order = Text(t, "order", true);
    const auto number = Integer(t, "line", 1, 1000000000, action && *action == 0);
    if (!action || !order) return {};
    OrderEdit e;
    e.at = t.Places();
    e.action = static_cast<OrderAction>(*action);
    e.order = *order;
    e.line = number;
    if (e.action == OrderAction::kAdd) {
      e.customer = Text(t, "customer", true);
      e.item = Text(t, "item", true);
      e.qty = Integer(t, "qty", 1, 1000000000, true);
      e.unit_price = Decimal(t, "unit_price", 0, true);
      e.order_date = DateValue(t, "order_date", false);
      e.request_date = DateValue(t, "request_date", true);
      e.priority = Integer(t, "priority", 1, 9, false);
      e.ship_to = Text(t, "ship_to", true);
      e.site = Text(t, "site", false);
      if (const auto partial = Choice(t, "partial", {"N", "Y"}, false)) e.partial = *partial == 1;
      if (e.ship_to && !IsIsoCountryCode(*e.ship_to)) {
        Error(ValueAt(t, "ship_to"), "bad-country",
              fmt::format("ship_to '{}' is not an ISO 3166 country code", *e.ship_to));
      }
      return {std::move(e), diag_.error_count() == errors};
    }
    e.priority = Integer(t, "priority", 1, 9, false);
    e.unit_price = Decimal(t, "unit_price", 0, false);
    e.request_date = DateValue(t, "request_date", false);
    e.qty = Integer(t, "qty", 1, 1000000000, false);
    return {std::move(e), diag_.error_count() == errors};
  }

  Diagnostics& diag_;
};

}  // namespace

void ReadScenarioEdits(const FieldTable& root, std::initializer_list<std::string_view> root_keys,
                       std::string_view root_name, ScenarioSpec& spec, Diagnostics& diagnostics) {
  EditReader(diagnostics).Read(root, root_keys, root_name, spec);
}

}  // namespace takt
