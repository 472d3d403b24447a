#include "plan/divergence.h"

#include <algorithm>

#include "plan/candidate_sites.h"
#include "plan/licence_windows.h"
#include "plan/line_order.h"

namespace takt {

namespace {

/// What the engine reads of the model besides orders, supply, capacity and licences: when any of it
/// differs, no state of the base run is the scenario's.
bool SameStructure(const Model& a, const Model& b) {
  const Settings &sa = a.settings(), &sb = b.settings();
  if (sa.plan_start != sb.plan_start || sa.horizon_days != sb.horizon_days || sa.early_ship_days != sb.early_ship_days) {
    return false;
  }
  if (a.sites().size() != b.sites().size() || a.resources().size() != b.resources().size()) return false;
  if (!std::equal(a.items().begin(), a.items().end(), b.items().begin(), b.items().end(),
                  [](const Item& x, const Item& y) {
                    return x.lead_time_days == y.lead_time_days && x.export_class == y.export_class;
                  })) {
    return false;
  }
  if (!std::equal(a.bom().begin(), a.bom().end(), b.bom().begin(), b.bom().end(), [](const BomLine& x, const BomLine& y) {
        return x.parent == y.parent && x.component == y.component && x.qty_per == y.qty_per;
      })) {
    return false;
  }
  if (!std::equal(a.routings().begin(), a.routings().end(), b.routings().begin(), b.routings().end(),
                  [](const Routing& x, const Routing& y) {
                    return x.item == y.item && x.site == y.site && x.first_step == y.first_step &&
                           x.step_count == y.step_count;
                  })) {
    return false;
  }
  return std::equal(a.all_steps().begin(), a.all_steps().end(), b.all_steps().begin(), b.all_steps().end(),
                    [](const RoutingStep& x, const RoutingStep& y) {
                      return x.resource == y.resource && x.usage_per_unit == y.usage_per_unit &&
                             x.duration_days == y.duration_days;
                    });
}

/// An item's supply at a site as the material ledger takes it: (day index, qty), in date order.
std::vector<std::pair<int32_t, int64_t>> LedgerSupply(const Model& m, ItemId item, SiteId site) {
  std::vector<std::pair<int32_t, int64_t>> out;
  for (const Supply& s : m.supply_of(item)) {
    const int32_t day = std::max(0, s.date - m.plan_start());
    if (s.site == site && day < m.settings().horizon_days) out.emplace_back(day, s.qty);
  }
  return out;
}

bool SameRecords(std::span<const Supply> a, std::span<const Supply> b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Supply& x, const Supply& y) {
    return x.site == y.site && x.date == y.date && x.qty == y.qty;
  });
}

bool SameDestination(const Destination& x, const Destination& y) { return x.is_group == y.is_group && x.id == y.id; }

/// The export rules, country groups and licences: when they are all the same, so is every line's
/// licence window.
bool SameExportControl(const Model& a, const PlanOptions& pa, const Model& b, const PlanOptions& pb) {
  if (pa.licence_policy != pb.licence_policy || a.country_codes().size() != b.country_codes().size()) return false;
  for (size_t c = 0; c < a.country_codes().size(); ++c) {
    if (a.country_codes()[c] != b.country_codes()[c]) return false;
  }
  if (!std::equal(a.export_rules().begin(), a.export_rules().end(), b.export_rules().begin(), b.export_rules().end(),
                  [](const ExportRule& x, const ExportRule& y) {
                    return x.export_class == y.export_class && SameDestination(x.destination, y.destination) &&
                           x.rule == y.rule;
                  })) {
    return false;
  }
  if (!std::equal(a.groups().begin(), a.groups().end(), b.groups().begin(), b.groups().end(),
                  [&](const CountryGroup& x, const CountryGroup& y) {
                    const auto mx = a.members(x), my = b.members(y);
                    return std::equal(mx.begin(), mx.end(), my.begin(), my.end());
                  })) {
    return false;
  }
  return std::equal(a.licences().begin(), a.licences().end(), b.licences().begin(), b.licences().end(),
                    [&](const Licence& x, const Licence& y) {
                      return x.export_class == y.export_class && SameDestination(x.destination, y.destination) &&
                             x.status == y.status && x.date == y.date && x.valid_until == y.valid_until &&
                             a.customer_code(x.customer) == b.customer_code(y.customer);
                    });
}

