#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "cli/commands.h"
#include "io/dataset_loader.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"

namespace takt::cli {

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int RunPlan(const PlanCommandOptions& options) {
  auto t = std::chrono::steady_clock::now();
  Diagnostics diagnostics(options.max_per_kind);
  std::shared_ptr<const Model> model = LoadDataset(options.dir, diagnostics);
  if (!model) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "{}: {} errors; nothing planned\n", options.dir, diagnostics.error_count());
    return kExitBadData;
  }
  const double load_seconds = Since(t);

  PlanOptions plan_options;
  plan_options.policy = options.policy == "revenue" ? AllocationPolicy::kRevenue : AllocationPolicy::kPriority;
  plan_options.licence_policy =
      options.licence_policy == "expected" ? LicencePolicy::kExpected : LicencePolicy::kConservative;
  t = std::chrono::steady_clock::now();
  const Plan plan = PlanBacklog(*model, plan_options);
  const PlanReport report = BuildReport(*model, plan);
  const double plan_seconds = Since(t);

  t = std::chrono::steady_clock::now();
  const std::string error = WritePlanFolder(*model, plan, report, options.out);
  if (!error.empty()) {
    fmt::print(stderr, "takt plan: {}\n", error);
    return kExitFailed;
  }
  const double write_seconds = Since(t);

  if (!options.quiet) fmt::print("{}\n", FormatReport(*model, plan, report));
  fmt::print("planned {} lines into {}: {} shipments, {} work orders, {} purchases (load {:.2f} s, plan {:.2f} s, "
             "write {:.2f} s)\n",
             model->lines().size(), options.out, plan.shipments.size(), plan.work_orders.size(),
             std::count_if(plan.purchases.begin(), plan.purchases.end(), [](const Purchase& p) { return p.qty > 0; }),
             load_seconds, plan_seconds, write_seconds);
  return kExitOk;
}

}  // namespace takt::cli
