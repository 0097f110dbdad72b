#!/usr/bin/env bash
# The roads layer at low zooms on a country-sized database: a synthetic
# grid of N x N nodes over 5 x 5 degrees (bench/roads-grid.py; default a
# million nodes, 42,000 ways, four in five of them residential), imported
# with `convoymap roads import`, then one tile at zooms 5, 8, 10 and 13
# over it rendered with and without --roads, median of RUNS runs (default
# 5), and the ratio. Below zoom 13 the layer reads the tier layers of the
# larger classes (roads_trunk, roads_main: docs/roads.md), not every road.
# Usage: bench/roads-lowzoom.sh [BUILD_DIR] [RUNS] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
runs=${2:-5}
n=${3:-1000}
. bench/median.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
convoymap=$build/src/cli/convoymap
python3 bench/roads-grid.py "$n" >"$out/grid.osm"
start=$(date +%s%N)
"$convoymap" roads import "$out/grid.osm" -o "$out/grid.roads" >/dev/null
end=$(date +%s%N)
count() { sqlite3 "$out/grid.roads/roads.gpkg" "SELECT count(*) FROM $1"; }
echo "Synthetic grid of $((n * n)) nodes imported in $(( (end - start) / 1000000 )) ms:" \
  "roads $(count roads), roads_main $(count roads_main), roads_trunk $(count roads_trunk)"
echo "One tile over it, median of $runs runs ($(nproc) cores)"
# The tile at 42.5N 42.5E, in the middle of the grid, at each zoom.
for z in 5 8 10 13; do
  read -r x y < <(python3 -c "import math, sys; z = $z; lat = math.radians(42.5); \
print(int((42.5 + 180) / 360 * 2**z), int((1 - math.asinh(math.tan(lat)) / math.pi) / 2 * 2**z))")
  bare=$(median_ms "$convoymap" tile "$z" "$x" "$y" -o "$out/bare.png")
  roads=$(median_ms "$convoymap" tile "$z" "$x" "$y" --roads "$out/grid.roads" -o "$out/roads.png")
  printf '  zoom %-2s tile %s/%s: %8s ms without roads, %8s ms with, ratio %s\n' "$z" "$x" "$y" \
    "$bare" "$roads" "$(awk -v a="$roads" -v b="$bare" 'BEGIN { printf "%.2f", a / b }')"
done
