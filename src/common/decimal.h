#pragma once
// Exact decimals: money, capacities and usages are fixed-point integers with four decimal places,
// so that sums (backlog, revenue by quarter, daily load) are exact and identities hold to the cent.

#include <cstdint>
#include <string>
#include <string_view>

namespace takt {

/// A decimal scaled by kDecimalScale: 12.5 is stored as 125000.
using Fixed4 = int64_t;
inline constexpr int64_t kDecimalScale = 10000;
inline constexpr int kDecimalPlaces = 4;

/// Money in the dataset's currency, as Fixed4.
using Money = Fixed4;

enum class DecimalError { kNone, kNotANumber, kTooManyDecimals, kOutOfRange };

struct DecimalParse {
  Fixed4 value = 0;
  DecimalError error = DecimalError::kNone;
};

/// Parses `[-]digits[.digits]`. Digits past the fourth decimal must be zeros (`1.50000` is fine,
/// `1.00005` is kTooManyDecimals). Magnitude is limited to 10^14 so that products stay in range.
DecimalParse ParseDecimal(std::string_view text);

/// Shortest exact text: 125000 -> "12.5", 10000 -> "1", -5 -> "-0.0005".
std::string FormatDecimal(Fixed4 value);
/// Always two decimals (rounded half away from zero), with thousands separators: "14,400,000.00".
std::string FormatMoney(Money value);
/// Compact for reports: "$14.40B", "$312.5M", "$12.3k".
std::string FormatMoneyShort(Money value, std::string_view currency);

}  // namespace takt
