#include "planfiles/plan_reader.h"

#include <fmt/format.h>

#include <cstdio>
#include <system_error>

namespace takt::planfiles {

namespace {

/// The whole file, or nothing when it cannot be opened or read.
std::optional<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string content;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) content.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) content.append(buffer, got);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return std::nullopt;
  return content;
}

}  // namespace

FileSource FolderSource(const std::filesystem::path& dir, Diagnostics& diagnostics) {
  return [dir, &diagnostics](std::string_view name, bool& unreadable) -> std::optional<std::string> {
    const std::filesystem::path path = dir / name;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    auto content = ReadWholeFile(path);
    if (!content) {
      unreadable = true;
      diagnostics.Error("unreadable-file", name, 0, "", fmt::format("cannot read '{}'", path.string()));
    }
    return content;
  };
}

FileSource MemorySource(const PlanFiles& files) {
  return [&files](std::string_view name, bool&) -> std::optional<std::string> {
    const std::string* content = files.Find(name);
    return content == nullptr ? std::nullopt : std::optional<std::string>(*content);
  };
}

std::optional<std::string> OpenPlanFile(const FileSource& source, std::string_view name, Diagnostics& d) {
  bool unreadable = false;
  std::optional<std::string> content = source(name, unreadable);
  if (!content && !unreadable) {
    d.Error("missing-file", name, 0, "", fmt::format("the plan has no {}", name),
            "write the plan with 'takt plan DIR --out PLANDIR' and check that folder");
  }
  return content;
}

std::optional<JsonValue> ReadPlanSummary(const FileSource& source, Diagnostics& d, FileState& state) {
  state = {};
  const std::optional<std::string> content = OpenPlanFile(source, kSummaryFile, d);
  if (!content) return std::nullopt;
  state.present = true;
  JsonError error;
  std::optional<JsonValue> summary = ParseJson(*content, error);
  if (!summary) {
    d.Error("bad-json", kSummaryFile, error.line, "",
            error.line > 0 ? fmt::format("column {}: {}", error.column, error.message) : error.message);
    return std::nullopt;
  }
  if (summary->kind != JsonValue::Kind::kObject) {
    d.Error("bad-json", kSummaryFile, 0, "", "summary.json must hold one JSON object");
    return std::nullopt;
  }
  state.readable = true;
  state.complete = true;
  return summary;
}

}  // namespace takt::planfiles
