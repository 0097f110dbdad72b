#!/usr/bin/env python3
"""Helpers for build-basemap.sh that need plain Python (no GDAL bindings).

GMT's `coast -M` dumps GSHHG/WDBII data cut into 1-degree bins.  This script
re-joins the pieces, names the Euphrates/Tigris/Shatt al-Arab, splits long
lines into small features and writes CSV files with a WKT column that
ogr2ogr then loads.  It also does the greedy map colouring.

  gshhg.py rivers  DUMP OUT.csv      WDBII river dump -> class,name,WKT lines
  gshhg.py lakes   DUMP OUT.csv      GSHHG level-2 dump -> WKT polygons
  gshhg.py split   IN.csv OUT.csv    split (Multi)LineString WKT into chunks
  gshhg.py colour  PAIRS.csv ISO.csv OUT.csv   greedy colouring 1..6
"""
import collections, csv, heapq, math, re, sys

csv.field_size_limit(1 << 30)
MAX_PTS = 256        # vertices per output line feature
MAX_SPAN = 2.0       # degrees (lon or lat) spanned by one output line feature


def read_dump(path):
    """Yield (level, [(x, y), ...]) for each segment of a `gmt coast -M` dump."""
    level, pts = None, []
    with open(path) as f:
        for line in f:
            if line.startswith('>'):
                if pts:
                    yield level, pts
                m = re.search(r'Level\s+(\d+)', line)
                level, pts = (int(m.group(1)) if m else 0), []
            elif line.strip():
                x, y = line.split()[:2]
                p = (round(float(x), 6), round(float(y), 6))
                if not pts or pts[-1] != p:       # drop repeated vertices
                    pts.append(p)
    if pts:
        yield level, pts


def on_bin_edge(pts):
    """Pieces lying entirely on a 1-degree bin edge are clipping artefacts."""
    return (all(p[0] == pts[0][0] and p[0] == int(p[0]) for p in pts) or
            all(p[1] == pts[0][1] and p[1] == int(p[1]) for p in pts))


def merge_chains(segs, same_class=True):
    """Join pieces end to end wherever exactly two pieces meet (bin cuts),
    so that lines only break at confluences / real ends.
    segs: list of (cls, pts).  Returns a list of (cls, pts)."""
    ends = collections.defaultdict(list)
    for i, (c, p) in enumerate(segs):
        ends[p[0]].append(i)
        ends[p[-1]].append(i)
    used = [False] * len(segs)
    out = []

    def other(node, i):
        """The single other piece continuing at node, or None."""
        lst = ends[node]
        if len(lst) != 2 or lst[0] == lst[1]:
            return None
        j = lst[1] if lst[0] == i else lst[0]
        if used[j] or (same_class and segs[j][0] != segs[i][0]):
            return None
        return j

    def grow(pts, i):
        while True:
            j = other(pts[-1], i)
            if j is None:
                return pts
            used[j] = True
            q = segs[j][1]
            pts.extend(q[1:] if q[0] == pts[-1] else q[-2::-1])
            i = j
            if pts[-1] == pts[0]:          # closed ring
                return pts

    for i, (c, p) in enumerate(segs):
        if used[i]:
            continue
        used[i] = True
        pts = grow(list(p), i)
        if pts[-1] != pts[0]:
            pts.reverse()
            pts = grow(pts, i)
        out.append((c, pts))
    return out


