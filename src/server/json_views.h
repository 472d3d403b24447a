#pragma once
// The JSON the API answers with (docs/design/api-contract.md, api/openapi.yaml), built from a plan
// snapshot. Money is a number in the dataset's currency, dates are "YYYY-MM-DD", null means none.

#include <nlohmann/json.hpp>

#include <optional>

#include "plan/promise_session.h"
#include "scenario/plan_compare.h"
#include "server/plan_snapshot.h"

namespace takt::server {

using Json = nlohmann::json;

Json MoneyJson(Money value);
Json DateJson(Day day);  ///< null for kNoDay

Json SummaryJson(const PlanSnapshot& s);
Json PlanInfoJson(const PlanSnapshot& s);
Json MetaJson(const PlanSnapshot& s);
Json ConstraintsJson(const PlanSnapshot& s);

/// One row of the orders table.
Json LineJson(const PlanSnapshot& s, LineId line);
/// A line with its shipments, work orders, pegging and the why (reason, constraint, BOM tree).
Json LineDetailJson(const PlanSnapshot& s, LineId line);

Json ResourcesJson(const PlanSnapshot& s);
/// Daily capacity and load of a resource over [from, to] (day indexes, clamped to the horizon).
Json ResourceLoadJson(const PlanSnapshot& s, ResourceId r, int32_t from, int32_t to);
/// Utilisation of every resource per week from plan start.
Json HeatmapJson(const PlanSnapshot& s, int32_t weeks);
/// Open backlog value at the end of each week; `scenario_shipped` (value shipped per day of another
/// plan of the same horizon) adds the scenario's curve.
Json BurndownJson(const PlanSnapshot& s, const std::vector<Money>* scenario_shipped);
/// Projected stock and what is still free per day, per site (one site or every site with data).
Json AvailabilityJson(const PlanSnapshot& s, ItemId item, std::optional<SiteId> site, int32_t from, int32_t to);

Json QuoteAnswerJson(const Model& m, const QuoteRequest& q, const QuoteAnswer& a, LicencePolicy policy,
                     bool committed);
Json ComparisonJson(const PlanComparison& c, size_t max_changes);

}  // namespace takt::server
