#include "store/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "store/schema.h"
#include "store/sqlite.h"

namespace takt {

namespace {

/// Idle read connections kept for reuse; more are opened when more threads read at once.
constexpr size_t kMaxIdleReaders = 8;

/// Settings of the writer connection (they are not kept in the file).
constexpr const char* kWriterSettings =
    // FULL: the log is synced at every commit, so a commit survives a power cut or an OS crash and
    // not only a killed process (NORMAL would risk the last commits there). Commits are a few per
    // import or plan, so the cost is nothing.
    "PRAGMA synchronous = FULL;"
    "PRAGMA foreign_keys = ON;"
    // The log is cut back to 64 MB after a checkpoint, so one big import does not leave a log of
    // its size behind for good.
    "PRAGMA journal_size_limit = 67108864;";

constexpr const char* kVersionColumns =
    "SELECT id, kind, name, created_at, created_by, note, coalesce(parent, 0), bytes, deleted_at IS NOT NULL "
    "FROM versions ";

VersionInfo ReadVersion(sqlite::Statement& s) {
  VersionInfo v;
  v.id = s.Int(0);
  v.kind = s.Text(1);
  v.name = s.Text(2);
  v.created_at = s.Text(3);
  v.created_by = s.Text(4);
  v.note = s.Text(5);
  v.parent = s.Int(6);
  v.bytes = s.Int(7);
  v.deleted = s.Int(8) != 0;
  return v;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void CheckName(const std::filesystem::path& db, std::string_view kind, const std::string& name) {
  if (name.empty()) {
    throw StoreError(StoreError::Kind::kInvalid, fmt::format("{}: a {} needs a name", db.string(), kind));
  }
  if (AllDigits(name)) {
    throw StoreError(StoreError::Kind::kInvalid,
                     fmt::format("{}: {} name '{}' is only digits, which would read as a version number",
                                 db.string(), kind, name));
  }
}

}  // namespace

/// A read connection borrowed from the pool for one call, returned when the call ends.
class Store::ReadLease {
 public:
  explicit ReadLease(Store& store) : store_(store) {
    {
      std::lock_guard lock(store_.pool_mutex_);
      if (!store_.idle_readers_.empty()) {
        connection_ = std::move(store_.idle_readers_.back());
        store_.idle_readers_.pop_back();
      }
    }
    if (!connection_) {
      connection_ = std::make_unique<sqlite::Connection>(store_.path_, false);
      connection_->Execute("PRAGMA query_only = ON", "opening a read connection");
    }
  }
  ~ReadLease() {
    std::lock_guard lock(store_.pool_mutex_);
    if (store_.idle_readers_.size() < kMaxIdleReaders) store_.idle_readers_.push_back(std::move(connection_));
  }
  ReadLease(const ReadLease&) = delete;
  ReadLease& operator=(const ReadLease&) = delete;

  sqlite::Connection& operator*() { return *connection_; }

