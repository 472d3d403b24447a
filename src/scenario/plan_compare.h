#pragma once
// Two plans side by side, order line by order line: what a scenario changes against the base.
// One comparison, whichever way the plans come: two plan folders (any two plans of takt, including
// plans of different datasets: lines only in one are listed) or two plans made in memory.

#include <string>
#include <vector>

#include "common/decimal.h"
#include "model/model.h"
#include "plan/plan.h"
#include "plan/plan_report.h"
#include "scenario/plan_view.h"

namespace takt {

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

/// Two plans read from folders (or views of plans in memory). Lines are matched by order code and
/// line number, revenue by quarter code.
PlanComparison ComparePlans(const PlanView& base, const PlanView& scenario);

/// Two plans made in memory (a scenario against its base): the same as ComparePlans of their full
/// views, without building either; reason sentences are formatted only for the lines that changed.
PlanComparison ComparePlanned(const Model& base_model, const Plan& base, const PlanReport& base_report,
                              const Model& model, const Plan& plan, const PlanReport& report);

}  // namespace takt
