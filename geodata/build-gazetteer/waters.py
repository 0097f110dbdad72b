"""Writes geodata/waters.tsv: the named rivers and lakes of world.gpkg.

Usage: waters.py world.gpkg OUT.tsv

Rivers (layer rivers, every piece with a name; class-0 pieces are the two
banks of a wide river): the pieces of one name are joined into a graph at
shared end points (ends closer than 1 km count as one). The main course is
the longest of the shortest paths between two vertices of the network (so a
stretch with two bank lines counts once, and a pair of bank lines that GSHHG
closes into a loop, as at the mouth of the Shatt al-Arab, is followed to its
far tip), written from its northern end. lat, lon: the vertex of the main course nearest the middle of
its length. points: a point every 25 km along the main course (both ends
included), then points every 25 km along the other pieces (second bank,
side branches) where they lie more than 12.5 km from every point so far.
Lakes (layer lakes, every polygon with a name): lat, lon = ST_PointOnSurface;
points: points on the outer shore, 25 km apart, or at most 64 of them
(evenly spaced) for a long shore.
python3 stdlib only; rows sorted by kind, name.
"""
import collections
import heapq
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import geo  # noqa: E402

ALTERNATE = {
    "Euphrates": ["Al-Furat", "Al Furat", "Nahr al-Furat", "Firat", "Fırat", "الفرات"],
    "Tigris": ["Dijla", "Dijlah", "Nahr Dijla", "Dicle", "دجلة"],
    "Shatt al-Arab": ["Shatt al Arab", "Arvand Rud", "Arvandrud", "شط العرب", "اروندرود"],
    "Lake Tharthar": ["Tharthar Lake", "Buhayrat ath Tharthar", "بحيرة الثرثار"],
    "Lake Habbaniyah": ["Habbaniyah Lake", "Buhayrat al Habbaniyah", "بحيرة الحبانية"],
    "Lake Razazza": ["Razazza Lake", "Lake Milh", "Buhayrat ar Razazah", "بحيرة الرزازة"],
    "Lake Van": ["Van Gölü", "Van Golu"],
    "Lake Urmia": ["Lake Orumiyeh", "Daryacheh-ye Orumiyeh", "دریاچه ارومیه"],
    "Dead Sea": ["Al-Bahr al-Mayyit", "Yam HaMelah", "البحر الميت"],
    "Sea of Galilee": ["Lake Tiberias", "Lake Kinneret", "Kinneret", "Buhayrat Tabariya",
                       "بحيرة طبريا"],
    "Caspian Sea": ["Darya-ye Khazar", "Khazar Sea", "Bahr Qazwin", "بحر قزوين"],
}
STEP_KM = 25.0


def parse_line(wkt):
    """'LINESTRING(x y, ...)' -> [(lat, lon), ...]"""
    inner = wkt[wkt.index("(") + 1:wkt.rindex(")")].strip("() ")
    return [(float(p.split()[1]), float(p.split()[0])) for p in inner.split(",")]


def parse_ring(wkt):
    """Outer ring of 'POLYGON((...),(...))' or the first polygon of a
    MULTIPOLYGON -> [(lat, lon), ...]"""
    body = wkt[wkt.index("(") + 1:]
    body = body.lstrip("(")
    ring = body[:body.index(")")]
    return [(float(p.split()[1]), float(p.split()[0])) for p in ring.split(",")]


def length(line):
    return sum(geo.km(*a, *b) for a, b in zip(line, line[1:]))


def sample(line, step):
    """Points every step km along line, both ends included."""
    out = [line[0]]
    need = step
    done = 0.0
    for a, b in zip(line, line[1:]):
        seg = geo.km(*a, *b)
        while seg > 0 and done + seg >= need:
            t = (need - done) / seg
            out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
            need += step
        done += seg
    if geo.km(*out[-1], *line[-1]) > step / 5 or len(out) == 1:
        out.append(line[-1])
    else:
        out[-1] = line[-1]
    return out


