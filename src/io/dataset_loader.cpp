#include "io/dataset_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "common/country_codes.h"
#include "common/flat_set.h"
#include "common/suggest.h"
#include "io/csv_reader.h"
#include "io/dataset_state.h"
#include "io/field_parser.h"

namespace takt {

namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
};

/// Code -> dense id, in order of first appearance.
class CodeTable {
 public:
  std::optional<int32_t> Find(std::string_view code) const {
    const int32_t id = pool_.Find(code);
    if (id < 0) return std::nullopt;
    return id;
  }
  /// The id of `code`, adding it if new. `added` tells which.
  int32_t Intern(std::string_view code, bool* added = nullptr) { return pool_.Intern(code, added); }
  std::string_view operator[](size_t id) const { return pool_[id]; }
  size_t size() const { return pool_.size(); }
  /// Every code, for suggestions.
  std::vector<std::string_view> Views() const { return pool_.Views(); }
  StringPool Release() { return std::move(pool_); }
  /// False when the file defining these codes could not be read: references to it are not
  /// reported, since they would only echo that one failure.
  bool complete() const { return complete_; }
  void set_complete(bool complete) { complete_ = complete; }

 private:
  StringPool pool_;
  bool complete_ = true;
};

/// Where the loader reads files from: a folder or memory.
class FileSource {
 public:
  virtual ~FileSource() = default;
  virtual bool Exists(const std::string& name) const = 0;
  virtual std::optional<CsvReader> Open(const std::string& name, Diagnostics& diagnostics) const = 0;
  /// Names of the files present, for "did you mean" on a missing file.
  virtual std::vector<std::string> Names() const = 0;
};

class DirectorySource : public FileSource {
 public:
  explicit DirectorySource(std::filesystem::path dir) : dir_(std::move(dir)) {}
  bool Exists(const std::string& name) const override {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir_ / name, ec);
  }
  std::optional<CsvReader> Open(const std::string& name, Diagnostics& diagnostics) const override {
    return CsvReader::Open(dir_ / name, name, diagnostics);
  }
  std::vector<std::string> Names() const override {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path dir_;
};

class MemorySource : public FileSource {
 public:
  explicit MemorySource(const DatasetFiles& files) : files_(files) {}
  bool Exists(const std::string& name) const override { return Find(name) != nullptr; }
  std::optional<CsvReader> Open(const std::string& name, Diagnostics& diagnostics) const override {
    const std::string* content = Find(name);
    if (content == nullptr) return std::nullopt;
    return CsvReader::FromText(*content, name, diagnostics);
  }
  std::vector<std::string> Names() const override {
    std::vector<std::string> names;
    for (const auto& [name, content] : files_) names.push_back(name);
    return names;
  }

