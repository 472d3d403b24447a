// api/openapi.yaml against what `takt serve` serves: the spec's (method, path) pairs are exactly
// ApiServer::routes(); every documented route answers a valid request (never 404 no_route nor 405);
// the methods a path does not document answer 405 with the documented ones in Allow; and answers
// carry every property the spec's schemas list as required.
//
// There is no YAML library: the spec keeps a regular layout and the reader here insists on it.
// Paths at two spaces under `paths:` (`  /api/...:`), methods at four (`    get:`), schemas at four
// under `components:` / `  schemas:`, and `required: [a, b]` on one line.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/date.h"
#include "generate/generator.h"
#include "server/api_server.h"
#include "server/folder_backend.h"

namespace takt::server {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

const fs::path kSpec = fs::path(TAKT_SOURCE_DIR) / "api" / "openapi.yaml";

/// A line of the spec that holds something: its number, indent and text (without indent or trailing blanks).
struct SpecLine {
  int number;
  int indent;
  std::string text;
};

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

std::string Trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t start = s.find_first_not_of(' ');
  return start == std::string::npos ? std::string() : s.substr(start);
}

/// The spec's lines, blank lines and comments left out; `error` says what is not as expected.
std::vector<SpecLine> ReadSpec(std::string& error) {
  std::ifstream in(kSpec);
  if (!in) {
    error = fmt::format("cannot read {}", kSpec.string());
    return {};
  }
  std::vector<SpecLine> lines;
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.find('\t') != std::string::npos) {
      error = fmt::format("{}:{}: a tab; the spec is indented with spaces only", kSpec.string(), number);
      return {};
    }
    const size_t indent = raw.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    std::string text = Trim(raw.substr(indent));
    if (text[0] == '#') continue;
    lines.push_back({number, static_cast<int>(indent), std::move(text)});
  }
  if (lines.empty() || lines[0].indent != 0 || lines[0].text != "openapi: 3.0.3") {
    error = fmt::format("{}: the first line must be 'openapi: 3.0.3'", kSpec.string());
  }
  return lines;
}

std::string Where(const SpecLine& l) { return fmt::format("{}:{}", kSpec.filename().string(), l.number); }

/// A documented operation: the route and the lines of its block (after `    get:`).
struct Operation {
  RouteSpec route;
  std::vector<SpecLine> block;
};

