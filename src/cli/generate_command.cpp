#include <fmt/format.h>

#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "generate/generator.h"

namespace takt::cli {

int RunGenerate(const GenerateCommandOptions& options) {
  Stopwatch watch;
  GenerateOptions generate;
  generate.scale = *ParseScale(options.scale);  // CLI11 has checked the name
  generate.seed = options.seed;
  const GeneratedDataset dataset = Generate(generate);
  const std::string error = WriteDataset(dataset, options.out);
  if (!error.empty()) {
    fmt::print(stderr, "takt generate: {}\n", error);
    return kExitFailed;
  }
  size_t bytes = 0;
  for (const auto& [name, content] : dataset.files) bytes += content.size();
  const double seconds = watch.Lap();
  fmt::print("wrote {} files ({:.1f} MB) of the '{}' dataset, seed {}, to {} ({:.2f} s)\n", dataset.files.size(),
             static_cast<double>(bytes) / 1e6, options.scale, options.seed, options.out, seconds);
  return kExitOk;
}

}  // namespace takt::cli
