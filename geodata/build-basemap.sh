#!/usr/bin/env bash
# Rebuild geodata/world.gpkg (the convoymap base map) from Debian packages only:
#   qgis-common     Natural Earth 1:10m v4.1.0 countries/admin-1/disputed lines
#   gmt-gshhg-low   GSHHG 2.3.7 intermediate-resolution lakes + WDBII rivers
# Everything is computed with ogr2ogr (GPKG SQL + SpatiaLite/GEOS), gmt coast
# and python3 (stdlib only); see geodata/README.md for the layer contract.
# Usage: bash geodata/build-basemap.sh        (idempotent; ~20 s)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
helpers=$here/build-basemap
out=$here/world.gpkg
ne=/usr/share/qgis/resources/data/world_map.gpkg
res=i   # GSHHG resolution: 'i' keeps the Euphrates/Tigris complete at ~1 MB

# --- 0. prerequisites --------------------------------------------------------
pkgs=(gdal-bin gmt gmt-gshhg-low qgis-common python3)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
        || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "missing Debian packages; install them with:" >&2
    echo "  apt-get install ${missing[*]}" >&2
    exit 1
fi
# GDAL must have SpatiaLite (ST_Union etc. in GPKG SQL); Debian's does.
ogrinfo -q "$ne" -sql "SELECT spatialite_version()" >/dev/null 2>&1 \
    || { echo "ogrinfo lacks SpatiaLite support (libspatialite7)" >&2; exit 1; }

start=$SECONDS
tmp=$(mktemp -d)
new=$here/.world-tmp.gpkg      # built next to the target, then renamed
trap 'rm -rf "$tmp" "$new"' EXIT
rm -f "$new"
work=$tmp/work.gpkg            # scratch layers that are not shipped
export OGR_SQLITE_SYNCHRONOUS=OFF
step() { printf '[%3ds] %s\n' $((SECONDS - start)) "$*"; }
# ogr2ogr into the scratch / output GeoPackage; -gt makes big inserts fast
to_work() { ogr2ogr -update -gt 65536 "$work" "$@"; }
to_out()  { ogr2ogr -update -gt 65536 -a_srs EPSG:4326 -lco GEOMETRY_NAME=geom "$new" "$@"; }
# load a CSV with a WKT column (written by gshhg.py) as a layer
csv_opts=(-oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326)

# --- 1. admin1 with ISO codes; countries = admin1 dissolved by iso3 ----------
# Dissolving admin1 ourselves (instead of using the QGIS 'countries' layer)
# lets us fold NE's non-ISO entities into their country (see admin1.sql), and
# keeps country and admin-1 edges identical.
step "admin1 + iso3 mapping"
ogr2ogr -f GPKG "$work" "$ne" -nln admin1 -nlt MULTIPOLYGON \
    -sql @"$helpers/admin1.sql"
bad=$(ogrinfo -q "$work" -sql "SELECT count(*) AS n FROM admin1 WHERE iso3 IS NULL" \
      | sed -n 's/.*n (Integer) = //p')
[[ $bad == 0 ]] || { echo "admin1: $bad rows without iso3" >&2; exit 1; }
# country names: NE admin-0 NAME (short English name), overridden by admin1.sql
ogr2ogr -f CSV "$tmp/names.csv" "$ne" -sql \
    "SELECT CASE WHEN ISO_A3 = '-99' AND iso_a2 = 'XK' THEN 'XKX' ELSE ISO_A3 END AS iso3,
            NAME AS name FROM countries WHERE NAME IS NOT NULL"
to_work "$tmp/names.csv" -nln names

step "countries (dissolve admin1 by iso3)"
to_work "$work" -nln countries_raw -nlt MULTIPOLYGON -sql \
    "SELECT a.iso3 AS iso3,
            COALESCE(max(a.cname), (SELECT n.name FROM names n WHERE n.iso3 = a.iso3)) AS name,
            ST_Multi(ST_Union(a.geom)) AS geom
     FROM admin1 a GROUP BY a.iso3"

