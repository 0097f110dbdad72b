#!/usr/bin/env python3
"""Geocoder evaluation (issue 12): answers against an independent evaluation set.

    test-geocode-eval.py CONVOYMAP_BINARY EVAL.tsv [--results FILE] [--verbose]

EVAL.tsv (tests/data/geocode-eval.tsv, made by tests/data/make-geocode-eval.py)
has the columns query, with, lat, lon, tolerance_km, category, source.

* A row whose `with` is empty is asked alone: one batch call
  `convoymap geocode --json --limit 1 Q1 Q2 ...` per chunk of queries.  The batch
  CLI prints a JSON array with one entry per query, in order ({"query", "lat",
  "lon", ...} or {"query", "error"}), and exits 2 when any failed.  When a chunk's
  output is missing or has the wrong number of entries (a binary that stops at the
  first failure), every query of that chunk is asked again in its own process,
  where a non-zero exit status means no answer.
* A row with `with` = "A > B" is asked in context:
  `convoymap route --format json --route "A > B > QUERY"`; the answer is the last
  leg's "to".  A non-zero exit status means no answer.

An answer is right when it lies within tolerance_km of (lat, lon); it is
confidently wrong when the command gave it (exit 0, or a batch entry without
"error") and it lies farther than tolerance_km + 50 km.  A row whose source is a
polygon of geodata/world.gpkg (a country, a first-level division, a lake) is
judged by that polygon when $CONVOYMAP_DATA/geodata/world.gpkg can be read: right
when the answer lies inside it or within POLYGON_SLACK_KM of it, confidently
wrong when farther than 50 km outside it (so that "Iraq" answered in Iran is
wrong however near); the radius is the fallback.

TAP test points (alone, then in context): at least 97 % within tolerance, and
zero confidently wrong answers.  The figures per category follow as comments.
CONVOYMAP_DATA must point at the data directory (the source root).
"""
import json, math, os, re, sqlite3, struct, subprocess, sys

MIN_WITHIN = 97.0        # % of rows within tolerance
WRONG_MARGIN_KM = 50.0   # an answer farther than tolerance + this is confidently wrong
CHUNK = 200              # queries per batch call
TIMEOUT = 60             # seconds per process
POLYGON_SLACK_KM = 10.0  # an answer this close outside a country/province/lake polygon is right
POLYGON_SOURCE = re.compile(r'via geodata/world\.gpkg: (countries|admin1|lakes) (.*?)(;|$)')

def gpkg_parts(blob):
    """Polygons (lists of rings of (lon, lat)) of a GeoPackage geometry blob."""
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
    b, parts = blob[8 + env:], []
    def geom(off):
        bo = '<' if b[off] == 1 else '>'
        t = struct.unpack_from(bo + 'I', b, off + 1)[0]
        off += 5
        dims = 2 if t < 1000 else (3 if t < 3000 else 4)
        t %= 1000
        n = struct.unpack_from(bo + 'I', b, off)[0]; off += 4
        if t == 3:
            rings = []
            for _ in range(n):
                m = struct.unpack_from(bo + 'I', b, off)[0]; off += 4
                rings.append([struct.unpack_from(bo + 'dd', b, off + 8 * dims * i) for i in range(m)])
                off += 8 * dims * m
            parts.append(rings)
        elif t in (6, 7):
            for _ in range(n):
                off = geom(off)
        else:
            raise ValueError('geometry type %d' % t)
        return off
    geom(0)
    return parts

class Polygons:
    """Country, admin-1 and lake polygons of geodata/world.gpkg."""
    def __init__(self, path):
        self.db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
        self.cache = {}
    def get(self, layer, key):
        if (layer, key) not in self.cache:
            if layer == 'countries':
                q, a = 'SELECT geom FROM countries WHERE iso3=?', (key,)
            elif layer == 'admin1':
                iso, name = key.split(' ', 1)
                q, a = 'SELECT geom FROM admin1 WHERE iso3=? AND name=?', (iso, name)
            else:
                q, a = 'SELECT geom FROM lakes WHERE name=?', (key,)
            parts = []
            for (g,) in self.db.execute(q, a):
                parts += gpkg_parts(g)
            self.cache[(layer, key)] = parts
        return self.cache[(layer, key)]
    @staticmethod
    def km_outside(parts, lat, lon):
        """0 inside, else the distance in km to the nearest edge."""
        inside = False
        for rings in parts:
            for r in rings:
                for i in range(len(r)):
                    (ax, ay), (bx, by) = r[i - 1], r[i]
                    if (ay > lat) != (by > lat) and lon < ax + (lat - ay) * (bx - ax) / (by - ay):
                        inside = not inside
        if inside:
            return 0.0
        kx = 111.32 * math.cos(math.radians(lat))
        best = float('inf')
        for rings in parts:
            for r in rings:
                for i in range(len(r)):
                    (ax, ay), (bx, by) = r[i - 1], r[i]
                    # local equirectangular plane around the answer
                    px, py = (ax - lon) * kx, (ay - lat) * 110.57
                    qx, qy = (bx - lon) * kx, (by - lat) * 110.57
                    dx, dy = qx - px, qy - py
                    l2 = dx * dx + dy * dy
                    t = 0.0 if l2 == 0 else max(0.0, min(1.0, -(px * dx + py * dy) / l2))
                    best = min(best, math.hypot(px + t * dx, py + t * dy))
        return best

