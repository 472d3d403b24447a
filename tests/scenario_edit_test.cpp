// What-if scenario files: every edit applied as written, every mistake reported with its place,
// and nothing applied when anything is wrong.

#include <gtest/gtest.h>

#include "plan/planner.h"
#include "scenario/scenario.h"
#include "test_data.h"

namespace takt {
namespace {

std::shared_ptr<const Model> Tiny() {
  Diagnostics diagnostics;
  return LoadDataset(test::Tiny(), diagnostics);
}

std::vector<std::string> Problems(const std::string& text, bool* applied = nullptr) {
  auto base = Tiny();
  Diagnostics diagnostics(100);
  const auto scenario = ParseScenario(text, "s.toml", *base, {}, diagnostics);
  if (applied != nullptr) *applied = scenario.has_value();
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.kept()) out.push_back(FormatDiagnostic(d));
  return out;
}

TEST(ScenarioEdits, ReceiptsDelayedScaledAddedRemoved) {
  auto base = Tiny();
  Diagnostics diagnostics;
  const auto s = ParseScenario(R"(
name = "supply"
[[receipts]]
action = "delay"
item = "GPU-H200"
site = "AUS"
days = 14
[[receipts]]
action = "scale"
ref = "ALLOC-2025W24"
factor = 0.5
[[receipts]]
action = "add"
item = "GPU-H200"
site = "MEX"
date = 2025-07-01
qty = 16
ref = "EXTRA"
)",
                               "s.toml", *base, {}, diagnostics);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(diagnostics.error_count() + diagnostics.warning_count(), 0);
  EXPECT_EQ(s->name, "supply");
  ASSERT_EQ(s->applied.size(), 3u);
  EXPECT_EQ(s->applied[0], "delay 1 receipt (128 units) of GPU-H200 by 14 days");
  const auto gpu = s->model->supply_of(*s->model->FindItem("GPU-H200"));
  std::vector<std::string> rows;
  for (const Supply& r : gpu) {
    rows.push_back(s->model->site(r.site).code + " " + FormatDate(r.date) + " " + std::to_string(r.qty) + " " + r.ref);
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"AUS 2025-05-03 64 ", "AUS 2025-06-16 128 ALLOC-2025W23",
                                            "MEX 2025-06-09 32 ALLOC-2025W24", "MEX 2025-07-01 16 EXTRA"}));
  // Orders were not edited: the scenario shares the base's order array.
  EXPECT_EQ(s->model->lines().data(), base->lines().data());
}

TEST(ScenarioEdits, CapacityAddedOnTopOfTheCalendar) {
  auto base = Tiny();
  Diagnostics diagnostics;
  const auto s = ParseScenario("[[capacity]]\nresource = \"AUS-BUILD\"\nfrom = 2025-05-20\nto = 2025-06-10\n"
                               "add_per_day = 5\n",
                               "s.toml", *base, {}, diagnostics);
  ASSERT_TRUE(s.has_value());
  const ResourceId r = *s->model->FindResource("AUS-BUILD");
  EXPECT_EQ(s->model->capacity(r, *ParseDate("2025-05-19")), 10 * kDecimalScale);  // the calendar's ramp-up
  EXPECT_EQ(s->model->capacity(r, *ParseDate("2025-05-20")), 15 * kDecimalScale);
  EXPECT_EQ(s->model->capacity(r, *ParseDate("2025-06-10")), 25 * kDecimalScale);
  EXPECT_EQ(s->model->capacity(r, *ParseDate("2025-06-11")), 20 * kDecimalScale);
}

TEST(ScenarioEdits, LicencesRulesOrdersAndSettings) {
  auto base = Tiny();
  Diagnostics diagnostics;
  const auto s = ParseScenario(R"(
[settings]
early_ship_days = 10
policy = "revenue"
[[licences]]
action = "change"
licence = "L-1"
status = "approved"
date = 2025-06-01
[[export_rules]]
action = "add"
export_class = "4A090"
destination = "MX"
rule = "prohibited"
[[orders]]
action = "cancel"
order = "SO-1"
line = 2
[[orders]]
action = "add"
order = "SO-9"
line = 1
customer = "NEWCO"
item = "SRV-H200"
qty = 3
unit_price = 305000
request_date = 2025-08-01
ship_to = "DE"
)",
                               "s.toml", *base, {}, diagnostics);
  ASSERT_TRUE(s.has_value()) << diagnostics.error_count();
  EXPECT_EQ(s->model->settings().early_ship_days, 10);
  EXPECT_EQ(s->options.policy, AllocationPolicy::kRevenue);
  EXPECT_EQ(s->model->licences()[0].status, LicenceStatus::kApproved);
  EXPECT_EQ(s->model->export_rule(s->model->item(*s->model->FindItem("SRV-H200")).export_class,
                                  *s->model->FindCountry("MX")),
            ExportRuleKind::kProhibited);
  ASSERT_EQ(s->model->lines().size(), 3u);
  EXPECT_EQ(s->model->order_code(s->model->lines()[2].order), "SO-9");
  EXPECT_EQ(s->model->customer_code(s->model->lines()[2].customer), "NEWCO");
  // The base is untouched.
  EXPECT_EQ(base->lines().size(), 3u);
  EXPECT_EQ(base->licences()[0].status, LicenceStatus::kPending);
  // The approved licence lets NEBULA's line ship.
  const Plan plan = PlanBacklog(*s->model, s->options);
  EXPECT_NE(plan.outcomes[1].status, LineStatus::kUnplanned);
}

