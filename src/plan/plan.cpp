#include "plan/plan.h"

namespace takt {

const char* AllocationPolicyName(AllocationPolicy policy) {
  return policy == AllocationPolicy::kPriority ? "priority" : "revenue";
}

const char* LicencePolicyName(LicencePolicy policy) {
  return policy == LicencePolicy::kConservative ? "conservative" : "expected";
}

const char* ReasonCodeName(ReasonCode code) {
  switch (code) {
    case ReasonCode::kNone: return "";
    case ReasonCode::kMaterial: return "material";
    case ReasonCode::kCapacity: return "capacity";
    case ReasonCode::kLeadTime: return "lead_time";
    case ReasonCode::kLicencePending: return "licence_pending";
    case ReasonCode::kLicenceDenied: return "licence_denied";
    case ReasonCode::kLicenceMissing: return "licence_missing";
    case ReasonCode::kProhibited: return "prohibited";
    case ReasonCode::kHorizon: return "horizon";
    case ReasonCode::kPastDue: return "past_due";
  }
  return "";
}

const char* LineStatusName(LineStatus status) {
  switch (status) {
    case LineStatus::kOnTime: return "on_time";
    case LineStatus::kLate: return "late";
    case LineStatus::kUnplanned: return "unplanned";
  }
  return "";
}


}  // namespace takt
