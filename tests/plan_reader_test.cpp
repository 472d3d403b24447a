#include "planfiles/plan_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "generate/generator.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/planner.h"
#include "scenario/plan_compare.h"
#include "scenario/scenario.h"
#include "test_data.h"

namespace takt {
namespace {

std::shared_ptr<const Model> Load(const DatasetFiles& files) {
  Diagnostics diagnostics;
  auto model = LoadDataset(files, diagnostics);
  EXPECT_NE(model, nullptr);
  return model;
}

PlanFiles PlanOf(const Model& model) {
  const Plan plan = PlanBacklog(model, {});
  return WritePlanFiles(model, plan, BuildReport(model, plan));
}

/// The header of a CSV file's text, as a set of names.
std::set<std::string> HeaderOf(const std::string& text) {
  std::set<std::string> names;
  std::stringstream header(text.substr(0, text.find('\n')));
  for (std::string name; std::getline(header, name, ',');) names.insert(name);
  return names;
}

template <typename Columns>
void ExpectWriterWritesTheColumns(const PlanFiles& files) {
  std::set<std::string> declared;
  for (const ColumnSpec& c : Columns::kSpecs) declared.insert(std::string(c.name));
  const std::string* text = files.Find(Columns::kFile);
  ASSERT_NE(text, nullptr) << Columns::kFile;
  EXPECT_EQ(HeaderOf(*text), declared) << Columns::kFile;
}

TEST(PlanReader, ThePlannerWritesTheColumnsTheReaderDeclares) {
  const PlanFiles files = PlanOf(*Load(test::Tiny()));
  ASSERT_EQ(files.size(), PlanFileNames().size());
  for (std::string_view name : PlanFileNames()) EXPECT_NE(files.Find(name), nullptr) << name;
  ExpectWriterWritesTheColumns<planfiles::WorkOrderColumns>(files);
  ExpectWriterWritesTheColumns<planfiles::OperationColumns>(files);
  ExpectWriterWritesTheColumns<planfiles::PurchaseColumns>(files);
  ExpectWriterWritesTheColumns<planfiles::ShipmentColumns>(files);
  ExpectWriterWritesTheColumns<planfiles::StatusColumns>(files);
  ExpectWriterWritesTheColumns<planfiles::PeggingColumns>(files);
}

TEST(PlanReader, ReadsEveryRowWithItsSourceLineAndFields) {
  const PlanFiles files = PlanOf(*Load(test::Tiny()));
  Diagnostics d;
  using S = planfiles::StatusColumns;
  std::vector<std::string> rows;
  const planfiles::FileState state = planfiles::ReadPlanCsv<S>(planfiles::MemorySource(files), d, [&](planfiles::PlanRow& f) {
    const auto order = f.Code(S::kOrder);
    const auto line = f.LineNumber(S::kLine);
    const auto status = f.Status(S::kStatus);
    if (!f.record_ok()) return false;
    rows.push_back(fmt::format("{}:{}/{} {}", f.line(), *order, *line, planfiles::kStatusNames[static_cast<size_t>(*status)]));
    return true;
  });
  EXPECT_TRUE(state.present && state.readable && state.complete);
  EXPECT_EQ(d.error_count(), 0);
  EXPECT_EQ(rows, (std::vector<std::string>{"2:SO-1/1 on_time", "3:SO-1/2 on_time", "4:SO-2/1 unplanned"}));
}

TEST(PlanReader, ABadFieldIsReportedAndLeavesTheFileIncomplete) {
  PlanFiles files = PlanOf(*Load(test::Tiny()));
  for (auto& [name, content] : files) {
    if (name == kOrderStatusFile) content.replace(content.find(",on_time,"), 9, ",on-time,");
  }
  Diagnostics d;
  using S = planfiles::StatusColumns;
  const planfiles::FileState state = planfiles::ReadPlanCsv<S>(planfiles::MemorySource(files), d, [&](planfiles::PlanRow& f) {
    f.Status(S::kStatus);
    return f.record_ok();
  });
  EXPECT_TRUE(state.readable);
  EXPECT_FALSE(state.complete);
  ASSERT_EQ(d.kept().size(), 1u);
  EXPECT_EQ(d.kept()[0].code, "bad-value") << FormatDiagnostic(d.kept()[0]);
  EXPECT_EQ(d.kept()[0].line, 2);
}

TEST(PlanReader, AMissingFileIsReportedOnceForTheComparisonAsForTheChecker) {
  PlanFiles files = PlanOf(*Load(test::Tiny()));
  std::erase_if(files.files, [](const auto& f) { return f.first == kShipmentsFile; });
  Diagnostics d;
  PlanView view;
  EXPECT_FALSE(ReadPlanView(files, view, d));
  ASSERT_EQ(d.kept().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(d.kept()[0]),
            "shipments.csv error missing-file: the plan has no shipments.csv\n"
            "    hint: write the plan with 'takt plan DIR --out PLANDIR' and check that folder");
}

TEST(PlanReader, AFolderThatIsNotThereHasNoFiles) {
  Diagnostics d;
  bool unreadable = false;
  EXPECT_FALSE(planfiles::FolderSource("/nonexistent/plan", d)(kSummaryFile, unreadable).has_value());
  EXPECT_FALSE(unreadable);
  EXPECT_EQ(d.error_count(), 0);
}

// The comparison of plan folders and of plans in memory are one comparison: reading the files of two
// plans and comparing them finds the same changes as comparing the plans in memory.
TEST(PlanReader, ComparingReadFilesEqualsComparingPlansInMemory) {
  auto base = Load(Generate({Scale::kDemo, 3}).files);
  ASSERT_NE(base, nullptr);
  const Plan base_plan = PlanBacklog(*base, {});
  const PlanReport base_report = BuildReport(*base, base_plan);
  Diagnostics diagnostics;
  const auto s = ParseScenario("[[receipts]]\naction = \"delay\"\nitem = \"GPU-B200-SC\"\ndays = 28\n", "s", *base, {},
                               diagnostics);
  ASSERT_TRUE(s.has_value());
  const Plan plan = PlanBacklog(*s->model, s->options);
  const PlanReport report = BuildReport(*s->model, plan);
  PlanView a, b;
  ASSERT_TRUE(ReadPlanView(WritePlanFiles(*base, base_plan, base_report), a, diagnostics));
  ASSERT_TRUE(ReadPlanView(WritePlanFiles(*s->model, plan, report), b, diagnostics));
  const PlanComparison read = ComparePlans(a, b);
  const PlanComparison quick = ComparePlanned(*base, base_plan, base_report, *s->model, plan, report);
  ASSERT_GT(quick.changes.size(), 0u);
  ASSERT_EQ(read.changes.size(), quick.changes.size());
  EXPECT_EQ(read.unchanged_lines, quick.unchanged_lines);
  for (size_t i = 0; i < read.changes.size(); ++i) {
    const LineChange &x = read.changes[i], &y = quick.changes[i];
    EXPECT_EQ(x.order, y.order);
    EXPECT_EQ(x.line, y.line);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.before, y.before);
    EXPECT_EQ(x.after, y.after);
    EXPECT_EQ(x.revenue_moved, y.revenue_moved);
    EXPECT_EQ(x.reason_after, y.reason_after);
  }
}

PlanView::Line LineOf(const std::string& order, std::vector<Money> revenue) {
  PlanView::Line line;
  line.order = order;
  line.line = 1;
  line.status = "on_time";
  line.revenue_by_quarter = std::move(revenue);
  return line;
}

// Plans of different calendars compare revenue by quarter code.
TEST(PlanCompareQuarters, RevenueIsComparedByQuarterCode) {
  PlanView base, scenario;
  base.quarters = {{"Q1", 0, 89}, {"Q2", 90, 179}};
  scenario.quarters = {{"Q2", 90, 179}, {"Q3", 180, 269}};
  base.lines = {LineOf("SO-1", {100, 0}), LineOf("SO-2", {0, 50})};
  scenario.lines = {LineOf("SO-1", {0, 100}), LineOf("SO-2", {50, 0})};
  const PlanComparison c = ComparePlans(base, scenario);
  EXPECT_EQ(c.unchanged_lines, 1);  // SO-2: 50 in Q2 in both
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].order, "SO-1");  // 100 from Q1 to Q3
  EXPECT_EQ(c.changes[0].revenue_moved, 100);
  ASSERT_EQ(c.quarters.size(), 2u);
  EXPECT_EQ(c.quarters[1].code, "Q2");
}

}  // namespace
}  // namespace takt
