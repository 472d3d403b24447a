// The plan checker (src/check) on hand-written plans for the tiny dataset: one feasible plan that
// passes, then one edit per planning rule, each pinning the exact violation it must produce.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "check/check_plan.h"
#include "test_data.h"

namespace takt {
namespace {

using Lines = std::vector<std::string>;

bool Has(const Lines& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// A feasible plan for tests/data/tiny (plan_start 2025-05-03, horizon to 2025-10-31, 3 early-ship days):
// - SO-1 line 1 (4 x SRV-H200, partial Y, requested 2025-06-15): boards WO-1 and servers WO-2 at AUS, shipped
//   2 on 2025-06-12 (the earliest allowed) and 2 on 2025-06-20, so the line is 5 days late.
// - SO-1 line 2 (2 x SRV-H200, must ship from AUS, partial N, requested 2025-07-01): WO-3 and WO-4, shipped
//   whole on 2025-06-28.
// - SO-2 line 1 (8 to NEBULA in CN) needs licence L-1, which is pending: under the conservative policy it
//   does not ship.
// GPUs come from the 64 on hand, CPUs (30-day lead time) and chassis (20 days) are bought; capacity peaks at
// 6 of AUS-BUILD's 20 on 2025-06-03. Standard cost of SRV-H200: 8 x 30000 + 2 x 3000 + 1500 = 247500.
const char* const kWorkOrders =
    "work_order,item,site,qty,start,end,order,line\n"
    "WO-0000001,BRD-H200,AUS,4,2025-06-02,2025-06-02,SO-1,1\n"
    "WO-0000002,SRV-H200,AUS,4,2025-06-03,2025-06-06,SO-1,1\n"
    "WO-0000003,BRD-H200,AUS,2,2025-06-02,2025-06-02,SO-1,2\n"
    "WO-0000004,SRV-H200,AUS,2,2025-06-03,2025-06-06,SO-1,2\n";

const char* const kOperations =
    "work_order,step,resource,start,end,qty\n"
    "WO-0000001,10,AUS-BUILD,2025-06-02,2025-06-02,4\n"
    "WO-0000002,10,AUS-BUILD,2025-06-03,2025-06-03,4\n"
    "WO-0000002,20,AUS-BURN,2025-06-04,2025-06-06,4\n"
    "WO-0000003,10,AUS-BUILD,2025-06-02,2025-06-02,2\n"
    "WO-0000004,10,AUS-BUILD,2025-06-03,2025-06-03,2\n"
    "WO-0000004,20,AUS-BURN,2025-06-04,2025-06-06,2\n";

const char* const kPurchases =
    "item,site,date,qty,purchase\n"
    "CHASSIS-4U,AUS,2025-05-23,6,PO-0000001\n"
    "CPU-X86,AUS,2025-06-02,12,PO-0000002\n";

const char* const kShipments =
    "order,line,item,site,ship_date,qty,revenue,cost\n"
    "SO-1,1,SRV-H200,AUS,2025-06-12,2,620000,495000\n"
    "SO-1,1,SRV-H200,AUS,2025-06-20,2,620000,495000\n"
    "SO-1,2,SRV-H200,AUS,2025-06-28,2,620001,495000\n";

const char* const kOrderStatus =
    "order,line,item,qty,request_date,planned_date,shipped_qty,status,days_late,reason_code,reason\n"
    "SO-1,1,SRV-H200,4,2025-06-15,2025-06-20,4,late,5,capacity,AUS-BURN at site AUS full 2025-06-10..2025-06-16\n"
    "SO-1,2,SRV-H200,2,2025-07-01,2025-06-28,2,on_time,0,,\n"
    "SO-2,1,SRV-H200,8,2025-07-01,,0,unplanned,,licence_pending,\"licence L-1 for CN pending, expected "
    "2025-09-30\"\n";

const char* const kPegging =
    "order,line,item,site,date,qty,source_kind,source\n"
    "SO-1,1,BRD-H200,AUS,2025-06-03,4,work_order,WO-0000001\n"
    "SO-1,1,CHASSIS-4U,AUS,2025-06-03,4,purchase,PO-0000001\n"
    "SO-1,1,CPU-X86,AUS,2025-06-03,8,purchase,PO-0000002\n"
    "SO-1,1,GPU-H200,AUS,2025-06-02,32,onhand,\n"
    "SO-1,1,SRV-H200,AUS,2025-06-12,2,work_order,WO-0000002\n"
    "SO-1,1,SRV-H200,AUS,2025-06-20,2,work_order,WO-0000002\n"
    "SO-1,2,BRD-H200,AUS,2025-06-03,2,work_order,WO-0000003\n"
    "SO-1,2,CHASSIS-4U,AUS,2025-06-03,2,purchase,PO-0000001\n"
    "SO-1,2,CPU-X86,AUS,2025-06-03,4,purchase,PO-0000002\n"
    "SO-1,2,GPU-H200,AUS,2025-06-02,16,onhand,\n"
    "SO-1,2,SRV-H200,AUS,2025-06-28,2,work_order,WO-0000004\n";

// Revenue 2 x 310000 + 2 x 310000 + 2 x 310000.5 = 1860001, cost 6 x 247500 = 1485000. Every line was
// booked before FY26Q2, so its backlog_start is the whole book, 4260001.
const char* const kSummary = R"({
  "currency": "USD", "plan_start": "2025-05-03", "horizon_end": "2025-10-31",
  "policy": "priority", "licence_policy": "conservative",
  "quarters": [
    { "quarter": "FY26Q2", "start": "2025-05-03", "end": "2025-08-01", "revenue": 1860001.0, "cost": 1485000.0,
      "margin": 375001.0, "margin_pct": 20.16, "units_shipped": 6, "lines_shipped": 2,
      "booked": 0.0, "backlog_start": 4260001.0, "backlog_end": 2400000.0 },
    { "quarter": "FY26Q3", "start": "2025-08-02", "end": "2025-10-31", "revenue": 0.0, "cost": 0.0,
      "margin": 0.0, "margin_pct": 0.0, "units_shipped": 0, "lines_shipped": 0,
      "booked": 0.0, "backlog_start": 2400000.0, "backlog_end": 2400000.0 }
  ],
  "totals": { "lines": 3, "value": 4260001.0, "lines_on_time": 1, "lines_late": 1, "lines_unplanned": 1,
              "on_time_rate_lines": 0.3333, "on_time_rate_value": 0.1455, "value_on_time": 620001.0,
              "avg_days_late": 5.0, "revenue": 1860001.0, "unplanned_value": 2400000.0 },
  "top_constraints": [
    { "reason_code": "licence_pending", "constraint": "L-1", "reason": "licence L-1 for CN pending, expected 2025-09-30",
      "lines": 1, "value": 2400000.0 },
    { "reason_code": "capacity", "constraint": "AUS-BURN", "reason": "AUS-BURN at site AUS full 2025-06-10..2025-06-16",
      "lines": 1, "value": 1240000.0 }
  ]
}
)";

PlanFiles CleanPlan() {
  return {{"work_orders.csv", kWorkOrders}, {"operations.csv", kOperations},    {"purchases.csv", kPurchases},
          {"shipments.csv", kShipments},    {"order_status.csv", kOrderStatus}, {"pegging.csv", kPegging},
          {"summary.json", kSummary}};
}

std::string& PlanFile(PlanFiles& plan, const std::string& name) {
  for (auto& [file, content] : plan) {
    if (file == name) return content;
  }
  ADD_FAILURE() << "no plan file " << name;
  static std::string none;
  return none;
}

/// Replaces the first occurrence of `from`, which must be present.
void Edit(PlanFiles& plan, const std::string& name, const std::string& from, const std::string& to) {
  std::string& content = PlanFile(plan, name);
  const size_t at = content.find(from);
  ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << name;
  content.replace(at, from.size(), to);
}

struct CheckResult {
  bool clean = false;
  std::vector<std::string> errors;    ///< formatted, in report order
  std::vector<std::string> warnings;  ///< formatted
  std::set<std::string> codes;        ///< codes of the errors
  CheckCounts counts;

