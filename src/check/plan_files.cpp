#include "check/plan_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "common/flat_set.h"
#include "common/suggest.h"
#include "io/csv_reader.h"
#include "io/field_parser.h"

namespace takt::check {

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

/// Plan quantities are whole units up to 10^12, so that every product the checks take fits.
constexpr int64_t kMaxQty = 1000000000000;

/// The text of a plan file, or nothing (reported) when it is missing or unreadable.
std::optional<std::string> Open(const FileSource& source, std::string_view name, Diagnostics& d) {
  bool unreadable = false;
  std::optional<std::string> content = source(name, unreadable);
  if (!content && !unreadable) {
    d.Error("missing-file", name, 0, "", fmt::format("the plan has no {}", name),
            "write the plan with 'takt plan DIR --out PLANDIR' and check that folder");
  }
  return content;
}

/// Reads the rows of one CSV plan file, calling `on_record` for each well-formed record. The state
/// says whether the file was there and whether every row of it parsed (`on_record` returns false
/// for a row it could not use).
template <typename OnRecord>
FileState ReadCsv(const FileSource& source, std::string_view name, std::span<const ColumnSpec> columns, Diagnostics& d,
                  OnRecord on_record) {
  FileState state;
  std::optional<std::string> content = Open(source, name, d);
  if (!content) return state;
  state.present = true;
  std::optional<CsvReader> reader = CsvReader::FromText(std::move(*content), std::string(name), d);
  if (!reader || !reader->ReadHeader(d)) return state;
  FieldParser f(name, columns, reader->header(), d);
  if (!f.columns_ok()) return state;
  state.readable = true;
  bool complete = true;
  CsvRecord record;
  for (;;) {
    // The reader reports and skips malformed records; any such report leaves the file incomplete.
    const int64_t errors_before = d.error_count();
    const bool more = reader->Next(record, d);
    if (d.error_count() != errors_before) complete = false;
    if (!more) break;
    f.Start(record);
    if (!on_record(f)) complete = false;
  }
  state.complete = complete;
  return state;
}

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
  std::optional<ItemId> Item(FieldParser& f, size_t column) {
    auto code = f.Code(column);
    if (!code) return std::nullopt;
    if (auto id = index_.FindItem(*code)) return id;
    f.Error(column, "unknown-reference", fmt::format("item {} is not in items.csv", Quote(*code)),
            d_.WillKeep("unknown-reference") ? DidYouMean(*code, index_.item_codes()) : "");
    return std::nullopt;
  }

  std::optional<SiteId> Site(FieldParser& f, size_t column) {
    auto code = f.Code(column);
    if (!code) return std::nullopt;
    if (auto id = index_.FindSite(*code)) return id;
    f.Error(column, "unknown-reference", fmt::format("site {} is not in sites.csv", Quote(*code)),
            DidYouMean(*code, index_.site_codes()));
    return std::nullopt;
  }

  std::optional<ResourceId> Resource(FieldParser& f, size_t column) {
    auto code = f.Code(column);
    if (!code) return std::nullopt;
    if (auto id = index_.FindResource(*code)) return id;
    f.Error(column, "unknown-reference", fmt::format("resource {} is not in resources.csv", Quote(*code)),
            d_.WillKeep("unknown-reference") ? DidYouMean(*code, index_.resource_codes()) : "");
    return std::nullopt;
  }

