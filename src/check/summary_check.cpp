// summary.json: every figure re-derived from the dataset and the shipments. Money and counts are
// compared exactly; ratios (rates, margin_pct, avg_days_late) within the rounding of their last
// printed digit.

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstdlib>

#include "check/checks.h"
#include "common/flat_set.h"

namespace takt::check {

namespace {

/// Ratios are accepted within these: four decimals for rates in 0..1, two for percentages and days.
constexpr double kRateTolerance = 0.00005 + 1e-12;
constexpr double kPercentTolerance = 0.005 + 1e-9;

constexpr std::array<std::string_view, 9> kReasonCodes = {"material",        "capacity",       "lead_time",
                                                          "licence_pending", "licence_denied", "licence_missing",
                                                          "prohibited",      "horizon",        "past_due"};

/// Figures of one fiscal quarter, re-derived.
struct QuarterFigures {
  Wide revenue = 0;
  Wide cost = 0;
  Wide units = 0;
  int64_t lines_shipped = 0;
  Wide booked = 0;
  Wide backlog_start = 0;
};

class SummaryChecker {
 public:
  SummaryChecker(const CheckContext& ctx, const JsonValue& root) : ctx_(ctx), m_(ctx.model()), root_(root) {}

  void Run() {
    CheckHeader();
    const bool shipments_known = ctx_.plan.shipments_file.complete;
    if (!shipments_known) {
      ctx_.out.Warning("check-skipped", kSummaryFile,
                       "summary figures that add up shipments were not checked: shipments.csv has errors");
    }
    Derive();
    CheckQuarters(shipments_known);
    CheckTotals(shipments_known);
    if (shipments_known) CheckTopConstraints();
  }

 private:
  // --- re-derived figures ------------------------------------------------------------------

  void Derive() {
    const auto quarters = m_.quarters();
    figures_.assign(quarters.size(), {});
    // Buckets: 0 = before the first quarter, 1 + q = quarter q, last = after the last quarter.
    auto bucket = [&](Day day) -> size_t {
      const QuarterId q = m_.QuarterOf(day);
      if (q.valid()) return q.index() + 1;
      return quarters.empty() || day < quarters.front().start ? 0 : quarters.size() + 1;
    };
    std::vector<Wide> revenue(quarters.size() + 2, 0);
    std::vector<Wide> booked(quarters.size() + 2, 0);
    FlatSet64 line_in_quarter;
    for (const ShipmentRow& s : ctx_.plan.shipments) {
      const OrderLine& line = m_.line(s.line);
      const Wide value = static_cast<Wide>(s.qty) * line.unit_price;
      total_revenue_ += value;
      const size_t b = bucket(s.date);
      revenue[b] += value;
      if (b == 0 || b > quarters.size()) continue;
      QuarterFigures& f = figures_[b - 1];
      f.revenue += value;
      f.cost += s.qty * ctx_.index.StandardCost(s.item);
      f.units += s.qty;
      if (line_in_quarter.Insert(static_cast<uint64_t>(b) << 32 | static_cast<uint32_t>(s.line.value))) {
        ++f.lines_shipped;
      }
    }
    for (size_t l = 0; l < m_.lines().size(); ++l) {
      const LineId id(l);
      const OrderLine& line = m_.line(id);
      const Wide value = ctx_.index.LineValue(id);
      backlog_value_ += value;
      booked[bucket(line.order_date)] += value;
      const LineFacts& facts = ctx_.lines[l];
      const int64_t unshipped = line.qty - std::min(facts.shipped, line.qty);
      unplanned_value_ += static_cast<Wide>(unshipped) * line.unit_price;
      if (facts.shipped < line.qty) {
        ++lines_unplanned_;
        held_back_bound_ += value;
      } else if (facts.last_date > line.request_date) {
        ++lines_late_;
        days_late_sum_ += facts.last_date - line.request_date;
        held_back_bound_ += value;
      } else {
        ++lines_on_time_;
        value_on_time_ += value;
      }
    }
    Wide booked_before = booked[0];
    Wide revenue_before = revenue[0];
    for (size_t q = 0; q < quarters.size(); ++q) {
      figures_[q].booked = booked[q + 1];
      figures_[q].backlog_start = booked_before - revenue_before;
      booked_before += booked[q + 1];
      revenue_before += revenue[q + 1];
    }
  }

  // --- reporting helpers ---------------------------------------------------------------------

