#!/usr/bin/python3
"""Reference for bench/tiles.sh: the same tiles rendered by Mapnik (Debian's
python3-mapnik), same layers and colours as styles/briefing.ini, read from
geodata/world.gpkg through Mapnik's OGR plugin, in 8x8 metatiles with a
32-pixel buffer, written as 24-bit PNG to DIR/z/x/y.png.

Usage: bench/mapnik-tiles.py DATA_DIR ROUTE.geojson SITES.geojson W,S,E,N MINZ-MAXZ DIR
ROUTE is `convoymap route --format geojson`; SITES a GeoJSON of the points
to mark (waypoints and marked sites).
Prints the number of tiles written."""
import math
import os
import sys

import mapnik

HALF = math.pi * 6378137.0
SIZE = 256
META = 8
BUFFER = 32


def line(color, width, dash=None):
    extra = ' stroke-dasharray="%s"' % dash if dash else ''
    return ('<LineSymbolizer stroke="%s" stroke-width="%s" stroke-linejoin="round"'
            ' stroke-linecap="round"%s/>' % (color, width, extra))


def fill(color):
    return '<PolygonSymbolizer fill="%s"/>' % color


def build_map(data, route, sites):
    palette = ['#f3ecd9', '#e6ecd2', '#f1e0d4', '#e3e2ee', '#efe9c4', '#dfe9e4']
    styles = {
        'countries': ''.join('<Rule><Filter>[mapcolor] = %d</Filter>%s</Rule>' % (i + 1, fill(c))
                             for i, c in enumerate(palette)),
        'lakes': '<Rule>%s</Rule>' % fill('#b9d3e6'),
        'rivers': '<Rule>%s</Rule>' % line('#5b8fc7', 1.3),
        'admin1': '<Rule>%s</Rule>' % line('#a9a294', 0.7, '4,3'),
        'coastline': '<Rule>%s</Rule>' % line('#6f92ad', 0.8),
        'disputed': '<Rule>%s</Rule>' % line('#5c5346', 1.4, '6,4'),
        'borders': '<Rule>%s</Rule>' % line('#5c5346', 1.8),
        'route': '<Rule>%s%s</Rule>' % (line('#ffffff', 8), line('#c0181f', 4.5)),
        'sites': '<Rule><MarkersSymbolizer marker-type="ellipse" width="13" height="13"'
                 ' fill="#1f3a93" stroke="#ffffff" stroke-width="2" allow-overlap="true"'
                 ' ignore-placement="true"/></Rule>',
    }
    gpkg = os.path.join(data, 'geodata', 'world.gpkg')
    layers = [(name, gpkg, 'layer="%s"' % name) for name in
              ['countries', 'lakes', 'rivers', 'admin1', 'coastline', 'disputed', 'borders']]
    layers += [('route', route, 'layer_by_index="0"'), ('sites', sites, 'layer_by_index="0"')]
    xml = ['<Map srs="epsg:3857" background-color="#b9d3e6" buffer-size="%d">' % BUFFER]
    xml += ['<Style name="%s">%s</Style>' % item for item in styles.items()]
    for name, path, selector in layers:
        xml.append('<Layer name="%s" srs="epsg:4326"><StyleName>%s</StyleName><Datasource>'
                   '<Parameter name="type">ogr</Parameter><Parameter name="file">%s</Parameter>'
                   '<Parameter name="%s">%s</Parameter></Datasource></Layer>'
                   % (name, name, path, selector.split('=')[0],
                      selector.split('=')[1].strip('"')))
    xml.append('</Map>')
    m = mapnik.Map(SIZE, SIZE)
    mapnik.load_map_from_string(m, ''.join(xml))
    return m


def tile_range(bbox, z):
    n = 1 << z
    west, south, east, north = bbox

    def fx(lon):
        return (lon + 180) / 360 * n

    def fy(lat):
        lat = max(min(lat, 85.0511287798066), -85.0511287798066)
        return (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n

    return (int(fx(west)), int(fy(north)), min(math.ceil(fx(east)) - 1, n - 1),
            min(math.ceil(fy(south)) - 1, n - 1))


def main():
    data, route, sites, bbox_text, zooms, out = sys.argv[1:7]
    bbox = [float(v) for v in bbox_text.split(',')]
    zmin, zmax = (int(v) for v in zooms.split('-'))
    m = build_map(data, route, sites)
    count = 0
    for z in range(zmin, zmax + 1):
        x0, y0, x1, y1 = tile_range(bbox, z)
        side = min(META, 1 << z)
        metre_per_px = 2 * HALF / (SIZE << z)
        for by in range(y0 // side * side, y1 + 1, side):
            for bx in range(x0 // side * side, x1 + 1, side):
                tx0, ty0 = max(bx, x0), max(by, y0)
                nx, ny = min(bx + side - 1, x1) - tx0 + 1, min(by + side - 1, y1) - ty0 + 1
                m.resize(nx * SIZE, ny * SIZE)
                minx = -HALF + tx0 * SIZE * metre_per_px
                maxy = HALF - ty0 * SIZE * metre_per_px
                m.zoom_to_box(mapnik.Box2d(minx, maxy - ny * SIZE * metre_per_px,
                                           minx + nx * SIZE * metre_per_px, maxy))
                image = mapnik.Image(nx * SIZE, ny * SIZE)
                mapnik.render(m, image)
                for i in range(nx):
                    os.makedirs(os.path.join(out, str(z), str(tx0 + i)), exist_ok=True)
                    for j in range(ny):
                        view = image.view(i * SIZE, j * SIZE, SIZE, SIZE)
                        view.save(os.path.join(out, str(z), str(tx0 + i), '%d.png' % (ty0 + j)),
                                  'png32')
                        count += 1
    print(count)


if __name__ == '__main__':
    main()
