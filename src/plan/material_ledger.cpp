#include "plan/material_ledger.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace takt {

MaterialLedger::MaterialLedger(int32_t days, int32_t stock_points) : days_(days) {
  while (leaves_ < days) leaves_ *= 2;
  nodes_.assign(static_cast<size_t>(stock_points) * 2 * static_cast<size_t>(leaves_), Node{});
}

void MaterialLedger::Add(int32_t stock_point, int32_t day, int64_t qty) {
  assert(day >= 0 && day < days_);
  Node* tree = Tree(stock_point);
  size_t node = static_cast<size_t>(leaves_ + day);
  tree[node].sum += qty;
  tree[node].min_prefix = tree[node].sum;
  for (node /= 2; node >= 1; node /= 2) {
    const Node& left = tree[2 * node];
    const Node& right = tree[2 * node + 1];
    tree[node].sum = left.sum + right.sum;
    tree[node].min_prefix = std::min(left.min_prefix, left.sum + right.min_prefix);
  }
}

int64_t MaterialLedger::Available(int32_t stock_point, int32_t day) const {
  assert(day >= 0 && day < days_);
  const Node* tree = Tree(stock_point);
  // Walk down to the leaf of `day`; every right sibling passed is wholly after `day`.
  size_t node = 1;
  int32_t lo = 0, hi = leaves_;
  int64_t before = 0;  // sum of all deltas left of the current node
  int64_t best = std::numeric_limits<int64_t>::max();
  while (lo < day) {
    const int32_t mid = (lo + hi) / 2;
    if (day < mid) {
      best = std::min(best, before + tree[2 * node].sum + tree[2 * node + 1].min_prefix);
      node = 2 * node;
      hi = mid;
    } else {
      before += tree[2 * node].sum;
      node = 2 * node + 1;
      lo = mid;
    }
  }
  return std::min(best, before + tree[node].min_prefix);
}

int32_t MaterialLedger::EarliestAvailable(int32_t stock_point, int64_t qty, int32_t from) const {
  const Node* tree = Tree(stock_point);
  if (tree[1].min_prefix >= qty) return from;
  // The last day whose balance is below qty: available from the day after it. Padding leaves past
  // the horizon repeat the last day's balance, so a hit there means "never".
  size_t node = 1;
  int32_t lo = 0, hi = leaves_;
  int64_t before = 0;
  while (hi - lo > 1) {
    const int32_t mid = (lo + hi) / 2;
    const Node& left = tree[2 * node];
    const Node& right = tree[2 * node + 1];
    if (before + left.sum + right.min_prefix < qty) {
      before += left.sum;
      node = 2 * node + 1;
      lo = mid;
    } else {
      node = 2 * node;
      hi = mid;
    }
  }
  if (lo >= days_ - 1) return -1;
  return std::max(from, lo + 1);
}

int64_t MaterialLedger::Balance(int32_t stock_point, int32_t day) const {
  const Node* tree = Tree(stock_point);
  size_t node = 1;
  int32_t lo = 0, hi = leaves_;
  int64_t sum = 0;
  // Sum of deltas over [0, day].
  while (hi - lo > 1) {
    const int32_t mid = (lo + hi) / 2;
    if (day < mid) {
      node = 2 * node;
      hi = mid;
    } else {
      sum += tree[2 * node].sum;
      node = 2 * node + 1;
      lo = mid;
    }
  }
  return sum + tree[node].sum;
}

void MaterialLedger::CopyStockPoint(const MaterialLedger& from, int32_t from_point, int32_t stock_point) {
  const Node* source = from.Tree(from_point);
  std::copy(source, source + 2 * static_cast<size_t>(leaves_), Tree(stock_point));
}

}  // namespace takt
