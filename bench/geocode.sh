#!/usr/bin/env bash
# The geocoder's costs: a one-shot `convoymap geocode "Ayn al-Asad"` as a
# whole process (median of RUNS, default 11, after a warm-up), what start-up
# alone costs (`convoymap --version` against an empty program linked with
# GDAL), then bench-geocode: a batch of mixed queries (default 100,000)
# through the library API with per-query p50/p95/p99/max for each class
# (exact, variant, typo, coordinate) and overall, in wall and thread CPU
# time, how often a typo finds its place, peak RSS and the index size.
# Usage: bench/geocode.sh [BUILD_DIR] [RUNS] [QUERIES]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-11}
queries=${3:-100000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export CONVOYMAP_DATA=$PWD
export CONVOYMAP_BUILD_DIR=$(realpath "$build")

. bench/median.sh

row() { printf '  %-48s %8s ms\n' "$1" "$2"; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); median of $runs runs"
row 'convoymap geocode "Ayn al-Asad"' "$(median_ms "$build/src/cli/convoymap" geocode "Ayn al-Asad")"
row "convoymap --version" "$(median_ms "$build/src/cli/convoymap" --version)"
echo 'int main(void) { return 0; }' >"$out/empty.c"
cc "$out/empty.c" -o "$out/empty-gdal" -Wl,--no-as-needed $(pkg-config --libs gdal)
cc "$out/empty.c" -o "$out/empty"
row "empty program" "$(median_ms "$out/empty")"
row "empty program linked with GDAL" "$(median_ms "$out/empty-gdal")"
echo "batch through the library API:"
"$build/bench/bench-geocode" "$queries"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