/// Every operation under `paths:`, by the layout: paths at two spaces, methods at four.
std::vector<Operation> Operations(const std::vector<SpecLine>& lines, std::string& error) {
  static const std::set<std::string> kMethods = {"get", "post", "delete", "put", "patch", "head", "options", "trace"};
  static const std::set<std::string> kPathKeys = {"summary", "description", "parameters"};
  std::vector<Operation> ops;
  size_t i = 0;
  while (i < lines.size() && !(lines[i].indent == 0 && lines[i].text == "paths:")) ++i;
  if (i == lines.size()) {
    error = "the spec has no top-level 'paths:'";
    return {};
  }
  std::string path;
  std::set<std::string> seen_paths;
  for (++i; i < lines.size() && lines[i].indent > 0; ++i) {
    const SpecLine& l = lines[i];
    if (l.indent == 2) {
      if (!StartsWith(l.text, "/") || l.text.back() != ':' || l.text.find(' ') != std::string::npos) {
        error = fmt::format("{}: under paths, a line at two spaces must be '/path:', not '{}'", Where(l), l.text);
        return {};
      }
      path = l.text.substr(0, l.text.size() - 1);
      if (!seen_paths.insert(path).second) {
        error = fmt::format("{}: path {} is listed twice", Where(l), path);
        return {};
      }
    } else if (l.indent == 4) {
      if (path.empty() || l.text.back() != ':') {
        error = fmt::format("{}: expected a method ('get:') under a path, not '{}'", Where(l), l.text);
        return {};
      }
      const std::string key = l.text.substr(0, l.text.size() - 1);
      if (kMethods.count(key) != 0) {
        std::string method = key;
        std::transform(method.begin(), method.end(), method.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
        for (const Operation& op : ops) {
          if (op.route.method == method && op.route.path == path) {
            error = fmt::format("{}: {} {} is documented twice", Where(l), method, path);
            return {};
          }
        }
        ops.push_back({{method, path}, {}});
      } else if (kPathKeys.count(key) == 0) {
        error = fmt::format("{}: '{}' at four spaces under {} is not a method", Where(l), key, path);
        return {};
      }
    } else if (l.indent < 4) {
      error = fmt::format("{}: indent of {} under paths; paths are at two spaces, methods at four", Where(l), l.indent);
      return {};
    } else if (!ops.empty() && ops.back().route.path == path) {
      ops.back().block.push_back(l);
    }
  }
  if (ops.empty()) error = "no operation under 'paths:'";
  return ops;
}

/// The lines of components/schemas/NAME, after its `    NAME:` line.
std::vector<SpecLine> SchemaBlock(const std::vector<SpecLine>& lines, const std::string& name, std::string& error) {
  size_t i = 0;
  while (i < lines.size() && !(lines[i].indent == 0 && lines[i].text == "components:")) ++i;
  for (++i; i < lines.size() && lines[i].indent > 0; ++i) {
    if (lines[i].indent == 2 && lines[i].text == "schemas:") break;
  }
  if (i >= lines.size() || lines[i].indent == 0) {
    error = "the spec has no 'components:' / '  schemas:'";
    return {};
  }
  for (++i; i < lines.size() && lines[i].indent > 2; ++i) {
    if (lines[i].indent == 4 && lines[i].text == name + ":") {
      std::vector<SpecLine> block;
      for (++i; i < lines.size() && lines[i].indent > 4; ++i) block.push_back(lines[i]);
      return block;
    }
  }
  error = fmt::format("components/schemas has no schema {}", name);
  return {};
}

/// The names of `required: [a, b]`.
bool ParseRequired(const SpecLine& l, std::vector<std::string>& out, std::string& error) {
  const std::string list = Trim(l.text.substr(std::string_view("required:").size()));
  if (list.size() < 2 || list.front() != '[' || list.back() != ']') {
    error = fmt::format("{}: write required lists on one line as 'required: [a, b]'", Where(l));
    return false;
  }
  const std::string inner = list.substr(1, list.size() - 2);
  for (size_t start = 0; start <= inner.size();) {
    size_t end = inner.find(',', start);
    if (end == std::string::npos) end = inner.size();
    const std::string name = Trim(inner.substr(start, end - start));
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
    if (!plain) {
      error = fmt::format("{}: '{}' in a required list is not a plain property name", Where(l), name);
      return false;
    }
    out.push_back(name);
    start = end + 1;
  }
  return true;
}

/// The schema name of "$ref: '#/components/schemas/NAME'" (the text after "$ref:").
std::string SchemaRef(const SpecLine& l, std::string_view text, std::string& error) {
  std::string ref = Trim(std::string(text));
  if (ref.size() >= 2 && (ref.front() == '\'' || ref.front() == '"') && ref.back() == ref.front()) {
    ref = ref.substr(1, ref.size() - 2);
  }
  const std::string prefix = "#/components/schemas/";
  if (!StartsWith(ref, prefix)) {
    error = fmt::format("{}: '{}' is not a reference to components/schemas", Where(l), ref);
    return "";
  }
  return ref.substr(prefix.size());
}

/// The properties schema NAME requires at its top: its own `required:` (six spaces) and, when it is
/// an `allOf`, those of each part (`- $ref:` at eight spaces, or an inline `required:` at ten).
std::vector<std::string> RequiredOf(const std::vector<SpecLine>& lines, const std::string& name, std::string& error,
                                    int depth = 0) {
  if (depth > 8) {
    error = fmt::format("schema {}: allOf nested too deep", name);
    return {};
  }
  const std::vector<SpecLine> block = SchemaBlock(lines, name, error);
  std::vector<std::string> out;
  bool in_all_of = false;
  for (const SpecLine& l : block) {
    if (!error.empty()) return {};
    if (l.indent == 6) in_all_of = l.text == "allOf:";
    const bool own = l.indent == 6 || (in_all_of && l.indent == 10);
    if (own && StartsWith(l.text, "required:")) {
      if (!ParseRequired(l, out, error)) return {};
    } else if (in_all_of && l.indent == 8 && StartsWith(l.text, "- $ref:")) {
      const std::string part = SchemaRef(l, l.text.substr(std::string_view("- $ref:").size()), error);
      if (!error.empty()) return {};
      for (std::string& p : RequiredOf(lines, part, error, depth + 1)) out.push_back(std::move(p));
    }
  }
  return out;
}

/// The schema of an operation's success answer ('200' or '201'), and whether the answer is an array of it.
struct Answer {
  std::string status;
  std::string schema;
  bool array = false;
};

Answer SuccessAnswer(const Operation& op, std::string& error) {
  Answer a;
  int status_indent = -1;
  for (const SpecLine& l : op.block) {
    if (status_indent >= 0 && l.indent <= status_indent) break;
    if (status_indent < 0) {
      if (l.text == "'200':" || l.text == "'201':") {
        a.status = l.text.substr(1, 3);
        status_indent = l.indent;
      }
      continue;
    }
    if (l.text == "type: array") a.array = true;
    if (StartsWith(l.text, "$ref:")) {
      a.schema = SchemaRef(l, l.text.substr(std::string_view("$ref:").size()), error);
      return a;
    }
  }
  error = fmt::format("{} {}: no '200' or '201' answer with a $ref to components/schemas", op.route.method, op.route.path);
  return a;
}

/// A server over a generated demo dataset folder, on a free loopback port, in a thread (as server_test's).
class DemoServer {
 public:
  DemoServer() : dir_(fs::temp_directory_path() / fmt::format("takt-openapi-test-{}", ::getpid())) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    error_ = WriteDataset(Generate({Scale::kDemo, 1}), dir_ / "demo");
    if (!error_.empty()) return;
    backend_ = std::make_unique<FolderBackend>(dir_ / "demo", PlanOptions{});
    Diagnostics problems;
    snapshot_ = backend_->Replan(std::nullopt, problems);
    if (!snapshot_) {
      error_ = "the demo dataset did not plan";
      return;
    }
    ServeOptions options;
    options.port = 0;
    api_ = std::make_unique<ApiServer>(*backend_, options);
    if (const Status bound = api_->Bind(snapshot_, {}); !bound.ok()) {
      error_ = bound.message();
      return;
    }
    thread_ = std::thread([this] { api_->Run(); });
    // Answered once, the server is in its loop: a Stop() before that would be lost and the join hang.
    auto c = client();
    if (!c.Get("/api/meta")) error_ = "the server does not answer";
  }
  ~DemoServer() {
    if (api_) api_->Stop();
    if (thread_.joinable()) thread_.join();
    fs::remove_all(dir_);
  }
  const std::string& error() const { return error_; }
  bool ready() const { return error_.empty() && thread_.joinable(); }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", api_->port());
    c.set_read_timeout(60, 0);
    return c;
  }
  const PlanSnapshot& snapshot() const { return *snapshot_; }
  const ApiServer& api() const { return *api_; }

 private:
  fs::path dir_;
  std::unique_ptr<FolderBackend> backend_;
  std::shared_ptr<PlanSnapshot> snapshot_;
  std::unique_ptr<ApiServer> api_;
  std::string error_;
  std::thread thread_;
};

