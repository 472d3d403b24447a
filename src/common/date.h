#pragma once
// Calendar days as plain integers, so the planner can index arrays by day.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace takt {

/// A calendar day: days since 1970-01-01 (UTC, proleptic Gregorian). Negative before 1970.
using Day = int32_t;

/// Sentinel for "no date" in flat arrays (e.g. an open-ended licence).
inline constexpr Day kNoDay = INT32_MIN;

struct CivilDate {
  int year;
  int month;  ///< 1..12
  int day;    ///< 1..31
};

/// Days since 1970-01-01 of a valid civil date.
Day DayFromCivil(CivilDate date);
CivilDate CivilFromDay(Day day);

/// Parses exactly `YYYY-MM-DD` (years 1900..2199) and rejects impossible dates such as 2025-02-30.
std::optional<Day> ParseDate(std::string_view text);

/// `YYYY-MM-DD`.
std::string FormatDate(Day day);
/// Writes `YYYY-MM-DD` into out[0..9]; out needs room for 10 chars. Hot path of the CSV writers.
void FormatDateTo(Day day, char* out);

/// 0 = Monday .. 6 = Sunday.
int Weekday(Day day);

}  // namespace takt
