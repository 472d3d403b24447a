// Material: for every item and site, on every day of the horizon, what has arrived (on hand,
// receipts, purchases, work-order output from end + 1) minus what has gone (components consumed on
// work-order start days, shipments) is never below zero.
//
// Events are bucketed by (item, site) with a counting sort, then each pair's days are swept once
// through one reusable day array: O(rows + pairs x days) time, O(rows + days) memory.

#include <fmt/format.h>

#include <algorithm>

#include "check/checks.h"

namespace takt::check {

namespace {

enum SourceTag : uint32_t { kFromSupply = 0, kFromShipment = 1, kFromWorkOrder = 2 };

struct Event {
  int64_t delta = 0;
  int32_t day = 0;      ///< index from plan_start
  uint32_t source = 0;  ///< row index << 2 | SourceTag
};

class MaterialChecker {
 public:
  explicit MaterialChecker(const CheckContext& ctx)
      : ctx_(ctx), m_(ctx.model()), sites_(m_.sites().size()), pair_of_(m_.items().size() * sites_, -1) {}

  void Run() {
    // Pass 1 numbers the (item, site) pairs that have events and counts them; pass 2 places them.
    ForEachEvent([&](ItemId item, SiteId site, Day, int64_t, uint32_t) {
      int32_t& pair = pair_of_[item.index() * sites_ + site.index()];
      if (pair < 0) {
        pair = static_cast<int32_t>(pairs_.size());
        pairs_.push_back({item, site});
        first_.push_back(0);
      }
      ++first_[static_cast<size_t>(pair)];
    });
    uint32_t total = 0;
    for (uint32_t& f : first_) {
      const uint32_t count = f;
      f = total;
      total += count;
    }
    first_.push_back(total);
    events_.resize(total);
    std::vector<uint32_t> fill(first_.begin(), first_.end() - 1);
    ForEachEvent([&](ItemId item, SiteId site, Day day, int64_t delta, uint32_t source) {
      const auto pair = static_cast<size_t>(pair_of_[item.index() * sites_ + site.index()]);
      events_[fill[pair]++] = {delta, day - m_.plan_start(), source};
    });

    std::vector<Wide> by_day(static_cast<size_t>(ctx_.index.days()), 0);
    for (size_t p = 0; p < pairs_.size(); ++p) {
      const std::span<const Event> events(events_.data() + first_[p], first_[p + 1] - first_[p]);
      for (const Event& e : events) by_day[static_cast<size_t>(e.day)] += e.delta;
      Wide balance = 0;
      for (size_t d = 0; d < by_day.size(); ++d) {
        balance += by_day[d];
        if (balance < 0) {
          Report(pairs_[p], static_cast<int32_t>(d), -balance, events);
          break;
        }
      }
      for (const Event& e : events) by_day[static_cast<size_t>(e.day)] = 0;
    }
  }

 private:
  struct Pair {
    ItemId item;
    SiteId site;
  };

  /// Calls emit(item, site, day, delta, source) for every movement inside the horizon. Movements
  /// before plan_start count at plan_start; those after the horizon never.
  template <typename Emit>
  void ForEachEvent(Emit emit) const {
    const Day start = m_.plan_start();
    const Day end = m_.horizon_end();
    for (const Supply& s : m_.supply()) {
      if (s.date <= end) emit(s.item, s.site, std::max(s.date, start), s.qty, kFromSupply);
    }
    for (const PurchaseRow& p : ctx_.plan.purchases) {
      if (p.ok && p.date <= end) emit(p.item, p.site, std::max(p.date, start), p.qty, kFromSupply);
    }
    const auto& work_orders = ctx_.plan.work_orders;
    for (size_t w = 0; w < work_orders.size(); ++w) {
      const WorkOrderRow& wo = work_orders[w];
      if (!wo.ok) continue;
      if (wo.end < end) emit(wo.item, wo.site, std::max(wo.end + 1, start), wo.qty, kFromSupply);
      if (wo.start > end) continue;
      const auto source = static_cast<uint32_t>(w << 2 | kFromWorkOrder);
      for (const BomLine& b : m_.components_of(wo.item)) {
        emit(b.component, wo.site, std::max(wo.start, start), -wo.qty * b.qty_per, source);
      }
    }
    const auto& shipments = ctx_.plan.shipments;
    for (size_t i = 0; i < shipments.size(); ++i) {
      const ShipmentRow& s = shipments[i];
      if (s.date <= end) {
        emit(s.item, s.site, std::max(s.date, start), -s.qty, static_cast<uint32_t>(i << 2 | kFromShipment));
      }
    }
  }

  void Report(const Pair& pair, int32_t day, Wide shortfall, std::span<const Event> events) {
    // Pin the first consumption on that day: a work order's start or a shipment.
    std::string_view file;
    int line = 0;
    for (const Event& e : events) {
      if (e.day != day || (e.source & 3) == kFromSupply) continue;
      const size_t row = e.source >> 2;
      if ((e.source & 3) == kFromWorkOrder) {
        file = kWorkOrdersFile;
        line = ctx_.plan.work_orders[row].src_line;
      } else {
        file = kShipmentsFile;
        line = ctx_.plan.shipments[row].src_line;
      }
      break;
    }
    ctx_.out.Error("material-negative", file, line, "", [&] {
      return fmt::format("{} at site {} goes below zero on {}: short by {}", ctx_.index.item_code(pair.item),
                         ctx_.index.site_code(pair.site), FormatDate(m_.plan_start() + day), FormatWhole(shortfall));
    });
  }

  const CheckContext& ctx_;
  const Model& m_;
  const size_t sites_;
  std::vector<int32_t> pair_of_;  ///< [item x sites + site] -> pair number, -1 without events
  std::vector<Pair> pairs_;
  std::vector<uint32_t> first_;  ///< events of pair p are events_[first_[p] .. first_[p+1])
  std::vector<Event> events_;
};

}  // namespace

void CheckMaterial(const CheckContext& ctx) {
  if (!ctx.plan.work_orders_file.complete || !ctx.plan.purchases_file.complete) {
    ctx.out.Warning("check-skipped", "",
                    "material balances were not checked: work_orders.csv or purchases.csv has errors, and a missing "
                    "row would show as a shortage");
    return;
  }
  MaterialChecker(ctx).Run();
}

}  // namespace takt::check