  static const char* KindName(JsonValue::Kind kind) {
    switch (kind) {
      case JsonValue::Kind::kNull: return "null";
      case JsonValue::Kind::kBool: return "true or false";
      case JsonValue::Kind::kNumber: return "a number";
      case JsonValue::Kind::kString: return "a string";
      case JsonValue::Kind::kArray: return "an array";
      case JsonValue::Kind::kObject: return "an object";
    }
    return "?";
  }

  static std::string Join(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
  }

  void FieldError(const std::string& path, std::string message) {
    ctx_.out.Error("summary-field", kSummaryFile, 0, path, std::move(message));
  }

  void Mismatch(const std::string& path, std::string message) {
    ctx_.out.Error("summary-mismatch", kSummaryFile, 0, path, std::move(message));
  }

  /// The member `key` of `object` when it has the expected kind; reported otherwise.
  const JsonValue* Field(const JsonValue& object, std::string_view path, std::string_view key, JsonValue::Kind kind) {
    const JsonValue* v = object.Find(key);
    const std::string full = Join(path, key);
    if (v == nullptr) {
      FieldError(full, fmt::format("{} is missing", full));
      return nullptr;
    }
    if (v->kind != kind) {
      FieldError(full, fmt::format("{} is {}; it must be {}", full, KindName(v->kind), KindName(kind)));
      return nullptr;
    }
    return v;
  }

  std::optional<Wide> Decimal(const JsonValue& object, std::string_view path, std::string_view key) {
    const JsonValue* v = Field(object, path, key, JsonValue::Kind::kNumber);
    if (v == nullptr) return std::nullopt;
    auto value = ParseExactDecimal(v->text);
    if (!value) {
      FieldError(Join(path, key),
                 fmt::format("{} is {}, not an amount with at most four decimals", Join(path, key), v->text));
    }
    return value;
  }

  void ExpectText(const JsonValue& object, std::string_view key, std::string_view expected, std::string_view source) {
    const JsonValue* v = Field(object, "", key, JsonValue::Kind::kString);
    if (v != nullptr && v->text != expected) {
      Mismatch(std::string(key), fmt::format("{} is '{}'; {} says '{}'", key, v->text, source, expected));
    }
  }

  void ExpectMoney(const JsonValue& object, std::string_view path, std::string_view key, Wide expected,
                   std::string_view explanation) {
    auto value = Decimal(object, path, key);
    if (value && *value != expected) {
      Mismatch(Join(path, key), fmt::format("{} is {}; {} {}", Join(path, key), FormatFixed(*value), explanation,
                                            FormatFixed(expected)));
    }
  }

  void ExpectCount(const JsonValue& object, std::string_view path, std::string_view key, Wide expected,
                   std::string_view explanation) {
    auto value = Decimal(object, path, key);
    if (!value) return;
    if (*value % kDecimalScale != 0) {
      FieldError(Join(path, key), fmt::format("{} is {}, not a whole number", Join(path, key), FormatFixed(*value)));
    } else if (*value / kDecimalScale != expected) {
      Mismatch(Join(path, key), fmt::format("{} is {}; {} {}", Join(path, key), FormatWhole(*value / kDecimalScale),
                                            explanation, FormatWhole(expected)));
    }
  }

  void ExpectRatio(const JsonValue& object, std::string_view path, std::string_view key, double expected,
                   double tolerance, std::string_view explanation) {
    const JsonValue* v = Field(object, path, key, JsonValue::Kind::kNumber);
    if (v == nullptr) return;
    const double value = std::strtod(v->text.c_str(), nullptr);
    if (!(std::fabs(value - expected) <= tolerance)) {
      Mismatch(Join(path, key), fmt::format("{} is {}; {} {:.6g}", Join(path, key), v->text, explanation, expected));
    }
  }

  static double Ratio(Wide numerator, Wide denominator) {
    return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
  }

  // --- the sections ---------------------------------------------------------------------------

  void CheckHeader() {
    ExpectText(root_, "currency", m_.settings().currency, "settings.csv");
    ExpectText(root_, "plan_start", FormatDate(m_.plan_start()), "settings.csv");
    ExpectText(root_, "horizon_end", FormatDate(m_.horizon_end()), "settings.csv (plan_start + horizon_days - 1)");
    Field(root_, "", "policy", JsonValue::Kind::kString);
    if (const JsonValue* v = Field(root_, "", "licence_policy", JsonValue::Kind::kString)) {
      if (v->text != "conservative" && v->text != "expected") {
        FieldError("licence_policy",
                   fmt::format("licence_policy is '{}'; it must be 'conservative' or 'expected'", v->text));
      }
    }
  }

