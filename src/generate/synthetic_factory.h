#pragma once
// The generator's in-memory factory: what the CSV files are written from. Built in stages (catalogue, demand,
// licences, capacity, supply), each stage reading what the earlier ones produced. Internal to src/generate.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"
#include "generate/generator.h"

namespace takt::gen {

/// Fiscal calendar shared by every scale: FY26Q2 .. FY28Q1, eight 13-week quarters from plan_start, and a
/// horizon that ends exactly on the last quarter's last day.
inline constexpr int kQuarterCount = 8;
inline constexpr int kQuarterDays = 91;
inline constexpr int32_t kHorizonDays = kQuarterCount * kQuarterDays;  // 728
inline constexpr int kMaxSites = 4;

enum class Kind : uint8_t { kProduct, kAssembly, kComponent };

/// Factory stages, each a kind of resource at a site.
enum Stage : uint8_t { kBoard, kServerBuild, kTrayBuild, kRackIntegration, kLeakTest, kBurnIn };
inline constexpr int kStageCount = 6;

/// Product families; each has several configurations (variants) at the larger scales.
enum Family : uint8_t { kH100, kH200, kB200, kB200Lc, kNvl72, kH20, kL40sInf, kH100NvlInf };
inline constexpr int kFamilyCount = 8;

/// Shape of the weekly allocations of a vendor-allocated part over the horizon. kHalfOfPrevious: half of the
/// allocations of the previous allocated item, week by week (Grace CPUs paired with superchip GPUs).
enum class AllocProfile : uint8_t { kNone, kDeclining, kFlat, kRamping, kHalfOfPrevious };

/// One routing step of a built item, the same at every site that builds it.
struct StepTemplate {
  Stage stage;
  Fixed4 usage;           ///< resource units per unit built, on each day the step runs
  int32_t duration_days;  ///< >= 1
};

struct ItemDef {
  std::string code;
  std::string description;
  Kind kind = Kind::kComponent;
  Money unit_cost = 0;  ///< components: purchase cost (written); built items: BOM roll-up (not written)
  const char* export_class = "";
  int32_t lead_time_days = -1;  ///< -1: only what supply.csv lists
  AllocProfile alloc = AllocProfile::kNone;
  int32_t family = -1;                  ///< products: a Family
  std::span<const StepTemplate> steps;  ///< built items: routing steps
  uint32_t site_mask = 0;               ///< built items: sites that build it; components: sites that consume it
  uint32_t bom_begin = 0;               ///< children are bom[bom_begin, bom_end)
  uint32_t bom_end = 0;
};

struct BomRow {
  int32_t parent;
  int32_t component;
  int32_t qty_per;
};

struct SiteDef {
  const char* code;
  const char* country;
  const char* name;
};

struct ResourceDef {
  std::string code;
  int32_t site = 0;
  Stage stage = kBoard;
  const char* description = "";
  Fixed4 load = 0;      ///< unit-days of work the whole order book puts on it
  Fixed4 capacity = 0;  ///< base capacity per day
};

struct RoutingRow {
  int32_t item;
  int32_t site;
  int32_t step;
  int32_t resource;
  Fixed4 usage;
  int32_t duration_days;
};

struct CalendarRow {
  int32_t resource;
  Day from;
  Day to;
  Fixed4 capacity;
};

struct SupplyRow {
  int32_t item;
  int32_t site;
  Day date;  ///< kNoDay for on-hand stock
  int64_t qty;
  bool onhand;
  std::string ref;
};

enum class Tier : uint8_t { kCloud, kTier2, kEnterprise };

struct Customer {
  std::string code;
  Tier tier;
  uint16_t country;  ///< home country, index into Countries()
};

struct Order {
  int32_t customer;
  Day order_date;
  uint32_t first_line;  ///< lines[first_line, first_line + line_count)
  uint32_t line_count;
};

struct Line {
  int32_t item;
  int64_t qty;
  Money unit_price;
  Day request_date;
  uint16_t ship_to;  ///< index into Countries()
  int8_t site;       ///< -1: any site
  uint8_t priority;
  bool partial;
};

enum class LicenceStatus : uint8_t { kApproved, kPending, kDenied };

struct LicenceRow {
  int32_t customer;
  const char* export_class;
  std::string destination;  ///< a country or group code
  LicenceStatus status;
  Day date;         ///< kNoDay: not given
  Day valid_until;  ///< kNoDay: no expiry
};

/// Size knobs of a scale.
struct ScaleParams {
  int site_count;        ///< 2..4
  int variants;          ///< configurations per product family (capped by the family's option space)
  int lines_per_stage;   ///< parallel resources per stage and site
  int cloud_count;       ///< cloud providers
  int64_t target_lines;  ///< order lines, about
  Money target_value;    ///< sum of qty x unit_price over all lines, about
};

struct Factory {
  ScaleParams params{};
  uint64_t seed = 1;
  Day plan_start = 0;
  Day horizon_end = 0;

  std::vector<SiteDef> sites;
  std::vector<ItemDef> items;
  std::vector<BomRow> bom;
  /// Products of each family, variant 0 (the standard configuration) first.
  std::vector<int32_t> family_products[kFamilyCount];

  std::vector<Customer> customers;
  std::vector<Order> orders;
  std::vector<Line> lines;
  std::vector<uint32_t> order_sequence;  ///< orders in SO-number order (by order date)
  std::vector<LicenceRow> licences;

  /// Units needed per site and item over the whole order book (BOM exploded): [site * items.size() + item].
  std::vector<int64_t> site_demand;
  std::vector<ResourceDef> resources;
  std::vector<RoutingRow> routings;
  std::vector<CalendarRow> calendar;
  std::vector<SupplyRow> supply;

  int64_t Demand(int site, size_t item) const { return site_demand[static_cast<size_t>(site) * items.size() + item]; }
};

/// Country codes the generator ships to (with weights in demand.cpp); Line::ship_to indexes this.
std::span<const char* const> CountryCodes();

struct GroupDef {
  const char* code;
  std::span<const char* const> members;
};
/// Export-control country groups written to country_groups.csv.
std::span<const GroupDef> CountryGroups();

struct ExportRuleDef {
  const char* export_class;
  const char* destination;  ///< group or country
  bool prohibited;          ///< false: a licence is needed
};
/// Rules written to export_rules.csv.
std::span<const ExportRuleDef> ExportRules();

enum class ExportNeed : uint8_t { kNone, kLicence, kProhibited };
/// The strictest rule of `export_class` for `country` (directly or through a group).
ExportNeed ExportNeedFor(const char* export_class, const char* country);

/// Per-family weights of the sites (AUS, GDL, TPE, PEN) that build it; 0 = not built there.
uint32_t FamilySiteWeight(int family, int site);

// Build stages, in order.
void BuildCatalogue(Factory& f);  ///< sites, items, BOM
void BuildDemand(Factory& f);     ///< customers, orders, lines
void BuildLicences(Factory& f);   ///< licences for lines that need one
void BuildCapacity(Factory& f);   ///< demand by site, resources, routings, calendar
void BuildSupply(Factory& f);     ///< GPU allocations, stock, open purchase orders

/// Appends `value` in decimal, left-padded with zeros to `width` digits.
void AppendPadded(std::string& out, uint64_t value, int width);

}  // namespace takt::gen
