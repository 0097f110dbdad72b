#!/usr/bin/env bash
# `route --roads --prefer shortest` against an independent engine,
# pgRouting, on the same real Monaco extract. The test starts its own
# PostgreSQL 15 cluster in a scratch directory (listening on 127.0.0.1 and
# a socket there only, on a free port), loads the extract with osmium (PBF
# to OSM XML) and osm2pgrouting (Debian's mapconfig_for_cars.xml), and
# stops and removes the cluster on exit, failure included. TAP.
#
# The profile: Routino's motorcar is the closest to osm2pgrouting's cars
# configuration. Both take motorway ... residential, living_street and
# service roads (Routino reads living_street as residential and road as
# unclassified) and leave tracks, paths and footways out, and both obey
# oneway tags. They differ by design: Routino obeys access tags
# (access=private, motor_vehicle=no...) and turn restrictions, which
# osm2pgrouting ignores; Routino snaps to the nearest point of a road,
# pgRouting here to the nearest junction or way end (pgr_dijkstra runs
# between vertices); and Routino's "shortest" divides each segment's length
# by the profile's preference for its class (residential 50 %, primary 90
# %...), where pgr_dijkstra here costs plain length (reverse_cost -1 for
# the wrong way of a oneway).
#
# Our distance is the leg's road line, from the road point nearest one end
# to the one nearest the other, measured on the ellipsoid as pgRouting's
# length_m is (the leg's distance less its two snaps). Routino's own total
# (the JSON's routino_distance_km) is 1 to 4 % shorter than that line on
# Monaco: planetsplitter measures each OSM segment (node to node, 9 m on
# average in a town) in whole metres, dropping the fraction. The last check
# bounds that. (The line itself is up to 1 % shorter than the OSM ways, as
# planetsplitter drops nodes within 3 m of a straight line.)
#
# For each pair: when both ends snap within 50 m in both engines, the
# distances agree within 5 %. A pair left out is named with its reason: a
# snap over 50 m; pgRouting's path taking a way closed to motorcars by its
# access tags, or turning against a restriction relation (both read from
# the extract with osmium); or Routino's class preferences (its path is
# longer, and routino-router with every class preferred alike goes within
# 5 % of pgRouting). A pair over 5 % apart for any other reason fails.
# At least 30 pairs must be compared and at most 55 % left out. On Monaco
# 32 of 64 are compared; 17 are left out for a snap (pgRouting's nearest
# junction is over 50 m from most points of the grid the Routino tests
# use), 4 for access tags, 3 for turn restrictions, 8 for preferences.
#   tests/cli/test-roads-pgrouting.sh CONVOYMAP
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
pgbin=/usr/lib/postgresql/15/bin
need_extract
if [ ! -x "$pgbin/initdb" ] || ! command -v osm2pgrouting >/dev/null || ! command -v osmium >/dev/null; then
  if [ "${CI:-}" = true ]; then echo "Bail out! PostgreSQL 15, osm2pgrouting or osmium missing"; exit 1; fi
  echo "1..0 # SKIP no PostgreSQL 15 ($pgbin), osm2pgrouting or osmium-tool"; exit 0
fi
for f in /usr/share/postgresql/15/extension/pgrouting.control /usr/share/postgresql/15/extension/postgis.control \
         /usr/share/osm2pgrouting/mapconfig_for_cars.xml; do
  [ -f "$f" ] || { echo "Bail out! missing $f (postgresql-15-pgrouting, postgresql-15-postgis-3, osm2pgrouting)"; exit 1; }
done

# PostgreSQL refuses to run as root: as root (CI), the cluster belongs to
# the postgres user (or nobody), in a scratch directory that user owns.
pg=$(mktemp -d "${TMPDIR:-/tmp}/convoymap-pg.XXXXXX")
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id -u postgres >/dev/null 2>&1 || owner=nobody
  chown "$owner" "$pg"
  as_owner() { runuser -u "$owner" -- "$@"; }
