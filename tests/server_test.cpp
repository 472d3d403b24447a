// The JSON API, over HTTP on loopback: every answer checked against what the planner computes
// directly, the error shape and statuses, limits, the token, static files, and reads during re-plans.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <httplib.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "generate/generator.h"
#include "io/dataset_loader.h"
#include "plan/plan_report.h"
#include "scenario/scenario.h"
#include "server/api_server.h"
#include "server/folder_backend.h"
#include "server/store_backend.h"
#include "plan/plan_writer.h"
#include "store/store.h"
#include "test_data.h"

namespace takt::server {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("takt-server-test-{}-{}", name, ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// A server over a generated demo dataset folder, on a free loopback port, in a thread.
class Served {
 public:
  explicit Served(ServeOptions options = {}, uint64_t seed = 1) : dir_(TempDir("data" + std::to_string(seed))) {
    EXPECT_EQ(WriteDataset(Generate({Scale::kDemo, seed}), dir_ / "demo"), "");
    web_ = dir_ / "web";
    fs::create_directories(web_);
    std::ofstream(web_ / "index.html") << "<!doctype html><title>takt</title>";
    std::ofstream(dir_ / "secret.txt") << "not to be served";
    options.port = 0;
    options.web_dir = web_.string();
    backend_ = std::make_unique<FolderBackend>(dir_ / "demo", PlanOptions{});
    Diagnostics problems;
    snapshot_ = backend_->Replan(std::nullopt, problems);
    EXPECT_NE(snapshot_, nullptr);
    api_ = std::make_unique<ApiServer>(*backend_, options);
    const Status bound = api_->Bind(snapshot_, {});
    bound_ = bound.ok();
    error_ = bound.message();
    if (bound_) thread_ = std::thread([this] { api_->Run(); });
  }
  ~Served() {
    api_->Stop();
    if (thread_.joinable()) thread_.join();
    fs::remove_all(dir_);
  }
  bool bound() const { return bound_; }
  const std::string& error() const { return error_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", api_->port());
    c.set_read_timeout(30, 0);
    return c;
  }
  const PlanSnapshot& snapshot() const { return *snapshot_; }
  const Model& model() const { return snapshot_->model(); }
  ApiServer& api() { return *api_; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_, web_;
  std::unique_ptr<FolderBackend> backend_;
  std::shared_ptr<PlanSnapshot> snapshot_;
  std::unique_ptr<ApiServer> api_;
  bool bound_ = false;
  std::string error_;
  std::thread thread_;
};

Json Get(httplib::Client& c, const std::string& path, int expect = 200) {
  auto res = c.Get(path.c_str());
  EXPECT_TRUE(res) << path;
  if (!res) return {};
  EXPECT_EQ(res->status, expect) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
  return Json::parse(res->body);
}

Json Post(httplib::Client& c, const std::string& path, const Json& body, int expect = 200,
          const httplib::Headers& headers = {}) {
  auto res = c.Post(path.c_str(), headers, body.is_null() ? std::string() : body.dump(), "application/json");
  EXPECT_TRUE(res) << path;
  if (!res) return {};
  EXPECT_EQ(res->status, expect) << path << ": " << res->body;
  return Json::parse(res->body);
}

void ExpectError(const Json& j, const std::string& code) {
  ASSERT_TRUE(j.contains("error")) << j.dump();
  EXPECT_EQ(j["error"]["code"], code) << j.dump();
  EXPECT_TRUE(j["error"]["message"].is_string());
  EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  EXPECT_TRUE(j["error"]["details"].is_array());
}

double Money(Fixed4 v) { return static_cast<double>(v) / kDecimalScale; }

TEST(Server, SummaryIsThePlanReport) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  const Json j = Get(c, "/api/summary");
  const PlanReport& r = s.snapshot().report();
  EXPECT_EQ(j["kpis"]["lines"], r.lines);
  EXPECT_EQ(j["kpis"]["lines_late"], r.lines_late);
  EXPECT_EQ(j["kpis"]["lines_unplanned"], r.lines_unplanned);
  EXPECT_DOUBLE_EQ(j["kpis"]["backlog"].get<double>(), Money(s.model().backlog_value()));
  ASSERT_EQ(j["quarters"].size(), r.quarters.size());
  double revenue = 0;
  for (size_t i = 0; i < r.quarters.size(); ++i) {
    EXPECT_DOUBLE_EQ(j["quarters"][i]["revenue"].get<double>(), Money(r.quarters[i].revenue));
    revenue += j["quarters"][i]["revenue"].get<double>();
  }
  EXPECT_NEAR(j["kpis"]["revenue"].get<double>(), revenue, 1.0);
  EXPECT_EQ(j["kpis"]["this_quarter"], s.model().quarters()[s.model().QuarterOf(s.model().plan_start()).index()].code);
  EXPECT_EQ(j["top_constraints"].size(), r.top_constraints.size());
  EXPECT_EQ(j["dataset"]["plan_start"], FormatDate(s.model().plan_start()));
}

/// The orders table computed the slow way: every line, filtered, stably sorted from order-code order.
std::vector<std::pair<std::string, int64_t>> BruteForce(const PlanSnapshot& snap, const std::string& status,
                                                        const std::string& item, const std::string& reason,
                                                        const std::string& sort, bool desc) {
  const Model& m = snap.model();
  std::vector<uint32_t> ids(m.lines().size());
  for (uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;
  std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    const OrderLine &x = m.lines()[a], &y = m.lines()[b];
    const int c = m.order_code(x.order).compare(m.order_code(y.order));
    return c != 0 ? c < 0 : x.line < y.line;
  });
  std::vector<uint32_t> hits;
  for (uint32_t id : ids) {
    const LineOutcome& o = snap.plan().outcomes[id];
    if (!status.empty() && LineStatusName(o.status) != status) continue;
    if (!item.empty() && m.item(m.lines()[id].item).code != item) continue;
    if (!reason.empty() && (o.status == LineStatus::kOnTime || ReasonCodeName(o.reason.code) != reason)) continue;
    hits.push_back(id);
  }
  auto key = [&](uint32_t id) -> int64_t {
    const LineOutcome& o = snap.plan().outcomes[id];
    const OrderLine& l = m.lines()[id];
    if (sort == "value") return l.unit_price * l.qty;
    if (sort == "request") return l.request_date;
    if (sort == "planned") return o.planned_day < 0 ? INT32_MAX : o.planned_day;
    if (sort == "days_late") {
      return o.planned_day < 0 ? INT32_MAX : std::max(0, m.plan_start() + o.planned_day - l.request_date);
    }
    return 0;
  };
  if (sort == "order" && desc) std::reverse(hits.begin(), hits.end());
  if (sort != "order") {
    std::stable_sort(hits.begin(), hits.end(), [&](uint32_t a, uint32_t b) {
      return desc ? key(a) > key(b) : key(a) < key(b);
    });
  }
  std::vector<std::pair<std::string, int64_t>> out;
  for (uint32_t id : hits) out.emplace_back(m.order_code(m.lines()[id].order), m.lines()[id].line);
  return out;
}

TEST(Server, OrdersAreFilteredSortedAndPagedAsTheSlowWayDoesIt) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  const Model& m = s.model();
  uint64_t rng = 7;
  const char* statuses[] = {"", "late", "on_time", "unplanned"};
  const char* reasons[] = {"", "", "material", "capacity", "licence_pending"};
  const char* sorts[] = {"order", "value", "request", "planned", "days_late"};
  for (int round = 0; round < 40; ++round) {
    const std::string status = statuses[test::NextRandom(rng) % 4];
    const std::string reason = reasons[test::NextRandom(rng) % 5];
    const std::string sort = sorts[test::NextRandom(rng) % 5];
    const bool desc = test::NextRandom(rng) % 2 == 0;
    const std::string item =
        test::NextRandom(rng) % 3 == 0 ? m.item(m.lines()[test::NextRandom(rng) % m.lines().size()].item).code : "";
    const auto expected = BruteForce(s.snapshot(), status, item, reason, sort, desc);
    const size_t limit = 1 + test::NextRandom(rng) % 60;
    const size_t offset = expected.empty() ? 0 : test::NextRandom(rng) % (expected.size() + 5);
    const std::string path = fmt::format("/api/orders?status={}&item={}&reason={}&sort={}&dir={}&offset={}&limit={}",
                                         status, item, reason, sort, desc ? "desc" : "asc", offset, limit);
    const Json j = Get(c, path);
    ASSERT_EQ(j["total"], expected.size()) << path;
    std::vector<std::pair<std::string, int64_t>> page;
    for (const Json& row : j["rows"]) {
      page.emplace_back(row["order"], row["line"]);
      if (!status.empty()) {
        EXPECT_EQ(row["status"], status);
      }
      if (!reason.empty()) {
        EXPECT_EQ(row["reason_code"], reason);
      }
    }
    const std::vector<std::pair<std::string, int64_t>> want(
        expected.begin() + static_cast<std::ptrdiff_t>(std::min(offset, expected.size())),
        expected.begin() + static_cast<std::ptrdiff_t>(std::min(offset + limit, expected.size())));
    EXPECT_EQ(page, want) << path;
  }
  // Text search and a customer filter narrow the same table.
  const OrderLine& one = m.lines()[17];
  const std::string customer(m.customer_code(one.customer));
  const Json by_customer = Get(c, "/api/orders?limit=1000&customer=" + customer);
  int64_t lines_of_customer = 0;
  for (const OrderLine& l : m.lines()) lines_of_customer += m.customer_code(l.customer) == customer;
  EXPECT_EQ(by_customer["total"], lines_of_customer);
  const std::string order(m.order_code(one.order));
  const Json by_text = Get(c, "/api/orders?q=" + order);
  EXPECT_GE(by_text["total"].get<int64_t>(), 1);
  for (const Json& row : by_text["rows"]) {
    EXPECT_NE(row["order"].get<std::string>().find(order), std::string::npos);
  }
  ExpectError(Get(c, "/api/orders?customer=NOBODY-INC", 400), "bad_request");
  ExpectError(Get(c, "/api/orders?status=lateish", 400), "bad_request");
  ExpectError(Get(c, "/api/orders?limit=0", 400), "bad_request");
  ExpectError(Get(c, "/api/orders?sort=colour", 400), "bad_request");
}

