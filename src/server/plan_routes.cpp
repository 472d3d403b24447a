#include "server/plan_routes.h"

#include <fmt/format.h>
#include <httplib.h>

#include <cctype>

#include "server/api_error.h"
#include "server/json_views.h"
#include "server/order_query.h"
#include "server/request_params.h"

namespace takt::server {

void PlanRoutes::Install(Router& router) {
  router.Add("GET", "/api/summary", PreRendered(plan_, &ServedPlan::summary));
  router.Add("GET", "/api/meta", PreRendered(plan_, &ServedPlan::meta));
  router.Add("GET", "/api/constraints", PreRendered(plan_, &ServedPlan::constraints));
  router.Add("GET", "/api/orders", Bind(this, &PlanRoutes::Orders));
  router.Add("GET", "/api/orders/{order}/lines/{line}", Bind(this, &PlanRoutes::OrderLineDetail));
}

void PlanRoutes::Orders(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  // The query's parameters in a fixed order (a multimap sorts by name) are the page's key.
  std::string key;
  for (const auto& [name, value] : req.params) key += name + '=' + value + '&';
  {
    std::lock_guard lock(served_now->pages_mutex);
    if (auto it = served_now->pages.find(key); it != served_now->pages.end()) {
      res.set_content(*it->second, "application/json");
      return;
    }
  }
  const PlanSnapshot& s = *served_now->snapshot;
  const Model& m = s.model();
  OrderQuery q;
  const std::string statuses = Param(req, "status");
  for (size_t start = 0; start < statuses.size();) {
    size_t end = statuses.find(',', start);
    if (end == std::string::npos) end = statuses.size();
    const std::string one = statuses.substr(start, end - start);
    const std::optional<LineStatus> status = ParseLineStatus(one);
    if (!status) BadRequest(fmt::format("status '{}' is not one of on_time, late, unplanned", one));
    q.statuses = static_cast<uint8_t>(q.statuses | (1u << static_cast<unsigned>(*status)));
    start = end + 1;
  }
  if (const std::string v = Param(req, "customer"); !v.empty()) {
    q.customer = m.FindCustomer(v);
    if (!q.customer) UnknownFilter("customer", v, Suggest(v, CustomerCodes(m)));
  }
  if (const std::string v = Param(req, "item"); !v.empty()) {
    q.item = m.FindItem(v);
    if (!q.item) UnknownFilter("item", v, Suggest(v, CodesOf(m.items())));
  }
  if (const std::string v = Param(req, "site"); !v.empty()) {
    q.site = m.FindSite(v);
    if (!q.site) UnknownFilter("site", v, Suggest(v, CodesOf(m.sites())));
  }
  if (const std::string v = Param(req, "quarter"); !v.empty()) {
    for (size_t i = 0; i < m.quarters().size(); ++i) {
      if (m.quarters()[i].code == v) q.quarter = static_cast<int32_t>(i);
    }
    if (!q.quarter) {
      std::vector<std::string_view> codes;
      for (const Quarter& quarter : m.quarters()) codes.push_back(quarter.code);
      UnknownFilter("quarter", v, DidYouMean(v, codes));
    }
  }
  if (const std::string v = Param(req, "reason"); !v.empty()) {
    q.reason = ParseReasonCode(v);
    if (!q.reason) BadRequest(fmt::format("reason '{}' is not a reason code (see /api/meta reason_codes)", v));
  }
  for (char c : Param(req, "q")) q.text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (const std::string v = Param(req, "sort"); !v.empty()) {
    const std::optional<OrderSort> sort = ParseOrderSort(v);
    if (!sort) BadRequest(fmt::format("sort '{}' is not one of order, request, planned, days_late, value, customer, item", v));
    q.sort = *sort;
  }
  const std::string dir = Param(req, "dir");
  if (!dir.empty() && dir != "asc" && dir != "desc") BadRequest(fmt::format("dir '{}' is not asc or desc", dir));
  q.descending = dir == "desc";
  q.offset = static_cast<size_t>(IntParam(req, "offset", 0, 0, INT32_MAX));
  q.limit = static_cast<size_t>(IntParam(req, "limit", 50, 1, 1000));
  const OrderPage page = QueryOrders(s, q);
  Json rows = Json::array();
  for (LineId id : page.lines) rows.push_back(LineJson(s, id));
  auto body = std::make_shared<const std::string>(
      Json{{"total", page.total}, {"offset", q.offset}, {"limit", q.limit}, {"rows", std::move(rows)}}.dump());
  res.set_content(*body, "application/json");
  std::lock_guard lock(served_now->pages_mutex);
  if (served_now->pages.size() >= ServedPlan::kMaxPages) served_now->pages.clear();
  served_now->pages.emplace(std::move(key), std::move(body));
}

void PlanRoutes::OrderLineDetail(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const std::string order = req.matches[1];
  const std::string line_text = req.matches[2];
  int64_t line = 0;
  size_t used = 0;
  try {
    line = std::stoll(line_text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != line_text.size()) BadRequest(fmt::format("line '{}' is not a line number", line_text));
  const std::optional<LineId> id = s.FindLine(order, line);
  if (!id) NotFound(fmt::format("no order line {}/{} in the dataset", order, line));
  SendJson(res, LineDetailJson(s, *id));
}

}  // namespace takt::server
