// Purchases: only of items with a lead time, arriving no earlier than plan_start + lead_time_days
// and inside the horizon.

#include <fmt/format.h>

#include "check/checks.h"

namespace takt::check {

void CheckPurchases(const CheckContext& ctx) {
  const Model& m = ctx.model();
  for (size_t i = 0; i < ctx.plan.purchases.size(); ++i) {
    const PurchaseRow& p = ctx.plan.purchases[i];
    if (!p.ok) continue;
    auto code = [&] { return ctx.plan.purchase_codes[i]; };
    const Item& item = m.item(p.item);
    if (item.lead_time_days < 0) {
      ctx.out.Error("purchase-not-buyable", kPurchasesFile, p.src_line, "item", [&] {
        return fmt::format("purchase {} buys {}, which has no lead time: only the supply in supply.csv exists", code(),
                           item.code);
      });
      continue;
    }
    const Day earliest = m.plan_start() + item.lead_time_days;
    if (p.date < earliest) {
      ctx.out.Error("purchase-too-early", kPurchasesFile, p.src_line, "date", [&] {
        return fmt::format("purchase {} of {} arrives {}; with its {}-day lead time it cannot arrive before {}", code(),
                           item.code, FormatDate(p.date), item.lead_time_days, FormatDate(earliest));
      });
    } else if (p.date > m.horizon_end()) {
      ctx.out.Error("outside-horizon", kPurchasesFile, p.src_line, "date", [&] {
        return fmt::format("purchase {} of {} arrives {}, after the horizon end {}", code(), item.code,
                           FormatDate(p.date), FormatDate(m.horizon_end()));
      });
    }
  }
}

}  // namespace takt::check
