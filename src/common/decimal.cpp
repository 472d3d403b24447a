#include "common/decimal.h"

#include <fmt/format.h>

#include <cstdlib>

namespace takt {

DecimalParse ParseDecimal(std::string_view text) {
  DecimalParse result;
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  constexpr int64_t kMaxUnits = 100000000000000;  // 10^14 whole units
  int64_t whole = 0;
  size_t whole_digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > kMaxUnits) {
      result.error = DecimalError::kOutOfRange;
      return result;
    }
  }
  int64_t fraction = 0;
  size_t fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++fraction_digits) {
      if (fraction_digits < kDecimalPlaces) {
        fraction = fraction * 10 + (text[i] - '0');
      } else if (text[i] != '0') {
        result.error = DecimalError::kTooManyDecimals;
        return result;
      }
    }
  }
  if (i != text.size() || whole_digits + fraction_digits == 0) {
    result.error = DecimalError::kNotANumber;
    return result;
  }
  for (size_t d = fraction_digits; d < kDecimalPlaces; ++d) fraction *= 10;
  const int64_t value = whole * kDecimalScale + fraction;
  result.value = negative ? -value : value;
  return result;
}

std::string FormatDecimal(Fixed4 value) {
  const bool negative = value < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  const uint64_t whole = magnitude / kDecimalScale;
  uint64_t fraction = magnitude % kDecimalScale;
  std::string out = negative ? "-" : "";
  out += std::to_string(whole);
  if (fraction != 0) {
    char digits[kDecimalPlaces + 1] = {};
    for (int d = kDecimalPlaces - 1; d >= 0; --d) {
      digits[d] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    int len = kDecimalPlaces;
    while (len > 0 && digits[len - 1] == '0') --len;
    out += '.';
    out.append(digits, static_cast<size_t>(len));
  }
  return out;
}

std::string FormatMoney(Money value) {
  const bool negative = value < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  magnitude = (magnitude + kDecimalScale / 200) / (kDecimalScale / 100);  // to cents, rounded
  const uint64_t cents = magnitude % 100;
  std::string whole = std::to_string(magnitude / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return fmt::format("{}{}.{:02}", negative ? "-" : "", grouped, cents);
}

std::string FormatMoneyShort(Money value, std::string_view currency) {
  const double units = static_cast<double>(value) / static_cast<double>(kDecimalScale);
  const double magnitude = units < 0 ? -units : units;
  const std::string prefix = currency == "USD" ? "$" : fmt::format("{} ", currency);
  const char* sign = units < 0 ? "-" : "";
  if (magnitude >= 1e9) return fmt::format("{}{}{:.2f}B", sign, prefix, magnitude / 1e9);
  if (magnitude >= 1e6) return fmt::format("{}{}{:.1f}M", sign, prefix, magnitude / 1e6);
  if (magnitude >= 1e3) return fmt::format("{}{}{:.1f}k", sign, prefix, magnitude / 1e3);
  return fmt::format("{}{}{:.2f}", sign, prefix, magnitude);
}

}  // namespace takt
