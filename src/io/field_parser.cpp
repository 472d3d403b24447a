#include "io/field_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/country_codes.h"
#include "common/suggest.h"

namespace takt {

std::string Quote(std::string_view value) {
  constexpr size_t kShown = 40;
  if (value.size() <= kShown) return fmt::format("'{}'", value);
  size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return fmt::format("'{}...' ({} bytes)", value.substr(0, cut), value.size());
}

FieldParser::FieldParser(std::string_view file, std::span<const ColumnSpec> columns,
                         const std::vector<std::string>& header, Diagnostics& diagnostics)
    : file_(file), columns_(columns), index_(columns.size(), -1), diagnostics_(diagnostics) {
  std::vector<std::string> expected;
  for (const ColumnSpec& c : columns) expected.emplace_back(c.name);
  for (size_t h = 0; h < header.size(); ++h) {
    auto it = std::find(expected.begin(), expected.end(), header[h]);
    if (it != expected.end()) {
      index_[static_cast<size_t>(it - expected.begin())] = static_cast<int>(h);
    } else if (!header[h].empty()) {
      diagnostics_.Warning("unknown-column", file_, 1, header[h],
                           fmt::format("column {} is not a column of {}; its values are ignored", Quote(header[h]),
                                       file_),
                           DidYouMean(header[h], expected));
    }
  }
  for (size_t c = 0; c < columns.size(); ++c) {
    if (index_[c] < 0 && columns[c].required) {
      std::string hint;
      const std::string close = Suggest(columns[c].name, std::span<const std::string>(header));
      if (!close.empty()) hint = fmt::format("is '{}' meant to be '{}'?", close, columns[c].name);
      diagnostics_.Error("missing-column", file_, 1, columns[c].name,
                         fmt::format("required column '{}' is missing from the header", columns[c].name), hint);
      columns_ok_ = false;
    }
  }
}

void FieldParser::Start(const CsvRecord& record) {
  record_ = &record;
  line_ = record.line;
  record_ok_ = true;
}

std::string_view FieldParser::Text(size_t column) const {
  const int at = index_[column];
  if (at < 0) return {};
  std::string_view v = record_->fields[static_cast<size_t>(at)];
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

void FieldParser::Error(size_t column, std::string_view code, std::string message, std::string hint) {
  record_ok_ = false;
  diagnostics_.Error(code, file_, line_, columns_[column].name, std::move(message), std::move(hint));
}

void FieldParser::Warning(size_t column, std::string_view code, std::string message, std::string hint) {
  diagnostics_.Warning(code, file_, line_, columns_[column].name, std::move(message), std::move(hint));
}

bool FieldParser::Missing(size_t column, std::string_view text, bool has_fallback) {
  if (!text.empty()) return false;
  if (!has_fallback) Error(column, "missing-value", fmt::format("{} is empty", columns_[column].name));
  return true;
}

std::optional<std::string_view> FieldParser::Code(size_t column) {
  const std::string_view text = Text(column);
  if (Missing(column, text, false)) return std::nullopt;
  if (text.size() > kMaxCodeBytes) {
    Error(column, "code-too-long",
          fmt::format("{} {} is too long; codes are at most {} bytes", columns_[column].name, Quote(text),
                      kMaxCodeBytes));
    return std::nullopt;
  }
  return text;
}

std::optional<std::string_view> FieldParser::OptionalCode(size_t column) {
  if (Text(column).empty()) return std::string_view();
  return Code(column);
}

std::optional<int64_t> FieldParser::Int(size_t column, int64_t min, int64_t max, std::optional<int64_t> fallback) {
  const std::string_view text = Text(column);
  if (Missing(column, text, fallback.has_value())) return fallback;
  int64_t value = 0;
  std::string_view digits = text.front() == '+' ? text.substr(1) : text;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc::result_out_of_range) {
    Error(column, "out-of-range", fmt::format("{} {} is out of range", columns_[column].name, Quote(text)));
    return std::nullopt;
  }
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    // A whole number written as 12.0 is accepted; 12.5 is not a whole number of units.
    const DecimalParse d = ParseDecimal(text);
    if (d.error == DecimalError::kNone && d.value % kDecimalScale == 0) {
      value = d.value / kDecimalScale;
    } else {
      Error(column, "bad-integer",
            fmt::format("{} {} is not a whole number", columns_[column].name, Quote(text)),
            d.error == DecimalError::kNone ? "quantities are whole units" : "");
      return std::nullopt;
    }
  }
  if (value < min || value > max) {
    // Small ranges are stated whole; for quantities only the bound that was crossed matters.
    const std::string range = max - min <= 10000 ? fmt::format("between {} and {}", min, max)
                              : value < min      ? fmt::format("at least {}", min)
                                                 : fmt::format("at most {}", max);
    Error(column, value < min && min == 1 && value <= 0 ? "not-positive" : "out-of-range",
          fmt::format("{} is {}; it must be {}", columns_[column].name, value, range));
    return std::nullopt;
  }
  return value;
}

