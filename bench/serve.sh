#!/usr/bin/env bash
# convoymap serve under load, side by side with its peers in one run:
#  1. cached tiles: `convoymap serve` answering from a cache made by
#     `convoymap tiles` (a directory, and an MBTiles file) against nginx
#     serving the same tiles from the directory, both on loopback, with the
#     same wrk settings (2 threads, 64 connections, 10 s, keep-alive) over
#     the 1,131 tiles of zooms 0-10 over Iraq: requests/s (ratio to nginx)
#     and p99 latency;
#  2. cold tiles: the same 1,131 tiles asked of a server with an empty cache
#     (8 clients at once), as tiles per CPU-second of the server process,
#     against `convoymap tiles` writing them in a batch and, when Debian's
#     python3-mapnik is installed, Mapnik (bench/mapnik-tiles.py).
# Usage: bench/serve.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-10}
export CONVOYMAP_DATA=${CONVOYMAP_DATA:-$PWD}
export CONVOYMAP_BUILD_DIR=$(realpath "$build")
convoymap=$build/src/cli/convoymap
out=$(mktemp -d)
# nginx's workers (nobody, when started as root) read the tiles too.
chmod 755 "$out"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$out"
}
trap cleanup EXIT
bbox=38,29,48,37
zoom=0-10
ticks=$(getconf CLK_TCK)

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench/serve.sh needs $tool (Debian: wrk, nginx-light, curl)"; exit 1; }
done

# start_serve ARGS...: a server on a free port; sets $serve_pid and $port.
start_serve() {
  "$convoymap" serve --port 0 "$@" 2>"$out/serve.err" &
  serve_pid=$!
  pids+=("$serve_pid")
  port=
  while [ -z "$port" ]; do
    sleep 0.1
    port=$(sed -n 's|^convoymap: serving on http://[^ ]*:\([0-9]*\)/$|\1|p' "$out/serve.err")
  done
}
stop_serve() { kill "$serve_pid"; wait "$serve_pid" || true; }
# cpu_ticks PID: user + system clock ticks of a process so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

"$convoymap" tiles --bbox "$bbox" --zoom "$zoom" --jobs 2 -o "$out/dir" >/dev/null 2>&1
"$convoymap" tiles --bbox "$bbox" --zoom "$zoom" --jobs 2 -o "$out/tiles.mbtiles" >/dev/null 2>&1
(cd "$out/dir" && find . -name '*.png' | sed 's|^\.|/tiles|' | sort) >"$out/paths"
n_tiles=$(wc -l <"$out/paths")

# wrk cycles through every tile of the set.
cat >"$out/tiles.lua" <<LUA
paths = {}
for line in io.lines("$out/paths") do paths[#paths + 1] = line end
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
LUA
# load LABEL BASE_URL: requests/s and p99 latency in ms.
load() {
  wrk -t2 -c64 -d"${seconds}s" --latency -s "$out/tiles.lua" "$2" >"$out/wrk.out" 2>&1
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out/wrk.out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } print v }' "$out/wrk.out")
  errors=$(awk '/Non-2xx|Socket errors/' "$out/wrk.out" | tr '\n' ' ')
  printf '%s %s %s\n' "$rps" "$p99" "$errors" >"$out/load-$1"
}

echo "Cached tiles: $n_tiles tiles (bbox $bbox, zoom $zoom), wrk -t2 -c64 -d${seconds}s, $(nproc) cores"
# nginx serving the directory, as a tile server without rendering would.
nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$out/nginx"
cat >"$out/nginx/nginx.conf" <<CONF
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log;
worker_processes 2;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $out/nginx/body;
  proxy_temp_path $out/nginx/proxy;
  fastcgi_temp_path $out/nginx/fastcgi;
  uwsgi_temp_path $out/nginx/uwsgi;
  scgi_temp_path $out/nginx/scgi;
  sendfile on;
  open_file_cache max=4096;
  types { image/png png; }
  server {
    listen 127.0.0.1:$nginx_port;
    location /tiles/ { alias $out/dir/; }
  }
}
CONF
nginx -p "$out/nginx" -c "$out/nginx/nginx.conf" -e "$out/nginx/error.log" &
pids+=("$!")
sleep 0.5
curl -sf -o /dev/null "http://127.0.0.1:$nginx_port$(head -1 "$out/paths")"
load nginx "http://127.0.0.1:$nginx_port"
start_serve --cache "$out/dir"
curl -sf -o /dev/null "http://127.0.0.1:$port$(head -1 "$out/paths")"
load serve-dir "http://127.0.0.1:$port"
stop_serve
start_serve --cache "$out/tiles.mbtiles"
load serve-mbtiles "http://127.0.0.1:$port"
stop_serve
read -r nginx_rps nginx_p99 _ <"$out/load-nginx"
for what in nginx serve-dir serve-mbtiles; do
  read -r rps p99 errors <"$out/load-$what"
  awk -v what="$what" -v rps="$rps" -v p99="$p99" -v ref="$nginx_rps" -v errors="$errors" 'BEGIN {
    names["nginx"] = "nginx 1.22, directory"
    names["serve-dir"] = "convoymap serve, --cache DIR"
    names["serve-mbtiles"] = "convoymap serve, --cache FILE.mbtiles"
    printf "  %-38s %9.0f req/s  %5.1f%% of nginx  p99 %6.2f ms %s\n",
           names[what], rps, 100 * rps / ref, p99, errors }'
