#include "common/format.h"

#include <charconv>

namespace takt {

std::string FormatCount(int64_t n) {
  const uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  char digits[20];
  const size_t count = static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
  char out[28];  // sign, 20 digits, 6 separators
  size_t length = 0;
  if (n < 0) out[length++] = '-';
  for (size_t i = 0; i < count; ++i) {
    if (i > 0 && (count - i) % 3 == 0) out[length++] = ',';
    out[length++] = digits[i];
  }
  return std::string(out, length);
}

}  // namespace takt
