#pragma once
// The checks, one family per file, each reading the plan rows and reporting violations. They
// share the dataset lookups and a few facts derived once from the shipments.

#include <cstdint>
#include <vector>

#include "check/model_index.h"
#include "check/plan_files.h"
#include "common/diagnostics.h"

namespace takt::check {

enum class LicencePolicy : uint8_t { kConservative, kExpected };

/// What the shipments of one order line add up to.
struct LineFacts {
  int64_t shipped = 0;
  int32_t shipments = 0;
  Day last_date = kNoDay;  ///< kNoDay: nothing ships
};

struct CheckContext {
  const ModelIndex& index;
  const PlanData& plan;
  Diagnostics& out;
  LicencePolicy policy = LicencePolicy::kConservative;
  std::vector<LineFacts> lines;  ///< by LineId, from the shipments that parsed

  const Model& model() const { return index.model(); }
};

/// Sums the shipments per order line into `ctx.lines`.
void CollectLineFacts(CheckContext& ctx);
/// The licence policy summary.json names ("licence_policy"); conservative when absent or unknown.
LicencePolicy ReadLicencePolicy(const PlanData& plan);

/// Work orders and operations against the routings: steps, resources, durations, order, dates, qty.
void CheckRouting(const CheckContext& ctx);
/// Daily load of every resource against its capacity.
void CheckCapacity(const CheckContext& ctx);
/// Daily balance of every item at every site never below zero.
void CheckMaterial(const CheckContext& ctx);
/// Purchases only of buyable items, not before their lead time.
void CheckPurchases(const CheckContext& ctx);
/// Shipments against their order lines: site, dates, quantities, partial, revenue and cost.
void CheckShipments(const CheckContext& ctx);
/// Export rules and licences for every shipment.
void CheckExport(const CheckContext& ctx);
/// order_status.csv against the shipments.
void CheckOrderStatus(const CheckContext& ctx);
/// pegging.csv against the consumption it explains and the supply it names.
void CheckPegging(const CheckContext& ctx);
/// summary.json against totals re-derived from the dataset and the shipments.
void CheckSummary(const CheckContext& ctx);

}  // namespace takt::check
