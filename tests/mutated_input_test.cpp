// Feeds thousands of damaged datasets to the loader: garbage bytes, truncation, huge fields, lost
// and repeated lines. Each must end in a clean report, never a crash (the sanitizer build watches
// for memory errors), and a model is returned only when no error was reported.

#include <gtest/gtest.h>

#include <cstdint>

#include "io/dataset_loader.h"
#include "test_data.h"

namespace takt {
namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

void Mutate(std::string& s, Rng& rng) {
  const size_t at = rng.Below(s.size() + 1);
  switch (rng.Below(10)) {
    case 0:  // overwrite a byte with anything
      if (!s.empty()) s[rng.Below(s.size())] = static_cast<char>(rng.Below(256));
      break;
    case 1:  // truncate
      s.resize(at);
      break;
    case 2:  // insert a structural character
      s.insert(at, 1, ",\"\n\r"[rng.Below(4)]);
      break;
    case 3:  // delete a range
      s.erase(at, rng.Below(40));
      break;
    case 4:  // a huge field
      s.insert(at, std::string(70000 + rng.Below(1000), 'x'));
      break;
    case 5: {  // repeat a line
      const size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
      const size_t from = start == std::string::npos ? 0 : start + 1;
      const size_t end = s.find('\n', from);
      s.insert(from, s.substr(from, end == std::string::npos ? std::string::npos : end - from + 1));
      break;
    }
    case 6:  // empty the file
      s.clear();
      break;
    case 7:  // a number where text was, or text where a number was
      s.insert(at, rng.Below(2) == 0 ? "-999999999999999999999" : "abc");
      break;
    case 8:  // a NUL or an invalid UTF-8 sequence
      s.insert(at, rng.Below(2) == 0 ? std::string(1, '\0') : std::string("\xC3\x28"));
      break;
    default:  // swap two bytes
      if (s.size() > 1) std::swap(s[rng.Below(s.size())], s[rng.Below(s.size())]);
      break;
  }
}

TEST(MutatedInput, NeverCrashesAndNeverHalfLoads) {
  const DatasetFiles original = test::Tiny();
  Rng rng(20251123);
  int rejected = 0;
  constexpr int kRounds = 3000;
  for (int round = 0; round < kRounds; ++round) {
    DatasetFiles files = original;
    const int edits = 1 + static_cast<int>(rng.Below(3));
    for (int e = 0; e < edits; ++e) Mutate(files[rng.Below(files.size())].second, rng);
    if (rng.Below(20) == 0) files.erase(files.begin() + static_cast<ptrdiff_t>(rng.Below(files.size())));
    Diagnostics diagnostics;
    auto model = LoadDataset(files, diagnostics);
    if (model == nullptr) {
      ++rejected;
      ASSERT_TRUE(diagnostics.has_errors()) << "round " << round << ": no model but no error";
    } else {
      ASSERT_FALSE(diagnostics.has_errors()) << "round " << round;
    }
    for (const Diagnostic& d : diagnostics.kept()) {
      ASSERT_FALSE(d.message.empty());
      ASSERT_FALSE(d.code.empty());
    }
  }
  // Most damage must be noticed; a few edits (a swapped byte in a description) are harmless.
  EXPECT_GT(rejected, kRounds / 2);
}

}  // namespace
}  // namespace takt
