#pragma once
// The store in one SQLite file (docs/store.md): the first implementation of Store.
//
// Writes go through a single writer connection under a mutex (SQLite admits one writer at a time
// anyway, and queueing in process avoids busy retries); each is one BEGIN IMMEDIATE transaction.
// Reads take a connection of their own from a small pool, so in WAL mode they run concurrently with
// each other and with a write, each seeing the last committed state. Other processes may use the
// same file at the same time; their writes queue on the busy timeout.
//
// Inside, the SQLite layer (store/sqlite.h) throws StoreError; every method here catches at its
// facade and returns a Status.

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace takt {

namespace sqlite {
class Connection;
}

class SqliteStore final : public Store {
 public:
  /// Opens the file at `db`, creating it in kCreate mode when missing (an empty file becomes a
  /// store too). kNotFound when it must exist and does not; kCorrupt when it is not a takt store
  /// (another file, another application's database, a newer schema), before changing a byte of it.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& db, Mode mode);
  ~SqliteStore() override;

  /// SQLite's integrity check of the whole file.
  Result<std::string> CheckIntegrity() override;

 protected:
  Result<std::vector<VersionInfo>> ReadVersions(std::string_view kind, DeletedScenarios deleted) override;
  Result<VersionInfo> ReadVersion(int64_t id) override;
  Result<int64_t> FindNewestNamed(std::string_view kind, std::string_view name) override;
  Result<int64_t> FindNewest(std::string_view kind, int64_t parent) override;
  Result<int64_t> WriteVersion(std::string_view kind, int64_t parent, const DatasetFiles& files,
                               const VersionLabel& label, const StoreProgress& progress) override;
  Result<DatasetFiles> ReadFiles(int64_t id, std::string_view kind) override;
  Status MarkScenarioDeleted(const std::string& name) override;

 private:
  class ReadLease;
  SqliteStore(const std::filesystem::path& path, std::unique_ptr<sqlite::Connection> writer);

  /// Runs `body` and turns what it throws into a Status naming the file and `what`.
  template <typename Body>
  auto Guard(std::string_view what, Body&& body) -> decltype(body());

  std::filesystem::path path_;
  std::mutex write_mutex_;
  std::unique_ptr<sqlite::Connection> writer_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<sqlite::Connection>> idle_readers_;
};

}  // namespace takt
