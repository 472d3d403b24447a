#pragma once
// Free capacity of every resource on every day of the horizon, with a max-tree per resource so
// that "the next (or previous) day with at least x free" is O(log days): a line waiting for a
// full resource jumps to the day it frees up instead of trying day after day.

#include <cstdint>
#include <span>
#include <vector>

#include "common/decimal.h"
#include "model/model.h"

namespace takt {

class CapacityLedger {
 public:
  CapacityLedger() = default;
  explicit CapacityLedger(const Model& model);
  /// A ledger of only some of the model's resources: `only[k]` is its ResourceId(k).
  CapacityLedger(const Model& model, std::span<const ResourceId> only);

  Fixed4 Free(ResourceId r, int32_t day) const { return Tree(r)[static_cast<size_t>(leaves_ + day)]; }
  /// Takes `amount` (negative to give back) of the resource's capacity on `day`.
  void Use(ResourceId r, int32_t day, Fixed4 amount);
  /// The first day >= from with at least `amount` free, or -1.
  int32_t NextWithFree(ResourceId r, int32_t from, Fixed4 amount) const;
  /// The last day <= to with at least `amount` free, or -1.
  int32_t PrevWithFree(ResourceId r, int32_t to, Fixed4 amount) const;
  /// The first day t >= from such that the free capacity of days from..t adds up to `amount`, or -1.
  /// Estimates how long a quantity takes to fit when the resource is busy.
  int32_t DayCumulativeFreeReaches(ResourceId r, int32_t from, Fixed4 amount) const;

  /// Makes a resource's free capacity on every day that of `from_r` in `from` (a ledger of as many days).
  void CopyResource(const CapacityLedger& from, ResourceId from_r, ResourceId r);

 private:
  const Fixed4* Tree(ResourceId r) const { return &max_[r.index() * 2 * static_cast<size_t>(leaves_)]; }
  Fixed4* Tree(ResourceId r) { return &max_[r.index() * 2 * static_cast<size_t>(leaves_)]; }
  int32_t Next(const Fixed4* tree, int32_t from, Fixed4 amount) const;
  int32_t Prev(const Fixed4* tree, int32_t to, Fixed4 amount) const;

  int32_t days_ = 0;
  int32_t leaves_ = 1;
  std::vector<Fixed4> max_;  ///< per resource: a max-tree; leaves hold each day's free capacity
  std::vector<Fixed4> sum_;  ///< per resource: a sum-tree over the same leaves (padding counts 0)
  const Fixed4* SumTree(ResourceId r) const { return &sum_[r.index() * 2 * static_cast<size_t>(leaves_)]; }
  Fixed4* SumTree(ResourceId r) { return &sum_[r.index() * 2 * static_cast<size_t>(leaves_)]; }
};

}  // namespace takt
