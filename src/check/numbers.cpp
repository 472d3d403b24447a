#include "check/numbers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace takt::check {

std::string FormatWhole(Wide value) {
  const bool negative = value < 0;
  // Work on the negative side so that the most negative value needs no special case.
  Wide v = negative ? value : -value;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' - static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string FormatFixed(Wide value) {
  const bool negative = value < 0;
  Wide v = negative ? value : -value;  // negative side: no overflow at the minimum
  const Wide scale = kDecimalScale;
  const std::string whole = FormatWhole(-(v / scale));
  int fraction = static_cast<int>(-(v % scale));
  std::string out = negative ? "-" : "";
  out += whole;
  if (fraction != 0) {
    int places = kDecimalPlaces;
    while (fraction % 10 == 0) {
      fraction /= 10;
      --places;
    }
    out += fmt::format(".{:0{}}", fraction, places);
  }
  return out;
}

std::string GroupThousands(int64_t value) {
  const std::string digits = FormatWhole(value);
  const size_t sign = value < 0 ? 1 : 0;
  std::string out = digits.substr(0, sign);
  for (size_t i = sign; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::optional<Wide> ParseExactDecimal(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;  // mantissa digits, leading zeros dropped
  int exponent = 0;    // value = digits x 10^exponent
  bool any_digit = false;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    any_digit = true;
    if (!(digits.empty() && text[i] == '0')) digits.push_back(text[i]);
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      any_digit = true;
      if (!(digits.empty() && text[i] == '0')) digits.push_back(text[i]);
      --exponent;
    }
  }
  if (!any_digit) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    int e = 0;
    bool any = false;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      any = true;
      if (e < 100000) e = e * 10 + (text[i] - '0');
    }
    if (!any) return std::nullopt;
    exponent += exp_negative ? -e : e;
  }
  if (i != text.size()) return std::nullopt;
  // Scale to Fixed4: the digits below 10^-4 must all be zeros.
  exponent += kDecimalPlaces;
  while (exponent < 0 && !digits.empty()) {
    if (digits.back() != '0') return std::nullopt;
    digits.pop_back();
    ++exponent;
  }
  if (digits.empty()) return Wide{0};
  if (static_cast<int>(digits.size()) + std::max(exponent, 0) > 36) return std::nullopt;  // beyond 128 bits
  Wide value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  for (int e = 0; e < exponent; ++e) value *= 10;
  return negative ? -value : value;
}

}  // namespace takt::check
