#include "common/diagnostics.h"

#include <fmt/format.h>

namespace takt {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string place;
  if (!d.file.empty()) {
    place = d.file;
    if (d.line > 0) place += fmt::format(":{}", d.line);
    if (!d.column.empty()) place += fmt::format(" [{}]", d.column);
    place += ' ';
  }
  std::string out = fmt::format("{}{} {}: {}", place,
                                d.severity == Severity::kError ? "error" : "warning", d.code, d.message);
  if (!d.hint.empty()) out += fmt::format("\n    hint: {}", d.hint);
  return out;
}

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kError) {
    ++error_count_;
  } else {
    ++warning_count_;
  }
  int64_t& seen = per_code_[d.code];
  ++seen;
  if (seen <= max_per_code_) {
    kept_.push_back(std::move(d));
    return;
  }
  for (auto& [code, count] : suppressed_) {
    if (code == d.code) {
      ++count;
      return;
    }
  }
  suppressed_.emplace_back(d.code, 1);
}

void Diagnostics::Error(std::string_view code, std::string_view file, int line, std::string_view column,
                        std::string message, std::string hint) {
  Add({Severity::kError, std::string(code), std::string(file), line, std::string(column), std::move(message),
       std::move(hint)});
}

void Diagnostics::Warning(std::string_view code, std::string_view file, int line, std::string_view column,
                          std::string message, std::string hint) {
  Add({Severity::kWarning, std::string(code), std::string(file), line, std::string(column), std::move(message),
       std::move(hint)});
}

bool Diagnostics::WillKeep(std::string_view code) const {
  auto it = per_code_.find(std::string(code));
  return it == per_code_.end() || it->second < max_per_code_;
}

bool Diagnostics::Has(std::string_view code) const { return per_code_.count(std::string(code)) > 0; }

void Diagnostics::Print(std::FILE* out) const {
  for (const Diagnostic& d : kept_) fmt::print(out, "{}\n", FormatDiagnostic(d));
  for (const auto& [code, count] : suppressed_) {
    fmt::print(out, "... and {} more '{}' problem{} not shown\n", count, code, count == 1 ? "" : "s");
  }
}

}  // namespace takt
