#pragma once
// Routes of the plan and its orders: /api/summary, /api/meta, /api/constraints (pre-rendered),
// the orders table (/api/orders) and one line's detail (/api/orders/{order}/lines/{line}).

#include <memory>

#include "server/router.h"
#include "server/served_plan.h"

namespace takt::server {

class PlanRoutes : public RouteGroup {
 public:
  explicit PlanRoutes(const PlanSlot& plan) : plan_(plan) {}
  void Install(Router& router) override;

 private:
  std::shared_ptr<const ServedPlan> served() const { return plan_.served(); }
  void Orders(const httplib::Request&, httplib::Response&);
  void OrderLineDetail(const httplib::Request&, httplib::Response&);

  const PlanSlot& plan_;
};

}  // namespace takt::server
