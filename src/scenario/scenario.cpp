#include "scenario/scenario.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "common/country_codes.h"
#include "common/suggest.h"

namespace takt {

namespace {

/// Reads and applies one scenario file: fields with their TOML line for messages, references
/// resolved against the base model, edits gathered into a copy of its parts.
class ScenarioReader {
 public:
  ScenarioReader(const Model& base, const std::string& file, Diagnostics& diagnostics)
      : base_(base), file_(file), diag_(diagnostics), parts_(base.parts()) {}

  std::optional<Scenario> Read(const toml::table& root, const PlanOptions& base_options) {
    Scenario scenario;
    scenario.options = base_options;
    CheckKeys(root, {"name", "description", "settings", "receipts", "capacity", "export_rules", "licences", "orders"},
              "the scenario");
    scenario.name = root["name"].value_or(std::filesystem::path(file_).stem().string());
    scenario.description = root["description"].value_or(std::string());
    if (const toml::table* settings = root["settings"].as_table()) ReadSettings(*settings, scenario);
    ForEach(root, "receipts", [&](const toml::table& t) { ReadReceipt(t); });
    ForEach(root, "capacity", [&](const toml::table& t) { ReadCapacity(t); });
    ForEach(root, "export_rules", [&](const toml::table& t) { ReadExportRule(t); });
    ForEach(root, "licences", [&](const toml::table& t) { ReadLicence(t); });
    ForEach(root, "orders", [&](const toml::table& t) { ReadOrder(t); });
    if (diag_.has_errors()) return std::nullopt;
    if (lines_) parts_.lines = std::make_shared<const std::vector<OrderLine>>(std::move(*lines_));
    if (order_codes_) parts_.order_codes = std::make_shared<const StringPool>(std::move(*order_codes_));
    if (customer_codes_) parts_.customer_codes = std::make_shared<const StringPool>(std::move(*customer_codes_));
    scenario.model = Model::Build(std::move(parts_));
    scenario.applied = std::move(applied_);
    return scenario;
  }

 private:
  // --- reading fields ---------------------------------------------------------------------------

  int LineOf(const toml::node& node) const { return static_cast<int>(node.source().begin.line); }

  void Error(const toml::node& at, std::string_view key, std::string_view code, std::string message,
             std::string hint = {}) {
    diag_.Error(code, file_, LineOf(at), key, std::move(message), std::move(hint));
  }

  template <typename F>
  void ForEach(const toml::table& root, const char* key, F read) {
    const toml::node* node = root.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      Error(*node, key, "bad-value", fmt::format("'{}' must be a list of tables: write [[{}]] before each", key, key));
      return;
    }
    for (const toml::node& item : *array) {
      if (const toml::table* t = item.as_table()) {
        read(*t);
      } else {
        Error(item, key, "bad-value", fmt::format("each entry of '{}' must be a table", key));
      }
    }
  }

  void CheckKeys(const toml::table& t, std::initializer_list<std::string_view> allowed, std::string_view what) {
    const std::vector<std::string_view> names(allowed);
    for (const auto& [key, value] : t) {
      if (std::find(names.begin(), names.end(), key.str()) != names.end()) continue;
      diag_.Warning("unknown-key", file_, LineOf(value), key.str(),
                    fmt::format("'{}' is not a key of {}; it is ignored", key.str(), what), DidYouMean(key.str(), names));
    }
  }

  std::optional<std::string> Text(const toml::table& t, std::string_view key, bool required) {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      if (required) Error(t, key, "missing-value", fmt::format("'{}' is required here", key));
      return std::nullopt;
    }
    if (auto s = node->value<std::string>()) return *s;
    Error(*node, key, "bad-value", fmt::format("'{}' must be text in quotes", key));
    return std::nullopt;
  }

