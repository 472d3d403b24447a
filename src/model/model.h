#pragma once
// The validated dataset: immutable, flat arrays indexed by dense ids, with the indexes a planner
// walks millions of times (BOM, routings and supply by item; capacity by resource and day).
// A Model is only built from parts that passed validation (io/dataset_loader), so every id in it
// is in range and every invariant documented here holds.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/string_pool.h"
#include "model/entities.h"

namespace takt {

/// Everything a Model is built from, as plain vectors. Filled by the loader or the generator's
/// tests; validated before Model::Build.
struct ModelParts {
  Settings settings;
  std::vector<Quarter> quarters;  ///< sorted, contiguous
  std::vector<Site> sites;
  std::vector<Item> items;
  std::vector<BomLine> bom;
  std::vector<Resource> resources;
  std::vector<CapacityOverride> capacity_overrides;
  std::vector<Routing> routings;  ///< steps of routing r are steps[first_step .. +step_count)
  std::vector<RoutingStep> steps;
  std::vector<Supply> supply;
  /// The arrays that grow with the backlog are shared: a what-if scenario that does not edit
  /// orders uses the base dataset's, not a copy.
  std::shared_ptr<const std::vector<OrderLine>> lines;
  std::vector<ExportRule> export_rules;
  std::vector<Licence> licences;
  std::vector<CountryGroup> groups;
  std::vector<CountryId> group_members;
  std::shared_ptr<const StringPool> order_codes;
  std::shared_ptr<const StringPool> customer_codes;
  StringPool country_codes;
  StringPool export_class_codes;
};

class Model {
 public:
  /// Builds the indexes. `parts` must be valid (as the loader guarantees); violations are bugs.
  static std::shared_ptr<const Model> Build(ModelParts parts);

  /// A copy of what the model was built from, to edit into a scenario. The order arrays are shared,
  /// not copied.
  ModelParts parts() const { return p_; }

  const Settings& settings() const { return p_.settings; }
  Day plan_start() const { return p_.settings.plan_start; }
  Day horizon_end() const { return p_.settings.horizon_end(); }

  std::span<const Quarter> quarters() const { return p_.quarters; }
  std::span<const Site> sites() const { return p_.sites; }
  std::span<const Item> items() const { return p_.items; }
  std::span<const BomLine> bom() const { return p_.bom; }
  std::span<const Resource> resources() const { return p_.resources; }
  std::span<const CapacityOverride> capacity_overrides() const { return p_.capacity_overrides; }
  std::span<const Routing> routings() const { return p_.routings; }
  std::span<const RoutingStep> all_steps() const { return p_.steps; }
  std::span<const Supply> supply() const { return p_.supply; }
  std::span<const OrderLine> lines() const { return *p_.lines; }
  std::span<const ExportRule> export_rules() const { return p_.export_rules; }
  std::span<const Licence> licences() const { return p_.licences; }
  std::span<const CountryGroup> groups() const { return p_.groups; }

  const Item& item(ItemId id) const { return p_.items[id.index()]; }
  const Site& site(SiteId id) const { return p_.sites[id.index()]; }
  const Resource& resource(ResourceId id) const { return p_.resources[id.index()]; }
  const Routing& routing(RoutingId id) const { return p_.routings[id.index()]; }
  const OrderLine& line(LineId id) const { return (*p_.lines)[id.index()]; }
  std::string_view order_code(OrderId id) const { return (*p_.order_codes)[id.index()]; }
  std::string_view customer_code(CustomerId id) const { return (*p_.customer_codes)[id.index()]; }
  std::string_view country_code(CountryId id) const { return p_.country_codes[id.index()]; }
  std::string_view export_class_code(ExportClassId id) const { return p_.export_class_codes[id.index()]; }
  const StringPool& order_codes() const { return *p_.order_codes; }
  const StringPool& customer_codes() const { return *p_.customer_codes; }
  const StringPool& country_codes() const { return p_.country_codes; }
  const StringPool& export_class_codes() const { return p_.export_class_codes; }
  std::optional<CountryId> FindCountry(std::string_view code) const;
  std::span<const CountryId> members(const CountryGroup& g) const {
    return std::span<const CountryId>(p_.group_members).subspan(g.first_member, g.member_count);
  }
  /// The country or group code of a destination.
  std::string_view destination_code(Destination d) const;

  std::optional<ItemId> FindItem(std::string_view code) const;
  std::optional<SiteId> FindSite(std::string_view code) const;
  std::optional<ResourceId> FindResource(std::string_view code) const;
  std::optional<CustomerId> FindCustomer(std::string_view code) const;

  /// BOM children of an item (sorted by component id). O(1).
  std::span<const BomLine> components_of(ItemId item) const;
  /// BOM lines in which the item is a component.
  std::span<const BomLine> where_used(ItemId item) const;
  /// 0 for items used in no BOM; otherwise 1 + the deepest parent's level. Netting items in
  /// ascending level order sees every parent before its components.
  int32_t low_level_code(ItemId item) const { return low_level_code_[item.index()]; }

  /// Routings of an item, one per site that can build it (sorted by site).
  std::span<const Routing> routings_of(ItemId item) const;
  std::span<const RoutingStep> steps(const Routing& r) const {
    return std::span<const RoutingStep>(p_.steps).subspan(r.first_step, r.step_count);
  }

  /// Supply records of an item, sorted by site then date.
  std::span<const Supply> supply_of(ItemId item) const;

  /// Capacity of a resource on a day of the horizon (calendar overrides applied); 0 outside it.
  Fixed4 capacity(ResourceId r, Day day) const;
  /// Daily capacities of a resource from plan_start to horizon_end.
  std::span<const Fixed4> capacity_by_day(ResourceId r) const;

  /// The rule for shipping an item of an export class to a country (the strictest of the rules
  /// naming the country directly or through a group).
  ExportRuleKind export_rule(ExportClassId export_class, CountryId country) const;
  bool GroupContains(GroupId group, CountryId country) const;
  bool DestinationContains(Destination d, CountryId country) const;

  /// The fiscal quarter containing a day, or invalid when no quarter does.
  QuarterId QuarterOf(Day day) const;

  /// Sum of qty x unit_price over all order lines.
  Money backlog_value() const { return backlog_value_; }

 private:
  Model() = default;

  ModelParts p_;
  std::vector<BomLine> where_used_;
  std::vector<uint32_t> bom_offsets_, where_used_offsets_, routing_offsets_, supply_offsets_;
  std::vector<int32_t> low_level_code_;
  std::vector<Fixed4> capacity_by_day_;  ///< [resource][day - plan_start]
  std::vector<ExportRuleKind> export_matrix_;  ///< [export_class][country]
  std::unordered_map<std::string, int32_t> item_index_, site_index_, resource_index_;
  Money backlog_value_ = 0;
};

}  // namespace takt
