#pragma once
// The generator's random numbers: xoshiro256** seeded through splitmix64, with integer-only distributions, so a
// seed gives the same dataset on every compiler and platform (std:: distributions are not portable).

#include <cstddef>
#include <cstdint>
#include <span>

namespace takt::gen {

/// splitmix64 step: advances `state` and returns a well-mixed 64-bit value.
inline uint64_t SplitMix64(uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// xoshiro256**. Each part of the generator draws from its own stream (seed, stream), so adding draws to one
/// part does not reshuffle the others.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream) {
    uint64_t state = seed ^ (stream * 0xD1342543DE82EF95ULL);
    for (uint64_t& word : s_) word = SplitMix64(state);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, n) for n >= 1, without modulo bias (rejection of the short last bucket).
  uint64_t Below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x = Next();
    while (x >= limit) x = Next();
    return x % n;
  }

  /// Uniform in [lo, hi]; lo <= hi.
  int64_t Range(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1)); }

  /// True with probability per_mille / 1000.
  bool Chance(int per_mille) { return static_cast<int64_t>(Below(1000)) < per_mille; }

  /// Index i with probability weights[i] / sum(weights); the sum must be positive.
  size_t Pick(std::span<const uint32_t> weights) {
    uint64_t total = 0;
    for (uint32_t w : weights) total += w;
    uint64_t x = Below(total);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;  // unreachable with a positive sum
  }

  /// Skewed towards lo: the product of two uniforms, scaled to [lo, hi] (mean about lo + (hi - lo) / 4).
  int64_t Skewed(int64_t lo, int64_t hi) {
    const int64_t span = hi - lo;
    if (span <= 0) return lo;
    const int64_t a = Range(0, span);
    const int64_t b = Range(0, span);
    return lo + a * b / span;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace takt::gen
