// The dataset generator: determinism, calibration of the demo backlog, and the structural rules of
// docs/format.md that can be checked without the loader. Demo scale only, so the test stays fast.

#include "generate/generator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace takt {
namespace {

using Row = std::vector<std::string>;

/// A parsed CSV file: header and records (RFC 4180 quoting, LF line ends as the generator writes them).
struct Table {
  Row header;
  std::vector<Row> rows;

  size_t Column(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    ADD_FAILURE() << "no column " << name;
    return 0;
  }
};

Table ParseCsv(std::string_view text) {
  std::vector<Row> records;
  Row record;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  Table table;
  if (!records.empty()) {
    table.header = std::move(records.front());
    table.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
  }
  return table;
}

/// Days since 1970-01-01 of a YYYY-MM-DD text (the test's own conversion, independent of the library's).
int64_t DayNumber(std::string_view text) {
  const int64_t y0 = std::stoll(std::string(text.substr(0, 4)));
  const int64_t m = std::stoll(std::string(text.substr(5, 2)));
  const int64_t d = std::stoll(std::string(text.substr(8, 2)));
  const int64_t y = m <= 2 ? y0 - 1 : y0;
  const int64_t era = y / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

bool IsDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

bool IsPositiveInteger(std::string_view text) {
  if (text.empty() || text.size() > 12 || text[0] == '0') return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

/// Parses a non-negative decimal with at most four decimals into units of 10^-4; -1 if malformed.
int64_t ParseFixed4(std::string_view text) {
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || fraction.size() > 4 || (dot != std::string_view::npos && fraction.empty())) return -1;
  int64_t value = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  int64_t frac = 0;
  for (size_t i = 0; i < 4; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return -1;
    frac = frac * 10 + (c - '0');
  }
  return value * 10000 + frac;
}

const GeneratedDataset& Demo() {
  static const GeneratedDataset dataset = Generate({Scale::kDemo, 1});
  return dataset;
}

std::map<std::string, Table> Tables(const GeneratedDataset& dataset) {
  std::map<std::string, Table> tables;
  for (const auto& [name, content] : dataset.files) tables[name] = ParseCsv(content);
  return tables;
}

TEST(GeneratorTest, ParsesScaleNames) {
  for (Scale scale : {Scale::kDemo, Scale::kLarge, Scale::kXl}) {
    ASSERT_TRUE(ParseScale(ScaleName(scale)).has_value());
    EXPECT_EQ(*ParseScale(ScaleName(scale)), scale);
  }
  EXPECT_FALSE(ParseScale("Demo").has_value());
  EXPECT_FALSE(ParseScale("").has_value());
  EXPECT_FALSE(ParseScale("huge").has_value());
}

TEST(GeneratorTest, SameSeedGivesIdenticalFiles) {
  const GeneratedDataset again = Generate({Scale::kDemo, 1});
  ASSERT_EQ(again.files.size(), Demo().files.size());
  for (size_t i = 0; i < again.files.size(); ++i) {
    EXPECT_EQ(again.files[i].first, Demo().files[i].first);
    EXPECT_TRUE(again.files[i].second == Demo().files[i].second) << again.files[i].first << " differs";
  }
}

TEST(GeneratorTest, DifferentSeedsGiveDifferentFiles) {
  const GeneratedDataset other = Generate({Scale::kDemo, 2});
  ASSERT_EQ(other.files.size(), Demo().files.size());
  for (size_t i = 0; i < other.files.size(); ++i) {
    const std::string& name = other.files[i].first;
    if (name == "orders.csv" || name == "supply.csv" || name == "resources.csv" || name == "licences.csv") {
      EXPECT_NE(other.files[i].second, Demo().files[i].second) << name << " does not depend on the seed";
    }
  }
}

TEST(GeneratorTest, WritesEveryFileWithItsHeader) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"settings.csv", "key,value"},
      {"quarters.csv", "quarter,start,end"},
      {"sites.csv", "site,country,name"},
      {"items.csv", "item,kind,description,unit_cost,export_class,lead_time_days"},
      {"bom.csv", "parent,component,qty_per"},
      {"resources.csv", "resource,site,capacity_per_day,description"},
      {"resource_calendar.csv", "resource,from,to,capacity_per_day"},
      {"routings.csv", "item,site,step,resource,usage_per_unit,duration_days"},
      {"supply.csv", "item,site,date,qty,kind,ref"},
      {"orders.csv", "order,line,customer,item,qty,unit_price,order_date,request_date,priority,ship_to,site,partial"},
      {"country_groups.csv", "group,country"},
      {"export_rules.csv", "export_class,destination,rule"},
      {"licences.csv", "licence,customer,export_class,destination,status,date,valid_until"},
  };
  ASSERT_EQ(Demo().files.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& [name, content] = Demo().files[i];
    EXPECT_EQ(name, expected[i].first);
    EXPECT_EQ(content.substr(0, content.find('\n')), expected[i].second) << name;
    const Table table = ParseCsv(content);
    EXPECT_GT(table.rows.size(), 0u) << name << " is empty";
    for (size_t r = 0; r < table.rows.size(); ++r) {
      ASSERT_EQ(table.rows[r].size(), table.header.size()) << name << " record " << r + 2;
    }
  }
}

