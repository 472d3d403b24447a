// A what-if run reuses the base run for the lines a scenario's edits cannot reach. Whatever it
// reuses, the scenario's plan must be exactly the plan of its dataset planned from scratch.

#include "scenario/whatif.h"

#include <gtest/gtest.h>
#include <fmt/format.h>

#include <random>

#include "generate/generator.h"
#include "plan/divergence.h"
#include "plan/line_order.h"
#include "plan/planner.h"
#include "plan/promise_session.h"
#include "plan/plan_writer.h"
#include "scenario/comparison_report.h"
#include "test_data.h"

namespace takt {
namespace {

std::shared_ptr<const Model> Demo(uint64_t seed) {
  Diagnostics diagnostics;
  auto model = LoadDataset(Generate({Scale::kDemo, seed}).files, diagnostics);
  EXPECT_NE(model, nullptr);
  return model;
}

Scenario Parse(const std::string& text, const Model& base, const PlanOptions& options = {}) {
  Diagnostics diagnostics;
  auto s = ParseScenario(text, "test.toml", base, options, diagnostics);
  for (const Diagnostic& d : diagnostics.kept()) ADD_FAILURE() << FormatDiagnostic(d) << "\n" << text;
  EXPECT_TRUE(s.has_value()) << text;
  return s ? std::move(*s) : Scenario{};
}

/// Every vector of the plan, field by field (the plan files leave out some, such as the zero
/// purchases of rolled-back attempts, whose order decides purchase numbers).
void ExpectSamePlan(const Plan& a, const Plan& b, const std::string& what) {
  ASSERT_EQ(a.sequence.size(), b.sequence.size()) << what;
  for (size_t i = 0; i < a.sequence.size(); ++i) ASSERT_EQ(a.sequence[i], b.sequence[i]) << what << " position " << i;
  ASSERT_EQ(a.outcomes.size(), b.outcomes.size()) << what;
  for (size_t i = 0; i < a.outcomes.size(); ++i) {
    const LineOutcome &x = a.outcomes[i], &y = b.outcomes[i];
    ASSERT_TRUE(x.status == y.status && x.shipped_qty == y.shipped_qty && x.planned_day == y.planned_day &&
                x.site == y.site && x.reason.code == y.reason.code && x.reason.object == y.reason.object &&
                x.reason.site == y.reason.site && x.reason.qty == y.reason.qty && x.reason.from == y.reason.from &&
                x.reason.until == y.reason.until)
        << what << " line " << i;
  }
  ASSERT_EQ(a.shipments.size(), b.shipments.size()) << what;
  for (size_t i = 0; i < a.shipments.size(); ++i) {
    const Shipment &x = a.shipments[i], &y = b.shipments[i];
    ASSERT_TRUE(x.line == y.line && x.site == y.site && x.day == y.day && x.qty == y.qty) << what << " shipment " << i;
  }
  ASSERT_EQ(a.work_orders.size(), b.work_orders.size()) << what;
  for (size_t i = 0; i < a.work_orders.size(); ++i) {
    const WorkOrder &x = a.work_orders[i], &y = b.work_orders[i];
    ASSERT_TRUE(x.item == y.item && x.site == y.site && x.qty == y.qty && x.start == y.start && x.end == y.end &&
                x.line == y.line && x.first_operation == y.first_operation && x.operation_count == y.operation_count)
        << what << " work order " << i;
  }
  ASSERT_EQ(a.operations.size(), b.operations.size()) << what;
  for (size_t i = 0; i < a.operations.size(); ++i) {
    const Operation &x = a.operations[i], &y = b.operations[i];
    ASSERT_TRUE(x.step == y.step && x.start == y.start && x.end == y.end) << what << " operation " << i;
  }
  ASSERT_EQ(a.purchases.size(), b.purchases.size()) << what;
  for (size_t i = 0; i < a.purchases.size(); ++i) {
    const Purchase &x = a.purchases[i], &y = b.purchases[i];
    ASSERT_TRUE(x.item == y.item && x.site == y.site && x.day == y.day && x.qty == y.qty && x.direct == y.direct)
        << what << " purchase " << i;
  }
  ASSERT_EQ(a.consumptions.size(), b.consumptions.size()) << what;
  for (size_t i = 0; i < a.consumptions.size(); ++i) {
    const Consumption &x = a.consumptions[i], &y = b.consumptions[i];
    ASSERT_TRUE(x.line == y.line && x.item == y.item && x.site == y.site && x.day == y.day && x.qty == y.qty)
        << what << " consumption " << i;
  }
  ASSERT_EQ(a.standard_cost, b.standard_cost) << what;
}

/// Runs every scenario against one base and checks each plan, report and comparison against those
/// of its dataset planned from scratch. Returns how many lines each reused.
std::vector<size_t> ExpectExact(const std::shared_ptr<const Model>& base, const std::vector<Scenario>& scenarios,
                                const PlanOptions& options = {}) {
  const WhatIfBase what_if(base, options, scenarios);
  const Plan base_plan = PlanBacklog(*base, options);
  ExpectSamePlan(what_if.plan(), base_plan, "base");
  std::vector<size_t> reused;
  for (const Scenario& s : scenarios) {
    const WhatIfResult r = what_if.Run(s);
    const Plan scratch = PlanBacklog(*s.model, s.options);
    ExpectSamePlan(r.plan, scratch, s.name);
    const PlanReport report = BuildReport(*s.model, scratch);
    EXPECT_EQ(WritePlanFiles(*s.model, r.plan, r.report), WritePlanFiles(*s.model, scratch, report)) << s.name;
    EXPECT_EQ(WriteComparison(r.comparison),
              WriteComparison(ComparePlanned(*base, base_plan, BuildReport(*base, base_plan), *s.model, scratch, report)))
        << s.name;
    reused.push_back(r.lines_reused);
  }
  return reused;
}

/// The position in the base's planning sequence of the first line of an order.
size_t FirstPosition(const Model& m, const std::vector<LineId>& sequence, std::string_view order) {
  for (size_t k = 0; k < sequence.size(); ++k) {
    if (m.order_code(m.line(sequence[k]).order) == order) return k;
  }
  return sequence.size();
}

TEST(WhatIf, EveryKindOfEditPlansExactlyAsFromScratch) {
  const auto base = Demo(1);
  const std::vector<LineId> sequence = PlanningSequence(*base, PlanOptions{});
  // The order planned last, and one in the middle: cancelling them leaves the lines before them alone.
  const std::string last(base->order_code(base->line(sequence.back()).order));
  const std::string middle(base->order_code(base->line(sequence[sequence.size() / 2]).order));
  std::vector<Scenario> scenarios;
  const std::string texts[] = {
      "name = 'slip'\n[[receipts]]\naction = 'delay'\nitem = 'GPU-B200-SC'\ndays = 28\n",
      "name = 'scale'\n[[receipts]]\naction = 'scale'\nitem = 'GPU-H20'\nfactor = 0.5\n",
      "name = 'add-receipt'\n[[receipts]]\naction = 'add'\nitem = 'GPU-H200'\nsite = 'TPE'\ndate = 2025-09-01\n"
      "qty = 500\n",
      "name = 'capacity'\n[[capacity]]\nresource = 'AUS-RACK-INT'\nfrom = 2025-09-01\nadd_per_day = 2\n",
      "name = 'shutdown'\n[[capacity]]\nresource = 'AUS-BOARD'\nfrom = 2025-08-01\nto = 2025-08-14\n"
      "capacity_per_day = 0\n",
      "name = 'rule'\n[[export_rules]]\naction = 'add'\nexport_class = '4A994'\ndestination = 'CN-HK-MO'\n"
      "rule = 'licence'\n[[licences]]\naction = 'change'\nexport_class = '4A994'\nstatus = 'pending'\n"
      "date = 2025-12-31\n",
      "name = 'cancel-last'\n[[orders]]\naction = 'cancel'\norder = '" + last + "'\n",
      "name = 'cancel-middle'\n[[orders]]\naction = 'cancel'\norder = '" + middle + "'\n",
      "name = 'reprioritise'\n[[orders]]\naction = 'change'\norder = '" + middle + "'\npriority = 1\n",
      "name = 'win'\n[[orders]]\naction = 'add'\norder = 'SO-9000001'\nline = 1\ncustomer = 'NEWCO'\n"
      "item = 'SRV-B200-8G'\nqty = 24\nunit_price = 320000\nrequest_date = 2026-03-01\npriority = 9\nship_to = 'DE'\n",
      "name = 'early-ship'\n[settings]\nearly_ship_days = 14\n",
      "name = 'revenue-policy'\n[settings]\npolicy = 'revenue'\n",
      "name = 'nothing'\ndescription = 'no edit at all'\n",
  };
  for (const std::string& text : texts) scenarios.push_back(Parse(text, *base));
  const std::vector<size_t> reused = ExpectExact(base, scenarios);
  auto reused_by = [&](const std::string& name) {
    for (size_t i = 0; i < scenarios.size(); ++i) {
      if (scenarios[i].name == name) return reused[i];
    }
    return size_t{0};
  };
  // Lines before the cancelled order are the same lines reading the same state: reused.
  EXPECT_EQ(reused_by("cancel-last"), FirstPosition(*base, sequence, last));
  EXPECT_EQ(reused_by("cancel-middle"), FirstPosition(*base, sequence, middle));
  EXPECT_GT(reused_by("win"), sequence.size() / 2);  // priority 9 goes near the end
  EXPECT_EQ(reused_by("nothing"), sequence.size());  // every line: the base's plan
  // Settings reach every line.
  EXPECT_EQ(reused_by("early-ship"), 0u);
  EXPECT_EQ(reused_by("revenue-policy"), 0u);
}

TEST(WhatIf, RandomScenariosPlanExactlyAsFromScratch) {
  for (const uint64_t seed : {2u, 3u}) {
    const auto base = Demo(seed);
    std::mt19937_64 rng(seed);
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    auto date = [&](int from_day, int days) { return FormatDate(base->plan_start() + from_day + static_cast<int>(pick(days))); };
    std::vector<Scenario> scenarios;
    for (int i = 0; i < 10; ++i) {
      std::string text = fmt::format("name = 'random-{}'\n", i);
      const int edits = 1 + static_cast<int>(pick(2));
      for (int e = 0; e < edits; ++e) {
        const OrderLine& l = base->lines()[pick(base->lines().size())];
        switch (pick(6)) {
          case 0: {  // receipts of an item of the supply, over a date range
            const Supply& s = base->supply()[pick(base->supply().size())];
            text += fmt::format("[[receipts]]\naction = 'delay'\nitem = '{}'\nfrom = {}\ndays = {}\n",
                                base->item(s.item).code, date(0, 300), static_cast<int>(pick(60)) - 20);
            break;
          }
          case 1: {
            const Resource& r = base->resources()[pick(base->resources().size())];
            text += fmt::format("[[capacity]]\nresource = '{}'\nfrom = {}\nadd_per_day = {}\n", r.code, date(0, 400),
                                static_cast<int>(pick(5)) - 2 == 0 ? 1 : static_cast<int>(pick(5)) + 1);
            break;
          }
          case 2:
            text += fmt::format("[[orders]]\naction = 'cancel'\norder = '{}'\n", base->order_code(l.order));
            break;
          case 3:
            text += fmt::format("[[orders]]\naction = 'change'\norder = '{}'\npriority = {}\n", base->order_code(l.order),
                                1 + pick(9));
            break;
          case 4:
            text += fmt::format(
                "[[orders]]\naction = 'add'\norder = 'SO-99{:05}'\nline = 1\ncustomer = '{}'\nitem = '{}'\nqty = {}\n"
                "unit_price = 1000\nrequest_date = {}\npriority = {}\nship_to = '{}'\n",
                i * 10 + e, base->customer_code(l.customer), base->item(l.item).code, 1 + pick(40), date(30, 500),
                1 + pick(9), base->country_code(l.ship_to));
            break;
          default: {
            const Licence& lic = base->licences()[pick(base->licences().size())];
            text += fmt::format("[[licences]]\naction = 'change'\nlicence = '{}'\nstatus = '{}'\ndate = {}\n", lic.code,
                                pick(2) == 0 ? "approved" : "pending", date(0, 400));
          }
        }
      }
      scenarios.push_back(Parse(text, *base));
    }
    const std::vector<size_t> reused = ExpectExact(base, scenarios);
    size_t total = 0;
    for (size_t r : reused) total += r;
    EXPECT_GT(total, 0u) << "seed " << seed << ": no scenario reused anything, so nothing was tested";
  }
}

TEST(WhatIf, AScenarioTheBaseDidNotKnowIsPlannedInFull) {
  const auto base = Demo(1);
  const WhatIfBase what_if(base, {});
  const Scenario s = Parse("name = 'late'\n[[capacity]]\nresource = 'TPE-BURN-IN'\nfrom = 2026-01-01\nadd_per_day = 5\n",
                           *base);
  const WhatIfResult r = what_if.Run(s);
  EXPECT_EQ(r.lines_reused, 0u);
  ExpectSamePlan(r.plan, PlanBacklog(*s.model, s.options), s.name);
}

TEST(WhatIf, ALivePlannersCheckpointsStartScenariosThatChangeNoLedger) {
  const auto base = Demo(1);
  PromiseSession planner(*base, {}, 4);
  ExpectSamePlan(planner.plan(), PlanBacklog(*base, {}), "planner with checkpoints");
  const std::vector<LineId>& sequence = planner.plan().sequence;
  const Plan base_plan = planner.plan();
  // A committed quote changes the live planner, not its checkpoints.
  QuoteRequest quote;
  quote.item = base->line(sequence[0]).item;
  quote.qty = 5;
  quote.ship_to = base->line(sequence[0]).ship_to;
  planner.Commit(quote);
  const std::string last(base->order_code(base->line(sequence.back()).order));
  const std::string middle(base->order_code(base->line(sequence[sequence.size() / 2]).order));
  const struct {
    std::string text;
    bool reuses;
  } cases[] = {
      {"[[orders]]\naction = 'cancel'\norder = '" + last + "'\n", true},
      {"[[orders]]\naction = 'cancel'\norder = '" + middle + "'\n", true},
      {"[[orders]]\naction = 'change'\norder = '" + last + "'\npriority = 9\n", true},
      {"[[licences]]\naction = 'change'\nexport_class = '4A994'\nstatus = 'denied'\ndate = 2025-06-01\n", false},
      {"[[receipts]]\naction = 'delay'\nitem = 'GPU-H100'\ndays = 7\n", false},  // changes the ledgers
  };
  for (const auto& c : cases) {
    const Scenario s = Parse(c.text, *base);
    const Divergence d = FindDivergence(*base, {}, sequence, *s.model, s.options);
    const ScenarioStart start = planner.CheckpointFor(d);
    EXPECT_LE(start.prefix, d.limit) << c.text;
    if (c.reuses) {
      EXPECT_GT(start.prefix, 0u) << c.text;
    }
    if (!d.stock_points.empty()) {
      EXPECT_EQ(start.state, nullptr) << c.text;
    }
    ExpectSamePlan(PlanScenario(*s.model, s.options, d.sequence, *base, base_plan, start),
                   PlanBacklog(*s.model, s.options), c.text);
  }
}

TEST(WhatIf, ThePolicyOfTheBaseIsTheScenarios) {
  const auto base = Demo(1);
  PlanOptions options;
  options.policy = AllocationPolicy::kRevenue;
  options.licence_policy = LicencePolicy::kExpected;
  std::vector<Scenario> scenarios;
  scenarios.push_back(Parse("name = 'slip'\n[[receipts]]\naction = 'delay'\nitem = 'GPU-H100'\ndays = 14\n", *base, options));
  scenarios.push_back(Parse("name = 'none'\n", *base, options));
  const std::vector<size_t> reused = ExpectExact(base, scenarios, options);
  EXPECT_EQ(reused[1], base->lines().size());
}

}  // namespace
}  // namespace takt
