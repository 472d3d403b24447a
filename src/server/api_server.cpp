#include "server/api_server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <unordered_map>
#include <thread>

#include "common/date.h"
#include "common/suggest.h"
#include "plan/quote.h"
#include "server/json_views.h"
#include "server/order_query.h"

namespace takt::server {

namespace {

/// A request that cannot be answered: becomes {"error": {...}} with `status`.
struct ApiError {
  int status;
  std::string code;
  std::string message;
  Json details = Json::array();
};

Json ErrorBody(const std::string& code, const std::string& message, const Json& details) {
  return {{"error", {{"code", code}, {"message", message}, {"details", details}}}};
}

void SendJson(httplib::Response& res, const Json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void SendError(httplib::Response& res, const ApiError& e) {
  SendJson(res, ErrorBody(e.code, e.message, e.details), e.status);
}

Json DetailsOf(const Diagnostics& problems) {
  Json details = Json::array();
  for (const Diagnostic& d : problems.kept()) {
    if (d.severity != Severity::kError) continue;
    Json item = {{"code", d.code}, {"file", d.file}, {"line", d.line}, {"field", d.column}, {"message", d.message}};
    if (!d.hint.empty()) item["hint"] = d.hint;
    details.push_back(std::move(item));
  }
  return details;
}

[[noreturn]] void Invalid(const std::string& message, const Diagnostics& problems) {
  throw ApiError{422, "invalid", message, DetailsOf(problems)};
}

[[noreturn]] void BadRequest(const std::string& message, Json details = Json::array()) {
  throw ApiError{400, "bad_request", message, std::move(details)};
}

[[noreturn]] void NotFound(const std::string& message, const std::string& hint = {}) {
  Json details = Json::array();
  if (!hint.empty()) details.push_back({{"hint", hint}});
  throw ApiError{404, "not_found", message, std::move(details)};
}

Json ParseBody(const httplib::Request& req) {
  if (req.body.empty()) BadRequest("the request needs a JSON body");
  try {
    Json body = Json::parse(req.body);
    if (!body.is_object()) BadRequest("the body must be a JSON object");
    return body;
  } catch (const Json::parse_error& e) {
    BadRequest(fmt::format("the body is not valid JSON: {}", e.what()));
  }
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

int64_t IntParam(const httplib::Request& req, const char* name, int64_t fallback, int64_t low, int64_t high) {
  const std::string text = Param(req, name);
  if (text.empty()) return fallback;
  int64_t value = 0;
  size_t used = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value < low || value > high) {
    BadRequest(fmt::format("parameter '{}' is '{}': give a whole number from {} to {}", name, text, low, high));
  }
  return value;
}

/// A date parameter as a day index from plan_start; `fallback` when absent.
int32_t DayParam(const httplib::Request& req, const Model& m, const char* name, int32_t fallback) {
  const std::string text = Param(req, name);
  if (text.empty()) return fallback;
  const std::optional<Day> day = ParseDate(text);
  if (!day) BadRequest(fmt::format("parameter '{}' is '{}': dates are written YYYY-MM-DD", name, text));
  return *day - m.plan_start();
}

template <typename Codes>
std::string Suggest(std::string_view code, const Codes& codes) {
  std::vector<std::string_view> list(codes.begin(), codes.end());
  return DidYouMean(code, list);
}

/// The codes of a model's records (items, sites, resources), for suggestions.
template <typename Record>
std::vector<std::string_view> CodesOf(std::span<const Record> records) {
  std::vector<std::string_view> codes;
  for (const Record& r : records) codes.push_back(r.code);
  return codes;
}

std::vector<std::string_view> CustomerCodes(const Model& m) {
  std::vector<std::string_view> codes;
  for (size_t i = 0; i < m.customer_codes().size(); ++i) codes.push_back(m.customer_codes()[i]);
  return codes;
}

/// A filter naming something the dataset does not have is a mistake worth saying, not an empty page.
[[noreturn]] void UnknownFilter(const char* name, const std::string& value, const std::string& hint) {
  Json details = Json::array();
  details.push_back({{"field", name}, {"message", fmt::format("'{}' is not in the dataset", value)}, {"hint", hint}});
  BadRequest(fmt::format("filter {}='{}' names nothing in the dataset", name, value), std::move(details));
}

std::string JsonText(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  if (j.is_boolean()) return j.get<bool>() ? "Y" : "N";
  return j.dump();
}

/// A quote from JSON, through the same resolution (and messages) as the command line's.
QuoteRequest QuoteFromJson(const Model& m, const Json& j, const std::string& where, Diagnostics& problems, bool& ok) {
  QuoteText t;
  auto field = [&](const char* name) { return j.contains(name) ? JsonText(j.at(name)) : std::string(); };
  t.item = field("item");
  t.qty = field("qty");
  t.ship_to = field("ship_to");
  t.customer = field("customer");
  t.site = field("site");
  t.request = field("request");
  t.partial = field("partial");
  t.price = field("price");
  Diagnostics own;
  const std::optional<QuoteRequest> q = ResolveQuote(m, t, where, own);
  // The resolver names the CSV columns; a JSON client knows its own keys.
  for (Diagnostic d : own.kept()) {
    if (d.column == "request_date") d.column = "request";
    if (d.column == "unit_price") d.column = "price";
    problems.Add(std::move(d));
  }
  ok = q.has_value();
  return q.value_or(QuoteRequest{});
}

bool IsMutating(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

/// Compares without stopping at the first difference, so response time says nothing of the token.
bool SameSecret(const std::string& a, const std::string& b) {
  const size_t n = std::max(a.size(), b.size());
  unsigned diff = a.size() == b.size() ? 0u : 1u;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned>(x ^ y);
  }
  return diff == 0;
}

std::string RegexOf(const std::string& path) {
  // "{name}" segments match one path segment; the rest is literal.
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      i = path.find('}', i);
      out += "([^/]+)";
    } else if (std::string_view(".^$|()[]*+?\\").find(path[i]) != std::string_view::npos) {
      out += '\\';
      out += path[i];
    } else {
      out += path[i];
    }
  }
  return out;
}

}  // namespace

