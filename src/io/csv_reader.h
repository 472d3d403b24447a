#pragma once
// RFC 4180 reader over a whole file held in memory. Quoted fields are unescaped in place, so
// records are views into the buffer and reading a million lines allocates almost nothing.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"

namespace takt {

/// Longest field accepted, in bytes; longer ones are reported (`field-too-long`), not truncated.
inline constexpr size_t kMaxFieldBytes = 65536;

struct CsvRecord {
  int line = 0;  ///< physical line (1-based) where the record starts
  std::vector<std::string_view> fields;
};

class CsvReader {
 public:
  /// Reads a file. Reports `unreadable-file`, `empty-file` or `bad-encoding` and returns nothing when the
  /// file cannot be used at all.
  static std::optional<CsvReader> Open(const std::filesystem::path& path, std::string file_name,
                                       Diagnostics& diagnostics);
  /// From text already in memory (tests, generated data). Same checks as Open.
  static std::optional<CsvReader> FromText(std::string content, std::string file_name, Diagnostics& diagnostics);

  const std::string& file_name() const { return file_name_; }

  /// The header row (names trimmed). False with `empty-file` when the file has no header line or
  /// `duplicate-column` when a name repeats.
  bool ReadHeader(Diagnostics& diagnostics);
  const std::vector<std::string>& header() const { return header_; }

  /// The next well-formed record. Malformed records (unterminated quote, wrong field count,
  /// oversize field) are reported and skipped. False at the end of the file.
  bool Next(CsvRecord& record, Diagnostics& diagnostics);

 private:
  CsvReader(std::string content, std::string file_name) : content_(std::move(content)), file_name_(std::move(file_name)) {}
  bool Validate(Diagnostics& diagnostics);
  enum class Parse { kRecord, kBad, kEnd };
  Parse ParseRecord(CsvRecord& record, Diagnostics& diagnostics);
  void SkipToLineEnd();

  std::string content_;
  std::string file_name_;
  size_t pos_ = 0;
  int line_ = 1;
  std::vector<std::string> header_;
};

}  // namespace takt
