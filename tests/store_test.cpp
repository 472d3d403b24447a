// The store, through its interface (store/store.h) on the SQLite backend: versions saved and loaded
// byte for byte, names resolved, scenarios named once, foreign files refused, the error kinds a
// caller branches on, readers undisturbed by a writer.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>
#include <unistd.h>

#include "generate/generator.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "store/store.h"
#include "test_data.h"

namespace takt {
namespace {

/// This process's scratch folder (ctest runs tests in parallel processes), removed after the suite.
std::filesystem::path TempRoot() {
  return std::filesystem::temp_directory_path() / fmt::format("takt-store-test-{}", getpid());
}

std::filesystem::path TempDb(const std::string& name) {
  const auto dir = TempRoot();
  std::filesystem::create_directories(dir);
  const auto db = dir / (name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  return db;
}

std::unique_ptr<Store> OpenOrFail(const std::filesystem::path& db) {
  return test::Ok(OpenStore(db.string(), Store::Mode::kCreate));
}

DatasetFiles PlanFilesOf(const DatasetFiles& dataset) {
  Diagnostics diagnostics;
  auto model = LoadDataset(dataset, diagnostics);
  EXPECT_NE(model, nullptr);
  if (!model) return {};
  const Plan plan = PlanBacklog(*model, PlanOptions{});
  return WritePlanFiles(*model, plan, BuildReport(*model, plan)).files;
}

std::vector<std::string> Printed(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.kept()) out.push_back(FormatDiagnostic(d));
  return out;
}

/// Runs one SQL statement on a file with SQLite directly, as another application would.
void RawSql(const std::filesystem::path& db, const char* sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(handle, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(handle);
  sqlite3_close(handle);
}

class StoreTest : public testing::Test {
 protected:
  static void TearDownTestSuite() { std::filesystem::remove_all(TempRoot()); }
};

TEST_F(StoreTest, DatasetRoundTripGivesTheSameModelDiagnosticsAndPlan) {
  const auto db = TempDb("roundtrip");
  const auto dir = db.parent_path() / "roundtrip-folder";
  std::filesystem::remove_all(dir);
  ASSERT_EQ(WriteDataset(Generate({Scale::kDemo, 3}), dir), "");
  const DatasetFiles files = test::ReadFolder(dir);
  int64_t id = 0;
  {
    auto store = OpenOrFail(db);
    id = test::Ok(store->SaveDataset(files, {"demo", "ana", "first import"}));
    EXPECT_EQ(id, 1);
  }
  auto store = OpenOrFail(db);  // reopened: what is read comes from the file
  const Result<DatasetFiles> loaded = store->LoadDatasetFiles(id);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_TRUE(test::SameFiles(*loaded, files));

  Diagnostics from_folder(1000), from_store(1000);
  auto folder_model = LoadDataset(dir, from_folder);
  auto store_model = LoadDataset(*loaded, from_store);
  ASSERT_NE(folder_model, nullptr);
  ASSERT_NE(store_model, nullptr);
  EXPECT_EQ(Printed(from_store), Printed(from_folder));
  const Plan folder_plan = PlanBacklog(*folder_model, PlanOptions{});
  const Plan store_plan = PlanBacklog(*store_model, PlanOptions{});
  EXPECT_TRUE(test::SameFiles(WritePlanFiles(*store_model, store_plan, BuildReport(*store_model, store_plan)).files,
                              WritePlanFiles(*folder_model, folder_plan, BuildReport(*folder_model, folder_plan)).files));
  std::filesystem::remove_all(dir);
}

TEST_F(StoreTest, KeepsEmptyFilesAndBytesThatAreNotText) {
  const auto db = TempDb("bytes");
  auto store = OpenOrFail(db);
  const DatasetFiles files{{"empty.csv", ""}, {"binary.csv", std::string("a\0b\r\n\xff", 6)}};
  const int64_t id = test::Ok(store->SaveDataset(files, {"odd", "ana", ""}));
  EXPECT_TRUE(test::SameFiles(store->LoadDatasetFiles(id), files));
  EXPECT_EQ(test::Ok(store->Version(id)).bytes, 6);
}

TEST_F(StoreTest, InvalidDatasetGivesTheSameDiagnosticsFromTheStore) {
  DatasetFiles files = test::Tiny();
  test::Append(files, "bom.csv", "BRD-H200,GPU-B200,8");
  test::Remove(files, "sites.csv");
  const auto db = TempDb("diagnostics");
  auto store = OpenOrFail(db);
  const int64_t id = test::Ok(store->SaveDataset(files, {"broken", "ana", ""}));
  Diagnostics from_memory(1000), from_store(1000);
  EXPECT_EQ(LoadDataset(files, from_memory), nullptr);
  EXPECT_EQ(LoadDataset(test::Ok(store->LoadDatasetFiles(id)), from_store), nullptr);
  EXPECT_FALSE(Printed(from_memory).empty());
  EXPECT_EQ(Printed(from_store), Printed(from_memory));
}

TEST_F(StoreTest, VersionsListAndResolveByNumberOrName) {
  const auto db = TempDb("versions");
  auto store = OpenOrFail(db);
  EXPECT_TRUE(test::Ok(store->Versions()).empty());
  EXPECT_EQ(test::Ok(store->Latest(kDatasetKind)), 0);
  const DatasetFiles tiny = test::Tiny();
  const int64_t a1 = test::Ok(store->SaveDataset(tiny, {"alpha", "ana", "one"}));
  const int64_t b1 = test::Ok(store->SaveDataset(tiny, {"beta", "bo", ""}));
  const int64_t a2 = test::Ok(store->SaveDataset(tiny, {"alpha", "ana", "two"}));
  const int64_t p1 = test::Ok(store->SavePlan(a2, PlanFilesOf(tiny), {"alpha", "ana", "policy priority"}));

  const std::vector<VersionInfo> all = test::Ok(store->Versions());
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, a1);
  EXPECT_EQ(all[3].id, p1);
  EXPECT_EQ(test::Ok(store->Versions(kDatasetKind)).size(), 3u);
  EXPECT_EQ(test::Ok(store->Versions(kPlanKind)).size(), 1u);

  const VersionInfo v = test::Ok(store->Version(a2));
  EXPECT_EQ(v.kind, "dataset");
  EXPECT_EQ(v.name, "alpha");
  EXPECT_EQ(v.created_by, "ana");
  EXPECT_EQ(v.note, "two");
  EXPECT_EQ(v.parent, 0);
  int64_t bytes = 0;
  for (const auto& [name, content] : tiny) bytes += static_cast<int64_t>(content.size());
  EXPECT_EQ(v.bytes, bytes);
  EXPECT_TRUE(std::regex_match(v.created_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << v.created_at;
  EXPECT_EQ(test::Ok(store->Version(p1)).parent, a2);
  EXPECT_TRUE(test::IsError(store->Version(99).status(), ErrorKind::kNotFound));

  EXPECT_EQ(test::Ok(store->Latest(kDatasetKind)), a2);
  EXPECT_EQ(test::Ok(store->Latest(kPlanKind)), p1);
  EXPECT_EQ(test::Ok(store->Resolve(kDatasetKind, "alpha")), a2);  // the newest of the name
  EXPECT_EQ(test::Ok(store->Resolve(kDatasetKind, "beta")), b1);
  EXPECT_EQ(test::Ok(store->Resolve(kDatasetKind, std::to_string(a1))), a1);
  EXPECT_EQ(test::Ok(store->Resolve(kPlanKind, "alpha")), p1);
  EXPECT_EQ(test::Ok(store->Resolve("", "alpha")), p1);  // any kind: the newest of all
  // A plan, not a dataset.
  EXPECT_TRUE(test::IsError(store->Resolve(kDatasetKind, std::to_string(p1)).status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->Resolve(kDatasetKind, "gamma").status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->Resolve(kDatasetKind, "99999999999999999999").status(), ErrorKind::kNotFound));
}

TEST_F(StoreTest, RefusesNamesItCouldNotResolve) {
  auto store = OpenOrFail(TempDb("names"));
  const DatasetFiles tiny = test::Tiny();
  EXPECT_TRUE(test::IsError(store->SaveDataset(tiny, {"", "ana", ""}).status(), ErrorKind::kInvalid));
  const Result<int64_t> digits = store->SaveDataset(tiny, {"2025", "ana", ""});
  EXPECT_TRUE(test::IsError(digits.status(), ErrorKind::kInvalid)) << "a name of digits was accepted";
  EXPECT_NE(digits.message().find("would read as a version number"), std::string::npos) << digits.message();
  DatasetFiles twice = tiny;
  twice.push_back(tiny.front());
  EXPECT_TRUE(test::IsError(store->SaveDataset(twice, {"twice", "ana", ""}).status(), ErrorKind::kInvalid));
  EXPECT_TRUE(test::Ok(store->Versions()).empty());
}

TEST_F(StoreTest, PlanRoundTripGivesTheSameFiles) {
  const auto db = TempDb("plan");
  const DatasetFiles dataset = Generate({Scale::kDemo, 4}).files;
  const DatasetFiles plan_files = PlanFilesOf(dataset);
  int64_t dataset_id = 0, plan_id = 0;
  {
    auto store = OpenOrFail(db);
    dataset_id = test::Ok(store->SaveDataset(dataset, {"demo", "ana", ""}));
    EXPECT_EQ(test::Ok(store->LatestPlanOf(dataset_id)), 0);
    plan_id = test::Ok(store->SavePlan(dataset_id, plan_files, {"demo", "ana", "policy priority"}));
  }
  auto store = OpenOrFail(db);
  EXPECT_EQ(test::Ok(store->LatestPlanOf(dataset_id)), plan_id);
  EXPECT_TRUE(test::SameFiles(store->LoadPlanFiles(plan_id), plan_files));
  // The plan of the dataset read back from the store is the stored plan, byte for byte.
  EXPECT_TRUE(test::SameFiles(PlanFilesOf(test::Ok(store->LoadDatasetFiles(dataset_id))), plan_files));
  // Kinds do not mix.
  EXPECT_TRUE(test::IsError(store->LoadPlanFiles(dataset_id).status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->LoadDatasetFiles(plan_id).status(), ErrorKind::kNotFound));
  // A plan of a plan, or of no version at all.
  EXPECT_TRUE(test::IsError(store->SavePlan(plan_id, plan_files, {"bad", "ana", ""}).status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->SavePlan(77, plan_files, {"bad", "ana", ""}).status(), ErrorKind::kNotFound));
  EXPECT_EQ(test::Ok(store->Versions()).size(), 2u);
}

TEST_F(StoreTest, ScenarioNamesAreUniqueAmongLiveScenarios) {
  auto store = OpenOrFail(TempDb("scenarios"));
  const int64_t dataset = test::Ok(store->SaveDataset(test::Tiny(), {"tiny", "ana", ""}));
  const int64_t s1 =
      test::Ok(store->SaveScenario(dataset, "[[receipts]]\nshift_days = 28\n", {"slip", "ana", "GPUs slip"}));
  EXPECT_EQ(test::Ok(store->ScenarioText(s1)), "[[receipts]]\nshift_days = 28\n");
  EXPECT_EQ(test::Ok(store->Version(s1)).note, "GPUs slip");
  EXPECT_EQ(test::Ok(store->Version(s1)).parent, dataset);
  EXPECT_EQ(test::Ok(store->Resolve(kScenarioKind, "slip")), s1);
  EXPECT_TRUE(test::IsError(store->SaveScenario(dataset, "", {"slip", "bo", ""}).status(), ErrorKind::kConflict))
      << "a second live scenario 'slip' was accepted";
  // A scenario is not a dataset.
  EXPECT_TRUE(test::IsError(store->SaveScenario(s1, "", {"other", "bo", ""}).status(), ErrorKind::kNotFound));

  EXPECT_TRUE(store->DeleteScenario("slip").ok());
  EXPECT_TRUE(test::IsError(store->DeleteScenario("slip"), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->Resolve(kScenarioKind, "slip").status(), ErrorKind::kNotFound));
  EXPECT_EQ(test::Ok(store->Latest(kScenarioKind)), 0);
  EXPECT_TRUE(test::Ok(store->Versions(kScenarioKind)).empty());
  const std::vector<VersionInfo> with_deleted = test::Ok(store->Versions(kScenarioKind, DeletedScenarios::kIncluded));
  ASSERT_EQ(with_deleted.size(), 1u);
  EXPECT_TRUE(with_deleted[0].deleted);
  EXPECT_EQ(test::Ok(store->ScenarioText(s1)), "[[receipts]]\nshift_days = 28\n");  // still readable by number

  const int64_t s2 = test::Ok(store->SaveScenario(dataset, "# again\n", {"slip", "bo", ""}));
  EXPECT_GT(s2, s1);
  EXPECT_EQ(test::Ok(store->Resolve(kScenarioKind, "slip")), s2);
  EXPECT_TRUE(test::IsError(store->ScenarioText(dataset).status(), ErrorKind::kNotFound));
}

/// The error of opening `db`, which must fail.
Status OpenError(const std::filesystem::path& db, Store::Mode mode = Store::Mode::kCreate) {
  Result<std::unique_ptr<Store>> store = OpenStore(db.string(), mode);
  EXPECT_FALSE(store.ok()) << db << " opened";
  return store.status();
}

TEST_F(StoreTest, RefusesFilesThatAreNotTaktStores) {
  const auto text = TempDb("text");
  { std::ofstream(text) << "order,line\nSO-1,1\n" << std::string(5000, 'x'); }
  Status error = OpenError(text);
  EXPECT_TRUE(test::IsError(error, ErrorKind::kCorrupt));
  EXPECT_NE(error.message().find(text.string()), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("not a takt store"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("not an SQLite database"), std::string::npos) << error.message();

  const auto other = TempDb("other-app");
  RawSql(other, "CREATE TABLE customers (name TEXT)");
  const std::string before = test::ReadText(other);
  error = OpenError(other);
  EXPECT_TRUE(test::IsError(error, ErrorKind::kCorrupt));
  EXPECT_NE(error.message().find("not a takt store: an SQLite database of another application"), std::string::npos)
      << error.message();
  EXPECT_EQ(test::ReadText(other), before);  // not touched: still in its own journal mode

  const auto newer = TempDb("newer");
  OpenOrFail(newer);
  RawSql(newer, "INSERT INTO schema_version VALUES (2, '2030-01-01T00:00:00Z')");
  error = OpenError(newer);
  EXPECT_TRUE(test::IsError(error, ErrorKind::kCorrupt));
  EXPECT_NE(error.message().find("written by a newer takt (store schema 2; this takt reads schema 1)"),
            std::string::npos)
      << error.message();

  error = OpenError(std::filesystem::temp_directory_path());
  EXPECT_NE(error.message().find("cannot open"), std::string::npos) << error.message();

  const auto missing = TempDb("missing");
  error = OpenError(missing, Store::Mode::kExisting);
  EXPECT_TRUE(test::IsError(error, ErrorKind::kNotFound));
  EXPECT_NE(error.message().find("no such store"), std::string::npos) << error.message();
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(StoreTest, ErrorKindsComeBackThroughTheInterface) {
  // What a caller branches on, whatever the backend: the kind, never the message.
  auto store = OpenOrFail(TempDb("kinds"));
  const int64_t dataset = test::Ok(store->SaveDataset(test::Tiny(), {"tiny", "ana", ""}));
  EXPECT_TRUE(test::IsError(store->Version(dataset + 1).status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->Resolve(kDatasetKind, "nothing").status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->LoadDatasetFiles(dataset + 1).status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->SavePlan(dataset + 1, {}, {"p", "ana", ""}).status(), ErrorKind::kNotFound));
  EXPECT_TRUE(test::IsError(store->DeleteScenario("none"), ErrorKind::kNotFound));
  // An outcome is not an error: no version of a kind yet is 0.
  EXPECT_EQ(test::Ok(store->Latest(kPlanKind)), 0);
  EXPECT_EQ(test::Ok(store->LatestPlanOf(dataset)), 0);

  ASSERT_TRUE(store->SaveScenario(dataset, "", {"s", "ana", ""}).ok());
  const Result<int64_t> again = store->SaveScenario(dataset, "", {"s", "bo", ""});
  EXPECT_TRUE(test::IsError(again.status(), ErrorKind::kConflict));
  EXPECT_NE(again.message().find("scenario 's' exists already"), std::string::npos) << again.message();

  EXPECT_TRUE(test::IsError(store->SaveDataset(test::Tiny(), {"", "ana", ""}).status(), ErrorKind::kInvalid));
  // A location naming another kind of store is refused, not taken for a file name.
  EXPECT_TRUE(test::IsError(OpenError("postgresql://db.example/takt"), ErrorKind::kInvalid));
  EXPECT_FALSE(std::filesystem::exists("postgresql:"));

  // A file that is not a takt store, and the store itself left as it was.
  const auto notes = TempDb("notes");
  { std::ofstream(notes) << "these are my notes\n"; }
  EXPECT_TRUE(test::IsError(OpenError(notes), ErrorKind::kCorrupt));
  EXPECT_EQ(test::ReadText(notes), "these are my notes\n");
  EXPECT_EQ(test::Ok(store->Versions()).size(), 2u);
}

TEST_F(StoreTest, NewStoreIsMarkedAndInWalMode) {
  const auto db = TempDb("fresh");
  auto store = OpenOrFail(db);
  EXPECT_EQ(test::Ok(store->CheckIntegrity()), "");
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(handle, "PRAGMA application_id", -1, &s, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(s, 0), 0x74616B74);
  sqlite3_finalize(s);
  ASSERT_EQ(sqlite3_prepare_v2(handle, "PRAGMA journal_mode", -1, &s, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
  sqlite3_finalize(s);
  sqlite3_close(handle);
}

/// Files whose content tells which version they belong to, so a reader can verify what it gets.
DatasetFiles NumberedFiles(int n) {
  DatasetFiles files;
  for (int f = 0; f < 4; ++f) {
    files.emplace_back(fmt::format("file{}.csv", f),
                       std::string(size_t{200000} + static_cast<size_t>(f), static_cast<char>('a' + n % 26)));
  }
  return files;
}

TEST_F(StoreTest, ReadersRunWhileAWriteIsOpenAndNeverSeeHalfAVersion) {
  const auto db = TempDb("concurrent");
  auto store = OpenOrFail(db);
  ASSERT_TRUE(store->SaveDataset(NumberedFiles(0), {"v0", "ana", ""}).ok());

  // The writer stops inside its transaction, after its second file, until the readers have read.
  std::mutex mutex;
  std::condition_variable changed;
  bool writer_inside = false, readers_done = false;
  std::thread writer([&] {
    for (int n = 1; n <= 6; ++n) {
      const Result<int64_t> saved = store->SaveDataset(
          NumberedFiles(n), {fmt::format("v{}", n), "writer", ""}, [&](const std::string& file, size_t) {
            if (n != 3 || file != "file2.csv") return;
            std::unique_lock lock(mutex);
            writer_inside = true;
            changed.notify_all();
            changed.wait(lock, [&] { return readers_done; });
          });
      EXPECT_TRUE(saved.ok()) << saved.message();
    }
  });

  std::atomic<int> problems = 0, reads = 0;
  auto read_all = [&] {
    const Result<std::vector<VersionInfo>> versions = store->Versions(kDatasetKind);
    if (!versions.ok()) ++problems;
    for (const VersionInfo& v : test::Ok(versions)) {
      const Result<DatasetFiles> files = store->LoadDatasetFiles(v.id);
      const int n = std::stoi(v.name.substr(1));
      if (!files.ok() || *files != NumberedFiles(n)) ++problems;
      ++reads;
    }
  };
  {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return writer_inside; });
  }
  // Version 3 is half written and uncommitted: readers see versions 0 to 2 whole, and are not blocked.
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) readers.emplace_back(read_all);
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(test::Ok(store->Versions()).size(), 3u);
  {
    std::lock_guard lock(mutex);
    readers_done = true;
  }
  changed.notify_all();
  // And while the writer goes on.
  readers.clear();
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      for (int i = 0; i < 5; ++i) read_all();
    });
  }
  for (std::thread& t : readers) t.join();
  writer.join();
  EXPECT_EQ(problems, 0);
  EXPECT_GT(reads, 12);
  EXPECT_EQ(test::Ok(store->Versions()).size(), 7u);
}

TEST_F(StoreTest, TwoHandlesOnOneFileQueueTheirWrites) {
  // Two Store objects stand for two processes (a server and an import): the file's lock orders them.
  const auto db = TempDb("two-handles");
  auto first = OpenOrFail(db);
  auto second = OpenOrFail(db);
  auto save = [](Store& store, const std::string& prefix) {
    for (int n = 0; n < 5; ++n) {
      const Result<int64_t> saved = store.SaveDataset(NumberedFiles(n), {fmt::format("{}{}", prefix, n), prefix, ""});
      EXPECT_TRUE(saved.ok()) << saved.message();
    }
  };
  std::thread a(save, std::ref(*first), "a");
  std::thread b(save, std::ref(*second), "b");
  a.join();
  b.join();
  EXPECT_EQ(test::Ok(first->Versions()).size(), 10u);
  EXPECT_EQ(test::Ok(second->Versions()).size(), 10u);
  EXPECT_EQ(test::Ok(first->CheckIntegrity()), "");
}

TEST_F(StoreTest, FailedWriteLeavesNothing) {
  const auto db = TempDb("failed-write");
  auto store = OpenOrFail(db);
  const int64_t kept = test::Ok(store->SaveDataset(test::Tiny(), {"tiny", "ana", ""}));
  // What the progress callback throws abandons the version and comes back as an error.
  const Result<int64_t> halfway =
      store->SaveDataset(test::Tiny(), {"halfway", "ana", ""}, [](const std::string& file, size_t) {
        if (file == "orders.csv") throw std::runtime_error("stopped");
      });
  EXPECT_TRUE(test::IsError(halfway.status(), ErrorKind::kFailed));
  EXPECT_NE(halfway.message().find("saving dataset 'halfway': stopped"), std::string::npos) << halfway.message();
  EXPECT_EQ(test::Ok(store->Versions()).size(), 1u);
  EXPECT_TRUE(test::IsError(store->Resolve(kDatasetKind, "halfway").status(), ErrorKind::kNotFound));
  // The writer is usable again, and the next id follows the last committed one.
  const int64_t next = test::Ok(store->SaveDataset(test::Tiny(), {"after", "ana", ""}));
  EXPECT_EQ(next, kept + 1);
  EXPECT_TRUE(test::SameFiles(store->LoadDatasetFiles(kept), test::Tiny()));
  EXPECT_TRUE(test::SameFiles(store->LoadDatasetFiles(next), test::Tiny()));
}

}  // namespace
}  // namespace takt
