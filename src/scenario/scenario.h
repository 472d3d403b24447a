#pragma once
// What-if scenarios: small, human-written TOML files of named edits over a base dataset
// (docs/scenarios.md). A scenario is validated against the base model whole — every problem is
// reported with the file, line and key — and applied only when all of it is valid.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"
#include "model/model.h"
#include "plan/plan.h"

namespace takt {

struct Scenario {
  std::string name;
  std::string description;
  /// The edited dataset. Arrays no edit touched (the orders, unless orders are edited) are the
  /// base model's own, shared rather than copied.
  std::shared_ptr<const Model> model;
  PlanOptions options;
  std::vector<std::string> applied;  ///< one sentence per edit, for the report
};

/// Reads a scenario file and applies it to `base`. Nothing when there is any error.
std::optional<Scenario> LoadScenario(const std::filesystem::path& file, const Model& base,
                                     const PlanOptions& base_options, Diagnostics& diagnostics);

/// The same from text; `file_name` names it in messages.
std::optional<Scenario> ParseScenario(std::string_view text, const std::string& file_name, const Model& base,
                                      const PlanOptions& base_options, Diagnostics& diagnostics);

}  // namespace takt
