#pragma once
// The HTTP side of takt serve: cpp-httplib's server set up (threads, limits, timeouts, sockets),
// the token check on requests that change data, the error answers of the HTTP layer itself
// (404 no_route, 405 with Allow, 413, 400, 500), the dashboard's static files, and binding.

#include <cstddef>
#include <string>

#include "common/result.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace takt::server {

class Router;

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  ///< 0: any free port
  std::string web_dir;  ///< the dashboard's folder; empty: no static files
  std::string token;    ///< required (Bearer) on requests that change anything when not empty
  size_t max_body_bytes = 4u << 20;
  int threads = 64;  ///< one per open connection (httplib keeps a thread per keep-alive connection)
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 30;
  size_t max_batch_quotes = 10000;
};

/// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(const std::string& address);

/// kInvalid when the options are unsafe: another address than loopback without a token.
Status SafeToServe(const ServeOptions& options);

/// Sets `http` up as the options say, with the router's routes for 405 answers, and binds it. The
/// port bound (the one asked, or any free one for 0); kNotFound when the dashboard folder does not
/// exist, kFailed when the address cannot be bound. `options` and `router` outlive `http`.
Result<int> BindHttp(httplib::Server& http, const ServeOptions& options, const Router& router);

}  // namespace takt::server
