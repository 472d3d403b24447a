#include "plan/candidate_sites.h"

namespace takt {

std::vector<std::vector<SiteId>> CandidateSites(const Model& model) {
  const size_t sites = model.sites().size();
  std::vector<std::vector<SiteId>> candidates(model.items().size());
  for (size_t i = 0; i < model.items().size(); ++i) {
    std::vector<uint8_t> can(sites, model.items()[i].lead_time_days >= 0 ? 1 : 0);
    for (const Routing& r : model.routings_of(ItemId(i))) can[r.site.index()] = 1;
    for (const Supply& s : model.supply_of(ItemId(i))) can[s.site.index()] = 1;
    for (size_t s = 0; s < sites; ++s) {
      if (can[s]) candidates[i].push_back(SiteId(s));
    }
  }
  return candidates;
}

}  // namespace takt
