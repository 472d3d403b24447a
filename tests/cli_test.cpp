// The takt executable end to end: exit codes and what it prints.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include "test_data.h"

namespace takt {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CommandRun Takt(const std::string& args) {
  CommandRun run;
  const std::string command = std::string(TAKT_BINARY) + " " + args + " 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.output.append(buffer, got);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::filesystem::path TempDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("takt-cli-test-" + name);
  std::filesystem::remove_all(dir);
  return dir;
}

TEST(Cli, ValidateCleanDatasetPrintsSummaryAndExitsZero) {
  const CommandRun run = Takt("validate " + (test::SourceDir() / "tests/data/tiny").string());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("0 errors, 0 warnings"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("backlog"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("$4.3M"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("AUS (US), MEX (MX)"), std::string::npos) << run.output;
}

TEST(Cli, ValidateBadDatasetListsProblemsAndExitsTwo) {
  const auto dir = TempDir("bad");
  std::filesystem::copy(test::SourceDir() / "tests/data/tiny", dir);
  {
    std::FILE* f = std::fopen((dir / "bom.csv").c_str(), "a");
    std::fputs("BRD-H200,GPU-B200,8\n", f);
    std::fclose(f);
  }
  const CommandRun run = Takt("validate " + dir.string());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("bom.csv:6 [component] error unknown-reference: component 'GPU-B200' of 'BRD-H200' is "
                            "not in items.csv\n    hint: did you mean 'GPU-H200'?"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("1 error, 0 warnings"), std::string::npos) << run.output;
  std::filesystem::remove_all(dir);
}

TEST(Cli, ValidateMissingFolderExitsTwo) {
  const CommandRun run = Takt("validate /nonexistent/takt-data");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("error missing-dataset: '/nonexistent/takt-data' is not a folder"), std::string::npos)
      << run.output;
}

TEST(Cli, GenerateThenValidate) {
  const auto dir = TempDir("generate");
  const CommandRun generate = Takt("generate --scale demo --seed 5 --out " + dir.string());
  ASSERT_EQ(generate.exit_code, 0) << generate.output;
  EXPECT_NE(generate.output.find("of the 'demo' dataset, seed 5"), std::string::npos) << generate.output;
  const CommandRun validate = Takt("validate " + dir.string());
  EXPECT_EQ(validate.exit_code, 0) << validate.output;
  EXPECT_NE(validate.output.find(" 0 errors"), std::string::npos) << validate.output;
  std::filesystem::remove_all(dir);
}

TEST(Cli, UsageErrorsExitOne) {
  EXPECT_EQ(Takt("").exit_code, 1);
  EXPECT_EQ(Takt("frobnicate").exit_code, 1);
  EXPECT_EQ(Takt("generate --scale huge --out /tmp/x").exit_code, 1);
  const CommandRun help = Takt("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("validate"), std::string::npos);
}

}  // namespace
}  // namespace takt

namespace takt {
namespace {

TEST(Cli, PlanThenCheck) {
  const auto out = TempDir("plan");
  const std::string tiny = (test::SourceDir() / "tests/data/tiny").string();
  const CommandRun plan = Takt("plan " + tiny + " --out " + out.string());
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_NE(plan.output.find("FY26Q2"), std::string::npos) << plan.output;
  EXPECT_NE(plan.output.find("licence L-1 for CN pending, expected 2025-09-30"), std::string::npos) << plan.output;
  EXPECT_NE(plan.output.find("3 lines: 2 on time, 0 late"), std::string::npos) << plan.output;
  for (const char* file : {"shipments.csv", "order_status.csv", "work_orders.csv", "operations.csv", "purchases.csv",
                           "pegging.csv", "summary.json"}) {
    EXPECT_TRUE(std::filesystem::exists(out / file)) << file;
  }
  const CommandRun check = Takt("check " + tiny + " " + out.string());
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("plan OK"), std::string::npos) << check.output;

  // Ship the pending-licence line anyway: the checker must object.
  {
    std::FILE* f = std::fopen((out / "shipments.csv").c_str(), "a");
    std::fputs("SO-2,1,SRV-H200,AUS,2025-07-01,8,2400000,1980000\n", f);
    std::fclose(f);
  }
  const CommandRun bad = Takt("check " + tiny + " " + out.string());
  EXPECT_EQ(bad.exit_code, 3) << bad.output;
  EXPECT_NE(bad.output.find("licence"), std::string::npos) << bad.output;
  std::filesystem::remove_all(out);
}

TEST(Cli, PlanOfABadDatasetPlansNothing) {
  const auto dir = TempDir("bad-plan");
  std::filesystem::copy(test::SourceDir() / "tests/data/tiny", dir);
  std::filesystem::remove(dir / "orders.csv");
  const CommandRun run = Takt("plan " + dir.string() + " --out " + (dir / "plan").string());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("orders.csv error missing-file"), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "plan"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace takt