struct ApiServer::Served {
  std::shared_ptr<PlanSnapshot> snapshot;
  std::string summary, meta, constraints, resources;  ///< pre-rendered: the most read answers
  /// Orders pages already answered for this snapshot, by their query: a plan never changes, so a
  /// page stays right until the next re-plan swaps the whole Served out. Bounded; emptied when full.
  mutable std::mutex pages_mutex;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::string>> pages;
  static constexpr size_t kMaxPages = 512;
};

bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

ApiServer::ApiServer(Backend& backend, ServeOptions options)
    : backend_(backend), options_(std::move(options)), http_(std::make_unique<httplib::Server>()) {
  InstallRoutes();
}

ApiServer::~ApiServer() { Stop(); }

std::shared_ptr<const ApiServer::Served> ApiServer::served() const {
  std::lock_guard lock(served_mutex_);
  return served_;
}

std::shared_ptr<const PlanSnapshot> ApiServer::snapshot() const {
  auto s = served();
  return s ? s->snapshot : nullptr;
}

void ApiServer::Swap(std::shared_ptr<PlanSnapshot> snapshot) {
  auto next = std::make_shared<Served>();
  next->summary = SummaryJson(*snapshot).dump();
  next->meta = MetaJson(*snapshot).dump();
  next->constraints = ConstraintsJson(*snapshot).dump();
  next->resources = ResourcesJson(*snapshot).dump();
  next->snapshot = std::move(snapshot);
  std::lock_guard lock(served_mutex_);
  served_ = std::move(next);
}