  void CheckQuarters(bool shipments_known) {
    const JsonValue* list = Field(root_, "", "quarters", JsonValue::Kind::kArray);
    if (list == nullptr) return;
    const auto quarters = m_.quarters();
    std::vector<bool> listed(quarters.size(), false);
    for (size_t i = 0; i < list->items.size(); ++i) {
      const JsonValue& entry = list->items[i];
      const std::string at = fmt::format("quarters[{}]", i);
      if (entry.kind != JsonValue::Kind::kObject) {
        FieldError(at, fmt::format("{} is {}; it must be an object", at, KindName(entry.kind)));
        continue;
      }
      const JsonValue* code = Field(entry, at, "quarter", JsonValue::Kind::kString);
      if (code == nullptr) continue;
      size_t q = 0;
      while (q < quarters.size() && quarters[q].code != code->text) ++q;
      if (q == quarters.size()) {
        Mismatch(at, fmt::format("{} is quarter '{}', which is not in quarters.csv", at, code->text));
        continue;
      }
      if (listed[q]) {
        Mismatch(at, fmt::format("quarter {} is listed twice", code->text));
        continue;
      }
      listed[q] = true;
      CheckQuarter(entry, quarters[q], figures_[q], shipments_known);
    }
    for (size_t q = 0; q < quarters.size(); ++q) {
      if (listed[q] || quarters[q].end < m_.plan_start() || quarters[q].start > m_.horizon_end()) continue;
      Mismatch("quarters", fmt::format("quarters lists no {}, a quarter of the horizon", quarters[q].code));
    }
  }

  void CheckQuarter(const JsonValue& entry, const Quarter& quarter, const QuarterFigures& f, bool shipments_known) {
    const std::string path = fmt::format("quarters[{}]", quarter.code);
    const std::string in = fmt::format("in {}", quarter.code);
    if (const JsonValue* v = Field(entry, path, "start", JsonValue::Kind::kString);
        v && v->text != FormatDate(quarter.start)) {
      Mismatch(Join(path, "start"),
               fmt::format("{}.start is '{}'; quarters.csv says '{}'", path, v->text, FormatDate(quarter.start)));
    }
    if (const JsonValue* v = Field(entry, path, "end", JsonValue::Kind::kString);
        v && v->text != FormatDate(quarter.end)) {
      Mismatch(Join(path, "end"),
               fmt::format("{}.end is '{}'; quarters.csv says '{}'", path, v->text, FormatDate(quarter.end)));
    }
    ExpectMoney(entry, path, "booked", f.booked, fmt::format("the lines ordered {} are worth", in));
    if (!shipments_known) return;
    ExpectMoney(entry, path, "revenue", f.revenue, fmt::format("the shipments dated {} total", in));
    ExpectMoney(entry, path, "cost", f.cost, "their standard cost is");
    const Wide margin = f.revenue - f.cost;
    ExpectMoney(entry, path, "margin", margin, "revenue - cost is");
    ExpectRatio(entry, path, "margin_pct", 100.0 * Ratio(margin, f.revenue), kPercentTolerance,
                "100 x margin / revenue is");
    ExpectCount(entry, path, "units_shipped", f.units, fmt::format("the units shipped {} are", in));
    ExpectCount(entry, path, "lines_shipped", f.lines_shipped, fmt::format("the lines with a shipment {} are", in));
    ExpectMoney(entry, path, "backlog_start", f.backlog_start,
                fmt::format("the lines booked before {} less the revenue shipped before it are", quarter.code));
    ExpectMoney(entry, path, "backlog_end", f.backlog_start + f.booked - f.revenue,
                "backlog_start + booked - revenue is");
  }

