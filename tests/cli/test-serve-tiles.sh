#!/usr/bin/env bash
# `convoymap serve`'s tiles against `convoymap tiles`, with curl and
# sqlite3: the same bytes; a tileset made by `tiles` served as it is and
# one drawn otherwise refused; write-through to an MBTiles file readable
# while serving and left without -wal, and to a directory; the 64 tiles of
# a metatile asked for at once rendered once; ETag and 304, Cache-Control,
# CORS before rendering, the bounded queue, priority of requests over
# prefetches, and SIGTERM and SIGINT finishing what is in flight.
# Usage: test-serve-tiles.sh CONVOYMAP
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/serve-lib.sh"

# metric NAME: its value from /metrics.
metric() { curl -s "$base/metrics" | awk -v name="$1" '$1 == name { print $2 }'; }
# tile_of DB Z X Y: the PNG that an MBTiles file holds for XYZ tile Z/X/Y, to stdout's file $5.
tile_of() {
  sqlite3 "$1" "SELECT writefile('$5', tile_data) FROM tiles WHERE zoom_level = $2 AND
                tile_column = $3 AND tile_row = (1 << $2) - 1 - $4" >/dev/null
}

# ---- The same bytes as `tiles`, for every tile of tilesets whose
# metatiles are whole: the world at zooms 0-3, and a box of one metatile at
# zoom 6 (four at zoom 7). (Where a box cuts a metatile, `tiles` draws only
# its part, and a few pixels there may differ by one level: docs/serve.md.)
"$convoymap" tiles -o "$work/batch.mbtiles" --bbox -180,-85,180,85 --zoom 0-3 -j 2 >/dev/null 2>&1
"$convoymap" tiles -o "$work/batch67.mbtiles" --bbox 0,0,45,40.97 --zoom 6-7 -j 2 >/dev/null 2>&1
serve_start --jobs 2 --cache "$work/compare.mbtiles" || { not_ok "serve starts" "$(cat "$work/serve.err")"; tap_done; exit; }
for db in batch batch67; do
  sqlite3 "$work/$db.mbtiles" "SELECT zoom_level, tile_column, (1 << zoom_level) - 1 - tile_row FROM tiles" \
    | tr '|' ' ' >"$work/$db-tiles"
  differ=0 compared=0
  while read -r z x y; do
    tile_of "$work/$db.mbtiles" "$z" "$x" "$y" "$work/batch.png"
    curl -s -o "$work/served.png" "$base/tiles/$z/$x/$y.png"
    compared=$((compared + 1))
    cmp -s "$work/batch.png" "$work/served.png" || differ=$((differ + 1))
  done <"$work/$db-tiles"
  echo "$compared $differ" >"$work/$db-result"
done
read -r compared differ <"$work/batch-result"
check "all $compared tiles of 'tiles --bbox -180,-85,180,85 --zoom 0-3' are served with their bytes ($differ differ)" \
  test "$compared" -eq 85 -a "$differ" -eq 0
read -r compared differ <"$work/batch67-result"
check "all $compared tiles of 'tiles --bbox 0,0,45,40.97 --zoom 6-7' are served with their bytes ($differ differ)" \
  test "$compared" -eq 320 -a "$differ" -eq 0
check "... rendered as 9 metatiles" test "$(metric convoymap_metatiles_rendered_total)" = 9
serve_stop

# ---- A tileset made by `tiles` is served as it is.
sqlite3 "$work/batch.mbtiles" "SELECT name, value FROM metadata ORDER BY name" >"$work/metadata-before"
serve_start --cache "$work/batch.mbtiles"
curl -s -o "$work/served.png" "$base/tiles/3/4/3.png"
tile_of "$work/batch.mbtiles" 3 4 3 "$work/batch.png"
check "--cache batch.mbtiles: a tile it holds is served from it" cmp "$work/batch.png" "$work/served.png"
check "... a cache hit, nothing rendered" test "$(metric convoymap_tile_cache_hits_total) $(metric convoymap_metatiles_rendered_total)" = "1 0"
curl -s -o /dev/null "$base/tiles/6/0/0.png"
check "... a tile it lacks is rendered into it" \
  test "$(metric convoymap_metatiles_rendered_total) $(sqlite3 "$work/batch.mbtiles" 'SELECT count(*) FROM tiles WHERE zoom_level = 6')" = "1 64"
