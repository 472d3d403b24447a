#pragma once
// Problems found in user input. Bad input is data, not an exception: every problem is collected with
// a stable code, its place (file, line, column) and a sentence in the user's own codes.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace takt {

enum class Severity : uint8_t { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;     ///< stable identifier, e.g. "unknown-reference"; tests and scripts match on it
  std::string file;     ///< file name within the dataset, e.g. "orders.csv"; empty for dataset-wide problems
  int line = 0;         ///< 1-based physical line of the record; 0 when the problem concerns the whole file
  std::string column;   ///< column name, empty when not about one field
  std::string message;  ///< one sentence, in the user's codes
  std::string hint;     ///< how to fix it, or empty
};

/// "orders.csv:17 [item] error unknown-reference: ...\n    hint: ..."
std::string FormatDiagnostic(const Diagnostic& d);

/// Collects problems. Keeps at most `max_per_code` of each code and counts the rest, so ten thousand
/// bad rows print as ten examples and "... and 9,990 more".
class Diagnostics {
 public:
  explicit Diagnostics(int max_per_code = 10) : max_per_code_(max_per_code) {}

  void Add(Diagnostic d);
  void Error(std::string_view code, std::string_view file, int line, std::string_view column,
             std::string message, std::string hint = {});
  void Warning(std::string_view code, std::string_view file, int line, std::string_view column,
               std::string message, std::string hint = {});

  /// False once `code` has reached its cap: callers skip costly work (suggestions) for problems
  /// that would only be counted.
  bool WillKeep(std::string_view code) const;

  int64_t error_count() const { return error_count_; }
  int64_t warning_count() const { return warning_count_; }
  bool has_errors() const { return error_count_ > 0; }
  const std::vector<Diagnostic>& kept() const { return kept_; }
  /// Problems counted but not kept, per code, in order of first suppression.
  const std::vector<std::pair<std::string, int64_t>>& suppressed() const { return suppressed_; }
  /// True if any problem with this code was recorded (kept or not).
  bool Has(std::string_view code) const;

  /// Every kept problem, then one line per capped code.
  void Print(std::FILE* out) const;

 private:
  int max_per_code_;
  int64_t error_count_ = 0;
  int64_t warning_count_ = 0;
  std::vector<Diagnostic> kept_;
  std::unordered_map<std::string, int64_t> per_code_;
  std::vector<std::pair<std::string, int64_t>> suppressed_;
};

}  // namespace takt
