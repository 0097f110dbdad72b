#!/usr/bin/env bash
# The endpoints of `convoymap serve` besides the tiles, with real clients:
# curl and Python's json on /tiles.json, /geocode and /route (the same JSON
# as the CLI's reports); GDAL's WMTS driver on the capabilities, and
# gdal_translate of a window through WMTS and through GDAL's XYZ (TMS)
# driver, pixel for pixel the tiles `convoymap tiles` writes; /static as
# PNG (file), SVG (rsvg-convert) and PDF (pdfinfo, pdftotext), and its
# refusals; headless Chromium on the viewer page; the HTTP threads answer
# while a static map renders. Clients that are missing skip their checks.
# Usage: test-serve-web.sh CONVOYMAP
set -u
convoymap=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/tap.sh"
. "$here/serve-lib.sh"

# The batch tiles the served ones are compared with: zoom 6 over Iraq, the
# whole metatile of tiles 32-39 x 24-31 (tiles draws a metatile its box
# cuts only in part; serve draws them whole).
run tiles --bbox 0.01,0.01,44.99,40.9 --zoom 6 -o "$work/batch"
check "tiles writes the batch tiles of zoom 6" test "$code" -eq 0 -a -f "$work/batch/6/39/26.png"

if ! serve_start --jobs 2; then
  not_ok "serve starts and prints its URL" "$(cat "$work/serve.err")"
  tap_done; exit
fi
ok "serve --port 0 listens on $port"

# GDAL's WMS and WMTS drivers keep the tiles they fetch in ./gdalwmscache:
# here instead, fresh each run, so that they read this server's tiles.
export GDAL_DEFAULT_WMS_CACHE_PATH=$work/gdalwmscache

# fetch PATH?QUERY: the body in $work/body, "status content-type" in $got.
fetch() { got=$(curl -s -o "$work/body" -w '%{http_code} %{content_type}' "$base$1"); }

# ---- TileJSON ----
fetch /tiles.json
check "/tiles.json: 200 application/json" test "$got" = "200 application/json"
check "/tiles.json is TileJSON 3.0.0 with absolute tile URLs on this server" \
  python3 - "$work/body" "$base" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
