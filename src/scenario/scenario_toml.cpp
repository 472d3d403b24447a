// Scenario files: TOML text to a ScenarioSpec (problems at file:line:key) and back.

#include <fmt/format.h>

#include <filesystem>
#include <toml++/toml.h>

#include "plan/plan_options.h"
#include "scenario/edit_reader.h"
#include "scenario/scenario.h"

namespace takt {

namespace {

/// A TOML table seen through FieldTable: places are the file, the value's line and the key.
class TomlFields final : public FieldTable {
 public:
  TomlFields(const toml::table& table, const std::string& file) : t_(table), file_(file) {}

  std::vector<std::string> Keys() const override {
    std::vector<std::string> keys;
    for (const auto& [key, value] : t_) keys.emplace_back(key.str());
    return keys;
  }
  Kind KindOf(std::string_view key) const override {
    const toml::node* n = t_.get(key);
    if (n == nullptr) return Kind::kAbsent;
    if (n->is_string()) return Kind::kText;
    if (n->is_integer()) return Kind::kInteger;
    if (n->is_floating_point()) return Kind::kFloat;
    if (n->is_date()) return Kind::kDate;
    if (n->is_table()) return Kind::kTable;
    if (n->is_array()) return Kind::kList;
    return Kind::kOther;
  }
  std::string Text(std::string_view key) const override { return *t_.get(key)->value<std::string>(); }
  int64_t Integer(std::string_view key) const override { return *t_.get(key)->value<int64_t>(); }
  double Float(std::string_view key) const override { return *t_.get(key)->value<double>(); }
  CivilDate Date(std::string_view key) const override {
    const toml::date d = *t_.get(key)->value<toml::date>();
    return {d.year, d.month, d.day};
  }
  std::unique_ptr<FieldTable> Table(std::string_view key) const override {
    return std::make_unique<TomlFields>(*t_.get(key)->as_table(), file_);
  }
  std::vector<std::unique_ptr<FieldTable>> List(std::string_view key) const override {
    std::vector<std::unique_ptr<FieldTable>> entries;
    for (const toml::node& entry : *t_.get(key)->as_array()) {
      const toml::table* t = entry.as_table();
      entries.push_back(t != nullptr ? std::make_unique<TomlFields>(*t, file_) : nullptr);
    }
    return entries;
  }
  EditPlaces Places() const override {
    EditPlaces places;
    places.edit = {file_, LineOf(t_), ""};
    for (const auto& [key, value] : t_) places.fields.push_back({std::string(key.str()), {file_, LineOf(value), std::string(key.str())}});
    return places;
  }
  Place EntryPlace(std::string_view key, size_t index) const override {
    return {file_, LineOf(*t_.get(key)->as_array()->get(index)), std::string(key)};
  }
  std::string NotAList(std::string_view key) const override {
    return fmt::format("'{}' must be a list of tables: write [[{}]] before each", key, key);
  }

 private:
  static int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

  const toml::table& t_;
  const std::string& file_;
};

/// TOML text of a string: quoted, with quotes, backslashes and control characters escaped.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

/// Writes `key = value` lines of one table.
class TableWriter {
 public:
  explicit TableWriter(std::string& out) : out_(out) {}
  void Text(std::string_view key, const std::optional<std::string>& v) {
    if (v) out_ += fmt::format("{} = {}\n", key, Quoted(*v));
  }
  void Int(std::string_view key, const std::optional<int64_t>& v) {
    if (v) out_ += fmt::format("{} = {}\n", key, *v);
  }
  void Decimal(std::string_view key, const std::optional<Fixed4>& v) {
    if (v) out_ += fmt::format("{} = {}\n", key, FormatDecimal(*v));
  }
  void Date(std::string_view key, const std::optional<Day>& v) {
    if (v) out_ += fmt::format("{} = {}\n", key, FormatDate(*v));
  }

