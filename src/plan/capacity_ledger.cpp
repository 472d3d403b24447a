#include "plan/capacity_ledger.h"

#include <algorithm>

namespace takt {

CapacityLedger::CapacityLedger(const Model& model) : days_(model.settings().horizon_days) {
  while (leaves_ < days_) leaves_ *= 2;
  const size_t resources = model.resources().size();
  max_.assign(resources * 2 * static_cast<size_t>(leaves_), -1);  // padding days never have room
  for (size_t r = 0; r < resources; ++r) {
    Fixed4* tree = Tree(ResourceId(r));
    const auto capacity = model.capacity_by_day(ResourceId(r));
    std::copy(capacity.begin(), capacity.end(), tree + leaves_);
    for (size_t node = static_cast<size_t>(leaves_) - 1; node >= 1; --node) {
      tree[node] = std::max(tree[2 * node], tree[2 * node + 1]);
    }
  }
}

void CapacityLedger::Use(ResourceId r, int32_t day, Fixed4 amount) {
  Fixed4* tree = Tree(r);
  size_t node = static_cast<size_t>(leaves_ + day);
  tree[node] -= amount;
  for (node /= 2; node >= 1; node /= 2) tree[node] = std::max(tree[2 * node], tree[2 * node + 1]);
}

int32_t CapacityLedger::Next(const Fixed4* tree, size_t node, int32_t lo, int32_t hi, int32_t from,
                             Fixed4 amount) const {
  if (hi <= from || tree[node] < amount) return -1;
  if (hi - lo == 1) return lo;
  const int32_t mid = (lo + hi) / 2;
  const int32_t left = Next(tree, 2 * node, lo, mid, from, amount);
  return left >= 0 ? left : Next(tree, 2 * node + 1, mid, hi, from, amount);
}

int32_t CapacityLedger::Prev(const Fixed4* tree, size_t node, int32_t lo, int32_t hi, int32_t to,
                             Fixed4 amount) const {
  if (lo > to || tree[node] < amount) return -1;
  if (hi - lo == 1) return lo;
  const int32_t mid = (lo + hi) / 2;
  const int32_t right = Prev(tree, 2 * node + 1, mid, hi, to, amount);
  return right >= 0 ? right : Prev(tree, 2 * node, lo, mid, to, amount);
}

int32_t CapacityLedger::NextWithFree(ResourceId r, int32_t from, Fixed4 amount) const {
  if (from >= days_) return -1;
  return Next(Tree(r), 1, 0, leaves_, std::max(from, 0), amount);
}

int32_t CapacityLedger::PrevWithFree(ResourceId r, int32_t to, Fixed4 amount) const {
  if (to < 0) return -1;
  return Prev(Tree(r), 1, 0, leaves_, std::min(to, days_ - 1), amount);
}

}  // namespace takt
