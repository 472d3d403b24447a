#include <gtest/gtest.h>

#include "io/dataset_loader.h"
#include "test_data.h"

namespace takt {
namespace {

using test::Tiny;

std::shared_ptr<const Model> LoadTiny() {
  Diagnostics diagnostics;
  auto model = LoadDataset(Tiny(), diagnostics);
  for (const Diagnostic& d : diagnostics.kept()) ADD_FAILURE() << FormatDiagnostic(d);
  return model;
}

TEST(DatasetLoader, TinyDatasetLoadsWithoutAProblem) {
  Diagnostics diagnostics;
  auto model = LoadDataset(test::SourceDir() / "tests/data/tiny", diagnostics);
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(diagnostics.error_count() + diagnostics.warning_count(), 0);
}

TEST(DatasetLoader, SettingsAndQuarters) {
  auto m = LoadTiny();
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(FormatDate(m->plan_start()), "2025-05-03");
  EXPECT_EQ(FormatDate(m->horizon_end()), "2025-10-31");
  EXPECT_EQ(m->settings().early_ship_days, 3);
  EXPECT_EQ(m->quarters()[m->QuarterOf(*ParseDate("2025-08-01")).index()].code, "FY26Q2");
  EXPECT_EQ(m->quarters()[m->QuarterOf(*ParseDate("2025-08-02")).index()].code, "FY26Q3");
  EXPECT_FALSE(m->QuarterOf(*ParseDate("2025-11-01")).valid());
}

TEST(DatasetLoader, BomIsIndexedBothWaysWithLevels) {
  auto m = LoadTiny();
  ASSERT_NE(m, nullptr);
  const ItemId server = *m->FindItem("SRV-H200");
  const ItemId board = *m->FindItem("BRD-H200");
  const ItemId gpu = *m->FindItem("GPU-H200");
  ASSERT_EQ(m->components_of(server).size(), 3u);
  ASSERT_EQ(m->components_of(board).size(), 1u);
  EXPECT_EQ(m->components_of(board)[0].component, gpu);
  EXPECT_EQ(m->components_of(board)[0].qty_per, 8);
  ASSERT_EQ(m->where_used(gpu).size(), 1u);
  EXPECT_EQ(m->where_used(gpu)[0].parent, board);
  EXPECT_EQ(m->low_level_code(server), 0);
  EXPECT_EQ(m->low_level_code(board), 1);
  EXPECT_EQ(m->low_level_code(gpu), 2);
  EXPECT_EQ(m->item(*m->FindItem("CPU-X86")).lead_time_days, 30);
  EXPECT_EQ(m->item(board).lead_time_days, -1);
  EXPECT_EQ(m->export_class_code(m->item(server).export_class), "4A090");
}

TEST(DatasetLoader, RoutingsStepsAndCalendar) {
  auto m = LoadTiny();
  ASSERT_NE(m, nullptr);
  const auto routings = m->routings_of(*m->FindItem("SRV-H200"));
  ASSERT_EQ(routings.size(), 2u);
  EXPECT_EQ(m->site(routings[0].site).code, "AUS");
  const auto steps = m->steps(routings[0]);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].step, 10);
  EXPECT_EQ(m->resource(steps[1].resource).code, "AUS-BURN");
  EXPECT_EQ(steps[1].duration_days, 3);
  EXPECT_EQ(m->steps(m->routings_of(*m->FindItem("BRD-H200"))[0])[0].usage_per_unit, 5000);  // 0.5
  const ResourceId build = *m->FindResource("AUS-BUILD");
  EXPECT_EQ(m->capacity(build, *ParseDate("2025-05-31")), 10 * kDecimalScale);
  EXPECT_EQ(m->capacity(build, *ParseDate("2025-06-01")), 20 * kDecimalScale);
  EXPECT_EQ(m->capacity(build, *ParseDate("2025-11-01")), 0);  // past the horizon
}

TEST(DatasetLoader, SupplyOrdersAndExport) {
  auto m = LoadTiny();
  ASSERT_NE(m, nullptr);
  const auto gpu_supply = m->supply_of(*m->FindItem("GPU-H200"));
  ASSERT_EQ(gpu_supply.size(), 3u);
  EXPECT_EQ(gpu_supply[0].kind, SupplyKind::kOnHand);
  EXPECT_EQ(gpu_supply[0].date, m->plan_start());  // empty on-hand date means plan_start
  EXPECT_EQ(gpu_supply[1].ref, "ALLOC-2025W23");
  ASSERT_EQ(m->lines().size(), 3u);
  const OrderLine& second = m->lines()[1];
  EXPECT_EQ(m->order_code(second.order), "SO-1");
  EXPECT_EQ(second.line, 2);
  EXPECT_EQ(second.unit_price, 3100005000);
  EXPECT_EQ(m->site(second.site).code, "AUS");
  EXPECT_FALSE(second.partial);
  EXPECT_TRUE(m->lines()[0].partial);
  EXPECT_EQ(m->lines()[2].priority, 5);    // default
  EXPECT_FALSE(m->lines()[2].partial);     // "n" is accepted
  EXPECT_EQ(m->backlog_value(), (4 * 310000 + 2 * 310000.5 + 8 * 300000) * kDecimalScale);
  const ExportClassId system_class = m->item(*m->FindItem("SRV-H200")).export_class;
  auto rule = [&](const char* country) {
    const auto id = m->FindCountry(country);
    return id ? m->export_rule(system_class, *id) : ExportRuleKind::kNone;
  };
  EXPECT_EQ(rule("CN"), ExportRuleKind::kLicence);
  EXPECT_EQ(rule("HK"), ExportRuleKind::kLicence);
  EXPECT_EQ(rule("RU"), ExportRuleKind::kProhibited);
  EXPECT_EQ(rule("US"), ExportRuleKind::kNone);
  ASSERT_EQ(m->licences().size(), 1u);
  EXPECT_EQ(m->licences()[0].status, LicenceStatus::kPending);
  EXPECT_EQ(m->customer_code(m->licences()[0].customer), "NEBULA");
}

TEST(DatasetLoader, ColumnsInAnyOrderAndOptionalFilesAbsent) {
  DatasetFiles files = Tiny();
  test::File(files, "sites.csv") = "name,country,site\nAustin,US,AUS\nMonterrey,MX,MEX\n";
  test::Remove(files, "resource_calendar.csv");
  test::Remove(files, "licences.csv");
  test::Remove(files, "export_rules.csv");
  test::Remove(files, "country_groups.csv");
  Diagnostics diagnostics;
  auto m = LoadDataset(files, diagnostics);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->site(SiteId(1)).name, "Monterrey");
  EXPECT_EQ(m->capacity(*m->FindResource("AUS-BUILD"), m->plan_start()), 20 * kDecimalScale);
  EXPECT_TRUE(m->licences().empty());
}

TEST(DatasetLoader, MissingFolderIsAnError) {
  Diagnostics diagnostics;
  EXPECT_EQ(LoadDataset(std::filesystem::path("/nonexistent/takt"), diagnostics), nullptr);
  ASSERT_EQ(diagnostics.kept().size(), 1u);
  EXPECT_EQ(diagnostics.kept()[0].code, "missing-dataset");
}

}  // namespace
}  // namespace takt
