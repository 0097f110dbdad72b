#!/usr/bin/env bash
# Start-up opens only what a command needs: GDAL (a hundred libraries, tens
# of milliseconds of dynamic linking) is not linked into convoymap or
# libconvoymap and is loaded, through convoymap-ogr.so, only by commands
# that read or write the user's vector files. TAP.
# Usage: test-startup.sh CONVOYMAP LIBCONVOYMAP OGR_MODULE
set -u
convoymap=$1 library=$2 module=$3
source "$(dirname "$0")/tap.sh"
routes=$(dirname "$0")/data/routes

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
for binary in "$convoymap" "$library"; do
  if needed "$binary" | grep -q '^libgdal'; then
    not_ok "$(basename "$binary") does not link GDAL" "$(needed "$binary" | tr '\n' ' ')"
  else
    ok "$(basename "$binary") does not link GDAL"
  fi
done
check "the OGR module links GDAL" bash -c "readelf -d '$module' | grep NEEDED | grep -q libgdal"

# loads ARGS...: the shared objects the dynamic loader opens for a command.
loads() { LD_DEBUG=files "$convoymap" "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\) .*/\1/p' | sort -u; }
for command in "geocode Ayn al-Asad" "route --from Amman --via Trebil --to Ayn_al-Asad" \
               "render --from Amman --to Trebil --size 300x200 -o $work/x.png"; do
  # shellcheck disable=SC2086
  set -- $command
  args=("${@//_/ }")
  loaded=$(loads "${args[@]}")
  if [ -n "$loaded" ] && ! grep -q 'libgdal\|convoymap-ogr' <<<"$loaded"; then
    ok "convoymap $1 loads neither GDAL nor the OGR module"
  else
    not_ok "convoymap $1 loads neither GDAL nor the OGR module" "$(grep 'gdal\|ogr' <<<"$loaded")"
  fi
done

# A GPX route reads through the module, which brings GDAL in.
run route --format csv --route-file "$routes/route.gpx"
if [ "$code" -eq 0 ] && grep -q '^route,waypoint,SP,Amman,31.955220,35.945030,1,0.000,' "$work/stdout" &&
   grep -q '^route,crossing,CRIT,.*,JOR,IRQ$' "$work/stdout"; then
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
run geocode "Ayn al-Asad"
if [ "$code" -eq 0 ] && grep -q "Ayn al-Asad Air Base" "$work/stdout"; then
  ok "without the OGR module, the geocoder still works"
else
  not_ok "without the OGR module, the geocoder still works" "exit $code" "$(cat "$work/stderr")"
fi
tap_done
