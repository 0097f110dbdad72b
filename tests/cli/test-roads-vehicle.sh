#!/usr/bin/env bash
# `route --roads` for a vehicle: --weight, --height, --width and --length
# on the real Monaco extract (roads signed maxweight, maxheight, maxlength)
# and on a synthetic network written here (maxwidth, a part that does not
# join, a waypoint beyond Routino's 1 km reach); the driving time capped by
# the march's --speed; and each leg's road distance, straight distance,
# driving time and where it comes from, snap distances and road numbers
# in the text, CSV, JSON and GeoJSON reports (GeoJSON read by ogrinfo).
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
need_extract
unset CONVOYMAP_ROADS
manifest='{"format": "convoymap-roads", "version": 2, "convoymap": "0.0.0", "sources": [], "routino_tagging": "tagging.xml"}'
# database NAME INPUT: a roads database $work/NAME.roads made by planetsplitter.
database() {
  mkdir -p "$work/$1.roads/routino"
  planetsplitter --dir="$work/$1.roads/routino" --prefix=roads --tagging=/usr/share/routino/tagging.xml \
    --loggable "$2" >"$work/$1.log" 2>&1 || { echo "Bail out! planetsplitter $2"; exit 1; }
  echo "$manifest" >"$work/$1.roads/manifest.json"
}
database monaco "$extract"
db=$work/monaco.roads
# json EXPR: one value of the JSON report in $work/stdout.
json() { python3 -c "import json, sys; r = json.load(open(sys.argv[1])); l = r['routes'][0]['legs']; print($1)" "$work/stdout"; }
# near A B TOLERANCE: |A - B| <= TOLERANCE.
near() { python3 -c "import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > float(sys.argv[3]))" "$@"; }
# router PROFILE A_LAT A_LON B_LAT B_LON LIMITS...: routino-router's shortest distance in km.
router() { local p=$1 a=$2 b=$3 c=$4 d=$5; shift 5
  routino-router --dir="$db/routino" --prefix=roads --profile="$p" --shortest "$@" \
    --lat1="$a" --lon1="$b" --lat2="$c" --lon2="$d" --output-stdout --output-text-all --quiet | tail -1 | cut -f7; }

# Avenue du Général De Gaulle (M 37), maxweight 10, maxlength 8.
gaulle="--from 43.7232,7.3956 --to 43.7250,7.4008"
run route --roads "$db" --vehicle hgv --prefer shortest $gaulle --format json
free_km=$(json 'l[0]["roads"]["routino_distance_km"]')
check "an hgv of 10 t takes the M 37 ($free_km km)" test "$(json '"M 37" in l[0]["roads"]["refs"]')" = True
run route --roads "$db" --vehicle hgv --weight 12 --prefer shortest $gaulle --format json
heavy_km=$(json 'l[0]["roads"]["routino_distance_km"]')
check "--weight 12 keeps off the M 37" test "$(json '"M 37" in l[0]["roads"]["refs"]')" = False
check "--weight 12: $heavy_km km, routino-router's with --weight=12" \
  near "$heavy_km" "$(router hgv 43.7232 7.3956 43.7250 7.4008 --weight=12)" 0.010
check "--weight 12: over 2.5 km longer" python3 -c "import sys; sys.exit(not $heavy_km - $free_km > 2.5)"
run route --roads "$db" --vehicle goods --length 9 --prefer shortest $gaulle --format json
check "--length 9 keeps off the M 37 (maxlength 8)" test "$(json 'l[0]["roads"]["routino_distance_km"]')" = "$heavy_km"
# The Basse Corniche (M 6098), maxheight 4.3.
run route --roads "$db" --vehicle hgv --height 4.3 --prefer shortest --from 43.7206,7.3690 --to 43.7204,7.3760 --format json
low_km=$(json 'l[0]["roads"]["routino_distance_km"]')
run route --roads "$db" --vehicle hgv --height 4.4 --prefer shortest --from 43.7206,7.3690 --to 43.7204,7.3760 --format json
high_km=$(json 'l[0]["roads"]["routino_distance_km"]')
check "--height 4.4 goes round the Basse Corniche ($low_km -> $high_km km)" \
  python3 -c "import sys; sys.exit(not $high_km - $low_km > 0.2)"
