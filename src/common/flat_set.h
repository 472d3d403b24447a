#pragma once
// A set of 64-bit keys with open addressing: one flat array, no node per key.

#include <cstdint>
#include <vector>

namespace takt {

class FlatSet64 {
 public:
  /// Adds `key`; false when it was already present. UINT64_MAX is reserved.
  bool Insert(uint64_t key) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Mix(key) & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] == kEmpty) {
        slots_[slot] = key;
        ++count_;
        return true;
      }
      if (slots_[slot] == key) return false;
    }
  }
  bool Contains(uint64_t key) const {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Mix(key) & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] == kEmpty) return false;
      if (slots_[slot] == key) return true;
    }
  }
  size_t size() const { return count_; }

 private:
  static constexpr uint64_t kEmpty = UINT64_MAX;
  static uint64_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    return x;
  }
  void Grow() {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, kEmpty);
    count_ = 0;
    for (uint64_t key : old) {
      if (key != kEmpty) Insert(key);
    }
  }
  std::vector<uint64_t> slots_;
  size_t count_ = 0;
};

}  // namespace takt
