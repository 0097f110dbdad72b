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

tap_done
