#pragma once
// `takt check DIR PLANDIR`, or `takt check --db FILE [--plan-version P | PLANDIR]`: verifies a plan
// against the dataset it was made from.
// Exit codes: 0 the plan is clean, 1 the plan folder or a file in it cannot be read, 2 the dataset
// has errors, 3 the plan has violations.

#include <string>

#include "cli/dataset_source.h"

namespace takt::cli {

/// The plan has violations (the other codes are those of cli/commands.h).
inline constexpr int kExitPlanViolations = 3;

struct CheckOptions {
  DatasetSource source;
  std::string plan_dir;      ///< plan folder (takt plan --out)
  std::string plan_version;  ///< or a plan in the store (number or name); default its dataset's newest plan
  int max_per_kind = 10;
};
int RunCheck(const CheckOptions& options);

}  // namespace takt::cli
