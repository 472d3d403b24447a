#include "scenario/plan_compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "io/field_parser.h"

namespace takt {

const char* LineChangeName(LineChange::Kind kind) {
  switch (kind) {
    case LineChange::Kind::kEarlier: return "earlier";
    case LineChange::Kind::kLater: return "later";
    case LineChange::Kind::kNewlyUnplanned: return "newly_unplanned";
    case LineChange::Kind::kNewlyPlanned: return "newly_planned";
    case LineChange::Kind::kQuantity: return "quantity";
    case LineChange::Kind::kOnlyInBase: return "only_in_base";
    case LineChange::Kind::kOnlyInScenario: return "only_in_scenario";
  }
  return "";
}

namespace {

std::string Key(std::string_view order, int64_t line) { return fmt::format("{}\x1f{}", order, line); }

/// Money from a JSON number of summary.json, to the cent (backlog figures are for reading).
Money MoneyOf(const nlohmann::json& v) {
  if (!v.is_number()) return 0;
  return static_cast<Money>(std::llround(v.get<double>() * 100.0)) * (kDecimalScale / 100);
}

bool ReadSummary(const std::string& text, PlanView& view, Diagnostics& d) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    d.Error("bad-plan-file", "summary.json", 0, "", "summary.json is not valid JSON");
    return false;
  }
  if (j.contains("currency") && j["currency"].is_string()) view.currency = j["currency"].get<std::string>();
  if (j.contains("quarters") && j["quarters"].is_array()) {
    for (const auto& q : j["quarters"]) {
      PlanView::Quarter quarter;
      quarter.code = q.value("quarter", "");
      const auto start = ParseDate(q.value("start", ""));
      const auto end = ParseDate(q.value("end", ""));
      if (!start || !end) {
        d.Error("bad-plan-file", "summary.json", 0, "quarters", fmt::format("quarter '{}' has no valid start and end",
                                                                             quarter.code));
        return false;
      }
      quarter.start = *start;
      quarter.end = *end;
      if (q.contains("backlog_end")) quarter.backlog_end = MoneyOf(q["backlog_end"]);
      view.quarters.push_back(quarter);
    }
  }
  if (j.contains("top_constraints") && j["top_constraints"].is_array()) {
    for (const auto& c : j["top_constraints"]) {
      view.top_constraints.push_back({c.value("reason_code", ""), c.value("constraint", ""), c.value("reason", ""),
                                      c.contains("value") ? MoneyOf(c["value"]) : 0});
    }
  }
  return true;
}

int32_t QuarterIndex(const PlanView& view, Day day) {
  for (size_t q = 0; q < view.quarters.size(); ++q) {
    if (view.quarters[q].start <= day && day <= view.quarters[q].end) return static_cast<int32_t>(q);
  }
  return -1;
}

