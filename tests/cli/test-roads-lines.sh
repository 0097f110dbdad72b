#!/usr/bin/env bash
# `roads import` of road lines that are not OpenStreetMap: a GeoPackage and
# a Shapefile written by ogr2ogr from the real Monaco extract route within
# 1 % of the PBF import, oneway streets included; a synthetic network in
# Geofabrik's shapefile schema (fclass, oneway F/T/B) routes as computed by
# hand, joined only at shared vertices; --map names other fields; nothing
# of the conversion is left in the database.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
need_extract
# leg_km: the first leg's distance as Routino measures it (on its sphere) in the JSON report in $work/stdout.
leg_km() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['routes'][0]['legs'][0]['roads']['routino_distance_km'])" "$work/stdout"; }
# within A B PERCENT
within() { python3 -c "import sys; a, b, p = map(float, sys.argv[1:]); sys.exit(abs(a - b) > b * p / 100)" "$@"; }

# GDAL's OSM driver with the road model's keys as fields (its default puts
# them in other_tags).
cat >"$work/osmconf.ini" <<'INI'
[lines]
osm_id=yes
attributes=name,highway,ref,oneway,maxspeed,surface,bridge,tunnel,access,junction,maxweight,maxheight,maxwidth,maxlength
[points]
osm_id=yes
attributes=name
[multilinestrings]
osm_id=yes
attributes=name
[multipolygons]
osm_id=yes
attributes=name
[other_relations]
osm_id=yes
attributes=name
INI
OSM_CONFIG_FILE=$work/osmconf.ini ogr2ogr -f GPKG "$work/monaco-lines.gpkg" "$extract" lines \
  -where "highway IS NOT NULL" >"$work/ogr2ogr.log" 2>&1 || { echo "Bail out! ogr2ogr"; exit 1; }
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "$work/shp" "$work/monaco-lines.gpkg" lines \
  >>"$work/ogr2ogr.log" 2>&1 || { echo "Bail out! ogr2ogr shp"; exit 1; }

run roads import "$extract" -o "$work/pbf.roads"
check "the PBF imports" test "$code" -eq 0
run roads import "$work/monaco-lines.gpkg" -o "$work/gpkg.roads"
check "the GeoPackage imports" test "$code" -eq 0
run roads import "$work/shp/lines.shp" -o "$work/shp.roads"
check "the Shapefile imports" test "$code" -eq 0
check "the database holds manifest, roads.gpkg and routino/ only" \
  test "$(ls "$work/gpkg.roads" | tr '\n' ' ')" = "manifest.json roads.gpkg routino "
check "the manifest names the GeoPackage" \
  python3 -c "import json, sys; sys.exit(json.load(open(sys.argv[1]))['sources'][0]['path'] != sys.argv[2])" \
  "$work/gpkg.roads/manifest.json" "$(realpath "$work/monaco-lines.gpkg")"
check "no scratch directory is left beside it" test -z "$(ls "$work" | grep partial)"
pbf_roads=$(ogrinfo -ro -so "$work/pbf.roads/roads.gpkg" roads | sed -n 's/^Feature Count: //p')
gpkg_roads=$(ogrinfo -ro -so "$work/gpkg.roads/roads.gpkg" roads | sed -n 's/^Feature Count: //p')
# Lines of other sources take living_street (22 ways here) as residential;
# the OSM import leaves it out of the road layer.
check "the road layer has the PBF's roads to 2 % ($gpkg_roads, $pbf_roads)" within "$gpkg_roads" "$pbf_roads" 2

for pair in "43.7384,7.4246 43.7311,7.4197" "43.7300,7.4090 43.7480,7.4015" \
            "43.7255,7.4015 43.7435,7.4315" "43.7345,7.4165 43.7480,7.4240" \
            "43.7390,7.4240 43.7255,7.4090"; do
  set -- $pair
  run route --roads "$work/pbf.roads" --from "$1" --to "$2" --format json; pbf=$(leg_km)
  run route --roads "$work/gpkg.roads" --from "$1" --to "$2" --format json; gpkg=$(leg_km)
  run route --roads "$work/shp.roads" --from "$1" --to "$2" --format json; shp=$(leg_km)
  check "$1 to $2: GeoPackage $gpkg km, Shapefile $shp km, within 1 % of the PBF's $pbf km" \
    sh -c "$(declare -f within); within $gpkg $pbf 1 && within $shp $pbf 1"
done
# Avenue du Professeur Langevin is oneway in the GeoPackage too.
run route --roads "$work/gpkg.roads" --prefer shortest --from 43.7432,7.4210 --to 43.7432,7.4225 --format json
there=$(leg_km)
run route --roads "$work/gpkg.roads" --prefer shortest --from 43.7432,7.4225 --to 43.7432,7.4210 --format json
back=$(leg_km)
check "GeoPackage: oneway there $there km, back $back km" python3 -c "import sys; sys.exit(not $back - $there > 1.5)"

