#include "plan/line_order.h"

#include <algorithm>

namespace takt {

std::vector<LineId> PlanningSequence(const Model& m, const LineAllocation& allocation, size_t plan_last) {
  std::vector<LineId> sequence = allocation.Sequence(m);
  // Lines appended for a re-plan check of promises go last, in file order.
  if (plan_last > 0) {
    const size_t first_appended = m.lines().size() - std::min(m.lines().size(), plan_last);
    std::stable_partition(sequence.begin(), sequence.end(), [&](LineId id) { return id.index() < first_appended; });
    std::sort(sequence.end() - static_cast<ptrdiff_t>(m.lines().size() - first_appended), sequence.end());
  }
  return sequence;
}

std::vector<LineId> PlanningSequence(const Model& m, const PlanOptions& options) {
  return PlanningSequence(m, *MakeAllocation(options.policy), options.plan_last);
}

}  // namespace takt
