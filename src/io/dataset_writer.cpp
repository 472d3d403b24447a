#include "io/dataset_writer.h"

#include <fmt/format.h>

#include "io/csv_writer.h"

namespace takt {

DatasetFiles WriteDatasetFiles(const Model& m) {
  DatasetFiles files;
  auto add = [&](const char* name, const char* header) -> std::string& {
    files.emplace_back(name, std::string(header) + "\n");
    return files.back().second;
  };

  {
    std::string& out = add("settings.csv", "key,value");
    CsvWriter w(out);
    w.Text("plan_start").Date(m.settings().plan_start).EndRow();
    w.Text("horizon_days").Int(m.settings().horizon_days).EndRow();
    w.Text("currency").Text(m.settings().currency).EndRow();
    w.Text("early_ship_days").Int(m.settings().early_ship_days).EndRow();
  }
  {
    CsvWriter w(add("quarters.csv", "quarter,start,end"));
    for (const Quarter& q : m.quarters()) w.Text(q.code).Date(q.start).Date(q.end).EndRow();
  }
  {
    CsvWriter w(add("sites.csv", "site,country,name"));
    for (const Site& s : m.sites()) w.Text(s.code).Text(m.country_code(s.country)).Text(s.name).EndRow();
  }
  {
    CsvWriter w(add("items.csv", "item,kind,description,unit_cost,export_class,lead_time_days"));
    for (const Item& i : m.items()) {
      w.Text(i.code).Text(ItemKindName(i.kind)).Text(i.description);
      i.has_unit_cost ? w.Decimal(i.unit_cost) : w.Empty();
      i.export_class.valid() ? w.Text(m.export_class_code(i.export_class)) : w.Empty();
      i.lead_time_days >= 0 ? w.Int(i.lead_time_days) : w.Empty();
      w.EndRow();
    }
  }
  {
    CsvWriter w(add("bom.csv", "parent,component,qty_per"));
    for (const BomLine& b : m.bom()) w.Text(m.item(b.parent).code).Text(m.item(b.component).code).Int(b.qty_per).EndRow();
  }
  {
    CsvWriter w(add("resources.csv", "resource,site,capacity_per_day,description"));
    for (const Resource& r : m.resources()) {
      w.Text(r.code).Text(m.site(r.site).code).Decimal(r.capacity_per_day).Text(r.description).EndRow();
    }
  }
  {
    CsvWriter w(add("resource_calendar.csv", "resource,from,to,capacity_per_day"));
    for (const CapacityOverride& o : m.capacity_overrides()) {
      w.Text(m.resource(o.resource).code).Date(o.from).Date(o.to).Decimal(o.capacity_per_day).EndRow();
    }
  }
  {
    CsvWriter w(add("routings.csv", "item,site,step,resource,usage_per_unit,duration_days"));
    for (const Routing& r : m.routings()) {
      for (const RoutingStep& s : m.steps(r)) {
        w.Text(m.item(r.item).code).Text(m.site(r.site).code).Int(s.step).Text(m.resource(s.resource).code);
        w.Decimal(s.usage_per_unit).Int(s.duration_days).EndRow();
      }
    }
  }
  {
    CsvWriter w(add("supply.csv", "item,site,date,qty,kind,ref"));
    for (const Supply& s : m.supply()) {
      w.Text(m.item(s.item).code).Text(m.site(s.site).code).Date(s.date).Int(s.qty).Text(SupplyKindName(s.kind));
      w.Text(s.ref).EndRow();
    }
  }
  {
    std::string& out = add("orders.csv",
                           "order,line,customer,item,qty,unit_price,order_date,request_date,priority,ship_to,site,partial");
    out.reserve(m.lines().size() * 110);
    CsvWriter w(out);
    for (const OrderLine& l : m.lines()) {
      w.Text(m.order_code(l.order)).Int(l.line).Text(m.customer_code(l.customer)).Text(m.item(l.item).code);
      w.Int(l.qty).Decimal(l.unit_price).Date(l.order_date).Date(l.request_date).Int(l.priority);
      w.Text(m.country_code(l.ship_to));
      l.site.valid() ? w.Text(m.site(l.site).code) : w.Empty();
      w.Text(l.partial ? "Y" : "N").EndRow();
    }
  }
  {
    CsvWriter w(add("country_groups.csv", "group,country"));
    for (const CountryGroup& g : m.groups()) {
      for (CountryId c : m.members(g)) w.Text(g.code).Text(m.country_code(c)).EndRow();
    }
  }
  {
    CsvWriter w(add("export_rules.csv", "export_class,destination,rule"));
    for (const ExportRule& r : m.export_rules()) {
      w.Text(m.export_class_code(r.export_class)).Text(m.destination_code(r.destination));
      w.Text(ExportRuleKindName(r.rule)).EndRow();
    }
  }
  {
    CsvWriter w(add("licences.csv", "licence,customer,export_class,destination,status,date,valid_until"));
    for (const Licence& l : m.licences()) {
      w.Text(l.code).Text(m.customer_code(l.customer)).Text(m.export_class_code(l.export_class));
      w.Text(m.destination_code(l.destination)).Text(LicenceStatusName(l.status)).Date(l.date).Date(l.valid_until);
      w.EndRow();
    }
  }
  return files;
}

std::string WriteDatasetFolder(const DatasetFiles& files, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fmt::format("cannot create folder '{}': {}", dir.string(), ec.message());
  for (const auto& [name, content] : files) {
    std::string error = WriteFileAtomic(dir / name, content);
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace takt
