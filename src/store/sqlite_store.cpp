#include "store/sqlite_store.h"

#include <fmt/format.h>

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

VersionInfo ReadVersionRow(sqlite::Statement& s) {
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

/// Throws kNotFound unless `id` is a dataset version.
void RequireDataset(sqlite::Connection& c, int64_t id) {
  sqlite::Statement s(c, "SELECT kind FROM versions WHERE id = ?", "reading a version");
  s.Bind(1, id);
  if (!s.Step() || s.Text(0) != kDatasetKind) {
    throw StoreError(ErrorKind::kNotFound, fmt::format("{}: version {} is not a dataset version", c.path(), id));
  }
}

}  // namespace

/// A read connection borrowed from the pool for one call, returned when the call ends.
class SqliteStore::ReadLease {
 public:
  explicit ReadLease(SqliteStore& store) : store_(store) {
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
  SqliteStore& store_;
  std::unique_ptr<sqlite::Connection> connection_;
};

template <typename Body>
auto SqliteStore::Guard(std::string_view what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const StoreError& e) {
    return Status::Error(e.kind(), e.what());  // names the file and what was being done already
  } catch (const std::exception& e) {
    // Out of memory, or what a progress callback threw.
    return Status::Error(ErrorKind::kFailed, fmt::format("{}: {}: {}", path_.string(), what, e.what()));
  }
}

Result<std::unique_ptr<Store>> SqliteStore::Open(const std::filesystem::path& db, Mode mode) {
  try {
    std::error_code ec;
    if (mode == Mode::kExisting && !std::filesystem::exists(db, ec)) {
      return Status::Error(ErrorKind::kNotFound, fmt::format("{}: no such store; create it with 'takt import DIR "
                                                             "--db {}'",
                                                             db.string(), db.string()));
    }
    auto writer = std::make_unique<sqlite::Connection>(db, mode == Mode::kCreate);
    const store::FileState state = store::Recognise(*writer);
    writer->Execute(kWriterSettings, "configuring the connection");
    store::PrepareSchema(*writer, state);
    return std::unique_ptr<Store>(new SqliteStore(db, std::move(writer)));
  } catch (const StoreError& e) {
    return Status::Error(e.kind(), e.what());
  } catch (const std::exception& e) {
    return Status::Error(ErrorKind::kFailed, fmt::format("{}: {}", db.string(), e.what()));
  }
}

SqliteStore::SqliteStore(const std::filesystem::path& path, std::unique_ptr<sqlite::Connection> writer)
    : Store(path.string()), path_(path), writer_(std::move(writer)) {}

SqliteStore::~SqliteStore() = default;

Result<std::string> SqliteStore::CheckIntegrity() {
  return Guard("checking the integrity of the file", [&]() -> Result<std::string> {
    ReadLease c(*this);
    sqlite::Statement s(*c, "PRAGMA integrity_check", "checking the integrity of the file");
    std::string findings;
    while (s.Step()) {
      const std::string line = s.Text(0);
      if (line != "ok") findings += line + "\n";
    }
    return findings;
  });
}

Result<std::vector<VersionInfo>> SqliteStore::ReadVersions(std::string_view kind, DeletedScenarios deleted) {
  return Guard("listing versions", [&]() -> Result<std::vector<VersionInfo>> {
    ReadLease c(*this);
    sqlite::Statement s(*c,
                        std::string(kVersionColumns) +
                            "WHERE (?1 = '' OR kind = ?1) AND (?2 OR deleted_at IS NULL) ORDER BY id",
                        "listing versions");
    s.Bind(1, kind).Bind(2, int64_t{deleted == DeletedScenarios::kIncluded});
    std::vector<VersionInfo> versions;
    while (s.Step()) versions.push_back(ReadVersionRow(s));
    return versions;
  });
}

Result<VersionInfo> SqliteStore::ReadVersion(int64_t id) {
  return Guard("reading a version", [&]() -> Result<VersionInfo> {
    ReadLease c(*this);
    sqlite::Statement s(*c, std::string(kVersionColumns) + "WHERE id = ?", "reading a version");
    s.Bind(1, id);
    if (!s.Step()) return Status::Error(ErrorKind::kNotFound, fmt::format("{}: no version {}", path_.string(), id));
    return ReadVersionRow(s);
  });
}

