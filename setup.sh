#!/usr/bin/env bash
# convoymap set-up on Debian 12: installs the missing packages, builds, and
#   ./setup.sh         renders the default briefing map to out/briefing.png
#   ./setup.sh test    runs the whole test suite and prints "N passed, N failed"
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-map}
case "$mode" in map|test) ;; *) echo "usage: ./setup.sh [test]" >&2; exit 2 ;; esac

build_packages=(gcc pkg-config meson ninja-build libglib2.0-dev libcairo2-dev libpango1.0-dev
  libproj-dev proj-data libgdal-dev libgeos-dev libsqlite3-dev zlib1g-dev fonts-dejavu-core fonts-noto-core)
# Routino: the library that routes on roads (libroutino-dev, its profiles in
# routino-common) and planetsplitter, which builds the database of `roads import`.
build_packages+=(libroutino-dev routino-common routino)
# libmicrohttpd: the HTTP server of `convoymap serve` (docs/serve.md says why).
build_packages+=(libmicrohttpd-dev)
# Real consumers of our output, used by the tests.
test_packages=(librsvg2-bin poppler-utils gdal-bin file python3 valgrind strace)
# Headless Chromium opens the tiles' --preview page (tests/cli/test-preview.sh).
test_packages+=(chromium)
# clang and its libFuzzer runtime: the warnings check and the short fuzz run.
test_packages+=(clang libclang-rt-14-dev)
# pgRouting, an independent routing engine, checks route --roads on the same
# extract (tests/cli/test-roads-pgrouting.sh): PostgreSQL 15 with PostGIS and
# pgRouting, osm2pgrouting to load OSM XML, osmium-tool to write it; osmium
# also finds the turn restrictions and access tags the tests name.
test_packages+=(postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting osm2pgrouting osmium-tool)
# `convoymap serve`'s tests: curl as the client, sqlite3 to read its MBTiles
# cache, nginx-light and openssl for `nginx -t` on docs/serve.md's example;
# wrk drives bench/serve.sh against nginx, and bench/serve-static.sh.
test_packages+=(curl sqlite3 nginx-light openssl wrk)

packages=("${build_packages[@]}")
[ "$mode" = test ] && packages+=("${test_packages[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "convoymap needs these Debian packages; as root run:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The test command treats compiler warnings as errors; a plain build does
# not, so that a newer compiler's new warning cannot stop a user's build.
# The option is given only to a build directory created here: an existing
# one keeps the options its owner chose.
werror=false
[ "$mode" = test ] && werror=true
[ -f build/build.ninja ] ||
  meson setup build --buildtype=debugoptimized -Dwerror=$werror >/dev/null
ninja -C build >/dev/null
# The build tree's binaries find their modules, index and data through the
# variables that `meson devenv` sets (meson.build's add_devenv).
export CONVOYMAP_BUILD_DIR=$PWD/build
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}

if [ "$mode" = map ]; then
  mkdir -p out
  start=$(date +%s.%N)
  ./build/src/cli/convoymap render -o out/briefing.png
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "render took %.3f s\n", e - s }'
  exit 0
fi

status=0
meson test -C build --print-errorlogs --num-processes 2 || status=$?
# The same suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
[ -f build-asan/build.ninja ] ||
  meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true >/dev/null
ninja -C build-asan >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C build-asan --print-errorlogs --num-processes 2 || status=$?
# clang's warnings too, and a short libFuzzer run of every target (20 s
# each; tests/fuzz/run.sh 600 runs them longer).
[ -f build-clang/build.ninja ] || CC=clang meson setup build-clang -Dwerror=true >/dev/null
ninja -C build-clang >/dev/null
mkdir -p build-fuzz
tests/fuzz/run.sh 20 | tee build-fuzz/fuzz.tap || status=$?
python3 tests/summary.py build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
  build-fuzz/fuzz.tap
exit "$status"
