#!/usr/bin/env bash
# End-to-end tests of the convoymap CLI, as TAP: the default map in every
# format opened by real consumers (rsvg-convert, pdfinfo, pdftoppm), the
# route table on stdout, and the error paths with their exit codes and the
# promise that a failed run leaves no file behind.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"

no_files_left() { # description, directory
  local leftovers; leftovers=$(find "$2" -mindepth 1 2>/dev/null | head -5)
  if [ -z "$leftovers" ]; then ok "$1"; else not_ok "$1" "left behind: $leftovers"; fi
}

# The default scenario, as PNG.
run render -o "$work/briefing.png"
if [ "$code" -eq 0 ]; then ok "default render exits 0"; else not_ok "default render exits 0" "$(cat "$work/stderr")"; fi
check "PNG is 1600x1200" bash -c "file '$work/briefing.png' | grep -q '1600 x 1200'"
check "route table lists the three legs in order" bash -c "
  grep -E '^ +1 +Amman +Trebil' '$work/stdout' &&
  grep -E '^ +2 +Trebil.* +Ar Rutbah' '$work/stdout' &&
  grep -E '^ +3 +Ar Rutbah +Ayn al-Asad Air Base' '$work/stdout'"
# The table's total is the sum of its legs, as printed.
check "route total equals the sum of the legs" python3 -c "
import re, sys
text = open('$work/stdout').read()
legs = [float(x) for x in re.findall(r'^ +\d+  .*? (\d+\.\d) km +[\d.]+° +[\d.]+°$', text, re.M)]
total = float(re.search(r'^Total +(\d+\.\d) km', text, re.M).group(1))
assert len(legs) == 3, legs
assert abs(sum(legs) - total) <= 0.15, (legs, total)
assert 500 < total < 800, total
"

# SVG, read back by librsvg.
run render --size 1000x800 -o "$work/briefing.svg"
check "SVG render exits 0" test "$code" -eq 0
check "rsvg-convert rasterises the SVG at 1000x800" bash -c "
  rsvg-convert '$work/briefing.svg' -o '$work/from-svg.png' &&
  file '$work/from-svg.png' | grep -q '1000 x 800'"

# PDF, read back by poppler.
run render -o "$work/briefing.pdf" --title "Test title" --subtitle "Test subtitle" \
  --dtg 071200CSEP19 --banner "UNCLASSIFIED//FOR TRAINING"
check "PDF render exits 0" test "$code" -eq 0
check "pdfinfo reads one 1600x1200 pt page" bash -c "
  pdfinfo '$work/briefing.pdf' > '$work/pdfinfo' &&
  grep -q '^Pages: *1$' '$work/pdfinfo' &&
  grep -q '^Page size: *1600 x 1200 pts' '$work/pdfinfo'"
check "pdftotext finds the title and the sites" bash -c "
  pdftotext '$work/briefing.pdf' - | tr -s ' \n' ' ' > '$work/pdftext' &&
  grep -q 'Test title' '$work/pdftext' && grep -q 'Ar Rutbah' '$work/pdftext' &&
  grep -q 'Ayn al-Asad Air Base' '$work/pdftext'"
check "pdftotext finds the subtitle, the DTG and the banner top and bottom" bash -c "
  grep -q 'Test subtitle' '$work/pdftext' && grep -q '071200CSEP19' '$work/pdftext' &&
  [ \$(grep -o 'UNCLASSIFIED//FOR TRAINING' '$work/pdftext' | wc -l) -eq 2 ]"

# Arabic labels stay text in a PDF: poppler reads them back in logical
# order, through the embedded fonts' ToUnicode maps.
run render --labels both -o "$work/both.pdf"
check "pdftotext finds both names of the sites with --labels both" bash -c "
  test $code -eq 0 && pdftotext '$work/both.pdf' - > '$work/bothtext' &&
  grep -q 'Ar Rutbah' '$work/bothtext' && grep -q 'الرطبة' '$work/bothtext' &&
  grep -q 'Ramadi' '$work/bothtext' && grep -q 'الرمادي' '$work/bothtext' &&
  grep -q 'IRAQ' '$work/bothtext' && grep -q 'العراق' '$work/bothtext'"
run render --labels AR --size 1000x800 -o "$work/ar.svg"
check "--labels ar renders an SVG that rsvg-convert reads" bash -c "
  test $code -eq 0 && ! grep -q '<image' '$work/ar.svg' &&
  rsvg-convert '$work/ar.svg' -o '$work/ar-svg.png' && file '$work/ar-svg.png' | grep -q '1000 x 800'"

