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

/// With --db, opens the store and finds the plan to check: its version (0 for the dataset's newest
/// plan, found once the dataset is), and the dataset version it was made from when no --version
/// was given.
Result<int64_t> FindStoredPlan(const CheckOptions& o, DatasetSource& source, SourcedDataset& dataset) {
  Result<std::unique_ptr<Store>> opened = OpenStore(source.db, Store::Mode::kExisting);
  if (!opened.ok()) return opened.status();
  dataset.store = std::move(*opened);
  if (o.plan_version.empty()) return int64_t{0};
  const Result<int64_t> id = dataset.store->Resolve(kPlanKind, o.plan_version);
  if (id.Is(ErrorKind::kNotFound)) {
    return Status::Error(ErrorKind::kNotFound, fmt::format("{} has no plan version '{}' (see 'takt versions --db {}')",
                                                           source.db, o.plan_version, source.db));
  }
  if (!id.ok()) return id.status();
  if (source.version.empty()) {
    const Result<VersionInfo> info = dataset.store->Version(*id);
    if (!info.ok()) return info.status();
    source.version = std::to_string(info->parent);
  }
  return *id;
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
    const Result<int64_t> plan = FindStoredPlan(options, source, dataset);
    if (!plan.ok()) {
      fmt::print(stderr, "takt check: {}\n", plan.message());
      return kExitFailed;
    }
    plan_version = *plan;
  } else if (plan_dir.empty()) {
    fmt::print(stderr, "takt check: give the plan folder after the dataset folder\n");
    return kExitFailed;
  }

  Diagnostics dataset_problems(options.max_per_kind);
  if (const Status status = LoadDatasetSource(source, dataset_problems, dataset); !status.ok()) {
    fmt::print(stderr, "takt check: {}\n", status.message());
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
    Store& store = *dataset.store;
    if (plan_version == 0) {
      const Result<int64_t> latest = store.LatestPlanOf(dataset.version);
      if (!latest.ok()) {
        fmt::print(stderr, "takt check: {}\n", latest.message());
        return kExitFailed;
      }
      plan_version = *latest;
    }
    if (plan_version == 0) {
      fmt::print(stderr, "takt check: {} holds no plan of dataset version {}; make one with 'takt plan --db {}'\n",
                 source.db, dataset.version, source.db);
      return kExitFailed;
    }
    const Result<VersionInfo> info = store.Version(plan_version);
    if (!info.ok()) {
      fmt::print(stderr, "takt check: {}\n", info.message());
      return kExitFailed;
    }
    if (info->parent != dataset.version) {
      fmt::print("note: plan version {} was made from dataset version {}, checked here against version {}\n",
                 plan_version, info->parent, dataset.version);
    }
    plan_label = fmt::format("{} plan {}", source.db, plan_version);
    Result<DatasetFiles> files = store.LoadPlanFiles(plan_version);
    if (!files.ok()) {
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
