// Every promise must be true: the quote, added to the dataset as a new line planned after all the
// others, ships exactly as promised, and no other line's plan changes. Likewise for quotes
// committed one after another.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

#include "check/check_plan.h"
#include "generate/generator.h"
#include "plan/plan_report.h"
#include "plan/plan_writer.h"
#include "plan/promise_session.h"
#include "test_data.h"

namespace takt {
namespace {

uint64_t Next(uint64_t& state) { return test::NextRandom(state); }

/// Random quotes for products the dataset sells, to customers and countries of its orders.
std::vector<QuoteRequest> RandomQuotes(const Model& m, int count, uint64_t seed) {
  std::vector<QuoteRequest> quotes;
  uint64_t rng = seed;
  for (int i = 0; i < count; ++i) {
    const OrderLine& like = m.lines()[Next(rng) % m.lines().size()];
    QuoteRequest q;
    q.item = like.item;
    q.qty = 1 + static_cast<int64_t>(Next(rng) % 12);
    q.ship_to = like.ship_to;
    q.customer = like.customer;
    q.request_date = m.plan_start() + static_cast<int32_t>(Next(rng) % static_cast<uint64_t>(m.settings().horizon_days));
    q.partial = Next(rng) % 3 == 0;
    q.unit_price = like.unit_price;
    quotes.push_back(q);
  }
  return quotes;
}

std::string OrderRow(const Model& m, const QuoteRequest& q, int number) {
  return fmt::format("SO-QUOTE-{},1,{},{},{},{},{},{},5,{},{},{}", number, m.customer_code(q.customer),
                     m.item(q.item).code, q.qty, FormatDecimal(q.unit_price), FormatDate(m.plan_start()),
                     FormatDate(q.request_date), m.country_code(q.ship_to), q.site.valid() ? m.site(q.site).code : "",
                     q.partial ? "Y" : "N");
}

/// Plans `files` with the last `appended` lines planned last; checks the plan; returns it.
Plan Replan(const DatasetFiles& files, size_t appended, std::shared_ptr<const Model>& model) {
  Diagnostics diagnostics;
  model = LoadDataset(files, diagnostics);
  EXPECT_NE(model, nullptr);
  if (!model) return {};
  PlanOptions options;
  options.plan_last = appended;
  Plan plan = PlanBacklog(*model, options);
  Diagnostics violations(5);
  EXPECT_TRUE(CheckPlan(*model, WritePlanFiles(*model, plan, BuildReport(*model, plan)), violations));
  for (const Diagnostic& d : violations.kept()) ADD_FAILURE() << FormatDiagnostic(d);
  return plan;
}

std::vector<QuoteAnswer::Part> ShipmentsOf(const Plan& plan, LineId line) {
  std::vector<QuoteAnswer::Part> parts;
  for (const Shipment& s : plan.shipments) {
    if (s.line == line) parts.push_back({s.day, s.qty});
  }
  return parts;
}

void ExpectSameOutcome(const LineOutcome& promised, const LineOutcome& planned, const std::string& what) {
  EXPECT_EQ(promised.status, planned.status) << what;
  EXPECT_EQ(promised.planned_day, planned.planned_day) << what;
  EXPECT_EQ(promised.shipped_qty, planned.shipped_qty) << what;
  EXPECT_EQ(promised.site, planned.site) << what;
  EXPECT_EQ(promised.reason.code, planned.reason.code) << what;
}

void ExpectOthersUnchanged(const Plan& base, const Plan& replanned, size_t lines) {
  for (size_t i = 0; i < lines; ++i) {
    ASSERT_EQ(base.outcomes[i].planned_day, replanned.outcomes[i].planned_day) << "line " << i;
    ASSERT_EQ(base.outcomes[i].shipped_qty, replanned.outcomes[i].shipped_qty) << "line " << i;
  }
}

bool SameParts(const std::vector<QuoteAnswer::Part>& a, const std::vector<QuoteAnswer::Part>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return x.day == y.day && x.qty == y.qty; });
}

TEST(Promise, EachPromiseHoldsWhenTheQuoteIsPlannedAsANewLastLine) {
  const DatasetFiles base_files = Generate({Scale::kDemo, 2}).files;
  Diagnostics diagnostics;
  auto model = LoadDataset(base_files, diagnostics);
  ASSERT_NE(model, nullptr);
  PromiseSession planner(*model, {});
  const Plan base = PlanBacklog(*model, {});
  int number = 0;
  std::set<LineStatus> statuses;
  for (const QuoteRequest& q : RandomQuotes(*model, 10, 7)) {
    const QuoteAnswer answer = planner.Promise(q);
    statuses.insert(answer.outcome.status);
    DatasetFiles files = base_files;
    test::Append(files, "orders.csv", OrderRow(*model, q, ++number));
    std::shared_ptr<const Model> with_quote;
    const Plan replanned = Replan(files, 1, with_quote);
    ASSERT_NE(with_quote, nullptr);
    const LineId quote_line(with_quote->lines().size() - 1);
    const std::string what = OrderRow(*model, q, number);
    ExpectSameOutcome(answer.outcome, replanned.outcomes[quote_line.index()], what);
    EXPECT_TRUE(SameParts(answer.shipments, ShipmentsOf(replanned, quote_line))) << what;
    ExpectOthersUnchanged(base, replanned, model->lines().size());
  }
  EXPECT_GE(statuses.size(), 2u) << "the quotes should not all come out alike";
}

