// pegging.csv: for every order line, each unit it consumes (its shipments, and the components of
// the work orders built for it) is pegged to a source that holds that item at that site by that
// date, and no source is pegged beyond its quantity. Components a work order consumes may instead
// have been bought (items with a lead time), and bought components are not pegged: for those the
// pegging may cover less than the consumption, never more. (Whether sources were matched first in,
// first out depends on the planner's order of consumption within a day and is not checked.)

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <unordered_map>

#include "check/checks.h"

namespace takt::check {

namespace {

/// Units of one item at one site on one day, consumed for (or pegged to) one order line.
struct Use {
  uint32_t line = 0;
  int32_t item = 0;
  int32_t site = 0;
  Day date = 0;
  int64_t qty = 0;
  int src_line = 0;            ///< pegging.csv line (pegging side only)
  bool by_work_order = false;  ///< consumed by a work order, not shipped

  bool SameKey(const Use& o) const { return line == o.line && item == o.item && site == o.site && date == o.date; }
  bool operator<(const Use& o) const {
    if (line != o.line) return line < o.line;
    if (item != o.item) return item < o.item;
    if (site != o.site) return site < o.site;
    return date < o.date;
  }
};

void CheckSources(const CheckContext& ctx) {
  const PlanData& plan = ctx.plan;
  std::vector<int64_t> from_work_order(plan.work_orders.size(), 0);
  std::vector<int64_t> from_purchase(plan.purchases.size(), 0);
  std::unordered_map<const ReceiptGroup*, int64_t> from_receipts;
  std::unordered_map<uint64_t, int64_t> from_on_hand;
  const size_t sites = ctx.model().sites().size();

  for (const PeggingRow& p : plan.pegging) {
    const std::string_view item = ctx.index.item_code(p.item);
    const std::string_view site = ctx.index.site_code(p.site);
    auto report = [&](auto message) { ctx.out.Error("pegging-source", kPeggingFile, p.src_line, "source", message); };
    switch (p.kind) {
      case SourceKind::kWorkOrder: {
        const WorkOrderRow& wo = plan.work_orders[static_cast<size_t>(p.source)];
        auto code = [&] { return plan.work_order_codes[static_cast<size_t>(p.source)]; };
        if (!wo.ok) break;
        if (wo.item != p.item || wo.site != p.site) {
          report([&] {
            return fmt::format("work order {} makes {} at site {}, not {} at site {}", code(),
                               ctx.index.item_code(wo.item), ctx.index.site_code(wo.site), item, site);
          });
          break;  // its quantity is not drawn on
        }
        if (p.date <= wo.end) {
          report([&] {
            return fmt::format("work order {} ends {}: its {} is not available on {}", code(), FormatDate(wo.end), item,
                               FormatDate(p.date));
          });
        }
        int64_t& used = from_work_order[static_cast<size_t>(p.source)];
        if (used <= wo.qty && (used = SatAdd(used, p.qty)) > wo.qty) {
          report([&] {
            return fmt::format("work order {} makes {} units; pegging.csv draws {} from it by this row", code(), wo.qty,
                               used);
          });
        }
        break;
      }
      case SourceKind::kPurchase: {
        const PurchaseRow& po = plan.purchases[static_cast<size_t>(p.source)];
        auto code = [&] { return plan.purchase_codes[static_cast<size_t>(p.source)]; };
        if (!po.ok) break;
        if (po.item != p.item || po.site != p.site) {
          report([&] {
            return fmt::format("purchase {} buys {} at site {}, not {} at site {}", code(),
                               ctx.index.item_code(po.item), ctx.index.site_code(po.site), item, site);
          });
          break;  // its quantity is not drawn on
        }
        if (p.date < po.date) {
          report([&] {
            return fmt::format("purchase {} arrives {}: its {} is not available on {}", code(), FormatDate(po.date),
                               item, FormatDate(p.date));
          });
        }
        int64_t& used = from_purchase[static_cast<size_t>(p.source)];
        if (used <= po.qty && (used = SatAdd(used, p.qty)) > po.qty) {
          report([&] {
            return fmt::format("purchase {} buys {} units; pegging.csv draws {} from it by this row", code(), po.qty,
                               used);
          });
        }
        break;
      }
      case SourceKind::kReceipt: {
        if (p.date < p.receipts->first_date) {
          report([&] {
            return fmt::format("the receipts of {} at site {} with this reference arrive from {}, not by {}", item,
                               site, FormatDate(p.receipts->first_date), FormatDate(p.date));
          });
        }
        int64_t& used = from_receipts[p.receipts];
        if (used <= p.receipts->qty && (used = SatAdd(used, p.qty)) > p.receipts->qty) {
          report([&] {
            return fmt::format(
                "the receipts of {} at site {} with this reference hold {} units; pegging.csv draws {} "
                "from them by this row",
                item, site, p.receipts->qty, used);
          });
        }
        break;
      }
      case SourceKind::kOnHand: {
        const int64_t on_hand = ctx.index.OnHand(p.item, p.site);
        int64_t& used = from_on_hand[p.item.index() * sites + p.site.index()];
        if (used <= on_hand && (used = SatAdd(used, p.qty)) > on_hand) {
          report([&] {
            return fmt::format("{} at site {} has {} on hand; pegging.csv draws {} from it by this row", item, site,
                               on_hand, used);
          });
        }
        break;
      }
    }
  }
}

/// Row indexes grouped by order line (CSR): rows of line l are rows[first[l] .. first[l+1]).
struct ByLine {
  std::vector<uint32_t> first;
  std::vector<uint32_t> rows;

