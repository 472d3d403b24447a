#include "check/numbers.h"

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
  std::string text = FormatWhole(value);
  if (negative) text.erase(0, 1);
  if (text.size() <= static_cast<size_t>(kDecimalPlaces)) {
    text.insert(0, static_cast<size_t>(kDecimalPlaces) + 1 - text.size(), '0');
  }
  std::string whole = text.substr(0, text.size() - kDecimalPlaces);
  std::string fraction = text.substr(text.size() - kDecimalPlaces);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string out = negative ? "-" : "";
  out += whole;
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

std::string GroupThousands(int64_t value) {
  std::string digits = FormatWhole(value);
  const size_t sign = value < 0 ? 1 : 0;
  for (size_t at = digits.size(); at > sign + 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
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
