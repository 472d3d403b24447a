#include "scenario/scenario.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace takt {

std::optional<Scenario> ParseScenario(std::string_view text, const std::string& file_name, const Model& base,
                                      const PlanOptions& base_options, Diagnostics& diagnostics) {
  const std::optional<ScenarioSpec> spec = ReadScenarioToml(text, file_name, diagnostics);
  if (!spec) return std::nullopt;
  return ApplyScenario(*spec, base, base_options, diagnostics);
}

std::optional<Scenario> LoadScenario(const std::filesystem::path& file, const Model& base,
                                     const PlanOptions& base_options, Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.Error("missing-file", file.filename().string(), 0, "",
                      fmt::format("cannot read scenario file '{}'", file.string()));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseScenario(text.str(), file.filename().string(), base, base_options, diagnostics);
}

}  // namespace takt
