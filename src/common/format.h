#pragma once

#include <cstdint>
#include <string>

namespace takt {

/// A count with thousands separators: 1234567 -> "1,234,567".
std::string FormatCount(int64_t n);

}  // namespace takt
