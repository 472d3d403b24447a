// The store through the takt executable: import, versions, export and --db on the dataset
// commands; and writers killed mid-transaction, after which the store holds exactly what was
// committed before.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "generate/generator.h"
#include "store/store.h"
#include "test_data.h"

extern char** environ;

namespace takt {
namespace {

/// A running takt, its standard output and error merged into one pipe read line by line. With
/// `step`, every store write waits for a line on its standard input after each file it announces
/// (TAKT_STORE_PAUSE=stdin), so the test decides where it dies.
class TaktProcess {
 public:
  TaktProcess(const std::vector<std::string>& args, bool step) {
    std::signal(SIGPIPE, SIG_IGN);  // writing to a killed child must fail, not end the test
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) return;
    // Everything exec needs is built before fork: the child only calls async-signal-safe functions.
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
      if (std::string_view(*e).rfind("TAKT_STORE_PAUSE=", 0) != 0) env.emplace_back(*e);
    }
    if (step) env.emplace_back("TAKT_STORE_PAUSE=stdin");
    std::string binary = TAKT_BINARY;
    std::vector<std::string> all_args{binary};
    all_args.insert(all_args.end(), args.begin(), args.end());
    std::vector<char*> argv, envp;
    for (std::string& a : all_args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_ = fork();
    if (pid_ == 0) {
      dup2(to_child[0], 0);
      dup2(from_child[1], 1);
      dup2(from_child[1], 2);
      for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) close(fd);
      execve(binary.c_str(), argv.data(), envp.data());
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    to_child_ = to_child[1];
    from_child_ = fdopen(from_child[0], "r");
  }
  TaktProcess(const TaktProcess&) = delete;
  TaktProcess& operator=(const TaktProcess&) = delete;
  ~TaktProcess() {
    if (pid_ > 0 && !exited_) {
      Kill();
      Wait();
    }
    if (to_child_ >= 0) close(to_child_);
    if (from_child_ != nullptr) std::fclose(from_child_);
  }

