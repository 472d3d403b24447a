#include "plan/engine/planner_index.h"

#include <algorithm>

#include "plan/candidate_sites.h"

namespace takt::engine {

PlannerIndex::PlannerIndex(const Model& model)
    : m_(model), days_(model.settings().horizon_days), sites_(static_cast<int32_t>(model.sites().size())) {
  const size_t items = model.items().size();
  int32_t depth = 0;
  for (size_t i = 0; i < items; ++i) depth = std::max(depth, model.low_level_code(ItemId(i)));
  depth_levels_ = static_cast<size_t>(depth) + 2;
  buyable_.assign(items * static_cast<size_t>(sites_), 0);
  for (size_t i = 0; i < items; ++i) {
    if (model.items()[i].lead_time_days < 0) continue;
    for (int32_t s = 0; s < sites_; ++s) buyable_[i * static_cast<size_t>(sites_) + static_cast<size_t>(s)] = 1;
    for (const Routing& r : model.routings_of(ItemId(i))) buyable_[static_cast<size_t>(StockPoint(r.item, r.site))] = 0;
  }
  // Per BOM line: does the component also appear below another component of the same parent?
  shared_below_.assign(model.bom().size(), 0);
  std::vector<std::vector<uint8_t>> below(items);
  auto descendants = [&](auto& self, ItemId item) -> const std::vector<uint8_t>& {
    std::vector<uint8_t>& d = below[item.index()];
    if (d.empty()) {
      d.assign(items, 0);
      for (const BomLine& b : model.components_of(item)) {
        d[b.component.index()] = 1;
        const std::vector<uint8_t>& sub = self(self, b.component);
        for (size_t i = 0; i < d.size(); ++i) d[i] |= sub[i];
      }
    }
    return d;
  };
  for (size_t i = 0; i < items; ++i) {
    const auto children = model.components_of(ItemId(i));
    for (const BomLine& b : children) {
      for (const BomLine& sibling : children) {
        if (&sibling != &b && descendants(descendants, sibling.component)[b.component.index()]) {
          shared_below_[static_cast<size_t>(&b - model.bom().data())] = 1;
        }
      }
    }
  }
  candidate_sites_ = takt::CandidateSites(model);
}

}  // namespace takt::engine
