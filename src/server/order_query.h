#pragma once
// The orders table of the API: filter the planned lines, sort them, cut one page. A scan over flat
// per-line arrays, so a page of the million-line plan costs milliseconds, and only the page is sorted
// fully (the rest is partitioned).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/plan_snapshot.h"

namespace takt::server {

enum class OrderSort : uint8_t { kOrder, kRequest, kPlanned, kDaysLate, kValue, kCustomer, kItem };

struct OrderQuery {
  uint8_t statuses = 0;  ///< bit per LineStatus; 0 = any
  std::optional<CustomerId> customer;
  std::optional<ItemId> item;
  std::optional<SiteId> site;
  std::optional<int32_t> quarter;  ///< quarter of the planned date
  std::optional<ReasonCode> reason;
  std::string text;  ///< lower-case substring of order code, customer or item
  OrderSort sort = OrderSort::kOrder;
  bool descending = false;
  size_t offset = 0;
  size_t limit = 50;
};

struct OrderPage {
  size_t total = 0;             ///< lines matching the filters
  std::vector<LineId> lines;    ///< the page, in order
};

OrderPage QueryOrders(const PlanSnapshot& s, const OrderQuery& q);

/// Parsers for the query parameters; nullopt when the text is not a known value.
std::optional<OrderSort> ParseOrderSort(std::string_view text);
std::optional<LineStatus> ParseLineStatus(std::string_view text);
std::optional<ReasonCode> ParseReasonCode(std::string_view text);

}  // namespace takt::server
