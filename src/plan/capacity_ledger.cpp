#include "plan/capacity_ledger.h"

#include <algorithm>

namespace takt {

namespace {

std::vector<ResourceId> AllResources(const Model& model) {
  std::vector<ResourceId> all(model.resources().size());
  for (size_t r = 0; r < all.size(); ++r) all[r] = ResourceId(r);
  return all;
}

}  // namespace

CapacityLedger::CapacityLedger(const Model& model) : CapacityLedger(model, AllResources(model)) {}

CapacityLedger::CapacityLedger(const Model& model, std::span<const ResourceId> only)
    : days_(model.settings().horizon_days) {
  while (leaves_ < days_) leaves_ *= 2;
  const size_t resources = only.size();
  max_.assign(resources * 2 * static_cast<size_t>(leaves_), -1);  // padding days never have room
  sum_.assign(resources * 2 * static_cast<size_t>(leaves_), 0);
  for (size_t r = 0; r < resources; ++r) {
    Fixed4* tree = Tree(ResourceId(r));
    Fixed4* sums = SumTree(ResourceId(r));
    const auto capacity = model.capacity_by_day(only[r]);
    std::copy(capacity.begin(), capacity.end(), tree + leaves_);
    std::copy(capacity.begin(), capacity.end(), sums + leaves_);
    for (size_t node = static_cast<size_t>(leaves_) - 1; node >= 1; --node) {
      tree[node] = std::max(tree[2 * node], tree[2 * node + 1]);
      sums[node] = sums[2 * node] + sums[2 * node + 1];
    }
  }
}

void CapacityLedger::Use(ResourceId r, int32_t day, Fixed4 amount) {
  Fixed4* tree = Tree(r);
  Fixed4* sums = SumTree(r);
  size_t node = static_cast<size_t>(leaves_ + day);
  tree[node] -= amount;
  sums[node] -= amount;
  for (node /= 2; node >= 1; node /= 2) {
    tree[node] = std::max(tree[2 * node], tree[2 * node + 1]);
    sums[node] -= amount;
  }
}

int32_t CapacityLedger::DayCumulativeFreeReaches(ResourceId r, int32_t from, Fixed4 amount) const {
  if (from < 0) from = 0;
  if (from >= days_) return -1;
  const Fixed4* sums = SumTree(r);
  // Free capacity before `from`, then the first day whose running total reaches it plus amount.
  Fixed4 before = 0;
  {
    size_t node = 1;
    int32_t lo = 0, hi = leaves_;
    while (hi - lo > 1) {
      const int32_t mid = (lo + hi) / 2;
      if (from < mid) {
        node = 2 * node;
        hi = mid;
      } else {
        before += sums[2 * node];
        node = 2 * node + 1;
        lo = mid;
      }
    }
  }
  const Fixed4 target = before + amount;
  if (sums[1] < target) return -1;
  size_t node = 1;
  int32_t lo = 0, hi = leaves_;
  Fixed4 running = 0;
  while (hi - lo > 1) {
    const int32_t mid = (lo + hi) / 2;
    if (running + sums[2 * node] >= target) {
      node = 2 * node;
      hi = mid;
    } else {
      running += sums[2 * node];
      node = 2 * node + 1;
      lo = mid;
    }
  }
  return lo < days_ ? std::max(lo, from) : -1;
}

int32_t CapacityLedger::Next(const Fixed4* tree, int32_t from, Fixed4 amount) const {
  // Climb to the first subtree right of `from` that holds a day with room, then descend into it.
  size_t i = static_cast<size_t>(leaves_ + from);
  if (tree[i] >= amount) return from;
  for (;;) {
    while ((i & 1) != 0) {
      i >>= 1;
      if (i == 0) return -1;
    }
    ++i;
    if (tree[i] >= amount) break;
  }
  while (i < static_cast<size_t>(leaves_)) i = tree[2 * i] >= amount ? 2 * i : 2 * i + 1;
  return static_cast<int32_t>(i) - leaves_;
}

int32_t CapacityLedger::Prev(const Fixed4* tree, int32_t to, Fixed4 amount) const {
  size_t i = static_cast<size_t>(leaves_ + to);
  if (tree[i] >= amount) return to;
  for (;;) {
    while ((i & 1) == 0) i >>= 1;
    if (i == 1) return -1;
    --i;
    if (tree[i] >= amount) break;
  }
  while (i < static_cast<size_t>(leaves_)) i = tree[2 * i + 1] >= amount ? 2 * i + 1 : 2 * i;
  return static_cast<int32_t>(i) - leaves_;
}

int32_t CapacityLedger::NextWithFree(ResourceId r, int32_t from, Fixed4 amount) const {
  if (from >= days_) return -1;
  return Next(Tree(r), std::max(from, 0), amount);
}

int32_t CapacityLedger::PrevWithFree(ResourceId r, int32_t to, Fixed4 amount) const {
  if (to < 0) return -1;
  return Prev(Tree(r), std::min(to, days_ - 1), amount);
}

void CapacityLedger::CopyResource(const CapacityLedger& from, ResourceId from_r, ResourceId r) {
  const size_t size = 2 * static_cast<size_t>(leaves_);
  std::copy(from.Tree(from_r), from.Tree(from_r) + size, Tree(r));
  std::copy(from.SumTree(from_r), from.SumTree(from_r) + size, SumTree(r));
}

}  // namespace takt