check "--height 4.4: routino-router's" near "$high_km" "$(router hgv 43.7206 7.3690 43.7204 7.3760 --height=4.4)" 0.010
# Oneway (Avenue du Professeur Langevin) still binds with limits set.
run route --roads "$db" --weight 12 --height 4 --prefer shortest --from 43.7432,7.4210 --to 43.7432,7.4225 --format json
there=$(json 'l[0]["roads"]["routino_distance_km"]')
run route --roads "$db" --weight 12 --height 4 --prefer shortest --from 43.7432,7.4225 --to 43.7432,7.4210 --format json
back=$(json 'l[0]["roads"]["routino_distance_km"]')
check "oneway with limits: back ($back km) is routino-router's" \
  near "$back" "$(router motorcar 43.7432 7.4225 43.7432 7.4210 --weight=12 --height=4)" 0.010
check "oneway with limits: back is over 1.5 km longer than there ($there km)" \
  python3 -c "import sys; sys.exit(not $back - $there > 1.5)"

# Bad limits.
expect_error "--weight 0 is refused" 2 "convoymap: bad --weight '0': a number above 0 and at most 1000 (t)" \
  route --roads "$db" --weight 0 $gaulle
expect_error "--height 4m is refused" 2 "convoymap: bad --height '4m': a number above 0 and at most 100 (m)" \
  route --roads "$db" --height 4m $gaulle
expect_error "--width -1 is refused" 2 "convoymap: bad --width '-1'" route --roads "$db" --width -1 $gaulle
expect_error "--length needs --roads" 2 "--length and --allow-straight need --roads" route --length 20 $gaulle

# --speed caps the driving time: 7.92 km (the leg's road distance) at 20 km/h is 23:45.
fontvieille="--from 43.7300,7.4090 --to 43.7480,7.4015"
run route --roads "$db" $fontvieille --speed 20 --start 071200ZSEP19
check "text: the time at the march's speed is marked" \
  grep -qE "^  1 +7\.9[0-9] km +2\.09 km +0:23:4[0-9]\* +9 m +10 m  M 6007, D 6007" "$work/stdout"
check "text: the mark is explained" grep -qx "\* driving time at the march's speed, slower than the vehicle profile's" "$work/stdout"
run route --roads "$db" $fontvieille --speed 20 --start 071200ZSEP19 --format json
check "JSON: time_from speed" test "$(json 'l[0]["roads"]["time_from"]')" = speed
check "JSON: the duration is the road distance at 20 km/h" \
  python3 -c "import sys; sys.exit(abs($(json 'l[0]["roads"]["duration_s"]') - $(json 'l[0]["roads"]["road_distance_km"]') / 20 * 3600) > 0.2)"
run route --roads "$db" $fontvieille --speed 100 --start 071200ZSEP19 --format json
check "JSON: at 100 km/h the profile's time stands" test "$(json 'l[0]["roads"]["time_from"]')" = profile
run route --roads "$db" $fontvieille --speed 100 --start 071200ZSEP19
check "text: no mark when the profile's time stands" sh -c "! grep -q 'march.s speed, slower' '$work/stdout'"

# CSV and GeoJSON carry the same per leg: two legs, the second's refs.
legs="--from 43.7300,7.4090 --via 43.7384,7.4246 --to 43.7480,7.4015"
run route --roads "$db" $legs --format json
cp "$work/stdout" "$work/report.json"
run route --roads "$db" $legs --format csv
check "CSV: the road columns" \
  grep -qx "route,type,role,name,lat,lon,leg,distance_from_start_km,leg_distance_km,azimuth_deg,final_azimuth_deg,from_country,to_country,road_distance_km,straight_distance_km,driving_s,time_from,snap_from_m,snap_to_m,refs,name_ar" "$work/stdout"
check "CSV rows agree with the JSON report" python3 -c "
import csv, json, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r['time_from']]
legs = json.load(open(sys.argv[2]))['routes'][0]['legs']
assert len(rows) == 2, rows
for row, leg in zip(rows, legs):
    r = leg['roads']
    assert float(row['road_distance_km']) == r['road_distance_km'], (row, r)
    assert float(row['straight_distance_km']) == r['straight_distance_km'], (row, r)
    assert abs(float(row['driving_s']) - r['duration_s']) < 0.06, (row, r)
    assert float(row['snap_from_m']) == r['snap_from_m'] and float(row['snap_to_m']) == r['snap_to_m']
    assert row['refs'] == r['refs'] and row['time_from'] == 'profile', (row, r)
