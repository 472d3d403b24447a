// ApplyScenario: a ScenarioSpec's edits resolved against a base model, checked and applied in
// order to a copy of its parts. Problems are placed where each edit came from (EditPlaces).

#include <fmt/format.h>

#include <algorithm>

#include "common/country_codes.h"
#include "common/suggest.h"
#include "scenario/scenario.h"

namespace takt {

namespace {

class ScenarioApplier {
 public:
  ScenarioApplier(const Model& base, Diagnostics& diagnostics)
      : base_(base), diag_(diagnostics), parts_(base.parts()) {}

  std::optional<Scenario> Apply(const ScenarioSpec& spec, const PlanOptions& base_options) {
    const int64_t errors = diag_.error_count();
    Scenario scenario;
    scenario.name = spec.name;
    scenario.description = spec.description;
    scenario.options = base_options;
    for (const ScenarioEdit& edit : spec.edits) {
      std::visit([&](const auto& e) { Apply(e, scenario.options); }, edit);
    }
    for (const ScenarioEdit& edit : spec.incomplete) {
      std::visit([&](const auto& e) { CheckReferences(e); }, edit);
    }
    if (!spec.well_formed || diag_.error_count() > errors) return std::nullopt;
    if (lines_) parts_.lines = std::make_shared<const std::vector<OrderLine>>(std::move(*lines_));
    if (order_codes_) parts_.order_codes = std::make_shared<const StringPool>(std::move(*order_codes_));
    if (customer_codes_) parts_.customer_codes = std::make_shared<const StringPool>(std::move(*customer_codes_));
    scenario.model = Model::Build(std::move(parts_));
    scenario.applied = std::move(applied_);
    return scenario;
  }

 private:
  void Error(const Place& at, std::string_view code, std::string message, std::string hint = {}) {
    diag_.Error(code, at.file, at.line, at.field, std::move(message), std::move(hint));
  }

  // --- references, resolved against the base and what earlier edits added ------------------------

  template <typename Records>
  static std::vector<std::string_view> CodesOf(const Records& records) {
    std::vector<std::string_view> codes;
    for (const auto& r : records) codes.push_back(r.code);
    return codes;
  }

  std::optional<ItemId> ItemOf(const std::string& code, const Place& at) {
    if (auto id = base_.FindItem(code)) return id;
    Error(at, "unknown-reference", fmt::format("item '{}' is not in the dataset", code),
          DidYouMean(code, CodesOf(base_.items())));
    return std::nullopt;
  }
  std::optional<SiteId> SiteOf(const std::string& code, const Place& at) {
    if (auto id = base_.FindSite(code)) return id;
    Error(at, "unknown-reference", fmt::format("site '{}' is not in the dataset", code),
          DidYouMean(code, CodesOf(base_.sites())));
    return std::nullopt;
  }
  std::optional<ResourceId> ResourceOf(const std::string& code, const Place& at) {
    if (auto id = base_.FindResource(code)) return id;
    Error(at, "unknown-reference", fmt::format("resource '{}' is not in the dataset", code),
          DidYouMean(code, CodesOf(base_.resources())));
    return std::nullopt;
  }
  std::optional<ExportClassId> ExportClassOf(const std::string& code, const Place& at) {
    const int32_t id = parts_.export_class_codes.Find(code);
    if (id >= 0) return ExportClassId(id);
    Error(at, "unknown-reference", fmt::format("export class '{}' is not the export_class of any item", code),
          DidYouMean(code, parts_.export_class_codes.Views()));
    return std::nullopt;
  }
  std::optional<Destination> DestinationOf(const std::string& code, const Place& at) {
    for (size_t g = 0; g < parts_.groups.size(); ++g) {
      if (parts_.groups[g].code == code) return Destination{true, static_cast<int32_t>(g)};
    }
    if (IsIsoCountryCode(code)) return Destination{false, parts_.country_codes.Intern(code)};
    Error(at, "unknown-reference",
          fmt::format("destination '{}' is neither a country code nor a group of country_groups.csv", code),
          DidYouMean(code, CodesOf(parts_.groups)));
    return std::nullopt;
  }
  std::optional<CustomerId> CustomerOf(const std::string& code, const Place& at, bool may_be_new) {
    const StringPool& pool = customer_codes_ ? *customer_codes_ : *parts_.customer_codes;
    const int32_t id = pool.Find(code);
    if (id >= 0) return CustomerId(id);
    if (may_be_new) {
      if (!customer_codes_) customer_codes_ = *parts_.customer_codes;  // copied only when a customer is added
      return CustomerId(customer_codes_->Intern(code));
    }
    Error(at, "unknown-reference", fmt::format("customer '{}' has no orders in the dataset", code),
          DidYouMean(code, pool.Views()));
    return std::nullopt;
  }
  /// Resolves an optional reference: true when absent or known.
  template <typename Id, typename Resolve>
  bool Optional(const std::optional<std::string>& code, std::optional<Id>& id, Resolve resolve) {
    if (!code) return true;
    id = resolve(*code);
    return id.has_value();
  }

