#pragma once
// The one reader of plan folders: where a plan file's text comes from (a folder, files in memory),
// what reading it came to, and its records with every field parsed as plan_format.h declares.
// Consumers (the checker, the comparison) decide what to keep of each record and resolve codes.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostics.h"
#include "io/csv_reader.h"
#include "planfiles/plan_files.h"
#include "planfiles/plan_format.h"
#include "planfiles/summary_json.h"

namespace takt::planfiles {

/// Gives the text of one plan file: nothing when the file is absent, or, with `unreadable` set,
/// when it exists but could not be read (the source reports that itself).
using FileSource = std::function<std::optional<std::string>(std::string_view name, bool& unreadable)>;

/// The files of a plan folder, each read whole when asked for (one file's text held at a time: a
/// million-line plan is a gigabyte). A file that exists but cannot be read is `unreadable-file`.
FileSource FolderSource(const std::filesystem::path& dir, Diagnostics& diagnostics);
/// Files in memory; `files` must outlive the source.
FileSource MemorySource(const PlanFiles& files);

/// What reading one file came to. Checks that add up a whole file run only on complete files,
/// so that one bad row is reported once and not again as a shortage or a wrong total.
struct FileState {
  bool present = false;
  bool readable = false;  ///< present with every column: its rows could be read
  bool complete = false;  ///< readable, and every row parsed (and, for the checker, resolved)
};

/// The text of a plan file, or nothing when it is missing (reported: `missing-file`) or unreadable
/// (reported by the source).
std::optional<std::string> OpenPlanFile(const FileSource& source, std::string_view name, Diagnostics& diagnostics);

/// Reads the records of the plan CSV file that `Columns` (plan_format.h) declares, calling
/// `on_row(PlanRow&)` for each well-formed record; `on_row` returns false for a row it could not
/// use. Missing files and columns, malformed records and fields are reported.
template <typename Columns, typename OnRow>
FileState ReadPlanCsv(const FileSource& source, Diagnostics& d, OnRow on_row) {
  FileState state;
  std::optional<std::string> content = OpenPlanFile(source, Columns::kFile, d);
  if (!content) return state;
  state.present = true;
  std::optional<CsvReader> reader = CsvReader::FromText(std::move(*content), std::string(Columns::kFile), d);
  if (!reader || !reader->ReadHeader(d)) return state;
  PlanRow row(Columns::kFile, Columns::kSpecs, reader->header(), d);
  if (!row.columns_ok()) return state;
  state.readable = true;
  bool complete = true;
  CsvRecord record;
  for (;;) {
    // The reader reports and skips malformed records; any such report leaves the file incomplete.
    const int64_t errors_before = d.error_count();
    const bool more = reader->Next(record, d);
    if (d.error_count() != errors_before) complete = false;
    if (!more) break;
    row.Start(record);
    if (!on_row(row)) complete = false;
  }
  state.complete = complete;
  return state;
}

/// summary.json as a JSON tree that keeps numbers as written; nothing, reported (`missing-file`,
/// `bad-json`), when it is missing, not JSON or not one object. `state` says which.
std::optional<JsonValue> ReadPlanSummary(const FileSource& source, Diagnostics& d, FileState& state);

}  // namespace takt::planfiles
