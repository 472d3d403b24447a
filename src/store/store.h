#pragma once
// The embedded store: datasets, plans and scenarios kept as numbered, named versions with who made
// them and when, in one SQLite file (docs/store.md).
//
// Every write is one transaction that inserts a version row together with all of its files, so a
// crash or kill at any moment leaves each version either whole or absent, and loses nothing
// committed. Versions are never changed or removed; only a scenario can be marked deleted.
//
// Thread safety: one Store is shared by all threads. Writes go through a single writer connection
// under a mutex (SQLite admits one writer at a time anyway, and queueing in process avoids busy
// retries); reads take a connection of their own from a small pool, so in WAL mode they run
// concurrently with each other and with a write, each seeing the last committed state. Other
// processes may use the same file at the same time; their writes queue on the busy timeout.
//
// Failures (disk full, locked too long, read-only, corrupt) throw StoreError naming the file and
// what was being done.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/dataset_loader.h"
#include "store/store_error.h"

namespace takt {

namespace sqlite {
class Connection;
}

/// The kinds of versions.
inline constexpr std::string_view kDatasetKind = "dataset";
inline constexpr std::string_view kPlanKind = "plan";
inline constexpr std::string_view kScenarioKind = "scenario";

struct VersionInfo {
  int64_t id = 0;
  std::string kind;        ///< dataset | plan | scenario
  std::string name;
  std::string created_at;  ///< UTC, ISO 8601: 2026-11-23T17:40:00Z
  std::string created_by;
  std::string note;        ///< free text; a scenario's description
  int64_t parent = 0;      ///< the dataset a plan or scenario was made from; 0 for a dataset
  int64_t bytes = 0;       ///< size of its files
  bool deleted = false;    ///< a scenario marked deleted
};

/// Called before each file of a version is written, inside the transaction: for progress lines.
using StoreProgress = std::function<void(const std::string& file_name, size_t bytes)>;

class Store {
 public:
  enum class Mode {
    kCreate,    ///< create the file when missing
    kExisting,  ///< the file must exist (commands that only read)
  };

  /// Opens the store at `db`. Returns null with `error` set when the file cannot be opened or is
  /// not a takt store.
  static std::unique_ptr<Store> Open(const std::filesystem::path& db, std::string& error, Mode mode = Mode::kCreate);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// SQLite's integrity check of the whole file: "" when it is sound, else its findings.
  std::string CheckIntegrity();

  // --- versions ---------------------------------------------------------------------------------
  /// Every version of `kind` (all kinds when empty), oldest first. Deleted scenarios only when asked.
  std::vector<VersionInfo> Versions(std::string_view kind = {}, bool include_deleted = false);
  std::optional<VersionInfo> Version(int64_t id);
  /// The newest version of `kind` (deleted scenarios aside); 0 when there is none.
  int64_t Latest(std::string_view kind);
  /// A version given by number or by name (the newest of that name) of `kind` (any kind when
  /// empty). A number that is not a version of that kind is tried as a name. Deleted scenarios do
  /// not resolve.
  std::optional<int64_t> Resolve(std::string_view kind, std::string_view id_or_name);

  // --- datasets ---------------------------------------------------------------------------------
  /// Saves the files of a dataset (file name, CSV text) as a new version; returns its id. The
  /// caller validates them first: the store keeps bytes, it does not parse them.
  int64_t SaveDataset(const DatasetFiles& files, const std::string& name, const std::string& user,
                      const std::string& note, const StoreProgress& progress = {});
  /// The files of a dataset version, in the order saved; nothing when it is not a dataset version.
  std::optional<DatasetFiles> LoadDatasetFiles(int64_t version);

  // --- plans ------------------------------------------------------------------------------------
  /// Saves a plan's files (WritePlanFiles) as a new version whose parent is `dataset_version`.
  int64_t SavePlan(int64_t dataset_version, const DatasetFiles& plan_files, const std::string& name,
                   const std::string& user, const std::string& note, const StoreProgress& progress = {});
  std::optional<DatasetFiles> LoadPlanFiles(int64_t version);
  /// The newest plan made from `dataset_version`; 0 when there is none.
  int64_t LatestPlanOf(int64_t dataset_version);

  // --- scenarios --------------------------------------------------------------------------------
  /// Saves a scenario (its TOML text, docs/scenarios.md) made against `dataset_version`. Names are
  /// unique among live scenarios: kConflict when one has it already.
  int64_t SaveScenario(int64_t dataset_version, const std::string& name, const std::string& toml_text,
                       const std::string& description, const std::string& user);
  /// The TOML text of a scenario version (deleted or not); nothing when it is not one.
  std::optional<std::string> ScenarioText(int64_t version);
  /// Marks the live scenario of that name deleted (its versions stay readable by id, its name is
  /// free again). False when there is none.
  bool DeleteScenario(const std::string& name);

 private:
  class ReadLease;
  Store(std::filesystem::path path, std::unique_ptr<sqlite::Connection> writer);

  int64_t SaveVersion(std::string_view kind, int64_t parent, const DatasetFiles& files, const std::string& name,
                      const std::string& user, const std::string& note, const StoreProgress& progress);
  std::optional<DatasetFiles> LoadFiles(int64_t version, std::string_view kind);
  /// Throws kNotFound unless `id` is a dataset version.
  void RequireDataset(sqlite::Connection& connection, int64_t id);

  std::filesystem::path path_;
  std::mutex write_mutex_;
  std::unique_ptr<sqlite::Connection> writer_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<sqlite::Connection>> idle_readers_;
};

/// The scenario file name a scenario version holds.
inline constexpr std::string_view kScenarioFileName = "scenario.toml";

}  // namespace takt
