#!/usr/bin/env bash
# A road route query, one-shot (a whole process: open the database, route
# one leg, print): `convoymap route --roads` against Routino's own
# routino-router on the same Monaco database, median of N runs (default
# 11) after one warm-up, for a short and a cross-extract leg, each against
# issue 14's target of 50 ms. The database is imported here with
# `convoymap roads import` from ../shared/data/monaco.osm.pbf.
# Usage: bench/roads.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
runs=${2:-11}
extract=../shared/data/monaco.osm.pbf
[ -f "$extract" ] || { echo "bench/roads.sh: no $extract" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
db=$out/monaco.roads
"$build/src/cli/convoymap" roads import "$extract" -o "$db" >/dev/null

. bench/median.sh

row() { printf '  %-60s %8s ms\n' "$1" "$2"; }

echo "road route query on Monaco, one-shot, median of $runs runs ($(nproc) cores)"
# name A_LAT A_LON B_LAT B_LON
for leg in "2.3 km (Hermitage to Fontvieille) 43.7384 7.4246 43.7311 7.4197" \
           "6.1 km (Cap-d'Ail to Beausoleil) 43.7255 7.4015 43.7480 7.4315"; do
  read -r -a f <<<"$leg"
  n=${#f[@]}
  name=${f[*]:0:n-4}
  a_lat=${f[n-4]} a_lon=${f[n-3]} b_lat=${f[n-2]} b_lon=${f[n-1]}
  ms=$(median_ms "$build/src/cli/convoymap" route --roads "$db" --from "$a_lat,$a_lon" --to "$b_lat,$b_lon")
  row "convoymap route --roads, $name" "$ms"
  target=$(awk -v t="$ms" 'BEGIN { print (t <= 50 ? "met" : "NOT met") }')
  printf '  %-60s %8s\n' "  target one-shot <= 50 ms" "$target"
  row "routino-router (text-all to stdout), $name" \
    "$(median_ms routino-router --dir="$db/routino" --prefix=roads --profile=motorcar --quickest \
      --lat1="$a_lat" --lon1="$a_lon" --lat2="$b_lat" --lon2="$b_lon" --output-stdout \
      --output-text-all --quiet)"
done
row "convoymap route (no roads), the same 2.3 km leg" \
  "$(median_ms "$build/src/cli/convoymap" route --from 43.7384,7.4246 --to 43.7311,7.4197)"