std::string RouteKey(const RouteSpec& r) { return r.method + " " + r.path; }

std::set<std::string> RouteKeys(const std::vector<RouteSpec>& routes) {
  std::set<std::string> keys;
  for (const RouteSpec& r : routes) keys.insert(RouteKey(r));
  return keys;
}

constexpr const char* kScenario = "openapi-check";

/// A valid request for a route: the URL (path parameters filled with real codes), the body, the status wanted.
struct Call {
  RouteSpec route;
  std::string url;
  std::string body;  ///< sent as JSON; empty for no body
  int expect = 200;
};

/// Requests for every route, in an order that works: the scenario is created before it is run and
/// compared, and deleted last.
std::vector<Call> ValidCalls(const std::vector<RouteSpec>& routes, const PlanSnapshot& s, std::string& error) {
  const Model& m = s.model();
  // A late line with shipments, work orders and pegging, so every part of its detail has rows.
  std::optional<LineId> line;
  for (size_t i = 0; i < m.lines().size() && !line; ++i) {
    const LineId id(static_cast<int32_t>(i));
    if (s.plan().outcomes[i].status == LineStatus::kLate && !s.shipments_of(id).empty() &&
        !s.work_orders_of(id).empty() && !s.pegs_of(id).empty()) {
      line = id;
    }
  }
  if (!line) {
    error = "the demo plan has no late line with shipments, work orders and pegging";
    return {};
  }
  const OrderLine& l = m.line(*line);
  const std::map<std::string, std::string> values = {{"orders", std::string(m.order_code(l.order))},
                                                     {"lines", std::to_string(l.line)},
                                                     {"resources", m.resources()[0].code},
                                                     {"items", m.item(l.item).code},
                                                     {"scenarios", kScenario}};
  const Json quote = {{"item", m.item(l.item).code},
                      {"qty", 1},
                      {"ship_to", std::string(m.country_code(l.ship_to))},
                      {"customer", std::string(m.customer_code(l.customer))},
                      {"request", FormatDate(l.request_date)}};
  const Json scenario = {
      {"name", kScenario},
      {"description", "one more unit a day on the first resource"},
      {"edits",
       {{"capacity", Json::array({{{"resource", m.resources()[0].code}, {"from", FormatDate(m.plan_start())}, {"add_per_day", 1}}})}}}};
  const std::map<std::string, std::string> bodies = {
      {"POST /api/promise", quote.dump()},
      {"POST /api/promise/batch", Json{{"quotes", Json::array({quote, quote})}, {"cumulative", true}}.dump()},
      {"POST /api/scenarios", scenario.dump()},
      {"POST /api/scenarios/{name}/run", ""},
      {"POST /api/replan", ""}};
  const std::map<std::string, std::string> queries = {{"GET /api/orders", "?status=late&sort=value&dir=desc&limit=5"},
                                                      {"POST /api/scenarios/{name}/run", "?limit=5"},
                                                      {"GET /api/scenarios/{name}/comparison", "?limit=5"},
                                                      {"GET /api/heatmap", "?weeks=8"}};
  std::vector<Call> calls;
  for (const RouteSpec& r : routes) {
    Call c{r, "", "", r.method == "POST" && r.path == "/api/scenarios" ? 201 : 200};
    std::string previous;
    for (size_t start = 1; start <= r.path.size();) {
      size_t end = r.path.find('/', start);
      if (end == std::string::npos) end = r.path.size();
      const std::string segment = r.path.substr(start, end - start);
      if (!segment.empty() && segment.front() == '{') {
        auto v = values.find(previous);
        if (v == values.end()) {
          error = fmt::format("no value for {} in {} (after '{}'): teach ValidCalls one", segment, r.path, previous);
          return {};
        }
        c.url += "/" + v->second;
      } else {
        c.url += "/" + segment;
      }
      previous = segment;
      start = end + 1;
    }
    const std::string key = RouteKey(r);
    if (auto q = queries.find(key); q != queries.end()) c.url += q->second;
    if (r.method == "POST") {
      auto b = bodies.find(key);
      if (b == bodies.end()) {
        error = fmt::format("no request body known for {}: teach ValidCalls one", key);
        return {};
      }
      c.body = b->second;
    }
    calls.push_back(std::move(c));
  }
  auto rank = [](const Call& c) {
    if (c.route.method == "POST" && c.route.path == "/api/scenarios") return 0;
    if (c.route.method == "POST" && c.route.path.find("{name}") != std::string::npos) return 1;
    if (c.route.method == "DELETE") return 4;
    if (c.route.path == "/api/replan") return 3;
    return 2;
  };
  std::stable_sort(calls.begin(), calls.end(), [&](const Call& a, const Call& b) { return rank(a) < rank(b); });
  return calls;
}

