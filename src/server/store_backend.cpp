#include "server/store_backend.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "io/dataset_loader.h"
#include "plan/plan_writer.h"
#include "scenario/scenario.h"

namespace takt::server {

namespace {

/// How a stored plan says what it was planned with: a plan of the same dataset with the same note
/// is the same plan (planning is deterministic), so it is not stored twice.
std::string PlanNote(const PlanOptions& o) {
  return fmt::format("policy={} licence_policy={}", AllocationPolicyName(o.policy), LicencePolicyName(o.licence_policy));
}

}  // namespace

std::shared_ptr<PlanSnapshot> StoreBackend::Replan(std::optional<int64_t> dataset_version, Diagnostics& problems) {
  const int64_t version = dataset_version.value_or(store_.Latest(kDatasetKind));
  if (version == 0) {
    problems.Error("unknown-version", store_.path().string(), 0, "version",
                   "the store holds no dataset yet", "import one: takt import DIR --db " + store_.path().string());
    return nullptr;
  }
  const std::optional<VersionInfo> info = store_.Version(version);
  std::optional<DatasetFiles> files;
  if (info && info->kind == kDatasetKind) files = store_.LoadDatasetFiles(version);
  if (!files) {
    problems.Error("unknown-version", store_.path().string(), 0, "version",
                   fmt::format("dataset version {} is not in the store", version), "takt versions --db lists them");
    return nullptr;
  }
  std::shared_ptr<const Model> model = LoadDataset(*files, problems);
  if (!model) return nullptr;
  SnapshotSource source;
  source.dataset_version = version;
  source.dataset_name = info->name;
  source.created_at = UtcNowIso8601();
  std::shared_ptr<PlanSnapshot> snapshot = PlanSnapshot::Build(std::move(model), options_, std::move(source));

  const std::string note = PlanNote(options_);
  int64_t plan_version = 0;
  for (const VersionInfo& v : store_.Versions(kPlanKind)) {
    if (v.parent == version && v.note == note) plan_version = v.id;
  }
  if (plan_version == 0) {
    plan_version = store_.SavePlan(version, WritePlanFiles(snapshot->model(), snapshot->plan(), snapshot->report()).files,
                                   info->name, user_, note);
  }
  snapshot->set_plan_version(plan_version);
  return snapshot;
}

nlohmann::json StoreBackend::Versions() {
  nlohmann::json list = nlohmann::json::array();
  std::vector<VersionInfo> versions = store_.Versions();
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    list.push_back({{"id", it->id},
                    {"kind", it->kind},
                    {"name", it->name},
                    {"parent", it->parent == 0 ? nlohmann::json(nullptr) : nlohmann::json(it->parent)},
                    {"created_at", it->created_at},
                    {"created_by", it->created_by},
                    {"note", it->note},
                    {"bytes", it->bytes}});
  }
  return list;
}

int64_t StoreBackend::SaveScenario(const ScenarioEntry& entry, int64_t dataset_version) {
  try {
    return store_.SaveScenario(dataset_version, entry.name, entry.toml, entry.description, user_);
  } catch (const StoreError& e) {
    if (e.kind() == StoreError::Kind::kConflict) throw BackendConflict(e.what());
    throw;
  }
}

void StoreBackend::DeleteScenario(const std::string& name) { store_.DeleteScenario(name); }

std::vector<ScenarioEntry> StoreBackend::StoredScenarios(const PlanSnapshot& base) {
  std::vector<ScenarioEntry> entries;
  for (const VersionInfo& v : store_.Versions(kScenarioKind)) {
    std::optional<std::string> text = store_.ScenarioText(v.id);
    if (!text) continue;
    ScenarioEntry e;
    e.name = v.name;
    e.description = v.note;
    e.toml = std::move(*text);
    e.created_at = v.created_at;
    e.version = v.id;
    Diagnostics problems;
    if (auto parsed = ParseScenario(e.toml, "scenario '" + e.name + "'", base.model(), base.plan().options, problems)) {
      e.edits = parsed->applied;
    } else {
      e.edits.push_back("no longer applies to the current data; run it to see why");
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace takt::server