bool ReadFiles(const std::function<std::optional<CsvReader>(const char*)>& open,
               const std::function<std::optional<std::string>(const char*)>& text, PlanView& view, Diagnostics& d) {
  const auto summary = text("summary.json");
  if (!summary) {
    d.Error("missing-file", "summary.json", 0, "", "the plan folder has no summary.json");
    return false;
  }
  if (!ReadSummary(*summary, view, d)) return false;

  std::unordered_map<std::string, size_t> index;
  {
    auto reader = open("order_status.csv");
    if (!reader || !reader->ReadHeader(d)) return false;
    enum { kOrder, kLine, kItem, kQty, kRequest, kPlanned, kShipped, kStatus, kReasonCode, kReason, kDaysLate };
    static constexpr ColumnSpec kColumns[] = {{"order"},        {"line"},         {"item"},   {"qty"},
                                              {"request_date"}, {"planned_date"}, {"shipped_qty"},
                                              {"status"},       {"reason_code"},  {"reason"}, {"days_late", false}};
    FieldParser f("order_status.csv", kColumns, reader->header(), d);
    if (!f.columns_ok()) return false;
    CsvRecord record;
    while (reader->Next(record, d)) {
      f.Start(record);
      PlanView::Line line;
      line.order = std::string(f.Text(kOrder));
      const auto number = f.Int(kLine, 0, INT64_MAX);
      const auto qty = f.Int(kQty, 0, INT64_MAX);
      const auto shipped = f.Int(kShipped, 0, INT64_MAX);
      const auto request = f.Date(kRequest);
      const auto planned = f.Date(kPlanned, kNoDay);
      if (!number || !qty || !shipped || !request || !planned) continue;
      line.line = *number;
      line.item = std::string(f.Text(kItem));
      line.qty = *qty;
      line.shipped = *shipped;
      line.request = *request;
      line.planned = *planned;
      line.status = std::string(f.Text(kStatus));
      line.reason_code = std::string(f.Text(kReasonCode));
      line.reason = std::string(f.Text(kReason));
      line.revenue_by_quarter.assign(view.quarters.size(), 0);
      index.emplace(Key(line.order, line.line), view.lines.size());
      view.lines.push_back(std::move(line));
    }
  }
  {
    auto reader = open("shipments.csv");
    if (!reader || !reader->ReadHeader(d)) return false;
    enum { kOrder, kLine, kDate, kRevenue, kCost, kItem, kSite, kQty };
    static constexpr ColumnSpec kColumns[] = {{"order"}, {"line"},         {"ship_date"},   {"revenue"},
                                              {"cost"},  {"item", false}, {"site", false}, {"qty", false}};
    FieldParser f("shipments.csv", kColumns, reader->header(), d);
    if (!f.columns_ok()) return false;
    CsvRecord record;
    while (reader->Next(record, d)) {
      f.Start(record);
      const auto number = f.Int(kLine, 0, INT64_MAX);
      const auto date = f.Date(kDate);
      const auto revenue = f.Decimal(kRevenue, INT64_MIN / 2);
      const auto cost = f.Decimal(kCost, INT64_MIN / 2);
      if (!number || !date || !revenue || !cost) continue;
      const auto it = index.find(Key(f.Text(kOrder), *number));
      if (it == index.end()) {
        f.Error(kOrder, "unknown-reference",
                fmt::format("shipment of order '{}' line {} has no row in order_status.csv", f.Text(kOrder), *number));
        continue;
      }
      const int32_t q = QuarterIndex(view, *date);
      if (q < 0) continue;
      view.lines[it->second].revenue_by_quarter[static_cast<size_t>(q)] += *revenue;
      view.quarters[static_cast<size_t>(q)].revenue += *revenue;
      view.quarters[static_cast<size_t>(q)].cost += *cost;
    }
  }
  return !d.has_errors();
}

}  // namespace

bool ReadPlanView(const std::filesystem::path& dir, PlanView& view, Diagnostics& diagnostics) {
  auto open = [&](const char* name) -> std::optional<CsvReader> {
    if (!std::filesystem::exists(dir / name)) {
      diagnostics.Error("missing-file", name, 0, "", fmt::format("the plan folder '{}' has no {}", dir.string(), name));
      return std::nullopt;
    }
    return CsvReader::Open(dir / name, name, diagnostics);
  };
  auto text = [&](const char* name) -> std::optional<std::string> {
    std::FILE* f = std::fopen((dir / name).c_str(), "rb");
    if (f == nullptr) return std::nullopt;
    std::string content;
    char buffer[1 << 16];
    size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) content.append(buffer, got);
    std::fclose(f);
    return content;
  };
  return ReadFiles(open, text, view, diagnostics);
}

bool ReadPlanView(const DatasetFiles& files, PlanView& view, Diagnostics& diagnostics) {
  auto find = [&](const char* name) -> const std::string* {
    for (const auto& [file, content] : files) {
      if (file == name) return &content;
    }
    return nullptr;
  };
  auto open = [&](const char* name) -> std::optional<CsvReader> {
    const std::string* content = find(name);
    if (content == nullptr) {
      diagnostics.Error("missing-file", name, 0, "", fmt::format("the plan has no {}", name));
      return std::nullopt;
    }
    return CsvReader::FromText(*content, name, diagnostics);
  };
  auto text = [&](const char* name) -> std::optional<std::string> {
    const std::string* content = find(name);
    return content == nullptr ? std::nullopt : std::optional<std::string>(*content);
  };
  return ReadFiles(open, text, view, diagnostics);
}