  /// The formatted errors with this code.
  std::vector<std::string> Of(const std::string& code) const {
    std::vector<std::string> out;
    for (const std::string& e : errors) {
      if (e.find(" error " + code + ": ") != std::string::npos) out.push_back(e);
    }
    return out;
  }
};

CheckResult Check(const PlanFiles& plan, const DatasetFiles& dataset = test::Tiny()) {
  CheckResult result;
  Diagnostics load(1000);
  auto model = LoadDataset(dataset, load);
  EXPECT_NE(model, nullptr) << "the test dataset must load";
  if (!model) return result;
  Diagnostics violations(1000);
  result.clean = CheckPlan(*model, plan, violations, &result.counts);
  for (const Diagnostic& d : violations.kept()) {
    (d.severity == Severity::kError ? result.errors : result.warnings).push_back(FormatDiagnostic(d));
    if (d.severity == Severity::kError) result.codes.insert(d.code);
  }
  EXPECT_EQ(result.clean, !violations.has_errors());
  return result;
}

std::set<std::string> Codes(std::initializer_list<const char*> codes) { return {codes.begin(), codes.end()}; }

// --- the clean plan --------------------------------------------------------------------------------------------

TEST(PlanChecker, CleanPlanPasses) {
  const CheckResult r = Check(CleanPlan());
  EXPECT_TRUE(r.clean);
  EXPECT_EQ(r.errors, Lines{});
  EXPECT_EQ(r.warnings, Lines{});
  EXPECT_EQ(r.counts.shipments, 3);
  EXPECT_EQ(r.counts.work_orders, 4);
  EXPECT_EQ(r.counts.operations, 6);
  EXPECT_EQ(r.counts.purchases, 2);
  EXPECT_EQ(r.counts.order_status, 3);
  EXPECT_EQ(r.counts.pegging, 11);
}

TEST(PlanChecker, CleanPlanPassesFromFolder) {
  const auto dir = std::filesystem::temp_directory_path() / "takt-plan-checker-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& [name, content] : CleanPlan()) std::ofstream(dir / name, std::ios::binary) << content;
  Diagnostics load;
  auto model = LoadDataset(test::SourceDir() / "tests/data/tiny", load);
  ASSERT_NE(model, nullptr);
  {
    Diagnostics violations;
    EXPECT_TRUE(CheckPlan(*model, dir, violations));
    EXPECT_EQ(violations.error_count(), 0);
  }
  std::filesystem::remove(dir / "pegging.csv");
  {
    Diagnostics violations;
    EXPECT_FALSE(CheckPlan(*model, dir, violations));
    ASSERT_EQ(violations.kept().size(), 1u);
    EXPECT_EQ(FormatDiagnostic(violations.kept()[0]),
              "pegging.csv error missing-file: the plan has no pegging.csv\n"
              "    hint: write the plan with 'takt plan DIR --out PLANDIR' and check that folder");
  }
  std::filesystem::remove_all(dir);
}

TEST(PlanChecker, ExpectedLicencePolicyLetsAPendingLicenceShipFromItsDate) {
  // SO-1 line 1 goes to CN instead, and L-1 (pending, expected 2025-06-01) is ACME's.
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "orders.csv", "2025-06-15,1,US", "2025-06-15,1,CN");
  test::Replace(dataset, "licences.csv", "L-1,NEBULA,4A090,CN,pending,2025-09-30",
                "L-1,ACME,4A090,CN,pending,2025-06-01");
  {
    const CheckResult r = Check(CleanPlan(), dataset);
    EXPECT_EQ(r.codes, Codes({"export-unlicensed"}));
    EXPECT_EQ(r.Of("export-unlicensed"),
              Lines({"shipments.csv:2 [ship_date] error export-unlicensed: order SO-1 line 1 ships SRV-H200 "
                     "(4A090) to CN on 2025-06-12 without a valid licence for customer ACME\n"
                     "    hint: licence L-1 is pending (expected 2025-06-01); the conservative licence policy "
                     "counts only approved licences",
                     "shipments.csv:3 [ship_date] error export-unlicensed: order SO-1 line 1 ships SRV-H200 "
                     "(4A090) to CN on 2025-06-20 without a valid licence for customer ACME\n"
                     "    hint: licence L-1 is pending (expected 2025-06-01); the conservative licence policy "
                     "counts only approved licences"}));
  }
  PlanFiles plan = CleanPlan();
  Edit(plan, "summary.json", "\"licence_policy\": \"conservative\"", "\"licence_policy\": \"expected\"");
  EXPECT_EQ(Check(plan, dataset).errors, Lines{});
}

// --- material ----------------------------------------------------------------------------------------------------

TEST(PlanChecker, MaterialBelowZeroNamesItemSiteFirstDayAndShortfall) {
  // 40 GPUs on hand and the receipt a week later: the boards starting 2025-06-02 need 48.
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "supply.csv", "GPU-H200,AUS,,64,onhand,", "GPU-H200,AUS,,40,onhand,");
  test::Replace(dataset, "supply.csv", "GPU-H200,AUS,2025-06-02", "GPU-H200,AUS,2025-06-09");
  const CheckResult r = Check(CleanPlan(), dataset);
  EXPECT_FALSE(r.clean);
  EXPECT_EQ(r.codes, Codes({"material-negative", "pegging-source"}));
  EXPECT_EQ(r.Of("material-negative"),
            Lines({"work_orders.csv:2 error material-negative: GPU-H200 at site AUS goes below zero on "
                   "2025-06-02: short by 8"}));
  // The pegging claims 48 of the 40 on hand.
  EXPECT_EQ(r.Of("pegging-source"),
            Lines({"pegging.csv:11 [source] error pegging-source: GPU-H200 at site AUS has 40 on hand; "
                   "pegging.csv draws 48 from it by this row"}));
}

