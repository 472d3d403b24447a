#pragma once
// The scenarios the API knows: created from TOML text or its JSON form, validated whole against the
// base dataset, persisted in the store, and run on request against the current base plan. Guarded
// by one mutex; a run plans outside it, so listing and reading go on while a scenario plans.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/diagnostics.h"
#include "scenario/plan_compare.h"
#include "server/plan_snapshot.h"

namespace takt::server {

struct ScenarioRun {
  int64_t base_plan_version = 0;
  double seconds = 0;  ///< re-plan and comparison
  size_t lines_reused = 0;  ///< lines whose plans were the base's, not planned again
  PlanComparison comparison;
  std::vector<Money> shipped_by_day;  ///< for the burn-down
};

struct ScenarioEntry {
  std::string name;
  std::string description;
  std::string toml;  ///< the scenario as TOML (from JSON edits, converted)
  std::string created_at;
  int64_t version = 0;  ///< in the store; 0 when not stored
  std::vector<std::string> edits;  ///< one sentence per edit, from the last validation
  std::shared_ptr<const ScenarioRun> run;  ///< null until run
};

/// The TOML text of a scenario given in JSON: the same keys and arrays as the file (docs/scenarios.md).
/// Throws std::invalid_argument with a sentence when the JSON has a shape TOML cannot hold.
std::string ScenarioTomlFromJson(const nlohmann::json& edits, const std::string& name, const std::string& description);

/// For a scenario converted from JSON: the JSON path ("receipts[0].item") of what is on a line of its
/// TOML text, so messages point into the JSON the user sent; "" when nothing is on that line.
std::string JsonPathAtLine(const std::string& toml, int line);

class ScenarioRegistry {
 public:
  /// Validates the scenario against the base; on success adds it (and returns it). Errors in `problems`.
  std::optional<ScenarioEntry> Create(const PlanSnapshot& base, const std::string& name, const std::string& description,
                                      const std::string& toml, Diagnostics& problems);
  /// Adds a scenario already validated and stored (at start-up, from the store).
  void Restore(ScenarioEntry entry);
  /// Plans the scenario against the base and compares. Null when unknown; problems when it no longer
  /// applies to the base (after new data).
  std::shared_ptr<const ScenarioRun> Run(const PlanSnapshot& base, const std::string& name, Diagnostics& problems);
  std::optional<ScenarioEntry> Get(const std::string& name) const;
  std::vector<ScenarioEntry> List() const;
  bool Remove(const std::string& name);
  bool Contains(const std::string& name) const;
  void SetVersion(const std::string& name, int64_t version);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, ScenarioEntry> entries_;
};

}  // namespace takt::server
