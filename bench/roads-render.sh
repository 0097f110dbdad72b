#!/usr/bin/env bash
# The roads layer's cost: the Monaco map (PNG, 1600x1200, the same box and
# route) rendered with and without --roads, side by side (the two commands
# alternate, so that the load of a shared machine falls on both alike),
# whole processes, median of N runs (default 11) after one warm-up each,
# and the ratio (issue 14's budget: at most 1.3); then the map with --roads
# and the layer hidden by a copy of the style (the route on the roads in
# both: what the drawing alone costs, routing apart); then the zoom 12-15
# tileset of Monaco to MBTiles. The database is imported here from
# ../shared/data/monaco.osm.pbf with `convoymap roads import`.
# Usage: bench/roads-render.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
runs=${2:-11}
extract=../shared/data/monaco.osm.pbf
[ -f "$extract" ] || { echo "bench/roads-render.sh: no $extract" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
convoymap=$build/src/cli/convoymap
db=$out/monaco.roads
"$convoymap" roads import "$extract" -o "$db" >/dev/null

# paired_ms RUNS -- A... -- B...: the median wall times in milliseconds of
# the commands A and B, run in turn RUNS times after one warm-up each,
# printed "A B". A failing command stops the script (set -e).
paired_ms() {
  local runs=$1; shift 2
  local a=() b=() ta=() tb=()
  while [ "$1" != -- ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  "${a[@]}" >/dev/null 2>&1
  "${b[@]}" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N); "${a[@]}" >/dev/null 2>&1; end=$(date +%s%N)
    ta+=($(( (end - start) / 1000 )))
    start=$(date +%s%N); "${b[@]}" >/dev/null 2>&1; end=$(date +%s%N)
    tb+=($(( (end - start) / 1000 )))
  done
  local median='{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
  printf '%s %s\n' "$(printf '%s\n' "${ta[@]}" | sort -n | awk "$median")" \
    "$(printf '%s\n' "${tb[@]}" | sort -n | awk "$median")"
}

bbox=7.40,43.72,7.45,43.76
route=(--from 43.7384,7.4246 --to 43.7311,7.4197)
row() { printf '  %-58s %8s ms\n' "$1" "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "Monaco map with and without the roads layer, median of $runs runs ($(nproc) cores)"
# Without roads the route is the straight leg; with them, the road's: the
# difference in the route's drawing is a few hundred points.
read -r bare roads < <(paired_ms "$runs" \
  -- "$convoymap" render --bbox "$bbox" "${route[@]}" -o "$out/bare.png" \
  -- "$convoymap" render --bbox "$bbox" "${route[@]}" --roads "$db" -o "$out/roads.png")
row "render 1600x1200 PNG, no roads" "$bare"
row "render 1600x1200 PNG, --roads" "$roads"
echo "  ratio with/without roads: $(ratio "$roads" "$bare") (budget 1.3)"
# The style with the roads layer shown from zoom 29 only: hidden.
sed '/^\[roads\]/,/^\[/s/^min-zoom=.*/min-zoom=29/' styles/briefing.ini >"$out/hidden.ini"
grep -q "^min-zoom=29" "$out/hidden.ini"
read -r hidden roads < <(paired_ms "$runs" \
  -- "$convoymap" render --bbox "$bbox" "${route[@]}" --roads "$db" --style "$out/hidden.ini" \
     -o "$out/hidden.png" \
  -- "$convoymap" render --bbox "$bbox" "${route[@]}" --roads "$db" -o "$out/roads.png")
row "render, --roads, the layer hidden by the style" "$hidden"
row "render, --roads" "$roads"
echo "  ratio of the layer's drawing: $(ratio "$roads" "$hidden")"
read -r tiles_bare tiles_roads < <(paired_ms "$runs" \
  -- "$convoymap" tiles --bbox "$bbox" --zoom 12-15 "${route[@]}" -o "$out/bare.mbtiles" \
  -- "$convoymap" tiles --bbox "$bbox" --zoom 12-15 "${route[@]}" --roads "$db" \
     -o "$out/roads.mbtiles")
row "tiles zoom 12-15 (57 tiles) to MBTiles, no roads" "$tiles_bare"
row "tiles zoom 12-15 (57 tiles) to MBTiles, --roads" "$tiles_roads"
echo "  ratio with/without roads: $(ratio "$tiles_roads" "$tiles_bare")"
