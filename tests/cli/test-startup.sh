#!/usr/bin/env bash
# Start-up opens only what a command needs: GDAL (a hundred libraries, tens
# of milliseconds of dynamic linking) is not linked into convoymap or
# libconvoymap and is loaded, through convoymap-ogr.so, only by commands
# that read or write the user's vector files; Cairo and Pango come only with
# convoymap-render.so, which only drawing loads. TAP.
# Usage: test-startup.sh CONVOYMAP LIBCONVOYMAP OGR_MODULE RENDER_MODULE INCLUDE_DIR
set -u
convoymap=$1 library=$2 module=$3 render_module=$4 include_dir=$5
source "$(dirname "$0")/tap.sh"
routes=$(dirname "$0")/../data/routes

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
# links_none WHAT PATTERN: neither binary links a library matching PATTERN.
links_none() {
  for binary in "$convoymap" "$library"; do
    if needed "$binary" | grep -q "$2"; then
      not_ok "$(basename "$binary") links neither $1" "$(needed "$binary" | tr '\n' ' ')"
    else
      ok "$(basename "$binary") links neither $1"
    fi
  done
}
links_none "GDAL nor OGR" '^libgdal'
check "the OGR module links GDAL" bash -c "readelf -d '$module' | grep NEEDED | grep -q libgdal"
links_none "Cairo nor Pango" '^libcairo\|^libpango'

# Every drawing function of the API is in the library (forwarding to the
# module), and the module exports its entry point alone, so that its own
# calls between its functions never bind to the library's forwarders.
api=$(sed -n 's/^CM_API .*[ *]\(cm_[a-z0-9_]*\)(.*/\1/p' "$include_dir/map.h" "$include_dir/tiles.h" | sort -u)
exported=$(nm -D --defined-only "$library" | awk '{ print $3 }' | sort -u)
missing=$(comm -23 <(echo "$api") <(echo "$exported"))
if [ "$(wc -l <<<"$api")" -ge 60 ] && [ -z "$missing" ]; then
  ok "libconvoymap exports all $(wc -l <<<"$api") functions of map.h and tiles.h"
else
  not_ok "libconvoymap exports all functions of map.h and tiles.h" "missing: $missing"
fi
module_exports=$(nm -D --defined-only "$render_module" | awk '{ print $3 }')
if [ "$module_exports" = cm_render_module_api ]; then
  ok "the drawing module exports only its entry point"
else
  not_ok "the drawing module exports only its entry point" "$module_exports"
fi

