#include "scenario/comparison_report.h"

#include <gtest/gtest.h>

#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "generate/generator.h"
#include "scenario/scenario.h"
#include "test_data.h"

namespace takt {
namespace {

PlanView ViewOf(const DatasetFiles& dataset) {
  Diagnostics diagnostics;
  auto model = LoadDataset(dataset, diagnostics);
  EXPECT_NE(model, nullptr);
  const Plan plan = PlanBacklog(*model, {});
  PlanView view;
  EXPECT_TRUE(ReadPlanView(WritePlanFiles(*model, plan, BuildReport(*model, plan)), view, diagnostics));
  for (const Diagnostic& d : diagnostics.kept()) ADD_FAILURE() << FormatDiagnostic(d);
  return view;
}

TEST(PlanCompare, APlanAgainstItselfChangesNothing) {
  const PlanView view = ViewOf(test::Tiny());
  const PlanComparison c = ComparePlans(view, view);
  EXPECT_TRUE(c.changes.empty());
  EXPECT_EQ(c.unchanged_lines, 3);
  EXPECT_TRUE(c.appeared.empty());
  EXPECT_TRUE(c.gone.empty());
  for (const auto& q : c.quarters) EXPECT_EQ(q.revenue_base, q.revenue_scenario);
}

TEST(PlanCompare, ALineRequestedLaterMovesItsRevenueToTheNextQuarter) {
  DatasetFiles scenario = test::Tiny();
  test::Replace(scenario, "orders.csv", "310000.50,2025-04-01,2025-07-01", "310000.50,2025-04-01,2025-08-15");
  const PlanComparison c = ComparePlans(ViewOf(test::Tiny()), ViewOf(scenario));
  ASSERT_EQ(c.changes.size(), 1u);
  const LineChange& ch = c.changes[0];
  EXPECT_EQ(ch.order, "SO-1");
  EXPECT_EQ(ch.line, 2);
  EXPECT_EQ(ch.kind, LineChange::Kind::kLater);
  EXPECT_EQ(FormatDate(ch.before), "2025-07-01");
  EXPECT_EQ(FormatDate(ch.after), "2025-08-15");
  EXPECT_EQ(ch.revenue_moved, 620001 * kDecimalScale);
  ASSERT_EQ(c.quarters.size(), 2u);
  EXPECT_EQ(c.quarters[0].revenue_scenario - c.quarters[0].revenue_base, -620001 * kDecimalScale);
  EXPECT_EQ(c.quarters[1].revenue_scenario - c.quarters[1].revenue_base, 620001 * kDecimalScale);
  const std::string report = FormatComparison(c);
  EXPECT_NE(report.find("1 lines changed (0 earlier, 1 later"), std::string::npos) << report;
  EXPECT_NE(report.find("1 of them moved by more than a week; $620.0k of revenue changed quarter"), std::string::npos)
      << report;
  EXPECT_NE(report.find("SO-1/2 SRV-H200 later: 2025-07-01 -> 2025-08-15"), std::string::npos) << report;
  const DatasetFiles files = WriteComparison(c);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_NE(files[1].second.find("SO-1,2,SRV-H200,later,2025-07-01,2025-08-15,2,2,on_time,on_time,,,620001"),
            std::string::npos)
      << files[1].second;
}

TEST(PlanCompare, CancelledAndUnshippableLinesAreListed) {
  DatasetFiles scenario = test::Tiny();
  test::Replace(scenario, "orders.csv", "SO-1,2,ACME,SRV-H200,2,310000.50,2025-04-01,2025-07-01,1,US,AUS,N\n", "");
  test::Append(scenario, "orders.csv", "SO-3,1,ACME,SRV-H200,500,1,2025-04-01,2025-07-01,1,US,,N");
  const PlanComparison c = ComparePlans(ViewOf(test::Tiny()), ViewOf(scenario));
  bool cancelled = false, added = false;
  for (const LineChange& ch : c.changes) {
    if (ch.order == "SO-1" && ch.line == 2) cancelled = ch.kind == LineChange::Kind::kOnlyInBase;
    if (ch.order == "SO-3") added = ch.kind == LineChange::Kind::kOnlyInScenario && ch.status_after == "unplanned";
  }
  EXPECT_TRUE(cancelled);
  EXPECT_TRUE(added);
}

TEST(PlanCompare, ComparingPlansInMemoryEqualsComparingTheirFullViews) {
  Diagnostics diagnostics;
  auto base = LoadDataset(Generate({Scale::kDemo, 1}).files, diagnostics);
  ASSERT_NE(base, nullptr);
  const Plan base_plan = PlanBacklog(*base, {});
  const PlanReport base_report = BuildReport(*base, base_plan);
  const PlanView base_view = PlanViewOf(*base, base_plan, base_report);
  // Shared order arrays (receipts, rules) and edited ones (orders cancelled, changed, added).
  const char* scenarios[] = {
      "[[receipts]]\naction = \"delay\"\nitem = \"GPU-B200-SC\"\ndays = 28\n",
      "[[export_rules]]\naction = \"add\"\nexport_class = \"4A994\"\ndestination = \"CN-HK-MO\"\nrule = \"prohibited\"\n",
      "[[orders]]\naction = \"cancel\"\norder = \"SO-1000003\"\n[[orders]]\naction = \"change\"\norder = \"SO-1000010\"\n"
      "priority = 1\nunit_price = 1\n[[orders]]\naction = \"add\"\norder = \"SO-9000001\"\nline = 1\ncustomer = \"NEWCO\"\n"
      "item = \"SRV-B200-8G\"\nqty = 40\nunit_price = 320000\nrequest_date = 2025-07-01\npriority = 1\nship_to = \"DE\"\n",
  };
  for (const char* text : scenarios) {
    const auto s = ParseScenario(text, "s", *base, {}, diagnostics);
    for (const Diagnostic& d : diagnostics.kept()) ADD_FAILURE() << FormatDiagnostic(d);
    ASSERT_TRUE(s.has_value()) << text;
    const Plan plan = PlanBacklog(*s->model, s->options);
    const PlanReport report = BuildReport(*s->model, plan);
    const PlanComparison full = ComparePlans(base_view, PlanViewOf(*s->model, plan, report));
    const PlanComparison quick = ComparePlanned(*base, base_plan, base_report, *s->model, plan, report);
    ASSERT_GT(full.changes.size(), 0u) << text;
    ASSERT_EQ(quick.changes.size(), full.changes.size());
    EXPECT_EQ(quick.unchanged_lines, full.unchanged_lines);
    for (size_t i = 0; i < full.changes.size(); ++i) {
      const LineChange &a = full.changes[i], &b = quick.changes[i];
      EXPECT_EQ(a.order, b.order);
      EXPECT_EQ(a.line, b.line);
      EXPECT_EQ(a.kind, b.kind);
      EXPECT_EQ(a.revenue_moved, b.revenue_moved);
      EXPECT_EQ(a.reason_before, b.reason_before) << a.order << "/" << a.line;
      EXPECT_EQ(a.reason_after, b.reason_after) << a.order << "/" << a.line;
      EXPECT_EQ(a.status_after, b.status_after);
    }
    EXPECT_EQ(WriteComparison(quick), WriteComparison(full));
    EXPECT_EQ(FormatComparison(quick, 50), FormatComparison(full, 50));
  }
}

TEST(PlanCompare, AMissingPlanFileIsReported) {
  Diagnostics diagnostics;
  PlanView view;
  EXPECT_FALSE(ReadPlanView(std::filesystem::path("/nonexistent/plan"), view, diagnostics));
  EXPECT_TRUE(diagnostics.has_errors());
}

}  // namespace
}  // namespace takt
