#pragma once
// The small values the planner's schedulers pass between them (internal to src/plan).

#include <cstdint>
#include <algorithm>
#include <limits>
#include <vector>

#include "model/ids.h"

/// For the few small state changes on the planner's hottest paths: split into files, the engine
/// no longer got them inlined by the compiler's own choice (+3% instructions on a large plan).
#define TAKT_ENGINE_INLINE [[gnu::always_inline]] inline

namespace takt::engine {

/// A day no schedule reaches: "not within the horizon".
inline constexpr int32_t kNever = std::numeric_limits<int32_t>::max() / 4;
/// Another site is planned only when its lower bound beats the best day found by this many days.
inline constexpr int32_t kSiteMargin = 7;

/// The days one routing step occupies its resource, inclusive.
struct StepWindow {
  int32_t start = 0;
  int32_t end = 0;
};

/// What a provisional consumption becomes on its consumer's day (see Take).
enum class TakeKind : uint8_t {
  kConsumed,  ///< consumed in the ledger on its provisional day, moved to the consumer's day later
  kDeferred,  ///< not yet consumed in the ledger: consumed on the consumer's day
  kBought,    ///< not in the ledger at all: bought to arrive on the consumer's day
};

/// A consumption made on a provisional day, to be moved to the day its consumer starts.
struct Take {
  int32_t stock_point;
  ItemId item;
  SiteId site;
  int32_t day;
  int64_t qty;
  TakeKind kind;
};

/// A list reused from call to call whose push_back is inlined: takes and undo records are appended
/// on the planner's hottest paths, where std::vector's out-of-line growth path cost 2-3% of a plan.
template <typename T>
class ScratchList {
 public:
  void clear() { size_ = 0; }
  void push_back(const T& value) {
    if (size_ == items_.size()) items_.resize(std::max<size_t>(8, 2 * items_.size()));
    items_[size_++] = value;
  }
  size_t size() const { return size_; }
  const T& back() const { return items_[size_ - 1]; }
  void pop_back() { --size_; }
  const T& operator[](size_t i) const { return items_[i]; }
  const T* begin() const { return items_.data(); }
  const T* end() const { return items_.data() + size_; }

 private:
  std::vector<T> items_;
  size_t size_ = 0;
};
using TakeList = ScratchList<Take>;

/// Who consumes what a list of takes holds: a shipment of the line's item (pegged, and bought
/// quantities are listed as consumptions), or a work order's components.
enum class Consumer : uint8_t { kWorkOrder, kShipment };

/// Whether a component supplied forward is consumed at once or reserved until its consumer starts.
enum class Reserve : uint8_t { kConsumeNow, kDefer };

/// Whether a purchase is bought for one consumption on its arrival day (needs no pegging) or into
/// stock.
enum class PurchaseUse : uint8_t { kIntoStock, kDirect };

/// A quantity that becomes available on a day (a partial line ships each as it comes).
struct Portion {
  int32_t day;
  int64_t qty;
};

}  // namespace takt::engine
