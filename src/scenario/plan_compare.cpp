#include "scenario/plan_compare.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>

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

using Quarters = std::vector<PlanView::Quarter>;
using Constraints = std::vector<PlanView::Constraint>;

/// The quarters in which two plans' revenue is compared: the base's, then the scenario's codes the
/// base lacks. Each plan's quarter index maps to a slot; plans of one calendar map q to q.
struct QuarterSlots {
  std::vector<int32_t> base, scenario;  ///< slot of each quarter of either plan
  size_t count = 0;
  bool identity = true;  ///< both plans list the same codes in the same order

  QuarterSlots(const Quarters& a, const Quarters& b) {
    std::vector<std::string_view> codes;
    auto slot_of = [&](std::string_view code, bool add) -> int32_t {
      for (size_t s = 0; s < codes.size(); ++s) {
        if (codes[s] == code) return static_cast<int32_t>(s);
      }
      if (!add) return -1;
      codes.push_back(code);
      return static_cast<int32_t>(codes.size() - 1);
    };
    for (const PlanView::Quarter& q : a) base.push_back(slot_of(q.code, true));
    for (const PlanView::Quarter& q : b) scenario.push_back(slot_of(q.code, true));
    count = codes.size();
    identity = a.size() == b.size();
    for (size_t q = 0; identity && q < a.size(); ++q) {
      identity = base[q] == static_cast<int32_t>(q) && scenario[q] == static_cast<int32_t>(q);
    }
  }
};

// A side is one plan as the comparison reads it, line by line (by index): its key, planned day,
// shipped quantity, revenue by quarter slot, and the strings of a LineChange when it changed. Two
// kinds: PlannedSide (a plan in memory) and ViewSide (a PlanView); CompareSides is the comparison.

/// One plan's side of an in-memory comparison: per line, its revenue by quarter slot (from the
/// shipments, grouped by line), and the line's fields in the user's codes when it changed.
class PlannedSide {
 public:
  PlannedSide(const Model& m, const Plan& plan, const std::vector<int32_t>& slots)
      : m_(m), plan_(plan), describe_(m) {
    const size_t lines = m.lines().size();
    offsets_.assign(lines + 1, 0);
    for (const Shipment& s : plan.shipments) ++offsets_[s.line.index() + 1];
    for (size_t i = 0; i < lines; ++i) offsets_[i + 1] += offsets_[i];
    entries_.resize(offsets_[lines]);
    std::vector<uint32_t> next(offsets_.begin(), offsets_.end() - 1);
    const Day start = m.plan_start();
    auto slot = [&](QuarterId q) { return q.valid() && q.index() < slots.size() ? slots[q.index()] : -1; };
    std::vector<int32_t> slot_of_day(static_cast<size_t>(std::max(0, m.settings().horizon_days)));
    for (size_t d = 0; d < slot_of_day.size(); ++d) slot_of_day[d] = slot(m.QuarterOf(start + static_cast<Day>(d)));
    for (const Shipment& s : plan.shipments) {
      const int32_t q = s.day >= 0 && static_cast<size_t>(s.day) < slot_of_day.size()
                            ? slot_of_day[static_cast<size_t>(s.day)]
                            : slot(m.QuarterOf(start + s.day));
      entries_[next[s.line.index()]++] = {q, m.line(s.line).unit_price * s.qty};
    }
  }

  size_t size() const { return m_.lines().size(); }
  LineKey Key(size_t line) const { return {m_.order_code(m_.lines()[line].order), m_.lines()[line].line}; }
  /// A scenario that edits no order shares the base's lines: line i is line i.
  bool SameLinesAs(const PlannedSide& other) const {
    const auto a = m_.lines(), b = other.m_.lines();
    return a.size() == b.size() && (a.empty() || a.data() == b.data());
  }