  /// The order line named by two columns. With `optional`, both empty is "no line" (an invalid id).
  std::optional<LineId> Line(FieldParser& f, size_t order_column, size_t line_column, bool optional = false) {
    if (optional && f.Text(order_column).empty() && f.Text(line_column).empty()) return LineId();
    auto order = f.Code(order_column);
    auto line = f.Int(line_column, 1, 1000000000);
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
    enum { kWorkOrder, kItem, kSite, kQty, kStart, kEnd, kOrder, kLine };
    static constexpr std::array<ColumnSpec, 8> kColumns = {
        {{"work_order"}, {"item"}, {"site"}, {"qty"}, {"start"}, {"end"}, {"order"}, {"line"}}};
    int64_t last_serial = -1;
    bool order_reported = false;
    plan_.work_orders_file = ReadCsv(source_, kWorkOrdersFile, kColumns, d_, [&](FieldParser& f) {
      auto code = f.Code(kWorkOrder);
      if (!code) return false;
      if (!plan_.work_order_codes.Add(*code)) {
        const int first = plan_.work_orders[static_cast<size_t>(plan_.work_order_codes.Find(*code))].src_line;
        f.Error(kWorkOrder, "duplicate-key",
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
      auto item = Item(f, kItem);
      auto site = Site(f, kSite);
      auto qty = f.Int(kQty, 1, kMaxQty);
      auto start = f.Date(kStart);
      auto end = f.Date(kEnd);
      auto line = Line(f, kOrder, kLine, true);
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
    enum { kWorkOrder, kStep, kResource, kStart, kEnd, kQty };
    static constexpr std::array<ColumnSpec, 6> kColumns = {
        {{"work_order"}, {"step"}, {"resource"}, {"start"}, {"end"}, {"qty"}}};
    plan_.operations_file = ReadCsv(source_, kOperationsFile, kColumns, d_, [&](FieldParser& f) {
      OperationRow op;
      op.src_line = f.line();
      bool resolved = true;
      if (auto code = f.Code(kWorkOrder)) {
        op.work_order = plan_.work_order_codes.Find(*code);
        resolved = op.work_order >= 0;
        // References into a file that could not be read would only echo that one problem.
        if (!resolved && plan_.work_orders_file.readable) {
          f.Error(kWorkOrder, "unknown-reference",
                  fmt::format("work order {} is not in work_orders.csv", Quote(*code)));
        }
      }
      auto step = f.Int(kStep, 1, 1000000000);
      auto resource = Resource(f, kResource);
      auto start = f.Date(kStart);
      auto end = f.Date(kEnd);
      auto qty = f.Int(kQty, 1, kMaxQty);
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
    enum { kItem, kSite, kDate, kQty, kPurchase };
    static constexpr std::array<ColumnSpec, 5> kColumns = {{{"item"}, {"site"}, {"date"}, {"qty"}, {"purchase"}}};
    FlatSet64 seen;  // (item, site, date): one purchase each
    plan_.purchases_file = ReadCsv(source_, kPurchasesFile, kColumns, d_, [&](FieldParser& f) {
      auto code = f.Code(kPurchase);
      if (!code) return false;
      if (!plan_.purchase_codes.Add(*code)) {
        const int first = plan_.purchases[static_cast<size_t>(plan_.purchase_codes.Find(*code))].src_line;
        f.Error(kPurchase, "duplicate-key",
                fmt::format("purchase {} is listed twice (first on line {})", Quote(*code), first));
        return false;
      }
      PurchaseRow& p = plan_.purchases.emplace_back();
      p.src_line = f.line();
      if (!plan_.purchase_codes.Serial(*code)) {
        d_.Error("bad-id", f.file(), f.line(), "purchase",
                 fmt::format("purchase {} is not 'PO-' and a 7-digit number", Quote(*code)));
      }
      auto item = Item(f, kItem);
      auto site = Site(f, kSite);
      auto date = f.Date(kDate);
      auto qty = f.Int(kQty, 1, kMaxQty);
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
    enum { kOrder, kLine, kItem, kSite, kShipDate, kQty, kRevenue, kCost };
    static constexpr std::array<ColumnSpec, 8> kColumns = {
        {{"order"}, {"line"}, {"item"}, {"site"}, {"ship_date"}, {"qty"}, {"revenue"}, {"cost"}}};
    constexpr Fixed4 kAnyMoney = -1000000000000000000;
    plan_.shipments_file = ReadCsv(source_, kShipmentsFile, kColumns, d_, [&](FieldParser& f) {
      auto line = Line(f, kOrder, kLine);
      auto item = Item(f, kItem);
      auto site = Site(f, kSite);
      auto date = f.Date(kShipDate);
      auto qty = f.Int(kQty, 1, kMaxQty);
      auto revenue = f.Decimal(kRevenue, kAnyMoney);
      auto cost = f.Decimal(kCost, kAnyMoney);
      if (!f.record_ok()) return false;
      plan_.shipments.push_back({f.line(), *line, *item, *site, *date, *qty, *revenue, *cost});
      return true;
    });
  }

  void ReadStatuses() {
    enum { kOrder, kLine, kItem, kQty, kRequest, kPlanned, kShipped, kStatus, kDaysLate, kReasonCode, kReason };
    static constexpr std::array<ColumnSpec, 11> kColumns = {{{"order"},
                                                             {"line"},
                                                             {"item"},
                                                             {"qty"},
                                                             {"request_date"},
                                                             {"planned_date"},
                                                             {"shipped_qty"},
                                                             {"status"},
                                                             {"days_late"},
                                                             {"reason_code"},
                                                             {"reason"}}};
    static constexpr std::array<std::string_view, 3> kStatuses = {"unplanned", "late", "on_time"};
    static constexpr std::array<std::string_view, 9> kReasons = {"material",        "capacity",       "lead_time",
                                                                 "licence_pending", "licence_denied", "licence_missing",
                                                                 "prohibited",      "horizon",        "past_due"};
    plan_.status_file = ReadCsv(source_, kOrderStatusFile, kColumns, d_, [&](FieldParser& f) {
      auto line = Line(f, kOrder, kLine);
      auto item = Item(f, kItem);
      auto qty = f.Int(kQty, 0, kMaxQty);
      auto request = f.Date(kRequest);
      auto planned = f.Date(kPlanned, kNoDay);
      auto shipped = f.Int(kShipped, 0, kMaxQty);
      auto status = f.Enum(kStatus, kStatuses);
      auto days_late = f.Int(kDaysLate, -100000, 100000, INT64_MIN);
      auto reason_code = f.Enum(kReasonCode, kReasons, -1);
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
      if (*days_late != INT64_MIN) s.days_late = *days_late;
      s.has_reason_code = *reason_code >= 0;
      s.has_reason = !f.Text(kReason).empty();
      plan_.statuses.push_back(s);
      return true;
    });
  }

  void ReadPegging() {
    enum { kOrder, kLine, kItem, kSite, kDate, kQty, kKind, kSource };
    static constexpr std::array<ColumnSpec, 8> kColumns = {
        {{"order"}, {"line"}, {"item"}, {"site"}, {"date"}, {"qty"}, {"source_kind"}, {"source"}}};
    static constexpr std::array<std::string_view, 4> kKinds = {"onhand", "receipt", "purchase", "work_order"};
    plan_.pegging_file = ReadCsv(source_, kPeggingFile, kColumns, d_, [&](FieldParser& f) {
      PeggingRow p;
      p.src_line = f.line();
      auto line = Line(f, kOrder, kLine);
      auto item = Item(f, kItem);
      auto site = Site(f, kSite);
      auto date = f.Date(kDate);
      auto qty = f.Int(kQty, 1, kMaxQty);
      auto kind = f.Enum(kKind, kKinds);
      const std::string_view source = f.Text(kSource);
      bool resolved = true;
      if (kind && item && site) {
        p.kind = static_cast<SourceKind>(*kind);
        switch (p.kind) {
          case SourceKind::kOnHand: break;
          case SourceKind::kReceipt:
            p.receipts = index_.FindReceipts(*item, *site, source);
            if (p.receipts == nullptr) {
              f.Error(kSource, "unknown-reference",
                      fmt::format("receipt {} of {} at site {} is not in supply.csv", Quote(source),
                                  index_.item_code(*item), index_.site_code(*site)));
            }
            break;
          case SourceKind::kPurchase:
            p.source = plan_.purchase_codes.Find(source);
            resolved = p.source >= 0;
            if (!resolved && plan_.purchases_file.readable) {
              f.Error(kSource, "unknown-reference", fmt::format("purchase {} is not in purchases.csv", Quote(source)));
            }
            break;
          case SourceKind::kWorkOrder:
            p.source = plan_.work_order_codes.Find(source);
            resolved = p.source >= 0;
            if (!resolved && plan_.work_orders_file.readable) {
              f.Error(kSource, "unknown-reference",
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

  void ReadSummary() {
    const std::optional<std::string> content = Open(source_, kSummaryFile, d_);
    if (!content) return;
    plan_.summary_file.present = true;
    JsonError error;
    plan_.summary = ParseJson(*content, error);
    if (!plan_.summary) {
      d_.Error("bad-json", kSummaryFile, error.line, "",
               error.line > 0 ? fmt::format("column {}: {}", error.column, error.message) : error.message);
      return;
    }
    if (plan_.summary->kind != JsonValue::Kind::kObject) {
      d_.Error("bad-json", kSummaryFile, 0, "", "summary.json must hold one JSON object");
      plan_.summary.reset();
      return;
    }
    plan_.summary_file.complete = true;
  }

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
