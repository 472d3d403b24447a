#pragma once
// When may a line ship, as far as export control goes: the days covered by a licence valid for its
// customer, export class and destination, under the chosen licence policy.

#include <cstdint>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

struct ShipWindow {
  int32_t from = 0;  ///< day index, inclusive
  int32_t to = 0;    ///< day index, inclusive
  int32_t licence = -1;  ///< the licence that opens it, -1 when none is needed
};

class LicenceIndex {
 public:
  LicenceIndex(const Model& model, LicencePolicy policy);

  /// The windows (sorted, not overlapping, clipped to the horizon) in which `line` may ship. When
  /// there are none, `blocked` says why (prohibited, denied, pending, missing).
  void Windows(const OrderLine& line, std::vector<ShipWindow>& windows, Constraint& blocked) const;

 private:
  const Model& model_;
  LicencePolicy policy_;
  std::vector<uint32_t> offsets_;   ///< licences by customer: [offsets_[c], offsets_[c + 1])
  std::vector<int32_t> by_customer_;
};

}  // namespace takt
