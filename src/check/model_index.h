#pragma once
// The lookups the checker needs from the dataset, built once: codes to ids without allocating,
// order lines by (order, line number), the routing of an item at a site, standard costs, and
// receipts by reference.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/numbers.h"
#include "common/string_pool.h"
#include "model/model.h"

namespace takt::check {

/// The receipts of one item at one site that share a reference.
struct ReceiptGroup {
  int64_t qty = 0;
  Day first_date = 0;  ///< earliest day any of them counts (plan_start at the earliest)
};

class ModelIndex {
 public:
  explicit ModelIndex(const Model& model);
  // Views point into the pools: no copies.
  ModelIndex(const ModelIndex&) = delete;
  ModelIndex& operator=(const ModelIndex&) = delete;

  const Model& model() const { return model_; }
  /// Days of the horizon; day indexes run 0 .. days() - 1 from plan_start.
  int32_t days() const { return model_.settings().horizon_days; }
  bool InHorizon(Day day) const { return day >= model_.plan_start() && day <= model_.horizon_end(); }

  std::optional<ItemId> FindItem(std::string_view code) const;
  std::optional<SiteId> FindSite(std::string_view code) const;
  std::optional<ResourceId> FindResource(std::string_view code) const;
  /// The order line `line` of order `order` (an id of Model::order_codes(), or -1), if orders.csv has it.
  std::optional<LineId> FindLine(int32_t order, int64_t line) const;

  std::string_view item_code(ItemId id) const { return model_.item(id).code; }
  std::string_view site_code(SiteId id) const { return model_.site(id).code; }
  std::string_view resource_code(ResourceId id) const { return model_.resource(id).code; }
  /// "order SO-1 line 2".
  std::string LineName(LineId id) const;
  /// Codes for "did you mean" hints.
  std::span<const std::string_view> item_codes() const { return item_views_; }
  std::span<const std::string_view> site_codes() const { return site_views_; }
  std::span<const std::string_view> resource_codes() const { return resource_views_; }

  /// The routing that builds `item` at `site`, or null.
  const Routing* RoutingAt(ItemId item, SiteId site) const;
  /// The step numbered `step` of a routing, or null.
  const RoutingStep* StepOf(const Routing& routing, int64_t step) const;
  /// unit_cost for an item without BOM, else the sum of qty_per x the components' standard costs.
  Wide StandardCost(ItemId item) const { return standard_cost_[item.index()]; }
  /// qty x unit_price of a line.
  Wide LineValue(LineId id) const;

  /// Licences of a customer, as indexes into Model::licences().
  std::span<const uint32_t> LicencesOf(CustomerId customer) const;

  /// Receipts of (item, site) with reference `ref`, or null.
  const ReceiptGroup* FindReceipts(ItemId item, SiteId site, std::string_view ref) const;
  /// On-hand stock of (item, site) at plan_start.
  int64_t OnHand(ItemId item, SiteId site) const;

 private:
  uint64_t PairKey(ItemId item, SiteId site) const { return item.index() * model_.sites().size() + site.index(); }

  const Model& model_;
  StringPool item_pool_, site_pool_, resource_pool_;  // id == the model's id
  std::vector<std::string_view> item_views_, site_views_, resource_views_;
  std::vector<uint32_t> order_first_;  ///< lines of order o are order_lines_[order_first_[o] .. order_first_[o+1])
  std::vector<LineId> order_lines_;
  std::vector<Wide> standard_cost_;
  std::vector<uint32_t> customer_first_, customer_licences_;
  StringPool receipt_refs_;
  std::unordered_map<uint64_t, ReceiptGroup> receipts_;  ///< key: (item x sites + site) << 24 ^ ref id
  std::unordered_map<uint64_t, int64_t> on_hand_;        ///< key: item x sites + site
};

}  // namespace takt::check
