// Pins every diagnostic of the loader: code, place and the exact sentence the user reads.
// Each test makes one edit to the tiny valid dataset.

#include <gtest/gtest.h>

#include "io/dataset_loader.h"
#include "test_data.h"

namespace takt {
namespace {

using test::Append;
using test::Problems;
using test::Replace;
using test::Tiny;
using Lines = std::vector<std::string>;

void ExpectProblems(const DatasetFiles& files, const Lines& expected, bool expect_model = false) {
  bool loaded = false;
  EXPECT_EQ(Problems(files, &loaded), expected);
  EXPECT_EQ(loaded, expect_model);
}

// --- files and columns ---------------------------------------------------------------------------

TEST(Diagnostics, MissingRequiredFile) {
  DatasetFiles files = Tiny();
  test::Remove(files, "supply.csv");
  ExpectProblems(files, {"supply.csv error missing-file: required file supply.csv is missing\n"
                         "    hint: every dataset needs supply.csv; see docs/format.md"});
}

TEST(Diagnostics, MissingFileFoundInOtherCase) {
  DatasetFiles files = Tiny();
  for (auto& [name, content] : files) {
    if (name == "bom.csv") name = "BOM.csv";
  }
  const Lines problems = Problems(files);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "bom.csv error missing-file: required file bom.csv is missing\n"
                         "    hint: found 'BOM.csv': file names are lower case");
}

TEST(Diagnostics, MissingColumnWithSuggestion) {
  DatasetFiles files = Tiny();
  Replace(files, "resources.csv", "capacity_per_day", "capacity_per_dya");
  ExpectProblems(files,
                 {"resources.csv:1 [capacity_per_dya] warning unknown-column: column 'capacity_per_dya' is not a "
                  "column of resources.csv; its values are ignored\n    hint: did you mean 'capacity_per_day'?",
                  "resources.csv:1 [capacity_per_day] error missing-column: required column 'capacity_per_day' is "
                  "missing from the header\n    hint: is 'capacity_per_dya' meant to be 'capacity_per_day'?"});
}

TEST(Diagnostics, UnknownColumnIsOnlyAWarning) {
  DatasetFiles files = Tiny();
  Replace(files, "sites.csv", "site,country,name", "site,country,name,region");
  Replace(files, "sites.csv", "Austin", "Austin,Americas");
  Replace(files, "sites.csv", "\"Monterrey, Nuevo León\"", "\"Monterrey, Nuevo León\",Americas");
  ExpectProblems(files, {"sites.csv:1 [region] warning unknown-column: column 'region' is not a column of sites.csv; "
                         "its values are ignored"},
                 true);
}

TEST(Diagnostics, FieldCountInADatasetFile) {
  DatasetFiles files = Tiny();
  Append(files, "bom.csv", "SRV-H200,GPU-H200");
  ExpectProblems(files, {"bom.csv:6 error field-count: the record has 2 fields, the header has 3\n"
                         "    hint: check for an unquoted comma in a value, or a missing field"});
}

// --- values --------------------------------------------------------------------------------------

TEST(Diagnostics, NotANumberDateOrEnum) {
  DatasetFiles files = Tiny();
  Replace(files, "orders.csv", "SO-1,1,ACME,SRV-H200,4,310000,2025-04-01,2025-06-15,1,US,,Y",
          "SO-1,1,ACME,SRV-H200,four,\"310,000\",2025-04-31,2025-06-15,1,US,,maybe");
  ExpectProblems(files,
                 {"orders.csv:2 [qty] error bad-integer: qty 'four' is not a whole number",
                  "orders.csv:2 [unit_price] error bad-decimal: unit_price '310,000' is not a number\n"
                  "    hint: write numbers without thousands separators or currency symbols, e.g. 1250000.50",
                  "orders.csv:2 [order_date] error bad-date: order_date '2025-04-31' is not a date\n"
                  "    hint: dates are written YYYY-MM-DD, e.g. 2025-08-15",
                  "orders.csv:2 [partial] error bad-value: partial 'maybe' is not one of 'N', 'Y'"});
}

TEST(Diagnostics, FractionalQuantity) {
  DatasetFiles files = Tiny();
  Replace(files, "bom.csv", "BRD-H200,GPU-H200,8", "BRD-H200,GPU-H200,7.5");
  ExpectProblems(files, {"bom.csv:5 [qty_per] error bad-integer: qty_per '7.5' is not a whole number\n"
                         "    hint: quantities are whole units"});
}

TEST(Diagnostics, ZeroAndNegativeQuantities) {
  DatasetFiles files = Tiny();
  Replace(files, "supply.csv", "2025-06-02,128", "2025-06-02,0");
  Replace(files, "orders.csv", "SO-2,1,NEBULA,SRV-H200,8", "SO-2,1,NEBULA,SRV-H200,-8");
  Replace(files, "resources.csv", "AUS-BURN,AUS,40", "AUS-BURN,AUS,-40");
  Replace(files, "routings.csv", "SRV-H200,MEX,10,MEX-BUILD,1,2", "SRV-H200,MEX,10,MEX-BUILD,0,2");
  ExpectProblems(files,
                 {"resources.csv:3 [capacity_per_day] error negative: capacity_per_day is -40; it must be at least 0",
                  "routings.csv:5 [usage_per_unit] error not-positive: usage_per_unit is 0; it must be greater than 0",
                  "supply.csv:3 [qty] error not-positive: qty is 0; it must be at least 1",
                  "orders.csv:4 [qty] error not-positive: qty is -8; it must be at least 1"});
}

TEST(Diagnostics, OutOfRangeSettingAndPriority) {
  DatasetFiles files = Tiny();
  Replace(files, "settings.csv", "early_ship_days,3", "early_ship_days,400");
  Replace(files, "orders.csv", "2025-07-01,1,US,AUS", "2025-07-01,0,US,AUS");
  ExpectProblems(files, {"settings.csv:5 [value] error out-of-range: value is 400; it must be between 0 and 365",
                         "orders.csv:3 [priority] error not-positive: priority is 0; it must be between 1 and 9"});
}

TEST(Diagnostics, MissingValue) {
  DatasetFiles files = Tiny();
  Replace(files, "items.csv", "BRD-H200,assembly", "BRD-H200,");
  ExpectProblems(files, {"items.csv:3 [kind] error missing-value: kind is empty"});
}

TEST(Diagnostics, BadCountryWithCaseHint) {
  DatasetFiles files = Tiny();
  Replace(files, "orders.csv", "1,US,,Y", "1,us,,Y");
  Replace(files, "sites.csv", "MEX,MX", "MEX,Mexico");
  ExpectProblems(files,
                 {"sites.csv:3 [country] error bad-country: country 'Mexico' is not an ISO 3166 country code\n"
                  "    hint: use ISO 3166-1 alpha-2 codes such as US, DE, CN",
                  "orders.csv:2 [ship_to] error bad-country: ship_to 'us' is not an ISO 3166 country code\n"
                  "    hint: did you mean 'US'? country codes are upper case"});
}

TEST(Diagnostics, TooManyDecimals) {
  DatasetFiles files = Tiny();
  Replace(files, "items.csv", "30000,3A090", "30000.12345,3A090");
  ExpectProblems(files, {"items.csv:4 [unit_cost] error bad-decimal: unit_cost '30000.12345' has more than 4 decimal "
                         "places"});
}

TEST(Diagnostics, CodeTooLong) {
  DatasetFiles files = Tiny();
  Append(files, "sites.csv", std::string(200, 'S') + ",US,x");
  ExpectProblems(files, {"sites.csv:4 [site] error code-too-long: site 'SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS...' "
                         "(200 bytes) is too long; codes are at most 128 bytes"});
}

// --- keys and references -------------------------------------------------------------------------

TEST(Diagnostics, DuplicateKeys) {
  DatasetFiles files = Tiny();
  Append(files, "items.csv", "GPU-H200,component,again,1,,");
  Append(files, "orders.csv", "SO-2,1,NEBULA,SRV-H200,1,1,2025-04-10,2025-07-01,,CN,,N");
  Append(files, "bom.csv", "BRD-H200,GPU-H200,4");
  Append(files, "settings.csv", "currency,EUR");
  ExpectProblems(files, {"settings.csv:6 [key] error duplicate-key: setting 'currency' is already defined on line 4",
                         "items.csv:7 [item] error duplicate-key: item 'GPU-H200' is already defined on line 4",
                         "bom.csv:6 [component] error duplicate-key: component 'GPU-H200' of 'BRD-H200' is already "
                         "defined on line 5",
                         "orders.csv:5 [line] error duplicate-key: order 'SO-2' line 1 appears more than once"});
}

TEST(Diagnostics, UnknownReferencesWithSuggestions) {
  DatasetFiles files = Tiny();
  Replace(files, "bom.csv", "BRD-H200,GPU-H200,8", "BRD-H200,GPU-H20,8");
  Replace(files, "orders.csv", "SO-2,1,NEBULA,SRV-H200", "SO-2,1,NEBULA,SRV-B200");
  Replace(files, "resources.csv", "MEX-BUILD,MEX", "MEX-BUILD,MEXICO");
  Replace(files, "export_rules.csv", "4A090,CN-HK-MO", "4A090,CN-HK-M0");
  ExpectProblems(files,
                 {"resources.csv:4 [site] error unknown-reference: site 'MEXICO' of resource 'MEX-BUILD' is not in "
                  "sites.csv\n    hint: did you mean 'MEX'?",
                  "bom.csv:5 [component] error unknown-reference: component 'GPU-H20' of 'BRD-H200' is not in "
                  "items.csv\n    hint: did you mean 'GPU-H200'?",
                  "orders.csv:4 [item] error unknown-reference: item 'SRV-B200' of order 'SO-2' line 1 is not in "
                  "items.csv\n    hint: did you mean 'SRV-H200'?",
                  "export_rules.csv:2 [destination] error unknown-reference: destination 'CN-HK-M0' is neither a "
                  "country code nor a group in country_groups.csv\n    hint: did you mean 'CN-HK-MO'?"});
}

TEST(Diagnostics, UnknownRoutingResource) {
  DatasetFiles files = Tiny();
  Replace(files, "routings.csv", "SRV-H200,AUS,20,AUS-BURN", "SRV-H200,AUS,20,AUS-BURNIN");
  ExpectProblems(files, {"routings.csv:3 [resource] error unknown-reference: resource 'AUS-BURNIN' of the routing of "
                         "'SRV-H200' is not in resources.csv\n    hint: did you mean 'AUS-BURN'?"});
}

TEST(Diagnostics, OrderForTwoCustomers) {
  DatasetFiles files = Tiny();
  Replace(files, "orders.csv", "SO-1,2,ACME", "SO-1,2,ACME-EU");
  ExpectProblems(files, {"orders.csv:3 [customer] error order-customer-mismatch: order 'SO-1' is for customer 'ACME' "
                         "on line 2 but for 'ACME-EU' here\n    hint: all lines of an order belong to one customer"});
}

TEST(Diagnostics, LicenceForCustomerWithoutOrders) {
  DatasetFiles files = Tiny();
  Replace(files, "licences.csv", "L-1,NEBULA", "L-1,NEBULAE");
  ExpectProblems(files,
                 {"licences.csv:2 [customer] warning licence-unused-customer: licence 'L-1' is for customer "
                  "'NEBULAE', who has no orders\n    hint: did you mean 'NEBULA'?"},
                 true);
}

TEST(Diagnostics, SiteThatCannotSupplyTheLine) {
  DatasetFiles files = Tiny();
  Append(files, "sites.csv", "TWN,TW,Taiwan");
  Replace(files, "orders.csv", "US,AUS,N", "US,TWN,N");
  ExpectProblems(files, {"orders.csv:3 [site] error site-cannot-supply: order 'SO-1' line 2 must ship 'SRV-H200' from "
                         "'TWN', which has no routing and no supply for it\n"
                         "    hint: leave site empty to let any capable site ship it"});
}

// --- structure -----------------------------------------------------------------------------------

TEST(Diagnostics, BomCycleIsPrintedAsAPath) {
  DatasetFiles files = Tiny();
  Append(files, "bom.csv", "GPU-H200,SRV-H200,1");
  ExpectProblems(files, {"bom.csv:6 [component] error bom-cycle: the bill of material is circular: 'SRV-H200' -> "
                         "'BRD-H200' -> 'GPU-H200' -> 'SRV-H200'\n"
                         "    hint: an item cannot contain itself, directly or through its components",
                         "items.csv:4 [kind] warning component-has-bom: item 'GPU-H200' is a component but has "
                         "components of its own in bom.csv\n    hint: make it an 'assembly' if it is built"});
}

TEST(Diagnostics, ItemThatCanNeverBeHad) {
  DatasetFiles files = Tiny();
  Append(files, "items.csv", "SRV-H20,product,8-GPU H20 server,,,");
  Append(files, "orders.csv", "SO-3,1,NEBULA,SRV-H20,1,120000,2025-04-10,2025-07-01,,CN,,N");
  ExpectProblems(files, {"items.csv:7 [item] error item-unobtainable: item 'SRV-H20' is ordered (orders.csv:5) but "
                         "can never be had: it has no routing, no supply and no lead time\n"
                         "    hint: add supply, a lead_time_days, or a routing"});
}

TEST(Diagnostics, ComponentWithNothingToMakeItFrom) {
  DatasetFiles files = Tiny();
  Append(files, "items.csv", "FAN-80,component,fan,12,,");
  Append(files, "bom.csv", "SRV-H200,FAN-80,6");
  ExpectProblems(files, {"items.csv:7 [item] error item-unobtainable: item 'FAN-80' is a component of 'SRV-H200' but "
                         "can never be had: it has no routing, no supply and no lead time\n"
                         "    hint: add supply, a lead_time_days, or a routing"});
}

TEST(Diagnostics, RoutingOnAResourceOfAnotherSite) {
  DatasetFiles files = Tiny();
  Replace(files, "routings.csv", "SRV-H200,MEX,10,MEX-BUILD", "SRV-H200,MEX,10,AUS-BUILD");
  ExpectProblems(files, {"routings.csv:5 [resource] error resource-site-mismatch: resource 'AUS-BUILD' is at site "
                         "'AUS', but this routing builds 'SRV-H200' at 'MEX'\n"
                         "    hint: use a resource of the routing's site, or move the row to a routing at that site"});
}

TEST(Diagnostics, StepsOutOfSequenceAndRepeated) {
  DatasetFiles files = Tiny();
  Append(files, "routings.csv", "SRV-H200,AUS,15,AUS-BUILD,1,1");
  Append(files, "routings.csv", "SRV-H200,MEX,10,MEX-BUILD,1,1");
  ExpectProblems(files, {"routings.csv:7 [step] error step-sequence: step 15 of the routing of 'SRV-H200' at 'AUS' is "
                         "listed after step 20 (line 3)\n    hint: list the steps of a routing in the order they run",
                         "routings.csv:8 [step] error duplicate-key: step 10 of the routing of 'SRV-H200' at 'MEX' is "
                         "already defined on line 5"});
}

TEST(Diagnostics, ComponentWithARouting) {
  DatasetFiles files = Tiny();
  Append(files, "routings.csv", "CPU-X86,AUS,1,AUS-BUILD,1,1");
  ExpectProblems(files, {"items.csv:5 [kind] warning component-has-routing: item 'CPU-X86' is a component but has a "
                         "routing\n    hint: make it an 'assembly' if it is built"},
                 true);
}

TEST(Diagnostics, QuarterGapAndOverlap) {
  DatasetFiles files = Tiny();
  Replace(files, "quarters.csv", "FY26Q3,2025-08-02", "FY26Q3,2025-08-05");
  Append(files, "quarters.csv", "FY26Q4,2025-10-30,2026-01-30");
  ExpectProblems(files, {"quarters.csv:3 [start] error quarter-gap: quarter 'FY26Q3' starts 2025-08-05, but quarter "
                         "'FY26Q2' ends 2025-08-01: 3 days belong to no quarter\n"
                         "    hint: start 'FY26Q3' on 2025-08-02",
                         "quarters.csv:4 [start] error quarter-overlap: quarter 'FY26Q4' starts 2025-10-30, before "
                         "quarter 'FY26Q3' ends (2025-10-31)"});
}

TEST(Diagnostics, PlanStartOutsideQuartersAndHorizonBeyondThem) {
  DatasetFiles files = Tiny();
  Replace(files, "settings.csv", "plan_start,2025-05-03", "plan_start,2025-05-01");
  Lines problems = Problems(files);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.back(), "settings.csv [value] error plan-start-outside-quarters: plan_start 2025-05-01 lies in no "
                             "quarter of quarters.csv (2025-05-03 .. 2025-10-31)\n"
                             "    hint: add the quarter that contains plan_start");
  files = Tiny();
  Replace(files, "settings.csv", "horizon_days,182", "horizon_days,200");
  ExpectProblems(files, {"quarters.csv warning horizon-beyond-quarters: the horizon runs to 2025-11-18, past the last "
                         "quarter 'FY26Q3' (ends 2025-10-31); revenue after it has no quarter\n"
                         "    hint: add quarters, or shorten horizon_days in settings.csv"},
                 true);
}