  /// The next line it printed, without the newline; nothing at the end of its output.
  std::optional<std::string> ReadLine() {
    if (from_child_ == nullptr) return std::nullopt;
    std::string line;
    int c = 0;
    while ((c = std::fgetc(from_child_)) != EOF && c != '\n') line += static_cast<char>(c);
    if (c == EOF && line.empty()) return std::nullopt;
    output_ += line + "\n";
    return line;
  }
  /// Reads lines until one starts with `prefix`; false at the end of its output.
  bool ReadUntil(std::string_view prefix) {
    while (auto line = ReadLine()) {
      if (line->rfind(prefix, 0) == 0) return true;
    }
    return false;
  }
  /// Lets a stepped writer go on to its next file.
  void Step() { [[maybe_unused]] const ssize_t n = write(to_child_, "\n", 1); }
  /// Stops stepping: the writer runs to its end.
  void Release() {
    close(to_child_);
    to_child_ = -1;
  }
  void Kill() { kill(pid_, SIGKILL); }
  /// Its exit code, or 128 + the signal that ended it.
  int Wait() {
    while (ReadLine()) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int to_child_ = -1;
  std::FILE* from_child_ = nullptr;
  std::string output_;
  bool exited_ = false;
};

struct TaktRun {
  int exit_code = -1;
  std::string output;
};

TaktRun Takt(const std::vector<std::string>& args) {
  TaktProcess process(args, false);
  process.Release();
  TaktRun run;
  run.exit_code = process.Wait();
  run.output = process.output();
  return run;
}

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// This process's scratch folder: ctest runs tests in parallel processes.
std::filesystem::path TempRoot() {
  return std::filesystem::temp_directory_path() / fmt::format("takt-store-cli-test-{}", getpid());
}

std::filesystem::path TempPath(const std::string& name) {
  std::filesystem::create_directories(TempRoot());
  const auto path = TempRoot() / name;
  std::filesystem::remove_all(path);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path;
}

/// One number from the database, read with SQLite directly (not through the store under test).
int64_t RawCount(const std::filesystem::path& db, const char* sql) {
  sqlite3* handle = nullptr;
  int64_t value = -1;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(handle, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
      value = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(handle);
  return value;
}

class StoreCli : public testing::Test {
 protected:
  static void TearDownTestSuite() { std::filesystem::remove_all(TempRoot()); }

  /// A demo and a large dataset as folders, each written once by the first test that needs it.
  static std::string demo() { return Dataset(Scale::kDemo, "demo"); }
  static std::string large() { return Dataset(Scale::kLarge, "large"); }
  static std::string Dataset(Scale scale, const std::string& name) {
    const auto dir = TempRoot() / name;
    if (!std::filesystem::exists(dir / "orders.csv")) {
      std::filesystem::create_directories(TempRoot());
      EXPECT_EQ(WriteDataset(Generate({scale, 2}), dir), "");
    }
    return dir.string();
  }

  /// A store holding the demo as its one committed version.
  static std::filesystem::path StoreWithDemo(const std::string& name) {
    const auto db = TempPath(name + ".db");
    const TaktRun run = Takt({"import", demo(), "--db", db.string(), "--name", "base", "--user", "ana"});
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return db;
  }

  /// What the store holds after a killed writer: a sound file, the demo whole as version 1, and
  /// nothing else of any version; a new import works.
  static void ExpectOnlyTheDemo(const std::filesystem::path& db) {
    {
      auto store = test::Ok(OpenStore(db.string(), Store::Mode::kExisting));
      ASSERT_NE(store, nullptr);
      EXPECT_EQ(test::Ok(store->CheckIntegrity()), "");
      const std::vector<VersionInfo> versions = test::Ok(store->Versions());
      ASSERT_EQ(versions.size(), 1u);
      EXPECT_EQ(versions[0].id, 1);
      EXPECT_EQ(versions[0].name, "base");
      EXPECT_TRUE(test::SameFiles(store->LoadDatasetFiles(1), test::ReadFolder(demo())));
    }
    EXPECT_EQ(RawCount(db, "SELECT count(*) FROM files WHERE version_id <> 1"), 0);
    EXPECT_EQ(RawCount(db, "SELECT count(*) FROM versions"), 1);
    const TaktRun again = Takt({"import", demo(), "--db", db.string(), "--name", "again"});
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_TRUE(Contains(again.output, "as dataset version 2 'again'")) << again.output;
  }
};

TEST_F(StoreCli, ImportVersionsExportRoundTrip) {
  const auto db = StoreWithDemo("roundtrip");
  const TaktRun second = Takt({"import", demo(), "--db", db.string(), "--note", "same data, new week"});
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_TRUE(Contains(second.output, "importing orders.csv (")) << second.output;
  EXPECT_TRUE(Contains(second.output, "as dataset version 2 'demo' (13 files")) << second.output;  // the folder's name

  const TaktRun versions = Takt({"versions", "--db", db.string()});
  EXPECT_EQ(versions.exit_code, 0) << versions.output;
  EXPECT_TRUE(Contains(versions.output, "id  kind     name  parent  created")) << versions.output;
  EXPECT_TRUE(Contains(versions.output, "dataset  base")) << versions.output;
  EXPECT_TRUE(Contains(versions.output, "same data, new week")) << versions.output;
  EXPECT_TRUE(Contains(versions.output, "  ana  ")) << versions.output;

  const auto out = TempPath("exported");
  const TaktRun exported = Takt({"export", "--db", db.string(), "--version", "base", "--out", out.string()});
  EXPECT_EQ(exported.exit_code, 0) << exported.output;
  EXPECT_TRUE(test::SameFiles(test::ReadFolder(out), test::ReadFolder(demo())));
  std::filesystem::remove_all(out);
}

TEST_F(StoreCli, InvalidDatasetIsRefusedAndNothingWritten) {
  const auto db = StoreWithDemo("invalid");
  const auto bad = TempPath("bad");
  std::filesystem::copy(test::SourceDir() / "tests/data/tiny", bad);
  {
    std::FILE* f = std::fopen((bad / "bom.csv").c_str(), "a");
    std::fputs("BRD-H200,GPU-B200,8\n", f);
    std::fclose(f);
  }
  const TaktRun run = Takt({"import", bad.string(), "--db", db.string()});
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_TRUE(Contains(run.output, "bom.csv:6 [component] error unknown-reference")) << run.output;
  EXPECT_TRUE(Contains(run.output, "nothing imported")) << run.output;
  EXPECT_FALSE(Contains(run.output, "importing ")) << run.output;
  ExpectOnlyTheDemo(db);

  // Into a store that does not exist yet: not even the file is created.
  const auto fresh = TempPath("never.db");
  EXPECT_EQ(Takt({"import", bad.string(), "--db", fresh.string()}).exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(fresh));
  std::filesystem::remove_all(bad);
}

TEST_F(StoreCli, DatasetCommandsReadFromTheStore) {
  const auto db = StoreWithDemo("commands");
  const TaktRun validate = Takt({"validate", "--db", db.string(), "-q"});
  EXPECT_EQ(validate.exit_code, 0) << validate.output;
  EXPECT_TRUE(Contains(validate.output, "dataset 1 (base): 0 errors")) << validate.output;

  const TaktRun both = Takt({"validate", demo(), "--db", db.string()});
  EXPECT_EQ(both.exit_code, 1);
  EXPECT_TRUE(Contains(both.output, "not both")) << both.output;
  const TaktRun neither = Takt({"validate"});
  EXPECT_EQ(neither.exit_code, 1);
  EXPECT_TRUE(Contains(neither.output, "give a dataset folder, or --db FILE")) << neither.output;
  const TaktRun unknown = Takt({"validate", "--db", db.string(), "--version", "nope"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(Contains(unknown.output, "no dataset version 'nope'")) << unknown.output;
  const TaktRun missing = Takt({"validate", "--db", TempPath("missing.db").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(Contains(missing.output, "no such store")) << missing.output;

  const TaktRun promise =
      Takt({"promise", "--db", db.string(), "--version", "base", "--item", "SRV-H200-8G", "--qty", "1", "--ship-to", "US"});
  EXPECT_EQ(promise.exit_code, 0) << promise.output;
  EXPECT_TRUE(Contains(promise.output, "quote: 1 x SRV-H200-8G to US")) << promise.output;
}

TEST_F(StoreCli, PlanIsKeptInTheStoreAndChecked) {
  const auto db = StoreWithDemo("plan");
  // The plan made from the store is the plan made from the folder, and it is kept as a version.
  const auto from_folder = TempPath("plan-folder");
  const auto from_store = TempPath("plan-store");
  ASSERT_EQ(Takt({"plan", demo(), "--out", from_folder.string(), "-q"}).exit_code, 0);
  const TaktRun plan = Takt({"plan", "--db", db.string(), "--out", from_store.string(), "-q"});
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_TRUE(Contains(plan.output, "as plan version 2")) << plan.output;
  EXPECT_EQ(test::ReadText(from_store / "order_status.csv"), test::ReadText(from_folder / "order_status.csv"));
  {
    auto store = test::Ok(OpenStore(db.string(), Store::Mode::kExisting));
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(test::Ok(store->LatestPlanOf(1)), 2);
    EXPECT_EQ(test::Ok(store->Version(2)).parent, 1);
    EXPECT_EQ(test::Ok(store->Version(2)).note, "policy=priority licence_policy=conservative");
    const DatasetFiles stored = test::Ok(store->LoadPlanFiles(2));
    ASSERT_EQ(stored.size(), 7u);
    DatasetFiles folder_files;
    for (const auto& [name, content] : stored) folder_files.emplace_back(name, test::ReadText(from_folder / name));
    EXPECT_TRUE(test::SameFiles(stored, folder_files));
  }

  const TaktRun check = Takt({"check", "--db", db.string()});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_TRUE(Contains(check.output, "checking " + db.string() + " plan 2 against")) << check.output;
  EXPECT_TRUE(Contains(check.output, "plan OK")) << check.output;
  const TaktRun check_folder = Takt({"check", "--db", db.string(), from_folder.string()});
  EXPECT_EQ(check_folder.exit_code, 0) << check_folder.output;
  const TaktRun check_by_name = Takt({"check", "--db", db.string(), "--plan-version", "base"});
  EXPECT_EQ(check_by_name.exit_code, 0) << check_by_name.output;

  const TaktRun plan_needs_out = Takt({"plan", demo()});
  EXPECT_EQ(plan_needs_out.exit_code, 1);
  EXPECT_TRUE(Contains(plan_needs_out.output, "give --out PLANDIR")) << plan_needs_out.output;
  std::filesystem::remove_all(from_folder);
  std::filesystem::remove_all(from_store);
}

TEST_F(StoreCli, WhatIfSavesItsScenariosOnce) {
  const auto db = StoreWithDemo("whatif");
  const auto out = TempPath("whatif-out");
  const std::string scenario = (test::SourceDir() / "scenarios/gb200-supply-slip.toml").string();
  const TaktRun first = Takt({"whatif", "--db", db.string(), "--scenario", scenario, "--out", out.string(), "--save"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(Contains(first.output, "scenario gb200-supply-slip saved in " + db.string() + " as version 2"))
      << first.output;
  const TaktRun again = Takt({"whatif", "--db", db.string(), "--scenario", scenario, "--out", out.string(), "--save"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_TRUE(Contains(again.output, "is in " + db.string() + " already (version 2)")) << again.output;
  auto store = test::Ok(OpenStore(db.string(), Store::Mode::kExisting));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(test::Ok(store->Versions(kScenarioKind)).size(), 1u);
  EXPECT_EQ(test::Ok(store->ScenarioText(2)), test::ReadText(scenario));
  EXPECT_EQ(test::Ok(store->Version(2)).parent, 1);
  EXPECT_EQ(Takt({"whatif", demo(), "--scenario", scenario, "--out", out.string(), "--save"}).exit_code, 1);
}

TEST_F(StoreCli, RefusesAFileThatIsNotAStore) {
  const auto file = TempPath("notes.db");
  {
    std::FILE* f = std::fopen(file.c_str(), "w");
    std::fputs("these are my notes, not a database\n", f);
    std::fclose(f);
  }
  const TaktRun run = Takt({"import", demo(), "--db", file.string()});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_TRUE(Contains(run.output, file.string() + ": not a takt store: the file is not an SQLite database"))
      << run.output;
  EXPECT_EQ(test::ReadText(file), "these are my notes, not a database\n");
  const TaktRun versions = Takt({"versions", "--db", file.string()});
  EXPECT_EQ(versions.exit_code, 1);
  EXPECT_TRUE(Contains(versions.output, "not a takt store")) << versions.output;
}

// The kill tests: a writer stepped file by file (TAKT_STORE_PAUSE=stdin) is killed with SIGKILL
// while its transaction is open, at several points.

class StoreCliKill : public StoreCli, public testing::WithParamInterface<std::string> {};

TEST_P(StoreCliKill, ImportKilledBeforeAFileLeavesWhatWasCommitted) {
  const std::string kill_before = GetParam();
  const auto db = StoreWithDemo("killed-import");
  const std::filesystem::path log = db.string() + "-wal";
  const uintmax_t log_before = std::filesystem::exists(log) ? std::filesystem::file_size(log) : 0;
  {
    TaktProcess import({"import", large(), "--db", db.string(), "--name", "killed"}, true);
    while (true) {
      const std::optional<std::string> line = import.ReadLine();
      ASSERT_TRUE(line.has_value()) << import.output();
      if (line->rfind("importing " + kill_before + " ", 0) == 0) break;
      if (line->rfind("importing ", 0) == 0) import.Step();
    }
    import.Kill();
    EXPECT_EQ(import.Wait(), 128 + SIGKILL);
    EXPECT_FALSE(Contains(import.output(), "imported ")) << import.output();
  }
  if (kill_before != "country_groups.csv") {
    // The killed import had written uncommitted pages to the log: recovery has something to ignore.
    EXPECT_GT(std::filesystem::file_size(log), log_before + 4'000'000);
  }
  ExpectOnlyTheDemo(db);
}

// Before its 2nd file; after orders.csv (9 MB: more than SQLite's page cache, so uncommitted pages
// have gone to the log); before its last file.
INSTANTIATE_TEST_SUITE_P(Files, StoreCliKill, testing::Values("country_groups.csv", "quarters.csv", "supply.csv"),
                         [](const testing::TestParamInfo<std::string>& file) {
                           return file.param.substr(0, file.param.find('.'));
                         });

TEST_F(StoreCli, ImportKilledWhileWritingAFileLeavesWhatWasCommitted) {
  // Unstepped: killed as soon as it announces orders.csv, most likely in the middle of writing it.
  // Whatever the moment, the version is either absent or whole.
  const auto db = StoreWithDemo("killed-midway");
  TaktProcess import({"import", large(), "--db", db.string(), "--name", "killed"}, false);
  import.Release();
  ASSERT_TRUE(import.ReadUntil("importing orders.csv")) << import.output();
  import.Kill();
  import.Wait();
  auto store = test::Ok(OpenStore(db.string(), Store::Mode::kExisting));
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(test::Ok(store->CheckIntegrity()), "");
  EXPECT_TRUE(test::SameFiles(store->LoadDatasetFiles(1), test::ReadFolder(demo())));
  if (test::Ok(store->Versions()).size() == 2) {
    EXPECT_TRUE(test::SameFiles(store->LoadDatasetFiles(2), test::ReadFolder(large())));  // it had committed: whole
  } else {
    ASSERT_EQ(test::Ok(store->Versions()).size(), 1u);
    EXPECT_EQ(RawCount(db, "SELECT count(*) FROM files WHERE version_id <> 1"), 0);
  }
}

TEST_F(StoreCli, PlanKilledWhileSavingLeavesNoPlan) {
  const auto db = StoreWithDemo("killed-plan");
  {
    TaktProcess plan({"plan", "--db", db.string(), "-q"}, true);
    for (int step = 0; step < 5; ++step) {
      ASSERT_TRUE(plan.ReadUntil("saving ")) << plan.output();
      plan.Step();
    }
    ASSERT_TRUE(plan.ReadUntil("saving pegging.csv")) << plan.output();
    plan.Kill();
    EXPECT_EQ(plan.Wait(), 128 + SIGKILL);
  }
  {
    auto store = test::Ok(OpenStore(db.string(), Store::Mode::kExisting));
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(test::Ok(store->LatestPlanOf(1)), 0);
  }
  ExpectOnlyTheDemo(db);
}

}  // namespace
}  // namespace takt
