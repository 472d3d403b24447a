#include "model/summary.h"

#include <fmt/format.h>

#include "common/format.h"

#include <algorithm>
#include <unordered_set>

namespace takt {

std::string FormatSummary(const Model& m) {
  const Settings& s = m.settings();
  std::string out;
  auto line = [&out](std::string text) {
    out += text;
    out += '\n';
  };
  line(fmt::format("  horizon    {} .. {} ({} days), currency {}, early ship {} days", FormatDate(s.plan_start),
                   FormatDate(s.horizon_end()), s.horizon_days, s.currency, s.early_ship_days));
  if (!m.quarters().empty()) {
    line(fmt::format("  quarters   {:>9}  {} .. {} ({} .. {})", FormatCount(static_cast<int64_t>(m.quarters().size())),
                     m.quarters().front().code, m.quarters().back().code, FormatDate(m.quarters().front().start),
                     FormatDate(m.quarters().back().end)));
  }
  std::string site_list;
  for (const Site& site : m.sites()) {
    site_list += fmt::format("{}{} ({})", site_list.empty() ? "" : ", ", site.code, m.country_code(site.country));
  }
  line(fmt::format("  sites      {:>9}  {}", FormatCount(static_cast<int64_t>(m.sites().size())), site_list));

  int64_t kinds[3] = {0, 0, 0};
  int32_t depth = 0;
  for (size_t i = 0; i < m.items().size(); ++i) {
    ++kinds[static_cast<int>(m.items()[i].kind)];
    depth = std::max(depth, m.low_level_code(ItemId(i)));
  }
  line(fmt::format("  items      {:>9}  {} products, {} assemblies, {} components; BOM {} lines, {} levels",
                   FormatCount(static_cast<int64_t>(m.items().size())), FormatCount(kinds[0]), FormatCount(kinds[1]), FormatCount(kinds[2]),
                   FormatCount(static_cast<int64_t>(m.bom().size())), depth + 1));
  line(fmt::format("  resources  {:>9}  {} routings, {} steps, {} calendar overrides",
                   FormatCount(static_cast<int64_t>(m.resources().size())), FormatCount(static_cast<int64_t>(m.routings().size())),
                   FormatCount(static_cast<int64_t>(m.all_steps().size())),
                   FormatCount(static_cast<int64_t>(m.capacity_overrides().size()))));

  int64_t onhand = 0, receipts = 0;
  Day first_receipt = kNoDay, last_receipt = kNoDay;
  for (const Supply& sup : m.supply()) {
    if (sup.kind == SupplyKind::kOnHand) {
      ++onhand;
    } else {
      ++receipts;
      if (first_receipt == kNoDay || sup.date < first_receipt) first_receipt = sup.date;
      if (last_receipt == kNoDay || sup.date > last_receipt) last_receipt = sup.date;
    }
  }
  line(fmt::format("  supply     {:>9}  {} on hand, {} receipts{}", FormatCount(static_cast<int64_t>(m.supply().size())),
                   FormatCount(onhand), FormatCount(receipts),
                   receipts > 0 ? fmt::format(" ({} .. {})", FormatDate(first_receipt), FormatDate(last_receipt)) : ""));

  const auto lines = m.lines();
  int64_t units = 0, past_due = 0, partial = 0, need_licence = 0, prohibited = 0;
  Day first_request = kNoDay, last_request = kNoDay;
  std::vector<uint8_t> customer_seen(m.customer_codes().size(), 0), country_seen(m.country_codes().size(), 0);
  std::vector<Money> backlog_by_item(m.items().size(), 0);
  for (const OrderLine& l : lines) {
    units += l.qty;
    if (l.request_date < s.plan_start) ++past_due;
    if (l.partial) ++partial;
    if (first_request == kNoDay || l.request_date < first_request) first_request = l.request_date;
    if (last_request == kNoDay || l.request_date > last_request) last_request = l.request_date;
    customer_seen[l.customer.index()] = 1;
    country_seen[l.ship_to.index()] = 1;
    backlog_by_item[l.item.index()] += l.qty * l.unit_price;
    switch (m.export_rule(m.item(l.item).export_class, l.ship_to)) {
      case ExportRuleKind::kLicence: ++need_licence; break;
      case ExportRuleKind::kProhibited: ++prohibited; break;
      case ExportRuleKind::kNone: break;
    }
  }
  const int64_t customers = std::count(customer_seen.begin(), customer_seen.end(), 1);
  const int64_t countries = std::count(country_seen.begin(), country_seen.end(), 1);
  std::unordered_set<int32_t> orders;
  for (const OrderLine& l : lines) orders.insert(l.order.value);
  line(fmt::format("  orders     {:>9}  lines in {} orders from {} customers to {} countries; {} may ship partially",
                   FormatCount(static_cast<int64_t>(lines.size())), FormatCount(static_cast<int64_t>(orders.size())),
                   FormatCount(customers), FormatCount(countries), FormatCount(partial)));
  line(fmt::format("  backlog    {:>9}  {} units; requested {} .. {}; {} lines already past due",
                   FormatMoneyShort(m.backlog_value(), s.currency), FormatCount(units),
                   lines.empty() ? "-" : FormatDate(first_request), lines.empty() ? "-" : FormatDate(last_request),
                   FormatCount(past_due)));
  int64_t statuses[3] = {0, 0, 0};
  for (const Licence& l : m.licences()) ++statuses[static_cast<int>(l.status)];
  line(fmt::format("  export     {:>9}  rules, {} groups, {} licences ({} approved, {} pending, {} denied); {} lines "
                   "need a licence, {} are prohibited",
                   FormatCount(static_cast<int64_t>(m.export_rules().size())), FormatCount(static_cast<int64_t>(m.groups().size())),
                   FormatCount(static_cast<int64_t>(m.licences().size())), FormatCount(statuses[0]), FormatCount(statuses[1]),
                   FormatCount(statuses[2]), FormatCount(need_licence), FormatCount(prohibited)));

  std::vector<size_t> top(m.items().size());
  for (size_t i = 0; i < top.size(); ++i) top[i] = i;
  std::stable_sort(top.begin(), top.end(), [&](size_t a, size_t b) { return backlog_by_item[a] > backlog_by_item[b]; });
  std::string tops;
  for (size_t k = 0; k < std::min<size_t>(5, top.size()) && backlog_by_item[top[k]] > 0; ++k) {
    tops += fmt::format("{}{} {}", tops.empty() ? "" : ", ", m.items()[top[k]].code,
                        FormatMoneyShort(backlog_by_item[top[k]], s.currency));
  }
  if (!tops.empty()) line(fmt::format("  top items  {:>9}  {}", "", tops));
  return out;
}

}  // namespace takt
