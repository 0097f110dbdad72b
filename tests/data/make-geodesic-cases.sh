#!/usr/bin/env bash
# Regenerates geodesic-cases.csv with GeographicLib's GeodSolve (Debian
# package geographiclib-tools), an implementation independent of PROJ's C
# port. Run by hand after adding a pair; the tests only read the CSV.
set -euo pipefail
cd "$(dirname "$0")"
command -v GeodSolve >/dev/null || { echo "apt-get install geographiclib-tools" >&2; exit 1; }
pairs=(
  "31.95522 35.94503 33.78560 42.44120 Amman to Ayn al-Asad"
  "31.95522 35.94503 33.31500 44.36610 Amman to Baghdad"
  "33.03000 40.28000 34.45000 40.92000 Ar Rutbah to Abu Kamal"
  "33.42000 43.30000 33.31500 44.36610 Ramadi to Baghdad"
  "0 0 0 90 equator quarter"
  "0 0 90 0 equator to pole"
  "-33.8688 151.2093 51.4700 -0.4543 Sydney to London"
  "64.8378 -147.7164 65.0000 177.0000 across the antimeridian (Fairbanks to Chukotka)"
  "-16.5000 179.8000 -17.7000 -178.9000 Fiji across the antimeridian"
  "0.5 0 -0.5 179.5 nearly antipodal"
  "30 0 -30 179.9 nearly antipodal, off the equator"
  "52.0 5.0 52.0 5.0 coincident points"
)
{
  echo "lat1,lon1,lat2,lon2,distance_m,azimuth1_deg,azimuth2_deg,description"
  for p in "${pairs[@]}"; do
    read -r lat1 lon1 lat2 lon2 desc <<<"$p"
    read -r azi1 azi2 s12 < <(echo "$lat1 $lon1 $lat2 $lon2" | GeodSolve -i -p 6 -f | awk '{print $3, $6, $7}')
    echo "$lat1,$lon1,$lat2,$lon2,$s12,$azi1,$azi2,$desc"
  done
} > geodesic-cases.csv