TEST(GeneratorTest, DemoBacklogIsAboutFourteenBillionInAFewThousandLines) {
  auto tables = Tables(Demo());
  const Table& orders = tables["orders.csv"];
  const size_t qty = orders.Column("qty"), price = orders.Column("unit_price");
  int64_t backlog_dollars = 0;
  for (const Row& row : orders.rows) {
    ASSERT_TRUE(IsPositiveInteger(row[qty])) << row[qty];
    const int64_t unit_price = ParseFixed4(row[price]);
    ASSERT_GE(unit_price, 0) << row[price];
    backlog_dollars += std::stoll(row[qty]) * (unit_price / 10000);
  }
  EXPECT_GE(backlog_dollars, 12'000'000'000);
  EXPECT_LE(backlog_dollars, 17'000'000'000);
  EXPECT_GE(orders.rows.size(), 2000u);
  EXPECT_LE(orders.rows.size(), 5000u);
}

TEST(GeneratorTest, SettingsAndQuartersCoverTheHorizonExactly) {
  auto tables = Tables(Demo());
  std::map<std::string, std::string> settings;
  for (const Row& row : tables["settings.csv"].rows) settings[row[0]] = row[1];
  EXPECT_EQ(settings["plan_start"], "2025-05-03");
  const int64_t start = DayNumber(settings["plan_start"]);
  const int64_t horizon_end = start + std::stoll(settings["horizon_days"]) - 1;

  const Table& quarters = tables["quarters.csv"];
  ASSERT_EQ(quarters.rows.size(), 8u);
  EXPECT_EQ(quarters.rows.front()[0], "FY26Q2");
  EXPECT_EQ(quarters.rows.back()[0], "FY28Q1");
  int64_t expected_start = start;
  for (const Row& row : quarters.rows) {
    EXPECT_EQ(DayNumber(row[1]), expected_start) << row[0];
    EXPECT_EQ(DayNumber(row[2]) - DayNumber(row[1]), 90) << row[0] << " is not 13 weeks";
    expected_start = DayNumber(row[2]) + 1;
  }
  EXPECT_EQ(expected_start - 1, horizon_end);
}

TEST(GeneratorTest, ReferencesAndRoutingsAreConsistent) {
  auto tables = Tables(Demo());
  std::map<std::string, std::string> item_kind;
  for (const Row& row : tables["items.csv"].rows) {
    EXPECT_TRUE(item_kind.emplace(row[0], row[1]).second) << "duplicate item " << row[0];
    if (row[1] == "component") {
      EXPECT_GE(ParseFixed4(row[3]), 0) << row[0] << " has no unit cost";
    }
  }
  std::map<std::string, std::string> site_country;
  for (const Row& row : tables["sites.csv"].rows) site_country[row[0]] = row[1];
  EXPECT_GE(site_country.size(), 2u);
  EXPECT_LE(site_country.size(), 4u);
  std::set<std::string> countries;
  for (const auto& [site, country] : site_country) countries.insert(country);
  EXPECT_EQ(countries.size(), site_country.size()) << "sites should be in different countries";

  std::set<std::string> bom_parents;
  std::set<std::pair<std::string, std::string>> bom_pairs;
  for (const Row& row : tables["bom.csv"].rows) {
    EXPECT_TRUE(item_kind.count(row[0])) << "BOM parent " << row[0];
    EXPECT_TRUE(item_kind.count(row[1])) << "BOM component " << row[1];
    EXPECT_NE(item_kind[row[0]], "component") << row[0] << " is a component with a BOM";
    EXPECT_TRUE(IsPositiveInteger(row[2]));
    EXPECT_TRUE(bom_pairs.emplace(row[0], row[1]).second) << "duplicate BOM line " << row[0] << " " << row[1];
    bom_parents.insert(row[0]);
  }

  std::map<std::string, std::string> resource_site;
  for (const Row& row : tables["resources.csv"].rows) {
    EXPECT_TRUE(site_country.count(row[1])) << row[0];
    EXPECT_GT(ParseFixed4(row[2]), 0) << row[0];
    resource_site[row[0]] = row[1];
  }

  std::set<std::string> buildable;  // item codes with a routing
  std::map<std::pair<std::string, std::string>, int64_t> last_step;
  for (const Row& row : tables["routings.csv"].rows) {
    EXPECT_TRUE(item_kind.count(row[0])) << "routing item " << row[0];
    EXPECT_NE(item_kind[row[0]], "component") << row[0];
    ASSERT_TRUE(resource_site.count(row[3])) << "routing resource " << row[3];
    EXPECT_EQ(resource_site[row[3]], row[1]) << "resource " << row[3] << " of " << row[0] << " is of another site";
    ASSERT_TRUE(IsPositiveInteger(row[2]));
    const int64_t step = std::stoll(row[2]);
    auto [it, fresh] = last_step.emplace(std::make_pair(row[0], row[1]), step);
    if (!fresh) {
      EXPECT_GT(step, it->second) << row[0] << " at " << row[1] << ": steps not ascending";
      it->second = step;
    }
    EXPECT_GT(ParseFixed4(row[4]), 0);
    EXPECT_TRUE(IsPositiveInteger(row[5]));
    buildable.insert(row[0]);
  }

  std::set<std::string> supplied;
  for (const Row& row : tables["supply.csv"].rows) {
    EXPECT_TRUE(item_kind.count(row[0])) << "supply item " << row[0];
    EXPECT_TRUE(site_country.count(row[1])) << "supply site " << row[1];
    EXPECT_TRUE(IsPositiveInteger(row[3]));
    EXPECT_TRUE(row[4] == "onhand" || row[4] == "receipt") << row[4];
    if (row[4] == "onhand") {
      EXPECT_EQ(row[2], "");
    }
    if (row[0].rfind("GPU-", 0) == 0 && row[4] == "receipt") {
      EXPECT_EQ(row[5].rfind("ALLOC-" + row[0] + "-20", 0), 0u) << row[5];
    }
    supplied.insert(row[0]);
  }
  for (const std::string& parent : bom_parents) {
    EXPECT_TRUE(buildable.count(parent) || supplied.count(parent)) << parent << " cannot be had";
  }
  for (const auto& [item, kind] : item_kind) {
    if (kind == "component") continue;
    EXPECT_TRUE(buildable.count(item)) << item << " has no routing";
  }

  std::map<std::string, std::string> order_customer;
  std::map<std::string, int64_t> order_lines;
  std::set<std::string> customers;
  const Table& orders = tables["orders.csv"];
  for (const Row& row : orders.rows) {
    const std::string& order = row[0];
    EXPECT_EQ(order.rfind("SO-", 0), 0u) << order;
    EXPECT_EQ(std::stoll(row[1]), ++order_lines[order]) << order << ": lines are not numbered 1..n";
    auto [it, fresh] = order_customer.emplace(order, row[2]);
    EXPECT_EQ(it->second, row[2]) << order << " has lines of two customers";
    customers.insert(row[2]);
    EXPECT_TRUE(item_kind.count(row[3])) << "ordered item " << row[3];
    EXPECT_TRUE(buildable.count(row[3]) || supplied.count(row[3])) << row[3] << " cannot be had";
    EXPECT_TRUE(IsPositiveInteger(row[4]));
    EXPECT_GT(ParseFixed4(row[5]), 0);
    ASSERT_TRUE(IsDate(row[6]) && IsDate(row[7])) << order;
    EXPECT_LE(row[6], "2027-04-30") << order << " booked after the horizon";
    EXPECT_LE(row[7], "2027-04-30") << order << " requested after the horizon";
    EXPECT_GE(row[7], row[6]) << order << " requested before it was booked";
    EXPECT_TRUE(row[8].size() == 1 && row[8][0] >= '1' && row[8][0] <= '9') << row[8];
    EXPECT_EQ(row[9].size(), 2u);
    if (!row[10].empty()) {
      EXPECT_TRUE(site_country.count(row[10])) << row[10];
    }
    EXPECT_TRUE(row[11] == "Y" || row[11] == "N");
  }
  EXPECT_GT(customers.size(), 1000u) << "a long tail of enterprises";

  std::set<std::string> groups;
  for (const Row& row : tables["country_groups.csv"].rows) {
    EXPECT_GT(row[0].size(), 2u) << "group " << row[0] << " reads as a country";
    groups.insert(row[0]);
  }
  for (const Row& row : tables["export_rules.csv"].rows) {
    EXPECT_TRUE(groups.count(row[1]) || row[1].size() == 2) << row[1];
    EXPECT_TRUE(row[2] == "licence" || row[2] == "prohibited");
  }
  std::set<std::string> statuses;
  for (const Row& row : tables["licences.csv"].rows) {
    EXPECT_TRUE(customers.count(row[1])) << "licence " << row[0] << " for a customer without orders";
    EXPECT_TRUE(groups.count(row[3]) || row[3].size() == 2) << row[3];
    statuses.insert(row[4]);
    if (row[4] != "denied") {
      EXPECT_TRUE(IsDate(row[5])) << row[0];
    }
    if (!row[6].empty()) {
      EXPECT_GE(row[6], row[5]) << row[0];
    }
  }
  EXPECT_EQ(statuses, (std::set<std::string>{"approved", "denied", "pending"}));
}

TEST(GeneratorTest, CalendarRowsOfAResourceDoNotOverlap) {
  auto tables = Tables(Demo());
  std::set<std::string> resources;
  for (const Row& row : tables["resources.csv"].rows) resources.insert(row[0]);
  std::map<std::string, int64_t> last_to;
  for (const Row& row : tables["resource_calendar.csv"].rows) {
    EXPECT_TRUE(resources.count(row[0])) << row[0];
    const int64_t from = DayNumber(row[1]), to = DayNumber(row[2]);
    EXPECT_LE(from, to);
    auto [it, fresh] = last_to.emplace(row[0], to);
    if (!fresh) {
      EXPECT_GT(from, it->second) << row[0] << " has overlapping calendar rows";
      it->second = to;
    }
    EXPECT_GE(ParseFixed4(row[3]), 0);
  }
}

TEST(GeneratorTest, WriteDatasetWritesEveryFile) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "takt-generator-test";
  std::filesystem::remove_all(dir);
  ASSERT_EQ(WriteDataset(Demo(), dir / "nested"), "");
  for (const auto& [name, content] : Demo().files) {
    EXPECT_EQ(std::filesystem::file_size(dir / "nested" / name), content.size()) << name;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace takt
