#include "scenario/comparison_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "io/csv_writer.h"

namespace takt {

std::string FormatComparison(const PlanComparison& c, size_t max_lines) {
  const std::string& cur = c.currency;
  auto money = [&](Money v) { return FormatMoneyShort(v, cur); };
  auto delta = [&](Money v) { return v == 0 ? std::string("=") : (v > 0 ? "+" : "") + FormatMoneyShort(v, cur); };
  std::string out = fmt::format("{:<8} {:>10} {:>10} {:>10}   {:>10} {:>10} {:>10}   {:>10} {:>10}\n", "quarter",
                                "revenue", "scenario", "delta", "margin", "scenario", "delta", "backlog", "scenario");
  for (const auto& q : c.quarters) {
    out += fmt::format("{:<8} {:>10} {:>10} {:>10}   {:>10} {:>10} {:>10}   {:>10} {:>10}\n", q.code,
                       money(q.revenue_base), money(q.revenue_scenario), delta(q.revenue_scenario - q.revenue_base),
                       money(q.margin_base), money(q.margin_scenario), delta(q.margin_scenario - q.margin_base),
                       money(q.backlog_base), money(q.backlog_scenario));
  }
  int64_t counts[7] = {};
  int64_t over_a_week = 0;
  Money moved = 0;
  for (const LineChange& ch : c.changes) {
    ++counts[static_cast<int>(ch.kind)];
    moved += ch.revenue_moved;
    if (ch.before != kNoDay && ch.after != kNoDay && std::abs(ch.after - ch.before) > 7) ++over_a_week;
  }
  out += fmt::format(
      "\n{} lines changed ({} earlier, {} later, {} newly unplanned, {} newly planned, {} other), {} unchanged;\n"
      "{} of them moved by more than a week; {} of revenue changed quarter\n",
      c.changes.size(), counts[0], counts[1], counts[2], counts[3], counts[4] + counts[5] + counts[6],
      c.unchanged_lines, over_a_week, money(moved));
  for (const auto& a : c.appeared) {
    out += fmt::format("  constraint appeared: {} {} ({} held back) {}\n", a.reason_code, a.key, money(a.value), a.reason);
  }
  for (const auto& g : c.gone) {
    out += fmt::format("  constraint gone:     {} {} ({} held back before)\n", g.reason_code, g.key, money(g.value));
  }
  if (!c.changes.empty()) out += "\nlines moving the most revenue between quarters\n";
  for (size_t i = 0; i < std::min(max_lines, c.changes.size()); ++i) {
    const LineChange& ch = c.changes[i];
    out += fmt::format("  {:>10}  {}/{} {} {}: {} -> {}{}\n", money(ch.revenue_moved), ch.order, ch.line, ch.item,
                       LineChangeName(ch.kind), ch.before == kNoDay ? "-" : FormatDate(ch.before),
                       ch.after == kNoDay ? "-" : FormatDate(ch.after),
                       ch.reason_after.empty() ? "" : fmt::format(" ({})", ch.reason_after));
  }
  return out;
}

DatasetFiles WriteComparison(const PlanComparison& c) {
  DatasetFiles files;
  {
    std::string out = "quarter,revenue_base,revenue_scenario,revenue_delta,margin_base,margin_scenario,margin_delta,"
                      "backlog_base,backlog_scenario,backlog_delta\n";
    CsvWriter w(out);
    for (const auto& q : c.quarters) {
      w.Text(q.code).Decimal(q.revenue_base).Decimal(q.revenue_scenario).Decimal(q.revenue_scenario - q.revenue_base);
      w.Decimal(q.margin_base).Decimal(q.margin_scenario).Decimal(q.margin_scenario - q.margin_base);
      w.Decimal(q.backlog_base).Decimal(q.backlog_scenario).Decimal(q.backlog_scenario - q.backlog_base).EndRow();
    }
    files.emplace_back("comparison_quarters.csv", std::move(out));
  }
  {
    std::string out = "order,line,item,change,planned_before,planned_after,shipped_before,shipped_after,status_before,"
                      "status_after,reason_before,reason_after,revenue_moved\n";
    CsvWriter w(out);
    for (const LineChange& ch : c.changes) {
      w.Text(ch.order).Int(ch.line).Text(ch.item).Text(LineChangeName(ch.kind)).Date(ch.before).Date(ch.after);
      w.Int(ch.shipped_before).Int(ch.shipped_after).Text(ch.status_before).Text(ch.status_after);
      w.Text(ch.reason_before).Text(ch.reason_after).Decimal(ch.revenue_moved).EndRow();
    }
    files.emplace_back("comparison_lines.csv", std::move(out));
  }
  {
    std::string out = "change,reason_code,constraint,value,reason\n";
    CsvWriter w(out);
    for (const auto& a : c.appeared) w.Text("appeared").Text(a.reason_code).Text(a.key).Decimal(a.value).Text(a.reason).EndRow();
    for (const auto& g : c.gone) w.Text("gone").Text(g.reason_code).Text(g.key).Decimal(g.value).Text(g.reason).EndRow();
    files.emplace_back("comparison_constraints.csv", std::move(out));
  }
  return files;
}

}  // namespace takt
