#pragma once
// Routes of resources and material over time: /api/resources (pre-rendered), a resource's daily
// load, the utilisation heatmap, the backlog burn-down (with a scenario's curve) and an item's
// projected availability.

#include <memory>

#include "server/router.h"
#include "server/scenario_registry.h"
#include "server/served_plan.h"

namespace takt::server {

class ResourceRoutes : public RouteGroup {
 public:
  ResourceRoutes(const PlanSlot& plan, const ScenarioRegistry& scenarios) : plan_(plan), scenarios_(scenarios) {}
  void Install(Router& router) override;

 private:
  std::shared_ptr<const ServedPlan> served() const { return plan_.served(); }
  void ResourceLoad(const httplib::Request&, httplib::Response&);
  void Heatmap(const httplib::Request&, httplib::Response&);
  void Burndown(const httplib::Request&, httplib::Response&);
  void Availability(const httplib::Request&, httplib::Response&);

  const PlanSlot& plan_;
  const ScenarioRegistry& scenarios_;  ///< for a scenario's burn-down
};

}  // namespace takt::server