void ApiServer::AddRoute(const std::string& method, const std::string& path, Handler handler) {
  routes_.push_back({method, path});
  const std::string pattern = RegexOf(path);
  route_patterns_.push_back(pattern);
  auto wrapped = [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    try {
      if (!served()) throw ApiError{503, "busy", "no plan is loaded yet"};
      handler(req, res);
    } catch (const ApiError& e) {
      SendError(res, e);
    } catch (const Json::exception& e) {
      SendError(res, ApiError{400, "bad_request", fmt::format("a JSON field has the wrong type: {}", e.what())});
    } catch (const std::exception& e) {
      // The store failing (locked, disk full): said as it is, the plan being served is untouched.
      SendError(res, ApiError{500, "internal", e.what()});
    }
  };
  if (method == "GET") {
    http_->Get(pattern, wrapped);
  } else if (method == "POST") {
    http_->Post(pattern, wrapped);
  } else if (method == "DELETE") {
    http_->Delete(pattern, wrapped);
  }
}

void ApiServer::InstallRoutes() {
  auto text = [this](std::string Served::*field) {
    return [this, field](const httplib::Request&, httplib::Response& res) {
      res.set_content(served().get()->*field, "application/json");
    };
  };
  using R = ApiServer;
  auto bind = [this](void (R::*method)(const httplib::Request&, httplib::Response&)) {
    return [this, method](const httplib::Request& req, httplib::Response& res) { (this->*method)(req, res); };
  };
  AddRoute("GET", "/api/summary", text(&Served::summary));
  AddRoute("GET", "/api/meta", text(&Served::meta));
  AddRoute("GET", "/api/constraints", text(&Served::constraints));
  AddRoute("GET", "/api/resources", text(&Served::resources));
  AddRoute("GET", "/api/orders", bind(&R::Orders));
  AddRoute("GET", "/api/orders/{order}/lines/{line}", bind(&R::OrderLineDetail));
  AddRoute("GET", "/api/resources/{code}/load", bind(&R::ResourceLoad));
  AddRoute("GET", "/api/heatmap", bind(&R::Heatmap));
  AddRoute("GET", "/api/burndown", bind(&R::Burndown));
  AddRoute("GET", "/api/items/{code}/availability", bind(&R::Availability));
  AddRoute("GET", "/api/versions", [this](const httplib::Request&, httplib::Response& res) {
    SendJson(res, backend_.Versions());
  });
  AddRoute("POST", "/api/promise", bind(&R::Promise));
  AddRoute("POST", "/api/promise/batch", bind(&R::PromiseBatch));
  AddRoute("GET", "/api/scenarios", bind(&R::ListScenarios));
  AddRoute("POST", "/api/scenarios", bind(&R::CreateScenario));
  AddRoute("POST", "/api/scenarios/{name}/run", bind(&R::RunScenario));
  AddRoute("GET", "/api/scenarios/{name}/comparison", bind(&R::ScenarioComparison));
  AddRoute("GET", "/api/scenarios/{name}", bind(&R::GetScenario));
  AddRoute("DELETE", "/api/scenarios/{name}", bind(&R::DeleteScenario));
  AddRoute("POST", "/api/replan", bind(&R::Replan));
}

