// takt import: a dataset folder, validated, saved as a new dataset version in a store.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/stopwatch.h"
#include "cli/store_commands.h"
#include "cli/store_progress.h"
#include "io/dataset_loader.h"
#include "store/store.h"

namespace takt::cli {

namespace {

bool IsCsv(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".csv";
}

/// The CSV files of a folder, by name: what the store keeps of a dataset. Returns an error or "".
std::string ReadCsvFiles(const std::filesystem::path& dir, DatasetFiles& files) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec) || !IsCsv(entry.path())) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in || in.bad()) return fmt::format("cannot read {}", entry.path().string());
    files.emplace_back(entry.path().filename().string(), std::move(content).str());
  }
  if (ec) return fmt::format("cannot list {}: {}", dir.string(), ec.message());
  std::sort(files.begin(), files.end());
  return "";
}

}  // namespace

CLI::App* AddImportCommand(CLI::App& app, ImportOptions& o) {
  CLI::App* cmd = app.add_subcommand("import", "Validate a dataset folder and save it in a store as a new version");
  cmd->add_option("dir", o.dir, "Dataset folder (see docs/format.md)")->required();
  cmd->add_option("--db", o.db, "Store file, created if missing")->required();
  cmd->add_option("--name", o.name, "Name of the version (default: the folder's name)");
  cmd->add_option("--user", o.user, "Who imports it (default: $USER)");
  cmd->add_option("--note", o.note, "A note kept with the version");
  cmd->add_option("--max-per-kind", o.max_per_kind, "Problems shown per kind before counting the rest")
      ->default_val(10)
      ->check(CLI::Range(1, 1000000));
  return cmd;
}

int RunImport(const ImportOptions& o) {
  Stopwatch watch;
  const std::filesystem::path dir(o.dir);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    Diagnostics diagnostics;
    LoadDataset(dir, diagnostics);  // reports the missing folder as `takt validate` does
    diagnostics.Print(stdout);
    fmt::print("{}: nothing imported\n", o.dir);
    return kExitBadData;
  }
  DatasetFiles files;
  if (const std::string error = ReadCsvFiles(dir, files); !error.empty()) {
    fmt::print(stderr, "takt import: {}\n", error);
    return kExitFailed;
  }

  // Validated from the very bytes that will be stored, so the store never holds a dataset that
  // does not load.
  Diagnostics diagnostics(o.max_per_kind);
  const bool valid = LoadDataset(files, diagnostics) != nullptr;
  diagnostics.Print(stdout);
  if (!diagnostics.kept().empty()) fmt::print("\n");
  fmt::print("{}: {} error{}, {} warning{} ({:.2f} s)\n", o.dir, diagnostics.error_count(),
             diagnostics.error_count() == 1 ? "" : "s", diagnostics.warning_count(),
             diagnostics.warning_count() == 1 ? "" : "s", watch.Lap());
  if (!valid) {
    fmt::print("{}: the dataset has errors; nothing imported\n", o.dir);
    return kExitBadData;
  }

  std::string name = o.name;
  if (name.empty()) {
    std::filesystem::path folder = std::filesystem::absolute(dir).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path();  // written with a trailing slash
    name = folder.filename().string();
  }
  if (name.empty()) name = "dataset";  // the root folder
  if (name.find_first_not_of("0123456789") == std::string::npos) {
    fmt::print(stderr, "takt import: the name '{}' is only digits, which would read as a version number; give "
                       "--name\n", name);
    return kExitFailed;
  }

  Result<std::unique_ptr<Store>> store = OpenStore(o.db, Store::Mode::kCreate);
  if (!store.ok()) {
    fmt::print(stderr, "takt import: {}\n", store.message());
    return kExitFailed;
  }
  const Result<int64_t> version = (*store)->SaveDataset(
      files, {name, o.user.empty() ? CurrentUser() : o.user, o.note}, ProgressLines("importing"));
  if (!version.ok()) {
    fmt::print(stderr, "takt import: {}\n", version.message());
    return kExitFailed;
  }
  int64_t bytes = 0;
  for (const auto& [file_name, content] : files) bytes += static_cast<int64_t>(content.size());
  fmt::print("imported {} into {} as dataset version {} '{}' ({} files, {}, {:.2f} s)\n", o.dir, o.db, *version, name,
             files.size(), FormatBytes(bytes), watch.Lap());
  return kExitOk;
}

}  // namespace takt::cli
