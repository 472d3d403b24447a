#pragma once
// When the line being planned may ship: its licence windows (plan/licence_windows.h), and the
// reasons a ship day is later than the day its goods are ready.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "model/model.h"
#include "plan/licence_windows.h"
#include "plan/plan.h"

namespace takt::engine {

struct LineWindows {
  const OrderLine* line = nullptr;  ///< the line being planned (a model line or a quote)
  std::vector<ShipWindow> windows;  ///< sorted, not overlapping

  /// The first day >= day inside a licence window, or -1.
  int32_t Allowed(int32_t day) const {
    for (const ShipWindow& w : windows) {
      if (day <= w.to) return std::max(day, w.from);
    }
    return -1;
  }
  /// Why a line ready on `ready` can ship only on `ship`: the licence window that opens then.
  Constraint LicenceFrom(int32_t ship, int32_t ready) const {
    int32_t licence = -1;
    for (const ShipWindow& w : windows) {
      if (w.from == ship) licence = w.licence;
    }
    return {ReasonCode::kLicencePending, licence, line->ship_to.value, 0, ready, ship};
  }
  /// Why a line ready on `ready` cannot ship: no licence window is open then or later.
  Constraint LicenceClosed(const Model& m, int32_t ready) const {
    return {ReasonCode::kLicenceMissing, m.item(line->item).export_class.value, line->ship_to.value, 0, ready, -1};
  }
};

/// The reason of a line late with nothing to wait for: its work takes longer than the time left.
inline Constraint BuildTimeReason(ItemId item, SiteId site, int32_t ready) {
  return {ReasonCode::kLeadTime, item.value, site.value, 0, 0, ready};
}

}  // namespace takt::engine
