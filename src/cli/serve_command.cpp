// takt serve: loads and plans the data, then answers the API until SIGINT or SIGTERM.

#include "cli/serve_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "cli/commands.h"
#include "cli/option_records.h"
#include "server/api_server.h"
#include "server/folder_backend.h"
#include "server/store_backend.h"
#include "store/store.h"

#ifndef TAKT_WEB_DIR
#define TAKT_WEB_DIR "web"
#endif

namespace takt::cli {

namespace {

/// The token for requests that change data: from a file (--token-file, which wins) or TAKT_API_TOKEN,
/// never the command line (other users of the machine can read command lines).
bool ReadToken(const ServeCommandOptions& o, std::string& token, std::string& error) {
  if (!o.token_file.empty()) {
    std::ifstream in(o.token_file);
    if (!in) {
      error = fmt::format("cannot read the token file {}", o.token_file);
      return false;
    }
    std::getline(in, token);
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    if (token.size() < 16) {
      error = fmt::format("the token in {} is shorter than 16 characters", o.token_file);
      return false;
    }
    return true;
  }
  if (const char* env = std::getenv("TAKT_API_TOKEN"); env != nullptr && *env != '\0') {
    token = env;
    if (token.size() < 16) {
      error = "the token in TAKT_API_TOKEN is shorter than 16 characters";
      return false;
    }
  }
  return true;
}

std::string DefaultWebDir() {
  // Run from a checkout: ./web; otherwise the source tree the binary was built from.
  if (std::filesystem::exists("web/index.html")) return "web";
  return TAKT_WEB_DIR;
}

}  // namespace

CLI::App* AddServeCommand(CLI::App& app, ServeCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand("serve", "Serve the JSON API and the dashboard (api/openapi.yaml)");
  AddDatasetSource(cmd, o.source);
  cmd->add_option("--bind", o.bind, "Address to listen on (another than loopback needs a token)")
      ->default_val("127.0.0.1");
  cmd->add_option("--port", o.port, "Port (0: any free port, printed)")->default_val(8080)->check(CLI::Range(0, 65535));
  cmd->add_option("--web", o.web, "Dashboard folder (default: web/ of the checkout)");
  cmd->add_option("--token-file", o.token_file,
                  "File holding the token that requests changing data must send (or set TAKT_API_TOKEN)");
  cmd->add_option("--threads", o.threads, "Request threads")->default_val(64)->check(CLI::Range(1, 1024));
  AddPlanOptions(cmd, o.planning);
  return cmd;
}

int RunServe(const ServeCommandOptions& o) {
  const DatasetSource& source = o.source;
  if (source.dir.empty() == source.db.empty()) {
    fmt::print(stderr, "takt serve: give a dataset folder or --db FILE (one of them)\n");
    return kExitFailed;
  }
  const PlanOptions& plan_options = o.planning;

  server::ServeOptions options;
  options.bind = o.bind;
  options.port = o.port;
  options.threads = o.threads;
  options.web_dir = o.web.empty() ? DefaultWebDir() : o.web;
  std::string error;
  if (!ReadToken(o, options.token, error)) {
    fmt::print(stderr, "takt serve: {}\n", error);
    return kExitFailed;
  }

  std::unique_ptr<server::Backend> backend;
  std::unique_ptr<Store> store;
  std::optional<int64_t> version;
  if (!source.db.empty()) {
    Result<std::unique_ptr<Store>> opened = OpenStore(source.db, Store::Mode::kExisting);
    if (!opened.ok()) {
      fmt::print(stderr, "takt serve: {}\n", opened.message());
      return kExitFailed;
    }
    store = std::move(*opened);
    if (!source.version.empty()) {
      const Result<int64_t> resolved = store->Resolve(kDatasetKind, source.version);
      if (resolved.Is(ErrorKind::kNotFound)) {
        fmt::print(stderr, "takt serve: {} has no dataset version '{}' (takt versions --db {} lists them)\n", source.db,
                   source.version, source.db);
        return kExitFailed;
      }
      if (!resolved.ok()) {
        fmt::print(stderr, "takt serve: {}\n", resolved.message());
        return kExitFailed;
      }
      version = *resolved;
    }
    const char* user = std::getenv("USER");
    backend = std::make_unique<server::StoreBackend>(*store, plan_options,
                                                     fmt::format("{} (takt serve)", user != nullptr ? user : "unknown"));
  } else {
    backend = std::make_unique<server::FolderBackend>(source.dir, plan_options);
  }

  Diagnostics problems;
  std::shared_ptr<server::PlanSnapshot> snapshot = backend->Replan(version, problems);
  if (!snapshot) {
    problems.Print(stderr);
    fmt::print(stderr, "takt serve: the data cannot be planned; nothing served\n");
    return kExitBadData;
  }
  std::vector<server::ScenarioEntry> scenarios;
  if (store) {
    Result<std::vector<server::ScenarioEntry>> stored =
        static_cast<server::StoreBackend&>(*backend).StoredScenarios(*snapshot);
    if (!stored.ok()) {
      fmt::print(stderr, "takt serve: {}\n", stored.message());
      return kExitFailed;
    }
    scenarios = std::move(*stored);
  }
  server::ApiServer api(*backend, options);
  // Signals are taken by one thread that stops the server; the others never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  if (const Status bound = api.Bind(snapshot, std::move(scenarios)); !bound.ok()) {
    fmt::print(stderr, "takt serve: {}\n", bound.message());
    return kExitFailed;
  }
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    api.Stop();
  });
  fmt::print("takt serve: {} ({} lines) planned in {:.2f} s; dashboard and API at http://{}:{}/\n",
             store ? fmt::format("{} dataset {} ({})", source.db, snapshot->source().dataset_version,
                                 snapshot->source().dataset_name)
                   : source.dir,
             snapshot->model().lines().size(), snapshot->seconds(), o.bind, api.port());
  fmt::print("takt serve: listening on http://{}:{}\n", o.bind, api.port());
  std::fflush(stdout);
  const bool ok = api.Run();
  // Run returned: stopped by a signal, or failed; either way wake the signal thread and leave.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  fmt::print("takt serve: stopped\n");
  return ok ? kExitOk : kExitFailed;
}

}  // namespace takt::cli
