#pragma once
// The records of a dataset, as validated. Codes are the user's; references are dense ids.
// Field meanings, units and defaults are specified in docs/format.md.

#include <cstdint>
#include <string>

#include "common/date.h"
#include "common/decimal.h"
#include "model/ids.h"

namespace takt {

struct Settings {
  Day plan_start = 0;          ///< as-of date: nothing is built or shipped before it
  int32_t horizon_days = 730;  ///< the plan covers plan_start .. plan_start + horizon_days - 1
  std::string currency = "USD";
  int32_t early_ship_days = 0;  ///< a line may ship this many days before its request date

  Day horizon_end() const { return plan_start + horizon_days - 1; }
};

struct Quarter {
  std::string code;  ///< e.g. "FY26Q2"
  Day start = 0;     ///< inclusive
  Day end = 0;       ///< inclusive
};

struct Site {
  std::string code;
  CountryId country;
  std::string name;
};

enum class ItemKind : uint8_t { kProduct, kAssembly, kComponent };
const char* ItemKindName(ItemKind kind);

struct Item {
  std::string code;
  ItemKind kind = ItemKind::kComponent;
  std::string description;
  Money unit_cost = 0;
  bool has_unit_cost = false;
  ExportClassId export_class;   ///< invalid when the item is not export-controlled
  int32_t lead_time_days = -1;  ///< -1: only the listed supply exists; otherwise buyable from plan_start + this
};

struct BomLine {
  ItemId parent;
  ItemId component;
  int32_t qty_per = 1;  ///< whole units of component per unit of parent
};

struct Resource {
  std::string code;
  SiteId site;
  Fixed4 capacity_per_day = 0;  ///< in the resource's own units (stations, bays)
  std::string description;
};

/// Replaces a resource's capacity on days from..to (inclusive).
struct CapacityOverride {
  ResourceId resource;
  Day from = 0;
  Day to = 0;
  Fixed4 capacity_per_day = 0;
};

struct RoutingStep {
  int32_t step = 0;  ///< the user's step number; steps run in ascending order
  ResourceId resource;
  Fixed4 usage_per_unit = 0;  ///< resource units held per unit built, on each day the step runs
  int32_t duration_days = 1;  ///< >= 1
};

/// How to build one item at one site: steps_[first_step .. first_step + step_count).
struct Routing {
  ItemId item;
  SiteId site;
  uint32_t first_step = 0;
  uint32_t step_count = 0;
};

enum class SupplyKind : uint8_t { kOnHand, kReceipt };
const char* SupplyKindName(SupplyKind kind);

struct Supply {
  ItemId item;
  SiteId site;
  Day date = 0;  ///< on hand: plan_start
  int64_t qty = 0;
  SupplyKind kind = SupplyKind::kReceipt;
  std::string ref;  ///< the user's reference (PO number, allocation week)
};

struct OrderLine {
  OrderId order;
  int32_t line = 0;  ///< the user's line number, unique within the order
  CustomerId customer;
  ItemId item;
  int64_t qty = 0;
  Money unit_price = 0;
  Day order_date = 0;
  Day request_date = 0;
  int32_t priority = 5;  ///< 1 is most urgent
  CountryId ship_to;
  SiteId site;  ///< invalid: any site that can supply the item
  bool partial = false;
};

enum class ExportRuleKind : uint8_t { kNone, kLicence, kProhibited };
const char* ExportRuleKindName(ExportRuleKind kind);

/// A country or a country group, as named in export_rules.csv and licences.csv.
struct Destination {
  bool is_group = false;
  int32_t id = -1;  ///< CountryId or GroupId value
};

struct ExportRule {
  ExportClassId export_class;
  Destination destination;
  ExportRuleKind rule = ExportRuleKind::kLicence;
};

enum class LicenceStatus : uint8_t { kApproved, kPending, kDenied };
const char* LicenceStatusName(LicenceStatus status);

struct Licence {
  std::string code;
  CustomerId customer;
  ExportClassId export_class;
  Destination destination;
  LicenceStatus status = LicenceStatus::kPending;
  Day date = kNoDay;         ///< approval date (approved), expected decision (pending), decision (denied)
  Day valid_until = kNoDay;  ///< kNoDay: no expiry
};

struct CountryGroup {
  std::string code;
  uint32_t first_member = 0;  ///< into Model::group_members()
  uint32_t member_count = 0;
};

}  // namespace takt
