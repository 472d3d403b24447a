#include "common/options.h"

namespace takt {

std::string JoinWords(std::span<const std::string_view> words, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += separator;
    out += words[i];
  }
  return out;
}

}  // namespace takt
