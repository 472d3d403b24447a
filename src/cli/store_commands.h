#pragma once
// The commands of the store (docs/store.md): import a dataset folder as a new version, list the
// versions, export one back to a folder.

#include <string>

namespace CLI {
class App;
}

namespace takt::cli {

struct ImportOptions {
  std::string dir;
  std::string db;
  std::string name;  ///< default: the folder's name
  std::string user;  ///< default: $USER
  std::string note;
  int max_per_kind = 10;
};
CLI::App* AddImportCommand(CLI::App& app, ImportOptions& options);
int RunImport(const ImportOptions& options);

struct VersionsOptions {
  std::string db;
  std::string kind;  ///< dataset | plan | scenario; empty: all
  bool all = false;  ///< deleted scenarios too
};
CLI::App* AddVersionsCommand(CLI::App& app, VersionsOptions& options);
int RunVersions(const VersionsOptions& options);

struct ExportOptions {
  std::string db;
  std::string version;  ///< number or name; default the newest dataset
  std::string out;
};
CLI::App* AddExportCommand(CLI::App& app, ExportOptions& options);
int RunExport(const ExportOptions& options);

}  // namespace takt::cli