done

echo "Cold tiles: the same $n_tiles tiles asked of an empty cache, 8 clients at once"
for jobs in 1 2; do
  rm -rf "$out/cold.mbtiles" "$out/cold@2x.mbtiles"
  start_serve --cache "$out/cold.mbtiles" --jobs "$jobs"
  before=$(cpu_ticks "$serve_pid")
  started=$(date +%s%N)
  sed "s|^|http://127.0.0.1:$port|" "$out/paths" | xargs -P 8 -n 1 curl -sf -o /dev/null
  wall=$(( $(date +%s%N) - started ))
  cpu=$(( $(cpu_ticks "$serve_pid") - before ))
  rendered=$(curl -s "http://127.0.0.1:$port/metrics" | awk '$1 == "convoymap_metatiles_rendered_total" { print $2 }')
  stop_serve
  awk -v jobs="$jobs" -v n="$n_tiles" -v wall="$wall" -v cpu="$cpu" -v ticks="$ticks" -v m="$rendered" 'BEGIN {
    printf "  %-38s %6.2f s wall %5.0f tiles/s  %6.2f s CPU %5.0f tiles/CPU-s  (%d metatiles)\n",
           "convoymap serve, --jobs " jobs, wall / 1e9, n / (wall / 1e9), cpu / ticks, n / (cpu / ticks), m }'
done
rm -rf "$out/batch"
/usr/bin/time -f '%e %U %S' -o "$out/time" "$convoymap" tiles --bbox "$bbox" --zoom "$zoom" -o "$out/batch.mbtiles" >/dev/null 2>&1
awk -v n="$n_tiles" '{ printf "  %-38s %6.2f s wall %5.0f tiles/s  %6.2f s CPU %5.0f tiles/CPU-s\n",
  "convoymap tiles, MBTiles, --jobs 1", $1, n / $1, $2 + $3, n / ($2 + $3) }' "$out/time"
if /usr/bin/python3 -c 'import mapnik' 2>/dev/null; then
  "$convoymap" route --format geojson >"$out/route.geojson"
  /usr/bin/python3 - "$out/route.geojson" "$out/sites.geojson" <<'PY'
import json, sys
route = json.load(open(sys.argv[1]))
points = [f['geometry'] for f in route['features'] if f['geometry']['type'] == 'Point']
json.dump({'type': 'FeatureCollection', 'features': [
    {'type': 'Feature', 'properties': {}, 'geometry': p} for p in points]}, open(sys.argv[2], 'w'))
PY
  /usr/bin/time -f '%e %U %S' -o "$out/time" /usr/bin/python3 bench/mapnik-tiles.py "$PWD" \
    "$out/route.geojson" "$out/sites.geojson" "$bbox" "$zoom" "$out/mapnik" >/dev/null
  awk -v n="$n_tiles" -v version="$(/usr/bin/python3 -c 'import mapnik; print(mapnik.mapnik_version())')" '{
    printf "  %-38s %6.2f s wall %5.0f tiles/s  %6.2f s CPU %5.0f tiles/CPU-s\n",
    "Mapnik " version ", directory", $1, n / $1, $2 + $3, n / ($2 + $3) }' "$out/time"
else
  echo "  (python3-mapnik is not installed: no Mapnik reference)"
fi
