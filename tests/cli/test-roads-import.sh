#!/usr/bin/env bash
# `convoymap roads import` on a real OpenStreetMap extract (Monaco, read from
# ../shared/data/): the database's manifest, its road layer read back with
# sqlite3 against GDAL's own count of the extract's roads, its Routino
# database loaded by routino-router; bad inputs refused in one line with
# nothing left behind; SIGKILL at random moments leaves the old database
# or the new one, never a part. TAP.
#   tests/cli/test-roads-import.sh CONVOYMAP SOURCE_ROOT [KILL_ROUNDS] [SEED]
set -u
convoymap=$1
root=$2
rounds=${3:-8}
seed=${4:-$$}
RANDOM=$seed
echo "# seed $seed"
. "$(dirname "$0")/tap.sh"

monaco=$root/../shared/data/monaco.osm.pbf
if [ ! -f "$monaco" ]; then
  if [ "${CI:-}" = true ]; then
    not_ok "the Monaco extract is there" "missing $monaco"
  else
    skip "roads import" "no $monaco"
  fi
  tap_done; exit
fi
for tool in planetsplitter routino-router ogrinfo sqlite3; do
  command -v $tool >/dev/null || { not_ok "$tool is installed" "not in PATH"; tap_done; exit; }
done

# leftovers DIR: what an import left in DIR besides the given names.
leftovers() { local dir=$1; shift; (cd "$dir" && ls -A | grep -vxF "$(printf '%s\n' "$@")"); }

db=$work/monaco.roads
run roads import "$monaco" -o "$db"
if [ "$code" -eq 0 ] && grep -qx "Wrote $db from 1 file" "$work/stdout" && [ ! -s "$work/stderr" ]; then
  ok "imports Monaco, one line on stdout, nothing on stderr off a terminal"
else
  not_ok "imports Monaco" "exit $code" "$(cat "$work/stdout" "$work/stderr")"
fi
check "nothing but the database in its directory" test -z "$(leftovers "$work" monaco.roads stdout stderr check.out)"

# The manifest: its fields and values.
if python3 - "$db/manifest.json" "$monaco" "$("$convoymap" --version)" >"$work/py" 2>&1 <<'PY'
import json, os, sys
m = json.load(open(sys.argv[1]))
want_version = sys.argv[3].split()[-1]
assert m["format"] == "convoymap-roads", m
assert m["version"] == 2, m
assert m["convoymap"] == want_version, (m["convoymap"], want_version)
assert m["routino_tagging"] == "tagging.xml", m
assert len(m["sources"]) == 1, m
src = m["sources"][0]
assert src["path"] == os.path.realpath(sys.argv[2]) or src["path"] == os.path.abspath(sys.argv[2]), src
assert src["bytes"] == os.path.getsize(sys.argv[2]), src
PY
then ok "manifest: format, version, convoymap version, source path and size, tagging"
else not_ok "manifest" "$(cat "$work/py")"; fi

for f in roads-nodes.mem roads-segments.mem roads-ways.mem roads-relations.mem; do
  [ -s "$db/routino/$f" ] || not_ok "routino/$f is written" "missing"
done
ok "routino/ holds the four database files"

# The road layer against GDAL's own reading of the extract.
classes="'motorway','trunk','primary','secondary','tertiary','motorway_link','trunk_link','primary_link','secondary_link','tertiary_link','unclassified','residential','track','service'"
gdal_count() { # WHERE clause on the OSM driver's lines: how many
  ogrinfo -ro -q "$monaco" -sql "SELECT count(*) FROM lines WHERE highway IN ($classes) $1" 2>/dev/null |
    sed -n 's/.*COUNT_\* (Integer) = //p'
}
gpkg() { sqlite3 "$db/roads.gpkg" "$1"; }
expected=$(gdal_count "")
got=$(gpkg "SELECT count(*) FROM roads")
if [ -n "$expected" ] && [ "$expected" -gt 1000 ] && [ "$got" = "$expected" ]; then
  ok "roads.gpkg has every road of the classes ($got, as ogrinfo counts them)"
else
  not_ok "road count" "roads.gpkg $got, ogrinfo $expected"
