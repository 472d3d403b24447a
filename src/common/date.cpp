#include "common/date.h"

#include <cstdio>

namespace takt {

// Civil <-> day-count conversion using the 400-year era decomposition: eras of 146097 days,
// with years starting on March 1 so that the leap day is the last day of the year.
Day DayFromCivil(CivilDate date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int shifted_month = date.month > 2 ? date.month - 3 : date.month + 9;
  const int day_of_year = (153 * shifted_month + 2) / 5 + date.day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDay(Day day) {
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int day_of_era = z - era * 146097;
  const int year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int shifted_month = (5 * day_of_year + 2) / 153;
  const int d = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const int m = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const int y = year_of_era + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

static bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

static int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::optional<Day> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      const char c = text[static_cast<size_t>(starts[p] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const int year = parts[0], month = parts[1], day = parts[2];
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return DayFromCivil({year, month, day});
}

void FormatDateTo(Day day, char* out) {
  const CivilDate c = CivilFromDay(day);
  int y = c.year;
  for (int i = 3; i >= 0; --i) {
    out[i] = static_cast<char>('0' + y % 10);
    y /= 10;
  }
  out[4] = '-';
  out[5] = static_cast<char>('0' + c.month / 10);
  out[6] = static_cast<char>('0' + c.month % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + c.day / 10);
  out[9] = static_cast<char>('0' + c.day % 10);
}

std::string FormatDate(Day day) {
  if (day == kNoDay) return "";
  std::string s(10, '0');
  FormatDateTo(day, s.data());
  return s;
}

int Weekday(Day day) {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int w = (day + 3) % 7;
  return w < 0 ? w + 7 : w;
}

}  // namespace takt