struct Reply {
  int status = 0;
  std::string body;
  std::string allow;
};

Reply Send(httplib::Client& c, const std::string& method, const std::string& url, const std::string& body = "") {
  auto result = [&]() -> httplib::Result {
    if (method == "GET") return c.Get(url);
    if (method == "POST") return c.Post(url, body, "application/json");
    if (method == "DELETE") return c.Delete(url);
    if (method == "PUT") return c.Put(url, body, "application/json");
    return c.Patch(url, body, "application/json");
  };
  const httplib::Result res = result();
  if (!res) return {};
  return {res->status, res->body, res->get_header_value("Allow")};
}

/// The answers of every documented route to a valid request, by route key.
std::map<std::string, Reply> CallEveryRoute(DemoServer& server, const std::vector<RouteSpec>& routes, std::string& error) {
  const std::vector<Call> calls = ValidCalls(routes, server.snapshot(), error);
  std::map<std::string, Reply> replies;
  auto c = server.client();
  for (const Call& call : calls) {
    Reply r = Send(c, call.route.method, call.url, call.body);
    if (r.status == 0) {
      error = fmt::format("no answer to {} {}", call.route.method, call.url);
      return {};
    }
    replies[RouteKey(call.route)] = std::move(r);
  }
  return replies;
}

void ExpectRequired(const std::vector<SpecLine>& spec, const Json& node, const std::string& schema,
                    const std::string& where) {
  std::string error;
  const std::vector<std::string> required = RequiredOf(spec, schema, error);
  ASSERT_EQ(error, "");
  ASSERT_FALSE(required.empty()) << "schema " << schema << " lists no required property";
  ASSERT_TRUE(node.is_object()) << where << " is not an object: " << node.dump().substr(0, 300);
  for (const std::string& name : required) {
    EXPECT_TRUE(node.contains(name)) << where << " has no '" << name << "', required by schema " << schema;
  }
}

