#!/usr/bin/env bash
# This build against an earlier commit (default: the last before the
# restructure of issue 13), command by command in one run: the earlier
# commit is checked out and built aside, then each command's whole-process
# wall time is measured for both builds in turn (median of RUNS, default 11,
# after a warm-up) and its instructions counted (one callgrind run each),
# with the ratios this/earlier, and each build's peak RSS for a one-shot
# geocode. Each build reads its own data (its checkout).
# Needs GNU time (Debian package time) for the peak RSS and valgrind for the
# instruction counts.
# Usage: bench/versions.sh [BUILD_DIR] [REF] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
ref=${2:-c0d5199}
runs=${3:-11}
out=$(mktemp -d)
trap 'git worktree remove --force "$out/src" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT

git worktree add --detach "$out/src" "$ref" >/dev/null 2>&1
meson setup "$out/build" "$out/src" --buildtype=debugoptimized >/dev/null
ninja -C "$out/build" >/dev/null
# The program's place in either build tree (src/cli/ since issue 13).
program() { if [ -x "$1/src/cli/convoymap" ]; then echo "$1/src/cli/convoymap"; else echo "$1/convoymap"; fi; }
this=$(program "$build")
earlier=$(program "$out/build")

# in_tree DATA-DIR COMMAND...: runs COMMAND with that checkout's data and
# build tree (since issue 13 the build tree is found through the
# environment, not compiled in).
in_tree() {
  local data=$1
  shift
  local tree=$build
  [ "$data" = "$PWD" ] || tree=$out/build
  CONVOYMAP_DATA=$data CONVOYMAP_BUILD_DIR=$tree "$@"
}

median_ms() { # data-dir command...: the median wall time in milliseconds
  local data=$1
  shift
  in_tree "$data" "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    in_tree "$data" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}

mega_instructions() { # data-dir command...: instructions in millions (callgrind)
  local data=$1
  shift
  in_tree "$data" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected :/ { printf "%.1f", $NF / 1e6 }'
}

peak_kb() { # data-dir command...: peak RSS in kB
  local data=$1
  shift
  in_tree "$data" /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}

echo "this build ($build) against $ref, median of $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
echo "(wall time: median ms; instructions: millions, one callgrind run each)"
printf '  %-44s %9s %9s %6s %9s %9s %6s\n' command "this ms" "$ref ms" ratio "this Mi" "$ref Mi" ratio
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
while IFS='|' read -r label args; do
  read -ra words <<<"$args"
  new=$(median_ms "$PWD" "$this" "${words[@]/@OUT@/$out}")
  old=$(median_ms "$out/src" "$earlier" "${words[@]/@OUT@/$out}")
  new_i=$(mega_instructions "$PWD" "$this" "${words[@]/@OUT@/$out}")
  old_i=$(mega_instructions "$out/src" "$earlier" "${words[@]/@OUT@/$out}")
  printf '  %-44s %9s %9s %6s %9s %9s %6s\n' "$label" "$new" "$old" "$(ratio "$new" "$old")" \
    "$new_i" "$old_i" "$(ratio "$new_i" "$old_i")"
done <<'COMMANDS'
geocode Haditha (one-shot)|geocode Haditha
geocode Baghdad Ramadi Amman (three names)|geocode Baghdad Ramadi Amman
route (reference scenario)|route
render -o briefing.png (reference scenario)|render -o @OUT@/briefing.png
tiles over Iraq, zooms 0-6 (one job)|tiles --bbox 38,29,48,37 --zoom 0-6 -o @OUT@/tiles.mbtiles
COMMANDS
echo "peak RSS of a one-shot geocode: this $(peak_kb "$PWD" "$this" geocode Baghdad) kB," \
  "$ref $(peak_kb "$out/src" "$earlier" geocode Baghdad) kB"
echo "index: this $(du -m "$build/gazetteer.sqlite" | cut -f1) MB, $ref $(du -m "$out/build/gazetteer.sqlite" | cut -f1) MB"
