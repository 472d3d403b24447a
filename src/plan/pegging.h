#pragma once
// Pegging: which supply (on-hand stock, a receipt, a purchase, a work order) feeds which line.
// Supply is matched to consumption first in, first out per item and site; the material balance
// never going negative guarantees every consumption finds supply dated on or before it.

#include <cstdint>
#include <vector>

#include "model/model.h"
#include "plan/plan.h"

namespace takt {

enum class SourceKind : uint8_t { kOnHand, kReceipt, kPurchase, kWorkOrder };
const char* SourceKindName(SourceKind kind);

struct Peg {
  LineId line;
  ItemId item;
  SiteId site;
  int32_t day = 0;  ///< consumption day (index)
  int64_t qty = 0;
  SourceKind kind = SourceKind::kOnHand;
  int32_t source = -1;  ///< supply index (model order), purchase index or work order index
};

/// Pegs sorted by line, then item, site, day.
std::vector<Peg> PegPlan(const Model& model, const Plan& plan);

}  // namespace takt
