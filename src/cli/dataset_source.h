#pragma once
// Where a command reads its dataset: a folder (the positional DIR) or a version in a store
// (--db FILE [--version V]); exactly one of the two.

#include <cstdint>
#include <memory>
#include <string>

#include "common/diagnostics.h"
#include "common/result.h"
#include "model/model.h"
#include "store/store.h"

namespace CLI {
class App;
}

namespace takt::cli {

struct DatasetSource {
  std::string dir;      ///< dataset folder
  std::string db;       ///< store file (takt import)
  std::string version;  ///< dataset version in the store, number or name; default the newest
};

/// Adds the optional positional `dir`, --db and --version to a command.
void AddDatasetSource(CLI::App* command, DatasetSource& source);

/// A dataset read from its source.
struct SourcedDataset {
  std::shared_ptr<const Model> model;  ///< null when the dataset has errors (they are in the diagnostics)
  std::string label;                   ///< for messages: the folder, or "takt.db dataset 3 (demo)"
  std::unique_ptr<Store> store;        ///< open when the dataset came from a store
  int64_t version = 0;                 ///< the dataset version in the store
};

/// Loads the dataset. Ok when it was read (the model is still null when the data has errors); an
/// error when the source cannot be used: both or neither of a folder and --db (kInvalid), no such
/// store or no such version (kNotFound), a store that fails. A store already open in `out` is used
/// as it is.
Status LoadDatasetSource(const DatasetSource& source, Diagnostics& diagnostics, SourcedDataset& out);

}  // namespace takt::cli
