#pragma once
// The checks, one family per file, each reading the plan rows and reporting violations. They
// share the dataset lookups and a few facts derived once from the shipments.

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "check/model_index.h"
#include "check/plan_files.h"
#include "common/diagnostics.h"

namespace takt::check {

enum class LicencePolicy : uint8_t { kConservative, kExpected };

/// Reports violations, building a message only while its code is still shown: a broken plan of a
/// million lines can break a rule a million times, and Diagnostics keeps ten of each code. Messages
/// and hints are strings or functions returning one.
class Reporter {
 public:
  explicit Reporter(Diagnostics& out) : out_(out) {}

  template <typename Message, typename Hint = std::string>
  void Error(std::string_view code, std::string_view file, int line, std::string_view column, Message&& message,
             Hint&& hint = {}) {
    if (Capped(code)) {
      out_.Error(code, file, line, column, {});
      return;
    }
    const size_t kept = out_.kept().size();
    out_.Error(code, file, line, column, Text(std::forward<Message>(message)), Text(std::forward<Hint>(hint)));
    // Diagnostics stops keeping a code once it has enough; from then on only the count matters.
    if (out_.kept().size() == kept) capped_.push_back(code);
  }
  void Warning(std::string_view code, std::string_view file, std::string message) {
    out_.Warning(code, file, 0, "", std::move(message));
  }

 private:
  template <typename T>
  static std::string Text(T&& text) {
    if constexpr (std::is_invocable_v<T>) {
      return text();
    } else {
      return std::string(std::forward<T>(text));
    }
  }
  bool Capped(std::string_view code) const {
    for (std::string_view c : capped_) {
      if (c == code) return true;
    }
    return false;
  }

  Diagnostics& out_;
  std::vector<std::string_view> capped_;  ///< codes are string literals
};

/// What the shipments of one order line add up to.
struct LineFacts {
  int64_t shipped = 0;
  int32_t shipments = 0;
  Day last_date = kNoDay;  ///< kNoDay: nothing ships
};

struct CheckContext {
  const ModelIndex& index;
  const PlanData& plan;
  Reporter& out;
  LicencePolicy policy = LicencePolicy::kConservative;
  std::vector<LineFacts> lines;  ///< by LineId, from the shipments that parsed

  const Model& model() const { return index.model(); }
};

/// Sums the shipments per order line into `ctx.lines`.
void CollectLineFacts(CheckContext& ctx);
/// The licence policy summary.json names ("licence_policy"); conservative when absent or unknown.
LicencePolicy ReadLicencePolicy(const PlanData& plan);

/// Work orders and operations against the routings: steps, resources, durations, order, dates, qty.
void CheckRouting(const CheckContext& ctx);
/// Daily load of every resource against its capacity.
void CheckCapacity(const CheckContext& ctx);
/// Daily balance of every item at every site never below zero.
void CheckMaterial(const CheckContext& ctx);
/// Purchases only of buyable items, not before their lead time.
void CheckPurchases(const CheckContext& ctx);
/// Shipments against their order lines: site, dates, quantities, partial, revenue and cost.
void CheckShipments(const CheckContext& ctx);
/// Export rules and licences for every shipment.
void CheckExport(const CheckContext& ctx);
/// order_status.csv against the shipments.
void CheckOrderStatus(const CheckContext& ctx);
/// pegging.csv against the consumption it explains and the supply it names.
void CheckPegging(const CheckContext& ctx);
/// summary.json against totals re-derived from the dataset and the shipments.
void CheckSummary(const CheckContext& ctx);

}  // namespace takt::check
