#include "server/order_query.h"

#include <algorithm>
#include <cctype>

namespace takt::server {

namespace {

bool ContainsLower(std::string_view haystack, std::string_view lower_needle) {
  if (lower_needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + lower_needle.size() <= haystack.size(); ++i) {
    size_t k = 0;
    while (k < lower_needle.size() &&
           std::tolower(static_cast<unsigned char>(haystack[i + k])) == static_cast<unsigned char>(lower_needle[k])) {
      ++k;
    }
    if (k == lower_needle.size()) return true;
  }
  return false;
}

}  // namespace

std::optional<OrderSort> ParseOrderSort(std::string_view t) {
  if (t == "order") return OrderSort::kOrder;
  if (t == "request") return OrderSort::kRequest;
  if (t == "planned") return OrderSort::kPlanned;
  if (t == "days_late") return OrderSort::kDaysLate;
  if (t == "value") return OrderSort::kValue;
  if (t == "customer") return OrderSort::kCustomer;
  if (t == "item") return OrderSort::kItem;
  return std::nullopt;
}

std::optional<LineStatus> ParseLineStatus(std::string_view t) {
  for (LineStatus s : {LineStatus::kOnTime, LineStatus::kLate, LineStatus::kUnplanned}) {
    if (t == LineStatusName(s)) return s;
  }
  return std::nullopt;
}

std::optional<ReasonCode> ParseReasonCode(std::string_view t) {
  for (int c = static_cast<int>(ReasonCode::kMaterial); c <= static_cast<int>(ReasonCode::kPastDue); ++c) {
    if (t == ReasonCodeName(static_cast<ReasonCode>(c))) return static_cast<ReasonCode>(c);
  }
  return std::nullopt;
}

OrderPage QueryOrders(const PlanSnapshot& s, const OrderQuery& q) {
  const Model& m = s.model();
  const Plan& plan = s.plan();
  const size_t n = m.lines().size();
  OrderPage page;
  const bool filtered = q.statuses != 0 || q.customer || q.item || q.site || q.quarter || q.reason || !q.text.empty();
  if (!filtered && q.sort == OrderSort::kOrder) {
    // The first page of the whole table, the dashboard's default: no scan at all.
    page.total = n;
    for (size_t i = q.offset; i < std::min(n, q.offset + q.limit); ++i) {
      const size_t at = q.descending ? n - 1 - i : i;
      page.lines.push_back(LineId(static_cast<int32_t>(s.lines_by_order()[at])));
    }
    return page;
  }
  // Scan in id order (the arrays' own order, cache friendly); sort only what the page needs.
  std::vector<uint32_t> hits;
  for (uint32_t id = 0; id < n; ++id) {
    const OrderLine& l = m.lines()[id];
    const LineOutcome& o = plan.outcomes[id];
    if (q.statuses != 0 && (q.statuses & (1u << static_cast<unsigned>(o.status))) == 0) continue;
    if (q.customer && l.customer != *q.customer) continue;
    if (q.item && l.item != *q.item) continue;
    // A line that ships has its site; one that does not has the site it must ship from, if any.
    if (q.site && (o.site.valid() ? o.site : l.site) != *q.site) continue;
    if (q.quarter && s.planned_quarter(LineId(static_cast<int32_t>(id))) != *q.quarter) continue;
    if (q.reason && (o.status == LineStatus::kOnTime || o.reason.code != *q.reason)) continue;
    if (!q.text.empty() && !ContainsLower(m.order_code(l.order), q.text) &&
        !ContainsLower(m.customer_code(l.customer), q.text) && !ContainsLower(m.item(l.item).code, q.text)) {
      continue;
    }
    hits.push_back(id);
  }
  page.total = hits.size();
  if (q.offset >= hits.size()) return page;
  const size_t end = std::min(hits.size(), q.offset + q.limit);

  // Rank codes once so every sort is on an integer key; ties go by order code and line.
  auto code_ranks = [](size_t count, auto code_of) {
    std::vector<uint32_t> ids(count), rank(count);
    for (size_t i = 0; i < count; ++i) ids[i] = static_cast<uint32_t>(i);
    std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return code_of(a) < code_of(b); });
    for (size_t i = 0; i < count; ++i) rank[ids[i]] = static_cast<uint32_t>(i);
    return rank;
  };
  std::vector<uint32_t> rank;
  if (q.sort == OrderSort::kCustomer) {
    rank = code_ranks(m.customer_codes().size(),
                      [&](uint32_t c) { return m.customer_code(CustomerId(static_cast<int32_t>(c))); });
  } else if (q.sort == OrderSort::kItem) {
    rank = code_ranks(m.items().size(), [&](uint32_t i) { return std::string_view(m.items()[i].code); });
  }
  auto key = [&](uint32_t id) -> int64_t {
    const OrderLine& l = m.lines()[id];
    const LineOutcome& o = plan.outcomes[id];
    const LineId line(static_cast<int32_t>(id));
    switch (q.sort) {
      case OrderSort::kOrder: return s.order_rank(line);
      case OrderSort::kRequest: return l.request_date;
      // Unplanned lines sort after every planned date.
      case OrderSort::kPlanned: return o.planned_day < 0 ? INT32_MAX : o.planned_day;
      case OrderSort::kDaysLate: return o.planned_day < 0 ? INT32_MAX : s.days_late(line);
      case OrderSort::kValue: return s.line_value(line);
      case OrderSort::kCustomer: return rank[l.customer.index()];
      case OrderSort::kItem: return rank[l.item.index()];
    }
    return 0;
  };
  std::vector<std::pair<int64_t, uint32_t>> keyed(hits.size());
  for (size_t i = 0; i < hits.size(); ++i) {
    const int64_t k = key(hits[i]);
    keyed[i] = {q.descending ? -k : k, s.order_rank(LineId(static_cast<int32_t>(hits[i])))};
  }
  // Linear selection of the page's rows ([offset, end) in sorted order), then a sort of those only:
  // a page deep in the table costs no more than the first.
  const auto first = keyed.begin() + static_cast<std::ptrdiff_t>(q.offset);
  const auto cut = keyed.begin() + static_cast<std::ptrdiff_t>(end);
  if (first != keyed.begin()) std::nth_element(keyed.begin(), first, keyed.end());
  if (cut != keyed.end()) std::nth_element(first, cut, keyed.end());
  std::sort(first, cut);
  page.lines.reserve(end - q.offset);
  for (size_t i = q.offset; i < end; ++i) {
    page.lines.push_back(LineId(static_cast<int32_t>(s.lines_by_order()[keyed[i].second])));
  }
  return page;
}

}  // namespace takt::server