 private:
  std::string& out_;
};

const char* ActionName(ReceiptAction a) {
  static constexpr const char* kNames[] = {"delay", "scale", "add", "remove"};
  return kNames[static_cast<int>(a)];
}
const char* ActionName(ExportRuleAction a) { return a == ExportRuleAction::kAdd ? "add" : "remove"; }
const char* ActionName(LicenceAction a) {
  static constexpr const char* kNames[] = {"add", "change", "remove"};
  return kNames[static_cast<int>(a)];
}
const char* ActionName(OrderAction a) {
  static constexpr const char* kNames[] = {"add", "cancel", "change"};
  return kNames[static_cast<int>(a)];
}

void WriteEdit(const SettingsEdit&, std::string&) {}  // merged into [settings] first

void WriteEdit(const ReceiptEdit& e, std::string& out) {
  TableWriter w(out);
  out += fmt::format("\n[[receipts]]\naction = \"{}\"\n", ActionName(e.action));
  w.Text("item", e.item);
  w.Text("site", e.site);
  w.Text("ref", e.ref);
  w.Date("from", e.from);
  w.Date("to", e.to);
  w.Int("days", e.days);
  w.Decimal("factor", e.factor);
  w.Date("date", e.date);
  w.Int("qty", e.qty);
}

void WriteEdit(const CapacityEdit& e, std::string& out) {
  TableWriter w(out);
  out += "\n[[capacity]]\n";
  w.Text("resource", e.resource);
  w.Date("from", e.from);
  w.Date("to", e.to);
  w.Decimal("capacity_per_day", e.capacity_per_day);
  w.Decimal("add_per_day", e.add_per_day);
}

void WriteEdit(const ExportRuleEdit& e, std::string& out) {
  TableWriter w(out);
  out += fmt::format("\n[[export_rules]]\naction = \"{}\"\n", ActionName(e.action));
  w.Text("export_class", e.export_class);
  w.Text("destination", e.destination);
  if (e.rule) w.Text("rule", std::string(*e.rule == ExportRuleKind::kProhibited ? "prohibited" : "licence"));
}

void WriteEdit(const LicenceEdit& e, std::string& out) {
  TableWriter w(out);
  out += fmt::format("\n[[licences]]\naction = \"{}\"\n", ActionName(e.action));
  w.Text("licence", e.licence);
  w.Text("customer", e.customer);
  w.Text("export_class", e.export_class);
  w.Text("destination", e.destination);
  if (e.status) w.Text("status", std::string(LicenceStatusName(*e.status)));
  w.Date("date", e.date);
  w.Date("valid_until", e.valid_until);
}

void WriteEdit(const OrderEdit& e, std::string& out) {
  TableWriter w(out);
  out += fmt::format("\n[[orders]]\naction = \"{}\"\n", ActionName(e.action));
  w.Text("order", e.order);
  w.Int("line", e.line);
  w.Text("customer", e.customer);
  w.Text("item", e.item);
  w.Int("qty", e.qty);
  w.Decimal("unit_price", e.unit_price);
  w.Date("order_date", e.order_date);
  w.Date("request_date", e.request_date);
  w.Int("priority", e.priority);
  w.Text("ship_to", e.ship_to);
  w.Text("site", e.site);
  if (e.partial) w.Text("partial", std::string(*e.partial ? "Y" : "N"));
}

}  // namespace

std::optional<ScenarioSpec> ReadScenarioToml(std::string_view text, const std::string& file_name,
                                             Diagnostics& diagnostics) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file_name));
  } catch (const toml::parse_error& e) {
    diagnostics.Error("bad-scenario", file_name, static_cast<int>(e.source().begin.line), "",
                      fmt::format("not valid TOML: {}", e.description()), "see docs/scenarios.md for the format");
    return std::nullopt;
  }
  ScenarioSpec spec;
  spec.name = root["name"].value_or(std::filesystem::path(file_name).stem().string());
  spec.description = root["description"].value_or(std::string());
  const int64_t errors = diagnostics.error_count();
  ReadScenarioEdits(TomlFields(root, file_name), {"name", "description"}, "the scenario", spec, diagnostics);
  spec.well_formed = diagnostics.error_count() == errors;
  return spec;
}

std::string WriteScenarioToml(const ScenarioSpec& spec) {
  std::string out = fmt::format("name = {}\n", Quoted(spec.name));
  if (!spec.description.empty()) out += fmt::format("description = {}\n", Quoted(spec.description));
  // [settings] is one table: later settings edits win, as they would when applied in turn.
  SettingsEdit settings;
  bool any = false;
  for (const ScenarioEdit& edit : spec.edits) {
    if (const auto* s = std::get_if<SettingsEdit>(&edit)) {
      any = true;
      if (s->early_ship_days) settings.early_ship_days = s->early_ship_days;
      if (s->policy) settings.policy = s->policy;
      if (s->licence_policy) settings.licence_policy = s->licence_policy;
    }
  }
  if (any) {
    out += "\n[settings]\n";
    if (settings.early_ship_days) out += fmt::format("early_ship_days = {}\n", *settings.early_ship_days);
    if (settings.policy) {
      out += fmt::format("{} = \"{}\"\n", AllocationPolicyOption().key(),
                         AllocationPolicyOption().Name(*settings.policy));
    }
    if (settings.licence_policy) {
      out += fmt::format("{} = \"{}\"\n", LicencePolicyOption().key(),
                         LicencePolicyOption().Name(*settings.licence_policy));
    }
  }
  // The file's sections in their order of application; each list in the spec's order.
  for (size_t kind = 1; kind < std::variant_size_v<ScenarioEdit>; ++kind) {
    for (const ScenarioEdit& edit : spec.edits) {
      if (edit.index() == kind) std::visit([&](const auto& e) { WriteEdit(e, out); }, edit);
    }
  }
  return out;
}

}  // namespace takt
