#!/usr/bin/env bash
# Oneway streets and turn restrictions of the real Monaco extract are
# honoured by `route --roads --prefer shortest`: each case's distance is
# routino-router's to 10 m, its detour is there only because of the rule
# (routino-router told to ignore it, --oneway=0 or --turns=0, goes the short
# way), and the road line does not go the forbidden way. The cases were
# found with osmium (tags-filter r/type=restriction, getid): TAP.
#   tests/cli/test-roads-rules.sh CONVOYMAP
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
need_extract
db=$work/monaco.roads
"$convoymap" roads import "$extract" -o "$db" >/dev/null 2>"$work/import.err" ||
  { echo "Bail out! roads import: $(cat "$work/import.err")"; exit 1; }

# leg FROM TO: routes shortest, keeping the JSON in $work/leg.json and the
# GeoJSON's road line in $work/line.json.
leg() {
  run route --roads "$db" --prefer shortest --from "$1" --to "$2" --format json
  cp "$work/stdout" "$work/leg.json"
  run route --roads "$db" --prefer shortest --from "$1" --to "$2" --format geojson
  python3 -c "import json, sys
f = [f for f in json.load(open(sys.argv[1]))['features'] if f['geometry']['type'] == 'LineString']
json.dump(f[0]['geometry']['coordinates'], open(sys.argv[2], 'w'))" "$work/stdout" "$work/line.json"
}
road_km() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['routes'][0]['legs'][0]['roads']['routino_distance_km'])" "$work/leg.json"; }
# router FROM_LAT FROM_LON TO_LAT TO_LON [OPTION]: routino-router's shortest total in km.
router() { routino-router --dir="$db/routino" --prefix=roads --profile=motorcar --shortest ${5:+"$5"} \
  --lat1="$1" --lon1="$2" --lat2="$3" --lon2="$4" --output-stdout --output-text-all --quiet | tail -1 | cut -f7 | tr -d ' '; }
near() { python3 -c "import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > float(sys.argv[3]))" "$@"; }
# sequence LAT,LON...: the road line passes these OSM nodes one after the other.
sequence() { python3 - "$work/line.json" "$@" <<'PY'
import json, sys
line = [(lat, lon) for lon, lat in json.load(open(sys.argv[1]))]
want = [tuple(float(x) for x in p.split(",")) for p in sys.argv[2:]]
# Routino keeps a node's position to about 0.1 m (1e-6 degree).
same = lambda p, q: abs(p[0] - q[0]) < 2e-6 and abs(p[1] - q[1]) < 2e-6
sys.exit(not any(all(same(line[i + k], w) for k, w in enumerate(want))
                 for i in range(len(line) - len(want) + 1)))
PY
}
not_sequence() { ! sequence "$@"; }
# along_castelans west|east: "west": every point of the road line is on
# Avenue des Castelans (within 4 m of its OSM nodes' polyline: planetsplitter
# drops nodes within 3 m of a straight line) and none is east of the one
# before; "east": some step of the line on the road runs east along it.
along_castelans() { python3 - "$work/line.json" "$1" <<'PY'
import json, math, sys
way = [(43.7264182, 7.415781), (43.7264177, 7.4155888), (43.7264232, 7.4154856),
       (43.7264406, 7.4153736), (43.726464, 7.4152972), (43.7265706, 7.4150745),
       (43.7267481, 7.4147778), (43.7269048, 7.4145026), (43.7269798, 7.4143188),
       (43.7272191, 7.4138546), (43.7272477, 7.4137819), (43.7272686, 7.4137126)]
def xy(p):  # metres east and north of the way's first node, flat over 200 m
    return ((p[1] - way[0][1]) * 111320 * math.cos(math.radians(p[0])), (p[0] - way[0][0]) * 110574)
def off_way_m(p):
    x, y = xy(p)
    best = math.inf
    for a, b in zip(way, way[1:]):
        (ax, ay), (bx, by) = xy(a), xy(b)
        t = max(0, min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
        best = min(best, math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)))
    return best
line = [(lat, lon) for lon, lat in json.load(open(sys.argv[1]))]
on = [off_way_m(p) < 4 for p in line]
# The first and last steps are the snaps from the waypoints onto the road.
east = [on[i] and on[i + 1] and line[i + 1][1] > line[i][1] for i in range(1, len(line) - 2)]
if sys.argv[2] == "west":
    sys.exit(not (all(on) and not any(east)))
