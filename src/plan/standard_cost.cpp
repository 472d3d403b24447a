#include "plan/standard_cost.h"

#include <algorithm>
#include <numeric>

namespace takt {

std::vector<Money> StandardCosts(const Model& model) {
  const size_t n = model.items().size();
  std::vector<Money> cost(n, 0);
  // Deepest items first, so every component is costed before its parents.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return model.low_level_code(ItemId(a)) > model.low_level_code(ItemId(b));
  });
  for (size_t i : order) {
    const auto children = model.components_of(ItemId(i));
    if (children.empty()) {
      cost[i] = model.items()[i].unit_cost;
      continue;
    }
    Money sum = 0;
    for (const BomLine& b : children) sum += b.qty_per * cost[b.component.index()];
    cost[i] = sum;
  }
  return cost;
}

}  // namespace takt
