#pragma once
// Loads a dataset folder (docs/format.md) into a validated, immutable Model. Every problem found is
// reported; the model is returned only when there are no errors, so a bad file leaves nothing
// half-loaded.

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/diagnostics.h"
#include "model/model.h"

namespace takt {

/// The files of a dataset in memory: (file name, CSV text).
using DatasetFiles = std::vector<std::pair<std::string, std::string>>;

/// Loads and validates the dataset in `dir`. Null when any error was reported.
std::shared_ptr<const Model> LoadDataset(const std::filesystem::path& dir, Diagnostics& diagnostics);

/// Same, from files held in memory; a file not in the list is missing.
std::shared_ptr<const Model> LoadDataset(const DatasetFiles& files, Diagnostics& diagnostics);

}  // namespace takt
