// takt whatif: the base plan and each scenario's, side by side.

#include <fmt/format.h>

#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "scenario/plan_compare.h"
#include "scenario/scenario.h"

namespace takt::cli {

int RunWhatIf(const WhatIfOptions& o) {
  Diagnostics diagnostics;
  SourcedDataset dataset;
  if (const std::string error = LoadDatasetSource(o.source, diagnostics, dataset); !error.empty()) {
    fmt::print(stderr, "takt whatif: {}\n", error);
    return kExitFailed;
  }
  const std::shared_ptr<const Model>& base = dataset.model;
  if (!base) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "{}: {} errors; nothing planned\n", dataset.label, diagnostics.error_count());
    return kExitBadData;
  }
  PlanOptions options;
  options.policy = o.policy == "revenue" ? AllocationPolicy::kRevenue : AllocationPolicy::kPriority;
  options.licence_policy = o.licence_policy == "expected" ? LicencePolicy::kExpected : LicencePolicy::kConservative;

  // Every scenario is read and checked before anything is planned or written.
  std::vector<Scenario> scenarios;
  Diagnostics problems;
  for (const std::string& file : o.scenarios) {
    if (auto s = LoadScenario(file, *base, options, problems)) scenarios.push_back(std::move(*s));
  }
  problems.Print(stderr);
  if (problems.has_errors()) {
    fmt::print(stderr, "{} error{} in the scenarios; nothing planned\n", problems.error_count(),
               problems.error_count() == 1 ? "" : "s");
    return kExitBadData;
  }

  Stopwatch watch;
  const Plan base_plan = PlanBacklog(*base, options);
  const PlanReport base_report = BuildReport(*base, base_plan);
  const double base_seconds = watch.Lap();
  std::string error = WritePlanFolder(*base, base_plan, base_report, std::filesystem::path(o.out) / "base");
  const PlanView base_view = PlanViewOf(*base, base_plan, base_report);
  fmt::print("base: {} lines planned in {:.2f} s -> {}/base\n", base->lines().size(), base_seconds, o.out);

  for (const Scenario& s : scenarios) {
    watch.Lap();
    const Plan plan = PlanBacklog(*s.model, s.options);
    const PlanReport report = BuildReport(*s.model, plan);
    const PlanComparison comparison = ComparePlans(base_view, PlanViewOf(*s.model, plan, report));
    const double seconds = watch.Lap();
    const std::filesystem::path dir = std::filesystem::path(o.out) / s.name;
    if (error.empty()) error = WritePlanFolder(*s.model, plan, report, dir);
    if (error.empty()) error = WriteDatasetFolder(WriteComparison(comparison), dir);
    fmt::print("\n=== scenario {}{}\n", s.name, s.description.empty() ? "" : fmt::format(": {}", s.description));
    for (const std::string& edit : s.applied) fmt::print("  - {}\n", edit);
    fmt::print("  planned and compared in {:.2f} s -> {}\n\n{}", seconds, dir.string(),
               FormatComparison(comparison, o.lines));
  }
  if (!error.empty()) {
    fmt::print(stderr, "takt whatif: {}\n", error);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace takt::cli
