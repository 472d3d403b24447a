// Routing: a work order's operations are its routing's steps at its site, one each, in step
// order, each exactly duration_days long, starting after the previous step ends; the work order
// spans its first to its last operation; every operation is for the work order's quantity.

#include <fmt/format.h>

#include <algorithm>

#include "check/checks.h"

namespace takt::check {

namespace {

std::string Horizon(const Model& m) {
  return fmt::format("{}..{}", FormatDate(m.plan_start()), FormatDate(m.horizon_end()));
}

std::string StepList(std::span<const RoutingStep> steps) {
  std::string out;
  for (const RoutingStep& s : steps) out += fmt::format("{}{}", out.empty() ? "" : ", ", s.step);
  return out;
}

/// Operations grouped by work order (CSR over work order indexes), in file order within one.
struct OpsByWorkOrder {
  std::vector<uint32_t> first;
  std::vector<uint32_t> ops;

  explicit OpsByWorkOrder(const PlanData& plan) : first(plan.work_orders.size() + 1, 0), ops(plan.operations.size()) {
    for (const OperationRow& op : plan.operations) ++first[static_cast<size_t>(op.work_order) + 1];
    for (size_t w = 0; w + 1 < first.size(); ++w) first[w + 1] += first[w];
    std::vector<uint32_t> fill(first.begin(), first.end() - 1);
    for (size_t i = 0; i < plan.operations.size(); ++i) {
      ops[fill[static_cast<size_t>(plan.operations[i].work_order)]++] = static_cast<uint32_t>(i);
    }
  }
};

class RoutingChecker {
 public:
  explicit RoutingChecker(const CheckContext& ctx) : ctx_(ctx), m_(ctx.model()), plan_(ctx.plan) {}

  void Run() {
    const OpsByWorkOrder groups(plan_);
    for (size_t w = 0; w < plan_.work_orders.size(); ++w) {
      const WorkOrderRow& wo = plan_.work_orders[w];
      if (!wo.ok) continue;
      ops_.clear();
      for (uint32_t i = groups.first[w]; i < groups.first[w + 1]; ++i) ops_.push_back(&plan_.operations[groups.ops[i]]);
      std::stable_sort(ops_.begin(), ops_.end(),
                       [](const OperationRow* a, const OperationRow* b) { return a->step < b->step; });
      CheckWorkOrder(wo, [&] { return plan_.work_order_codes[w]; });
    }
  }

 private:
  template <typename Code>
  void CheckWorkOrder(const WorkOrderRow& wo, const Code& code) {
    const Routing* routing = ctx_.index.RoutingAt(wo.item, wo.site);
    if (routing == nullptr) {
      std::string sites;
      for (const Routing& r : m_.routings_of(wo.item)) {
        sites += fmt::format("{}{}", sites.empty() ? "" : ", ", ctx_.index.site_code(r.site));
      }
      ctx_.out.Error(
          "no-routing", kWorkOrdersFile, wo.src_line, "site",
          [&] {
            return fmt::format("work order {} builds {} at site {}, which has no routing for it", code(),
                               ctx_.index.item_code(wo.item), ctx_.index.site_code(wo.site));
          },
          [&] {
            return sites.empty() ? fmt::format("{} has no routing at any site", ctx_.index.item_code(wo.item))
                                 : fmt::format("{} is built at: {}", ctx_.index.item_code(wo.item), sites);
          });
      return;
    }
    const auto steps = m_.steps(*routing);
    auto routing_name = [&] {
      return fmt::format("the routing of {} at site {}", ctx_.index.item_code(wo.item), ctx_.index.site_code(wo.site));
    };
    op_of_step_.assign(steps.size(), nullptr);

    for (const OperationRow* op : ops_) {
      auto it = std::lower_bound(steps.begin(), steps.end(), op->step,
                                 [](const RoutingStep& s, int64_t step) { return s.step < step; });
      if (it == steps.end() || it->step != op->step) {
        ctx_.out.Error(
            "unknown-step", kOperationsFile, op->src_line, "step",
            [&] {
              return fmt::format("work order {} has an operation for step {}, which is not a step of {}", code(),
                                 op->step, routing_name());
            },
            [&] { return fmt::format("its steps are {}", StepList(steps)); });
        continue;
      }
      const RoutingStep& step = *it;
      const OperationRow*& slot = op_of_step_[static_cast<size_t>(it - steps.begin())];
      if (slot != nullptr) {
        ctx_.out.Error("duplicate-key", kOperationsFile, op->src_line, "step", [&] {
          return fmt::format("work order {} has two operations for step {} (the other on line {})", code(), op->step,
                             slot->src_line);
        });
        continue;
      }
      slot = op;
      CheckOperation(wo, code, *op, step, routing_name);
    }

    if (plan_.operations_file.complete) {
      for (size_t k = 0; k < steps.size(); ++k) {
        if (op_of_step_[k] != nullptr) continue;
        ctx_.out.Error("missing-step", kWorkOrdersFile, wo.src_line, "work_order", [&] {
          return fmt::format("work order {} has no operation for step {} ({}) of {}", code(), steps[k].step,
                             ctx_.index.resource_code(steps[k].resource), routing_name());
        });
      }
    }

    const OperationRow* previous = nullptr;
    for (const OperationRow* op : op_of_step_) {
      if (op == nullptr) continue;
      if (previous != nullptr) {
        if (op->start < previous->start) {
          ctx_.out.Error("step-order", kOperationsFile, op->src_line, "start", [&] {
            return fmt::format("step {} of work order {} starts {}, before step {} starts ({})", op->step, code(),
                               FormatDate(op->start), previous->step, FormatDate(previous->start));
          });
        } else if (op->start <= previous->end) {
          ctx_.out.Error("step-overlap", kOperationsFile, op->src_line, "start", [&] {
            return fmt::format("step {} of work order {} starts {}, while step {} still runs (until {})", op->step,
                               code(), FormatDate(op->start), previous->step, FormatDate(previous->end));
          });
        }
      }
      previous = op;
    }

    const OperationRow* first = op_of_step_.front();
    const OperationRow* last = op_of_step_.back();
    if (first != nullptr && first->start != wo.start) {
      ctx_.out.Error("work-order-dates", kWorkOrdersFile, wo.src_line, "start", [&] {
        return fmt::format("work order {} starts {} but its first operation (step {}) starts {}", code(),
                           FormatDate(wo.start), first->step, FormatDate(first->start));
      });
    }
    if (last != nullptr && last->end != wo.end) {
      ctx_.out.Error("work-order-dates", kWorkOrdersFile, wo.src_line, "end", [&] {
        return fmt::format("work order {} ends {} but its last operation (step {}) ends {}", code(), FormatDate(wo.end),
                           last->step, FormatDate(last->end));
      });
    }
    if (ops_.empty() && (!ctx_.index.InHorizon(wo.start) || !ctx_.index.InHorizon(wo.end))) {
      ctx_.out.Error("outside-horizon", kWorkOrdersFile, wo.src_line, "start", [&] {
        return fmt::format("work order {} runs {}..{}, outside the horizon {}", code(), FormatDate(wo.start),
                           FormatDate(wo.end), Horizon(m_));
      });
    }
  }