# A synthetic square on the equator in Geofabrik's schema: West Road
# (primary, R 1) P0 (0 E) to P1 (0.01 E); Up Street P1 to P2 (0.01 N),
# oneway F (forward); Top Street (living_street) P2 to P3; Back Road P3 to P0
# (a class of another schema); a footway P0 to P2 (no road); and Over
# Bridge crossing West Road at 0.0025 E without a shared vertex.
cat >"$work/square.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"fclass": "primary", "name": "West Road", "ref": "R 1", "oneway": "B"},
  "geometry": {"type": "LineString", "coordinates": [[0, 0], [0.0025, 0], [0.01, 0]]}},
 {"type": "Feature", "properties": {"fclass": "residential", "name": "Up Street", "oneway": "F"},
  "geometry": {"type": "LineString", "coordinates": [[0.01, 0], [0.01, 0.01]]}},
 {"type": "Feature", "properties": {"fclass": "living_street", "name": "Top Street", "oneway": "B"},
  "geometry": {"type": "LineString", "coordinates": [[0.01, 0.01], [0, 0.01]]}},
 {"type": "Feature", "properties": {"fclass": "Minor Road", "name": "Back Road", "oneway": "B"},
  "geometry": {"type": "LineString", "coordinates": [[0, 0.01], [0, 0]]}},
 {"type": "Feature", "properties": {"fclass": "footway", "name": "Diagonal Path"},
  "geometry": {"type": "LineString", "coordinates": [[0, 0], [0.01, 0.01]]}},
 {"type": "Feature", "properties": {"fclass": "residential", "name": "Over Bridge", "bridge": "T"},
  "geometry": {"type": "LineString", "coordinates": [[0.0025, -0.005], [0.0026, 0.005]]}}
]}
JSON
ogr2ogr -f GPKG "$work/square.gpkg" "$work/square.geojson" >>"$work/ogr2ogr.log" 2>&1
run roads import "$work/square.gpkg" -o "$work/square.roads"
check "the synthetic GeoPackage imports" test "$code" -eq 0
# 0.001 deg of longitude on the equator is 111.3 m. Up along West Road's
# last 0.001 deg and Up Street's first 0.005 deg: 0.006 deg, 668 m.
run route --roads "$work/square.roads" --from=-0.0001,0.009 --to 0.005,0.0101 --format json
check "synthetic: along the oneway, 0.668 km (to 0.3 %: Routino's sphere)" within "$(leg_km)" 0.668 0.3
check "synthetic: by West Road (R 1) and Up Street" \
  test "$(python3 -c "import json, sys; r = json.load(open(sys.argv[1]))['routes'][0]['legs'][0]['roads']; print(r['refs'], '/', r['roads'])" "$work/stdout")" = "R 1 / West Road (R 1), Up Street"
# Back: up Up Street to P2, Top Street, Back Road, West Road to 0.009 E:
# 0.005 + 0.01 + 0.01 + 0.009 = 0.034 deg, 3.785 km; the footway is no road.
run route --roads "$work/square.roads" --from 0.005,0.0101 --to=-0.0001,0.009 --format json
check "synthetic: against it, round the square, 3.785 km" within "$(leg_km)" 3.785 0.3
check "synthetic: round by Top Street and Back Road, not the footway" \
  test "$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['routes'][0]['legs'][0]['roads']['roads'])" "$work/stdout")" = "Up Street, Top Street, Back Road, West Road (R 1)"
expect_error "synthetic: the bridge does not join the road it crosses" 2 \
  "no road route for a motorcar from -0.004,0.0026 to -0.0001,0.001" \
  route --roads "$work/square.roads" --from=-0.004,0.0026 --to=-0.0001,0.001

# Another field for the class: refused without --map, read with it.
sed 's/"fclass"/"kind"/' "$work/square.geojson" >"$work/kind.geojson"
expect_error "no class field: one line naming the file and --map" 2 \
  "no roads in '$work/kind.geojson': no line with a road class (motorway ... service) in a field highway, fclass or class (name another with --map class=FIELD)" \
  roads import "$work/kind.geojson" -o "$work/kind.roads"
check "nothing is left of the failed import" test -z "$(ls "$work" | grep -E '^kind\.roads')"
run roads import "$work/kind.geojson" --map class=kind,ref=ref -o "$work/kind.roads"
check "--map class=kind imports" test "$code" -eq 0
run route --roads "$work/kind.roads" --from=-0.0001,0.009 --to 0.005,0.0101 --format json
check "--map: the same route (0.668 km)" within "$(leg_km)" 0.668 0.3
expect_error "a bad --map names the part" 2 "bad --map part 'colour=kind': KEY=FIELD, KEY one of class" \
  roads import "$work/kind.geojson" --map colour=kind -o "$work/bad.roads"
expect_error "a key mapped twice" 2 "bad --map: ref is mapped twice" \
  roads import "$work/kind.geojson" --map ref=a,ref=b -o "$work/bad.roads"
printf 'not a vector file\n' >"$work/junk.gpkg"
expect_error "a file OGR cannot read names it" 2 "input '$work/junk.gpkg' is not an OpenStreetMap file" \
  roads import "$work/junk.gpkg" -o "$work/bad.roads"
check "nothing is left of the failed imports" test -z "$(ls "$work" | grep -E '^bad\.roads')"
tap_done
