#pragma once
// The takt subcommands. Each returns the process exit code:
// 0 success, 1 the operation failed (usage, files, I/O), 2 the input data has errors.

#include <cstdint>
#include <string>
#include <vector>

#include "cli/dataset_source.h"
#include "plan/plan.h"

namespace takt::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitBadData = 2;

struct ValidateOptions {
  DatasetSource source;
  int max_per_kind = 10;
  bool quiet = false;  ///< problems and totals only, no summary
};
int RunValidate(const ValidateOptions& options);

struct GenerateCommandOptions {
  std::string scale = "demo";
  uint64_t seed = 1;
  std::string out;
};
int RunGenerate(const GenerateCommandOptions& options);

struct PlanCommandOptions {
  DatasetSource source;
  std::string out;   ///< plan folder; optional when the dataset comes from a store (the plan is saved there)
  std::string name;  ///< stored plan's name (default: the dataset's)
  std::string user;  ///< default: $USER
  std::string note;
  PlanOptions planning;  ///< --policy, --licence-policy (plan/plan_options.h)
  int max_per_kind = 10;
  bool quiet = false;
};
int RunPlan(const PlanCommandOptions& options);

struct PromiseOptions {
  DatasetSource source;
  std::string item, ship_to, customer, site, request, price;
  int64_t qty = 1;
  bool partial = false;
  std::string batch;  ///< CSV of quotes instead of one quote
  bool cumulative = false;  ///< batch: each answered quote takes what it needs before the next
  std::string out;          ///< batch: where to write the answers (default: standard output)
  PlanOptions planning;     ///< of the backlog plan the quotes are answered against
};
int RunPromise(const PromiseOptions& options);

struct CompareOptions {
  std::string base, scenario;  ///< plan folders
  std::string out;             ///< folder for the comparison CSVs, optional
  size_t lines = 20;           ///< changed lines shown on the console
};
int RunCompare(const CompareOptions& options);

struct WhatIfOptions {
  DatasetSource source;
  std::vector<std::string> scenarios;  ///< TOML files (docs/scenarios.md)
  std::string out;
  PlanOptions planning;  ///< of the base; a scenario's [settings] may change them
  size_t lines = 15;
  bool save = false;  ///< with --db: keep the scenarios in the store as scenario versions
  std::string user;   ///< who saves them (default: $USER)
};
int RunWhatIf(const WhatIfOptions& options);

}  // namespace takt::cli
