#include <fmt/format.h>

#include <algorithm>
#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "io/dataset_loader.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"

namespace takt::cli {

int RunPlan(const PlanCommandOptions& options) {
  Stopwatch watch;
  Diagnostics diagnostics(options.max_per_kind);
  std::shared_ptr<const Model> model = LoadDataset(options.dir, diagnostics);
  if (!model) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "{}: {} errors; nothing planned\n", options.dir, diagnostics.error_count());
    return kExitBadData;
  }
  const double load_seconds = watch.Lap();

  PlanOptions plan_options;
  plan_options.policy = options.policy == "revenue" ? AllocationPolicy::kRevenue : AllocationPolicy::kPriority;
  plan_options.licence_policy =
      options.licence_policy == "expected" ? LicencePolicy::kExpected : LicencePolicy::kConservative;
  const Plan plan = PlanBacklog(*model, plan_options);
  const PlanReport report = BuildReport(*model, plan);
  const double plan_seconds = watch.Lap();

  const std::string error = WritePlanFolder(*model, plan, report, options.out);
  if (!error.empty()) {
    fmt::print(stderr, "takt plan: {}\n", error);
    return kExitFailed;
  }
  const double write_seconds = watch.Lap();

  if (!options.quiet) fmt::print("{}\n", FormatReport(*model, plan, report));
  fmt::print("planned {} lines into {}: {} shipments, {} work orders, {} purchases (load {:.2f} s, plan {:.2f} s, "
             "write {:.2f} s)\n",
             model->lines().size(), options.out, plan.shipments.size(), plan.work_orders.size(),
             std::count_if(plan.purchases.begin(), plan.purchases.end(), [](const Purchase& p) { return p.qty > 0; }),
             load_seconds, plan_seconds, write_seconds);
  return kExitOk;
}

}  // namespace takt::cli
