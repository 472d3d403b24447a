#include "cli/option_records.h"

#include "plan/plan_options.h"

namespace takt::cli {

void AddPlanOptions(CLI::App* command, PlanOptions& options) {
  AddEnumOption(command, AllocationPolicyOption(), options.policy);
  AddEnumOption(command, LicencePolicyOption(), options.licence_policy);
}

}  // namespace takt::cli