def chunks(pts):
    """Split a vertex list into pieces of <= MAX_PTS vertices and <= MAX_SPAN
    degrees extent; consecutive pieces share their end vertex."""
    out, cur = [], [pts[0]]
    x0 = x1 = pts[0][0]
    y0 = y1 = pts[0][1]
    for p in pts[1:]:
        if abs(p[0] - cur[-1][0]) > 180.0:    # jumps across the antimeridian
            if len(cur) >= 2:
                out.append(cur)
            cur = [p]
            x0 = x1 = p[0]
            y0 = y1 = p[1]
            continue
        nx0, nx1 = min(x0, p[0]), max(x1, p[0])
        ny0, ny1 = min(y0, p[1]), max(y1, p[1])
        if len(cur) >= 2 and (len(cur) >= MAX_PTS or nx1 - nx0 > MAX_SPAN or
                              ny1 - ny0 > MAX_SPAN):
            out.append(cur)
            cur = [cur[-1]]
            nx0, nx1 = min(cur[0][0], p[0]), max(cur[0][0], p[0])
            ny0, ny1 = min(cur[0][1], p[1]), max(cur[0][1], p[1])
        cur.append(p)
        x0, x1, y0, y1 = nx0, nx1, ny0, ny1
    if len(cur) >= 2:
        out.append(cur)
    return out


def wkt_line(pts):
    return 'LINESTRING (%s)' % ','.join('%.6f %.6f' % p for p in pts)


def km(a, b):
    """Haversine distance in km."""
    la1, la2 = math.radians(a[1]), math.radians(b[1])
    dla, dlo = la2 - la1, math.radians(b[0] - a[0])
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def line_km(pts):
    return sum(km(pts[i], pts[i + 1]) for i in range(len(pts) - 1))


def dist_to_line_km(q, pts):
    """Approximate distance from point q to a polyline (local equirectangular)."""
    c = math.cos(math.radians(q[1]))
    best = 1e18
    for a, b in zip(pts, pts[1:]):
        ax, ay = (a[0] - q[0]) * c, a[1] - q[1]
        bx, by = (b[0] - q[0]) * c, b[1] - q[1]
        dx, dy = bx - ax, by - ay
        L = dx * dx + dy * dy
        t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
        px, py = ax + t * dx, ay + t * dy
        best = min(best, px * px + py * py)
    return math.sqrt(best) * 111.195


# Known points on the rivers (lat, lon), in downstream order.  The river is
# named along the shortest path through the WDBII network between consecutive
# points, then extended upstream along the longest branch (source) and, for the
# Shatt al-Arab, downstream to the sea.
WAYPOINTS = {
    'Euphrates': [('Birecik', 37.03, 37.98), ('Jarabulus', 36.82, 38.01),
                  ('Raqqa', 35.95, 39.01), ('Deir ez-Zor', 35.34, 40.14),
                  ('Abu Kamal', 34.45, 40.92), ('Haditha', 34.13, 42.38),
                  ('Hit', 33.64, 42.83), ('Ramadi', 33.42, 43.30),
                  ('Fallujah', 33.35, 43.78), ('Samawah', 31.31, 45.28),
                  ('Nasiriyah', 31.05, 46.26), ('Qurna', 31.00, 47.43)],
    'Tigris': [('Diyarbakir', 37.91, 40.24), ('Cizre', 37.33, 42.19),
               ('Mosul', 36.34, 43.13), ('Tikrit', 34.60, 43.68),
               ('Samarra', 34.20, 43.87), ('Baghdad', 33.31, 44.37),
               ('Kut', 32.50, 45.83), ('Amarah', 31.84, 47.14),
               ('Qurna', 31.00, 47.43)],
    'Shatt al-Arab': [('Qurna', 31.00, 47.43), ('Basra', 30.51, 47.81),
                      ('Fao', 29.97, 48.47)],
}
EXTEND_UPSTREAM = {'Euphrates', 'Tigris'}
EXTEND_DOWNSTREAM = set()
SNAP_KM = 8.0          # a waypoint must lie within this distance of a river
BANK_KM = 3.0          # max distance between the two banks of a double-lined river


SNAP_TOL_KM = 3.0      # WDBII lines are not noded: join ends to lines this close
REGION = (35.0, 50.0, 28.0, 41.5)   # lon0, lon1, lat0, lat1 of the named basin