bool ApiServer::Bind(std::shared_ptr<PlanSnapshot> snapshot, std::vector<ScenarioEntry> scenarios,
                     std::string& error) {
  if (!IsLoopback(options_.bind) && options_.token.empty()) {
    error = fmt::format(
        "refusing to serve on {} without a token: requests that change anything would be open to the network; "
        "set TAKT_API_TOKEN or --token-file, or bind to 127.0.0.1",
        options_.bind);
    return false;
  }
  Swap(std::move(snapshot));
  for (ScenarioEntry& e : scenarios) scenarios_.Restore(std::move(e));

  httplib::Server& s = *http_;
  const int threads = std::max(1, options_.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_payload_max_length(options_.max_body_bytes);
  s.set_read_timeout(options_.read_timeout_seconds, 0);
  s.set_write_timeout(options_.write_timeout_seconds, 0);
  s.set_keep_alive_timeout(5);
  // httplib's default also sets SO_REUSEPORT, which lets a second server on the same port take half
  // the connections (two plans answering at random). Only SO_REUSEADDR: a restart may rebind at once.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  // Without it small answers wait for the client's delayed ACK (Nagle): 40 ms per request.
  s.set_tcp_nodelay(true);
  s.set_keep_alive_max_count(1000);

  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // Debian's httplib compresses with Brotli whenever a client accepts it, at a quality that takes
    // seconds for the 1 MB chart library; gzip takes milliseconds. The request is the server's own
    // mutable object handed over as const: dropping "br" from what it accepts leaves gzip.
    if (req.has_header("Accept-Encoding")) {
      auto& headers = const_cast<httplib::Request&>(req).headers;
      for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it->first != "Accept-Encoding") continue;
        std::string accepted = it->second;
        for (size_t at = accepted.find("br"); at != std::string::npos; at = accepted.find("br")) accepted.erase(at, 2);
        it->second = accepted;
      }
    }
    // A request with neither Content-Length nor chunked encoding has no body (RFC 9112 6.3); httplib
    // would wait for the connection to close instead (`curl -X POST` without -d).
    if (IsMutating(req.method) && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) {
      const_cast<httplib::Request&>(req).headers.emplace("Content-Length", "0");
    }
    if (options_.token.empty() || !IsMutating(req.method)) return httplib::Server::HandlerResponse::Unhandled;
    const std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (auth.rfind(prefix, 0) == 0 && SameSecret(auth.substr(prefix.size()), options_.token)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    SendError(res, ApiError{401, "unauthorized", "this request changes data: send 'Authorization: Bearer <token>'"});
    return httplib::Server::HandlerResponse::Handled;
  });
  s.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    // The chart library never changes within a release of the lock file: let browsers keep it.
    if (req.path.rfind("/vendor/", 0) == 0 && res.status == 200) res.set_header("Cache-Control", "public, max-age=86400");
  });
  s.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own error
    if (res.status == 404 || res.status == 400) {
      // A path served for other methods only: 405 with the methods it has.
      std::string allowed;
      bool method_served = false;
      for (size_t i = 0; i < routes_.size(); ++i) {
        if (std::regex_match(req.path, std::regex(route_patterns_[i]))) {
          allowed += (allowed.empty() ? "" : ", ") + routes_[i].method;
          method_served |= routes_[i].method == req.method;
        }
      }
      if (!allowed.empty() && !method_served) {
        res.set_header("Allow", allowed);
        SendError(res, ApiError{405, "method_not_allowed",
                                fmt::format("{} is not served for {}; use {}", req.method, req.path, allowed)});
        return;
      }
      if (res.status == 404) {
        SendError(res, ApiError{404, "no_route", fmt::format("nothing is served at {} {}", req.method, req.path)});
        return;
      }
    }
    if (res.status == 413) {
      SendError(res, ApiError{413, "payload_too_large",
                              fmt::format("the request body is over the limit of {} bytes", options_.max_body_bytes)});
    } else if (res.status == 400) {
      SendError(res, ApiError{400, "bad_request",
                              "the request could not be read (a POST needs a Content-Length, even 0, and a complete body)"});
    } else {
      // Statuses httplib sets itself (414 URI too long, 431 headers too large, ...): one of ours.
      SendError(res, ApiError{res.status, res.status >= 500 ? "internal" : "bad_request",
                              fmt::format("the request was refused by the HTTP layer (status {})", res.status)});
    }
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SendError(res, ApiError{500, "internal", what});
  });
  if (!options_.web_dir.empty()) {
    // httplib refuses paths that climb out of a mount ("..", encoded or not).
    if (!s.set_mount_point("/", options_.web_dir)) {
      error = fmt::format("the dashboard folder {} does not exist", options_.web_dir);
      return false;
    }
    s.set_mount_point("/vendor/echarts", options_.web_dir + "/node_modules/echarts/dist");
    s.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  }
  port_ = options_.port == 0 ? s.bind_to_any_port(options_.bind)
                             : (s.bind_to_port(options_.bind, options_.port) ? options_.port : -1);
  if (port_ <= 0) {
    error = fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", options_.bind,
                        options_.port);
    return false;
  }
  return true;
}

bool ApiServer::Run() {
  run_state_ = kRunning;
  const bool ok = stop_requested_ ? true : http_->listen_after_bind();
  run_state_ = kFinished;
  return ok;
}

