#include "plan/plan_report.h"

#include <fmt/format.h>

#include "common/format.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

namespace takt {

std::string ConstraintKey(const Model& m, const Constraint& c) {
  switch (c.code) {
    case ReasonCode::kMaterial:
      return fmt::format("{}@{}", m.item(ItemId(c.object)).code, m.site(SiteId(c.site)).code);
    case ReasonCode::kLeadTime:
      return fmt::format("{}@{}", m.item(ItemId(c.object)).code, m.site(SiteId(c.site)).code);
    case ReasonCode::kCapacity:
      return m.resource(ResourceId(c.object)).code;
    case ReasonCode::kLicencePending:
    case ReasonCode::kLicenceDenied:
      if (c.object >= 0) return m.licences()[static_cast<size_t>(c.object)].code;
      return fmt::format("licence>{}", m.country_code(CountryId(c.site)));
    case ReasonCode::kLicenceMissing:
    case ReasonCode::kProhibited:
      return fmt::format("{}>{}", c.object >= 0 ? m.export_class_code(ExportClassId(c.object)) : "?",
                         m.country_code(CountryId(c.site)));
    case ReasonCode::kHorizon: return "horizon";
    case ReasonCode::kPastDue: return "past due";
    case ReasonCode::kNone: return "";
  }
  return "";
}

ConstraintDescriber::ConstraintDescriber(const Model& m)
    : m_(m), dates_(static_cast<size_t>(std::max(0, m.settings().horizon_days)) + 1) {}

std::string_view ConstraintDescriber::Date(int32_t day) const {
  std::string& date = day >= 0 && static_cast<size_t>(day) < dates_.size() ? dates_[static_cast<size_t>(day)]
                                                                            : outside_[day];
  if (date.empty()) date = FormatDate(m_.plan_start() + day);
  return date;
}

std::string_view ConstraintDescriber::HorizonEnd() const { return Date(m_.settings().horizon_days - 1); }

namespace {

/// Appends pieces to a sentence: plain concatenation, the cost of a reason on every late line.
class Sentence {
 public:
  Sentence& operator<<(std::string_view text) {
    out_.append(text);
    return *this;
  }
  Sentence& operator<<(int64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out_.append(digits, end);
    return *this;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_ = Reserved();
  static std::string Reserved() {
    std::string s;
    s.reserve(96);  // most sentences fit: one allocation
    return s;
  }
};

}  // namespace

std::string ConstraintDescriber::operator()(const Constraint& c, const OrderLine& line) const {
  const Model& m = m_;
  Sentence out;
  switch (c.code) {
    case ReasonCode::kNone:
      break;
    case ReasonCode::kMaterial:
      out << m.item(ItemId(c.object)).code << " at site " << m.site(SiteId(c.site)).code << " short by "
          << FormatCount(c.qty);
      if (c.until >= 0) {
        out << " until " << Date(c.until);
      } else {
        out << " through the horizon end " << HorizonEnd();
      }
      break;
    case ReasonCode::kCapacity: {
      const Resource& r = m.resource(ResourceId(c.object));
      out << r.code << " at site " << m.site(r.site).code << " full ";
      if (c.until >= 0) {
        out << Date(c.from) << ".." << Date(c.until - 1);
      } else {
        out << "from " << Date(c.from) << " through the horizon end " << HorizonEnd();
      }
      break;
    }
    case ReasonCode::kLeadTime: {
      const Item& item = m.item(ItemId(c.object));
      out << item.code << " at site " << m.site(SiteId(c.site)).code;
      const Routing* built = nullptr;
      for (const Routing& r : m.routings_of(ItemId(c.object))) {
        if (r.site.value == c.site) built = &r;
      }
      if (built != nullptr) {
        int64_t days = 0;
        for (const RoutingStep& s : m.steps(*built)) days += s.duration_days;
        out << " takes " << days << " days to build: ";
      } else {
        out << " has a " << int64_t{item.lead_time_days} << "-day lead time: ";
      }
      if (c.until >= 0) {
        out << "not before " << Date(c.until);
      } else {
        out << "not before the horizon end " << HorizonEnd();
      }
      break;
    }
    case ReasonCode::kLicencePending: {
      const std::string_view country = m.country_code(line.ship_to);
      if (c.object < 0) {
        out << "no licence for " << country << " valid before " << Date(c.until);
        break;
      }
      const Licence& l = m.licences()[static_cast<size_t>(c.object)];
      out << "licence " << l.code << " for " << country;
      if (l.status != LicenceStatus::kPending) {
        out << " valid only from " << FormatDate(l.date);
      } else if (l.date == kNoDay) {
        out << " pending";
      } else {
        out << " pending, expected " << FormatDate(l.date);
      }
      break;
    }
    case ReasonCode::kLicenceDenied: {
      const Licence& l = m.licences()[static_cast<size_t>(c.object)];
      out << "licence " << l.code << " for " << m.country_code(line.ship_to) << " denied";
      if (l.date != kNoDay) out << " on " << FormatDate(l.date);
      break;
    }
    case ReasonCode::kLicenceMissing:
      out << "no valid licence for " << (c.object >= 0 ? m.export_class_code(ExportClassId(c.object)) : "?")
          << " to " << m.country_code(line.ship_to) << " for customer "
          << (line.customer.valid() ? m.customer_code(line.customer) : "(new customer)");
      break;
    case ReasonCode::kProhibited:
      out << m.export_class_code(ExportClassId(c.object)) << " to " << m.country_code(line.ship_to)
          << " is prohibited";
      break;
    case ReasonCode::kHorizon:
      out << "earliest ship date " << Date(c.from) << " is after the horizon end " << HorizonEnd();
      break;
    case ReasonCode::kPastDue:
      out << "requested " << FormatDate(line.request_date) << "; the earliest allowed ship date is " << Date(c.until);
      break;
  }
  return out.Take();
}

std::string DescribeConstraint(const Model& m, const Constraint& c, const OrderLine& line) {
  return ConstraintDescriber(m)(c, line);
}

PlanReport BuildReport(const Model& m, const Plan& plan) {
  PlanReport report;
  const auto quarters = m.quarters();
  const Day start = m.plan_start();
  report.quarters.resize(quarters.size());
  for (size_t q = 0; q < quarters.size(); ++q) report.quarters[q].quarter = QuarterId(q);
  // Booked value by quarter, and what was booked before the first quarter.
  Money booked_before_first = 0;
  for (const OrderLine& l : m.lines()) {
    const Money value = l.unit_price * l.qty;
    report.value += value;
    const QuarterId q = m.QuarterOf(l.order_date);
    if (q.valid()) {
      report.quarters[q.index()].booked += value;
    } else if (!quarters.empty() && l.order_date < quarters.front().start) {
      booked_before_first += value;
    }
  }
  std::vector<int32_t> last_quarter_of_line(m.lines().size(), -1);
  for (const Shipment& s : plan.shipments) {
    const OrderLine& l = m.line(s.line);
    const Money revenue = l.unit_price * s.qty;
    report.revenue += revenue;
    const QuarterId q = m.QuarterOf(start + s.day);
    if (!q.valid()) continue;
    QuarterFigures& f = report.quarters[q.index()];
    f.revenue += revenue;
    f.cost += plan.standard_cost[l.item.index()] * s.qty;
    f.units_shipped += s.qty;
    // A line's shipments are created together and in date order, so its quarters come in order:
    // a line is counted once per quarter by comparing with its previous shipment.
    if (last_quarter_of_line[s.line.index()] != q.value) {
      ++f.lines_shipped;
      last_quarter_of_line[s.line.index()] = q.value;
    }
  }
  Money backlog = booked_before_first;
  for (QuarterFigures& f : report.quarters) {
    f.backlog_start = backlog;
    f.backlog_end = f.backlog_start + f.booked - f.revenue;
    backlog = f.backlog_end;
  }

  // Group lines by constraint (code, object, site) with a numeric key; names are made per group.
  std::unordered_map<uint64_t, size_t> group_of;
  std::vector<ConstraintFigures> groups;
  for (size_t i = 0; i < m.lines().size(); ++i) {
    const OrderLine& l = m.lines()[i];
    const LineOutcome& o = plan.outcomes[i];
    const Money value = l.unit_price * l.qty;
    ++report.lines;
    switch (o.status) {
      case LineStatus::kOnTime:
        ++report.lines_on_time;
        report.value_on_time += value;
        break;
      case LineStatus::kLate:
        ++report.lines_late;
        report.total_days_late += o.planned_day - (l.request_date - start);
        break;
      case LineStatus::kUnplanned:
        ++report.lines_unplanned;
        report.unplanned_value += l.unit_price * (l.qty - o.shipped_qty);
        break;
    }
    if (o.status == LineStatus::kOnTime || o.reason.code == ReasonCode::kNone) continue;
    const uint64_t key = (uint64_t{static_cast<uint8_t>(o.reason.code)} << 56) ^
                         (static_cast<uint64_t>(static_cast<uint32_t>(o.reason.object)) << 24) ^
                         static_cast<uint64_t>(static_cast<uint32_t>(o.reason.site) & 0xFFFFFFu);
    auto [it, added] = group_of.emplace(key, groups.size());
    if (added) {
      groups.push_back({});
      groups.back().constraint = o.reason;
    }
    ConstraintFigures& c = groups[it->second];
    ++c.lines;
    c.value += o.status == LineStatus::kLate ? value : l.unit_price * (l.qty - o.shipped_qty);
  }
  // Groups of the same name (a licence reason without a licence, say) are merged by name.
  std::map<std::string, ConstraintFigures> by_name;
  for (ConstraintFigures& g : groups) {
    g.key = ConstraintKey(m, g.constraint);
    ConstraintFigures& named = by_name[fmt::format("{}|{}", ReasonCodeName(g.constraint.code), g.key)];
    if (named.lines == 0) {
      named.constraint = g.constraint;
      named.key = g.key;
    }
    named.lines += g.lines;
    named.value += g.value;
  }
  for (auto& [k, c] : by_name) report.top_constraints.push_back(c);
  std::stable_sort(report.top_constraints.begin(), report.top_constraints.end(),
                   [](const ConstraintFigures& a, const ConstraintFigures& b) { return a.value > b.value; });
  if (report.top_constraints.size() > 10) report.top_constraints.resize(10);
  return report;
}

std::string FormatReport(const Model& m, const Plan& plan, const PlanReport& r) {
  const std::string& cur = m.settings().currency;
  std::string out;
  out += fmt::format("{:<8} {:>10} {:>10} {:>10} {:>7} {:>8} {:>7} {:>10} {:>10}\n", "quarter", "revenue", "cost",
                     "margin", "margin%", "units", "lines", "booked", "backlog");
  for (const QuarterFigures& q : r.quarters) {
    const double pct = q.revenue == 0 ? 0.0 : 100.0 * static_cast<double>(q.margin()) / static_cast<double>(q.revenue);
    out += fmt::format("{:<8} {:>10} {:>10} {:>10} {:>6.1f}% {:>8} {:>7} {:>10} {:>10}\n",
                       m.quarters()[q.quarter.index()].code, FormatMoneyShort(q.revenue, cur),
                       FormatMoneyShort(q.cost, cur), FormatMoneyShort(q.margin(), cur), pct,
                       FormatCount(q.units_shipped), FormatCount(q.lines_shipped), FormatMoneyShort(q.booked, cur),
                       FormatMoneyShort(q.backlog_end, cur));
  }
  const double on_time_lines = r.lines == 0 ? 0.0 : 100.0 * static_cast<double>(r.lines_on_time) / static_cast<double>(r.lines);
  const double on_time_value =
      r.value == 0 ? 0.0 : 100.0 * static_cast<double>(r.value_on_time) / static_cast<double>(r.value);
  out += fmt::format(
      "\n{} lines: {} on time, {} late (avg {:.1f} days), {} unplanned ({} not shippable in the horizon)\n"
      "on time: {:.1f}% of lines, {:.1f}% of value; policy {}, licences {}\n",
      FormatCount(r.lines), FormatCount(r.lines_on_time), FormatCount(r.lines_late), r.avg_days_late(),
      FormatCount(r.lines_unplanned), FormatMoneyShort(r.unplanned_value, cur), on_time_lines, on_time_value,
      AllocationPolicyName(plan.options.policy), LicencePolicyName(plan.options.licence_policy));
  if (!r.top_constraints.empty()) {
    out += "\ntop constraints (value held back: late or unshipped)\n";
    for (const ConstraintFigures& c : r.top_constraints) {
      // Describe with a line of the constraint's own kind; the sentence names the constraint.
      const OrderLine* example = nullptr;
      for (size_t i = 0; i < plan.outcomes.size() && example == nullptr; ++i) {
        const Constraint& o = plan.outcomes[i].reason;
        if (o.code == c.constraint.code && o.object == c.constraint.object && o.site == c.constraint.site) {
          example = &m.lines()[i];
        }
      }
      out += fmt::format("  {:>10}  {:>7} lines  {:<16} {}\n", FormatMoneyShort(c.value, cur), FormatCount(c.lines),
                         ReasonCodeName(c.constraint.code),
                         example != nullptr ? DescribeConstraint(m, c.constraint, *example) : c.key);
    }
  }
  return out;
}

}  // namespace takt
