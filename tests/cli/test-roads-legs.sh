#!/usr/bin/env bash
# Legs on roads, on a database imported from the real Monaco extract and on
# a synthetic network through the reference convoy's waypoints:
# - one road distance per leg: the report's Distance, the On roads table's
#   Road, JSON, the map's legend and subtitle agree (the line as drawn,
#   connectors included), Routino's own figure is routino-router's, the
#   azimuths are the straight line's, and the subtitle says road, mixed or
#   geodesic;
# - a waypoint beyond Routino's 1 km snaps to the nearest road in
#   roads.gpkg (checked against a nearest-road search written here), with
#   its connector drawn and a warning past 2 km; beyond 10 km the error;
# - the reference convoy with --roads: routed on roads that cover it; off
#   them, one line from route, render, tiles and tile alike.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
extract=$(dirname "$0")/../../../shared/data/monaco.osm.pbf
if [ ! -f "$extract" ]; then
  if [ "${CI:-}" = true ]; then echo "Bail out! missing $extract"; exit 1; fi
  echo "1..0 # SKIP no $extract"; exit 0
fi
unset CONVOYMAP_ROADS
db=$work/monaco.roads
"$convoymap" roads import "$extract" -o "$db" >"$work/import.log" 2>&1 ||
  { echo "Bail out! roads import: $(tail -1 "$work/import.log")"; exit 1; }
# json EXPR: one value of the JSON report in $work/stdout.
json() { python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print($1)" "$work/stdout"; }
# near A B TOLERANCE: |A - B| <= TOLERANCE.
near() { python3 -c "import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > float(sys.argv[3]))" "$@"; }
# router A_LAT A_LON B_LAT B_LON: routino-router's shortest distance in km.
router() { routino-router --dir="$db/routino" --prefix=roads --profile=motorcar --shortest \
  --lat1="$1" --lon1="$2" --lat2="$3" --lon2="$4" --output-stdout --output-text-all --quiet |
  tail -1 | cut -f7; }
# nearest_road LAT LON: metres from the point to the nearest road line of
# roads.gpkg, read here from the GeoPackage blobs (header, then WKB line
# strings), each segment measured in the plane tangent at the point.
nearest_road() {
  python3 - "$db/roads.gpkg" "$1" "$2" <<'PY'
import math, sqlite3, struct, sys
path, lat, lon = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
# Metres a degree on WGS84 at this latitude (meridian and parallel).
phi = math.radians(lat)
my = 111132.954 - 559.822 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi)
mx = 111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi)
best = math.inf
for (blob,) in sqlite3.connect(path).execute("SELECT geom FROM roads"):
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    kind, n = struct.unpack(order + "II", wkb[1:9])
    assert kind % 1000 == 2, kind
    pts = [struct.unpack(order + "dd", wkb[9 + 16 * i:25 + 16 * i]) for i in range(n)]
    xy = [((x - lon) * mx, (y - lat) * my) for x, y in pts]
    for (ax, ay), (bx, by) in zip(xy, xy[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) if dx or dy else 0
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
print(best)
PY
}

# 1. One road distance per leg: the Rocher to Fontvieille, shortest.
from="--from 43.7384,7.4246 --to 43.7311,7.4197"
run route --roads "$db" --prefer shortest $from --format json
check "route --roads exits 0" test "$code" -eq 0
leg='r["routes"][0]["legs"][0]'
road_km=$(json "$leg[\"roads\"][\"road_distance_km\"]")
check "JSON: the leg's distance is its road distance ($road_km km)" \
  test "$(json "$leg[\"distance_km\"]")" = "$road_km"
check "JSON: the route's total is the road distance" test "$(json 'r["routes"][0]["total_km"]')" = "$road_km"
check "JSON: the road distance is the snaps and Routino's, to 3 % (Routino's sphere)" \
  python3 -c "import sys; a, b = $road_km, $(json "$leg['roads']['snap_from_m'] / 1000 + $leg['roads']['routino_distance_km'] + $leg['roads']['snap_to_m'] / 1000"); sys.exit(abs(a - b) > 0.03 * b)"