 private:
  Store& store_;
  std::unique_ptr<sqlite::Connection> connection_;
};

std::unique_ptr<Store> Store::Open(const std::filesystem::path& db, std::string& error, Mode mode) {
  try {
    std::error_code ec;
    if (mode == Mode::kExisting && !std::filesystem::exists(db, ec)) {
      error = fmt::format("{}: no such store; create it with 'takt import DIR --db {}'", db.string(), db.string());
      return nullptr;
    }
    auto writer = std::make_unique<sqlite::Connection>(db, mode == Mode::kCreate);
    const store::FileState state = store::Recognise(*writer);
    writer->Execute(kWriterSettings, "configuring the connection");
    store::PrepareSchema(*writer, state);
    return std::unique_ptr<Store>(new Store(db, std::move(writer)));
  } catch (const StoreError& e) {
    error = e.what();
  } catch (const std::exception& e) {
    error = fmt::format("{}: {}", db.string(), e.what());
  }
  return nullptr;
}

Store::Store(std::filesystem::path path, std::unique_ptr<sqlite::Connection> writer)
    : path_(std::move(path)), writer_(std::move(writer)) {}

Store::~Store() = default;

std::string Store::CheckIntegrity() {
  ReadLease c(*this);
  sqlite::Statement s(*c, "PRAGMA integrity_check", "checking the integrity of the file");
  std::string findings;
  while (s.Step()) {
    const std::string line = s.Text(0);
    if (line != "ok") findings += line + "\n";
  }
  return findings;
}

std::vector<VersionInfo> Store::Versions(std::string_view kind, bool include_deleted) {
  ReadLease c(*this);
  sqlite::Statement s(*c,
                      std::string(kVersionColumns) +
                          "WHERE (?1 = '' OR kind = ?1) AND (?2 OR deleted_at IS NULL) ORDER BY id",
                      "listing versions");
  s.Bind(1, kind).Bind(2, int64_t{include_deleted});
  std::vector<VersionInfo> versions;
  while (s.Step()) versions.push_back(ReadVersion(s));
  return versions;
}

std::optional<VersionInfo> Store::Version(int64_t id) {
  ReadLease c(*this);
  sqlite::Statement s(*c, std::string(kVersionColumns) + "WHERE id = ?", "reading a version");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadVersion(s);
}

int64_t Store::Latest(std::string_view kind) {
  ReadLease c(*this);
  sqlite::Statement s(*c, "SELECT max(id) FROM versions WHERE kind = ? AND deleted_at IS NULL",
                      "finding the newest version");
  s.Bind(1, kind);
  return s.Step() && !s.IsNull(0) ? s.Int(0) : 0;
}

std::optional<int64_t> Store::Resolve(std::string_view kind, std::string_view id_or_name) {
  ReadLease c(*this);
  if (AllDigits(id_or_name) && id_or_name.size() < 19) {
    sqlite::Statement s(*c, "SELECT id FROM versions WHERE id = ?1 AND (?2 = '' OR kind = ?2) AND deleted_at IS NULL",
                        "finding a version");
    s.Bind(1, std::stoll(std::string(id_or_name))).Bind(2, kind);
    if (s.Step()) return s.Int(0);
  }
  sqlite::Statement s(*c,
                      "SELECT max(id) FROM versions WHERE name = ?1 AND (?2 = '' OR kind = ?2) AND deleted_at IS NULL",
                      "finding a version by name");
  s.Bind(1, id_or_name).Bind(2, kind);
  if (s.Step() && !s.IsNull(0)) return s.Int(0);
  return std::nullopt;
}

void Store::RequireDataset(sqlite::Connection& c, int64_t id) {
  sqlite::Statement s(c, "SELECT kind FROM versions WHERE id = ?", "reading a version");
  s.Bind(1, id);
  if (!s.Step() || s.Text(0) != kDatasetKind) {
    throw StoreError(StoreError::Kind::kNotFound,
                     fmt::format("{}: version {} is not a dataset version", path_.string(), id));
  }
}

int64_t Store::SaveVersion(std::string_view kind, int64_t parent, const DatasetFiles& files, const std::string& name,
                           const std::string& user, const std::string& note, const StoreProgress& progress) {
  CheckName(path_, kind, name);
  std::set<std::string_view> names;
  int64_t bytes = 0;
  for (const auto& [file_name, content] : files) {
    if (!names.insert(file_name).second) {
      throw StoreError(StoreError::Kind::kInvalid,
                       fmt::format("{}: file {} is given twice for {} '{}'", path_.string(), file_name, kind, name));
    }
    bytes += static_cast<int64_t>(content.size());
  }
  const std::string what = fmt::format("saving {} '{}'", kind, name);

  std::lock_guard lock(write_mutex_);
  sqlite::Connection& c = *writer_;
  sqlite::Transaction transaction(c, what);
  if (parent != 0) RequireDataset(c, parent);
  if (kind == kScenarioKind) {
    sqlite::Statement live(c, "SELECT id FROM versions WHERE kind = 'scenario' AND name = ? AND deleted_at IS NULL",
                           what);
    live.Bind(1, name);
    if (live.Step()) {
      throw StoreError(StoreError::Kind::kConflict, fmt::format("{}: scenario '{}' exists already (version {})",
                                                                path_.string(), name, live.Int(0)));
    }
  }
  sqlite::Statement version(c,
                            "INSERT INTO versions (kind, name, created_at, created_by, note, parent, bytes) "
                            "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
                            what);
  version.Bind(1, kind).Bind(2, name).Bind(3, user).Bind(4, note).Bind(6, bytes);
  parent != 0 ? version.Bind(5, parent) : version.BindNull(5);
  version.Step();
  const int64_t id = c.LastInsertId();

  int64_t position = 0;
  for (const auto& [file_name, content] : files) {
    if (progress) progress(file_name, content.size());
    sqlite::Statement file(c, "INSERT INTO files (version_id, position, file_name, content) VALUES (?, ?, ?, ?)",
                           fmt::format("{}: writing {}", what, file_name));
    file.Bind(1, id).Bind(2, position++).Bind(3, file_name).BindBlob(4, content);
    file.Step();
  }
  transaction.Commit();
  return id;
}

std::optional<DatasetFiles> Store::LoadFiles(int64_t version, std::string_view kind) {
  ReadLease c(*this);
  sqlite::Snapshot snapshot(*c);
  const std::string what = fmt::format("reading {} version {}", kind, version);
  sqlite::Statement version_row(*c, "SELECT kind FROM versions WHERE id = ?", what);
  version_row.Bind(1, version);
  if (!version_row.Step() || version_row.Text(0) != kind) return std::nullopt;

  DatasetFiles files;
  sqlite::Statement s(*c, "SELECT file_name, content FROM files WHERE version_id = ? ORDER BY position", what);
  s.Bind(1, version);
  while (s.Step()) files.emplace_back(s.Text(0), s.Blob(1));
  return files;
}

std::optional<DatasetFiles> Store::LoadDatasetFiles(int64_t version) { return LoadFiles(version, kDatasetKind); }

int64_t Store::SaveDataset(const DatasetFiles& files, const std::string& name, const std::string& user,
                           const std::string& note, const StoreProgress& progress) {
  return SaveVersion(kDatasetKind, 0, files, name, user, note, progress);
}

int64_t Store::SavePlan(int64_t dataset_version, const DatasetFiles& plan_files, const std::string& name,
                        const std::string& user, const std::string& note, const StoreProgress& progress) {
  return SaveVersion(kPlanKind, dataset_version, plan_files, name, user, note, progress);
}

std::optional<DatasetFiles> Store::LoadPlanFiles(int64_t version) { return LoadFiles(version, kPlanKind); }

int64_t Store::LatestPlanOf(int64_t dataset_version) {
  ReadLease c(*this);
  sqlite::Statement s(*c, "SELECT max(id) FROM versions WHERE kind = 'plan' AND parent = ?",
                      "finding the newest plan of a dataset");
  s.Bind(1, dataset_version);
  return s.Step() && !s.IsNull(0) ? s.Int(0) : 0;
}

int64_t Store::SaveScenario(int64_t dataset_version, const std::string& name, const std::string& toml_text,
                            const std::string& description, const std::string& user) {
  const DatasetFiles files{{std::string(kScenarioFileName), toml_text}};
  return SaveVersion(kScenarioKind, dataset_version, files, name, user, description, {});
}

std::optional<std::string> Store::ScenarioText(int64_t version) {
  std::optional<DatasetFiles> files = LoadFiles(version, kScenarioKind);
  if (!files || files->empty()) return std::nullopt;
  return std::move(files->front().second);
}

bool Store::DeleteScenario(const std::string& name) {
  const std::string what = fmt::format("deleting scenario '{}'", name);
  std::lock_guard lock(write_mutex_);
  sqlite::Connection& c = *writer_;
  sqlite::Transaction transaction(c, what);
  sqlite::Statement s(c,
                      "UPDATE versions SET deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                      "WHERE kind = 'scenario' AND name = ? AND deleted_at IS NULL",
                      what);
  s.Bind(1, name);
  s.Step();
  const bool deleted = c.Changes() > 0;
  transaction.Commit();
  return deleted;
}

}  // namespace takt
