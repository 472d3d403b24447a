#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements and write
// transactions. Every failure becomes a StoreError that names the database file and what was
// being done, so no SQLite result code leaks to callers.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "store/store_error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace takt::sqlite {

/// How long a statement waits for another connection's write lock before failing with kBusy.
inline constexpr int kBusyTimeoutMs = 30000;

/// One connection to a database file. Used by one thread at a time (the store hands connections
/// out under its locks), so SQLite's own per-connection mutex is turned off.
class Connection {
 public:
  /// Opens `path`, creating the file when `create` is set. Throws StoreError.
  Connection(const std::filesystem::path& path, bool create);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

  /// Runs one or more statements that return no rows of interest.
  void Execute(const char* sql, std::string_view what);
  /// The single value a query such as a PRAGMA returns, as text ("" when it returns no row).
  std::string QueryText(const char* sql, std::string_view what);
  int64_t QueryInt(const char* sql, std::string_view what);
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t Changes();
  int64_t LastInsertId();

  /// Throws the StoreError for result code `rc` while doing `what`.
  [[noreturn]] void Fail(int rc, std::string_view what);

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// A prepared statement. Parameters are numbered from 1, columns from 0, as in SQLite.
class Statement {
 public:
  Statement(Connection& connection, std::string_view sql, std::string_view what);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text);
  /// Binds bytes without copying them: they must stay alive until the statement is stepped or reset.
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);

  /// Runs the statement to its next row: true when there is one, false when it is done.
  bool Step();
  /// Makes the statement ready to run again with new parameters.
  void Reset();

  bool IsNull(int column);
  int64_t Int(int column);
  std::string Text(int column);
  std::string Blob(int column);

 private:
  Connection& connection_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string what_;
};

/// BEGIN IMMEDIATE ... COMMIT. IMMEDIATE takes the write lock at once, so two writers queue on the
/// busy timeout instead of one failing half-way with a lock upgrade conflict. Destroyed without
/// Commit (an exception), the transaction is rolled back and nothing of it is kept.
class Transaction {
 public:
  Transaction(Connection& connection, std::string_view what);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void Commit();

 private:
  Connection& connection_;
  std::string what_;
  bool open_ = true;
};

/// A read transaction: the statements run inside it see one committed state, however many writes
/// commit meanwhile. Ended (rolled back: it changed nothing) when destroyed.
class Snapshot {
 public:
  explicit Snapshot(Connection& connection);
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  ~Snapshot();

 private:
  Connection& connection_;
};

}  // namespace takt::sqlite
