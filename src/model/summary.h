#pragma once
// A one-screen description of a dataset, for `takt validate`.

#include <string>

#include "model/model.h"

namespace takt {

std::string FormatSummary(const Model& model);

}  // namespace takt