TEST(Diagnostics, QuarterEndingBeforeItStarts) {
  DatasetFiles files = Tiny();
  Replace(files, "quarters.csv", "FY26Q3,2025-08-02,2025-10-31", "FY26Q3,2025-08-02,2025-07-31");
  const Lines problems = Problems(files);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "quarters.csv:3 [end] error bad-range: quarter 'FY26Q3' ends (2025-07-31) before it starts "
                         "(2025-08-02)");
}

TEST(Diagnostics, MissingAndUnknownSettings) {
  DatasetFiles files = Tiny();
  Replace(files, "settings.csv", "plan_start,2025-05-03\n", "");
  Append(files, "settings.csv", "horizon,100");
  ExpectProblems(files, {"settings.csv:5 [key] warning unknown-setting: setting 'horizon' is not known; it is ignored\n"
                         "    hint: did you mean 'horizon_days'?",
                         "settings.csv [key] error missing-setting: setting 'plan_start' is missing\n"
                         "    hint: add a row: plan_start,YYYY-MM-DD (the as-of date of the plan)"});
}

// --- dates against the horizon -------------------------------------------------------------------

TEST(Diagnostics, DatesOutsideTheHorizonAreWarnings) {
  DatasetFiles files = Tiny();
  Append(files, "supply.csv", "GPU-H200,AUS,2026-01-05,64,receipt,ALLOC-2026W02");
  Append(files, "supply.csv", "GPU-H200,AUS,2025-04-01,8,receipt,PO-LATE");
  Append(files, "supply.csv", "CPU-X86,AUS,2025-05-10,8,onhand,");
  Append(files, "orders.csv", "SO-3,1,ACME,SRV-H200,1,300000,2025-05-01,2026-02-01,,US,,N");
  ExpectProblems(files,
                 {"supply.csv:5 [date] warning outside-horizon: receipt of 'GPU-H200' dated 2026-01-05 is after the "
                  "horizon end 2025-10-31; it cannot be used",
                  "supply.csv:6 [date] warning past-due-receipt: receipt of 'GPU-H200' dated 2025-04-01 is before "
                  "plan_start 2025-05-03; it counts as arriving on plan_start",
                  "supply.csv:7 [date] warning onhand-date: on-hand stock of 'CPU-X86' is dated 2025-05-10; on-hand "
                  "stock counts at plan_start 2025-05-03\n    hint: use kind 'receipt' for stock that arrives later",
                  "orders.csv:5 [request_date] warning outside-horizon: order 'SO-3' line 1 is requested for "
                  "2026-02-01, after the horizon end 2025-10-31\n"
                  "    hint: lengthen horizon_days in settings.csv to plan it"},
                 true);
}

