#include <fmt/format.h>

#include <algorithm>

#include "io/dataset_state.h"
#include "io/field_parser.h"

namespace takt {

namespace {

void CheckQuarters(const DatasetState& state, Diagnostics& diag) {
  const auto& quarters = state.parts.quarters;
  if (quarters.empty()) return;
  std::vector<size_t> order(quarters.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return quarters[a].start < quarters[b].start; });
  for (size_t k = 1; k < order.size(); ++k) {
    const Quarter& prev = quarters[order[k - 1]];
    const Quarter& cur = quarters[order[k]];
    const int line = state.at.quarters[order[k]];
    if (cur.start <= prev.end) {
      diag.Error("quarter-overlap", "quarters.csv", line, "start",
                 fmt::format("quarter {} starts {}, before quarter {} ends ({})", Quote(cur.code),
                             FormatDate(cur.start), Quote(prev.code), FormatDate(prev.end)));
    } else if (cur.start > prev.end + 1) {
      diag.Error("quarter-gap", "quarters.csv", line, "start",
                 fmt::format("quarter {} starts {}, but quarter {} ends {}: {} day{} belong to no quarter",
                             Quote(cur.code), FormatDate(cur.start), Quote(prev.code), FormatDate(prev.end),
                             cur.start - prev.end - 1, cur.start - prev.end - 1 == 1 ? "" : "s"),
                 fmt::format("start {} on {}", Quote(cur.code), FormatDate(prev.end + 1)));
    }
  }
  if (!state.have_plan_start) return;
  const Settings& s = state.parts.settings;
  const Quarter& first = quarters[order.front()];
  const Quarter& last = quarters[order.back()];
  if (s.plan_start < first.start || s.plan_start > last.end) {
    diag.Error("plan-start-outside-quarters", "settings.csv", 0, "value",
               fmt::format("plan_start {} lies in no quarter of quarters.csv ({} .. {})", FormatDate(s.plan_start),
                           FormatDate(first.start), FormatDate(last.end)),
               "add the quarter that contains plan_start");
  } else if (s.horizon_end() > last.end) {
    diag.Warning("horizon-beyond-quarters", "quarters.csv", 0, "",
                 fmt::format("the horizon runs to {}, past the last quarter {} (ends {}); revenue after it has no "
                             "quarter",
                             FormatDate(s.horizon_end()), Quote(last.code), FormatDate(last.end)),
                 "add quarters, or shorten horizon_days in settings.csv");
  }
}

/// Finds cycles with an iterative depth-first search; each back edge closes one cycle, reported
/// as the path of item codes.
void CheckBomCycles(const DatasetState& state, Diagnostics& diag) {
  const auto& bom = state.parts.bom;
  const auto& items = state.parts.items;
  const size_t n = items.size();
  std::vector<uint32_t> offsets(n + 1, 0);
  for (const BomLine& b : bom) ++offsets[b.parent.index() + 1];
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  std::vector<uint32_t> edges(bom.size());  // indexes into bom, grouped by parent
  {
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (uint32_t e = 0; e < bom.size(); ++e) edges[fill[bom[e].parent.index()]++] = e;
  }
  enum : uint8_t { kNew, kOnPath, kDone };
  std::vector<uint8_t> color(n, kNew);
  struct Frame {
    uint32_t item;
    uint32_t next_edge;
  };
  std::vector<Frame> path;
  for (uint32_t root = 0; root < n; ++root) {
    if (color[root] != kNew) continue;
    path.push_back({root, offsets[root]});
    color[root] = kOnPath;
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next_edge == offsets[top.item + 1]) {
        color[top.item] = kDone;
        path.pop_back();
        continue;
      }
      const uint32_t e = edges[top.next_edge++];
      const uint32_t child = static_cast<uint32_t>(bom[e].component.index());
      if (color[child] == kNew) {
        color[child] = kOnPath;
        path.push_back({child, offsets[child]});
      } else if (color[child] == kOnPath) {
        std::string text;
        bool in_cycle = false;
        for (const Frame& f : path) {
          if (f.item == child) in_cycle = true;
          if (in_cycle) text += fmt::format("'{}' -> ", items[f.item].code);
        }
        text += fmt::format("'{}'", items[child].code);
        diag.Error("bom-cycle", "bom.csv", state.at.bom[e], "component",
                   fmt::format("the bill of material is circular: {}", text),
                   "an item cannot contain itself, directly or through its components");
      }
    }
  }
}

