#include "plan/quote.h"

#include <fmt/format.h>

#include <climits>
#include <vector>

#include "common/country_codes.h"
#include "common/suggest.h"
#include "plan/licence_windows.h"
#include "plan/plan_report.h"

namespace takt {

std::optional<QuoteRequest> ResolveQuote(const Model& m, const QuoteText& t, const std::string& where, Diagnostics& d) {
  QuoteRequest q;
  bool ok = true;
  auto fail = [&](const char* field, std::string message, std::string hint = {}) {
    d.Error("bad-quote", where, 0, field, std::move(message), std::move(hint));
    ok = false;
  };
  if (auto item = m.FindItem(t.item)) {
    q.item = *item;
  } else {
    std::vector<std::string_view> codes;
    for (const Item& i : m.items()) codes.push_back(i.code);
    fail("item", fmt::format("item '{}' is not in the dataset", t.item), DidYouMean(t.item, codes));
  }
  const DecimalParse qty = ParseDecimal(t.qty);
  if (qty.error != DecimalError::kNone || qty.value <= 0 || qty.value % kDecimalScale != 0) {
    fail("qty", fmt::format("qty '{}' is not a whole number of at least 1", t.qty));
  } else if (qty.value / kDecimalScale > kMaxQuoteQty) {
    fail("qty", fmt::format("qty '{}' is more than {} units", t.qty, kMaxQuoteQty));
  } else {
    q.qty = qty.value / kDecimalScale;
  }
  if (auto country = m.FindCountry(t.ship_to)) {
    q.ship_to = *country;
  } else if (IsIsoCountryCode(t.ship_to)) {
    // A country no order ships to yet: the model has no id for it, so no export rule names it.
    fail("ship_to", fmt::format("ship_to '{}' is not a destination of any order or rule in the dataset", t.ship_to),
         "promising to new destinations needs them in the dataset (an order or an export rule)");
  } else {
    fail("ship_to", fmt::format("ship_to '{}' is not an ISO 3166 country code", t.ship_to));
  }
  if (!t.customer.empty()) {
    if (auto customer = m.FindCustomer(t.customer)) q.customer = *customer;  // unknown: a new customer
  }
  if (!t.site.empty()) {
    if (auto site = m.FindSite(t.site)) {
      q.site = *site;
    } else {
      std::vector<std::string_view> codes;
      for (const Site& s : m.sites()) codes.push_back(s.code);
      fail("site", fmt::format("site '{}' is not in sites.csv", t.site), DidYouMean(t.site, codes));
    }
  }
  q.request_date = m.plan_start();
  if (!t.request.empty()) {
    if (auto day = ParseDate(t.request)) {
      q.request_date = *day;
    } else {
      fail("request_date", fmt::format("request date '{}' is not a date", t.request), "dates are written YYYY-MM-DD");
    }
  }
  q.partial = t.partial == "Y" || t.partial == "y" || t.partial == "true" || t.partial == "1";
  if (!t.price.empty()) {
    const DecimalParse price = ParseDecimal(t.price);
    if (price.error != DecimalError::kNone || price.value < 0) {
      fail("unit_price", fmt::format("unit_price '{}' is not a number of at least 0", t.price));
    } else {
      q.unit_price = price.value;
    }
  }
  // Revenue is price x qty in exact fixed point: refuse what would not fit rather than wrap.
  if (ok && q.unit_price > 0 && q.qty > INT64_MAX / q.unit_price) {
    fail("unit_price", fmt::format("unit_price '{}' times qty {} is too large a value", t.price, q.qty));
  }
  if (!ok) return std::nullopt;
  return q;
}

std::string LicenceSituation(const Model& m, const QuoteRequest& q, const QuoteAnswer& a, LicencePolicy policy) {
  const ExportClassId cls = m.item(q.item).export_class;
  switch (m.export_rule(cls, q.ship_to)) {
    case ExportRuleKind::kNone: return "no licence needed";
    case ExportRuleKind::kProhibited:
      return fmt::format("{} to {} is prohibited", m.export_class_code(cls), m.country_code(q.ship_to));
    case ExportRuleKind::kLicence: break;
  }
  if (!q.customer.valid()) return fmt::format("needs a licence for {} to {}: none on file for a new customer",
                                              m.export_class_code(cls), m.country_code(q.ship_to));
  OrderLine line;
  line.item = q.item;
  line.customer = q.customer;
  line.ship_to = q.ship_to;
  std::vector<ShipWindow> windows;
  Constraint blocked;
  LicenceIndex(m, policy).Windows(line, windows, blocked);
  if (windows.empty() || a.outcome.planned_day < 0) {
    return blocked.code != ReasonCode::kNone ? DescribeConstraint(m, blocked, line) : "needs a licence";
  }
  for (const ShipWindow& w : windows) {
    if (w.from <= a.outcome.planned_day && a.outcome.planned_day <= w.to && w.licence >= 0) {
      const Licence& l = m.licences()[static_cast<size_t>(w.licence)];
      return fmt::format("covered by licence {} ({})", l.code, LicenceStatusName(l.status));
    }
  }
  return "needs a licence";
}

std::string QuoteSchedule(const Model& m, const QuoteAnswer& a) {
  std::string out;
  for (const QuoteAnswer::Part& p : a.shipments) {
    out += fmt::format("{}{}:{}", out.empty() ? "" : ";", FormatDate(m.plan_start() + p.day), p.qty);
  }
  return out;
}

std::string QuarterCodeOf(const Model& m, int32_t day) {
  if (day < 0) return "";
  const QuarterId q = m.QuarterOf(m.plan_start() + day);
  return q.valid() ? m.quarters()[q.index()].code : "";
}

OrderLine QuoteLine(const Model& m, const QuoteRequest& q) {
  OrderLine line;
  line.item = q.item;
  line.customer = q.customer;
  line.ship_to = q.ship_to;
  line.qty = q.qty;
  line.request_date = q.request_date;
  line.order_date = m.plan_start();
  return line;
}

}  // namespace takt
