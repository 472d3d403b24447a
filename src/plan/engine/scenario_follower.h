#pragma once
// Scenarios followed through a base run (PlanBase). Each keeps its own ledgers of the stock points
// and resources it changed, updated with every change the base run makes to them, and is asked
// every question the base run asks of them. The first answer that differs marks the line being
// planned as the first the scenario may plan otherwise: the lines before it got the same answers
// to every question, so they planned as in the base and left the same state, but for what the
// scenario changed, which its own ledgers hold.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "model/model.h"
#include "plan/capacity_ledger.h"
#include "plan/material_ledger.h"
#include "plan/planner.h"

namespace takt::engine {

/// The model's supply into a ledger: what planning starts from. `point_of`, when given, maps each
/// stock point (item x site) to the ledger's point, -1 for one it does not hold.
void AddSupply(const Model& m, MaterialLedger& material, const std::vector<int32_t>* point_of = nullptr);

class ScenarioFollower {
 public:
  struct Follow {
    const Divergence* divergence = nullptr;
    /// The scenario's ledgers of only what it changed: stock point divergence->stock_points[k] is
    /// its point k, resource divergence->resources[k] its resource k.
    MaterialLedger material;
    CapacityLedger capacity;
    std::vector<int32_t> local_point, local_resource;  ///< per stock point / resource: k, or -1
    bool active = true;
    bool diverged = false;  ///< some question got another answer during the line being planned
  };

  ScenarioFollower(const Model& base, std::span<const ScenarioToFollow> scenarios);

  std::vector<Follow>& follows() { return follows_; }

  /// Stops following a scenario: its changed points are no longer updated or asked.
  void Stop(size_t index);
  /// Whether a scenario that changed some stock point or resource is still followed: the others'
  /// start is their limit, which needs no questions asked.
  bool any_watching() const;

  void Add(int32_t sp, int32_t day, int64_t qty) {
    for (const uint16_t i : by_stock_point_[static_cast<size_t>(sp)]) {
      follows_[i].material.Add(follows_[i].local_point[static_cast<size_t>(sp)], day, qty);
    }
  }
  void Use(ResourceId r, int32_t day, Fixed4 amount) {
    for (const uint16_t i : by_resource_[r.index()]) {
      follows_[i].capacity.Use(ResourceId(follows_[i].local_resource[r.index()]), day, amount);
    }
  }
  /// `same(ledger, k)`: whether the scenario's ledger, where the point is its point k, gives the
  /// base run's answer.
  template <typename Same>
  void Check(int32_t sp, Same same) {
    for (const uint16_t i : by_stock_point_[static_cast<size_t>(sp)]) {
      Follow& f = follows_[i];
      if (!f.diverged && !same(std::as_const(f.material), f.local_point[static_cast<size_t>(sp)])) f.diverged = true;
    }
  }
  template <typename Same>
  void Check(ResourceId r, Same same) {
    for (const uint16_t i : by_resource_[r.index()]) {
      Follow& f = follows_[i];
      if (!f.diverged && !same(std::as_const(f.capacity), ResourceId(f.local_resource[r.index()]))) f.diverged = true;
    }
  }

 private:
  std::vector<Follow> follows_;
  std::vector<std::vector<uint16_t>> by_stock_point_;  ///< the active scenarios that changed each
  std::vector<std::vector<uint16_t>> by_resource_;
};

}  // namespace takt::engine
