// Export: a line whose item's export class is prohibited for its ship-to country never ships; with
// a licence rule, each shipment needs a licence of the line's customer for that class and a
// destination containing the country, valid on the ship date (approved; or pending, from its date,
// under the "expected" licence policy).

#include <fmt/format.h>

#include "check/checks.h"

namespace takt::check {

namespace {

bool Covers(const Model& m, const Licence& licence, ExportClassId export_class, CountryId country) {
  return licence.export_class == export_class && m.DestinationContains(licence.destination, country);
}

bool ValidOn(const Licence& licence, Day day, LicencePolicy policy) {
  const bool counts = licence.status == LicenceStatus::kApproved ||
                      (licence.status == LicenceStatus::kPending && policy == LicencePolicy::kExpected);
  return counts && licence.date != kNoDay && licence.date <= day &&
         (licence.valid_until == kNoDay || licence.valid_until >= day);
}

/// Why a licence that covers a shipment does not make it legal, for the hint.
std::string WhyNotValid(const Licence& l, Day day, LicencePolicy policy) {
  switch (l.status) {
    case LicenceStatus::kDenied:
      return l.date == kNoDay ? fmt::format("licence {} was denied", l.code)
                              : fmt::format("licence {} was denied on {}", l.code, FormatDate(l.date));
    case LicenceStatus::kPending:
      if (policy == LicencePolicy::kConservative) {
        return fmt::format(
            "licence {} is pending (expected {}); the conservative licence policy counts only approved "
            "licences",
            l.code, FormatDate(l.date));
      }
      if (l.date > day) {
        return fmt::format("licence {} is pending, expected {}: it counts only from then", l.code, FormatDate(l.date));
      }
      break;
    case LicenceStatus::kApproved:
      if (l.date > day) return fmt::format("licence {} is approved only from {}", l.code, FormatDate(l.date));
      break;
  }
  return fmt::format("licence {} expired on {}", l.code, FormatDate(l.valid_until));
}

}  // namespace

void CheckExport(const CheckContext& ctx) {
  const Model& m = ctx.model();
  for (const ShipmentRow& s : ctx.plan.shipments) {
    const OrderLine& line = m.line(s.line);
    const ExportClassId export_class = m.item(line.item).export_class;
    if (!export_class.valid()) continue;
    const ExportRuleKind rule = m.export_rule(export_class, line.ship_to);
    if (rule == ExportRuleKind::kNone) continue;
    const std::string_view class_code = m.export_class_code(export_class);
    const std::string_view country = m.country_code(line.ship_to);
    if (rule == ExportRuleKind::kProhibited) {
      ctx.out.Error("export-prohibited", kShipmentsFile, s.src_line, "", [&] {
        return fmt::format("{} ships {} ({}) to {}, where export of {} is prohibited", ctx.index.LineName(s.line),
                           ctx.index.item_code(line.item), class_code, country, class_code);
      });
      continue;
    }
    bool licensed = false;
    std::string hint;
    for (uint32_t i : ctx.index.LicencesOf(line.customer)) {
      const Licence& l = m.licences()[i];
      if (!Covers(m, l, export_class, line.ship_to)) continue;
      if (ValidOn(l, s.date, ctx.policy)) {
        licensed = true;
        break;
      }
      hint += (hint.empty() ? "" : "; ") + WhyNotValid(l, s.date, ctx.policy);
    }
    if (licensed) continue;
    if (hint.empty()) {
      hint = fmt::format("there is no licence for {} to {} for customer {}", class_code, country,
                         m.customer_code(line.customer));
    }
    ctx.out.Error(
        "export-unlicensed", kShipmentsFile, s.src_line, "ship_date",
        [&] {
          return fmt::format("{} ships {} ({}) to {} on {} without a valid licence for customer {}",
                             ctx.index.LineName(s.line), ctx.index.item_code(line.item), class_code, country,
                             FormatDate(s.date), m.customer_code(line.customer));
        },
        hint);
  }
}

}  // namespace takt::check