check "JSON: routino_distance_km is routino-router's to 10 m" \
  near "$(json "$leg[\"roads\"][\"routino_distance_km\"]")" "$(router 43.7384 7.4246 43.7311 7.4197)" 0.010
check "JSON: the route says its distances are road distances" test "$(json 'r["routes"][0]["distances"]')" = road
azimuth=$(json "$leg[\"azimuth_deg\"]")
final=$(json "$leg[\"final_azimuth_deg\"]")
run route $from --format json
check "JSON: the azimuths are the straight line's ($azimuth°)" \
  test "$(json "$leg[\"azimuth_deg\"]") $(json "$leg[\"final_azimuth_deg\"]")" = "$azimuth $final"
check "JSON: no distances member without roads" python3 -c "import json, sys; sys.exit('distances' in json.load(open(sys.argv[1]))['routes'][0])" "$work/stdout"
run route --roads "$db" --prefer shortest $from
km1=$(python3 -c "print(f'{$road_km:.1f}')")
km2=$(python3 -c "print(f'{$road_km:.2f}')")
deg=$(python3 -c "print(f'{$azimuth:.1f}')")
check "text: Distance $km1 km and azimuth $deg° on the leg row" \
  grep -qE "^  1 +43\.7384,7\.4246 +43\.7311,7\.4197 +$km1 km +$deg°" "$work/stdout"
check "text: Road $km2 km in the On roads table" grep -qE "^  1 +$km2 km +0\.90 km" "$work/stdout"
check "text: the distances are said to be road distances" \
  grep -qx "Distances: road distances on monaco.roads for a motorcar, snap connectors included; azimuths straight, waypoint to waypoint" "$work/stdout"
# Every leg kept straight: no connector to speak of.
run route --roads "$db" --allow-straight --from 43.5500,7.4500 --to 43.5400,7.4600
check "text, every leg straight: geodesic distances, no connectors" \
  grep -qx "Distances: geodesic distances on WGS84; azimuths straight, waypoint to waypoint" "$work/stdout"
run render --roads "$db" --prefer shortest $from --bbox 7.40,43.72,7.45,43.76 -o "$work/map.pdf"
pdftotext -raw "$work/map.pdf" "$work/map.txt"
deg0=$(python3 -c "print(f'{round($azimuth) % 360:03d}')")
check "map: the subtitle names the road distances" \
  grep -q "Convoy route: $km1 km in 1 leg · road distances on monaco.roads for a motorcar" "$work/map.txt"
check "map: the legend's total is by road" grep -q "Convoy route — total $km1 km by road" "$work/map.txt"
check "map: the legend's leg has the same distance and azimuth ($km1 km, $deg0°)" \
  grep -q "1. 43.7384,7.4246 → 43.7311,7.4197: $km1 km, $deg0°" "$work/map.txt"
run render --roads "$db" --allow-straight --from 43.7384,7.4246 --via 43.7311,7.4197 --to 43.5500,7.4500 \
  --bbox 7.40,43.50,7.50,43.76 -o "$work/mixed.pdf"
pdftotext -raw "$work/mixed.pdf" "$work/mixed.txt"
check "map, a straight leg: the subtitle says mixed" \
  grep -q "mixed distances: road (monaco.roads, motorcar) and straight (WGS84)" "$work/mixed.txt"
check "map, a straight leg: the legend marks it" grep -q "2. 43.7311,7.4197 → 43.5500,7.4500: [0-9.]* km straight, " "$work/mixed.txt"
check "map, a straight leg: the legend's total is mixed" grep -q "total [0-9.]* km (road and straight)" "$work/mixed.txt"
run render $from --bbox 7.40,43.72,7.45,43.76 -o "$work/plain.pdf"
check "map without roads: geodesic distances on WGS84" sh -c "pdftotext -raw '$work/plain.pdf' - | grep -q '· geodesic distances on WGS84'"

