#include "plan/engine/scenario_follower.h"

#include <algorithm>

#include "plan/divergence.h"

namespace takt::engine {

void AddSupply(const Model& m, MaterialLedger& material, const std::vector<int32_t>* point_of) {
  const int32_t sites = static_cast<int32_t>(m.sites().size());
  for (const Supply& s : m.supply()) {
    const int32_t sp = s.item.value * sites + s.site.value;
    const int32_t point = point_of != nullptr ? (*point_of)[static_cast<size_t>(sp)] : sp;
    const int32_t day = std::max(0, s.date - m.plan_start());
    if (point >= 0 && day < material.days()) material.Add(point, day, s.qty);
  }
}

ScenarioFollower::ScenarioFollower(const Model& base, std::span<const ScenarioToFollow> scenarios)
    : by_stock_point_(base.items().size() * base.sites().size()), by_resource_(base.resources().size()) {
  follows_.reserve(scenarios.size());
  for (const ScenarioToFollow& s : scenarios) {
    Follow& f = follows_.emplace_back();
    const Divergence& d = *s.divergence;
    f.divergence = &d;
    f.local_point.assign(by_stock_point_.size(), -1);
    f.local_resource.assign(by_resource_.size(), -1);
    f.material = MaterialLedger(base.settings().horizon_days, static_cast<int32_t>(d.stock_points.size()));
    for (size_t k = 0; k < d.stock_points.size(); ++k) {
      f.local_point[static_cast<size_t>(d.stock_points[k])] = static_cast<int32_t>(k);
    }
    AddSupply(*s.model, f.material, &f.local_point);
    f.capacity = CapacityLedger(*s.model, d.resources);
    for (size_t k = 0; k < d.resources.size(); ++k) f.local_resource[d.resources[k].index()] = static_cast<int32_t>(k);
    const auto index = static_cast<uint16_t>(follows_.size() - 1);
    for (const int32_t sp : d.stock_points) by_stock_point_[static_cast<size_t>(sp)].push_back(index);
    for (const ResourceId r : d.resources) by_resource_[r.index()].push_back(index);
  }
}

void ScenarioFollower::Stop(size_t index) {
  follows_[index].active = false;
  auto drop = [&](std::vector<uint16_t>& list) { std::erase(list, static_cast<uint16_t>(index)); };
  for (const int32_t sp : follows_[index].divergence->stock_points) drop(by_stock_point_[static_cast<size_t>(sp)]);
  for (const ResourceId r : follows_[index].divergence->resources) drop(by_resource_[r.index()]);
}

bool ScenarioFollower::any_watching() const {
  return std::any_of(follows_.begin(), follows_.end(), [](const Follow& f) {
    return f.active && (!f.divergence->stock_points.empty() || !f.divergence->resources.empty());
  });
}

}  // namespace takt::engine
