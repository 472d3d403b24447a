#include "common/decimal.h"

#include <gtest/gtest.h>

namespace takt {

TEST(Decimal, ParsesExactly) {
  EXPECT_EQ(ParseDecimal("12.5").value, 125000);
  EXPECT_EQ(ParseDecimal("310000.50").value, 3100005000);
  EXPECT_EQ(ParseDecimal("-0.0005").value, -5);
  EXPECT_EQ(ParseDecimal("+3").value, 30000);
  EXPECT_EQ(ParseDecimal(".5").value, 5000);
  EXPECT_EQ(ParseDecimal("7.").value, 70000);
  EXPECT_EQ(ParseDecimal("1.250000").value, 12500);  // zeros past the fourth place are fine
}

TEST(Decimal, RejectsWhatItCannotHoldExactly) {
  EXPECT_EQ(ParseDecimal("1.00005").error, DecimalError::kTooManyDecimals);
  EXPECT_EQ(ParseDecimal("1,000").error, DecimalError::kNotANumber);
  EXPECT_EQ(ParseDecimal("$5").error, DecimalError::kNotANumber);
  EXPECT_EQ(ParseDecimal("").error, DecimalError::kNotANumber);
  EXPECT_EQ(ParseDecimal(".").error, DecimalError::kNotANumber);
  EXPECT_EQ(ParseDecimal("1e6").error, DecimalError::kNotANumber);
  EXPECT_EQ(ParseDecimal("1000000000000000").error, DecimalError::kOutOfRange);
}

TEST(Decimal, Formats) {
  EXPECT_EQ(FormatDecimal(125000), "12.5");
  EXPECT_EQ(FormatDecimal(10000), "1");
  EXPECT_EQ(FormatDecimal(-5), "-0.0005");
  EXPECT_EQ(FormatDecimal(0), "0");
  EXPECT_EQ(FormatMoney(144000000000000LL), "14,400,000,000.00");
  EXPECT_EQ(FormatMoney(3100005000), "310,000.50");
  EXPECT_EQ(FormatMoney(-125), "-0.01");
  EXPECT_EQ(FormatMoneyShort(144000000000000LL, "USD"), "$14.40B");
  EXPECT_EQ(FormatMoneyShort(3125000000000LL, "EUR"), "EUR 312.5M");
}

}  // namespace takt
