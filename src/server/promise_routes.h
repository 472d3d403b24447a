#pragma once
// Routes of promises: /api/promise (one quote) and /api/promise/batch, answered by the served
// snapshot's PromiseSession (one at a time, behind its mutex).

#include <memory>

#include "server/http_transport.h"
#include "server/router.h"
#include "server/served_plan.h"

namespace takt::server {

class PromiseRoutes : public RouteGroup {
 public:
  PromiseRoutes(const PlanSlot& plan, const ServeOptions& options) : plan_(plan), options_(options) {}
  void Install(Router& router) override;

 private:
  std::shared_ptr<const ServedPlan> served() const { return plan_.served(); }
  void Promise(const httplib::Request&, httplib::Response&);
  void PromiseBatch(const httplib::Request&, httplib::Response&);

  const PlanSlot& plan_;
  const ServeOptions& options_;  ///< for the batch limit
};

}  // namespace takt::server
