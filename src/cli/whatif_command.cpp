// takt whatif: the base plan and each scenario's, side by side.

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "cli/store_progress.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "scenario/comparison_report.h"
#include "scenario/scenario.h"
#include "scenario/whatif.h"

namespace takt::cli {

namespace {

/// Keeps each scenario file in the store as a scenario version of the dataset. A live scenario of
/// the same name is left alone: the same text is already there, a different one is reported.
Status SaveScenarios(const WhatIfOptions& o, const std::vector<Scenario>& scenarios, SourcedDataset& dataset) {
  Store& store = *dataset.store;
  for (size_t i = 0; i < scenarios.size(); ++i) {
    const Scenario& s = scenarios[i];
    std::ifstream in(o.scenarios[i], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Result<int64_t> live = store.Resolve(kScenarioKind, s.name);
    if (live.ok()) {
      const Result<std::string> stored = store.ScenarioText(*live);
      if (!stored.ok()) return stored.status();
      if (*stored == text) {
        fmt::print("scenario {} is in {} already (version {})\n", s.name, o.source.db, *live);
      } else {
        fmt::print(stderr, "takt whatif: {} holds another scenario named {} (version {}); this one is not saved\n",
                   o.source.db, s.name, *live);
      }
      continue;
    }
    if (!live.Is(ErrorKind::kNotFound)) return live.status();
    const Result<int64_t> version = store.SaveScenario(
        dataset.version, text, {s.name, o.user.empty() ? CurrentUser() : o.user, s.description});
    if (!version.ok()) return version.status();
    fmt::print("scenario {} saved in {} as version {}\n", s.name, o.source.db, *version);
  }
  return Status::Ok();
}

/// ", 41,230 of 100,008 lines reused from the base", when any were.
std::string ReuseNote(const WhatIfResult& result, const Model& model) {
  if (result.lines_reused == 0) return "";
  return fmt::format(" ({} of {} lines' plans reused from the base)", result.lines_reused, model.lines().size());
}

}  // namespace

int RunWhatIf(const WhatIfOptions& o) {
  Diagnostics diagnostics;
  SourcedDataset dataset;
  if (const Status status = LoadDatasetSource(o.source, diagnostics, dataset); !status.ok()) {
    fmt::print(stderr, "takt whatif: {}\n", status.message());
    return kExitFailed;
  }
  const std::shared_ptr<const Model>& base = dataset.model;
  if (!base) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "{}: {} errors; nothing planned\n", dataset.label, diagnostics.error_count());
    return kExitBadData;
  }
  const PlanOptions& options = o.planning;

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
    if (const Status saved = SaveScenarios(o, scenarios, dataset); !saved.ok()) {
      fmt::print(stderr, "takt whatif: {}\n", saved.message());
      return kExitFailed;
    }
  }

  Stopwatch watch;
  const WhatIfBase what_if(base, options, scenarios);
  const double base_seconds = watch.Lap();
  fmt::print("base: {} lines planned in {:.2f} s -> {}/base\n", base->lines().size(), base_seconds, o.out);
  std::fflush(stdout);

  // Writing the base and running each scenario (plan, compare, write) are independent once the base
  // is planned: as many run at once as there are cores. Reports print in the scenarios' order.
  struct Task {
    std::string report, error;
  };
  std::vector<Task> tasks(scenarios.size() + 1);
  auto run = [&](size_t t) {
    if (t == 0) {
      tasks[0].error = WritePlanFolder(*base, what_if.plan(), what_if.report(), std::filesystem::path(o.out) / "base");
      return;
    }
    const Scenario& s = scenarios[t - 1];
    Stopwatch scenario_watch;
    const WhatIfResult result = what_if.Run(s);
    const double seconds = scenario_watch.Lap();
    const std::filesystem::path dir = std::filesystem::path(o.out) / s.name;
    std::string& error = tasks[t].error;
    error = WritePlanFolder(*s.model, result.plan, result.report, dir);
    if (error.empty()) error = WriteDatasetFolder(WriteComparison(result.comparison), dir);
    std::string& out = tasks[t].report;
    out = fmt::format("\n=== scenario {}{}\n", s.name, s.description.empty() ? "" : fmt::format(": {}", s.description));
    for (const std::string& edit : s.applied) out += fmt::format("  - {}\n", edit);
    out += fmt::format("  planned and compared in {:.2f} s{} -> {}\n\n{}", seconds, ReuseNote(result, *s.model),
                       dir.string(), FormatComparison(result.comparison, o.lines));
  };
  std::atomic<size_t> next{0};
  const size_t workers = std::min<size_t>(tasks.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) {
    threads.emplace_back([&] {
      for (size_t t; (t = next++) < tasks.size();) run(t);
    });
  }
  for (size_t t; (t = next++) < tasks.size();) run(t);
  for (std::thread& t : threads) t.join();

  std::string error;
  for (const Task& t : tasks) {
    fmt::print("{}", t.report);
    if (error.empty()) error = t.error;
  }
  if (!error.empty()) {
    fmt::print(stderr, "takt whatif: {}\n", error);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace takt::cli
