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
#include "plan/promise_session.h"
#include "plan/quote.h"

namespace takt::cli {

namespace {

void PrintAnswer(const Model& m, const QuoteRequest& q, const QuoteText& t, const QuoteAnswer& a, LicencePolicy policy,
                 double micros) {
  const std::string& cur = m.settings().currency;
  fmt::print("quote: {} x {} to {}{}, requested {}{}\n", q.qty, m.item(q.item).code, m.country_code(q.ship_to),
             t.customer.empty() ? "" : fmt::format(" for {}", t.customer), FormatDate(q.request_date),
             q.partial ? ", partial shipments allowed" : "");
  const OrderLine line = QuoteLine(m, q);
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
  if (a.shipments.size() > 1) fmt::print("  schedule: {}\n", QuoteSchedule(m, a));
  if (a.outcome.reason.code != ReasonCode::kNone && a.outcome.status != LineStatus::kOnTime) {
    fmt::print("  binding constraint: {} - {}\n", ReasonCodeName(a.outcome.reason.code),
               DescribeConstraint(m, a.outcome.reason, line));
  }
  fmt::print("  licence: {}\n", LicenceSituation(m, q, a, policy));
  if (a.outcome.planned_day >= 0) {
    fmt::print("  revenue quarter: {}{}\n", QuarterCodeOf(m, a.outcome.planned_day),
               q.unit_price > 0 ? fmt::format(" ({})", FormatMoneyShort(q.unit_price * a.outcome.shipped_qty, cur))
                                : "");
  }
  fmt::print("  answered in {:.0f} microseconds\n", micros);
}

}  // namespace

int RunPromise(const PromiseOptions& o) {
  Stopwatch watch;
  Diagnostics diagnostics;
  SourcedDataset dataset;
  if (const Status status = LoadDatasetSource(o.source, diagnostics, dataset); !status.ok()) {
    fmt::print(stderr, "takt promise: {}\n", status.message());
    return kExitFailed;
  }
  if (!dataset.model) {
    diagnostics.Print(stderr);
    fmt::print(stderr, "{}: {} errors; nothing promised\n", dataset.label, diagnostics.error_count());
    return kExitBadData;
  }
  const Model& m = *dataset.model;
  const PlanOptions& options = o.planning;
  PromiseSession planner(m, options);
  const double plan_seconds = watch.Lap();

  if (o.batch.empty()) {
    const QuoteText text{"", o.item, std::to_string(o.qty), o.ship_to, o.customer, o.site, o.request,
                         o.partial ? "Y" : "N", o.price};
    Diagnostics problems;
    const auto quote = ResolveQuote(m, text, "quote", problems);
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
    if (auto q = ResolveQuote(m, text, where, problems)) quotes.emplace_back(std::move(text), *q);
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
    const OrderLine line = QuoteLine(m, q);
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
    w.Text(LicenceSituation(m, q, a, options.licence_policy)).Text(QuarterCodeOf(m, a.outcome.planned_day));
    w.Text(QuoteSchedule(m, a)).EndRow();
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