# --- 2. adjacency -> greedy colouring; borders from shared edges -------------
# Candidate pairs come from the GeoPackage R-tree, exact test by GEOS.
pairs="FROM countries_raw a
       JOIN rtree_countries_raw_geom r
         ON r.minx <= ST_MaxX(a.geom) AND r.maxx >= ST_MinX(a.geom)
        AND r.miny <= ST_MaxY(a.geom) AND r.maxy >= ST_MinY(a.geom)
       JOIN countries_raw b ON b.fid = r.id AND a.iso3 < b.iso3"
step "adjacency + colouring"
ogr2ogr -f CSV "$tmp/pairs.csv" "$work" -sql \
    "SELECT a.iso3 AS a, b.iso3 AS b $pairs WHERE ST_Intersects(a.geom, b.geom)"
ogr2ogr -f CSV "$tmp/isos.csv" "$work" -sql "SELECT iso3 FROM countries_raw ORDER BY iso3"
python3 "$helpers/gshhg.py" colour "$tmp/pairs.csv" "$tmp/isos.csv" "$tmp/colours.csv"
to_work "$tmp/colours.csv" -nln colours

step "countries, admin1 -> world.gpkg"
ogr2ogr -f GPKG -a_srs EPSG:4326 -lco GEOMETRY_NAME=geom "$new" "$work" -nln countries -nlt MULTIPOLYGON -sql \
    "SELECT c.iso3, c.name, CAST(k.mapcolor AS INTEGER) AS mapcolor, c.geom
     FROM countries_raw c JOIN colours k ON k.iso3 = c.iso3 ORDER BY c.iso3"
to_out "$work" -nln admin1 -nlt MULTIPOLYGON -sql \
    "SELECT name, iso3, geom FROM admin1 ORDER BY iso3, name"

# Shared edges of two country polygons = intersection of their boundaries;
# drop point contacts so only land-boundary lines remain.  Because the input
# is topologically clean (GRASS v.generalize), lines coincide with the fills.
step "borders"
to_out "$work" -nln borders -nlt MULTILINESTRING -sql \
    "SELECT iso3_a, iso3_b, geom FROM (
       SELECT a.iso3 AS iso3_a, b.iso3 AS iso3_b,
              ST_LineMerge(ExtractMultiLinestring(
                  ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)))) AS geom
       $pairs WHERE ST_Intersects(a.geom, b.geom))
     WHERE geom IS NOT NULL AND ST_Length(geom) > 0 ORDER BY iso3_a, iso3_b"

step "disputed"
to_out "$ne" -nln disputed -nlt MULTILINESTRING -sql \
    "SELECT name, ST_Multi(geom) AS geom FROM disputed_borders"

# --- 3. land (dissolved countries) and its boundary as coastline -------------
step "land"
to_out "$work" -nln land -nlt POLYGON -explodecollections -sql \
    "SELECT ST_Union(geom) AS geom FROM countries_raw"
# Rings of Eurasia etc. are huge; cut coastline into <=256-vertex, <=2 degree
# pieces so a spatial filter only reads what it draws.
step "coastline"
ogr2ogr -f CSV "$tmp/coast_raw.csv" "$new" -lco GEOMETRY=AS_WKT -sql \
    "SELECT ST_Boundary(geom) AS geom FROM land"
python3 "$helpers/gshhg.py" split "$tmp/coast_raw.csv" "$tmp/coast.csv"
to_out "$tmp/coast.csv" "${csv_opts[@]}" -nln coastline -nlt LINESTRING \
    -dialect sqlite -sql "SELECT GEOMETRY FROM coast"

