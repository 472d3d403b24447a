#include "planfiles/plan_format.h"

namespace takt::planfiles {

std::optional<Fixed4> PlanRow::Amount(size_t column) {
  constexpr Fixed4 kAnyMoney = -1000000000000000000;
  return Decimal(column, kAnyMoney);
}

}  // namespace takt::planfiles
