#include "plan/allocation.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace takt {

namespace {

/// Each order's position among order codes sorted as text, so that ties compare integers.
std::vector<int32_t> OrderRanks(const Model& m) {
  const auto& codes = m.order_codes();
  std::vector<int32_t> by_code(codes.size());
  for (size_t i = 0; i < by_code.size(); ++i) by_code[i] = static_cast<int32_t>(i);
  std::sort(by_code.begin(), by_code.end(), [&](int32_t a, int32_t b) {
    return codes[static_cast<size_t>(a)] < codes[static_cast<size_t>(b)];
  });
  std::vector<int32_t> rank(codes.size());
  for (size_t r = 0; r < by_code.size(); ++r) rank[static_cast<size_t>(by_code[r])] = static_cast<int32_t>(r);
  return rank;
}

/// priority, request date, order date, order code, line number.
struct PriorityKey {
  const Model& m;
  std::vector<int32_t> order_rank;
  explicit PriorityKey(const Model& model) : m(model), order_rank(OrderRanks(model)) {}
  bool Before(LineId a, LineId b) const {
    const OrderLine& x = m.line(a);
    const OrderLine& y = m.line(b);
    if (x.priority != y.priority) return x.priority < y.priority;
    if (x.request_date != y.request_date) return x.request_date < y.request_date;
    if (x.order_date != y.order_date) return x.order_date < y.order_date;
    const int32_t rx = order_rank[x.order.index()], ry = order_rank[y.order.index()];
    if (rx != ry) return rx < ry;
    return x.line < y.line;
  }
};

/// Scarcity of every item and resource: total need of the whole backlog over what exists in the
/// horizon (a rough cut, ignoring timing). Buyable items are never scarce.
struct Scarcity {
  std::vector<double> item_need;     ///< per item: units needed per unit of each ordered item, by explosion
  std::vector<double> item_ratio;    ///< need / supply, 0 for buyable items
  std::vector<double> resource_ratio;
};

/// Units of each item in one unit of `item` (all levels), accumulated into `per_unit`.
void Explode(const Model& m, ItemId item, double qty, std::vector<double>& per_unit) {
  per_unit[item.index()] += qty;
  for (const BomLine& b : m.components_of(item)) Explode(m, b.component, qty * b.qty_per, per_unit);
}

std::vector<LineId> AllLines(const Model& m) {
  std::vector<LineId> order(m.lines().size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = LineId(i);
  return order;
}

}  // namespace

std::unique_ptr<LineAllocation> MakeAllocation(AllocationPolicy policy) {
  if (policy == AllocationPolicy::kRevenue) return std::make_unique<RevenueAllocation>();
  return std::make_unique<PriorityAllocation>();
}

std::vector<LineId> PriorityAllocation::Sequence(const Model& m) const {
  std::vector<LineId> order = AllLines(m);
  const PriorityKey priority(m);
  std::sort(order.begin(), order.end(), [&](LineId a, LineId b) { return priority.Before(a, b); });
  return order;
}

std::vector<LineId> RevenueAllocation::Sequence(const Model& m) const {
  std::vector<LineId> order = AllLines(m);
  const PriorityKey priority(m);
  // Explode each ordered item once; sum the backlog's needs.
  const size_t items = m.items().size();
  std::vector<std::vector<double>> explosion(items);
  std::vector<double> need(items, 0.0), supply(items, 0.0), load(m.resources().size(), 0.0),
      capacity(m.resources().size(), 0.0);
  auto exploded = [&](ItemId item) -> const std::vector<double>& {
    auto& e = explosion[item.index()];
    if (e.empty()) {
      e.assign(items, 0.0);
      Explode(m, item, 1.0, e);
    }
    return e;
  };
  for (const OrderLine& l : m.lines()) {
    const auto& e = exploded(l.item);
    for (size_t i = 0; i < items; ++i) need[i] += e[i] * static_cast<double>(l.qty);
  }
  for (const Supply& s : m.supply()) supply[s.item.index()] += static_cast<double>(s.qty);
  // Load on resources: each built unit holds usage x duration on the routing of its first site.
  for (size_t i = 0; i < items; ++i) {
    const auto routings = m.routings_of(ItemId(i));
    if (routings.empty() || need[i] == 0) continue;
    for (const RoutingStep& s : m.steps(routings[0])) {
      load[s.resource.index()] += need[i] * static_cast<double>(s.usage_per_unit) * s.duration_days;
    }
  }
  for (size_t r = 0; r < capacity.size(); ++r) {
    for (Fixed4 c : m.capacity_by_day(ResourceId(r))) capacity[r] += static_cast<double>(c);
  }
  std::vector<double> item_ratio(items, 0.0), resource_ratio(capacity.size(), 0.0);
  for (size_t i = 0; i < items; ++i) {
    const bool buyable = m.items()[i].lead_time_days >= 0;
    const bool built = !m.routings_of(ItemId(i)).empty();
    if (!buyable && !built && need[i] > 0) item_ratio[i] = need[i] / std::max(supply[i], 1.0);
  }
  for (size_t r = 0; r < capacity.size(); ++r) resource_ratio[r] = load[r] / std::max(capacity[r], 1.0);

  // Per ordered item: how much of its scarcest input one unit uses, weighted by that scarcity.
  std::vector<double> scarce_use(items, -1.0);
  std::vector<double> score(order.size());
  for (size_t l = 0; l < order.size(); ++l) {
    const OrderLine& line = m.lines()[l];
    double& use = scarce_use[line.item.index()];
    if (use < 0) {
      const auto& e = exploded(line.item);
      use = 0;
      for (size_t i = 0; i < items; ++i) {
        if (e[i] == 0) continue;
        use = std::max(use, e[i] * item_ratio[i]);
        const auto routings = m.routings_of(ItemId(i));
        if (routings.empty()) continue;
        for (const RoutingStep& s : m.steps(routings[0])) {
          use = std::max(use, e[i] * static_cast<double>(s.usage_per_unit) * s.duration_days /
                                  static_cast<double>(kDecimalScale) * resource_ratio[s.resource.index()]);
        }
      }
    }
    score[l] = static_cast<double>(line.unit_price) / std::max(use, 1e-9);
  }
  const Day start = m.plan_start();
  auto quarter = [&](LineId l) {
    const QuarterId q = m.QuarterOf(std::max(m.line(l).request_date, start));
    return q.valid() ? q.value : INT32_MAX;  // after the last quarter: last
  };
  std::stable_sort(order.begin(), order.end(), [&](LineId a, LineId b) {
    const int32_t qa = quarter(a), qb = quarter(b);
    if (qa != qb) return qa < qb;
    if (score[a.index()] != score[b.index()]) return score[a.index()] > score[b.index()];
    return priority.Before(a, b);
  });
  return order;
}

}  // namespace takt
