#pragma once
// Two plans side by side, order line by order line: what a scenario changes against the base.
// Reads only plan folders (order_status.csv, shipments.csv, summary.json), so any two plans of
// takt can be compared, including plans of different datasets (lines only in one are listed).

#include <filesystem>
#include <string>
#include <vector>

#include "common/decimal.h"
#include "common/diagnostics.h"
#include "io/dataset_loader.h"
#include "model/model.h"
#include "plan/plan.h"
#include "plan/plan_report.h"

namespace takt {

/// What a comparison needs of one plan folder.
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
/// The report's top constraints as a view lists them, each with the sentence of a line it binds.
std::vector<PlanView::Constraint> TopConstraintsOf(const Model& model, const Plan& plan, const PlanReport& report);

/// Reads a plan folder written by `takt plan`. Problems (missing files, bad rows) go to `diagnostics`.
bool ReadPlanView(const std::filesystem::path& dir, PlanView& view, Diagnostics& diagnostics);
/// The same from files in memory (tests).
bool ReadPlanView(const DatasetFiles& files, PlanView& view, Diagnostics& diagnostics);

struct LineChange {
  enum class Kind : uint8_t { kEarlier, kLater, kNewlyUnplanned, kNewlyPlanned, kQuantity, kOnlyInBase, kOnlyInScenario };
  Kind kind;
  std::string order;
  int64_t line = 0;
  std::string item;
  Day before = kNoDay, after = kNoDay;  ///< planned dates
  int64_t shipped_before = 0, shipped_after = 0;
  std::string status_before, status_after, reason_before, reason_after;
  Money revenue_moved = 0;  ///< revenue that changed quarter (or appeared / disappeared)
};
const char* LineChangeName(LineChange::Kind kind);

struct PlanComparison {
  struct Quarter {
    std::string code;
    Money revenue_base = 0, revenue_scenario = 0, margin_base = 0, margin_scenario = 0, backlog_base = 0,
          backlog_scenario = 0;
  };
  std::string currency;
  std::vector<Quarter> quarters;  ///< the base plan's quarters
  std::vector<LineChange> changes;  ///< most revenue moved first
  std::vector<PlanView::Constraint> appeared, gone;  ///< top constraints of one plan and not the other
  int64_t unchanged_lines = 0;
};

PlanComparison ComparePlans(const PlanView& base, const PlanView& scenario);

/// Two plans made in memory (a scenario against its base): the same as ComparePlans of their full
/// views, without building either; reason sentences are formatted only for the lines that changed.
PlanComparison ComparePlanned(const Model& base_model, const Plan& base, const PlanReport& base_report,
                              const Model& model, const Plan& plan, const PlanReport& report);

/// A readable report: the quarter table with deltas, the constraints that appeared or went away,
/// and the `max_lines` changed lines moving the most revenue.
std::string FormatComparison(const PlanComparison& c, size_t max_lines = 20);

/// comparison_quarters.csv, comparison_lines.csv, comparison_constraints.csv.
DatasetFiles WriteComparison(const PlanComparison& c);

}  // namespace takt