TEST(PlanChecker, ShipmentBeforeOutputIsAShortageOfTheProduct) {
  // The second server work order ends a day before SO-1 line 2 ships: fine. Delay it past the ship date.
  PlanFiles plan = CleanPlan();
  Edit(plan, "work_orders.csv", "WO-0000004,SRV-H200,AUS,2,2025-06-03,2025-06-06",
       "WO-0000004,SRV-H200,AUS,2,2025-06-03,2025-06-28");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("material-negative"),
            Lines({"shipments.csv:4 error material-negative: SRV-H200 at site AUS goes below zero on "
                   "2025-06-28: short by 2"}));
  EXPECT_EQ(r.codes, Codes({"material-negative", "work-order-dates", "pegging-source"}));
}

// --- capacity ----------------------------------------------------------------------------------------------------

TEST(PlanChecker, CapacityExceededNamesResourceDayLoadAndCapacity) {
  DatasetFiles dataset = test::Tiny();
  test::Append(dataset, "resource_calendar.csv", "AUS-BUILD,2025-06-03,2025-06-03,5.5");
  test::Append(dataset, "resource_calendar.csv", "AUS-BURN,2025-06-01,2025-06-30,5");
  const CheckResult r = Check(CleanPlan(), dataset);
  EXPECT_EQ(r.codes, Codes({"capacity-exceeded"}));
  EXPECT_EQ(r.errors, Lines({"operations.csv:3 [resource] error capacity-exceeded: resource AUS-BUILD at site AUS is "
                             "loaded 6 on 2025-06-03, over its capacity of 5.5",
                             "operations.csv:4 [resource] error capacity-exceeded: resource AUS-BURN at site AUS is "
                             "loaded 6 on 2025-06-04, over its capacity of 5 (over capacity 2025-06-04..2025-06-06)"}));
}

TEST(PlanChecker, CapacityCountsFractionalUsage) {
  // Boards use 0.5 of a build station each: 6 boards on 2025-06-02 load 3. A capacity of 2.9999 is short.
  DatasetFiles dataset = test::Tiny();
  test::Append(dataset, "resource_calendar.csv", "AUS-BUILD,2025-06-02,2025-06-02,2.9999");
  EXPECT_EQ(Check(CleanPlan(), dataset).errors,
            Lines({"operations.csv:2 [resource] error capacity-exceeded: resource AUS-BUILD at site AUS is "
                   "loaded 3 on 2025-06-02, over its capacity of 2.9999"}));
  test::Replace(dataset, "resource_calendar.csv", "2.9999", "3");
  EXPECT_EQ(Check(CleanPlan(), dataset).errors, Lines{});
}

// --- routing and work orders ---------------------------------------------------------------------------------

TEST(PlanChecker, StepStartingBeforeThePreviousStepIsOutOfOrder) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "operations.csv", "WO-0000002,20,AUS-BURN,2025-06-04,2025-06-06",
       "WO-0000002,20,AUS-BURN,2025-06-01,2025-06-03");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.errors,
            Lines({"operations.csv:4 [start] error step-order: step 20 of work order WO-0000002 starts "
                   "2025-06-01, before step 10 starts (2025-06-03)",
                   "work_orders.csv:3 [end] error work-order-dates: work order WO-0000002 ends 2025-06-06 but "
                   "its last operation (step 20) ends 2025-06-03"}));
}

TEST(PlanChecker, OverlappingSteps) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "operations.csv", "WO-0000002,20,AUS-BURN,2025-06-04,2025-06-06",
       "WO-0000002,20,AUS-BURN,2025-06-03,2025-06-05");
  Edit(plan, "work_orders.csv", "WO-0000002,SRV-H200,AUS,4,2025-06-03,2025-06-06",
       "WO-0000002,SRV-H200,AUS,4,2025-06-03,2025-06-05");
  EXPECT_EQ(Check(plan).errors,
            Lines({"operations.csv:4 [start] error step-overlap: step 20 of work order WO-0000002 starts "
                   "2025-06-03, while step 10 still runs (until 2025-06-03)"}));
}

TEST(PlanChecker, WrongDuration) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "operations.csv", "WO-0000004,20,AUS-BURN,2025-06-04,2025-06-06",
       "WO-0000004,20,AUS-BURN,2025-06-04,2025-06-05");
  Edit(plan, "work_orders.csv", "WO-0000004,SRV-H200,AUS,2,2025-06-03,2025-06-06",
       "WO-0000004,SRV-H200,AUS,2,2025-06-03,2025-06-05");
  Edit(plan, "operations.csv", "WO-0000001,10,AUS-BUILD,2025-06-02,2025-06-02",
       "WO-0000001,10,AUS-BUILD,2025-06-02,2025-06-01");
  Edit(plan, "work_orders.csv", "WO-0000001,BRD-H200,AUS,4,2025-06-02,2025-06-02",
       "WO-0000001,BRD-H200,AUS,4,2025-06-02,2025-06-01");
  EXPECT_EQ(Check(plan).errors,
            Lines({"operations.csv:2 [end] error wrong-duration: step 10 of work order WO-0000001 ends "
                   "2025-06-01, before it starts 2025-06-02; the routing of BRD-H200 at site AUS takes 1 day",
                   "operations.csv:7 [end] error wrong-duration: step 20 of work order WO-0000004 runs "
                   "2025-06-04..2025-06-05, 2 days; the routing of SRV-H200 at site AUS takes 3 days"}));
}

TEST(PlanChecker, MissingStep) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "operations.csv", "WO-0000004,20,AUS-BURN,2025-06-04,2025-06-06,2\n", "");
  EXPECT_EQ(Check(plan).errors,
            Lines({"work_orders.csv:5 [work_order] error missing-step: work order WO-0000004 has no operation "
                   "for step 20 (AUS-BURN) of the routing of SRV-H200 at site AUS"}));
}

TEST(PlanChecker, UnknownAndRepeatedSteps) {
  PlanFiles plan = CleanPlan();
  PlanFile(plan, "operations.csv") +=
      "WO-0000004,30,AUS-BURN,2025-06-07,2025-06-07,2\n"
      "WO-0000003,10,AUS-BUILD,2025-06-02,2025-06-02,2\n";
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.errors,
            Lines({"operations.csv:9 error row-order: step 10 of work order WO-0000003 comes after the row on line 8: "
                   "rows are sorted by work order, in the order of work_orders.csv, then step",
                   "operations.csv:9 [step] error duplicate-key: work order WO-0000003 has two operations for "
                   "step 10 (the other on line 5)",
                   "operations.csv:8 [step] error unknown-step: work order WO-0000004 has an operation for "
                   "step 30, which is not a step of the routing of SRV-H200 at site AUS\n"
                   "    hint: its steps are 10, 20"}));
}

TEST(PlanChecker, WrongResource) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "operations.csv", "WO-0000002,20,AUS-BURN", "WO-0000002,20,AUS-BUILD");
  EXPECT_EQ(Check(plan).errors,
            Lines({"operations.csv:4 [resource] error wrong-resource: step 20 of work order WO-0000002 runs on "
                   "AUS-BUILD; the routing of SRV-H200 at site AUS uses AUS-BURN"}));
}

