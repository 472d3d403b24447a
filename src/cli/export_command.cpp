// takt export: the files of a stored version written back to a folder.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/store_commands.h"
#include "cli/store_progress.h"
#include "io/dataset_writer.h"
#include "store/store.h"

namespace takt::cli {

namespace {

/// A number is one version; a name is looked for among datasets, then plans, then scenarios (a plan
/// is named after its dataset by default).
Result<int64_t> Find(Store& store, const std::string& version) {
  for (std::string_view kind : {kDatasetKind, kPlanKind, kScenarioKind}) {
    Result<int64_t> id = store.Resolve(kind, version);
    if (!id.Is(ErrorKind::kNotFound)) return id;
  }
  return Status::Error(ErrorKind::kNotFound, fmt::format("{} has no version '{}' (see 'takt versions --db {}')",
                                                         store.location(), version, store.location()));
}

/// The files of a version, whatever its kind: a scenario's text as its one file.
Result<DatasetFiles> FilesOf(Store& store, const VersionInfo& info) {
  if (info.kind == kDatasetKind) return store.LoadDatasetFiles(info.id);
  if (info.kind == kPlanKind) return store.LoadPlanFiles(info.id);
  Result<std::string> text = store.ScenarioText(info.id);
  if (!text.ok()) return text.status();
  return DatasetFiles{{std::string(kScenarioFileName), std::move(*text)}};
}

}  // namespace

CLI::App* AddExportCommand(CLI::App& app, ExportOptions& o) {
  CLI::App* cmd = app.add_subcommand("export", "Write a stored dataset, plan or scenario version to a folder");
  cmd->add_option("--db", o.db, "Store file")->required();
  cmd->add_option("--version", o.version, "Version: a number, or a name (a dataset first, then a plan, then a scenario); default the newest dataset");
  cmd->add_option("--out", o.out, "Folder to write the files to")->required();
  return cmd;
}

int RunExport(const ExportOptions& o) {
  Result<std::unique_ptr<Store>> opened = OpenStore(o.db, Store::Mode::kExisting);
  if (!opened.ok()) {
    fmt::print(stderr, "takt export: {}\n", opened.message());
    return kExitFailed;
  }
  Store& store = **opened;
  Result<int64_t> id = o.version.empty() ? store.Latest(kDatasetKind) : Find(store, o.version);
  if (!id.ok()) {
    fmt::print(stderr, "takt export: {}\n", id.message());
    return kExitFailed;
  }
  if (*id == 0) {
    fmt::print(stderr, "takt export: {} holds no dataset\n", o.db);
    return kExitFailed;
  }
  const Result<VersionInfo> info = store.Version(*id);
  if (!info.ok()) {
    fmt::print(stderr, "takt export: {}\n", info.message());
    return kExitFailed;
  }
  const Result<DatasetFiles> files = FilesOf(store, *info);
  if (!files.ok()) {
    if (files.Is(ErrorKind::kNotFound)) {
      fmt::print(stderr, "takt export: {}: version {} cannot be read\n", o.db, *id);
    } else {
      fmt::print(stderr, "takt export: {}\n", files.message());
    }
    return kExitFailed;
  }
  // Each file goes to a temporary name and is renamed into place: a reader of the folder never
  // sees half a file, and a failure leaves the previous file whole.
  const std::string error = WriteDatasetFolder(*files, o.out);
  if (!error.empty()) {
    fmt::print(stderr, "takt export: {}\n", error);
    return kExitFailed;
  }
  fmt::print("exported {} version {} '{}' ({} files, {}) to {}\n", info->kind, *id, info->name, files->size(),
             FormatBytes(info->bytes), o.out);
  return kExitOk;
}

}  // namespace takt::cli
