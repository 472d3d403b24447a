#include "plan/licence_windows.h"

#include <algorithm>

namespace takt {

LicenceIndex::LicenceIndex(const Model& model, LicencePolicy policy) : model_(model), policy_(policy) {
  const size_t customers = model.customer_codes().size();
  offsets_.assign(customers + 1, 0);
  for (const Licence& l : model.licences()) ++offsets_[l.customer.index() + 1];
  for (size_t c = 0; c < customers; ++c) offsets_[c + 1] += offsets_[c];
  by_customer_.resize(model.licences().size());
  std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (size_t i = 0; i < model.licences().size(); ++i) {
    by_customer_[fill[model.licences()[i].customer.index()]++] = static_cast<int32_t>(i);
  }
}

void LicenceIndex::Windows(const OrderLine& line, std::vector<ShipWindow>& windows, Constraint& blocked) const {
  windows.clear();
  blocked = Constraint{};
  const int32_t last_day = model_.settings().horizon_days - 1;
  const ExportClassId cls = model_.item(line.item).export_class;
  const ExportRuleKind rule = model_.export_rule(cls, line.ship_to);
  if (rule == ExportRuleKind::kNone) {
    windows.push_back({0, last_day, -1});
    return;
  }
  if (rule == ExportRuleKind::kProhibited) {
    blocked = {ReasonCode::kProhibited, cls.value, line.ship_to.value, 0, 0, -1};
    return;
  }
  const Day start = model_.plan_start();
  Constraint pending, denied;
  // A customer the dataset does not know (a quote) holds no licences.
  const uint32_t first = line.customer.valid() ? offsets_[line.customer.index()] : 0;
  const uint32_t last = line.customer.valid() ? offsets_[line.customer.index() + 1] : 0;
  for (uint32_t k = first; k < last; ++k) {
    const int32_t id = by_customer_[k];
    const Licence& l = model_.licences()[static_cast<size_t>(id)];
    if (l.export_class != cls || !model_.DestinationContains(l.destination, line.ship_to)) continue;
    const bool counts = l.status == LicenceStatus::kApproved ||
                        (l.status == LicenceStatus::kPending && policy_ == LicencePolicy::kExpected);
    if (!counts) {
      Constraint& c = l.status == LicenceStatus::kPending ? pending : denied;
      if (c.code == ReasonCode::kNone || (l.date != kNoDay && l.date - start < c.until)) {
        c = {l.status == LicenceStatus::kPending ? ReasonCode::kLicencePending : ReasonCode::kLicenceDenied, id,
             line.ship_to.value, 0, 0, l.date == kNoDay ? -1 : l.date - start};
      }
      continue;
    }
    const int32_t from = std::max(0, l.date - start);
    const int32_t to = l.valid_until == kNoDay ? last_day : std::min(last_day, l.valid_until - start);
    if (from <= to) windows.push_back({from, to, id});
  }
  if (windows.empty()) {
    if (pending.code != ReasonCode::kNone) {
      blocked = pending;
    } else if (denied.code != ReasonCode::kNone) {
      blocked = denied;
    } else {
      blocked = {ReasonCode::kLicenceMissing, cls.value, line.ship_to.value, 0, 0, -1};
    }
    return;
  }
  // Sort and merge overlapping windows; the earliest licence names a merged window.
  std::sort(windows.begin(), windows.end(), [](const ShipWindow& a, const ShipWindow& b) {
    return a.from != b.from ? a.from < b.from : a.licence < b.licence;
  });
  size_t kept = 0;
  for (size_t i = 1; i < windows.size(); ++i) {
    if (windows[i].from <= windows[kept].to + 1) {
      windows[kept].to = std::max(windows[kept].to, windows[i].to);
    } else {
      windows[++kept] = windows[i];
    }
  }
  windows.resize(kept + 1);
}

}  // namespace takt