# --- 4. rivers and lakes from GSHHG/WDBII -----------------------------------
# WDBII classes: 0 double-lined river banks (needed: the Tigris around Baghdad
# and the Shatt al-Arab exist only as class 0), 1 major, 2 additional major,
# 3 additional rivers.  gmt coast dumps them cut into 1-degree bins; gshhg.py
# re-joins, nodes and names them, and splits them into small features.
step "rivers"
gmt coast -Rd -D$res -I0 -I1 -I2 -I3 -M > "$tmp/rivers.txt"
python3 "$helpers/gshhg.py" rivers "$tmp/rivers.txt" "$tmp/rivers.csv"
to_out "$tmp/rivers.csv" "${csv_opts[@]}" -nln rivers -nlt LINESTRING -dialect sqlite -sql \
    "SELECT CAST(class AS INTEGER) AS class, NULLIF(name, '') AS name, GEOMETRY FROM rivers"

step "lakes"
gmt coast -Rd -D$res -A0/2/2 -W -M > "$tmp/lakes.txt"     # level 2 = lakes
python3 "$helpers/gshhg.py" lakes "$tmp/lakes.txt" "$tmp/lakes.csv"
to_work "$tmp/lakes.csv" "${csv_opts[@]}" -nln lakes_raw -nlt POLYGON -lco GEOMETRY_NAME=geom \
    -makevalid -explodecollections -sql "SELECT GEOMETRY FROM lakes" -dialect sqlite
to_out "$work" -nln lakes -nlt POLYGON -sql @"$helpers/lakes.sql"

# --- 5. provenance (for the attribution line printed by convoymap) ---------
step "provenance"
{
    echo key,value
    dpkg-query -W -f='package:${Package},${Version}\n' qgis-common gmt gmt-gshhg-low gdal-bin
    echo "source:countries admin1 borders land coastline,Natural Earth 1:10m Admin-0/Admin-1 v4.1.0 (public domain) via QGIS world_map.gpkg"
    echo "source:disputed,Natural Earth 1:10m Admin-0 breakaway/disputed boundary lines v4.1.0 (public domain)"
    echo "source:rivers lakes,GSHHG 2.3.7 intermediate resolution incl. WDBII rivers (LGPL-3+)  Wessel & Smith"
    echo "attribution,Made with Natural Earth. GSHHG/WDBII (c) Wessel & Smith; LGPL-3+"
    echo "build_date,$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} > "$tmp/provenance.csv"
to_out "$tmp/provenance.csv" -nln provenance

# --- 6. sanity checks, then atomically replace the old file ----------------
step "checks"
check() {   # check "<sql returning one integer n>" "<message>": fail unless n=0
    local n
    n=$(ogrinfo -q "$new" -sql "$1" | sed -n 's/.* (Integer[0-9]*) = //p' | head -1)
    [[ $n == 0 ]] || { echo "check failed ($n): $2" >&2; exit 1; }
}
check "SELECT 10 - count(*) FROM countries WHERE iso3 IN
       ('IRQ','JOR','SYR','SAU','KWT','IRN','TUR','ISR','LBN','EGY')" "core countries missing"
check "SELECT count(*) FROM countries WHERE iso3 NOT GLOB '[A-Z][A-Z][A-Z]' OR name IS NULL" "bad iso3/name"
check "SELECT count(*) FROM (SELECT iso3 FROM countries GROUP BY iso3 HAVING count(*) > 1)" "duplicate iso3"
check "SELECT count(*) FROM borders b JOIN countries x ON x.iso3 = b.iso3_a
       JOIN countries y ON y.iso3 = b.iso3_b WHERE x.mapcolor = y.mapcolor" "colour conflict"
check "SELECT CASE WHEN count(*) > 0 THEN 0 ELSE 1 END FROM admin1 WHERE iso3 = 'IRQ' AND name LIKE '%Anbar%'" "no Anbar"
check "SELECT CASE WHEN count(DISTINCT name) = 3 THEN 0 ELSE 1 END FROM rivers WHERE name IS NOT NULL" "river names"
mv -f "$new" "$out"
step "wrote $out ($(du -h "$out" | cut -f1))"