# 2. Beyond Routino's 1 km: at sea off Monaco, 1.5 km and 3.3 km out.
for case in "43.7170,7.4350 1.5" "43.6950,7.4300 3.3"; do
  set -- $case
  run route --roads "$db" --from 43.7384,7.4246 --to "$1" --format json
  check "$1 ($2 km out) is routed (exit $code)" test "$code" -eq 0
  snap=$(json "$leg[\"roads\"][\"snap_to_m\"]")
  expected=$(nearest_road ${1%,*} ${1#*,})
  check "$1: snapped $snap m out, the nearest road's $expected m (to 0.5 %)" \
    python3 -c "import sys; sys.exit(abs($snap - $expected) > 0.005 * $expected)"
  check "$1: the leg's distance counts the connector" \
    python3 -c "import sys; sys.exit(not $(json "$leg[\"distance_km\"]") * 1000 > $snap + $(json "$leg[\"roads\"][\"routino_distance_km\"]") * 900)"
  run route --roads "$db" --from 43.7384,7.4246 --to "$1" --format geojson
  check "$1: the connector is drawn, the line's end ($snap m)" python3 - "$work/stdout" "$snap" <<'PY'
import json, math, sys
# The line is densified: some vertex before the waypoint is the road point,
# the snap distance from it, with every vertex after it on the way.
legs = [f for f in json.load(open(sys.argv[1]))["features"] if f["properties"]["kind"] == "leg"]
line = legs[0]["geometry"]["coordinates"]
lon2, lat2 = line[-1]
snap = float(sys.argv[2])
metres = [math.hypot((lon - lon2) * 111320 * math.cos(math.radians(lat2)), (lat - lat2) * 110570)
          for lon, lat in line]
sys.exit(not any(abs(m - snap) < 0.01 * snap for m in metres))
PY
done
run route --roads "$db" --from 43.7384,7.4246 --to 43.6950,7.4300
check "3.3 km out: one warning line" test "$(cat "$work/stderr")" = \
  "convoymap: 43.6950,7.4300 is 3.3 km from the nearest road for a motorcar"
run route --roads "$db" --from 43.7384,7.4246 --to 43.7170,7.4350
check "1.5 km out: no warning" test ! -s "$work/stderr"
expect_error "20 km out: no road within 10 km" 2 \
  "convoymap: no road for a motorcar within 10 km of 43.5500,7.4500 (43.55000, 7.45000) in $db" \
  route --roads "$db" --from 43.7384,7.4246 --to 43.5500,7.4500

# 3. The reference convoy off these roads: one line, alike.
off="the reference convoy is off the roads: no road for a motorcar within 10 km of Amman (31.95522, 35.94503) in $db"
expect_error "route --roads, no route: one line naming Amman" 2 "convoymap: $off; give a route (--from/--to)" \
  route --roads "$db"
expect_error "render --roads, no route: one line naming Amman" 2 \
  "convoymap: $off; give a route (--from/--to) or the area (--bbox)" render --roads "$db" -o "$work/ref.png"
check "render: nothing written" test ! -e "$work/ref.png"
run tiles --roads "$db" --bbox 7.40,43.72,7.45,43.76 --zoom 12 -o "$work/monaco-tiles"
check "tiles --roads, no route: the area is drawn (exit $code)" test "$code" -eq 0
check "tiles --roads, no route: one line naming Amman" \
  grep -qxF "convoymap: $off; drawing none: give a route (--from/--to) to draw one" "$work/stderr"
run tile 12 2132 1493 --roads "$db" -o "$work/one.png"
check "tile --roads, no route: drawn, one line naming Amman" \
  sh -c "test $code -eq 0 && test \"\$(cat '$work/stderr')\" = 'convoymap: $off; drawing none: give a route (--from/--to) to draw one'"

# A synthetic network: one primary road through the reference convoy's
# waypoints (Amman, Trebil, Ar Rutbah, Ayn al-Asad), and Equator Road
# from 10 E to 10.1 E, a vertex each 0.01 deg, the odd ones 0.0001 deg
# north (planetsplitter prunes the vertices of a straight road, and
# Routino finds no road from the middle of a segment far from its ends).
cat >"$work/synthetic.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"fclass": "primary", "name": "Desert Highway", "ref": "H 1"},
  "geometry": {"type": "LineString", "coordinates": [[35.94503, 31.95522], [38.993, 32.712], [40.28586, 33.03718], [42.4412, 33.7856]]}},
 {"type": "Feature", "properties": {"fclass": "primary", "name": "Equator Road"},
  "geometry": {"type": "LineString", "coordinates": [[10.00, 0], [10.01, 0.0001], [10.02, 0], [10.03, 0.0001], [10.04, 0], [10.05, 0.0001], [10.06, 0], [10.07, 0.0001], [10.08, 0], [10.09, 0.0001], [10.10, 0]]}}
]}
JSON
syn=$work/synthetic.roads
run roads import "$work/synthetic.geojson" -o "$syn"
check "the synthetic network imports" test "$code" -eq 0
run route --roads "$syn" --format json
check "route --roads, no route: the reference convoy on roads that cover it (exit $code)" test "$code" -eq 0
run_straight() { "$convoymap" route --format json >"$work/straight.json"; }
run_straight
check "its three legs are on roads, each the straight leg's distance to 1.5 m (the road is straight; JSON's metres)" \
  python3 - "$work/stdout" "$work/straight.json" <<'PY'
