#!/usr/bin/env bash
# Tile rendering throughput: zooms 0-10 over Iraq (bbox 38,29,48,37, 1,131
# tiles) with the reference convoy, written as PNG files to a directory and
# to MBTiles, with --jobs 1 and 2; and, when Debian's python3-mapnik is
# installed, the same tiles and layers rendered by Mapnik
# (bench/mapnik-tiles.py, 8x8 metatiles, PNG files to a directory).
# Each figure is the median of N runs (default 5) after one warm-up: wall
# time, CPU time (user + system) and peak resident memory.
# Usage: bench/tiles.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
# The build tree's binaries find the data, the index and the modules
# through these, as under `meson devenv`.
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
runs=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bbox=38,29,48,37
zoom=0-10

# measure LABEL COMMAND...: median wall s, CPU s and peak RSS over the runs;
# the output is removed before each run so that every run starts clean.
measure() {
  local label=$1; shift
  rm -rf "$out/tiles" "$out/tiles.mbtiles"
  "$@" >/dev/null
  for _ in $(seq "$runs"); do
    rm -rf "$out/tiles" "$out/tiles.mbtiles"
    /usr/bin/time -f '%e %U %S %M' -a -o "$out/times" "$@" >/dev/null
  done
  # Medians of wall time and CPU time, peak memory of the largest run.
  local wall cpu rss
  wall=$(awk '{ print $1 }' "$out/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  cpu=$(awk '{ print $2 + $3 }' "$out/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  rss=$(awk '{ print $4 }' "$out/times" | sort -n | tail -1)
  awk -v label="$label" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" -v tiles=1131 'BEGIN {
    printf "  %-34s %6.2f s wall %5.0f tiles/s   %6.2f s CPU %5.0f tiles/CPU-s   %4.0f MB\n",
           label, wall, tiles / wall, cpu, tiles / cpu, rss / 1024 }'
  rm -f "$out/times"
}

echo "Tiles: bbox $bbox, zoom $zoom (1131 tiles), median of $runs runs ($(nproc) cores)"
for jobs in 1 2; do
  measure "convoymap, directory, --jobs $jobs" \
    "$build/src/cli/convoymap" tiles --bbox "$bbox" --zoom "$zoom" --jobs "$jobs" -o "$out/tiles"
  measure "convoymap, MBTiles, --jobs $jobs" \
    "$build/src/cli/convoymap" tiles --bbox "$bbox" --zoom "$zoom" --jobs "$jobs" -o "$out/tiles.mbtiles"
done

if /usr/bin/python3 -c 'import mapnik' 2>/dev/null; then
  "$build/src/cli/convoymap" route --format geojson >"$out/route.geojson"
  # The waypoints, as points for Mapnik's markers.
  /usr/bin/python3 - "$out/route.geojson" "$out/sites.geojson" <<'EOF'
import json, sys
route = json.load(open(sys.argv[1]))
points = [f['geometry'] for f in route['features'] if f['geometry']['type'] == 'Point']
json.dump({'type': 'FeatureCollection', 'features': [
    {'type': 'Feature', 'properties': {}, 'geometry': p} for p in points]}, open(sys.argv[2], 'w'))
EOF
  measure "Mapnik $(/usr/bin/python3 -c 'import mapnik; print(mapnik.mapnik_version())'), directory" \
    /usr/bin/python3 bench/mapnik-tiles.py "$PWD" "$out/route.geojson" "$out/sites.geojson" \
    "$bbox" "$zoom" "$out/tiles"
else
  echo "  (python3-mapnik is not installed: no Mapnik reference)"
fi
