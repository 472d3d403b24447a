// takt promise: when can a new order ship, against the plan of the existing backlog.

#include <fmt/format.h>

#include "cli/stopwatch.h"

#include "cli/commands.h"
#include "common/country_codes.h"
#include "common/format.h"
#include "common/suggest.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "io/dataset_loader.h"
#include "io/field_parser.h"
#include "plan/licence_windows.h"
#include "plan/plan_report.h"
#include "plan/planner.h"

namespace takt::cli {

namespace {

PlanOptions OptionsOf(const PromiseOptions& o) {
  PlanOptions options;
  options.policy = o.policy == "revenue" ? AllocationPolicy::kRevenue : AllocationPolicy::kPriority;
  options.licence_policy = o.licence_policy == "expected" ? LicencePolicy::kExpected : LicencePolicy::kConservative;
  return options;
}

/// A quote's fields as text, as given on the command line or in a batch row.
struct QuoteText {
  std::string id, item, qty, ship_to, customer, site, request, partial, price;
};

/// Resolves a quote against the model; problems are reported in `where`'s terms.
std::optional<QuoteRequest> Resolve(const Model& m, const QuoteText& t, const std::string& where, Diagnostics& d) {
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
  if (!ok) return std::nullopt;
  return q;
}

/// "no licence needed", "licence EL-1 (approved)", or why it cannot ship.
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

std::string Schedule(const Model& m, const QuoteAnswer& a) {
  std::string out;
  for (const QuoteAnswer::Part& p : a.shipments) {
    out += fmt::format("{}{}:{}", out.empty() ? "" : ";", FormatDate(m.plan_start() + p.day), p.qty);
  }
  return out;
}

std::string QuarterOf(const Model& m, int32_t day) {
  if (day < 0) return "";
  const QuarterId q = m.QuarterOf(m.plan_start() + day);
  return q.valid() ? m.quarters()[q.index()].code : "";
}

OrderLine LineFor(const Model& m, const QuoteRequest& q) {
  OrderLine line;
  line.item = q.item;
  line.customer = q.customer;
  line.ship_to = q.ship_to;
  line.qty = q.qty;
  line.request_date = q.request_date;
  line.order_date = m.plan_start();
  return line;
}

void PrintAnswer(const Model& m, const QuoteRequest& q, const QuoteText& t, const QuoteAnswer& a, LicencePolicy policy,
                 double micros) {
  const std::string& cur = m.settings().currency;
  fmt::print("quote: {} x {} to {}{}, requested {}{}\n", q.qty, m.item(q.item).code, m.country_code(q.ship_to),
             t.customer.empty() ? "" : fmt::format(" for {}", t.customer), FormatDate(q.request_date),
             q.partial ? ", partial shipments allowed" : "");
  const OrderLine line = LineFor(m, q);
  if (a.outcome.shipped_qty == q.qty) {
    const int32_t late = m.plan_start() + a.outcome.planned_day - q.request_date;
    fmt::print("  ships in full on {} from {}{}\n", FormatDate(m.plan_start() + a.outcome.planned_day),
               m.site(a.outcome.site).code,
               late > 0 ? fmt::format(", {} days after the request", late) : ", as requested");
  } else if (a.outcome.shipped_qty > 0) {
    fmt::print("  only {} of {} can ship within the horizon (to {}), from {}\n", a.outcome.shipped_qty, q.qty,
               FormatDate(m.horizon_end()), m.site(a.outcome.site).code);
  } else {
    fmt::print("  cannot ship within the horizon (to {})\n", FormatDate(m.horizon_end()));
  }
  if (a.shipments.size() > 1) fmt::print("  schedule: {}\n", Schedule(m, a));
  if (a.outcome.reason.code != ReasonCode::kNone && a.outcome.status != LineStatus::kOnTime) {
    fmt::print("  binding constraint: {} - {}\n", ReasonCodeName(a.outcome.reason.code),
               DescribeConstraint(m, a.outcome.reason, line));
  }
  fmt::print("  licence: {}\n", LicenceSituation(m, q, a, policy));
  if (a.outcome.planned_day >= 0) {
    fmt::print("  revenue quarter: {}{}\n", QuarterOf(m, a.outcome.planned_day),
               q.unit_price > 0 ? fmt::format(" ({})", FormatMoneyShort(q.unit_price * a.outcome.shipped_qty, cur))
                                : "");
  }
  fmt::print("  answered in {:.0f} microseconds\n", micros);
}

}  // namespace

int RunPromise(const PromiseOptions& o) {
  Stopwatch watch;
  Diagnostics diagnostics;
  std::shared_ptr<const Model> model = LoadDataset(o.dir, diagnostics);
  if (!model) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "{}: {} errors; nothing promised\n", o.dir, diagnostics.error_count());
    return kExitBadData;
  }
  const Model& m = *model;
  const PlanOptions options = OptionsOf(o);
  Planner planner(m, options);
  const double plan_seconds = watch.Lap();

  if (o.batch.empty()) {
    const QuoteText text{"", o.item, std::to_string(o.qty), o.ship_to, o.customer, o.site, o.request,
                         o.partial ? "Y" : "N", o.price};
    Diagnostics problems;
    const auto quote = Resolve(m, text, "quote", problems);
    if (!quote) {
      problems.Print(stderr);
      return kExitBadData;
    }
    watch.Lap();
    const QuoteAnswer answer = planner.Promise(*quote);
    const double micros = watch.Lap() * 1e6;
    PrintAnswer(m, *quote, text, answer, options.licence_policy, micros);
    fmt::print("(the backlog of {} lines was planned in {:.2f} s)\n", FormatCount(static_cast<int64_t>(m.lines().size())),
               plan_seconds);
    return kExitOk;
  }

  // Batch: a CSV of quotes, answered one by one, independently or each committed in turn.
  Diagnostics problems;
  auto reader = CsvReader::Open(o.batch, std::filesystem::path(o.batch).filename().string(), problems);
  if (!reader || !reader->ReadHeader(problems)) {
    problems.Print(stderr);
    return kExitBadData;
  }
  enum { kQuote, kItem, kQty, kShipTo, kCustomer, kSite, kRequest, kPartial, kPrice };
  static constexpr ColumnSpec kColumns[] = {{"quote", false},    {"item"},         {"qty"},
                                            {"ship_to"},         {"customer", false}, {"site", false},
                                            {"request_date", false}, {"partial", false}, {"unit_price", false}};
  FieldParser fields(reader->file_name(), kColumns, reader->header(), problems);
  if (!fields.columns_ok()) {
    problems.Print(stderr);
    return kExitBadData;
  }
  std::vector<std::pair<QuoteText, QuoteRequest>> quotes;
  CsvRecord record;
  while (reader->Next(record, problems)) {
    fields.Start(record);
    QuoteText text{std::string(fields.Text(kQuote)),    std::string(fields.Text(kItem)),
                   std::string(fields.Text(kQty)),      std::string(fields.Text(kShipTo)),
                   std::string(fields.Text(kCustomer)), std::string(fields.Text(kSite)),
                   std::string(fields.Text(kRequest)),  std::string(fields.Text(kPartial)),
                   std::string(fields.Text(kPrice))};
    const std::string where = fmt::format("{}:{}", reader->file_name(), record.line);
    if (auto q = Resolve(m, text, where, problems)) quotes.emplace_back(std::move(text), *q);
  }
  if (problems.has_errors()) {
    problems.Print(stderr);
    fmt::print(stderr, "{}: {} problems; no quote answered\n", o.batch, problems.error_count());
    return kExitBadData;
  }
  std::string out = "quote,item,qty,ship_to,status,ship_date,site,shipped_qty,days_late,reason_code,reason,licence,"
                    "quarter,schedule\n";
  CsvWriter w(out);
  int64_t full = 0;
  watch.Lap();
  for (const auto& [text, q] : quotes) {
    const QuoteAnswer a = o.cumulative ? planner.Commit(q) : planner.Promise(q);
    const OrderLine line = LineFor(m, q);
    const bool all = a.outcome.shipped_qty == q.qty;
    full += all ? 1 : 0;
    w.Text(text.id).Text(m.item(q.item).code).Int(q.qty).Text(m.country_code(q.ship_to));
    w.Text(LineStatusName(a.outcome.status));
    a.outcome.planned_day >= 0 ? w.Date(m.plan_start() + a.outcome.planned_day) : w.Empty();
    a.outcome.site.valid() ? w.Text(m.site(a.outcome.site).code) : w.Empty();
    w.Int(a.outcome.shipped_qty);
    all ? w.Int(std::max(0, m.plan_start() + a.outcome.planned_day - q.request_date)) : w.Empty();
    if (a.outcome.status == LineStatus::kOnTime) {
      w.Empty().Empty();
    } else {
      w.Text(ReasonCodeName(a.outcome.reason.code)).Text(DescribeConstraint(m, a.outcome.reason, line));
    }
    w.Text(LicenceSituation(m, q, a, options.licence_policy)).Text(QuarterOf(m, a.outcome.planned_day));
    w.Text(Schedule(m, a)).EndRow();
  }
  const double seconds = watch.Lap();
  if (o.out.empty()) {
    fmt::print("{}", out);
  } else {
    const std::string error = WriteFileAtomic(o.out, out);
    if (!error.empty()) {
      fmt::print(stderr, "takt promise: {}\n", error);
      return kExitFailed;
    }
  }
  fmt::print(stderr, "{} quotes answered{} in {:.3f} s ({:.1f} us each): {} can ship in full; backlog planned in {:.2f} s\n",
             quotes.size(), o.cumulative ? " cumulatively" : " independently", seconds,
             quotes.empty() ? 0.0 : seconds * 1e6 / static_cast<double>(quotes.size()), full, plan_seconds);
  return kExitOk;
}

}  // namespace takt::cli
