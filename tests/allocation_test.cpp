// The allocation seam (plan/allocation.h): the built-in policies through it, another sequence, and
// guidance per line (site, due day), every plan checked by the independent checker.

#include <gtest/gtest.h>

#include <algorithm>

#include "check/check_plan.h"
#include "generate/generator.h"
#include "io/dataset_loader.h"
#include "plan/allocation.h"
#include "plan/candidate_sites.h"
#include "plan/line_order.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "test_data.h"

namespace takt {
namespace {

std::shared_ptr<const Model> Demo(uint64_t seed) { return test::DemoModel(seed); }

PlanFiles FilesOf(const Model& model, const Plan& plan) {
  return WritePlanFiles(model, plan, BuildReport(model, plan));
}

void ExpectClean(const Model& model, const Plan& plan) {
  Diagnostics violations(5);
  EXPECT_TRUE(CheckPlan(model, FilesOf(model, plan), violations));
  for (const Diagnostic& d : violations.kept()) ADD_FAILURE() << FormatDiagnostic(d);
}

/// The priority sequence backwards: the least urgent lines claim first.
class ReversedPriority final : public LineAllocation {
 public:
  const char* name() const override { return "reversed"; }
  std::vector<LineId> Sequence(const Model& model) const override {
    std::vector<LineId> s = PriorityAllocation().Sequence(model);
    std::reverse(s.begin(), s.end());
    return s;
  }
};

/// The priority sequence, with a fixed guidance for every line.
class Guided final : public LineAllocation {
 public:
  explicit Guided(std::function<LineGuidance(LineId)> guidance) : guidance_(std::move(guidance)) {}
  const char* name() const override { return "guided"; }
  std::vector<LineId> Sequence(const Model& model) const override { return PriorityAllocation().Sequence(model); }
  bool guides() const override { return true; }
  LineGuidance Guidance(LineId line) const override { return guidance_(line); }

 private:
  std::function<LineGuidance(LineId)> guidance_;
};

TEST(Allocation, BuiltInAllocationsPlanAsTheirPolicies) {
  auto model = Demo(2);
  ASSERT_NE(model, nullptr);
  for (const AllocationPolicy policy : {AllocationPolicy::kPriority, AllocationPolicy::kRevenue}) {
    PlanOptions options;
    options.policy = policy;
    const std::unique_ptr<LineAllocation> allocation = MakeAllocation(policy);
    EXPECT_STREQ(allocation->name(), AllocationPolicyName(policy));
    EXPECT_EQ(FilesOf(*model, PlanBacklog(*model, options, *allocation)),
              FilesOf(*model, PlanBacklog(*model, options)));
  }
}

TEST(Allocation, AnotherSequenceIsPlannedInItsOrderAndStaysFeasible) {
  auto model = Demo(2);
  ASSERT_NE(model, nullptr);
  const Plan reversed = PlanBacklog(*model, {}, ReversedPriority());
  std::vector<LineId> expected = PriorityAllocation().Sequence(*model);
  std::reverse(expected.begin(), expected.end());
  EXPECT_EQ(reversed.sequence, expected);
  ExpectClean(*model, reversed);
  // The order decides who gets what: the most urgent lines fare worse when they claim last.
  const Plan priority = PlanBacklog(*model, {});
  int64_t late_urgent_priority = 0, late_urgent_reversed = 0;
  for (size_t i = 0; i < model->lines().size(); ++i) {
    if (model->lines()[i].priority != 1) continue;
    late_urgent_priority += priority.outcomes[i].status != LineStatus::kOnTime;
    late_urgent_reversed += reversed.outcomes[i].status != LineStatus::kOnTime;
  }
  EXPECT_GT(late_urgent_reversed, late_urgent_priority);
}

TEST(Allocation, SiteGuidanceKeepsEachLineAtItsSite) {
  auto model = Demo(4);
  ASSERT_NE(model, nullptr);
  const std::vector<std::vector<SiteId>> candidates = CandidateSites(*model);
  // The last candidate site of each line's item: rarely the one the planner picks by itself.
  auto site_of = [&](LineId id) {
    const std::vector<SiteId>& sites = candidates[model->line(id).item.index()];
    return sites.empty() ? SiteId() : sites.back();
  };
  const Plan plan = PlanBacklog(*model, {}, Guided([&](LineId id) { return LineGuidance{site_of(id), -1}; }));
  ExpectClean(*model, plan);
  const Plan free = PlanBacklog(*model, {});
  size_t moved = 0, shipped = 0;
  for (size_t i = 0; i < model->lines().size(); ++i) {
    const LineId id(i);
    if (plan.outcomes[i].shipped_qty == 0) continue;
    ++shipped;
    const SiteId expected = model->line(id).site.valid() ? model->line(id).site : site_of(id);
    EXPECT_EQ(plan.outcomes[i].site, expected) << "line " << i;
    moved += free.outcomes[i].shipped_qty > 0 && free.outcomes[i].site != expected;
  }
  EXPECT_GT(shipped, model->lines().size() / 4);
  EXPECT_GT(moved, 0u);  // the guidance did change where lines ship
}

TEST(Allocation, DueDayGuidancePullsLinesInWithinTheEarlyShipWindow) {
  auto model = Demo(5);
  ASSERT_NE(model, nullptr);
  ASSERT_GE(model->settings().early_ship_days, 3);
  const Day start = model->plan_start();
  auto request = [&](LineId id) { return model->line(id).request_date - start; };
  const Plan plan = PlanBacklog(*model, {}, Guided([&](LineId id) { return LineGuidance{SiteId(), request(id) - 3}; }));
  ExpectClean(*model, plan);
  const Plan free = PlanBacklog(*model, {});
  size_t early_free = 0, early_guided = 0;
  for (size_t i = 0; i < model->lines().size(); ++i) {
    const LineId id(i);
    const LineOutcome& g = plan.outcomes[i];
    if (free.outcomes[i].shipped_qty > 0 && free.outcomes[i].planned_day < request(id)) ++early_free;
    if (g.shipped_qty > 0 && g.planned_day == request(id) - 3) ++early_guided;
    // Never before the earliest day the data allows.
    if (g.shipped_qty > 0) {
      EXPECT_GE(g.planned_day, request(id) - model->settings().early_ship_days) << "line " << i;
    }
  }
  EXPECT_EQ(early_free, 0u);  // by itself the planner ships on the request date, not before
  EXPECT_GT(early_guided, model->lines().size() / 10);
}

TEST(Allocation, DueDayAfterTheRequestIsIgnored) {
  auto model = Demo(5);
  ASSERT_NE(model, nullptr);
  const Day start = model->plan_start();
  const Plan plan = PlanBacklog(*model, {}, Guided([&](LineId id) {
    return LineGuidance{SiteId(), model->line(id).request_date - start + 10};
  }));
  EXPECT_EQ(FilesOf(*model, plan), FilesOf(*model, PlanBacklog(*model, {})));
}

}  // namespace
}  // namespace takt
