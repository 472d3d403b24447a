#include "model/model.h"

#include <algorithm>
#include <cassert>

namespace takt {

const char* ItemKindName(ItemKind kind) {
  switch (kind) {
    case ItemKind::kProduct: return "product";
    case ItemKind::kAssembly: return "assembly";
    case ItemKind::kComponent: return "component";
  }
  return "?";
}

const char* SupplyKindName(SupplyKind kind) { return kind == SupplyKind::kOnHand ? "onhand" : "receipt"; }

const char* ExportRuleKindName(ExportRuleKind kind) {
  switch (kind) {
    case ExportRuleKind::kNone: return "none";
    case ExportRuleKind::kLicence: return "licence";
    case ExportRuleKind::kProhibited: return "prohibited";
  }
  return "?";
}

const char* LicenceStatusName(LicenceStatus status) {
  switch (status) {
    case LicenceStatus::kApproved: return "approved";
    case LicenceStatus::kPending: return "pending";
    case LicenceStatus::kDenied: return "denied";
  }
  return "?";
}

namespace {

// Offsets for a CSR index over records sorted by key: records of key k are [offsets[k], offsets[k+1]).
template <typename T, typename KeyOf>
std::vector<uint32_t> BuildOffsets(const std::vector<T>& sorted, size_t key_count, KeyOf key_of) {
  std::vector<uint32_t> offsets(key_count + 1, 0);
  for (const T& record : sorted) ++offsets[key_of(record) + 1];
  for (size_t k = 0; k < key_count; ++k) offsets[k + 1] += offsets[k];
  return offsets;
}

template <typename T>
std::span<const T> Slice(const std::vector<T>& records, const std::vector<uint32_t>& offsets, size_t key) {
  return std::span<const T>(records).subspan(offsets[key], offsets[key + 1] - offsets[key]);
}

std::unordered_map<std::string, int32_t> IndexCodes(const auto& records) {
  std::unordered_map<std::string, int32_t> index;
  index.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) index.emplace(records[i].code, static_cast<int32_t>(i));
  return index;
}

}  // namespace

std::shared_ptr<const Model> Model::Build(ModelParts parts) {
  std::shared_ptr<Model> m(new Model());
  m->p_ = std::move(parts);
  ModelParts& p = m->p_;
  const size_t item_count = p.items.size();

  std::stable_sort(p.bom.begin(), p.bom.end(), [](const BomLine& a, const BomLine& b) {
    return a.parent != b.parent ? a.parent < b.parent : a.component < b.component;
  });
  m->bom_offsets_ = BuildOffsets(p.bom, item_count, [](const BomLine& b) { return b.parent.index(); });
  m->where_used_ = p.bom;
  std::stable_sort(m->where_used_.begin(), m->where_used_.end(), [](const BomLine& a, const BomLine& b) {
    return a.component != b.component ? a.component < b.component : a.parent < b.parent;
  });
  m->where_used_offsets_ =
      BuildOffsets(m->where_used_, item_count, [](const BomLine& b) { return b.component.index(); });

  // Low-level codes by Kahn's algorithm from the top: an item's level is settled once all its
  // parents are. The BOM is acyclic (validated), so every item is reached.
  m->low_level_code_.assign(item_count, 0);
  std::vector<int32_t> open_parents(item_count, 0);
  for (const BomLine& b : p.bom) ++open_parents[b.component.index()];
  std::vector<ItemId> ready;
  for (size_t i = 0; i < item_count; ++i) {
    if (open_parents[i] == 0) ready.push_back(ItemId(i));
  }
  size_t settled = 0;
  while (!ready.empty()) {
    const ItemId parent = ready.back();
    ready.pop_back();
    ++settled;
    for (const BomLine& b : Slice(p.bom, m->bom_offsets_, parent.index())) {
      int32_t& level = m->low_level_code_[b.component.index()];
      level = std::max(level, m->low_level_code_[parent.index()] + 1);
      if (--open_parents[b.component.index()] == 0) ready.push_back(b.component);
    }
  }
  assert(settled == item_count && "BOM must be acyclic");

  std::stable_sort(p.routings.begin(), p.routings.end(), [](const Routing& a, const Routing& b) {
    return a.item != b.item ? a.item < b.item : a.site < b.site;
  });
  m->routing_offsets_ = BuildOffsets(p.routings, item_count, [](const Routing& r) { return r.item.index(); });

  std::stable_sort(p.supply.begin(), p.supply.end(), [](const Supply& a, const Supply& b) {
    if (a.item != b.item) return a.item < b.item;
    if (a.site != b.site) return a.site < b.site;
    return a.date < b.date;
  });
  m->supply_offsets_ = BuildOffsets(p.supply, item_count, [](const Supply& s) { return s.item.index(); });

  const size_t days = static_cast<size_t>(p.settings.horizon_days);
  m->capacity_by_day_.resize(p.resources.size() * days);
  for (size_t r = 0; r < p.resources.size(); ++r) {
    std::fill_n(m->capacity_by_day_.begin() + static_cast<ptrdiff_t>(r * days), days,
                p.resources[r].capacity_per_day);
  }
  // Overrides apply in file order, so a later row wins where two overlap.
  for (const CapacityOverride& o : p.capacity_overrides) {
    const Day from = std::max(o.from, p.settings.plan_start);
    const Day to = std::min(o.to, p.settings.horizon_end());
    for (Day d = from; d <= to; ++d) {
      m->capacity_by_day_[o.resource.index() * days + static_cast<size_t>(d - p.settings.plan_start)] =
          o.capacity_per_day;
    }
  }

  const size_t countries = p.country_codes.size();
  m->export_matrix_.assign(p.export_class_codes.size() * countries, ExportRuleKind::kNone);
  for (const ExportRule& rule : p.export_rules) {
    auto apply = [&](CountryId c) {
      ExportRuleKind& cell = m->export_matrix_[rule.export_class.index() * countries + c.index()];
      cell = std::max(cell, rule.rule);  // prohibited is stricter than licence, licence than none
    };
    if (rule.destination.is_group) {
      const CountryGroup& g = p.groups[static_cast<size_t>(rule.destination.id)];
      for (CountryId c : m->members(g)) apply(c);
    } else {
      apply(CountryId(rule.destination.id));
    }
  }

  m->item_index_ = IndexCodes(p.items);
  m->site_index_ = IndexCodes(p.sites);
  m->resource_index_ = IndexCodes(p.resources);

  if (!p.lines) p.lines = std::make_shared<const std::vector<OrderLine>>();
  if (!p.order_codes) p.order_codes = std::make_shared<const StringPool>();
  if (!p.customer_codes) p.customer_codes = std::make_shared<const StringPool>();
  for (const OrderLine& l : *p.lines) m->backlog_value_ += l.unit_price * l.qty;
  return m;
}

