# The one TAP helper of the shell tests: a scratch directory ($work,
# removed on exit, after tap_cleanup when the test defines one, for what it
# must undo first such as a mount), the counters, ok / not_ok / skip /
# check, and for tests of the CLI (with $convoymap set) run and
# expect_error. Source it; end the test with tap_done.
work=$(mktemp -d)
tap_exit() {
  if declare -F tap_cleanup >/dev/null; then tap_cleanup; fi
  rm -rf "$work"
}
trap tap_exit EXIT
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
not_ok() { # description, then diagnostics, each of one line or more
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift
  for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}
check() { # description, then a command that must succeed
  local description=$1; shift
  if "$@" >"$work/check.out" 2>&1; then ok "$description"; else not_ok "$description" "$(cat "$work/check.out")"; fi
}

# need_extract: sets $extract to the real OpenStreetMap extract of Monaco
# in the shared data folder (read there, never copied into the repository).
# Without it the whole test is skipped in one line, except under CI=true,
# where it must run.
need_extract() {
  extract=$(dirname "$0")/../../../shared/data/monaco.osm.pbf
  [ -f "$extract" ] && return
  if [ "${CI:-}" = true ]; then echo "Bail out! missing $extract"; exit 1; fi
  echo "1..0 # SKIP no $extract"; exit 0
}

# run ARGS...: runs convoymap, keeping stdout, stderr and the exit code.
run() { "$convoymap" "$@" >"$work/stdout" 2>"$work/stderr"; code=$?; }

expect_error() { # description, expected code, stderr fragment, args...
  local description=$1 expected=$2 fragment=$3; shift 3
  run "$@"
  local lines; lines=$(wc -l <"$work/stderr")
  if [ "$code" -eq "$expected" ] && grep -qF -- "$fragment" "$work/stderr" && [ "$lines" -le 2 ]; then
    ok "$description (exit $code)"
  else
    not_ok "$description" "exit $code, expected $expected" "stderr: $(cat "$work/stderr")"
  fi
}

tap_done() { echo "1..$n"; [ "$failed" -eq 0 ]; }
