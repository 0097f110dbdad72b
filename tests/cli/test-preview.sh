#!/usr/bin/env bash
# The --preview page in a real browser, as TAP: headless Chromium opens
# index.html (from file://, as a user would open it offline) over a small
# pyramid with the reference convoy (tests/cli/browser-shot.py waits for its
# tiles), and its screenshot shows the route
# where the page's initial view puts it (the centre of the box at the
# lowest zoom, Web Mercator pixels worked out here from the route's own
# GeoJSON). Skipped when chromium is not installed.
set -u
convoymap=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/tap.sh"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  skip "preview page in headless Chromium" "chromium is not installed"
  tap_done
  exit
fi

bbox=34,29,47,37
run tiles --bbox "$bbox" --zoom 5-7 --preview -o "$work/preview"
check "tiles --preview renders the pyramid" test "$code" -eq 0 -a -f "$work/preview/index.html"
run route --format geojson
cp "$work/stdout" "$work/route.geojson"

# The page at 800 x 600 CSS pixels, once its tiles have loaded.
timeout 60 python3 "$here/browser-shot.py" "$chromium" "file://$work/preview/index.html" 800 600 \
  "$work/shot.png" 30 >"$work/chromium.log" 2>&1
check "Chromium takes a screenshot of the page once its tiles have loaded" \
  bash -c "test -s '$work/shot.png' || { cat '$work/chromium.log'; false; }"

route_color=$(sed -n '/^\[route\]/,/^\[/s/^color=#//p' "$here/../../styles/briefing.ini")
check "the screenshot shows the route where the page's first view puts it" \
  python3 - "$here/png-count.py" "$work/shot.png" "$work/route.geojson" "$work/preview/index.html" \
  "$bbox" "$route_color" <<'PY'
import json, math, re, runpy, sys
count, shot, geojson, page, bbox, colour = sys.argv[1:]
pixels = runpy.run_path(count)['pixels']
width, height = 800, 600
rows = [bytes(p) for p in pixels(shot)]
assert len(rows) == width * height, f'screenshot has {len(rows)} pixels, not 800 x 600'
at = lambda x, y: rows[y * width + x]
target = bytes.fromhex(colour)
# The page's first view: zoom minZoom, centred on the box's centre.
settings = re.search(r'const T = \{minZoom: (\d+), maxZoom: \d+, zoom: (\d+), size: (\d+), '
                     r'lon: ([-\d.]+), lat: ([-\d.]+),', open(page).read())
z, size = int(settings[1]), int(settings[3])
lon0, lat0 = float(settings[4]), float(settings[5])
west, south, east, north = map(float, bbox.split(','))
assert (lon0, lat0, z) == ((west + east) / 2, (south + north) / 2, 5), settings[0]
def world(lon, lat):
    n = size * 2 ** z
    return ((lon + 180) / 360 * n,
            (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
cx, cy = world(lon0, lat0)
def screen(lon, lat):
    x, y = world(lon, lat)
    return round(x - cx + width / 2), round(y - cy + height / 2)
def near(x, y, r):
    return any(at(i, j) == target for j in range(y - r, y + r + 1)
               for i in range(x - r, x + r + 1))
legs = [f for f in json.load(open(geojson))['features']
        if f['geometry']['type'] == 'LineString']
assert len(legs) >= 2, legs
for leg in legs:
    line = leg['geometry']['coordinates']
    for fraction in (0.3, 0.5, 0.7):
        x, y = screen(*line[int(len(line) * fraction)])
        assert near(x, y, 2), f"no route colour near {x},{y} ({leg['properties']['name']})"
        # 25 pixels across the route there is none: the screenshot is not
        # all route.
        assert not near(x, y - 25, 2), f'route colour at {x},{y - 25} too'
total = sum(1 for p in rows if p == target)
print(f'{total} route pixels')
assert 200 < total < 20000, total
PY
tap_done