Result<int64_t> SqliteStore::FindNewestNamed(std::string_view kind, std::string_view name) {
  return Guard("finding a version by name", [&]() -> Result<int64_t> {
    ReadLease c(*this);
    sqlite::Statement s(
        *c, "SELECT max(id) FROM versions WHERE name = ?1 AND (?2 = '' OR kind = ?2) AND deleted_at IS NULL",
        "finding a version by name");
    s.Bind(1, name).Bind(2, kind);
    if (s.Step() && !s.IsNull(0)) return s.Int(0);
    return Status::Error(ErrorKind::kNotFound, fmt::format("{}: no {}version '{}'", path_.string(),
                                                           kind.empty() ? "" : std::string(kind) + " ", name));
  });
}

Result<int64_t> SqliteStore::FindNewest(std::string_view kind, int64_t parent) {
  return Guard("finding the newest version", [&]() -> Result<int64_t> {
    ReadLease c(*this);
    sqlite::Statement s(*c,
                        "SELECT max(id) FROM versions WHERE kind = ?1 AND (?2 = 0 OR parent = ?2) "
                        "AND deleted_at IS NULL",
                        "finding the newest version");
    s.Bind(1, kind).Bind(2, parent);
    return s.Step() && !s.IsNull(0) ? s.Int(0) : int64_t{0};
  });
}

Result<int64_t> SqliteStore::WriteVersion(std::string_view kind, int64_t parent, const DatasetFiles& files,
                                          const VersionLabel& label, const StoreProgress& progress) {
  const std::string what = fmt::format("saving {} '{}'", kind, label.name);
  return Guard(what, [&]() -> Result<int64_t> {
    int64_t bytes = 0;
    for (const auto& file : files) bytes += static_cast<int64_t>(file.second.size());

    std::lock_guard lock(write_mutex_);
    sqlite::Connection& c = *writer_;
    sqlite::Transaction transaction(c, what);
    if (parent != 0) RequireDataset(c, parent);
    if (kind == kScenarioKind) {
      sqlite::Statement live(c, "SELECT id FROM versions WHERE kind = 'scenario' AND name = ? AND deleted_at IS NULL",
                             what);
      live.Bind(1, label.name);
      if (live.Step()) {
        return Status::Error(ErrorKind::kConflict, fmt::format("{}: scenario '{}' exists already (version {})",
                                                               path_.string(), label.name, live.Int(0)));
      }
    }
    sqlite::Statement version(c,
                              "INSERT INTO versions (kind, name, created_at, created_by, note, parent, bytes) "
                              "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
                              what);
    version.Bind(1, kind).Bind(2, label.name).Bind(3, label.created_by).Bind(4, label.note).Bind(6, bytes);
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
  });
}

Result<DatasetFiles> SqliteStore::ReadFiles(int64_t id, std::string_view kind) {
  const std::string what = fmt::format("reading {} version {}", kind, id);
  return Guard(what, [&]() -> Result<DatasetFiles> {
    ReadLease c(*this);
    sqlite::Snapshot snapshot(*c);
    sqlite::Statement version_row(*c, "SELECT kind FROM versions WHERE id = ?", what);
    version_row.Bind(1, id);
    if (!version_row.Step() || version_row.Text(0) != kind) {
      return Status::Error(ErrorKind::kNotFound, fmt::format("{}: version {} is not a {} version", path_.string(),
                                                             id, kind));
    }
    DatasetFiles files;
    sqlite::Statement s(*c, "SELECT file_name, content FROM files WHERE version_id = ? ORDER BY position", what);
    s.Bind(1, id);
    while (s.Step()) files.emplace_back(s.Text(0), s.Blob(1));
    return files;
  });
}

Status SqliteStore::MarkScenarioDeleted(const std::string& name) {
  const std::string what = fmt::format("deleting scenario '{}'", name);
  return Guard(what, [&]() -> Status {
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
    if (!deleted) {
      return Status::Error(ErrorKind::kNotFound, fmt::format("{}: no live scenario '{}'", path_.string(), name));
    }
    return Status::Ok();
  });
}

}  // namespace takt
