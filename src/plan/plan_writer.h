#pragma once
// Writes a plan as the files of docs/format.md ("Plan files"). Byte-identical for the same plan.

#include <filesystem>
#include <string>

#include "model/model.h"
#include "plan/plan.h"
#include "plan/plan_report.h"
#include "planfiles/plan_files.h"

namespace takt {

/// The plan's files, (name, content), in a fixed order, in memory.
PlanFiles WritePlanFiles(const Model& model, const Plan& plan, const PlanReport& report);

/// Writes the plan's files into `dir` (created if needed), each streamed to a temporary file and
/// renamed into place when complete. Returns an error message or "".
std::string WritePlanFolder(const Model& model, const Plan& plan, const PlanReport& report,
                            const std::filesystem::path& dir);

}  // namespace takt
