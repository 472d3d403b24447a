#include "plan/plan_options.h"

#include <fmt/format.h>

namespace takt {

namespace {

constexpr OptionChoice<AllocationPolicy> kAllocationPolicies[] = {
    {AllocationPolicy::kPriority, "priority"},
    {AllocationPolicy::kRevenue, "revenue"},
};

constexpr OptionChoice<LicencePolicy> kLicencePolicies[] = {
    {LicencePolicy::kConservative, "conservative"},
    {LicencePolicy::kExpected, "expected"},
};

constexpr EnumOption<AllocationPolicy> kAllocationPolicy(
    {"policy", "--policy", "Allocation policy: which lines get scarce material and capacity first"},
    AllocationPolicy::kPriority, kAllocationPolicies);

constexpr EnumOption<LicencePolicy> kLicencePolicy(
    {"licence_policy", "--licence-policy",
     "Pending licences: conservative (wait for approval) or expected (approved on the expected date)"},
    LicencePolicy::kConservative, kLicencePolicies);

}  // namespace

const EnumOption<AllocationPolicy>& AllocationPolicyOption() { return kAllocationPolicy; }

const EnumOption<LicencePolicy>& LicencePolicyOption() { return kLicencePolicy; }

std::optional<AllocationPolicy> ParseAllocationPolicy(std::string_view word) { return kAllocationPolicy.Parse(word); }

std::optional<LicencePolicy> ParseLicencePolicy(std::string_view word) { return kLicencePolicy.Parse(word); }

std::string PlanOptionsNote(const PlanOptions& options) {
  return fmt::format("{}={} {}={}", kAllocationPolicy.key(), kAllocationPolicy.Name(options.policy),
                     kLicencePolicy.key(), kLicencePolicy.Name(options.licence_policy));
}

}  // namespace takt