TEST(Server, ALineShowsItsShipmentsPeggingAndWhy) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  const Model& m = s.model();
  const Json late = Get(c, "/api/orders?status=late&reason=material&limit=5");
  ASSERT_GT(late["rows"].size(), 0u);
  for (const Json& row : late["rows"]) {
    const Json d = Get(c, fmt::format("/api/orders/{}/lines/{}", row["order"].get<std::string>(), row["line"].get<int>()));
    int64_t shipped = 0;
    for (const Json& sh : d["shipments"]) shipped += sh["qty"].get<int64_t>();
    EXPECT_EQ(shipped, d["shipped"]);
    EXPECT_EQ(d["why"]["reason_code"], "material");
    EXPECT_FALSE(d["why"]["reason"].get<std::string>().empty());
    // The binding item is in the line's BOM, on a path marked from the top.
    const std::string binding_item = d["why"]["constraint"]["item"];
    std::function<bool(const Json&)> find = [&](const Json& node) {
      if (node["item"] == binding_item && node["binding"].get<bool>()) return true;
      for (const Json& child : node["children"]) {
        if (find(child)) {
          EXPECT_TRUE(node["on_binding_path"].get<bool>());
          return true;
        }
      }
      return false;
    };
    if (d["why"]["constraint"]["site"] == d["site"]) {
      EXPECT_TRUE(find(d["why"]["bom"])) << d["why"].dump();
    }
    EXPECT_GT(d["pegging"].size(), 0u);
    EXPECT_EQ(d["why"]["bom"]["item"], row["item"]);
  }
  ExpectError(Get(c, "/api/orders/NO-SUCH-ORDER/lines/1", 404), "not_found");
  ExpectError(Get(c, fmt::format("/api/orders/{}/lines/x", m.order_code(m.lines()[0].order)), 400), "bad_request");
}

