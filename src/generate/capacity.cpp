// Resources, routings and capacity calendars of the synthetic factory.
//
// Capacity is sized from the order book, so that it stays saturated at every scale: each resource gets the
// capacity that would finish the whole book's work on it in 11 to 15 months (later than most customers asked
// for), with liquid-cooling lines still ramping up at plan_start, holiday shutdowns, and new rack-integration
// and burn-in bays from FY27Q1.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "generate/rng.h"
#include "generate/synthetic_factory.h"

namespace takt::gen {
namespace {

constexpr const char* kStageCodes[kStageCount] = {"BOARD",    "SRV-BUILD", "TRAY-BUILD",
                                                  "RACK-INT", "LEAK-TEST", "BURN-IN"};
constexpr const char* kStageDescriptions[kStageCount] = {
    "board assembly lines",  "server build stations",      "tray build stations",
    "rack integration bays", "coolant leak-test stations", "burn-in slots (server equivalents)"};
// Days of base capacity the whole order book needs on each stage: burn-in and rack integration bind hardest.
constexpr int kStageDays[kStageCount] = {340, 380, 360, 420, 400, 430};

struct Closure {
  const char* country;
  const char* from;
  const char* to;
};

// Public holidays on which a site's lines stop.
constexpr Closure kClosures[] = {
    {"US", "2025-07-04", "2025-07-04"}, {"US", "2025-11-27", "2025-11-28"}, {"US", "2025-12-24", "2025-12-26"},
    {"US", "2026-01-01", "2026-01-01"}, {"US", "2026-07-03", "2026-07-03"}, {"US", "2026-11-26", "2026-11-27"},
    {"US", "2026-12-24", "2026-12-25"}, {"US", "2027-01-01", "2027-01-01"}, {"MX", "2025-09-16", "2025-09-16"},
    {"MX", "2025-12-24", "2025-12-25"}, {"MX", "2025-12-31", "2026-01-01"}, {"MX", "2026-09-16", "2026-09-16"},
    {"MX", "2026-12-24", "2026-12-25"}, {"MX", "2026-12-31", "2027-01-01"}, {"TW", "2025-10-10", "2025-10-10"},
    {"TW", "2026-02-14", "2026-02-22"}, {"TW", "2026-10-09", "2026-10-09"}, {"TW", "2027-02-05", "2027-02-10"},
    {"MY", "2025-10-20", "2025-10-20"}, {"MY", "2026-02-17", "2026-02-18"}, {"MY", "2026-03-20", "2026-03-21"},
    {"MY", "2027-02-06", "2027-02-08"},
};

constexpr int kPerMille = 1000;

void SplitOpenDemand(Factory& f) {
  const size_t n = f.items.size();
  const int sites = f.params.site_count;
  f.site_demand.assign(static_cast<size_t>(sites) * n, 0);
  std::vector<int64_t> open(n, 0);
  for (const Line& line : f.lines) {
    const auto item = static_cast<size_t>(line.item);
    if (line.site >= 0) {
      f.site_demand[static_cast<size_t>(line.site) * n + item] += line.qty;
    } else {
      open[item] += line.qty;
    }
  }
  // Lines that may ship from any site: split by the family's site shares (cumulative rounding keeps the total).
  for (size_t i = 0; i < n; ++i) {
    if (open[i] == 0) continue;
    const ItemDef& item = f.items[i];
    int64_t weights[kMaxSites] = {};
    int64_t total = 0;
    for (int s = 0; s < sites; ++s) {
      if ((item.site_mask >> s) & 1u) weights[s] = FamilySiteWeight(item.family, s);
      total += weights[s];
    }
    int64_t cumulative = 0, given = 0;
    for (int s = 0; s < sites; ++s) {
      cumulative += weights[s];
      const int64_t upto = open[i] * cumulative / total;
      f.site_demand[static_cast<size_t>(s) * n + i] += upto - given;
      given = upto;
    }
  }
  // BOM explosion at each site (assemblies are built where their parent is); parents come after children.
  for (size_t i = n; i-- > 0;) {
    const ItemDef& item = f.items[i];
    for (int s = 0; s < sites; ++s) {
      const int64_t units = f.site_demand[static_cast<size_t>(s) * n + i];
      if (units == 0) continue;
      for (uint32_t r = item.bom_begin; r < item.bom_end; ++r) {
        const BomRow& row = f.bom[r];
        f.site_demand[static_cast<size_t>(s) * n + static_cast<size_t>(row.component)] += units * row.qty_per;
      }
    }
  }
}

/// Capacity multipliers (per mille of base) by day of the horizon for one resource.
std::vector<int32_t> CapacityProfile(const Factory& f, const ResourceDef& resource) {
  std::vector<int32_t> factor(static_cast<size_t>(kHorizonDays), kPerMille);
  const auto set = [&factor, &f](Day from, Day to, int32_t value) {
    for (Day d = std::max(from, f.plan_start); d <= std::min(to, f.horizon_end); ++d) {
      factor[static_cast<size_t>(d - f.plan_start)] = value;
    }
  };
  const Day p = f.plan_start;
  // Liquid-cooled rack lines are still ramping at plan_start.
  if (resource.stage == kRackIntegration || resource.stage == kTrayBuild || resource.stage == kLeakTest) {
    set(p, p + 27, 500);
    set(p + 28, p + 55, 650);
    set(p + 56, p + 90, 800);
  }
  // New rack bays and burn-in halls at the two liquid-cooling sites from FY27Q1.
  if ((resource.stage == kRackIntegration || resource.stage == kBurnIn) && (resource.site == 0 || resource.site == 2)) {
    set(p + 3 * kQuarterDays, f.horizon_end, 1250);
  }
  // A week of burn-in power work at the first site.
  if (resource.stage == kBurnIn && resource.site == 0) {
    set(*ParseDate("2025-08-11"), *ParseDate("2025-08-17"), 500);
  }
  const std::string_view country = f.sites[static_cast<size_t>(resource.site)].country;
  for (const Closure& closure : kClosures) {
    if (country == closure.country) set(*ParseDate(closure.from), *ParseDate(closure.to), 0);
  }
  return factor;
}

}  // namespace

void BuildCapacity(Factory& f) {
  SplitOpenDemand(f);
  const size_t n = f.items.size();
  const int sites = f.params.site_count;

  // Resources: one per (site, stage) that some routing uses, or several parallel lines at the larger scales,
  // each item assigned to one of them.
  std::vector<int32_t> resource_of(static_cast<size_t>(sites) * kStageCount * n, -1);
  const auto slot = [n](int site, int stage, size_t item) {
    return (static_cast<size_t>(site) * kStageCount + static_cast<size_t>(stage)) * n + item;
  };
  for (int s = 0; s < sites; ++s) {
    for (int stage = 0; stage < kStageCount; ++stage) {
      std::vector<size_t> users;
      for (size_t i = 0; i < n; ++i) {
        const ItemDef& item = f.items[i];
        if (!((item.site_mask >> s) & 1u) || item.kind == Kind::kComponent) continue;
        const bool uses = std::any_of(item.steps.begin(), item.steps.end(),
                                      [stage](const StepTemplate& t) { return t.stage == stage; });
        if (uses) users.push_back(i);
      }
      if (users.empty()) continue;
      const size_t lines = std::min(users.size(), static_cast<size_t>(f.params.lines_per_stage));
      const auto first = static_cast<int32_t>(f.resources.size());
      for (size_t k = 0; k < lines; ++k) {
        ResourceDef resource;
        resource.code = std::string(f.sites[static_cast<size_t>(s)].code) + "-" + kStageCodes[stage];
        if (lines > 1) resource.code += "-L" + std::to_string(k + 1);
        resource.site = s;
        resource.stage = static_cast<Stage>(stage);
        resource.description = kStageDescriptions[stage];
        f.resources.push_back(std::move(resource));
      }
      for (size_t u = 0; u < users.size(); ++u) {
        resource_of[slot(s, stage, users[u])] = first + static_cast<int32_t>(u % lines);
      }
    }
  }

  // Routings (item, site, ascending steps) and the load the order book puts on each resource.
  for (size_t i = 0; i < n; ++i) {
    const ItemDef& item = f.items[i];
    if (item.kind == Kind::kComponent) continue;
    for (int s = 0; s < sites; ++s) {
      if (!((item.site_mask >> s) & 1u)) continue;
      const int64_t units = f.Demand(s, i);
      for (size_t j = 0; j < item.steps.size(); ++j) {
        const StepTemplate& step = item.steps[j];
        const int32_t resource = resource_of[slot(s, step.stage, i)];
        f.routings.push_back(
            {static_cast<int32_t>(i), s, static_cast<int32_t>(10 * (j + 1)), resource, step.usage, step.duration_days});
        f.resources[static_cast<size_t>(resource)].load += units * step.usage * step.duration_days;
      }
    }
  }

  // Base capacity: what finishes the book's load in about kStageDays days of the resource's own calendar,
  // in whole units. Calendar rows replace it on ramp-up, expansion and shutdown days.
  Rng rng(f.seed, 0xCAFAC1);
  for (size_t r = 0; r < f.resources.size(); ++r) {
    ResourceDef& resource = f.resources[r];
    const std::vector<int32_t> factor = CapacityProfile(f, resource);
    const int days = kStageDays[resource.stage] + static_cast<int>(rng.Range(-20, 20));
    int64_t factor_days = 0;
    for (int d = 0; d < days; ++d) factor_days += factor[static_cast<size_t>(d)];
    const Fixed4 exact = (resource.load * kPerMille + factor_days - 1) / factor_days;
    resource.capacity = std::max<Fixed4>(kDecimalScale, (exact + kDecimalScale - 1) / kDecimalScale * kDecimalScale);

    for (int d = 0; d < kHorizonDays;) {
      const int32_t value = factor[static_cast<size_t>(d)];
      int end = d;
      while (end + 1 < kHorizonDays && factor[static_cast<size_t>(end + 1)] == value) ++end;
      if (value != kPerMille) {
        // Tenths of a unit, rounded down.
        const Fixed4 capacity = resource.capacity * value / kPerMille / 1000 * 1000;
        f.calendar.push_back({static_cast<int32_t>(r), f.plan_start + d, f.plan_start + end, capacity});
      }
      d = end + 1;
    }
  }
}

}  // namespace takt::gen
