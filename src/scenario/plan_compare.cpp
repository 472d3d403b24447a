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

namespace {

std::vector<PlanView::Quarter> QuartersOf(const Model& m, const PlanReport& report) {
  std::vector<PlanView::Quarter> quarters;
  for (const QuarterFigures& q : report.quarters) {
    const Quarter& def = m.quarters()[q.quarter.index()];
    quarters.push_back({def.code, def.start, def.end, q.revenue, q.cost, q.backlog_end});
  }
  return quarters;
}


}  // namespace

std::vector<PlanView::Constraint> TopConstraintsOf(const Model& m, const Plan& plan, const PlanReport& report) {
  std::vector<PlanView::Constraint> top;
  for (const ConstraintFigures& c : report.top_constraints) {
    std::string reason;
    for (size_t i = 0; i < plan.outcomes.size() && reason.empty(); ++i) {
      const Constraint& o = plan.outcomes[i].reason;
      if (plan.outcomes[i].status != LineStatus::kOnTime && o.code == c.constraint.code &&
          o.object == c.constraint.object && o.site == c.constraint.site) {
        reason = DescribeConstraint(m, o, m.lines()[i]);
      }
    }
    top.push_back({ReasonCodeName(c.constraint.code), c.key, reason, c.value});
  }
  return top;
}

PlanView PlanViewOf(const Model& m, const Plan& plan, const PlanReport& report) {
  PlanView view;
  view.currency = m.settings().currency;
  view.quarters = QuartersOf(m, report);
  const Day start = m.plan_start();
  view.lines.reserve(m.lines().size());
  const ConstraintDescriber describe(m);
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
      line.reason = describe(o.reason, l);
    }
    line.revenue_by_quarter.assign(view.quarters.size(), 0);
    view.lines.push_back(std::move(line));
  }
  for (const Shipment& s : plan.shipments) {
    const QuarterId q = m.QuarterOf(start + s.day);
    if (q.valid()) view.lines[s.line.index()].revenue_by_quarter[q.index()] += m.line(s.line).unit_price * s.qty;
  }
  view.top_constraints = TopConstraintsOf(m, plan, report);
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

void SetAfter(LineChange& change, const PlanView::Line& l) {
  change.after = l.planned;
  change.shipped_after = l.shipped;
  change.status_after = l.status;
  change.reason_after = l.reason;
}

}  // namespace


namespace {

std::vector<PlanComparison::Quarter> QuarterRows(const std::vector<PlanView::Quarter>& base,
                                                 const std::vector<PlanView::Quarter>& scenario) {
  std::vector<PlanComparison::Quarter> rows;
  for (const PlanView::Quarter& q : base) {
    PlanComparison::Quarter row;
    row.code = q.code;
    row.revenue_base = q.revenue;
    row.margin_base = q.revenue - q.cost;
    row.backlog_base = q.backlog_end;
    for (const PlanView::Quarter& s : scenario) {
      if (s.code == q.code) {
        row.revenue_scenario = s.revenue;
        row.margin_scenario = s.revenue - s.cost;
        row.backlog_scenario = s.backlog_end;
      }
    }
    rows.push_back(row);
  }
  return rows;
}

LineChange::Kind KindOf(bool unplanned_before, bool unplanned_after, Day before, Day after) {
  if (!unplanned_before && unplanned_after) return LineChange::Kind::kNewlyUnplanned;
  if (unplanned_before && !unplanned_after) return LineChange::Kind::kNewlyPlanned;
  if (before != kNoDay && after != kNoDay && after < before) return LineChange::Kind::kEarlier;
  if (before != kNoDay && after != kNoDay && after > before) return LineChange::Kind::kLater;
  return LineChange::Kind::kQuantity;
}

/// Most revenue moved first; the constraints of one plan's top list and not the other's.
void Finish(const std::vector<PlanView::Constraint>& base, const std::vector<PlanView::Constraint>& scenario,
            PlanComparison& c) {
  // Sorted by index, then moved once: a change holds a dozen strings, too many to move in a sort.
  std::vector<uint32_t> order(c.changes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    return c.changes[x].revenue_moved > c.changes[y].revenue_moved;
  });
  std::vector<LineChange> sorted;
  sorted.reserve(order.size());
  for (uint32_t i : order) sorted.push_back(std::move(c.changes[i]));
  c.changes = std::move(sorted);
  auto same = [](const PlanView::Constraint& x, const PlanView::Constraint& y) {
    return x.reason_code == y.reason_code && x.key == y.key;
  };
  for (const auto& s : scenario) {
    if (std::none_of(base.begin(), base.end(), [&](const auto& b) { return same(s, b); })) c.appeared.push_back(s);
  }
  for (const auto& b : base) {
    if (std::none_of(scenario.begin(), scenario.end(), [&](const auto& s) { return same(s, b); })) c.gone.push_back(b);
  }
}

