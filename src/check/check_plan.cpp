#include "check/check_plan.h"

#include "check/checks.h"
#include "check/model_index.h"
#include "check/plan_files.h"

namespace takt {

namespace {

/// Reads the plan from `source` and runs every check on it.
bool Check(const Model& model, const check::FileSource& source, Diagnostics& violations, CheckCounts* counts) {
  const int64_t errors_before = violations.error_count();
  const check::ModelIndex index(model);
  const check::PlanData plan = check::ReadPlan(index, source, violations);

  check::Reporter reporter(violations);
  check::CheckContext ctx{index, plan, reporter, check::ReadLicencePolicy(plan), {}};
  check::CollectLineFacts(ctx);
  check::CheckRouting(ctx);
  check::CheckCapacity(ctx);
  check::CheckPurchases(ctx);
  check::CheckMaterial(ctx);
  check::CheckShipments(ctx);
  check::CheckExport(ctx);
  check::CheckOrderStatus(ctx);
  check::CheckPegging(ctx);
  check::CheckSummary(ctx);

  if (counts != nullptr) {
    counts->shipments = static_cast<int64_t>(plan.shipments.size());
    counts->work_orders = static_cast<int64_t>(plan.work_orders.size());
    counts->operations = static_cast<int64_t>(plan.operations.size());
    counts->purchases = static_cast<int64_t>(plan.purchases.size());
    counts->order_status = static_cast<int64_t>(plan.statuses.size());
    counts->pegging = static_cast<int64_t>(plan.pegging.size());
  }
  return violations.error_count() == errors_before;
}

}  // namespace

bool CheckPlan(const Model& model, const PlanFiles& plan_files, Diagnostics& violations, CheckCounts* counts) {
  return Check(model, planfiles::MemorySource(plan_files), violations, counts);
}

bool CheckPlan(const Model& model, const std::filesystem::path& plan_dir, Diagnostics& violations,
               CheckCounts* counts) {
  return Check(model, planfiles::FolderSource(plan_dir, violations), violations, counts);
}

}  // namespace takt