void CheckItemKinds(const DatasetState& state, Diagnostics& diag) {
  const ModelParts& p = state.parts;
  std::vector<uint8_t> has_routing(p.items.size(), 0), is_parent(p.items.size(), 0);
  for (const Routing& r : p.routings) has_routing[r.item.index()] = 1;
  for (const BomLine& b : p.bom) is_parent[b.parent.index()] = 1;
  for (size_t i = 0; i < p.items.size(); ++i) {
    const Item& item = p.items[i];
    if (item.kind != ItemKind::kComponent) continue;
    if (is_parent[i]) {
      diag.Warning("component-has-bom", "items.csv", state.at.items[i], "kind",
                   fmt::format("item {} is a component but has components of its own in bom.csv", Quote(item.code)),
                   "make it an 'assembly' if it is built");
    }
    if (has_routing[i]) {
      diag.Warning("component-has-routing", "items.csv", state.at.items[i], "kind",
                   fmt::format("item {} is a component but has a routing", Quote(item.code)),
                   "make it an 'assembly' if it is built");
    }
  }
}

void CheckItemsObtainable(const DatasetState& state, Diagnostics& diag) {
  const ModelParts& p = state.parts;
  const size_t n = p.items.size();
  std::vector<uint8_t> has_routing(n, 0), has_supply(n, 0), is_parent(n, 0);
  std::vector<int> ordered_at(n, 0);
  std::vector<int32_t> used_in(n, -1);
  for (const Routing& r : p.routings) has_routing[r.item.index()] = 1;
  for (const Supply& s : p.supply) has_supply[s.item.index()] = 1;
  for (const BomLine& b : p.bom) {
    is_parent[b.parent.index()] = 1;
    if (used_in[b.component.index()] < 0) used_in[b.component.index()] = b.parent.value;
  }
  for (size_t l = 0; l < state.lines.size(); ++l) {
    int& at = ordered_at[state.lines[l].item.index()];
    if (at == 0) at = state.at.lines[l];
  }
  for (size_t i = 0; i < n; ++i) {
    const Item& item = p.items[i];
    const int line = state.at.items[i];
    if (has_routing[i] || has_supply[i] || item.lead_time_days >= 0) continue;
    std::string use;
    if (ordered_at[i] > 0) {
      use = fmt::format("is ordered (orders.csv:{})", ordered_at[i]);
    } else if (is_parent[i]) {
      use = "has a bill of material";
    } else if (used_in[i] >= 0) {
      use = fmt::format("is a component of {}", Quote(p.items[static_cast<size_t>(used_in[i])].code));
    } else {
      continue;
    }
    diag.Error("item-unobtainable", "items.csv", line, "item",
               fmt::format("item {} {} but can never be had: it has no routing, no supply and no lead time",
                           Quote(item.code), use),
               is_parent[i] ? "add a routing in routings.csv" : "add supply, a lead_time_days, or a routing");
  }
}

}  // namespace

void CheckDataset(const DatasetState& state, Diagnostics& diagnostics) {
  CheckQuarters(state, diagnostics);
  if (state.bom_ok) CheckBomCycles(state, diagnostics);
  if (state.items_clean) CheckItemKinds(state, diagnostics);
  if (state.sources_clean) CheckItemsObtainable(state, diagnostics);
}

}  // namespace takt
