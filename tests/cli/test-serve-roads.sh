#!/usr/bin/env bash
# `convoymap serve --roads` on a database imported here from the real
# Monaco extract: /route is byte for byte the JSON of `route --roads` with
# the same vehicle flags, /static the PNG of `render --roads` (the roads'
# colours on it), a waypoint off the roads is a 422 with one line naming
# it, also when several requests fail and succeed at once on serve's
# threads (each worker's own roads and context); a tile over the A8 is the
# tile `tiles --roads` writes, with motorway pixels; --allow-straight goes
# to the endpoints too.
# Usage: test-serve-roads.sh CONVOYMAP
set -u
convoymap=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/tap.sh"
. "$here/serve-lib.sh"
extract=$here/../../../shared/data/monaco.osm.pbf
if [ ! -f "$extract" ]; then
  if [ "${CI:-}" = true ]; then echo "Bail out! missing $extract"; exit 1; fi
  echo "1..0 # SKIP no $extract"; exit 0
fi
unset CONVOYMAP_ROADS
db=$work/monaco.roads
"$convoymap" roads import "$extract" -o "$db" >/dev/null 2>&1 || { echo "Bail out! roads import"; exit 1; }
png_count() { python3 "$here/png-count.py" "$@"; }
motorway=$(sed -n '/^\[roads\]/,/^\[/s/^motorway-color=#//p' "$here/../../styles/briefing.ini")
bbox=7.40,43.72,7.45,43.76
# On the A8 above Monaco to the harbour, and the harbour to Fontvieille.
overlay="43.7533,7.4128 > 43.7384,7.4246"
second="name=Port; 43.7384,7.4246 > 43.7296,7.4160"
q_overlay="43.7533,7.4128+%3E+43.7384,7.4246"
q_second="name%3DPort%3B+43.7384,7.4246+%3E+43.7296,7.4160"
vehicle=(--vehicle goods --prefer shortest --weight 7.5)

# fetch PATH?QUERY: the body in $work/body, "status content-type" in $got.
fetch() { got=$(curl -s -o "$work/body" -w '%{http_code} %{content_type}' "$base$1"); }

if ! serve_start --jobs 2 --roads "$db" "${vehicle[@]}" --route "$overlay"; then
  not_ok "serve --roads starts and prints its URL" "$(cat "$work/serve.err")"
  tap_done; exit
fi
ok "serve --roads $db ${vehicle[*]} listens on $port"

# ---- /route: the JSON of route --roads ----
fetch "/route?route=$q_overlay&route=$q_second&units=mi"
run route --roads "$db" "${vehicle[@]}" --route "$overlay" --route "$second" --units mi \
  --format json
check "/route: 200 application/json" test "$got" = "200 application/json"
check "  the JSON 'route --roads ${vehicle[*]} --format json' prints" \
  cmp "$work/stdout" "$work/body"
check "  its legs are on the roads for a goods vehicle, longer than straight" \
  python3 - "$work/body" <<'PY'
import json, sys
routes = json.load(open(sys.argv[1]))['routes']
legs = [leg for route in routes for leg in route['legs']]
assert len(legs) == 2, legs
for leg in legs:
    r = leg['roads']
    assert r['on_roads'] and r['road_distance_km'] > r['straight_distance_km'], r
PY
run route --route "$overlay" --format json
check "  and not the straight JSON of 'route' without roads" \
  bash -c "! cmp -s '$work/stdout' '$work/body'"
fetch "/route?route=Amman+%3E+$q_overlay"
check "/route with a waypoint off the roads: 422, one JSON line naming it" \
  bash -c "test '$got' = '422 application/json' && test \$(wc -l <'$work/body') -eq 1 &&
           grep -q 'no road for a goods within 10 km of Amman' '$work/body'"

