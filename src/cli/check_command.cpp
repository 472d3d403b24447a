#include "cli/check_command.h"

#include <fmt/format.h>

#include <filesystem>

#include "check/check_plan.h"
#include "check/numbers.h"
#include "cli/commands.h"
#include "cli/stopwatch.h"
#include "io/dataset_loader.h"

namespace takt::cli {

int RunCheck(const CheckOptions& options) {
  Stopwatch watch;
  Diagnostics dataset_problems(options.max_per_kind);
  std::shared_ptr<const Model> model = LoadDataset(options.dir, dataset_problems);
  if (!model) {
    dataset_problems.Print(stdout);
    fmt::print("{}: the dataset has {} error{}; a plan is checked only against a valid dataset\n", options.dir,
               check::GroupThousands(dataset_problems.error_count()), dataset_problems.error_count() == 1 ? "" : "s");
    return kExitBadData;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(options.plan_dir, ec)) {
    fmt::print("error missing-plan: '{}' is not a folder\n    hint: write a plan with 'takt plan {} --out {}'\n",
               options.plan_dir, options.dir, options.plan_dir);
    return kExitFailed;
  }

  Diagnostics violations(options.max_per_kind);
  CheckCounts counts;
  const bool clean = CheckPlan(*model, std::filesystem::path(options.plan_dir), violations, &counts);
  const double seconds = watch.Lap();
  violations.Print(stdout);
  if (violations.Has("unreadable-file")) {
    fmt::print("{}: some plan files cannot be read\n", options.plan_dir);
    return kExitFailed;
  }
  if (clean) {
    fmt::print("plan OK: {} shipments, {} work orders, {} operations checked ({:.2f} s)\n",
               check::GroupThousands(counts.shipments), check::GroupThousands(counts.work_orders),
               check::GroupThousands(counts.operations), seconds);
    return kExitOk;
  }
  fmt::print("plan has {} violation{} ({:.2f} s)\n", check::GroupThousands(violations.error_count()),
             violations.error_count() == 1 ? "" : "s", seconds);
  return kExitPlanViolations;
}

}  // namespace takt::cli