# Paper, resolution, HiDPI, transparency and standard output.
run render --size A3-landscape -o "$work/a3.pdf"
check "A3 landscape PDF is an A3 page" bash -c "pdfinfo '$work/a3.pdf' | grep -q '^Page size: *1190.55 x 841.89 pts (A3)'"
run render --size a4 --dpi 300 -o "$work/a4.png"
check "A4 at 300 dpi is 2480x3508 pixels" bash -c "file '$work/a4.png' | grep -q '2480 x 3508'"
run render --size 800x600 --scale 2 --transparent -o "$work/hidpi.png"
check "--scale 2 doubles the pixels, --transparent adds alpha" bash -c "file '$work/hidpi.png' | grep -q '1600 x 1200, 8-bit/color RGBA'"
"$convoymap" render --size 800x600 -o - >"$work/stdout.png" 2>"$work/stderr"; code=$?
check "-o - writes only the PNG to stdout" bash -c "[ $code -eq 0 ] && file '$work/stdout.png' | grep -q 'PNG image data, 800 x 600'"
"$convoymap" render --format svg -o - 2>"$work/stderr" | rsvg-convert -o "$work/stdout-svg.png"
check "-o - --format svg pipes into rsvg-convert" bash -c "file '$work/stdout-svg.png' | grep -q '1600 x 1200'"

# Deterministic output: the same inputs give the same bytes in every format.
for format in png svg pdf; do
  "$convoymap" render --banner SECRET --dtg 071200ZSEP19 -o "$work/same-1.$format" >/dev/null 2>&1
  sleep 1
  "$convoymap" render --banner SECRET --dtg 071200ZSEP19 -o "$work/same-2.$format" >/dev/null 2>&1
  check "two $format renders are byte-identical" cmp "$work/same-1.$format" "$work/same-2.$format"
done

# A custom route with coordinates and a case-folded name.
run render --from amman --via "33.0,40.0" --to BAGHDAD --mark Ramadi -o "$work/custom.png"
check "custom route with a coordinate waypoint renders" test "$code" -eq 0
check "custom route has two legs" bash -c "grep -cE '^ +[0-9]+  .* km +[0-9.]+° +[0-9.]+°$' '$work/stdout' | grep -qx 2"

# Errors: one line on stderr naming the bad value, exit 2 for usage.
mkdir -p "$work/errors"
expect_error "unknown site" 2 "unknown site 'Atlantis-under-the-Sea'" render --from Amman --to Atlantis-under-the-Sea -o "$work/errors/x.png"
expect_error "misspelt site gets a suggestion" 2 "did you mean 'Baghdad'" render --from Amman --to Baghdadd -o "$work/errors/x.png"
expect_error "unknown output extension" 2 "'$work/errors/x.jpg' has no supported extension" render -o "$work/errors/x.jpg"
expect_error "--from without --to" 2 "--from and --via need --to" render --from Amman -o "$work/errors/x.png"
expect_error "bad size" 2 "size '12x'" render --size 12x -o "$work/errors/x.png"
expect_error "absurd size" 2 "out of range" render --size 100000x100000 -o "$work/errors/x.png"
expect_error "missing -o" 2 "missing -o" render
expect_error "unknown option" 2 "Unknown option" render --frobnicate -o "$work/errors/x.png"
expect_error "unknown command" 2 "unknown command 'paint'" paint
expect_error "coordinate out of range" 2 "out of range" render --from "95,40" --to Baghdad -o "$work/errors/x.png"
expect_error "banner that is no known level needs a colour" 2 "banner 'EXERCISE' is not a recognised marking" render --banner EXERCISE -o "$work/errors/x.png"
expect_error "bad banner colour" 2 "banner colour 'yellow' is not #rrggbb" render --banner EXERCISE --banner-color yellow -o "$work/errors/x.png"
expect_error "control character in the DTG" 2 "holds a control character" render --dtg $'07\n1200Z' -o "$work/errors/x.png"
expect_error "unknown paper" 2 "size 'B5' is neither WIDTHxHEIGHT nor a paper" render --size B5 -o "$work/errors/x.png"
expect_error "absurd dpi" 2 "dpi 100000 is out of range" render --size A4 --dpi 100000 -o "$work/errors/x.png"
expect_error "absurd scale" 2 "scale 50 is out of range" render --scale 50 -o "$work/errors/x.png"
expect_error "too many pixels" 2 "the image would be 20000x15000 pixels" render --size 10000x7500 --scale 2 -o "$work/errors/x.png"
expect_error "--format without -o -" 2 "--format goes with -o -" render --format pdf -o "$work/errors/x.png"
expect_error "unknown stdout format" 2 "format 'gif' is not png, svg or pdf" render --format gif -o -
expect_error "unknown grid" 2 "grid 'utm' is not latlon, mgrs or none" render --grid utm -o "$work/errors/x.png"
expect_error "unknown style" 2 "unknown style 'neon' (shipped: briefing, colorblind, grayscale, night" render --style neon -o "$work/errors/x.png"
printf '[style]\ninherits=briefing\n[route]\ncolor=red\n' >"$work/bad-style.ini"
expect_error "broken style names file, line and key" 2 "style $work/bad-style.ini:4: [route] color: 'red' is not a colour" render --style "$work/bad-style.ini" -o "$work/errors/x.png"
no_files_left "usage errors leave no file" "$work/errors"

