#pragma once
// Wall-clock time for records of who did what when (store versions, scenarios, plans).

#include <string>

namespace takt {

/// Now in UTC, ISO 8601 to the second: "2026-11-23T17:40:05Z".
std::string UtcNowIso8601();

}  // namespace takt