base = sys.argv[2]
assert t['tilejson'] == '3.0.0', t
assert t['tiles'] == [base + '/tiles/{z}/{x}/{y}.png'], t
assert (t['minzoom'], t['maxzoom'], t['scheme'], t['tileSize']) == (0, 20, 'xyz', 256), t
assert t['bounds'] == [-180, -85.0511287798066, 180, 85.0511287798066], t
# The first view is on the reference convoy, Amman to Al Asad.
lon, lat, zoom = t['center']
assert 35 < lon < 43 and 31 < lat < 34 and 5 <= zoom <= 8, t['center']
assert 'Natural Earth' in t['attribution'], t
PY
etag=$(curl -s -D - -o /dev/null "$base/tiles.json" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
got=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/tiles.json")
check "/tiles.json has an ETag ($etag) and answers 304 to it" test -n "$etag" -a "$got" = 304
fetch "/tiles.json?callback=x"
check "/tiles.json with a query: 400" test "${got%% *}" = 400

# ---- WMTS ----
capabilities=$base/wmts/1.0.0/WMTSCapabilities.xml
fetch /wmts/1.0.0/WMTSCapabilities.xml
check "WMTS capabilities: 200 application/xml" test "$got" = "200 application/xml"
if command -v gdalinfo >/dev/null; then
  gdalinfo "$capabilities" >"$work/gdalinfo" 2>&1
  check "gdalinfo reads the capabilities: WMTS, Web Mercator, 4 bands, zoom 20's size, 20 overviews" \
    python3 - "$work/gdalinfo" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
assert 'Driver: WMTS/OGC Web Map Tile Service' in text, text
assert 'Size is 268435456, 268435456' in text, text
assert 'Pseudo-Mercator' in text, text
assert len(re.findall(r'^Band \d', text, re.M)) == 4, text
overviews = re.search(r'Overviews: (.*)', text)[1].split(', ')
assert len(overviews) == 20 and overviews[-1] == '256x256', overviews
PY
else
  skip "gdalinfo reads the capabilities" "gdalinfo is not installed"
fi

# A window of 2 x 2 tiles of zoom 6 (x 38-39, y 25-26) as GeoTIFF, through
# GDAL's WMTS driver and its XYZ (TMS) driver, is the served tiles' pixels,
# and those are the batch tiles.
for x in 38 39; do
  for y in 25 26; do
    mkdir -p "$work/served/6/$x"
    curl -s -o "$work/served/6/$x/$y.png" "$base/tiles/6/$x/$y.png"
  done
done
check "the served tiles of the window are the batch tiles" \
  bash -c "for t in 38/25 38/26 39/25 39/26; do cmp '$work/batch/6/'\$t.png '$work/served/6/'\$t.png || exit 1; done"
same_as_tiles() { # GeoTIFF, directory of zoom 6's tiles
  gdal_translate -q -of PNG -b 1 -b 2 -b 3 "$1" "$1.png" &&
  python3 - "$here/png-count.py" "$1.png" "$2" <<'PY'
import runpy, sys
pixels = runpy.run_path(sys.argv[1])['pixels']
window = [bytes(p[:3]) for p in pixels(sys.argv[2])]
assert len(window) == 512 * 512, len(window)
for tx in (0, 1):
    for ty in (0, 1):
        tile = [bytes(p[:3]) for p in pixels(f'{sys.argv[3]}/{38 + tx}/{25 + ty}.png')]
        for row in range(256):
            start = (ty * 256 + row) * 512 + tx * 256
            if window[start:start + 256] != tile[row * 256:(row + 1) * 256]:
                sys.exit(f'tile 6/{38 + tx}/{25 + ty} differs at row {row}')
PY
}
if command -v gdal_translate >/dev/null; then
  gdal_translate -q -oo TILEMATRIX=6 -srcwin $((38 * 256)) $((25 * 256)) 512 512 \
    "WMTS:$capabilities" "$work/wmts.tif" 2>"$work/gdal.err"
  check "gdal_translate through WMTS: a 512x512 GeoTIFF at zoom 6's resolution" \
    bash -c "gdalinfo '$work/wmts.tif' | grep -q 'Pixel Size = (2445.98490512564' || cat '$work/gdal.err'"
  check "its pixels are those of the served tiles" same_as_tiles "$work/wmts.tif" \
    "$work/served/6"
  world=20037508.342789244
  cat >"$work/xyz.xml" <<EOF
<GDAL_WMS><Service name="TMS"><ServerUrl>$base/tiles/\${z}/\${x}/\${y}.png</ServerUrl></Service>
<DataWindow><UpperLeftX>-$world</UpperLeftX><UpperLeftY>$world</UpperLeftY>
<LowerRightX>$world</LowerRightX><LowerRightY>-$world</LowerRightY><TileLevel>6</TileLevel>
<TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>top</YOrigin></DataWindow>
<Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY>
<BandsCount>3</BandsCount></GDAL_WMS>
EOF
  gdal_translate -q -srcwin $((38 * 256)) $((25 * 256)) 512 512 "$work/xyz.xml" \
    "$work/xyz.tif" 2>"$work/gdal.err"
  check "gdal_translate through GDAL's XYZ (TMS) driver: the served tiles' pixels too" \
    same_as_tiles "$work/xyz.tif" "$work/served/6"
else
  skip "gdal_translate of a window" "gdal_translate is not installed"
fi

# ---- /static ----
fetch "/static?route=Amman+%3E+Ar+Rutbah+%3E+Baghdad&mark=Ayn+al-Asad&size=800x600&scale=1.5"
check "/static PNG: 200 image/png" test "$got" = "200 image/png"
check "  1200 x 900 pixels (800x600 at scale 1.5)" \
  bash -c "file '$work/body' | grep -q 'PNG image data, 1200 x 900'"
cp "$work/body" "$work/static.png"
fetch "/static?center=33.3,44.4&radius_km=80&size=640x480&format=svg&title=Baghdad%20area"
check "/static SVG: 200 image/svg+xml" test "$got" = "200 image/svg+xml"
if command -v rsvg-convert >/dev/null; then
  check "  rsvg-convert draws it at 640 x 480" \
    bash -c "rsvg-convert '$work/body' -o '$work/static-svg.png' &&
             file '$work/static-svg.png' | grep -q 'PNG image data, 640 x 480'"
fi
fetch "/static?bbox=38,29,48,37&format=pdf&size=A4-landscape&title=Convoy+brief+%C3%A9t%C3%A9&banner=unclassified"
check "/static PDF: 200 application/pdf" test "$got" = "200 application/pdf"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
  check "  pdfinfo: one A4 landscape page" \
    bash -c "pdfinfo '$work/body' | grep -q 'Page size: *841.89 x 595.276 pts (A4)'"
  check "  pdftotext finds the title and the banner" \
    bash -c "pdftotext '$work/body' - | grep -q 'Convoy brief été' &&
             pdftotext '$work/body' - | grep -q UNCLASSIFIED"
fi
# The same map as `convoymap render` draws with the same flags.
run render --route "Amman > Ar Rutbah > Baghdad" --mark "Ayn al-Asad" --size 800x600 \
  --scale 1.5 -o "$work/render.png"
check "the static PNG is the PNG 'render' draws with the same flags" \
  cmp "$work/render.png" "$work/static.png"

# Refusals: the status and one line naming the parameter.
refuse() { # status, fragment, query
  fetch "/static?$3"
  local lines; lines=$(wc -l <"$work/body")
  if [ "${got%% *}" = "$1" ] && grep -qF -- "$2" "$work/body" && [ "$lines" -eq 1 ]; then
    ok "/static?$3: $1"
  else
    not_ok "/static?$3: $1" "got $got: $(cat "$work/body")"
  fi
}
refuse 400 "unknown parameter 'zoom'" "zoom=5"
refuse 400 "parameter 'bbox' is given twice" "bbox=38,29,48,37&bbox=1,2,3,4"
refuse 400 "larger than this server's limit" "size=5000x4000"
refuse 400 "larger than this server's limit" "size=3000x3000&scale=2"
refuse 400 "'tiff'" "format=tiff"
refuse 400 "not percent-encoded" "title=%FF"
refuse 422 "Qwzxv" "route=Amman+%3E+Qwzxv"
fetch "/static?zoom=5"
check "the server still answers after them" test "$(curl -s "$base/health")" = ok

# ---- /geocode and /route: the CLI's JSON ----
fetch "/geocode?q=Ramadi,+Iraq&limit=2"
run geocode --format json --limit 2 "Ramadi, Iraq"
check "/geocode: 200 application/json" test "$got" = "200 application/json"
check "  the JSON 'geocode --format json' prints" cmp "$work/stdout" "$work/body"
fetch "/geocode?q=Qwzxv+Nowhere"
check "/geocode of a name found nowhere: 404 with the CLI's error entry" \
  bash -c "test '${got%% *}' = 404 && python3 -c 'import json,sys; a = json.load(open(sys.argv[1])); assert a[0][\"query\"] == \"Qwzxv Nowhere\" and a[0][\"error\"], a' '$work/body'"
fetch "/geocode?q=Baghdad&limit=x"
check "/geocode?limit=x: 400 with a JSON error" \
  bash -c "test '$got' = '400 application/json' && python3 -c 'import json,sys; assert \"limit\" in json.load(open(sys.argv[1]))[\"error\"]' '$work/body'"
fetch "/route?route=name%3DMSR+Tampa%3B+Amman+%3E+Ar+Rutbah+%3E+Baghdad&units=nmi"
run route --route "name=MSR Tampa; Amman > Ar Rutbah > Baghdad" --units nmi --format json
check "/route: 200 application/json" test "$got" = "200 application/json"
check "  the JSON 'route --format json' prints" cmp "$work/stdout" "$work/body"
fetch "/route?route=Amman+%3E+Qwzxv"
check "/route with an unknown waypoint: 422 with a JSON error" \
  bash -c "test '$got' = '422 application/json' && grep -q Qwzxv '$work/body'"
curl -s -o "$work/metrics" "$base/metrics"
check "/metrics counts the two 422s (/static and /route), none as other, and no 413 line" \
  bash -c "grep -qx 'convoymap_http_requests_total{code=\"422\"} 2' '$work/metrics' &&
           grep -qx 'convoymap_http_requests_total{code=\"other\"} 0' '$work/metrics' &&
           ! grep -q 'code=\"413\"' '$work/metrics'"
fetch "/route"
check "/route without route: 400" test "${got%% *}" = 400

# The HTTP threads answer while static maps render on serve's threads:
# /health, asked while four large maps render, does not wait for one.
big="$base/static?size=4000x3000&grid=mgrs&labels=both&route=Amman+%3E+Baghdad"
render_time=$(curl -s -o /dev/null -w '%{time_total}' "$big&title=alone")
renders=()
for i in 1 2 3 4; do
  curl -s -o /dev/null "$big&title=$i" &
  renders+=($!)
done
sleep 0.1
health_time=$(curl -s -o /dev/null -w '%{time_total}' "$base/health")
wait "${renders[@]}"
check "/health answers in $health_time s while 4 maps render (one takes $render_time s)" \
  python3 -c "import sys; h, r = map(float, sys.argv[1:]); assert h < r / 3, (h, r)" \
  "$health_time" "$render_time"

# 40 static maps at once: serve's 2 threads take 16 waiting (8 each), the
# rest are told to come back (503, Retry-After) at once, not queued.
flood=()
for i in $(seq 40); do
  curl -s -o /dev/null -D "$work/flood-$i.h" "$base/static?size=800x600&title=$i" &
  flood+=($!)
done
wait "${flood[@]}"
cat "$work"/flood-*.h | tr -d '\r' >"$work/flood.h"
answered=$(grep -c '^HTTP/1.1 200' "$work/flood.h")
busy=$(grep -c '^HTTP/1.1 503' "$work/flood.h")
check "40 static maps at once: $answered drawn, $busy refused with 503 and Retry-After" \
  bash -c "test $((answered + busy)) -eq 40 -a $answered -ge 16 -a $busy -ge 1 &&
           test \$(grep -c '^Retry-After: 1' '$work/flood.h') -eq $busy"
check "the server still answers after them" test "$(curl -s "$base/health")" = ok

# ---- The viewer page in headless Chromium ----
fetch /
check "/: 200 text/html" test "$got" = "200 text/html; charset=utf-8"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chromium" ]; then
  timeout 90 python3 "$here/browser-shot.py" "$chromium" "$base/" 800 600 "$work/shot.png" 60 \
    >"$work/chromium.log" 2>&1
  route_color=$(sed -n '/^\[route\]/,/^\[/s/^color=#//p' "$here/../../styles/briefing.ini")
  check "Chromium shows the tiles: most of the page is map, the convoy's route on it" \
    python3 - "$here/png-count.py" "$work/shot.png" "$route_color" <<'PY'
import runpy, sys
pixels = runpy.run_path(sys.argv[1])['pixels']
rows = [bytes(p[:3]) for p in pixels(sys.argv[2])]
assert len(rows) == 800 * 600, len(rows)
background = bytes.fromhex('dddddd')
mapped = sum(1 for p in rows if p != background)
route = sum(1 for p in rows if p == bytes.fromhex(sys.argv[3]))
print(f'{mapped} map pixels, {route} route pixels')
assert mapped > 0.9 * len(rows), mapped
assert route > 200, route
PY
else
  skip "the viewer in headless Chromium" "chromium is not installed"
fi

# SIGTERM while static maps are drawn and queued: each is still answered.
pending=()
for i in $(seq 10); do
  curl -s -o /dev/null -w '%{http_code}\n' "$base/static?size=1600x1200&title=$i" \
    >"$work/pending-$i" &
  pending+=($!)
done
sleep 0.3
serve_stop
wait "${pending[@]}"
check "serve stops on SIGTERM with exit 0" test "$serve_code" -eq 0
check "the 10 static maps in flight at SIGTERM were all answered (200 or 503)" \
  bash -c "test \$(cat '$work'/pending-* | grep -cE '^(200|503)$') -eq 10"
tap_done
