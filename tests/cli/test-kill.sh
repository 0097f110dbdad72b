#!/usr/bin/env bash
# Kills `convoymap render -o FILE` with SIGKILL at random moments (from 0 to
# 1.3 times a whole run, so that some kills land while the file is written and
# some runs finish; ROUNDS times per format) and checks the promise of atomic output:
# FILE is absent or the previous file, byte for byte, or a complete new one,
# and nothing else is left in its directory (but, when a file was replaced,
# the complete new file under its temporary name: see publish_unnamed in
# src/render/map.c). TAP.
#   tests/cli/test-kill.sh CONVOYMAP [ROUNDS] [SEED]
set -u
convoymap=$1
rounds=${2:-20}
seed=${3:-$$}
RANDOM=$seed
echo "# seed $seed (give it as SEED to repeat the delays)"
. "$(dirname "$0")/tap.sh"

# complete FILE: whether FILE is a whole PNG, SVG or PDF (its end is there).
complete() {
  python3 - "$1" <<'PY'
import sys
path = sys.argv[1]
data = open(path, 'rb').read()
# A temporary name "map.png.XXXXXXXX.tmp" is judged by the target's type.
if path.endswith('.tmp'):
    path = path[:-len('.XXXXXXXX.tmp')]
if path.endswith('.png'):
    ok = data[:8] == b'\x89PNG\r\n\x1a\n' and data[-8:-4] == b'IEND'
elif path.endswith('.svg'):
    ok = data.lstrip().startswith(b'<?xml') and data.rstrip().endswith(b'</svg>')
else:
    ok = data[:5] == b'%PDF-' and data.rstrip().endswith(b'%%EOF')
sys.exit(0 if ok else 1)
PY
}

for ext in png svg pdf; do
  dir=$work/$ext
  mkdir -p "$dir"
  target=$dir/map.$ext
  killed=0 finished=0 problems=()
  start=$(date +%s%N)
  # The timing run must work, or every round below would prove nothing.
  if ! "$convoymap" render -o "$target" >"$work/log" 2>&1 || ! complete "$target"; then
    not_ok "$ext: an unkilled render writes a complete map" "$(cat "$work/log")"
    continue
  fi
  run_ms=$((($(date +%s%N) - start) / 1000000))
  max_ms=$((run_ms * 13 / 10 + 1))
  for round in $(seq "$rounds"); do
    # Half the rounds replace an existing map, half write a new one.
    rm -f "$target" "$work/old"
    if [ $((round % 2)) -eq 0 ]; then
      "$convoymap" render --size 800x600 --title "Old $round" -o "$target" >/dev/null 2>&1
      cp "$target" "$work/old"
    fi
    "$convoymap" render --title "New $round" -o "$target" >/dev/null 2>&1 &
    pid=$!
    delay=$(((RANDOM * 32768 + RANDOM) % max_ms))
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    status=$?
    case $status in
      0) finished=$((finished + 1)) ;;
      137) killed=$((killed + 1)) ;;
      *) problems+=("round $round: render exited with status $status, not killed") ;;
    esac
    if [ -e "$target" ] && ! { [ -f "$work/old" ] && cmp -s "$target" "$work/old"; } &&
       ! complete "$target"; then
      problems+=("round $round: $target is neither the old file nor a complete new one")
    fi
    if [ ! -e "$target" ] && [ -f "$work/old" ]; then
      problems+=("round $round: the old $target is gone")
    fi
    leftovers=$(find "$dir" -mindepth 1 ! -path "$target")
    # Replacing a file, a kill between linkat() and rename() may leave the
    # complete new file under its temporary name (src/render/map.c,
    # publish_unnamed); anything else left behind is a failure.
    if [ -f "$work/old" ] && [ -n "$leftovers" ] && [ "$(echo "$leftovers" | wc -l)" -eq 1 ] &&
       [[ $leftovers == "$target".????????.tmp ]] && complete "$leftovers"; then
      echo "# round $round: killed between link and rename: $leftovers is complete"
      rm -f "$leftovers"
      leftovers=
    fi
    [ -z "$leftovers" ] || problems+=("round $round: left behind: $leftovers")
  done
  if [ ${#problems[@]} -eq 0 ]; then
    ok "$ext: $rounds rounds of 0-$max_ms ms ($killed killed while running, $finished finished)"
  else
    not_ok "$ext: atomic output under SIGKILL" "${problems[@]}"
  fi
done
tap_done
