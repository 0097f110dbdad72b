#!/usr/bin/python3
"""The reference briefing map drawn with Mapnik: the same projection,
extent and layers as `convoymap render`, styled after styles/briefing.ini.
Reads geodata/world.gpkg directly through Mapnik's OGR plugin (with its own
spatial filtering), the route GeoJSON through the OGR plugin and the sites
CSV through the CSV plugin; country and site names are Mapnik text
symbolizers placed by Mapnik.

Usage: /usr/bin/python3 mapnik-briefing.py WORLD_GPKG PREPARED_DIR OUT.png
PREPARED_DIR holds layout.sh (from bench-layout), route.geojson (from
`convoymap route --format geojson`) and sites.csv (from bench-layout)."""
import os
import sys

import mapnik

gpkg, prepared, out = sys.argv[1:4]
layout = {}
with open(os.path.join(prepared, "layout.sh")) as f:
    for line in f:
        key, _, value = line.strip().partition("=")
        layout[key] = value.strip("'")
width, height = int(layout["width"]), int(layout["height"])
WGS84 = "+proj=longlat +datum=WGS84 +no_defs"

SEA = "#b9d3e6"
PALETTE = ["#f3ecd9", "#e6ecd2", "#f1e0d4", "#e3e2ee", "#efe9c4", "#dfe9e4"]


def line(color, width, dash=None):
    attrs = f'stroke="{color}" stroke-width="{width}" stroke-linejoin="round"'
    if dash:
        attrs += f' stroke-dasharray="{dash}"'
    return f"<LineSymbolizer {attrs}/>"


def ogr_layer(name, style, layer, path=gpkg, where=None):
    params = f'<Parameter name="type">ogr</Parameter><Parameter name="file">{path}</Parameter>'
    params += f'<Parameter name="layer">{layer}</Parameter>' if where is None else \
        f'<Parameter name="layer_by_sql">SELECT * FROM "{layer}" WHERE {where}</Parameter>'
    return (f'<Layer name="{name}" srs="{WGS84}"><StyleName>{style}</StyleName>'
            f"<Datasource>{params}</Datasource></Layer>")


def text(font, size, color, expr, **extra):
    attrs = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in extra.items())
    return (f'<TextSymbolizer face-name="{font}" size="{size}" fill="{color}" '
            f'halo-fill="#ffffff" halo-radius="1.75" {attrs}>{expr}</TextSymbolizer>')


countries = "".join(
    f"<Rule><Filter>[mapcolor] = {i + 1}</Filter><PolygonSymbolizer fill=\"{c}\"/></Rule>"
    for i, c in enumerate(PALETTE))
# Pango sizes are points at 96 dpi: 15 pt = 20 px.
styles = {
    "countries": countries,
    "lakes": f'<Rule><PolygonSymbolizer fill="{SEA}"/></Rule>',
    "rivers": f"<Rule>{line('#5b8fc7', 1.3)}</Rule>",
    "admin1": f"<Rule>{line('#a9a294', 0.7, '4,3')}</Rule>",
    "coastline": f"<Rule>{line('#6f92ad', 0.8)}</Rule>",
    "disputed": f"<Rule>{line('#5c5346', 1.4, '6,4')}</Rule>",
    "borders": f"<Rule>{line('#5c5346', 1.8)}</Rule>",
    "route": f"<Rule>{line('#ffffff', 8)}{line('#c0181f', 4.5)}</Rule>",
    "crossing": '<Rule><MarkersSymbolizer marker-type="ellipse" width="14" height="14" '
                'fill="#ffd200" stroke="#1d1d1d" stroke-width="1" allow-overlap="true"/></Rule>',
    "waypoints": '<Rule><Filter>[kind] = \'waypoint\'</Filter>'
                 '<MarkersSymbolizer marker-type="ellipse" width="15" height="15" '
                 'fill="#1f3a93" stroke="#ffffff" stroke-width="2" allow-overlap="true"/>'
                 + text("DejaVu Sans Bold", 18.7, "#1d1d1d", "[name]", dx=12,
                        horizontal_alignment="right", allow_overlap="true") + "</Rule>"
                 '<Rule><Filter>[kind] = \'site\'</Filter>'
                 '<MarkersSymbolizer marker-type="ellipse" width="13" height="13" '
                 'fill="#1f3a93" stroke="#ffffff" stroke-width="2" allow-overlap="true"/>'
                 + text("DejaVu Sans Book", 17.3, "#1d1d1d", "[name]", dx=11,
                        horizontal_alignment="right", allow_overlap="true") + "</Rule>",
    "country-labels": "<Rule>" + text("DejaVu Sans Bold", 20, "#6b6256",
                                      "[name]", placement="interior",
                                      text_transform="uppercase") + "</Rule>",
}
route = os.path.join(prepared, "route.geojson")
layers = [
    ogr_layer("countries", "countries", "countries"),
    ogr_layer("lakes", "lakes", "lakes"),
    ogr_layer("rivers", "rivers", "rivers"),
    ogr_layer("admin1", "admin1", "admin1"),
    ogr_layer("coastline", "coastline", "coastline"),
    ogr_layer("disputed", "disputed", "disputed"),
    ogr_layer("borders", "borders", "borders"),
    ogr_layer("route", "route", "route", route, "kind = 'leg'"),
    ogr_layer("country-labels", "country-labels", "countries"),
    f'<Layer name="sites" srs="{WGS84}"><StyleName>waypoints</StyleName><Datasource>'
    f'<Parameter name="type">csv</Parameter>'
    f'<Parameter name="file">{os.path.join(prepared, "sites.csv")}</Parameter>'
    f"</Datasource></Layer>",
    ogr_layer("crossing", "crossing", "route", route, "kind = 'crossing'"),
]
xml = (f'<Map srs="{layout["proj"]}" background-color="{SEA}">'
       + "".join(f'<Style name="{n}">{r}</Style>' for n, r in styles.items())
       + "".join(layers) + "</Map>")

m = mapnik.Map(width, height, layout["proj"])
mapnik.load_map_from_string(m, xml)
m.zoom_to_box(mapnik.Box2d(float(layout["xmin"]), float(layout["ymin"]),
                           float(layout["xmax"]), float(layout["ymax"])))
mapnik.render_to_file(m, out, "png")