import json, sys
roads, straight = (json.load(open(p))["routes"][0]["legs"] for p in sys.argv[1:])
assert len(roads) == 3 and all(l["roads"]["on_roads"] for l in roads), roads
for a, b in zip(roads, straight):
    assert abs(a["distance_km"] - b["distance_km"]) <= 0.0015, (a["distance_km"], b["distance_km"])
    assert a["roads"]["road_distance_km"] == a["distance_km"]
    assert a["roads"]["refs"] == "H 1", a["roads"]["refs"]
PY
run render --roads "$syn" -o "$work/reference.pdf"
check "render --roads, no route: the reference convoy drawn (exit $code)" test "$code" -eq 0
check "render: its title and road distances" sh -c "pdftotext -raw '$work/reference.pdf' - | tr '\n' ' ' |
  grep -q 'Convoy route: Amman to Ayn al-Asad Air Base.*road distances on synthetic.roads for a motorcar'"
run tiles --roads "$syn" --bbox 35.5,31.5,43,34 --zoom 5 -o "$work/reference-tiles"
check "tiles --roads, no route: the reference convoy, no line" sh -c "test $code -eq 0 && ! grep -q 'off the roads' '$work/stderr'"
# 0.027 deg north of Equator Road's vertex at 10.05 E (0.0001 N) is
# 0.0269 deg, 2974.4 m (the meridian's 110574 m a degree there); then 4
# segments of 0.01 deg east (1113.195 m) and 0.0001 deg north or south
# (11.057 m), 1113.250 m each, 4453.0 m to the vertex at 10.09 E: 7427.4 m.
run route --roads "$syn" --from 0.027,10.05 --to 0.0001,10.09 --format json
check "synthetic: 3 km off the road, snapped to its vertex (2974.4 m)" near "$(json "$leg[\"roads\"][\"snap_from_m\"]")" 2974.4 1
check "synthetic: the leg is the connector and the road, 7.4274 km" near "$(json "$leg[\"distance_km\"]")" 7.4274 0.002
run route --roads "$syn" --from 0.027,10.05 --to 0.0001,10.09
check "synthetic: warned in one line" test "$(cat "$work/stderr")" = \
  "convoymap: 0.027,10.05 is 3.0 km from the nearest road for a motorcar"
expect_error "synthetic: 11 km off the road is too far" 2 "no road for a motorcar within 10 km of 0.1,10.05" \
  route --roads "$syn" --from 0.1,10.05 --to 0.0001,10.09
tap_done
