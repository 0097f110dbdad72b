#!/usr/bin/env bash
# meson install into a scratch prefix, then the README's C example, taken
# from README.md itself, compiled with the installed pkg-config file and run
# against the installed library and data: what a report generator does. TAP.
set -u
build=$1
# A sanitized library needs a sanitized program: its runtime must load first.
sanitize=()
[ "${2:-none}" != none ] && sanitize=(-fsanitize="$2")
source_root=$(cd "$(dirname "$0")/../.." && pwd)
source "$(dirname "$0")/tap.sh"
# A failed step's diagnostics: the end of its log.
log_tail() { [ -f "$work/log" ] && tail -20 "$work/log"; }

if DESTDIR="$work/root" meson install -C "$build" --no-rebuild >"$work/log" 2>&1; then
  ok "meson install"
else
  not_ok "meson install" "$(log_tail)"
fi
option() { # name: the build's value of a meson option
  meson introspect "$build" --buildoptions | python3 -c "
import json, sys
print(next(o['value'] for o in json.load(sys.stdin) if o['name'] == '$1'))"
}
prefix=$(option prefix)
# A sanitized library needs its runtime loaded first: build the example the
# same way.
sanitize=()
[ "$(option b_sanitize)" != none ] && sanitize=(-fsanitize="$(option b_sanitize)")
root="$work/root$prefix"
pc=$(dirname "$(find "$root" -name convoymap.pc | head -1)")
libdir=$(dirname "$pc")
if [ -f "$root/share/convoymap/geodata/world.gpkg" ] && [ -f "$root/share/convoymap/styles/briefing.ini" ] &&
   [ -f "$root/share/convoymap/geodata/gazetteer.sqlite" ] &&
   [ -f "$root/include/convoymap/convoymap.h" ] && [ -x "$root/bin/convoymap" ]; then
  ok "installed files in place"
else
  not_ok "installed files in place" "$(log_tail)"
fi

# The installed tool finds the installed gazetteer index.
if CONVOYMAP_DATA="$root/share/convoymap" LD_LIBRARY_PATH="$libdir" "$root/bin/convoymap" geocode \
     "Ain al-Asad AB" >"$work/log" 2>&1 && grep -q "Ayn al-Asad Air Base" "$work/log"; then
  ok "installed geocoder reads the installed index"
else
  not_ok "installed geocoder reads the installed index" "$(log_tail)"
fi

# The installed tool loads the installed GDAL module for a route file.
if CONVOYMAP_DATA="$root/share/convoymap" LD_LIBRARY_PATH="$libdir" "$root/bin/convoymap" route \
     --format csv --route-file "$source_root/tests/data/routes/route.gpx" >"$work/log" 2>&1 &&
   grep -q "^route,waypoint,SP,Amman,31.955220,35.945030," "$work/log" &&
   [ -f "$libdir/convoymap/convoymap-ogr.so" ]; then
  ok "installed convoymap reads a GPX route through the installed OGR module"
else
  not_ok "installed convoymap reads a GPX route through the installed OGR module" "$(log_tail)"
fi

# The first C block of README.md.
awk '/^```c$/ { inside = 1; next } /^```$/ && inside { exit } inside' "$source_root/README.md" >"$work/example.c"
if [ -s "$work/example.c" ] &&
   cc -std=c17 -Wall -Wextra -Werror "${sanitize[@]}" "$work/example.c" -o "$work/example" \
     $(PKG_CONFIG_PATH="$pc" PKG_CONFIG_SYSROOT_DIR="$work/root" pkg-config --cflags --libs convoymap) \
     -Wl,-rpath,"$libdir" >"$work/log" 2>&1; then
  ok "README example compiles against the installed library"
else
  not_ok "README example compiles against the installed library" "$(log_tail)"
fi
if (cd "$work" && CONVOYMAP_DATA="$root/share/convoymap" ./example >"$work/log" 2>&1); then
  ok "README example runs"
else
  not_ok "README example runs" "$(log_tail)"
fi
if head -c 8 "$work/briefing.png" 2>/dev/null | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" &&
   grep -q "^svg bytes: [0-9]\+$" "$work/log"; then
  ok "README example wrote a PNG and an SVG in memory"
else
  not_ok "README example wrote a PNG and an SVG in memory" "$(log_tail)"
fi
tap_done
