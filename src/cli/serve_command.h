#pragma once
// takt serve: the JSON API and the dashboard over a dataset folder or a store.

#include <string>

#include "cli/dataset_source.h"
#include "plan/plan.h"

namespace CLI {
class App;
}

namespace takt::cli {

struct ServeCommandOptions {
  DatasetSource source;  ///< a dataset folder, or a store (takt import) and a dataset version
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string web;  ///< the dashboard's folder
  std::string token_file;
  int threads = 64;
  PlanOptions planning;  ///< --policy, --licence-policy of every plan served
};

CLI::App* AddServeCommand(CLI::App& app, ServeCommandOptions& options);
int RunServe(const ServeCommandOptions& options);

}  // namespace takt::cli
