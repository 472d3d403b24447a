#include "common/string_pool.h"

#include <cstring>

namespace takt {

uint64_t StringPool::Hash(std::string_view text) {
  // 64-bit multiply-xorshift over 8-byte words; quality is ample for codes and it is fast.
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ text.size();
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = (h ^ word) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, text.data() + i, text.size() - i);
  h = (h ^ tail) * 0x94D049BB133111EBULL;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 32);
}

void StringPool::Grow() {
  std::vector<uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
  const size_t mask = slots_.size() - 1;
  for (uint64_t entry : old) {
    if (entry == 0) continue;
    size_t slot = (entry >> 32) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = entry;
  }
}

int32_t StringPool::Find(std::string_view text) const {
  if (slots_.empty()) return -1;
  const auto h = static_cast<uint32_t>(Hash(text));
  const size_t mask = slots_.size() - 1;
  for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
    const uint64_t entry = slots_[slot];
    if (entry == 0) return -1;
    const auto id = static_cast<int32_t>(entry & 0xFFFFFFFFu) - 1;
    if ((entry >> 32) == h && (*this)[static_cast<size_t>(id)] == text) return id;
  }
}

int32_t StringPool::Intern(std::string_view text, bool* added) {
  if ((size() + 1) * 2 > slots_.size()) Grow();
  const auto h = static_cast<uint32_t>(Hash(text));
  const size_t mask = slots_.size() - 1;
  size_t slot = h & mask;
  for (;; slot = (slot + 1) & mask) {
    const uint64_t entry = slots_[slot];
    if (entry == 0) break;
    const auto id = static_cast<int32_t>(entry & 0xFFFFFFFFu) - 1;
    if ((entry >> 32) == h && (*this)[static_cast<size_t>(id)] == text) {
      if (added != nullptr) *added = false;
      return id;
    }
  }
  const auto id = static_cast<int32_t>(size());
  data_.append(text);
  offsets_.push_back(static_cast<uint32_t>(data_.size()));
  slots_[slot] = (uint64_t{h} << 32) | static_cast<uint64_t>(id + 1);
  if (added != nullptr) *added = true;
  return id;
}

std::vector<std::string_view> StringPool::Views() const {
  std::vector<std::string_view> views;
  views.reserve(size());
  for (size_t id = 0; id < size(); ++id) views.push_back((*this)[id]);
  return views;
}

}  // namespace takt