# A user style that inherits a shipped one: its route colour is drawn.
printf '[style]\ninherits=night\n[route]\ncolor=#00ff00\n' >"$work/green.ini"
run render --style "$work/green.ini" --size 800x600 -o "$work/green.png"
check "user style renders" test "$code" -eq 0
check "user style's route colour is drawn" bash -c "
  [ \$(python3 '$(dirname "$0")/png-count.py' '$work/green.png' 00ff00) -gt 500 ]"

# Runtime errors: exit 1, and no partial file.
expect_error "output directory missing" 1 "cannot write $work/missing/x.png" render -o "$work/missing/x.png"
check "missing directory was not created" test ! -e "$work/missing"
touch "$work/not-a-dir"
expect_error "output parent is a file" 1 "cannot write" render -o "$work/not-a-dir/x.png"
mkdir -p "$work/readonly"
chmod 0555 "$work/readonly"
if [ "$(id -u)" -ne 0 ]; then
  expect_error "read-only output directory" 1 "cannot write" render -o "$work/readonly/x.png"
else
  # Root ignores directory modes; a read-only bind would need privileges we
  # cannot count on, so exercise a directory that cannot hold files instead.
  expect_error "unwritable output location" 1 "cannot write" render -o "/proc/convoymap-test.png"
fi
no_files_left "failed writes leave no file" "$work/readonly"
chmod 0755 "$work/readonly"

# An existing output survives a failed run untouched.
cp "$work/briefing.png" "$work/keep.png"
run render --from Amman --to Atlantis-under-the-Sea -o "$work/keep.png"
check "a failed run keeps the old output" cmp -s "$work/briefing.png" "$work/keep.png"

# March tables: the reference convoy at 40 km/h from 071200Z, no halts: the
# RP (642.20 km) is due after 16 h 03 min, at 04:03Z the next day.
run route --speed 40 --start 071200ZSEP19 --format json
check "route --speed --format json exits 0" test "$code" -eq 0
check "JSON march table has SP, border, CPs and RP with their times" python3 -c "
import json
route = json.load(open('$work/stdout'))['routes'][0]
march = route['march']
assert [p['point'] for p in march] == ['SP', 'CRIT1', 'CP1', 'CP2', 'RP'], march
assert march[0]['name'] == 'Amman' and march[0]['due_dtg'] == '071200ZSEP19', march[0]
assert 'Trebil' in march[1]['name'] and march[1]['distance_km'] < march[2]['distance_km']
rp = march[-1]
assert rp['name'] == 'Ayn al-Asad Air Base', rp
assert abs(rp['distance_km'] - 642.20) < 0.01 and abs(rp['driving_h'] - 16.055) < 0.001, rp
assert rp['halts'] == 0 and rp['halt_minutes'] == 0, rp
assert rp['due_dtg'] == '080403ZSEP19' and rp['due_iso'] == '2019-09-08T04:03Z', rp
column = route['column']
assert column['vehicles'] == 1 and column['gap_m'] == 100 and column['vehicles_per_km'] == 10
assert abs(column['road_space_km'] - 0.1) < 1e-9, column
assert column['completion_dtg'] == '080403ZSEP19', column
assert route['serial'] == 'Convoy route' and route['speed_kmh'] == 40
"
# With halts and a column, in zone C: 8 halts of 15 min, 60 vehicles at
# 100 m are 6 km of column passing in 9 min.
run route --speed 40 --start 071500CSEP19 --halt 15m/2h --vehicles 60 --gap 100 --serial "Serial 1"
check "text march table with halts and column" bash -c "
  grep -q '^March table: Serial 1, 40 km/h, halt 15 min after every 2:00 of driving$' '$work/stdout' &&
  grep -qE '^RP +Ayn al-Asad Air Base +642.2 km +16:03 +8  080903CSEP19  080912CSEP19$' '$work/stdout' &&
  grep -qF 'road space 6.0 km, pass time 0:09 (0.15 h)' '$work/stdout' &&
  grep -qF 'Completion (tail clears the RP): 080912CSEP19 (2019-09-08T09:12+03:00)' '$work/stdout'"
