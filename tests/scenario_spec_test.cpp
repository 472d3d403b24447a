// Scenarios as values (scenario/scenario_edits.h): the TOML and JSON readers give the same edits and
// the same plan, a spec built in code applies like its file, the writer round-trips, and each reader
// places problems in its own terms.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "generate/generator.h"
#include "io/dataset_loader.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "scenario/scenario.h"
#include "test_data.h"

namespace takt {
namespace {

std::shared_ptr<const Model> Demo() { return test::DemoModel(1); }

PlanFiles PlanOf(const Scenario& s) {
  const Plan plan = PlanBacklog(*s.model, s.options);
  return WritePlanFiles(*s.model, plan, BuildReport(*s.model, plan));
}

std::vector<std::string> Errors(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.kept()) {
    if (x.severity == Severity::kError) out.push_back(fmt::format("{}:{} [{}] {}", x.file, x.line, x.column, x.code));
  }
  return out;
}

/// One of each kind of edit, against the demo: a first order of the dataset is changed and a
/// customer's order added.
struct Twins {
  std::string toml;
  nlohmann::json json;
};

Twins OneOfEach(const Model& m) {
  const OrderLine& first = m.lines().front();
  const std::string order(m.order_codes()[first.order.index()]);
  const std::string customer(m.customer_codes()[first.customer.index()]);
  Twins t;
  t.toml = fmt::format(R"(name = "all"
description = "one of each"
[settings]
policy = "revenue"
early_ship_days = 3
[[receipts]]
action = "delay"
item = "GPU-B200-SC"
from = 2025-05-01
days = 14
[[receipts]]
action = "scale"
item = "GPU-B200-SC"
factor = 0.5
[[capacity]]
resource = "AUS-RACK-INT"
from = 2025-09-01
add_per_day = 1.5
[[export_rules]]
action = "add"
export_class = "4A994"
destination = "CN-HK-MO"
rule = "licence"
[[licences]]
action = "change"
export_class = "4A994"
status = "pending"
date = "2025-12-31"
[[orders]]
action = "change"
order = "{0}"
priority = 1
[[orders]]
action = "add"
order = "SO-NEW-1"
line = 1
customer = "{1}"
item = "{2}"
qty = 4
unit_price = "250000.5"
request_date = 2025-10-01
ship_to = "US"
partial = "Y"
)",
                       order, customer, m.item(first.item).code);
  using nlohmann::json;
  t.json = {{"settings", {{"policy", "revenue"}, {"early_ship_days", 3}}},
            {"receipts", json::array({{{"action", "delay"}, {"item", "GPU-B200-SC"}, {"from", "2025-05-01"}, {"days", 14}},
                                      {{"action", "scale"}, {"item", "GPU-B200-SC"}, {"factor", 0.5}}})},
            {"capacity", json::array({{{"resource", "AUS-RACK-INT"}, {"from", "2025-09-01"}, {"add_per_day", 1.5}}})},
            {"export_rules", json::array({{{"action", "add"}, {"export_class", "4A994"}, {"destination", "CN-HK-MO"},
                                           {"rule", "licence"}}})},
            {"licences", json::array({{{"action", "change"}, {"export_class", "4A994"}, {"status", "pending"},
                                       {"date", "2025-12-31"}}})},
            {"orders", json::array({{{"action", "change"}, {"order", order}, {"priority", 1}},
                                    {{"action", "add"}, {"order", "SO-NEW-1"}, {"line", 1}, {"customer", customer},
                                     {"item", std::string(m.item(first.item).code)}, {"qty", 4},
                                     {"unit_price", "250000.5"}, {"request_date", "2025-10-01"}, {"ship_to", "US"},
                                     {"partial", "Y"}}})}};
  return t;
}

TEST(ScenarioSpec, JsonAndTomlThatMeanTheSameGiveTheSameEditsAndPlan) {
  auto base = Demo();
  ASSERT_NE(base, nullptr);
  const Twins twins = OneOfEach(*base);
  Diagnostics d;
  const std::optional<ScenarioSpec> from_toml = ReadScenarioToml(twins.toml, "all.toml", d);
  const ScenarioSpec from_json = ReadScenarioJson(twins.json, "all", "one of each", d);
  ASSERT_TRUE(from_toml.has_value());
  EXPECT_FALSE(d.has_errors()) << Errors(d).front();
  EXPECT_EQ(from_toml->edits.size(), 8u);
  // The same edits: their text (every field, in a fixed order) is the same.
  EXPECT_EQ(WriteScenarioToml(*from_toml), WriteScenarioToml(from_json));
  const auto a = ApplyScenario(*from_toml, *base, {}, d);
  const auto b = ApplyScenario(from_json, *base, {}, d);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->applied, b->applied);
  EXPECT_EQ(a->applied.size(), 9u);  // [settings] gives a sentence per setting
  EXPECT_EQ(a->options.policy, AllocationPolicy::kRevenue);
  EXPECT_EQ(a->model->lines().size(), base->lines().size() + 1);
  EXPECT_EQ(PlanOf(*a), PlanOf(*b));
  EXPECT_NE(PlanOf(*a), PlanOf(Scenario{"", "", base, {}, {}}));  // the edits did change the plan
}

