#include "server/http_transport.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <exception>

#include "server/api_error.h"
#include "server/router.h"

namespace takt::server {

namespace {

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

}  // namespace

bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

Status SafeToServe(const ServeOptions& options) {
  if (!IsLoopback(options.bind) && options.token.empty()) {
    return Status::Error(ErrorKind::kInvalid, fmt::format(
        "refusing to serve on {} without a token: requests that change anything would be open to the network; "
        "set TAKT_API_TOKEN or --token-file, or bind to 127.0.0.1",
        options.bind));
  }
  return Status::Ok();
}

Result<int> BindHttp(httplib::Server& s, const ServeOptions& options, const Router& router) {
  const int threads = std::max(1, options.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_payload_max_length(options.max_body_bytes);
  s.set_read_timeout(options.read_timeout_seconds, 0);
  s.set_write_timeout(options.write_timeout_seconds, 0);
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

  s.set_pre_routing_handler([&options](const httplib::Request& req, httplib::Response& res) {
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
    if (options.token.empty() || !IsMutating(req.method)) return httplib::Server::HandlerResponse::Unhandled;
    const std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (auth.rfind(prefix, 0) == 0 && SameSecret(auth.substr(prefix.size()), options.token)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    SendError(res, ApiError{401, "unauthorized", "this request changes data: send 'Authorization: Bearer <token>'"});
    return httplib::Server::HandlerResponse::Handled;
  });
  s.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    // The chart library never changes within a release of the lock file: let browsers keep it.
    if (req.path.rfind("/vendor/", 0) == 0 && res.status == 200) res.set_header("Cache-Control", "public, max-age=86400");
  });
  s.set_error_handler([&options, &router](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own error
    if (res.status == 404 || res.status == 400) {
      // A path served for other methods only: 405 with the methods it has.
      bool method_served = false;
      const std::string allowed = router.AllowedMethods(req.path, req.method, method_served);
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
                              fmt::format("the request body is over the limit of {} bytes", options.max_body_bytes)});
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
  if (!options.web_dir.empty()) {
    // httplib refuses paths that climb out of a mount ("..", encoded or not).
    if (!s.set_mount_point("/", options.web_dir)) {
      return Status::Error(ErrorKind::kNotFound, fmt::format("the dashboard folder {} does not exist", options.web_dir));
    }
    s.set_mount_point("/vendor/echarts", options.web_dir + "/node_modules/echarts/dist");
    s.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  }
  const int port = options.port == 0 ? s.bind_to_any_port(options.bind)
                                     : (s.bind_to_port(options.bind, options.port) ? options.port : -1);
  if (port <= 0) {
    return Status::Error(ErrorKind::kFailed,
                         fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                                     options.bind, options.port));
  }
  return port;
}

}  // namespace takt::server
