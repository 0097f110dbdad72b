#!/usr/bin/env bash
# Runs the catalogue of bad input (tests/cli/bad-input.tsv) against the CLI, as
# TAP. Each case must end within a minute with the expected exit status and
# one line on stderr (plus GOption's "Try ..." hint for usage errors) holding
# the expected fragment, no sanitizer report, and an output directory left as
# it was: no file, no temporary file.
set -u
convoymap=$1
catalogue=${2:-$(dirname "$0")/bad-input.tsv}
index=$3       # the gazetteer index the build compiled
build_index=$4 # the tool that compiles it, for broken sites.csv files
src=$(cd "$(dirname "$0")/../.." && pwd)
data=${CONVOYMAP_DATA:-$src}
source "$(dirname "$0")/tap.sh"
full=""
immutable=""
# What tap.sh must undo before it removes $work: a file made immutable and
# the full file system mounted in it.
tap_cleanup() {
  [ -n "$immutable" ] && chattr -i "$immutable" 2>/dev/null
  [ -n "$full" ] && umount "$full" 2>/dev/null
}

# Broken data directories: copies of the real one with one thing wrong. The
# basemap is linked, not copied, where it is not the broken part.
make_data() { # name: a data directory with the real files
  local dir=$work/data/$1
  mkdir -p "$dir/geodata"
  cp -r "$data/styles" "$dir/"
  ln -s "$index" "$dir/geodata/gazetteer.sqlite"
  ln -s "$data/geodata/world.gpkg" "$dir/geodata/world.gpkg"
  echo "$dir"
}
d=$(make_data no-basemap); rm "$d/geodata/world.gpkg"
d=$(make_data truncated-basemap); rm "$d/geodata/world.gpkg"
head -c 200000 "$data/geodata/world.gpkg" >"$d/geodata/world.gpkg"
d=$(make_data half-basemap); rm "$d/geodata/world.gpkg"
head -c "$(($(stat -c %s "$data/geodata/world.gpkg") / 2))" "$data/geodata/world.gpkg" >"$d/geodata/world.gpkg"
d=$(make_data garbage-basemap); rm "$d/geodata/world.gpkg"
yes 'not a GeoPackage' | head -c 100000 >"$d/geodata/world.gpkg"
d=$(make_data empty-basemap); rm "$d/geodata/world.gpkg"; : >"$d/geodata/world.gpkg"
d=$(make_data no-index); rm "$d/geodata/gazetteer.sqlite"
d=$(make_data garbage-index); rm "$d/geodata/gazetteer.sqlite"
yes 'not an index' | head -c 100000 >"$d/geodata/gazetteer.sqlite"
d=$(make_data empty-index); rm "$d/geodata/gazetteer.sqlite"; : >"$d/geodata/gazetteer.sqlite"
d=$(make_data no-style); rm -r "$d/styles"
d=$(make_data style-bad-colour); sed -i '0,/^color *=.*/s//color = blue/' "$d/styles/briefing.ini"
d=$(make_data style-no-key); sed -i '/^\[marker\]/,/^\[/{/^radius/d}' "$d/styles/briefing.ini"
d=$(make_data style-long-dash); sed -i '0,/^dash *=.*/s//dash = 1;2;3;4;5/' "$d/styles/briefing.ini"
d=$(make_data style-huge-width); sed -i '0,/^width *=.*/s//width = 1e9/' "$d/styles/briefing.ini"
d=$(make_data style-garbage); head -c 3000 /bin/sh >"$d/styles/briefing.ini"
d=$(make_data style-bad-places); sed -i 's/^min-population *=.*/min-population = 5:10;3:5/' "$d/styles/briefing.ini"
# (make_data leaves out the Arabic country names, read only for --labels ar|both.)
d=$(make_data no-country-names)
d=$(make_data bad-country-names)
printf 'iso3\tname\tname_ar\nIRQ\tIraq\n' >"$d/geodata/countries-ar.tsv"

# Broken route files.
routes=$work/routes
mkdir -p "$routes"
mkfifo "$routes/fifo.csv"
: >"$routes/empty.geojson"
printf '{"type": "Feature' >"$routes/truncated.geojson"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[1,2]}}]}' >"$routes/one-point.geojson"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[1e308,1e308]}},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}' >"$routes/huge.geojson"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2],[1,200],[3,4]]}}]}' >"$routes/bad-track.geojson"
printf '<?xml version="1.0"?><gpx version="1.1" creator="t"><trk><trkseg><trkpt lat="1" lon="2">' >"$routes/truncated.gpx"
printf '<?xml version="1.0"?><gpx version="1.1" creator="t"></gpx>' >"$routes/empty.gpx"
printf '<?xml version="1.0"?><gpx version="1.1" creator="t"><wpt lat="91" lon="2"/><wpt lat="1" lon="2"/></gpx>' >"$routes/range.gpx"
printf '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><Point><coordinates>1,2' >"$routes/truncated.kml"
printf 'name,lat,lon\n' >"$routes/header.csv"
printf 'name,lat,lon\nA,95,1\nB,1,2\n' >"$routes/range.csv"
printf 'name,lat,lon\nA,north,east\nB,1,2\n' >"$routes/words.csv"
printf 'name,lat,lon,name_ar\nX,33,40,\377\n' >"$routes/bad-arabic.csv"