fi
tap_cleanup() {
  [ -f "$pg/data/postmaster.pid" ] && as_owner "$pgbin/pg_ctl" -D "$pg/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$pg"
}
# A signal ends the script through its EXIT trap, which stops the cluster.
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# Clients of the test use the socket in the scratch directory (only its
# owner may enter it) without a password; on 127.0.0.1 the cluster asks for
# a password nobody is told, so another user of the machine cannot connect.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -c 'import secrets; print(secrets.token_hex(16))' >"$pg/password"
chmod 600 "$pg/password"
[ "$(id -u)" -eq 0 ] && chown "$owner" "$pg/password"
if ! as_owner "$pgbin/initdb" -D "$pg/data" --auth-local=trust --auth-host=scram-sha-256 \
     --pwfile="$pg/password" -U postgres -E UTF8 --no-sync >"$pg/initdb.log" 2>&1; then
  echo "Bail out! initdb: $(tail -1 "$pg/initdb.log")"; exit 1
fi
if ! as_owner "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 start \
     -o "-c listen_addresses=127.0.0.1 -p $port -k $pg -c fsync=off -c full_page_writes=off" >/dev/null; then
  echo "Bail out! PostgreSQL does not start: $(tail -1 "$pg/server.log")"; exit 1
fi
psql_roads() { "$pgbin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$pg" -p "$port" -U postgres -d roads "$@"; }
check "the scratch cluster listens on 127.0.0.1 only" \
  test "$("$pgbin/psql" -XAt -h "$pg" -p "$port" -U postgres -d postgres -c 'show listen_addresses')" = 127.0.0.1
check "on 127.0.0.1 it wants the password" \
  sh -c "! PGPASSWORD=wrong '$pgbin/psql' -XAt -w -h 127.0.0.1 -p $port -U postgres -d postgres -c 'select 1'"
"$pgbin/createdb" -h "$pg" -p "$port" -U postgres roads
psql_roads -c 'create extension postgis' -c 'create extension pgrouting' >/dev/null ||
  { echo "Bail out! cannot create the postgis and pgrouting extensions"; exit 1; }

# osm2pgrouting reads OSM XML only.
osmium cat -o "$work/monaco.osm" "$extract" ||
  { echo "Bail out! osmium cannot convert $extract"; exit 1; }
if ! osm2pgrouting -f "$work/monaco.osm" -c /usr/share/osm2pgrouting/mapconfig_for_cars.xml \
     -d roads -U postgres -h "$pg" -p "$port" --clean >"$work/osm2pgrouting.log" 2>&1; then
  echo "Bail out! osm2pgrouting: $(tail -1 "$work/osm2pgrouting.log")"; exit 1
fi
edges=$(psql_roads -c 'select count(*) from ways')
check "osm2pgrouting loaded Monaco's car roads (over 2,000 edges: $edges)" test "$edges" -gt 2000

# What Routino reads and osm2pgrouting does not: ways closed to motorcars,
# and turn restrictions.
osmium tags-filter -f opl -o "$work/access.opl" "$extract" w/access,vehicle,motor_vehicle,motorcar -R
osmium tags-filter -f opl -o "$work/restrictions.opl" "$extract" r/type=restriction -R

"$convoymap" roads import "$extract" -o "$work/monaco.roads" >/dev/null 2>"$work/import.err" ||
  { echo "Bail out! roads import: $(cat "$work/import.err")"; exit 1; }

# The pairs: the 24 of tests/unit/test-roads.c (17 points over the extract,
# each to the 8th and the 3rd after it), 10 more (each to the 5th after
# it), the legs of tests/cli/test-roads.sh, and the two no_left_turn
# restrictions (tests/cli/test-roads-rules.sh).
python3 - "$convoymap" "$work" "$pgbin/psql" "$pg" "$port" >"$work/pairs.tap" 2>"$work/pairs.err" <<'PY'
import json, math, subprocess, sys

