#pragma once
// Routes of what-if scenarios (/api/scenarios...): list, create (TOML or its JSON form), run against
// the served plan, the run's comparison, one scenario, delete. The registry keeps them; the backend
// persists them.

#include <memory>

#include "server/backend.h"
#include "server/router.h"
#include "server/scenario_registry.h"
#include "server/served_plan.h"

namespace takt::server {

class ScenarioRoutes : public RouteGroup {
 public:
  ScenarioRoutes(const PlanSlot& plan, ScenarioRegistry& scenarios, Backend& backend)
      : plan_(plan), scenarios_(scenarios), backend_(backend) {}
  void Install(Router& router) override;

 private:
  std::shared_ptr<const ServedPlan> served() const { return plan_.served(); }
  void ListScenarios(const httplib::Request&, httplib::Response&);
  void CreateScenario(const httplib::Request&, httplib::Response&);
  void RunScenario(const httplib::Request&, httplib::Response&);
  void ScenarioComparison(const httplib::Request&, httplib::Response&);
  void GetScenario(const httplib::Request&, httplib::Response&);
  void DeleteScenario(const httplib::Request&, httplib::Response&);

  const PlanSlot& plan_;
  ScenarioRegistry& scenarios_;
  Backend& backend_;
};

}  // namespace takt::server
