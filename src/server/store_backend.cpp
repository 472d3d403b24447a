#include "server/store_backend.h"

#include <fmt/format.h>

#include "common/clock.h"
#include "io/dataset_loader.h"
#include "plan/plan_options.h"
#include "plan/plan_writer.h"
#include "scenario/scenario.h"

namespace takt::server {

namespace {

/// The value of a store call, or the store's error thrown as the Backend interface says.
template <typename T>
T ValueOrThrow(Result<T> result) {
  if (result.ok()) return std::move(*result);
  if (result.Is(ErrorKind::kConflict)) throw BackendConflict(result.message());
  throw std::runtime_error(result.message());
}

}  // namespace

std::shared_ptr<PlanSnapshot> StoreBackend::Replan(std::optional<int64_t> dataset_version, Diagnostics& problems) {
  const int64_t version = dataset_version ? *dataset_version : ValueOrThrow(store_.Latest(kDatasetKind));
  if (version == 0) {
    problems.Error("unknown-version", store_.location(), 0, "version", "the store holds no dataset yet",
                   "import one: takt import DIR --db " + store_.location());
    return nullptr;
  }
  Result<VersionInfo> info = store_.Version(version);
  if (!info.ok() && !info.Is(ErrorKind::kNotFound)) throw std::runtime_error(info.message());
  if (!info.ok() || info->kind != kDatasetKind) {
    problems.Error("unknown-version", store_.location(), 0, "version",
                   fmt::format("dataset version {} is not in the store", version), "takt versions --db lists them");
    return nullptr;
  }
  const DatasetFiles files = ValueOrThrow(store_.LoadDatasetFiles(version));
  std::shared_ptr<const Model> model = LoadDataset(files, problems);
  if (!model) return nullptr;
  SnapshotSource source;
  source.dataset_version = version;
  source.dataset_name = info->name;
  source.created_at = UtcNowIso8601();
  std::shared_ptr<PlanSnapshot> snapshot = PlanSnapshot::Build(std::move(model), options_, std::move(source));

  const std::string note = PlanOptionsNote(options_);
  int64_t plan_version = 0;
  for (const VersionInfo& v : ValueOrThrow(store_.Versions(kPlanKind))) {
    if (v.parent == version && v.note == note) plan_version = v.id;
  }
  if (plan_version == 0) {
    plan_version = ValueOrThrow(
        store_.SavePlan(version, WritePlanFiles(snapshot->model(), snapshot->plan(), snapshot->report()).files,
                        {info->name, user_, note}));
  }
  snapshot->set_plan_version(plan_version);
  return snapshot;
}

nlohmann::json StoreBackend::Versions() {
  nlohmann::json list = nlohmann::json::array();
  const std::vector<VersionInfo> versions = ValueOrThrow(store_.Versions());
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
  return ValueOrThrow(store_.SaveScenario(dataset_version, entry.toml, {entry.name, user_, entry.description}));
}

void StoreBackend::DeleteScenario(const std::string& name) {
  // None of that name is what was asked for already.
  if (const Status status = store_.DeleteScenario(name); !status.ok() && !status.Is(ErrorKind::kNotFound)) {
    throw std::runtime_error(status.message());
  }
}

Result<std::vector<ScenarioEntry>> StoreBackend::StoredScenarios(const PlanSnapshot& base) {
  Result<std::vector<VersionInfo>> versions = store_.Versions(kScenarioKind);
  if (!versions.ok()) return versions.status();
  std::vector<ScenarioEntry> entries;
  for (const VersionInfo& v : *versions) {
    Result<std::string> text = store_.ScenarioText(v.id);
    if (text.Is(ErrorKind::kNotFound) || text.Is(ErrorKind::kCorrupt)) continue;
    if (!text.ok()) return text.status();
    ScenarioEntry e;
    e.name = v.name;
    e.description = v.note;
    e.toml = std::move(*text);
    e.created_at = v.created_at;
    e.version = v.id;
    Diagnostics problems;
    e.spec = ReadScenarioToml(e.toml, "scenario '" + e.name + "'", problems);
    std::optional<Scenario> applied;
    if (e.spec) applied = ApplyScenario(*e.spec, base.model(), base.plan().options, problems);
    if (applied) {
      e.edits = applied->applied;
    } else {
      e.edits.push_back("no longer applies to the current data; run it to see why");
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace takt::server
