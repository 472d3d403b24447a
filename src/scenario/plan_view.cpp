#include "scenario/plan_view.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "planfiles/plan_reader.h"

namespace takt {

namespace {

using planfiles::JsonValue;

/// A string member of a JSON object, or "".
std::string StringOf(const JsonValue& object, std::string_view key) {
  const JsonValue* v = object.Find(key);
  return v != nullptr && v->kind == JsonValue::Kind::kString ? v->text : std::string();
}

/// Money from a JSON number of summary.json, to the cent (backlog figures are for reading).
Money MoneyOf(const JsonValue* v) {
  if (v == nullptr || v->kind != JsonValue::Kind::kNumber) return 0;
  return static_cast<Money>(std::llround(std::strtod(v->text.c_str(), nullptr) * 100.0)) * (kDecimalScale / 100);
}

bool ReadSummary(const JsonValue& j, PlanView& view, Diagnostics& d) {
  if (const JsonValue* currency = j.Find("currency"); currency != nullptr && currency->kind == JsonValue::Kind::kString) {
    view.currency = currency->text;
  }
  if (const JsonValue* quarters = j.Find("quarters"); quarters != nullptr && quarters->kind == JsonValue::Kind::kArray) {
    for (const JsonValue& q : quarters->items) {
      PlanView::Quarter quarter;
      quarter.code = StringOf(q, "quarter");
      const auto start = ParseDate(StringOf(q, "start"));
      const auto end = ParseDate(StringOf(q, "end"));
      if (!start || !end) {
        d.Error("bad-plan-file", kSummaryFile, 0, "quarters",
                fmt::format("quarter '{}' has no valid start and end", quarter.code));
        return false;
      }
      quarter.start = *start;
      quarter.end = *end;
      quarter.backlog_end = MoneyOf(q.Find("backlog_end"));
      view.quarters.push_back(quarter);
    }
  }
  if (const JsonValue* top = j.Find("top_constraints"); top != nullptr && top->kind == JsonValue::Kind::kArray) {
    for (const JsonValue& c : top->items) {
      view.top_constraints.push_back(
          {StringOf(c, "reason_code"), StringOf(c, "constraint"), StringOf(c, "reason"), MoneyOf(c.Find("value"))});
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

/// summary.json, then order_status.csv (the lines), then shipments.csv (their revenue by quarter).
bool ReadView(const planfiles::FileSource& source, PlanView& view, Diagnostics& d) {
  planfiles::FileState summary_state;
  const std::optional<JsonValue> summary = planfiles::ReadPlanSummary(source, d, summary_state);
  if (!summary || !ReadSummary(*summary, view, d)) return false;

  using S = planfiles::StatusColumns;
  const planfiles::FileState status_state = planfiles::ReadPlanCsv<S>(source, d, [&](planfiles::PlanRow& f) {
    const auto order = f.Code(S::kOrder);
    const auto number = f.LineNumber(S::kLine);
    const auto qty = f.QuantityOrZero(S::kQty);
    const auto request = f.Date(S::kRequest);
    const auto planned = f.Date(S::kPlanned, kNoDay);
    const auto shipped = f.QuantityOrZero(S::kShipped);
    const auto status = f.Status(S::kStatus);
    const auto reason_code = f.ReasonCode(S::kReasonCode);
    if (!f.record_ok()) return false;
    PlanView::Line& line = view.lines.emplace_back();
    line.order = std::string(*order);
    line.line = *number;
    line.item = std::string(f.Text(S::kItem));
    line.qty = *qty;
    line.request = *request;
    line.planned = *planned;
    line.shipped = *shipped;
    line.status = std::string(planfiles::kStatusNames[static_cast<size_t>(*status)]);
    if (*reason_code >= 0) line.reason_code = std::string(planfiles::kReasonCodeNames[static_cast<size_t>(*reason_code)]);
    line.reason = std::string(f.Text(S::kReason));
    line.revenue_by_quarter.assign(view.quarters.size(), 0);
    return true;
  });
  if (!status_state.readable) return false;

  // Keys view the lines' strings: built once the lines no longer move.
  std::unordered_map<LineKey, size_t, LineKeyHash> index;
  index.reserve(view.lines.size());
  for (size_t i = 0; i < view.lines.size(); ++i) index.emplace(LineKey{view.lines[i].order, view.lines[i].line}, i);

  using C = planfiles::ShipmentColumns;
  const planfiles::FileState shipments_state = planfiles::ReadPlanCsv<C>(source, d, [&](planfiles::PlanRow& f) {
    const auto order = f.Code(C::kOrder);
    const auto number = f.LineNumber(C::kLine);
    const auto date = f.Date(C::kShipDate);
    const auto revenue = f.Amount(C::kRevenue);
    const auto cost = f.Amount(C::kCost);
    if (!f.record_ok()) return false;
    const auto it = index.find(LineKey{*order, *number});
    if (it == index.end()) {
      f.Error(C::kOrder, "unknown-reference",
              fmt::format("shipment of order '{}' line {} has no row in order_status.csv", *order, *number));
      return false;
    }
    const int32_t q = QuarterIndex(view, *date);
    if (q < 0) return true;
    view.lines[it->second].revenue_by_quarter[static_cast<size_t>(q)] += *revenue;
    view.quarters[static_cast<size_t>(q)].revenue += *revenue;
    view.quarters[static_cast<size_t>(q)].cost += *cost;
    return true;
  });
  return shipments_state.readable && !d.has_errors();
}

}  // namespace

bool ReadPlanView(const std::filesystem::path& dir, PlanView& view, Diagnostics& diagnostics) {
  return ReadView(planfiles::FolderSource(dir, diagnostics), view, diagnostics);
}

bool ReadPlanView(const PlanFiles& files, PlanView& view, Diagnostics& diagnostics) {
  return ReadView(planfiles::MemorySource(files), view, diagnostics);
}

std::vector<PlanView::Quarter> QuartersOf(const Model& m, const PlanReport& report) {
  std::vector<PlanView::Quarter> quarters;
  for (const QuarterFigures& q : report.quarters) {
    const Quarter& def = m.quarters()[q.quarter.index()];
    quarters.push_back({def.code, def.start, def.end, q.revenue, q.cost, q.backlog_end});
  }
  return quarters;
}

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

}  // namespace takt