# A full disk and an immutable directory need root and a willing kernel.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$work/full" && mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
  full=$work/full
fi
mkdir -p "$work/immutable"
if chattr +i "$work/immutable" 2>/dev/null && ! touch "$work/immutable/probe" 2>/dev/null; then
  immutable=$work/immutable
else
  chattr -i "$work/immutable" 2>/dev/null
fi

long=$(head -c 102400 /dev/zero | tr '\0' A)
expand() { # text: the text with the placeholders replaced
  local a=$1
  a=${a//@OUT@/$out}; a=${a//@DATA@/$work/data}; a=${a//@ROUTES@/$routes}
  a=${a//@SRC@/$src}; a=${a//@FULL@/$full}; a=${a//@IMMUTABLE@/$immutable}
  a=${a//@LONG@/$long}; a=${a//@CTRL@/$'\x01'}; a=${a//@ESC@/$'\x1b'}
  a=${a//@NL@/$'\n'}; a=${a//@FF@/$'\xff'}
  printf '%s' "$a"
}

case_number=0
while IFS= read -r line; do
  case $line in '#'* | '') continue ;; esac
  case_number=$((case_number + 1))
  # Split on tabs by hand: read -a would merge the empty arguments.
  fields=()
  rest=$line
  while [[ $rest == *$'\t'* ]]; do fields+=("${rest%%$'\t'*}"); rest=${rest#*$'\t'}; done
  fields+=("$rest")
  name=${fields[0]} expected=${fields[1]}
  if [[ $line == *@FULL@* && -z $full ]]; then skip "$name" "no tmpfs can be mounted here"; continue; fi
  if [[ $line == *@IMMUTABLE@* && -z $immutable ]]; then skip "$name" "chattr +i is not possible here"; continue; fi
  out=$work/out/$case_number
  mkdir -p "$out/dir.png"
  : >"$out/file"
  fragment=$(expand "${fields[2]}")
  args=()
  for a in "${fields[@]:3}"; do args+=("$(expand "$a")"); done
  before=$(cd "$out" && find . | sort)
  [ -n "$full" ] && before_full=$(ls -A "$full")
  [ -n "$immutable" ] && before_immutable=$(ls -A "$immutable")
  timeout 60 "$convoymap" "${args[@]}" >"$work/stdout" 2>"$work/stderr" </dev/null
  code=$?
  after=$(cd "$out" && find . | sort)
  problems=()
  [ "$code" -eq "$expected" ] || problems+=("exit $code, expected $expected")
  [ "$code" -eq 124 ] && problems+=("timed out")
  if [ -n "$fragment" ] && ! grep -qF -- "$fragment" "$work/stderr"; then
    problems+=("stderr lacks: $fragment")
  fi
  lines=$(grep -vc "^Try 'convoymap" "$work/stderr")
  if [ "$expected" -ne 0 ] && [ "$lines" -ne 1 ]; then problems+=("$lines lines on stderr"); fi
  grep -qE 'Sanitizer|runtime error|ERROR [0-9]+:' "$work/stderr" && problems+=("diagnostics on stderr")
  if [ "$expected" -eq 0 ]; then
    # An edge case that works may add its one output file, nothing else.
    added=$(comm -13 <(echo "$before") <(echo "$after"))
    [ "$(echo "$added" | grep -c .)" -le 1 ] || problems+=("left behind: $added")
    echo "$added" | grep -qE '\.tmp$|\.[A-Za-z0-9]{6}$' && problems+=("temporary file left: $added")
  elif [ "$before" != "$after" ]; then
    problems+=("left behind: $(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')")
  fi
  [ -n "$full" ] && [ "$(ls -A "$full")" != "$before_full" ] && problems+=("left files on the full disk")
  [ -n "$immutable" ] && [ "$(ls -A "$immutable")" != "$before_immutable" ] && problems+=("left files in the immutable directory")
  if [ ${#problems[@]} -eq 0 ]; then
    ok "$name (exit $code)"
  else
    not_ok "$name" "${problems[@]}" "stderr: $(head -c 600 "$work/stderr")"
  fi
done <"$catalogue"

# sites.csv is compiled into the index at build time: a broken row must
# stop the build with the file, line and reason, and leave no index.
mkdir -p "$work/sites"
# The other sources of the index, empty but for their headers.
printf 'geonameid\tname\tascii_name\talternate_names\tlat\tlon\tcountry\tadmin1\tfeature_code\tpopulation\n' >"$work/sites/empty.tsv"
printf 'iso3\tiso2\tname\talternate_names\tlat\tlon\tsource\n' >"$work/sites/countries.tsv"
printf 'country\tcode\tname\talternate_names\tlat\tlon\tsource\n' >"$work/sites/admin1.tsv"
printf 'name\tkind\talternate_names\tlat\tlon\tpoints\tsource\n' >"$work/sites/waters.tsv"
printf 'ident\tiata\tname\tkind\tcountry\tlat\tlon\tmunicipality\tkeywords\tsource\n' >"$work/sites/airports.tsv"
printf 'geonameid\tnames\tsource\n' >"$work/sites/exonyms.tsv"
# Builds the index from sites.csv and the files of $work/sites (one may be
# given in another's place: --countries FILE ...).
build_sites_index() {
  local -A file=([countries]=countries.tsv [admin1]=admin1.tsv [waters]=waters.tsv
                 [airports]=airports.tsv [exonyms]=exonyms.tsv [gazetteer]=empty.tsv)
  while [ $# -gt 0 ]; do file[${1#--}]=$2; shift 2; done
  local args=() option
  for option in countries admin1 waters airports exonyms gazetteer; do
    args+=(--$option "$work/sites/${file[$option]}")
  done
  "$build_index" "$work/sites/out.sqlite" --sites "$work/sites/sites.csv" "${args[@]}"
}
header='name,aliases,kind,country,lat,lon,source'
while IFS='|' read -r name fragment body; do
  printf '%s\n%b' "$header" "$body" >"$work/sites/sites.csv"
  rm -f "$work/sites/out.sqlite"
  build_sites_index >/dev/null 2>"$work/stderr"
  code=$?
  if [ "$code" -ne 0 ] && grep -qF -- "$fragment" "$work/stderr" &&
     [ ! -e "$work/sites/out.sqlite" ] && [ ! -e "$work/sites/out.sqlite.partial" ]; then
    ok "sites.csv $name stops the index build"
  else
    not_ok "sites.csv $name stops the index build" "exit $code" "stderr: $(cat "$work/stderr")"
  fi
done <<'CASES'
latitude not a number|sites.csv line 3: '3x.5' is not a number|Amman,,city,JOR,31.9,35.9,x\nNowhere,,town,JOR,3x.5,38.2,x\n
latitude out of range|sites.csv line 2: bad name, coordinate or country|Amman,,city,JOR,131.9,35.9,x\n
row without a name|sites.csv line 2: bad name, coordinate or country|,,city,JOR,31.9,35.9,x\n
row without a source|sites.csv line 2: no kind or source|Amman,,city,JOR,31.9,35.9,\n
misspelt kind|sites.csv line 2: unknown kind 'airbse'|Al Asad,,airbse,IRQ,33.8,42.4,x\n
CASES
printf 'name,lat\nAmman,31.9\n' >"$work/sites/sites.csv"
if ! build_sites_index 2>"$work/stderr" && grep -qF "has no column 'aliases'" "$work/stderr"; then
  ok "sites.csv without columns stops the index build"
else
  not_ok "sites.csv without columns stops the index build" "stderr: $(cat "$work/stderr")"
fi

# The other sources: a broken row stops the build with the file and line.
printf '%s\nAmman,,city,JOR,31.9,35.9,x\n' "$header" >"$work/sites/sites.csv"
while IFS='|' read -r name option fragment body; do
  printf '%b' "$body" >"$work/sites/broken.tsv"
  rm -f "$work/sites/out.sqlite"
  if ! build_sites_index "--$option" broken.tsv >/dev/null 2>"$work/stderr" &&
     grep -qF -- "$fragment" "$work/stderr" && [ ! -e "$work/sites/out.sqlite" ]; then
    ok "$name stops the index build"
  else
    not_ok "$name stops the index build" "stderr: $(cat "$work/stderr")"
  fi
done <<'CASES'
countries.tsv with another header|countries|broken.tsv: unexpected header|iso3\tname\nIRQ\tIraq\n
countries.tsv with a short row|countries|broken.tsv line 2: expected 7 columns|iso3\tiso2\tname\talternate_names\tlat\tlon\tsource\nIRQ\tIQ\tIraq\n
admin1.tsv latitude not a number|admin1|broken.tsv line 2: 'north' is not a number|country\tcode\tname\talternate_names\tlat\tlon\tsource\nIRQ\t01\tAnbar\t\tnorth\t41.5\tx\n
waters.tsv of an unknown kind|waters|kind 'sea' is neither river nor lake|name\tkind\talternate_names\tlat\tlon\tpoints\tsource\nGulf\tsea\t\t27\t51\t\tx\n
waters.tsv point that is no lat,lon|waters|point '33.4' is not lat,lon|name\tkind\talternate_names\tlat\tlon\tpoints\tsource\nEuphrates\triver\t\t34\t41\t33.4\tx\n
airports.tsv of an unknown kind|airports|kind 'heliport' is neither airport nor airbase|ident\tiata\tname\tkind\tcountry\tlat\tlon\tmunicipality\tkeywords\tsource\nORAA\tIQA\tAl Asad\theliport\tIRQ\t33.8\t42.4\t\t\tx\n
exonyms.tsv row without a source|exonyms|needs a GeoNames id, names and a source|geonameid\tnames\tsource\n163808\tPalmyra\t\n
CASES

tap_done
