#!/usr/bin/env bash
# Static maps per second: `convoymap serve`'s /static (wrk on loopback, 1
# and 2 connections, the server with --jobs 2) against the same map drawn
# by `convoymap render` run once per map (1, and 2 at a time), in one run.
# The map: the reference convoy, 800x600 PNG.
# Usage: bench/serve-static.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-10}
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
convoymap=$build/src/cli/convoymap
command -v wrk >/dev/null || { echo "bench/serve-static.sh needs wrk (apt-get install wrk)"; exit 1; }
out=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT

"$convoymap" serve --port 0 --jobs 2 2>"$out/serve.err" &
server=$!
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's|^convoymap: serving on http://[^ ]*:\([0-9]*\)/$|\1|p' "$out/serve.err")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$out/serve.err"; exit 1; }
url="http://127.0.0.1:$port/static?size=800x600"
# The server draws what render draws: a benchmark must not time an error.
curl -sf -o "$out/served.png" "$url"
"$convoymap" render --size 800x600 -o "$out/render.png" >/dev/null
cmp -s "$out/served.png" "$out/render.png" || { echo "/static and render differ"; exit 1; }

# wrk's requests per second at C connections.
served_rate() {
  wrk -t "$1" -c "$1" -d "${seconds}s" "$url" | awk '/^Requests\/sec:/ { print $2 }'
}
# Maps per second of `render` one-shots, P at a time, for SECONDS.
oneshot_rate() {
  local parallel=$1 deadline=$(( $(date +%s) + seconds )) start end count=0
  start=$(date +%s%N)
  while [ "$(date +%s)" -lt "$deadline" ]; do
    for i in $(seq "$parallel"); do
      "$convoymap" render --size 800x600 -o "$out/oneshot-$i.png" >/dev/null &
    done
    wait
    count=$((count + parallel))
  done
  end=$(date +%s%N)
  awk -v n="$count" -v ns=$((end - start)) 'BEGIN { printf "%.2f", n / (ns / 1e9) }'
}

echo "static maps per second, reference convoy 800x600 PNG, ${seconds} s each ($(nproc) cores)"
for c in 1 2; do
  served=$(served_rate "$c")
  oneshot=$(oneshot_rate "$c")
  printf '  %d at a time: serve /static %7.2f/s   render one-shot %6.2f/s   ratio %.2fx\n' \
    "$c" "$served" "$oneshot" "$(awk -v a="$served" -v b="$oneshot" 'BEGIN { print a / b }')"
done