std::string_view Model::destination_code(Destination d) const {
  return d.is_group ? std::string_view(p_.groups[static_cast<size_t>(d.id)].code)
                    : p_.country_codes[static_cast<size_t>(d.id)];
}

template <typename IdT>
static std::optional<IdT> Find(const std::unordered_map<std::string, int32_t>& index, std::string_view code) {
  auto it = index.find(std::string(code));
  if (it == index.end()) return std::nullopt;
  return IdT(it->second);
}

std::optional<ItemId> Model::FindItem(std::string_view code) const { return Find<ItemId>(item_index_, code); }
std::optional<SiteId> Model::FindSite(std::string_view code) const { return Find<SiteId>(site_index_, code); }
std::optional<ResourceId> Model::FindResource(std::string_view code) const {
  return Find<ResourceId>(resource_index_, code);
}
std::optional<CustomerId> Model::FindCustomer(std::string_view code) const {
  const int32_t id = p_.customer_codes->Find(code);
  return id < 0 ? std::nullopt : std::optional<CustomerId>(CustomerId(id));
}
std::optional<CountryId> Model::FindCountry(std::string_view code) const {
  const int32_t id = p_.country_codes.Find(code);
  return id < 0 ? std::nullopt : std::optional<CountryId>(CountryId(id));
}

std::span<const BomLine> Model::components_of(ItemId item) const { return Slice(p_.bom, bom_offsets_, item.index()); }
std::span<const BomLine> Model::where_used(ItemId item) const {
  return Slice(where_used_, where_used_offsets_, item.index());
}
std::span<const Routing> Model::routings_of(ItemId item) const {
  return Slice(p_.routings, routing_offsets_, item.index());
}
std::span<const Supply> Model::supply_of(ItemId item) const { return Slice(p_.supply, supply_offsets_, item.index()); }

std::span<const Fixed4> Model::capacity_by_day(ResourceId r) const {
  const size_t days = static_cast<size_t>(p_.settings.horizon_days);
  return std::span<const Fixed4>(capacity_by_day_).subspan(r.index() * days, days);
}

Fixed4 Model::capacity(ResourceId r, Day day) const {
  if (day < plan_start() || day > horizon_end()) return 0;
  return capacity_by_day(r)[static_cast<size_t>(day - plan_start())];
}

ExportRuleKind Model::export_rule(ExportClassId export_class, CountryId country) const {
  if (!export_class.valid()) return ExportRuleKind::kNone;
  return export_matrix_[export_class.index() * p_.country_codes.size() + country.index()];
}

bool Model::GroupContains(GroupId group, CountryId country) const {
  for (CountryId c : members(p_.groups[group.index()])) {
    if (c == country) return true;
  }
  return false;
}

bool Model::DestinationContains(Destination d, CountryId country) const {
  return d.is_group ? GroupContains(GroupId(d.id), country) : d.id == country.value;
}

QuarterId Model::QuarterOf(Day day) const {
  auto it = std::upper_bound(p_.quarters.begin(), p_.quarters.end(), day,
                             [](Day d, const Quarter& q) { return d < q.start; });
  if (it == p_.quarters.begin()) return QuarterId();
  --it;
  if (day > it->end) return QuarterId();
  return QuarterId(static_cast<size_t>(it - p_.quarters.begin()));
}

}  // namespace takt
