#include "server/promise_routes.h"

#include <fmt/format.h>
#include <httplib.h>

#include "plan/quote.h"
#include "server/api_error.h"
#include "server/json_views.h"

namespace takt::server {

namespace {

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

}  // namespace

void PromiseRoutes::Install(Router& router) {
  router.Add("POST", "/api/promise", Bind(this, &PromiseRoutes::Promise));
  router.Add("POST", "/api/promise/batch", Bind(this, &PromiseRoutes::PromiseBatch));
}

void PromiseRoutes::Promise(const httplib::Request& req, httplib::Response& res) {
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
    answer = commit ? s.promises().Commit(q) : s.promises().Promise(q);
  }
  SendJson(res, QuoteAnswerJson(s.model(), q, answer, s.plan().options.licence_policy, commit));
}

void PromiseRoutes::PromiseBatch(const httplib::Request& req, httplib::Response& res) {
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
      for (const QuoteRequest& q : quotes) answers.push_back(s.promises().Commit(q));
    } else if (cumulative) {
      answers = s.promises().PromiseInTurn(quotes);
    } else {
      for (const QuoteRequest& q : quotes) answers.push_back(s.promises().Promise(q));
    }
  }
  Json out = Json::array();
  for (size_t i = 0; i < quotes.size(); ++i) {
    out.push_back(QuoteAnswerJson(s.model(), quotes[i], answers[i], s.plan().options.licence_policy, commit));
  }
  SendJson(res, {{"answers", std::move(out)}, {"cumulative", cumulative || commit}, {"committed", commit}});
}

}  // namespace takt::server