TEST(Server, LoadStaysWithinCapacityAndStockNeverGoesNegative) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  const Model& m = s.model();
  for (const Resource& r : m.resources()) {
    const Json j = Get(c, fmt::format("/api/resources/{}/load", r.code));
    ASSERT_EQ(j["days"].size(), static_cast<size_t>(m.settings().horizon_days));
    double load = 0;
    for (const Json& d : j["days"]) {
      EXPECT_LE(d["load"].get<double>(), d["capacity"].get<double>() + 1e-9) << r.code << " " << d["date"];
      load += d["load"].get<double>();
    }
    EXPECT_GT(load, 0.0) << r.code << " does no work in the demo plan";
  }
  const Json heat = Get(c, "/api/heatmap?weeks=10");
  ASSERT_EQ(heat["resources"].size(), m.resources().size());
  ASSERT_EQ(heat["weeks"].size(), 10u);
  for (const Json& row : heat["utilisation"]) {
    for (const Json& u : row) EXPECT_LE(u.get<double>(), 1.0 + 1e-9);
  }
  for (const Item& item : m.items()) {
    const Json j = Get(c, fmt::format("/api/items/{}/availability", item.code));
    for (const Json& site : j["sites"]) {
      int64_t previous_free = INT64_MIN;
      for (const Json& d : site["days"]) {
        EXPECT_GE(d["on_hand"].get<int64_t>(), 0) << item.code << " " << site["site"] << " " << d["date"];
        EXPECT_LE(d["available"].get<int64_t>(), d["on_hand"].get<int64_t>());
        EXPECT_GE(d["available"].get<int64_t>(), previous_free);
        previous_free = d["available"];
      }
    }
  }
  const Json burn = Get(c, "/api/burndown");
  double last = 1e300;
  for (const Json& p : burn["points"]) {
    EXPECT_LE(p["backlog"].get<double>(), last);
    last = p["backlog"];
  }
  EXPECT_NEAR(burn["points"].back()["shipped"].get<double>(), Money(s.snapshot().report().revenue), 1.0);
  ExpectError(Get(c, "/api/resources/NOPE/load", 404), "not_found");
  ExpectError(Get(c, "/api/items/GPU-NOPE/availability", 404), "not_found");
  ExpectError(Get(c, "/api/items/GPU-H200/availability?from=May", 400), "bad_request");
}

