// The plan phase alone (no load, no write) on a dataset folder given by TAKT_BENCH_DATASET
// (default: a freshly generated demo), with a checksum of the outcome so that a faster but
// different plan shows.

#include <benchmark/benchmark.h>

#include <cstdlib>

#include "generate/generator.h"
#include "io/dataset_loader.h"
#include "plan/planner.h"

namespace takt {
namespace {

std::shared_ptr<const Model> BenchModel() {
  static std::shared_ptr<const Model> model = [] {
    Diagnostics diagnostics;
    const char* dir = std::getenv("TAKT_BENCH_DATASET");
    return dir != nullptr ? LoadDataset(std::filesystem::path(dir), diagnostics)
                          : LoadDataset(Generate({Scale::kDemo, 1}).files, diagnostics);
  }();
  return model;
}

void BM_PlanBacklog(benchmark::State& state) {
  auto model = BenchModel();
  if (!model) {
    state.SkipWithError("dataset does not load");
    return;
  }
  PlanOptions options;
  options.policy = state.range(0) == 0 ? AllocationPolicy::kPriority : AllocationPolicy::kRevenue;
  int64_t checksum = 0;
  for (auto _ : state) {
    const Plan plan = PlanBacklog(*model, options);
    checksum = 0;
    for (const LineOutcome& o : plan.outcomes) checksum = checksum * 31 + o.planned_day * 7 + o.shipped_qty;
    benchmark::DoNotOptimize(checksum);
  }
  state.counters["lines"] = static_cast<double>(model->lines().size());
  state.counters["checksum"] = static_cast<double>(checksum % 1000000);
}
BENCHMARK(BM_PlanBacklog)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace takt
