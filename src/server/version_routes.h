#pragma once
// Routes of data versions: /api/versions (the backend's list) and /api/replan, which plans new
// data beside the served plan and swaps it in; one re-plan at a time.

#include <mutex>

#include "server/backend.h"
#include "server/router.h"
#include "server/served_plan.h"

namespace takt::server {

class VersionRoutes : public RouteGroup {
 public:
  VersionRoutes(PlanSlot& plan, Backend& backend) : plan_(plan), backend_(backend) {}
  void Install(Router& router) override;

 private:
  void Versions(const httplib::Request&, httplib::Response&);
  void Replan(const httplib::Request&, httplib::Response&);

  PlanSlot& plan_;
  Backend& backend_;
  std::mutex replan_mutex_;
};

}  // namespace takt::server