TEST(PlanChecker, OperationQuantityDiffersFromWorkOrder) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "operations.csv", "WO-0000002,10,AUS-BUILD,2025-06-03,2025-06-03,4",
       "WO-0000002,10,AUS-BUILD,2025-06-03,2025-06-03,3");
  EXPECT_EQ(Check(plan).errors,
            Lines({"operations.csv:3 [qty] error operation-qty: step 10 of work order WO-0000002 is for 3 "
                   "units; the work order is for 4"}));
}

TEST(PlanChecker, WorkOrderDatesDisagreeWithItsOperations) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "work_orders.csv", "WO-0000002,SRV-H200,AUS,4,2025-06-03,2025-06-06",
       "WO-0000002,SRV-H200,AUS,4,2025-06-03,2025-06-07");
  EXPECT_EQ(Check(plan).errors,
            Lines({"work_orders.csv:3 [end] error work-order-dates: work order WO-0000002 ends 2025-06-07 but "
                   "its last operation (step 20) ends 2025-06-06"}));
  plan = CleanPlan();
  Edit(plan, "work_orders.csv", "WO-0000003,BRD-H200,AUS,2,2025-06-02", "WO-0000003,BRD-H200,AUS,2,2025-06-01");
  EXPECT_EQ(Check(plan).Of("work-order-dates"),
            Lines({"work_orders.csv:4 [start] error work-order-dates: work order WO-0000003 starts 2025-06-01 "
                   "but its first operation (step 10) starts 2025-06-02"}));
}

TEST(PlanChecker, WorkOrderForAnItemWithNoRoutingAtItsSite) {
  PlanFiles plan = CleanPlan();
  PlanFile(plan, "work_orders.csv") += "WO-0000005,CPU-X86,AUS,1,2025-06-02,2025-06-02,,\n";
  EXPECT_EQ(Check(plan).errors,
            Lines({"work_orders.csv:6 [site] error no-routing: work order WO-0000005 builds CPU-X86 at site "
                   "AUS, which has no routing for it\n"
                   "    hint: CPU-X86 has no routing at any site"}));
}

TEST(PlanChecker, OperationsOutsideTheHorizon) {
  PlanFiles plan = CleanPlan();
  PlanFile(plan, "work_orders.csv") += "WO-0000005,BRD-H200,MEX,1,2025-11-01,2025-11-01,,\n";
  PlanFile(plan, "operations.csv") += "WO-0000005,10,MEX-BUILD,2025-11-01,2025-11-01,1\n";
  EXPECT_EQ(Check(plan).errors,
            Lines({"operations.csv:8 [start] error outside-horizon: step 10 of work order WO-0000005 runs "
                   "2025-11-01..2025-11-01, outside the horizon 2025-05-03..2025-10-31"}));
}

// --- orders and shipments ----------------------------------------------------------------------------------

TEST(PlanChecker, ShipmentBeforeRequestDateLessEarlyShipDays) {
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "settings.csv", "early_ship_days,3", "early_ship_days,2");
  const CheckResult r = Check(CleanPlan(), dataset);
  EXPECT_EQ(r.errors, Lines({"shipments.csv:2 [ship_date] error ship-too-early: order SO-1 line 1 ships 2025-06-12, "
                             "before 2025-06-13: its request date 2025-06-15 less 2 early-ship days",
                             "shipments.csv:4 [ship_date] error ship-too-early: order SO-1 line 2 ships 2025-06-28, "
                             "before 2025-06-29: its request date 2025-07-01 less 2 early-ship days"}));
}

TEST(PlanChecker, ShipmentBeforeOrderDate) {
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "orders.csv", "SO-1,2,ACME,SRV-H200,2,310000.50,2025-04-01",
                "SO-1,2,ACME,SRV-H200,2,310000.50,2025-06-29");
  const CheckResult r = Check(CleanPlan(), dataset);
  EXPECT_EQ(r.Of("ship-too-early"),
            Lines({"shipments.csv:4 [ship_date] error ship-too-early: order SO-1 line 2 ships 2025-06-28, "
                   "before its order date 2025-06-29"}));
  // Booked in FY26Q2 now, so the summary's booked and backlog figures are off too.
  EXPECT_EQ(r.codes, Codes({"ship-too-early", "summary-mismatch"}));
  EXPECT_TRUE(Has(r.Of("summary-mismatch"),
                  "summary.json [quarters[FY26Q2].booked] error summary-mismatch: "
                  "quarters[FY26Q2].booked is 0; the lines ordered in FY26Q2 are worth 620001"));
}

TEST(PlanChecker, ShipmentBeforePlanStart) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,1,SRV-H200,AUS,2025-06-12", "SO-1,1,SRV-H200,AUS,2025-05-01");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("ship-too-early"),
            Lines({"shipments.csv:2 [ship_date] error ship-too-early: order SO-1 line 1 ships 2025-05-01, "
                   "before the plan start 2025-05-03"}));
  EXPECT_EQ(r.codes, Codes({"ship-too-early", "material-negative", "pegging-mismatch", "summary-mismatch"}));
}

TEST(PlanChecker, ShipmentAfterTheHorizon) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,2,SRV-H200,AUS,2025-06-28", "SO-1,2,SRV-H200,AUS,2025-11-01");
  EXPECT_EQ(Check(plan).Of("outside-horizon"),
            Lines({"shipments.csv:4 [ship_date] error outside-horizon: order SO-1 line 2 ships 2025-11-01, "
                   "after the horizon end 2025-10-31"}));
}

TEST(PlanChecker, OverShippedLine) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,1,SRV-H200,AUS,2025-06-20,2,620000,495000",
       "SO-1,1,SRV-H200,AUS,2025-06-20,3,930000,742500");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("over-shipped"),
            Lines({"shipments.csv:3 [qty] error over-shipped: order SO-1 line 1 ships 5 units by this "
                   "shipment; the line is for 4"}));
  EXPECT_EQ(r.Of("material-negative"),
            Lines({"shipments.csv:4 error material-negative: SRV-H200 at site AUS goes below zero on "
                   "2025-06-28: short by 1"}));
  EXPECT_EQ(r.Of("status-mismatch"),
            Lines({"order_status.csv:2 [shipped_qty] error status-mismatch: shipped_qty of order SO-1 line 1 "
                   "is 4; its shipments total 5"}));
  EXPECT_EQ(r.codes,
            Codes({"over-shipped", "material-negative", "pegging-mismatch", "status-mismatch", "summary-mismatch"}));
}

TEST(PlanChecker, NonPartialLineSplitIntoTwoShipments) {
  // Everything else kept consistent: two shipments of one server, pegged and dated in order_status.
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,2,SRV-H200,AUS,2025-06-28,2,620001,495000",
       "SO-1,2,SRV-H200,AUS,2025-06-28,1,310000.5,247500\nSO-1,2,SRV-H200,AUS,2025-06-29,1,310000.5,247500");
  Edit(
      plan, "pegging.csv", "SO-1,2,SRV-H200,AUS,2025-06-28,2,work_order,WO-0000004",
      "SO-1,2,SRV-H200,AUS,2025-06-28,1,work_order,WO-0000004\nSO-1,2,SRV-H200,AUS,2025-06-29,1,work_order,WO-0000004");
  Edit(plan, "order_status.csv", "SO-1,2,SRV-H200,2,2025-07-01,2025-06-28", "SO-1,2,SRV-H200,2,2025-07-01,2025-06-29");
  EXPECT_EQ(Check(plan).errors,
            Lines({"shipments.csv:5 error split-line: order SO-1 line 2 has partial = N but ships in more "
                   "than one shipment"}));
}

