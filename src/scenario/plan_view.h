#pragma once
// One plan as a comparison reads it, order line by order line, in the user's codes: from a plan
// folder (read by planfiles/plan_reader.h) or from a plan made in memory.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/decimal.h"
#include "common/diagnostics.h"
#include "model/model.h"
#include "plan/plan.h"
#include "plan/plan_report.h"
#include "planfiles/plan_files.h"

namespace takt {

/// What a comparison needs of one plan folder.
/// An order line by the user's codes: how two plans (of possibly different datasets) are matched.
struct LineKey {
  std::string_view order;
  int64_t line;
  bool operator==(const LineKey&) const = default;
};
struct LineKeyHash {
  size_t operator()(const LineKey& k) const {
    return std::hash<std::string_view>()(k.order) * 31 + static_cast<size_t>(k.line);
  }
};

struct PlanView {
  struct Quarter {
    std::string code;
    Day start = 0, end = 0;
    Money revenue = 0, cost = 0, backlog_end = 0;
  };
  struct Line {
    std::string order;
    int64_t line = 0;
    std::string item;
    int64_t qty = 0;
    Day request = kNoDay, planned = kNoDay;
    int64_t shipped = 0;
    std::string status, reason_code, reason;
    std::vector<Money> revenue_by_quarter;  ///< per PlanView::quarters
  };
  std::string currency = "USD";
  std::vector<Quarter> quarters;
  std::vector<Line> lines;  ///< in order_status.csv order
  struct Constraint {
    std::string reason_code, key, reason;
    Money value = 0;
  };
  std::vector<Constraint> top_constraints;
};

/// The view of a plan made in memory, without writing or reading files.
PlanView PlanViewOf(const Model& model, const Plan& plan, const PlanReport& report);
/// The report's quarters as a view lists them.
std::vector<PlanView::Quarter> QuartersOf(const Model& model, const PlanReport& report);
/// The report's top constraints as a view lists them, each with the sentence of a line it binds.
std::vector<PlanView::Constraint> TopConstraintsOf(const Model& model, const Plan& plan, const PlanReport& report);

/// Reads a plan folder written by `takt plan` (summary.json, order_status.csv, shipments.csv).
/// Problems (missing files, bad rows) go to `diagnostics`; false when there were any.
bool ReadPlanView(const std::filesystem::path& dir, PlanView& view, Diagnostics& diagnostics);
/// The same from a plan's files in memory.
bool ReadPlanView(const PlanFiles& files, PlanView& view, Diagnostics& diagnostics);

}  // namespace takt
