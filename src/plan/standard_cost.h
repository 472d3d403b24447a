#pragma once

#include <vector>

#include "common/decimal.h"
#include "model/model.h"

namespace takt {

/// Per item: its unit_cost when it has no BOM, else the sum over its BOM of qty_per x the
/// component's standard cost. Exact (fixed-point).
std::vector<Money> StandardCosts(const Model& model);

}  // namespace takt