void ApiServer::Stop() {
  stop_requested_ = true;
  // httplib ignores stop() until its loop runs: wait for Run to get there (or to give up).
  while (run_state_ == kRunning && !http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  http_->stop();
}

void ApiServer::Orders(const httplib::Request& req, httplib::Response& res) {
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
  if (served_now->pages.size() >= Served::kMaxPages) served_now->pages.clear();
  served_now->pages.emplace(std::move(key), std::move(body));
}

void ApiServer::OrderLineDetail(const httplib::Request& req, httplib::Response& res) {
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

void ApiServer::ResourceLoad(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Model& m = s.model();
  const std::string code = req.matches[1];
  const std::optional<ResourceId> r = m.FindResource(code);
  if (!r) NotFound(fmt::format("no resource '{}'", code), Suggest(code, CodesOf(m.resources())));
  const int32_t from = DayParam(req, m, "from", 0);
  const int32_t to = DayParam(req, m, "to", m.settings().horizon_days - 1);
  SendJson(res, ResourceLoadJson(s, *r, from, to));
}

void ApiServer::Heatmap(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const int64_t weeks = IntParam(req, "weeks", 26, 1, 520);
  SendJson(res, HeatmapJson(*served_now->snapshot, static_cast<int32_t>(weeks)));
}

void ApiServer::Burndown(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const std::string name = Param(req, "scenario");
  std::shared_ptr<const ScenarioRun> run;
  if (!name.empty()) {
    const std::optional<ScenarioEntry> e = scenarios_.Get(name);
    if (!e) NotFound(fmt::format("no scenario '{}'", name));
    if (!e->run) throw ApiError{409, "conflict", fmt::format("scenario '{}' has not been run", name)};
    run = e->run;
  }
  SendJson(res, BurndownJson(*served_now->snapshot, run ? &run->shipped_by_day : nullptr));
}

void ApiServer::Availability(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Model& m = s.model();
  const std::string code = req.matches[1];
  const std::optional<ItemId> item = m.FindItem(code);
  if (!item) NotFound(fmt::format("no item '{}'", code), Suggest(code, CodesOf(m.items())));
  std::optional<SiteId> site;
  if (const std::string v = Param(req, "site"); !v.empty()) {
    site = m.FindSite(v);
    if (!site) UnknownFilter("site", v, Suggest(v, CodesOf(m.sites())));
  }
  const int32_t from = DayParam(req, m, "from", 0);
  const int32_t to = DayParam(req, m, "to", m.settings().horizon_days - 1);
  SendJson(res, AvailabilityJson(s, *item, site, from, to));
}

void ApiServer::Promise(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Json body = ParseBody(req);
  Diagnostics problems;
  bool ok = false;
  const QuoteRequest q = QuoteFromJson(s.model(), body, "quote", problems, ok);
  if (!ok) Invalid("the quote cannot be answered", problems);
  const bool commit = body.value("commit", false);
  QuoteAnswer answer;
  {
    std::lock_guard lock(s.promise_mutex());
    answer = commit ? s.planner().Commit(q) : s.planner().Promise(q);
  }
  SendJson(res, QuoteAnswerJson(s.model(), q, answer, s.plan().options.licence_policy, commit));
}

void ApiServer::PromiseBatch(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Json body = ParseBody(req);
  if (!body.contains("quotes") || !body.at("quotes").is_array()) BadRequest("the body needs \"quotes\": [ ... ]");
  const Json& list = body.at("quotes");
  if (list.size() > options_.max_batch_quotes) {
    throw ApiError{413, "payload_too_large",
                   fmt::format("{} quotes in one batch; at most {}", list.size(), options_.max_batch_quotes)};
  }
  Diagnostics problems(1000);
  std::vector<QuoteRequest> quotes;
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_object()) BadRequest(fmt::format("quotes[{}] is not an object", i));
    bool ok = false;
    quotes.push_back(QuoteFromJson(s.model(), list[i], fmt::format("quotes[{}]", i), problems, ok));
  }
  if (problems.has_errors()) Invalid(fmt::format("{} problems in the quotes; none answered", problems.error_count()), problems);
  const bool cumulative = body.value("cumulative", false);
  const bool commit = body.value("commit", false);
  std::vector<QuoteAnswer> answers;
  {
    std::lock_guard lock(s.promise_mutex());
    if (commit) {
      // Committed quotes are cumulative by nature: each keeps what it takes.
      for (const QuoteRequest& q : quotes) answers.push_back(s.planner().Commit(q));
    } else if (cumulative) {
      answers = s.planner().PromiseInTurn(quotes);
    } else {
      for (const QuoteRequest& q : quotes) answers.push_back(s.planner().Promise(q));
    }
  }
  Json out = Json::array();
  for (size_t i = 0; i < quotes.size(); ++i) {
    out.push_back(QuoteAnswerJson(s.model(), quotes[i], answers[i], s.plan().options.licence_policy, commit));
  }
  SendJson(res, {{"answers", std::move(out)}, {"cumulative", cumulative || commit}, {"committed", commit}});
}

