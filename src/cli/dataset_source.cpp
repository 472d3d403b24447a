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

Status LoadDatasetSource(const DatasetSource& source, Diagnostics& diagnostics, SourcedDataset& out) {
  if (source.dir.empty() == source.db.empty()) {
    return Status::Error(ErrorKind::kInvalid,
                         source.dir.empty()
                             ? "give a dataset folder, or --db FILE for a store"
                             : fmt::format("give a dataset folder ({}) or --db {}, not both", source.dir, source.db));
  }
  if (!source.dir.empty()) {
    out.label = source.dir;
    out.model = LoadDataset(std::filesystem::path(source.dir), diagnostics);
    return Status::Ok();
  }

  if (!out.store) {
    Result<std::unique_ptr<Store>> opened = OpenStore(source.db, Store::Mode::kExisting);
    if (!opened.ok()) return opened.status();
    out.store = std::move(*opened);
  }
  Store& store = *out.store;
  if (source.version.empty()) {
    const Result<int64_t> latest = store.Latest(kDatasetKind);
    if (!latest.ok()) return latest.status();
    if (*latest == 0) {
      return Status::Error(ErrorKind::kNotFound, fmt::format("{} holds no dataset yet; add one with 'takt import DIR "
                                                             "--db {}'",
                                                             source.db, source.db));
    }
    out.version = *latest;
  } else {
    const Result<int64_t> id = store.Resolve(kDatasetKind, source.version);
    if (id.Is(ErrorKind::kNotFound)) {
      return Status::Error(ErrorKind::kNotFound, fmt::format("{} has no dataset version '{}' (see 'takt versions "
                                                             "--db {}')",
                                                             source.db, source.version, source.db));
    }
    if (!id.ok()) return id.status();
    out.version = *id;
  }
  const Result<VersionInfo> info = store.Version(out.version);
  if (!info.ok()) return info.status();
  const Result<DatasetFiles> files = store.LoadDatasetFiles(out.version);
  if (!files.ok()) return files.status();
  out.label = fmt::format("{} dataset {} ({})", source.db, out.version, info->name);
  out.model = LoadDataset(*files, diagnostics);
  return Status::Ok();
}

}  // namespace takt::cli
