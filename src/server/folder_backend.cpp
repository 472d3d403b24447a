#include "server/folder_backend.h"

#include "common/clock.h"
#include "io/dataset_loader.h"

namespace takt::server {

std::shared_ptr<PlanSnapshot> FolderBackend::Replan(std::optional<int64_t> dataset_version, Diagnostics& problems) {
  if (dataset_version) {
    problems.Error("unknown-version", dir_.string(), 0, "version",
                   "a dataset folder has no versions; import it into a store (takt import) to keep versions");
    return nullptr;
  }
  std::shared_ptr<const Model> model = LoadDataset(dir_, problems);
  if (!model) return nullptr;
  SnapshotSource source;
  source.dataset_name = dir_.filename().string();
  source.plan_version = ++plans_;  // counts the plans of this server, so stale scenario runs show
  source.created_at = UtcNowIso8601();
  return PlanSnapshot::Build(std::move(model), options_, std::move(source));
}

}  // namespace takt::server