  template <typename Rows, typename LineOf>
  ByLine(const Rows& all, size_t line_count, LineOf line_of) : first(line_count + 1, 0) {
    for (const auto& r : all) {
      if (const LineId l = line_of(r); l.valid()) ++first[l.index() + 1];
    }
    for (size_t l = 0; l < line_count; ++l) first[l + 1] += first[l];
    rows.resize(first.back());
    std::vector<uint32_t> fill(first.begin(), first.end() - 1);
    for (size_t i = 0; i < all.size(); ++i) {
      if (const LineId l = line_of(all[i]); l.valid()) rows[fill[l.index()]++] = static_cast<uint32_t>(i);
    }
  }
  std::span<const uint32_t> of(size_t line) const {
    return std::span<const uint32_t>(rows).subspan(first[line], first[line + 1] - first[line]);
  }
};

/// Compares, line by line, what each order line consumes with what pegging.csv pegs to it. Only
/// CSR indexes span the whole plan; each line's uses are gathered and sorted in small scratch lists.
void CheckCoverage(const CheckContext& ctx) {
  const PlanData& plan = ctx.plan;
  const Model& m = ctx.model();
  const size_t line_count = m.lines().size();
  const ByLine shipments(plan.shipments, line_count, [](const ShipmentRow& s) { return s.line; });
  const ByLine work_orders(plan.work_orders, line_count,
                           [](const WorkOrderRow& w) { return w.ok ? w.line : LineId(); });
  const ByLine pegging(plan.pegging, line_count, [](const PeggingRow& p) { return p.line; });
  // Ties keep file order (src_line), so a mismatch is pinned on the first pegging row of its key.
  auto by_key = [](const Use& x, const Use& y) { return x < y || (!(y < x) && x.src_line < y.src_line); };

  std::vector<Use> consumed;
  std::vector<Use> pegged;
  for (size_t l = 0; l < line_count; ++l) {
    const auto line = static_cast<uint32_t>(l);
    consumed.clear();
    pegged.clear();
    for (uint32_t i : shipments.of(l)) {
      const ShipmentRow& s = plan.shipments[i];
      consumed.push_back({line, s.item.value, s.site.value, s.date, s.qty, 0, false});
    }
    for (uint32_t i : work_orders.of(l)) {
      const WorkOrderRow& wo = plan.work_orders[i];
      for (const BomLine& b : m.components_of(wo.item)) {
        consumed.push_back({line, b.component.value, wo.site.value, wo.start, wo.qty * b.qty_per, 0, true});
      }
    }
    for (uint32_t i : pegging.of(l)) {
      const PeggingRow& p = plan.pegging[i];
      pegged.push_back({line, p.item.value, p.site.value, p.date, p.qty, p.src_line, false});
    }
    if (consumed.empty() && pegged.empty()) continue;
    std::sort(consumed.begin(), consumed.end(), by_key);
    std::sort(pegged.begin(), pegged.end(), by_key);

    // Merge the two sorted lists, key by key.
    size_t a = 0;
    size_t b = 0;
    while (a < consumed.size() || b < pegged.size()) {
      const bool take_a = a < consumed.size() && (b == pegged.size() || !(pegged[b] < consumed[a]));
      const bool take_b = b < pegged.size() && (a == consumed.size() || !(consumed[a] < pegged[b]));
      const Use key = take_a ? consumed[a] : pegged[b];
      Wide shipped = 0;
      Wide built = 0;  // consumed by work orders
      Wide have = 0;
      int src_line = 0;
      for (; take_a && a < consumed.size() && consumed[a].SameKey(key); ++a) {
        (consumed[a].by_work_order ? built : shipped) += consumed[a].qty;
      }
      for (; take_b && b < pegged.size() && pegged[b].SameKey(key); ++b) {
        have += pegged[b].qty;
        if (src_line == 0) src_line = pegged[b].src_line;
      }
      const Wide need = shipped + built;
      const bool buyable = m.item(ItemId(key.item)).lead_time_days >= 0;
      const Wide least = buyable ? shipped : need;  // bought components go unpegged
      if (have >= least && have <= need) continue;
      ctx.out.Error("pegging-mismatch", kPeggingFile, src_line, "qty", [&] {
        return fmt::format(
            "pegging of {} covers {} units of {} at site {} on {}; the line {} {} there that day{}",
            ctx.index.LineName(LineId(static_cast<int32_t>(key.line))), FormatWhole(have),
            ctx.index.item_code(ItemId(key.item)), ctx.index.site_code(SiteId(key.site)), FormatDate(key.date),
            have > need ? "consumes" : "needs pegged", FormatWhole(have > need ? need : least),
            have < least && least < need ? fmt::format(" (it consumes {}, bought units unpegged)", FormatWhole(need))
                                         : "");
      });
    }
  }
}

}  // namespace

void CheckPegging(const CheckContext& ctx) {
  CheckSources(ctx);
  const PlanData& plan = ctx.plan;
  if (!plan.pegging_file.complete || !plan.shipments_file.complete || !plan.work_orders_file.complete) {
    if (plan.pegging_file.present) {
      ctx.out.Warning("check-skipped", "",
                      "pegging was not matched to consumption: pegging.csv, shipments.csv or work_orders.csv has "
                      "errors");
    }
    return;
  }
  CheckCoverage(ctx);
}

}  // namespace takt::check
