#!/usr/bin/env bash
# Time and peak memory of `takt plan` (load, plan, write) per scale, on the generated data as is
# (capacity and GPU supply saturated) and with capacity and supply tripled (loose), plus a checksum
# of the plan so that a change that is fast but different is noticed.
# Usage: bench/plan_scaling.sh [scales...]   (default: demo large xl). Needs a release build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
takt=build/src/cli/takt
[ -x "$takt" ] || { echo "build first: scripts/build.sh release" >&2; exit 1; }
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(demo large xl)
work=${TAKT_BENCH_DIR:-/tmp/takt-bench}
mkdir -p "$work"

printf "%-6s %-9s %9s %7s %7s %7s %9s %9s %8s %8s  %s\n" scale data lines load_s plan_s write_s total_s peak_MB on_time unplan checksum
for scale in "${scales[@]}"; do
  [ -f "$work/$scale/orders.csv" ] || "$takt" generate --scale "$scale" --seed 1 --out "$work/$scale" >/dev/null
  [ -f "$work/$scale-loose/orders.csv" ] || python3 bench/relax_dataset.py "$work/$scale" "$work/$scale-loose" 3
  for data in "$scale" "$scale-loose"; do
    out="$work/plan-$data"
    log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log.time" "$takt" plan "$work/$data" --out "$out" -q >"$log"
    read -r total peak < "$log.time"
    line=$(tail -1 "$log")
    lines=$(echo "$line" | sed -E 's/planned ([0-9]+) lines.*/\1/')
    load=$(echo "$line" | sed -E 's/.*load ([0-9.]+) s.*/\1/')
    plan=$(echo "$line" | sed -E 's/.*plan ([0-9.]+) s.*/\1/')
    write=$(echo "$line" | sed -E 's/.*write ([0-9.]+) s.*/\1/')
    on_time=$(grep -o '"on_time_rate_lines": [0-9.]*' "$out/summary.json" | awk '{printf "%.1f%%", $2*100}')
    unplanned=$(grep -o '"lines_unplanned": [0-9]*' "$out/summary.json" | awk '{print $2}')
    checksum=$(cat "$out"/shipments.csv "$out"/order_status.csv | md5sum | cut -c1-12)
    printf "%-6s %-9s %9s %7s %7s %7s %9s %9d %8s %8s  %s\n" "$scale" "${data#$scale}" "$lines" "$load" "$plan" "$write" \
      "$total" $((peak / 1024)) "$on_time" "$unplanned" "$checksum"
    rm -f "$log" "$log.time"
  done
done
