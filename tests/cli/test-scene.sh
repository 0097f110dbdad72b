#!/usr/bin/env bash
# `render`, `tiles` and `tile` read the same route and --mark flags as one
# scene, so they put a mark in the same place: "Tripoli" beside a convoy in
# Jordan and Iraq is Lebanon's in all three (tiles used to look it up alone
# and drew Libya's). A --mark outside the map's box is noted on stderr.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
# sql FILE QUERY: one value from an SQLite file, read-only.
sql() { python3 -c "import sqlite3, sys
db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
print('\n'.join('|'.join(str(v) for v in row) for row in db.execute(sys.argv[2])))" "$1" "$2"; }
# overlay FILE: the fingerprint of what an MBTiles file's tiles show (the
# routes, crossings and marks: names and positions), from its record.
overlay() { sql "$1" "select value from metadata where name = 'convoymap_rendering'" |
  sed -n 's/.*overlay \([0-9a-f]*\).*/\1/p'; }
# taking: the geocoder's notes on how it read 'Tripoli'.
taking() { grep "taking 'Tripoli'" "$work/stderr"; }

run render --mark Tripoli -o "$work/map.png"
check "render --mark Tripoli exits 0" test "$code" -eq 0
render_note=$(taking)
check "render reads Tripoli beside the example convoy as Lebanon's" \
  grep -qx "convoymap: taking 'Tripoli' as Tripoli (LBN); also 'Tripoli' (LBY)" <<<"$render_note"

run tiles --mark Tripoli --bbox 35,29,44,37 --zoom 3 -o "$work/tripoli.mbtiles"
check "tiles --mark Tripoli exits 0" test "$code" -eq 0
check "tiles reads Tripoli as render does" test "$(taking)" = "$render_note"

# Regression: with --bbox, render draws the area without the example
# convoy, so Tripoli had no context and was Libya's while tiles (which keep
# the convoy) read Lebanon's; the box is the context of both now.
run render --bbox 38,29,48,37 --mark Tripoli -o "$work/box.png"
check "render --bbox --mark Tripoli reads Tripoli as tiles do" test "$(taking)" = "$render_note"
run render --bbox 9,28,25,34 --mark Tripoli -o "$work/libya.png"
check "over Libya, render --bbox --mark Tripoli is Libya's" \
  bash -c "[ $code -eq 0 ] && ! grep -q 'Tripoli (LBN)' '$work/stderr'"

# Lebanon's Tripoli, 34.4335N 35.8442E, is in tile 8/153/101.
run tile 8 153 101 --mark Tripoli -o "$work/tripoli.png"
check "tile --mark Tripoli exits 0" test "$code" -eq 0
check "tile reads Tripoli as render does" test "$(taking)" = "$render_note"

# Where the mark lands, not only what was noted: the tiles' record of what
# they show and the tile itself equal those of the unambiguous name.
run tiles --mark "Tripoli, Lebanon" --bbox 35,29,44,37 --zoom 3 -o "$work/lebanon.mbtiles"
run tiles --mark "Tripoli, Libya" --bbox 35,29,44,37 --zoom 3 -o "$work/libya.mbtiles"
check "tiles' overlay for Tripoli is that of 'Tripoli, Lebanon'" \
  test "$(overlay "$work/tripoli.mbtiles")" = "$(overlay "$work/lebanon.mbtiles")"
check "and not that of 'Tripoli, Libya'" \
  test "$(overlay "$work/tripoli.mbtiles")" != "$(overlay "$work/libya.mbtiles")"
run tile 8 153 101 --mark "Tripoli, Lebanon" -o "$work/lebanon.png"
run tile 8 153 101 -o "$work/unmarked.png"
check "tile 8/153/101 with Tripoli is the tile with 'Tripoli, Lebanon'" \
  cmp "$work/tripoli.png" "$work/lebanon.png"
check "and shows the mark (it differs from the tile without)" \
  bash -c "! cmp -s '$work/tripoli.png' '$work/unmarked.png'"
# render with a route of its own and a box round Lebanon's Tripoli only:
# the mark is read in the route's context and lands inside the box.
run render --from Amman --to Ramadi --mark Tripoli --bbox 35,33,37,35 -o "$work/box.png"
check "render in a box round Lebanon's Tripoli exits 0" test "$code" -eq 0
check "and notes no mark outside the map" bash -c "! grep -q 'outside' '$work/stderr'"

# A mark outside the box: drawn nowhere, and said so (not an error).
run render --mark "Tripoli, Lebanon" --bbox 40,30,45,35 -o "$work/outside.png"
check "a --mark outside the --bbox exits 0 and writes the map" \
  bash -c "[ $code -eq 0 ] && [ -s '$work/outside.png' ]"
check "stderr is one line naming the mark outside the map's extent" \
  test "$(cat "$work/stderr")" = \
  "convoymap: the mark Tripoli (LBN) is outside the map's extent and is not drawn"
run render --mark Baghdad --mark "Tripoli, Lebanon" --center Baghdad --radius-km 100 -o "$work/circle.png"
check "with --center, only the mark outside the circle is noted" \
  test "$(grep -c 'outside' "$work/stderr")" = 1 -a \
  "$(grep 'outside' "$work/stderr")" = \
  "convoymap: the mark Tripoli (LBN) is outside the map's extent and is not drawn"

# tiles: a mark outside --bbox is noted; the example's own marks are not.
# Besides the note, tiles announces what it renders (one line).
notes() { grep -v '^convoymap: rendering ' "$work/stderr"; }
run tiles --mark Ramadi --mark "Tripoli, Lebanon" --bbox 38,29,48,37 --zoom 2 -o "$work/t.mbtiles"
check "tiles with a --mark outside the --bbox exits 0" test "$code" -eq 0
check "stderr is one line naming the mark outside the tiles' bounding box" \
  test "$(notes)" = \
  "convoymap: the mark Tripoli (LBN) is outside the tiles' bounding box"
run tiles --bbox 43,32,45,34 --zoom 2 -o "$work/example.mbtiles"
check "the example's marks outside a small --bbox are not noted" \
  bash -c "[ $code -eq 0 ] && [ \"\$(grep -vc '^convoymap: rendering ' '$work/stderr')\" = 0 ]"

tap_done
