#!/usr/bin/env bash
# Import throughput: `convoymap roads import` against planetsplitter alone
# (Routino's importer in one step, as a user would run it; the import runs
# it per input with --parse-only, then --process-only), side by side on the
# real Monaco extract and on synthetic extracts of 250,000, 1,000,000 and
# 4,000,000 nodes written here (a square grid of residential streets near
# Baghdad, every node a junction, OSM XML made PBF with osmium). For each:
# nodes (osmium fileinfo -e), median wall time of RUNS runs, nodes a
# second, peak RSS (/usr/bin/time -v: the largest of the process and the
# children it waited for, so the import's planetsplitter counts), and the
# ratios. The 4M grid, run once, shows how peak memory grows with the
# extract. Then the 1M-node rate and that growth extrapolated to a country
# extract of Iraq's size.
# Usage: bench/roads-import.sh [BUILD_DIR] [RUNS] [COUNTRY_NODES]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-3}
# Geofabrik's iraq-latest.osm.pbf is about 120 MB; at Monaco's 9.8 bytes of
# PBF a node (1,759,101 bytes, 180,118 nodes) that is about 12 million
# nodes. An assumption, not a count: pass the real count as COUNTRY_NODES.
country_nodes=${3:-12000000}
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
convoymap=$CONVOYMAP_BUILD_DIR/src/cli/convoymap
extract=../shared/data/monaco.osm.pbf
[ -f "$extract" ] || { echo "bench/roads-import.sh: no $extract" >&2; exit 1; }
for tool in osmium planetsplitter /usr/bin/time; do
  command -v $tool >/dev/null || { echo "bench/roads-import.sh: no $tool" >&2; exit 1; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# grid SIDE FILE: a SIDE x SIDE grid of nodes about 0.0005 degree (50 m)
# apart, SIDE east-west and SIDE north-south residential streets through them.
# Each node is moved at random by up to 0.0001 degree, as surveyed nodes
# are, and the node ids are shuffled, as a real way's are: a perfect grid
# compresses so well that GDAL's PBF reader refuses its blocks ("Excessive
# uncompressed vs compressed ratio").
grid() {
  python3 - "$1" <<'PY' | osmium cat -F osm -o "$2" --overwrite
import random, sys
side = int(sys.argv[1])
n = side * side
rng = random.Random(14)
ids = list(range(1, n + 1))
rng.shuffle(ids)  # ids[k]: the id of the node at row k // side, column k % side
w = sys.stdout.write
w('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="convoymap bench">\n')
for k in sorted(range(n), key=ids.__getitem__):
    i, j = divmod(k, side)
    w(f'<node id="{ids[k]}" version="1" lat="{33.0 + i * 0.0005 + rng.uniform(-1e-4, 1e-4):.7f}" '
      f'lon="{44.0 + j * 0.0005 + rng.uniform(-1e-4, 1e-4):.7f}"/>\n')
# Each street is cut into ways of 10 segments (a town's ways have about 7,
# Monaco's 27,377 ways for 180,118 nodes), neighbours sharing an end node.
way_id = 0
def ways(line, tags):
    global way_id
    for start in range(0, side - 1, 10):
        way_id += 1
        nds = "".join(f'<nd ref="{ids[k]}"/>' for k in line[start:start + 11])
        w(f'<way id="{way_id}" version="1">{nds}{tags}</way>\n')
for i in range(side):
    ways([i * side + j for j in range(side)],
         f'<tag k="highway" v="residential"/><tag k="name" v="Row {i}"/>')
for j in range(side):
    ways([i * side + j for i in range(side)], '<tag k="highway" v="residential"/>')
w("</osm>\n")
PY
}

# measure NAME COMMAND...: runs COMMAND $n runs times under /usr/bin/time
# -v; sets wall (median, s) and rss (largest, MB). A failing run stops the
# script.
measure() {
  local name=$1; shift
  local walls=() max=0
  for _ in $(seq "$n_runs"); do
    rm -rf "$out/db.roads" "$out/routino"
    mkdir -p "$out/routino"
    /usr/bin/time -v -o "$out/time.txt" "$@" >/dev/null 2>"$out/err.txt" ||
      { echo "bench/roads-import.sh: $name failed: $(tail -1 "$out/err.txt")" >&2; exit 1; }
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
                for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$out/time.txt")")
    local kb; kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time.txt")
    [ "$kb" -gt "$max" ] && max=$kb
  done
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
  rss=$((max / 1024))
}

