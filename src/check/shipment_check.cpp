// Orders: a line ships only from one site (its own if it names one), never before plan_start, its
// order date, nor request_date - early_ship_days; at most its quantity in all; a line with
// partial = N in one shipment of its whole quantity. Revenue is qty x unit_price and cost qty x
// the item's standard cost, exactly.

#include <fmt/format.h>

#include <algorithm>

#include "check/checks.h"

namespace takt::check {

void CollectLineFacts(CheckContext& ctx) {
  ctx.lines.assign(ctx.model().lines().size(), LineFacts{});
  for (const ShipmentRow& s : ctx.plan.shipments) {
    LineFacts& f = ctx.lines[s.line.index()];
    f.shipped = SatAdd(f.shipped, s.qty);
    ++f.shipments;
    f.last_date = std::max(f.last_date, s.date);
  }
}

void CheckShipments(const CheckContext& ctx) {
  const Model& m = ctx.model();
  const auto& shipments = ctx.plan.shipments;
  const size_t line_count = m.lines().size();
  std::vector<int64_t> shipped(line_count, 0);
  std::vector<int32_t> first_row(line_count, -1);
  std::vector<int32_t> count(line_count, 0);

  for (size_t i = 0; i < shipments.size(); ++i) {
    const ShipmentRow& s = shipments[i];
    const OrderLine& line = m.line(s.line);
    const size_t l = s.line.index();
    auto name = [&] { return ctx.index.LineName(s.line); };  // only built when reporting

    if (s.item != line.item) {
      ctx.out.Error("shipment-item", kShipmentsFile, s.src_line, "item", [&] {
        return fmt::format("shipment of {} is of {}; the line is for {}", name(), ctx.index.item_code(s.item),
                           ctx.index.item_code(line.item));
      });
    }
    if (line.site.valid() && s.site != line.site) {
      ctx.out.Error("wrong-site", kShipmentsFile, s.src_line, "site", [&] {
        return fmt::format("{} must ship from site {}; this shipment is from {}", name(),
                           ctx.index.site_code(line.site), ctx.index.site_code(s.site));
      });
    } else if (first_row[l] >= 0 && shipments[static_cast<size_t>(first_row[l])].site != s.site) {
      ctx.out.Error("multiple-sites", kShipmentsFile, s.src_line, "site", [&] {
        return fmt::format("{} ships from sites {} and {}; a line ships from one site", name(),
                           ctx.index.site_code(shipments[static_cast<size_t>(first_row[l])].site),
                           ctx.index.site_code(s.site));
      });
    }

    const Day by_request = line.request_date - m.settings().early_ship_days;
    if (s.date < m.plan_start()) {
      ctx.out.Error("ship-too-early", kShipmentsFile, s.src_line, "ship_date", [&] {
        return fmt::format("{} ships {}, before the plan start {}", name(), FormatDate(s.date),
                           FormatDate(m.plan_start()));
      });
    } else if (s.date < line.order_date) {
      ctx.out.Error("ship-too-early", kShipmentsFile, s.src_line, "ship_date", [&] {
        return fmt::format("{} ships {}, before its order date {}", name(), FormatDate(s.date),
                           FormatDate(line.order_date));
      });
    } else if (s.date < by_request) {
      ctx.out.Error("ship-too-early", kShipmentsFile, s.src_line, "ship_date", [&] {
        return fmt::format("{} ships {}, before {}: its request date {} less {} early-ship days", name(),
                           FormatDate(s.date), FormatDate(by_request), FormatDate(line.request_date),
                           m.settings().early_ship_days);
      });
    } else if (s.date > m.horizon_end()) {
      ctx.out.Error("outside-horizon", kShipmentsFile, s.src_line, "ship_date", [&] {
        return fmt::format("{} ships {}, after the horizon end {}", name(), FormatDate(s.date),
                           FormatDate(m.horizon_end()));
      });
    }

    const int64_t before = shipped[l];
    shipped[l] = SatAdd(shipped[l], s.qty);
    if (before <= line.qty && shipped[l] > line.qty) {
      ctx.out.Error("over-shipped", kShipmentsFile, s.src_line, "qty", [&] {
        return fmt::format("{} ships {} units by this shipment; the line is for {}", name(), shipped[l], line.qty);
      });
    }
    if (++count[l] == 2 && !line.partial) {
      ctx.out.Error("split-line", kShipmentsFile, s.src_line, "",
                    [&] { return fmt::format("{} has partial = N but ships in more than one shipment", name()); });
    }
    if (first_row[l] < 0) first_row[l] = static_cast<int32_t>(i);

    const Wide revenue = static_cast<Wide>(s.qty) * line.unit_price;
    if (revenue != s.revenue) {
      ctx.out.Error("revenue-mismatch", kShipmentsFile, s.src_line, "revenue", [&] {
        return fmt::format("shipment of {}: revenue {} is not {} x {} = {}", name(), FormatDecimal(s.revenue), s.qty,
                           FormatDecimal(line.unit_price), FormatFixed(revenue));
      });
    }
    const Wide unit_cost = ctx.index.StandardCost(s.item);
    const Wide cost = s.qty * unit_cost;
    if (cost != s.cost) {
      ctx.out.Error("cost-mismatch", kShipmentsFile, s.src_line, "cost", [&] {
        return fmt::format("shipment of {}: cost {} is not {} x {} (standard cost of {}) = {}", name(),
                           FormatDecimal(s.cost), s.qty, FormatFixed(unit_cost), ctx.index.item_code(s.item),
                           FormatFixed(cost));
      });
    }
  }

  for (size_t l = 0; l < line_count; ++l) {
    const OrderLine& line = m.line(LineId(l));
    if (line.partial || count[l] != 1 || shipped[l] >= line.qty) continue;
    ctx.out.Error("split-line", kShipmentsFile, shipments[static_cast<size_t>(first_row[l])].src_line, "qty", [&] {
      return fmt::format("{} has partial = N but ships {} of its {} units", ctx.index.LineName(LineId(l)), shipped[l],
                         line.qty);
    });
  }
}

}  // namespace takt::check
