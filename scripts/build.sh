#!/usr/bin/env bash
# Configures and builds one configuration: scripts/build.sh release|asan
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
jobs=${TAKT_JOBS:-$(nproc)}
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan)    dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DTAKT_SANITIZE=ON -DTAKT_BENCH=OFF) ;;
  *) echo "usage: scripts/build.sh release|asan" >&2; exit 1 ;;
esac
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
fi
cmake --build "$dir" -j "$jobs"
