#include "plan/engine/site_ranking.h"

#include <algorithm>

namespace takt::engine {

template <bool kFollowing>
int32_t SiteRanking<kFollowing>::Probe(ItemId item, SiteId site, int64_t qty, int32_t earliest) const {
  const Model& m = ix_.model();
  const int32_t sp = ix_.StockPoint(item, site);
  if (s_.OnlyBought(sp)) return std::max(earliest, m.item(item).lead_time_days);
  if (s_.Available(sp, earliest) >= qty) return earliest;
  int32_t best = kNever;
  if (const Routing* r = ix_.RoutingAt(item, site)) {
    int32_t t = earliest;
    for (const BomLine& b : m.components_of(item)) {
      t = std::max(t, Probe(b.component, site, qty * b.qty_per, earliest));
      if (t >= kNever) break;
    }
    for (const RoutingStep& s : m.steps(*r)) {
      if (t >= kNever) break;
      const Fixed4 load = s.usage_per_unit * qty * s.duration_days;
      const int32_t fits = s_.DayCumulativeFreeReaches(s.resource, t, load);
      t = fits < 0 ? kNever : std::max(t + s.duration_days - 1, fits) + 1;
    }
    best = t;
  }
  const Item& it = m.item(item);
  if (it.lead_time_days >= 0) best = std::min(best, std::max(earliest, it.lead_time_days));
  if (best >= kNever && ix_.RoutingAt(item, site) == nullptr) {
    const int32_t day = s_.EarliestAvailable(sp, qty, earliest);
    if (day >= 0) best = day;
  }
  return best;
}

template <bool kFollowing>
const std::vector<RankedSite>& SiteRanking<kFollowing>::Rank(std::span<const SiteId> sites, ItemId item, int64_t qty,
                                                             int32_t earliest) {
  ranked_.clear();
  for (const SiteId site : sites) ranked_.push_back({Probe(item, site, qty, earliest), site});
  std::stable_sort(ranked_.begin(), ranked_.end(),
                   [](const RankedSite& a, const RankedSite& b) { return a.estimate < b.estimate; });
  return ranked_;
}

// Only the entry points are instantiated explicitly: private helpers stay implicit, so that the
// compiler may inline them at their one call site.
template int32_t SiteRanking<false>::Probe(ItemId, SiteId, int64_t, int32_t) const;
template const std::vector<RankedSite>& SiteRanking<false>::Rank(std::span<const SiteId>, ItemId, int64_t, int32_t);
template int32_t SiteRanking<true>::Probe(ItemId, SiteId, int64_t, int32_t) const;
template const std::vector<RankedSite>& SiteRanking<true>::Rank(std::span<const SiteId>, ItemId, int64_t, int32_t);

}  // namespace takt::engine
