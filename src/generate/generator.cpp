#include "generate/generator.h"

#include "io/dataset_writer.h"

#include <initializer_list>
#include <system_error>

#include "generate/synthetic_factory.h"
#include "io/csv_writer.h"

namespace takt {
namespace {

using gen::Factory;

gen::ScaleParams ParamsOf(Scale scale) {
  constexpr Money kBillion = 1'000'000'000 * kDecimalScale;
  switch (scale) {
    case Scale::kLarge:
      return {4, 10, 3, 10, 100'000, 480 * kBillion};
    case Scale::kXl:
      return {4, 40, 6, 16, 1'000'000, 4'800 * kBillion};
    case Scale::kDemo:
      break;
  }
  // One OEM's AI backlog at the end of FY26Q1: $14.4B.
  return {3, 2, 1, 5, 3'500, 144 * kBillion / 10};
}

void Header(std::string& out, std::initializer_list<std::string_view> columns) {
  CsvWriter w(out);
  for (std::string_view column : columns) w.Text(column);
  w.EndRow();
}

std::string SettingsCsv(const Factory& f) {
  std::string out;
  Header(out, {"key", "value"});
  CsvWriter w(out);
  w.Text("plan_start").Date(f.plan_start).EndRow();
  w.Text("horizon_days").Int(gen::kHorizonDays).EndRow();
  w.Text("currency").Text("USD").EndRow();
  w.Text("early_ship_days").Int(7).EndRow();
  return out;
}

std::string QuartersCsv(const Factory& f) {
  std::string out;
  Header(out, {"quarter", "start", "end"});
  CsvWriter w(out);
  // FY26 ends late January 2026; plan_start opens its second quarter.
  for (int q = 0; q < gen::kQuarterCount; ++q) {
    const int fiscal = q + 1;  // quarters since FY26Q1
    std::string code = "FY";
    gen::AppendPadded(code, static_cast<uint64_t>(26 + fiscal / 4), 2);
    code += 'Q';
    code += static_cast<char>('1' + fiscal % 4);
    const Day start = f.plan_start + q * gen::kQuarterDays;
    w.Text(code).Date(start).Date(start + gen::kQuarterDays - 1).EndRow();
  }
  return out;
}

std::string SitesCsv(const Factory& f) {
  std::string out;
  Header(out, {"site", "country", "name"});
  CsvWriter w(out);
  for (const gen::SiteDef& site : f.sites) w.Text(site.code).Text(site.country).Text(site.name).EndRow();
  return out;
}

std::string ItemsCsv(const Factory& f) {
  std::string out;
  Header(out, {"item", "kind", "description", "unit_cost", "export_class", "lead_time_days"});
  CsvWriter w(out);
  for (const gen::ItemDef& item : f.items) {
    w.Text(item.code);
    w.Text(item.kind == gen::Kind::kProduct ? "product" : item.kind == gen::Kind::kAssembly ? "assembly" : "component");
    w.Text(item.description);
    // Built items' costs roll up from the BOM.
    if (item.kind == gen::Kind::kComponent) {
      w.Decimal(item.unit_cost);
    } else {
      w.Empty();
    }
    w.Text(item.export_class);
    if (item.lead_time_days >= 0) {
      w.Int(item.lead_time_days);
    } else {
      w.Empty();
    }
    w.EndRow();
  }
  return out;
}

std::string BomCsv(const Factory& f) {
  std::string out;
  Header(out, {"parent", "component", "qty_per"});
  CsvWriter w(out);
  for (const gen::BomRow& row : f.bom) {
    w.Text(f.items[static_cast<size_t>(row.parent)].code)
        .Text(f.items[static_cast<size_t>(row.component)].code)
        .Int(row.qty_per)
        .EndRow();
  }
  return out;
}

std::string ResourcesCsv(const Factory& f) {
  std::string out;
  Header(out, {"resource", "site", "capacity_per_day", "description"});
  CsvWriter w(out);
  for (const gen::ResourceDef& r : f.resources) {
    w.Text(r.code).Text(f.sites[static_cast<size_t>(r.site)].code).Decimal(r.capacity).Text(r.description).EndRow();
  }
  return out;
}

std::string CalendarCsv(const Factory& f) {
  std::string out;
  Header(out, {"resource", "from", "to", "capacity_per_day"});
  CsvWriter w(out);
  for (const gen::CalendarRow& row : f.calendar) {
    w.Text(f.resources[static_cast<size_t>(row.resource)].code).Date(row.from).Date(row.to).Decimal(row.capacity);
    w.EndRow();
  }
  return out;
}

std::string RoutingsCsv(const Factory& f) {
  std::string out;
  Header(out, {"item", "site", "step", "resource", "usage_per_unit", "duration_days"});
  CsvWriter w(out);
  for (const gen::RoutingRow& row : f.routings) {
    w.Text(f.items[static_cast<size_t>(row.item)].code)
        .Text(f.sites[static_cast<size_t>(row.site)].code)
        .Int(row.step)
        .Text(f.resources[static_cast<size_t>(row.resource)].code)
        .Decimal(row.usage)
        .Int(row.duration_days)
        .EndRow();
  }
  return out;
}

std::string SupplyCsv(const Factory& f) {
  std::string out;
  out.reserve(f.supply.size() * 64);
  Header(out, {"item", "site", "date", "qty", "kind", "ref"});
  CsvWriter w(out);
  for (const gen::SupplyRow& row : f.supply) {
    w.Text(f.items[static_cast<size_t>(row.item)].code)
        .Text(f.sites[static_cast<size_t>(row.site)].code)
        .Date(row.date)
        .Int(row.qty)
        .Text(row.onhand ? "onhand" : "receipt")
        .Text(row.ref)
        .EndRow();
  }
  return out;
}

std::string OrdersCsv(const Factory& f) {
  std::string out;
  out.reserve(f.lines.size() * 100 + 256);
  Header(out, {"order", "line", "customer", "item", "qty", "unit_price", "order_date", "request_date", "priority",
               "ship_to", "site", "partial"});
  CsvWriter w(out);
  const auto countries = gen::CountryCodes();
  std::string code;
  for (size_t k = 0; k < f.order_sequence.size(); ++k) {
    const gen::Order& order = f.orders[f.order_sequence[k]];
    code = "SO-";
    gen::AppendPadded(code, 1'000'001 + k, 7);
    const std::string& customer = f.customers[static_cast<size_t>(order.customer)].code;
    for (uint32_t l = 0; l < order.line_count; ++l) {
      const gen::Line& line = f.lines[order.first_line + l];
      w.Text(code).Int(l + 1).Text(customer).Text(f.items[static_cast<size_t>(line.item)].code);
      w.Int(line.qty).Decimal(line.unit_price).Date(order.order_date).Date(line.request_date).Int(line.priority);
      w.Text(countries[line.ship_to]);
      if (line.site >= 0) {
        w.Text(f.sites[static_cast<size_t>(line.site)].code);
      } else {
        w.Empty();
      }
      w.Text(line.partial ? "Y" : "N").EndRow();
    }
  }
  return out;
}

std::string CountryGroupsCsv() {
  std::string out;
  Header(out, {"group", "country"});
  CsvWriter w(out);
  for (const gen::GroupDef& group : gen::CountryGroups()) {
    for (const char* country : group.members) w.Text(group.code).Text(country).EndRow();
  }
  return out;
}

std::string ExportRulesCsv() {
  std::string out;
  Header(out, {"export_class", "destination", "rule"});
  CsvWriter w(out);
  for (const gen::ExportRuleDef& rule : gen::ExportRules()) {
    w.Text(rule.export_class).Text(rule.destination).Text(rule.prohibited ? "prohibited" : "licence").EndRow();
  }
  return out;
}

std::string LicencesCsv(const Factory& f) {
  std::string out;
  Header(out, {"licence", "customer", "export_class", "destination", "status", "date", "valid_until"});
  CsvWriter w(out);
  std::string code;
  for (size_t k = 0; k < f.licences.size(); ++k) {
    const gen::LicenceRow& licence = f.licences[k];
    code = "EL-";
    gen::AppendPadded(code, 100'001 + k, 6);
    w.Text(code).Text(f.customers[static_cast<size_t>(licence.customer)].code).Text(licence.export_class);
    w.Text(licence.destination);
    w.Text(licence.status == gen::LicenceStatus::kApproved  ? "approved"
           : licence.status == gen::LicenceStatus::kPending ? "pending"
                                                            : "denied");
    w.Date(licence.date).Date(licence.valid_until).EndRow();
  }
  return out;
}

}  // namespace

std::optional<Scale> ParseScale(std::string_view text) {
  if (text == "demo") return Scale::kDemo;
  if (text == "large") return Scale::kLarge;
  if (text == "xl") return Scale::kXl;
  return std::nullopt;
}

const char* ScaleName(Scale scale) {
  switch (scale) {
    case Scale::kLarge:
      return "large";
    case Scale::kXl:
      return "xl";
    case Scale::kDemo:
      break;
  }
  return "demo";
}

GeneratedDataset Generate(const GenerateOptions& options) {
  Factory f;
  f.params = ParamsOf(options.scale);
  f.seed = options.seed;
  f.plan_start = DayFromCivil({2025, 5, 3});  // first day of FY26Q2
  f.horizon_end = f.plan_start + gen::kHorizonDays - 1;

  gen::BuildCatalogue(f);
  gen::BuildDemand(f);
  gen::BuildLicences(f);
  gen::BuildCapacity(f);
  gen::BuildSupply(f);

  GeneratedDataset dataset;
  auto& files = dataset.files;
  files.emplace_back("settings.csv", SettingsCsv(f));
  files.emplace_back("quarters.csv", QuartersCsv(f));
  files.emplace_back("sites.csv", SitesCsv(f));
  files.emplace_back("items.csv", ItemsCsv(f));
  files.emplace_back("bom.csv", BomCsv(f));
  files.emplace_back("resources.csv", ResourcesCsv(f));
  files.emplace_back("resource_calendar.csv", CalendarCsv(f));
  files.emplace_back("routings.csv", RoutingsCsv(f));
  files.emplace_back("supply.csv", SupplyCsv(f));
  files.emplace_back("orders.csv", OrdersCsv(f));
  files.emplace_back("country_groups.csv", CountryGroupsCsv());
  files.emplace_back("export_rules.csv", ExportRulesCsv());
  files.emplace_back("licences.csv", LicencesCsv(f));
  return dataset;
}

std::string WriteDataset(const GeneratedDataset& dataset, const std::filesystem::path& dir) {
  return WriteDatasetFolder(dataset.files, dir);
}

}  // namespace takt
