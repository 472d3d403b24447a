#include "plan/promise_session.h"

#include "plan/divergence.h"
#include "plan/engine/plan_run.h"
#include "plan/line_order.h"

namespace takt {

PromiseSession::PromiseSession(const Model& model, const PlanOptions& options, size_t checkpoints)
    : model_(model), run_(std::make_unique<engine::PlanRun<false>>(model, options)) {
  checkpoints_ = run_->PlanAllKeeping(PlanningSequence(model, options), checkpoints);
}

PromiseSession::~PromiseSession() = default;

const Plan& PromiseSession::plan() const { return run_->plan(); }

ScenarioStart PromiseSession::CheckpointFor(const Divergence& d) const {
  // Only where the scenario's ledgers start as the base's: then every line before the limit plans
  // as in the base.
  ScenarioStart best;
  if (!d.stock_points.empty() || !d.resources.empty()) return best;
  for (const ScenarioStart& c : checkpoints_) {
    if (c.prefix <= d.limit && c.prefix > best.prefix) best = c;
  }
  return best;
}

QuoteAnswer PromiseSession::Promise(const QuoteRequest& quote) { return Answer(quote, Keep::kNothing); }

QuoteAnswer PromiseSession::Commit(const QuoteRequest& quote) { return Answer(quote, Keep::kQuote); }

QuoteAnswer PromiseSession::Answer(const QuoteRequest& quote, Keep keep) {
  engine::PlanningState<false>& state = run_->state();
  const OrderLine line = LineOf(quote);
  state.Settle();
  const auto before = state.Save();
  QuoteAnswer answer;
  run_->lines().Plan(line, NextId(), answer.outcome);
  const std::vector<Shipment>& shipments = state.plan().shipments;
  for (size_t i = before.shipments; i < shipments.size(); ++i) answer.shipments.push_back({shipments[i].day, shipments[i].qty});
  if (keep == Keep::kQuote) {
    ++kept_quotes_;
  } else {
    state.Rollback(before);
  }
  state.Settle();
  return answer;
}

std::vector<QuoteAnswer> PromiseSession::PromiseInTurn(std::span<const QuoteRequest> quotes) {
  engine::PlanningState<false>& state = run_->state();
  std::vector<OrderLine> lines;
  lines.reserve(quotes.size());
  for (const QuoteRequest& q : quotes) lines.push_back(LineOf(q));
  state.Settle();
  const auto before = state.Save();
  std::vector<QuoteAnswer> answers(lines.size());
  for (size_t k = 0; k < lines.size(); ++k) {
    const size_t first_shipment = state.plan().shipments.size();
    run_->lines().Plan(lines[k], NextId(k), answers[k].outcome);
    const std::vector<Shipment>& shipments = state.plan().shipments;
    for (size_t i = first_shipment; i < shipments.size(); ++i) {
      answers[k].shipments.push_back({shipments[i].day, shipments[i].qty});
    }
  }
  state.Rollback(before);
  state.Settle();
  return answers;
}

OrderLine PromiseSession::LineOf(const QuoteRequest& quote) const {
  OrderLine line;
  line.customer = quote.customer;
  line.item = quote.item;
  line.qty = quote.qty;
  line.unit_price = quote.unit_price;
  line.order_date = model_.plan_start();
  line.request_date = quote.request_date;
  line.ship_to = quote.ship_to;
  line.site = quote.site;
  line.partial = quote.partial;
  return line;
}

}  // namespace takt