TEST(Diagnostics, RequestBeforeOrder) {
  DatasetFiles files = Tiny();
  Replace(files, "orders.csv", "2025-04-10,2025-07-01", "2025-04-10,2025-04-01");
  ExpectProblems(files, {"orders.csv:4 [request_date] warning request-before-order: order 'SO-2' line 1 is requested "
                         "for 2025-04-01, before it was booked on 2025-04-10"},
                 true);
}

TEST(Diagnostics, CalendarOverlapAndRange) {
  DatasetFiles files = Tiny();
  Append(files, "resource_calendar.csv", "AUS-BUILD,2025-05-20,2025-06-10,0");
  Append(files, "resource_calendar.csv", "AUS-BURN,2025-06-10,2025-06-01,0");
  ExpectProblems(files, {"resource_calendar.csv:4 [to] error bad-range: the range 2025-06-10..2025-06-01 of resource "
                         "'AUS-BURN' ends before it starts",
                         "resource_calendar.csv:3 [from] error calendar-overlap: the range 2025-05-20..2025-06-10 of "
                         "resource 'AUS-BUILD' overlaps the range 2025-05-03..2025-05-31 on line 2"});
}

// --- export --------------------------------------------------------------------------------------

TEST(Diagnostics, LicenceStatusDateAndValidity) {
  DatasetFiles files = Tiny();
  Append(files, "licences.csv", "L-2,ACME,4A090,CN,approved,,");
  Append(files, "licences.csv", "L-3,ACME,4A090,CN,aproved,2025-05-01,");
  Append(files, "licences.csv", "L-4,ACME,4A090,CN,approved,2025-05-01,2025-04-01");
  Append(files, "licences.csv", "L-5,ACME,4A090,CN,denied,,");
  ExpectProblems(files, {"licences.csv:3 [date] error missing-value: date is empty",
                         "licences.csv:4 [status] error bad-value: status 'aproved' is not one of 'approved', "
                         "'pending', 'denied'\n    hint: did you mean 'approved'?",
                         "licences.csv:5 [valid_until] error bad-range: licence 'L-4' is valid until 2025-04-01, before "
                         "its date 2025-05-01"});
}