std::optional<Fixed4> FieldParser::Decimal(size_t column, Fixed4 min, std::optional<Fixed4> fallback) {
  const std::string_view text = Text(column);
  if (Missing(column, text, fallback.has_value())) return fallback;
  const DecimalParse d = ParseDecimal(text);
  switch (d.error) {
    case DecimalError::kNone:
      break;
    case DecimalError::kNotANumber:
      Error(column, "bad-decimal", fmt::format("{} {} is not a number", columns_[column].name, Quote(text)),
            text.find(',') != std::string_view::npos || text.find('$') != std::string_view::npos
                ? "write numbers without thousands separators or currency symbols, e.g. 1250000.50"
                : "");
      return std::nullopt;
    case DecimalError::kTooManyDecimals:
      Error(column, "bad-decimal",
            fmt::format("{} {} has more than {} decimal places", columns_[column].name, Quote(text), kDecimalPlaces));
      return std::nullopt;
    case DecimalError::kOutOfRange:
      Error(column, "out-of-range", fmt::format("{} {} is too large", columns_[column].name, Quote(text)));
      return std::nullopt;
  }
  if (d.value < min) {
    Error(column, min > 0 ? "not-positive" : "negative",
          fmt::format("{} is {}; it must be {}", columns_[column].name, FormatDecimal(d.value),
                      min > 0 ? "greater than 0" : fmt::format("at least {}", FormatDecimal(min))));
    return std::nullopt;
  }
  return d.value;
}

std::optional<Day> FieldParser::Date(size_t column, std::optional<Day> fallback) {
  const std::string_view text = Text(column);
  if (Missing(column, text, fallback.has_value())) return fallback;
  if (auto day = ParseDate(text)) return day;
  Error(column, "bad-date", fmt::format("{} {} is not a date", columns_[column].name, Quote(text)),
        "dates are written YYYY-MM-DD, e.g. 2025-08-15");
  return std::nullopt;
}

std::optional<int> FieldParser::Enum(size_t column, std::span<const std::string_view> names,
                                     std::optional<int> fallback, bool ignore_case) {
  const std::string_view text = Text(column);
  if (Missing(column, text, fallback.has_value())) return fallback;
  for (size_t i = 0; i < names.size(); ++i) {
    const bool same = ignore_case ? std::equal(text.begin(), text.end(), names[i].begin(), names[i].end(),
                                               [](char a, char b) { return std::tolower(a) == std::tolower(b); })
                                  : text == names[i];
    if (same) return static_cast<int>(i);
  }
  std::string allowed;
  for (size_t i = 0; i < names.size(); ++i) allowed += fmt::format("{}'{}'", i == 0 ? "" : ", ", names[i]);
  const std::string close = Suggest(text, names);
  Error(column, "bad-value", fmt::format("{} {} is not one of {}", columns_[column].name, Quote(text), allowed),
        close.empty() ? "" : fmt::format("did you mean '{}'?", close));
  return std::nullopt;
}

std::optional<std::string_view> FieldParser::Country(size_t column) {
  const std::string_view text = Text(column);
  if (Missing(column, text, false)) return std::nullopt;
  if (IsIsoCountryCode(text)) return text;
  std::string hint = "use ISO 3166-1 alpha-2 codes such as US, DE, CN";
  if (text.size() == 2) {
    const std::string upper{static_cast<char>(std::toupper(static_cast<unsigned char>(text[0]))),
                            static_cast<char>(std::toupper(static_cast<unsigned char>(text[1])))};
    if (IsIsoCountryCode(upper)) hint = fmt::format("did you mean '{}'? country codes are upper case", upper);
  }
  Error(column, "bad-country", fmt::format("{} {} is not an ISO 3166 country code", columns_[column].name, Quote(text)),
        hint);
  return std::nullopt;
}

}  // namespace takt
