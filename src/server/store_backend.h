#pragma once
// Serving a store (takt import): a re-plan plans the newest (or a given) dataset version and keeps
// the plan as a version; scenarios made through the API are kept as versions too.
//
// Store (a Status for every call) meets Backend (exceptions, caught by the HTTP handlers): a store
// error becomes BackendConflict for kConflict and std::runtime_error with the store's message
// otherwise.

#include "server/api_server.h"
#include "store/store.h"

namespace takt::server {

class StoreBackend : public Backend {
 public:
  StoreBackend(Store& store, PlanOptions options, std::string user)
      : store_(store), options_(options), user_(std::move(user)) {}
  std::shared_ptr<PlanSnapshot> Replan(std::optional<int64_t> dataset_version, Diagnostics& problems) override;
  nlohmann::json Versions() override;
  int64_t SaveScenario(const ScenarioEntry& entry, int64_t dataset_version) override;
  void DeleteScenario(const std::string& name) override;

  /// The live scenarios of the store, validated against `base` (those that no longer apply keep
  /// their text and say so when run).
  Result<std::vector<ScenarioEntry>> StoredScenarios(const PlanSnapshot& base);

 private:
  Store& store_;
  PlanOptions options_;
  std::string user_;
};

}  // namespace takt::server
