#include "cli/dataset_source.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "io/dataset_loader.h"

namespace takt::cli {

void AddDatasetSource(CLI::App* command, DatasetSource& source) {
  command->add_option("dir", source.dir, "Dataset folder (see docs/format.md), or --db");
  CLI::Option* db = command->add_option("--db", source.db, "Read the dataset from this store (takt import)");
  command->add_option("--version", source.version, "Dataset version in the store, number or name (default: the newest)")
      ->needs(db);
}

std::string LoadDatasetSource(const DatasetSource& source, Diagnostics& diagnostics, SourcedDataset& out) {
  if (source.dir.empty() == source.db.empty()) {
    return source.dir.empty() ? "give a dataset folder, or --db FILE for a store"
                              : fmt::format("give a dataset folder ({}) or --db {}, not both", source.dir, source.db);
  }
  if (!source.dir.empty()) {
    out.label = source.dir;
    out.model = LoadDataset(std::filesystem::path(source.dir), diagnostics);
    return "";
  }

  if (!out.store) {
    std::string error;
    out.store = Store::Open(source.db, error, Store::Mode::kExisting);
    if (!out.store) return error;
  }
  Store& store = *out.store;
  if (source.version.empty()) {
    out.version = store.Latest(kDatasetKind);
    if (out.version == 0) {
      return fmt::format("{} holds no dataset yet; add one with 'takt import DIR --db {}'", source.db, source.db);
    }
  } else if (auto id = store.Resolve(kDatasetKind, source.version)) {
    out.version = *id;
  } else {
    return fmt::format("{} has no dataset version '{}' (see 'takt versions --db {}')", source.db, source.version,
                       source.db);
  }
  const std::optional<VersionInfo> info = store.Version(out.version);
  const std::optional<DatasetFiles> files = store.LoadDatasetFiles(out.version);
  if (!info || !files) return fmt::format("{}: dataset version {} cannot be read", source.db, out.version);
  out.label = fmt::format("{} dataset {} ({})", source.db, out.version, info->name);
  out.model = LoadDataset(*files, diagnostics);
  return "";
}

}  // namespace takt::cli
