#!/usr/bin/env bash
# Requests per second and latency of `takt serve` under concurrent load from wrk (a separate
# process on loopback), with a plan loaded from the store, and the server's memory before, between
# and after the runs (it should stay flat). The same orders page asked again comes from the server's
# page cache; the random pages are all new queries (scan, sort, render).
# Usage: bench/serve_load.sh [scale] [seconds] [connections]   (default: large 10 32)
# Needs a release build in build/ and wrk (Debian package wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
takt=build/src/cli/takt
scale=${1:-large}
seconds=${2:-10}
connections=${3:-32}
[ -x "$takt" ] || { echo "build first: scripts/build.sh release" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
work=${TAKT_BENCH_DIR:-/tmp/takt-bench}
mkdir -p "$work"
[ -f "$work/$scale/orders.csv" ] || "$takt" generate --scale "$scale" --seed 1 --out "$work/$scale" >/dev/null
db="$work/serve-$scale.db"
rm -f "$db" "$db-wal" "$db-shm"
"$takt" import "$work/$scale" --db "$db" --name "$scale" >/dev/null 2>&1

log=$(mktemp)
"$takt" serve --db "$db" --port 0 --threads 64 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log" "$log.lua" "$log.pages.lua"' EXIT
for _ in $(seq 1 600); do grep -q "listening on" "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$log" | tail -1)
[ -n "$url" ] || { cat "$log" >&2; exit 1; }
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }

# A promise for a product the backlog sells, to a country it ships to: the first order line.
read -r item ship_to customer < <(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
  NR == 2 {print $col["item"], $col["ship_to"], $col["customer"]; exit}' "$work/$scale/orders.csv")
cat >"$log.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"item": "$item", "qty": 8, "ship_to": "$ship_to", "customer": "$customer", "request": "2025-09-01"}'
LUA

# Orders pages at random offsets: each a new query, so the server's page cache cannot answer it.
cat >"$log.pages.lua" <<'LUA'
math.randomseed(7)
request = function()
  return wrk.format("GET", "/api/orders?status=late&sort=value&dir=desc&limit=50&offset=" .. math.random(0, 80000))
end
LUA

printf "scale %s, %s connections, %s s per route; server RSS after start %s MB\n" "$scale" "$connections" "$seconds" "$(rss)"
printf "%-34s %12s %10s %10s %10s %8s\n" route requests/s p50_ms p99_ms errors rss_MB
run() {
  local name=$1 path=$2 script=${3:-}
  local out
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency ${script:+-s "$script"} "$url$path")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {n += 1} END {print n + 0}')
  to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else printf "%.0f", (v + 0) * 1000 }'; }
  printf "%-34s %12s %10s %10s %10s %8s\n" "$name" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$errors" "$(rss)"
}
run "GET /api/summary" "/api/summary"
run "GET /api/orders (late, by value)" "/api/orders?status=late&sort=value&dir=desc&offset=500&limit=50"
run "GET /api/orders (random pages)" "/api/orders" "$log.pages.lua"
run "GET /api/orders (first page)" "/api/orders?limit=50"
run "POST /api/promise" "/api/promise" "$log.lua"
run "GET /api/summary (again)" "/api/summary"
run "GET /api/orders (random, again)" "/api/orders" "$log.pages.lua"
run "POST /api/promise (again)" "/api/promise" "$log.lua"
