#pragma once
// The planning options' records (common/options.h): the allocation policy and the licence policy,
// each declared once with its key, flag, help, default and words. The command line, the API and the
// docs' tests read them; every word is parsed here and nowhere else.

#include <optional>
#include <string>
#include <string_view>

#include "common/options.h"
#include "plan/plan.h"

namespace takt {

/// `--policy` / "policy": which lines get scarce material and capacity first. priority | revenue.
const EnumOption<AllocationPolicy>& AllocationPolicyOption();
/// `--licence-policy` / "licence_policy": whether pending licences count. conservative | expected.
const EnumOption<LicencePolicy>& LicencePolicyOption();

/// The policy a word names ("priority", "revenue"); nullopt for any other word.
std::optional<AllocationPolicy> ParseAllocationPolicy(std::string_view word);
/// The licence policy a word names ("conservative", "expected"); nullopt for any other word.
std::optional<LicencePolicy> ParseLicencePolicy(std::string_view word);

/// The options as a stored plan's note records them, "policy=priority licence_policy=conservative":
/// how `takt plan --db` and `takt serve` recognise a plan made with the same options.
std::string PlanOptionsNote(const PlanOptions& options);

}  // namespace takt