TEST(Server, PromisesAnswerAsThePlannerAndCommitsAreFelt) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  const Model& m = s.model();
  PromiseSession planner(m, {});
  for (size_t i = 0; i < 30; i += 3) {
    const OrderLine& like = m.lines()[i * 97 % m.lines().size()];
    QuoteRequest q;
    q.item = like.item;
    q.qty = 1 + static_cast<int64_t>(i % 9);
    q.ship_to = like.ship_to;
    q.customer = like.customer;
    q.request_date = like.request_date;
    const QuoteAnswer want = planner.Promise(q);
    const Json got = Post(c, "/api/promise",
                          {{"item", m.item(q.item).code},
                           {"qty", q.qty},
                           {"ship_to", m.country_code(q.ship_to)},
                           {"customer", m.customer_code(q.customer)},
                           {"request", FormatDate(q.request_date)}});
    EXPECT_EQ(got["status"], LineStatusName(want.outcome.status));
    EXPECT_EQ(got["shipped"], want.outcome.shipped_qty);
    if (want.outcome.planned_day >= 0) {
      EXPECT_EQ(got["last_date"], FormatDate(m.plan_start() + want.outcome.planned_day));
    }
  }
  // A big quote committed makes the same quote after it no earlier.
  const OrderLine& like = m.lines()[5];
  const Json quote = {{"item", m.item(like.item).code}, {"qty", 200}, {"ship_to", m.country_code(like.ship_to)},
                      {"customer", m.customer_code(like.customer)}};
  const Json before = Post(c, "/api/promise", quote);
  Json committing = quote;
  committing["commit"] = true;
  const Json committed = Post(c, "/api/promise", committing);
  EXPECT_EQ(committed["committed"], true);
  EXPECT_EQ(committed["last_date"], before["last_date"]);
  const Json after = Post(c, "/api/promise", quote);
  ASSERT_TRUE(before["last_date"].is_string() && after["last_date"].is_string());
  EXPECT_GE(after["last_date"].get<std::string>(), before["last_date"].get<std::string>());
  // A batch answered in turn, without commit, leaves the state as it was.
  Json batch = {{"quotes", Json::array({quote, quote, quote})}, {"cumulative", true}};
  const Json turn = Post(c, "/api/promise/batch", batch);
  ASSERT_EQ(turn["answers"].size(), 3u);
  EXPECT_EQ(turn["answers"][0]["last_date"], after["last_date"]);
  EXPECT_LE(turn["answers"][0]["last_date"].get<std::string>(), turn["answers"][2]["last_date"].get<std::string>());
  EXPECT_EQ(Post(c, "/api/promise", quote)["last_date"], after["last_date"]);
  // Bad quotes: every problem, with the field.
  const Json bad = Post(c, "/api/promise", {{"item", "SRV-NOPE"}, {"qty", 0}, {"ship_to", "XX"}}, 422);
  ExpectError(bad, "invalid");
  std::set<std::string> fields;
  for (const Json& d : bad["error"]["details"]) fields.insert(d["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"item", "qty", "ship_to"}));
  ExpectError(Post(c, "/api/promise/batch", {{"quotes", Json::array({quote, {{"item", "X"}}})}}, 422), "invalid");
  // Problems name the JSON keys the client sent.
  Json dated = quote;
  dated["request"] = "next week";
  dated["price"] = "cheap";
  std::set<std::string> named;
  const Json refused = Post(c, "/api/promise", dated, 422);
  for (const Json& d : refused["error"]["details"]) named.insert(d["field"]);
  EXPECT_EQ(named, (std::set<std::string>{"request", "price"}));
  // Quantities and values that would not fit are refused, not wrapped.
  Json huge = quote;
  huge["qty"] = 99999999999LL;
  ExpectError(Post(c, "/api/promise", huge, 422), "invalid");
  huge["qty"] = 1000000000;
  huge["price"] = 99999999999LL;
  const Json too_large = Post(c, "/api/promise", huge, 422);
  ASSERT_EQ(too_large["error"]["details"].size(), 1u);
  EXPECT_EQ(too_large["error"]["details"][0]["field"], "price");
}

TEST(Server, ScenariosAreCreatedRunComparedAndDeleted) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  const Json edits = {{"receipts", Json::array({{{"action", "delay"}, {"item", "GPU-B200-SC"}, {"days", 28}}})}};
  const Json created = Post(c, "/api/scenarios", {{"name", "slip"}, {"description", "late GPUs"}, {"edits", edits}}, 201);
  EXPECT_EQ(created["status"], "created");
  ASSERT_EQ(created["edits"].size(), 1u);
  ExpectError(Post(c, "/api/scenarios", {{"name", "slip"}, {"edits", edits}}, 409), "conflict");
  const Json bad = Post(c, "/api/scenarios",
                        {{"name", "bad"}, {"edits", {{"receipts", Json::array({{{"action", "delay"}, {"item", "GPU-B200-SX"}, {"days", 1}}})}}}},
                        422);
  ExpectError(bad, "invalid");
  ASSERT_EQ(bad["error"]["details"].size(), 1u) << bad.dump();
  EXPECT_EQ(bad["error"]["details"][0]["field"], "edits.receipts[0].item");
  EXPECT_NE(bad["error"]["details"][0]["hint"].get<std::string>().find("GPU-"), std::string::npos);
  ExpectError(Get(c, "/api/scenarios/slip/comparison", 409), "conflict");

  const Json run = Post(c, "/api/scenarios/slip/run?limit=5", Json());
  // The same comparison computed directly.
  Diagnostics problems;
  const auto scenario = ParseScenario(
      "[[receipts]]\naction = \"delay\"\nitem = \"GPU-B200-SC\"\ndays = 28\n", "direct", s.model(), {}, problems);
  ASSERT_TRUE(scenario.has_value());
  const Plan plan = PlanBacklog(*scenario->model, scenario->options);
  const PlanComparison direct =
      ComparePlans(PlanViewOf(s.model(), s.snapshot().plan(), s.snapshot().report()),
                   PlanViewOf(*scenario->model, plan, BuildReport(*scenario->model, plan)));
  EXPECT_EQ(run["comparison"]["changed_lines"], direct.changes.size());
  EXPECT_GT(direct.changes.size(), 0u);
  EXPECT_EQ(run["comparison"]["changes"].size(), std::min<size_t>(5, direct.changes.size()));
  EXPECT_EQ(run["comparison"]["changes"][0]["order"], direct.changes[0].order);
  ASSERT_EQ(run["comparison"]["quarters"].size(), direct.quarters.size());
  for (size_t i = 0; i < direct.quarters.size(); ++i) {
    EXPECT_DOUBLE_EQ(run["comparison"]["quarters"][i]["revenue_scenario"].get<double>(),
                     Money(direct.quarters[i].revenue_scenario));
  }
  EXPECT_EQ(Get(c, "/api/scenarios/slip/comparison?limit=3")["changes"].size(), std::min<size_t>(3, direct.changes.size()));
  EXPECT_EQ(run["lines_reused"], 0);  // its GPUs are in the first lines' BOMs
  {
    // Cancelling the order planned last leaves every line before it alone: the scenario starts at
    // the base run's last checkpoint, and plans exactly as from scratch.
    const Plan& base_plan = s.snapshot().plan();
    const std::string order(s.model().order_code(s.model().line(base_plan.sequence.back()).order));
    const std::string toml = "[[orders]]\naction = \"cancel\"\norder = \"" + order + "\"\n";
    Post(c, "/api/scenarios", {{"name", "cancel-last"}, {"toml", toml}}, 201);
    const Json cancelled = Post(c, "/api/scenarios/cancel-last/run?limit=100000", Json());
    EXPECT_GE(cancelled["lines_reused"].get<size_t>(), base_plan.sequence.size() * 3 / 4);
    const auto edited = ParseScenario(toml, "direct", s.model(), {}, problems);
    ASSERT_TRUE(edited.has_value());
    const Plan scratch = PlanBacklog(*edited->model, edited->options);
    const PlanComparison expected = ComparePlans(PlanViewOf(s.model(), base_plan, s.snapshot().report()),
                                                 PlanViewOf(*edited->model, scratch, BuildReport(*edited->model, scratch)));
    ASSERT_EQ(cancelled["comparison"]["changes"].size(), expected.changes.size());
    for (size_t i = 0; i < expected.changes.size(); ++i) {
      EXPECT_EQ(cancelled["comparison"]["changes"][i]["order"], expected.changes[i].order);
      EXPECT_EQ(cancelled["comparison"]["changes"][i]["line"], expected.changes[i].line);
    }
    ASSERT_TRUE(c.Delete("/api/scenarios/cancel-last"));
  }
  const Json list = Get(c, "/api/scenarios");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["status"], "planned");
  EXPECT_EQ(Get(c, "/api/burndown?scenario=slip")["scenario_points"].size(), Get(c, "/api/burndown")["points"].size());
  // TOML text works as well as JSON.
  Post(c, "/api/scenarios", {{"name", "more-racks"}, {"toml", "[[capacity]]\nresource = \"AUS-RACK-INT\"\nfrom = 2025-09-01\nadd_per_day = 2\n"}}, 201);
  EXPECT_EQ(Get(c, "/api/scenarios").size(), 2u);
  const Json one = Get(c, "/api/scenarios/more-racks");
  EXPECT_NE(one["toml"].get<std::string>().find("AUS-RACK-INT"), std::string::npos);
  EXPECT_EQ(Get(c, "/api/scenarios/slip")["status"], "planned");
  ExpectError(Get(c, "/api/scenarios/nothing-by-this-name", 404), "not_found");
  auto del = c.Delete("/api/scenarios/slip");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 200);
  ExpectError(Get(c, "/api/scenarios/slip/comparison", 404), "not_found");
  ExpectError(Post(c, "/api/scenarios", {{"name", "../etc"}, {"edits", edits}}, 400), "bad_request");
}

