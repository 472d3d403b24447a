#include "server/json_views.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/date.h"
#include "plan/plan_options.h"
#include "plan/quote.h"

namespace takt::server {

namespace {

Json DayJson(const Model& m, int32_t day_index) {
  return day_index < 0 ? Json(nullptr) : Json(FormatDate(m.plan_start() + day_index));
}

double Ratio(int64_t part, int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string Ref(const char* prefix, int64_t number) { return fmt::format("{}{:07d}", prefix, number); }

Json ConstraintJson(const Model& m, const Constraint& c) {
  Json j = {{"code", ReasonCodeName(c.code)}};
  switch (c.code) {
    case ReasonCode::kMaterial:
    case ReasonCode::kLeadTime:
      j["item"] = m.item(ItemId(c.object)).code;
      j["site"] = m.site(SiteId(c.site)).code;
      break;
    case ReasonCode::kCapacity:
      j["resource"] = m.resource(ResourceId(c.object)).code;
      j["site"] = m.site(m.resource(ResourceId(c.object)).site).code;
      break;
    case ReasonCode::kLicencePending:
    case ReasonCode::kLicenceDenied:
      if (c.object >= 0) j["licence"] = m.licences()[static_cast<size_t>(c.object)].code;
      break;
    case ReasonCode::kLicenceMissing:
    case ReasonCode::kProhibited:
      if (c.object >= 0) j["export_class"] = m.export_class_code(ExportClassId(c.object));
      break;
    default: break;
  }
  if (c.code == ReasonCode::kMaterial) j["qty"] = c.qty;
  j["from"] = DayJson(m, c.from);
  j["until"] = DayJson(m, c.until);
  return j;
}

Json QuarterRow(const Model& m, const QuarterFigures& q) {
  const Quarter& quarter = m.quarters()[q.quarter.index()];
  return {{"code", quarter.code},          {"start", FormatDate(quarter.start)},
          {"end", FormatDate(quarter.end)}, {"revenue", MoneyJson(q.revenue)},
          {"cost", MoneyJson(q.cost)},      {"margin", MoneyJson(q.margin())},
          {"units", q.units_shipped},       {"lines", q.lines_shipped},
          {"booked", MoneyJson(q.booked)},  {"backlog_start", MoneyJson(q.backlog_start)},
          {"backlog_end", MoneyJson(q.backlog_end)}};
}

/// The site a line's BOM is shown at: where it ships from, else where it must ship from, else the
/// first site that builds or stocks the item.
SiteId SiteForBom(const Model& m, const OrderLine& l, const LineOutcome& o) {
  if (o.site.valid()) return o.site;
  if (l.site.valid()) return l.site;
  for (const Routing& r : m.routings_of(l.item)) return r.site;
  for (const Supply& s : m.supply_of(l.item)) return s.site;
  return SiteId(0);
}

const Routing* RoutingAt(const Model& m, ItemId item, SiteId site) {
  for (const Routing& r : m.routings_of(item)) {
    if (r.site == site) return &r;
  }
  return nullptr;
}

struct BomContext {
  const PlanSnapshot& s;
  SiteId site;
  int32_t request;  ///< day index, clamped to the horizon
  const Constraint& reason;
};

/// A node of the line's BOM; true in `binding` when this node or one below it is the constraint.
Json BomNode(const BomContext& ctx, ItemId item, int64_t qty_per, int64_t qty, bool& binding) {
  const Model& m = ctx.s.model();
  const Item& it = m.item(item);
  const Routing* routing = RoutingAt(m, item, ctx.site);
  bool here = false;
  if ((ctx.reason.code == ReasonCode::kMaterial || ctx.reason.code == ReasonCode::kLeadTime) &&
      ctx.reason.object == item.value && ctx.reason.site == ctx.site.value) {
    here = true;
  }
  Json j = {{"item", it.code},
            {"description", it.description},
            {"qty_per", qty_per},
            {"qty", qty},
            {"make", routing != nullptr},
            {"site", m.site(ctx.site).code}};
  if (it.lead_time_days >= 0) j["lead_time_days"] = it.lead_time_days;
  if (routing != nullptr) {
    Json steps = Json::array();
    for (const RoutingStep& st : m.steps(*routing)) {
      const bool full = ctx.reason.code == ReasonCode::kCapacity && ctx.reason.object == st.resource.value;
      here |= full;
      steps.push_back({{"step", st.step},
                       {"resource", m.resource(st.resource).code},
                       {"days", st.duration_days},
                       {"binding", full}});
    }
    j["steps"] = std::move(steps);
  }
  const std::vector<int64_t> stock = ctx.s.ProjectedStock(item, ctx.site);
  j["on_hand_at_request"] = stock.empty() ? 0 : stock[static_cast<size_t>(ctx.request)];
  int64_t supplied = 0;
  for (const Supply& sup : m.supply_of(item)) {
    if (sup.site == ctx.site && sup.date <= m.plan_start() + ctx.request) supplied += sup.qty;
  }
  j["supply_by_request"] = supplied;
  Json children = Json::array();
  bool below = false;
  if (routing != nullptr) {
    for (const BomLine& b : m.components_of(item)) {
      bool child_binding = false;
      children.push_back(BomNode(ctx, b.component, b.qty_per, qty * b.qty_per, child_binding));
      below |= child_binding;
    }
  }
  j["children"] = std::move(children);
  j["binding"] = here;
  j["on_binding_path"] = here || below;
  binding = here || below;
  return j;
}

}  // namespace

Json MoneyJson(Money value) { return static_cast<double>(value) / static_cast<double>(kDecimalScale); }

Json DateJson(Day day) { return day == kNoDay ? Json(nullptr) : Json(FormatDate(day)); }

Json PlanInfoJson(const PlanSnapshot& s) {
  const SnapshotSource& src = s.source();
  return {{"version", src.plan_version},
          {"created_at", src.created_at},
          {AllocationPolicyOption().key(), AllocationPolicyOption().Name(s.plan().options.policy)},
          {LicencePolicyOption().key(), LicencePolicyOption().Name(s.plan().options.licence_policy)},
          {"seconds", s.seconds()}};
}

Json SummaryJson(const PlanSnapshot& s) {
  const Model& m = s.model();
  const PlanReport& r = s.report();
  Json quarters = Json::array();
  Money revenue = 0, cost = 0;
  for (const QuarterFigures& q : r.quarters) {
    quarters.push_back(QuarterRow(m, q));
    revenue += q.revenue;
    cost += q.cost;
  }
  Json kpis = {{"backlog", MoneyJson(m.backlog_value())},
               {"revenue", MoneyJson(revenue)},
               {"margin", MoneyJson(revenue - cost)},
               {"margin_pct", revenue == 0 ? 0.0 : 100.0 * Ratio(revenue - cost, revenue)},
               {"lines", r.lines},
               {"lines_on_time", r.lines_on_time},
               {"lines_late", r.lines_late},
               {"lines_unplanned", r.lines_unplanned},
               {"on_time_rate", Ratio(r.lines_on_time, r.lines)},
               {"on_time_value_rate", Ratio(r.value_on_time, r.value)},
               {"avg_days_late", r.avg_days_late()},
               {"unplanned_value", MoneyJson(r.unplanned_value)}};
  // This quarter is the one holding plan_start; its figures and the next one's are the tiles.
  const QuarterId now = m.QuarterOf(m.plan_start());
  for (int k = 0; k < 2; ++k) {
    const char* code_key = k == 0 ? "this_quarter" : "next_quarter";
    const char* revenue_key = k == 0 ? "revenue_this_quarter" : "revenue_next_quarter";
    kpis[code_key] = nullptr;
    kpis[revenue_key] = 0.0;
    if (!now.valid()) continue;
    const size_t index = now.index() + static_cast<size_t>(k);
    if (index >= m.quarters().size()) continue;
    kpis[code_key] = m.quarters()[index].code;
    for (const QuarterFigures& q : r.quarters) {
      if (q.quarter.index() == index) kpis[revenue_key] = MoneyJson(q.revenue);
    }
  }
  return {{"dataset",
           {{"version", s.source().dataset_version},
            {"name", s.source().dataset_name},
            {"plan_start", FormatDate(m.plan_start())},
            {"horizon_end", FormatDate(m.horizon_end())},
            {"currency", m.settings().currency}}},
          {"plan", PlanInfoJson(s)},
          {"kpis", std::move(kpis)},
          {"quarters", std::move(quarters)},
          {"top_constraints", ConstraintsJson(s)["top_constraints"]}};
}

Json ConstraintsJson(const PlanSnapshot& s) {
  const Model& m = s.model();
  Json list = Json::array();
  for (const ConstraintFigures& c : s.report().top_constraints) {
    // The sentence of the representative line: the first line this constraint binds.
    std::string reason;
    for (const PlanView::Constraint& v : s.top_constraints()) {
      if (v.key == c.key) reason = v.reason;
    }
    list.push_back({{"key", c.key},
                    {"reason_code", ReasonCodeName(c.constraint.code)},
                    {"reason", reason},
                    {"lines", c.lines},
                    {"value", MoneyJson(c.value)},
                    {"constraint", ConstraintJson(m, c.constraint)}});
  }
  return {{"top_constraints", std::move(list)}};
}

Json MetaJson(const PlanSnapshot& s) {
  const Model& m = s.model();
  std::vector<bool> sold(m.items().size(), false), ships_to(m.country_codes().size(), false);
  for (const OrderLine& l : m.lines()) {
    sold[l.item.index()] = true;
    ships_to[l.ship_to.index()] = true;
  }
  Json customers = Json::array();
  std::vector<std::string_view> codes;
  for (size_t i = 0; i < m.customer_codes().size(); ++i) codes.push_back(m.customer_codes()[i]);
  std::sort(codes.begin(), codes.end());
  for (std::string_view c : codes) customers.push_back({{"code", c}});
  Json items = Json::array();
  for (size_t i = 0; i < m.items().size(); ++i) {
    items.push_back({{"code", m.items()[i].code},
                     {"description", m.items()[i].description},
                     {"kind", ItemKindName(m.items()[i].kind)},
                     {"sellable", static_cast<bool>(sold[i])}});
  }
  Json sites = Json::array();
  for (const Site& site : m.sites()) sites.push_back({{"code", site.code}, {"name", site.name}});
  std::vector<std::string_view> countries;
  for (size_t i = 0; i < m.country_codes().size(); ++i) {
    if (ships_to[i]) countries.push_back(m.country_codes()[i]);
  }
  std::sort(countries.begin(), countries.end());
  Json resources = Json::array();
  for (const Resource& r : m.resources()) {
    resources.push_back({{"code", r.code}, {"site", m.site(r.site).code}, {"name", r.description}});
  }
  Json quarters = Json::array();
  for (const Quarter& q : m.quarters()) quarters.push_back(q.code);
  Json export_classes = Json::array();
  for (size_t i = 0; i < m.export_class_codes().size(); ++i) export_classes.push_back(m.export_class_codes()[i]);
  Json groups = Json::array();
  for (const CountryGroup& g : m.groups()) {
    Json members = Json::array();
    for (CountryId c : m.members(g)) members.push_back(m.country_code(c));
    groups.push_back({{"code", g.code}, {"members", std::move(members)}});
  }
  Json reasons = Json::array();
  for (int c = static_cast<int>(ReasonCode::kMaterial); c <= static_cast<int>(ReasonCode::kPastDue); ++c) {
    reasons.push_back(ReasonCodeName(static_cast<ReasonCode>(c)));
  }
  return {{"customers", std::move(customers)},
          {"items", std::move(items)},
          {"sites", std::move(sites)},
          {"countries", countries},
          {"resources", std::move(resources)},
          {"quarters", std::move(quarters)},
          {"reason_codes", std::move(reasons)},
          {"export_classes", std::move(export_classes)},
          {"country_groups", std::move(groups)},
          {"statuses", {"on_time", "late", "unplanned"}},
          {"plan_start", FormatDate(m.plan_start())},
          {"horizon_end", FormatDate(m.horizon_end())},
          {"currency", m.settings().currency}};
}

Json LineJson(const PlanSnapshot& s, LineId id) {
  const Model& m = s.model();
  const OrderLine& l = m.line(id);
  const LineOutcome& o = s.plan().outcomes[id.index()];
  const bool explained = o.status != LineStatus::kOnTime && o.reason.code != ReasonCode::kNone;
  const int32_t quarter = s.planned_quarter(id);
  return {{"order", m.order_code(l.order)},
          {"line", l.line},
          {"customer", m.customer_code(l.customer)},
          {"item", m.item(l.item).code},
          {"qty", l.qty},
          {"unit_price", MoneyJson(l.unit_price)},
          {"ship_to", m.country_code(l.ship_to)},
          {"site", o.site.valid() ? Json(m.site(o.site).code) : Json(nullptr)},
          {"request", FormatDate(l.request_date)},
          {"planned", DayJson(m, o.planned_day)},
          {"days_late", o.planned_day < 0 ? Json(nullptr) : Json(s.days_late(id))},
          {"shipped", o.shipped_qty},
          {"status", LineStatusName(o.status)},
          {"reason_code", explained ? ReasonCodeName(o.reason.code) : ""},
          {"reason", explained ? DescribeConstraint(m, o.reason, l) : ""},
          {"value", MoneyJson(s.line_value(id))},
          {"quarter", quarter < 0 ? Json(nullptr) : Json(m.quarters()[static_cast<size_t>(quarter)].code)},
          {"priority", l.priority},
          {"partial", l.partial}};
}

Json LineDetailJson(const PlanSnapshot& s, LineId id) {
  const Model& m = s.model();
  const Plan& plan = s.plan();
  const OrderLine& l = m.line(id);
  const LineOutcome& o = plan.outcomes[id.index()];
  Json j = LineJson(s, id);

  Json shipments = Json::array();
  for (uint32_t i : s.shipments_of(id)) {
    const Shipment& sh = plan.shipments[i];
    shipments.push_back({{"site", m.site(sh.site).code},
                         {"date", DayJson(m, sh.day)},
                         {"qty", sh.qty},
                         {"value", MoneyJson(l.unit_price * sh.qty)}});
  }
  j["shipments"] = std::move(shipments);

  Json work_orders = Json::array();
  for (uint32_t i : s.work_orders_of(id)) {
    const WorkOrder& w = plan.work_orders[i];
    Json ops = Json::array();
    for (uint32_t k = 0; k < w.operation_count; ++k) {
      const Operation& op = plan.operations[w.first_operation + k];
      const RoutingStep& st = m.all_steps()[op.step];
      ops.push_back({{"step", st.step},
                     {"resource", m.resource(st.resource).code},
                     {"start", DayJson(m, op.start)},
                     {"end", DayJson(m, op.end)}});
    }
    work_orders.push_back({{"work_order", Ref("WO-", static_cast<int64_t>(i) + 1)},
                           {"item", m.item(w.item).code},
                           {"site", m.site(w.site).code},
                           {"qty", w.qty},
                           {"start", DayJson(m, w.start)},
                           {"end", DayJson(m, w.end)},
                           {"operations", std::move(ops)}});
  }
  j["work_orders"] = std::move(work_orders);

  Json pegging = Json::array();
  for (const Peg& p : s.pegs_of(id)) {
    Json source = nullptr;
    switch (p.kind) {
      case SourceKind::kOnHand: break;
      case SourceKind::kReceipt: source = m.supply()[static_cast<size_t>(p.source)].ref; break;
      case SourceKind::kPurchase: source = Ref("PO-", s.purchase_number(static_cast<size_t>(p.source))); break;
      case SourceKind::kWorkOrder: source = Ref("WO-", p.source + 1); break;
    }
    pegging.push_back({{"item", m.item(p.item).code},
                       {"site", m.site(p.site).code},
                       {"date", DayJson(m, p.day)},
                       {"qty", p.qty},
                       {"source_kind", SourceKindName(p.kind)},
                       {"source", std::move(source)}});
  }
  j["pegging"] = std::move(pegging);

  const bool explained = o.status != LineStatus::kOnTime && o.reason.code != ReasonCode::kNone;
  const SiteId site = SiteForBom(m, l, o);
  const int32_t request =
      std::clamp(l.request_date - m.plan_start(), 0, std::max(0, m.settings().horizon_days - 1));
  const Constraint none;
  const BomContext ctx{s, site, request, explained ? o.reason : none};
  bool binding = false;
  Json why = {{"reason_code", explained ? ReasonCodeName(o.reason.code) : ""},
              {"reason", explained ? DescribeConstraint(m, o.reason, l) : ""},
              {"constraint", explained ? ConstraintJson(m, o.reason) : Json(nullptr)},
              {"bom", BomNode(ctx, l.item, 1, l.qty, binding)}};
  j["why"] = std::move(why);
  return j;
}

Json ResourcesJson(const PlanSnapshot& s) {
  const Model& m = s.model();
  Json list = Json::array();
  for (size_t r = 0; r < m.resources().size(); ++r) {
    const ResourceId id(static_cast<int32_t>(r));
    Fixed4 load = 0, capacity = 0;
    for (Fixed4 v : s.load(id)) load += v;
    for (Fixed4 v : m.capacity_by_day(id)) capacity += v;
    const Resource& res = m.resources()[r];
    list.push_back({{"code", res.code},
                    {"site", m.site(res.site).code},
                    {"name", res.description},
                    {"capacity_per_day", static_cast<double>(res.capacity_per_day) / kDecimalScale},
                    {"utilisation", Ratio(load, capacity)}});
  }
  return list;
}

Json ResourceLoadJson(const PlanSnapshot& s, ResourceId r, int32_t from, int32_t to) {
  const Model& m = s.model();
  const std::span<const Fixed4> load = s.load(r);
  const std::span<const Fixed4> capacity = m.capacity_by_day(r);
  const int32_t last = std::min<int32_t>(to, static_cast<int32_t>(load.size()) - 1);
  Json days = Json::array();
  for (int32_t d = std::max(0, from); d <= last; ++d) {
    days.push_back({{"date", DayJson(m, d)},
                    {"capacity", static_cast<double>(capacity[static_cast<size_t>(d)]) / kDecimalScale},
                    {"load", static_cast<double>(load[static_cast<size_t>(d)]) / kDecimalScale}});
  }
  const Resource& res = m.resource(r);
  return {{"code", res.code}, {"site", m.site(res.site).code}, {"name", res.description}, {"days", std::move(days)}};
}

Json HeatmapJson(const PlanSnapshot& s, int32_t weeks) {
  const Model& m = s.model();
  const int32_t days = m.settings().horizon_days;
  weeks = std::clamp(weeks, 1, (days + 6) / 7);
  Json week_dates = Json::array();
  for (int32_t w = 0; w < weeks; ++w) week_dates.push_back(DayJson(m, w * 7));
  Json names = Json::array();
  Json rows = Json::array();
  for (size_t r = 0; r < m.resources().size(); ++r) {
    const ResourceId id(static_cast<int32_t>(r));
    const std::span<const Fixed4> load = s.load(id);
    const std::span<const Fixed4> capacity = m.capacity_by_day(id);
    Json row = Json::array();
    for (int32_t w = 0; w < weeks; ++w) {
      Fixed4 l = 0, c = 0;
      for (int32_t d = w * 7; d < std::min(days, w * 7 + 7); ++d) {
        l += load[static_cast<size_t>(d)];
        c += capacity[static_cast<size_t>(d)];
      }
      row.push_back(Ratio(l, c));
    }
    names.push_back(m.resources()[r].code);
    rows.push_back(std::move(row));
  }
  return {{"weeks", std::move(week_dates)}, {"resources", std::move(names)}, {"utilisation", std::move(rows)}};
}

Json BurndownJson(const PlanSnapshot& s, const std::vector<Money>* scenario_shipped) {
  const Model& m = s.model();
  auto curve = [&](const std::vector<Money>& shipped) {
    Json points = Json::array();
    Money open = m.backlog_value(), cumulative = 0;
    for (size_t start = 0; start < shipped.size(); start += 7) {
      for (size_t d = start; d < std::min(shipped.size(), start + 7); ++d) {
        open -= shipped[d];
        cumulative += shipped[d];
      }
      // Dated at the week's last day: the values are after that week's shipments.
      const size_t last = std::min(shipped.size(), start + 7) - 1;
      points.push_back({{"date", DayJson(m, static_cast<int32_t>(last))},
                        {"backlog", MoneyJson(open)},
                        {"shipped", MoneyJson(cumulative)}});
    }
    return points;
  };
  Json j = {{"points", curve(s.shipped_by_day())}};
  if (scenario_shipped != nullptr) j["scenario_points"] = curve(*scenario_shipped);
  return j;
}

Json AvailabilityJson(const PlanSnapshot& s, ItemId item, std::optional<SiteId> site, int32_t from, int32_t to) {
  const Model& m = s.model();
  std::vector<SiteId> sites;
  if (site) {
    sites.push_back(*site);
  } else {
    sites = s.StockSites(item);
  }
  Json list = Json::array();
  for (SiteId site_id : sites) {
    const std::vector<int64_t> stock = s.ProjectedStock(item, site_id);
    // Free on day d: the least stock from d on; taking more would starve a later planned use.
    std::vector<int64_t> free(stock.size());
    int64_t low = INT64_MAX;
    for (size_t d = stock.size(); d-- > 0;) free[d] = low = std::min(low, stock[d]);
    Json days = Json::array();
    const int32_t last = std::min<int32_t>(to, static_cast<int32_t>(stock.size()) - 1);
    for (int32_t d = std::max(0, from); d <= last; ++d) {
      days.push_back({{"date", DayJson(m, d)},
                      {"on_hand", stock[static_cast<size_t>(d)]},
                      {"available", free[static_cast<size_t>(d)]}});
    }
    list.push_back({{"site", m.site(site_id).code}, {"days", std::move(days)}});
  }
  const Item& it = m.item(item);
  return {{"item", it.code}, {"description", it.description}, {"sites", std::move(list)}};
}

Json QuoteAnswerJson(const Model& m, const QuoteRequest& q, const QuoteAnswer& a, LicencePolicy policy,
                     bool committed) {
  const OrderLine line = QuoteLine(m, q);
  const bool full = a.outcome.shipped_qty == q.qty;
  const bool explained = a.outcome.status != LineStatus::kOnTime && a.outcome.reason.code != ReasonCode::kNone;
  Json shipments = Json::array();
  for (const QuoteAnswer::Part& p : a.shipments) shipments.push_back({{"date", DayJson(m, p.day)}, {"qty", p.qty}});
  const std::string quarter = QuarterCodeOf(m, a.outcome.planned_day);
  return {{"item", m.item(q.item).code},
          {"qty", q.qty},
          {"ship_to", m.country_code(q.ship_to)},
          {"request", FormatDate(q.request_date)},
          {"status", LineStatusName(a.outcome.status)},
          {"date", full ? DayJson(m, a.outcome.planned_day) : Json(nullptr)},
          {"last_date", DayJson(m, a.outcome.planned_day)},
          {"shipped", a.outcome.shipped_qty},
          {"site", a.outcome.site.valid() ? Json(m.site(a.outcome.site).code) : Json(nullptr)},
          {"on_time", a.outcome.status == LineStatus::kOnTime},
          {"days_late", full ? Json(std::max(0, m.plan_start() + a.outcome.planned_day - q.request_date))
                             : Json(nullptr)},
          {"quarter", quarter.empty() ? Json(nullptr) : Json(quarter)},
          {"revenue", MoneyJson(q.unit_price * a.outcome.shipped_qty)},
          {"reason_code", explained ? ReasonCodeName(a.outcome.reason.code) : ""},
          {"reason", explained ? DescribeConstraint(m, a.outcome.reason, line) : ""},
          {"licence", LicenceSituation(m, q, a, policy)},
          {"shipments", std::move(shipments)},
          {"committed", committed}};
}

Json ComparisonJson(const PlanComparison& c, size_t max_changes) {
  Json quarters = Json::array();
  for (const PlanComparison::Quarter& q : c.quarters) {
    quarters.push_back({{"code", q.code},
                        {"revenue_base", MoneyJson(q.revenue_base)},
                        {"revenue_scenario", MoneyJson(q.revenue_scenario)},
                        {"margin_base", MoneyJson(q.margin_base)},
                        {"margin_scenario", MoneyJson(q.margin_scenario)},
                        {"backlog_base", MoneyJson(q.backlog_base)},
                        {"backlog_scenario", MoneyJson(q.backlog_scenario)}});
  }
  Json changes = Json::array();
  for (size_t i = 0; i < std::min(max_changes, c.changes.size()); ++i) {
    const LineChange& ch = c.changes[i];
    changes.push_back({{"kind", LineChangeName(ch.kind)},
                       {"order", ch.order},
                       {"line", ch.line},
                       {"item", ch.item},
                       {"before", DateJson(ch.before)},
                       {"after", DateJson(ch.after)},
                       {"shipped_before", ch.shipped_before},
                       {"shipped_after", ch.shipped_after},
                       {"status_before", ch.status_before},
                       {"status_after", ch.status_after},
                       {"reason_before", ch.reason_before},
                       {"reason_after", ch.reason_after},
                       {"revenue_moved", MoneyJson(ch.revenue_moved)}});
  }
  auto constraints = [](const std::vector<PlanView::Constraint>& list) {
    Json out = Json::array();
    for (const PlanView::Constraint& k : list) {
      out.push_back({{"reason_code", k.reason_code}, {"key", k.key}, {"reason", k.reason}, {"value", MoneyJson(k.value)}});
    }
    return out;
  };
  Money revenue_delta = 0;
  for (const PlanComparison::Quarter& q : c.quarters) revenue_delta += q.revenue_scenario - q.revenue_base;
  return {{"currency", c.currency},
          {"quarters", std::move(quarters)},
          {"revenue_delta", MoneyJson(revenue_delta)},
          {"changes", std::move(changes)},
          {"changed_lines", c.changes.size()},
          {"unchanged_lines", c.unchanged_lines},
          {"appeared", constraints(c.appeared)},
          {"gone", constraints(c.gone)}};
}

}  // namespace takt::server
