#!/usr/bin/env bash
# Rebuilds geodata/countries-ar.tsv, the Arabic names of the countries of
# world.gpkg (by iso3 and by its English name), from the Arabic translation
# of the Debian package iso-codes; see geodata/README.md, "Country names".
# Run it after build-basemap.sh. Needs python3 and iso-codes.
set -euo pipefail
cd "$(dirname "$0")"
codes=/usr/share/iso-codes/json/iso_3166-1.json
catalogue=/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo
for f in "$codes" "$catalogue"; do
  [ -f "$f" ] || { echo "missing $f: apt-get install iso-codes" >&2; exit 1; }
done
python3 build-country-names/arabic.py world.gpkg "$codes" "$catalogue" >.countries-ar-tmp.tsv
mv .countries-ar-tmp.tsv countries-ar.tsv
wc -l countries-ar.tsv
