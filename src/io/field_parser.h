#pragma once
// Typed access to the fields of one CSV file's records, by column name, with every problem
// reported in the user's terms (file, line, column, value).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "common/diagnostics.h"
#include "io/csv_reader.h"

namespace takt {

struct ColumnSpec {
  std::string_view name;
  bool required = true;
};

/// Longest code (item, site, order, ...) accepted.
inline constexpr size_t kMaxCodeBytes = 128;

/// Maps a file's header to the columns a loader asks for (by index into its ColumnSpec list) and
/// parses fields of the current record. Each failed field is reported and marks the record bad.
class FieldParser {
 public:
  /// Reports `missing-column` for each required column not in the header and `unknown-column`
  /// (a warning, with a suggestion) for header names not in `columns`.
  FieldParser(std::string_view file, std::span<const ColumnSpec> columns, const std::vector<std::string>& header,
              Diagnostics& diagnostics);

  /// False when a required column is missing: the file's records cannot be read.
  bool columns_ok() const { return columns_ok_; }
  bool has_column(size_t column) const { return index_[column] >= 0; }

  void Start(const CsvRecord& record);
  int line() const { return line_; }
  /// False once any field of the current record failed to parse.
  bool record_ok() const { return record_ok_; }
  std::string_view file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }

  /// Trimmed text; "" when empty or the column is absent.
  std::string_view Text(size_t column) const;
  /// A non-empty code of at most kMaxCodeBytes.
  std::optional<std::string_view> Code(size_t column);
  /// Optional code: "" when empty.
  std::optional<std::string_view> OptionalCode(size_t column);
  /// Integer in [min, max]; `fallback` when empty (an empty required value is `missing-value`).
  std::optional<int64_t> Int(size_t column, int64_t min, int64_t max, std::optional<int64_t> fallback = {});
  /// Decimal (Fixed4) >= min; `fallback` when empty.
  std::optional<Fixed4> Decimal(size_t column, Fixed4 min, std::optional<Fixed4> fallback = {});
  /// A date; `fallback` (may be kNoDay) when empty.
  std::optional<Day> Date(size_t column, std::optional<Day> fallback = {});
  /// Index of the value in `names` (exact match after trimming; case-insensitive if asked).
  std::optional<int> Enum(size_t column, std::span<const std::string_view> names, std::optional<int> fallback = {},
                          bool ignore_case = false);
  /// An ISO 3166-1 alpha-2 country code.
  std::optional<std::string_view> Country(size_t column);

  /// Reports a problem with the current record at `column`; errors mark the record bad.
  void Error(size_t column, std::string_view code, std::string message, std::string hint = {});
  void Warning(size_t column, std::string_view code, std::string message, std::string hint = {});

 private:
  bool Missing(size_t column, std::string_view text, bool has_fallback);

  std::string file_;
  std::span<const ColumnSpec> columns_;
  std::vector<int> index_;  ///< header position of each requested column, -1 when absent
  Diagnostics& diagnostics_;
  bool columns_ok_ = true;
  const CsvRecord* record_ = nullptr;
  int line_ = 0;
  bool record_ok_ = true;
};

/// Shortens a user value for quoting in a message ("'abc...'" past 40 characters).
std::string Quote(std::string_view value);

}  // namespace takt
