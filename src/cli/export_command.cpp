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
std::optional<int64_t> Find(Store& store, const std::string& version) {
  for (std::string_view kind : {kDatasetKind, kPlanKind, kScenarioKind}) {
    if (auto id = store.Resolve(kind, version)) return id;
  }
  return std::nullopt;
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
  std::string error;
  std::unique_ptr<Store> store = Store::Open(o.db, error, Store::Mode::kExisting);
  if (!store) {
    fmt::print(stderr, "takt export: {}\n", error);
    return kExitFailed;
  }
  int64_t id = 0;
  if (o.version.empty()) {
    id = store->Latest(kDatasetKind);
    if (id == 0) {
      fmt::print(stderr, "takt export: {} holds no dataset\n", o.db);
      return kExitFailed;
    }
  } else if (auto resolved = Find(*store, o.version)) {
    id = *resolved;
  } else {
    fmt::print(stderr, "takt export: {} has no version '{}' (see 'takt versions --db {}')\n", o.db, o.version, o.db);
    return kExitFailed;
  }
  const VersionInfo info = *store->Version(id);
  std::optional<DatasetFiles> files;
  if (info.kind == kDatasetKind) {
    files = store->LoadDatasetFiles(id);
  } else if (info.kind == kPlanKind) {
    files = store->LoadPlanFiles(id);
  } else if (auto text = store->ScenarioText(id)) {
    files = DatasetFiles{{std::string(kScenarioFileName), std::move(*text)}};
  }
  if (!files) {
    fmt::print(stderr, "takt export: {}: version {} cannot be read\n", o.db, id);
    return kExitFailed;
  }
  // Each file goes to a temporary name and is renamed into place: a reader of the folder never
  // sees half a file, and a failure leaves the previous file whole.
  error = WriteDatasetFolder(*files, o.out);
  if (!error.empty()) {
    fmt::print(stderr, "takt export: {}\n", error);
    return kExitFailed;
  }
  fmt::print("exported {} version {} '{}' ({} files, {}) to {}\n", info.kind, id, info.name, files->size(),
             FormatBytes(info.bytes), o.out);
  return kExitOk;
}

}  // namespace takt::cli