namespace {

Json ScenarioJson(const ScenarioEntry& e, int64_t plan_version) {
  Json j = {{"name", e.name},
            {"description", e.description},
            {"created_at", e.created_at},
            {"version", e.version},
            {"edits", e.edits},
            {"status", e.run ? "planned" : "created"},
            {"revenue_delta", nullptr},
            {"changed_lines", nullptr},
            {"seconds", nullptr},
            {"stale", false}};
  if (e.run) {
    Money delta = 0;
    for (const PlanComparison::Quarter& q : e.run->comparison.quarters) delta += q.revenue_scenario - q.revenue_base;
    j["revenue_delta"] = MoneyJson(delta);
    j["changed_lines"] = e.run->comparison.changes.size();
    j["seconds"] = e.run->seconds;
    // Run against an older plan: new data came since, run it again to compare with today's.
    j["stale"] = e.run->base_plan_version != plan_version;
  }
  return j;
}

bool ValidScenarioName(const std::string& name) {
  if (name.empty() || name.size() > 80) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

void ApiServer::ListScenarios(const httplib::Request&, httplib::Response& res) {
  const auto served_now = served();
  Json list = Json::array();
  for (const ScenarioEntry& e : scenarios_.List()) list.push_back(ScenarioJson(e, served_now->snapshot->source().plan_version));
  SendJson(res, list);
}

void ApiServer::CreateScenario(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const Json body = ParseBody(req);
  const std::string name = body.value("name", "");
  if (!ValidScenarioName(name)) {
    BadRequest(fmt::format("name '{}' must be 1 to 80 letters, digits, '-', '_' or '.'", name));
  }
  const std::string description = body.value("description", "");
  std::string toml;
  if (body.contains("toml") && body.contains("edits")) BadRequest("give \"toml\" or \"edits\", not both");
  if (body.contains("toml")) {
    if (!body.at("toml").is_string()) BadRequest("\"toml\" must be a string: the scenario file's text");
    toml = body.at("toml").get<std::string>();
  } else if (body.contains("edits")) {
    try {
      toml = ScenarioTomlFromJson(body.at("edits"), name, description);
    } catch (const std::invalid_argument& e) {
      BadRequest(e.what());
    }
  } else {
    BadRequest("give the scenario as \"edits\" (JSON) or \"toml\" (text); see docs/scenarios.md");
  }
  if (scenarios_.Contains(name)) {
    throw ApiError{409, "conflict", fmt::format("a scenario named '{}' exists; delete it or choose another name", name)};
  }
  Diagnostics problems;
  std::optional<ScenarioEntry> entry = scenarios_.Create(s, name, description, toml, problems);
  if (!entry) {
    if (problems.Has("scenario-exists")) {
      throw ApiError{409, "conflict", fmt::format("a scenario named '{}' exists", name)};
    }
    Json details = DetailsOf(problems);
    if (body.contains("edits")) {
      // The user sent JSON: point at its fields, not at lines of the TOML it was converted to.
      for (Json& d : details) {
        const std::string path = JsonPathAtLine(toml, d.value("line", 0));
        d["file"] = "edits";
        d["line"] = 0;
        if (!path.empty()) d["field"] = "edits." + path;
      }
    }
    throw ApiError{422, "invalid",
                   fmt::format("scenario '{}' is not valid against dataset version {}; nothing was saved", name,
                               s.source().dataset_version),
                   std::move(details)};
  }
  try {
    entry->version = backend_.SaveScenario(*entry, s.source().dataset_version);
  } catch (const BackendConflict& e) {
    scenarios_.Remove(name);  // not kept: the store holds another scenario of that name
    throw ApiError{409, "conflict", e.what()};
  } catch (const std::exception& e) {
    scenarios_.Remove(name);
    throw ApiError{500, "internal", fmt::format("the scenario could not be kept: {}", e.what())};
  }
  scenarios_.SetVersion(name, entry->version);
  SendJson(res, ScenarioJson(*entry, s.source().plan_version), 201);
}

void ApiServer::RunScenario(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const PlanSnapshot& s = *served_now->snapshot;
  const std::string name = req.matches[1];
  if (!scenarios_.Contains(name)) NotFound(fmt::format("no scenario '{}'", name));
  Diagnostics problems;
  const std::shared_ptr<const ScenarioRun> run = scenarios_.Run(s, name, problems);
  if (!run) {
    if (problems.has_errors()) Invalid(fmt::format("scenario '{}' no longer applies to the data", name), problems);
    NotFound(fmt::format("no scenario '{}'", name));
  }
  const size_t limit = static_cast<size_t>(IntParam(req, "limit", 50, 0, 100000));
  SendJson(res, {{"name", name},
                 {"seconds", run->seconds},
                 {"lines_reused", run->lines_reused},
                 {"comparison", ComparisonJson(run->comparison, limit)}});
}

void ApiServer::ScenarioComparison(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  const std::optional<ScenarioEntry> e = scenarios_.Get(name);
  if (!e) NotFound(fmt::format("no scenario '{}'", name));
  if (!e->run) throw ApiError{409, "conflict", fmt::format("scenario '{}' has not been run: POST its run first", name)};
  const size_t limit = static_cast<size_t>(IntParam(req, "limit", 50, 0, 100000));
  SendJson(res, ComparisonJson(e->run->comparison, limit));
}

void ApiServer::GetScenario(const httplib::Request& req, httplib::Response& res) {
  const auto served_now = served();
  const std::string name = req.matches[1];
  const std::optional<ScenarioEntry> e = scenarios_.Get(name);
  if (!e) NotFound(fmt::format("no scenario '{}'", name));
  Json j = ScenarioJson(*e, served_now->snapshot->source().plan_version);
  j["toml"] = e->toml;
  SendJson(res, j);
}

void ApiServer::DeleteScenario(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  if (!scenarios_.Remove(name)) NotFound(fmt::format("no scenario '{}'", name));
  backend_.DeleteScenario(name);
  SendJson(res, {{"deleted", name}});
}

void ApiServer::Replan(const httplib::Request& req, httplib::Response& res) {
  std::optional<int64_t> version;
  if (!req.body.empty()) {
    const Json body = ParseBody(req);
    if (body.contains("version")) {
      if (!body.at("version").is_number_integer()) BadRequest("\"version\" must be a dataset version number");
      version = body.at("version").get<int64_t>();
    }
  }
  std::unique_lock lock(replan_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) {
    res.set_header("Retry-After", "2");
    throw ApiError{503, "busy", "a re-plan is running; try again when it is done"};
  }
  Diagnostics problems;
  std::shared_ptr<PlanSnapshot> next = backend_.Replan(version, problems);
  if (!next) {
    if (problems.Has("unknown-version")) NotFound(problems.kept().front().message);
    Invalid("the dataset could not be planned; the current plan stays", problems);
  }
  Swap(next);
  SendJson(res, {{"plan", PlanInfoJson(*next)},
                 {"dataset", {{"version", next->source().dataset_version}, {"name", next->source().dataset_name}}}});
}

}  // namespace takt::server
