#pragma once
// takt serve: the JSON API and the dashboard over a dataset folder or a store.

#include <string>

namespace CLI {
class App;
}

namespace takt::cli {

struct ServeCommandOptions {
  std::string dir;      ///< a dataset folder, or
  std::string db;       ///< a store (takt import)
  std::string version;  ///< dataset version in the store (default: the newest)
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string web;  ///< the dashboard's folder
  std::string token_file;
  int threads = 64;
  std::string policy = "priority";
  std::string licence_policy = "conservative";
};

CLI::App* AddServeCommand(CLI::App& app, ServeCommandOptions& options);
int RunServe(const ServeCommandOptions& options);

}  // namespace takt::cli
