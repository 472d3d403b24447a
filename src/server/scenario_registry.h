#pragma once
// The scenarios the API knows: their edits (read from TOML text or from JSON by src/scenario),
// validated whole against the base dataset, persisted in the store, and run on request against the
// current base plan. Guarded by one mutex; a run plans outside it, so listing and reading go on
// while a scenario plans.

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
#include "scenario/scenario_edits.h"
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
  /// The edits; none when a stored scenario's text is no longer a scenario file (a run says why).
  std::optional<ScenarioSpec> spec;
  std::string toml;  ///< the scenario file's text: as sent, or written from JSON edits (WriteScenarioToml)
  std::string created_at;
  int64_t version = 0;  ///< in the store; 0 when not stored
  std::vector<std::string> edits;  ///< one sentence per edit, from the last validation
  std::shared_ptr<const ScenarioRun> run;  ///< null until run
};

class ScenarioRegistry {
 public:
  /// Validates the scenario against the base; on success adds it (and returns it). Errors in `problems`.
  /// `toml` is the text kept and shown for it.
  std::optional<ScenarioEntry> Create(const PlanSnapshot& base, const std::string& name, const std::string& description,
                                      ScenarioSpec spec, std::string toml, Diagnostics& problems);
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
