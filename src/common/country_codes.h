#pragma once

#include <string_view>

namespace takt {

/// True for an ISO 3166-1 alpha-2 code in use (plus XK, widely used for Kosovo). Upper case only.
bool IsIsoCountryCode(std::string_view code);

}  // namespace takt
