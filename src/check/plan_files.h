#pragma once
// The plan files as the checker holds them: plain rows with their source lines, codes resolved to
// the dataset's ids. The files are read by planfiles/plan_reader.h; resolving reports every unknown
// item, site, resource, order line, work order or purchase, and keeps the rows that resolved whole.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "check/check_plan.h"
#include "check/model_index.h"
#include "common/diagnostics.h"
#include "common/string_pool.h"
#include "planfiles/plan_reader.h"

namespace takt::check {

using planfiles::FileSource;
using planfiles::FileState;
using planfiles::JsonValue;

/// The codes of work orders or purchases, one per row. The planner's own ids (`WO-` and seven
/// digits) are kept as numbers, found by array index; other codes are interned. Millions of rows
/// then cost no hashing.
class RowCodes {
 public:
  explicit RowCodes(std::string_view prefix) : prefix_(prefix) {}

  /// Adds the code of the next row. False, adding nothing, when a row already has it.
  bool Add(std::string_view code);
  /// The row with this code, or -1.
  int32_t Find(std::string_view code) const;
  /// The code of a row, as written.
  std::string operator[](size_t row) const;
  size_t size() const { return code_of_row_.size(); }
  /// `PREFIX` and exactly seven digits: the number.
  std::optional<int64_t> Serial(std::string_view code) const;

 private:
  std::string prefix_;
  std::vector<int64_t> code_of_row_;    ///< serial number, or -1 - id in others_
  std::vector<int32_t> row_of_serial_;  ///< -1 where no row has the number
  StringPool others_;
  std::vector<int32_t> row_of_other_;
};

struct ShipmentRow {
  int src_line = 0;
  LineId line;
  ItemId item;
  SiteId site;
  Day date = 0;
  int64_t qty = 0;
  Money revenue = 0;
  Money cost = 0;
};

enum class LineStatus : uint8_t { kUnplanned, kLate, kOnTime };
const char* LineStatusName(LineStatus status);

struct StatusRow {
  int src_line = 0;
  LineId line;
  ItemId item;
  int64_t qty = 0;
  Day request_date = 0;
  Day planned_date = kNoDay;  ///< kNoDay: empty
  int64_t shipped_qty = 0;
  LineStatus status = LineStatus::kUnplanned;
  std::optional<int64_t> days_late;
  bool has_reason_code = false;
  bool has_reason = false;
};

/// A work order; its code is PlanData::work_order_codes[row]. Rows whose fields failed stay
/// (ok = false) so that operations naming them are not reported as unknown.
struct WorkOrderRow {
  int src_line = 0;
  bool ok = false;
  ItemId item;
  SiteId site;
  int64_t qty = 0;
  Day start = 0;
  Day end = 0;
  LineId line;  ///< invalid when built for no line
};

struct OperationRow {
  int src_line = 0;
  int32_t work_order = -1;  ///< index into PlanData::work_orders
  int64_t step = 0;
  ResourceId resource;
  Day start = 0;
  Day end = 0;
  int64_t qty = 0;
};

/// A purchase; its code is PlanData::purchase_codes[row].
struct PurchaseRow {
  int src_line = 0;
  bool ok = false;
  ItemId item;
  SiteId site;
  Day date = 0;
  int64_t qty = 0;
};

enum class SourceKind : uint8_t { kOnHand, kReceipt, kPurchase, kWorkOrder };

struct PeggingRow {
  int src_line = 0;
  LineId line;
  ItemId item;
  SiteId site;
  Day date = 0;
  int64_t qty = 0;
  SourceKind kind = SourceKind::kOnHand;
  int32_t source = -1;                     ///< work order or purchase index
  const ReceiptGroup* receipts = nullptr;  ///< for kReceipt
};

struct PlanData {
  std::vector<WorkOrderRow> work_orders;
  RowCodes work_order_codes{"WO-"};
  std::vector<OperationRow> operations;
  std::vector<PurchaseRow> purchases;
  RowCodes purchase_codes{"PO-"};
  std::vector<ShipmentRow> shipments;
  std::vector<StatusRow> statuses;
  std::vector<PeggingRow> pegging;
  std::optional<JsonValue> summary;

  FileState work_orders_file, operations_file, purchases_file, shipments_file, status_file, pegging_file, summary_file;
};

/// Reads every plan file, one at a time, so that only one file's text is held at once; problems go
/// to `violations`.
PlanData ReadPlan(const ModelIndex& index, const FileSource& source, Diagnostics& violations);

}  // namespace takt::check