run route --speed 40 --start 2019-09-07T15:00+03:00 --format csv
check "CSV rows carry the march columns" python3 -c "
import csv
rows = list(csv.DictReader(open('$work/stdout')))
assert [r['point'] for r in rows] == ['SP', 'CRIT1', 'CP1', 'CP2', 'RP'], rows
assert rows[-1]['due_dtg'] == '080703CSEP19' and rows[-1]['due_iso'] == '2019-09-08T07:03+03:00', rows[-1]
"
run route --format json
check "no march table without --speed" python3 -c "
import json
assert 'march' not in json.load(open('$work/stdout'))['routes'][0]
"
run render --speed 40 --start 071500CSEP19 --halt 15m/2h -o "$work/march.pdf"
check "render --speed prints the march table" grep -qE '^RP +Ayn al-Asad Air Base +642.2 km +16:03 +8  080903CSEP19' "$work/stdout"
check "the map labels waypoints with their due DTGs" bash -c "
  pdftotext '$work/march.pdf' - | tr -s ' \n' ' ' > '$work/marchtext' &&
  grep -q 'Amman 071500CSEP19' '$work/marchtext' &&
  grep -q 'Ayn al-Asad Air Base 080903CSEP19' '$work/marchtext'"
expect_error "--speed without --start" 2 "--speed needs --start" route --speed 40
expect_error "--start without --speed" 2 "need --speed" route --start 071200ZSEP19
expect_error "bad DTG names the value" 2 "DTG '071200JSEP19'" route --speed 40 --start 071200JSEP19
expect_error "garbage start time" 2 "time 'noon'" route --speed 40 --start noon
expect_error "speed out of range" 2 "speed 0 km/h" route --speed 0 --start 071200ZSEP19
expect_error "bad halt rule" 2 "halt rule '15x/2h'" route --speed 40 --start 071200ZSEP19 --halt 15x/2h
expect_error "bad vehicle count" 2 "vehicle count 0" render --speed 40 --start 071200ZSEP19 --vehicles 0 -o "$work/errors/x.png"
no_files_left "march usage errors leave no file" "$work/errors"
# geocode: one line per query, JSON with the documented keys, the country
# filter, reverse geocoding, and exit 2 with suggestions for no match.
run geocode "Ayn al-Asad"
check "geocode names the air base with its MGRS square" bash -c "
  test $code -eq 0 && grep -q '^Ayn al-Asad: Ayn al-Asad Air Base (airbase, Anbar, IRQ, 33.785600, 42.441200)  38SKC6307841327' '$work/stdout'"
run geocode --json --limit 3 "Al Bu Kamal" Tripoli "القائم"
check "geocode --json gives one object per query" python3 -c "
import json
answers = json.load(open('$work/stdout'))
assert $code == 0
assert [a['query'] for a in answers] == ['Al Bu Kamal', 'Tripoli', 'القائم'], answers
keys = {'query', 'name', 'lat', 'lon', 'kind', 'country', 'admin1', 'mgrs', 'score', 'alternatives'}
assert all(keys <= set(a) for a in answers)
assert answers[0]['name'] == 'Abu Kamal' and answers[0]['country'] == 'SYR'
assert answers[0]['mgrs'].startswith('37SFU')
assert answers[1]['country'] == 'LBY'
assert 'LBN' in [b['country'] for b in answers[1]['alternatives']]
assert len(answers[1]['alternatives']) == 2
assert answers[2]['name'] == 'Al-Qaim'
assert 0 < answers[0]['score'] <= 1
"
run geocode --json Baghdad Ramadi Amman "Ayn al-Asad" 33.1,40.2
check "geocode --json gives the Arabic name, null for a coordinate" python3 -c "
import json
answers = json.load(open('$work/stdout'))
assert $code == 0
assert [a['name_ar'] for a in answers] == ['بغداد', 'الرمادي', 'عمان', 'قاعدة عين الأسد', None], answers
"
run geocode --json --country LBN Tripoli
check "geocode --country picks the namesake" python3 -c "
import json
[a] = json.load(open('$work/stdout'))
assert a['country'] == 'LBN' and abs(a['lat'] - 34.43) < 0.1 and abs(a['lon'] - 35.84) < 0.1, a
"
run geocode --reverse 33.1,40.2
check "geocode --reverse gives distance and bearing" bash -c "
  test $code -eq 0 && grep -qE '^10\.6 km 311° from Ar Rutbah \(town, IRQ' '$work/stdout'"
