// Every folder of tests/scenarios is a small dataset with the plan a planner should make of it,
// worked out by hand (see each README). The plan must match and pass the independent checker.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "check/check_plan.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "test_data.h"

namespace takt {
namespace {

std::vector<std::string> ScenarioNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(test::SourceDir() / "tests/scenarios")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

PlanOptions OptionsOf(const std::filesystem::path& dir) {
  PlanOptions options;
  std::istringstream words(std::filesystem::exists(dir / "options.txt") ? test::ReadText(dir / "options.txt") : "");
  std::string word, value;
  while (words >> word) {
    words >> value;
    if (word == "--policy") options.policy = value == "revenue" ? AllocationPolicy::kRevenue : AllocationPolicy::kPriority;
    if (word == "--licence-policy") {
      options.licence_policy = value == "expected" ? LicencePolicy::kExpected : LicencePolicy::kConservative;
    }
  }
  return options;
}

class Scenario : public testing::TestWithParam<std::string> {};

TEST_P(Scenario, PlansAsWorkedOutByHand) {
  const auto dir = test::SourceDir() / "tests/scenarios" / GetParam();
  Diagnostics diagnostics;
  auto model = LoadDataset(dir, diagnostics);
  ASSERT_NE(model, nullptr) << "the scenario's dataset does not load";
  const Plan plan = PlanBacklog(*model, OptionsOf(dir));
  const PlanFiles files = WritePlanFiles(*model, plan, BuildReport(*model, plan));
  for (const auto& [name, content] : files) {
    const auto expected = dir / "expected" / name;
    if (std::filesystem::exists(expected)) {
      EXPECT_EQ(content, test::ReadText(expected)) << name;
    }
  }
  Diagnostics violations;
  EXPECT_TRUE(CheckPlan(*model, files, violations));
  for (const Diagnostic& d : violations.kept()) ADD_FAILURE() << FormatDiagnostic(d);
}

INSTANTIATE_TEST_SUITE_P(Folders, Scenario, testing::ValuesIn(ScenarioNames()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace takt
