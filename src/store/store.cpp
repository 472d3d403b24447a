#include "store/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace takt {

namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A name the store can resolve: not empty, and not a number (which would read as a version id).
Status CheckName(const std::string& location, std::string_view kind, const std::string& name) {
  if (name.empty()) return Status::Error(ErrorKind::kInvalid, fmt::format("{}: a {} needs a name", location, kind));
  if (AllDigits(name)) {
    return Status::Error(ErrorKind::kInvalid,
                         fmt::format("{}: {} name '{}' is only digits, which would read as a version number",
                                     location, kind, name));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<VersionInfo>> Store::Versions(std::string_view kind, DeletedScenarios deleted) {
  return ReadVersions(kind, deleted);
}

Result<VersionInfo> Store::Version(int64_t id) { return ReadVersion(id); }

Result<int64_t> Store::Latest(std::string_view kind) { return FindNewest(kind, 0); }

Result<int64_t> Store::Resolve(std::string_view kind, std::string_view id_or_name) {
  // 18 digits always fit an int64_t; a longer number cannot be an id and is tried as a name.
  if (AllDigits(id_or_name) && id_or_name.size() < 19) {
    Result<VersionInfo> v = ReadVersion(std::stoll(std::string(id_or_name)));
    if (v.ok() && (kind.empty() || v->kind == kind) && !v->deleted) return v->id;
    if (!v.ok() && !v.Is(ErrorKind::kNotFound)) return v.status();
  }
  return FindNewestNamed(kind, id_or_name);
}

Result<int64_t> Store::SaveVersion(std::string_view kind, int64_t parent, const DatasetFiles& files,
                                   const VersionLabel& label, const StoreProgress& progress) {
  if (Status name = CheckName(location_, kind, label.name); !name.ok()) return name;
  std::set<std::string_view> names;
  for (const auto& file : files) {
    if (!names.insert(file.first).second) {
      return Status::Error(ErrorKind::kInvalid, fmt::format("{}: file {} is given twice for {} '{}'", location_,
                                                            file.first, kind, label.name));
    }
  }
  return WriteVersion(kind, parent, files, label, progress);
}

Result<int64_t> Store::SaveDataset(const DatasetFiles& files, const VersionLabel& label,
                                   const StoreProgress& progress) {
  return SaveVersion(kDatasetKind, 0, files, label, progress);
}

Result<DatasetFiles> Store::LoadDatasetFiles(int64_t version) { return ReadFiles(version, kDatasetKind); }

Result<int64_t> Store::SavePlan(int64_t dataset_version, const DatasetFiles& plan_files, const VersionLabel& label,
                                const StoreProgress& progress) {
  return SaveVersion(kPlanKind, dataset_version, plan_files, label, progress);
}

Result<DatasetFiles> Store::LoadPlanFiles(int64_t version) { return ReadFiles(version, kPlanKind); }

Result<int64_t> Store::LatestPlanOf(int64_t dataset_version) { return FindNewest(kPlanKind, dataset_version); }

Result<int64_t> Store::SaveScenario(int64_t dataset_version, const std::string& toml_text, const VersionLabel& label) {
  const DatasetFiles files{{std::string(kScenarioFileName), toml_text}};
  return SaveVersion(kScenarioKind, dataset_version, files, label, {});
}

Result<std::string> Store::ScenarioText(int64_t version) {
  Result<DatasetFiles> files = ReadFiles(version, kScenarioKind);
  if (!files.ok()) return files.status();
  if (files->empty()) {
    return Status::Error(ErrorKind::kCorrupt,
                         fmt::format("{}: scenario version {} holds no {}", location_, version, kScenarioFileName));
  }
  return std::move(files->front().second);
}

Status Store::DeleteScenario(const std::string& name) { return MarkScenarioDeleted(name); }

}  // namespace takt
