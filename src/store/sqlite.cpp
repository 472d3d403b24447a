#include "store/sqlite.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace takt::sqlite {

namespace {

ErrorKind KindOf(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorKind::kBusy;
    case SQLITE_FULL: return ErrorKind::kFull;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return ErrorKind::kCorrupt;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return ErrorKind::kReadOnly;
    case SQLITE_CONSTRAINT: return ErrorKind::kConflict;
    default: return ErrorKind::kFailed;
  }
}

/// SQLite's own sentence, with what it means for a takt user where that is not obvious.
std::string Explain(int rc, const char* message) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format("{} (another process held it for more than {} s)", message, kBusyTimeoutMs / 1000);
    case SQLITE_NOTADB: return fmt::format("{}: not a takt store", message);
    default: return message;
  }
}

}  // namespace

Connection::Connection(const std::filesystem::path& path, bool create) : path_(path.string()) {
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX |
                    SQLITE_OPEN_EXRESCODE;
  const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    // A handle is returned even on failure (unless memory ran out); it carries the message.
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(KindOf(rc), fmt::format("{}: cannot open: {}", path_, message));
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::Fail(int rc, std::string_view what) {
  throw StoreError(KindOf(rc), fmt::format("{}: {}: {}", path_, what, Explain(rc, sqlite3_errmsg(db_))));
}

void Connection::Execute(const char* sql, std::string_view what) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) Fail(rc, what);
}

std::string Connection::QueryText(const char* sql, std::string_view what) {
  Statement statement(*this, sql, what);
  return statement.Step() && !statement.IsNull(0) ? statement.Text(0) : "";
}

int64_t Connection::QueryInt(const char* sql, std::string_view what) {
  Statement statement(*this, sql, what);
  return statement.Step() && !statement.IsNull(0) ? statement.Int(0) : 0;
}

int64_t Connection::Changes() { return sqlite3_changes64(db_); }

int64_t Connection::LastInsertId() { return sqlite3_last_insert_rowid(db_); }

Statement::Statement(Connection& connection, std::string_view sql, std::string_view what)
    : connection_(connection), what_(what) {
  const int rc = sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) connection_.Fail(rc, what_);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) connection_.Fail(rc, what_);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  // A default string_view has no data pointer, which SQLite would bind as NULL rather than ''.
  const char* data = text.data() != nullptr ? text.data() : "";
  const int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) connection_.Fail(rc, what_);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  // An empty file is an empty blob, not NULL: sqlite3_bind_blob64 with a null pointer binds NULL.
  static const char kNothing = 0;
  const char* data = bytes.empty() ? &kNothing : bytes.data();
  const int rc = sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_STATIC);
  if (rc != SQLITE_OK) connection_.Fail(rc, what_);
  return *this;
}

Statement& Statement::BindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) connection_.Fail(rc, what_);
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  connection_.Fail(rc, what_);
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

int64_t Statement::Int(int column) { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

std::string Statement::Blob(int column) {
  const void* data = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  // A null pointer with no error is an empty blob; with SQLITE_NOMEM it is a failure.
  if (data == nullptr && sqlite3_errcode(connection_.handle()) == SQLITE_NOMEM) connection_.Fail(SQLITE_NOMEM, what_);
  return data == nullptr ? std::string() : std::string(static_cast<const char*>(data), static_cast<size_t>(size));
}

Transaction::Transaction(Connection& connection, std::string_view what) : connection_(connection), what_(what) {
  connection_.Execute("BEGIN IMMEDIATE", what_);
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::Commit() {
  connection_.Execute("COMMIT", what_);
  open_ = false;
}

Snapshot::Snapshot(Connection& connection) : connection_(connection) { connection_.Execute("BEGIN", "starting a read"); }

Snapshot::~Snapshot() { sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr); }

}  // namespace takt::sqlite
