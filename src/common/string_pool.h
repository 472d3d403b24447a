#pragma once
// Interned strings in one buffer: dense ids for codes that repeat across a million rows (order
// numbers, customers). One allocation per growth, not per string, and an open-addressing index
// whose probes stay in cache.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace takt {

class StringPool {
 public:
  /// The id of `text`, adding it if new; `added` tells which.
  int32_t Intern(std::string_view text, bool* added = nullptr);
  /// The id of `text`, or -1.
  int32_t Find(std::string_view text) const;

  std::string_view operator[](size_t id) const {
    return std::string_view(data_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  /// Views of every string in id order (for suggestions); valid until the next Intern.
  std::vector<std::string_view> Views() const;

 private:
  static uint64_t Hash(std::string_view text);
  void Grow();

  std::string data_;
  std::vector<uint32_t> offsets_ = {0};
  /// (hash << 32 | id + 1), 0 for empty; a power of two in size, at most half full. Keeping the
  /// hash in the slot skips most string compares and lets the table grow without rehashing.
  std::vector<uint64_t> slots_;
};

}  // namespace takt
