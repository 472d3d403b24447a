#include <fmt/format.h>

#include "cli/commands.h"
#include "io/dataset_writer.h"
#include "scenario/plan_compare.h"

namespace takt::cli {

int RunCompare(const CompareOptions& options) {
  Diagnostics diagnostics;
  PlanView base, scenario;
  const bool read = ReadPlanView(options.base, base, diagnostics) && ReadPlanView(options.scenario, scenario, diagnostics);
  if (!read) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "takt compare: cannot read the plans\n");
    return kExitFailed;
  }
  const PlanComparison comparison = ComparePlans(base, scenario);
  fmt::print("{} vs {}\n\n{}", options.base, options.scenario, FormatComparison(comparison, options.lines));
  if (!options.out.empty()) {
    const std::string error = WriteDatasetFolder(WriteComparison(comparison), options.out);
    if (!error.empty()) {
      fmt::print(stderr, "takt compare: {}\n", error);
      return kExitFailed;
    }
  }
  return kExitOk;
}

}  // namespace takt::cli
