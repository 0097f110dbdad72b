#!/usr/bin/python3
"""Label points of the countries visible in the reference map, chosen as
convoymap does (src/render/basemap.c): countries covering at least 1.5 % of the
view, at the centroid of their largest visible part (or a point on its
surface). Used by gmt-briefing.sh, which has no label placement of its own;
computed once, before timing.

Usage: country-labels.py WORLD_GPKG LON_MIN LAT_MIN LON_MAX LAT_MAX OUT.txt
Writes "lon lat NAME" lines (NAME upper case)."""
import sys
from osgeo import ogr

ogr.UseExceptions()
path, lon0, lat0, lon1, lat1, out = sys.argv[1], *map(float, sys.argv[2:6]), sys.argv[6]
ring = ogr.Geometry(ogr.wkbLinearRing)
for x, y in ((lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1), (lon0, lat0)):
    ring.AddPoint_2D(x, y)
view = ogr.Geometry(ogr.wkbPolygon)
view.AddGeometry(ring)
dataset = ogr.Open(path)  # kept: the layer dies with it
layer = dataset.GetLayerByName("countries")
layer.SetSpatialFilterRect(lon0, lat0, lon1, lat1)
labels = []
for feature in layer:
    visible = feature.GetGeometryRef().Intersection(view)
    share = visible.GetArea() / view.GetArea() if visible else 0
    if share < 0.015:
        continue
    largest = visible
    if visible.GetGeometryCount() > 1:
        largest = max((visible.GetGeometryRef(i) for i in range(visible.GetGeometryCount())),
                      key=lambda g: g.GetArea())
    point = largest.Centroid()
    if not largest.Contains(point):
        point = largest.PointOnSurface()
    labels.append((share, point.GetX(), point.GetY(), feature.GetField("name").upper()))
with open(out, "w") as f:
    for _, x, y, name in sorted(labels, reverse=True):
        f.write(f"{x:.5f} {y:.5f} {name}\n")