TEST(Server, ErrorsHaveOneShapeAndLimitsHold) {
  ServeOptions options;
  options.max_body_bytes = 4096;
  Served s(options);
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  ExpectError(Get(c, "/api/nothing-here", 404), "no_route");
  auto put = c.Put("/api/summary", "{}", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(put->get_header_value("Allow"), "GET");
  ExpectError(Json::parse(put->body), "method_not_allowed");
  ExpectError(Post(c, "/api/promise", Json(std::string(5000, 'x')), 413), "payload_too_large");
  auto broken = c.Post("/api/promise", "{\"item\": ", "application/json");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  ExpectError(Json::parse(broken->body), "bad_request");
  ExpectError(Post(c, "/api/promise", Json::array(), 400), "bad_request");
  ExpectError(Post(c, "/api/promise", {{"item", 5}, {"qty", "many"}, {"ship_to", true}}, 422), "invalid");
}

/// Sends raw bytes and returns the whole answer (the server closes: Connection: close), "" on timeout.
std::string RawExchange(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return answer;
}

TEST(Server, APostWithoutContentLengthHasAnEmptyBody) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  // As `curl -X POST` sends it: no Content-Length, no body. Answered at once, not after a timeout.
  const std::string answer =
      RawExchange(s.api().port(), "POST /api/replan HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
}

TEST(Server, StaticFilesStayInTheirFolder) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  auto index = c.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>takt</title>"), std::string::npos);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/web/../../secret.txt",
                           "//secret.txt", "/%2E%2E%2Fsecret.txt"}) {
    httplib::Client raw("127.0.0.1", s.api().port());
    auto res = raw.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("not to be served"), std::string::npos) << path;
  }
}

