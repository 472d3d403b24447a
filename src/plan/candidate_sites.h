#pragma once
// Where a line of an item can be supplied from when it names no site.

#include <vector>

#include "model/model.h"

namespace takt {

/// Per item, the sites that build it, hold supply of it, or can buy it (any site, for items with a
/// lead time), in site order.
std::vector<std::vector<SiteId>> CandidateSites(const Model& model);

}  // namespace takt