bool SameLine(const Model& a, const OrderLine& x, const Model& b, const OrderLine& y) {
  auto customer = [](const Model& m, const OrderLine& l) {
    return l.customer.valid() ? m.customer_code(l.customer) : std::string_view();
  };
  return x.line == y.line && x.item == y.item && x.qty == y.qty && x.unit_price == y.unit_price &&
         x.order_date == y.order_date && x.request_date == y.request_date && x.priority == y.priority &&
         x.site == y.site && x.partial == y.partial && a.order_code(x.order) == b.order_code(y.order) &&
         customer(a, x) == customer(b, y) && a.country_code(x.ship_to) == b.country_code(y.ship_to);
}

bool SameConstraint(const Constraint& x, const Constraint& y) {
  return x.code == y.code && x.object == y.object && x.site == y.site && x.qty == y.qty && x.from == y.from &&
         x.until == y.until;
}

bool SameWindows(const std::vector<ShipWindow>& x, const std::vector<ShipWindow>& y) {
  return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const ShipWindow& a, const ShipWindow& b) {
    return a.from == b.from && a.to == b.to && a.licence == b.licence;
  });
}

}  // namespace

std::vector<LineId> ScenarioSequence(const Model& base, const PlanOptions& base_options,
                                     const std::vector<LineId>& base_sequence, const Model& scenario,
                                     const PlanOptions& options) {
  const bool same_lines = base.lines().size() == scenario.lines().size() &&
                          (base.lines().empty() || base.lines().data() == scenario.lines().data()) &&
                          &base.order_codes() == &scenario.order_codes();
  const bool same_sequence = same_lines && options.policy == AllocationPolicy::kPriority &&
                             base_options.policy == options.policy && base_options.plan_last == options.plan_last;
  return same_sequence ? base_sequence : PlanningSequence(scenario, options);
}

Divergence FindDivergence(const Model& base, const PlanOptions& base_options, const std::vector<LineId>& base_sequence,
                          const Model& scenario, const PlanOptions& options) {
  Divergence d;
  d.sequence = ScenarioSequence(base, base_options, base_sequence, scenario, options);
  if (!SameStructure(base, scenario)) return d;

  const int32_t sites = static_cast<int32_t>(base.sites().size());
  for (size_t i = 0; i < base.items().size(); ++i) {
    const ItemId item(i);
    if (SameRecords(base.supply_of(item), scenario.supply_of(item))) continue;
    for (int32_t s = 0; s < sites; ++s) {
      if (LedgerSupply(base, item, SiteId(s)) != LedgerSupply(scenario, item, SiteId(s))) {
        const int32_t sp = static_cast<int32_t>(i) * sites + s;
        d.stock_points.push_back(sp);
      }
    }
  }
  for (size_t r = 0; r < base.resources().size(); ++r) {
    const auto a = base.capacity_by_day(ResourceId(r)), b = scenario.capacity_by_day(ResourceId(r));
    if (!std::equal(a.begin(), a.end(), b.begin(), b.end())) {
      d.resources.push_back(ResourceId(r));
    }
  }

  const auto base_sites = CandidateSites(base), sites_of = CandidateSites(scenario);
  const bool same_windows = SameExportControl(base, base_options, scenario, options);
  const LicenceIndex base_licences(base, base_options.licence_policy), licences(scenario, options.licence_policy);
  std::vector<ShipWindow> base_windows, windows;
  Constraint base_blocked, blocked;
  const size_t n = std::min(base_sequence.size(), d.sequence.size());
  size_t k = 0;
  for (; k < n; ++k) {
    const OrderLine& a = base.line(base_sequence[k]);
    const OrderLine& b = scenario.line(d.sequence[k]);
    if (!SameLine(base, a, scenario, b)) break;
    if (!b.site.valid() && base_sites[b.item.index()] != sites_of[b.item.index()]) break;
    if (same_windows) continue;
    base_licences.Windows(a, base_windows, base_blocked);
    licences.Windows(b, windows, blocked);
    if (!SameWindows(base_windows, windows) || !SameConstraint(base_blocked, blocked)) break;
  }
  d.limit = k;
  return d;
}

}  // namespace takt
