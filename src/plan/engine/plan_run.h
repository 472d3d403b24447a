#pragma once
// One run of the planner over a model: the lines in a sequence, one at a time, each after what
// the lines before it left. A run can keep its state at chosen positions (checkpoints), follow
// scenarios to find where each starts to plan otherwise, hand its state to another run, or start
// from a state kept by a run of another model (a scenario's start).

#include <memory>
#include <vector>

#include "plan/allocation.h"
#include "plan/engine/line_planner.h"
#include "plan/engine/planner_index.h"
#include "plan/engine/planning_state.h"
#include "plan/planner.h"

namespace takt::engine {

template <bool kFollowing>
class PlanRun {
  template <bool>
  friend class PlanRun;

 public:
  /// A run of `model` under `options`; `allocation`, when given, guides each line (it must outlive
  /// the run).
  PlanRun(const Model& model, const PlanOptions& options, const LineAllocation* allocation = nullptr);
  PlanRun(const PlanRun&) = delete;
  PlanRun& operator=(const PlanRun&) = delete;

  /// Sets the sequence the lines are planned in (PlanningSequence's) before the first line.
  void Prepare(std::vector<LineId> sequence);
  /// Plans the lines at positions [from, to) of the sequence.
  void PlanLines(size_t from, size_t to);
  /// Plans every line in `sequence`, keeping the state at `checkpoints` evenly spaced positions.
  std::vector<ScenarioStart> PlanAllKeeping(std::vector<LineId> sequence, size_t checkpoints);

  /// Plans the lines at positions [from, to), following scenarios: a scenario's start is where the
  /// run reaches its limit or a line gets another answer from its ledgers than from the base's.
  /// Returns where it stopped: `to`, or where no scenario that changed a ledger point is left (the
  /// others are still active: their start is their limit).
  size_t PlanLinesFollowing(size_t from, size_t to, ScenarioFollower& follower, std::vector<ScenarioStart>& starts);

  /// The state here, before the line at `position`, when it is worth keeping (else null).
  std::shared_ptr<const PlanState> StateAt(size_t position) const;
  /// Continues another run of the same model and options from the line boundary it reached.
  template <bool kOther>
  void TakeOver(PlanRun<kOther>& other) {
    state_.TakeOver(other.state_);
  }
  /// Continues from a scenario's start (a base run's state, as the scenario's): the base's plans of
  /// the lines before it become this plan's. Then the next line is at `state.position`.
  void StartFrom(const PlanState& state, const Model& base_model, const Plan& base);

  const Plan& plan() const { return state_.plan(); }
  Plan TakePlan() { return state_.TakePlan(); }
  PlanningState<kFollowing>& state() { return state_; }
  LinePlanner<kFollowing>& lines() { return lines_; }

 private:
  /// Records the start of followed scenario `index` at `position` and stops following it. With
  /// `line_start`, the line at `position` has just been planned from there: its effects are taken back.
  void Start(ScenarioFollower& follower, size_t index, size_t position, const Filled* line_start,
             std::vector<ScenarioStart>& starts);
  /// A kept state is tens of MB to copy: worth it only for more than a few lines of planning.
  size_t MinimumStart() const { return std::max<size_t>(1, state_.plan().sequence.size() / 100); }

  const Model& m_;
  PlannerIndex index_;
  PlanningState<kFollowing> state_;
  LinePlanner<kFollowing> lines_;
  const LineAllocation* guide_;
};

}  // namespace takt::engine
