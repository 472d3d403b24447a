#pragma once
// The result of planning: shipments, work orders with their operations, purchases, consumptions
// (for pegging) and, per order line, its status and the constraint that binds it. Days are indexes
// from plan_start (0 = plan_start), as in the ledgers; writers turn them into dates.

#include <cstdint>
#include <string>
#include <vector>

#include "common/decimal.h"
#include "model/model.h"

namespace takt {

enum class AllocationPolicy : uint8_t { kPriority, kRevenue };
enum class LicencePolicy : uint8_t { kConservative, kExpected };
const char* AllocationPolicyName(AllocationPolicy policy);
const char* LicencePolicyName(LicencePolicy policy);

struct PlanOptions {
  AllocationPolicy policy = AllocationPolicy::kPriority;
  LicencePolicy licence_policy = LicencePolicy::kConservative;
  /// The last this many lines of orders.csv are planned after all others, in file order: how a
  /// promise is verified (the quote, added as a line, must plan exactly as promised).
  size_t plan_last = 0;
};

/// Why a line is late or unplanned. Codes are stable (they are CSV values).
enum class ReasonCode : uint8_t {
  kNone,
  kMaterial,
  kCapacity,
  kLeadTime,
  kLicencePending,
  kLicenceDenied,
  kLicenceMissing,
  kProhibited,
  kHorizon,
  kPastDue,
};
const char* ReasonCodeName(ReasonCode code);

/// A binding constraint in the model's ids; rendered to a sentence in the user's codes on output.
struct Constraint {
  ReasonCode code = ReasonCode::kNone;
  int32_t object = -1;   ///< item (material, lead time), resource (capacity), licence, or export class
  int32_t site = -1;     ///< site of a material or lead-time constraint
  int64_t qty = 0;       ///< how much was short
  int32_t from = 0;      ///< first day of the shortage (day index)
  int32_t until = -1;    ///< first day it resolves (day index), -1 when not within the horizon
};

enum class LineStatus : uint8_t { kOnTime, kLate, kUnplanned };
const char* LineStatusName(LineStatus status);

struct LineOutcome {
  LineStatus status = LineStatus::kUnplanned;
  int64_t shipped_qty = 0;
  int32_t planned_day = -1;  ///< last shipment's day, -1 when nothing ships
  SiteId site;               ///< the site it ships from
  Constraint reason;         ///< for late and unplanned lines
};

struct Shipment {
  LineId line;
  SiteId site;
  int32_t day = 0;
  int64_t qty = 0;
};

struct Operation {
  uint32_t step = 0;  ///< index into Model::all_steps()
  int32_t start = 0;
  int32_t end = 0;    ///< inclusive
};

struct WorkOrder {
  ItemId item;
  SiteId site;
  int64_t qty = 0;
  int32_t start = 0;  ///< first operation's start: components are consumed this day
  int32_t end = 0;    ///< last operation's end: output is available the next day
  LineId line;        ///< the line it was built for
  uint32_t first_operation = 0;
  uint32_t operation_count = 0;
};

struct Purchase {
  ItemId item;
  SiteId site;
  int32_t day = 0;  ///< arrival
  int64_t qty = 0;
  int64_t direct = 0;  ///< of qty, bought for a component consumed that very day (not pegged)
};

/// A consumption attributed to a line: a shipment of the line's item, or components consumed by a
/// work order built for it. Pegging matches these to supply. Components bought to arrive the day
/// they are consumed are not listed (see Purchase::direct).
struct Consumption {
  LineId line;
  ItemId item;
  SiteId site;
  int32_t day = 0;
  int64_t qty = 0;
};

struct Plan {
  PlanOptions options;
  std::vector<LineId> sequence;  ///< the order lines were planned in
  std::vector<LineOutcome> outcomes;  ///< per LineId
  std::vector<Shipment> shipments;    ///< in creation order
  std::vector<WorkOrder> work_orders;
  std::vector<Operation> operations;
  std::vector<Purchase> purchases;  ///< may hold zero-quantity entries left by rolled-back attempts
  std::vector<Consumption> consumptions;
  std::vector<Money> standard_cost;  ///< per item
};

}  // namespace takt
