#include "check/plan_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "common/flat_set.h"
#include "common/suggest.h"
#include "planfiles/plan_format.h"

namespace takt::check {

using planfiles::PlanRow;

const char* LineStatusName(LineStatus status) {
  switch (status) {
    case LineStatus::kUnplanned: return "unplanned";
    case LineStatus::kLate: return "late";
    case LineStatus::kOnTime: return "on_time";
  }
  return "?";
}

std::optional<int64_t> RowCodes::Serial(std::string_view code) const {
  if (code.size() != prefix_.size() + 7 || code.substr(0, prefix_.size()) != prefix_) return std::nullopt;
  int64_t n = 0;
  for (char c : code.substr(prefix_.size())) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool RowCodes::Add(std::string_view code) {
  const auto row = static_cast<int32_t>(code_of_row_.size());
  if (auto serial = Serial(code)) {
    const auto at = static_cast<size_t>(*serial);
    if (at >= row_of_serial_.size()) row_of_serial_.resize(std::max(at + 1, row_of_serial_.size() * 2), -1);
    if (row_of_serial_[at] >= 0) return false;
    row_of_serial_[at] = row;
    code_of_row_.push_back(*serial);
    return true;
  }
  bool added = false;
  const int32_t id = others_.Intern(code, &added);
  if (!added) return false;
  row_of_other_.push_back(row);
  code_of_row_.push_back(-1 - id);
  return true;
}

int32_t RowCodes::Find(std::string_view code) const {
  if (auto serial = Serial(code)) {
    const auto at = static_cast<size_t>(*serial);
    return at < row_of_serial_.size() ? row_of_serial_[at] : -1;
  }
  const int32_t id = others_.Find(code);
  return id < 0 ? -1 : row_of_other_[static_cast<size_t>(id)];
}

std::string RowCodes::operator[](size_t row) const {
  const int64_t code = code_of_row_[row];
  if (code >= 0) return fmt::format("{}{:07}", prefix_, code);
  return std::string(others_[static_cast<size_t>(-1 - code)]);
}

namespace {

class PlanReader {
 public:
  PlanReader(const ModelIndex& index, const FileSource& source, Diagnostics& d)
      : index_(index), source_(source), d_(d) {}

  PlanData Read() {
    ReadWorkOrders();
    ReadOperations();
    ReadPurchases();
    ReadShipments();
    ReadStatuses();
    ReadPegging();
    ReadSummary();
    CheckRowOrder();
    return std::move(plan_);
  }

 private:
  std::optional<ItemId> Item(PlanRow& f, size_t column) {
    auto code = f.Code(column);
    if (!code) return std::nullopt;
    if (auto id = index_.FindItem(*code)) return id;
    f.Error(column, "unknown-reference", fmt::format("item {} is not in items.csv", Quote(*code)),
            d_.WillKeep("unknown-reference") ? DidYouMean(*code, index_.item_codes()) : "");
    return std::nullopt;
  }

  std::optional<SiteId> Site(PlanRow& f, size_t column) {
    auto code = f.Code(column);
    if (!code) return std::nullopt;
    if (auto id = index_.FindSite(*code)) return id;
    f.Error(column, "unknown-reference", fmt::format("site {} is not in sites.csv", Quote(*code)),
            DidYouMean(*code, index_.site_codes()));
    return std::nullopt;
  }

  std::optional<ResourceId> Resource(PlanRow& f, size_t column) {
    auto code = f.Code(column);
    if (!code) return std::nullopt;
    if (auto id = index_.FindResource(*code)) return id;
    f.Error(column, "unknown-reference", fmt::format("resource {} is not in resources.csv", Quote(*code)),
            d_.WillKeep("unknown-reference") ? DidYouMean(*code, index_.resource_codes()) : "");
    return std::nullopt;
  }

  /// The order line named by two columns. With `optional`, both empty is "no line" (an invalid id).
  std::optional<LineId> Line(PlanRow& f, size_t order_column, size_t line_column, bool optional = false) {
    if (optional && f.Text(order_column).empty() && f.Text(line_column).empty()) return LineId();
    auto order = f.Code(order_column);
    auto line = f.LineNumber(line_column);
    if (!order || !line) return std::nullopt;
    if (*order != last_order_) {
      last_order_ = *order;
      last_order_id_ = index_.model().order_codes().Find(*order);
    }
    if (auto id = index_.FindLine(last_order_id_, *line)) return id;
    if (last_order_id_ < 0) {
      f.Error(order_column, "unknown-reference", fmt::format("order {} is not in orders.csv", Quote(*order)));
    } else {
      f.Error(line_column, "unknown-reference",
              fmt::format("order {} has no line {} in orders.csv", Quote(*order), *line));
    }
    return std::nullopt;
  }

  void ReadWorkOrders() {
    using C = planfiles::WorkOrderColumns;
    int64_t last_serial = -1;
    bool order_reported = false;
    plan_.work_orders_file = planfiles::ReadPlanCsv<C>(source_, d_, [&](PlanRow& f) {
      auto code = f.Code(C::kWorkOrder);
      if (!code) return false;
      if (!plan_.work_order_codes.Add(*code)) {
        const int first = plan_.work_orders[static_cast<size_t>(plan_.work_order_codes.Find(*code))].src_line;
        f.Error(C::kWorkOrder, "duplicate-key",
                fmt::format("work order {} is listed twice (first on line {})", Quote(*code), first));
        return false;
      }
      WorkOrderRow& w = plan_.work_orders.emplace_back();
      w.src_line = f.line();
      const auto serial = plan_.work_order_codes.Serial(*code);
      if (!serial) {
        d_.Error("bad-id", f.file(), f.line(), "work_order",
                 fmt::format("work order {} is not 'WO-' and a 7-digit number", Quote(*code)));
      } else if (*serial <= last_serial && !order_reported) {
        order_reported = true;
        d_.Error("row-order", f.file(), f.line(), "work_order",
                 fmt::format("work order {} comes after a higher number: rows are in creation order", *code));
      }
      if (serial) last_serial = std::max(last_serial, *serial);
      auto item = Item(f, C::kItem);
      auto site = Site(f, C::kSite);
      auto qty = f.Quantity(C::kQty);
      auto start = f.Date(C::kStart);
      auto end = f.Date(C::kEnd);
      auto line = Line(f, C::kOrder, C::kLine, true);
      if (!f.record_ok()) return false;
      w.ok = true;
      w.item = *item;
      w.site = *site;
      w.qty = *qty;
      w.start = *start;
      w.end = *end;
      w.line = *line;
      return true;
    });
  }

  void ReadOperations() {
    using C = planfiles::OperationColumns;
    plan_.operations_file = planfiles::ReadPlanCsv<C>(source_, d_, [&](PlanRow& f) {
      OperationRow op;
      op.src_line = f.line();
      bool resolved = true;
      if (auto code = f.Code(C::kWorkOrder)) {
        op.work_order = plan_.work_order_codes.Find(*code);
        resolved = op.work_order >= 0;
        // References into a file that could not be read would only echo that one problem.
        if (!resolved && plan_.work_orders_file.readable) {
          f.Error(C::kWorkOrder, "unknown-reference",
                  fmt::format("work order {} is not in work_orders.csv", Quote(*code)));
        }
      }
      auto step = f.LineNumber(C::kStep);
      auto resource = Resource(f, C::kResource);
      auto start = f.Date(C::kStart);
      auto end = f.Date(C::kEnd);
      auto qty = f.Quantity(C::kQty);
      if (!f.record_ok() || !resolved) return false;
      op.step = *step;
      op.resource = *resource;
      op.start = *start;
      op.end = *end;
      op.qty = *qty;
      plan_.operations.push_back(op);
      return true;
    });
  }

  void ReadPurchases() {
    using C = planfiles::PurchaseColumns;
    FlatSet64 seen;  // (item, site, date): one purchase each
    plan_.purchases_file = planfiles::ReadPlanCsv<C>(source_, d_, [&](PlanRow& f) {
      auto code = f.Code(C::kPurchase);
      if (!code) return false;
      if (!plan_.purchase_codes.Add(*code)) {
        const int first = plan_.purchases[static_cast<size_t>(plan_.purchase_codes.Find(*code))].src_line;
        f.Error(C::kPurchase, "duplicate-key",
                fmt::format("purchase {} is listed twice (first on line {})", Quote(*code), first));
        return false;
      }
      PurchaseRow& p = plan_.purchases.emplace_back();
      p.src_line = f.line();
      if (!plan_.purchase_codes.Serial(*code)) {
        d_.Error("bad-id", f.file(), f.line(), "purchase",
                 fmt::format("purchase {} is not 'PO-' and a 7-digit number", Quote(*code)));
      }
      auto item = Item(f, C::kItem);
      auto site = Site(f, C::kSite);
      auto date = f.Date(C::kDate);
      auto qty = f.Quantity(C::kQty);
      if (!f.record_ok()) return false;
      p.ok = true;
      p.item = *item;
      p.site = *site;
      p.date = *date;
      p.qty = *qty;
      const uint64_t key = (static_cast<uint64_t>(p.item.index()) << 40) ^
                           (static_cast<uint64_t>(p.site.index()) << 24) ^
                           static_cast<uint64_t>(p.date - index_.model().plan_start() + (1 << 23));
      if (!seen.Insert(key)) {
        d_.Error("duplicate-key", f.file(), f.line(), "date",
                 fmt::format("a second purchase of {} at site {} arriving {}: the plan buys once per item, site and "
                             "date",
                             index_.item_code(p.item), index_.site_code(p.site), FormatDate(p.date)));
      }
      return true;
    });
  }

  void ReadShipments() {
    using C = planfiles::ShipmentColumns;
    plan_.shipments_file = planfiles::ReadPlanCsv<C>(source_, d_, [&](PlanRow& f) {
      auto line = Line(f, C::kOrder, C::kLine);
      auto item = Item(f, C::kItem);
      auto site = Site(f, C::kSite);
      auto date = f.Date(C::kShipDate);
      auto qty = f.Quantity(C::kQty);
      auto revenue = f.Amount(C::kRevenue);
      auto cost = f.Amount(C::kCost);
      if (!f.record_ok()) return false;
      plan_.shipments.push_back({f.line(), *line, *item, *site, *date, *qty, *revenue, *cost});
      return true;
    });
  }

  void ReadStatuses() {
    using C = planfiles::StatusColumns;
    plan_.status_file = planfiles::ReadPlanCsv<C>(source_, d_, [&](PlanRow& f) {
      auto line = Line(f, C::kOrder, C::kLine);
      auto item = Item(f, C::kItem);
      auto qty = f.QuantityOrZero(C::kQty);
      auto request = f.Date(C::kRequest);
      auto planned = f.Date(C::kPlanned, kNoDay);
      auto shipped = f.QuantityOrZero(C::kShipped);
      auto status = f.Status(C::kStatus);
      auto days_late = f.DaysLate(C::kDaysLate);
      auto reason_code = f.ReasonCode(C::kReasonCode);
      if (!f.record_ok()) return false;
      StatusRow s;
      s.src_line = f.line();
      s.line = *line;
      s.item = *item;
      s.qty = *qty;
      s.request_date = *request;
      s.planned_date = *planned;
      s.shipped_qty = *shipped;
      s.status = static_cast<LineStatus>(*status);
      if (*days_late != planfiles::kNoDaysLate) s.days_late = *days_late;
      s.has_reason_code = *reason_code >= 0;
      s.has_reason = !f.Text(C::kReason).empty();
      plan_.statuses.push_back(s);
      return true;
    });
  }

  void ReadPegging() {
    using C = planfiles::PeggingColumns;
    plan_.pegging_file = planfiles::ReadPlanCsv<C>(source_, d_, [&](PlanRow& f) {
      PeggingRow p;
      p.src_line = f.line();
      auto line = Line(f, C::kOrder, C::kLine);
      auto item = Item(f, C::kItem);
      auto site = Site(f, C::kSite);
      auto date = f.Date(C::kDate);
      auto qty = f.Quantity(C::kQty);
      auto kind = f.SourceKind(C::kKind);
      const std::string_view source = f.Text(C::kSource);
      bool resolved = true;
      if (kind && item && site) {
        p.kind = static_cast<SourceKind>(*kind);
        switch (p.kind) {
          case SourceKind::kOnHand: break;
          case SourceKind::kReceipt:
            p.receipts = index_.FindReceipts(*item, *site, source);
            if (p.receipts == nullptr) {
              f.Error(C::kSource, "unknown-reference",
                      fmt::format("receipt {} of {} at site {} is not in supply.csv", Quote(source),
                                  index_.item_code(*item), index_.site_code(*site)));
            }
            break;
          case SourceKind::kPurchase:
            p.source = plan_.purchase_codes.Find(source);
            resolved = p.source >= 0;
            if (!resolved && plan_.purchases_file.readable) {
              f.Error(C::kSource, "unknown-reference", fmt::format("purchase {} is not in purchases.csv", Quote(source)));
            }
            break;
          case SourceKind::kWorkOrder:
            p.source = plan_.work_order_codes.Find(source);
            resolved = p.source >= 0;
            if (!resolved && plan_.work_orders_file.readable) {
              f.Error(C::kSource, "unknown-reference",
                      fmt::format("work order {} is not in work_orders.csv", Quote(source)));
            }
            break;
        }
      }
      if (!f.record_ok() || !resolved) return false;
      p.line = *line;
      p.item = *item;
      p.site = *site;
      p.date = *date;
      p.qty = *qty;
      plan_.pegging.push_back(p);
      return true;
    });
  }

  void ReadSummary() { plan_.summary = planfiles::ReadPlanSummary(source_, d_, plan_.summary_file); }

  /// Rows are sorted as docs/format.md states, so that a plan's files are byte-identical run to run.
  /// The first row out of order in each file is reported (orders inside one key are not checked
  /// where the format leaves the key's text order open).
  void CheckRowOrder() {
    auto first_out_of_order = [](const auto& rows, auto key) -> size_t {
      for (size_t i = 1; i < rows.size(); ++i) {
        if (key(rows[i]) < key(rows[i - 1])) return i;
      }
      return rows.size();
    };
    const auto& ships = plan_.shipments;
    if (size_t i = first_out_of_order(ships, [](const ShipmentRow& s) { return std::pair(s.date, s.line.value); });
        i < ships.size()) {
      d_.Error("row-order", kShipmentsFile, ships[i].src_line, "",
               fmt::format("the shipment of {} on {} comes after the row on line {}: rows are sorted by ship_date, "
                           "then in the order of orders.csv",
                           index_.LineName(ships[i].line), FormatDate(ships[i].date), ships[i - 1].src_line));
    }
    const auto& ops = plan_.operations;
    if (size_t i = first_out_of_order(ops, [](const OperationRow& o) { return std::pair(o.work_order, o.step); });
        i < ops.size()) {
      d_.Error("row-order", kOperationsFile, ops[i].src_line, "",
               fmt::format("step {} of work order {} comes after the row on line {}: rows are sorted by work order, "
                           "in the order of work_orders.csv, then step",
                           ops[i].step, plan_.work_order_codes[static_cast<size_t>(ops[i].work_order)],
                           ops[i - 1].src_line));
    }
    const auto& pegs = plan_.pegging;
    if (size_t i = first_out_of_order(pegs, [](const PeggingRow& p) { return p.line.value; }); i < pegs.size()) {
      d_.Error("row-order", kPeggingFile, pegs[i].src_line, "",
               fmt::format("the pegging of {} comes after the row on line {}: rows are in the order of orders.csv",
                           index_.LineName(pegs[i].line), pegs[i - 1].src_line));
    }
  }

  const ModelIndex& index_;
  const FileSource& source_;
  Diagnostics& d_;
  std::string last_order_;  ///< rows come grouped by order: remember the last one
  int32_t last_order_id_ = -1;
  PlanData plan_;
};

}  // namespace

PlanData ReadPlan(const ModelIndex& index, const FileSource& source, Diagnostics& violations) {
  return PlanReader(index, source, violations).Read();
}

}  // namespace takt::check
