#include "planfiles/plan_files.h"

#include <array>

namespace takt {

namespace {

constexpr std::array<std::string_view, 7> kPlanFileNames = {kShipmentsFile,  kOrderStatusFile, kWorkOrdersFile,
                                                            kOperationsFile, kPurchasesFile,   kPeggingFile,
                                                            kSummaryFile};

}  // namespace

std::span<const std::string_view> PlanFileNames() { return kPlanFileNames; }

const std::string* PlanFiles::Find(std::string_view name) const {
  for (const auto& [file, content] : files) {
    if (file == name) return &content;
  }
  return nullptr;
}

}  // namespace takt
