// The planning options' records (plan/plan_options.h): they agree with the names the planner writes,
// parse every word they list and nothing else, and the docs list exactly their words.

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "plan/plan_options.h"
#include "test_data.h"

namespace takt {
namespace {

TEST(PlanOptions, AllocationPolicyRecordAgreesWithThePlannersNames) {
  const EnumOption<AllocationPolicy>& option = AllocationPolicyOption();
  ASSERT_EQ(option.choices().size(), 2u);
  for (const AllocationPolicy policy : {AllocationPolicy::kPriority, AllocationPolicy::kRevenue}) {
    EXPECT_EQ(option.Name(policy), AllocationPolicyName(policy));
    EXPECT_EQ(ParseAllocationPolicy(AllocationPolicyName(policy)), policy);
  }
  EXPECT_EQ(option.key(), "policy");
  EXPECT_EQ(option.flag(), "--policy");
  EXPECT_EQ(option.default_value(), PlanOptions{}.policy);
  EXPECT_EQ(option.Choices("|"), "priority|revenue");
}

TEST(PlanOptions, LicencePolicyRecordAgreesWithThePlannersNames) {
  const EnumOption<LicencePolicy>& option = LicencePolicyOption();
  ASSERT_EQ(option.choices().size(), 2u);
  for (const LicencePolicy policy : {LicencePolicy::kConservative, LicencePolicy::kExpected}) {
    EXPECT_EQ(option.Name(policy), LicencePolicyName(policy));
    EXPECT_EQ(ParseLicencePolicy(LicencePolicyName(policy)), policy);
  }
  EXPECT_EQ(option.key(), "licence_policy");
  EXPECT_EQ(option.flag(), "--licence-policy");
  EXPECT_EQ(option.default_value(), PlanOptions{}.licence_policy);
  EXPECT_EQ(option.Choices(", "), "conservative, expected");
}

TEST(PlanOptions, OnlyTheListedWordsParse) {
  for (const char* word : {"", "Priority", "REVENUE", " priority", "priority ", "prio", "conservative"}) {
    EXPECT_FALSE(ParseAllocationPolicy(word).has_value()) << "'" << word << "'";
  }
  for (const char* word : {"", "Expected", "optimistic", "expected\n", "revenue"}) {
    EXPECT_FALSE(ParseLicencePolicy(word).has_value()) << "'" << word << "'";
  }
}

TEST(PlanOptions, NoteNamesBothPolicies) {
  EXPECT_EQ(PlanOptionsNote(PlanOptions{}), "policy=priority licence_policy=conservative");
  PlanOptions options;
  options.policy = AllocationPolicy::kRevenue;
  options.licence_policy = LicencePolicy::kExpected;
  EXPECT_EQ(PlanOptionsNote(options), "policy=revenue licence_policy=expected");
}

TEST(OptionRecords, JoinWords) {
  const std::vector<std::string_view> words = {"a", "bc", "d"};
  EXPECT_EQ(JoinWords(words, "|"), "a|bc|d");
  EXPECT_EQ(JoinWords({}, "|"), "");
}

// The docs are written by hand; these tests keep them listing exactly the records' words.

/// The words of every `enum: [...]` under a property named `key:` in the OpenAPI spec.
std::vector<std::string> OpenApiEnumsOf(const std::string& spec, const std::string& key) {
  std::vector<std::string> enums;
  std::istringstream in(spec);
  std::string line;
  const std::regex property("^\\s*" + key + ":\\s*$");
  const std::regex enum_line("^\\s*enum:\\s*\\[(.*)\\]\\s*$");
  bool inside = false;
  int lines_after = 0;
  while (std::getline(in, line)) {
    if (std::regex_match(line, property)) {
      inside = true;
      lines_after = 0;
      continue;
    }
    std::smatch m;
    if (inside && std::regex_match(line, m, enum_line)) {
      enums.push_back(m[1]);
      inside = false;
    } else if (inside && ++lines_after > 3) {
      inside = false;
    }
  }
  return enums;
}

TEST(PlanOptionsDocs, OpenApiListsTheRecordsWords) {
  const std::string spec = test::ReadText(test::SourceDir() / "api/openapi.yaml");
  const std::vector<std::string> policies = OpenApiEnumsOf(spec, std::string(AllocationPolicyOption().key()));
  const std::vector<std::string> licences = OpenApiEnumsOf(spec, std::string(LicencePolicyOption().key()));
  // PlanInfo (what the API reports) and the scenario edits' settings (what it takes).
  ASSERT_EQ(policies.size(), 2u);
  ASSERT_EQ(licences.size(), 2u);
  for (const std::string& e : policies) EXPECT_EQ(e, AllocationPolicyOption().Choices(", "));
  for (const std::string& e : licences) EXPECT_EQ(e, LicencePolicyOption().Choices(", "));
}

TEST(PlanOptionsDocs, ReadmeUsageListsTheRecordsWords) {
  const std::string readme = test::ReadText(test::SourceDir() / "README.md");
  const std::string usage = "takt plan DIR --out PLANDIR [" + std::string(AllocationPolicyOption().flag()) + " " +
                            AllocationPolicyOption().Choices("|") + "] [" +
                            std::string(LicencePolicyOption().flag()) + " " + LicencePolicyOption().Choices("|") + "]";
  EXPECT_NE(readme.find(usage), std::string::npos) << usage;
}

TEST(PlanOptionsDocs, ScenarioSettingsListTheRecordsWords) {
  const std::string doc = test::ReadText(test::SourceDir() / "docs/scenarios.md");
  EXPECT_NE(doc.find("policy = \"revenue\"               # " + AllocationPolicyOption().Choices(" | ")),
            std::string::npos);
  EXPECT_NE(doc.find("licence_policy = \"expected\"      # " + LicencePolicyOption().Choices(" | ")),
            std::string::npos);
}

TEST(PlanOptionsDocs, GlossaryNamesEveryWord) {
  const std::string glossary = test::ReadText(test::SourceDir() / "docs/glossary.md");
  auto row = [&](const std::string& term) {
    const size_t at = glossary.find("| " + term + " |");
    return at == std::string::npos ? std::string() : glossary.substr(at, glossary.find('\n', at) - at);
  };
  const std::string allocation = row("allocation policy");
  const std::string licence = row("licence policy");
  ASSERT_FALSE(allocation.empty());
  ASSERT_FALSE(licence.empty());
  for (std::string_view word : AllocationPolicyOption().Names()) {
    EXPECT_NE(allocation.find("`" + std::string(word) + "`"), std::string::npos) << word;
  }
  for (std::string_view word : LicencePolicyOption().Names()) {
    EXPECT_NE(licence.find("`" + std::string(word) + "`"), std::string::npos) << word;
  }
  // No other word in code type: exactly the records' words.
  EXPECT_EQ(std::count(allocation.begin(), allocation.end(), '`'), 2 * std::ssize(AllocationPolicyOption().choices()));
  EXPECT_EQ(std::count(licence.begin(), licence.end(), '`'), 2 * std::ssize(LicencePolicyOption().choices()));
}

}  // namespace
}  // namespace takt