def main_course(pieces):
    """The main course of a river made of pieces (lists of (lat, lon)): the
    longest of the shortest paths between two vertices of the network."""
    rep = {}
    for e in [p for piece in pieces for p in (piece[0], piece[-1])]:
        for r in list(rep.values()):  # ends closer than 1 km are one node
            if geo.km(*e, *r) < 1.0:
                rep[e] = r
                break
        else:
            rep[e] = e
    graph = collections.defaultdict(dict)
    owner = {}
    for i, piece in enumerate(pieces):
        nodes = [rep.get(p, p) for p in piece]
        for a, b in zip(nodes, nodes[1:]):
            w = geo.km(*a, *b)
            if w < graph[a].get(b, math.inf):
                graph[a][b] = graph[b][a] = w
                owner[(a, b)] = owner[(b, a)] = i

    def dijkstra(src):
        dist = {src: 0.0}
        prev = {}
        heap = [(0.0, src)]
        while heap:
            d, u = heapq.heappop(heap)
            if d > dist[u]:
                continue
            for v, w in graph[u].items():
                if d + w < dist.get(v, math.inf):
                    dist[v] = d + w
                    prev[v] = u
                    heapq.heappush(heap, (d + w, v))
        return dist, prev

    best = None
    parts = set()
    for src in sorted(graph):
        dist, prev = dijkstra(src)
        parts.add(min(dist))
        t = max(dist, key=lambda n: (dist[n], n))
        if best is None or dist[t] > best[0]:
            best = (dist[t], src, t, prev)
    _, src, t, prev = best
    course = [t]
    while course[-1] != src:
        course.append(prev[course[-1]])
    used = {owner[(a, b)] for a, b in zip(course, course[1:])}
    if course[0][0] < course[-1][0]:
        course.reverse()
    return course, used, len(parts)


def main():
    world, out = sys.argv[1:3]
    rows = []
    lines = collections.defaultdict(list)
    for r in geo.sql(world, "SELECT name, ST_AsText(geom) AS wkt FROM rivers "
                            "WHERE name IS NOT NULL ORDER BY fid"):
        lines[r["name"]].append(parse_line(r["wkt"]))
    for name in sorted(lines):
        pieces = lines[name]
        course, used, n_comp = main_course(pieces)
        total = length(course)
        half, done, mid = total / 2, 0.0, course[0]
        for a, b in zip(course, course[1:]):
            if done + geo.km(*a, *b) >= half:
                mid = a if half - done <= done + geo.km(*a, *b) - half else b
                break
            done += geo.km(*a, *b)
        pts = sample(course, STEP_KM)
        for i, piece in enumerate(pieces):
            if i in used:
                continue
            for p in sample(piece, STEP_KM):
                if min(geo.km(*p, *q) for q in pts) > STEP_KM / 2:
                    pts.append(p)
        print(f"waters: {name}: {len(pieces)} pieces, {n_comp} connected part(s), main "
              f"course {total:.0f} km, {len(pts)} points", file=sys.stderr)
        rows.append((name, "river", geo.join_names(ALTERNATE.get(name, []), exclude=[name]),
                     geo.fmt(mid[0]), geo.fmt(mid[1]),
                     "|".join(f"{geo.fmt(a)},{geo.fmt(b)}" for a, b in pts),
                     f"world.gpkg rivers: GSHHG/WDBII 2.3.7 (LGPL-3+), {len(pieces)} pieces, "
                     f"main course {total:.0f} km"))
    for r in geo.sql(world, "SELECT name, ST_AsText(ST_PointOnSurface(geom)) AS pos, "
                            "ST_AsText(geom) AS wkt FROM lakes WHERE name IS NOT NULL "
                            "ORDER BY name"):
        lat, lon = geo.parse_point(r["pos"])
        ring = parse_ring(r["wkt"])
        perimeter = length(ring)
        pts = sample(ring, max(STEP_KM, perimeter / 64))[:-1]  # the ring is closed
        rows.append((r["name"], "lake", geo.join_names(ALTERNATE.get(r["name"], []),
                                                       exclude=[r["name"]]),
                     geo.fmt(lat), geo.fmt(lon),
                     "|".join(f"{geo.fmt(a)},{geo.fmt(b)}" for a, b in pts),
                     f"world.gpkg lakes: GSHHG 2.3.7 (LGPL-3+), shore {perimeter:.0f} km"))
    rows.sort(key=lambda r: (r[1], r[0]))
    rows = [r for r in rows if r[1] == "river"] + [r for r in rows if r[1] == "lake"]
    geo.write_tsv(out, ["name", "kind", "alternate_names", "lat", "lon", "points", "source"], rows)
    print(f"waters: {len(rows)} rows", file=sys.stderr)


main()
