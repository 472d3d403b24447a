#pragma once
// The files of one plan in memory, as docs/format.md ("Plan files") names them. Plans are written
// by the planner (WritePlanFiles), kept by the store, read back by the checker and the comparison.

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace takt {

inline constexpr std::string_view kShipmentsFile = "shipments.csv";
inline constexpr std::string_view kOrderStatusFile = "order_status.csv";
inline constexpr std::string_view kWorkOrdersFile = "work_orders.csv";
inline constexpr std::string_view kOperationsFile = "operations.csv";
inline constexpr std::string_view kPurchasesFile = "purchases.csv";
inline constexpr std::string_view kPeggingFile = "pegging.csv";
inline constexpr std::string_view kSummaryFile = "summary.json";

/// The files a plan folder holds, as the planner writes them.
std::span<const std::string_view> PlanFileNames();

/// A plan's files in memory: (file name, content) pairs, named as on disk. Not a dataset's files
/// (DatasetFiles): a plan is read and checked against a dataset, never loaded as one.
struct PlanFiles {
  using File = std::pair<std::string, std::string>;
  std::vector<File> files;

  PlanFiles() = default;
  explicit PlanFiles(std::vector<File> f) : files(std::move(f)) {}
  PlanFiles(std::initializer_list<File> f) : files(f) {}

  /// The content of the file named `name`, or null when the plan has no such file.
  const std::string* Find(std::string_view name) const;

  auto begin() { return files.begin(); }
  auto end() { return files.end(); }
  auto begin() const { return files.begin(); }
  auto end() const { return files.end(); }
  size_t size() const { return files.size(); }
  bool operator==(const PlanFiles&) const = default;
};

}  // namespace takt
