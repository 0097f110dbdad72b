#!/usr/bin/env bash
# The default scenario, the geocoder and routing and drawing on roads (with
# the shared Monaco extract) under valgrind memcheck: no memory errors and
# no definite leaks (fontconfig's own caches are suppressed), as TAP.
set -u
convoymap=$1
supp=$(dirname "$0")/../valgrind.supp
source "$(dirname "$0")/tap.sh"

# memcheck NAME EXPECTED_EXIT ARGS...: two results, errors and leaks.
memcheck() {
  local name=$1 expected=$2; shift 2
  valgrind --suppressions="$supp" --error-exitcode=9 --leak-check=full \
    --errors-for-leak-kinds=definite "$convoymap" "$@" >/dev/null 2>"$work/valgrind.log"
  local code=$?
  if [ "$code" -eq "$expected" ]; then ok "memcheck $name: no errors"; else
    not_ok "memcheck $name: no errors (exit $code)" "$(tail -60 "$work/valgrind.log")"; fi
  if grep -q "definitely lost: 0 bytes" "$work/valgrind.log" || grep -q "All heap blocks were freed" "$work/valgrind.log"; then
    ok "memcheck $name: no definite leaks"
  else
    not_ok "memcheck $name: no definite leaks" "$(grep -A3 "LEAK SUMMARY" "$work/valgrind.log")"
  fi
}

memcheck render 0 render -o "$work/briefing.png"
memcheck geocode 0 geocode --json Tripoli "القائم" "Ain al-Asad AB" "33.1,40.2"
memcheck "geocode typo" 2 geocode al-Bukamai
memcheck "geocode --reverse" 0 geocode --reverse 33.1,40.2
extract=$(dirname "$0")/../../../shared/data/monaco.osm.pbf
if [ -f "$extract" ]; then
  "$convoymap" roads import "$extract" -o "$work/monaco.roads" >/dev/null 2>&1
  # Limits, and a waypoint at sea beyond Routino's reach (the nearest-road search).
  memcheck "route --roads" 0 route --roads "$work/monaco.roads" --weight 12 --from 43.7247,7.4155 \
    --to 43.6950,7.4300 --format json
  memcheck "render --roads" 0 render --roads "$work/monaco.roads" --from 43.7384,7.4246 \
    --to 43.7311,7.4197 --bbox 7.40,43.72,7.45,43.76 --size 800x600 -o "$work/roads.png"
elif [ "${CI:-}" = true ]; then
  not_ok "memcheck on roads: missing $extract"
else
  skip "memcheck on roads" "no $extract"
fi
tap_done