TEST(Promise, CommittedQuotesHoldTogether) {
  const DatasetFiles base_files = Generate({Scale::kDemo, 3}).files;
  Diagnostics diagnostics;
  auto model = LoadDataset(base_files, diagnostics);
  ASSERT_NE(model, nullptr);
  PromiseSession planner(*model, {});
  const std::vector<QuoteRequest> quotes = RandomQuotes(*model, 6, 11);
  std::vector<QuoteAnswer> answers;
  DatasetFiles files = base_files;
  for (size_t i = 0; i < quotes.size(); ++i) {
    answers.push_back(planner.Commit(quotes[i]));
    test::Append(files, "orders.csv", OrderRow(*model, quotes[i], static_cast<int>(i + 1)));
  }
  std::shared_ptr<const Model> with_quotes;
  const Plan replanned = Replan(files, quotes.size(), with_quotes);
  ASSERT_NE(with_quotes, nullptr);
  for (size_t i = 0; i < quotes.size(); ++i) {
    const LineId line(model->lines().size() + i);
    ExpectSameOutcome(answers[i].outcome, replanned.outcomes[line.index()], OrderRow(*model, quotes[i], 0));
    EXPECT_TRUE(SameParts(answers[i].shipments, ShipmentsOf(replanned, line)));
  }
}

TEST(Promise, QuotesInTurnAnswerAsCommittedOnesAndLeaveTheStateAsItWas) {
  const DatasetFiles base_files = Generate({Scale::kDemo, 5}).files;
  Diagnostics diagnostics;
  auto model = LoadDataset(base_files, diagnostics);
  ASSERT_NE(model, nullptr);
  // Large quotes of what the dataset sells, so that later ones feel what earlier ones took.
  std::vector<QuoteRequest> quotes = RandomQuotes(*model, 8, 21);
  for (QuoteRequest& q : quotes) q.qty *= 40;
  PromiseSession committing(*model, {});
  std::vector<QuoteAnswer> committed;
  for (const QuoteRequest& q : quotes) committed.push_back(committing.Commit(q));

  PromiseSession planner(*model, {});
  std::vector<QuoteAnswer> alone;
  for (const QuoteRequest& q : quotes) alone.push_back(planner.Promise(q));
  const std::vector<QuoteAnswer> in_turn = planner.PromiseInTurn(quotes);
  ASSERT_EQ(in_turn.size(), quotes.size());
  bool any_felt_the_others = false;
  for (size_t i = 0; i < quotes.size(); ++i) {
    EXPECT_EQ(in_turn[i].outcome.planned_day, committed[i].outcome.planned_day) << i;
    EXPECT_EQ(in_turn[i].outcome.shipped_qty, committed[i].outcome.shipped_qty) << i;
    EXPECT_TRUE(SameParts(in_turn[i].shipments, committed[i].shipments)) << i;
    any_felt_the_others |= in_turn[i].outcome.planned_day != alone[i].outcome.planned_day;
  }
  EXPECT_TRUE(any_felt_the_others) << "the quotes are too small to test taking in turn";
  // Nothing was kept: each quote alone still gets its first answer.
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteAnswer again = planner.Promise(quotes[i]);
    EXPECT_EQ(again.outcome.planned_day, alone[i].outcome.planned_day) << i;
    EXPECT_TRUE(SameParts(again.shipments, alone[i].shipments)) << i;
  }
}

TEST(Promise, AQuoteLeavesThePlannedStateAsItWas) {
  const DatasetFiles base_files = Generate({Scale::kDemo, 4}).files;
  Diagnostics diagnostics;
  auto model = LoadDataset(base_files, diagnostics);
  ASSERT_NE(model, nullptr);
  PromiseSession planner(*model, {});
  const size_t work_orders = planner.plan().work_orders.size();
  const std::vector<QuoteRequest> quotes = RandomQuotes(*model, 20, 5);
  std::vector<QuoteAnswer> first;
  for (const QuoteRequest& q : quotes) first.push_back(planner.Promise(q));
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteAnswer again = planner.Promise(quotes[i]);
    EXPECT_EQ(again.outcome.planned_day, first[i].outcome.planned_day);
    EXPECT_TRUE(SameParts(again.shipments, first[i].shipments));
  }
  EXPECT_EQ(planner.plan().work_orders.size(), work_orders);
}

}  // namespace
}  // namespace takt
