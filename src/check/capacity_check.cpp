// Capacity: on every day, for every resource, the sum of usage_per_unit x qty over the operations
// running that day is at most the resource's capacity that day. Loads are built with a difference
// array per resource (O(operations + resources x days)) and compared exactly, in Fixed4.

#include <fmt/format.h>

#include <algorithm>

#include "check/checks.h"

namespace takt::check {

namespace {

/// A run of consecutive days on which a resource is over capacity.
struct Overload {
  size_t resource = 0;
  int32_t first_day = 0;  ///< day index
  int32_t last_day = 0;
  Wide load = 0;  ///< on the first day
  Fixed4 capacity = 0;
  int culprit_line = 0;  ///< an operation running on the first day
};

/// The load an operation puts on its resource on each day it runs, or nothing when its work order
/// or step is unknown (the routing check reports those).
std::optional<Wide> DailyLoad(const CheckContext& ctx, const OperationRow& op) {
  const WorkOrderRow& wo = ctx.plan.work_orders[static_cast<size_t>(op.work_order)];
  if (!wo.ok) return std::nullopt;
  const Routing* routing = ctx.index.RoutingAt(wo.item, wo.site);
  if (routing == nullptr) return std::nullopt;
  const RoutingStep* step = ctx.index.StepOf(*routing, op.step);
  if (step == nullptr) return std::nullopt;
  return static_cast<Wide>(step->usage_per_unit) * op.qty;
}

}  // namespace

void CheckCapacity(const CheckContext& ctx) {
  const Model& m = ctx.model();
  const auto days = static_cast<size_t>(ctx.index.days());
  const size_t resources = m.resources().size();
  const Day plan_start = m.plan_start();
  // Day span of an operation clipped to the horizon (days outside it are the routing check's).
  auto clip = [&](const OperationRow& op, int32_t& from, int32_t& to) {
    from = std::max(op.start, plan_start) - plan_start;
    to = std::min(op.end, m.horizon_end()) - plan_start;
    return from <= to;
  };

  std::vector<Wide> diff(resources * (days + 1), 0);
  for (const OperationRow& op : ctx.plan.operations) {
    int32_t from = 0;
    int32_t to = 0;
    if (!clip(op, from, to)) continue;
    const auto load = DailyLoad(ctx, op);
    if (!load) continue;
    Wide* row = &diff[op.resource.index() * (days + 1)];
    row[from] += *load;
    row[to + 1] -= *load;
  }

  std::vector<Overload> overloads;
  for (size_t r = 0; r < resources; ++r) {
    const auto capacity = m.capacity_by_day(ResourceId(r));
    const Wide* row = &diff[r * (days + 1)];
    Wide load = 0;
    bool in_run = false;
    for (size_t d = 0; d < days; ++d) {
      load += row[d];
      if (load > capacity[d]) {
        if (!in_run) overloads.push_back({r, static_cast<int32_t>(d), 0, load, capacity[d], 0});
        overloads.back().last_day = static_cast<int32_t>(d);
        in_run = true;
      } else {
        in_run = false;
      }
    }
  }
  if (overloads.empty()) return;

  // Pin each run on the first operation (in file order) running on its first day.
  std::vector<uint32_t> first(resources + 1, 0);  // overloads are sorted by resource, then day
  for (const Overload& o : overloads) ++first[o.resource + 1];
  for (size_t r = 0; r < resources; ++r) first[r + 1] += first[r];
  for (const OperationRow& op : ctx.plan.operations) {
    int32_t from = 0;
    int32_t to = 0;
    if (!clip(op, from, to) || !DailyLoad(ctx, op)) continue;
    auto begin = overloads.begin() + first[op.resource.index()];
    auto end = overloads.begin() + first[op.resource.index() + 1];
    auto it = std::lower_bound(begin, end, from, [](const Overload& o, int32_t day) { return o.first_day < day; });
    for (; it != end && it->first_day <= to; ++it) {
      if (it->culprit_line == 0) it->culprit_line = op.src_line;
    }
  }

  for (const Overload& o : overloads) {
    const ResourceId r(o.resource);
    const Day first_day = plan_start + o.first_day;
    std::string message = fmt::format("resource {} at site {} is loaded {} on {}, over its capacity of {}",
                                      ctx.index.resource_code(r), ctx.index.site_code(m.resource(r).site),
                                      FormatFixed(o.load), FormatDate(first_day), FormatDecimal(o.capacity));
    if (o.last_day > o.first_day) {
      message += fmt::format(" (over capacity {}..{})", FormatDate(first_day), FormatDate(plan_start + o.last_day));
    }
    ctx.out.Error("capacity-exceeded", kOperationsFile, o.culprit_line, "resource", std::move(message));
  }
}

}  // namespace takt::check
