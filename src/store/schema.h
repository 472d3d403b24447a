#pragma once
// The store's tables, and how a database file is recognised as a takt store.

#include "store/sqlite.h"

namespace takt::store {

/// PRAGMA application_id of a takt store: "takt" in ASCII, so `file` and SQLite tools can tell
/// whose database it is.
inline constexpr int64_t kApplicationId = 0x74616B74;
/// The schema this build writes and reads; kept in the schema_version table.
inline constexpr int64_t kSchemaVersion = 1;

enum class FileState { kEmpty, kStore };

/// Tells an empty database (a new file) from a takt store without changing a byte; anything else
/// (not SQLite, another application's database) is refused with kNotStore.
FileState Recognise(sqlite::Connection& connection);

/// Makes the database ready: WAL journal mode; an empty database gets the schema (in one
/// transaction, so a kill leaves either nothing or all of it), a takt store has its schema version
/// checked.
void PrepareSchema(sqlite::Connection& connection, FileState state);

}  // namespace takt::store
