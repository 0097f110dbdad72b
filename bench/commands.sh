#!/usr/bin/env bash
# Whole-process wall time of convoymap commands on the reference scenario,
# median of N runs (default 11) after one warm-up, and the start-up cost of
# the shared libraries they load (an empty program linked the same way).
# Usage: bench/commands.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
# The build tree's binaries find the data, the index and the modules
# through these, as under `meson devenv`.
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
runs=${2:-11}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. bench/median.sh

row() { printf '  %-52s %8s ms\n' "$1" "$2"; }

echo "convoymap, reference scenario, median of $runs runs ($(nproc) cores)"
row "convoymap --version (start-up only)" "$(median_ms "$build/src/cli/convoymap" --version)"
row "convoymap route" "$(median_ms "$build/src/cli/convoymap" route)"
for format in png svg pdf; do
  row "convoymap render -o briefing.$format (1600x1200)" \
    "$(median_ms "$build/src/cli/convoymap" render -o "$out/briefing.$format")"
done

row 'convoymap geocode "Ayn al-Asad"' "$(median_ms "$build/src/cli/convoymap" geocode "Ayn al-Asad")"
row 'convoymap geocode al-Bukamai (typo: deletion index)' \
  "$(median_ms bash -c "'$build/src/cli/convoymap' geocode al-Bukamai 2>/dev/null; true")"
row "convoymap geocode --reverse 33.1,40.2" "$(median_ms "$build/src/cli/convoymap" geocode --reverse 33.1,40.2)"

echo "start-up of an empty program linked with (no convoymap code):"
echo 'int main(void) { return 0; }' >"$out/empty.c"
# convoymap links the next to last set; Cairo and Pango come only with its
# drawing module, GDAL only with its OGR module.
for libs in "glib-2.0 sqlite3" "proj" "pangocairo" "geos" "gdal" \
            "glib-2.0 gmodule-2.0 sqlite3 proj geos" \
            "glib-2.0 gmodule-2.0 sqlite3 proj pangocairo geos"; do
  cc "$out/empty.c" -o "$out/empty" -Wl,--no-as-needed $(pkg-config --libs $libs)
  row "$libs" "$(median_ms "$out/empty")"
done