TEST(ScenarioSpec, ASpecBuiltInCodeAppliesLikeItsFile) {
  auto base = Demo();
  ASSERT_NE(base, nullptr);
  ScenarioSpec spec;
  spec.name = "slip";
  ReceiptEdit slip;
  slip.action = ReceiptAction::kDelay;
  slip.item = "GPU-B200-SC";
  slip.days = 28;
  spec.edits.push_back(slip);
  CapacityEdit more;
  more.resource = "AUS-RACK-INT";
  more.from = *ParseDate("2025-09-01");
  more.add_per_day = 2 * kDecimalScale;
  spec.edits.push_back(more);
  Diagnostics d;
  const auto built = ApplyScenario(spec, *base, {}, d);
  const auto read = ParseScenario(
      "[[receipts]]\naction = \"delay\"\nitem = \"GPU-B200-SC\"\ndays = 28\n"
      "[[capacity]]\nresource = \"AUS-RACK-INT\"\nfrom = 2025-09-01\nadd_per_day = 2\n",
      "slip.toml", *base, {}, d);
  ASSERT_TRUE(built && read) << Errors(d).front();
  EXPECT_EQ(built->applied, read->applied);
  EXPECT_EQ(PlanOf(*built), PlanOf(*read));
  // A problem in an edit built in code has no file: it names the field.
  spec.edits.push_back(CapacityEdit{"AUS-NOWHERE", 0, {}, {}, kDecimalScale, {}});
  Diagnostics bad;
  EXPECT_FALSE(ApplyScenario(spec, *base, {}, bad).has_value());
  EXPECT_EQ(Errors(bad), (std::vector<std::string>{":0 [resource] unknown-reference"}));
}

TEST(ScenarioSpec, TheWriterRoundTrips) {
  auto base = Demo();
  ASSERT_NE(base, nullptr);
  const Twins twins = OneOfEach(*base);
  Diagnostics d;
  const std::optional<ScenarioSpec> spec = ReadScenarioToml(twins.toml, "all.toml", d);
  ASSERT_TRUE(spec.has_value());
  const std::string text = WriteScenarioToml(*spec);
  const std::optional<ScenarioSpec> again = ReadScenarioToml(text, "all.toml", d);
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(again->name, "all");
  EXPECT_EQ(again->description, "one of each");
  EXPECT_EQ(WriteScenarioToml(*again), text);
  // Quotes and control characters survive.
  ScenarioSpec odd;
  odd.name = "say \"when\"\\\n";
  const std::optional<ScenarioSpec> read = ReadScenarioToml(WriteScenarioToml(odd), "odd.toml", d);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->name, odd.name);
}

TEST(ScenarioSpec, EachReaderPlacesProblemsInItsOwnTerms) {
  auto base = Demo();
  ASSERT_NE(base, nullptr);
  // The same two mistakes: a malformed number in the first receipt, an unknown item in the second.
  const std::string toml =
      "[[receipts]]\naction = \"delay\"\nitem = \"GPU-B200-SC\"\ndays = \"soon\"\n"
      "[[receipts]]\naction = \"remove\"\nitem = \"GPU-B2OO-SC\"\n";
  Diagnostics from_toml;
  const auto spec = ReadScenarioToml(toml, "s.toml", from_toml);
  ASSERT_TRUE(spec.has_value());
  EXPECT_FALSE(spec->well_formed);
  EXPECT_FALSE(ApplyScenario(*spec, *base, {}, from_toml).has_value());
  EXPECT_EQ(Errors(from_toml), (std::vector<std::string>{"s.toml:4 [days] bad-integer",
                                                         "s.toml:7 [item] unknown-reference"}));
  const nlohmann::json json = {
      {"receipts", nlohmann::json::array({{{"action", "delay"}, {"item", "GPU-B200-SC"}, {"days", "soon"}},
                                          {{"action", "remove"}, {"item", "GPU-B2OO-SC"}}})}};
  Diagnostics from_json;
  const ScenarioSpec json_spec = ReadScenarioJson(json, "s", "", from_json);
  EXPECT_FALSE(ApplyScenario(json_spec, *base, {}, from_json).has_value());
  EXPECT_EQ(Errors(from_json), (std::vector<std::string>{"edits:0 [edits.receipts[0].days] bad-integer",
                                                         "edits:0 [edits.receipts[1].item] unknown-reference"}));
  // A list that is not one, in each reader's words.
  Diagnostics shape;
  ReadScenarioJson({{"capacity", {{"resource", "AUS-RACK-INT"}}}}, "s", "", shape);
  ASSERT_EQ(shape.kept().size(), 1u);
  EXPECT_EQ(shape.kept()[0].column, "edits.capacity");
  EXPECT_EQ(shape.kept()[0].message, "'capacity' must be a list of objects, one per edit");
  // A malformed edit's references are still checked: both problems come at once.
  Diagnostics both;
  const auto mixed = ReadScenarioToml("[[orders]]\naction = \"change\"\norder = \"SO-NOPE\"\npriority = 12\n", "m.toml", both);
  ASSERT_TRUE(mixed.has_value());
  EXPECT_FALSE(ApplyScenario(*mixed, *base, {}, both).has_value());
  EXPECT_EQ(Errors(both), (std::vector<std::string>{"m.toml:4 [priority] out-of-range",
                                                    "m.toml:3 [order] unknown-reference"}));
}

}  // namespace
}  // namespace takt