/// One plan's side of an in-memory comparison: per line, its revenue by quarter index (from the
/// shipments, grouped by line), and the line's fields in the user's codes when it changed.
class PlannedSide {
 public:
  PlannedSide(const Model& m, const Plan& plan) : m_(m), plan_(plan), describe_(m) {
    const size_t lines = m.lines().size();
    offsets_.assign(lines + 1, 0);
    for (const Shipment& s : plan.shipments) ++offsets_[s.line.index() + 1];
    for (size_t i = 0; i < lines; ++i) offsets_[i + 1] += offsets_[i];
    entries_.resize(offsets_[lines]);
    std::vector<uint32_t> next(offsets_.begin(), offsets_.end() - 1);
    const Day start = m.plan_start();
    std::vector<int32_t> quarter_of_day(static_cast<size_t>(std::max(0, m.settings().horizon_days)));
    for (size_t d = 0; d < quarter_of_day.size(); ++d) {
      const QuarterId q = m.QuarterOf(start + static_cast<Day>(d));
      quarter_of_day[d] = q.valid() ? q.value : -1;
    }
    for (const Shipment& s : plan.shipments) {
      const QuarterId q = s.day >= 0 && static_cast<size_t>(s.day) < quarter_of_day.size()
                              ? QuarterId(quarter_of_day[static_cast<size_t>(s.day)])
                              : m.QuarterOf(start + s.day);
      entries_[next[s.line.index()]++] = {q.valid() ? q.value : -1, m.line(s.line).unit_price * s.qty};
    }
  }

  /// Whether two lines' shipments bring the same revenue in the same quarters, entry by entry.
  bool SameRevenue(size_t line, const PlannedSide& other, size_t other_line) const {
    return std::equal(entries_.begin() + offsets_[line], entries_.begin() + offsets_[line + 1],
                      other.entries_.begin() + other.offsets_[other_line],
                      other.entries_.begin() + other.offsets_[other_line + 1]);
  }

  /// Adds the line's revenue by quarter, times `sign`, into `by_quarter`.
  void AddRevenue(size_t line, int sign, std::vector<Money>& by_quarter) const {
    for (uint32_t k = offsets_[line]; k < offsets_[line + 1]; ++k) {
      if (entries_[k].first >= 0) by_quarter[static_cast<size_t>(entries_[k].first)] += sign * entries_[k].second;
    }
  }
  Money TotalRevenue(size_t line) const {
    Money sum = 0;
    for (uint32_t k = offsets_[line]; k < offsets_[line + 1]; ++k) sum += entries_[k].first >= 0 ? entries_[k].second : 0;
    return sum;
  }

  Day Planned(size_t line) const {
    const int32_t day = plan_.outcomes[line].planned_day;
    return day >= 0 ? m_.plan_start() + day : kNoDay;
  }
  int64_t Shipped(size_t line) const { return plan_.outcomes[line].shipped_qty; }
  bool Unplanned(size_t line) const { return plan_.outcomes[line].status == LineStatus::kUnplanned; }

  void Start(LineChange& change, size_t line) const {
    const OrderLine& l = m_.lines()[line];
    change.order = std::string(m_.order_code(l.order));
    change.line = l.line;
    change.item = m_.item(l.item).code;
  }
  void Before(LineChange& change, size_t line) const {
    change.before = Planned(line);
    change.shipped_before = Shipped(line);
    change.status_before = LineStatusName(plan_.outcomes[line].status);
    change.reason_before = Reason(line);
  }
  void After(LineChange& change, size_t line) const {
    change.after = Planned(line);
    change.shipped_after = Shipped(line);
    change.status_after = LineStatusName(plan_.outcomes[line].status);
    change.reason_after = Reason(line);
  }

 private:
  std::string Reason(size_t line) const {
    const LineOutcome& o = plan_.outcomes[line];
    return o.status == LineStatus::kOnTime ? std::string() : describe_(o.reason, m_.lines()[line]);
  }

  const Model& m_;
  const Plan& plan_;
  const ConstraintDescriber describe_;
  std::vector<uint32_t> offsets_;
  std::vector<std::pair<int32_t, Money>> entries_;  ///< (quarter or -1, revenue), grouped by line
};

struct LineKey {
  std::string_view order;
  int64_t line;
  bool operator==(const LineKey&) const = default;
};
struct LineKeyHash {
  size_t operator()(const LineKey& k) const {
    return std::hash<std::string_view>()(k.order) * 31 + static_cast<size_t>(k.line);
  }
};

}  // namespace

