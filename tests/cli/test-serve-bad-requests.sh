#!/usr/bin/env bash
# The catalogue of hostile requests (serve-bad-requests.tsv) against
# `convoymap serve`, over raw sockets (serve-raw.py): each gets its status
# (or is dropped), and the server answers /health after every one.
# Usage: test-serve-bad-requests.sh CONVOYMAP CATALOGUE RAW_CLIENT
set -u
convoymap=$1 catalogue=$2 raw=$3
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/serve-lib.sh"
idle=2

serve_start --idle-timeout "$idle" || { not_ok "serve starts" "$(cat "$work/serve.err")"; tap_done; exit; }
while IFS=$'\t' read -r name expected request; do
  case $name in '#'*|'') continue ;; esac
  got=$(python3 "$raw" "$port" "$request" "$idle" 2>&1)
  if [ "$got" = "$expected" ]; then ok "$name: $expected"; else not_ok "$name: $expected" "got: $got"; fi
  check "$name: /health still answers" test "$(curl -s -m 5 "$base/health")" = ok
done <"$catalogue"
check "no request reached the file system outside the tiles (no 200 for /etc/passwd)" \
  sh -c "! grep -q root: '$work/serve.err'"
serve_stop
check "after them all, SIGTERM: exit 0" test "$serve_code" -eq 0
tap_done
