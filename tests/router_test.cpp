// The server's rooms on their own: the router (routes, 405's methods, handler errors as answers),
// the plan slot, the error helpers and the request parameter readers.

#include <gtest/gtest.h>

#include <httplib.h>

#include <stdexcept>
#include <thread>

#include "server/api_error.h"
#include "server/http_transport.h"
#include "server/json_views.h"
#include "server/request_params.h"
#include "server/router.h"
#include "server/served_plan.h"
#include "test_data.h"

namespace takt::server {
namespace {

std::shared_ptr<PlanSnapshot> TinySnapshot() {
  Diagnostics diagnostics;
  std::shared_ptr<const Model> model = LoadDataset(test::Tiny(), diagnostics);
  EXPECT_NE(model, nullptr);
  return PlanSnapshot::Build(model, PlanOptions{}, SnapshotSource{});
}

/// What a handler throws, and the error answer it must become.
template <typename F>
ApiError Thrown(F&& f) {
  try {
    f();
  } catch (const ApiError& e) {
    return e;
  }
  ADD_FAILURE() << "no ApiError thrown";
  return {};
}

TEST(Router, KeepsRoutesInOrderAndTellsTheMethodsOfAPath) {
  httplib::Server http;
  PlanSlot plan;
  Router router(http, plan);
  auto nothing = [](const httplib::Request&, httplib::Response&) {};
  router.Add("GET", "/api/things", nothing);
  router.Add("GET", "/api/things/{name}", nothing);
  router.Add("DELETE", "/api/things/{name}", nothing);
  router.Add("POST", "/api/things/{name}/run", nothing);
  ASSERT_EQ(router.routes().size(), 4u);
  EXPECT_EQ(router.routes()[2].method, "DELETE");
  EXPECT_EQ(router.routes()[2].path, "/api/things/{name}");

  bool served = true;
  EXPECT_EQ(router.AllowedMethods("/api/things/a.b", "POST", served), "GET, DELETE");
  EXPECT_FALSE(served);
  EXPECT_EQ(router.AllowedMethods("/api/things/a", "DELETE", served), "GET, DELETE");
  EXPECT_TRUE(served);
  EXPECT_EQ(router.AllowedMethods("/api/things/a/run", "GET", served), "POST");
  EXPECT_FALSE(served);
  // "{name}" is one segment; the rest is literal (a dot is not any character).
  EXPECT_EQ(router.AllowedMethods("/api/things/a/b", "GET", served), "");
  EXPECT_EQ(router.AllowedMethods("/apixthings", "GET", served), "");
}

TEST(Router, TurnsWhatHandlersThrowIntoErrorAnswers) {
  httplib::Server http;
  PlanSlot plan;
  Router router(http, plan);
  router.Add("GET", "/api/summary", PreRendered(plan, &ServedPlan::summary));
  router.Add("GET", "/api/gone", [](const httplib::Request&, httplib::Response&) { NotFound("no such thing", "x"); });
  router.Add("GET", "/api/typed", [](const httplib::Request&, httplib::Response&) {
    (void)Json::parse("{\"a\": 1}").at("a").get<std::string>();
  });
  router.Add("POST", "/api/broken", [](const httplib::Request&, httplib::Response&) {
    throw std::runtime_error("the store is locked");
  });
  const int port = http.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread listener([&] { http.listen_after_bind(); });
  while (!http.is_running()) std::this_thread::yield();
  httplib::Client client("127.0.0.1", port);

  auto error_of = [](const httplib::Result& r) { return Json::parse(r->body).at("error"); };
  // Nothing served yet: every route is busy.
  auto busy = client.Get("/api/summary");
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(error_of(busy).at("code"), "busy");

  const std::shared_ptr<PlanSnapshot> snapshot = TinySnapshot();
  plan.Swap(snapshot);
  auto summary = client.Get("/api/summary");
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->status, 200);
  EXPECT_EQ(summary->body, SummaryJson(*snapshot).dump());

  auto gone = client.Get("/api/gone");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
  EXPECT_EQ(gone->body, ErrorBody("not_found", "no such thing", Json::array({{{"hint", "x"}}})).dump());
  auto typed = client.Get("/api/typed");
  ASSERT_TRUE(typed);
  EXPECT_EQ(typed->status, 400);
  EXPECT_EQ(error_of(typed).at("code"), "bad_request");
  EXPECT_EQ(error_of(typed).at("message").get<std::string>().rfind("a JSON field has the wrong type: ", 0), 0u);
  auto broken = client.Post("/api/broken", "", "application/json");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 500);
  EXPECT_EQ(broken->body, ErrorBody("internal", "the store is locked", Json::array()).dump());
  http.stop();
  listener.join();
}