  std::vector<OrderLine>& Lines() {
    if (!lines_) lines_ = *parts_.lines;  // copied only when orders are edited
    return *lines_;
  }
  const StringPool& OrderCodes() const { return order_codes_ ? *order_codes_ : *parts_.order_codes; }

  // --- the edits --------------------------------------------------------------------------------

  void Apply(const SettingsEdit& e, PlanOptions& options) {
    if (e.early_ship_days) {
      parts_.settings.early_ship_days = *e.early_ship_days;
      applied_.push_back(fmt::format("early_ship_days {}", *e.early_ship_days));
    }
    if (e.policy) {
      options.policy = *e.policy;
      applied_.push_back(fmt::format("allocation policy {}", AllocationPolicyName(options.policy)));
    }
    if (e.licence_policy) {
      options.licence_policy = *e.licence_policy;
      applied_.push_back(fmt::format("licence policy {}", LicencePolicyName(options.licence_policy)));
    }
  }

  void Apply(const ReceiptEdit& e, PlanOptions&) {
    std::optional<ItemId> item;
    std::optional<SiteId> site;
    const bool known = Optional(e.item, item, [&](const std::string& c) { return ItemOf(c, e.at.At("item")); }) &
                       Optional(e.site, site, [&](const std::string& c) { return SiteOf(c, e.at.At("site")); });
    if (!known) return;
    if (e.action == ReceiptAction::kAdd) {
      parts_.supply.push_back({*item, *site, *e.date, *e.qty, SupplyKind::kReceipt, e.ref.value_or("scenario")});
      applied_.push_back(fmt::format("add a receipt of {} {} at {} on {}", *e.qty, base_.item(*item).code,
                                     base_.site(*site).code, FormatDate(*e.date)));
      return;
    }
    int64_t matched = 0, units = 0;
    std::vector<Supply> kept;
    for (const Supply& s : parts_.supply) {
      const bool match = s.kind == SupplyKind::kReceipt && (!item || s.item == *item) && (!site || s.site == *site) &&
                         (!e.ref || s.ref == *e.ref) && (!e.from || s.date >= *e.from) && (!e.to || s.date <= *e.to);
      if (!match) {
        kept.push_back(s);
        continue;
      }
      ++matched;
      units += s.qty;
      Supply changed = s;
      if (e.action == ReceiptAction::kDelay) changed.date = s.date + static_cast<Day>(*e.days);
      if (e.action == ReceiptAction::kScale) changed.qty = s.qty * *e.factor / kDecimalScale;
      if (e.action != ReceiptAction::kRemove && changed.qty > 0) kept.push_back(changed);
    }
    if (matched == 0) {
      Error(e.at.OnEdit("action"), "no-match", "no receipt matches this edit",
            "check item, site, ref and the from/to dates against supply.csv");
      return;
    }
    parts_.supply = std::move(kept);
    const std::string what = fmt::format("{} receipt{} ({} units){}", matched, matched == 1 ? "" : "s", units,
                                         item ? fmt::format(" of {}", base_.item(*item).code) : "");
    if (e.action == ReceiptAction::kDelay) applied_.push_back(fmt::format("delay {} by {} days", what, *e.days));
    if (e.action == ReceiptAction::kScale) applied_.push_back(fmt::format("scale {} by {}", what, FormatDecimal(*e.factor)));
    if (e.action == ReceiptAction::kRemove) applied_.push_back(fmt::format("remove {}", what));
  }

