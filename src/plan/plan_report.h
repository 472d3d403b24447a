#pragma once
// What a plan means for the business: revenue, margin and backlog by fiscal quarter, on-time
// rates, and the constraints holding back the most revenue. Also renders constraints as sentences
// in the user's codes.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

struct QuarterFigures {
  QuarterId quarter;
  Money revenue = 0;
  Money cost = 0;
  int64_t units_shipped = 0;
  int64_t lines_shipped = 0;
  Money booked = 0;
  Money backlog_start = 0;
  Money backlog_end = 0;  ///< backlog_start + booked - revenue, exactly
  Money margin() const { return revenue - cost; }
};

struct ConstraintFigures {
  Constraint constraint;  ///< a representative (the first line's) constraint of this key
  std::string key;        ///< ITEM@SITE, resource code, licence code, or CLASS>COUNTRY
  int64_t lines = 0;
  Money value = 0;  ///< value of the late or unshipped quantity of the lines it binds
};

struct PlanReport {
  std::vector<QuarterFigures> quarters;
  int64_t lines = 0, lines_on_time = 0, lines_late = 0, lines_unplanned = 0;
  Money value = 0, value_on_time = 0, revenue = 0, unplanned_value = 0;
  int64_t total_days_late = 0;
  double avg_days_late() const { return lines_late == 0 ? 0.0 : static_cast<double>(total_days_late) / static_cast<double>(lines_late); }
  std::vector<ConstraintFigures> top_constraints;  ///< at most ten, most value first
};

PlanReport BuildReport(const Model& model, const Plan& plan);

/// "GPU-B200 at site AUS short by 128 until 2025-08-11", for a line's binding constraint.
std::string DescribeConstraint(const Model& model, const Constraint& c, const OrderLine& line);

/// DescribeConstraint for many lines: each date of the horizon is formatted once.
class ConstraintDescriber {
 public:
  explicit ConstraintDescriber(const Model& model);
  std::string operator()(const Constraint& c, const OrderLine& line) const;

 private:
  std::string_view Date(int32_t day) const;  ///< a day index from plan_start
  std::string_view HorizonEnd() const;
  const Model& m_;
  mutable std::vector<std::string> dates_;  ///< per day index, formatted when first asked
  mutable std::unordered_map<int32_t, std::string> outside_;  ///< days outside the horizon
};
/// The grouping key of a constraint: ITEM@SITE, a resource code, a licence code, CLASS>COUNTRY.
std::string ConstraintKey(const Model& model, const Constraint& c);

/// The console table of quarters, the KPIs and the top constraints.
std::string FormatReport(const Model& model, const Plan& plan, const PlanReport& report);

}  // namespace takt