TEST(PlanSlot, ServesNothingUntilSwappedAndKeepsAnOldPlanAliveForItsReaders) {
  PlanSlot slot;
  EXPECT_EQ(slot.served(), nullptr);
  const std::shared_ptr<PlanSnapshot> first = TinySnapshot();
  slot.Swap(first);
  const std::shared_ptr<const ServedPlan> reading = slot.served();
  ASSERT_NE(reading, nullptr);
  EXPECT_EQ(reading->snapshot, first);
  EXPECT_EQ(reading->meta, MetaJson(*first).dump());
  EXPECT_EQ(reading->constraints, ConstraintsJson(*first).dump());
  EXPECT_EQ(reading->resources, ResourcesJson(*first).dump());
  const std::shared_ptr<PlanSnapshot> second = TinySnapshot();
  slot.Swap(second);
  EXPECT_EQ(slot.served()->snapshot, second);
  EXPECT_EQ(reading->snapshot, first);  // a request that took the old plan keeps it
}

TEST(ApiError, BodiesThatCannotBeRead) {
  httplib::Request req;
  EXPECT_EQ(Thrown([&] { ParseBody(req); }).message, "the request needs a JSON body");
  req.body = "[1, 2]";
  EXPECT_EQ(Thrown([&] { ParseBody(req); }).message, "the body must be a JSON object");
  req.body = "{\"a\": ";
  const ApiError bad = Thrown([&] { ParseBody(req); });
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.code, "bad_request");
  EXPECT_EQ(bad.message.rfind("the body is not valid JSON: ", 0), 0u) << bad.message;
  req.body = "{\"a\": 1}";
  EXPECT_EQ(ParseBody(req), Json({{"a", 1}}));
}

TEST(ApiError, InvalidCarriesTheErrorsOnly) {
  Diagnostics problems;
  problems.Error("bad-thing", "quote", 0, "qty", "qty is 'x'; give a whole number", "for example 8");
  problems.Warning("odd-thing", "quote", 0, "site", "not an error");
  const ApiError e = Thrown([&] { Invalid("the quote cannot be answered", problems); });
  EXPECT_EQ(e.status, 422);
  EXPECT_EQ(e.code, "invalid");
  ASSERT_EQ(e.details.size(), 1u);
  EXPECT_EQ(e.details[0].at("code"), "bad-thing");
  EXPECT_EQ(e.details[0].at("field"), "qty");
  EXPECT_EQ(e.details[0].at("hint"), "for example 8");
}

TEST(RequestParams, NumbersAndDatesWithTheirRanges) {
  Diagnostics diagnostics;
  std::shared_ptr<const Model> model = LoadDataset(test::Tiny(), diagnostics);
  ASSERT_NE(model, nullptr);
  httplib::Request req;
  EXPECT_EQ(IntParam(req, "limit", 50, 1, 1000), 50);
  EXPECT_EQ(Param(req, "limit"), "");
  req.params.emplace("limit", "20");
  EXPECT_EQ(IntParam(req, "limit", 50, 1, 1000), 20);
  req.params.emplace("weeks", "12x");
  EXPECT_EQ(Thrown([&] { IntParam(req, "weeks", 26, 1, 520); }).message,
            "parameter 'weeks' is '12x': give a whole number from 1 to 520");
  req.params.emplace("offset", "-1");
  EXPECT_EQ(Thrown([&] { IntParam(req, "offset", 0, 0, 10); }).message,
            "parameter 'offset' is '-1': give a whole number from 0 to 10");
  EXPECT_EQ(DayParam(req, *model, "from", 7), 7);
  req.params.emplace("from", "2099-02-30");
  EXPECT_EQ(Thrown([&] { DayParam(req, *model, "from", 0); }).message,
            "parameter 'from' is '2099-02-30': dates are written YYYY-MM-DD");
  req.params.emplace("to", "1970-01-11");
  EXPECT_EQ(DayParam(req, *model, "to", 0), 10 - model->plan_start());
}

TEST(RequestParams, AFilterNamingNothingSaysSoWithAHint) {
  const ApiError e = Thrown([] { UnknownFilter("item", "SRV-H20", "did you mean 'SRV-H200'?"); });
  EXPECT_EQ(e.status, 400);
  EXPECT_EQ(e.message, "filter item='SRV-H20' names nothing in the dataset");
  EXPECT_EQ(e.details, Json::parse(R"([{"field": "item", "message": "'SRV-H20' is not in the dataset",
                                        "hint": "did you mean 'SRV-H200'?"}])"));
}

TEST(HttpTransport, AnotherAddressThanLoopbackNeedsAToken) {
  ServeOptions options;
  EXPECT_TRUE(SafeToServe(options).ok());
  options.bind = "0.0.0.0";
  const Status refused = SafeToServe(options);
  EXPECT_TRUE(refused.Is(ErrorKind::kInvalid));
  EXPECT_EQ(refused.message().rfind("refusing to serve on 0.0.0.0 without a token", 0), 0u) << refused.message();
  options.token = "0123456789abcdef";
  EXPECT_TRUE(SafeToServe(options).ok());
}

}  // namespace
}  // namespace takt::server
