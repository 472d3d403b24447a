// Supply of the synthetic factory: weekly GPU allocations, stock at plan_start and open purchase orders.
//
// GPUs and Grace CPUs exist only as allocated by the vendor, week by week and site by site, shaped (H100
// winding down, Blackwell ramping up) so that the order book's need is covered only after about 60 weeks:
// early quarters are short, as the backlog's request dates ask for more than that. Commodity parts have a purchase lead
// time, some stock and open POs that cover part of the lead time; built items occasionally have finished or
// work-in-progress stock.

#include <algorithm>
#include <string>
#include <vector>

#include "generate/rng.h"
#include "generate/synthetic_factory.h"

namespace takt::gen {
namespace {

/// `ALLOC-<item>-<ISO year>W<ISO week>` for the allocation received on `day`.
std::string AllocationRef(const std::string& item, Day day) {
  // The ISO week's year is the year of its Thursday; week 1 holds the year's first Thursday.
  const Day thursday = day - Weekday(day) + 3;
  const CivilDate civil = CivilFromDay(thursday);
  const int week = (thursday - DayFromCivil({civil.year, 1, 1})) / 7 + 1;
  std::string ref = "ALLOC-" + item + "-";
  AppendPadded(ref, static_cast<uint64_t>(civil.year), 4);
  ref += 'W';
  AppendPadded(ref, static_cast<uint64_t>(week), 2);
  return ref;
}

int64_t ProfileWeight(AllocProfile profile, int week) {
  switch (profile) {
    case AllocProfile::kDeclining:
      return 1600 - 10 * week;
    case AllocProfile::kRamping:
      return std::min(400 + 25 * week, 1400);
    default:
      return 1000;
  }
}

}  // namespace

void BuildSupply(Factory& f) {
  Rng rng(f.seed, 0x5A991E);
  const Day first_monday = f.plan_start + (7 - Weekday(f.plan_start)) % 7;
  const int weeks = (f.horizon_end - first_monday) / 7 + 1;
  const int sites = f.params.site_count;
  std::vector<std::vector<int64_t>> previous(static_cast<size_t>(sites));  // last allocated item's weeks, by site
  int64_t po_number = 4500012001;

  for (size_t i = 0; i < f.items.size(); ++i) {
    const ItemDef& item = f.items[i];
    const auto item_index = static_cast<int32_t>(i);
    if (item.kind == Kind::kComponent && item.alloc != AllocProfile::kNone) {
      for (int s = 0; s < sites; ++s) {
        const int64_t need = f.Demand(s, i);
        std::vector<int64_t> weekly(static_cast<size_t>(weeks), 0);
        if (item.alloc == AllocProfile::kHalfOfPrevious) {
          // Grace CPUs come paired with the superchip GPUs: one per two GPUs, in the same weeks.
          for (size_t k = 0; k < previous[static_cast<size_t>(s)].size(); ++k) {
            weekly[k] = (previous[static_cast<size_t>(s)][k] + 1) / 2;
          }
        } else if (need > 0) {
          // Allocations add up to the book's need after about 60 weeks (when capacity would also have
          // finished it) and continue at that pace to the horizon's end, for orders booked later.
          std::vector<int64_t> weights(static_cast<size_t>(weeks));
          int64_t weight_sum = 0, cover_sum = 0;
          const int cover_weeks = std::min(weeks, 60 + static_cast<int>(rng.Range(-4, 6)));
          for (int k = 0; k < weeks; ++k) {
            weights[static_cast<size_t>(k)] = ProfileWeight(item.alloc, k) * rng.Range(85, 115) / 100;
            weight_sum += weights[static_cast<size_t>(k)];
            if (k < cover_weeks) cover_sum += weights[static_cast<size_t>(k)];
          }
          const int64_t total = need * rng.Range(960, 1080) / 1000 * weight_sum / cover_sum;
          int64_t cumulative = 0, given = 0;
          for (int k = 0; k < weeks; ++k) {
            cumulative += weights[static_cast<size_t>(k)];
            const int64_t upto = total * cumulative / weight_sum;
            weekly[static_cast<size_t>(k)] = upto - given;
            given = upto;
          }
        }
        previous[static_cast<size_t>(s)] = weekly;
        if (need == 0) continue;
        const int64_t stock = need * rng.Range(8, 15) / 1000;
        if (stock > 0) f.supply.push_back({item_index, s, kNoDay, stock, true, "STOCK"});
        for (int k = 0; k < weeks; ++k) {
          if (weekly[static_cast<size_t>(k)] <= 0) continue;
          const Day day = first_monday + 7 * k;
          f.supply.push_back(
              {item_index, s, day, weekly[static_cast<size_t>(k)], false, AllocationRef(item.code, day)});
        }
      }
    } else if (item.kind == Kind::kComponent) {
      for (int s = 0; s < sites; ++s) {
        const int64_t need = f.Demand(s, i);
        if (need == 0) continue;
        const int64_t stock = need * rng.Range(15, 40) / 1000;
        if (stock > 0) f.supply.push_back({item_index, s, kNoDay, stock, true, "STOCK"});
        // Open POs, every two weeks until the lead time, each about two weeks of the book's average use.
        for (int64_t day = rng.Range(3, 9); day < item.lead_time_days; day += 14) {
          const int64_t qty = need * 14 * rng.Range(80, 120) / (100 * 420);
          if (qty <= 0) continue;
          std::string ref = "PO-";
          AppendPadded(ref, static_cast<uint64_t>(po_number++), 10);
          f.supply.push_back({item_index, s, f.plan_start + static_cast<Day>(day), qty, false, std::move(ref)});
        }
      }
    } else {
      for (int s = 0; s < sites; ++s) {
        const int64_t need = f.Demand(s, i);
        if (need == 0 || !rng.Chance(300)) continue;
        const int64_t stock = need * rng.Range(2, 10) / 1000;
        if (stock > 0) {
          f.supply.push_back(
              {item_index, s, kNoDay, stock, true, item.kind == Kind::kProduct ? "FG-STOCK" : "WIP-STOCK"});
        }
      }
    }
  }
}

}  // namespace takt::gen
