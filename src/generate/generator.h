#pragma once
// `takt generate`: a synthetic but realistic AI-server factory (sites, multi-level BOMs, routings with capacity
// ramps, weekly GPU allocations, a saturated backlog, export rules and licences), written in the dataset format of
// docs/format.md. Output depends only on the options: the same scale and seed give byte-identical files on every
// platform (own PRNG, integer arithmetic, no unordered iteration).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace takt {

/// Dataset sizes. kDemo: a few thousand order lines worth about $14.4B (one OEM's AI backlog in FY26Q1);
/// kLarge: about 100,000 lines; kXl: about 1,000,000 lines. Items, customers and capacity grow with the lines.
enum class Scale { kDemo, kLarge, kXl };

/// "demo", "large" or "xl" (exact, lower case); nullopt otherwise.
std::optional<Scale> ParseScale(std::string_view text);
/// The name ParseScale accepts for `scale`.
const char* ScaleName(Scale scale);

struct GenerateOptions {
  Scale scale = Scale::kDemo;
  uint64_t seed = 1;  ///< any value; each seed gives a different but equally plausible factory
};

/// The files of a dataset: (file name such as "orders.csv", full CSV text), in a fixed order.
struct GeneratedDataset {
  std::vector<std::pair<std::string, std::string>> files;
};

/// Builds a whole dataset in memory. Deterministic in `options`. The xl scale takes a few seconds and
/// holds its CSV text (about 100 MB) in memory.
GeneratedDataset Generate(const GenerateOptions& options);

/// Creates `dir` if needed and writes every file atomically. Returns an error message or "".
std::string WriteDataset(const GeneratedDataset& dataset, const std::filesystem::path& dir);

}  // namespace takt