TEST(PlanChecker, NonPartialLineShippedShort) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,2,SRV-H200,AUS,2025-06-28,2,620001,495000",
       "SO-1,2,SRV-H200,AUS,2025-06-28,1,310000.5,247500");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("split-line"),
            Lines({"shipments.csv:4 [qty] error split-line: order SO-1 line 2 has partial = N but ships 1 of "
                   "its 2 units"}));
  EXPECT_EQ(r.Of("status-mismatch"),
            Lines({"order_status.csv:3 [shipped_qty] error status-mismatch: shipped_qty of order SO-1 line 2 "
                   "is 2; its shipments total 1",
                   "order_status.csv:3 [status] error status-mismatch: status of order SO-1 line 2 is on_time; "
                   "it should be unplanned (1 of 2 units ship)",
                   "order_status.csv:3 [days_late] error status-mismatch: days_late of order SO-1 line 2 is 0; "
                   "it should be empty, as the line is unplanned"}));
  EXPECT_EQ(r.Of("missing-reason"),
            Lines({"order_status.csv:3 [reason_code] error missing-reason: order SO-1 line 2 is unplanned but "
                   "has no reason_code"}));
  EXPECT_EQ(r.codes,
            Codes({"split-line", "status-mismatch", "missing-reason", "pegging-mismatch", "summary-mismatch"}));
}

TEST(PlanChecker, LineShippedFromAnotherSiteThanItsOwn) {
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "orders.csv", "2025-07-01,1,US,AUS,N", "2025-07-01,1,US,MEX,N");
  EXPECT_EQ(Check(CleanPlan(), dataset).errors,
            Lines({"shipments.csv:4 [site] error wrong-site: order SO-1 line 2 must ship from site MEX; this "
                   "shipment is from AUS"}));
}

TEST(PlanChecker, LineShippedFromTwoSites) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,1,SRV-H200,AUS,2025-06-20", "SO-1,1,SRV-H200,MEX,2025-06-20");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("multiple-sites"),
            Lines({"shipments.csv:3 [site] error multiple-sites: order SO-1 line 1 ships from sites AUS and "
                   "MEX; a line ships from one site"}));
  EXPECT_EQ(r.Of("material-negative"),
            Lines({"shipments.csv:3 error material-negative: SRV-H200 at site MEX goes below zero on "
                   "2025-06-20: short by 2"}));
  EXPECT_EQ(r.codes, Codes({"multiple-sites", "material-negative", "pegging-mismatch"}));
}

TEST(PlanChecker, ShipmentOfAnotherItemThanTheLine) {
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "orders.csv", "SO-1,2,ACME,SRV-H200,2", "SO-1,2,ACME,BRD-H200,2");
  const CheckResult r = Check(CleanPlan(), dataset);
  EXPECT_EQ(r.Of("shipment-item"),
            Lines({"shipments.csv:4 [item] error shipment-item: shipment of order SO-1 line 2 is of SRV-H200; "
                   "the line is for BRD-H200"}));
}

// --- export ------------------------------------------------------------------------------------------------

TEST(PlanChecker, ShippingAProhibitedLine) {
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "orders.csv", "2025-07-01,1,US,AUS,N", "2025-07-01,1,RU,AUS,N");
  EXPECT_EQ(Check(CleanPlan(), dataset).errors,
            Lines({"shipments.csv:4 error export-prohibited: order SO-1 line 2 ships SRV-H200 (4A090) to RU, "
                   "where export of 4A090 is prohibited"}));
}

TEST(PlanChecker, ShippingAnUnlicensedLine) {
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "orders.csv", "2025-07-01,1,US,AUS,N", "2025-07-01,1,HK,AUS,N");
  EXPECT_EQ(Check(CleanPlan(), dataset).errors,
            Lines({"shipments.csv:4 [ship_date] error export-unlicensed: order SO-1 line 2 ships SRV-H200 "
                   "(4A090) to HK on 2025-06-28 without a valid licence for customer ACME\n"
                   "    hint: there is no licence for 4A090 to HK for customer ACME"}));
}

TEST(PlanChecker, LicenceMustBeValidOnTheShipDate) {
  // Approved for ACME to the whole group, but only from 2025-06-15 and until 2025-06-19.
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "orders.csv", "2025-06-15,1,US", "2025-06-15,1,CN");
  test::Append(dataset, "licences.csv", "L-2,ACME,4A090,CN-HK-MO,approved,2025-06-15,2025-06-19");
  const CheckResult r = Check(CleanPlan(), dataset);
  EXPECT_EQ(r.errors, Lines({"shipments.csv:2 [ship_date] error export-unlicensed: order SO-1 line 1 ships SRV-H200 "
                             "(4A090) to CN on 2025-06-12 without a valid licence for customer ACME\n"
                             "    hint: licence L-2 is approved only from 2025-06-15",
                             "shipments.csv:3 [ship_date] error export-unlicensed: order SO-1 line 1 ships SRV-H200 "
                             "(4A090) to CN on 2025-06-20 without a valid licence for customer ACME\n"
                             "    hint: licence L-2 expired on 2025-06-19"}));
  test::Replace(dataset, "licences.csv", "2025-06-15,2025-06-19", "2025-06-01,2025-06-30");
  EXPECT_EQ(Check(CleanPlan(), dataset).errors, Lines{});
}

TEST(PlanChecker, RowsInTheStatedOrder) {
  PlanFiles plan = CleanPlan();
  // Shipments by ship_date, then in the order of orders.csv; pegging in the order of orders.csv.
  Edit(plan, "shipments.csv",
       "SO-1,1,SRV-H200,AUS,2025-06-20,2,620000,495000\nSO-1,2,SRV-H200,AUS,2025-06-28,2,620001,495000",
       "SO-1,2,SRV-H200,AUS,2025-06-28,2,620001,495000\nSO-1,1,SRV-H200,AUS,2025-06-20,2,620000,495000");
  Edit(plan, "pegging.csv", "SO-1,2,SRV-H200,AUS,2025-06-28,2,work_order,WO-0000004\n", "");
  Edit(plan, "pegging.csv", "SO-1,1,BRD-H200",
       "SO-1,2,SRV-H200,AUS,2025-06-28,2,work_order,WO-0000004\nSO-1,1,BRD-H200");
  EXPECT_EQ(Check(plan).errors,
            Lines({"shipments.csv:4 error row-order: the shipment of order SO-1 line 1 on 2025-06-20 comes after the "
                   "row on line 3: rows are sorted by ship_date, then in the order of orders.csv",
                   "pegging.csv:3 error row-order: the pegging of order SO-1 line 1 comes after the row on line 2: "
                   "rows are in the order of orders.csv"}));
}

// --- purchases ---------------------------------------------------------------------------------------------

