#!/usr/bin/env bash
# Build hygiene and what a program learns of the build: installed binaries
# name neither the source nor the build directory (the build tree is found
# through $CONVOYMAP_BUILD_DIR, set by the tests and `meson devenv`), the
# data directory is the folder holding geodata/ or geodata/ itself, the
# installed headers stand alone, --version prints the project version,
# setup.sh leaves the user's build options alone, and no stray file is
# tracked. TAP.
# Usage: test-build.sh BUILD_DIR CONVOYMAP PROJECT_VERSION
set -u
build=$1 convoymap=$2 version=$3
source "$(dirname "$0")/tap.sh"
source_root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)

# meson install into a scratch root; every installed binary, library and
# module, debug information included, read as text.
if DESTDIR="$work/root" meson install -C "$build" --no-rebuild >"$work/install.log" 2>&1; then
  ok "meson install"
else
  not_ok "meson install" "$(tail -5 "$work/install.log")"
fi
binaries=$(find "$work/root" -type f \( -name '*.so*' -o -path '*/bin/*' \) | sort)
if [ "$(wc -l <<<"$binaries")" -ge 4 ]; then
  ok "installed the program, the library and two modules"
else
  not_ok "installed the program, the library and two modules" "$binaries"
fi
for what in "source:$source_root" "build:$build"; do
  dir=${what#*:}
  found=$(while read -r binary; do
            strings -a "$binary" | grep -qF "$dir" && echo "$binary"
          done <<<"$binaries")
  if [ -z "$found" ]; then
    ok "no installed binary names the ${what%%:*} directory"
  else
    not_ok "no installed binary names the ${what%%:*} directory ($dir)" $found
  fi
done

# The installed headers: each compiles on its own, and their prose names
# neither the source tree nor a program's exit codes.
headers=$(find "$work/root" -path '*/include/convoymap/*.h' | sort)
include_root=$(dirname "$(dirname "$(head -1 <<<"$headers")")")
if [ "$(wc -l <<<"$headers")" -ge 16 ] && [ -f "$include_root/convoymap/version.h" ] &&
   [ -f "$include_root/convoymap/bbox.h" ] && [ -z "$(find "$work/root" -name '*.in' -o -name meson.build)" ]; then
  ok "installed $(wc -l <<<"$headers") headers, version.h and bbox.h among them, no build files"
else
  not_ok "installed the headers, version.h and bbox.h among them, no build files" "$headers"
fi
alone=""
for header in $headers; do
  printf '#include <convoymap/%s>\n' "$(basename "$header")" >"$work/alone.c"
  cc -std=c17 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$include_root" "$work/alone.c" \
    >"$work/alone.log" 2>&1 || alone="$alone $(basename "$header")"
done
if [ -z "$alone" ]; then
  ok "every installed header compiles on its own with -Wpedantic"
else
  not_ok "every installed header compiles on its own with -Wpedantic" "failed:$alone"
fi
if ! grep -n 'src/\|exit code\|exit status' $headers >"$work/prose" 2>&1; then
  ok "installed headers name no src/ path and no exit code"
else
  not_ok "installed headers name no src/ path and no exit code" "$(cat "$work/prose")"
fi

# The build tree's program finds its modules and index through the
# environment alone.
# A data directory with the index in it, as installed: the index is found
# there, the drawing module is not.
mkdir -p "$work/data/geodata"
ln -s "$source_root/styles" "$work/data/styles"
ln -s "$source_root"/geodata/* "$work/data/geodata/"
ln -s "$build/gazetteer.sqlite" "$work/data/geodata/gazetteer.sqlite"
env -u CONVOYMAP_BUILD_DIR CONVOYMAP_DATA="$work/data" "$convoymap" render --size 300x200 \
  -o "$work/nomodule.png" >"$work/stdout" 2>"$work/stderr"
code=$?
if [ "$code" -eq 1 ] && grep -qF "cannot load the drawing module" "$work/stderr" &&
   grep -qF "set CONVOYMAP_BUILD_DIR" "$work/stderr" && [ ! -e "$work/nomodule.png" ]; then
  ok "without CONVOYMAP_BUILD_DIR the build tree's render fails saying what finds the module"
else
  not_ok "without CONVOYMAP_BUILD_DIR the build tree's render fails saying what finds the module" \
    "exit $code" "$(cat "$work/stderr")"
fi
env -u CONVOYMAP_BUILD_DIR "$convoymap" geocode Baghdad >"$work/stdout" 2>"$work/stderr"
code=$?
if [ "$code" -eq 1 ] && grep -qF "gazetteer index $source_root/geodata/gazetteer.sqlite is missing" "$work/stderr" &&
   grep -qF "which sets CONVOYMAP_DATA and CONVOYMAP_BUILD_DIR" "$work/stderr"; then
  ok "without CONVOYMAP_BUILD_DIR the build tree's geocoder fails saying what finds the index"
else
  not_ok "without CONVOYMAP_BUILD_DIR the build tree's geocoder fails saying what finds the index" \
    "exit $code" "$(cat "$work/stderr")"
fi
run render --bbox 38,29,48,37 --size 300x200 -o "$work/module.png"
if [ "$code" -eq 0 ] && [ -s "$work/module.png" ]; then
  ok "with CONVOYMAP_BUILD_DIR the build tree's render loads the module"
else
  not_ok "with CONVOYMAP_BUILD_DIR the build tree's render loads the module" "$(cat "$work/stderr")"
fi

# Without either variable the build tree's program knows no data directory
# (none is compiled in but the installed one) and says what to do.
installed_data=$(strings -a "$convoymap" "$build"/src/libconvoymap.so* 2>/dev/null |
  grep -m1 '/share/convoymap$')
if [ -n "$installed_data" ] && [ -f "$installed_data/geodata/world.gpkg" ]; then
  skip "without CONVOYMAP_DATA the build tree's program names meson devenv" "data installed in $installed_data"
else
  env -u CONVOYMAP_DATA -u CONVOYMAP_BUILD_DIR "$convoymap" geocode Baghdad >"$work/stdout" 2>"$work/stderr"
  code=$?
  if [ "$code" -eq 1 ] && grep -qF "no convoymap data found in $installed_data; set CONVOYMAP_DATA (from a build tree, run through \`meson devenv\`)" "$work/stderr"; then
    ok "without CONVOYMAP_DATA the build tree's program names meson devenv"
  else
    not_ok "without CONVOYMAP_DATA the build tree's program names meson devenv" "exit $code" "$(cat "$work/stderr")"
  fi
fi
# meson devenv sets both, and puts the program on PATH.
(cd "$work" && env -u CONVOYMAP_DATA -u CONVOYMAP_BUILD_DIR meson devenv -C "$build" \
   convoymap geocode "Ayn al-Asad") >"$work/stdout" 2>"$work/stderr"
code=$?
if [ "$code" -eq 0 ] && grep -q "Ayn al-Asad Air Base" "$work/stdout"; then
  ok "under meson devenv the build tree's convoymap finds its data and index"
else
  not_ok "under meson devenv the build tree's convoymap finds its data and index" "exit $code" "$(cat "$work/stderr")"
fi

# --data: the folder holding geodata/, or geodata/ itself; anything else is
# named with what it lacks.
run geocode --data "$source_root/geodata" "Ayn al-Asad"
if [ "$code" -eq 0 ] && grep -q "Ayn al-Asad Air Base" "$work/stdout"; then
  ok "--data accepts the geodata folder itself"
else
  not_ok "--data accepts the geodata folder itself" "exit $code" "$(cat "$work/stderr")"
fi
run render --data "$source_root/geodata/" --size 300x200 -o "$work/geodata.png"
if [ "$code" -eq 0 ] && [ -s "$work/geodata.png" ]; then
  ok "--data GEODATA/ (trailing slash) finds the styles beside it"
else
  not_ok "--data GEODATA/ (trailing slash) finds the styles beside it" "exit $code" "$(cat "$work/stderr")"
fi
CONVOYMAP_DATA="$source_root/geodata" "$convoymap" geocode "Ayn al-Asad" >"$work/stdout" 2>"$work/stderr"
code=$?
if [ "$code" -eq 0 ] && grep -q "Ayn al-Asad Air Base" "$work/stdout"; then
  ok "CONVOYMAP_DATA may name the geodata folder too"
else
  not_ok "CONVOYMAP_DATA may name the geodata folder too" "exit $code" "$(cat "$work/stderr")"
fi
mkdir -p "$work/empty/geodata"
expect_error "--data without the data names the folder and the missing file" 1 \
  "data directory '$work/empty' has no geodata/world.gpkg (give the folder that holds geodata/" \
  geocode --data "$work/empty" Baghdad
expect_error "--data an empty geodata folder names it too" 1 \
  "data directory '$work/empty/geodata' has no geodata/world.gpkg" \
  geocode --data "$work/empty/geodata" Baghdad

run --version
if [ "$code" -eq 0 ] && [ "$(cat "$work/stdout")" = "convoymap $version" ]; then
  ok "--version prints the project version ($version)"
else
  not_ok "--version prints the project version ($version)" "$(cat "$work/stdout" "$work/stderr")"
fi

# setup.sh leaves a build directory it did not create as its owner set it:
# it is run in a copy of the tree with meson, ninja, dpkg-query and the
# steps after the build standing in, which log how they were called.
fake=$work/setup
mkdir -p "$fake/bin" "$fake/tests/fuzz" "$fake/build/src/cli" "$fake/build-asan" "$fake/build-clang"
cp "$source_root/setup.sh" "$fake/"
for tool in meson ninja; do
  printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\n' "$tool" "$fake" >"$fake/bin/$tool"
done
printf '#!/bin/sh\nprintf "install ok installed"\n' >"$fake/bin/dpkg-query"
printf '#!/bin/sh\necho "render $*" >>"%s/calls"\n' "$fake" >"$fake/build/src/cli/convoymap"
printf '#!/bin/sh\necho "1..0"\n' >"$fake/tests/fuzz/run.sh"
printf 'print("0 passed, 0 failed")\n' >"$fake/tests/summary.py"
chmod +x "$fake"/bin/* "$fake/build/src/cli/convoymap" "$fake/tests/fuzz/run.sh"
touch "$fake/build/build.ninja" "$fake/build-asan/build.ninja" "$fake/build-clang/build.ninja"
for mode in map test; do
  label="./setup.sh$([ "$mode" = test ] && echo " test")"
  : >"$fake/calls"
  if PATH="$fake/bin:$PATH" bash "$fake/setup.sh" $([ "$mode" = test ] && echo test) >"$work/setup.log" 2>&1 &&
     ! grep -q "^meson \(configure\|setup\)" "$fake/calls" && grep -q "^ninja -C build$" "$fake/calls"; then
    ok "$label builds an existing build/ without reconfiguring it"
  else
    not_ok "$label builds an existing build/ without reconfiguring it" "$(cat "$fake/calls" "$work/setup.log")"
  fi
done
rm -rf "$fake/build" "$fake/build-asan" "$fake/build-clang"
: >"$fake/calls"
PATH="$fake/bin:$PATH" bash "$fake/setup.sh" test >"$work/setup.log" 2>&1
if grep -q "^meson setup build --buildtype=debugoptimized -Dwerror=true$" "$fake/calls" &&
   grep -q "^meson setup build-asan .*-Dwerror=true$" "$fake/calls" &&
   grep -q "^meson setup build-clang -Dwerror=true$" "$fake/calls" && ! grep -q "^meson configure" "$fake/calls"; then
  ok "./setup.sh test creates its build directories with -Dwerror=true"
else
  not_ok "./setup.sh test creates its build directories with -Dwerror=true" "$(cat "$fake/calls" "$work/setup.log")"
fi

# Files that tools write while they run are not part of the source.
if git -C "$source_root" rev-parse --git-dir >/dev/null 2>&1; then
  stray=$(git -C "$source_root" ls-files -- gmt.history 'bench/peers/*.png')
  if [ -z "$stray" ]; then
    ok "no tracked gmt.history or benchmark images"
  else
    not_ok "no tracked gmt.history or benchmark images" $stray
  fi
else
  skip "no tracked gmt.history or benchmark images" "not a git checkout"
fi
tap_done
