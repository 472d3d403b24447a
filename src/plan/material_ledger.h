#pragma once
// Projected stock of every (item, site) over the horizon. A receipt or a work order's output adds
// to the balance from its day on; a consumption removes from its day on. The balance may never go
// below zero on any day, so what can be taken on day t is the minimum balance over days >= t.
//
// Per stock point a segment tree over days holds (sum of deltas, minimum prefix sum), so adding,
// asking what is available on a day, and finding the first day a quantity is available are all
// O(log days): a late line jumps straight to the day its material frees up.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace takt {

class MaterialLedger {
 public:
  MaterialLedger() = default;
  MaterialLedger(int32_t days, int32_t stock_points);

  int32_t days() const { return days_; }

  /// Adds `qty` (negative to consume) to the balance of day `day` and every later day.
  void Add(int32_t stock_point, int32_t day, int64_t qty);

  /// The most that can be consumed on `day` without any later day going negative.
  int64_t Available(int32_t stock_point, int32_t day) const;

  /// The first day >= `from` on which `qty` can be consumed, or -1 if none within the horizon.
  int32_t EarliestAvailable(int32_t stock_point, int64_t qty, int32_t from) const;

  /// The balance at the end of the horizon: when it is 0 nothing can be taken on any day. O(1).
  int64_t Total(int32_t stock_point) const { return Tree(stock_point)[1].sum; }

  /// The projected balance at the end of `day`.
  int64_t Balance(int32_t stock_point, int32_t day) const;

  /// Makes a stock point's whole projection that of `from_point` in `from` (a ledger of as many days).
  void CopyStockPoint(const MaterialLedger& from, int32_t from_point, int32_t stock_point);

 private:
  struct Node {
    int64_t sum = 0;         ///< sum of the deltas of the node's days
    int64_t min_prefix = 0;  ///< minimum over the node's days of the running sum from its first day
  };
  const Node* Tree(int32_t stock_point) const { return &nodes_[static_cast<size_t>(stock_point) * 2 * static_cast<size_t>(leaves_)]; }
  Node* Tree(int32_t stock_point) { return &nodes_[static_cast<size_t>(stock_point) * 2 * static_cast<size_t>(leaves_)]; }

  int32_t days_ = 0;
  int32_t leaves_ = 1;  ///< a power of two >= days_
  std::vector<Node> nodes_;
};

}  // namespace takt
