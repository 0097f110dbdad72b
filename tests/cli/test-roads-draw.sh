#!/usr/bin/env bash
# render, tiles and tile --roads on a database imported here from the real
# Monaco extract: the roads' colours in the PNG where the roads are (points
# of roads.gpkg read with sqlite3, put on the map by a projection of the
# same box), SVG and PDF that their readers accept, with the road numbers
# and the OpenStreetMap credit in the PDF's text; MBTiles whose tiles over
# a road have road pixels and whose metadata credits OpenStreetMap; resuming
# with other roads, other routing flags or none refused; bad flags and
# databases one-line errors. The pixel checks at projected points are in
# tests/unit/test-roads-draw.c.
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
need_extract
unset CONVOYMAP_ROADS
db=$work/monaco.roads
"$convoymap" roads import "$extract" -o "$db" >/dev/null 2>&1 || { echo "Bail out! roads import"; exit 1; }
png_count() { python3 "$(dirname "$0")/png-count.py" "$@"; }
style_colour() { sed -n "/^\[roads\]/,/^\[/s/^$1=#//p" "$(dirname "$0")/../../styles/briefing.ini"; }
motorway=$(style_colour motorway-color)
primary=$(style_colour primary-color)
bbox=7.40,43.72,7.45,43.76

# PNG: the classes' colours with --roads, none without.
run render --bbox "$bbox" --size 1200x900 --roads "$db" -o "$work/roads.png"
check "render --roads exits 0" test "$code" -eq 0
run render --bbox "$bbox" --size 1200x900 -o "$work/bare.png"
with=$(png_count "$work/roads.png" "$motorway")
without=$(png_count "$work/bare.png" "$motorway")
check "the motorway colour #$motorway covers the A8 ($with pixels, $without without roads)" \
  test "$with" -gt 2000 -a "$without" -eq 0
with=$(png_count "$work/roads.png" "$primary")
without=$(png_count "$work/bare.png" "$primary")
check "the primary colour #$primary covers the primary roads ($with pixels, $without without)" \
  test "$with" -gt 5000 -a "$without" -eq 0
CONVOYMAP_ROADS=$db run render --bbox "$bbox" --size 1200x900 -o "$work/env.png"
check "CONVOYMAP_ROADS stands for --roads (the same image)" cmp "$work/roads.png" "$work/env.png"

# A route on the roads: the report is of road legs, the map draws both.
run render --roads "$db" --prefer shortest --from 43.7384,7.4246 --to 43.7311,7.4197 \
  --bbox "$bbox" --size 1200x900 -o "$work/route.png"
check "render --roads with a route exits 0" test "$code" -eq 0
check "its report has the On roads table" grep -qx "On roads" "$work/stdout"
check "the map has road pixels" test "$(png_count "$work/route.png" "$primary")" -gt 5000
check "and the route's" test "$(png_count "$work/route.png" c0181f)" -gt 1000

# SVG and PDF: valid for their readers; the PDF's text has the road
# numbers of the shields and the credit.
run render --bbox "$bbox" --roads "$db" -o "$work/roads.svg"
check "render --roads to SVG exits 0" test "$code" -eq 0
check "rsvg-convert reads the SVG" rsvg-convert "$work/roads.svg" -o "$work/svg.png"
run render --bbox "$bbox" --roads "$db" -o "$work/roads.pdf"
check "render --roads to PDF exits 0" test "$code" -eq 0
check "pdfinfo reads the PDF" pdfinfo "$work/roads.pdf"
pdftotext -layout "$work/roads.pdf" "$work/roads.txt"
check "the PDF credits OpenStreetMap" grep -q "© OpenStreetMap contributors, ODbL" "$work/roads.txt"
refs=$(sqlite3 "$db/roads.gpkg" "SELECT DISTINCT ref FROM roads WHERE class IN ('motorway', 'primary', 'secondary') AND ref <> '' AND ref NOT LIKE '%;%'")
shown=0
while IFS= read -r ref; do
  grep -qF -- "$ref" "$work/roads.txt" && shown=$((shown + 1))
