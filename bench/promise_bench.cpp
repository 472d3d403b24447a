// Capable-to-promise latency: plans the backlog of a dataset once, then answers 10,000 random
// quotes (items, customers and destinations of existing orders; 1-16 units; request dates across
// the horizon; a third partial) one at a time, in process, and prints p50 / p90 / p99 / max.
// Usage: takt_bench_promise DATASET_DIR [quotes]

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

#include "io/dataset_loader.h"
#include "plan/promise_session.h"

int main(int argc, char** argv) {
  using namespace takt;
  if (argc < 2) {
    fmt::print(stderr, "usage: takt_bench_promise DATASET_DIR [quotes]\n");
    return 1;
  }
  const int count = argc > 2 ? std::atoi(argv[2]) : 10000;
  Diagnostics diagnostics;
  auto model = LoadDataset(std::filesystem::path(argv[1]), diagnostics);
  if (!model) {
    diagnostics.Print(stderr);
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  PromiseSession planner(*model, {});
  const double plan_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  uint64_t rng = 12345;
  auto next = [&rng] {
    rng += 0x9E3779B97F4A7C15ULL;
    uint64_t z = rng;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  std::vector<double> micros;
  micros.reserve(static_cast<size_t>(count));
  int64_t full = 0, on_time = 0;
  for (int i = 0; i < count; ++i) {
    const OrderLine& like = model->lines()[next() % model->lines().size()];
    QuoteRequest q;
    q.item = like.item;
    q.qty = 1 + static_cast<int64_t>(next() % 16);
    q.ship_to = like.ship_to;
    q.customer = like.customer;
    q.request_date = model->plan_start() + static_cast<int32_t>(next() % static_cast<uint64_t>(model->settings().horizon_days));
    q.partial = next() % 3 == 0;
    const auto t = std::chrono::steady_clock::now();
    const QuoteAnswer a = planner.Promise(q);
    micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count());
    full += a.outcome.shipped_qty == q.qty ? 1 : 0;
    on_time += a.outcome.status == LineStatus::kOnTime ? 1 : 0;
  }
  std::sort(micros.begin(), micros.end());
  auto pct = [&](double p) { return micros[static_cast<size_t>(p * static_cast<double>(micros.size() - 1))]; };
  fmt::print("{}: {} lines planned in {:.2f} s; {} quotes: p50 {:.1f} us, p90 {:.1f} us, p99 {:.1f} us, max {:.1f} us; "
             "{} ship in full, {} on time\n",
             argv[1], model->lines().size(), plan_seconds, count, pct(0.5), pct(0.9), pct(0.99), micros.back(), full,
             on_time);
  return 0;
}
