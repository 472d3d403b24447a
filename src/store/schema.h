#pragma once
// The store's tables, and how a database file is recognised as a takt store.

#include "store/sqlite.h"

namespace takt::store {

/// PRAGMA application_id of a takt store: "takt" in ASCII, so `file` and SQLite tools can tell
/// whose database it is.
inline constexpr int64_t kApplicationId = 0x74616B74;
/// The schema this build writes and reads; kept in the schema_version table.
inline constexpr int64_t kSchemaVersion = 1;

/// Makes the database behind `connection` ready: an empty database gets the schema (in one
/// transaction, so a kill leaves either nothing or all of it), an existing takt store has its schema
/// version checked. Anything else is refused with kNotStore before a byte of it is changed.
void PrepareSchema(sqlite::Connection& connection);

}  // namespace takt::store