PlanView PlanViewOf(const Model& m, const Plan& plan, const PlanReport& report, bool describe_reasons) {
  PlanView view;
  view.currency = m.settings().currency;
  for (const QuarterFigures& q : report.quarters) {
    const Quarter& def = m.quarters()[q.quarter.index()];
    view.quarters.push_back({def.code, def.start, def.end, q.revenue, q.cost, q.backlog_end});
  }
  const Day start = m.plan_start();
  view.lines.reserve(m.lines().size());
  for (size_t i = 0; i < m.lines().size(); ++i) {
    const OrderLine& l = m.lines()[i];
    const LineOutcome& o = plan.outcomes[i];
    PlanView::Line line;
    line.order = std::string(m.order_code(l.order));
    line.line = l.line;
    line.item = m.item(l.item).code;
    line.qty = l.qty;
    line.request = l.request_date;
    line.planned = o.planned_day >= 0 ? start + o.planned_day : kNoDay;
    line.shipped = o.shipped_qty;
    line.status = LineStatusName(o.status);
    if (o.status != LineStatus::kOnTime) {
      line.reason_code = ReasonCodeName(o.reason.code);
      if (describe_reasons) line.reason = DescribeConstraint(m, o.reason, l);
    }
    line.model_line = static_cast<int32_t>(i);
    line.revenue_by_quarter.assign(view.quarters.size(), 0);
    view.lines.push_back(std::move(line));
  }
  for (const Shipment& s : plan.shipments) {
    const QuarterId q = m.QuarterOf(start + s.day);
    if (q.valid()) view.lines[s.line.index()].revenue_by_quarter[q.index()] += m.line(s.line).unit_price * s.qty;
  }
  for (const ConstraintFigures& c : report.top_constraints) {
    std::string reason;
    for (size_t i = 0; i < plan.outcomes.size() && reason.empty(); ++i) {
      const Constraint& o = plan.outcomes[i].reason;
      if (plan.outcomes[i].status != LineStatus::kOnTime && o.code == c.constraint.code &&
          o.object == c.constraint.object && o.site == c.constraint.site) {
        reason = DescribeConstraint(m, o, m.lines()[i]);
      }
    }
    view.top_constraints.push_back({ReasonCodeName(c.constraint.code), c.key, reason, c.value});
  }
  return view;
}

namespace {

LineChange ChangeOf(const PlanView::Line& l) {
  LineChange change;
  change.order = l.order;
  change.line = l.line;
  change.item = l.item;
  return change;
}

void SetBefore(LineChange& change, const PlanView::Line& l) {
  change.before = l.planned;
  change.shipped_before = l.shipped;
  change.status_before = l.status;
  change.reason_before = l.reason;
}

void SetAfter(LineChange& change, const PlanView::Line& l,
              const std::function<std::string(int32_t)>& describe = {}) {
  change.after = l.planned;
  change.shipped_after = l.shipped;
  change.status_after = l.status;
  change.reason_after = l.reason;
  if (change.reason_after.empty() && !l.reason_code.empty() && l.model_line >= 0 && describe) {
    change.reason_after = describe(l.model_line);
  }
}

}  // namespace

PlanComparison CompareWithPlan(const PlanView& base, const Model& m, const Plan& plan, const PlanReport& report) {
  return ComparePlans(base, PlanViewOf(m, plan, report, false), [&](int32_t i) {
    return DescribeConstraint(m, plan.outcomes[static_cast<size_t>(i)].reason, m.lines()[static_cast<size_t>(i)]);
  });
}

