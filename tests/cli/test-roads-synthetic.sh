#!/usr/bin/env bash
# A small road network written here, with shortest paths computed by hand:
# `roads import` reads it, `route --roads --prefer shortest` goes the
# hand-computed distance, quickest takes the faster class, a oneway street
# and a turn restriction are obeyed. TAP.
#
# The network, on the equator (lon, lat in degrees; ids in brackets):
#
#   D(0,0.01)[4] --- North Road, primary, ref N 1 --- E[5] ----------- F(0.02,0.01)[6]
#      |                                               ^                  |
#   West Link, tertiary                     Middle Street, residential,  East Link, tertiary
#      W(0,0.005)[7]                         oneway B to E               X(0.02,0.005)[8]
#      |                                               |                  |
#   A(0,0)[1] ------ South Road, service, maxspeed 20 -- B(0.01,0)[2] ---- C(0.02,0)[3]
#
# and a no_left_turn from East Link (northbound) at F onto North Road.
#
# Hand computation on the WGS84 ellipsoid (a = 6378137 m, e^2 =
# 0.00669437999): 0.01 degree of longitude on the equator is a * pi/180 *
# 0.01 = 1113.195 m (on the parallel 0.01 N the same to 0.1 mm); 0.01
# degree of latitude from the equator is a (1 - e^2) pi/180 * 0.01 =
# 1105.743 m, 0.005 degree 552.871 m (the meridian's curvature changes by
# 1e-8 over 0.01 degree). The leg's distance (the line along the roads,
# measured on the ellipsoid) is their sum:
#   A to C shortest: South Road, 2 x 1113.195 = 2226.390 m
#   A to C quickest: West Link, North Road, East Link (South Road's 20 km/h
#     takes 400.7 s, the others at Routino's motorcar 80 and 96 km/h
#     183.6 s), 1105.743 + 2226.390 + 1105.743 = 4437.876 m
#   B to E: Middle Street, 1105.743 m
#   E to B: Middle Street is one way, so round by D and A (or F and C):
#     1113.195 + 1105.743 + 1113.195 = 3332.133 m
#   X to E: not left at F (552.871 + 1113.195 = 1666.066 m, forbidden) but
#     by C, B and Middle Street: 552.871 + 1113.195 + 1105.743 = 2771.809 m
# Routino's own distance (the JSON's routino_distance_km) measures each
# segment on a sphere of radius 6378137 m and keeps whole metres: 0.01
# degree is 1113.195 -> 1113 m either way, 0.005 degree 556.597 -> 556 m:
#   A-C 2226, A-C quickest 4 x 556 + 2 x 1113 = 4450, B-E 1113,
#   E-B 1113 + 2 x 556 + 1113 = 3338, X-E 556 + 1113 + 1113 = 2782.
#   tests/cli/test-roads-synthetic.sh CONVOYMAP
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
for tool in routino-router python3; do
  command -v $tool >/dev/null || { echo "Bail out! $tool is not installed"; exit 1; }
done

cat >"$work/grid.osm" <<'OSM'
<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="convoymap tests/cli/test-roads-synthetic.sh">
  <node id="1" version="1" lat="0.000" lon="0.000"/>
  <node id="2" version="1" lat="0.000" lon="0.010"/>
  <node id="3" version="1" lat="0.000" lon="0.020"/>
  <node id="4" version="1" lat="0.010" lon="0.000"/>
  <node id="5" version="1" lat="0.010" lon="0.010"/>
  <node id="6" version="1" lat="0.010" lon="0.020"/>
  <node id="7" version="1" lat="0.005" lon="0.000"/>
  <node id="8" version="1" lat="0.005" lon="0.020"/>
  <way id="11" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="service"/><tag k="maxspeed" v="20"/><tag k="name" v="South Road"/></way>
  <way id="12" version="1"><nd ref="4"/><nd ref="5"/><nd ref="6"/>
    <tag k="highway" v="primary"/><tag k="name" v="North Road"/><tag k="ref" v="N 1"/></way>
  <way id="13" version="1"><nd ref="1"/><nd ref="7"/><nd ref="4"/>
    <tag k="highway" v="tertiary"/><tag k="name" v="West Link"/></way>
  <way id="14" version="1"><nd ref="3"/><nd ref="8"/><nd ref="6"/>
    <tag k="highway" v="tertiary"/><tag k="name" v="East Link"/></way>
  <way id="15" version="1"><nd ref="2"/><nd ref="5"/>
    <tag k="highway" v="residential"/><tag k="name" v="Middle Street"/><tag k="oneway" v="yes"/></way>
  <relation id="21" version="1">
    <member type="way" ref="14" role="from"/><member type="node" ref="6" role="via"/>
    <member type="way" ref="12" role="to"/>
    <tag k="type" v="restriction"/><tag k="restriction" v="no_left_turn"/></relation>