sys.exit(not any(east))
PY
}
not_along_castelans() { ! along_castelans "$@"; }
# restriction ID KIND FROM VIA TO: the extract's relation is that.
restriction() {
  if ! command -v osmium >/dev/null; then skip "relation $1 is $2" "no osmium"; return; fi
  check "relation $1 is $2 from way $3 via node $4 to way $5" \
    sh -c "osmium getid -f opl '$extract' r$1 | grep -q 'restriction=$2.* Mw$3@from,n$4@via,w$5@to'"
}

# Oneway: Avenue des Castelans (way 166399477, oneway=yes) runs west from
# node 25177185 (43.72642,7.41578). West along it, 0.1 km; back east a
# detour of about 0.5 km by Avenue du Port.
leg 43.72644,7.41537 43.72698,7.41432
there=$(road_km)
check "oneway: west along Avenue des Castelans ($there km) is routino-router's" \
  near "$there" "$(router 43.72644 7.41537 43.72698 7.41432)" 0.010
check "oneway: the line runs west along it" along_castelans west
leg 43.72698,7.41432 43.72644,7.41537
back=$(road_km)
check "oneway: back east ($back km) is routino-router's" \
  near "$back" "$(router 43.72698 7.41432 43.72644 7.41537)" 0.010
check "oneway: back is over 0.3 km longer than there" python3 -c "import sys; sys.exit(not $back - $there > 0.3)"
check "oneway: the line back does not run east along it" not_along_castelans east
check "oneway: the line back ends along it from its east end (node 25177185)" \
  sequence 43.726418,7.415781 43.726417,7.415588
check "oneway: routino-router ignoring oneways goes back the short way" \
  near "$(router 43.72698 7.41432 43.72644 7.41537 --oneway=0)" "$there" 0.015

# Turn restriction 4261963: no_left_turn from the oneway service road (way
# 176527122, from 43.72630,7.41546 east) at node 25177185 onto Avenue des
# Castelans. From that road to Castelans 50 m away, round by Avenue des
# Guelfes instead.
restriction 4261963 no_left_turn 176527122 25177185 166399477
leg 43.7263,7.4155 43.72657,7.41507
turned=$(road_km)
check "no_left_turn 4261963: the route ($turned km) is routino-router's" \
  near "$turned" "$(router 43.7263 7.4155 43.72657 7.41507)" 0.010
no_rule=$(router 43.7263 7.4155 43.72657 7.41507 --turns=0)
check "no_left_turn 4261963: over 0.2 km longer than the forbidden turn ($no_rule km)" \
  python3 -c "import sys; sys.exit(not $turned - $no_rule > 0.2)"
check "no_left_turn 4261963: the line does not turn left at node 25177185" \
  not_sequence 43.726324,7.415566 43.726418,7.415781 43.726418,7.415589
check "no_left_turn 4261963: the line leaves the service road at node 25177185" \
  sequence 43.726324,7.415566 43.726418,7.415781

# Turn restriction 4799601: no_left_turn from the Tunnel vers Nationale 7
# (way 92627402, oneway, southbound) at node 1397731778 onto the Route de
# la Moyenne Corniche northbound (way 65562952).
restriction 4799601 no_left_turn 92627402 1397731778 65562952
leg 43.72705,7.40715 43.72730,7.40733
turned=$(road_km)
check "no_left_turn 4799601: the route ($turned km) is routino-router's" \
  near "$turned" "$(router 43.72705 7.40715 43.72730 7.40733)" 0.010
no_rule=$(router 43.72705 7.40715 43.72730 7.40733 --turns=0)
check "no_left_turn 4799601: over 0.2 km longer than the forbidden turn ($no_rule km)" \
  python3 -c "import sys; sys.exit(not $turned - $no_rule > 0.2)"
check "no_left_turn 4799601: the line does not turn left at node 1397731778" \
  not_sequence 43.726993,7.407171 43.726711,7.407203 43.726919,7.407246
check "no_left_turn 4799601: the line goes through node 1397731778 from the tunnel" \
  sequence 43.726993,7.407171 43.726711,7.407203
tap_done
