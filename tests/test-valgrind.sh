#!/usr/bin/env bash
# The default scenario under valgrind memcheck: no memory errors and no
# definite leaks (fontconfig's own caches are suppressed), as TAP.
set -u
convoymap=$1
supp=$(dirname "$0")/valgrind.supp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
valgrind --suppressions="$supp" --error-exitcode=9 --leak-check=full \
  --errors-for-leak-kinds=definite "$convoymap" render -o "$work/briefing.png" \
  >/dev/null 2>"$work/valgrind.log"
code=$?
echo "1..2"
if [ "$code" -eq 0 ]; then echo "ok 1 - memcheck: no errors"; else
  echo "not ok 1 - memcheck: no errors (exit $code)"; sed 's/^/# /' "$work/valgrind.log" | tail -60; fi
if grep -q "definitely lost: 0 bytes" "$work/valgrind.log" || grep -q "All heap blocks were freed" "$work/valgrind.log"; then
  echo "ok 2 - memcheck: no definite leaks"
else
  echo "not ok 2 - memcheck: no definite leaks"; grep -A3 "LEAK SUMMARY" "$work/valgrind.log" | sed 's/^/# /'
fi
