#!/usr/bin/env bash
# `route --roads`: legs along the roads of a database built here from the
# real Monaco extract (planetsplitter and the agreed manifest, as `roads
# import` writes them), with road and straight distances, driving time and
# snap distances in text and JSON; CONVOYMAP_ROADS; a waypoint at sea is a
# one-line error naming it, or with --allow-straight a straight leg marked
# so; bad databases and flags are one-line errors.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
need_extract
db=$work/monaco.roads
mkdir -p "$db/routino"
planetsplitter --dir="$db/routino" --prefix=roads --tagging=/usr/share/routino/tagging.xml \
  --loggable "$extract" >"$work/planetsplitter.log" 2>&1 || { echo "Bail out! planetsplitter"; exit 1; }
cat >"$db/manifest.json" <<'JSON'
{"format": "convoymap-roads", "version": 2, "convoymap": "0.0.0", "sources": [{"path": "monaco.osm.pbf", "bytes": 0}], "routino_tagging": "tagging.xml"}
JSON
unset CONVOYMAP_ROADS
# json EXPR: one value of the JSON report in $work/stdout.
json() { python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print($1)" "$work/stdout"; }
# router A_LAT A_LON B_LAT B_LON PREFER: routino-router's total distance in km.
router() { routino-router --dir="$db/routino" --prefix=roads --profile=motorcar --"$5" \
  --lat1="$1" --lon1="$2" --lat2="$3" --lon2="$4" --output-stdout --output-text-all --quiet |
  tail -1 | cut -f7; }
# near A B TOLERANCE: |A - B| <= TOLERANCE.
near() { python3 -c "import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > float(sys.argv[3]))" "$@"; }

# The Rocher's Avenue de l'Hermitage to Fontvieille, shortest.
run route --roads "$db" --prefer shortest --from 43.7384,7.4246 --to 43.7311,7.4197 --format json
check "route --roads --format json exits 0" test "$code" -eq 0
road_km=$(json 'r["routes"][0]["legs"][0]["roads"]["routino_distance_km"]')
check "the road distance is routino-router's to 10 m ($road_km km)" \
  near "$road_km" "$(router 43.7384 7.4246 43.7311 7.4197 shortest)" 0.010
check "the straight distance is the geodesic (0.902 km)" \
  test "$(json 'r["routes"][0]["legs"][0]["roads"]["straight_distance_km"]')" = 0.902
check "the start snaps 12.6 m to the road" \
  test "$(json 'r["routes"][0]["legs"][0]["roads"]["snap_from_m"]')" = 12.6
check "the end snaps 31.2 m to the road" \
  test "$(json 'r["routes"][0]["legs"][0]["roads"]["snap_to_m"]')" = 31.2
check "driving takes 1 to 5 minutes" \
  python3 -c "import sys; sys.exit(not 60 < $(json 'r["routes"][0]["legs"][0]["roads"]["duration_s"]') < 300)"
check "the leg's distance runs along the road (longer than 2.3 km)" \
  python3 -c "import sys; sys.exit(not $(json 'r["routes"][0]["legs"][0]["distance_km"]') > 2.3)"
check "the roads used are listed in order" \
  test "$(json 'r["routes"][0]["legs"][0]["roads"]["roads"].split(", ")[:2]')" = \
  "[\"Avenue de l'Hermitage\", 'Avenue de la Costa']"

# Text: the On roads table; CONVOYMAP_ROADS stands for --roads.
CONVOYMAP_ROADS=$db run route --prefer shortest --from 43.7384,7.4246 --to 43.7311,7.4197
check "CONVOYMAP_ROADS routes on roads" test "$code" -eq 0
check "the text report has the On roads table" grep -qx "On roads" "$work/stdout"
check "the text row has road and straight distance, time and snaps" \
  grep -qE "^  1 +2\.4[0-9] km +0\.90 km +0:0[1-4]:[0-9]{2} +13 m +31 m  -$" "$work/stdout"

# Road numbers: from Fontvieille up the Moyenne Corniche and round by the
# A 500 to Cap-d'Ail, in order.
run route --roads "$db" --from 43.7300,7.4090 --to 43.7480,7.4015
check "the text row lists the road numbers in order" \
  grep -qE "^  1 .* m  M 6007, D 6007, M 6007, A 500, D 2204 A, D 2564, D 53$" "$work/stdout"

# Oneway: Avenue du Professeur Langevin one way, round the block back.
run route --roads "$db" --prefer shortest --from 43.7432,7.4210 --to 43.7432,7.4225 --format json
there=$(json 'r["routes"][0]["legs"][0]["roads"]["routino_distance_km"]')
run route --roads "$db" --prefer shortest --from 43.7432,7.4225 --to 43.7432,7.4210 --format json
back=$(json 'r["routes"][0]["legs"][0]["roads"]["routino_distance_km"]')
check "oneway: there ($there km) is routino-router's" near "$there" "$(router 43.7432 7.4210 43.7432 7.4225 shortest)" 0.010
check "oneway: back ($back km) is routino-router's" near "$back" "$(router 43.7432 7.4225 43.7432 7.4210 shortest)" 0.010
check "oneway: back is over 1.5 km longer" python3 -c "import sys; sys.exit(not $back - $there > 1.5)"

# GeoJSON: the leg's LineString runs along the road (the track's vertices),
# through the road points nearest its ends.
run route --roads "$db" --prefer shortest --from 43.7384,7.4246 --to 43.7311,7.4197 --format geojson
check "GeoJSON: the road leg's line has the road's vertices (over 60)" \
  python3 -c "import json, sys
f = [f for f in json.load(open(sys.argv[1]))['features'] if f['geometry']['type'] == 'LineString']
c = f[0]['geometry']['coordinates']
sys.exit(not (len(f) == 1 and len(c) > 60 and c[0] == [7.4246, 43.7384] and c[-1] == [7.4197, 43.7311]
              and abs(c[1][0] - 7.424541) < 1e-5 and abs(c[1][1] - 43.738294) < 1e-5))" "$work/stdout"

# A waypoint at sea.
expect_error "a waypoint at sea names it" 2 \
  "convoymap: no road for a motorcar within 1 km of 43.7000,7.4500 (43.70000, 7.45000) in $db" \
  route --roads "$db" --from 43.7384,7.4246 --to 43.7000,7.4500
run route --roads "$db" --allow-straight --from 43.7384,7.4246 --to 43.7311,7.4197 --to 43.7000,7.4500 --format json
check "--allow-straight exits 0" test "$code" -eq 0
run route --roads "$db" --allow-straight --from 43.7384,7.4246 --via 43.7311,7.4197 --to 43.7000,7.4500 --format json
check "--allow-straight: the first leg is on roads" test "$(json 'r["routes"][0]["legs"][0]["roads"]["on_roads"]')" = True
check "--allow-straight: the leg to sea is straight, marked so" \
  test "$(json 'r["routes"][0]["legs"][1]["roads"]["on_roads"]')" = False
check "--allow-straight: its distance is the geodesic" \
  test "$(json 'r["routes"][0]["legs"][1]["distance_km"] == r["routes"][0]["legs"][1]["roads"]["straight_distance_km"]')" = True
run route --roads "$db" --allow-straight --from 43.7384,7.4246 --via 43.7311,7.4197 --to 43.7000,7.4500
check "--allow-straight: the text says straight and why" \
  grep -qE "^  2 +- +[0-9.]+ km +straight: no road for a motorcar within 1 km of 43.7000,7.4500" "$work/stdout"

# A march table on roads runs on the road distance.
run route --roads "$db" --from 43.7384,7.4246 --to 43.7311,7.4197 --speed 30 --start 071200ZSEP19 --format json
check "the march table's RP is at the leg's road-following distance" \
  test "$(json 'r["routes"][0]["march"][-1]["distance_km"] == r["routes"][0]["legs"][0]["distance_km"]')" = True

# A database made by `roads import` routes the same.
run roads import "$extract" -o "$work/imported.roads"
check "roads import exits 0" test "$code" -eq 0
run route --roads "$work/imported.roads" --from 43.7300,7.4090 --to 43.7480,7.4015 --format json
imported=$(json 'r["routes"][0]["legs"][0]["roads"]["routino_distance_km"]')
run route --roads "$db" --from 43.7300,7.4090 --to 43.7480,7.4015 --format json
check "route on an imported database: $imported km, as on planetsplitter's" \
  test "$imported" = "$(json 'r["routes"][0]["legs"][0]["roads"]["routino_distance_km"]')"

# Bad databases and flags.
expect_error "a missing database names it" 2 "no roads database $work/none.roads: no such directory" \
  route --roads "$work/none.roads" --from 43.7384,7.4246 --to 43.7311,7.4197
mkdir -p "$work/old.roads"
echo '{"format": "convoymap-roads", "version": 7}' >"$work/old.roads/manifest.json"
expect_error "a database of another version names it" 2 "$work/old.roads is a roads database of version 7" \
  route --roads "$work/old.roads" --from 43.7384,7.4246 --to 43.7311,7.4197
echo '{"format": "convoymap-roads", "version": 3, "convoymap": "9.0"}' >"$work/old.roads/manifest.json"
expect_error "a database of version 3 names it and says what to do" 2 \
  "convoymap: $work/old.roads is a roads database of version 3; this convoymap reads version 2: import it again" \
  route --roads "$work/old.roads" --from 43.7384,7.4246 --to 43.7311,7.4197
printf '\377\376{"format": "convoymap-roads"' >"$work/old.roads/manifest.json"
expect_error "a manifest that is not text names the database" 2 \
  "convoymap: $work/old.roads is not a roads database: its manifest.json is not of format" \
  route --roads "$work/old.roads" --from 43.7384,7.4246 --to 43.7311,7.4197
expect_error "an unknown vehicle lists the profiles" 2 "unknown vehicle 'tank': one of" \
  route --roads "$db" --vehicle tank --from 43.7384,7.4246 --to 43.7311,7.4197
expect_error "a bad --prefer" 2 "unknown --prefer 'fastest': quickest or shortest" \
  route --roads "$db" --prefer fastest --from 43.7384,7.4246 --to 43.7311,7.4197
expect_error "--vehicle without --roads" 2 "--vehicle, --prefer, --weight, --height, --width, --length and --allow-straight need --roads" \
  route --vehicle hgv --from 43.7384,7.4246 --to 43.7311,7.4197
run route --roads "$db" --vehicle hgv --from 43.7384,7.4246 --to 43.7311,7.4197
check "--vehicle hgv routes" test "$code" -eq 0
tap_done