done <<<"$refs"
check "the PDF shows road numbers of the database on shields ($shown)" test "$shown" -ge 3
run render --bbox "$bbox" -o "$work/bare.pdf"
pdftotext -layout "$work/bare.pdf" "$work/bare.txt"
check "without roads the PDF does not credit OpenStreetMap" \
  bash -c "! grep -q OpenStreetMap '$work/bare.txt'"

# A road whose fill is under 1.5 px has no casing: at zoom 8 the A8 (fill
# 1.4 px) is drawn in its colour over the casing's width (before: 10 pixels
# of it, a line of casing round a thin core), and no casing colour shows;
# at zoom 14 the casings are there.
casing=$(style_colour casing-color)
"$convoymap" tile 8 133 93 --roads "$db" -o "$work/z8.png" >/dev/null 2>&1
"$convoymap" tile 14 8529 5973 --roads "$db" -o "$work/z14.png" >/dev/null 2>&1
check "zoom 8: the A8 uncased, $(png_count "$work/z8.png" "$motorway") pixels of its colour, $(png_count "$work/z8.png" "$casing") of the casing's" \
  test "$(png_count "$work/z8.png" "$motorway")" -ge 30 -a "$(png_count "$work/z8.png" "$casing")" -eq 0
check "zoom 14: casings drawn ($(png_count "$work/z14.png" "$casing") pixels of #$casing)" \
  test "$(png_count "$work/z14.png" "$casing")" -gt 30

# Tiles to MBTiles: a tile over the A8 has road pixels; the metadata
# credits OpenStreetMap and records the roads.
tiles=$work/monaco.mbtiles
run tiles --bbox "$bbox" --zoom 13-14 --roads "$db" -o "$tiles"
check "tiles --roads exits 0" test "$code" -eq 0
# The A8 at 43.7533,7.4128 lies in tile 14/8529/5973.
sqlite3 "$tiles" "SELECT writefile('$work/tile.png', tile_data) FROM tiles WHERE zoom_level = 14
  AND tile_column = 8529 AND tile_row = $(( (1 << 14) - 1 - 5973 ))" >/dev/null
check "the tile over the A8 has motorway pixels" \
  test "$(png_count "$work/tile.png" "$motorway")" -gt 100
check "the MBTiles attribution credits OpenStreetMap" \
  test "$(sqlite3 "$tiles" "SELECT value FROM metadata WHERE name = 'attribution'")" = \
  "Natural Earth · GSHHG/WDBII · © OpenStreetMap contributors, ODbL"
check "the rendering record names the roads and their flags" \
  grep -q "; roads [0-9a-f]\{12\} motorcar quickest road-only; overlay " \
  <(sqlite3 "$tiles" "SELECT value FROM metadata WHERE name = 'convoymap_rendering'")
run tile 14 8529 5973 --roads "$db" -o "$work/one.png"
check "tile --roads draws the same tile" test "$(png_count "$work/one.png" "$motorway")" -gt 100
run tile 14 8529 5973 -o "$work/none.png"
check "the tile without roads has no motorway pixels" \
  test "$(png_count "$work/none.png" "$motorway")" -eq 0

# Resuming with no roads, other roads or other flags is refused.
expect_error "resume without roads is refused" 2 "this run draws with no roads" \
  tiles --bbox "$bbox" --zoom 13-14 -o "$tiles" --resume
cp -r "$db" "$work/other.roads"
sed -i 's/"bytes": [0-9]*/"bytes": 1/' "$work/other.roads/manifest.json"
expect_error "resume with another database is refused, naming the roads" 2 "this run draws with roads " \
  tiles --bbox "$bbox" --zoom 13-14 --roads "$work/other.roads" -o "$tiles" --resume
