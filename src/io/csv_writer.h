#pragma once
// CSV output (RFC 4180, LF line ends, UTF-8 without BOM) built in memory, then written atomically.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/decimal.h"

namespace takt {

/// Appends CSV rows to a string. Fields are quoted only when they must be.
class CsvWriter {
 public:
  explicit CsvWriter(std::string& out) : out_(out) {}

  CsvWriter& Text(std::string_view value);
  CsvWriter& Int(int64_t value);
  CsvWriter& Date(Day value);  ///< empty for kNoDay
  CsvWriter& Decimal(Fixed4 value);
  /// `prefix` then `number` zero-padded to `width` digits: Id("WO-", 42, 7) is WO-0000042.
  CsvWriter& Id(std::string_view prefix, int64_t number, int width);
  CsvWriter& Empty();
  void EndRow();

 private:
  void Separate();
  std::string& out_;
  bool row_started_ = false;
};

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so a reader
/// never sees a half-written file and an existing file survives a failed write. Returns an error
/// message, or "" on success.
std::string WriteFileAtomic(const std::filesystem::path& path, std::string_view content);

}  // namespace takt