TEST(Server, ChangesNeedTheTokenWhenOneIsSet) {
  ServeOptions options;
  options.token = "0123456789abcdef-secret";
  Served s(options);
  ASSERT_TRUE(s.bound()) << s.error();
  auto c = s.client();
  Get(c, "/api/summary");  // reads are open
  const Json quote = {{"item", s.model().item(s.model().lines()[0].item).code}, {"qty", 1},
                      {"ship_to", s.model().country_code(s.model().lines()[0].ship_to)}};
  ExpectError(Post(c, "/api/promise", quote, 401), "unauthorized");
  ExpectError(Post(c, "/api/promise", quote, 401, {{"Authorization", "Bearer 0123456789abcdef-secreT"}}),
              "unauthorized");
  ExpectError(Post(c, "/api/promise", quote, 401, {{"Authorization", "Bearer 0123456789abcdef-secret-and-more"}}),
              "unauthorized");
  Post(c, "/api/promise", quote, 200, {{"Authorization", "Bearer 0123456789abcdef-secret"}});
}

TEST(Server, StopBeforeTheLoopRunsDoesNotHang) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  // The fixture's thread may not have entered httplib's loop yet: Stop must still end it.
  s.api().Stop();
}

TEST(Server, ASecondServerCannotTakeAPortInUse) {
  Served first;
  ASSERT_TRUE(first.bound()) << first.error();
  FolderBackend backend(first.dir() / "demo", PlanOptions{});
  ServeOptions options;
  options.port = first.api().port();
  ApiServer second(backend, options);
  Diagnostics problems;
  const Status bound = second.Bind(backend.Replan(std::nullopt, problems), {});
  EXPECT_TRUE(bound.Is(ErrorKind::kFailed));
  EXPECT_NE(bound.message().find("cannot listen"), std::string::npos) << bound.message();
}

