#include "server/plan_snapshot.h"

#include <algorithm>
#include <chrono>

namespace takt::server {

namespace {

/// Counting sort of rows by a key in [0, keys): stable, so rows keep their creation order.
template <typename KeyOf>
RowIndex IndexBy(size_t rows, size_t keys, KeyOf key_of) {
  RowIndex index;
  index.offsets.assign(keys + 1, 0);
  for (size_t i = 0; i < rows; ++i) ++index.offsets[key_of(i) + 1];
  for (size_t k = 0; k < keys; ++k) index.offsets[k + 1] += index.offsets[k];
  index.order.resize(rows);
  std::vector<uint32_t> next(index.offsets.begin(), index.offsets.end() - 1);
  for (size_t i = 0; i < rows; ++i) index.order[next[key_of(i)]++] = static_cast<uint32_t>(i);
  return index;
}

}  // namespace

std::shared_ptr<PlanSnapshot> PlanSnapshot::Build(std::shared_ptr<const Model> model, const PlanOptions& options,
                                                  SnapshotSource source) {
  std::shared_ptr<PlanSnapshot> s(new PlanSnapshot());
  const auto start = std::chrono::steady_clock::now();
  s->model_ = std::move(model);
  s->source_ = std::move(source);
  // Scenarios run through the API start at the latest of these before their first edited line
  // when they change no supply or capacity (orders, licences): 4 x ~19 MB on large.
  constexpr size_t kScenarioCheckpoints = 4;
  s->promises_ = std::make_unique<PromiseSession>(*s->model_, options, kScenarioCheckpoints);
  // A copy: committed quotes change the planner's plan, and readers must see a plan that never moves.
  s->plan_ = s->promises_->plan();
  s->seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  s->report_ = BuildReport(*s->model_, s->plan_);
  s->top_constraints_ = TopConstraintsOf(*s->model_, s->plan_, s->report_);
  s->pegs_ = PegPlan(*s->model_, s->plan_);
  s->BuildIndexes();
  return s;
}

void PlanSnapshot::BuildIndexes() {
  const Model& m = *model_;
  const size_t lines = m.lines().size();
  days_ = m.settings().horizon_days;

  shipments_by_line_ =
      IndexBy(plan_.shipments.size(), lines, [&](size_t i) { return plan_.shipments[i].line.index(); });
  work_orders_by_line_ = IndexBy(plan_.work_orders.size(), lines, [&](size_t i) {
    // Work orders built for a committed quote have no line of the model; they never reach a snapshot.
    return plan_.work_orders[i].line.index();
  });
  const size_t items = m.items().size();
  purchases_by_item_ = IndexBy(plan_.purchases.size(), items, [&](size_t i) { return plan_.purchases[i].item.index(); });
  work_orders_by_item_ =
      IndexBy(plan_.work_orders.size(), items, [&](size_t i) { return plan_.work_orders[i].item.index(); });
  consumptions_by_item_ =
      IndexBy(plan_.consumptions.size(), items, [&](size_t i) { return plan_.consumptions[i].item.index(); });

  peg_offsets_.assign(lines + 1, 0);
  for (const Peg& p : pegs_) ++peg_offsets_[p.line.index() + 1];
  for (size_t k = 0; k < lines; ++k) peg_offsets_[k + 1] += peg_offsets_[k];

  lines_by_order_.resize(lines);
  for (size_t i = 0; i < lines; ++i) lines_by_order_[i] = static_cast<uint32_t>(i);
  std::sort(lines_by_order_.begin(), lines_by_order_.end(), [&](uint32_t a, uint32_t b) {
    const OrderLine& la = m.lines()[a];
    const OrderLine& lb = m.lines()[b];
    if (la.order != lb.order) {
      const int c = m.order_code(la.order).compare(m.order_code(lb.order));
      if (c != 0) return c < 0;
    }
    return la.line != lb.line ? la.line < lb.line : a < b;
  });

  order_rank_.resize(lines);
  for (size_t i = 0; i < lines; ++i) order_rank_[lines_by_order_[i]] = static_cast<uint32_t>(i);

  line_value_.resize(lines);
  days_late_.assign(lines, 0);
  planned_quarter_.assign(lines, -1);
  for (size_t i = 0; i < lines; ++i) {
    const OrderLine& l = m.lines()[i];
    const LineOutcome& o = plan_.outcomes[i];
    line_value_[i] = l.unit_price * l.qty;
    if (o.planned_day >= 0) {
      days_late_[i] = std::max(0, m.plan_start() + o.planned_day - l.request_date);
      const QuarterId q = m.QuarterOf(m.plan_start() + o.planned_day);
      planned_quarter_[i] = q.valid() ? q.value : -1;
    }
  }

  load_.assign(m.resources().size() * static_cast<size_t>(days_), 0);
  for (const WorkOrder& w : plan_.work_orders) {
    for (uint32_t k = 0; k < w.operation_count; ++k) {
      const Operation& op = plan_.operations[w.first_operation + k];
      const RoutingStep& step = m.all_steps()[op.step];
      Fixed4* row = load_.data() + step.resource.index() * static_cast<size_t>(days_);
      for (int32_t d = std::max(0, op.start); d <= op.end && d < days_; ++d) row[d] += step.usage_per_unit * w.qty;
    }
  }

  // Numbered as plan_writer numbers them: creation order, skipping attempts rolled back to zero.
  purchase_number_.assign(plan_.purchases.size(), 0);
  int32_t next_purchase = 0;
  for (size_t i = 0; i < plan_.purchases.size(); ++i) {
    if (plan_.purchases[i].qty > 0) purchase_number_[i] = ++next_purchase;
  }

  shipped_by_day_.assign(static_cast<size_t>(days_), 0);
  for (const Shipment& sh : plan_.shipments) {
    if (sh.day >= 0 && sh.day < days_) shipped_by_day_[static_cast<size_t>(sh.day)] += m.line(sh.line).unit_price * sh.qty;
  }
}

std::span<const Peg> PlanSnapshot::pegs_of(LineId line) const {
  return std::span<const Peg>(pegs_).subspan(peg_offsets_[line.index()],
                                             peg_offsets_[line.index() + 1] - peg_offsets_[line.index()]);
}

std::optional<LineId> PlanSnapshot::FindLine(std::string_view order, int64_t line) const {
  const Model& m = *model_;
  auto it = std::lower_bound(lines_by_order_.begin(), lines_by_order_.end(), std::pair(order, line),
                             [&](uint32_t id, const std::pair<std::string_view, int64_t>& key) {
                               const OrderLine& l = m.lines()[id];
                               const int c = m.order_code(l.order).compare(key.first);
                               return c != 0 ? c < 0 : l.line < key.second;
                             });
  if (it == lines_by_order_.end()) return std::nullopt;
  const OrderLine& l = m.lines()[*it];
  if (m.order_code(l.order) != order || l.line != line) return std::nullopt;
  return LineId(static_cast<int32_t>(*it));
}

std::span<const Fixed4> PlanSnapshot::load(ResourceId r) const {
  return std::span<const Fixed4>(load_).subspan(r.index() * static_cast<size_t>(days_), static_cast<size_t>(days_));
}

std::vector<int64_t> PlanSnapshot::ProjectedStock(ItemId item, SiteId site) const {
  const Model& m = *model_;
  std::vector<int64_t> delta(static_cast<size_t>(days_) + 1, 0);
  auto add = [&](int32_t day, int64_t qty) {
    if (day < 0) day = 0;
    if (day >= days_) return;
    delta[static_cast<size_t>(day)] += qty;
  };
  for (const Supply& s : m.supply_of(item)) {
    if (s.site == site) add(s.date - m.plan_start(), s.qty);
  }
  // Direct purchases arrive the day their component is consumed and are not listed as consumptions.
  for (uint32_t i : purchases_by_item_.of(item.index())) {
    const Purchase& p = plan_.purchases[i];
    if (p.site == site) add(p.day, p.qty - p.direct);
  }
  for (uint32_t i : work_orders_by_item_.of(item.index())) {
    const WorkOrder& w = plan_.work_orders[i];
    if (w.site == site) add(w.end + 1, w.qty);
  }
  for (uint32_t i : consumptions_by_item_.of(item.index())) {
    const Consumption& c = plan_.consumptions[i];
    if (c.site == site) add(c.day, -c.qty);
  }
  std::vector<int64_t> stock(static_cast<size_t>(days_));
  int64_t level = 0;
  for (size_t d = 0; d < stock.size(); ++d) stock[d] = level += delta[d];
  return stock;
}

std::vector<SiteId> PlanSnapshot::StockSites(ItemId item) const {
  const Model& m = *model_;
  std::vector<bool> seen(m.sites().size(), false);
  for (const Supply& s : m.supply_of(item)) seen[s.site.index()] = true;
  for (const Routing& r : m.routings_of(item)) seen[r.site.index()] = true;
  for (uint32_t i : purchases_by_item_.of(item.index())) seen[plan_.purchases[i].site.index()] = true;
  for (uint32_t i : consumptions_by_item_.of(item.index())) seen[plan_.consumptions[i].site.index()] = true;
  std::vector<SiteId> sites;
  for (size_t k = 0; k < seen.size(); ++k) {
    if (seen[k]) sites.push_back(SiteId(static_cast<int32_t>(k)));
  }
  return sites;
}

}  // namespace takt::server
