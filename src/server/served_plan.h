#pragma once
// The plan being served: one snapshot with its most read answers pre-rendered and its orders pages,
// held by a slot whose pointer a re-plan swaps whole (docs/design/serve.md).

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/plan_snapshot.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace takt::server {

/// A snapshot and what is rendered of it once. Never changes but for the page cache.
struct ServedPlan {
  std::shared_ptr<PlanSnapshot> snapshot;
  std::string summary, meta, constraints, resources;  ///< pre-rendered: the most read answers
  /// Orders pages already answered for this snapshot, by their query: a plan never changes, so a
  /// page stays right until the next re-plan swaps the whole ServedPlan out. Bounded; emptied when full.
  mutable std::mutex pages_mutex;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::string>> pages;
  static constexpr size_t kMaxPages = 512;
};

/// Holds the ServedPlan that requests read. A request takes the pointer once and keeps that plan
/// alive for its whole answer; Swap puts the next one in place for the requests after it.
class PlanSlot {
 public:
  /// The plan being served; null before the first Swap.
  std::shared_ptr<const ServedPlan> served() const;
  /// Renders the pre-rendered answers of `snapshot` and serves it from now on.
  void Swap(std::shared_ptr<PlanSnapshot> snapshot);

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const ServedPlan> served_;
};

/// A handler answering one of the pre-rendered texts (`&ServedPlan::summary`, ...) of the plan served.
std::function<void(const httplib::Request&, httplib::Response&)> PreRendered(const PlanSlot& slot,
                                                                             std::string ServedPlan::*field);

}  // namespace takt::server
