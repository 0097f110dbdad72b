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

tap_done
