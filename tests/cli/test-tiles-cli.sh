#!/usr/bin/env bash
# End-to-end tests of `convoymap tiles` and `convoymap tile`, as TAP: the
# directory layout, PNGs read by GDAL, MBTiles read by gdalinfo and SQLite,
# a run killed with SIGKILL and resumed giving the same tileset as a clean
# run, a run interrupted with SIGINT stopping cleanly (exit 130) and
# resumed, and the error paths with their exit codes.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
# sql FILE QUERY: one value from an SQLite file, read-only.
sql() { python3 -c "import sqlite3, sys
db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
print('\n'.join('|'.join(str(v) for v in row) for row in db.execute(sys.argv[2])))" "$1" "$2"; }

iraq=38,29,48,37

# A directory: z/x/y.png for exactly the tiles of the box. Zooms 0-8 over
# Iraq: 1 + 1 + 1 + 2 + 2 + 4 + 9 + 25 + 64 = 109 tiles.
run tiles --bbox "$iraq" --zoom 0-8 -o "$work/dir"
check "tiles to a directory exits 0" test "$code" -eq 0
check "directory holds the 109 tiles, its metadata.json and nothing else" bash -c "
  [ \$(find '$work/dir' -type f | wc -l) -eq 110 ] && [ -f '$work/dir/metadata.json' ] &&
  [ \$(find '$work/dir' -type f -regex '.*/[0-9]+/[0-9]+/[0-9]+\.png' | wc -l) -eq 109 ]"
# Baghdad, 44.4009E 33.3406N, at z8: x = 224.4009 / 360 * 256 = 159.57,
# y = 411.31 / 4 = 102.83 (see tests/unit/test-tiles.c for z10).
check "tile 8/159/102 exists and GDAL reads it as 256x256 RGB" bash -c "
  gdalinfo '$work/dir/8/159/102.png' > '$work/info' &&
  grep -q 'Size is 256, 256' '$work/info' && grep -q 'Band 3' '$work/info'"
check "stdout reports the tiles" grep -q "109 tiles, zoom 0-8" "$work/stdout"
check "no progress output when stderr is not a terminal: only the announcement" \
  test "$(cat "$work/stderr")" = "convoymap: rendering 109 tiles in 14 metatiles, zoom 0-8, bbox $iraq"
# script(1) gives the run a terminal: zooms 0-6 over Iraq are 20 tiles.
check "progress on stderr when it is a terminal" bash -c "
  script -qec \"'$convoymap' tiles --bbox $iraq --zoom 0-6 -o '$work/progress'\" /dev/null |
  tr '\\r' '\\n' | grep -qx '20/20 tiles (100%)'"

run tiles --bbox 43,32,45,34 --zoom 9 --tile-size 512 -o "$work/big"
check "--tile-size 512 writes 512x512 tiles" bash -c "
  [ \$(find '$work/big' -name '*.png' | wc -l) -gt 0 ] &&
  gdalinfo \$(find '$work/big' -name '*.png' | head -1) | grep -q 'Size is 512, 512'"
run tiles --bbox 43,32,45,34 --zoom 9 --scale 2 -o "$work/retina"
check "--scale 2 writes 512x512 tiles for 256 tiles" bash -c "
  gdalinfo '$work/retina/9/319/205.png' | grep -q 'Size is 512, 512'"

# One tile.
run tile 10 638 411 -o "$work/one.png"
check "tile Z X Y exits 0" test "$code" -eq 0
check "tile Z X Y writes a 256x256 PNG GDAL reads" bash -c "
  gdalinfo '$work/one.png' | grep -q 'Size is 256, 256'"
# Cairo's antialiasing may differ by a level or two between a metatile and
# a lone tile (tests/unit/test-tiles.c bounds that); with 1x1 metatiles the bytes
# are the same.
run tile 8 159 102 -o "$work/same.png"
"$convoymap" tiles --bbox 44.2,33.2,44.6,33.5 --zoom 8 --metatile 1 -o "$work/single" >/dev/null
check "tile Z X Y equals the same tile from 'tiles --metatile 1'" cmp "$work/same.png" "$work/single/8/159/102.png"

# Labels are placed per zoom, not per metatile: every tile has the same
# label text (pixels of the label colour, counted by a decoder of our own)
# with 8x8 and with 1x1 metatiles, and there is label text to count.
here=$(cd "$(dirname "$0")" && pwd)
label_color=$(sed -n '/^\[labels\]/,/^\[/s/^color=#//p' "$here/../../styles/briefing.ini")
"$convoymap" tiles --bbox "$iraq" --zoom 7 --metatile 8 -o "$work/labels8" >/dev/null
"$convoymap" tiles --bbox "$iraq" --zoom 7 --metatile 1 -o "$work/labels1" >/dev/null
# label_counts DIR: each tile's path and its count of label-colour pixels.
label_counts() {
  (cd "$1" && find . -name '*.png' | sort >"$work/tiles.txt" &&
   paste -d ' ' "$work/tiles.txt" <(python3 "$here/png-count.py" $(cat "$work/tiles.txt") "$label_color"))
}
label_counts "$work/labels8" >"$work/labels8.txt"
label_counts "$work/labels1" >"$work/labels1.txt"
check "label text is the same on every tile with 8x8 and 1x1 metatiles" cmp "$work/labels8.txt" "$work/labels1.txt"
check "z7 tiles over Iraq carry label text" test "$(awk '$2 > 0' "$work/labels8.txt" | wc -l)" -ge 12

# --style and --labels, on both commands. Tile 7/79/51 (Ramadi to Najaf) in
# night's label colour, and a style of our own that paints place names
# magenta: the place names carry that colour only with the style.
night_label=$(sed -n '/^\[labels\]/,/^\[/s/^color=#//p' "$here/../../styles/night.ini")
run tile 7 79 51 --style night -o "$work/night.png"
check "tile --style night exits 0" test "$code" -eq 0
night_count=$(python3 "$here/png-count.py" "$work/night.png" "$night_label")
check "tile --style night draws labels in night's colour #$night_label ($night_count pixels)" test "$night_count" -gt 500
run tile 7 79 51 -o "$work/briefing.png"
# (A halo's antialiased edge may hit the colour now and then.)
check "the briefing tile has hardly any pixel of that colour" test "$(python3 "$here/png-count.py" "$work/briefing.png" "$night_label")" -lt $((night_count / 20))
printf '[style]\ninherits=briefing\n[places]\nlabel-color=#ff00ff\n' >"$work/magenta.ini"
"$convoymap" tiles --bbox 43.9,32.5,44.1,32.7 --zoom 7 --style "$work/magenta.ini" -o "$work/magenta" >/dev/null
check "tiles --style FILE: [places] label-color colours the place names" test "$(python3 "$here/png-count.py" "$work/magenta/7/79/51.png" ff00ff)" -ge 20
check "without it no pixel is magenta" test "$(python3 "$here/png-count.py" "$work/briefing.png" ff00ff)" -eq 0
run tile 7 79 51 --labels ar -o "$work/ar.png"
check "tile --labels ar exits 0" test "$code" -eq 0
check "Arabic labels draw another tile than English ones" bash -c "! cmp -s '$work/ar.png' '$work/briefing.png'"
"$convoymap" tiles --bbox 43.9,32.5,44.1,32.7 --zoom 7 --metatile 1 --labels ar -o "$work/ar-tiles" >/dev/null
check "tiles --labels ar draws what tile --labels ar draws" cmp "$work/ar.png" "$work/ar-tiles/7/79/51.png"
run tile 7 79 51 --labels en -o "$work/en.png"
check "--labels en is the default" cmp "$work/en.png" "$work/briefing.png"
printf '[style]\ninherits=briefing\n\n[places]\nmin-population=0:10;7:x\n' >"$work/broken.ini"
expect_error "tiles --style with a broken key names file, line and key" 2 "style $work/broken.ini:5: [places] min-population: '7:x'" tiles --bbox "$iraq" --zoom 0-2 --style "$work/broken.ini" -o "$work/errors/x"

# MBTiles, with two threads.
run tiles --bbox "$iraq" --zoom 0-10 --jobs 2 --name "Iraq" -o "$work/iraq.mbtiles"
check "tiles to MBTiles exits 0" test "$code" -eq 0
check "gdalinfo reads the MBTiles file" bash -c "
  gdalinfo '$work/iraq.mbtiles' > '$work/info' &&
  grep -q '^Driver: MBTiles' '$work/info' && grep -q 'name=Iraq' '$work/info' &&
  grep -q 'minzoom=0' '$work/info' && grep -q 'maxzoom=10' '$work/info' &&
  grep -q 'ZOOM_LEVEL=10' '$work/info'"
check "MBTiles holds 1,131 tiles (zooms 0-10 over Iraq)" test "$(sql "$work/iraq.mbtiles" 'SELECT count(*) FROM tiles')" = 1131
check "MBTiles metadata has the required keys" test "$(sql "$work/iraq.mbtiles" "SELECT count(*) FROM metadata WHERE name IN ('name', 'format', 'bounds', 'center', 'minzoom', 'maxzoom', 'attribution')")" = 7
check "MBTiles file is a single file, not left in WAL mode" bash -c "
  [ ! -e '$work/iraq.mbtiles-wal' ] && [ \"\$(python3 -c \"import sqlite3; print(sqlite3.connect('$work/iraq.mbtiles').execute('PRAGMA journal_mode').fetchone()[0])\")\" = delete ]"
# XYZ 8/159/102 is TMS row 255 - 102 = 153; same pixels as the directory's.
python3 -c "import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute('SELECT tile_data FROM tiles WHERE zoom_level = 8 AND tile_column = 159 AND tile_row = 153').fetchone()
open(sys.argv[2], 'wb').write(row[0] if row else b'')" "$work/iraq.mbtiles" "$work/from-mbtiles.png"
check "MBTiles tile 8/159/153 (TMS) is the directory's 8/159/102" cmp "$work/from-mbtiles.png" "$work/dir/8/159/102.png"

# The offline preview: a page that loads nothing from the network and
# points at the tiles beside it.
run tiles --bbox "$iraq" --zoom 3-5 --preview --name "Iraq <preview>" -o "$work/preview"
check "--preview writes index.html beside the tiles" test -f "$work/preview/index.html" -a -f "$work/preview/5/19/12.png"
check "preview page is offline and knows the zoom range" python3 -c "
import html.parser, re, sys
page = open('$work/preview/index.html').read()
class Refs(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            assert name not in ('src', 'href') or not re.match(r'(https?:)?//', value), value
Refs().feed(page)
assert 'http' not in page, 'network reference'
assert 'minZoom: 3, maxZoom: 5, zoom: 3, size: 256' in page
assert 'prefix: ""' in page
assert \"z + '/' + x + '/' + y + '.png'\" in page
assert '<title>Iraq &lt;preview&gt;</title>' in page
"
expect_error "preview of an MBTiles file" 2 "preview needs a directory" tiles --bbox "$iraq" --zoom 0-1 --preview -o "$work/errors/x.mbtiles"

# Two shards merged: the same tileset as one run.
run tiles --bbox "$iraq" --zoom 0-10 --shard 1/2 -o "$work/shard1.mbtiles"
first=$(sql "$work/shard1.mbtiles" 'SELECT count(*) FROM map')
run tiles --bbox "$iraq" --zoom 0-10 --shard 2/2 -o "$work/shard2.mbtiles"
second=$(sql "$work/shard2.mbtiles" 'SELECT count(*) FROM map')
check "shards split the tiles between them ($first + $second)" test "$first" -gt 0 -a "$second" -gt 0 -a $((first + second)) -eq 1131
run tiles merge "$work/merged.mbtiles" "$work/shard1.mbtiles" "$work/shard2.mbtiles"
check "tiles merge exits 0" test "$code" -eq 0
query='SELECT zoom_level, tile_column, tile_row, tile_id FROM map ORDER BY 1, 2, 3'
check "merged shards equal the single run, tile for tile" test "$(sql "$work/merged.mbtiles" "$query" | md5sum)" = "$(sql "$work/iraq.mbtiles" "$query" | md5sum)"
check "merged file keeps the metadata" test "$(sql "$work/merged.mbtiles" "SELECT value FROM metadata WHERE name IN ('bounds', 'minzoom', 'maxzoom') ORDER BY name")" = "38.000000,29.000000,48.000000,37.000000
10
0"
check "merged file stores each image once" test "$(sql "$work/merged.mbtiles" 'SELECT count(*) FROM images')" = "$(sql "$work/iraq.mbtiles" 'SELECT count(*) FROM images')"

# The output records how its tiles were drawn, and --resume refuses to add
# tiles drawn otherwise: the file is left as it was.
rendering=$(sql "$work/shard1.mbtiles" "SELECT value FROM metadata WHERE name = 'convoymap_rendering'")
if [[ $rendering =~ ^convoymap\ [0-9.]+\;\ 256\ px\ tiles\ at\ scale\ 1\;\ labels\ en\;\ style\ [0-9a-f]{12}\;\ overlay\ [0-9a-f]{12}$ ]]; then
  ok "MBTiles metadata records the rendering ($rendering)"
else
  not_ok "MBTiles metadata records the rendering" "$rendering"
fi
cp "$work/shard1.mbtiles" "$work/resume-check.mbtiles"
before=$(sql "$work/resume-check.mbtiles" "$query" | md5sum)
expect_error "resume with another tile size" 2 "drawn with 256 px tiles at scale 1, this run draws with 512 px tiles at scale 1" \
  tiles --bbox "$iraq" --zoom 0-10 --tile-size 512 --resume -o "$work/resume-check.mbtiles"
expect_error "resume with another style" 2 "its tiles were drawn with style" \
  tiles --bbox "$iraq" --zoom 0-10 --style night --resume -o "$work/resume-check.mbtiles"
expect_error "resume with other labels" 2 "drawn with labels en, this run draws with labels ar" \
  tiles --bbox "$iraq" --zoom 0-10 --labels ar --resume -o "$work/resume-check.mbtiles"
expect_error "resume with another route" 2 "its tiles were drawn with overlay" \
  tiles --bbox "$iraq" --zoom 0-10 --from Amman --to Baghdad --resume -o "$work/resume-check.mbtiles"
check "a refused resume leaves the tiles as they were" test "$(sql "$work/resume-check.mbtiles" "$query" | md5sum)" = "$before"
check "a refused resume leaves the file byte for byte" cmp "$work/resume-check.mbtiles" "$work/shard1.mbtiles"
# The same style under another path draws alike, and may resume.
cp "$(dirname "$0")/../../styles/briefing.ini" "$work/copy-of-briefing.ini"
run tiles --bbox "$iraq" --zoom 0-10 --style "$work/copy-of-briefing.ini" --shard 1/2 --resume -o "$work/resume-check.mbtiles"
check "resume with the same style from another file (exit $code)" grep -q "0 rendered" "$work/stdout"
printf '[style]\ninherits=briefing\ndescription=Our copy\n' >"$work/described.ini"
run tiles --bbox "$iraq" --zoom 0-10 --style "$work/described.ini" --shard 1/2 --resume -o "$work/resume-check.mbtiles"
check "resume with a style that only inherits and describes itself (exit $code)" grep -q "0 rendered" "$work/stdout"
run tiles --bbox "$iraq" --zoom 0-10 --style night --shard 2/2 -o "$work/shard2-night.mbtiles"
expect_error "merging shards drawn with other styles" 2 "shard2-night.mbtiles with style" \
  tiles merge "$work/errors/merged.mbtiles" "$work/shard1.mbtiles" "$work/shard2-night.mbtiles"
# A directory records it in metadata.json, beside the tiles.
run tiles --bbox "$iraq" --zoom 0-3 -o "$work/recorded-dir"
check "a directory's metadata.json holds the MBTiles metadata and the rendering" python3 -c "
import json, sys
meta = json.load(open(sys.argv[1]))
assert meta['bounds'] == '38.000000,29.000000,48.000000,37.000000', meta
assert meta['minzoom'] == '0' and meta['maxzoom'] == '3' and meta['format'] == 'png', meta
assert meta['convoymap_rendering'] == sys.argv[2], meta
" "$work/recorded-dir/metadata.json" "$rendering"
expect_error "resume a directory at another scale" 2 "drawn with 256 px tiles at scale 1, this run draws with 256 px tiles at scale 2" \
  tiles --bbox "$iraq" --zoom 0-3 --scale 2 --resume -o "$work/recorded-dir"

# Killed partway with SIGKILL, then resumed: the same tileset as a clean run.
"$convoymap" tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --jobs 1 -o "$work/killed.mbtiles" >/dev/null 2>&1 &
pid=$!
stored=0
for _ in $(seq 600); do
  stored=$(sql "$work/killed.mbtiles" 'SELECT count(*) FROM map' 2>/dev/null || echo 0)
  [ "${stored:-0}" -ge 300 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
killed_code=$?
partial=$(sql "$work/killed.mbtiles" 'SELECT count(*) FROM map')
if [ "$killed_code" -eq 137 ] && [ "$partial" -ge 300 ] && [ "$partial" -lt 1131 ]; then
  ok "run killed partway ($partial of 1131 tiles committed)"
else
  not_ok "run killed partway" "exit $killed_code, $partial tiles"
fi
check "killed MBTiles passes SQLite's integrity check" test "$(sql "$work/killed.mbtiles" 'PRAGMA integrity_check')" = ok
run tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --jobs 1 --resume -o "$work/killed.mbtiles"
check "resume exits 0" test "$code" -eq 0
check "resume renders only what was missing" grep -q "1131 tiles, zoom 0-10, $((1131 - partial)) rendered" "$work/stdout"
run tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --jobs 2 -o "$work/clean.mbtiles"
check "resumed tileset equals a clean run's, tile for tile" test "$(sql "$work/killed.mbtiles" "$query" | md5sum)" = "$(sql "$work/clean.mbtiles" "$query" | md5sum)"
check "resuming a complete tileset renders nothing" bash -c "
  '$convoymap' tiles --bbox '$iraq' --zoom 0-10 --metatile 4 --resume -o '$work/clean.mbtiles' |
  grep -q ', 0 rendered in 0 metatiles'"

# A directory run killed and resumed: every tile whole, none missing.
"$convoymap" tiles --bbox "$iraq" --zoom 0-10 --metatile 4 -o "$work/killed-dir" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do
  [ "$(find "$work/killed-dir" -name '*.png' 2>/dev/null | wc -l)" -ge 300 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
run tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --resume -o "$work/killed-dir"
check "resumed directory has the 1,131 tiles" test "$(find "$work/killed-dir" -name '*.png' | wc -l)" -eq 1131
run tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --jobs 2 -o "$work/clean-dir"
check "resumed directory equals a clean run's, file for file" diff -r "$work/killed-dir" "$work/clean-dir"

# Interrupted with SIGINT (Ctrl-C): exit 130 with one line saying how far it
# got, the metatiles done kept and the output closed properly, then resumed
# to the clean run's tileset.
stored_tiles() { # OUT: tiles committed so far
  case $1 in
    *.mbtiles) sql "$1" 'SELECT count(*) FROM map' 2>/dev/null || echo 0 ;;
    *) find "$1" -name '*.png' 2>/dev/null | wc -l ;;
  esac
}
interrupt() { # OUT JOBS: a run sent SIGINT once some tiles are stored
  # Job control, so that the background run does not start with SIGINT
  # ignored as a non-interactive shell's background jobs do.
  set -m
  "$convoymap" tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --jobs "$2" -o "$1" >"$work/stdout" 2>"$work/stderr" &
  pid=$!
  set +m
  for _ in $(seq 600); do
    [ "$(stored_tiles "$1")" -ge 50 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -INT "$pid" 2>/dev/null
  wait "$pid"
  code=$?
}
check_interrupted() { # OUT DESCRIPTION
  local stored reported
  stored=$(stored_tiles "$1")
  reported=$(sed -n 's/^convoymap: interrupted after \([0-9]*\) of 1131 tiles; run again with --resume to finish$/\1/p' "$work/stderr")
  # The announcement, then the interruption.
  if [ "$code" -eq 130 ] && [ "$(wc -l <"$work/stderr")" -eq 2 ] && [ "$reported" = "$stored" ] &&
     [ "$stored" -gt 0 ] && [ "$stored" -lt 1131 ]; then
    ok "$2: SIGINT exits 130 after $stored of 1131 tiles, saying so"
  else
    not_ok "$2: SIGINT exits 130" "exit $code, $stored tiles" "stderr: $(cat "$work/stderr")"
  fi
}
for jobs in 1 2; do
  out="$work/interrupted-$jobs.mbtiles"
  interrupt "$out" "$jobs"
  check_interrupted "$out" "MBTiles, --jobs $jobs"
  check "MBTiles, --jobs $jobs: interrupted file passes SQLite's integrity check" test "$(sql "$out" 'PRAGMA integrity_check')" = ok
  check "MBTiles, --jobs $jobs: no -wal, -shm or -journal left, not in WAL mode" bash -c "
    [ -z \"\$(find '$work' -maxdepth 1 -name 'interrupted-$jobs.mbtiles-*')\" ] &&
    [ \"\$(python3 -c \"import sqlite3; print(sqlite3.connect('$out').execute('PRAGMA journal_mode').fetchone()[0])\")\" = delete ]"
  check "MBTiles, --jobs $jobs: gdalinfo reads the interrupted file" bash -c "
    gdalinfo '$out' | grep -q '^Driver: MBTiles'"
  run tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --jobs "$jobs" --resume -o "$out"
  check "MBTiles, --jobs $jobs: resume after SIGINT exits 0" test "$code" -eq 0
  check "MBTiles, --jobs $jobs: resumed tileset equals a clean run's, tile for tile" test "$(sql "$out" "$query" | md5sum)" = "$(sql "$work/clean.mbtiles" "$query" | md5sum)"
done
interrupt "$work/interrupted-dir" 2
check_interrupted "$work/interrupted-dir" "directory, --jobs 2"
check "directory: no .partial file left after SIGINT" test -z "$(find "$work/interrupted-dir" -name '*.partial')"
run tiles --bbox "$iraq" --zoom 0-10 --metatile 4 --jobs 2 --resume -o "$work/interrupted-dir"
check "directory: resumed after SIGINT equals a clean run's, file for file" diff -r "$work/interrupted-dir" "$work/clean-dir"

# Errors: one line on stderr, exit 2 for usage, 1 at run time.
mkdir -p "$work/errors"
expect_error "missing --bbox" 2 "missing --bbox" tiles --zoom 0-3 -o "$work/errors/x"
expect_error "missing --zoom" 2 "missing --zoom" tiles --bbox "$iraq" -o "$work/errors/x"
expect_error "missing -o" 2 "missing -o" tiles --bbox "$iraq" --zoom 0-3
expect_error "malformed bbox" 2 "bounding box '38,29,48'" tiles --bbox 38,29,48 --zoom 0-3 -o "$work/errors/x"
expect_error "inverted bbox" 2 "crosses the antimeridian" tiles --bbox 48,29,38,37 --zoom 0-3 -o "$work/errors/x"
expect_error "bad zoom" 2 "zoom '3-1'" tiles --bbox "$iraq" --zoom 3-1 -o "$work/errors/x"
expect_error "absurd tile count" 2 "more than the 50000000 allowed" tiles --bbox -180,-85,180,85 --zoom 0-20 -o "$work/errors/x"
expect_error "bad tile size" 2 "tile size 300" tiles --bbox "$iraq" --zoom 0-3 --tile-size 300 -o "$work/errors/x"
expect_error "bad scale" 2 "scale 3" tiles --bbox "$iraq" --zoom 0-3 --scale 3 -o "$work/errors/x"
expect_error "bad jobs" 2 "jobs 0" tiles --bbox "$iraq" --zoom 0-3 --jobs 0 -o "$work/errors/x"
expect_error "bad shard" 2 "shard '3/2'" tiles --bbox "$iraq" --zoom 0-3 --shard 3/2 -o "$work/errors/x"
expect_error "merge without shards" 2 "usage: convoymap tiles merge" tiles merge "$work/errors/x.mbtiles"
touch "$work/empty.mbtiles"
expect_error "merge of a file that is not MBTiles" 2 "is not an MBTiles file" tiles merge "$work/errors/x.mbtiles" "$work/empty.mbtiles"
expect_error "tile without numbers" 2 "expected Z X Y" tile -o "$work/errors/x.png"
expect_error "tile that does not exist" 2 "tile 2/4/0 does not exist" tile 2 4 0 -o "$work/errors/x.png"
expect_error "tile to a non-PNG file" 2 "must end in .png" tile 2 1 1 -o "$work/errors/x.jpg"
check "usage errors leave no file" test -z "$(find "$work/errors" -mindepth 1)"
touch "$work/not-a-dir"
expect_error "output under a file" 1 "cannot" tiles --bbox "$iraq" --zoom 0-1 -o "$work/not-a-dir/out"
expect_error "MBTiles under a file" 1 "cannot" tiles --bbox "$iraq" --zoom 0-1 -o "$work/not-a-dir/out.mbtiles"

tap_done
