#include "plan/plan_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>

#include "io/csv_writer.h"
#include "plan/pegging.h"

namespace takt {

namespace {

std::string JsonString(std::string_view s) { return nlohmann::json(std::string(s)).dump(); }

}  // namespace

namespace {

/// Opens a sink for a file name; `close` is called with it once the file is complete and returns an
/// error message or "".
using OpenSink = std::function<TextSink&(const char* name)>;
using CloseSink = std::function<std::string(const char* name, TextSink& sink)>;

std::string WriteEach(const Model& m, const Plan& plan, const PlanReport& report, const OpenSink& open,
                      const CloseSink& close) {
  const Day start = m.plan_start();
  std::string error;
  const char* current = nullptr;
  // Each file: open its sink, write the header; the previous file is closed first.
  auto add = [&](const char* name, const char* header) -> TextSink& {
    if (current != nullptr && error.empty()) error = close(current, open(current));
    current = name;
    TextSink& sink = open(name);
    sink.buffer() += header;
    sink.buffer() += '\n';
    return sink;
  };

  {
    TextSink& out = add("shipments.csv", "order,line,item,site,ship_date,qty,revenue,cost");
    std::vector<uint32_t> order(plan.shipments.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const Shipment& x = plan.shipments[a];
      const Shipment& y = plan.shipments[b];
      return x.day != y.day ? x.day < y.day : x.line < y.line;
    });
    CsvWriter w(out);
    for (uint32_t k : order) {
      const Shipment& s = plan.shipments[k];
      const OrderLine& l = m.line(s.line);
      w.Text(m.order_code(l.order)).Int(l.line).Text(m.item(l.item).code).Text(m.site(s.site).code);
      w.Date(start + s.day).Int(s.qty).Decimal(l.unit_price * s.qty).Decimal(plan.standard_cost[l.item.index()] * s.qty);
      w.EndRow();
    }
  }
  {
    TextSink& out = add("order_status.csv",
                        "order,line,item,qty,request_date,planned_date,shipped_qty,status,days_late,reason_code,reason");
    CsvWriter w(out);
    const ConstraintDescriber describe(m);
    for (size_t i = 0; i < m.lines().size(); ++i) {
      const OrderLine& l = m.lines()[i];
      const LineOutcome& o = plan.outcomes[i];
      w.Text(m.order_code(l.order)).Int(l.line).Text(m.item(l.item).code).Int(l.qty).Date(l.request_date);
      o.planned_day >= 0 ? w.Date(start + o.planned_day) : w.Empty();
      w.Int(o.shipped_qty).Text(LineStatusName(o.status));
      switch (o.status) {
        case LineStatus::kOnTime: w.Int(0); break;
        case LineStatus::kLate: w.Int(start + o.planned_day - l.request_date); break;
        case LineStatus::kUnplanned: w.Empty(); break;
      }
      if (o.status == LineStatus::kOnTime) {
        w.Empty().Empty();
      } else {
        w.Text(ReasonCodeName(o.reason.code)).Text(describe(o.reason, l));
      }
      w.EndRow();
    }
  }
  {
    TextSink& out = add("work_orders.csv", "work_order,item,site,qty,start,end,order,line");
    CsvWriter w(out);
    for (size_t i = 0; i < plan.work_orders.size(); ++i) {
      const WorkOrder& wo = plan.work_orders[i];
      const OrderLine& l = m.line(wo.line);
      w.Id("WO-", static_cast<int64_t>(i + 1), 7).Text(m.item(wo.item).code).Text(m.site(wo.site).code).Int(wo.qty);
      w.Date(start + wo.start).Date(start + wo.end).Text(m.order_code(l.order)).Int(l.line).EndRow();
    }
  }
  {
    TextSink& out = add("operations.csv", "work_order,step,resource,start,end,qty");
    CsvWriter w(out);
    const auto steps = m.all_steps();
    for (size_t i = 0; i < plan.work_orders.size(); ++i) {
      const WorkOrder& wo = plan.work_orders[i];
      for (uint32_t k = 0; k < wo.operation_count; ++k) {
        const Operation& op = plan.operations[wo.first_operation + k];
        const RoutingStep& s = steps[op.step];
        w.Id("WO-", static_cast<int64_t>(i + 1), 7).Int(s.step).Text(m.resource(s.resource).code).Date(start + op.start).Date(start + op.end);
        w.Int(wo.qty).EndRow();
      }
    }
  }
  // Purchases: numbered in creation order (skipping attempts rolled back to zero), listed by
  // item, site and date.
  std::vector<int32_t> purchase_number(plan.purchases.size(), 0);
  {
    int32_t next = 0;
    for (size_t i = 0; i < plan.purchases.size(); ++i) {
      if (plan.purchases[i].qty > 0) purchase_number[i] = ++next;
    }
    std::vector<uint32_t> order;
    for (uint32_t i = 0; i < plan.purchases.size(); ++i) {
      if (plan.purchases[i].qty > 0) order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const Purchase& x = plan.purchases[a];
      const Purchase& y = plan.purchases[b];
      if (x.item != y.item) return x.item < y.item;
      if (x.site != y.site) return x.site < y.site;
      return x.day < y.day;
    });
    TextSink& out = add("purchases.csv", "item,site,date,qty,purchase");
    CsvWriter w(out);
    for (uint32_t i : order) {
      const Purchase& p = plan.purchases[i];
      w.Text(m.item(p.item).code).Text(m.site(p.site).code).Date(start + p.day).Int(p.qty);
      w.Id("PO-", purchase_number[i], 7).EndRow();
    }
  }
  {
    const std::vector<Peg> pegs = PegPlan(m, plan);
    TextSink& out = add("pegging.csv", "order,line,item,site,date,qty,source_kind,source");
    CsvWriter w(out);
    for (const Peg& p : pegs) {
      const OrderLine& l = m.line(p.line);
      w.Text(m.order_code(l.order)).Int(l.line).Text(m.item(p.item).code).Text(m.site(p.site).code);
      w.Date(start + p.day).Int(p.qty).Text(SourceKindName(p.kind));
      switch (p.kind) {
        case SourceKind::kOnHand: w.Empty(); break;
        case SourceKind::kReceipt: w.Text(m.supply()[static_cast<size_t>(p.source)].ref); break;
        case SourceKind::kPurchase: w.Id("PO-", purchase_number[static_cast<size_t>(p.source)], 7); break;
        case SourceKind::kWorkOrder: w.Id("WO-", p.source + 1, 7); break;
      }
      w.EndRow();
    }
  }
  {
    if (error.empty()) error = close(current, open(current));
    current = "summary.json";
    std::string& out = open("summary.json").buffer();
    auto money = [](Money v) { return FormatDecimal(v); };
    auto ratio = [](double v) { return fmt::format("{:.6f}", v); };
    out += "{\n";
    out += fmt::format("  \"currency\": {},\n  \"plan_start\": \"{}\",\n  \"horizon_end\": \"{}\",\n",
                       JsonString(m.settings().currency), FormatDate(start), FormatDate(m.horizon_end()));
    out += fmt::format("  \"policy\": \"{}\",\n  \"licence_policy\": \"{}\",\n", AllocationPolicyName(plan.options.policy),
                       LicencePolicyName(plan.options.licence_policy));
    out += "  \"quarters\": [";
    for (size_t i = 0; i < report.quarters.size(); ++i) {
      const QuarterFigures& q = report.quarters[i];
      const Quarter& def = m.quarters()[q.quarter.index()];
      const double pct = q.revenue == 0 ? 0.0 : 100.0 * static_cast<double>(q.margin()) / static_cast<double>(q.revenue);
      out += fmt::format(
          "{}\n    {{\"quarter\": {}, \"start\": \"{}\", \"end\": \"{}\", \"revenue\": {}, \"cost\": {}, \"margin\": {}, "
          "\"margin_pct\": {:.4f}, \"units_shipped\": {}, \"lines_shipped\": {}, \"booked\": {}, \"backlog_start\": {}, "
          "\"backlog_end\": {}}}",
          i == 0 ? "" : ",", JsonString(def.code), FormatDate(def.start), FormatDate(def.end), money(q.revenue),
          money(q.cost), money(q.margin()), pct, q.units_shipped, q.lines_shipped, money(q.booked),
          money(q.backlog_start), money(q.backlog_end));
    }
    out += "\n  ],\n";
    const double rate_lines = report.lines == 0 ? 0.0 : static_cast<double>(report.lines_on_time) / static_cast<double>(report.lines);
    const double rate_value =
        report.value == 0 ? 0.0 : static_cast<double>(report.value_on_time) / static_cast<double>(report.value);
    out += fmt::format(
        "  \"totals\": {{\"lines\": {}, \"value\": {}, \"lines_on_time\": {}, \"lines_late\": {}, "
        "\"lines_unplanned\": {}, \"on_time_rate_lines\": {}, \"on_time_rate_value\": {}, \"value_on_time\": {}, "
        "\"avg_days_late\": {:.4f}, \"revenue\": {}, \"unplanned_value\": {}}},\n",
        report.lines, money(report.value), report.lines_on_time, report.lines_late, report.lines_unplanned,
        ratio(rate_lines), ratio(rate_value), money(report.value_on_time), report.avg_days_late(),
        money(report.revenue), money(report.unplanned_value));
    out += "  \"top_constraints\": [";
    for (size_t i = 0; i < report.top_constraints.size(); ++i) {
      const ConstraintFigures& c = report.top_constraints[i];
      // The sentence is written for the first line bound by it.
      std::string reason;
      for (size_t l = 0; l < plan.outcomes.size(); ++l) {
        const Constraint& o = plan.outcomes[l].reason;
        if (plan.outcomes[l].status != LineStatus::kOnTime && o.code == c.constraint.code &&
            o.object == c.constraint.object && o.site == c.constraint.site) {
          reason = DescribeConstraint(m, o, m.lines()[l]);
          break;
        }
      }
      out += fmt::format("{}\n    {{\"reason_code\": \"{}\", \"constraint\": {}, \"reason\": {}, \"lines\": {}, \"value\": {}}}",
                         i == 0 ? "" : ",", ReasonCodeName(c.constraint.code), JsonString(c.key), JsonString(reason),
                         c.lines, money(c.value));
    }
    out += "\n  ]\n}\n";
  }
  if (error.empty()) error = close(current, open(current));
  return error;
}

}  // namespace

PlanFiles WritePlanFiles(const Model& m, const Plan& plan, const PlanReport& report) {
  PlanFiles files;
  std::map<std::string, std::unique_ptr<TextSink>> sinks;
  WriteEach(
      m, plan, report,
      [&](const char* name) -> TextSink& {
        auto& sink = sinks[name];
        if (!sink) sink = std::make_unique<TextSink>();
        return *sink;
      },
      [&](const char* name, TextSink& sink) {
        files.files.emplace_back(name, std::move(sink.text()));
        sinks.erase(name);
        return std::string();
      });
  return files;
}

std::string WritePlanFolder(const Model& m, const Plan& plan, const PlanReport& report,
                            const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fmt::format("cannot create folder '{}': {}", dir.string(), ec.message());
  std::map<std::string, std::unique_ptr<TextSink>> sinks;
  return WriteEach(
      m, plan, report,
      [&](const char* name) -> TextSink& {
        auto& sink = sinks[name];
        if (!sink) sink = std::make_unique<TextSink>(dir / name);
        return *sink;
      },
      [&](const char* name, TextSink& sink) {
        std::string error = sink.Finish();
        sinks.erase(name);
        return error;
      });
}

}  // namespace takt