run geocode --json --reverse "33.1N 40.2E"
check "geocode --json --reverse" python3 -c "
import json
r = json.load(open('$work/stdout'))
assert r['name'] == 'Ar Rutbah' and abs(r['distance_km'] - 10.46) < 0.3 and abs(r['bearing_deg'] - 311) < 2, r
"
expect_error "geocode typo suggests" 2 "did you mean 'Abu Kamal' (SYR)" geocode al-Bukamai
expect_error "geocode nonsense" 2 "unknown site 'Qxzvbnmwrtp'" geocode Baghdad Qxzvbnmwrtp Ramadi
check "a failed query leaves the others answered" bash -c "
  [ \$(grep -c '^[^ ]' '$work/stdout') -eq 2 ] && grep -q '^Baghdad: Baghdad (city' '$work/stdout' &&
  grep -q '^Ramadi: Ramadi (city' '$work/stdout' && ! grep -q Qxzvbnmwrtp '$work/stdout'"
run geocode --json Baghdad Qxzvbnmwrtp
check "a failed query is an error entry in JSON, exit 2" python3 -c "
import json
answers = json.load(open('$work/stdout'))
assert $code == 2, $code
assert answers[0]['name'] == 'Baghdad' and 0 < answers[0]['confidence'] <= 1, answers[0]
assert answers[1] == {'query': 'Qxzvbnmwrtp', 'error': answers[1]['error']}, answers[1]
assert 'Qxzvbnmwrtp' in answers[1]['error']
"
run geocode --json --limit 3 Palmyra
check "an answer with a namesake has a low confidence and its alternatives' distances" python3 -c "
import json
[a] = json.load(open('$work/stdout'))
assert a['country'] == 'SYR' and a['confidence'] < 0.7, a
assert a['alternatives'][0]['country'] == 'USA' and a['alternatives'][0]['distance_km'] > 8000, a
"
run geocode Bagdhad
check "a lone clear typo is taken, noted on stderr (exit 0)" bash -c "
  [ $code -eq 0 ] && grep -q '^Bagdhad: Baghdad (city, Baghdad, IRQ, .*fuzzy' '$work/stdout' &&
  [ \"\$(cat '$work/stderr')\" = \"convoymap: taking 'Bagdhad' as Baghdad (IRQ) [fuzzy]\" ]"
expect_error "geocode without a query" 2 "missing QUERY" geocode
expect_error "geocode bad limit" 2 "--limit must be at least 1" geocode --limit 0 Baghdad
expect_error "geocode bad country" 2 "country 'Narnia' is not a country name or ISO 3166 code" geocode --country Narnia Baghdad
for country in iraq IQ IRQ 'العراق'; do
  run geocode --json --country "$country" Ramadi
  check "geocode --country $country" python3 -c "
import json
[a] = json.load(open('$work/stdout'))
assert $code == 0 and a['country'] == 'IRQ' and a['name'] == 'Ramadi', a"
done
for query in 'Baghdad, Iraq' 'Ramadi Iraq' 'Ramadi, Anbar' 'Tripoli, Lebanon'; do
  run geocode --json "$query"
  check "the qualifier of '$query' filters" python3 -c "
import json
[a] = json.load(open('$work/stdout'))
assert $code == 0 and a['country'] == ('LBN' if 'Lebanon' in '$query' else 'IRQ'), a"
done
run geocode --json --limit 1 "Springfield, Missouri, USA" "Springfield, IL" "Atlanta, Georgia" \
  "Kansas City" "Rota naval base" "Camp Hill" "Tigris, Iraq" "Bab al-Hawa-Cilvegozu crossing"
check "qualifiers try every area they name; generic words keep whole names and exact facilities" python3 -c "
import json
a = json.load(open('$work/stdout'))
assert $code == 0, $code
assert [x['admin1_name'] for x in a[:4]] == ['Missouri', 'Illinois', 'Georgia', 'Missouri'], a
assert a[3]['name'] == 'Kansas City' and a[4]['name'] == 'Naval Station Rota', a
assert a[5]['name'] == 'Camp Hill' and a[6]['kind'] == 'river', a
assert a[7]['kind'] == 'border_crossing' and a[7]['country'] in ('SYR', 'TUR'), a
"
run route --from Kuwait --to "Camp Arifjan" --format json
check "in a route a country named like its city is the city, noted" python3 -c "
import json
leg = json.load(open('$work/stdout'))['routes'][0]['legs'][0]
assert $code == 0 and leg['from']['name'] == 'Kuwait City', leg
assert open('$work/stderr').read() == \"convoymap: taking 'Kuwait' as the city Kuwait City (KWT), not the country\\n\"
"
run route --from Riyadh --to Baghdad --format json
check "a far exact answer stays when no near reading is plausible (Riyadh, not an Iraqi village)" python3 -c "
import json
leg = json.load(open('$work/stdout'))['routes'][0]['legs'][0]
assert $code == 0 and leg['from']['name'] == 'Riyadh' and leg['distance_km'] > 900, leg"
expect_error "a qualifier that names no area" 2 "'Nowhere' is no country or first-level division" geocode "Baghdad, Nowhere"
run geocode --json Iraq "Anbar province" "Camp Victory" Qamishli Rota
check "countries, provinces, camps and primary names win over far alternates" python3 -c "
import json
a = json.load(open('$work/stdout'))
assert [x['country'] for x in a] == ['IRQ', 'IRQ', 'IRQ', 'SYR', 'ESP'], a
assert [x['kind'] for x in a[:3]] == ['country', 'admin1', 'camp'], a
"
expect_error "a facility asked for by its kind is that or nothing" 2 "none of that kind by that name; did you mean 'Doha' (QAT)" geocode "Camp Doha"
expect_error "geocode --reverse of a name" 2 "--reverse needs a coordinate" geocode --reverse Baghdad
expect_error "geocode --reverse in mid-ocean" 2 "no named place within 500 km" geocode --reverse 0,-150

# Routes read names in context; clear typos are taken with a note on
# stderr, unclear ones and nonsense still fail.
run route --from Homs --via Tartus --to Tripoli --format json
check "Tripoli beside Homs and Tartus is Lebanon's" python3 -c "
import json; r = json.load(open('$work/stdout'))
t = r['routes'][0]['legs'][-1]['to']
assert t['name'] == 'Tripoli' and abs(t['lat'] - 34.4335) < 0.01 and abs(t['lon'] - 35.8442) < 0.01, t"
run route --from Benghazi --to Tripoli --format json
check "Tripoli after Benghazi is Libya's" python3 -c "
import json; r = json.load(open('$work/stdout'))
t = r['routes'][0]['legs'][-1]['to']
assert t['name'] == 'Tripoli' and abs(t['lat'] - 32.8874) < 0.01 and abs(t['lon'] - 13.1873) < 0.01, t"
run route --from "Ayn al-Asad" --to al-Bukamai
check "al-Bukamai from Ayn al-Asad is Abu Kamal, noted on stderr" bash -c "
[ $code -eq 0 ] && grep -qE '^  1  Ayn al-Asad Air Base +Abu Kamal +158\.7 km' '$work/stdout' &&
[ \"\$(cat '$work/stderr')\" = \"convoymap: taking 'al-Bukamai' as Abu Kamal (SYR) [fuzzy]\" ]"
run route --route "Tripoli > Homs"
check "ambiguous names settle each other: a short trip in Lebanon and Syria" \
  grep -qE '^  1  Tripoli +Homs +87\.0 km' "$work/stdout"
check "ambiguous names: which was taken and the others, one line" bash -c "
[ $code -eq 0 ] && [ \"\$(cat '$work/stderr')\" = \"convoymap: taking 'Tripoli' as Tripoli (LBN); also 'Tripoli' (LBY)\" ]"
run render --from Amman --to Baghdad --mark Tripoli --size 400x300 -o "$work/marks.png"
check "a mark is read in the route's context, its namesake noted" bash -c "[ $code -eq 0 ] &&
  [ \"\$(cat '$work/stderr')\" = \"convoymap: taking 'Tripoli' as Tripoli (LBN); also 'Tripoli' (LBY)\" ]"
run route --from Basrah --to Nasariyah --format json
check "a far reading that makes a leg absurd gives way to a near one (Nasiriyah, not the West Bank)" python3 -c "
import json
leg = json.load(open('$work/stdout'))['routes'][0]['legs'][0]
assert $code == 0 and abs(leg['to']['lat'] - 31.058) < 0.05 and leg['distance_km'] < 200, leg"
run route --route "Baghdad > Ramadi > Springfield"
check "an answer in doubt far out of line with the route is warned about, naming it" bash -c "
[ $code -eq 0 ] && grep -qE \"^convoymap: warning: 'Springfield' read as Springfield \\(USA\\) makes a leg of [0-9]+ km, far out of line\" '$work/stderr'"
run route --route "Baghdad > Ramadi > Haditha"
check "a route in line has no warning" bash -c "[ $code -eq 0 ] && ! grep -q warning '$work/stderr'"
run route --from Baghdad --to Anbar --format json
check "Baghdad to Anbar stays in Iraq" python3 -c "
import json
r = json.load(open('$work/stdout'))['routes'][0]
assert r['total_km'] < 400 and r['crossings'] == [], r"
expect_error "a route through nonsense still fails" 2 "unknown site 'Qxzvbnmwrtp'" route --from "Ayn al-Asad" --to Qxzvbnmwrtp
expect_error "an unclear typo still fails" 2 "did you mean 'Baghdad' (IRQ)" route --from Ramadi --to Baghdadd

# User gazetteers in the three formats, each overriding a shipped name and
# adding a site; the GeoPackage, made here in Web Mercator, is reprojected.
data=${G_TEST_SRCDIR:-$(dirname "$0")}/data
ogr2ogr -f GPKG -t_srs EPSG:3857 "$work/user-sites.gpkg" "$data/user-sites.geojson"
user_sites_check() { # description, then name lat lon for each query's answer
  local description=$1; shift
  check "$description" python3 -c "
import json, sys
answers = json.load(open('$work/stdout'))
want = sys.argv[1:]
assert len(answers) == len(want) // 3, answers
for a, (name, lat, lon) in zip(answers, zip(want[::3], want[1::3], want[2::3])):
    assert a['name'] == name and a['source'].startswith('user gazetteer '), a
    assert abs(a['lat'] - float(lat)) < 1e-6 and abs(a['lon'] - float(lon)) < 1e-6, a
" "$@"
}
run geocode --json --gazetteer "$data/user-sites.csv" Trebil "Camp Juniper"
user_sites_check "CSV gazetteer overrides Trebil and adds FOB Juniper" \
  Trebil 32.715 38.999 "FOB Juniper" 33.5123 41.8765
run geocode --json --gazetteer "$data/user-sites.geojson" "Ar Rutbah" "Checkpoint Rose"
user_sites_check "GeoJSON gazetteer overrides Ar Rutbah and adds Checkpoint Rose" \
  "Ar Rutbah" 33.04 40.29 "Checkpoint Rose" 33.2 41.1
run geocode --json --gazetteer "$work/user-sites.gpkg" Rutba "Checkpoint Rose"
user_sites_check "GeoPackage gazetteer (EPSG:3857) overrides Ar Rutbah and adds Checkpoint Rose" \
  "Ar Rutbah" 33.04 40.29 "Checkpoint Rose" 33.2 41.1
run route --gazetteer "$data/user-sites.csv" --from Amman --via Trebil --to "Camp Juniper"
check "route through user sites" bash -c "[ $code -eq 0 ] && grep -qE '^  2  Trebil +FOB Juniper ' '$work/stdout'"
run render --gazetteer "$work/user-sites.gpkg" --from "Checkpoint Rose" --to "Ar Rutbah" --size 400x300 -o "$work/user.png"
check "render with a user gazetteer" bash -c "[ $code -eq 0 ] && grep -qE '^  1  Checkpoint Rose +Ar Rutbah ' '$work/stdout'"
printf 'name,aliases,kind,country,lat,lon\nOutpost,,camp,IRQ,33,42\nFar Out,,camp,IRQ,95,42\n' >"$work/bad.csv"
expect_error "a bad user gazetteer names its file and line" 2 "gazetteer $work/bad.csv line 3 ('Far Out')" route --gazetteer "$work/bad.csv"
expect_error "a missing user gazetteer" 2 "gazetteer '$work/none.csv' does not exist" geocode --gazetteer "$work/none.csv" Baghdad

# Missing data is a runtime error naming the directory.
mkdir -p "$work/nodata"
CONVOYMAP_DATA="$work/nodata" "$convoymap" render -o "$work/nodata.png" >"$work/stdout" 2>"$work/stderr"; code=$?
if [ "$code" -eq 1 ] && grep -qF "CONVOYMAP_DATA=$work/nodata" "$work/stderr"; then ok "missing data directory (exit 1)"; else not_ok "missing data directory" "exit $code: $(cat "$work/stderr")"; fi

# Route reports load in GIS and spreadsheets: read back through OGR.
run route --format geojson
cp "$work/stdout" "$work/route.geojson"
check "route GeoJSON reads back through OGR: 3 legs as lines, 4 waypoints and 1 crossing as points" bash -c "
  ogrinfo -ro -al -q '$work/route.geojson' > '$work/ogr.txt' &&
  [ \$(grep -c 'LINESTRING' '$work/ogr.txt') -eq 3 ] && [ \$(grep -c 'POINT' '$work/ogr.txt') -eq 5 ] &&
  grep -q 'from_country (String) = JOR' '$work/ogr.txt' && grep -q 'to_country (String) = IRQ' '$work/ogr.txt'"
check "route GeoJSON carries the Arabic names of waypoints and crossings" python3 -c "
import json
points = [f['properties'] for f in json.load(open('$work/route.geojson'))['features'] if f['properties']['kind'] != 'leg']
names = {p['name']: p.get('name_ar') for p in points}
assert names['Amman'] == 'عمان' and names['Ayn al-Asad Air Base'] == 'قاعدة عين الأسد', names
assert names['Al-Karamah / Trebil'] == 'الكرامة / طريبيل', names
"
run route --format csv
cp "$work/stdout" "$work/route.csv"
check "route CSV ends each row with the Arabic name" python3 -c "
import csv
rows = list(csv.DictReader(open('$work/route.csv')))
assert list(rows[0])[-1] == 'name_ar', list(rows[0])
assert [r['name_ar'] for r in rows] == ['عمان', 'الكرامة / طريبيل', 'طريبيل', 'الرطبة', 'قاعدة عين الأسد'], rows
"
run route --from Amman --to 33.5,40.1 --format json
check "route JSON gives name_ar, null for a raw coordinate" python3 -c "
import json
leg = json.load(open('$work/stdout'))['routes'][0]['legs'][0]
assert leg['from']['name_ar'] == 'عمان' and leg['to']['name_ar'] is None, leg
"
check "route CSV reads back through OGR with its coordinates as points" bash -c "
  ogrinfo -ro -al -q -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat '$work/route.csv' > '$work/ogr-csv.txt' &&
  [ \$(grep -c 'POINT (' '$work/ogr-csv.txt') -eq 5 ] &&
  grep -q 'POINT (42.4412 33.7856)' '$work/ogr-csv.txt' && grep -q 'role (String) = RP' '$work/ogr-csv.txt'"

# Projection and extent: a box alone is a map of the area, without the
# reference convoy (none of its waypoints named; the province of Amman may
# be); a CRS is named on the sheet; a route across the map's antimeridian is
# cut, not drawn across the page.
run render --bbox 38,29,48,37 -o "$work/area.pdf"
check "--bbox alone renders the area (exit 0) with no route table" bash -c "
  [ $code -eq 0 ] && ! grep -q 'Total' '$work/stdout' && grep -q '^Wrote' '$work/stdout'"
check "the area map names Iraq, no convoy, in a conic projection" bash -c "
  pdftotext '$work/area.pdf' - | tr -s ' \n' ' ' > '$work/area.txt' &&
  grep -q 'Briefing map' '$work/area.txt' && grep -q 'IRAQ' '$work/area.txt' &&
  grep -q 'Lambert conformal conic' '$work/area.txt' && ! grep -q 'Ayn al-Asad' '$work/area.txt' &&
  ! grep -q 'Ar Rutbah' '$work/area.txt'"
run render --crs EPSG:32638 --center Baghdad --radius-km 150 --mark Baghdad -o "$work/utm.pdf"
check "--crs EPSG:32638 --center Baghdad renders, names the CRS and marks Baghdad" bash -c "
  [ $code -eq 0 ] && pdftotext '$work/utm.pdf' - | tr -s ' \n' ' ' > '$work/utm.txt' &&
  grep -q 'WGS 84 / UTM zone 38N (EPSG:32638)' '$work/utm.txt' && grep -q 'Baghdad' '$work/utm.txt'"
run render --crs EPSG:4326 --size 800x600 --no-inset --bbox -30,-60,150,80 \
  --route "name=Cut; 50,-110 > 50,-130" -o "$work/cut.png"
cut_red=$(python3 "$(dirname "$0")/png-count.py" "$work/cut.png" c0181f)
run render --crs EPSG:4326 --size 800x600 --no-inset --bbox -30,-60,150,80 \
  --route "name=Drawn; -45,40 > -45,100" -o "$work/drawn.png"
drawn_red=$(python3 "$(dirname "$0")/png-count.py" "$work/drawn.png" c0181f)
check "a route across the map's edge is cut ($cut_red red pixels, the legend's), one inside drawn ($drawn_red)" \
  bash -c "[ $cut_red -lt 150 ] && [ $drawn_red -gt \$(($cut_red + 200)) ]"
run render --crs EPSG:4326 -o "$work/plate.pdf"
check "--crs EPSG:4326 is drawn as plate carree" bash -c "
  [ $code -eq 0 ] && pdftotext '$work/plate.pdf' - | tr -s ' \n' ' ' | grep -q 'WGS 84 (EPSG:4326) as plate carrée'"
expect_error "--bbox and --center together" 2 "--bbox and --center both set the map's area" render --bbox 38,29,48,37 --center Baghdad --radius-km 50 -o "$work/both.png"
check "no file from the failed run" test ! -e "$work/both.png"

tap_done
