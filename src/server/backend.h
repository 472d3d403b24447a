#pragma once
// What takt serve needs of storage (FolderBackend, StoreBackend): new plans of new data, versions,
// and persistence of scenarios.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "common/diagnostics.h"
#include "server/plan_snapshot.h"
#include "server/scenario_registry.h"

namespace takt::server {

/// A backend refusing a name that is taken (a scenario another writer stored meanwhile).
struct BackendConflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// What the server needs of a store: new plans of new data, and persistence of scenarios. Failures
/// throw (BackendConflict for a taken name, std::runtime_error otherwise).
class Backend {
 public:
  virtual ~Backend() = default;
  /// Loads the dataset version (newest when none), plans it, saves the plan; null with problems.
  virtual std::shared_ptr<PlanSnapshot> Replan(std::optional<int64_t> dataset_version, Diagnostics& problems) = 0;
  /// The store's versions, newest first, as the API lists them.
  virtual nlohmann::json Versions() = 0;
  /// Persists a created scenario; returns its version (0 when not stored).
  virtual int64_t SaveScenario(const ScenarioEntry& entry, int64_t dataset_version) = 0;
  virtual void DeleteScenario(const std::string& name) = 0;
};

}  // namespace takt::server
