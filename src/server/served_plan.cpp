#include "server/served_plan.h"

#include <httplib.h>

#include "server/json_views.h"

namespace takt::server {

std::shared_ptr<const ServedPlan> PlanSlot::served() const {
  std::lock_guard lock(mutex_);
  return served_;
}

void PlanSlot::Swap(std::shared_ptr<PlanSnapshot> snapshot) {
  auto next = std::make_shared<ServedPlan>();
  next->summary = SummaryJson(*snapshot).dump();
  next->meta = MetaJson(*snapshot).dump();
  next->constraints = ConstraintsJson(*snapshot).dump();
  next->resources = ResourcesJson(*snapshot).dump();
  next->snapshot = std::move(snapshot);
  std::lock_guard lock(mutex_);
  served_ = std::move(next);
}

std::function<void(const httplib::Request&, httplib::Response&)> PreRendered(const PlanSlot& slot,
                                                                             std::string ServedPlan::*field) {
  return [&slot, field](const httplib::Request&, httplib::Response& res) {
    res.set_content(slot.served().get()->*field, "application/json");
  };
}

}  // namespace takt::server
