#pragma once
// Writes a Model back out as a dataset folder (docs/format.md): load -> write -> load gives the
// same model.

#include <filesystem>
#include <string>

#include "io/dataset_loader.h"
#include "model/model.h"

namespace takt {

/// The dataset's files as CSV text, in a fixed order.
DatasetFiles WriteDatasetFiles(const Model& model);

/// Writes every file atomically into `dir` (created if needed). Returns an error message or "".
std::string WriteDatasetFolder(const DatasetFiles& files, const std::filesystem::path& dir);

}  // namespace takt
