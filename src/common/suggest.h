#pragma once
// "Did you mean ...?" for misspelt codes.

#include <span>
#include <string>
#include <string_view>

namespace takt {

/// Edit distance (insert, delete, substitute, swap of neighbours), case-insensitive.
int EditDistance(std::string_view a, std::string_view b);

/// The closest candidate within a distance that grows with the word's length, or "" if none is close.
/// Ties go to the earliest candidate, so the answer is deterministic.
std::string Suggest(std::string_view word, std::span<const std::string> candidates);
std::string Suggest(std::string_view word, std::span<const std::string_view> candidates);

/// "did you mean 'X'?" or "" when there is no close candidate.
std::string DidYouMean(std::string_view word, std::span<const std::string> candidates);
std::string DidYouMean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace takt