  void CheckTotals(bool shipments_known) {
    const JsonValue* totals = Field(root_, "", "totals", JsonValue::Kind::kObject);
    if (totals == nullptr) return;
    const std::string_view path = "totals";
    const auto lines = static_cast<int64_t>(m_.lines().size());
    ExpectCount(*totals, path, "lines", lines, "orders.csv has");
    ExpectMoney(*totals, path, "value", backlog_value_, "qty x unit_price over all lines is");
    if (!shipments_known) return;
    ExpectCount(*totals, path, "lines_on_time", lines_on_time_, "the lines shipping in full by their request date are");
    ExpectCount(*totals, path, "lines_late", lines_late_, "the lines shipping in full after their request date are");
    ExpectCount(*totals, path, "lines_unplanned", lines_unplanned_, "the lines not shipping in full are");
    ExpectRatio(*totals, path, "on_time_rate_lines", Ratio(lines_on_time_, lines), kRateTolerance,
                "lines_on_time / lines is");
    ExpectMoney(*totals, path, "value_on_time", value_on_time_, "the on-time lines are worth");
    ExpectRatio(*totals, path, "on_time_rate_value", Ratio(value_on_time_, backlog_value_), kRateTolerance,
                "value_on_time / value is");
    ExpectRatio(*totals, path, "avg_days_late", Ratio(days_late_sum_, lines_late_), kPercentTolerance,
                "the late lines' average days_late is");
    ExpectMoney(*totals, path, "revenue", total_revenue_, "the shipments total");
    ExpectMoney(*totals, path, "unplanned_value", unplanned_value_, "the unshipped quantity is worth");
  }

  void CheckTopConstraints() {
    const JsonValue* list = Field(root_, "", "top_constraints", JsonValue::Kind::kArray);
    if (list == nullptr) return;
    if (list->items.size() > 10) {
      Mismatch("top_constraints", fmt::format("top_constraints lists {} entries; at most 10", list->items.size()));
    }
    std::optional<Wide> previous;
    for (size_t i = 0; i < list->items.size(); ++i) {
      const JsonValue& entry = list->items[i];
      const std::string at = fmt::format("top_constraints[{}]", i);
      if (entry.kind != JsonValue::Kind::kObject) {
        FieldError(at, fmt::format("{} is {}; it must be an object", at, KindName(entry.kind)));
        continue;
      }
      if (const JsonValue* code = Field(entry, at, "reason_code", JsonValue::Kind::kString)) {
        if (std::find(kReasonCodes.begin(), kReasonCodes.end(), code->text) == kReasonCodes.end()) {
          FieldError(Join(at, "reason_code"),
                     fmt::format("{}.reason_code is '{}', not a reason code of order_status.csv", at, code->text));
        }
      }
      if (const JsonValue* key = Field(entry, at, "constraint", JsonValue::Kind::kString); key && key->text.empty()) {
        FieldError(Join(at, "constraint"), fmt::format("{}.constraint is empty", at));
      }
      Field(entry, at, "reason", JsonValue::Kind::kString);
      if (auto n = Decimal(entry, at, "lines")) {
        const Wide held = lines_late_ + lines_unplanned_;
        if (*n % kDecimalScale != 0 || *n <= 0 || *n / kDecimalScale > held) {
          Mismatch(Join(at, "lines"), fmt::format("{}.lines is {}; it must be a whole number from 1 to the {} late or "
                                                  "unplanned lines",
                                                  at, FormatFixed(*n), FormatWhole(held)));
        }
      }
      if (auto value = Decimal(entry, at, "value")) {
        if (*value < 0 || *value > held_back_bound_) {
          Mismatch(Join(at, "value"), fmt::format("{}.value is {}; the late and unplanned lines are worth {} in all",
                                                  at, FormatFixed(*value), FormatFixed(held_back_bound_)));
        }
        if (previous && *value > *previous) {
          Mismatch(Join(at, "value"), fmt::format("{}.value {} is more than the entry before it ({}): entries are "
                                                  "listed by value, largest first",
                                                  at, FormatFixed(*value), FormatFixed(*previous)));
        }
        previous = *value;
      }
    }
  }

  const CheckContext& ctx_;
  const Model& m_;
  const JsonValue& root_;
  std::vector<QuarterFigures> figures_;
  Wide total_revenue_ = 0;
  Wide backlog_value_ = 0;
  Wide unplanned_value_ = 0;
  Wide value_on_time_ = 0;
  Wide held_back_bound_ = 0;
  Wide days_late_sum_ = 0;
  int64_t lines_on_time_ = 0;
  int64_t lines_late_ = 0;
  int64_t lines_unplanned_ = 0;
};

}  // namespace

LicencePolicy ReadLicencePolicy(const PlanData& plan) {
  if (!plan.summary) return LicencePolicy::kConservative;
  const JsonValue* v = plan.summary->Find("licence_policy");
  return v != nullptr && v->kind == JsonValue::Kind::kString && v->text == "expected" ? LicencePolicy::kExpected
                                                                                      : LicencePolicy::kConservative;
}

void CheckSummary(const CheckContext& ctx) {
  if (!ctx.plan.summary) return;
  SummaryChecker(ctx, *ctx.plan.summary).Run();
}

}  // namespace takt::check
