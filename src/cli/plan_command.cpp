#include <fmt/format.h>

#include <algorithm>
#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "cli/store_progress.h"
#include "io/dataset_loader.h"
#include "plan/plan_options.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"

namespace takt::cli {

int RunPlan(const PlanCommandOptions& options) {
  if (options.out.empty() && options.source.db.empty()) {
    fmt::print(stderr, "takt plan: give --out PLANDIR (or read the dataset from a store with --db, which keeps the "
                       "plan)\n");
    return kExitFailed;
  }
  Stopwatch watch;
  Diagnostics diagnostics(options.max_per_kind);
  SourcedDataset dataset;
  if (const Status status = LoadDatasetSource(options.source, diagnostics, dataset); !status.ok()) {
    fmt::print(stderr, "takt plan: {}\n", status.message());
    return kExitFailed;
  }
  if (!dataset.model) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "{}: {} errors; nothing planned\n", dataset.label, diagnostics.error_count());
    return kExitBadData;
  }
  const Model& model = *dataset.model;
  const double load_seconds = watch.Lap();

  const PlanOptions& plan_options = options.planning;
  const Plan plan = PlanBacklog(model, plan_options);
  const PlanReport report = BuildReport(model, plan);
  const double plan_seconds = watch.Lap();

  std::string written;  // where the plan went, for the closing line
  if (!options.out.empty()) {
    const std::string error = WritePlanFolder(model, plan, report, options.out);
    if (!error.empty()) {
      fmt::print(stderr, "takt plan: {}\n", error);
      return kExitFailed;
    }
    written = options.out;
  }
  if (dataset.store) {
    Store& store = *dataset.store;
    std::string name = options.name;
    if (name.empty()) {
      const Result<VersionInfo> info = store.Version(dataset.version);
      if (!info.ok()) {
        fmt::print(stderr, "takt plan: {}\n", info.message());
        return kExitFailed;
      }
      name = info->name;
    }
    // As `takt serve` notes the plans it keeps, so that it finds this plan instead of making it again.
    std::string note = PlanOptionsNote(plan_options);
    if (!options.note.empty()) note += "; " + options.note;
    const Result<int64_t> version =
        store.SavePlan(dataset.version, WritePlanFiles(model, plan, report).files,
                       {name, options.user.empty() ? CurrentUser() : options.user, note}, ProgressLines("saving"));
    if (!version.ok()) {
      fmt::print(stderr, "takt plan: {}\n", version.message());
      return kExitFailed;
    }
    written += fmt::format("{}{} as plan version {}", written.empty() ? "" : " and ", options.source.db, *version);
  }
  const double write_seconds = watch.Lap();

  if (!options.quiet) fmt::print("{}\n", FormatReport(model, plan, report));
  fmt::print("planned {} lines into {}: {} shipments, {} work orders, {} purchases (load {:.2f} s, plan {:.2f} s, "
             "write {:.2f} s)\n",
             model.lines().size(), written, plan.shipments.size(), plan.work_orders.size(),
             std::count_if(plan.purchases.begin(), plan.purchases.end(), [](const Purchase& p) { return p.qty > 0; }),
             load_seconds, plan_seconds, write_seconds);
  return kExitOk;
}

}  // namespace takt::cli