# Several at once on serve's 2 threads: each answer is its own, the
# failures' messages naming their own waypoint.
fetch "/route?route=$q_second"
cp "$work/body" "$work/second.json"
pids=()
for i in $(seq 12); do
  case $((i % 3)) in
    0) query="route=$q_second" ;;
    1) query="route=Amman+%3E+$q_overlay" ;;
    2) query="route=Baghdad+%3E+$q_overlay" ;;
  esac
  curl -s -o "$work/many-$i" -w '%{http_code}' "$base/route?$query" >"$work/many-$i.code" &
  pids+=($!)
done
wait "${pids[@]}"
check "12 /route at once: each the answer of its own query" bash -c '
  for i in $(seq 12); do
    case $((i % 3)) in
      0) cmp -s "$1/second.json" "$1/many-$i" && test "$(cat "$1/many-$i.code")" = 200 ;;
      1) grep -q "of Amman " "$1/many-$i" && test "$(cat "$1/many-$i.code")" = 422 ;;
      2) grep -q "of Baghdad " "$1/many-$i" && test "$(cat "$1/many-$i.code")" = 422 ;;
    esac || { echo "request $i: $(cat "$1/many-$i.code") $(cat "$1/many-$i")"; exit 1; }
  done' - "$work"

# ---- /static: the PNG of render --roads ----
fetch "/static?route=$q_overlay&route=$q_second&bbox=$bbox&size=900x700"
cp "$work/body" "$work/static.png"
check "/static: 200 image/png" test "$got" = "200 image/png"
run render --roads "$db" "${vehicle[@]}" --route "$overlay" --route "$second" --bbox "$bbox" \
  --size 900x700 -o "$work/render.png"
check "  the PNG 'render --roads ${vehicle[*]}' draws with the same flags" \
  cmp "$work/render.png" "$work/static.png"
check "  the motorway colour #$motorway covers the A8 ($(png_count "$work/static.png" "$motorway") pixels)" \
  test "$(png_count "$work/static.png" "$motorway")" -gt 1000
run render --route "$overlay" --route "$second" --bbox "$bbox" --size 900x700 -o "$work/bare.png"
check "  render without roads draws another map" bash -c "! cmp -s '$work/bare.png' '$work/static.png'"
fetch "/static?route=Amman+%3E+$q_overlay&size=900x700"
check "/static with a waypoint off the roads: 422, one line naming it" \
  bash -c "test '${got%% *}' = 422 && test \$(wc -l <'$work/body') -eq 1 &&
           grep -q 'no road for a goods within 10 km of Amman' '$work/body'"

# ---- A tile over the A8 (43.7533,7.4128 lies in tile 14/8529/5973) ----
# The batch covers the whole metatile of tiles 8528-8535 x 5968-5975, as
# serve draws it.
curl -s -o "$work/served.png" "$base/tiles/14/8529/5973.png"
run tiles --roads "$db" "${vehicle[@]}" --route "$overlay" --bbox 7.385,43.71,7.556,43.832 --zoom 14 \
  -o "$work/batch"
check "the tile over the A8 has motorway pixels ($(png_count "$work/served.png" "$motorway"))" \
  test "$(png_count "$work/served.png" "$motorway")" -gt 100
check "  and is the tile 'tiles --roads' writes" cmp "$work/batch/14/8529/5973.png" "$work/served.png"
serve_stop
check "serve --roads stops on SIGTERM with exit 0" test "$serve_code" -eq 0

# ---- --allow-straight: a leg off the roads stays straight ----
if ! serve_start --roads "$db" --allow-straight; then
  not_ok "serve --roads --allow-straight starts" "$(cat "$work/serve.err")"
  tap_done; exit
fi
fetch "/route?route=Amman+%3E+$q_overlay"
run route --roads "$db" --allow-straight --route "Amman > $overlay" --format json
check "/route with --allow-straight: 200, the JSON of 'route --roads --allow-straight'" \
  bash -c "test '${got%% *}' = 200 && cmp '$work/stdout' '$work/body'"
serve_stop
tap_done
