#include "check/check_plan.h"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <system_error>

#include "check/checks.h"
#include "check/model_index.h"
#include "check/plan_files.h"

namespace takt {

namespace {

constexpr std::array<std::string_view, 7> kPlanFileNames = {
    check::kShipmentsFile, check::kOrderStatusFile, check::kWorkOrdersFile, check::kOperationsFile,
    check::kPurchasesFile, check::kPeggingFile,     check::kSummaryFile};

/// The whole file, or nothing when it cannot be opened or read.
std::optional<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string content;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) content.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) content.append(buffer, got);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return std::nullopt;
  return content;
}

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

std::span<const std::string_view> PlanFileNames() { return kPlanFileNames; }

bool CheckPlan(const Model& model, const PlanFiles& plan_files, Diagnostics& violations, CheckCounts* counts) {
  const check::FileSource source = [&](std::string_view name, bool&) -> std::optional<std::string> {
    for (const auto& [file_name, content] : plan_files) {
      if (file_name == name) return content;
    }
    return std::nullopt;
  };
  return Check(model, source, violations, counts);
}

bool CheckPlan(const Model& model, const std::filesystem::path& plan_dir, Diagnostics& violations,
               CheckCounts* counts) {
  // Files are read one at a time as the checker gets to them: a million-line plan is a gigabyte.
  const check::FileSource source = [&](std::string_view name, bool& unreadable) -> std::optional<std::string> {
    const std::filesystem::path path = plan_dir / name;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    auto content = ReadWholeFile(path);
    if (!content) {
      unreadable = true;
      violations.Error("unreadable-file", name, 0, "", fmt::format("cannot read '{}'", path.string()));
    }
    return content;
  };
  return Check(model, source, violations, counts);
}

}  // namespace takt
