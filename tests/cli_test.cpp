// The takt executable end to end: exit codes and what it prints.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include "plan/plan_options.h"
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

namespace takt {
namespace {

TEST(Cli, PromiseOneQuote) {
  const std::string tiny = (test::SourceDir() / "tests/data/tiny").string();
  const CommandRun run = Takt("promise " + tiny + " --item SRV-H200 --qty 2 --ship-to US --customer ACME --request 2025-08-01");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("quote: 2 x SRV-H200 to US for ACME, requested 2025-08-01"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("ships in full on 2025-08-01 from"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("licence: no licence needed"), std::string::npos) << run.output;

  const CommandRun china = Takt("promise " + tiny + " --item SRV-H200 --qty 1 --ship-to CN --customer NEBULA");
  EXPECT_EQ(china.exit_code, 0) << china.output;
  EXPECT_NE(china.output.find("cannot ship within the horizon"), std::string::npos) << china.output;
  EXPECT_NE(china.output.find("licence L-1 for CN pending, expected 2025-09-30"), std::string::npos) << china.output;

  const CommandRun stranger = Takt("promise " + tiny + " --item SRV-H200 --qty 1 --ship-to CN --customer NOBODY");
  EXPECT_EQ(stranger.exit_code, 0) << stranger.output;
  EXPECT_NE(stranger.output.find("licence: needs a licence for 4A090 to CN: none on file for a new customer"),
            std::string::npos)
      << stranger.output;

  const CommandRun typo = Takt("promise " + tiny + " --item SRV-H20 --qty 1 --ship-to US");
  EXPECT_EQ(typo.exit_code, 2) << typo.output;
  EXPECT_NE(typo.output.find("item 'SRV-H20' is not in the dataset\n    hint: did you mean 'SRV-H200'?"),
            std::string::npos)
      << typo.output;
}

TEST(Cli, PromiseBatchIndependentAndCumulative) {
  const auto dir = TempDir("promise-batch");
  std::filesystem::create_directories(dir);
  {
    std::FILE* f = std::fopen((dir / "quotes.csv").c_str(), "w");
    std::fputs("quote,item,qty,ship_to,customer,request_date,partial\n"
               "Q1,SRV-H200,10,US,ACME,2025-08-01,N\n"
               "Q2,SRV-H200,10,US,ACME,2025-08-01,N\n",
               f);
    std::fclose(f);
  }
  const std::string tiny = (test::SourceDir() / "tests/data/tiny").string();
  const CommandRun independent = Takt("promise " + tiny + " --batch " + (dir / "quotes.csv").string());
  ASSERT_EQ(independent.exit_code, 0) << independent.output;
  // Independently both see the same free GPUs: the same answer twice.
  const size_t q1 = independent.output.find("\nQ1,"), q2 = independent.output.find("\nQ2,");
  ASSERT_NE(q1, std::string::npos);
  ASSERT_NE(q2, std::string::npos);
  const auto row = [&](size_t at) {
    const std::string rest = independent.output.substr(at + 4);
    return rest.substr(0, rest.find('\n'));
  };
  EXPECT_EQ(row(q1), row(q2));
  const CommandRun cumulative =
      Takt("promise " + tiny + " --batch " + (dir / "quotes.csv").string() + " --cumulative --out " +
           (dir / "answers.csv").string());
  ASSERT_EQ(cumulative.exit_code, 0) << cumulative.output;
  const std::string answers = test::ReadText(dir / "answers.csv");
  EXPECT_EQ(answers.rfind("quote,item,qty,ship_to,status,ship_date,site", 0), 0u) << answers;
  // Cumulatively the second quote finds the GPUs taken by the first.
  const size_t a1 = answers.find("\nQ1,"), a2 = answers.find("\nQ2,");
  ASSERT_NE(a2, std::string::npos);
  EXPECT_NE(answers.substr(a1 + 4, answers.find('\n', a1 + 1) - a1 - 4),
            answers.substr(a2 + 4, answers.find('\n', a2 + 1) - a2 - 4))
      << answers;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace takt

namespace takt {
namespace {

TEST(Cli, WhatIfPlansAndComparesEachScenario) {
  const auto dir = TempDir("whatif");
  std::filesystem::create_directories(dir);
  {
    std::FILE* f = std::fopen((dir / "later.toml").c_str(), "w");
    std::fputs("name = \"later\"\ndescription = \"SO-1 line 2 wanted in August\"\n[[orders]]\naction = \"change\"\n"
               "order = \"SO-1\"\nline = 2\nrequest_date = 2025-08-15\n",
               f);
    std::fclose(f);
  }
  const std::string tiny = (test::SourceDir() / "tests/data/tiny").string();
  const CommandRun run = Takt("whatif " + tiny + " --scenario " + (dir / "later.toml").string() + " --out " +
                              (dir / "out").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("=== scenario later: SO-1 line 2 wanted in August"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("SO-1/2 SRV-H200 later: 2025-07-01 -> 2025-08-15"), std::string::npos) << run.output;
  for (const char* file : {"base/order_status.csv", "later/order_status.csv", "later/comparison_lines.csv",
                           "later/comparison_quarters.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / "out" / file)) << file;
  }
  // The base plan written by whatif is a plan like any other.
  EXPECT_EQ(Takt("check " + tiny + " " + (dir / "out/base").string()).exit_code, 0);

  const CommandRun compare = Takt("compare " + (dir / "out/base").string() + " " + (dir / "out/later").string());
  EXPECT_EQ(compare.exit_code, 0) << compare.output;
  EXPECT_NE(compare.output.find("1 lines changed (0 earlier, 1 later"), std::string::npos) << compare.output;

  {
    std::FILE* f = std::fopen((dir / "bad.toml").c_str(), "w");
    std::fputs("[[capacity]]\nresource = \"AUS-BILD\"\nfrom = 2025-06-01\nadd_per_day = 1\n", f);
    std::fclose(f);
  }
  const CommandRun bad = Takt("whatif " + tiny + " --scenario " + (dir / "bad.toml").string() + " --out " +
                              (dir / "out2").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("bad.toml:2 [resource] error unknown-reference: resource 'AUS-BILD' is not in the dataset"),
            std::string::npos)
      << bad.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out2"));
  std::filesystem::remove_all(dir);
}

// --policy and --licence-policy are declared once (plan/plan_options.h) for every command that plans.
TEST(Cli, PlanningOptionsComeFromTheirRecords) {
  for (const char* command : {"plan", "promise", "whatif", "serve"}) {
    const CommandRun bad_policy = Takt(std::string(command) + " somewhere --policy bogus");
    EXPECT_EQ(bad_policy.exit_code, 1) << command;
    EXPECT_NE(bad_policy.output.find("--policy: bogus not in {priority,revenue}"), std::string::npos)
        << command << ": " << bad_policy.output;
    const CommandRun bad_licence = Takt(std::string(command) + " somewhere --licence-policy optimistic");
    EXPECT_EQ(bad_licence.exit_code, 1) << command;
    EXPECT_NE(bad_licence.output.find("--licence-policy: optimistic not in {conservative,expected}"),
              std::string::npos)
        << command << ": " << bad_licence.output;
    const CommandRun help = Takt(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.output.find("--policy TEXT:{priority,revenue}=priority"), std::string::npos) << help.output;
    EXPECT_NE(help.output.find(std::string(AllocationPolicyOption().help())), std::string::npos) << help.output;
    EXPECT_NE(help.output.find("--licence-policy TEXT:{conservative,expected}=conservative"), std::string::npos)
        << help.output;
    EXPECT_NE(help.output.find(std::string(LicencePolicyOption().help())), std::string::npos) << help.output;
  }

  const auto out = TempDir("policies");
  const std::string tiny = (test::SourceDir() / "tests/data/tiny").string();
  ASSERT_EQ(Takt("plan " + tiny + " --quiet --out " + (out / "default").string()).exit_code, 0);
  const std::string plain = test::ReadText(out / "default/summary.json");
  EXPECT_NE(plain.find("\"policy\": \"priority\",\n  \"licence_policy\": \"conservative\""), std::string::npos) << plain;
  const CommandRun chosen =
      Takt("plan " + tiny + " --quiet --policy revenue --licence-policy expected --out " + (out / "chosen").string());
  ASSERT_EQ(chosen.exit_code, 0) << chosen.output;
  const std::string summary = test::ReadText(out / "chosen/summary.json");
  EXPECT_NE(summary.find("\"policy\": \"revenue\",\n  \"licence_policy\": \"expected\""), std::string::npos) << summary;
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace takt