 private:
  const std::string* Find(const std::string& name) const {
    for (const auto& [file_name, content] : files_) {
      if (file_name == name) return &content;
    }
    return nullptr;
  }
  const DatasetFiles& files_;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class DatasetLoader {
 public:
  DatasetLoader(const FileSource& source, Diagnostics& diagnostics) : source_(source), diag_(diagnostics) {}

  std::shared_ptr<const Model> Load() {
    LoadSettings();
    LoadQuarters();
    LoadSites();
    errors_before_items_ = diag_.error_count();
    LoadItems();
    state_.items_clean = diag_.error_count() == errors_before_items_;
    LoadCountryGroups();
    LoadResources();
    LoadCalendar();
    LoadBom();
    LoadRoutings();
    LoadSupply();
    // Whether every row that can supply an item loaded: checks of what can be had depend on it.
    state_.sources_clean = state_.items_ok && items_.complete() && sites_.complete() &&
                           diag_.error_count() == errors_before_items_;
    LoadOrders();
    LoadExportRules();
    LoadLicences();
    FinishCodes();
    CheckDataset(state_, diag_);
    if (diag_.has_errors()) return nullptr;
    parts().lines = std::make_shared<const std::vector<OrderLine>>(std::move(state_.lines));
    return Model::Build(std::move(state_.parts));
  }

 private:
  ModelParts& parts() { return state_.parts; }

  /// Runs `on_record` for every well-formed record of a file. Returns false when the file could not
  /// be read at all (missing, unreadable, missing required column).
  template <typename OnRecord>
  bool ReadFile(const std::string& name, bool required, std::span<const ColumnSpec> columns, OnRecord on_record) {
    if (!source_.Exists(name)) {
      if (required) ReportMissingFile(name);
      return !required;
    }
    std::optional<CsvReader> reader = source_.Open(name, diag_);
    if (!reader) return false;
    if (!reader->ReadHeader(diag_)) return false;
    FieldParser fields(name, columns, reader->header(), diag_);
    if (!fields.columns_ok()) return false;
    CsvRecord record;
    while (reader->Next(record, diag_)) {
      fields.Start(record);
      on_record(fields);
    }
    return true;
  }

  void ReportMissingFile(const std::string& name) {
    std::string hint = fmt::format("every dataset needs {}; see docs/format.md", name);
    for (const std::string& present : source_.Names()) {
      if (Lower(present) == name) hint = fmt::format("found '{}': file names are lower case", present);
    }
    diag_.Error("missing-file", name, 0, "", fmt::format("required file {} is missing", name), hint);
  }

  /// Resolves a code against a table, reporting `unknown-reference` with a suggestion.
  std::optional<int32_t> Resolve(FieldParser& f, size_t column, std::string_view code, const CodeTable& table,
                                 std::string_view what, std::string_view owner, std::string_view defined_in) {
    if (auto id = table.Find(code)) return id;
    if (!table.complete()) return std::nullopt;
    std::string hint;
    if (diag_.WillKeep("unknown-reference")) hint = DidYouMean(code, table.Views());
    f.Error(column, "unknown-reference", fmt::format("{} {}{} is not in {}", what, Quote(code), owner, defined_in),
            std::move(hint));
    return std::nullopt;
  }

  void Duplicate(FieldParser& f, size_t column, std::string_view what, int first_line) {
    f.Error(column, "duplicate-key", fmt::format("{} is already defined on line {}", what, first_line));
  }

  // --- settings.csv -----------------------------------------------------------------------------
  void LoadSettings() {
    enum { kKey, kValue };
    static constexpr ColumnSpec kColumns[] = {{"key"}, {"value"}};
    std::unordered_map<std::string, int> seen;
    Settings& s = parts().settings;
    const bool ok = ReadFile("settings.csv", true, kColumns, [&](FieldParser& f) {
      auto key = f.Code(kKey);
      if (!key) return;
      auto [it, added] = seen.emplace(std::string(*key), f.line());
      if (!added) return Duplicate(f, kKey, fmt::format("setting '{}'", *key), it->second);
      if (*key == "plan_start") {
        if (auto d = f.Date(kValue)) {
          s.plan_start = *d;
          state_.have_plan_start = true;
        }
      } else if (*key == "horizon_days") {
        if (auto v = f.Int(kValue, 1, 3660)) s.horizon_days = static_cast<int32_t>(*v);
      } else if (*key == "currency") {
        const std::string_view c = f.Text(kValue);
        const bool valid = c.size() == 3 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        if (!valid) {
          f.Error(kValue, "bad-value", fmt::format("currency {} is not a three-letter ISO 4217 code", Quote(c)),
                  "e.g. USD, EUR, TWD");
        } else {
          s.currency = std::string(c);
        }
      } else if (*key == "early_ship_days") {
        if (auto v = f.Int(kValue, 0, 365)) s.early_ship_days = static_cast<int32_t>(*v);
      } else {
        static const std::vector<std::string> kKeys = {"plan_start", "horizon_days", "currency", "early_ship_days"};
        f.Warning(kKey, "unknown-setting", fmt::format("setting {} is not known; it is ignored", Quote(*key)),
                  DidYouMean(*key, kKeys));
      }
    });
    if (ok && !seen.count("plan_start")) {
      diag_.Error("missing-setting", "settings.csv", 0, "key", "setting 'plan_start' is missing",
                  "add a row: plan_start,YYYY-MM-DD (the as-of date of the plan)");
    }
  }

  // --- quarters.csv -----------------------------------------------------------------------------
  void LoadQuarters() {
    enum { kQuarter, kStart, kEnd };
    static constexpr ColumnSpec kColumns[] = {{"quarter"}, {"start"}, {"end"}};
    CodeTable codes;
    ReadFile("quarters.csv", true, kColumns, [&](FieldParser& f) {
      auto code = f.Code(kQuarter);
      auto start = f.Date(kStart);
      auto end = f.Date(kEnd);
      if (!code || !start || !end) return;
      bool added = false;
      const int32_t id = codes.Intern(*code, &added);
      if (!added) return Duplicate(f, kQuarter, fmt::format("quarter {}", Quote(*code)), state_.at.quarters[id]);
      state_.at.quarters.push_back(f.line());
      if (*end < *start) {
        f.Error(kEnd, "bad-range",
                fmt::format("quarter {} ends ({}) before it starts ({})", Quote(*code), FormatDate(*end),
                            FormatDate(*start)));
      }
      parts().quarters.push_back({std::string(*code), *start, *end});
    });
  }

  // --- sites.csv --------------------------------------------------------------------------------
  void LoadSites() {
    enum { kSite, kCountry, kName };
    static constexpr ColumnSpec kColumns[] = {{"site"}, {"country"}, {"name", false}};
    const bool ok = ReadFile("sites.csv", true, kColumns, [&](FieldParser& f) {
      auto code = f.Code(kSite);
      if (!code) return;
      auto country = f.Country(kCountry);
      bool added = false;
      const int32_t id = sites_.Intern(*code, &added);
      if (!added) return Duplicate(f, kSite, fmt::format("site {}", Quote(*code)), state_.at.sites[id]);
      state_.at.sites.push_back(f.line());
      parts().sites.push_back({std::string(*code), country ? CountryId(countries_.Intern(*country)) : CountryId(),
                               std::string(f.Text(kName))});
    });
    sites_.set_complete(ok);
  }

  // --- items.csv --------------------------------------------------------------------------------
  void LoadItems() {
    enum { kItem, kKind, kDescription, kUnitCost, kExportClass, kLeadTime };
    static constexpr ColumnSpec kColumns[] = {{"item"},           {"kind"},         {"description", false},
                                              {"unit_cost", false}, {"export_class", false}, {"lead_time_days", false}};
    static constexpr std::string_view kKinds[] = {"product", "assembly", "component"};
    state_.items_ok = ReadFile("items.csv", true, kColumns, [&](FieldParser& f) {
      auto code = f.Code(kItem);
      if (!code) return;
      bool added = false;
      const int32_t id = items_.Intern(*code, &added);
      if (!added) return Duplicate(f, kItem, fmt::format("item {}", Quote(*code)), state_.at.items[id]);
      // The code is registered even if other fields fail, so that references to it do not cascade.
      state_.at.items.push_back(f.line());
      Item item;
      item.code = std::string(*code);
      const auto kind = f.Enum(kKind, kKinds);
      if (kind) item.kind = static_cast<ItemKind>(*kind);
      item.description = std::string(f.Text(kDescription));
      if (!f.Text(kUnitCost).empty()) {
        if (auto cost = f.Decimal(kUnitCost, 0)) {
          item.unit_cost = *cost;
          item.has_unit_cost = true;
        }
      }
      if (auto cls = f.OptionalCode(kExportClass); cls && !cls->empty()) {
        item.export_class = ExportClassId(export_classes_.Intern(*cls));
        class_used_by_item_.resize(export_classes_.size(), false);
        class_used_by_item_[item.export_class.index()] = true;
      }
      if (auto lead = f.Int(kLeadTime, 0, 3650, -1)) item.lead_time_days = static_cast<int32_t>(*lead);
      if (kind && item.kind == ItemKind::kComponent && f.Text(kUnitCost).empty()) {
        f.Warning(kUnitCost, "missing-unit-cost",
                  fmt::format("component {} has no unit_cost; it is costed at 0", Quote(*code)),
                  "margins are understated until the purchase cost is given");
      }
      parts().items.push_back(std::move(item));
    });
    items_.set_complete(state_.items_ok);
  }

  // --- country_groups.csv -----------------------------------------------------------------------
  void LoadCountryGroups() {
    enum { kGroup, kCountry };
    static constexpr ColumnSpec kColumns[] = {{"group"}, {"country"}};
    struct Member {
      int32_t group;
      CountryId country;
    };
    std::vector<Member> members;
    std::unordered_map<int64_t, int> seen;
    const bool ok = ReadFile("country_groups.csv", false, kColumns, [&](FieldParser& f) {
      auto code = f.Code(kGroup);
      auto country = f.Country(kCountry);
      if (!code) return;
      if (code->size() == 2) {
        return f.Error(kGroup, "bad-group",
                       fmt::format("group {} has two letters and would read as a country code", Quote(*code)),
                       "name groups with three or more characters, e.g. 'CN-HK-MO' or 'D:5'");
      }
      if (!country) return;
      const int32_t group = groups_.Intern(*code);
      const CountryId c(countries_.Intern(*country));
      auto [it, added] = seen.emplace((int64_t{group} << 32) | c.value, f.line());
      if (!added) {
        return Duplicate(f, kCountry, fmt::format("country '{}' in group {}", *country, Quote(*code)), it->second);
      }
      members.push_back({group, c});
    });
    groups_.set_complete(ok);
    std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.group < b.group; });
    for (size_t g = 0; g < groups_.size(); ++g) parts().groups.push_back({std::string(groups_[g]), 0, 0});
    for (const Member& m : members) {
      CountryGroup& g = parts().groups[static_cast<size_t>(m.group)];
      if (g.member_count == 0) g.first_member = static_cast<uint32_t>(parts().group_members.size());
      ++g.member_count;
      parts().group_members.push_back(m.country);
    }
  }

  // --- resources.csv ----------------------------------------------------------------------------
  void LoadResources() {
    enum { kResource, kSite, kCapacity, kDescription };
    static constexpr ColumnSpec kColumns[] = {{"resource"}, {"site"}, {"capacity_per_day"}, {"description", false}};
    const bool ok = ReadFile("resources.csv", true, kColumns, [&](FieldParser& f) {
      auto code = f.Code(kResource);
      if (!code) return;
      bool added = false;
      const int32_t id = resources_.Intern(*code, &added);
      if (!added) return Duplicate(f, kResource, fmt::format("resource {}", Quote(*code)), state_.at.resources[id]);
      state_.at.resources.push_back(f.line());
      Resource r;
      r.code = std::string(*code);
      if (auto site = f.Code(kSite)) {
        if (auto s = Resolve(f, kSite, *site, sites_, "site", fmt::format(" of resource {}", Quote(*code)),
                             "sites.csv")) {
          r.site = SiteId(*s);
        }
      }
      if (auto cap = f.Decimal(kCapacity, 0)) r.capacity_per_day = *cap;
      r.description = std::string(f.Text(kDescription));
      parts().resources.push_back(std::move(r));
    });
    resources_.set_complete(ok);
  }

  // --- resource_calendar.csv --------------------------------------------------------------------
  void LoadCalendar() {
    enum { kResource, kFrom, kTo, kCapacity };
    static constexpr ColumnSpec kColumns[] = {{"resource"}, {"from"}, {"to"}, {"capacity_per_day"}};
    ReadFile("resource_calendar.csv", false, kColumns, [&](FieldParser& f) {
      auto code = f.Code(kResource);
      auto from = f.Date(kFrom);
      auto to = f.Date(kTo);
      auto cap = f.Decimal(kCapacity, 0);
      if (!code) return;
      auto r = Resolve(f, kResource, *code, resources_, "resource", "", "resources.csv");
      if (!r || !from || !to || !cap) return;
      if (*to < *from) {
        return f.Error(kTo, "bad-range",
                       fmt::format("the range {}..{} of resource {} ends before it starts", FormatDate(*from),
                                   FormatDate(*to), Quote(*code)));
      }
      if (state_.have_plan_start && (*to < parts().settings.plan_start || *from > parts().settings.horizon_end())) {
        f.Warning(kFrom, "outside-horizon",
                  fmt::format("the range {}..{} of resource {} lies outside the horizon {}..{}; it has no effect",
                              FormatDate(*from), FormatDate(*to), Quote(*code), FormatDate(parts().settings.plan_start),
                              FormatDate(parts().settings.horizon_end())));
      }
      state_.at.calendar.push_back(f.line());
      parts().capacity_overrides.push_back({ResourceId(*r), *from, *to, *cap});
    });
    // Overlapping ranges of one resource would make its capacity depend on row order.
    std::vector<size_t> order(parts().capacity_overrides.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto& o = parts().capacity_overrides;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return o[a].resource != o[b].resource ? o[a].resource < o[b].resource : o[a].from < o[b].from;
    });
    for (size_t k = 1; k < order.size(); ++k) {
      const CapacityOverride& prev = o[order[k - 1]];
      const CapacityOverride& cur = o[order[k]];
      if (prev.resource == cur.resource && cur.from <= prev.to) {
        const size_t later = std::max(order[k - 1], order[k]);
        const size_t earlier = std::min(order[k - 1], order[k]);
        diag_.Error("calendar-overlap", "resource_calendar.csv", state_.at.calendar[later], "from",
                    fmt::format("the range {}..{} of resource {} overlaps the range {}..{} on line {}",
                                FormatDate(o[later].from), FormatDate(o[later].to),
                                Quote(resources_[o[later].resource.index()]), FormatDate(o[earlier].from),
                                FormatDate(o[earlier].to), state_.at.calendar[earlier]));
      }
    }
  }

  // --- bom.csv ----------------------------------------------------------------------------------
  void LoadBom() {
    enum { kParent, kComponent, kQtyPer };
    static constexpr ColumnSpec kColumns[] = {{"parent"}, {"component"}, {"qty_per"}};
    std::unordered_map<int64_t, int> seen;
    state_.bom_ok = ReadFile("bom.csv", true, kColumns, [&](FieldParser& f) {
      auto parent_code = f.Code(kParent);
      auto component_code = f.Code(kComponent);
      auto qty = f.Int(kQtyPer, 1, 1000000);
      if (!parent_code || !component_code) return;
      auto parent = Resolve(f, kParent, *parent_code, items_, "parent", "", "items.csv");
      auto component = Resolve(f, kComponent, *component_code, items_, "component",
                               fmt::format(" of {}", Quote(*parent_code)), "items.csv");
      if (!parent || !component || !qty) return;
      auto [it, added] = seen.emplace((int64_t{*parent} << 32) | *component, f.line());
      if (!added) {
        return Duplicate(f, kComponent, fmt::format("component {} of {}", Quote(*component_code), Quote(*parent_code)),
                         it->second);
      }
      state_.at.bom.push_back(f.line());
      parts().bom.push_back({ItemId(*parent), ItemId(*component), static_cast<int32_t>(*qty)});
    });
  }

  // --- routings.csv -----------------------------------------------------------------------------
  void LoadRoutings() {
    enum { kItem, kSite, kStep, kResource, kUsage, kDuration };
    static constexpr ColumnSpec kColumns[] = {{"item"},     {"site"},           {"step"},
                                              {"resource"}, {"usage_per_unit"}, {"duration_days"}};
    struct StepRow {
      int32_t routing;
      RoutingStep step;
      int line;
    };
    std::vector<StepRow> rows;
    std::unordered_map<int64_t, int32_t> routing_of;  // (item, site) -> routing index
    std::vector<std::pair<int32_t, int>> last_step;   // per routing: last step number and its line
    state_.routings_ok = ReadFile("routings.csv", true, kColumns, [&](FieldParser& f) {
      auto item_code = f.Code(kItem);
      auto site_code = f.Code(kSite);
      auto step = f.Int(kStep, 1, 1000000);
      auto resource_code = f.Code(kResource);
      auto usage = f.Decimal(kUsage, 1);
      auto duration = f.Int(kDuration, 1, 3650);
      if (!item_code || !site_code || !resource_code) return;
      auto item = Resolve(f, kItem, *item_code, items_, "item", "", "items.csv");
      auto site = Resolve(f, kSite, *site_code, sites_, "site", fmt::format(" of the routing of {}", Quote(*item_code)),
                          "sites.csv");
      auto resource = Resolve(f, kResource, *resource_code, resources_, "resource",
                              fmt::format(" of the routing of {}", Quote(*item_code)), "resources.csv");
      if (!item || !site || !resource || !step || !usage || !duration) return;
      const SiteId resource_site = parts().resources[static_cast<size_t>(*resource)].site;
      if (resource_site.valid() && resource_site.value != *site) {
        return f.Error(kResource, "resource-site-mismatch",
                       fmt::format("resource {} is at site '{}', but this routing builds {} at {}", Quote(*resource_code),
                                   sites_[resource_site.index()], Quote(*item_code), Quote(*site_code)),
                       "use a resource of the routing's site, or move the row to a routing at that site");
      }
      const int64_t key = (int64_t{*item} << 32) | *site;
      auto [it, added] = routing_of.emplace(key, static_cast<int32_t>(parts().routings.size()));
      if (added) {
        parts().routings.push_back({ItemId(*item), SiteId(*site), 0, 0});
        state_.at.routings.push_back(f.line());
        last_step.emplace_back(0, 0);
      }
      auto& [previous_step, previous_line] = last_step[static_cast<size_t>(it->second)];
      if (*step == previous_step) {
        return Duplicate(f, kStep, fmt::format("step {} of the routing of {} at {}", *step, Quote(*item_code),
                                               Quote(*site_code)), previous_line);
      }
      if (*step < previous_step) {
        return f.Error(kStep, "step-sequence",
                       fmt::format("step {} of the routing of {} at {} is listed after step {} (line {})", *step,
                                   Quote(*item_code), Quote(*site_code), previous_step, previous_line),
                       "list the steps of a routing in the order they run");
      }
      previous_step = static_cast<int32_t>(*step);
      previous_line = f.line();
      rows.push_back({it->second,
                      {static_cast<int32_t>(*step), ResourceId(*resource), *usage, static_cast<int32_t>(*duration)},
                      f.line()});
    });
    // Steps of one routing may be interleaved with others in the file; store them contiguously.
    std::stable_sort(rows.begin(), rows.end(), [](const StepRow& a, const StepRow& b) { return a.routing < b.routing; });
    for (const StepRow& row : rows) {
      Routing& r = parts().routings[static_cast<size_t>(row.routing)];
      if (r.step_count == 0) r.first_step = static_cast<uint32_t>(parts().steps.size());
      ++r.step_count;
      parts().steps.push_back(row.step);
      state_.at.steps.push_back(row.line);
    }
    // A routing whose every row failed has no steps; drop it (its rows were reported).
    std::vector<Routing> kept;
    std::vector<int> kept_lines;
    for (size_t r = 0; r < parts().routings.size(); ++r) {
      if (parts().routings[r].step_count > 0) {
        kept.push_back(parts().routings[r]);
        kept_lines.push_back(state_.at.routings[r]);
      }
    }
    parts().routings = std::move(kept);
    state_.at.routings = std::move(kept_lines);
    for (const Routing& r : parts().routings) {
      routing_sites_.insert((int64_t{r.item.value} << 32) | r.site.value);
    }
  }

  // --- supply.csv -------------------------------------------------------------------------------
  void LoadSupply() {
    enum { kItem, kSite, kDate, kQty, kKind, kRef };
    static constexpr ColumnSpec kColumns[] = {{"item"}, {"site"}, {"date"}, {"qty"}, {"kind"}, {"ref", false}};
    static constexpr std::string_view kKinds[] = {"onhand", "receipt"};
    const Settings& s = parts().settings;
    state_.supply_ok = ReadFile("supply.csv", true, kColumns, [&](FieldParser& f) {
      auto item_code = f.Code(kItem);
      auto site_code = f.Code(kSite);
      auto kind = f.Enum(kKind, kKinds);
      auto qty = f.Int(kQty, 1, INT64_MAX / 4);
      const bool onhand = kind && *kind == 0;
      auto date = f.Date(kDate, onhand ? std::optional<Day>(kNoDay) : std::nullopt);
      if (!item_code || !site_code) return;
      auto item = Resolve(f, kItem, *item_code, items_, "item", "", "items.csv");
      auto site = Resolve(f, kSite, *site_code, sites_, "site", fmt::format(" of supply of {}", Quote(*item_code)),
                          "sites.csv");
      if (!item || !site || !kind || !qty || !date) return;
      Day day = *date;
      if (state_.have_plan_start) {
        if (onhand) {
          if (day != kNoDay && day != s.plan_start) {
            f.Warning(kDate, "onhand-date",
                      fmt::format("on-hand stock of {} is dated {}; on-hand stock counts at plan_start {}",
                                  Quote(*item_code), FormatDate(day), FormatDate(s.plan_start)),
                      "use kind 'receipt' for stock that arrives later");
          }
          day = s.plan_start;
        } else if (day < s.plan_start) {
          f.Warning(kDate, "past-due-receipt",
                    fmt::format("receipt of {} dated {} is before plan_start {}; it counts as arriving on plan_start",
                                Quote(*item_code), FormatDate(day), FormatDate(s.plan_start)));
          day = s.plan_start;
        } else if (day > s.horizon_end()) {
          f.Warning(kDate, "outside-horizon",
                    fmt::format("receipt of {} dated {} is after the horizon end {}; it cannot be used",
                                Quote(*item_code), FormatDate(day), FormatDate(s.horizon_end())));
        }
      }
      state_.at.supply.push_back(f.line());
      supply_sites_.insert((int64_t{*item} << 32) | *site);
      parts().supply.push_back({ItemId(*item), SiteId(*site), day, *qty,
                                onhand ? SupplyKind::kOnHand : SupplyKind::kReceipt, std::string(f.Text(kRef))});
    });
  }

  // --- orders.csv -------------------------------------------------------------------------------
  void LoadOrders() {
    enum { kOrder, kLine, kCustomer, kItem, kQty, kPrice, kOrderDate, kRequestDate, kPriority, kShipTo, kSite, kPartial };
    static constexpr ColumnSpec kColumns[] = {
        {"order"},      {"line"},         {"customer"},       {"item"},  {"qty"},          {"unit_price"},
        {"order_date"}, {"request_date"}, {"priority", false}, {"ship_to"}, {"site", false}, {"partial", false}};
    static constexpr std::string_view kYesNo[] = {"N", "Y"};
    const Settings& s = parts().settings;
    FlatSet64 seen_lines;
    std::vector<std::pair<CustomerId, int>> order_customer;  // per order: customer and first line
    state_.orders_ok = ReadFile("orders.csv", true, kColumns, [&](FieldParser& f) {
      auto order_code = f.Code(kOrder);
      auto line_no = f.Int(kLine, 1, 1000000000);
      auto customer_code = f.Code(kCustomer);
      auto item_code = f.Code(kItem);
      auto qty = f.Int(kQty, 1, 1000000000);
      auto price = f.Decimal(kPrice, 0);
      auto order_date = f.Date(kOrderDate);
      auto request_date = f.Date(kRequestDate);
      auto priority = f.Int(kPriority, 1, 9, 5);
      auto ship_to = f.Country(kShipTo);
      auto site_code = f.OptionalCode(kSite);
      auto partial = f.Enum(kPartial, kYesNo, 0, true);
      if (!order_code || !customer_code || !item_code) return;
      auto item = Resolve(f, kItem, *item_code, items_, "item",
                          line_no ? fmt::format(" of order {} line {}", Quote(*order_code), *line_no) : "", "items.csv");
      std::optional<int32_t> site = -1;
      if (site_code && !site_code->empty()) {
        site = Resolve(f, kSite, *site_code, sites_, "site", fmt::format(" of order {}", Quote(*order_code)),
                       "sites.csv");
      }
      bool new_order = false;
      const OrderId order(orders_.Intern(*order_code, &new_order));
      const CustomerId customer(customers_.Intern(*customer_code));
      if (new_order) order_customer.emplace_back(customer, f.line());
      if (!line_no) return;
      const int64_t key = (int64_t{order.value} << 32) | *line_no;
      if (!seen_lines.Insert(static_cast<uint64_t>(key))) {
        return f.Error(kLine, "duplicate-key",
                       fmt::format("order {} line {} appears more than once", Quote(*order_code), *line_no));
      }
      const auto& [first_customer, first_line] = order_customer[order.index()];
      if (first_customer != customer) {
        f.Error(kCustomer, "order-customer-mismatch",
                fmt::format("order {} is for customer '{}' on line {} but for {} here", Quote(*order_code),
                            customers_[first_customer.index()], first_line, Quote(*customer_code)),
                "all lines of an order belong to one customer");
      }
      if (!item || !qty || !price || !order_date || !request_date || !priority || !ship_to || !site || !partial) return;
      if (*site >= 0 && state_.sources_clean && !routing_sites_.count((int64_t{*item} << 32) | *site) &&
          !supply_sites_.count((int64_t{*item} << 32) | *site)) {
        return f.Error(kSite, "site-cannot-supply",
                       fmt::format("order {} line {} must ship {} from {}, which has no routing and no supply for it",
                                   Quote(*order_code), *line_no, Quote(*item_code), Quote(*site_code)),
                       "leave site empty to let any capable site ship it");
      }
      if (*request_date < *order_date) {
        f.Warning(kRequestDate, "request-before-order",
                  fmt::format("order {} line {} is requested for {}, before it was booked on {}", Quote(*order_code),
                              *line_no, FormatDate(*request_date), FormatDate(*order_date)));
      }
      if (state_.have_plan_start && *request_date > s.horizon_end()) {
        f.Warning(kRequestDate, "outside-horizon",
                  fmt::format("order {} line {} is requested for {}, after the horizon end {}", Quote(*order_code),
                              *line_no, FormatDate(*request_date), FormatDate(s.horizon_end())),
                  "lengthen horizon_days in settings.csv to plan it");
      }
      state_.at.lines.push_back(f.line());
      OrderLine l;
      l.order = order;
      l.line = static_cast<int32_t>(*line_no);
      l.customer = customer;
      l.item = ItemId(*item);
      l.qty = *qty;
      l.unit_price = *price;
      l.order_date = *order_date;
      l.request_date = *request_date;
      l.priority = static_cast<int32_t>(*priority);
      l.ship_to = CountryId(countries_.Intern(*ship_to));
      l.site = *site >= 0 ? SiteId(*site) : SiteId();
      l.partial = *partial == 1;
      state_.lines.push_back(l);
    });
    customers_with_orders_ = customers_.size();
  }

  /// A destination: a group of country_groups.csv, else a country code.
  std::optional<Destination> ResolveDestination(FieldParser& f, size_t column) {
    auto code = f.Code(column);
    if (!code) return std::nullopt;
    if (auto g = groups_.Find(*code)) return Destination{true, *g};
    if (IsIsoCountryCode(*code)) return Destination{false, countries_.Intern(*code)};
    if (!groups_.complete()) return std::nullopt;
    std::string hint;
    if (diag_.WillKeep("unknown-reference")) hint = DidYouMean(*code, groups_.Views());
    f.Error(column, "unknown-reference",
            fmt::format("destination {} is neither a country code nor a group in country_groups.csv", Quote(*code)),
            hint.empty() ? "use an ISO country code or define the group in country_groups.csv" : hint);
    return std::nullopt;
  }

  // --- export_rules.csv -------------------------------------------------------------------------
  void LoadExportRules() {
    enum { kClass, kDestination, kRule };
    static constexpr ColumnSpec kColumns[] = {{"export_class"}, {"destination"}, {"rule"}};
    static constexpr std::string_view kRules[] = {"licence", "license", "prohibited"};
    std::unordered_map<int64_t, int> seen;
    ReadFile("export_rules.csv", false, kColumns, [&](FieldParser& f) {
      auto cls = f.Code(kClass);
      auto destination = ResolveDestination(f, kDestination);
      auto rule = f.Enum(kRule, kRules);
      if (!cls || !destination || !rule) return;
      const ExportClassId class_id(export_classes_.Intern(*cls));
      NoteClassReference(class_id, "export_rules.csv", f.line());
      const int64_t key = (int64_t{class_id.value} << 33) | (int64_t{destination->is_group} << 32) | destination->id;
      auto [it, added] = seen.emplace(key, f.line());
      if (!added) {
        return Duplicate(f, kDestination,
                         fmt::format("a rule for class {} and destination {}", Quote(*cls), Quote(f.Text(kDestination))),
                         it->second);
      }
      state_.at.export_rules.push_back(f.line());
      parts().export_rules.push_back(
          {class_id, *destination, *rule == 2 ? ExportRuleKind::kProhibited : ExportRuleKind::kLicence});
    });
  }

  // --- licences.csv -----------------------------------------------------------------------------
  void LoadLicences() {
    enum { kLicence, kCustomer, kClass, kDestination, kStatus, kDate, kValidUntil };
    static constexpr ColumnSpec kColumns[] = {{"licence"}, {"customer"}, {"export_class"},     {"destination"},
                                              {"status"},  {"date", false}, {"valid_until", false}};
    static constexpr std::string_view kStatuses[] = {"approved", "pending", "denied"};
    CodeTable codes;
    ReadFile("licences.csv", false, kColumns, [&](FieldParser& f) {
      auto code = f.Code(kLicence);
      auto customer_code = f.Code(kCustomer);
      auto cls = f.Code(kClass);
      auto destination = ResolveDestination(f, kDestination);
      auto status = f.Enum(kStatus, kStatuses);
      const bool date_required = status && *status != static_cast<int>(LicenceStatus::kDenied);
      auto date = f.Date(kDate, date_required ? std::nullopt : std::optional<Day>(kNoDay));
      auto valid_until = f.Date(kValidUntil, kNoDay);
      if (!code) return;
      bool added = false;
      const int32_t id = codes.Intern(*code, &added);
      if (!added) return Duplicate(f, kLicence, fmt::format("licence {}", Quote(*code)), state_.at.licences[id]);
      state_.at.licences.push_back(f.line());
      if (!customer_code || !cls || !destination || !status || !date || !valid_until) return;
      if (*valid_until != kNoDay && *date != kNoDay && *valid_until < *date) {
        return f.Error(kValidUntil, "bad-range",
                       fmt::format("licence {} is valid until {}, before its date {}", Quote(*code),
                                   FormatDate(*valid_until), FormatDate(*date)));
      }
      const CustomerId customer(customers_.Intern(*customer_code));
      if (customer.index() >= customers_with_orders_ && state_.orders_ok) {
        std::string hint;
        if (diag_.WillKeep("licence-unused-customer")) {
          std::vector<std::string_view> ordering = customers_.Views();
          ordering.resize(customers_with_orders_);
          const std::string close = Suggest(*customer_code, ordering);
          if (!close.empty()) hint = fmt::format("did you mean '{}'?", close);
        }
        f.Warning(kCustomer, "licence-unused-customer",
                  fmt::format("licence {} is for customer {}, who has no orders", Quote(*code), Quote(*customer_code)),
                  hint);
      }
      const ExportClassId class_id(export_classes_.Intern(*cls));
      NoteClassReference(class_id, "licences.csv", f.line());
      parts().licences.push_back({std::string(*code), customer, class_id, *destination,
                                  static_cast<LicenceStatus>(*status), *date, *valid_until});
    });
  }

  void NoteClassReference(ExportClassId id, const char* file, int line) {
    if (class_first_reference_.size() <= id.index()) class_first_reference_.resize(id.index() + 1);
    if (class_first_reference_[id.index()].second == 0) class_first_reference_[id.index()] = {file, line};
  }

  void FinishCodes() {
    class_used_by_item_.resize(export_classes_.size(), false);
    class_first_reference_.resize(export_classes_.size());
    if (state_.items_ok) {
      std::vector<std::string_view> item_classes;
      for (size_t c = 0; c < export_classes_.size(); ++c) {
        if (class_used_by_item_[c]) item_classes.push_back(export_classes_[c]);
      }
      for (size_t c = 0; c < export_classes_.size(); ++c) {
        if (class_used_by_item_[c]) continue;
        const auto& [file, line] = class_first_reference_[c];
        diag_.Warning("unused-export-class", file, line, "export_class",
                      fmt::format("export class '{}' is not the export_class of any item; its rules and licences "
                                  "have no effect",
                                  export_classes_[c]),
                      DidYouMean(export_classes_[c], item_classes));
      }
    }
    parts().order_codes = std::make_shared<const StringPool>(orders_.Release());
    parts().customer_codes = std::make_shared<const StringPool>(customers_.Release());
    parts().country_codes = countries_.Release();
    parts().export_class_codes = export_classes_.Release();
  }

  const FileSource& source_;
  Diagnostics& diag_;
  DatasetState state_;
  CodeTable sites_, items_, resources_, groups_, countries_, export_classes_, orders_, customers_;
  std::unordered_set<int64_t> routing_sites_, supply_sites_;  // (item << 32 | site)
  std::vector<bool> class_used_by_item_;
  std::vector<std::pair<const char*, int>> class_first_reference_;
  size_t customers_with_orders_ = 0;
  int64_t errors_before_items_ = 0;
};

}  // namespace

std::shared_ptr<const Model> LoadDataset(const std::filesystem::path& dir, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    diagnostics.Error("missing-dataset", "", 0, "", fmt::format("'{}' is not a folder", dir.string()),
                      "give the folder that holds settings.csv, items.csv, orders.csv, ...");
    return nullptr;
  }
  DirectorySource source(dir);
  return DatasetLoader(source, diagnostics).Load();
}

std::shared_ptr<const Model> LoadDataset(const DatasetFiles& files, Diagnostics& diagnostics) {
  MemorySource source(files);
  return DatasetLoader(source, diagnostics).Load();
}

}  // namespace takt
