#pragma once
// Exact arithmetic for the checker. Plan files can hold any number, so products and sums of
// quantities, prices and usages are taken in 128 bits: no overflow, and comparisons stay exact.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/decimal.h"

namespace takt::check {

/// A 128-bit integer; Fixed4-scaled where it holds money or loads.
__extension__ typedef __int128 Wide;

/// a + b, clamped to the int64 range (a quantity summed over absurd rows must not wrap).
inline int64_t SatAdd(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return a > 0 ? INT64_MAX : INT64_MIN;
  return sum;
}

/// Shortest exact text of a Fixed4-scaled value: 125000 -> "12.5", like FormatDecimal.
std::string FormatFixed(Wide value);
/// A whole number: 1234 -> "1234".
std::string FormatWhole(Wide value);
/// A whole number with thousands separators: 1234567 -> "1,234,567".
std::string GroupThousands(int64_t value);

/// A JSON number as written (`12`, `-3.25`, `1.5e6`) as an exact Fixed4; nothing when it is not a
/// number or has more than four decimal places.
std::optional<Wide> ParseExactDecimal(std::string_view text);

}  // namespace takt::check