assert rows[1]['refs'] == 'D 6007, D 2564, D 53', rows[1]
" "$work/stdout" "$work/report.json"
run route --roads "$db" $legs --format geojson
cp "$work/stdout" "$work/report.geojson"
ogrinfo -ro -al -q -where "kind = 'leg' AND leg = 2" "$work/report.geojson" >"$work/ogrinfo.txt" 2>&1
check "GeoJSON (ogrinfo): the second leg's refs" grep -q "refs (String) = D 6007, D 2564, D 53" "$work/ogrinfo.txt"
check "GeoJSON (ogrinfo): its snap distances and time source" python3 -c "
import json, re, sys
text = open(sys.argv[1]).read()
r = json.load(open(sys.argv[2]))['routes'][0]['legs'][1]['roads']
value = lambda name: float(re.search(name + r' \(Real\) = ([0-9.]+)', text).group(1))
assert abs(value('snap_from_m') - r['snap_from_m']) < 0.05 and abs(value('snap_to_m') - r['snap_to_m']) < 0.05, text
assert abs(value('road_distance') - r['road_distance_km']) < 0.0005, text
assert abs(value('straight_distance') - r['straight_distance_km']) < 0.0005, text
assert 'time_from (String) = profile' in text
" "$work/ogrinfo.txt" "$work/report.json"

# A synthetic network: Narrow Street (maxwidth 2) from node 1 to node 2
# along 10 N, Wide Street from 1 by 3 (10.005 N 10.005 E) to 2, and Island
# Road apart.
cat >"$work/synthetic.osm" <<'OSM'
<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="convoymap test">
  <node id="1" version="1" lat="10.000" lon="10.000"/>
  <node id="2" version="1" lat="10.000" lon="10.010"/>
  <node id="3" version="1" lat="10.005" lon="10.005"/>
  <node id="4" version="1" lat="10.050" lon="10.050"/>
  <node id="5" version="1" lat="10.050" lon="10.060"/>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/>
    <tag k="highway" v="residential"/><tag k="name" v="Narrow Street"/><tag k="maxwidth" v="2"/></way>
  <way id="11" version="1"><nd ref="1"/><nd ref="3"/><nd ref="2"/>
    <tag k="highway" v="residential"/><tag k="name" v="Wide Street"/></way>
  <way id="12" version="1"><nd ref="4"/><nd ref="5"/>
    <tag k="highway" v="residential"/><tag k="name" v="Island Road"/></way>
</osm>
OSM
database synthetic "$work/synthetic.osm"
syn=$work/synthetic.roads
# 11 m south of Narrow Street, 0.001 and 0.009 E of node 1: 0.008 deg of
# longitude at 10 N apart, 876 m.
run route --roads "$syn" --from 9.9999,10.001 --to 9.9999,10.009 --width 2 --format json
check "synthetic: 2 m wide takes Narrow Street, 876 m" \
  test "$(json 'l[0]["roads"]["routino_distance_km"], l[0]["roads"]["roads"], l[0]["roads"]["snap_from_m"]')" = "0.876 Narrow Street 11.0"
# 2.5 m wide: both ends snap to Wide Street (the nearest road it may use,
# 86 m away), at 0.09 of the way from node 1 to 3 and from 2 to 3: 0.91 of
# each 778.5 m side, 1417 m (Routino: 1422).
run route --roads "$syn" --from 9.9999,10.001 --to 9.9999,10.009 --width 2.5 --format json
check "synthetic: 2.5 m wide goes by Wide Street, 1.42 km" \
  test "$(json 'l[0]["roads"]["routino_distance_km"], l[0]["roads"]["roads"], round(l[0]["roads"]["snap_from_m"])')" = "1.422 Wide Street 86"
expect_error "synthetic: a part that does not join names both waypoints" 2 \
  "convoymap: no road route for a motorcar from 9.9999,10.001 to 10.0501,10.0551 in $syn: they are on parts of the network that do not join" \
  route --roads "$syn" --from 9.9999,10.001 --to 10.0501,10.0551
expect_error "synthetic: no road within 1 km names the waypoint" 2 \
  "convoymap: no road for a motorcar within 1 km of 10.03,10.03 (10.03000, 10.03000) in $syn" \
  route --roads "$syn" --from 9.9999,10.001 --to 10.03,10.03
tap_done
