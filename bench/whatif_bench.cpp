// What-if speed: plans the base of a dataset, then each scenario (re-plan, report and comparison
// with the base, as `takt whatif` does before writing), several times, and prints the median and
// the fastest time of each against the base plan's, and the time of planning the scenario's
// dataset from scratch (plan and report, as `takt plan` would).
// Usage: takt_bench_whatif DATASET_DIR SCENARIO.toml... [--repeat N] [--no-scratch]
// (--no-scratch leaves out planning each scenario from scratch, so that under
// `valgrind --tool=callgrind` the inclusive counts of PlanBacklog, WhatIfBase::WhatIfBase and
// WhatIfBase::Run are the base plan's, the what-if base's and the scenarios'.)

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "io/dataset_loader.h"
#include "plan/plan_report.h"
#include "plan/planner.h"
#include "scenario/scenario.h"
#include "scenario/whatif.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

struct Timing {
  std::vector<double> seconds;
  double Median() {
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
  }
  double Min() const { return *std::min_element(seconds.begin(), seconds.end()); }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace takt;
  std::vector<std::string> files;
  int repeat = 5;
  bool scratch_too = true;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-scratch") == 0) {
      scratch_too = false;
    } else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (argc < 3 || files.empty()) {
    fmt::print(stderr, "usage: takt_bench_whatif DATASET_DIR SCENARIO.toml... [--repeat N]\n");
    return 1;
  }
  Diagnostics diagnostics;
  std::shared_ptr<const Model> model = LoadDataset(std::filesystem::path(argv[1]), diagnostics);
  if (!model) {
    diagnostics.Print(stderr);
    return 2;
  }
  const PlanOptions options;
  std::vector<Scenario> scenarios;
  for (const std::string& f : files) {
    if (auto s = LoadScenario(f, *model, options, diagnostics)) scenarios.push_back(std::move(*s));
  }
  if (diagnostics.has_errors()) {
    diagnostics.Print(stderr);
    return 2;
  }

  // The base as `takt plan` makes it (plan and report), and as a what-if base (also what scenarios
  // reuse of it).
  Timing plain, base;
  std::vector<Timing> runs(scenarios.size()), scratch(scenarios.size());
  std::vector<size_t> changed(scenarios.size()), reused(scenarios.size());
  for (int r = 0; r < repeat; ++r) {
    auto t = std::chrono::steady_clock::now();
    {
      const Plan plan = PlanBacklog(*model, options);
      const PlanReport report = BuildReport(*model, plan);
      plain.seconds.push_back(Seconds(t));
    }
    t = std::chrono::steady_clock::now();
    const WhatIfBase what_if(model, options, scenarios);
    base.seconds.push_back(Seconds(t));
    for (size_t i = 0; i < scenarios.size(); ++i) {
      t = std::chrono::steady_clock::now();
      if (scratch_too) {
        const Plan plan = PlanBacklog(*scenarios[i].model, scenarios[i].options);
        const PlanReport report = BuildReport(*scenarios[i].model, plan);
        scratch[i].seconds.push_back(Seconds(t));
      }
      t = std::chrono::steady_clock::now();
      const WhatIfResult result = what_if.Run(scenarios[i]);
      runs[i].seconds.push_back(Seconds(t));
      changed[i] = result.comparison.changes.size();
      reused[i] = result.lines_reused;
    }
  }
  const double reference = plain.Median();
  fmt::print("{} lines, {} runs each (median, fastest)\n", model->lines().size(), repeat);
  fmt::print("  {:<28} {:>7.3f} s {:>7.3f} s\n", "base plan (takt plan)", reference, plain.Min());
  fmt::print("  {:<28} {:>7.3f} s {:>7.3f} s\n", "what-if base", base.Median(), base.Min());
  for (size_t i = 0; i < scenarios.size(); ++i) {
    const double median = runs[i].Median();
    fmt::print("  {:<28} {:>7.3f} s {:>7.3f} s  {:>4.0f}% of the base plan ({}); {} lines changed, {} reused\n",
               scenarios[i].name, median, runs[i].Min(), 100.0 * median / reference,
               scratch_too ? fmt::format("planned from scratch: {:.3f} s", scratch[i].Median()) : "not planned from scratch",
               changed[i], reused[i]);
  }
  return 0;
}
