#pragma once
// What the loader knows while it reads a dataset: the parts of the future model plus the source
// line of every record, so that whole-dataset checks can point at the row to fix.

#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "model/model.h"

namespace takt {

struct SourceLines {
  std::vector<int> quarters, sites, items, bom, resources, calendar, routings, steps, supply, lines, export_rules,
      licences;
};

struct DatasetState {
  ModelParts parts;
  std::vector<OrderLine> lines;  ///< orders.csv as read; moved into parts when loading ends
  SourceLines at;
  bool have_plan_start = false;
  /// Files whose records could not be read at all (missing file or column): checks that would
  /// only echo that failure are skipped.
  bool items_ok = true, bom_ok = true, routings_ok = true, supply_ok = true, orders_ok = true;
  /// True when items, resources, the calendar, BOM, routings and supply loaded without an error.
  /// Judging what can be had from data with failed rows would only echo those failures.
  bool sources_clean = false;
  bool items_clean = false;  ///< items.csv loaded without an error (every kind is known)
};

/// Whole-dataset checks that need every file: quarters, BOM cycles, items that can never be had,
/// kinds that contradict their use, export classes nobody uses.
void CheckDataset(const DatasetState& state, Diagnostics& diagnostics);

}  // namespace takt
