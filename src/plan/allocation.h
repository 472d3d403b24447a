#pragma once
// The seam where a policy decides who gets scarce GPUs and capacity: the order in which lines
// claim material and capacity (each line takes what the lines before it left), and any guidance for
// a single line. The schedulers know nothing else of the policy: `priority` and `revenue` are the
// built-in implementations; an optimizer is another (docs/design/architecture.md).

#include <memory>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

/// What an allocation says about one line besides its turn. The default changes nothing.
struct LineGuidance {
  /// Plan the line at this site only (a line that names its own site keeps it); invalid: at any of
  /// the item's candidate sites.
  SiteId site;
  /// Plan the line just in time for this day index instead of its request date: an earlier day
  /// pulls it in (never before the earliest day the data allows); a later one is ignored. -1: the
  /// request date.
  int32_t due_day = -1;
};

class LineAllocation {
 public:
  virtual ~LineAllocation() = default;
  /// The policy's name, as written in plan notes and the API.
  virtual const char* name() const = 0;
  /// Every line of the model exactly once, in the order they claim material and capacity.
  virtual std::vector<LineId> Sequence(const Model& model) const = 0;
  /// Whether Guidance ever says anything (lets a run skip asking).
  virtual bool guides() const { return false; }
  /// The guidance for one line; called once per line, in sequence order.
  virtual LineGuidance Guidance(LineId) const { return {}; }
};

/// `priority`: priority, then request date, then order date, then order code and line number.
class PriorityAllocation final : public LineAllocation {
 public:
  const char* name() const override { return "priority"; }
  std::vector<LineId> Sequence(const Model& model) const override;
};

/// `revenue`: quarter of the request date first (what can be recognised earliest), then revenue per
/// unit of the scarcest material or capacity the line needs (highest first), then as `priority`.
class RevenueAllocation final : public LineAllocation {
 public:
  const char* name() const override { return "revenue"; }
  std::vector<LineId> Sequence(const Model& model) const override;
};

/// The built-in allocation of a policy.
std::unique_ptr<LineAllocation> MakeAllocation(AllocationPolicy policy);

}  // namespace takt
