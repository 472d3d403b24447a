#pragma once
// Capable to promise: the planned backlog kept live, so that a new order is planned after every
// existing line, against what they left, exactly as a new last line would be. A promise changes
// nothing; a commitment keeps what the quote took.

#include <memory>
#include <span>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"
#include "plan/planner.h"

namespace takt {

/// A new order to promise: one line, not in the model.
struct QuoteRequest {
  ItemId item;
  int64_t qty = 1;
  CountryId ship_to;
  CustomerId customer;  ///< invalid for a customer the dataset does not know (no licences)
  SiteId site;          ///< invalid: any site
  Day request_date = 0;
  bool partial = false;
  Money unit_price = 0;
};

struct QuoteAnswer {
  LineOutcome outcome;  ///< status, planned day, site, binding constraint, as for a planned line
  struct Part {
    int32_t day;  ///< day index from plan_start
    int64_t qty;
  };
  std::vector<Part> shipments;  ///< the schedule (one part unless partial)
};

namespace engine {
template <bool kFollowing>
class PlanRun;
}

class PromiseSession {
 public:
  /// Plans the backlog, keeping the state at `checkpoints` evenly spaced positions of the sequence
  /// (tens of MB each on large) for scenarios planned later (CheckpointFor).
  PromiseSession(const Model& model, const PlanOptions& options, size_t checkpoints = 0);
  ~PromiseSession();
  PromiseSession(const PromiseSession&) = delete;
  PromiseSession& operator=(const PromiseSession&) = delete;

  /// The plan of the model's lines (and of committed quotes, which plan files cannot show).
  const Plan& plan() const;
  /// When and from where the quote can ship. The planned state is unchanged.
  QuoteAnswer Promise(const QuoteRequest& quote);
  /// Plans the quote and keeps it: later quotes see what it took.
  QuoteAnswer Commit(const QuoteRequest& quote);
  /// Answers quotes cumulatively (each sees what the ones before it took) without keeping any:
  /// the same answers as committing them in turn, and the planned state is unchanged.
  std::vector<QuoteAnswer> PromiseInTurn(std::span<const QuoteRequest> quotes);

  /// Where a scenario of this plan's model, not followed through its run, can start (PlanScenario):
  /// the latest checkpoint before its limit when it changes no stock point or resource (orders,
  /// licences, export rules); else at the first line.
  ScenarioStart CheckpointFor(const Divergence& divergence) const;

 private:
  enum class Keep : uint8_t { kNothing, kQuote };
  QuoteAnswer Answer(const QuoteRequest& quote, Keep keep);
  OrderLine LineOf(const QuoteRequest& quote) const;
  /// The id of the next quote planned: after the model's lines and the quotes kept.
  LineId NextId(size_t ahead = 0) const { return LineId(model_.lines().size() + kept_quotes_ + ahead); }

  const Model& model_;
  std::unique_ptr<engine::PlanRun<false>> run_;
  std::vector<ScenarioStart> checkpoints_;  ///< kept while planning the model's lines, before any quote
  size_t kept_quotes_ = 0;
};

}  // namespace takt