serve_stop
sqlite3 "$work/batch.mbtiles" "SELECT name, value FROM metadata ORDER BY name" >"$work/metadata-after"
check "... its metadata (bounds, zooms) is kept" cmp "$work/metadata-before" "$work/metadata-after"
check "... exit 0 and no -wal or -shm left" test "$serve_code" -eq 0 -a ! -e "$work/batch.mbtiles-wal" -a ! -e "$work/batch.mbtiles-shm"

expect_error "a cache drawn in another style is refused at start" 2 \
  "holds tiles drawn with style briefing" serve --port 0 --cache "$work/batch.mbtiles" --style night
expect_error "a cache drawn with another overlay is refused at start" 2 \
  "this server draws with overlay" serve --port 0 --cache "$work/batch.mbtiles" --route "Baghdad > Basra"
expect_error "a cache named like an image is refused" 2 "names one image" serve --port 0 --cache "$work/x.png"

# ---- Write-through to a new MBTiles file, readable while serving.
serve_start --cache "$work/new.mbtiles" --jobs 2
curl -s -o "$work/served.png" "$base/tiles/7/77/50.png"
stored=$(sqlite3 "$work/new.mbtiles" "SELECT count(*) FROM tiles WHERE zoom_level = 7")
check "write-through: sqlite3 reads the 64 tiles of the metatile while the server runs" test "$stored" = 64
tile_of "$work/new.mbtiles" 7 77 50 "$work/stored.png"
check "... the stored tile is the one served" cmp "$work/served.png" "$work/stored.png"
check "... in WAL mode while serving" test "$(sqlite3 "$work/new.mbtiles" 'PRAGMA journal_mode')" = wal
curl -s -o "$work/served2x.png" "$base/tiles/7/77/50@2x.png"
check "... @2x tiles go to new@2x.mbtiles" test "$(sqlite3 "$work/new@2x.mbtiles" 'SELECT count(*) FROM tiles')" -ge 16
serve_stop
check "SIGTERM: exit 0, no -wal left, the file in rollback mode" \
  test "$serve_code" -eq 0 -a ! -e "$work/new.mbtiles-wal" -a "$(sqlite3 "$work/new.mbtiles" 'PRAGMA journal_mode')" = delete
"$convoymap" tiles -o "$work/check.mbtiles" --bbox 22.5,21.95,45,40.97 --zoom 7 >/dev/null 2>&1
tile_of "$work/check.mbtiles" 7 77 50 "$work/batch.png"
check "the cached tile has the bytes 'tiles' gives it (its whole metatile)" cmp "$work/batch.png" "$work/stored.png"

# ---- A directory cache.
serve_start --cache "$work/dir"
curl -s -o "$work/served.png" "$base/tiles/5/19/12.png"
check "--cache DIR: the tile is written to DIR/z/x/y.png" cmp "$work/served.png" "$work/dir/5/19/12.png"
check "... with the whole metatile" test "$(find "$work/dir/5" -name '*.png' | wc -l)" -eq 64
check "... and DIR/metadata.json recording the rendering" grep -q convoymap_rendering "$work/dir/metadata.json"
serve_stop

# ---- Coalescing: 64 concurrent requests for the 64 tiles of one metatile.
serve_start --jobs 2
for x in $(seq 32 39); do for y in $(seq 24 31); do echo "$base/tiles/6/$x/$y.png"; done; done >"$work/urls"
xargs -P 64 -n 1 curl -s -o /dev/null -w '%{http_code}\n' <"$work/urls" >"$work/codes"
check "64 concurrent requests for one metatile: 64 replies 200" test "$(grep -c '^200$' "$work/codes")" -eq 64
check "... and the metatile rendered once (convoymap_metatiles_rendered_total 1)" \
  test "$(metric convoymap_metatiles_rendered_total)" = 1