  void Apply(const CapacityEdit& e, PlanOptions&) {
    const auto r = ResourceOf(e.resource, e.at.At("resource"));
    if (!r) return;
    const Day last = e.to.value_or(base_.horizon_end());
    if (last < e.from) {
      Error(e.at.OnEdit("to"), "bad-range",
            fmt::format("the range {}..{} ends before it starts", FormatDate(e.from), FormatDate(last)));
      return;
    }
    if (e.capacity_per_day) {
      parts_.capacity_overrides.push_back({*r, e.from, last, *e.capacity_per_day});
    } else {
      // What the resource has on each day, plus the addition, as runs of equal capacity.
      const Fixed4 add = *e.add_per_day;
      const Day first = std::max(e.from, base_.plan_start());
      const Day end = std::min(last, base_.horizon_end());
      for (Day d = first; d <= end;) {
        const Fixed4 value = std::max<Fixed4>(0, base_.capacity(*r, d) + add);
        Day run_end = d;
        while (run_end + 1 <= end && std::max<Fixed4>(0, base_.capacity(*r, run_end + 1) + add) == value) ++run_end;
        parts_.capacity_overrides.push_back({*r, d, run_end, value});
        d = run_end + 1;
      }
    }
    const bool set = e.capacity_per_day.has_value();
    applied_.push_back(fmt::format("{} {} {}..{}", set ? "set capacity of" : "add capacity to", base_.resource(*r).code,
                                   FormatDate(e.from), FormatDate(last)) +
                       (set ? fmt::format(" to {} a day", FormatDecimal(*e.capacity_per_day))
                            : fmt::format(": {} a day", FormatDecimal(*e.add_per_day))));
  }

  void Apply(const ExportRuleEdit& e, PlanOptions&) {
    const auto cls = ExportClassOf(e.export_class, e.at.At("export_class"));
    const auto destination = DestinationOf(e.destination, e.at.At("destination"));
    if (!cls || !destination) return;
    auto same = [&](const ExportRule& r) {
      return r.export_class == *cls && r.destination.is_group == destination->is_group &&
             r.destination.id == destination->id;
    };
    auto it = std::find_if(parts_.export_rules.begin(), parts_.export_rules.end(), same);
    const std::string what = fmt::format("{} to {}", e.export_class, e.destination);
    if (e.action == ExportRuleAction::kRemove) {
      if (it == parts_.export_rules.end()) {
        Error(e.at.OnEdit("destination"), "no-match", fmt::format("there is no export rule for {}", what));
        return;
      }
      parts_.export_rules.erase(it);
      applied_.push_back(fmt::format("remove the export rule for {}", what));
      return;
    }
    const ExportRuleKind kind = e.rule.value_or(ExportRuleKind::kLicence);
    if (it != parts_.export_rules.end()) {
      it->rule = kind;
    } else {
      parts_.export_rules.push_back({*cls, *destination, kind});
    }
    applied_.push_back(fmt::format("{} needs {}", what, kind == ExportRuleKind::kLicence ? "a licence" : "is prohibited"));
  }

