#include "store/schema.h"

#include <fmt/format.h>

namespace takt::store {

namespace {

// Versions are never updated, only inserted (a scenario's `deleted` mark aside), and their files are
// inserted in the same transaction: a version row is visible exactly when all of its files are.
// AUTOINCREMENT keeps ids growing even if a row were ever removed, so an id names one version forever.
constexpr const char* kCreateSchema = R"sql(
CREATE TABLE schema_version (
  version    INTEGER NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE TABLE versions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('dataset', 'plan', 'scenario')),
  name       TEXT NOT NULL CHECK (name <> ''),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  parent     INTEGER REFERENCES versions (id),
  bytes      INTEGER NOT NULL,
  deleted_at TEXT
);
CREATE INDEX versions_by_kind_name ON versions (kind, name);
CREATE INDEX versions_by_parent ON versions (parent);
CREATE UNIQUE INDEX live_scenario_names ON versions (name) WHERE kind = 'scenario' AND deleted_at IS NULL;
CREATE TABLE files (
  version_id INTEGER NOT NULL REFERENCES versions (id),
  position   INTEGER NOT NULL,
  file_name  TEXT NOT NULL,
  content    BLOB NOT NULL,
  UNIQUE (version_id, file_name)
);
)sql";

/// Tables, indexes, views or triggers in the database.
int64_t ObjectCount(sqlite::Connection& c) {
  return c.QueryInt("SELECT count(*) FROM sqlite_schema", "reading the list of tables");
}

[[noreturn]] void NotAStore(sqlite::Connection& c, std::string_view why) {
  throw StoreError(ErrorKind::kCorrupt, fmt::format("{}: not a takt store: {}", c.path(), why));
}

void CheckVersion(sqlite::Connection& c) {
  const int64_t version = c.QueryInt("SELECT max(version) FROM schema_version", "reading the schema version");
  if (version > kSchemaVersion) {
    throw StoreError(ErrorKind::kCorrupt,
                     fmt::format("{}: written by a newer takt (store schema {}; this takt reads schema {})", c.path(),
                                 version, kSchemaVersion));
  }
  if (version < 1) NotAStore(c, "its schema_version table is empty");
}

}  // namespace

FileState Recognise(sqlite::Connection& c) {
  // The first read fails on a file that is not an SQLite database at all.
  int64_t application_id = 0;
  try {
    application_id = c.QueryInt("PRAGMA application_id", "reading the database header");
  } catch (const StoreError& e) {
    if (e.kind() != ErrorKind::kCorrupt) throw;
    NotAStore(c, "the file is not an SQLite database");
  }
  if (application_id == kApplicationId) return FileState::kStore;
  if (application_id != 0) {
    NotAStore(c, fmt::format("an SQLite database of another application (application_id {:#x})", application_id));
  }
  if (ObjectCount(c) > 0) NotAStore(c, "an SQLite database of another application");
  return FileState::kEmpty;
}

void PrepareSchema(sqlite::Connection& c, FileState state) {
  // WAL: readers never block the writer nor see its uncommitted pages, and a commit is one append
  // to the log, so a kill at any moment leaves the last committed state. The mode is kept in the file.
  if (c.QueryText("PRAGMA journal_mode = WAL", "switching to WAL journal mode") != "wal") {
    throw StoreError(ErrorKind::kFailed,
                     fmt::format("{}: cannot use WAL journal mode (is it on a network file system?)", c.path()));
  }
  if (state == FileState::kStore) {
    CheckVersion(c);
    return;
  }

  sqlite::Transaction transaction(c, "creating the store's tables");
  // Another process may have created the schema between our look and the write lock.
  if (c.QueryInt("PRAGMA application_id", "reading the database header") == kApplicationId) {
    transaction.Commit();
    CheckVersion(c);
    return;
  }
  if (ObjectCount(c) > 0) NotAStore(c, "an SQLite database of another application");
  c.Execute(kCreateSchema, "creating the store's tables");
  c.Execute(fmt::format("INSERT INTO schema_version VALUES ({}, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
                        "PRAGMA application_id = {};",
                        kSchemaVersion, kApplicationId)
                .c_str(),
            "creating the store's tables");
  transaction.Commit();
}

}  // namespace takt::store