convoymap, work, psql, socket_dir, port = sys.argv[1:6]
monaco = [(43.7255, 7.4015), (43.7255, 7.4090), (43.7300, 7.4090), (43.7300, 7.4165),
          (43.7300, 7.4240), (43.7345, 7.4015), (43.7345, 7.4090), (43.7345, 7.4165),
          (43.7390, 7.4165), (43.7390, 7.4240), (43.7435, 7.4090), (43.7435, 7.4165),
          (43.7435, 7.4240), (43.7435, 7.4315), (43.7480, 7.4015), (43.7480, 7.4240),
          (43.7480, 7.4315)]
n = len(monaco)
pairs = [(monaco[k % n], monaco[(k % n + (8 if k < n else 3)) % n]) for k in range(24)]
pairs += [((43.7384, 7.4246), (43.7311, 7.4197)), ((43.7300, 7.4090), (43.7480, 7.4015)),
          ((43.7432, 7.4210), (43.7432, 7.4225)), ((43.7432, 7.4225), (43.7432, 7.4210)),
          ((43.7263, 7.4155), (43.72657, 7.41507)), ((43.72705, 7.40715), (43.72730, 7.40733))]
# Junctions (of three roads or more in osm2pgrouting's table), the nearest
# to a 6 x 6 grid over the extract, duplicates dropped: where pgRouting's
# vertices are, each to the 11th after it.
junctions = [(43.72600, 7.40359), (43.72520, 7.40918), (43.72642, 7.41578), (43.72663, 7.42058),
             (43.72743, 7.42229), (43.73160, 7.42742), (43.73025, 7.40671), (43.72931, 7.41051),
             (43.72995, 7.41570), (43.72993, 7.42237), (43.73378, 7.42907), (43.73384, 7.40277),
             (43.73343, 7.41088), (43.73498, 7.41548), (43.73448, 7.42137), (43.73336, 7.42715),
             (43.73845, 7.40802), (43.73973, 7.41063), (43.73888, 7.41596), (43.73961, 7.42217),
             (43.73942, 7.42694), (43.74089, 7.43038), (43.74423, 7.40588), (43.74415, 7.41045),
             (43.74292, 7.41463), (43.74257, 7.42179), (43.74394, 7.42717), (43.74504, 7.43180),
             (43.74773, 7.40560), (43.74696, 7.40866), (43.74896, 7.41454), (43.74801, 7.41940),
             (43.74684, 7.42707), (43.74789, 7.43231)]
pairs += [(junctions[k], junctions[(k + 11) % len(junctions)]) for k in range(len(junctions))]

def opl_tags(field):
    tags = {}
    for kv in field[1:].split(",") if len(field) > 1 else []:
        k, _, v = kv.partition("=")
        tags[k] = v
    return tags

def opl(path):
    for line in open(path):
        fields = line.split()
        rec = {f[0]: f for f in fields[1:]}
        yield fields[0], opl_tags(rec.get("T", "T")), rec.get("M", "M")[1:]

# Routino's tagging.xml: an access value other than these closes a way.
open_values = {"yes", "designated", "permissive", "true", "public", "official"}
closed = {}
for ident, tags, _ in opl(f"{work}/access.opl"):
    for key in ("access", "vehicle", "motor_vehicle", "motorcar"):
        if key in tags and tags[key] not in open_values:
            closed[int(ident[1:])] = f"{key}={tags[key]}"
restrictions = []
for ident, tags, members in opl(f"{work}/restrictions.opl"):
    roles = {}
    for m in members.split(","):
        ref, _, role = m.partition("@")
        roles[role] = int(ref[1:])
    if {"from", "via", "to"} <= roles.keys() and members.count("@via") == 1:
        restrictions.append((ident, tags.get("restriction", ""), roles["from"], roles["via"], roles["to"]))

def sql(query):
    return subprocess.run([psql, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                           "-h", socket_dir, "-p", port, "-U", "postgres", "-d", "roads",
                           "-c", query], check=True, capture_output=True, text=True).stdout