def node_region(lines, log):
    """WDBII tributaries end near, not on, the river they join, and are not
    noded there.  Inside REGION, snap every line end to the nearest vertex of
    another line within SNAP_TOL_KM and split that line there, so that the
    network becomes a graph.  Returns the new list of lines."""
    x0, x1, y0, y1 = REGION
    inside = lambda p: x0 <= p[0] <= x1 and y0 <= p[1] <= y1
    reg = [i for i, l in enumerate(lines) if any(inside(q) for q in l[1])]
    cell = 0.05
    grid = collections.defaultdict(list)          # cell -> [(line, vertex)]
    for i in reg:
        for k, q in enumerate(lines[i][1]):
            grid[(int(q[0] // cell), int(q[1] // cell))].append((i, k))
    # 1) cluster line ends lying within SNAP_TOL_KM of each other (union-find)
    ends = [(i, e) for i in reg for e in (0, len(lines[i][1]) - 1)]
    egrid = collections.defaultdict(list)
    for n, (i, e) in enumerate(ends):
        q = lines[i][1][e]
        egrid[(int(q[0] // cell), int(q[1] // cell))].append(n)
    parent = list(range(len(ends)))
    def find(n):
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n
    for n, (i, e) in enumerate(ends):
        q = lines[i][1][e]
        cx, cy = int(q[0] // cell), int(q[1] // cell)
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for m in egrid.get((gx, gy), ()):
                    j, f = ends[m]
                    if j != i and km(q, lines[j][1][f]) <= SNAP_TOL_KM:
                        parent[find(m)] = find(n)
    size = collections.Counter(find(n) for n in range(len(ends)))
    moved = 0
    for n, (i, e) in enumerate(ends):
        r = find(n)
        ri, re_ = ends[r]
        if r != n and lines[i][1][e] != lines[ri][1][re_]:
            lines[i][1][e] = lines[ri][1][re_]
            moved += 1
    # 2) ends still dangling: snap to the nearest interior vertex of another
    #    line (a T-junction) and split that line there
    splits = collections.defaultdict(set)
    for n, (i, e) in enumerate(ends):
        if size[find(n)] > 1:
            continue
        q = lines[i][1][e]
        cx, cy = int(q[0] // cell), int(q[1] // cell)
        best = None
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for j, k in grid.get((gx, gy), ()):
                    if j == i or not 0 < k < len(lines[j][1]) - 1:
                        continue
                    d = km(q, lines[j][1][k])
                    if d <= SNAP_TOL_KM and (best is None or d < best[0]):
                        best = (d, j, k)
        if best:
            d, j, k = best
            lines[i][1][e] = lines[j][1][k]
            splits[j].add(k)
            moved += 1
    out = []
    for i, l in enumerate(lines):
        ks = sorted(splits.get(i, ()))
        if not ks:
            out.append(l)
            continue
        pts, a = l[1], 0
        for k in ks + [len(pts) - 1]:
            if k > a:
                out.append([l[0], pts[a:k + 1], l[2]])
            a = k
    log('rivers: noding in basin: %d ends snapped, %d lines split' % (moved, len(splits)))
    return [l for l in out if len(l[1]) >= 2 and l[1][0] != l[1][-1] or len(l[1]) > 2]


def name_rivers(lines, log):
    """lines: list of [cls, pts, name].  Sets name in place."""
    nodes = collections.defaultdict(list)       # node -> [line index]
    for i, (c, p, _) in enumerate(lines):
        nodes[p[0]].append(i)
        nodes[p[-1]].append(i)
    length = [line_km(l[1]) for l in lines]
    # Only consider lines near the Euphrates-Tigris basin for speed.
    region = [i for i, l in enumerate(lines)
              if any(REGION[0] <= x <= REGION[1] and REGION[2] <= y <= REGION[3] for x, y in l[1])]

    def nearest(lat, lon):
        q = (lon, lat)
        best = min(region, key=lambda i: (lines[i][0] > 3,   # prefer major classes
                                          dist_to_line_km(q, lines[i][1])))
        d = dist_to_line_km(q, lines[best][1])
        # fall back to any class if the major-class hit is too far away
        if d > SNAP_KM:
            best = min(region, key=lambda i: dist_to_line_km(q, lines[i][1]))
            d = dist_to_line_km(q, lines[best][1])
        return best, d

    def path(a, b):
        """Line indices on the shortest path from line a to line b."""
        if a == b:
            return [a]
        dist, prev, heap = {}, {}, []
        for n in (lines[a][1][0], lines[a][1][-1]):
            dist[n] = 0.0
            heapq.heappush(heap, (0.0, n))
        targets = {lines[b][1][0], lines[b][1][-1]}
        while heap:
            d, n = heapq.heappop(heap)
            if d > dist.get(n, 1e18):
                continue
            if n in targets:
                out = [b]
                while n in prev:
                    i, n = prev[n]
                    out.append(i)
                return out + [a]
            for i in nodes[n]:
                if i == a:
                    continue
                p = lines[i][1]
                m = p[-1] if p[0] == n else p[0]
                nd = d + length[i] * (1.0 + 0.5 * max(0, lines[i][0] - 1))  # favour main rivers
                if nd < dist.get(m, 1e18):
                    dist[m], prev[m] = nd, (i, n)
                    heapq.heappush(heap, (nd, m))
        return None

    def longest_branch(start_line, from_node, named, maxcls):
        """Longest chain of lines (class <= maxcls) leaving from_node, not
        re-using named lines: follows the river to its most distant source."""
        best_len, best = 0.0, []
        stack = [(from_node, 0.0, [], {start_line})]
        while stack:
            n, L, chain, seen = stack.pop()
            if L > best_len:
                best_len, best = L, chain
            for i in nodes[n]:
                if i in seen or i in named or lines[i][0] > maxcls:
                    continue
                p = lines[i][1]
                m = p[-1] if p[0] == n else p[0]
                stack.append((m, L + length[i], chain + [i], seen | {i}))
        return best

    for river, wps in WAYPOINTS.items():
        hits = []
        for label, lat, lon in wps:
            i, d = nearest(lat, lon)
            if d <= SNAP_KM:
                hits.append(i)
                log('  %-14s %-12s -> line %d (class %d, %.1f km away)' % (river, label, i, lines[i][0], d))
            else:
                log('  %-14s %-12s no river within %.0f km (nearest %.1f km), skipped' % (river, label, SNAP_KM, d))
        seq = set()
        for a, b in zip(hits, hits[1:]):
            p = path(a, b)
            if p is None:
                log('  WARNING: no path %d -> %d on %s' % (a, b, river))
                continue
            seq.update(p)
        seq.update(hits)
        named_elsewhere = {i for i, l in enumerate(lines) if l[2]}
        seq -= named_elsewhere
        ends = []
        if river in EXTEND_UPSTREAM and hits:
            ends.append(hits[0])
        if river in EXTEND_DOWNSTREAM and hits:
            ends.append(hits[-1])
        for e in ends:
            p = lines[e][1]
            for n in (p[0], p[-1]):
                # only grow from the free end (the one not touching the named chain)
                if any(j in seq and j != e for j in nodes[n]):
                    continue
                seq.update(longest_branch(e, n, seq | named_elsewhere, max(1, lines[e][0])))
        for i in seq:
            lines[i][2] = river
        # Double-lined stretches (class 0) are two bank lines; the path runs
        # along one bank only, so also name class-0 lines hugging the named ones.
        named_pts = [q for i in seq for q in lines[i][1]]
        g = collections.defaultdict(list)
        for q in named_pts:
            g[(int(q[0] // 0.05), int(q[1] // 0.05))].append(q)
        def near(q):
            cx, cy = int(q[0] // 0.05), int(q[1] // 0.05)
            return any(km(q, r) <= BANK_KM for gx in (cx - 1, cx, cx + 1)
                       for gy in (cy - 1, cy, cy + 1) for r in g.get((gx, gy), ()))
        for i in region:
            c, p, n = lines[i]
            if c == 0 and not n and sum(map(near, p)) >= 0.8 * len(p):
                lines[i][2] = river
                seq.add(i)
        log('  %-14s %d lines, %.0f km' % (river, len(seq), sum(length[i] for i in seq)))


def cmd_rivers(dump, out):
    segs = [(c, p) for c, p in read_dump(dump) if len(p) >= 2 and not on_bin_edge(p)]
    lines = [[c, p, None] for c, p in merge_chains(segs)]
    log = lambda s: print(s, file=sys.stderr)
    log('rivers: %d dump pieces -> %d merged lines' % (len(segs), len(lines)))
    lines = node_region(lines, log)
    name_rivers(lines, log)
    with open(out, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['class', 'name', 'WKT'])
        for c, p, n in lines:
            for q in chunks(p):
                w.writerow([c, n or '', wkt_line(q)])


def cmd_lakes(dump, out):
    segs = [(c, p) for c, p in read_dump(dump) if len(p) >= 2 and not on_bin_edge(p)]
    rings = merge_chains(segs, same_class=False)
    n_open = n_out = 0
    with open(out, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['id', 'WKT'])      # (a one-column CSV is not recognised by GDAL)
        for c, p in rings:
            if p[0] != p[-1]:
                n_open += 1
                continue
            if len(p) < 4:
                continue
            w.writerow([n_out, 'POLYGON ((%s))' % ','.join('%.6f %.6f' % q for q in p)])
            n_out += 1
    print('lakes: %d pieces -> %d rings (%d unclosed dropped)' % (len(segs), len(rings), n_open),
          file=sys.stderr)


def parse_lines(wkt):
    """Vertex lists of a LINESTRING / MULTILINESTRING WKT."""
    body = wkt[wkt.index('('):]
    return [[tuple(map(float, v.split())) for v in part.split(',')]
            for part in re.findall(r'\(([^()]*)\)', body)]


def cmd_split(inp, out):
    with open(inp, newline='') as f, open(out, 'w', newline='') as g:
        r = csv.DictReader(f)
        fields = [k for k in r.fieldnames if k != 'WKT']
        w = csv.writer(g)
        w.writerow(['id'] + fields + ['WKT'])     # id: GDAL needs >1 column
        n = 0
        for row in r:
            if not row['WKT']:
                continue
            for pts in parse_lines(row['WKT']):
                if len(pts) >= 2:
                    for q in chunks(pts):
                        w.writerow([n] + [row[k] for k in fields] + [wkt_line(q)])
                        n += 1


def cmd_colour(pairs_csv, iso_csv, out):
    """Greedy colouring, largest degree first (Welsh-Powell), colours 1..6."""
    adj = collections.defaultdict(set)
    with open(iso_csv, newline='') as f:
        isos = [r['iso3'] for r in csv.DictReader(f)]
    with open(pairs_csv, newline='') as f:
        for r in csv.DictReader(f):
            adj[r['a']].add(r['b'])
            adj[r['b']].add(r['a'])
    colour = {}
    for iso in sorted(isos, key=lambda k: (-len(adj[k]), k)):
        used = {colour.get(n) for n in adj[iso]}
        colour[iso] = next(c for c in range(1, 7) if c not in used)
    with open(out, 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['iso3', 'mapcolor'])
        for iso in isos:
            w.writerow([iso, colour[iso]])
    print('colour: %d countries, %d adjacent pairs, max colour %d' %
          (len(isos), sum(map(len, adj.values())) // 2, max(colour.values())), file=sys.stderr)


if __name__ == '__main__':
    cmd = {'rivers': cmd_rivers, 'lakes': cmd_lakes, 'split': cmd_split, 'colour': cmd_colour}
    if len(sys.argv) < 2 or sys.argv[1] not in cmd:
        sys.exit(__doc__)
    cmd[sys.argv[1]](*sys.argv[2:])