PlanComparison ComparePlans(const PlanView& base, const PlanView& scenario,
                            const std::function<std::string(int32_t model_line)>& describe_scenario) {
  PlanComparison c;
  c.currency = base.currency;
  for (const PlanView::Quarter& q : base.quarters) {
    PlanComparison::Quarter row;
    row.code = q.code;
    row.revenue_base = q.revenue;
    row.margin_base = q.revenue - q.cost;
    row.backlog_base = q.backlog_end;
    for (const PlanView::Quarter& s : scenario.quarters) {
      if (s.code == q.code) {
        row.revenue_scenario = s.revenue;
        row.margin_scenario = s.revenue - s.cost;
        row.backlog_scenario = s.backlog_end;
      }
    }
    c.quarters.push_back(row);
  }

  // Revenue by quarter code, so that plans with different quarter lists still compare. With the same
  // quarter list (a scenario of the same dataset) the vectors compare index by index, without maps.
  bool same_quarters = base.quarters.size() == scenario.quarters.size();
  for (size_t q = 0; same_quarters && q < base.quarters.size(); ++q) {
    same_quarters = base.quarters[q].code == scenario.quarters[q].code;
  }
  auto by_code = [](const PlanView& view, const PlanView::Line& line) {
    std::unordered_map<std::string, Money> revenue;
    for (size_t q = 0; q < view.quarters.size(); ++q) {
      if (line.revenue_by_quarter[q] != 0) revenue[view.quarters[q].code] += line.revenue_by_quarter[q];
    }
    return revenue;
  };
  auto moved = [&](const PlanView::Line& a, const PlanView::Line& b) {
    Money gained = 0, lost = 0;
    if (same_quarters) {
      for (size_t q = 0; q < a.revenue_by_quarter.size(); ++q) {
        const Money delta = b.revenue_by_quarter[q] - a.revenue_by_quarter[q];
        (delta > 0 ? gained : lost) += delta > 0 ? delta : -delta;
      }
      return std::max(gained, lost);
    }
    const auto ra = by_code(base, a), rb = by_code(scenario, b);
    for (const auto& [code, value] : rb) {
      const auto found = ra.find(code);
      const Money delta = value - (found == ra.end() ? 0 : found->second);
      (delta > 0 ? gained : lost) += delta > 0 ? delta : -delta;
    }
    for (const auto& [code, value] : ra) {
      if (!rb.count(code)) lost += value;
    }
    return std::max(gained, lost);
  };
  auto total = [](const PlanView::Line& line) {
    Money sum = 0;
    for (Money m : line.revenue_by_quarter) sum += m;
    return sum;
  };
  // Lines are matched by order and line number; plans of one dataset list them in the same order,
  // so the same index is tried first and the map is built only when that fails.
  std::unordered_map<std::string, size_t> in_scenario;
  bool map_built = false;
  auto find = [&](size_t index, const PlanView::Line& a) -> std::optional<size_t> {
    if (index < scenario.lines.size() && scenario.lines[index].line == a.line && scenario.lines[index].order == a.order) {
      return index;
    }
    if (!map_built) {
      for (size_t i = 0; i < scenario.lines.size(); ++i) {
        in_scenario.emplace(Key(scenario.lines[i].order, scenario.lines[i].line), i);
      }
      map_built = true;
    }
    const auto it = in_scenario.find(Key(a.order, a.line));
    if (it == in_scenario.end()) return std::nullopt;
    return it->second;
  };
  std::vector<uint8_t> matched(scenario.lines.size(), 0);
  for (size_t index = 0; index < base.lines.size(); ++index) {
    const PlanView::Line& a = base.lines[index];
    const std::optional<size_t> found = find(index, a);
    if (!found) {
      LineChange change = ChangeOf(a);
      SetBefore(change, a);
      change.kind = LineChange::Kind::kOnlyInBase;
      change.revenue_moved = total(a);
      c.changes.push_back(change);
      continue;
    }
    matched[*found] = 1;
    const PlanView::Line& b = scenario.lines[*found];
    const Money revenue_moved = moved(a, b);
    if (a.planned == b.planned && a.shipped == b.shipped && revenue_moved == 0) {
      ++c.unchanged_lines;
      continue;
    }
    LineChange change = ChangeOf(a);
    SetBefore(change, a);
    SetAfter(change, b, describe_scenario);
    change.revenue_moved = revenue_moved;
    const bool unplanned_a = a.status == "unplanned", unplanned_b = b.status == "unplanned";
    if (!unplanned_a && unplanned_b) {
      change.kind = LineChange::Kind::kNewlyUnplanned;
    } else if (unplanned_a && !unplanned_b) {
      change.kind = LineChange::Kind::kNewlyPlanned;
    } else if (a.planned != kNoDay && b.planned != kNoDay && b.planned < a.planned) {
      change.kind = LineChange::Kind::kEarlier;
    } else if (a.planned != kNoDay && b.planned != kNoDay && b.planned > a.planned) {
      change.kind = LineChange::Kind::kLater;
    } else {
      change.kind = LineChange::Kind::kQuantity;
    }
    c.changes.push_back(std::move(change));
  }
  for (size_t i = 0; i < scenario.lines.size(); ++i) {
    if (matched[i]) continue;
    const PlanView::Line& b = scenario.lines[i];
    LineChange change = ChangeOf(b);
    change.kind = LineChange::Kind::kOnlyInScenario;
    SetAfter(change, b, describe_scenario);
    change.revenue_moved = total(b);
    c.changes.push_back(change);
  }
  std::stable_sort(c.changes.begin(), c.changes.end(), [](const LineChange& x, const LineChange& y) {
    return x.revenue_moved > y.revenue_moved;
  });

  auto same = [](const PlanView::Constraint& x, const PlanView::Constraint& y) {
    return x.reason_code == y.reason_code && x.key == y.key;
  };
  for (const auto& s : scenario.top_constraints) {
    if (std::none_of(base.top_constraints.begin(), base.top_constraints.end(), [&](const auto& b) { return same(s, b); })) {
      c.appeared.push_back(s);
    }
  }
  for (const auto& b : base.top_constraints) {
    if (std::none_of(scenario.top_constraints.begin(), scenario.top_constraints.end(),
                     [&](const auto& s) { return same(s, b); })) {
      c.gone.push_back(b);
    }
  }
  return c;
}

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
