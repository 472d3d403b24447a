#pragma once
// One planned dataset as the API serves it: the model, its plan and report, and the indexes the
// routes read (shipments, work orders and pegs by line; daily resource load; stock events by item).
// Immutable once built, so any number of request threads read it without locks; a re-plan builds a
// new snapshot and swaps the pointer. Promises go to a live PromiseSession under its own mutex.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/model.h"
#include "plan/pegging.h"
#include "plan/plan.h"
#include "plan/plan_report.h"
#include "plan/promise_session.h"
#include "scenario/plan_compare.h"

namespace takt::server {

/// Where a snapshot's data came from, for the summary and the versions list.
struct SnapshotSource {
  int64_t dataset_version = 0;
  std::string dataset_name;
  int64_t plan_version = 0;
  std::string created_at;  ///< when it was planned, UTC ISO 8601
};

/// A compressed-row index: the entries of key k are order[offsets[k] .. offsets[k + 1]).
struct RowIndex {
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> order;
  std::span<const uint32_t> of(size_t key) const {
    return std::span<const uint32_t>(order).subspan(offsets[key], offsets[key + 1] - offsets[key]);
  }
};

class PlanSnapshot {
 public:
  /// Plans the model (deterministic) and builds the indexes.
  static std::shared_ptr<PlanSnapshot> Build(std::shared_ptr<const Model> model, const PlanOptions& options,
                                             SnapshotSource source);

  const Model& model() const { return *model_; }
  const std::shared_ptr<const Model>& model_ptr() const { return model_; }
  const Plan& plan() const { return plan_; }
  const PlanReport& report() const { return report_; }
  /// The top constraints, each with a line's reason sentence.
  const std::vector<PlanView::Constraint>& top_constraints() const { return top_constraints_; }
  const SnapshotSource& source() const { return source_; }
  void set_plan_version(int64_t version) { source_.plan_version = version; }
  double seconds() const { return seconds_; }
  const std::vector<Peg>& pegs() const { return pegs_; }

  std::span<const uint32_t> shipments_of(LineId line) const { return shipments_by_line_.of(line.index()); }
  std::span<const uint32_t> work_orders_of(LineId line) const { return work_orders_by_line_.of(line.index()); }
  std::span<const Peg> pegs_of(LineId line) const;
  /// Line ids sorted by order code then line number; and the first line of an order code.
  const std::vector<uint32_t>& lines_by_order() const { return lines_by_order_; }
  /// A line's position in lines_by_order().
  uint32_t order_rank(LineId line) const { return order_rank_[line.index()]; }
  std::optional<LineId> FindLine(std::string_view order, int64_t line) const;

  /// Per line: value (qty x price), days late (>= 0), the planned day's quarter (-1 none).
  Money line_value(LineId l) const { return line_value_[l.index()]; }
  int32_t days_late(LineId l) const { return days_late_[l.index()]; }
  int32_t planned_quarter(LineId l) const { return planned_quarter_[l.index()]; }

  /// Load on a resource per day (Fixed4), days from plan_start.
  std::span<const Fixed4> load(ResourceId r) const;

  /// Projected stock of an item at a site at the end of each day of the horizon after the plan.
  std::vector<int64_t> ProjectedStock(ItemId item, SiteId site) const;
  /// Sites where the item is stocked, received, bought, built or consumed.
  std::vector<SiteId> StockSites(ItemId item) const;

  /// Purchase numbers as in the plan files (PO-0000001...), per purchase; 0 for rolled-back ones.
  int32_t purchase_number(size_t purchase) const { return purchase_number_[purchase]; }

  /// Value shipped per day of the horizon (revenue by ship day).
  const std::vector<Money>& shipped_by_day() const { return shipped_by_day_; }

  /// The live promise session (the plan kept live); lock promise_mutex() around every call.
  PromiseSession& promises() const { return *promises_; }
  std::mutex& promise_mutex() const { return promise_mutex_; }

 private:
  PlanSnapshot() = default;
  void BuildIndexes();

  std::shared_ptr<const Model> model_;
  Plan plan_;
  PlanReport report_;
  std::vector<PlanView::Constraint> top_constraints_;
  SnapshotSource source_;
  double seconds_ = 0;
  std::vector<Peg> pegs_;
  std::vector<uint32_t> peg_offsets_;
  RowIndex shipments_by_line_, work_orders_by_line_;
  RowIndex purchases_by_item_, work_orders_by_item_, consumptions_by_item_;
  std::vector<uint32_t> lines_by_order_, order_rank_;
  std::vector<Money> line_value_;
  std::vector<int32_t> days_late_, planned_quarter_;
  std::vector<Fixed4> load_;  ///< [resource][day]
  std::vector<Money> shipped_by_day_;
  std::vector<int32_t> purchase_number_;
  int32_t days_ = 0;
  std::unique_ptr<PromiseSession> promises_;
  mutable std::mutex promise_mutex_;
};

}  // namespace takt::server