  std::optional<Day> DateValue(const toml::table& t, std::string_view key, bool required) {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      if (required) Error(t, key, "missing-value", fmt::format("'{}' is required here", key));
      return std::nullopt;
    }
    if (auto d = node->value<toml::date>()) {
      const Day day = DayFromCivil({d->year, d->month, d->day});
      if (FormatDate(day) == fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day)) return day;
    }
    if (auto s = node->value<std::string>()) {
      if (auto day = ParseDate(*s)) return day;
    }
    Error(*node, key, "bad-date", fmt::format("'{}' is not a date", key), "write dates as 2025-08-15");
    return std::nullopt;
  }

  std::optional<int64_t> Integer(const toml::table& t, std::string_view key, int64_t min, int64_t max, bool required) {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      if (required) Error(t, key, "missing-value", fmt::format("'{}' is required here", key));
      return std::nullopt;
    }
    auto v = node->value<int64_t>();
    if (!v || !node->is_integer()) {
      Error(*node, key, "bad-integer", fmt::format("'{}' must be a whole number", key));
      return std::nullopt;
    }
    if (*v < min || *v > max) {
      Error(*node, key, "out-of-range", fmt::format("'{}' is {}; it must be between {} and {}", key, *v, min, max));
      return std::nullopt;
    }
    return v;
  }

  std::optional<Fixed4> Decimal(const toml::table& t, std::string_view key, Fixed4 min, bool required) {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      if (required) Error(t, key, "missing-value", fmt::format("'{}' is required here", key));
      return std::nullopt;
    }
    Fixed4 value = 0;
    if (node->is_integer()) {
      value = *node->value<int64_t>() * kDecimalScale;
    } else if (node->is_floating_point()) {
      value = static_cast<Fixed4>(std::llround(*node->value<double>() * static_cast<double>(kDecimalScale)));
    } else if (auto s = node->value<std::string>()) {
      const DecimalParse d = ParseDecimal(*s);
      if (d.error != DecimalError::kNone) {
        Error(*node, key, "bad-decimal", fmt::format("'{}' is not a number", key));
        return std::nullopt;
      }
      value = d.value;
    } else {
      Error(*node, key, "bad-decimal", fmt::format("'{}' is not a number", key));
      return std::nullopt;
    }
    if (value < min) {
      Error(*node, key, "out-of-range", fmt::format("'{}' is {}; it must be at least {}", key, FormatDecimal(value),
                                                     FormatDecimal(min)));
      return std::nullopt;
    }
    return value;
  }

  std::optional<int> Choice(const toml::table& t, std::string_view key, std::initializer_list<std::string_view> names,
                            bool required) {
    auto text = Text(t, key, required);
    if (!text) return std::nullopt;
    const std::vector<std::string_view> options(names);
    for (size_t i = 0; i < options.size(); ++i) {
      if (*text == options[i]) return static_cast<int>(i);
    }
    std::string allowed;
    for (std::string_view o : options) allowed += fmt::format("{}'{}'", allowed.empty() ? "" : ", ", o);
    Error(*t.get(key), key, "bad-value", fmt::format("{} '{}' is not one of {}", key, *text, allowed),
          DidYouMean(*text, options));
    return std::nullopt;
  }

  // --- references -------------------------------------------------------------------------------

  template <typename Records>
  std::vector<std::string_view> CodesOf(const Records& records) {
    std::vector<std::string_view> codes;
    for (const auto& r : records) codes.push_back(r.code);
    return codes;
  }

  std::optional<ItemId> ItemOf(const toml::table& t, std::string_view key, bool required) {
    auto code = Text(t, key, required);
    if (!code) return std::nullopt;
    if (auto id = base_.FindItem(*code)) return id;
    Error(*t.get(key), key, "unknown-reference", fmt::format("item '{}' is not in the dataset", *code),
          DidYouMean(*code, CodesOf(base_.items())));
    return std::nullopt;
  }

  std::optional<SiteId> SiteOf(const toml::table& t, std::string_view key, bool required) {
    auto code = Text(t, key, required);
    if (!code) return std::nullopt;
    if (auto id = base_.FindSite(*code)) return id;
    Error(*t.get(key), key, "unknown-reference", fmt::format("site '{}' is not in the dataset", *code),
          DidYouMean(*code, CodesOf(base_.sites())));
    return std::nullopt;
  }

  std::optional<ResourceId> ResourceOf(const toml::table& t, std::string_view key) {
    auto code = Text(t, key, true);
    if (!code) return std::nullopt;
    if (auto id = base_.FindResource(*code)) return id;
    Error(*t.get(key), key, "unknown-reference", fmt::format("resource '{}' is not in the dataset", *code),
          DidYouMean(*code, CodesOf(base_.resources())));
    return std::nullopt;
  }

  std::optional<ExportClassId> ExportClassOf(const toml::table& t, std::string_view key, bool required) {
    auto code = Text(t, key, required);
    if (!code) return std::nullopt;
    const int32_t id = parts_.export_class_codes.Find(*code);
    if (id >= 0) return ExportClassId(id);
    Error(*t.get(key), key, "unknown-reference",
          fmt::format("export class '{}' is not the export_class of any item", *code),
          DidYouMean(*code, parts_.export_class_codes.Views()));
    return std::nullopt;
  }

  std::optional<Destination> DestinationOf(const toml::table& t, std::string_view key, bool required) {
    auto code = Text(t, key, required);
    if (!code) return std::nullopt;
    for (size_t g = 0; g < parts_.groups.size(); ++g) {
      if (parts_.groups[g].code == *code) return Destination{true, static_cast<int32_t>(g)};
    }
    if (IsIsoCountryCode(*code)) return Destination{false, parts_.country_codes.Intern(*code)};
    Error(*t.get(key), key, "unknown-reference",
          fmt::format("destination '{}' is neither a country code nor a group of country_groups.csv", *code),
          DidYouMean(*code, CodesOf(parts_.groups)));
    return std::nullopt;
  }

  std::optional<CustomerId> CustomerOf(const toml::table& t, std::string_view key, bool required, bool may_be_new) {
    auto code = Text(t, key, required);
    if (!code) return std::nullopt;
    const StringPool& pool = customer_codes_ ? *customer_codes_ : *parts_.customer_codes;
    const int32_t id = pool.Find(*code);
    if (id >= 0) return CustomerId(id);
    if (may_be_new) {
      if (!customer_codes_) customer_codes_ = *parts_.customer_codes;  // copied only when a customer is added
      return CustomerId(customer_codes_->Intern(*code));
    }
    Error(*t.get(key), key, "unknown-reference", fmt::format("customer '{}' has no orders in the dataset", *code),
          DidYouMean(*code, pool.Views()));
    return std::nullopt;
  }

  std::vector<OrderLine>& Lines() {
    if (!lines_) lines_ = *parts_.lines;  // copied only when orders are edited
    return *lines_;
  }

  // --- edits ------------------------------------------------------------------------------------

  void ReadSettings(const toml::table& t, Scenario& s) {
    CheckKeys(t, {"early_ship_days", "policy", "licence_policy"}, "[settings]");
    if (auto days = Integer(t, "early_ship_days", 0, 365, false)) {
      parts_.settings.early_ship_days = static_cast<int32_t>(*days);
      applied_.push_back(fmt::format("early_ship_days {}", *days));
    }
    if (auto policy = Choice(t, "policy", {"priority", "revenue"}, false)) {
      s.options.policy = *policy == 0 ? AllocationPolicy::kPriority : AllocationPolicy::kRevenue;
      applied_.push_back(fmt::format("allocation policy {}", AllocationPolicyName(s.options.policy)));
    }
    if (auto policy = Choice(t, "licence_policy", {"conservative", "expected"}, false)) {
      s.options.licence_policy = *policy == 0 ? LicencePolicy::kConservative : LicencePolicy::kExpected;
      applied_.push_back(fmt::format("licence policy {}", LicencePolicyName(s.options.licence_policy)));
    }
  }

  void ReadReceipt(const toml::table& t) {
    CheckKeys(t, {"action", "item", "site", "ref", "from", "to", "days", "factor", "date", "qty"}, "[[receipts]]");
    const auto action = Choice(t, "action", {"delay", "scale", "add", "remove"}, true);
    if (!action) return;
    if (*action == 2) {  // add
      const auto item = ItemOf(t, "item", true);
      const auto site = SiteOf(t, "site", true);
      const auto date = DateValue(t, "date", true);
      const auto qty = Integer(t, "qty", 1, INT64_MAX / 4, true);
      const auto ref = Text(t, "ref", false);
      if (!item || !site || !date || !qty) return;
      parts_.supply.push_back({*item, *site, *date, *qty, SupplyKind::kReceipt, ref.value_or("scenario")});
      applied_.push_back(fmt::format("add a receipt of {} {} at {} on {}", *qty, base_.item(*item).code,
                                     base_.site(*site).code, FormatDate(*date)));
      return;
    }
    const auto item = ItemOf(t, "item", false);
    const auto site = SiteOf(t, "site", false);
    const auto ref = Text(t, "ref", false);
    const auto from = DateValue(t, "from", false);
    const auto to = DateValue(t, "to", false);
    if (!item && !ref) {
      // An item that was given but is unknown has been reported already.
      if (!t.contains("item")) Error(t, "item", "missing-value", "say which receipts: give 'item' or 'ref'");
      return;
    }
    std::optional<int64_t> days;
    std::optional<Fixed4> factor;
    if (*action == 0) days = Integer(t, "days", -365, 3650, true);
    if (*action == 1) {
      factor = Decimal(t, "factor", 0, true);
      if (factor && *factor > 1000 * kDecimalScale) {
        Error(*t.get("factor"), "factor", "out-of-range", "'factor' must be at most 1000");
        return;
      }
    }
    if ((*action == 0 && !days) || (*action == 1 && !factor)) return;
    int64_t matched = 0, units = 0;
    std::vector<Supply> kept;
    for (const Supply& s : parts_.supply) {
      const bool match = s.kind == SupplyKind::kReceipt && (!item || s.item == *item) && (!site || s.site == *site) &&
                         (!ref || s.ref == *ref) && (!from || s.date >= *from) && (!to || s.date <= *to);
      if (!match) {
        kept.push_back(s);
        continue;
      }
      ++matched;
      units += s.qty;
      Supply changed = s;
      if (*action == 0) changed.date = s.date + static_cast<Day>(*days);
      if (*action == 1) changed.qty = s.qty * *factor / kDecimalScale;
      if (*action != 3 && changed.qty > 0) kept.push_back(changed);
    }
    if (matched == 0) {
      Error(t, "action", "no-match", "no receipt matches this edit",
            "check item, site, ref and the from/to dates against supply.csv");
      return;
    }
    parts_.supply = std::move(kept);
    const std::string what = fmt::format("{} receipt{} ({} units){}", matched, matched == 1 ? "" : "s", units,
                                         item ? fmt::format(" of {}", base_.item(*item).code) : "");
    if (*action == 0) applied_.push_back(fmt::format("delay {} by {} days", what, *days));
    if (*action == 1) applied_.push_back(fmt::format("scale {} by {}", what, FormatDecimal(*factor)));
    if (*action == 3) applied_.push_back(fmt::format("remove {}", what));
  }

  void ReadCapacity(const toml::table& t) {
    CheckKeys(t, {"resource", "from", "to", "capacity_per_day", "add_per_day"}, "[[capacity]]");
    const auto r = ResourceOf(t, "resource");
    const auto from = DateValue(t, "from", true);
    const auto to = DateValue(t, "to", false);
    const auto set = Decimal(t, "capacity_per_day", 0, false);
    const auto add = Decimal(t, "add_per_day", INT64_MIN / 4, false);
    if (!r || !from) return;
    if (set.has_value() == add.has_value()) {
      Error(t, "capacity_per_day", "bad-value", "give either 'capacity_per_day' (the new capacity) or 'add_per_day'");
      return;
    }
    const Day last = to.value_or(base_.horizon_end());
    if (last < *from) {
      Error(t, "to", "bad-range", fmt::format("the range {}..{} ends before it starts", FormatDate(*from), FormatDate(last)));
      return;
    }
    if (set) {
      parts_.capacity_overrides.push_back({*r, *from, last, *set});
    } else {
      // What the resource has on each day, plus the addition, as runs of equal capacity.
      const Day first = std::max(*from, base_.plan_start());
      const Day end = std::min(last, base_.horizon_end());
      for (Day d = first; d <= end;) {
        const Fixed4 value = std::max<Fixed4>(0, base_.capacity(*r, d) + *add);
        Day run_end = d;
        while (run_end + 1 <= end && std::max<Fixed4>(0, base_.capacity(*r, run_end + 1) + *add) == value) ++run_end;
        parts_.capacity_overrides.push_back({*r, d, run_end, value});
        d = run_end + 1;
      }
    }
    applied_.push_back(fmt::format("{} {} {}..{}", set ? "set capacity of" : "add capacity to", base_.resource(*r).code,
                                   FormatDate(*from), FormatDate(last)) +
                       (set ? fmt::format(" to {} a day", FormatDecimal(*set))
                            : fmt::format(": {} a day", FormatDecimal(*add))));
  }

  void ReadExportRule(const toml::table& t) {
    CheckKeys(t, {"action", "export_class", "destination", "rule"}, "[[export_rules]]");
    const auto action = Choice(t, "action", {"add", "remove"}, true);
    const auto cls = ExportClassOf(t, "export_class", true);
    const auto destination = DestinationOf(t, "destination", true);
    if (!action || !cls || !destination) return;
    auto same = [&](const ExportRule& r) {
      return r.export_class == *cls && r.destination.is_group == destination->is_group &&
             r.destination.id == destination->id;
    };
    auto it = std::find_if(parts_.export_rules.begin(), parts_.export_rules.end(), same);
    const std::string what = fmt::format("{} to {}", *Text(t, "export_class", true), *Text(t, "destination", true));
    if (*action == 1) {
      if (it == parts_.export_rules.end()) {
        Error(t, "destination", "no-match", fmt::format("there is no export rule for {}", what));
        return;
      }
      parts_.export_rules.erase(it);
      applied_.push_back(fmt::format("remove the export rule for {}", what));
      return;
    }
    const auto rule = Choice(t, "rule", {"licence", "prohibited"}, true);
    if (!rule) return;
    const ExportRuleKind kind = *rule == 0 ? ExportRuleKind::kLicence : ExportRuleKind::kProhibited;
    if (it != parts_.export_rules.end()) {
      it->rule = kind;
    } else {
      parts_.export_rules.push_back({*cls, *destination, kind});
    }
    applied_.push_back(fmt::format("{} needs {}", what, kind == ExportRuleKind::kLicence ? "a licence" : "is prohibited"));
  }

  void ReadLicence(const toml::table& t) {
    CheckKeys(t, {"action", "licence", "customer", "export_class", "destination", "status", "date", "valid_until"},
              "[[licences]]");
    const int64_t errors_before = diag_.error_count();
    const auto action = Choice(t, "action", {"add", "change", "remove"}, true);
    if (!action) return;
    const auto code = Text(t, "licence", *action == 0);
    const auto customer = CustomerOf(t, "customer", *action == 0, false);
    const auto cls = ExportClassOf(t, "export_class", *action == 0);
    const auto destination = DestinationOf(t, "destination", *action == 0);
    const auto status = Choice(t, "status", {"approved", "pending", "denied"}, *action == 0);
    const auto date = DateValue(t, "date", false);
    const auto valid_until = DateValue(t, "valid_until", false);
    if (diag_.error_count() > errors_before) return;
    if (*action == 0) {
      for (const Licence& l : parts_.licences) {
        if (l.code == *code) {
          Error(t, "licence", "duplicate-key", fmt::format("licence '{}' already exists", *code),
                "use action = \"change\" to change it");
          return;
        }
      }
      if (*status != 2 && !date) {
        Error(t, "date", "missing-value", "an approved or pending licence needs a 'date'");
        return;
      }
      parts_.licences.push_back({*code, *customer, *cls, *destination, static_cast<LicenceStatus>(*status),
                                 date.value_or(kNoDay), valid_until.value_or(kNoDay)});
      applied_.push_back(fmt::format("add licence {} ({})", *code, LicenceStatusName(static_cast<LicenceStatus>(*status))));
      return;
    }
    // change / remove: the licence named, or every licence matching customer, class and destination.
    if (!code && !customer && !cls && !destination) {
      Error(t, "licence", "missing-value", "say which licences: give 'licence', or customer/export_class/destination");
      return;
    }
    int64_t matched = 0;
    std::vector<Licence> kept;
    for (Licence l : parts_.licences) {
      const bool match = (!code || l.code == *code) && (!customer || l.customer == *customer) &&
                         (!cls || l.export_class == *cls) &&
                         (!destination || (l.destination.is_group == destination->is_group &&
                                           l.destination.id == destination->id));
      if (!match) {
        kept.push_back(l);
        continue;
      }
      ++matched;
      if (*action == 2) continue;
      if (status) l.status = static_cast<LicenceStatus>(*status);
      if (date) l.date = *date;
      if (valid_until) l.valid_until = *valid_until;
      if (l.status != LicenceStatus::kDenied && l.date == kNoDay) {
        Error(t, "date", "missing-value", fmt::format("licence '{}' would have no date", l.code));
        return;
      }
      kept.push_back(l);
    }
    if (matched == 0) {
      Error(t, "licence", "no-match", "no licence matches this edit");
      return;
    }
    parts_.licences = std::move(kept);
    applied_.push_back(fmt::format("{} {} licence{}", *action == 1 ? "change" : "remove", matched,
                                   matched == 1 ? "" : "s"));
  }

  void ReadOrder(const toml::table& t) {
    CheckKeys(t, {"action", "order", "line", "customer", "item", "qty", "unit_price", "order_date", "request_date",
                  "priority", "ship_to", "site", "partial"},
              "[[orders]]");
    const int64_t errors_before = diag_.error_count();
    const auto action = Choice(t, "action", {"add", "cancel", "change"}, true);
    const auto order = Text(t, "order", true);
    const auto number = Integer(t, "line", 1, 1000000000, action && *action == 0);
    if (!action || !order) return;
    if (*action == 0) {
      const auto customer = CustomerOf(t, "customer", true, true);
      const auto item = ItemOf(t, "item", true);
      const auto qty = Integer(t, "qty", 1, 1000000000, true);
      const auto price = Decimal(t, "unit_price", 0, true);
      const auto order_date = DateValue(t, "order_date", false);
      const auto request = DateValue(t, "request_date", true);
      const auto priority = Integer(t, "priority", 1, 9, false);
      const auto ship_to = Text(t, "ship_to", true);
      const auto site = SiteOf(t, "site", false);
      const auto partial = Choice(t, "partial", {"N", "Y"}, false);
      if (ship_to && !IsIsoCountryCode(*ship_to)) {
        Error(*t.get("ship_to"), "ship_to", "bad-country", fmt::format("ship_to '{}' is not an ISO 3166 country code", *ship_to));
      }
      if (diag_.error_count() > errors_before || !number) return;
      if (!order_codes_) order_codes_ = *parts_.order_codes;  // copied only when an order is added
      const OrderId id(order_codes_->Intern(*order));
      for (const OrderLine& l : Lines()) {
        if (l.order == id && l.line == *number) {
          Error(t, "line", "duplicate-key", fmt::format("order '{}' line {} already exists", *order, *number));
          return;
        }
      }
      OrderLine l;
      l.order = id;
      l.line = static_cast<int32_t>(*number);
      l.customer = *customer;
      l.item = *item;
      l.qty = *qty;
      l.unit_price = *price;
      l.order_date = order_date.value_or(base_.plan_start());
      l.request_date = *request;
      l.priority = static_cast<int32_t>(priority.value_or(5));
      l.ship_to = CountryId(parts_.country_codes.Intern(*ship_to));
      if (site) l.site = *site;
      l.partial = partial.value_or(0) == 1;
      Lines().push_back(l);
      applied_.push_back(fmt::format("add order {} line {}: {} x {}", *order, *number, *qty, base_.item(*item).code));
      return;
    }
    const int32_t id = (order_codes_ ? *order_codes_ : *parts_.order_codes).Find(*order);
    if (id < 0) {
      Error(*t.get("order"), "order", "unknown-reference", fmt::format("order '{}' is not in orders.csv", *order));
      return;
    }
    const auto priority = Integer(t, "priority", 1, 9, false);
    const auto price = Decimal(t, "unit_price", 0, false);
    const auto request = DateValue(t, "request_date", false);
    const auto qty = Integer(t, "qty", 1, 1000000000, false);
    if (diag_.error_count() > errors_before) return;
    int64_t matched = 0;
    std::vector<OrderLine>& lines = Lines();
    std::vector<OrderLine> kept;
    kept.reserve(lines.size());
    for (OrderLine l : lines) {
      const bool match = l.order.value == id && (!number || l.line == *number);
      if (match) {
        ++matched;
        if (*action == 1) continue;
        if (priority) l.priority = static_cast<int32_t>(*priority);
        if (price) l.unit_price = *price;
        if (request) l.request_date = *request;
        if (qty) l.qty = *qty;
      }
      kept.push_back(l);
    }
    if (matched == 0) {
      Error(t, "line", "no-match", fmt::format("order '{}' has no line {}", *order, number.value_or(0)));
      return;
    }
    lines = std::move(kept);
    applied_.push_back(fmt::format("{} order {}{}", *action == 1 ? "cancel" : "change", *order,
                                   number ? fmt::format(" line {}", *number) : fmt::format(" ({} lines)", matched)));
  }

  const Model& base_;
  std::string file_;
  Diagnostics& diag_;
  ModelParts parts_;
  std::optional<std::vector<OrderLine>> lines_;
  std::optional<StringPool> order_codes_, customer_codes_;
  std::vector<std::string> applied_;
};

}  // namespace

std::optional<Scenario> ParseScenario(std::string_view text, const std::string& file_name, const Model& base,
                                      const PlanOptions& base_options, Diagnostics& diagnostics) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file_name));
  } catch (const toml::parse_error& e) {
    diagnostics.Error("bad-scenario", file_name, static_cast<int>(e.source().begin.line), "",
                      fmt::format("not valid TOML: {}", e.description()), "see docs/scenarios.md for the format");
    return std::nullopt;
  }
  return ScenarioReader(base, file_name, diagnostics).Read(root, base_options);
}

std::optional<Scenario> LoadScenario(const std::filesystem::path& file, const Model& base,
                                     const PlanOptions& base_options, Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.Error("missing-file", file.filename().string(), 0, "",
                      fmt::format("cannot read scenario file '{}'", file.string()));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseScenario(text.str(), file.filename().string(), base, base_options, diagnostics);
}

}  // namespace takt
