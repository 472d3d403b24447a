// takt versions: what a store holds, one version a row.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "cli/commands.h"
#include "cli/store_commands.h"
#include "cli/store_progress.h"
#include "store/store.h"

namespace takt::cli {

CLI::App* AddVersionsCommand(CLI::App& app, VersionsOptions& o) {
  CLI::App* cmd = app.add_subcommand("versions", "List the dataset, plan and scenario versions of a store");
  cmd->add_option("--db", o.db, "Store file")->required();
  cmd->add_option("--kind", o.kind, "Only this kind")->check(CLI::IsMember({"dataset", "plan", "scenario"}));
  cmd->add_flag("--all", o.all, "Include deleted scenarios");
  return cmd;
}

int RunVersions(const VersionsOptions& o) {
  Result<std::unique_ptr<Store>> store = OpenStore(o.db, Store::Mode::kExisting);
  if (!store.ok()) {
    fmt::print(stderr, "takt versions: {}\n", store.message());
    return kExitFailed;
  }
  const Result<std::vector<VersionInfo>> listed =
      (*store)->Versions(o.kind, o.all ? DeletedScenarios::kIncluded : DeletedScenarios::kLeftOut);
  if (!listed.ok()) {
    fmt::print(stderr, "takt versions: {}\n", listed.message());
    return kExitFailed;
  }
  const std::vector<VersionInfo>& versions = *listed;
  if (versions.empty()) {
    fmt::print("{} holds no {}versions\n", o.db, o.kind.empty() ? "" : o.kind + " ");
    return kExitOk;
  }
  constexpr size_t kColumns = 8;
  using Row = std::array<std::string, kColumns>;
  std::vector<Row> rows{{"id", "kind", "name", "parent", "created", "by", "size", "note"}};
  for (const VersionInfo& v : versions) {
    rows.push_back({std::to_string(v.id), v.kind, v.name, v.parent == 0 ? "" : std::to_string(v.parent),
                    v.created_at, v.created_by, FormatBytes(v.bytes), v.deleted ? "(deleted) " + v.note : v.note});
  }
  std::array<size_t, kColumns> width{};
  for (const Row& row : rows) {
    for (size_t c = 0; c < kColumns; ++c) width[c] = std::max(width[c], row[c].size());
  }
  for (const Row& row : rows) {
    std::string line;
    for (size_t c = 0; c < kColumns; ++c) {
      const bool numeric = c == 0 || c == 3 || c == 6;  // right-aligned
      if (c + 1 == kColumns) {
        line += row[c];
      } else {
        line += numeric ? fmt::format("{:>{}}  ", row[c], width[c]) : fmt::format("{:<{}}  ", row[c], width[c]);
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    fmt::print("{}\n", line);
  }
  return kExitOk;
}

}  // namespace takt::cli