/// The spec's lines, its operations and their routes; `error` says what in the layout is wrong.
struct Spec {
  std::vector<SpecLine> lines;
  std::vector<Operation> operations;
  std::vector<RouteSpec> routes;
};

Spec ReadOperations(std::string& error) {
  Spec spec;
  spec.lines = ReadSpec(error);
  if (!error.empty()) return spec;
  spec.operations = Operations(spec.lines, error);
  for (const Operation& op : spec.operations) spec.routes.push_back(op.route);
  return spec;
}

TEST(OpenApi, TheSpecDocumentsExactlyTheRoutesServed) {
  std::string error;
  const Spec parsed = ReadOperations(error);
  ASSERT_EQ(error, "");
  const std::vector<SpecLine>& spec = parsed.lines;
  const std::vector<RouteSpec>& documented = parsed.routes;
  DemoServer server;
  ASSERT_TRUE(server.ready()) << server.error();
  const std::set<std::string> served = RouteKeys(server.api().routes());
  const std::set<std::string> in_spec = RouteKeys(documented);
  for (const std::string& r : served) EXPECT_EQ(in_spec.count(r), 1u) << r << " is served but not in api/openapi.yaml";
  for (const std::string& r : in_spec) EXPECT_EQ(served.count(r), 1u) << r << " is in api/openapi.yaml but not served";
  EXPECT_EQ(server.api().routes().size(), served.size()) << "a route is registered twice";

  // The component schemas the API's answers and requests are named by.
  for (const char* name :
       {"Summary", "Kpis", "Quarter", "Constraint", "Meta", "OrderLine", "OrderPage", "LineDetail", "BomNode", "Shipment",
        "WorkOrder", "Peg", "Resource", "ResourceLoad", "Heatmap", "Burndown", "Availability", "QuoteRequest",
        "QuoteAnswer", "BatchRequest", "BatchAnswer", "Scenario", "ScenarioCreate", "Comparison", "LineChange", "Version",
        "ReplanRequest", "ReplanAnswer", "Error"}) {
    std::string schema_error;
    SchemaBlock(spec, name, schema_error);
    EXPECT_EQ(schema_error, "");
  }
}