  /// The licence edit's references; false when one is unknown.
  bool LicenceReferences(const LicenceEdit& e, std::optional<CustomerId>& customer, std::optional<ExportClassId>& cls,
                         std::optional<Destination>& destination) {
    return Optional(e.customer, customer,
                    [&](const std::string& c) { return CustomerOf(c, e.at.At("customer"), false); }) &
           Optional(e.export_class, cls,
                    [&](const std::string& c) { return ExportClassOf(c, e.at.At("export_class")); }) &
           Optional(e.destination, destination,
                    [&](const std::string& c) { return DestinationOf(c, e.at.At("destination")); });
  }

  void Apply(const LicenceEdit& e, PlanOptions&) {
    std::optional<CustomerId> customer;
    std::optional<ExportClassId> cls;
    std::optional<Destination> destination;
    if (!LicenceReferences(e, customer, cls, destination)) return;
    if (e.action == LicenceAction::kAdd) {
      for (const Licence& l : parts_.licences) {
        if (l.code == *e.licence) {
          Error(e.at.OnEdit("licence"), "duplicate-key", fmt::format("licence '{}' already exists", *e.licence),
                "use action = \"change\" to change it");
          return;
        }
      }
      if (*e.status != LicenceStatus::kDenied && !e.date) {
        Error(e.at.OnEdit("date"), "missing-value", "an approved or pending licence needs a 'date'");
        return;
      }
      parts_.licences.push_back({*e.licence, *customer, *cls, *destination, *e.status, e.date.value_or(kNoDay),
                                 e.valid_until.value_or(kNoDay)});
      applied_.push_back(fmt::format("add licence {} ({})", *e.licence, LicenceStatusName(*e.status)));
      return;
    }
    // change / remove: the licence named, or every licence matching customer, class and destination.
    if (!e.licence && !customer && !cls && !destination) {
      Error(e.at.OnEdit("licence"), "missing-value",
            "say which licences: give 'licence', or customer/export_class/destination");
      return;
    }
    int64_t matched = 0;
    std::vector<Licence> kept;
    for (Licence l : parts_.licences) {
      const bool match = (!e.licence || l.code == *e.licence) && (!customer || l.customer == *customer) &&
                         (!cls || l.export_class == *cls) &&
                         (!destination || (l.destination.is_group == destination->is_group &&
                                           l.destination.id == destination->id));
      if (!match) {
        kept.push_back(l);
        continue;
      }
      ++matched;
      if (e.action == LicenceAction::kRemove) continue;
      if (e.status) l.status = *e.status;
      if (e.date) l.date = *e.date;
      if (e.valid_until) l.valid_until = *e.valid_until;
      if (l.status != LicenceStatus::kDenied && l.date == kNoDay) {
        Error(e.at.OnEdit("date"), "missing-value", fmt::format("licence '{}' would have no date", l.code));
        return;
      }
      kept.push_back(l);
    }
    if (matched == 0) {
      Error(e.at.OnEdit("licence"), "no-match", "no licence matches this edit");
      return;
    }
    parts_.licences = std::move(kept);
    applied_.push_back(fmt::format("{} {} licence{}", e.action == LicenceAction::kChange ? "change" : "remove", matched,
                                   matched == 1 ? "" : "s"));
  }