expect_error "resume with another vehicle is refused" 2 "goods quickest" \
  tiles --bbox "$bbox" --zoom 13-14 --roads "$db" --vehicle goods -o "$tiles" --resume
expect_error "resume with a vehicle limit is refused, naming it" 2 "quickest road-only weight 12" \
  tiles --bbox "$bbox" --zoom 13-14 --roads "$db" --weight 12 -o "$tiles" --resume
run tiles --bbox "$bbox" --zoom 13-14 --roads "$db" -o "$tiles" --resume
check "resume with the same roads is taken" test "$code" -eq 0
rm -f "$work/plain.mbtiles"
"$convoymap" tiles --bbox "$bbox" --zoom 13-13 --mark 43.75,7.42 -o "$work/plain.mbtiles" >/dev/null 2>&1
expect_error "a tileset made without roads is refused with roads" 2 "no roads" \
  tiles --bbox "$bbox" --zoom 13-13 --mark 43.75,7.42 --roads "$db" -o "$work/plain.mbtiles" --resume

# Low zooms read the tier layers of the larger classes (roads_main up to
# tertiary, roads_trunk up to primary), not every road: with roads_main
# emptied, a zoom-12 tile loses its roads and a zoom-13 tile (minor roads
# shown, the layer of all) keeps them.
cp -r "$db" "$work/tier.roads"
sqlite3 "$work/tier.roads/roads.gpkg" "DELETE FROM roads_main"
for z in 12 13; do
  x=$(( 8529 >> (14 - z) )) y=$(( 5973 >> (14 - z) ))
  "$convoymap" tile "$z" "$x" "$y" --roads "$db" -o "$work/full-$z.png" >/dev/null 2>&1
  "$convoymap" tile "$z" "$x" "$y" --roads "$work/tier.roads" -o "$work/tier-$z.png" >/dev/null 2>&1
  "$convoymap" tile "$z" "$x" "$y" -o "$work/none-$z.png" >/dev/null 2>&1
done
check "zoom 12 reads roads_main: its tile has the A8 ($(png_count "$work/full-12.png" "$motorway") motorway pixels), none without roads_main" \
  test "$(png_count "$work/full-12.png" "$motorway")" -gt 100 -a "$(png_count "$work/tier-12.png" "$motorway")" -eq 0
check "zoom 13 reads the layer of all roads: the same tile without roads_main" \
  cmp "$work/full-13.png" "$work/tier-13.png"
check "and it has the A8" test "$(png_count "$work/full-13.png" "$motorway")" -gt 100
# A database of version 1 has no tier layers: refused, saying to import it again.
cp -r "$db" "$work/v1.roads"
sed -i 's/"version": 2/"version": 1/' "$work/v1.roads/manifest.json"
expect_error "a version 1 database is refused with one line saying to import it again" 2 \
  "convoymap: $work/v1.roads is a roads database of version 1; this convoymap reads version 2: import it again" \
  render --bbox "$bbox" --roads "$work/v1.roads" -o "$work/v1.png"
check "nothing is written for it" test ! -e "$work/v1.png"

# Bad input: one line, naming it.
expect_error "a missing database is named" 2 "$work/missing.roads" \
  render --bbox "$bbox" --roads "$work/missing.roads" -o "$work/x.png"
check "nothing is written for it" test ! -e "$work/x.png"
cp -r "$db" "$work/broken.roads"
rm "$work/broken.roads/roads.gpkg"
expect_error "a database without roads.gpkg is named" 2 "has no roads.gpkg" \
  tiles --bbox "$bbox" --zoom 13-13 --roads "$work/broken.roads" -o "$work/x.mbtiles"
expect_error "--vehicle without --roads is a usage error" 2 "need --roads" \
  render --bbox "$bbox" --vehicle goods -o "$work/x.png"
expect_error "an unknown --prefer is named" 2 "fastest" \
  tile 14 8529 5973 --roads "$db" --prefer fastest -o "$work/x.png"
tap_done