TEST(OpenApi, EveryDocumentedRouteAnswersAValidRequest) {
  std::string error;
  const Spec parsed = ReadOperations(error);
  ASSERT_EQ(error, "");
  const std::vector<RouteSpec>& documented = parsed.routes;
  DemoServer server;
  ASSERT_TRUE(server.ready()) << server.error();
  const std::vector<Call> calls = ValidCalls(documented, server.snapshot(), error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(calls.size(), documented.size());
  auto c = server.client();
  for (const Call& call : calls) {
    const std::string what = call.route.method + " " + call.url;
    const Reply r = Send(c, call.route.method, call.url, call.body);
    ASSERT_NE(r.status, 0) << "no answer to " << what;
    ASSERT_TRUE(Json::accept(r.body)) << what << " answered no JSON: " << r.body.substr(0, 300);
    const Json j = Json::parse(r.body);
    EXPECT_NE(r.status, 405) << what << ": " << r.body;
    EXPECT_FALSE(r.status == 404 && j.contains("error") && j["error"].value("code", "") == "no_route")
        << what << " is documented but nothing is served there";
    EXPECT_EQ(r.status, call.expect) << what << ": " << r.body.substr(0, 500);
  }
}

TEST(OpenApi, MethodsNotDocumentedForAPathAnswer405WithTheDocumentedOnes) {
  std::string error;
  const Spec parsed = ReadOperations(error);
  ASSERT_EQ(error, "");
  const std::vector<RouteSpec>& documented = parsed.routes;
  DemoServer server;
  ASSERT_TRUE(server.ready()) << server.error();
  const std::vector<Call> calls = ValidCalls(documented, server.snapshot(), error);
  ASSERT_EQ(error, "");
  std::map<std::string, std::set<std::string>> methods_of;  // path -> documented methods
  std::map<std::string, std::string> url_of;                // path -> a URL of it, without the query
  for (const Call& call : calls) {
    methods_of[call.route.path].insert(call.route.method);
    url_of[call.route.path] = call.url.substr(0, call.url.find('?'));
  }
  auto c = server.client();
  for (const auto& [path, methods] : methods_of) {
    for (const char* method : {"GET", "POST", "DELETE", "PUT", "PATCH"}) {
      if (methods.count(method) != 0) continue;
      const Reply r = Send(c, method, url_of[path], "{}");
      EXPECT_EQ(r.status, 405) << method << " " << url_of[path] << ": " << r.body;
      std::set<std::string> allowed;
      for (size_t start = 0; start < r.allow.size();) {
        size_t end = r.allow.find(',', start);
        if (end == std::string::npos) end = r.allow.size();
        allowed.insert(Trim(r.allow.substr(start, end - start)));
        start = end + 1;
      }
      EXPECT_EQ(allowed, methods) << "Allow of " << method << " " << url_of[path];
    }
  }
}

TEST(OpenApi, AnswersHaveThePropertiesTheSpecRequires) {
  std::string error;
  const Spec parsed = ReadOperations(error);
  ASSERT_EQ(error, "");
  const std::vector<SpecLine>& spec = parsed.lines;
  const std::vector<Operation>& ops = parsed.operations;
  const std::vector<RouteSpec>& documented = parsed.routes;
  DemoServer server;
  ASSERT_TRUE(server.ready()) << server.error();
  const std::map<std::string, Reply> replies = CallEveryRoute(server, documented, error);
  ASSERT_EQ(error, "");

  // Each route's answer as a whole, by the schema the spec names for its success status.
  for (const Operation& op : ops) {
    const std::string key = RouteKey(op.route);
    const Answer answer = SuccessAnswer(op, error);
    ASSERT_EQ(error, "");
    const Reply& reply = replies.at(key);
    ASSERT_EQ(std::to_string(reply.status), answer.status) << key << ": " << reply.body.substr(0, 500);
    const Json j = Json::parse(reply.body);
    if (answer.array) {
      ASSERT_TRUE(j.is_array()) << key << " documents an array";
      for (size_t i = 0; i < std::min<size_t>(j.size(), 20); ++i) {
        ExpectRequired(spec, j[i], answer.schema, fmt::format("{} [{}]", key, i));
      }
    } else {
      ExpectRequired(spec, j, answer.schema, key);
    }
  }

  // Parts of answers, by the schemas of their properties.
  struct Part {
    const char* route;
    const char* pointer;
    const char* schema;
  };
  const Part parts[] = {
      {"GET /api/summary", "/kpis", "Kpis"},
      {"GET /api/summary", "/plan", "PlanInfo"},
      {"GET /api/summary", "/quarters/0", "Quarter"},
      {"GET /api/summary", "/top_constraints/0", "Constraint"},
      {"GET /api/summary", "/top_constraints/0/constraint", "BindingConstraint"},
      {"GET /api/orders", "/rows/0", "OrderLine"},
      {"GET /api/orders/{order}/lines/{line}", "/shipments/0", "Shipment"},
      {"GET /api/orders/{order}/lines/{line}", "/work_orders/0", "WorkOrder"},
      {"GET /api/orders/{order}/lines/{line}", "/pegging/0", "Peg"},
      {"GET /api/orders/{order}/lines/{line}", "/why", "LineWhy"},
      {"GET /api/orders/{order}/lines/{line}", "/why/bom", "BomNode"},
      {"GET /api/orders/{order}/lines/{line}", "/why/bom/children/0", "BomNode"},
      {"GET /api/burndown", "/points/0", "BurndownPoint"},
      {"POST /api/promise/batch", "/answers/1", "QuoteAnswer"},
      {"POST /api/scenarios/{name}/run", "/comparison", "Comparison"},
      {"POST /api/scenarios/{name}/run", "/comparison/changes/0", "LineChange"},
      {"POST /api/replan", "/plan", "PlanInfo"},
  };
  for (const Part& p : parts) {
    ASSERT_EQ(replies.count(p.route), 1u) << p.route << " is not documented";
    const Json j = Json::parse(replies.at(p.route).body);
    const Json::json_pointer pointer(p.pointer);
    ASSERT_TRUE(j.contains(pointer)) << p.route << " has nothing at " << p.pointer;
    ExpectRequired(spec, j.at(pointer), p.schema, std::string(p.route) + " " + p.pointer);
  }

  // Errors have the shape of Error.
  auto c = server.client();
  const Reply missing = Send(c, "GET", "/api/orders/NO-SUCH-ORDER/lines/1");
  EXPECT_EQ(missing.status, 404);
  ExpectRequired(spec, Json::parse(missing.body), "Error", "a 404");
  const Reply invalid = Send(c, "POST", "/api/promise", Json{{"item", "NO-SUCH-ITEM"}, {"qty", 1}, {"ship_to", "US"}}.dump());
  EXPECT_EQ(invalid.status, 422);
  ExpectRequired(spec, Json::parse(invalid.body), "Error", "a 422");
  for (const Reply* r : {&missing, &invalid}) {
    const Json e = Json::parse(r->body)["error"];
    EXPECT_TRUE(e.contains("code") && e.contains("message") && e.contains("details")) << r->body;
  }
}

}  // namespace
}  // namespace takt::server
