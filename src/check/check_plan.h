#pragma once
// The plan checker: re-derives from the dataset and the plan files alone whether a plan obeys the
// planning rules of docs/format.md ("Plan files"), and reports every violation. It shares no code
// with the planner, so that a planner bug cannot hide itself.

#include <cstdint>
#include <filesystem>

#include "common/diagnostics.h"
#include "model/model.h"
#include "planfiles/plan_files.h"

namespace takt {

/// How much of the plan was read (rows that parsed), for the checker's verdict line.
struct CheckCounts {
  int64_t shipments = 0;
  int64_t work_orders = 0;
  int64_t operations = 0;
  int64_t purchases = 0;
  int64_t order_status = 0;
  int64_t pegging = 0;
};

/// Every violation goes to `violations` (Severity::kError, a stable code such as
/// "material-negative", the plan file and line where it can be pinned, a sentence in the user's
/// codes). Returns true when the plan is clean. `counts`, when given, receives the rows read.
bool CheckPlan(const Model& model, const PlanFiles& plan, Diagnostics& violations, CheckCounts* counts = nullptr);

/// Same, reading the files of `plan_dir`. A missing file is a violation (`missing-file`); a file
/// that exists but cannot be read is `unreadable-file`.
bool CheckPlan(const Model& model, const std::filesystem::path& plan_dir, Diagnostics& violations,
               CheckCounts* counts = nullptr);

}  // namespace takt
