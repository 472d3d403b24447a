#include "common/date.h"

#include <gtest/gtest.h>

namespace takt {

TEST(Date, RoundTripsEveryDayOverThreeCenturies) {
  for (Day d = DayFromCivil({1900, 1, 1}); d <= DayFromCivil({2199, 12, 31}); ++d) {
    const std::string text = FormatDate(d);
    ASSERT_EQ(ParseDate(text), d) << text;
  }
}

TEST(Date, KnownDays) {
  EXPECT_EQ(DayFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(FormatDate(*ParseDate("2025-05-03")), "2025-05-03");
  EXPECT_EQ(*ParseDate("2025-05-04") - *ParseDate("2025-05-03"), 1);
  EXPECT_EQ(*ParseDate("2024-03-01") - *ParseDate("2024-02-28"), 2);  // leap year
  EXPECT_EQ(Weekday(*ParseDate("2025-05-03")), 5);                    // a Saturday
}

TEST(Date, RejectsWhatIsNotADate) {
  for (const char* bad : {"2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-5-3", "03/05/2025",
                          "2025-05-03T00:00", "", "abcd-ef-gh", "1899-12-31", "2025-04-31"}) {
    EXPECT_FALSE(ParseDate(bad).has_value()) << bad;
  }
  EXPECT_TRUE(ParseDate("2024-02-29").has_value());
}

}  // namespace takt