# ---- ETag, 304 and Cache-Control.
curl -s -D "$work/headers" -o /dev/null "$base/tiles/6/32/24.png"
etag=$(sed -n 's/^ETag: \(.*\)\r$/\1/ip' "$work/headers")
check "a tile has a strong ETag" sh -c "echo '$etag' | grep -qE '^\"[0-9a-f]{32}\"$'"
check "... and Cache-Control: public, max-age=86400" grep -qi '^Cache-Control: public, max-age=86400' "$work/headers"
got=$(curl -s -o "$work/body" -w '%{http_code}' -H "If-None-Match: $etag" "$base/tiles/6/32/24.png")
check "If-None-Match with it: 304 and no body" test "$got" = 304 -a ! -s "$work/body"
got=$(curl -s -o /dev/null -w '%{http_code}' -H 'If-None-Match: "other"' "$base/tiles/6/32/24.png")
check "If-None-Match with another tag: 200" test "$got" = 200
curl -s -D "$work/headers" -o /dev/null "$base/health"
check "/health is not cached (no-store)" grep -qi '^Cache-Control: no-store' "$work/headers"
serve_stop

serve_start --max-age 60 --cors-origin https://maps.example.org
curl -s -D "$work/headers" -o /dev/null "$base/tiles/1/0/0.png"
check "--max-age 60: Cache-Control: public, max-age=60" grep -qi '^Cache-Control: public, max-age=60' "$work/headers"

# ---- CORS, checked before rendering.
curl -s -D "$work/headers" -o /dev/null -H 'Origin: https://maps.example.org' "$base/tiles/1/1/0.png"
check "an allowed Origin gets Access-Control-Allow-Origin: that origin" \
  grep -qi '^Access-Control-Allow-Origin: https://maps.example.org' "$work/headers"
rendered=$(metric convoymap_metatiles_rendered_total)
got=$(curl -s -o /dev/null -w '%{http_code}' -H 'Origin: https://evil.example' "$base/tiles/9/300/200.png")
check "another Origin: 403" test "$got" = 403
check "... before anything is rendered" test "$(metric convoymap_metatiles_rendered_total)" = "$rendered"
curl -s -D "$work/headers" -o /dev/null -X OPTIONS -H 'Origin: https://maps.example.org' \
  -H 'Access-Control-Request-Method: GET' "$base/tiles/1/1/0.png"
check "OPTIONS preflight: 204 with the allowed methods" \
  sh -c "grep -q '^HTTP/1.1 204' '$work/headers' && grep -qi '^Access-Control-Allow-Methods: GET, HEAD, OPTIONS' '$work/headers'"
curl -s -D "$work/headers" -o /dev/null "$base/tiles/1/1/0.png"
check "no Origin (not a cross-origin request): no Access-Control-Allow-Origin" \
  sh -c "! grep -qi '^Access-Control-Allow-Origin' '$work/headers'"
serve_stop
serve_start --cors-origin '*'
curl -s -D "$work/headers" -o /dev/null -H 'Origin: https://any.example' "$base/health"
check "--cors-origin '*': Access-Control-Allow-Origin: *" grep -qi '^Access-Control-Allow-Origin: \*' "$work/headers"
serve_stop

# ---- The bounded queue: one thread, room for one metatile waiting.
serve_start --jobs 1 --queue 1
for i in $(seq 0 9); do echo "$base/tiles/12/$((2560 + 8 * i))/1600.png"; done >"$work/urls"
xargs -P 10 -n 1 curl -s -D - -o /dev/null <"$work/urls" >"$work/replies"
check "a full queue: 503 with Retry-After" \
  sh -c "grep -q '^HTTP/1.1 503' '$work/replies' && grep -qi '^Retry-After: 2' '$work/replies'"
check "... and the metatiles that fitted are served" grep -q '^HTTP/1.1 200' "$work/replies"
check "... counted in convoymap_queue_rejected_total" test "$(metric convoymap_queue_rejected_total)" -ge 1
check "... the server still answers /health" test "$(curl -s "$base/health")" = ok
serve_stop

