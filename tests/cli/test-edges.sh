#!/usr/bin/env bash
# The rough edges of issue 13, as TAP: each case failed before its fix.
# Crossing legs numbered alike in every report format; `tiles -o` refusing
# single-image names; the announcement before tiles are rendered; --dpi
# and --scale that would have no effect; classification banners in any
# case; resume refusals naming the styles.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"

iraq=38,29,48,37
route=(--from Amman --via Baghdad --to "Kuwait City")

# 1. A crossing's leg is counted from 1 in JSON, CSV, GeoJSON and text:
# Amman-Baghdad is leg 1 (JOR->IRQ at Trebil), Baghdad-Kuwait leg 2.
run route "${route[@]}" --format json
check "JSON numbers crossing legs from 1" python3 -c "
import json, sys
crossings = json.load(open(sys.argv[1]))['routes'][0]['crossings']
got = [(c['from_country'], c['to_country'], c['leg']) for c in crossings]
assert got == [('JOR', 'IRQ', 1), ('IRQ', 'KWT', 2)], got
" "$work/stdout"
run route "${route[@]}" --format csv
check "CSV numbers crossing legs as JSON does" python3 -c "
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r['type'] == 'crossing']
got = [(r['from_country'], r['to_country'], r['leg']) for r in rows]
assert got == [('JOR', 'IRQ', '1'), ('IRQ', 'KWT', '2')], got
" "$work/stdout"
run route "${route[@]}" --format geojson
check "GeoJSON numbers crossing legs as JSON does" python3 -c "
import json, sys
features = json.load(open(sys.argv[1]))['features']
got = [(f['properties']['from_country'], f['properties']['to_country'], f['properties']['leg'])
       for f in features if f['properties']['kind'] == 'crossing']
assert got == [('JOR', 'IRQ', 1), ('IRQ', 'KWT', 2)], got
" "$work/stdout"
run route "${route[@]}"
check "text numbers crossing legs as JSON does" bash -c "
  grep -q '^  1  JOR -> IRQ  leg 1  at' '$work/stdout' &&
  grep -q '^  2  IRQ -> KWT  leg 2  at' '$work/stdout'"

# 6. A classification banner in any case, with its control markings, is
# recognised and printed in upper case, top and bottom.
run render --banner "secret//noforn" -o "$work/banner.pdf"
check "--banner 'secret//noforn' is recognised (exit $code)" test "$code" -eq 0
check "the PDF prints SECRET//NOFORN top and bottom" bash -c "
  [ \$(pdftotext '$work/banner.pdf' - | grep -cx 'SECRET//NOFORN') -eq 2 ]"
run render --banner "confidential // rel to usa, fvey" -o "$work/banner2.pdf"
check "--banner 'confidential // rel to usa, fvey' prints CONFIDENTIAL//REL TO USA, FVEY" bash -c "
  [ $code -eq 0 ] && [ \$(pdftotext '$work/banner2.pdf' - | grep -cx 'CONFIDENTIAL//REL TO USA, FVEY') -eq 2 ]"
expect_error "an unknown marking still needs its colour" 2 "banner 'exercise//noforn' is not a recognised marking" \
  render --banner "exercise//noforn" -o "$work/banner3.pdf"

# 5. --scale draws PDF and SVG larger with the same layout, as it does PNG.
run render --size 800x600 -o "$work/scale1.pdf"
run render --size 800x600 --scale 2 -o "$work/scale2.pdf"
check "--scale 2 makes an 800x600 PDF page 1600x1200 points (exit $code)" bash -c "
  pdfinfo '$work/scale2.pdf' | grep -q '^Page size: *1600 x 1200 pts'"
check "--scale 2 keeps the PDF's layout: its text, at twice the coordinates" python3 -c "
import re, subprocess, sys
def words(path):
    html = subprocess.run(['pdftotext', '-bbox', path, '-'], capture_output=True, text=True).stdout
    return [(w, float(x), float(y)) for x, y, w in
            re.findall(r'xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" [^>]*>([^<]*)<', html)]
one, two = words(sys.argv[1]), words(sys.argv[2])
# Words found once in each (the title, labels, legend, scale bars).
unique = [w for w, _, _ in one if [v for v, _, _ in one].count(w) == 1 and
          [v for v, _, _ in two].count(w) == 1]
assert len(unique) > 30, unique
at = {w: (x, y) for w, x, y in two}
for w, x1, y1 in one:
    if w in unique:
        x2, y2 = at[w]
        assert abs(2 * x1 - x2) < 1 and abs(2 * y1 - y2) < 1, (w, x1, y1, x2, y2)
" "$work/scale1.pdf" "$work/scale2.pdf"
run render --size a4 --scale 2 -o "$work/scale2-a4.pdf"
check "--scale 2 doubles an A4 PDF page (595x842 to 1191x1684 points)" bash -c "
  pdfinfo '$work/scale2-a4.pdf' | grep -Eq '^Page size: *1190.5[0-9]* x 1683.7[0-9]* pts'"
