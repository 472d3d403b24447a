#include "common/suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace takt {

static char Fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

int EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows suffice for the optimal-string-alignment variant.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      const int cost = Fold(a[i - 1]) == Fold(b[j - 1]) ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && Fold(a[i - 1]) == Fold(b[j - 2]) && Fold(a[i - 2]) == Fold(b[j - 1])) {
        best = std::min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

template <typename S>
static std::string SuggestImpl(std::string_view word, std::span<const S> candidates) {
  const int limit = std::max(1, std::min(3, static_cast<int>(word.size()) / 3));
  int best_distance = limit + 1;
  std::string_view best;
  for (const S& candidate_text : candidates) {
    const std::string_view candidate(candidate_text);
    const int length_gap = std::abs(static_cast<int>(candidate.size()) - static_cast<int>(word.size()));
    if (length_gap >= best_distance) continue;
    const int d = EditDistance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
      if (d == 0) break;
    }
  }
  if (!best.empty()) return std::string(best);
  // A truncated or extended code ('horizon' for 'horizon_days', 'MEXICO' for 'MEX') is too far by
  // edit distance but still clearly meant: take the prefix match closest in length.
  size_t best_gap = SIZE_MAX;
  for (const S& candidate_text : candidates) {
    const std::string_view candidate(candidate_text);
    const std::string_view shorter = candidate.size() < word.size() ? candidate : word;
    const std::string_view longer = candidate.size() < word.size() ? word : candidate;
    if (shorter.size() < 3) continue;
    if (!std::equal(shorter.begin(), shorter.end(), longer.begin(), [](char a, char b) { return Fold(a) == Fold(b); })) {
      continue;
    }
    if (longer.size() - shorter.size() < best_gap) {
      best_gap = longer.size() - shorter.size();
      best = candidate;
    }
  }
  return std::string(best);
}

std::string Suggest(std::string_view word, std::span<const std::string> candidates) {
  return SuggestImpl(word, candidates);
}

std::string Suggest(std::string_view word, std::span<const std::string_view> candidates) {
  return SuggestImpl(word, candidates);
}

std::string DidYouMean(std::string_view word, std::span<const std::string> candidates) {
  const std::string best = Suggest(word, candidates);
  return best.empty() ? std::string() : fmt::format("did you mean '{}'?", best);
}

std::string DidYouMean(std::string_view word, std::span<const std::string_view> candidates) {
  const std::string best = Suggest(word, candidates);
  return best.empty() ? std::string() : fmt::format("did you mean '{}'?", best);
}

}  // namespace takt