TEST(PlanChecker, PurchaseBeforeItsLeadTime) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "purchases.csv", "CPU-X86,AUS,2025-06-02", "CPU-X86,AUS,2025-06-01");
  EXPECT_EQ(Check(plan).errors,
            Lines({"purchases.csv:3 [date] error purchase-too-early: purchase PO-0000002 of CPU-X86 arrives "
                   "2025-06-01; with its 30-day lead time it cannot arrive before 2025-06-02"}));
}

TEST(PlanChecker, PurchaseOfAnItemWithoutLeadTime) {
  PlanFiles plan = CleanPlan();
  PlanFile(plan, "purchases.csv") += "GPU-H200,AUS,2025-06-01,8,PO-0000003\n";
  EXPECT_EQ(Check(plan).errors,
            Lines({"purchases.csv:4 [item] error purchase-not-buyable: purchase PO-0000003 buys GPU-H200, which "
                   "has no lead time: only the supply in supply.csv exists"}));
}

// --- revenue and cost --------------------------------------------------------------------------------------

TEST(PlanChecker, RevenueAndCostOfAShipment) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,2,SRV-H200,AUS,2025-06-28,2,620001,495000",
       "SO-1,2,SRV-H200,AUS,2025-06-28,2,620000,494999.9999");
  EXPECT_EQ(Check(plan).errors,
            Lines({"shipments.csv:4 [revenue] error revenue-mismatch: shipment of order SO-1 line 2: revenue "
                   "620000 is not 2 x 310000.5 = 620001",
                   "shipments.csv:4 [cost] error cost-mismatch: shipment of order SO-1 line 2: cost "
                   "494999.9999 is not 2 x 247500 (standard cost of SRV-H200) = 495000"}));
}

// --- order_status.csv --------------------------------------------------------------------------------------

TEST(PlanChecker, OrderStatusDisagreesWithShipments) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "order_status.csv", "SO-1,1,SRV-H200,4,2025-06-15,2025-06-20,4,late,5",
       "SO-1,1,SRV-H200,4,2025-06-15,2025-06-12,4,on_time,0");
  EXPECT_EQ(Check(plan).errors,
            Lines({"order_status.csv:2 [planned_date] error status-mismatch: planned_date of order SO-1 line 1 "
                   "is 2025-06-12; its last shipment is on 2025-06-20",
                   "order_status.csv:2 [status] error status-mismatch: status of order SO-1 line 1 is on_time; "
                   "it should be late (last shipment 2025-06-20, requested 2025-06-15)",
                   "order_status.csv:2 [days_late] error status-mismatch: days_late of order SO-1 line 1 is 0; "
                   "it should be 5"}));
}

TEST(PlanChecker, OrderStatusRowsMustRepeatTheLine) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "order_status.csv", "SO-2,1,SRV-H200,8,2025-07-01,,0", "SO-2,1,SRV-H200,7,2025-07-02,,0");
  EXPECT_EQ(Check(plan).errors,
            Lines({"order_status.csv:4 [qty] error status-mismatch: qty of order SO-2 line 1 is 7; orders.csv "
                   "says 8",
                   "order_status.csv:4 [request_date] error status-mismatch: request_date of order SO-2 line 1 "
                   "is 2025-07-02; orders.csv says 2025-07-01"}));
}

TEST(PlanChecker, OrderStatusMissingDuplicatedOrOutOfOrderRows) {
  PlanFiles plan = CleanPlan();
  std::string& status = PlanFile(plan, "order_status.csv");
  const std::string line2 = "SO-1,2,SRV-H200,2,2025-07-01,2025-06-28,2,on_time,0,,\n";
  Edit(plan, "order_status.csv", line2, "");
  status += line2 + line2;
  EXPECT_EQ(Check(plan).errors,
            Lines({"order_status.csv:4 error row-order: order SO-1 line 2 comes after a later line of "
                   "orders.csv: rows are in the order of orders.csv",
                   "order_status.csv:5 [line] error duplicate-key: order SO-1 line 2 has a second row (the "
                   "first on line 4)"}));
  plan = CleanPlan();
  Edit(plan, "order_status.csv", line2, "");
  EXPECT_EQ(Check(plan).errors,
            Lines({"order_status.csv error status-missing: order SO-1 line 2 has no row in order_status.csv"}));
}

TEST(PlanChecker, LateAndUnplannedLinesNeedAReason) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "order_status.csv", "late,5,capacity,AUS-BURN at site AUS full 2025-06-10..2025-06-16",
       "late,5,capacity,");
  Edit(plan, "order_status.csv", ",unplanned,,licence_pending,", ",unplanned,,,");
  EXPECT_EQ(Check(plan).errors,
            Lines({"order_status.csv:2 [reason] error missing-reason: order SO-1 line 1 is late but has no "
                   "reason",
                   "order_status.csv:4 [reason_code] error missing-reason: order SO-2 line 1 is unplanned but "
                   "has no reason_code"}));
}

// --- pegging -----------------------------------------------------------------------------------------------

TEST(PlanChecker, PeggingMustCoverWhatTheLineConsumes) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "pegging.csv", "SO-1,2,GPU-H200,AUS,2025-06-02,16,onhand", "SO-1,2,GPU-H200,AUS,2025-06-02,15,onhand");
  Edit(plan, "pegging.csv", "SO-1,1,CPU-X86,AUS,2025-06-03,8,purchase", "SO-1,1,CPU-X86,AUS,2025-06-03,9,purchase");
  Edit(plan, "pegging.csv", "SO-1,1,BRD-H200,AUS,2025-06-03,4,work_order,WO-0000001",
       "SO-1,1,BRD-H200,AUS,2025-06-03,4,work_order,WO-0000003");
  EXPECT_EQ(
      Check(plan).errors,
      Lines({"pegging.csv:2 [source] error pegging-source: work order WO-0000003 makes 2 units; pegging.csv draws "
             "4 from it by this row",
             "pegging.csv:10 [source] error pegging-source: purchase PO-0000002 buys 12 units; pegging.csv draws 13 "
             "from it by this row",
             "pegging.csv:4 [qty] error pegging-mismatch: pegging of order SO-1 line 1 covers 9 units of CPU-X86 "
             "at site AUS on 2025-06-03; the line consumes 8 there that day",
             "pegging.csv:11 [qty] error pegging-mismatch: pegging of order SO-1 line 2 covers 15 units of "
             "GPU-H200 at site AUS on 2025-06-02; the line needs pegged 16 there that day"}));
}