run render --size 800x600 --scale 2 -o "$work/scale2.svg"
check "--scale 2 makes an 800x600 SVG 1600x1200 pixels" bash -c "
  rsvg-convert '$work/scale2.svg' -o '$work/scale2-svg.png' &&
  file '$work/scale2-svg.png' | grep -q '1600 x 1200'"

# 2. `tiles -o` with a name of one image makes no directory of that name.
for name in new.png map.PDF map.svg photo.jpg; do
  expect_error "tiles -o $name is refused" 2 "output $work/$name names one image, not a set of tiles: give a directory or a .mbtiles file" \
    tiles --bbox "$iraq" --zoom 0-2 -o "$work/$name"
  check "tiles -o $name leaves nothing behind" test ! -e "$work/$name"
done
expect_error "tiles -o new.png suggests 'convoymap tile'" 2 "(for one tile, 'convoymap tile Z X Y -o FILE.png')" \
  tiles --bbox "$iraq" --zoom 0-2 -o "$work/new.png"
expect_error "tiles -o map.pdf suggests 'convoymap render'" 2 "(for one map, 'convoymap render -o FILE.pdf')" \
  tiles --bbox "$iraq" --zoom 0-2 -o "$work/map.pdf"
mkdir "$work/old.png"
run tiles --bbox "$iraq" --zoom 0-2 -o "$work/old.png"
check "an existing directory named like an image still takes tiles (exit $code)" \
  test -f "$work/old.png/2/2/1.png"

# 3. Before rendering, `tiles` says on stderr what it will render: one
# line, also when stderr is no terminal, asking nothing.
run tiles --bbox "$iraq" --zoom 0-8 -o "$work/announced" </dev/null
check "tiles announces its tiles, metatiles, zooms and box (exit $code)" \
  test "$(cat "$work/stderr")" = "convoymap: rendering 109 tiles in 14 metatiles, zoom 0-8, bbox $iraq"
run tiles --bbox "$iraq" --zoom 0-9 --resume -o "$work/announced" </dev/null
check "a resumed run announces what is left" \
  test "$(cat "$work/stderr")" = "convoymap: rendering 210 tiles in 9 metatiles, zoom 0-9, bbox $iraq (109 of 319 already done)"
# Zoom 12 over Iraq is 12,535 tiles: the line says how to stop and go on.
# The run is stopped as soon as it has said so.
"$convoymap" tiles --bbox "$iraq" --zoom 12 -o "$work/zoom12.mbtiles" </dev/null >/dev/null 2>"$work/stderr" &
pid=$!
# (Up to 60 s: the machine may be busy with other tests.)
for _ in $(seq 1200); do [ -s "$work/stderr" ] && break; sleep 0.05; done
kill -INT "$pid" 2>/dev/null
wait "$pid" || true
check "a large run is announced with how to stop and resume it" \
  test "$(head -1 "$work/stderr")" = "convoymap: rendering 12535 tiles in 210 metatiles, zoom 12, bbox $iraq; a large run: Ctrl-C stops it, --resume goes on later"

# 7. A refused resume names the style of the output and of the run, by
# name or file, with their fingerprints.
printf '[style]\ninherits=night\n[sea]\ncolor=#102030\n' >"$work/my-night.ini"
run tiles --bbox "$iraq" --zoom 0-2 --style night -o "$work/styled.mbtiles"
run tiles --bbox "$iraq" --zoom 0-2 --style night -o "$work/styled-dir"
for out in styled.mbtiles styled-dir; do
  run tiles --bbox "$iraq" --zoom 0-3 --resume -o "$work/$out"
  check "resuming $out in another style names both styles (exit $code)" grep -Eq \
    "^convoymap: cannot resume $work/$out: its tiles were drawn with style night \([0-9a-f]{12}\), this run draws with style briefing \([0-9a-f]{12}\) " "$work/stderr"
  run tiles --bbox "$iraq" --zoom 0-3 --style "$work/my-night.ini" --resume -o "$work/$out"
  check "resuming $out with a style file names the file (exit $code)" grep -Eq \
    "drawn with style night \([0-9a-f]{12}\), this run draws with style $work/my-night.ini \([0-9a-f]{12}\) " "$work/stderr"
done
run tiles --bbox "$iraq" --zoom 0-2 --shard 1/2 -o "$work/shard-a.mbtiles"
run tiles --bbox "$iraq" --zoom 0-2 --style night --shard 2/2 -o "$work/shard-b.mbtiles"
run tiles merge "$work/merged.mbtiles" "$work/shard-a.mbtiles" "$work/shard-b.mbtiles"
check "merging shards of two styles names both (exit $code)" grep -Eq \
  "was drawn with style briefing \([0-9a-f]{12}\), shard $work/shard-b.mbtiles with style night \([0-9a-f]{12}\)" "$work/stderr"

tap_done
