#pragma once
// A comparison of two plans for people and for files: the readable report `takt compare` and
// `takt whatif` print, and the comparison_*.csv files they write.

#include <cstddef>
#include <string>

#include "io/dataset_loader.h"
#include "scenario/plan_compare.h"

namespace takt {

/// A readable report: the quarter table with deltas, the constraints that appeared or went away,
/// and the `max_lines` changed lines moving the most revenue.
std::string FormatComparison(const PlanComparison& c, size_t max_lines = 20);

/// comparison_quarters.csv, comparison_lines.csv, comparison_constraints.csv, as (name, content).
DatasetFiles WriteComparison(const PlanComparison& c);

}  // namespace takt