  /// Whether two lines' shipments bring the same revenue in the same quarters, entry by entry.
  bool SameRevenue(size_t line, const PlannedSide& other, size_t other_line) const {
    return std::equal(entries_.begin() + offsets_[line], entries_.begin() + offsets_[line + 1],
                      other.entries_.begin() + other.offsets_[other_line],
                      other.entries_.begin() + other.offsets_[other_line + 1]);
  }
  /// Adds the line's revenue by quarter slot, times `sign`, into `by_slot`.
  void AddRevenue(size_t line, int sign, std::vector<Money>& by_slot) const {
    for (uint32_t k = offsets_[line]; k < offsets_[line + 1]; ++k) {
      if (entries_[k].first >= 0) by_slot[static_cast<size_t>(entries_[k].first)] += sign * entries_[k].second;
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
  std::vector<std::pair<int32_t, Money>> entries_;  ///< (quarter slot or -1, revenue), grouped by line
};

/// One plan's side read from a view: the lines as read, their revenue by the view's quarters.
class ViewSide {
 public:
  ViewSide(const PlanView& view, const std::vector<int32_t>& slots, bool same_quarters)
      : view_(view), slots_(slots), same_quarters_(same_quarters) {}

  size_t size() const { return view_.lines.size(); }
  LineKey Key(size_t line) const { return {view_.lines[line].order, view_.lines[line].line}; }
  bool SameLinesAs(const ViewSide& other) const { return &view_ == &other.view_; }

  bool SameRevenue(size_t line, const ViewSide& other, size_t other_line) const {
    return same_quarters_ && view_.lines[line].revenue_by_quarter == other.view_.lines[other_line].revenue_by_quarter;
  }
  void AddRevenue(size_t line, int sign, std::vector<Money>& by_slot) const {
    const std::vector<Money>& revenue = view_.lines[line].revenue_by_quarter;
    for (size_t q = 0; q < revenue.size(); ++q) by_slot[static_cast<size_t>(slots_[q])] += sign * revenue[q];
  }
  Money TotalRevenue(size_t line) const {
    Money sum = 0;
    for (Money m : view_.lines[line].revenue_by_quarter) sum += m;
    return sum;
  }

  Day Planned(size_t line) const { return view_.lines[line].planned; }
  int64_t Shipped(size_t line) const { return view_.lines[line].shipped; }
  bool Unplanned(size_t line) const { return view_.lines[line].status == "unplanned"; }

  void Start(LineChange& change, size_t line) const {
    const PlanView::Line& l = view_.lines[line];
    change.order = l.order;
    change.line = l.line;
    change.item = l.item;
  }
  void Before(LineChange& change, size_t line) const {
    const PlanView::Line& l = view_.lines[line];
    change.before = l.planned;
    change.shipped_before = l.shipped;
    change.status_before = l.status;
    change.reason_before = l.reason;
  }
  void After(LineChange& change, size_t line) const {
    const PlanView::Line& l = view_.lines[line];
    change.after = l.planned;
    change.shipped_after = l.shipped;
    change.status_after = l.status;
    change.reason_after = l.reason;
  }

 private:
  const PlanView& view_;
  const std::vector<int32_t>& slots_;
  bool same_quarters_;
};

std::vector<PlanComparison::Quarter> QuarterRows(const Quarters& base, const Quarters& scenario) {
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
void Finish(const Constraints& base, const Constraints& scenario, PlanComparison& c) {
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

/// The comparison: lines matched by order and line number (the same index first: plans of one
/// dataset list them in the same order, so the map is built only when that fails); first which
/// lines changed and by how much revenue, then the changes, strings for those only; listed base
/// lines in turn, then lines only in the scenario, then sorted by revenue moved.
template <typename Side>
void CompareSides(const Side& a, const Side& b, size_t slots, PlanComparison& c) {
  const bool shared = a.SameLinesAs(b);
  std::unordered_map<LineKey, size_t, LineKeyHash> in_scenario;
  bool map_built = false;
  auto find = [&](size_t i) -> int64_t {
    if (shared) return static_cast<int64_t>(i);
    const LineKey key = a.Key(i);
    if (i < b.size() && b.Key(i) == key) return static_cast<int64_t>(i);
    if (!map_built) {
      in_scenario.reserve(b.size());
      for (size_t j = 0; j < b.size(); ++j) in_scenario.emplace(b.Key(j), j);
      map_built = true;
    }
    const auto it = in_scenario.find(key);
    return it == in_scenario.end() ? -1 : static_cast<int64_t>(it->second);
  };
  struct Match {
    uint32_t base, scenario;
    Money revenue_moved;
  };
  std::vector<Match> changed;
  std::vector<uint32_t> only_in_base;
  std::vector<uint8_t> matched(b.size(), 0);
  std::vector<Money> delta(slots, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    const int64_t found = find(i);
    if (found < 0) {
      only_in_base.push_back(static_cast<uint32_t>(i));
      continue;
    }
    const auto j = static_cast<size_t>(found);
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
  const size_t only_in_scenario = b.size() - static_cast<size_t>(std::count(matched.begin(), matched.end(), 1));
  c.changes.reserve(changed.size() + only_in_base.size() + only_in_scenario);
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
  for (size_t j = 0; j < b.size(); ++j) {
    if (matched[j]) continue;
    LineChange& change = c.changes.emplace_back();
    b.Start(change, j);
    change.kind = LineChange::Kind::kOnlyInScenario;
    b.After(change, j);
    change.revenue_moved = b.TotalRevenue(j);
  }
}

}  // namespace

PlanComparison ComparePlans(const PlanView& base, const PlanView& scenario) {
  PlanComparison c;
  c.currency = base.currency;
  c.quarters = QuarterRows(base.quarters, scenario.quarters);
  const QuarterSlots slots(base.quarters, scenario.quarters);
  CompareSides(ViewSide(base, slots.base, slots.identity), ViewSide(scenario, slots.scenario, slots.identity),
               slots.count, c);
  Finish(base.top_constraints, scenario.top_constraints, c);
  return c;
}

PlanComparison ComparePlanned(const Model& base_model, const Plan& base, const PlanReport& base_report,
                              const Model& m, const Plan& plan, const PlanReport& report) {
  const Quarters base_quarters = QuartersOf(base_model, base_report);
  const Quarters quarters = QuartersOf(m, report);
  PlanComparison c;
  c.currency = base_model.settings().currency;
  c.quarters = QuarterRows(base_quarters, quarters);
  const QuarterSlots slots(base_quarters, quarters);
  CompareSides(PlannedSide(base_model, base, slots.base), PlannedSide(m, plan, slots.scenario), slots.count, c);
  Finish(TopConstraintsOf(base_model, base, base_report), TopConstraintsOf(m, plan, report), c);
  return c;
}

}  // namespace takt
