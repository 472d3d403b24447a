#include "plan/pegging.h"

#include <algorithm>

namespace takt {

const char* SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kOnHand: return "onhand";
    case SourceKind::kReceipt: return "receipt";
    case SourceKind::kPurchase: return "purchase";
    case SourceKind::kWorkOrder: return "work_order";
  }
  return "";
}

namespace {

struct SupplyEvent {
  int32_t stock_point;
  int32_t day;
  SourceKind kind;
  int32_t source;
  int64_t qty;
};

}  // namespace

std::vector<Peg> PegPlan(const Model& m, const Plan& plan) {
  const auto sites = static_cast<int32_t>(m.sites().size());
  const int32_t days = m.settings().horizon_days;
  auto stock_point = [&](ItemId item, SiteId site) { return item.value * sites + site.value; };

  std::vector<SupplyEvent> supply;
  supply.reserve(m.supply().size() + plan.purchases.size() + plan.work_orders.size());
  for (size_t i = 0; i < m.supply().size(); ++i) {
    const Supply& s = m.supply()[i];
    const int32_t day = std::max(0, s.date - m.plan_start());
    if (day >= days) continue;
    supply.push_back({stock_point(s.item, s.site), day,
                      s.kind == SupplyKind::kOnHand ? SourceKind::kOnHand : SourceKind::kReceipt,
                      static_cast<int32_t>(i), s.qty});
  }
  for (size_t i = 0; i < plan.purchases.size(); ++i) {
    const Purchase& p = plan.purchases[i];
    if (p.qty > p.direct) {
      supply.push_back(
          {stock_point(p.item, p.site), p.day, SourceKind::kPurchase, static_cast<int32_t>(i), p.qty - p.direct});
    }
  }
  for (size_t i = 0; i < plan.work_orders.size(); ++i) {
    const WorkOrder& w = plan.work_orders[i];
    supply.push_back({stock_point(w.item, w.site), w.end + 1, SourceKind::kWorkOrder, static_cast<int32_t>(i), w.qty});
  }
  std::sort(supply.begin(), supply.end(), [](const SupplyEvent& a, const SupplyEvent& b) {
    if (a.stock_point != b.stock_point) return a.stock_point < b.stock_point;
    if (a.day != b.day) return a.day < b.day;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.source < b.source;
  });

  // Consumptions in (stock point, day) order, ties in creation order: a counting sort, since
  // stock points x days is small next to the millions of consumptions of a large plan.
  const auto& uses = plan.consumptions;
  const size_t keys = static_cast<size_t>(m.items().size()) * static_cast<size_t>(sites) * static_cast<size_t>(days);
  auto key_of = [&](const Consumption& c) {
    return static_cast<size_t>(stock_point(c.item, c.site)) * static_cast<size_t>(days) + static_cast<size_t>(c.day);
  };
  std::vector<uint32_t> order(uses.size());
  {
    std::vector<uint32_t> start(keys + 1, 0);
    for (const Consumption& c : uses) ++start[key_of(c) + 1];
    for (size_t k = 0; k < keys; ++k) start[k + 1] += start[k];
    for (uint32_t i = 0; i < uses.size(); ++i) order[start[key_of(uses[i])]++] = i;
  }

  std::vector<Peg> pegs;
  pegs.reserve(uses.size() + uses.size() / 4);
  size_t next = 0;  // next supply event with quantity left
  int64_t left = next < supply.size() ? supply[next].qty : 0;
  for (uint32_t k : order) {
    const Consumption& c = uses[k];
    const int32_t sp = stock_point(c.item, c.site);
    while (next < supply.size() && supply[next].stock_point < sp) {
      ++next;
      left = next < supply.size() ? supply[next].qty : 0;
    }
    int64_t need = c.qty;
    // Bought parts of components are in purchases.csv; pegging lists the supply that is scarce:
    // stock, receipts, work orders, and whatever feeds the shipped item itself.
    const bool shipped_item = c.item == m.line(c.line).item;
    while (need > 0 && next < supply.size() && supply[next].stock_point == sp && supply[next].day <= c.day) {
      const int64_t take = std::min(need, left);
      const SupplyEvent& from = supply[next];
      if (from.kind != SourceKind::kPurchase || shipped_item) {
        Peg* last = pegs.empty() ? nullptr : &pegs.back();
        if (last != nullptr && last->line == c.line && last->item == c.item && last->site == c.site &&
            last->day == c.day && last->kind == from.kind && last->source == from.source) {
          last->qty += take;  // the same source again for the same use: one row
        } else {
          pegs.push_back({c.line, c.item, c.site, c.day, take, from.kind, from.source});
        }
      }
      need -= take;
      left -= take;
      if (left == 0) {
        ++next;
        left = next < supply.size() ? supply[next].qty : 0;
      }
    }
  }
  // By line, stably: within a line the pegs stay in (item, site, day) order, as stock points are
  // numbered item-major.
  std::vector<uint32_t> start(m.lines().size() + 1, 0);
  for (const Peg& p : pegs) ++start[p.line.index() + 1];
  for (size_t l = 0; l < m.lines().size(); ++l) start[l + 1] += start[l];
  std::vector<Peg> sorted(pegs.size());
  for (const Peg& p : pegs) sorted[start[p.line.index()]++] = p;
  pegs.swap(sorted);
  return pegs;
}

}  // namespace takt