TEST(ScenarioEdits, MistakesAreReportedWithTheirPlaceAndNothingIsApplied) {
  bool applied = true;
  EXPECT_EQ(Problems(R"(
[[capacity]]
resource = "AUS-BUILDING"
from = 2025-06-01
capacity_per_day = 4
[[receipts]]
action = "delay"
item = "GPU-H200"
from = 2026-01-01
days = 7
[[licences]]
action = "add"
licence = "L-1"
customer = "NEBULA"
export_class = "4A090"
destination = "CN"
status = "approved"
date = 2025-06-01
[[orders]]
action = "change"
order = "SO-7"
priority = 1
)",
                     &applied),
            (std::vector<std::string>{
                // Edits are applied (and checked) by kind: settings, receipts, capacity, rules, licences, orders.
                "s.toml:6 [action] error no-match: no receipt matches this edit\n"
                "    hint: check item, site, ref and the from/to dates against supply.csv",
                "s.toml:3 [resource] error unknown-reference: resource 'AUS-BUILDING' is not in the dataset\n"
                "    hint: did you mean 'AUS-BUILD'?",
                "s.toml:11 [licence] error duplicate-key: licence 'L-1' already exists\n"
                "    hint: use action = \"change\" to change it",
                "s.toml:21 [order] error unknown-reference: order 'SO-7' is not in orders.csv"}));
  EXPECT_FALSE(applied);
}

TEST(ScenarioEdits, BadTomlAndUnknownKeys) {
  bool applied = true;
  const auto bad = Problems("[[receipts]\naction = \"delay\"\n", &applied);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].rfind("s.toml:1 error bad-scenario: not valid TOML:", 0), 0u) << bad[0];
  EXPECT_FALSE(applied);
  EXPECT_EQ(Problems("[[receipts]]\naction = \"delay\"\nitem = \"GPU-H200\"\ndayz = 3\ndays = 3\n", &applied),
            (std::vector<std::string>{"s.toml:4 [dayz] warning unknown-key: 'dayz' is not a key of [[receipts]]; it is "
                                      "ignored\n    hint: did you mean 'days'?"}));
  EXPECT_TRUE(applied);
  EXPECT_EQ(Problems("[[orders]]\norder = \"SO-1\"\n", &applied),
            (std::vector<std::string>{"s.toml:1 [action] error missing-value: 'action' is required here"}));
  EXPECT_FALSE(applied);
  EXPECT_EQ(Problems("[[receipts]]\naction = \"postpone\"\nitem = \"GPU-H200\"\n", &applied),
            (std::vector<std::string>{"s.toml:2 [action] error bad-value: action 'postpone' is not one of 'delay', "
                                      "'scale', 'add', 'remove'"}));
}

}  // namespace
}  // namespace takt

#include "check/check_plan.h"
#include "generate/generator.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"

namespace takt {
namespace {

TEST(ScenarioEdits, DemoScenariosPlanCleanly) {
  Diagnostics diagnostics;
  auto base = LoadDataset(Generate({Scale::kDemo, 1}).files, diagnostics);
  ASSERT_NE(base, nullptr);
  for (const char* file : {"h20-licence-required.toml", "gb200-supply-slip.toml", "add-integration-capacity.toml"}) {
    Diagnostics problems;
    const auto s = LoadScenario(test::SourceDir() / "scenarios" / file, *base, {}, problems);
    ASSERT_TRUE(s.has_value()) << file;
    EXPECT_EQ(problems.error_count() + problems.warning_count(), 0) << file;
    EXPECT_EQ(s->model->lines().data(), base->lines().data()) << file;  // orders shared, not copied
    const Plan plan = PlanBacklog(*s->model, s->options);
    Diagnostics violations(5);
    EXPECT_TRUE(CheckPlan(*s->model, WritePlanFiles(*s->model, plan, BuildReport(*s->model, plan)), violations))
        << file;
    for (const Diagnostic& d : violations.kept()) ADD_FAILURE() << file << ": " << FormatDiagnostic(d);
  }
}

}  // namespace
}  // namespace takt