PlanComparison ComparePlanned(const Model& base_model, const Plan& base, const PlanReport& base_report,
                              const Model& m, const Plan& plan, const PlanReport& report) {
  const std::vector<PlanView::Quarter> base_quarters = QuartersOf(base_model, base_report);
  const std::vector<PlanView::Quarter> quarters = QuartersOf(m, report);
  bool same_quarters = base_quarters.size() == quarters.size();
  for (size_t q = 0; same_quarters && q < quarters.size(); ++q) {
    same_quarters = base_quarters[q].code == quarters[q].code && base_quarters[q].start == quarters[q].start &&
                    base_quarters[q].end == quarters[q].end;
  }
  if (!same_quarters) {
    // Not a scenario of the same calendar: compare as plans of different datasets do.
    return ComparePlans(PlanViewOf(base_model, base, base_report), PlanViewOf(m, plan, report));
  }
  PlanComparison c;
  c.currency = base_model.settings().currency;
  c.quarters = QuarterRows(base_quarters, quarters);

  const PlannedSide a(base_model, base), b(m, plan);
  // A scenario that edits no order shares the base's lines: line i is line i. Otherwise lines are
  // matched by order code and line number.
  const auto base_lines = base_model.lines();
  const auto lines = m.lines();
  const bool shared = base_lines.size() == lines.size() && (lines.empty() || base_lines.data() == lines.data());
  std::unordered_map<LineKey, size_t, LineKeyHash> in_scenario;
  if (!shared) {
    in_scenario.reserve(lines.size());
    for (size_t j = 0; j < lines.size(); ++j) in_scenario.emplace(LineKey{m.order_code(lines[j].order), lines[j].line}, j);
  }
  // First which lines changed and by how much revenue, then the changes (strings for those only).
  struct Match {
    uint32_t base, scenario;
    Money revenue_moved;
  };
  std::vector<Match> changed;
  std::vector<uint32_t> only_in_base;
  std::vector<uint8_t> matched(lines.size(), 0);
  std::vector<Money> delta(quarters.size(), 0);
  for (size_t i = 0; i < base_lines.size(); ++i) {
    size_t j = i;
    if (!shared) {
      const auto it = in_scenario.find(LineKey{base_model.order_code(base_lines[i].order), base_lines[i].line});
      if (it == in_scenario.end()) {
        only_in_base.push_back(static_cast<uint32_t>(i));
        continue;
      }
      j = it->second;
    }
    matched[j] = 1;
    Money revenue_moved = 0;
    if (!a.SameRevenue(i, b, j)) {
      std::fill(delta.begin(), delta.end(), 0);
      a.AddRevenue(i, -1, delta);
      b.AddRevenue(j, 1, delta);
      Money gained = 0, lost = 0;
      for (Money d : delta) (d > 0 ? gained : lost) += d > 0 ? d : -d;
      revenue_moved = std::max(gained, lost);
    }
    if (a.Planned(i) == b.Planned(j) && a.Shipped(i) == b.Shipped(j) && revenue_moved == 0) {
      ++c.unchanged_lines;
      continue;
    }
    changed.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), revenue_moved});
  }
  const size_t only_in_scenario = lines.size() - static_cast<size_t>(std::count(matched.begin(), matched.end(), 1));
  c.changes.reserve(changed.size() + only_in_base.size() + only_in_scenario);
  // In the order ComparePlans lists them: base lines in turn, then lines only in the scenario.
  size_t next_only = 0;
  auto add_only_in_base_before = [&](uint32_t limit) {
    for (; next_only < only_in_base.size() && only_in_base[next_only] < limit; ++next_only) {
      const uint32_t i = only_in_base[next_only];
      LineChange& change = c.changes.emplace_back();
      a.Start(change, i);
      a.Before(change, i);
      change.kind = LineChange::Kind::kOnlyInBase;
      change.revenue_moved = a.TotalRevenue(i);
    }
  };
  for (const Match& x : changed) {
    add_only_in_base_before(x.base);
    LineChange& change = c.changes.emplace_back();
    a.Start(change, x.base);
    a.Before(change, x.base);
    b.After(change, x.scenario);
    change.revenue_moved = x.revenue_moved;
    change.kind = KindOf(a.Unplanned(x.base), b.Unplanned(x.scenario), change.before, change.after);
  }
  add_only_in_base_before(UINT32_MAX);
  for (size_t j = 0; j < lines.size(); ++j) {
    if (matched[j]) continue;
    LineChange& change = c.changes.emplace_back();
    b.Start(change, j);
    change.kind = LineChange::Kind::kOnlyInScenario;
    b.After(change, j);
    change.revenue_moved = b.TotalRevenue(j);
  }
  Finish(TopConstraintsOf(base_model, base, base_report), TopConstraintsOf(m, plan, report), c);
  return c;
}

PlanComparison ComparePlans(const PlanView& base, const PlanView& scenario) {
  PlanComparison c;
  c.currency = base.currency;
  c.quarters = QuarterRows(base.quarters, scenario.quarters);

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
    SetAfter(change, b);
    change.revenue_moved = revenue_moved;
    change.kind = KindOf(a.status == "unplanned", b.status == "unplanned", a.planned, b.planned);
    c.changes.push_back(std::move(change));
  }
  for (size_t i = 0; i < scenario.lines.size(); ++i) {
    if (matched[i]) continue;
    const PlanView::Line& b = scenario.lines[i];
    LineChange change = ChangeOf(b);
    change.kind = LineChange::Kind::kOnlyInScenario;
    SetAfter(change, b);
    change.revenue_moved = total(b);
    c.changes.push_back(change);
  }
  Finish(base.top_constraints, scenario.top_constraints, c);
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