# loads ARGS...: the shared objects the dynamic loader opens for a command.
loads() { LD_DEBUG=files "$convoymap" "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\) .*/\1/p' | sort -u; }
# loads_none WHAT PATTERN WORD...: the command (an _ in a word is a space)
# loads nothing whose path matches PATTERN.
loads_none() {
  local what=$1 pattern=$2; shift 2
  local loaded; loaded=$(loads "${@//_/ }")
  if [ -n "$loaded" ] && ! grep -q "$pattern" <<<"$loaded"; then
    ok "convoymap ${*:1:2} loads neither $what"
  else
    not_ok "convoymap ${*:1:2} loads neither $what" "$(grep "$pattern" <<<"$loaded")"
  fi
}
for command in "geocode Ayn_al-Asad" "geocode --reverse 33.1,40.2" \
               "route --from Amman --via Trebil --to Ayn_al-Asad"; do
  # shellcheck disable=SC2086
  loads_none "Cairo, Pango nor the drawing module" 'libcairo\|libpango\|convoymap-render' $command
done
for command in "render --size 300x200 -o $work/x.png" "tile 3 4 3 -o $work/t.png"; do
  # shellcheck disable=SC2086
  if loads $command | grep -q 'convoymap-render.so'; then
    ok "convoymap ${command%% *} loads the drawing module"
  else
    not_ok "convoymap ${command%% *} loads the drawing module"
  fi
done
for command in "geocode Ayn_al-Asad" "route --from Amman --via Trebil --to Ayn_al-Asad" \
               "render --from Amman --to Trebil --size 300x200 -o $work/x.png"; do
  # shellcheck disable=SC2086
  loads_none "GDAL nor the OGR module" 'libgdal\|convoymap-ogr' $command
done

# PROJ strings (MGRS's UTM, the automatic projections, Web Mercator) need no
# proj.db, which PROJ 9.1 would open and prepare for 5 ms; EPSG codes do.
# Successful opens only (-z): with several threads strace splits a call
# into "unfinished" and "resumed" lines, which a grep for ENOENT misses.
proj_db_opened() { strace -f -z -e trace=openat "$convoymap" "$@" 2>&1 >/dev/null | grep -c 'proj\.db'; }
if command -v strace >/dev/null; then
  for command in "geocode 38SKC6307841327" "render --size 300x200 -o $work/p.png" "tile 5 19 12 -o $work/p5.png"; do
    # shellcheck disable=SC2086
    opened=$(proj_db_opened $command)
    if [ "$opened" -eq 0 ]; then
      ok "convoymap ${command%% *} does not open proj.db"
    else
      not_ok "convoymap ${command%% *} does not open proj.db" "opened $opened times"
    fi
  done
  # shellcheck disable=SC2086
  if [ "$(proj_db_opened render --crs EPSG:32638 --size 300x200 -o $work/p.png)" -gt 0 ]; then
    ok "convoymap render --crs EPSG:32638 reads the code from proj.db"
  else
    not_ok "convoymap render --crs EPSG:32638 reads the code from proj.db"
  fi
else
  skip "proj.db checks" "no strace"
fi

# A GPX route reads through the module, which brings GDAL in.
run route --format csv --route-file "$routes/route.gpx"
if [ "$code" -eq 0 ] && grep -q '^route,waypoint,SP,Amman,31.955220,35.945030,1,0.000,' "$work/stdout" &&
   grep -q '^route,crossing,CRIT,.*,JOR,IRQ,قرب طريبيل$' "$work/stdout"; then
  ok "a GPX route file reads through the OGR module"
else
  not_ok "a GPX route file reads through the OGR module" "exit $code" "$(head -5 "$work/stdout" "$work/stderr")"
fi
if loads route --route-file "$routes/route.gpx" | grep -q 'convoymap-ogr.so'; then
  ok "reading a route file loads the OGR module"
else
  not_ok "reading a route file loads the OGR module"
fi

# A copy of the program and library without the module beside them: the
# commands that need it fail in one line naming where it was looked for;
# the others still work.
mkdir "$work/bare"
cp "$convoymap" "$work/bare/convoymap"
cp -L "$library" "$work/bare/$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
convoymap="$work/bare/convoymap"
export LD_LIBRARY_PATH="$work/bare"
expect_error "without the OGR module, a route file fails naming the module" 1 \
  "$work/bare/convoymap/convoymap-ogr.so" route --route-file "$routes/route.gpx"
expect_error "without the drawing module, render fails naming the module" 1 \
  "cannot load the drawing module $work/bare/convoymap/convoymap-render.so" \
  render -o "$work/bare.png"
if [ -e "$work/bare.png" ]; then
  not_ok "without the drawing module, render leaves no file"
else
  ok "without the drawing module, render leaves no file"
fi
expect_error "without the drawing module, tiles fail naming the module" 1 \
  "$work/bare/convoymap/convoymap-render.so" tile 3 4 3 -o "$work/bare-tile.png"
run geocode "Ayn al-Asad"
if [ "$code" -eq 0 ] && grep -q "Ayn al-Asad Air Base" "$work/stdout"; then
  ok "without the OGR module, the geocoder still works"
else
  not_ok "without the OGR module, the geocoder still works" "exit $code" "$(cat "$work/stderr")"
fi
tap_done
