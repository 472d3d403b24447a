// The planner's ledgers against brute force over plain arrays, on random operations.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "plan/capacity_ledger.h"
#include "plan/material_ledger.h"
#include "test_data.h"

namespace takt {
namespace {

uint64_t Next(uint64_t& state) { return test::NextRandom(state); }

TEST(MaterialLedger, MatchesBruteForce) {
  for (int32_t days : {1, 7, 100, 730}) {
    MaterialLedger ledger(days, 3);
    std::vector<std::vector<int64_t>> delta(3, std::vector<int64_t>(static_cast<size_t>(days), 0));
    uint64_t rng = static_cast<uint64_t>(days);
    for (int op = 0; op < 2000; ++op) {
      const auto sp = static_cast<int32_t>(Next(rng) % 3);
      const auto day = static_cast<int32_t>(Next(rng) % static_cast<uint64_t>(days));
      const int64_t qty = static_cast<int64_t>(Next(rng) % 50) - 20;
      ledger.Add(sp, day, qty);
      delta[static_cast<size_t>(sp)][static_cast<size_t>(day)] += qty;

      const auto probe = static_cast<int32_t>(Next(rng) % static_cast<uint64_t>(days));
      const auto& d = delta[static_cast<size_t>(sp)];
      std::vector<int64_t> balance(d.size());
      int64_t running = 0;
      for (size_t t = 0; t < d.size(); ++t) balance[t] = running += d[t];
      const int64_t available = *std::min_element(balance.begin() + probe, balance.end());
      ASSERT_EQ(ledger.Available(sp, probe), available) << "days " << days << " op " << op;
      ASSERT_EQ(ledger.Balance(sp, probe), balance[static_cast<size_t>(probe)]);
      ASSERT_EQ(ledger.Total(sp), balance.back());
      const int64_t want = static_cast<int64_t>(Next(rng) % 60) - 10;
      int32_t first = -1;
      for (int32_t t = probe; t < days && first < 0; ++t) {
        if (*std::min_element(balance.begin() + t, balance.end()) >= want) first = t;
      }
      ASSERT_EQ(ledger.EarliestAvailable(sp, want, probe), first) << "want " << want << " from " << probe;
    }
  }
}

}  // namespace
}  // namespace takt

namespace takt {
namespace {

TEST(CapacityLedger, MatchesBruteForce) {
  Diagnostics diagnostics;
  auto model = LoadDataset(test::Tiny(), diagnostics);
  ASSERT_NE(model, nullptr);
  CapacityLedger ledger(*model);
  const int32_t days = model->settings().horizon_days;
  const size_t resources = model->resources().size();
  std::vector<std::vector<Fixed4>> free(resources);
  for (size_t r = 0; r < resources; ++r) {
    const auto c = model->capacity_by_day(ResourceId(r));
    free[r].assign(c.begin(), c.end());
  }
  uint64_t rng = 42;
  for (int op = 0; op < 3000; ++op) {
    const ResourceId r(static_cast<int32_t>(Next(rng) % resources));
    auto& f = free[r.index()];
    const auto day = static_cast<int32_t>(Next(rng) % static_cast<uint64_t>(days));
    const Fixed4 amount = static_cast<Fixed4>(Next(rng) % 6) * 5000 - 10000;  // -1 .. 1.5 units
    if (f[static_cast<size_t>(day)] - amount >= 0) {
      ledger.Use(r, day, amount);
      f[static_cast<size_t>(day)] -= amount;
    }
    const auto at = static_cast<int32_t>(Next(rng) % static_cast<uint64_t>(days));
    const Fixed4 want = static_cast<Fixed4>(Next(rng) % 8) * 5000 + 5000;
    ASSERT_EQ(ledger.Free(r, at), f[static_cast<size_t>(at)]);
    int32_t next = -1, prev = -1, reaches = -1;
    for (int32_t t = at; t < days && next < 0; ++t) {
      if (f[static_cast<size_t>(t)] >= want) next = t;
    }
    for (int32_t t = at; t >= 0 && prev < 0; --t) {
      if (f[static_cast<size_t>(t)] >= want) prev = t;
    }
    const Fixed4 total = want * 20;
    Fixed4 sum = 0;
    for (int32_t t = at; t < days && reaches < 0; ++t) {
      sum += f[static_cast<size_t>(t)];
      if (sum >= total) reaches = t;
    }
    ASSERT_EQ(ledger.NextWithFree(r, at, want), next) << op;
    ASSERT_EQ(ledger.PrevWithFree(r, at, want), prev) << op;
    ASSERT_EQ(ledger.DayCumulativeFreeReaches(r, at, total), reaches) << op;
  }
}

}  // namespace
}  // namespace takt
