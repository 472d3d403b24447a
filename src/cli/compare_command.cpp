#include <fmt/format.h>

#include "cli/commands.h"
#include "io/dataset_writer.h"
#include "scenario/comparison_report.h"

namespace takt::cli {

int RunCompare(const CompareOptions& options) {
  Diagnostics diagnostics;
  PlanView base, scenario;
  auto read = [&](const std::string& dir, PlanView& view) {
    if (ReadPlanView(std::filesystem::path(dir), view, diagnostics)) return true;
    diagnostics.Print(stderr);
    fmt::print(stderr, "takt compare: cannot read the plan '{}'\n", dir);
    return false;
  };
  if (!read(options.base, base) || !read(options.scenario, scenario)) return kExitFailed;
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
