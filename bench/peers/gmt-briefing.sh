#!/usr/bin/env bash
# The reference briefing map drawn with GMT (modern mode): the same
# projection, extent and layers as `convoymap render`, styled after
# styles/briefing.ini. Everything it reads was prepared once by
# bench/peers.sh (layers exported from geodata/world.gpkg to OGR_GMT files
# clipped to the extent, the route, the sites, the country label points),
# so that only GMT's own work is timed.
#
# Usage: gmt-briefing.sh PREPARED_DIR OUTPUT_PREFIX  (writes OUTPUT_PREFIX.png)
# PREPARED_DIR/layout.sh holds the layout printed by bench-layout.
set -euo pipefail
in=$1
out=$2
# shellcheck source=/dev/null
. "$in/layout.sh"
# Projection parameters from the PROJ string.
param() { sed -n "s/.*+$1=\([-0-9.]*\).*/\1/p" <<<"$proj"; }
lon_0=$(param lon_0) lat_0=$(param lat_0) lat_1=$(param lat_1) lat_2=$(param lat_2)

# 200 dpi, width/200 inches wide (8 in = 1600 px); the rectangular region
# (lower-left and upper-right corners) then gives the height (1200 px). A convoymap pixel is
# 72/200 = 0.36 pt here; Pango sizes (pt at 96 dpi) are 0.48 times theirs.
dpi=200
R="-R${ll_lon}/${ll_lat}/${ur_lon}/${ur_lat}+r"
J="-JL${lon_0}/${lat_0}/${lat_1}/${lat_2}/$(awk -v w="$width" -v d=$dpi 'BEGIN { print w / d }')i"
px() { awk -v v="$1" 'BEGIN { printf "%.3fp", v * 72 / 200 }'; }

export GMT_SESSION_NAME=convoymap-bench-$$
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
gmt begin "$out" png E${dpi},A+r
  gmt set MAP_FRAME_PEN 0p PROJ_LENGTH_UNIT p
  gmt basemap $R $J -B+n+g'#b9d3e6'
  palette=('#f3ecd9' '#e6ecd2' '#f1e0d4' '#e3e2ee' '#efe9c4' '#dfe9e4')
  for c in 1 2 3 4 5 6; do
    if grep -q "^>" "$in/countries-$c.gmt"; then gmt plot "$in/countries-$c.gmt" -G"${palette[c - 1]}"; fi
  done
  gmt plot "$in/lakes.gmt" -G'#b9d3e6'
  gmt plot "$in/rivers.gmt" -W"$(px 1.3)",'#5b8fc7'
  gmt plot "$in/admin1.gmt" -W"$(px 0.7)",'#a9a294',1.44_1.08:0
  gmt plot "$in/coastline.gmt" -W"$(px 0.8)",'#6f92ad'
  gmt plot "$in/disputed.gmt" -W"$(px 1.4)",'#5c5346',2.16_1.44:0
  gmt plot "$in/borders.gmt" -W"$(px 1.8)",'#5c5346'
  # The route: white casing, then the red line.
  gmt plot "$in/route.gmt" -W"$(px 8)",white
  gmt plot "$in/route.gmt" -W"$(px 4.5)",'#c0181f'
  # Waypoints (circles), marked sites (squares), the border crossing (diamond).
  gmt plot "$in/waypoints.txt" -Sc"$(px 15)" -G'#1f3a93' -W"$(px 2)",white
  gmt plot "$in/sites.txt" -Ss"$(px 17)" -G'#1f3a93' -W"$(px 2)",white
  gmt plot "$in/crossings.txt" -Sd"$(px 18)" -G'#ffd200' -W"$(px 1)",'#1d1d1d'
  gmt text "$in/country-labels.txt" -F+f7.2p,Helvetica-Bold,'#6b6256'=~"$(px 3.5)",white+jMC
  gmt text "$in/waypoints.txt" -F+f6.72p,Helvetica-Bold,'#1d1d1d'=~"$(px 3.5)",white+jML -D"$(px 12)"/0
  gmt text "$in/sites.txt" -F+f6.24p,Helvetica,'#1d1d1d'=~"$(px 3.5)",white+jML -D"$(px 11)"/0
gmt end
