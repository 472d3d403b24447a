#include "cli/check_command.h"

#include <fmt/format.h>

#include <filesystem>

#include "check/check_plan.h"
#include "check/numbers.h"
#include "cli/commands.h"
#include "cli/stopwatch.h"
#include "io/dataset_loader.h"

namespace takt::cli {

namespace {

/// With --db, the plan to check: its version, and the dataset version it was made from when no
/// --version was given. Returns an error message or "".
std::string FindStoredPlan(const CheckOptions& o, DatasetSource& source, SourcedDataset& dataset, int64_t& plan) {
  std::string error;
  dataset.store = Store::Open(source.db, error, Store::Mode::kExisting);
  if (!dataset.store) return error;
  if (o.plan_version.empty()) return "";  // the dataset's newest plan, found once the dataset is
  const std::optional<int64_t> id = dataset.store->Resolve(kPlanKind, o.plan_version);
  if (!id) return fmt::format("{} has no plan version '{}' (see 'takt versions --db {}')", source.db, o.plan_version,
                              source.db);
  plan = *id;
  if (source.version.empty()) source.version = std::to_string(dataset.store->Version(plan)->parent);
  return "";
}

}  // namespace

int RunCheck(const CheckOptions& options) {
  Stopwatch watch;
  DatasetSource source = options.source;
  std::string plan_dir = options.plan_dir;
  // `takt check --db FILE PLANDIR`: the one folder given is the plan's.
  if (!source.db.empty() && !source.dir.empty() && plan_dir.empty()) std::swap(source.dir, plan_dir);

  SourcedDataset dataset;
  int64_t plan_version = 0;
  const bool stored_plan = !source.db.empty() && plan_dir.empty();
  if (!plan_dir.empty() && !options.plan_version.empty()) {
    fmt::print(stderr, "takt check: give a plan folder or --plan-version, not both\n");
    return kExitFailed;
  }
  if (stored_plan) {
    if (const std::string error = FindStoredPlan(options, source, dataset, plan_version); !error.empty()) {
      fmt::print(stderr, "takt check: {}\n", error);
      return kExitFailed;
    }
  } else if (plan_dir.empty()) {
    fmt::print(stderr, "takt check: give the plan folder after the dataset folder\n");
    return kExitFailed;
  }

  Diagnostics dataset_problems(options.max_per_kind);
  if (const std::string error = LoadDatasetSource(source, dataset_problems, dataset); !error.empty()) {
    fmt::print(stderr, "takt check: {}\n", error);
    return kExitFailed;
  }
  if (!dataset.model) {
    dataset_problems.Print(stdout);
    fmt::print("{}: the dataset has {} error{}; a plan is checked only against a valid dataset\n", dataset.label,
               check::GroupThousands(dataset_problems.error_count()), dataset_problems.error_count() == 1 ? "" : "s");
    return kExitBadData;
  }
  const Model& model = *dataset.model;

  Diagnostics violations(options.max_per_kind);
  CheckCounts counts;
  bool clean = false;
  std::string plan_label = plan_dir;
  if (stored_plan) {
    if (plan_version == 0) plan_version = dataset.store->LatestPlanOf(dataset.version);
    if (plan_version == 0) {
      fmt::print(stderr, "takt check: {} holds no plan of dataset version {}; make one with 'takt plan --db {}'\n",
                 source.db, dataset.version, source.db);
      return kExitFailed;
    }
    const VersionInfo info = *dataset.store->Version(plan_version);
    if (info.parent != dataset.version) {
      fmt::print("note: plan version {} was made from dataset version {}, checked here against version {}\n",
                 plan_version, info.parent, dataset.version);
    }
    plan_label = fmt::format("{} plan {}", source.db, plan_version);
    std::optional<DatasetFiles> files = dataset.store->LoadPlanFiles(plan_version);
    if (!files) {
      fmt::print(stderr, "takt check: {} cannot be read\n", plan_label);
      return kExitFailed;
    }
    fmt::print("checking {} against {}\n", plan_label, dataset.label);
    clean = CheckPlan(model, PlanFiles(std::move(*files)), violations, &counts);
  } else {
    std::error_code ec;
    if (!std::filesystem::is_directory(plan_dir, ec)) {
      fmt::print("error missing-plan: '{}' is not a folder\n    hint: write a plan with 'takt plan {} --out {}'\n",
                 plan_dir, source.dir.empty() ? "--db " + source.db : source.dir, plan_dir);
      return kExitFailed;
    }
    clean = CheckPlan(model, std::filesystem::path(plan_dir), violations, &counts);
  }
  const double seconds = watch.Lap();
  violations.Print(stdout);
  if (violations.Has("unreadable-file")) {
    fmt::print("{}: some plan files cannot be read\n", plan_label);
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
