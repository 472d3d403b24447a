#pragma once
// The planner: order lines one at a time, in the sequence of the allocation policy; each takes
// material and capacity left by the lines before it and never moves their work.
//
// A line is first planned just in time: backward from its request date through its routing and BOM
// (latest feasible starts). If that fails it ships at the earliest date it can: each failed attempt
// says when its binding shortage resolves (the day the material is there, the day the resource
// frees up, the end of a lead time) and the next attempt jumps there. Partial lines ship what they
// can on the request date and the rest as it becomes available. See docs/design/planner.md.

#include <memory>
#include <span>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

/// Plans every order line. Deterministic: the same model and options give the same plan.
Plan PlanBacklog(const Model& model, const PlanOptions& options);

/// The planner's state between two lines of a run: ledgers and purchases (tens of MB on large).
struct PlanState;
struct Divergence;

/// A scenario of a base model, and where it can start to differ (plan/divergence.h).
struct ScenarioToFollow {
  const Model* model;
  const Divergence* divergence;
};

/// Where a scenario's plan starts from the base run's.
struct ScenarioStart {
  size_t prefix = 0;  ///< how many of its first lines plan exactly as the base's first lines
  std::shared_ptr<const PlanState> state;  ///< the state they leave, as the scenario's; null when 0
};

/// PlanBacklog in `sequence` (PlanningSequence's), following each scenario through the run: a
/// scenario's start is its divergence's limit or, before it, the first line that gets another
/// answer from the scenario's ledgers than from the base's. A start of fewer than 1% of the lines
/// is not kept (prefix 0): copying the state would cost more than planning them.
Plan PlanBase(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
              std::span<const ScenarioToFollow> scenarios, std::vector<ScenarioStart>& starts);

/// A scenario's plan in its `sequence` (the divergence's): the same as PlanBacklog(model,
/// options), but the lines before the start are not planned again: their plans are the base's.
Plan PlanScenario(const Model& model, const PlanOptions& options, std::vector<LineId> sequence,
                  const Model& base_model, const Plan& base, const ScenarioStart& start);

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

class Engine;

/// The planned backlog kept live, to answer capable-to-promise questions: a quote is planned
/// after every existing line, against what they left, exactly as a new last line would be.
class Planner {
 public:
  /// Plans the backlog, keeping the state at `checkpoints` evenly spaced positions of the sequence
  /// (tens of MB each on large) for scenarios planned later (CheckpointFor).
  Planner(const Model& model, const PlanOptions& options, size_t checkpoints = 0);
  ~Planner();
  Planner(const Planner&) = delete;
  Planner& operator=(const Planner&) = delete;

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
  OrderLine LineOf(const QuoteRequest& quote) const;
  const Model& model_;
  std::unique_ptr<Engine> engine_;
  std::vector<ScenarioStart> checkpoints_;  ///< kept while planning the model's lines, before any quote
};

}  // namespace takt
