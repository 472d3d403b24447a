// order_status.csv: one row per order line, in the order of orders.csv, repeating the line's item,
// qty and request date, and stating what its shipments come to: shipped_qty, planned_date (the
// last ship date), status (unplanned / late / on_time), days_late, and a reason for late and
// unplanned lines.

#include <fmt/format.h>

#include "check/checks.h"

namespace takt::check {

namespace {

std::string DateOrEmpty(Day day) { return day == kNoDay ? "empty" : FormatDate(day); }

}  // namespace

void CheckOrderStatus(const CheckContext& ctx) {
  const Model& m = ctx.model();
  const auto& rows = ctx.plan.statuses;
  // Shipment totals are trusted only when every shipment row was read.
  const bool shipments_known = ctx.plan.shipments_file.complete;
  std::vector<int32_t> row_of_line(m.lines().size(), -1);
  int64_t previous = -1;
  bool order_reported = false;

  for (size_t i = 0; i < rows.size(); ++i) {
    const StatusRow& r = rows[i];
    const size_t l = r.line.index();
    const OrderLine& line = m.line(r.line);
    auto name = [&] { return ctx.index.LineName(r.line); };
    if (row_of_line[l] >= 0) {
      ctx.out.Error("duplicate-key", kOrderStatusFile, r.src_line, "line", [&] {
        return fmt::format("{} has a second row (the first on line {})", name(),
                           rows[static_cast<size_t>(row_of_line[l])].src_line);
      });
      continue;
    }
    row_of_line[l] = static_cast<int32_t>(i);
    if (static_cast<int64_t>(l) < previous && !order_reported) {
      order_reported = true;
      ctx.out.Error("row-order", kOrderStatusFile, r.src_line, "", [&] {
        return fmt::format("{} comes after a later line of orders.csv: rows are in the order of orders.csv", name());
      });
    }
    previous = static_cast<int64_t>(l);

    auto mismatch = [&](std::string_view column, auto message) {
      ctx.out.Error("status-mismatch", kOrderStatusFile, r.src_line, column, message);
    };
    if (r.item != line.item) {
      mismatch("item", [&] {
        return fmt::format("item of {} is {}; orders.csv says {}", name(), ctx.index.item_code(r.item),
                           ctx.index.item_code(line.item));
      });
    }
    if (r.qty != line.qty) {
      mismatch("qty", [&] { return fmt::format("qty of {} is {}; orders.csv says {}", name(), r.qty, line.qty); });
    }
    if (r.request_date != line.request_date) {
      mismatch("request_date", [&] {
        return fmt::format("request_date of {} is {}; orders.csv says {}", name(), FormatDate(r.request_date),
                           FormatDate(line.request_date));
      });
    }

    int64_t shipped = r.shipped_qty;
    Day planned = r.planned_date;
    if (shipments_known) {
      const LineFacts& f = ctx.lines[l];
      if (r.shipped_qty != f.shipped) {
        mismatch("shipped_qty", [&] {
          return fmt::format("shipped_qty of {} is {}; its shipments total {}", name(), r.shipped_qty, f.shipped);
        });
      }
      if (r.planned_date != f.last_date) {
        mismatch("planned_date", [&] {
          return f.last_date == kNoDay
                     ? fmt::format("planned_date of {} is {}; nothing of it ships", name(), DateOrEmpty(r.planned_date))
                     : fmt::format("planned_date of {} is {}; its last shipment is on {}", name(),
                                   DateOrEmpty(r.planned_date), FormatDate(f.last_date));
        });
      }
      shipped = f.shipped;
      planned = f.last_date;
    }

    const LineStatus status = shipped < line.qty            ? LineStatus::kUnplanned
                              : planned > line.request_date ? LineStatus::kLate
                                                            : LineStatus::kOnTime;
    auto why = [&] {
      return status == LineStatus::kUnplanned
                 ? fmt::format("{} of {} units ship", shipped, line.qty)
                 : fmt::format("last shipment {}, requested {}", FormatDate(planned), FormatDate(line.request_date));
    };
    if (r.status != status) {
      mismatch("status", [&] {
        return fmt::format("status of {} is {}; it should be {} ({})", name(), LineStatusName(r.status),
                           LineStatusName(status), why());
      });
    }
    std::optional<int64_t> days_late;
    if (status == LineStatus::kLate) days_late = planned - line.request_date;
    if (status == LineStatus::kOnTime) days_late = 0;
    if (r.days_late != days_late) {
      mismatch("days_late", [&] {
        return fmt::format("days_late of {} is {}; it should be {}", name(),
                           r.days_late ? std::to_string(*r.days_late) : "empty",
                           days_late ? std::to_string(*days_late) : "empty, as the line is unplanned");
      });
    }
    if (status != LineStatus::kOnTime && (!r.has_reason_code || !r.has_reason)) {
      ctx.out.Error("missing-reason", kOrderStatusFile, r.src_line, r.has_reason_code ? "reason" : "reason_code", [&] {
        return fmt::format("{} is {} but has no {}", name(), LineStatusName(status),
                           r.has_reason_code ? "reason" : "reason_code");
      });
    }
  }

  if (!ctx.plan.status_file.complete) return;  // rows that failed to parse were reported already
  for (size_t l = 0; l < row_of_line.size(); ++l) {
    if (row_of_line[l] >= 0) continue;
    ctx.out.Error("status-missing", kOrderStatusFile, 0, "",
                  [&] { return fmt::format("{} has no row in order_status.csv", ctx.index.LineName(LineId(l))); });
  }
}

}  // namespace takt::check
