#!/usr/bin/env bash
# convoymap side by side with GMT and Mapnik: the reference briefing map
# (1600x1200 PNG) made by each tool from the same layers of
# geodata/world.gpkg, in the same projection and extent, whole-process wall
# time, median of RUNS runs after one warm-up; plus convoymap's A3 outputs.
#
# Usage: bench/peers.sh [BUILD_DIR] [RUNS]     (defaults: build, 7)
# Needs: a built tree (BUILD_DIR/convoymap, BUILD_DIR/bench/bench-layout),
# gmt (Debian gmt) with ghostscript (gs, which GMT needs for PNG; Debian
# only suggests it), /usr/bin/python3 with mapnik and osgeo, ogr2ogr.
# Set PEERS_KEEP=DIR to keep the outputs of the last runs in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
runs=${2:-7}
case $build in /*) ;; *) build=$root/$build ;; esac
export CONVOYMAP_DATA=$root
export CONVOYMAP_BUILD_DIR=$build
pypeer=/usr/bin/python3 # Debian's python3-mapnik lives there, not in pyenv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keep=${PEERS_KEEP:-}

for tool in "$build/src/cli/convoymap" "$build/bench/bench-layout"; do
  [ -x "$tool" ] || { echo "peers.sh: $tool is missing; build first (ninja -C ${1:-build})" >&2; exit 1; }
done
command -v gmt >/dev/null || { echo "peers.sh: gmt is not installed" >&2; exit 1; }
command -v gs >/dev/null || { echo "peers.sh: GMT needs ghostscript (gs) for PNG" >&2; exit 1; }
"$pypeer" -c 'import mapnik' 2>/dev/null ||
  { echo "peers.sh: $pypeer has no mapnik (apt install python3-mapnik)" >&2; exit 1; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Preparation, not timed -------------------------------------------------
prep=$work/prep
mkdir -p "$prep"
"$build/bench/bench-layout" 1600 1200 "$prep/sites.csv" >"$prep/layout.sh"
# shellcheck source=/dev/null
. "$prep/layout.sh"
"$build/src/cli/convoymap" route --format geojson >"$prep/route.geojson"

# Layers for GMT, cut to the map's extent (plus a small margin) once, here:
# GMT then reads only what it draws, which favours it.
gpkg=$root/geodata/world.gpkg
spat=$(awk -v a="$lon_min" -v b="$lat_min" -v c="$lon_max" -v d="$lat_max" \
  'BEGIN { printf "%.6f %.6f %.6f %.6f", a - 0.2, b - 0.2, c + 0.2, d + 0.2 }')
export_gmt() { # OUT LAYER [ogr2ogr options]
  local out=$1 layer=$2
  shift 2
  ogr2ogr -f OGR_GMT -spat $spat -clipsrc spat_extent "$@" "$prep/$out.gmt" "$gpkg" "$layer"
}
for c in 1 2 3 4 5 6; do export_gmt "countries-$c" countries -where "mapcolor = $c"; done
for layer in lakes rivers admin1 coastline disputed borders; do export_gmt "$layer" "$layer"; done
ogr2ogr -f OGR_GMT -where "kind = 'leg'" "$prep/route.gmt" "$prep/route.geojson"
ogr2ogr -f CSV -lco GEOMETRY=AS_XY -where "kind = 'crossing'" -select name /vsistdout/ \
  "$prep/route.geojson" | awk -F, 'NR > 1 { gsub(/"/, ""); print $1, $2, $3 }' >"$prep/crossings.txt"
awk -F, -v kind=waypoint 'NR > 1 && $3 == kind { gsub(/"/, ""); print $1, $2, $4 }' \
  "$prep/sites.csv" >"$prep/waypoints.txt"
awk -F, -v kind=site 'NR > 1 && $3 == kind { gsub(/"/, ""); print $1, $2, $4 }' \
  "$prep/sites.csv" >"$prep/sites.txt"
"$pypeer" bench/peers/country-labels.py "$gpkg" "$lon_min" "$lat_min" "$lon_max" "$lat_max" \
  "$prep/country-labels.txt"

# --- Timing -----------------------------------------------------------------
# Rounds: each round runs every command once, in turn, so that changes in
# the machine's load hit all tools alike. Bash's time gives the wall time
# and the CPU time (user + system) of the whole process and its children.
out=$work/out
mkdir -p "$out"
run() { # TOOL: makes the map with TOOL
  case $1 in
  convoymap) "$build/src/cli/convoymap" render -o "$out/convoymap.png" ;;
  gmt) bench/peers/gmt-briefing.sh "$prep" "$out/gmt" ;;
  mapnik) "$pypeer" bench/peers/mapnik-briefing.py "$gpkg" "$prep" "$out/mapnik.png" ;;
  a3pdf) "$build/src/cli/convoymap" render --size A3-landscape -o "$out/a3.pdf" ;;
  a3png) "$build/src/cli/convoymap" render --size A3-landscape --dpi 300 -o "$out/a3-300dpi.png" ;;
  esac
}
tools=(convoymap gmt mapnik a3pdf a3png)
for tool in "${tools[@]}"; do # warm-up, and a check that each one works
  run "$tool" >/dev/null 2>"$work/stderr" ||
    { cat "$work/stderr" >&2; echo "peers.sh: $tool failed" >&2; exit 1; }
done
TIMEFORMAT='%R %U %S'
for _ in $(seq "$runs"); do
  for tool in "${tools[@]}"; do
    { time run "$tool" >/dev/null 2>&1; } 2>>"$work/$tool.times"
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
median() { # TOOL wall|cpu: the median of its runs, seconds
  awk -v what="$2" '{ print what == "wall" ? $1 : $2 + $3 }' "$work/$1.times" | sort -g |
    awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
size_of() { gdalinfo "$1" 2>/dev/null | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1x\2/p'; }

echo "Reference briefing map, whole process, median of $runs rounds after a warm-up"
echo "(each round runs every tool once, in turn; /cm = ratio to convoymap's 1600x1200 PNG)"
echo "($(nproc) cores; load average at start: $load_start, at end: $load_end)"
if awk -v l="${load_start%% *}" 'BEGIN { exit !(l > 1.5) }'; then
  echo "WARNING: load average above 1.5 at start: other work shares the CPUs," \
    "the figures are unreliable"
fi
mapnik_version=$("$pypeer" -c 'import mapnik; v = mapnik.mapnik_version(); print(f"{v // 100000}.{v // 100 % 1000}.{v % 100}")')
declare -A label=(
  [convoymap]="convoymap render -o X.png ($(size_of "$out/convoymap.png"))"
  [gmt]="GMT $(gmt --version) modern mode, gmt-briefing.sh ($(size_of "$out/gmt.png"))"
  [mapnik]="Mapnik $mapnik_version, mapnik-briefing.py ($(size_of "$out/mapnik.png"))"
  [a3pdf]="convoymap render --size A3-landscape -o X.pdf"
  [a3png]="convoymap ... A3-landscape --dpi 300 ($(size_of "$out/a3-300dpi.png"))"
)
cm_wall=$(median convoymap wall) cm_cpu=$(median convoymap cpu)
printf '  %-56s %7s %7s %7s %7s\n' "" "wall s" "/cm" "CPU s" "/cm"
for tool in "${tools[@]}"; do
  wall=$(median "$tool" wall) cpu=$(median "$tool" cpu)
  case $tool in
  convoymap | gmt | mapnik)
    printf '  %-56s %7s %7s %7s %7s\n' "${label[$tool]}" "$wall" "$(ratio "$wall" "$cm_wall")" \
      "$cpu" "$(ratio "$cpu" "$cm_cpu")" ;;
  *) printf '  %-56s %7s %7s %7s\n' "${label[$tool]}" "$wall" "" "$cpu" ;;
  esac
done
echo "Targets: GMT/convoymap >= 3, Mapnik/convoymap >= 2, A3 300 dpi under 1 s."
echo "Notes: GMT reads layers exported once, before timing, with ogr2ogr -f OGR_GMT"
echo "  -spat/-clipsrc to the extent, and precomputed country label points (this"
echo "  favours GMT); Mapnik reads geodata/world.gpkg directly. Both get the route"
echo "  and sites precomputed (convoymap geocodes, routes and finds crossings itself),"
echo "  and neither draws convoymap's furniture (title, legend, scale bars, leg labels)."

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$out"/convoymap.png "$out"/gmt.png "$out"/mapnik.png "$keep"/
  echo "Outputs kept in $keep"
fi
