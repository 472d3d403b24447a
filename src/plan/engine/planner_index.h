#pragma once
// What the planner derives from the model once per run and never changes: stock point numbering,
// which items are only bought where, which BOM components are shared below a sibling, candidate
// sites, BOM depth.

#include <cstdint>
#include <vector>

#include "model/model.h"

namespace takt::engine {

class PlannerIndex {
 public:
  explicit PlannerIndex(const Model& model);

  const Model& model() const { return m_; }
  int32_t days() const { return days_; }
  int32_t sites() const { return sites_; }
  /// The deepest BOM level plus two: how many levels of per-depth scratch a scheduler needs.
  size_t depth_levels() const { return depth_levels_; }

  /// The ledger index of (item, site).
  int32_t StockPoint(ItemId item, SiteId site) const { return item.value * sites_ + site.value; }
  /// Whether the item is bought (has a lead time) and not built at the stock point's site.
  bool Buyable(int32_t stock_point) const { return buyable_[static_cast<size_t>(stock_point)] != 0; }
  /// Whether the BOM line's component also appears below another component of the same parent.
  bool SharedBelow(const BomLine& b) const { return shared_below_[static_cast<size_t>(&b - m_.bom().data())] != 0; }
  /// The routing that builds `item` at `site`, or null.
  const Routing* RoutingAt(ItemId item, SiteId site) const {
    for (const Routing& r : m_.routings_of(item)) {
      if (r.site == site) return &r;
    }
    return nullptr;
  }
  /// The sites a line of `item` that names no site may ship from, in site order.
  const std::vector<SiteId>& CandidateSites(ItemId item) const { return candidate_sites_[item.index()]; }

 private:
  const Model& m_;
  int32_t days_;
  int32_t sites_;
  size_t depth_levels_ = 0;
  std::vector<uint8_t> buyable_;       ///< per stock point
  std::vector<uint8_t> shared_below_;  ///< per BOM line
  std::vector<std::vector<SiteId>> candidate_sites_;
};

}  // namespace takt::engine