def hav(lat1, lon1, lat2, lon2):
    r = math.radians
    a = (math.sin(r(lat2 - lat1) / 2) ** 2 +
         math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))

def run(argv):
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b'', b'timeout'
    return p.returncode, p.stdout, p.stderr

def entry_answer(e):
    """(lat, lon, name, match) of a geocode JSON entry, or None."""
    if not isinstance(e, dict) or 'error' in e:
        return None
    try:
        return float(e['lat']), float(e['lon']), str(e.get('name', '')), str(e.get('match', ''))
    except (KeyError, TypeError, ValueError):
        return None

def err_line(stderr):
    s = stderr.decode('utf-8', 'replace').strip().splitlines()
    return s[-1][:160] if s else ''

def geocode_alone(binary, queries):
    """One answer (or None, reason) per query, batch first, one process per query as
    the fallback."""
    answers = [None] * len(queries)
    reasons = [''] * len(queries)
    batches = fallbacks = 0
    for start in range(0, len(queries), CHUNK):
        chunk = queries[start:start + CHUNK]
        rc, out, err = run([binary, 'geocode', '--json', '--limit', '1'] + chunk)
        batches += 1
        data = None
        try:
            data = json.loads(out.decode('utf-8')) if out.strip() else None
        except ValueError:
            data = None
        if isinstance(data, list) and len(data) == len(chunk):
            for i, e in enumerate(data):
                answers[start + i] = entry_answer(e)
                if answers[start + i] is None:
                    reasons[start + i] = (e.get('error', '') if isinstance(e, dict) else 'bad entry')[:160]
            continue
        for i, q in enumerate(chunk):
            fallbacks += 1
            rc, out, err = run([binary, 'geocode', '--json', '--limit', '1', q])
            if rc != 0:
                reasons[start + i] = 'exit %s: %s' % (rc, err_line(err))
                continue
            try:
                data = json.loads(out.decode('utf-8'))
                answers[start + i] = entry_answer(data[0])
                if answers[start + i] is None:
                    reasons[start + i] = 'no answer in the JSON'
            except (ValueError, IndexError, KeyError, TypeError):
                reasons[start + i] = 'unreadable JSON'
    return answers, reasons, batches, fallbacks

