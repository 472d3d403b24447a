#pragma once
// As soon as possible: a constructive forward pass. Components are supplied as early as they can
// be (stock now, stock arriving, purchases after the lead time, sub-assemblies built forward), then
// the work order takes the first capacity after they are all there; a piece that then holds fewer
// units is planned again at that size. The piece that finishes last says what bound it.

#include <cstdint>
#include <vector>

#include "plan/engine/planning_state.h"

namespace takt::engine {

template <bool kFollowing>
class ForwardScheduler {
 public:
  explicit ForwardScheduler(PlanningState<kFollowing>& state);

  /// Makes `qty` of `item` at `site` available as soon as possible from `earliest`: stock, work
  /// orders scheduled forward, purchases after the lead time, receipts still to come. Returns the
  /// day it is all there, or kNever (with `binding` saying why).
  /// Without `portions`, the quantity is consumed on that day (or only reserved, with kDefer) and
  /// recorded in `takes`, so that the caller can move the consumption to the day it really uses it
  /// (ConsumeOn). With `portions`, each part is consumed on its own day and listed (partial lines).
  int32_t SupplyForward(ItemId item, SiteId site, int64_t qty, int32_t earliest, int depth, Constraint& binding,
                        TakeList* takes, std::vector<Portion>* portions,
                        Reserve reserve = Reserve::kConsumeNow);

  /// Moves provisional consumptions to the day they happen; buys bought quantities to arrive then.
  /// Components bought for a work order need no pegging; a shipment's are recorded as consumed.
  void ConsumeOn(const TakeList& takes, int32_t day, Consumer consumer);

 private:
  /// Earliest windows for the routing's steps from `from` with room for at least one unit; `qty`
  /// becomes how many units (<= max_qty) they hold. `delay` notes the step that waited longest for
  /// its resource. False when a step finds no window in the horizon.
  bool ScheduleForward(const Routing& r, int64_t max_qty, int32_t from, int64_t& qty, StepWindow* windows,
                       Constraint& delay);
  /// Builds `qty` of the routing's item in work orders scheduled as soon as possible from
  /// `earliest`; returns the day the last output is available, or kNever.
  int32_t BuildForward(const Routing& r, int64_t qty, int32_t earliest, int depth, Constraint& binding,
                       std::vector<Portion>* portions);
  /// For a partial line: how many of `x` units can have their received-only components first (on
  /// `day`, or on the first day any unit's are there), so that a first piece of that size ships
  /// before the rest arrives. Built and buyable components do not limit it; `x` when nothing does.
  int64_t UnitsWithComponentsFirst(const Routing& r, int64_t x, int32_t day) const;

  PlanningState<kFollowing>& s_;
  const PlannerIndex& ix_;
  const Model& m_;
  const int32_t days_;
  std::vector<std::vector<StepWindow>> windows_;  ///< scratch per BOM depth
  std::vector<TakeList> takes_;          ///< scratch per BOM depth
};

}  // namespace takt::engine