TEST(Diagnostics, ExportClassNoItemHas) {
  DatasetFiles files = Tiny();
  Append(files, "export_rules.csv", "4A09O,CN,licence");
  ExpectProblems(files, {"export_rules.csv:4 [export_class] warning unused-export-class: export class '4A09O' is not "
                         "the export_class of any item; its rules and licences have no effect\n"
                         "    hint: did you mean '4A090'?"},
                 true);
}

TEST(Diagnostics, GroupNamedLikeACountry) {
  DatasetFiles files = Tiny();
  Append(files, "country_groups.csv", "EU,DE");
  ExpectProblems(files, {"country_groups.csv:5 [group] error bad-group: group 'EU' has two letters and would read as a "
                         "country code\n    hint: name groups with three or more characters, e.g. 'CN-HK-MO' or "
                         "'D:5'"});
}

TEST(Diagnostics, LicenseSpellingIsAccepted) {
  DatasetFiles files = Tiny();
  Replace(files, "export_rules.csv", "CN-HK-MO,licence", "CN-HK-MO,license");
  ExpectProblems(files, {}, true);
}

TEST(Diagnostics, MissingUnitCostOfAComponent) {
  DatasetFiles files = Tiny();
  Replace(files, "items.csv", "server CPU,3000", "server CPU,");
  ExpectProblems(files, {"items.csv:5 [unit_cost] warning missing-unit-cost: component 'CPU-X86' has no unit_cost; it "
                         "is costed at 0\n    hint: margins are understated until the purchase cost is given"},
                 true);
}