TEST(PlanChecker, PeggingMayLeaveBoughtComponentsOut) {
  // CPUs and chassis have lead times: what work orders consume of them may have been bought, unpegged.
  PlanFiles plan = CleanPlan();
  Edit(plan, "pegging.csv", "SO-1,1,CPU-X86,AUS,2025-06-03,8,purchase,PO-0000002\n", "");
  Edit(plan, "pegging.csv", "SO-1,2,CHASSIS-4U,AUS,2025-06-03,2,purchase,PO-0000001\n", "");
  EXPECT_EQ(Check(plan).errors, Lines{});
  // A shipped item is pegged whole, and boards (no lead time) always are.
  Edit(plan, "pegging.csv", "SO-1,2,BRD-H200,AUS,2025-06-03,2,work_order,WO-0000003\n", "");
  Edit(plan, "pegging.csv", "SO-1,2,SRV-H200,AUS,2025-06-28,2,", "SO-1,2,SRV-H200,AUS,2025-06-28,1,");
  EXPECT_EQ(Check(plan).errors,
            Lines({"pegging.csv:9 [qty] error pegging-mismatch: pegging of order SO-1 line 2 covers 1 units of "
                   "SRV-H200 at site AUS on 2025-06-28; the line needs pegged 2 there that day",
                   "pegging.csv [qty] error pegging-mismatch: pegging of order SO-1 line 2 covers 0 units of BRD-H200 "
                   "at site AUS on 2025-06-03; the line needs pegged 2 there that day"}));
}

TEST(PlanChecker, PeggingSourcesMustHoldTheItemInTime) {
  // The receipt of 128 GPUs comes three days later than the day it is pegged for, the second CPU buy a day
  // after its use, and a server shipment is pegged to the board work order.
  DatasetFiles dataset = test::Tiny();
  test::Replace(dataset, "supply.csv", "GPU-H200,AUS,2025-06-02", "GPU-H200,AUS,2025-06-05");
  PlanFiles plan = CleanPlan();
  Edit(plan, "pegging.csv", "SO-1,1,GPU-H200,AUS,2025-06-02,32,onhand,",
       "SO-1,1,GPU-H200,AUS,2025-06-02,32,receipt,ALLOC-2025W23");
  Edit(plan, "purchases.csv", "CPU-X86,AUS,2025-06-02", "CPU-X86,AUS,2025-06-04");
  Edit(plan, "pegging.csv", "SO-1,1,SRV-H200,AUS,2025-06-12,2,work_order,WO-0000002",
       "SO-1,1,SRV-H200,AUS,2025-06-12,2,work_order,WO-0000001");
  const CheckResult r = Check(plan, dataset);
  EXPECT_EQ(
      r.Of("pegging-source"),
      Lines({"pegging.csv:4 [source] error pegging-source: purchase PO-0000002 arrives 2025-06-04: its CPU-X86 is "
             "not available on 2025-06-03",
             "pegging.csv:5 [source] error pegging-source: the receipts of GPU-H200 at site AUS with this "
             "reference arrive from 2025-06-05, not by 2025-06-02",
             "pegging.csv:6 [source] error pegging-source: work order WO-0000001 makes BRD-H200 at site AUS, not "
             "SRV-H200 at site AUS",
             "pegging.csv:10 [source] error pegging-source: purchase PO-0000002 arrives 2025-06-04: its CPU-X86 is "
             "not available on 2025-06-03"}));
  // Buying later than the use is a shortage as well.
  EXPECT_EQ(r.codes, Codes({"pegging-source", "material-negative"}));

  plan = CleanPlan();
  Edit(plan, "pegging.csv", "SO-1,1,GPU-H200,AUS,2025-06-02,32,onhand,",
       "SO-1,1,GPU-H200,AUS,2025-06-02,32,receipt,ALLOC-2025W24");
  EXPECT_EQ(Check(plan).errors, Lines({"pegging.csv:5 [source] error unknown-reference: receipt 'ALLOC-2025W24' of "
                                       "GPU-H200 at site AUS is not in supply.csv"}));
}

// --- summary.json ------------------------------------------------------------------------------------------

TEST(PlanChecker, SummaryQuarterFiguresMustAddUp) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "summary.json", "\"revenue\": 1860001.0, \"cost\": 1485000.0",
       "\"revenue\": 1860000.9999, \"cost\": 1485000.0");
  Edit(plan, "summary.json", "\"backlog_end\": 2400000.0 },\n    { \"quarter\": \"FY26Q3\"",
       "\"backlog_end\": 2400001 },\n    { \"quarter\": \"FY26Q3\"");
  Edit(plan, "summary.json", "\"margin_pct\": 20.16", "\"margin_pct\": 0.2016");
  EXPECT_EQ(Check(plan).errors,
            Lines({"summary.json [quarters[FY26Q2].revenue] error summary-mismatch: quarters[FY26Q2].revenue is "
                   "1860000.9999; the shipments dated in FY26Q2 total 1860001",
                   "summary.json [quarters[FY26Q2].margin_pct] error summary-mismatch: "
                   "quarters[FY26Q2].margin_pct is 0.2016; 100 x margin / revenue is 20.1613",
                   "summary.json [quarters[FY26Q2].backlog_end] error summary-mismatch: "
                   "quarters[FY26Q2].backlog_end is 2400001; backlog_start + booked - revenue is 2400000"}));
}

TEST(PlanChecker, SummaryTotalsMustAddUp) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "summary.json", "\"lines_late\": 1", "\"lines_late\": 2");
  Edit(plan, "summary.json", "\"on_time_rate_lines\": 0.3333", "\"on_time_rate_lines\": 0.34");
  Edit(plan, "summary.json", "\"unplanned_value\": 2400000.0", "\"unplanned_value\": 2400000.00001");
  Edit(plan, "summary.json", "\"avg_days_late\": 5.0, \"revenue\": 1860001.0, ", "");
  EXPECT_EQ(Check(plan).errors,
            Lines({"summary.json [totals.lines_late] error summary-mismatch: totals.lines_late is 2; the lines "
                   "shipping in full after their request date are 1",
                   "summary.json [totals.on_time_rate_lines] error summary-mismatch: totals.on_time_rate_lines "
                   "is 0.34; lines_on_time / lines is 0.333333",
                   "summary.json [totals.avg_days_late] error summary-field: totals.avg_days_late is missing",
                   "summary.json [totals.revenue] error summary-field: totals.revenue is missing",
                   "summary.json [totals.unplanned_value] error summary-field: totals.unplanned_value is "
                   "2400000.00001, not an amount with at most four decimals"}));
}

TEST(PlanChecker, SummaryHeaderAndQuarterList) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "summary.json", "\"licence_policy\": \"conservative\"", "\"licence_policy\": \"optimistic\"");
  Edit(plan, "summary.json", "\"currency\": \"USD\"", "\"currency\": \"EUR\"");
  Edit(plan, "summary.json", "\"quarter\": \"FY26Q3\"", "\"quarter\": \"FY27Q3\"");
  EXPECT_EQ(Check(plan).errors,
            Lines({"summary.json [currency] error summary-mismatch: currency is 'EUR'; settings.csv says 'USD'",
                   "summary.json [licence_policy] error summary-field: licence_policy is 'optimistic'; it "
                   "must be 'conservative' or 'expected'",
                   "summary.json [quarters[1]] error summary-mismatch: quarters[1] is quarter 'FY27Q3', which "
                   "is not in quarters.csv",
                   "summary.json [quarters] error summary-mismatch: quarters lists no FY26Q3, a quarter of the "
                   "horizon"}));
}

