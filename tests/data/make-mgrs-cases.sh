#!/usr/bin/env bash
# Regenerates mgrs-cases.csv with GeographicLib's GeoConvert (Debian package
# geographiclib-tools), whose MGRS code is independent of convoymap's. For
# each point and precision (digits per axis) it records the reference
# (GeoConvert -m truncates, as MGRS requires), the centre of that square
# (what GeoConvert -p reads the reference as), and the reference of the
# centre, which differs where the centre falls in another zone or grid.
# Run by hand after adding a point; the tests only read the CSV.
set -euo pipefail
cd "$(dirname "$0")"
command -v GeoConvert >/dev/null || { echo "apt-get install geographiclib-tools" >&2; exit 1; }
points=(
  "33.7856 42.4412 Ayn al-Asad"
  "33.3152 44.3661 Baghdad"
  "31.95522 35.94503 Amman"
  "29.3466 47.5258 Kuwait (Camp Arifjan area)"
  "60 5 Norway: zone 32V widened west"
  "56.5 3.5 Norway: 32V west edge"
  "56.5 2.9 Norway: still 31V west of 3E"
  "78 10 Svalbard 33X"
  "78 20 Svalbard 33X east part"
  "78 30 Svalbard 35X"
  "78 40 Svalbard 37X"
  "72 20 band X bottom"
  "83.99999 10 just below 84N: UTM"
  "84 10 84N: UPS north"
  "-80 10 80S: still UTM"
  "-80.0001 10 just beyond 80S: UPS south"
  "89.5 -100 UPS north west (Y)"
  "-85 100 UPS south east (B)"
  "-85 -60 UPS south west (A)"
  "90 0 north pole"
  "-90 0 south pole"
  "-33.8688 151.2093 Sydney: southern hemisphere"
  "-16.5 -179.9999 Fiji: zone 1 at the antimeridian"
  "64 179.9999 Chukotka: zone 60 at the antimeridian"
  "0 0 equator at zone edge"
  "-0.00001 0 just south of the equator"
  "0 45 equator at a central meridian"
)
{
  echo "lat,lon,precision,mgrs,centre_lat,centre_lon,centre_mgrs,description"
  for p in "${points[@]}"; do
    read -r lat lon desc <<<"$p"
    for precision in 0 1 2 3 4 5; do
      mgrs=$(echo "$lat $lon" | GeoConvert -m -p $((precision - 5)))
      read -r clat clon < <(echo "$mgrs" | GeoConvert -p 7)
      cmgrs=$(echo "$clat $clon" | GeoConvert -m -p $((precision - 5)))
      echo "$lat,$lon,$precision,$mgrs,$clat,$clon,$cmgrs,$desc"
    done
  done
} > mgrs-cases.csv