# ---- Requests before prefetches: one thread busy, two prefetches queued,
# then a request; the request is answered before both prefetches.
serve_start --jobs 1
fetch() { # NAME URL [CURL ARGS]: the time it was answered, to $work/done-NAME
  local name=$1 url=$2; shift 2
  curl -s -o /dev/null "$@" "$url"; date +%s%N >"$work/done-$name"
}
# Two metatiles of zoom 5 keep the thread busy for about a second.
fetch busy "$base/tiles/5/19/12.png" & p1=$!
fetch busy2 "$base/tiles/5/8/12.png" & p5=$!; sleep 0.15
fetch prefetch1 "$base/tiles/5/0/0.png" -H 'Sec-Purpose: prefetch' & p2=$!
fetch prefetch2 "$base/tiles/5/8/0.png" -H 'Sec-Purpose: prefetch' & p3=$!; sleep 0.15
fetch request "$base/tiles/5/16/0.png" & p4=$!
wait "$p1" "$p2" "$p3" "$p4" "$p5"
check "a request queued after two prefetches is answered before them" \
  test "$(cat "$work/done-busy")" -gt 0 -a "$(cat "$work/done-request")" -lt "$(cat "$work/done-prefetch1")" -a \
       "$(cat "$work/done-request")" -lt "$(cat "$work/done-prefetch2")"

# ---- SIGTERM while a metatile renders: it is finished and served.
curl -s -o "$work/late.png" -w '%{http_code}' "$base/tiles/11/1230/800.png" >"$work/late-code" &
curl_pid=$!
sleep 0.2
serve_stop TERM
wait "$curl_pid"
check "SIGTERM during a render: the request gets its tile (200) and the server exits 0" \
  test "$(cat "$work/late-code")" = 200 -a "$serve_code" -eq 0
serve_start --cache "$work/int.mbtiles"
curl -s -o /dev/null "$base/tiles/3/4/3.png"
serve_stop INT
check "SIGINT: exit 0, the cache closed without -wal" test "$serve_code" -eq 0 -a ! -e "$work/int.mbtiles-wal"
check "... and it says so" grep -q '^convoymap: stopped by SIGINT$' "$work/serve.err"

# ---- SIGTERM with static maps drawing and queued (8 s each with the MGRS
# grid on the world, more than the drain holds): those queued get 503, the
# one drawing finishes, and the server stops cleanly rather than abort in
# libmicrohttpd with the cache left open.
serve_start -j 1 --cache "$work/static.mbtiles"
curl -s -o /dev/null "$base/tiles/0/0/0.png"
static_pids=()
for i in $(seq 1 9); do
  curl -s -o /dev/null -w '%{http_code}\n' \
    "$base/static?bbox=-180,-80,180,80&size=4096x4096&grid=mgrs&title=t$i" >"$work/static-$i" &
  static_pids+=($!)
done
sleep 1
serve_stop TERM
wait "${static_pids[@]}"
codes=$(cat "$work"/static-* | sort | uniq -c | tr -s ' \n' ' ')
check "SIGTERM with 9 static maps in flight: exit 0, no -wal or -shm left" \
  test "$serve_code" -eq 0 -a ! -e "$work/static.mbtiles-wal" -a ! -e "$work/static.mbtiles-shm"
check "... each map answered 200 or 503, at least one drawn and one refused ($codes)" \
  sh -c "! grep -qvE '^(200|503)$' '$work'/static-* && grep -qx 200 '$work'/static-* && grep -qx 503 '$work'/static-*"
check "... and it says it stopped" grep -q '^convoymap: stopped by SIGTERM$' "$work/serve.err"

# ---- A cache written by serve --roads credits OpenStreetMap, as one
# written by tiles --roads does.
extract=$(dirname "$0")/../../../shared/data/monaco.osm.pbf
if [ -f "$extract" ]; then
  "$convoymap" roads import "$extract" -o "$work/monaco.roads" >/dev/null 2>&1
  serve_start --roads "$work/monaco.roads" --cache "$work/roads.mbtiles"
  curl -s -o /dev/null "$base/tiles/14/8529/5973.png"
  serve_stop TERM
  check "serve --roads --cache: the MBTiles attribution credits OpenStreetMap" \
    test "$(sqlite3 "$work/roads.mbtiles" "SELECT value FROM metadata WHERE name = 'attribution'")" = \
    "Natural Earth · GSHHG/WDBII · © OpenStreetMap contributors, ODbL"
elif [ "${CI:-}" = true ]; then
  not_ok "serve --roads --cache credits OpenStreetMap" "missing $extract"
else
  skip "serve --roads --cache credits OpenStreetMap" "no $extract"
fi
tap_done