fi
check "the layer is LineStrings in EPSG:4326" test "$(gpkg "SELECT geometry_type_name || ' ' || srs_id FROM gpkg_geometry_columns WHERE table_name = 'roads'")" = "LINESTRING 4326"
check "its R-tree indexes every road" test "$(gpkg "SELECT count(*) FROM rtree_roads_geom")" = "$got"
check "the columns" test "$(gpkg "SELECT group_concat(name, ',') FROM pragma_table_info('roads')")" = "fid,geom,class,ref,name,surface,bridge,tunnel,oneway"
check "no other class" test "$(gpkg "SELECT count(*) FROM roads WHERE class NOT IN ($classes)")" = 0
check "the A 8 is a motorway, La Provençale, one-way without a tag ($(gdal_count "AND hstore_get_value(other_tags, 'ref') = 'A 8'") ways)" \
  test "$(gpkg "SELECT count(*) || ' ' || min(class) || ' ' || max(class) || ' ' || min(name) || ' ' || min(oneway) FROM roads WHERE ref = 'A 8'")" = "$(gdal_count "AND hstore_get_value(other_tags, 'ref') = 'A 8'") motorway motorway La Provençale 1"
tunnels=$(gdal_count "AND hstore_get_value(other_tags, 'tunnel') IS NOT NULL AND hstore_get_value(other_tags, 'tunnel') <> 'no'")
bridges=$(gdal_count "AND hstore_get_value(other_tags, 'bridge') IS NOT NULL AND hstore_get_value(other_tags, 'bridge') <> 'no'")
check "tunnel = 1 on the $tunnels tunnels, bridge = 1 on the $bridges bridges" \
  test "$(gpkg "SELECT sum(tunnel) || ' ' || sum(bridge) FROM roads")" = "$tunnels $bridges"
check "Boulevard Louis II (way 4230891) is a primary road in a tunnel" \
  test "$(gpkg "SELECT count(*) FROM roads WHERE name = 'Boulevard Louis II' AND class = 'primary' AND tunnel = 1 AND bridge = 0")" -ge 1