def route_last(binary, waypoints):
    rc, out, err = run([binary, 'route', '--format', 'json', '--route', ' > '.join(waypoints)])
    if rc != 0:
        return None, 'exit %s: %s' % (rc, err_line(err))
    try:
        to = json.loads(out.decode('utf-8'))['routes'][0]['legs'][-1]['to']
        return (float(to['lat']), float(to['lon']), str(to.get('name', '')), ''), ''
    except (ValueError, IndexError, KeyError, TypeError):
        return None, 'unreadable route JSON'

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    verbose = '--verbose' in sys.argv
    results_file = None
    if '--results' in sys.argv:
        results_file = sys.argv[sys.argv.index('--results') + 1]
        args.remove(results_file)
    if len(args) != 2:
        sys.exit(__doc__)
    binary, tsv = args
    rows = []
    with open(tsv, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            if not line.strip():
                continue
            r = dict(zip(header, line.rstrip('\n').split('\t')))
            r['lat'], r['lon'] = float(r['lat']), float(r['lon'])
            r['tolerance_km'] = float(r['tolerance_km'])
            rows.append(r)

    alone = [r for r in rows if not r['with']]
    context = [r for r in rows if r['with']]
    answers, reasons, batches, fallbacks = geocode_alone(binary, [r['query'] for r in alone])
    for r, a, why in zip(alone, answers, reasons):
        r['answer'], r['why'] = a, why
    for r in context:
        r['answer'], r['why'] = route_last(binary, r['with'].split(' > ') + [r['query']])

    polygons = None
    gpkg = os.path.join(os.environ.get('CONVOYMAP_DATA', ''), 'geodata', 'world.gpkg')
    if os.path.exists(gpkg):
        try:
            polygons = Polygons(gpkg)
        except sqlite3.Error:
            polygons = None
    polygon_rows = 0
    for r in rows:
        a = r['answer']
        r['outside'] = None
        if a is None:
            r['verdict'], r['km'] = 'failed', None
            continue
        r['km'] = hav(r['lat'], r['lon'], a[0], a[1])
        m = POLYGON_SOURCE.search(r['source'])
        parts = polygons.get(m.group(1), m.group(2).strip()) if polygons and m else None
        if parts:
            polygon_rows += 1
            r['outside'] = Polygons.km_outside(parts, a[0], a[1])
            ok = r['outside'] <= POLYGON_SLACK_KM
            wrong = r['outside'] > WRONG_MARGIN_KM
        else:
            ok = r['km'] <= r['tolerance_km']
            wrong = r['km'] > r['tolerance_km'] + WRONG_MARGIN_KM
        r['verdict'] = 'ok' if ok else ('wrong' if wrong else 'near')

    def describe(r):
        q = r['query'] if not r['with'] else '%s > %s' % (r['with'], r['query'])
        if r['verdict'] == 'failed':
            return '%-14s %s: no answer (%s)' % (r['category'], q, r['why'])
        a = r['answer']
        if r['outside'] is not None:
            return '%-14s %s -> %s (%.4f, %.4f) %s: %.1f km outside the polygon (%s)' % (
                r['category'], q, a[2], a[0], a[1], a[3], r['outside'],
                POLYGON_SOURCE.search(r['source']).group(2).strip())
        return '%-14s %s -> %s (%.4f, %.4f) %s: %.1f km off, tolerance %g km' % (
            r['category'], q, a[2], a[0], a[1], a[3], r['km'], r['tolerance_km'])

    def figures(rs):
        n = len(rs)
        ok = sum(r['verdict'] == 'ok' for r in rs)
        return (n, ok, 100.0 * ok / n if n else 100.0,
                sum(r['verdict'] == 'wrong' for r in rs),
                sum(r['verdict'] == 'near' for r in rs),
                sum(r['verdict'] == 'failed' for r in rs))

    print('1..4')
    if polygons:
        print('# %d answers for countries, first-level divisions and lakes judged by their polygon in %s'
              % (polygon_rows, gpkg))
    else:
        print('# %s not readable: every row judged by its tolerance radius' % gpkg)
    print('# %s: %d rows, %d asked alone (%d batch call(s), %d single-query fallback call(s)), %d in context'
          % (tsv, len(rows), len(alone), batches, fallbacks, len(context)))
    status = 0
    num = 0
    for label, rs in (('alone', alone), ('in context', context)):
        n, ok, pct, wrong, near, failed = figures(rs)
        num += 1
        good = pct >= MIN_WITHIN
        status |= not good
        print('%s %d - %s: %d/%d within tolerance (%.1f %%, needs %.0f %%)'
              % ('ok' if good else 'not ok', num, label, ok, n, pct, MIN_WITHIN))
        print('#   %s: %d exit-0 answers farther than tolerance + %g km, %d near misses, %d failures (no answer)'
              % (label, wrong, WRONG_MARGIN_KM, near, failed))
        num += 1
        status |= wrong != 0
        print('%s %d - %s: %d exit-0 answers farther than tolerance + %g km (needs 0)'
              % ('ok' if wrong == 0 else 'not ok', num, label, wrong, WRONG_MARGIN_KM))
        for r in rs:
            if r['verdict'] == 'wrong':
                print('#   WRONG  ' + describe(r))
        for r in rs:
            if r['verdict'] == 'near':
                print('#   NEAR   ' + describe(r))
        for r in rs:
            if r['verdict'] == 'failed':
                print('#   FAILED ' + describe(r))
        if verbose:
            for r in rs:
                if r['verdict'] == 'ok':
                    print('#   ok     ' + describe(r))

    n, ok, pct, wrong, near, failed = figures(rows)
    print('# summary: %d queries, %d within tolerance (%.1f %%), %d exit-0 answers farther than '
          'tolerance + %g km, %d near misses, %d failures (no answer)'
          % (n, ok, pct, wrong, WRONG_MARGIN_KM, near, failed))
    print('# %-14s %5s %7s %6s %6s %6s' % ('category', 'rows', 'within', 'wrong', 'near', 'failed'))
    for cat in sorted(set(r['category'] for r in rows)):
        n, ok, pct, wrong, near, failed = figures([r for r in rows if r['category'] == cat])
        print('# %-14s %5d %6.1f%% %6d %6d %6d' % (cat, n, pct, wrong, near, failed))

    if results_file:
        with open(results_file, 'w', encoding='utf-8') as f:
            f.write('query\twith\tcategory\tverdict\tkm\tkm_outside_polygon\ttolerance_km\tanswer_name\tanswer_lat\tanswer_lon\tmatch\twhy\texpected_lat\texpected_lon\tsource\n')
            for r in rows:
                a = r['answer'] or ('', '', '', '')
                f.write('\t'.join(str(x) for x in (
                    r['query'], r['with'], r['category'], r['verdict'],
                    '' if r['km'] is None else '%.1f' % r['km'],
                    '' if r['outside'] is None else '%.1f' % r['outside'], r['tolerance_km'],
                    a[2], a[0], a[1], a[3], r['why'], r['lat'], r['lon'], r['source'])) + '\n')
    return status

if __name__ == '__main__':
    sys.exit(main())
