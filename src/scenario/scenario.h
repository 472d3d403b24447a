#pragma once
// What-if scenarios (docs/scenarios.md): a ScenarioSpec (scenario/scenario_edits.h) of typed edits,
// read from a TOML file or from the API's JSON or built in code, then applied to a base model. A
// scenario is checked against the base whole, every problem reported where it came from (file,
// line and key; or the JSON path), and applied only when all of it is valid.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/diagnostics.h"
#include "model/model.h"
#include "plan/plan.h"
#include "scenario/scenario_edits.h"

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

/// A scenario file's text as edits; problems at file:line:key. Nothing when it is not TOML at all;
/// a spec that is not `well_formed` otherwise (ApplyScenario then reports what else is wrong).
std::optional<ScenarioSpec> ReadScenarioToml(std::string_view text, const std::string& file_name,
                                             Diagnostics& diagnostics);
/// The edits of an API request (the same keys and lists as a file), named and described by the
/// request; problems at their JSON paths ("edits.receipts[0].item").
ScenarioSpec ReadScenarioJson(const nlohmann::json& edits, const std::string& name, const std::string& description,
                              Diagnostics& diagnostics);
/// A scenario file of the spec: [settings] first, then each kind of edit in the order they apply.
std::string WriteScenarioToml(const ScenarioSpec& spec);

/// The spec applied to `base`: its edits resolved, checked and applied in order. Nothing when there
/// is any error, each placed where its edit came from.
std::optional<Scenario> ApplyScenario(const ScenarioSpec& spec, const Model& base, const PlanOptions& base_options,
                                      Diagnostics& diagnostics);

/// Reads a scenario file and applies it to `base`. Nothing when there is any error.
std::optional<Scenario> LoadScenario(const std::filesystem::path& file, const Model& base,
                                     const PlanOptions& base_options, Diagnostics& diagnostics);

/// The same from text; `file_name` names it in messages.
std::optional<Scenario> ParseScenario(std::string_view text, const std::string& file_name, const Model& base,
                                      const PlanOptions& base_options, Diagnostics& diagnostics);

}  // namespace takt