# The tier layers that low zooms read (src/roads/road-tiers.h): each the
# roads of its classes, with its own R-tree.
main="'motorway','trunk','primary','secondary','tertiary','motorway_link','trunk_link','primary_link','secondary_link','tertiary_link'"
trunk="'motorway','trunk','primary','motorway_link','trunk_link','primary_link'"
per_class() { gpkg "SELECT group_concat(class || ':' || n || ':' || b || ':' || t, ' ') FROM (SELECT class, count(*) AS n, sum(bridge) AS b, sum(tunnel) AS t FROM $1 WHERE class IN ($2) GROUP BY class ORDER BY class)"; }
for tier in "roads_main:$main" "roads_trunk:$trunk"; do
  name=${tier%%:*} in=${tier#*:}
  want=$(gpkg "SELECT count(*) FROM roads WHERE class IN ($in)")
  check "$name holds the $want roads of its classes (per class: count, bridges, tunnels as in roads), all in its R-tree" \
    test "$(per_class "$name" "$in")/$(gpkg "SELECT count(*) FROM $name")/$(gpkg "SELECT count(*) FROM rtree_${name}_geom")" = "$(per_class roads "$in")/$want/$want"
done
n_trunk=$(gpkg "SELECT count(*) FROM roads_trunk") n_main=$(gpkg "SELECT count(*) FROM roads_main")
check "roads_trunk ($n_trunk) < roads_main ($n_main) < roads ($got)" test "$n_trunk" -gt 300 -a "$n_trunk" -lt "$n_main" -a "$n_main" -lt "$got"
check "the manifest is of version 2" grep -q '"version": 2' "$db/manifest.json"
reverse=$(gdal_count "AND hstore_get_value(other_tags, 'oneway') = '-1'")
check "oneway = -1 on the $reverse ways tagged oneway=-1" test "$(gpkg "SELECT count(*) FROM roads WHERE oneway = -1")" = "$reverse"

# The routing database: Routino's own router loads it and finds a route
# from Fontvieille to Monte-Carlo.
route=$(routino-router --dir="$db/routino" --prefix=roads --profile=motorcar \
  --lat1=43.7384 --lon1=7.4246 --lat2=43.7478 --lon2=7.4332 --quickest \
  --output-stdout --output-text 2>&1)
total=$(printf '%s\n' "$route" | awk -F'\t' '/Waypt#2/ {print $5}' | tr -d ' km')
if [ -n "$total" ] && awk -v d="$total" 'BEGIN { exit !(d > 1.2 && d < 3.0) }'; then
  ok "routino-router finds a route on the database ($total km, the straight line 1.27 km)"
else
  not_ok "routino-router on the database" "$route"
fi

# Bad inputs: exit code, one line naming the value, nothing left behind.
bad=$work/bad
mkdir "$bad"
head -c 500000 "$monaco" >"$bad/truncated.osm.pbf"
echo "not osm at all" >"$bad/junk.osm.pbf"
printf 'id,name\n1,x\n' >"$bad/table.csv"
printf '<?xml version="1.0"?>\n<osm version="0.6"><node id="1" lat="43.7" lon="7.4"/></osm>\n' >"$bad/empty.osm"
mkdir "$bad/notadb"
touch "$bad/notadb/keep"
out=$bad/out.roads
expect_error "a missing input" 2 "input '$bad/missing.osm.pbf' does not exist" roads import "$bad/missing.osm.pbf" -o "$out"
expect_error "a truncated PBF" 2 "input '$bad/truncated.osm.pbf' is not a complete OpenStreetMap file" roads import "$bad/truncated.osm.pbf" -o "$out"
expect_error "a non-OSM file" 2 "input '$bad/junk.osm.pbf' is not a complete OpenStreetMap file" roads import "$bad/junk.osm.pbf" -o "$out"
expect_error "a CSV file, read as road lines, has none" 2 "no roads in '$bad/table.csv': no line with a road class" roads import "$bad/table.csv" -o "$out"
expect_error "an extract with no roads" 2 "no roads (highway=motorway ... service) in $bad/empty.osm" roads import "$bad/empty.osm" -o "$out"
expect_error "the second input bad" 2 "input '$bad/junk.osm.pbf'" roads import "$monaco" "$bad/junk.osm.pbf" -o "$out"
expect_error "output in a missing directory" 2 "the directory of output '$bad/none/out.roads' does not exist" roads import "$monaco" -o "$bad/none/out.roads"
expect_error "output a directory that is no roads database" 2 "output '$bad/notadb' exists and is not a roads database" roads import "$monaco" -o "$bad/notadb"
mkdir "$work/nobin"
PATH=$work/nobin "$convoymap" roads import "$monaco" -o "$out" >"$work/stdout" 2>"$work/stderr"
check "no planetsplitter in PATH: exit 1, one line" test "$?|$(cat "$work/stderr")" = \
  "1|convoymap: Routino's importer 'planetsplitter' is not in PATH (Debian package routino)"
rmdir "$work/nobin"
expect_error "no -o" 2 "missing -o NAME.roads" roads import "$monaco"
expect_error "no input" 2 "no OpenStreetMap file to import" roads import -o "$out"
expect_error "an unknown option" 2 "--nope" roads import --nope "$monaco" -o "$out"
check "nothing left behind by the failures" test -z "$(leftovers "$bad" truncated.osm.pbf junk.osm.pbf table.csv empty.osm notadb)"
check "the directory that was no database is untouched" test "$(ls -A "$bad/notadb")" = keep

# On a terminal (script(1) gives it one) each stage shows on one line,
# rewritten in place, and the line is cleared at the end.
script -qec "$(printf '%q ' "$convoymap" roads import "$monaco" -o "$work/tty.roads")" /dev/null >"$work/tty" 2>&1
check "a terminal shows the stages in order, on one line" python3 -c "
import re, sys
text = open(sys.argv[1], encoding='utf-8', newline='').read()
stages = [s for s in re.split(r'\r\x1b\[K', text) if s]
assert stages[0] == 'reading monaco.osm.pbf (step 1 of 2)', stages
assert re.fullmatch(r'road layer: [0-9]+ roads', stages[1]), stages
assert 'routing database (step 2 of 2)' in stages, stages
assert stages[-1].startswith('Wrote ') and stages[-1].endswith('from 1 file\r\n'), stages
assert '\n' not in ''.join(stages[:-1]), stages
" "$work/tty"
rm -rf "$work/tty.roads" "$work/tty"

# Two inputs that overlap (the same extract twice): each way once.
run roads import "$monaco" "$monaco" -o "$work/twice.roads"
check "two overlapping inputs: each road once ($got)" test "$code:$(sqlite3 "$work/twice.roads/roads.gpkg" "SELECT count(*) FROM roads")" = "0:$got"

# Replacing: a second import over the first replaces it whole.
old_inode=$(stat -c %i "$db/roads.gpkg")
run roads import "$monaco" -o "$db"
check "an import over a database replaces it" test "$code" = 0 -a "$(stat -c %i "$db/roads.gpkg")" != "$old_inode" -a -z "$(leftovers "$work" monaco.roads twice.roads bad stdout stderr check.out py)"
# ... and a failed one keeps it.
new_inode=$(stat -c %i "$db/roads.gpkg")
run roads import "$bad/junk.osm.pbf" -o "$db"
check "a failed import over a database keeps it" test "$code" = 2 -a "$(stat -c %i "$db/roads.gpkg")" = "$new_inode" -a -f "$db/manifest.json"

# SIGTERM (as Ctrl-C) once the import has begun: exit 130, one line, nothing
# left, the old database kept.
term_dir=$work/term
mkdir "$term_dir"
cp -r "$db" "$term_dir/t.roads"
term_inode=$(stat -c %i "$term_dir/t.roads/manifest.json")
"$convoymap" roads import "$monaco" -o "$term_dir/t.roads" >"$work/term.out" 2>"$work/term.err" &
pid=$!
for _ in $(seq 500); do
  compgen -G "$term_dir/t.roads.partial-*" >/dev/null && break
  sleep 0.01
done
kill -TERM "$pid"
wait "$pid"
code=$?
check "SIGTERM during an import: exit 130, one line, the old database, nothing else" \
  test "$code|$(cat "$work/term.err")|$(leftovers "$term_dir" t.roads)|$(stat -c %i "$term_dir/t.roads/manifest.json")" = \
  "130|convoymap: roads import interrupted; nothing written||$term_inode"

# SIGKILL at random moments (0 to 1.2 times a whole import): the old
# database or a complete new one, never a part.
kill_dir=$work/kill
mkdir "$kill_dir"
cp -r "$db" "$kill_dir/k.roads"
echo marker >"$kill_dir/k.roads/old-marker"
start=$(date +%s%N)
"$convoymap" roads import "$monaco" -o "$work/timed.roads" >/dev/null 2>&1
whole_ms=$((($(date +%s%N) - start) / 1000000))
echo "# a whole import takes $whole_ms ms"
bad_rounds=0
for round in $(seq "$rounds"); do
  delay_ms=$((RANDOM % (whole_ms * 12 / 10 + 1)))
  "$convoymap" roads import "$monaco" -o "$kill_dir/k.roads" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  sleep 0.2 # planetsplitter, killed with its parent, is gone
  state=none
  if [ -f "$kill_dir/k.roads/old-marker" ]; then state=old
  elif [ -f "$kill_dir/k.roads/manifest.json" ] && [ -s "$kill_dir/k.roads/routino/roads-segments.mem" ] &&
       [ "$(sqlite3 "$kill_dir/k.roads/roads.gpkg" "SELECT count(*) FROM roads" 2>/dev/null)" = "$got" ]; then state=new
  fi
  if [ "$state" = none ]; then
    bad_rounds=$((bad_rounds + 1))
    echo "# round $round after ${delay_ms} ms: k.roads is neither old nor new"
  fi
  echo "# round $round after ${delay_ms} ms: $state"
  [ "$state" = new ] && echo marker >"$kill_dir/k.roads/old-marker"
done
if [ "$bad_rounds" -eq 0 ]; then ok "SIGKILL in $rounds rounds: the old database or the whole new one"
else not_ok "SIGKILL leaves a whole database" "$bad_rounds of $rounds rounds"; fi
# A killed import leaves its temporary directory (nothing can remove it
# then); the next import to the same name removes those of dead imports.
mkdir "$kill_dir/k.roads.partial-999999999-abcdef" "$kill_dir/k.roads.partial-$$-abcdef"
run roads import "$monaco" -o "$kill_dir/k.roads"
check "the next import removes what killed ones left, not a live one's" \
  test "$code:$(leftovers "$kill_dir" k.roads)" = "0:k.roads.partial-$$-abcdef"

tap_done
