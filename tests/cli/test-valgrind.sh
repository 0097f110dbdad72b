#!/usr/bin/env bash
# The default scenario and the geocoder under valgrind memcheck: no memory
# errors and no definite leaks (fontconfig's own caches are suppressed), as
# TAP.
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
tap_done