// --- many problems -------------------------------------------------------------------------------

TEST(Diagnostics, RepeatsOfOneKindAreCapped) {
  DatasetFiles files = Tiny();
  for (int i = 0; i < 25; ++i) {
    Append(files, "orders.csv", "SO-9," + std::to_string(i + 1) + ",ACME,NOPE,1,1,2025-04-01,2025-06-01,,US,,N");
  }
  Diagnostics diagnostics(10);
  EXPECT_EQ(LoadDataset(files, diagnostics), nullptr);
  EXPECT_EQ(diagnostics.error_count(), 25);
  EXPECT_EQ(diagnostics.kept().size(), 10u);
  ASSERT_EQ(diagnostics.suppressed().size(), 1u);
  EXPECT_EQ(diagnostics.suppressed()[0], std::make_pair(std::string("unknown-reference"), int64_t{15}));
  char* text = nullptr;
  size_t size = 0;
  std::FILE* out = open_memstream(&text, &size);
  diagnostics.Print(out);
  std::fclose(out);
  const std::string printed(text, size);
  std::free(text);
  EXPECT_NE(printed.find("... and 15 more 'unknown-reference' problems not shown\n"), std::string::npos);
}

}  // namespace
}  // namespace takt

namespace takt {
namespace {

TEST(Diagnostics, CalendarRangeOutsideTheHorizon) {
  DatasetFiles files = test::Tiny();
  test::Append(files, "resource_calendar.csv", "AUS-BURN,2026-03-01,2026-03-31,0");
  ExpectProblems(files, {"resource_calendar.csv:3 [from] warning outside-horizon: the range 2026-03-01..2026-03-31 of "
                         "resource 'AUS-BURN' lies outside the horizon 2025-05-03..2025-10-31; it has no effect"},
                 true);
}

TEST(Diagnostics, CurrencyCode) {
  DatasetFiles files = test::Tiny();
  test::Replace(files, "settings.csv", "currency,USD", "currency,$");
  ExpectProblems(files, {"settings.csv:4 [value] error bad-value: currency '$' is not a three-letter ISO 4217 code\n"
                         "    hint: e.g. USD, EUR, TWD"});
}

TEST(Diagnostics, EmptyDatasetFile) {
  DatasetFiles files = test::Tiny();
  test::File(files, "orders.csv").clear();
  ExpectProblems(files, {"orders.csv error empty-file: the file is empty: it needs at least a header row\n"
                         "    hint: see docs/format.md for the columns of this file"});
}

}  // namespace
}  // namespace takt
