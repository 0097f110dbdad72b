#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs
# each for SECONDS (default 60), starting from tests/fuzz/corpus/NAME. New
# inputs go to build-fuzz/fuzz-corpus/NAME, so the seed corpus stays small;
# a crash leaves its input in build-fuzz/fuzz-artifacts/. Prints TAP, one
# line a target, and fails when a target does.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(coords route-spec style geocoder query banner cli-args roads-manifest
                                        roads-map serve-request static-query)
mkdir -p build-fuzz
if ! { [ -f build-fuzz/build.ninja ] ||
       CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined \
         -Db_lundef=false --buildtype=debugoptimized >build-fuzz/setup.log 2>&1; } ||
   ! ninja -C build-fuzz gazetteer.sqlite $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") \
       >build-fuzz/ninja.log 2>&1; then
  echo "not ok 1 - fuzz targets build (needs clang and libclang-rt; see build-fuzz/*.log)"
  echo "1..1"
  exit 1
fi
export CONVOYMAP_DATA=$PWD
export CONVOYMAP_BUILD_DIR=$PWD/build-fuzz
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
n=0
for name in "${targets[@]}"; do
  n=$((n + 1))
  work=build-fuzz/fuzz-corpus/$name
  log=build-fuzz/fuzz-$name.log
  mkdir -p "$work" build-fuzz/fuzz-artifacts
  if build-fuzz/tests/fuzz/fuzz-"$name" -max_total_time="$seconds" -max_len=4096 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix=build-fuzz/fuzz-artifacts/"$name"- \
      "$work" tests/fuzz/corpus/"$name" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "ok $n - fuzz $name: $runs runs in $seconds s"
  else
    echo "not ok $n - fuzz $name (see $log)"
    grep -m3 -E 'ERROR|SUMMARY|Test unit written' "$log" | sed 's/^/# /'
    status=1
  fi
done
echo "1..$n"
exit "$status"