TEST(Server, AnotherAddressThanLoopbackNeedsAToken) {
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("192.168.1.10"));
  ServeOptions options;
  options.bind = "0.0.0.0";
  Served s(options);
  EXPECT_FALSE(s.bound());
  EXPECT_NE(s.error().find("token"), std::string::npos) << s.error();
}

TEST(Server, ReadsGoOnWhileARePlanRunsAndSwitchAtOnce) {
  Served s;
  ASSERT_TRUE(s.bound()) << s.error();
  std::atomic<bool> stop{false};
  std::atomic<int64_t> reads{0}, failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&, t] {
      auto c = s.client();
      while (!stop) {
        auto res = c.Get(t == 0 ? "/api/summary" : "/api/orders?status=late&sort=value&dir=desc");
        if (!res || res->status != 200 || !Json::accept(res->body)) ++failures;
        ++reads;
      }
    });
  }
  auto c = s.client();
  int64_t version = Get(c, "/api/summary")["plan"]["version"];
  for (int i = 0; i < 4; ++i) {
    const Json replanned = Post(c, "/api/replan", Json());
    EXPECT_EQ(replanned["plan"]["version"], version + 1);
    version = replanned["plan"]["version"];
    EXPECT_EQ(Get(c, "/api/summary")["plan"]["version"], version);
  }
  stop = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(reads, 10);
  // New data in the folder is what the next re-plan serves, pages included (they are cached per plan).
  DatasetFiles files = test::ReadFolder(s.dir() / "demo");
  const std::string orders = test::File(files, "orders.csv");
  const int64_t lines_before = Get(c, "/api/orders?limit=5")["total"];
  EXPECT_EQ(Get(c, "/api/orders?limit=5")["total"], lines_before);  // the cached page
  const size_t last_line = orders.rfind('\n', orders.size() - 2);
  std::ofstream(s.dir() / "demo" / "orders.csv") << orders.substr(0, last_line + 1);
  version = Post(c, "/api/replan", Json())["plan"]["version"];
  EXPECT_EQ(Get(c, "/api/orders?limit=5")["total"], lines_before - 1);
  std::ofstream(s.dir() / "demo" / "orders.csv") << orders << "SO-BROKEN,not-a-line\n";
  ExpectError(Post(c, "/api/replan", Json(), 422), "invalid");
  EXPECT_EQ(Get(c, "/api/summary")["plan"]["version"], version) << "a failed re-plan keeps the plan it had";
}

