#!/usr/bin/env bash
# `convoymap serve` with curl: it listens on loopback, answers /health,
# serves the tiles `tile` renders, keeps connections alive, refuses what
# is not a tile URL, and stops on SIGTERM with exit 0.
# Usage: test-serve.sh CONVOYMAP
set -u
convoymap=$1
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/serve-lib.sh"

if ! serve_start; then
  not_ok "serve starts and prints its URL" "$(cat "$work/serve.err")"
  tap_done; exit
fi
ok "serve --port 0 prints the port it listens on ($port)"
check "it listens on loopback only" sh -c "grep -q '^convoymap: serving on http://127.0.0.1:$port/$' '$work/serve.err'"

body=$(curl -s "$base/health")
check "/health answers ok" test "$body" = ok

# Tiles: PNGs of 256 pixels, 512 at @2x (test-serve-tiles.sh compares
# their bytes with those of `tiles`).
code=$(curl -s -o "$work/served.png" -w '%{http_code} %{content_type}' "$base/tiles/5/19/12.png")
check "a tile: 200 image/png" test "$code" = "200 image/png"
check "... a 256 x 256 PNG" sh -c "file '$work/served.png' | grep -q 'PNG image data, 256 x 256'"
curl -s -o "$work/served2.png" "$base/tiles/5/19/12@2x.png"
check "an @2x tile: a 512 x 512 PNG" sh -c "file '$work/served2.png' | grep -q 'PNG image data, 512 x 512'"
code=$(curl -s -o "$work/head" -w '%{http_code}' -I "$base/tiles/5/19/12.png")
check "HEAD of a tile: 200, headers only" sh -c "[ $code = 200 ] && grep -qi '^Content-Length: $(stat -c %s "$work/served.png")' '$work/head'"

# /metrics: Prometheus text exposition 0.0.4 that counts what was served.
curl -s -D "$work/headers" -o "$work/metrics" "$base/metrics"
check "/metrics: text/plain; version=0.0.4" grep -qi '^Content-Type: text/plain; version=0.0.4' "$work/headers"
check "... every line a comment or NAME[{LABELS}] VALUE" \
  sh -c "! grep -vE '^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z]+=\"[^\"]*\"\})? [0-9.e+-]+)$' '$work/metrics'"
check "... without a cache, each of the three tile requests rendered its metatile" \
  grep -qx 'convoymap_metatiles_rendered_total 3' "$work/metrics"
check "... the render histogram's +Inf bucket and count agree with it" \
  sh -c "grep -qx 'convoymap_render_seconds_bucket{le=\"+Inf\"} 3' '$work/metrics' && grep -qx 'convoymap_render_seconds_count 3' '$work/metrics'"
check "... the 200s counted" grep -qE '^convoymap_http_requests_total\{code="200"\} [3-9]' "$work/metrics"
check "... and the queue empty" grep -qx 'convoymap_queue_depth 0' "$work/metrics"

curl -sv "$base/health" "$base/health" >/dev/null 2>"$work/keepalive"
check "two requests share one connection (keep-alive)" grep -q 'Re-using existing connection' "$work/keepalive"

for case in "/nothing 404" "/tiles/5/19/12.jpg 404" "/tiles/5/32/12.png 400" \
            "/tiles/21/0/0.png 400" "/tiles/05/1/1.png 404" "/tiles/3/-1/2.png 404"; do
  set -- $case
  got=$(curl -s -o /dev/null -w '%{http_code}' "$base$1")
  check "$1: $2" test "$got" = "$2"
done
got=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/health")
check "POST: 405" test "$got" = 405

serve_stop TERM
check "SIGTERM: exit 0" test "$serve_code" -eq 0
check "SIGTERM: it says it stopped" grep -q '^convoymap: stopped by SIGTERM$' "$work/serve.err"

# A client that never finishes its request does not hold the stop beyond
# the 10 s drain.
serve_start --idle-timeout 60
python3 -c "
import socket, time
s = socket.create_connection(('127.0.0.1', $port))
s.sendall(b'GET /health HTTP/1.1\\r\\nHost: x\\r\\nX-Slow: ')
time.sleep(30)" &
slow_pid=$!
sleep 0.5
started=$(date +%s%3N)
serve_stop TERM
took=$(( $(date +%s%3N) - started ))
kill "$slow_pid" 2>/dev/null; wait "$slow_pid" 2>/dev/null
check "SIGTERM with a request that never ends: exit 0 within the 10 s drain (took ${took} ms)" \
  test "$serve_code" -eq 0 -a "$took" -le 11000

expect_error "--port out of range" 2 "--port 70000 is out of range" serve --port 70000
expect_error "--bind not an address" 2 "--bind localhost is not an IPv4 or IPv6 address" serve --bind localhost --port 0
tap_done
