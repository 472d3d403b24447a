#include <fmt/format.h>

#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "io/dataset_loader.h"
#include "model/summary.h"

namespace takt::cli {

int RunValidate(const ValidateOptions& options) {
  Stopwatch watch;
  Diagnostics diagnostics(options.max_per_kind);
  SourcedDataset dataset;
  if (const Status status = LoadDatasetSource(options.source, diagnostics, dataset); !status.ok()) {
    fmt::print(stderr, "takt validate: {}\n", status.message());
    return kExitFailed;
  }
  const std::shared_ptr<const Model>& model = dataset.model;
  const double seconds = watch.Lap();
  diagnostics.Print(stdout);
  if (!diagnostics.kept().empty()) fmt::print("\n");
  if (model && !options.quiet) {
    fmt::print("Dataset {}\n{}", dataset.label, FormatSummary(*model));
  }
  fmt::print("{}: {} error{}, {} warning{} ({:.2f} s)\n", dataset.label, diagnostics.error_count(),
             diagnostics.error_count() == 1 ? "" : "s", diagnostics.warning_count(),
             diagnostics.warning_count() == 1 ? "" : "s", seconds);
  return diagnostics.has_errors() ? kExitBadData : kExitOk;
}

}  // namespace takt::cli
