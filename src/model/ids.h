#pragma once
// Dense integer ids: small strong types that index the model's flat arrays.

#include <compare>
#include <cstdint>
#include <functional>

namespace takt {

/// An index into one of the model's arrays. Distinct tags keep an ItemId from indexing sites.
template <typename Tag>
struct Id {
  int32_t value = -1;

  constexpr Id() = default;
  constexpr explicit Id(int32_t v) : value(v) {}
  constexpr explicit Id(size_t v) : value(static_cast<int32_t>(v)) {}
  constexpr bool valid() const { return value >= 0; }
  constexpr size_t index() const { return static_cast<size_t>(value); }
  constexpr auto operator<=>(const Id&) const = default;
};

using ItemId = Id<struct ItemTag>;
using SiteId = Id<struct SiteTag>;
using ResourceId = Id<struct ResourceTag>;
using RoutingId = Id<struct RoutingTag>;
using QuarterId = Id<struct QuarterTag>;
using CustomerId = Id<struct CustomerTag>;
using CountryId = Id<struct CountryTag>;
using GroupId = Id<struct GroupTag>;
using ExportClassId = Id<struct ExportClassTag>;
using LicenceId = Id<struct LicenceTag>;
using OrderId = Id<struct OrderTag>;
using LineId = Id<struct LineTag>;      ///< one order line (the unit the planner dates)
using SupplyId = Id<struct SupplyTag>;

}  // namespace takt

template <typename Tag>
struct std::hash<takt::Id<Tag>> {
  size_t operator()(const takt::Id<Tag>& id) const noexcept { return std::hash<int32_t>()(id.value); }
};