row() { printf '  %-44s %10s %8.2f s %12s %7s MB\n' "$1" "$2" "$3" "$4" "$5"; }
declare -A rate_of rss_of nodes_of
# bench NAME FILE [RUNS]: convoymap and planetsplitter on FILE, side by side.
bench() {
  local name=$1 file=$2 nodes
  n_runs=${3:-$runs}
  nodes=$(osmium fileinfo -e -g data.count.nodes "$file")
  measure "convoymap roads import" "$convoymap" roads import "$file" -o "$out/db.roads"
  local c_wall=$wall c_rss=$rss
  measure planetsplitter planetsplitter --dir="$out/routino" --prefix=roads \
    --tagging=/usr/share/routino/tagging.xml --loggable "$file"
  local p_wall=$wall p_rss=$rss
  local c_rate p_rate
  c_rate=$(awk -v n="$nodes" -v t="$c_wall" 'BEGIN { printf "%d", n / t }')
  p_rate=$(awk -v n="$nodes" -v t="$p_wall" 'BEGIN { printf "%d", n / t }')
  row "convoymap roads import, $name" "$nodes" "$c_wall" "$c_rate" "$c_rss"
  row "planetsplitter alone, $name" "$nodes" "$p_wall" "$p_rate" "$p_rss"
  awk -v c="$c_wall" -v p="$p_wall" -v cr="$c_rss" -v pr="$p_rss" \
    'BEGIN { printf "  %-44s time x%.2f, peak RSS x%.1f\n", "convoymap / planetsplitter", c / p, cr / pr }'
  rate_of[$name]=$c_rate
  rss_of[$name]=$c_rss
  nodes_of[$name]=$nodes
}

echo "roads import, median of $runs runs (the 4M grid once), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '  %-44s %10s %10s %12s %10s\n' "" nodes "wall" "nodes/s" "peak RSS"
bench Monaco "$extract"
grid 500 "$out/grid.osm.pbf"
bench "synthetic 250k" "$out/grid.osm.pbf"
grid 1000 "$out/grid.osm.pbf"
bench "synthetic 1M" "$out/grid.osm.pbf"
grid 2000 "$out/grid.osm.pbf"
bench "synthetic 4M" "$out/grid.osm.pbf" 1

awk -v n="$country_nodes" -v r="${rate_of[synthetic 1M]}" 'BEGIN {
  printf "Iraq-sized extract (%d nodes, assumed) at the 1M-node rate: about %.0f s (%.1f min), extrapolated\n", n, n / r, n / r / 60 }'
# Peak memory against nodes: a constant share and one growing with the
# extract, in bytes a node between the 1M and 4M grids.
awk -v a="${rss_of[synthetic 250k]}" -v b="${rss_of[synthetic 1M]}" -v c="${rss_of[synthetic 4M]}" \
    -v nb="${nodes_of[synthetic 1M]}" -v nc="${nodes_of[synthetic 4M]}" -v n="$country_nodes" 'BEGIN {
  per = (c - b) * 1048576 / (nc - nb)
  printf "peak RSS 250k -> 1M -> 4M nodes: %d -> %d -> %d MB, %.0f bytes a node beyond 1M\n", a, b, c, per
  printf "Iraq-sized extract at that growth: about %.0f MB, extrapolated\n", c + per * (n - nc) / 1048576 }'