  void Apply(const OrderEdit& e, PlanOptions&) {
    if (e.action == OrderAction::kAdd) {
      const auto customer = CustomerOf(*e.customer, e.at.At("customer"), true);
      std::optional<ItemId> item;
      std::optional<SiteId> site;
      const bool known = Optional(e.item, item, [&](const std::string& c) { return ItemOf(c, e.at.At("item")); }) &
                         Optional(e.site, site, [&](const std::string& c) { return SiteOf(c, e.at.At("site")); });
      if (!customer || !known) return;
      if (!order_codes_) order_codes_ = *parts_.order_codes;  // copied only when an order is added
      const OrderId id(order_codes_->Intern(e.order));
      for (const OrderLine& l : Lines()) {
        if (l.order == id && l.line == *e.line) {
          Error(e.at.OnEdit("line"), "duplicate-key", fmt::format("order '{}' line {} already exists", e.order, *e.line));
          return;
        }
      }
      OrderLine l;
      l.order = id;
      l.line = static_cast<int32_t>(*e.line);
      l.customer = *customer;
      l.item = *item;
      l.qty = *e.qty;
      l.unit_price = *e.unit_price;
      l.order_date = e.order_date.value_or(base_.plan_start());
      l.request_date = *e.request_date;
      l.priority = static_cast<int32_t>(e.priority.value_or(5));
      l.ship_to = CountryId(parts_.country_codes.Intern(*e.ship_to));
      if (site) l.site = *site;
      l.partial = e.partial.value_or(false);
      Lines().push_back(l);
      applied_.push_back(fmt::format("add order {} line {}: {} x {}", e.order, *e.line, *e.qty, base_.item(*item).code));
      return;
    }
    const int32_t id = OrderCodes().Find(e.order);
    if (id < 0) {
      Error(e.at.At("order"), "unknown-reference", fmt::format("order '{}' is not in orders.csv", e.order));
      return;
    }
    int64_t matched = 0;
    std::vector<OrderLine>& lines = Lines();
    std::vector<OrderLine> kept;
    kept.reserve(lines.size());
    for (OrderLine l : lines) {
      const bool match = l.order.value == id && (!e.line || l.line == *e.line);
      if (match) {
        ++matched;
        if (e.action == OrderAction::kCancel) continue;
        if (e.priority) l.priority = static_cast<int32_t>(*e.priority);
        if (e.unit_price) l.unit_price = *e.unit_price;
        if (e.request_date) l.request_date = *e.request_date;
        if (e.qty) l.qty = *e.qty;
      }
      kept.push_back(l);
    }
    if (matched == 0) {
      Error(e.at.OnEdit("line"), "no-match", fmt::format("order '{}' has no line {}", e.order, e.line.value_or(0)));
      return;
    }
    lines = std::move(kept);
    applied_.push_back(fmt::format("{} order {}{}", e.action == OrderAction::kCancel ? "cancel" : "change", e.order,
                                   e.line ? fmt::format(" line {}", *e.line) : fmt::format(" ({} lines)", matched)));
  }

  // --- references of edits with malformed fields: reported, nothing applied ---------------------

  void CheckReferences(const SettingsEdit&) {}
  void CheckReferences(const ReceiptEdit& e) {
    if (e.item) ItemOf(*e.item, e.at.At("item"));
    if (e.site) SiteOf(*e.site, e.at.At("site"));
  }
  void CheckReferences(const CapacityEdit& e) {
    if (!e.resource.empty()) ResourceOf(e.resource, e.at.At("resource"));
  }
  void CheckReferences(const ExportRuleEdit& e) {
    ExportClassOf(e.export_class, e.at.At("export_class"));
    DestinationOf(e.destination, e.at.At("destination"));
  }
  void CheckReferences(const LicenceEdit& e) {
    std::optional<CustomerId> customer;
    std::optional<ExportClassId> cls;
    std::optional<Destination> destination;
    LicenceReferences(e, customer, cls, destination);
  }
  void CheckReferences(const OrderEdit& e) {
    if (e.action != OrderAction::kAdd && OrderCodes().Find(e.order) < 0) {
      Error(e.at.At("order"), "unknown-reference", fmt::format("order '{}' is not in orders.csv", e.order));
    }
    if (e.item) ItemOf(*e.item, e.at.At("item"));
    if (e.site) SiteOf(*e.site, e.at.At("site"));
  }

  const Model& base_;
  Diagnostics& diag_;
  ModelParts parts_;
  std::optional<std::vector<OrderLine>> lines_;
  std::optional<StringPool> order_codes_, customer_codes_;
  std::vector<std::string> applied_;
};

}  // namespace

std::optional<Scenario> ApplyScenario(const ScenarioSpec& spec, const Model& base, const PlanOptions& base_options,
                                      Diagnostics& diagnostics) {
  return ScenarioApplier(base, diagnostics).Apply(spec, base_options);
}

}  // namespace takt