def nearest_vertex(lat, lon):
    point = f"ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326)"
    # The 20 nearest in degrees, then the nearest of them in metres.
    row = sql(f"""select id, ST_Distance(the_geom::geography, {point}::geography) from
                  (select id, the_geom from ways_vertices_pgr order by the_geom <-> {point} limit 20) v
                  order by 2 limit 1""").split()
    return int(row[0]), float(row[1])

def pgrouting(a, b):
    (va, snap_a), (vb, snap_b) = nearest_vertex(*a), nearest_vertex(*b)
    rows = sql(f"""select v.osm_id, coalesce(w.osm_id, 0), d.cost from pgr_dijkstra(
                     'select gid as id, source, target,
                             case when cost < 0 then -1 else length_m end as cost,
                             case when reverse_cost < 0 then -1 else length_m end as reverse_cost
                      from ways', {va}, {vb}, true) d
                   join ways_vertices_pgr v on v.id = d.node left join ways w on w.gid = d.edge
                   order by d.seq""")
    steps = [tuple(float(x) for x in r.split("\t")) for r in rows.splitlines()]
    path = [(int(node), int(way)) for node, way, _ in steps]
    return snap_a, snap_b, sum(c for _, _, c in steps) if steps else None, path

def why_pgrouting_may_not(path):
    """The first reason Routino's motorcar may not take pgRouting's path."""
    for _, way in path:
        if way in closed:
            return f"access tags: pgRouting's path takes way {way} ({closed[way]})"
    for i in range(1, len(path)):
        came, (node, went) = path[i - 1][1], path[i]
        for ident, kind, f, via, to in restrictions:
            if came == f and node == via and ((kind.startswith("no_") and went == to)
                                              or (kind.startswith("only_") and went != to)):
                return f"turn restriction {ident} ({kind}): pgRouting turns from way {f} at node {via}"
    return None

# routino-router's shortest distance with every class preferred alike:
# shortest scores a segment's length divided by its class's preference.
classes = ["motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "service"]
flat_options = [f"--highway-{c}=100" for c in classes] + ["--property-paved=100"] + \
       [f"--property-{p}=50" for p in ("multilane", "bridge", "tunnel", "footroute", "bicycleroute")]
def router(a, b, *options):
    return subprocess.run(["routino-router", f"--dir={work}/monaco.roads/routino", "--prefix=roads",
                           "--profile=motorcar", "--shortest", *options, "--lat1=%.5f" % a[0],
                           "--lon1=%.5f" % a[1], "--lat2=%.5f" % b[0], "--lon2=%.5f" % b[1],
                           "--output-stdout", "--output-text-all", "--quiet"],
                          check=True, capture_output=True, text=True).stdout

def router_total(a, b):
    """routino-router's own total in metres (printed to 10 m)."""
    return float(router(a, b).strip().splitlines()[-1].split("\t")[6]) * 1000

def flat_router(a, b):
    """The length of routino-router's line with every class preferred alike."""
    out = router(a, b, *flat_options)
    points = [tuple(float(x) for x in line.split("\t")[:2]) for line in out.splitlines()
              if line and not line.startswith("#")]
    return sum(haversine(points[i], points[i + 1]) for i in range(len(points) - 1))

def haversine(p, q):
    """Metres on the sphere of the Earth's mean radius (within 0.5 % of the ellipsoid)."""
    (lat1, lon1), (lat2, lon2) = [(math.radians(a), math.radians(b)) for a, b in (p, q)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))

