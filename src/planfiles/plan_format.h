#pragma once
// The columns of each plan CSV file of docs/format.md ("Plan files") and how their fields parse:
// declared once here for every reader of plan folders (the checker, the comparison).

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "io/field_parser.h"
#include "planfiles/plan_files.h"

namespace takt::planfiles {

/// Plan quantities are whole units up to 10^12, so that every product the checker takes fits.
inline constexpr int64_t kMaxQty = 1000000000000;
/// DaysLate() of an empty days_late field.
inline constexpr int64_t kNoDaysLate = INT64_MIN;

// Each file: its name and its columns, in the order of the enum (not necessarily the file's order:
// columns are found by name).

struct WorkOrderColumns {
  static constexpr std::string_view kFile = kWorkOrdersFile;
  enum Column : size_t { kWorkOrder, kItem, kSite, kQty, kStart, kEnd, kOrder, kLine };
  static constexpr std::array<ColumnSpec, 8> kSpecs = {
      {{"work_order"}, {"item"}, {"site"}, {"qty"}, {"start"}, {"end"}, {"order"}, {"line"}}};
};

struct OperationColumns {
  static constexpr std::string_view kFile = kOperationsFile;
  enum Column : size_t { kWorkOrder, kStep, kResource, kStart, kEnd, kQty };
  static constexpr std::array<ColumnSpec, 6> kSpecs = {
      {{"work_order"}, {"step"}, {"resource"}, {"start"}, {"end"}, {"qty"}}};
};

struct PurchaseColumns {
  static constexpr std::string_view kFile = kPurchasesFile;
  enum Column : size_t { kItem, kSite, kDate, kQty, kPurchase };
  static constexpr std::array<ColumnSpec, 5> kSpecs = {{{"item"}, {"site"}, {"date"}, {"qty"}, {"purchase"}}};
};

struct ShipmentColumns {
  static constexpr std::string_view kFile = kShipmentsFile;
  enum Column : size_t { kOrder, kLine, kItem, kSite, kShipDate, kQty, kRevenue, kCost };
  static constexpr std::array<ColumnSpec, 8> kSpecs = {
      {{"order"}, {"line"}, {"item"}, {"site"}, {"ship_date"}, {"qty"}, {"revenue"}, {"cost"}}};
};

struct StatusColumns {
  static constexpr std::string_view kFile = kOrderStatusFile;
  enum Column : size_t {
    kOrder,
    kLine,
    kItem,
    kQty,
    kRequest,
    kPlanned,
    kShipped,
    kStatus,
    kDaysLate,
    kReasonCode,
    kReason
  };
  static constexpr std::array<ColumnSpec, 11> kSpecs = {{{"order"},
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
};

struct PeggingColumns {
  static constexpr std::string_view kFile = kPeggingFile;
  enum Column : size_t { kOrder, kLine, kItem, kSite, kDate, kQty, kKind, kSource };
  static constexpr std::array<ColumnSpec, 8> kSpecs = {
      {{"order"}, {"line"}, {"item"}, {"site"}, {"date"}, {"qty"}, {"source_kind"}, {"source"}}};
};

/// The values of order_status.csv's status column; the index is what Status() returns.
inline constexpr std::array<std::string_view, 3> kStatusNames = {"unplanned", "late", "on_time"};
/// The values of reason_code; the index is what ReasonCode() returns.
inline constexpr std::array<std::string_view, 9> kReasonCodeNames = {
    "material",        "capacity",   "lead_time", "licence_pending", "licence_denied",
    "licence_missing", "prohibited", "horizon",   "past_due"};
/// The values of pegging.csv's source_kind; the index is what SourceKind() returns.
inline constexpr std::array<std::string_view, 4> kSourceKindNames = {"onhand", "receipt", "purchase", "work_order"};

/// One record of a plan CSV file, its fields parsed as the format defines them. Every field that
/// fails is reported (file, line, column, value) and marks the record bad, as FieldParser does.
class PlanRow : public FieldParser {
 public:
  using FieldParser::FieldParser;

  /// An order line number, or a routing step: 1 .. 10^9.
  std::optional<int64_t> LineNumber(size_t column) { return Int(column, 1, 1000000000); }
  /// A quantity that is at least one unit.
  std::optional<int64_t> Quantity(size_t column) { return Int(column, 1, kMaxQty); }
  /// A quantity that may be zero (order_status.csv's qty and shipped_qty).
  std::optional<int64_t> QuantityOrZero(size_t column) { return Int(column, 0, kMaxQty); }
  /// An amount of money, negative allowed (a margin may be).
  std::optional<Fixed4> Amount(size_t column);
  /// The index in kStatusNames.
  std::optional<int> Status(size_t column) { return Enum(column, kStatusNames); }
  /// The index in kReasonCodeNames, -1 when empty.
  std::optional<int> ReasonCode(size_t column) { return Enum(column, kReasonCodeNames, -1); }
  /// Days late, kNoDaysLate when empty.
  std::optional<int64_t> DaysLate(size_t column) { return Int(column, -100000, 100000, kNoDaysLate); }
  /// The index in kSourceKindNames.
  std::optional<int> SourceKind(size_t column) { return Enum(column, kSourceKindNames); }
};

}  // namespace takt::planfiles
