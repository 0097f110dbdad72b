#!/usr/bin/env bash
# Golden images of the reference briefing map: each shipped style as PNG,
# the default style as SVG (rasterised by rsvg-convert) and PDF
# (rasterised by pdftoppm), and the default style with --labels both
# (English and Arabic names: catches a broken shaping, direction or font), compared by golden-compare, which tolerates
# anti-aliasing and hinting but not a moved label or a wrong colour; and
# Monaco with the roads layer (--roads). TAP.
# After a deliberate change of the drawing, regenerate the goldens with
#   tests/cli/test-golden.sh build/src/cli/convoymap build/tests/cli/golden-compare --update
# and look at every image in tests/cli/golden/ before committing them.
set -u
convoymap=$1
compare=$2
update=${3:-}
golden=$(cd "$(dirname "$0")" && pwd)/golden
. "$(dirname "$0")/tap.sh"

# case name, then how to make its PNG in $work/NAME.png
make_case() {
  local name=$1 style=$2 format=$3 labels=$4
  "$convoymap" render --style "$style" --labels "$labels" --size 800x600 \
    -o "$work/$name.$format" >/dev/null || return 1
  case $format in
    png) ;;
    svg) rsvg-convert "$work/$name.svg" -o "$work/$name.png" ;;
    pdf) pdftoppm -r 72 -png -singlefile "$work/$name.pdf" "$work/$name" ;;
  esac
}

for spec in briefing:briefing:png night:night:png grayscale:grayscale:png \
            colorblind:colorblind:png briefing-svg:briefing:svg briefing-pdf:briefing:pdf \
            briefing-both:briefing:png:both; do
  IFS=: read -r name style format labels <<<"$spec"
  if ! make_case "$name" "$style" "$format" "${labels:-en}"; then
    not_ok "$name renders"; continue
  fi
  if [ "$update" = --update ]; then
    cp "$work/$name.png" "$golden/$name.png"
    ok "$name golden updated"
  elif result=$("$compare" "$golden/$name.png" "$work/$name.png"); then
    ok "$name matches its golden image ($result)"
  else
    not_ok "$name differs from its golden image: $result"
  fi
done
# Monaco with the roads layer and a route on the roads, from a database
# imported from the real extract (skipped without it, failed under CI).
extract=$(dirname "$0")/../../../shared/data/monaco.osm.pbf
if [ ! -f "$extract" ]; then
  if [ "${CI:-}" = true ]; then not_ok "monaco-roads: missing $extract"; else
    skip "monaco-roads matches its golden image" "no $extract"; fi
elif ! "$convoymap" roads import "$extract" -o "$work/monaco.roads" >/dev/null 2>&1 ||
     ! "$convoymap" render --roads "$work/monaco.roads" --bbox 7.40,43.72,7.45,43.76 \
       --from 43.7384,7.4246 --to 43.7311,7.4197 --size 800x600 \
       -o "$work/monaco-roads.png" >/dev/null; then
  not_ok "monaco-roads renders"
elif [ "$update" = --update ]; then
  cp "$work/monaco-roads.png" "$golden/monaco-roads.png"
  ok "monaco-roads golden updated"
elif result=$("$compare" "$golden/monaco-roads.png" "$work/monaco-roads.png"); then
  ok "monaco-roads matches its golden image ($result)"
else
  not_ok "monaco-roads differs from its golden image: $result"
fi
# The comparison must be able to fail: another route colour is caught.
printf '[style]\ninherits=briefing\n[route]\ncolor=#1f18c0\n' >"$work/blue.ini"
"$convoymap" render --style "$work/blue.ini" --size 800x600 -o "$work/blue.png" >/dev/null
if result=$("$compare" "$golden/briefing.png" "$work/blue.png"); then
  not_ok "a blue route passed as the golden red one ($result)"
else
  ok "a blue route does not pass for the golden red one ($result)"
fi
tap_done
