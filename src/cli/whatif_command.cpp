// takt whatif: the base plan and each scenario's, side by side.

#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "cli/store_progress.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "scenario/plan_compare.h"
#include "scenario/scenario.h"

namespace takt::cli {

namespace {

/// Keeps each scenario file in the store as a scenario version of the dataset. A live scenario of
/// the same name is left alone: the same text is already there, a different one is reported.
void SaveScenarios(const WhatIfOptions& o, const std::vector<Scenario>& scenarios, SourcedDataset& dataset) {
  Store& store = *dataset.store;
  for (size_t i = 0; i < scenarios.size(); ++i) {
    const Scenario& s = scenarios[i];
    std::ifstream in(o.scenarios[i], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (const std::optional<int64_t> live = store.Resolve(kScenarioKind, s.name)) {
      if (store.ScenarioText(*live) == text) {
        fmt::print("scenario {} is in {} already (version {})\n", s.name, o.source.db, *live);
      } else {
        fmt::print(stderr, "takt whatif: {} holds another scenario named {} (version {}); this one is not saved\n",
                   o.source.db, s.name, *live);
      }
      continue;
    }
    const int64_t version =
        store.SaveScenario(dataset.version, s.name, text, s.description, o.user.empty() ? CurrentUser() : o.user);
    fmt::print("scenario {} saved in {} as version {}\n", s.name, o.source.db, version);
  }
}

}  // namespace

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
  if (o.save) {
    if (!dataset.store) {
      fmt::print(stderr, "takt whatif: --save keeps scenarios in a store; read the dataset with --db\n");
      return kExitFailed;
    }
    SaveScenarios(o, scenarios, dataset);
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
    const PlanComparison comparison = CompareWithPlan(base_view, *s.model, plan, report);
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
