# Starting and stopping `convoymap serve` in a test, after tap.sh: the
# server listens on a free loopback port (--port 0) read from its stderr,
# and is stopped when the test ends, whatever happens (tap_cleanup).
#   serve_start [ARGS...]   starts it; sets $serve_pid, $port, $base
#   serve_stop [SIGNAL]     stops it (SIGTERM), waits; sets $serve_code
serve_pid=
serve_start() {
  "$convoymap" serve --port 0 "$@" 2>"$work/serve.err" &
  serve_pid=$!
  port=
  for _ in $(seq 1 300); do
    port=$(sed -n 's|^convoymap: serving on http://[^ ]*:\([0-9]*\)/$|\1|p' "$work/serve.err")
    [ -n "$port" ] && break
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.1
  done
  base=http://127.0.0.1:$port
  [ -n "$port" ]
}
serve_stop() {
  serve_code=
  [ -n "$serve_pid" ] || return 0
  kill -"${1:-TERM}" "$serve_pid" 2>/dev/null
  wait "$serve_pid"
  serve_code=$?
  serve_pid=
}
tap_cleanup() {
  if [ -n "$serve_pid" ]; then kill -KILL "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null; fi
}
