#!/usr/bin/env python3
"""A synthetic OpenStreetMap extract for the roads benchmarks: an N x N grid
of nodes over a country-sized box (5 x 5 degrees from 40N 40E), its rows and
columns cut into ways of 50 nodes; every 20th line a motorway, every 5th a
primary road, the rest residential streets (so that most roads are minor,
as in a real country). Written as OSM XML to stdout.
Usage: bench/roads-grid.py [N] (default 1000: a million nodes)"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
step = 5.0 / (n - 1)
WAY_NODES = 50
out = sys.stdout
out.write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="convoymap bench">\n')
for row in range(n):
    lat = 40 + row * step
    out.write("".join(f'<node id="{row * n + col + 1}" version="1" lat="{lat:.7f}" '
                      f'lon="{40 + col * step:.7f}"/>\n' for col in range(n)))
way = 1
for line in range(n):
    highway = "motorway" if line % 20 == 0 else "primary" if line % 5 == 0 else "residential"
    for across in (False, True):
        for start in range(0, n - 1, WAY_NODES - 1):
            ids = [(k * n + line if across else line * n + k) + 1
                   for k in range(start, min(start + WAY_NODES, n))]
            nds = "".join(f'<nd ref="{i}"/>' for i in ids)
            out.write(f'<way id="{way}" version="1">{nds}<tag k="highway" v="{highway}"/></way>\n')
            way += 1
out.write("</osm>\n")
