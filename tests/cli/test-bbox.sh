#!/usr/bin/env bash
# --bbox by the one antimeridian rule (include/convoymap/bbox.h): render
# draws a box across the antimeridian, tiles refuse it naming the halves,
# and a crossing box wider than half the world (likely west and east
# swapped) gets a one-line note suggesting the swap. TAP.
# Usage: test-bbox.sh CONVOYMAP
set -u
convoymap=$1
source "$(dirname "$0")/tap.sh"

note="convoymap: note: bounding box 48,29,38,37 crosses the antimeridian and is 350° wide; for the 10° from 38 to 48 give 38,29,48,37"
run render --bbox 48,29,38,37 --size 300x200 -o "$work/wide.png"
if [ "$code" -eq 0 ] && [ -s "$work/wide.png" ] && [ "$(grep -c 'note: bounding box' "$work/stderr")" -eq 1 ] &&
   grep -qxF "$note" "$work/stderr"; then
  ok "render --bbox 48,29,38,37 draws it with one note suggesting 38,29,48,37"
else
  not_ok "render --bbox 48,29,38,37 draws it with one note suggesting 38,29,48,37" "exit $code" "$(cat "$work/stderr")"
fi
run render --bbox 170,-20,-170,-10 --size 300x200 -o "$work/fiji.png"
if [ "$code" -eq 0 ] && [ -s "$work/fiji.png" ] && ! grep -q "note: bounding box" "$work/stderr"; then
  ok "render --bbox 170,-20,-170,-10 (20° across the antimeridian) draws it without a note"
else
  not_ok "render --bbox 170,-20,-170,-10 draws it without a note" "exit $code" "$(cat "$work/stderr")"
fi
run render --bbox 38,29,48,37 --size 300x200 -o "$work/iraq.png"
if [ "$code" -eq 0 ] && ! grep -q "note: bounding box" "$work/stderr"; then
  ok "render --bbox 38,29,48,37 gives no note"
else
  not_ok "render --bbox 38,29,48,37 gives no note" "exit $code" "$(cat "$work/stderr")"
fi
run tiles --bbox 170,-20,-170,-10 --zoom 0-2 -o "$work/fiji-tiles"
if [ "$code" -eq 2 ] && grep -qF "convoymap: bounding box 170,-20,-170,-10 crosses the antimeridian (west above east), which tiles do not: render 170,-20,180,-10 and -180,-20,-170,-10" "$work/stderr" &&
   [ ! -e "$work/fiji-tiles" ]; then
  ok "tiles refuse a box across the antimeridian, naming the two halves (exit 2)"
else
  not_ok "tiles refuse a box across the antimeridian, naming the two halves" "exit $code" "$(cat "$work/stderr")"
fi
run tiles --bbox 48,29,38,37 --zoom 0-2 -o "$work/wide-tiles"
if [ "$code" -eq 2 ] && grep -qxF "$note" "$work/stderr"; then
  ok "tiles --bbox 48,29,38,37 gives the same note before refusing"
else
  not_ok "tiles --bbox 48,29,38,37 gives the same note before refusing" "exit $code" "$(cat "$work/stderr")"
fi
expect_error "render --bbox out of range names the value" 2 \
  "bounding box '38,29,190,37': longitude 190 is out of range" render --bbox 38,29,190,37 -o "$work/x.png"
tap_done