</osm>
OSM
db=$work/grid.roads
run roads import "$work/grid.osm" -o "$db"
check "roads import reads the network" test "$code" -eq 0
check "the road layer has its five ways" \
  test "$(ogrinfo -q -ro -sql 'select count(*) as n from roads' "$db/roads.gpkg" 2>/dev/null | sed -n 's/.*n (Integer) = //p')" = 5

# leg FROM TO PREFER: routes, keeping the JSON in $work/leg.json and the
# GeoJSON's road line in $work/line.json.
leg() {
  run route --roads "$db" --prefer "$3" --from "$1" --to "$2" --format json
  cp "$work/stdout" "$work/leg.json"
  run route --roads "$db" --prefer "$3" --from "$1" --to "$2" --format geojson
  python3 -c "import json, sys
f = [f for f in json.load(open(sys.argv[1]))['features'] if f['geometry']['type'] == 'LineString']
json.dump(f[0]['geometry']['coordinates'], open(sys.argv[2], 'w'))" "$work/stdout" "$work/line.json"
}
# value EXPR: one value of the leg's JSON (l is the leg).
value() { python3 -c "import json, sys; l = json.load(open(sys.argv[1]))['routes'][0]['legs'][0]; print($1)" "$work/leg.json"; }
# passes LON LAT: the road line goes through that point.
passes() { python3 -c "import json, sys
c = json.load(open(sys.argv[1]))
sys.exit(not any(abs(p[0] - float(sys.argv[2])) < 1e-6 and abs(p[1] - float(sys.argv[3])) < 1e-6 for p in c))" \
  "$work/line.json" "$1" "$2"; }
avoids() { ! passes "$@"; }
# router FROM_LAT FROM_LON TO_LAT TO_LON [OPTION]: routino-router's shortest total in km.
router() { routino-router --dir="$db/routino" --prefix=roads --profile=motorcar --shortest ${5:+"$5"} \
  --lat1="$1" --lon1="$2" --lat2="$3" --lon2="$4" --output-stdout --output-text-all --quiet | tail -1 | cut -f7 | tr -d ' '; }
# expect NAME DISTANCE_KM ROUTINO_KM ROADS: the leg in $work/leg.json.
expect() {
  check "$1: the leg is the hand-computed $2 km" test "$(value 'l["distance_km"]')" = "$2"
  check "$1: Routino's road distance is the hand-computed $3 km" test "$(value 'l["roads"]["routino_distance_km"]')" = "$3"
  check "$1: it starts and ends on the road (snaps under 0.5 m)" \
    python3 -c "import sys; sys.exit(not $(value 'max(l["roads"]["snap_from_m"], l["roads"]["snap_to_m"])') < 0.5)"
  check "$1: by $4" test "$(value 'l["roads"]["roads"]')" = "$4"
}

leg 0,0 0,0.02 shortest
expect "A to C shortest" 2.226 2.226 "South Road"
shortest_s=$(value 'l["roads"]["duration_s"]')
check "A to C shortest: 400.7 s at South Road's maxspeed 20 km/h ($shortest_s s)" \
  python3 -c "import sys; sys.exit(not abs($shortest_s - 2226 / (20 / 3.6)) < 1)"
check "A to C shortest: routino-router goes 2.23 km" test "$(router 0 0 0 0.02)" = 2.23

leg 0,0 0,0.02 quickest
expect "A to C quickest" 4.438 4.45 "West Link, North Road (N 1), East Link"
quickest_s=$(value 'l["roads"]["duration_s"]')
check "A to C quickest: 183.6 s on the faster classes ($quickest_s s), less than shortest's" \
  python3 -c "import sys; sys.exit(not (abs($quickest_s - (2 * 1113 / (80 / 3.6) + 2226 / (96 / 3.6))) < 1 and $quickest_s < $shortest_s))"
check "A to C quickest: the road numbers are N 1" test "$(value 'l["roads"]["refs"]')" = "N 1"

leg 0,0.01 0.01,0.01 shortest
expect "B to E (with Middle Street's oneway)" 1.106 1.113 "Middle Street"

leg 0.01,0.01 0,0.01 shortest
expect "E to B (against Middle Street's oneway)" 3.332 3.338 "North Road (N 1), West Link, South Road"
check "E to B: the line does not go down Middle Street (no point between E and B)" \
  python3 -c "import json, sys
c = json.load(open(sys.argv[1]))
sys.exit(any(abs(p[0] - 0.01) < 1e-6 and 1e-6 < p[1] < 0.01 - 1e-6 for p in c))" "$work/line.json"
check "E to B: routino-router without oneways goes Middle Street's 1.11 km" \
  test "$(router 0.01 0.01 0 0.01 --oneway=0)" = 1.11

leg 0.005,0.02 0.01,0.01 shortest
expect "X to E (with the no_left_turn at F)" 2.772 2.782 "East Link, South Road, Middle Street"
check "X to E: the line does not pass F, the forbidden turn's via node" avoids 0.02 0.01
check "X to E: routino-router ignoring turn restrictions turns at F: 1.67 km" \
  test "$(router 0.005 0.02 0.01 0.01 --turns=0)" = 1.67
tap_done
