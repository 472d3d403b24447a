#!/usr/bin/env bash
# Time and peak memory of `takt generate` and `takt validate` (load + every check) per scale.
# Usage: bench/load_scaling.sh [scales...]   (default: demo large xl). Needs a release build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
takt=build/src/cli/takt
[ -x "$takt" ] || { echo "build first: scripts/build.sh release" >&2; exit 1; }
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(demo large xl)
work=${TAKT_BENCH_DIR:-/tmp/takt-bench}
mkdir -p "$work"

measure() {  # prints "seconds peak_MB" of a command
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null
  awk '{printf "%.2f %.0f\n", $1, $2/1024}' "$log"
  rm -f "$log"
}

printf "%-6s %10s %12s %10s %12s %12s %10s\n" scale lines gen_s gen_MB validate_s validate_MB data_MB
for scale in "${scales[@]}"; do
  dir="$work/$scale"
  rm -rf "$dir"
  read -r gen_s gen_mb < <(measure "$takt" generate --scale "$scale" --seed 1 --out "$dir")
  read -r val_s val_mb < <(measure "$takt" validate "$dir" --quiet)
  lines=$(($(wc -l < "$dir/orders.csv") - 1))
  size=$(du -sm "$dir" | cut -f1)
  printf "%-6s %10s %12s %10s %12s %12s %10s\n" "$scale" "$lines" "$gen_s" "$gen_mb" "$val_s" "$val_mb" "$size"
  # The run must also be right: a dataset that does not validate is a failed benchmark.
  "$takt" validate "$dir" --quiet | tail -1
done
