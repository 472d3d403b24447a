#include "check/model_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace takt::check {

namespace {

template <typename Records>
void InternCodes(const Records& records, StringPool& pool, std::vector<std::string_view>& views) {
  for (const auto& r : records) pool.Intern(r.code);
  views = pool.Views();
}

}  // namespace

ModelIndex::ModelIndex(const Model& model) : model_(model) {
  InternCodes(model.items(), item_pool_, item_views_);
  InternCodes(model.sites(), site_pool_, site_views_);
  InternCodes(model.resources(), resource_pool_, resource_views_);

  // Lines by order, sorted by line number: a CSR index over the order ids.
  const auto lines = model.lines();
  const size_t orders = model.order_codes().size();
  order_first_.assign(orders + 1, 0);
  for (const OrderLine& l : lines) ++order_first_[l.order.index() + 1];
  for (size_t o = 0; o < orders; ++o) order_first_[o + 1] += order_first_[o];
  order_lines_.resize(lines.size());
  {
    std::vector<uint32_t> fill(order_first_.begin(), order_first_.end() - 1);
    for (size_t i = 0; i < lines.size(); ++i) order_lines_[fill[lines[i].order.index()]++] = LineId(i);
  }

  // Standard costs, components before parents: a component's low-level code is above its parents'.
  const auto items = model.items();
  std::vector<uint32_t> by_level(items.size());
  std::iota(by_level.begin(), by_level.end(), 0u);
  std::stable_sort(by_level.begin(), by_level.end(), [&](uint32_t a, uint32_t b) {
    return model.low_level_code(ItemId(static_cast<int32_t>(a))) >
           model.low_level_code(ItemId(static_cast<int32_t>(b)));
  });
  standard_cost_.assign(items.size(), 0);
  for (uint32_t i : by_level) {
    const ItemId id(static_cast<int32_t>(i));
    const auto bom = model.components_of(id);
    if (bom.empty()) {
      standard_cost_[i] = items[i].unit_cost;
    } else {
      Wide sum = 0;
      for (const BomLine& b : bom) sum += static_cast<Wide>(b.qty_per) * standard_cost_[b.component.index()];
      standard_cost_[i] = sum;
    }
  }

  // Licences by customer.
  const auto licences = model.licences();
  const size_t customers = model.customer_codes().size();
  customer_first_.assign(customers + 1, 0);
  for (const Licence& l : licences) ++customer_first_[l.customer.index() + 1];
  for (size_t c = 0; c < customers; ++c) customer_first_[c + 1] += customer_first_[c];
  customer_licences_.resize(licences.size());
  {
    std::vector<uint32_t> fill(customer_first_.begin(), customer_first_.end() - 1);
    for (size_t i = 0; i < licences.size(); ++i) {
      customer_licences_[fill[licences[i].customer.index()]++] = static_cast<uint32_t>(i);
    }
  }

  // Receipts grouped by (item, site, ref); on-hand stock by (item, site).
  for (const Supply& s : model.supply()) {
    if (s.kind == SupplyKind::kReceipt) receipt_refs_.Intern(s.ref);
  }
  for (const Supply& s : model.supply()) {
    if (s.kind == SupplyKind::kOnHand) {
      on_hand_[PairKey(s.item, s.site)] += s.qty;
      continue;
    }
    const uint64_t key =
        PairKey(s.item, s.site) * receipt_refs_.size() + static_cast<uint64_t>(receipt_refs_.Find(s.ref));
    const Day day = std::max(s.date, model.plan_start());
    auto [it, added] = receipts_.try_emplace(key, ReceiptGroup{0, day});
    it->second.qty += s.qty;
    it->second.first_date = std::min(it->second.first_date, day);
  }
}

std::optional<ItemId> ModelIndex::FindItem(std::string_view code) const {
  const int32_t id = item_pool_.Find(code);
  return id < 0 ? std::nullopt : std::optional<ItemId>(ItemId(id));
}

std::optional<SiteId> ModelIndex::FindSite(std::string_view code) const {
  const int32_t id = site_pool_.Find(code);
  return id < 0 ? std::nullopt : std::optional<SiteId>(SiteId(id));
}

std::optional<ResourceId> ModelIndex::FindResource(std::string_view code) const {
  const int32_t id = resource_pool_.Find(code);
  return id < 0 ? std::nullopt : std::optional<ResourceId>(ResourceId(id));
}

std::optional<LineId> ModelIndex::FindLine(int32_t o, int64_t line) const {
  if (o < 0) return std::nullopt;
  for (uint32_t i = order_first_[static_cast<size_t>(o)]; i < order_first_[static_cast<size_t>(o) + 1]; ++i) {
    if (model_.line(order_lines_[i]).line == line) return order_lines_[i];
  }
  return std::nullopt;
}

std::string ModelIndex::LineName(LineId id) const {
  const OrderLine& l = model_.line(id);
  return fmt::format("order {} line {}", model_.order_code(l.order), l.line);
}

const Routing* ModelIndex::RoutingAt(ItemId item, SiteId site) const {
  for (const Routing& r : model_.routings_of(item)) {
    if (r.site == site) return &r;
  }
  return nullptr;
}

const RoutingStep* ModelIndex::StepOf(const Routing& routing, int64_t step) const {
  const auto steps = model_.steps(routing);
  auto it = std::lower_bound(steps.begin(), steps.end(), step,
                             [](const RoutingStep& s, int64_t number) { return s.step < number; });
  return it == steps.end() || it->step != step ? nullptr : &*it;
}

Wide ModelIndex::LineValue(LineId id) const {
  const OrderLine& l = model_.line(id);
  return static_cast<Wide>(l.qty) * l.unit_price;
}

std::span<const uint32_t> ModelIndex::LicencesOf(CustomerId customer) const {
  return std::span<const uint32_t>(customer_licences_)
      .subspan(customer_first_[customer.index()],
               customer_first_[customer.index() + 1] - customer_first_[customer.index()]);
}

const ReceiptGroup* ModelIndex::FindReceipts(ItemId item, SiteId site, std::string_view ref) const {
  const int32_t ref_id = receipt_refs_.Find(ref);
  if (ref_id < 0) return nullptr;
  auto it = receipts_.find(PairKey(item, site) * receipt_refs_.size() + static_cast<uint64_t>(ref_id));
  return it == receipts_.end() ? nullptr : &it->second;
}

int64_t ModelIndex::OnHand(ItemId item, SiteId site) const {
  auto it = on_hand_.find(PairKey(item, site));
  return it == on_hand_.end() ? 0 : it->second;
}

}  // namespace takt::check
