// Plans of generated factories, checked by the independent checker; determinism; the CLI.

#include <gtest/gtest.h>

#include "check/check_plan.h"
#include "generate/generator.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "test_data.h"

namespace takt {
namespace {

std::shared_ptr<const Model> Demo(uint64_t seed) { return test::DemoModel(seed); }

PlanFiles PlanFilesOf(const Model& model, const PlanOptions& options) {
  const Plan plan = PlanBacklog(model, options);
  return WritePlanFiles(model, plan, BuildReport(model, plan));
}

class GeneratedFactory : public testing::TestWithParam<int> {};

TEST_P(GeneratedFactory, PlanPassesTheChecker) {
  const int seed = GetParam();
  auto model = Demo(static_cast<uint64_t>(seed));
  ASSERT_NE(model, nullptr);
  PlanOptions options;
  options.policy = seed % 2 == 0 ? AllocationPolicy::kPriority : AllocationPolicy::kRevenue;
  options.licence_policy = seed % 3 == 0 ? LicencePolicy::kExpected : LicencePolicy::kConservative;
  const Plan plan = PlanBacklog(*model, options);
  const PlanFiles files = WritePlanFiles(*model, plan, BuildReport(*model, plan));
  Diagnostics violations(5);
  EXPECT_TRUE(CheckPlan(*model, files, violations)) << "seed " << seed;
  for (const Diagnostic& d : violations.kept()) ADD_FAILURE() << "seed " << seed << ": " << FormatDiagnostic(d);
  // A saturated factory: most lines ship, many of them late, each late line with a reason.
  int64_t shipped = 0;
  for (const LineOutcome& o : plan.outcomes) {
    if (o.status != LineStatus::kOnTime) {
      EXPECT_NE(o.reason.code, ReasonCode::kNone);
    }
    if (o.shipped_qty > 0) ++shipped;
  }
  EXPECT_GT(shipped, static_cast<int64_t>(model->lines().size()) * 3 / 4);
}

INSTANTIATE_TEST_SUITE_P(Seeds, GeneratedFactory, testing::Range(1, 7));

TEST(Planner, SameInputGivesByteIdenticalFiles) {
  auto model = Demo(3);
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(PlanFilesOf(*model, {}), PlanFilesOf(*model, {}));
}

TEST(Planner, QuarterTableKeepsTheBacklogIdentity) {
  auto model = Demo(4);
  ASSERT_NE(model, nullptr);
  const Plan plan = PlanBacklog(*model, {});
  const PlanReport report = BuildReport(*model, plan);
  Money shipped = 0;
  for (size_t q = 0; q < report.quarters.size(); ++q) {
    const QuarterFigures& f = report.quarters[q];
    EXPECT_EQ(f.backlog_end, f.backlog_start + f.booked - f.revenue);
    if (q > 0) {
      EXPECT_EQ(f.backlog_start, report.quarters[q - 1].backlog_end);
    }
    shipped += f.revenue;
  }
  EXPECT_EQ(shipped, report.revenue);  // the demo's quarters cover its horizon
  EXPECT_EQ(report.quarters.back().backlog_end, report.value - report.revenue);
}

TEST(Planner, RevenuePolicyRecognisesMoreRevenueInTheFirstQuarters) {
  auto model = Demo(1);
  ASSERT_NE(model, nullptr);
  PlanOptions revenue;
  revenue.policy = AllocationPolicy::kRevenue;
  const PlanReport by_priority = BuildReport(*model, PlanBacklog(*model, {}));
  const Plan plan = PlanBacklog(*model, revenue);
  const PlanReport by_revenue = BuildReport(*model, plan);
  const Money first_two_priority = by_priority.quarters[0].revenue + by_priority.quarters[1].revenue;
  const Money first_two_revenue = by_revenue.quarters[0].revenue + by_revenue.quarters[1].revenue;
  EXPECT_GE(first_two_revenue, first_two_priority);
}

}  // namespace
}  // namespace takt