results = []
shortfall = []  # Routino's own distance below the line's length, a fraction
for a, b in pairs:
    out = subprocess.run([convoymap, "route", "--roads", f"{work}/monaco.roads", "--prefer", "shortest",
                          "--from", "%.5f,%.5f" % a, "--to", "%.5f,%.5f" % b, "--format", "json"],
                         capture_output=True, text=True)
    name = "%.5f,%.5f -> %.5f,%.5f" % (a + b)
    if out.returncode != 0:
        results.append((name, None, None, "convoymap: " + out.stderr.strip()))
        continue
    leg = json.loads(out.stdout)["routes"][0]["legs"][0]
    roads = leg["roads"]
    # The leg's road line, from the road point nearest a to the one nearest
    # b, measured on the ellipsoid as pgRouting's length_m is.
    ours = leg["distance_km"] * 1000 - roads["snap_from_m"] - roads["snap_to_m"]
    shortfall.append(1 - roads["routino_distance_km"] * 1000 / ours)
    snap_a, snap_b, theirs, path = pgrouting(a, b)
    snaps = f"snaps: ours {roads['snap_from_m']:.0f} m, {roads['snap_to_m']:.0f} m; pgRouting {snap_a:.0f} m, {snap_b:.0f} m"
    reason = None
    if max(roads["snap_from_m"], roads["snap_to_m"], snap_a, snap_b) > 50:
        reason = "snap over 50 m (" + snaps + ")"
    elif theirs is None:
        reason = "no pgRouting path between the nearest vertices"
    elif abs(ours - theirs) > 0.05 * theirs:
        reason = why_pgrouting_may_not(path) if theirs < ours else None
        # Anything else is a disagreement: no reason, and the pair fails.
        if reason is None and theirs < ours:
            # Only when our route is Routino's, and Routino with the
            # preferences evened out agrees with pgRouting.
            flat = flat_router(a, b)
            same = abs(router_total(a, b) - roads["routino_distance_km"] * 1000) <= 10
            if same and abs(flat - theirs) <= 0.05 * theirs:
                reason = (f"Routino's class preferences: routino-router with every class at 100 % "
                          f"goes {flat:.0f} m")
    results.append((name, ours, theirs, reason, snaps))

left_out = 0
for k, r in enumerate(results, 1):
    name, ours, theirs, reason = r[:4]
    if reason is None and abs(ours - theirs) > 0.05 * theirs:
        print(f"not ok {k} - {name}: convoymap {ours:.0f} m, pgRouting {theirs:.0f} m, over 5 % apart ({r[4]})")
    elif reason is None:
        print(f"ok {k} - {name}: convoymap {ours:.0f} m, pgRouting {theirs:.0f} m within 5 %")
    elif ours is None:
        print(f"not ok {k} - {name}: {reason}")
    else:
        left_out += 1
        diff = f"convoymap {ours:.0f} m, pgRouting {theirs:.0f} m; " if theirs else ""
        print(f"ok {k} - {name} # left out: {diff}{reason}")
print(f"# {len(results)} pairs, {len(results) - left_out} compared, {left_out} left out: " +
      ", ".join(f"{sum(1 for r in results if r[3] and r[3].startswith(why))} {why}"
                for why in ("snap", "access", "turn", "Routino's class")))
print(f"LEFT_OUT {left_out} {len(results)}")
print("SHORTFALL %.4f %.4f" % (min(shortfall), max(shortfall)))
PY
[ -s "$work/pairs.err" ] && echo "Bail out! $(tail -1 "$work/pairs.err")" && exit 1
# Renumbered into this test's count.
while IFS= read -r line; do
  case $line in
    "ok "*"# left out: "*) d=${line#ok * - }; ok "${d%% # left out: *} (left out)"; echo "# left out: ${d#* # left out: }" ;;
    "ok "*) ok "${line#ok * - }" ;;
    "not ok "*) not_ok "${line#not ok * - }" ;;
    "# "*) echo "$line" ;;
    LEFT_OUT*) read -r _ out total <<<"$line" ;;
    SHORTFALL*) read -r _ low high <<<"$line" ;;
  esac
done <"$work/pairs.tap"
check "at least 30 pairs compared, at most 55 % left out ($out of $total)" \
  test $((total - out)) -ge 30 -a $((out * 20)) -le $((total * 11))
# Routino's own road distance (the JSON's routino_distance_km, routino-router's
# total) is shorter than the line it returns: whole metres a segment.
check "Routino's road distance is 0 to 5 % shorter than its line (${low:-?} to ${high:-?})" \
  python3 -c "import sys; sys.exit(not 0 <= float(sys.argv[1]) <= float(sys.argv[2]) <= 0.05)" "${low:-1}" "${high:-1}"
tap_done