  template <typename Code, typename RoutingName>
  void CheckOperation(const WorkOrderRow& wo, const Code& code, const OperationRow& op, const RoutingStep& step,
                      const RoutingName& routing_name) {
    if (op.resource != step.resource) {
      ctx_.out.Error("wrong-resource", kOperationsFile, op.src_line, "resource", [&] {
        return fmt::format("step {} of work order {} runs on {}; {} uses {}", op.step, code(),
                           ctx_.index.resource_code(op.resource), routing_name(),
                           ctx_.index.resource_code(step.resource));
      });
    }
    if (op.end < op.start) {
      ctx_.out.Error("wrong-duration", kOperationsFile, op.src_line, "end", [&] {
        return fmt::format("step {} of work order {} ends {}, before it starts {}; {} takes {} day{}", op.step, code(),
                           FormatDate(op.end), FormatDate(op.start), routing_name(), step.duration_days,
                           step.duration_days == 1 ? "" : "s");
      });
    } else if (op.end - op.start + 1 != step.duration_days) {
      const int days = op.end - op.start + 1;
      ctx_.out.Error("wrong-duration", kOperationsFile, op.src_line, "end", [&] {
        return fmt::format("step {} of work order {} runs {}..{}, {} day{}; {} takes {} day{}", op.step, code(),
                           FormatDate(op.start), FormatDate(op.end), days, days == 1 ? "" : "s", routing_name(),
                           step.duration_days, step.duration_days == 1 ? "" : "s");
      });
    }
    if (op.qty != wo.qty) {
      ctx_.out.Error("operation-qty", kOperationsFile, op.src_line, "qty", [&] {
        return fmt::format("step {} of work order {} is for {} units; the work order is for {}", op.step, code(),
                           op.qty, wo.qty);
      });
    }
    if (!ctx_.index.InHorizon(op.start) || !ctx_.index.InHorizon(op.end)) {
      ctx_.out.Error("outside-horizon", kOperationsFile, op.src_line, "start", [&] {
        return fmt::format("step {} of work order {} runs {}..{}, outside the horizon {}", op.step, code(),
                           FormatDate(op.start), FormatDate(op.end), Horizon(m_));
      });
    }
  }

  const CheckContext& ctx_;
  const Model& m_;
  const PlanData& plan_;
  std::vector<const OperationRow*> ops_;
  std::vector<const OperationRow*> op_of_step_;
};

}  // namespace

void CheckRouting(const CheckContext& ctx) { RoutingChecker(ctx).Run(); }

}  // namespace takt::check
