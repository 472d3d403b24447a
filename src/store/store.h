#pragma once
// The store: datasets, plans and scenarios kept as numbered, named versions with who made them and
// when (docs/store.md). This is what the CLI and `takt serve` use; OpenStore picks the backend from
// the location. SQLite (store/sqlite_store.h, one file) is the first; a networked multi-writer
// backend (PostgreSQL) implements the same protected methods.
//
// What every backend guarantees:
// - One transaction per version: a version row and all of its files are written together, so a
//   crash or kill at any moment leaves each version either whole or absent, and loses nothing
//   committed. Versions are never changed or removed; only a scenario can be marked deleted.
// - Ids are assigned by the store, grow, and are never reused; names are for people (several
//   versions may share one, it resolves to the newest) and are never only digits.
// - Every call sees one committed state. Since versions never change, a reader that has an id may
//   read it in several calls (its row, then its files) and always gets the same version, however
//   many writers commit meanwhile: no lease spans calls.
// - Live scenario names are unique across all writers (kConflict), checked in the writing
//   transaction.
// - Thread safety: one Store is shared by all threads of a process; reads run in parallel with
//   each other and with a write. Other processes may use the same store at the same time.
//
// Errors: every call returns a Status or Result (common/result.h) and never throws. kNotFound for a
// version that does not exist or is of another kind, kConflict for a taken scenario name,
// kInvalid for a refused name, kCorrupt for something that is not a takt store, kBusy, kFull,
// kReadOnly and kFailed for the rest. Messages name the store and what was being done.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "io/dataset_loader.h"

namespace takt {

/// The kinds of versions.
inline constexpr std::string_view kDatasetKind = "dataset";
inline constexpr std::string_view kPlanKind = "plan";
inline constexpr std::string_view kScenarioKind = "scenario";

/// The scenario file name a scenario version holds.
inline constexpr std::string_view kScenarioFileName = "scenario.toml";

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

/// What people call a new version and who makes it; the store adds its id and time.
struct VersionLabel {
  std::string name;        ///< not empty, not only digits
  std::string created_by;  ///< the user
  std::string note;        ///< free text; a scenario's description
};

/// Whether lists include the scenarios marked deleted.
enum class DeletedScenarios { kLeftOut, kIncluded };

/// Called before each file of a version is written, inside the transaction: for progress lines.
/// An exception it throws abandons the version (nothing of it is kept) and comes back as kFailed.
using StoreProgress = std::function<void(const std::string& file_name, size_t bytes)>;

class Store {
 public:
  enum class Mode {
    kCreate,    ///< create the store when missing
    kExisting,  ///< the store must exist (commands that only read)
  };

  virtual ~Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// Where the store is, as given to OpenStore: a file's path, for messages.
  const std::string& location() const { return location_; }

  /// The backend's own consistency check of everything it holds: "" when sound, else its findings.
  virtual Result<std::string> CheckIntegrity() = 0;

  // --- versions ---------------------------------------------------------------------------------
  /// Every version of `kind` (all kinds when empty), oldest first.
  Result<std::vector<VersionInfo>> Versions(std::string_view kind = {},
                                            DeletedScenarios deleted = DeletedScenarios::kLeftOut);
  /// One version, deleted or not; kNotFound when there is none of that id.
  Result<VersionInfo> Version(int64_t id);
  /// The newest version of `kind` (deleted scenarios aside); 0 when there is none.
  Result<int64_t> Latest(std::string_view kind);
  /// A version given by number or by name (the newest of that name) of `kind` (any kind when
  /// empty). A number that is not a version of that kind is tried as a name. Deleted scenarios do
  /// not resolve. kNotFound when nothing matches.
  Result<int64_t> Resolve(std::string_view kind, std::string_view id_or_name);

  // --- datasets ---------------------------------------------------------------------------------
  /// Saves the files of a dataset (file name, CSV text) as a new version; returns its id. The
  /// caller validates them first: the store keeps bytes, it does not parse them.
  Result<int64_t> SaveDataset(const DatasetFiles& files, const VersionLabel& label, const StoreProgress& progress = {});
  /// The files of a dataset version, in the order saved; kNotFound when it is not a dataset version.
  Result<DatasetFiles> LoadDatasetFiles(int64_t version);

  // --- plans ------------------------------------------------------------------------------------
  /// Saves a plan's files (WritePlanFiles) as a new version whose parent is `dataset_version`
  /// (kNotFound when that is not a dataset version).
  Result<int64_t> SavePlan(int64_t dataset_version, const DatasetFiles& plan_files, const VersionLabel& label,
                           const StoreProgress& progress = {});
  /// The files of a plan version; kNotFound when it is not a plan version.
  Result<DatasetFiles> LoadPlanFiles(int64_t version);
  /// The newest plan made from `dataset_version`; 0 when there is none.
  Result<int64_t> LatestPlanOf(int64_t dataset_version);

  // --- scenarios --------------------------------------------------------------------------------
  /// Saves a scenario (its TOML text, docs/scenarios.md) made against `dataset_version`; the
  /// label's note is its description. Names are unique among live scenarios: kConflict when one
  /// has it already.
  Result<int64_t> SaveScenario(int64_t dataset_version, const std::string& toml_text, const VersionLabel& label);
  /// The TOML text of a scenario version (deleted or not); kNotFound when it is not one.
  Result<std::string> ScenarioText(int64_t version);
  /// Marks the live scenario of that name deleted (its versions stay readable by id, its name is
  /// free again). kNotFound when there is none.
  Status DeleteScenario(const std::string& name);

 protected:
  explicit Store(std::string location) : location_(std::move(location)) {}

  // What a backend implements. The public calls above check their arguments first (names, files
  // given twice), so these receive only what the store accepts. Each is one transaction.

  virtual Result<std::vector<VersionInfo>> ReadVersions(std::string_view kind, DeletedScenarios deleted) = 0;
  /// kNotFound when there is no version `id`.
  virtual Result<VersionInfo> ReadVersion(int64_t id) = 0;
  /// The newest version of `kind` (any kind when empty) named `name`, deleted scenarios aside;
  /// kNotFound when there is none.
  virtual Result<int64_t> FindNewestNamed(std::string_view kind, std::string_view name) = 0;
  /// The newest live version of `kind`, among those whose parent is `parent` when that is not 0; 0
  /// when there is none.
  virtual Result<int64_t> FindNewest(std::string_view kind, int64_t parent) = 0;
  /// Inserts the version and its files in one transaction; kNotFound unless `parent` (when not 0) is
  /// a dataset version; kConflict for a scenario whose name a live scenario has.
  virtual Result<int64_t> WriteVersion(std::string_view kind, int64_t parent, const DatasetFiles& files,
                                       const VersionLabel& label, const StoreProgress& progress) = 0;
  /// The files of version `id`, in the order saved, read in one snapshot; kNotFound unless it is
  /// a version of `kind`.
  virtual Result<DatasetFiles> ReadFiles(int64_t id, std::string_view kind) = 0;
  /// kNotFound when no live scenario has that name.
  virtual Status MarkScenarioDeleted(const std::string& name) = 0;

 private:
  Result<int64_t> SaveVersion(std::string_view kind, int64_t parent, const DatasetFiles& files,
                              const VersionLabel& label, const StoreProgress& progress);

  std::string location_;
};

/// Opens the store at `location` (a file path; the SQLite backend) in `mode`. kNotFound when it
/// must exist and does not, kCorrupt when it is not a takt store, others when it cannot be opened.
Result<std::unique_ptr<Store>> OpenStore(const std::string& location, Store::Mode mode);

}  // namespace takt
