#pragma once
// Serving a dataset folder without a store: a re-plan reads the folder again (new data dropped in),
// there are no versions, and scenarios live only as long as the server.

#include <filesystem>

#include "server/api_server.h"

namespace takt::server {

class FolderBackend : public Backend {
 public:
  FolderBackend(std::filesystem::path dir, PlanOptions options) : dir_(std::move(dir)), options_(options) {}
  std::shared_ptr<PlanSnapshot> Replan(std::optional<int64_t> dataset_version, Diagnostics& problems) override;
  nlohmann::json Versions() override { return nlohmann::json::array(); }
  int64_t SaveScenario(const ScenarioEntry&, int64_t) override { return 0; }
  void DeleteScenario(const std::string&) override {}

 private:
  std::filesystem::path dir_;
  PlanOptions options_;
  int64_t plans_ = 0;
};

}  // namespace takt::server