TEST(Server, AStoreKeepsPlansAndScenariosAcrossRestarts) {
  const fs::path dir = TempDir("store");
  std::unique_ptr<Store> store = test::Ok(OpenStore((dir / "takt.db").string(), Store::Mode::kCreate));
  ASSERT_NE(store, nullptr);
  const int64_t dataset = test::Ok(store->SaveDataset(Generate({Scale::kDemo, 2}).files, {"demo", "test", ""}));
  StoreBackend backend(*store, {}, "tester");
  Diagnostics problems;
  std::shared_ptr<PlanSnapshot> snapshot = backend.Replan(std::nullopt, problems);
  ASSERT_NE(snapshot, nullptr);
  EXPECT_EQ(snapshot->source().dataset_version, dataset);
  const int64_t plan = snapshot->source().plan_version;
  ASSERT_GT(plan, 0);
  // The stored plan is the plan served, file for file; planning again stores nothing new.
  EXPECT_EQ(test::Ok(store->LoadPlanFiles(plan)),
            WritePlanFiles(snapshot->model(), snapshot->plan(), snapshot->report()).files);
  EXPECT_EQ(backend.Replan(std::nullopt, problems)->source().plan_version, plan);
  EXPECT_EQ(test::Ok(store->Versions(kPlanKind)).size(), 1u);
  Diagnostics unknown;
  EXPECT_EQ(backend.Replan(dataset + 100, unknown), nullptr);
  EXPECT_TRUE(unknown.Has("unknown-version"));

  const Json edits = {{"receipts", Json::array({{{"action", "delay"}, {"item", "GPU-B200-SC"}, {"days", 14}}})}};
  {
    ServeOptions options;
    options.port = 0;
    ApiServer api(backend, options);
    const Status bound = api.Bind(snapshot, test::Ok(backend.StoredScenarios(*snapshot)));
    ASSERT_TRUE(bound.ok()) << bound.message();
    std::thread runner([&] { api.Run(); });
    httplib::Client c("127.0.0.1", api.port());
    const Json created = Post(c, "/api/scenarios", {{"name", "slip"}, {"edits", edits}}, 201);
    EXPECT_GT(created["version"].get<int64_t>(), plan);
    // Another writer keeps a scenario of a name the server has not seen: the server refuses to shadow it.
    EXPECT_TRUE(store
                    ->SaveScenario(dataset, "[[receipts]]\naction = \"delay\"\nitem = \"GPU-B200-SC\"\ndays = 7\n",
                                   {"taken", "other", ""})
                    .ok());
    ExpectError(Post(c, "/api/scenarios", {{"name", "taken"}, {"edits", edits}}, 409), "conflict");
    EXPECT_EQ(Get(c, "/api/scenarios").size(), 1u);
    const Json versions = Get(c, "/api/versions");
    EXPECT_EQ(versions.size(), 4u);  // dataset, plan, two scenarios; newest first
    EXPECT_EQ(versions[0]["name"], "taken");
    api.Stop();
    runner.join();
  }
  // A restarted server finds both scenarios in the store.
  const std::vector<ScenarioEntry> restored = test::Ok(backend.StoredScenarios(*snapshot));
  ASSERT_EQ(restored.size(), 2u);
  EXPECT_EQ(restored[0].name, "slip");
  EXPECT_EQ(restored[1].name, "taken");
  EXPECT_EQ(restored[1].edits.size(), 1u);
  store.reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace takt::server