TEST(PlanChecker, SummaryTopConstraints) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "summary.json", "\"lines\": 1, \"value\": 2400000.0", "\"lines\": 1, \"value\": 1000000.0");
  Edit(plan, "summary.json", "\"reason_code\": \"capacity\"", "\"reason_code\": \"weather\"");
  EXPECT_EQ(Check(plan).errors,
            Lines({"summary.json [top_constraints[1].reason_code] error summary-field: "
                   "top_constraints[1].reason_code is 'weather', not a reason code of order_status.csv",
                   "summary.json [top_constraints[1].value] error summary-mismatch: top_constraints[1].value "
                   "1240000 is more than the entry before it (1000000): entries are listed by value, largest "
                   "first"}));
}

TEST(PlanChecker, SummaryThatIsNotJson) {
  PlanFiles plan = CleanPlan();
  PlanFile(plan, "summary.json") = "{\n  \"currency\": \"USD\",\n  \"plan_start\": 2025-05-03\n}\n";
  const CheckResult r = Check(plan);
  ASSERT_EQ(r.Of("bad-json").size(), 1u);
  EXPECT_EQ(r.Of("bad-json")[0].rfind("summary.json:3 error bad-json: column 22: syntax error", 0), 0u)
      << r.Of("bad-json")[0];
  EXPECT_EQ(r.codes, Codes({"bad-json"}));
}

// --- malformed plan files ----------------------------------------------------------------------------------

TEST(PlanChecker, MalformedRowsAreReportedWithFileLineAndColumn) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,1,SRV-H200,AUS,2025-06-20,2,620000", "SO-1,1,SRV-H200,AUS,2025-06-20,two,620000");
  Edit(plan, "work_orders.csv", "WO-0000003,BRD-H200", "WO-0000003,BRD-H20");
  Edit(plan, "operations.csv", "WO-0000004,10", "WO-0000044,10");
  Edit(plan, "pegging.csv", "SO-1,2,GPU-H200", "SO-1,7,GPU-H200");
  Edit(plan, "purchases.csv", "CPU-X86,AUS,2025-06-02", "CPU-X86,AUS,2025-06-31");
  const CheckResult r = Check(plan);
  EXPECT_FALSE(r.clean);
  EXPECT_EQ(r.errors,
            Lines({"work_orders.csv:4 [item] error unknown-reference: item 'BRD-H20' is not in items.csv\n"
                   "    hint: did you mean 'BRD-H200'?",
                   "operations.csv:6 [work_order] error unknown-reference: work order 'WO-0000044' is not in "
                   "work_orders.csv",
                   "purchases.csv:3 [date] error bad-date: date '2025-06-31' is not a date\n"
                   "    hint: dates are written YYYY-MM-DD, e.g. 2025-08-15",
                   "shipments.csv:3 [qty] error bad-integer: qty 'two' is not a whole number",
                   "pegging.csv:11 [line] error unknown-reference: order 'SO-1' has no line 7 in orders.csv"}));
  // Material and pegging totals are not added up over files with bad rows: that would only echo them.
  EXPECT_EQ(r.warnings.size(), 3u);
}

TEST(PlanChecker, MissingFilesAndColumns) {
  PlanFiles plan = CleanPlan();
  std::erase_if(plan.files, [](const auto& f) { return f.first == "purchases.csv"; });
  Edit(plan, "operations.csv", "work_order,step,resource,start,end,qty", "work_order,step,resource,start,finish,qty");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("missing-file"),
            Lines({"purchases.csv error missing-file: the plan has no purchases.csv\n"
                   "    hint: write the plan with 'takt plan DIR --out PLANDIR' and check that folder"}));
  EXPECT_EQ(r.Of("missing-column"),
            Lines({"operations.csv:1 [end] error missing-column: required column 'end' is missing from the "
                   "header"}));
  EXPECT_EQ(r.codes, Codes({"missing-file", "missing-column"}));
}

TEST(PlanChecker, WorkOrderAndPurchaseIds) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "work_orders.csv", "WO-0000003,", "WO-3,");
  Edit(plan, "operations.csv", "WO-0000003,", "WO-3,");
  Edit(plan, "work_orders.csv", "WO-0000004,", "WO-0000002,");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("bad-id"), Lines({"work_orders.csv:4 [work_order] error bad-id: work order 'WO-3' is not "
                                   "'WO-' and a 7-digit number"}));
  EXPECT_EQ(r.Of("duplicate-key"), Lines({"work_orders.csv:5 [work_order] error duplicate-key: work order "
                                          "'WO-0000002' is listed twice (first on line 3)"}));
}

// --- robustness --------------------------------------------------------------------------------------------

TEST(PlanChecker, NeverCrashesOnTruncatedOrGarbledFiles) {
  // Every file cut at many points, and garbled with extreme numbers: each run must finish, and report a
  // violation whenever the file was actually damaged at a row.
  const PlanFiles clean = CleanPlan();
  int runs = 0;
  for (size_t f = 0; f < clean.size(); ++f) {
    const std::string& content = clean.files[f].second;
    for (size_t cut = 0; cut < content.size(); cut += 13) {
      PlanFiles plan = clean;
      plan.files[f].second = content.substr(0, cut);
      const CheckResult r = Check(plan);
      if (cut == 0) {
        EXPECT_FALSE(r.clean) << clean.files[f].first << " empty";
      }
      ++runs;
    }
    for (const char* garbage : {"99999999999999999999", "-1", "\"", "\xff", "1e308", ",,,,", "\n\n\n"}) {
      PlanFiles plan = clean;
      std::string& text = plan.files[f].second;
      text.insert(text.size() / 2, garbage);
      Check(plan);
      ++runs;
    }
  }
  EXPECT_GT(runs, 100);
}

TEST(PlanChecker, HugeQuantitiesDoNotOverflow) {
  PlanFiles plan = CleanPlan();
  Edit(plan, "shipments.csv", "SO-1,1,SRV-H200,AUS,2025-06-12,2,620000,495000",
       "SO-1,1,SRV-H200,AUS,2025-06-12,1000000000000,0,0");
  const CheckResult r = Check(plan);
  EXPECT_EQ(r.Of("over-shipped"),
            Lines({"shipments.csv:2 [qty] error over-shipped: order SO-1 line 1 ships 1000000000000 units by "
                   "this shipment; the line is for 4"}));
  // 3.1 x 10^17 is 3.1 x 10^21 in ten-thousandths: past int64, exact all the same.
  EXPECT_EQ(r.Of("revenue-mismatch"),
            Lines({"shipments.csv:2 [revenue] error revenue-mismatch: shipment of order SO-1 line 1: revenue 0 "
                   "is not 1000000000000 x 310000 = 310000000000000000"}));
  EXPECT_EQ(r.Of("cost-mismatch"),
            Lines({"shipments.csv:2 [cost] error cost-mismatch: shipment of order SO-1 line 1: cost 0 is not "
                   "1000000000000 x 247500 (standard cost of SRV-H200) = 247500000000000000"}));
  EXPECT_EQ(r.Of("material-negative"),
            Lines({"shipments.csv:2 error material-negative: SRV-H200 at site AUS goes below zero on "
                   "2025-06-12: short by 999999999994"}));
}

}  // namespace
}  // namespace takt
