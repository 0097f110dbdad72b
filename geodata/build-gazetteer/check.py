"""Checks the files build-gazetteer.sh writes; exits 1 on the first kind of
defect, printing them. Usage: check.py (from geodata/). python3 stdlib plus
ogr2ogr for the point-in-polygon checks.

* every file: header as expected, the same number of fields on every row, no
  empty name, lat in [-90, 90], lon in [-180, 180], every country code an
  iso3 of world.gpkg (countries.tsv) or of iso-codes or XKX (the others:
  GeoNames and OurAirports keep e.g. Mayotte, MYT, apart from France), rows
  sorted by their key;
* countries.tsv: every point lies inside its own country polygon;
* admin1.tsv: a point placed by polygon lies inside a world.gpkg admin1
  polygon of its country;
* spot checks: positions of Iraq, Anbar, the Euphrates, ORAA within a few km
  of known values."""
import csv
import io
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import geo  # noqa: E402

HEADERS = {
    "gazetteer.tsv": "geonameid name ascii_name alternate_names lat lon country admin1 "
                     "feature_code population",
    "admin1.tsv": "country code name alternate_names lat lon source",
    "countries.tsv": "iso3 iso2 name alternate_names lat lon source",
    "waters.tsv": "name kind alternate_names lat lon points source",
    "airports.tsv": "ident iata name kind country lat lon municipality keywords source",
}
KEY = {"gazetteer.tsv": lambda r: int(r["geonameid"]),
       "admin1.tsv": lambda r: (r["country"], r["code"]),
       "countries.tsv": lambda r: r["iso3"],
       "waters.tsv": lambda r: (r["kind"] != "river", r["name"]),
       "airports.tsv": lambda r: r["ident"]}
COUNTRY = {"gazetteer.tsv": "country", "admin1.tsv": "country", "airports.tsv": "country"}
# (file, key, lat, lon, tolerance km, what the reference is)
SPOT = [
    ("countries.tsv", "IRQ", 33.0, 43.5, 250, "inside Iraq (checked by polygon too)"),
    ("admin1.tsv", ("IRQ", "01"), 33.0, 41.9, 150, "Anbar: the governorate's middle"),
    ("airports.tsv", "ORAA", 33.7856, 42.4412, 1, "Al Asad Air Base (README, sites.csv)"),
    ("waters.tsv", (False, "Euphrates"), 35.4, 40.1, 60, "the Euphrates near Deir ez-Zor"),
    ("gazetteer.tsv", 98717, 33.42056, 43.30778, 1, "Ramadi"),
]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        header = f.readline().rstrip("\n").split("\t")
        if " ".join(header) != HEADERS[path]:
            geo.die(f"{path}: header {header}")
        rows = []
        for n, line in enumerate(f, 2):
            c = line.rstrip("\n").split("\t")
            if len(c) != len(header):
                geo.die(f"{path}:{n}: {len(c)} fields")
            rows.append(dict(zip(header, c)))
    return rows


def main():
    bad = []
    world_iso3 = {r["iso3"] for r in geo.sql("world.gpkg", "SELECT iso3 FROM countries")}
    data = {}
    for path in HEADERS:
        rows = read(path)
        data[path] = rows
        keys = [KEY[path](r) for r in rows]
        if keys != sorted(keys) or len(set(keys)) != len(keys):
            bad.append(f"{path}: rows not sorted by key or key repeated")
        for r in rows:
            if not r["name"].strip():
                bad.append(f"{path}: empty name {r}")
            lat, lon = float(r["lat"]), float(r["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                bad.append(f"{path}: position out of range {r}")
            cc = r.get(COUNTRY.get(path, "iso3"))
            if path != "waters.tsv" and cc not in world_iso3:
                if path != "countries.tsv":  # GeoNames' MYT, REU, SJM, ... are FRA, NOR there
                    known = cc in iso3_codes()
                else:
                    known = False
                if not known:
                    bad.append(f"{path}: unknown country {cc!r} in {r.get('name')}")
        print(f"{path}: {len(rows)} rows, {os.path.getsize(path)} bytes")
    # points inside polygons
    tmp = "/tmp/.check-gazetteer.csv"  # removed at the end
    with open(tmp, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kind", "key", "iso3", "lat", "lon"])
        for r in data["countries.tsv"]:
            w.writerow(["country", r["iso3"], r["iso3"], r["lat"], r["lon"]])
        for r in data["admin1.tsv"]:
            if "polygon" in r["source"] and "no Natural" not in r["source"]:
                w.writerow(["admin1", r["country"] + "." + r["code"], r["country"], r["lat"],
                            r["lon"]])
    gpkg = "/tmp/.check-gazetteer.gpkg"
    if os.path.exists(gpkg):
        os.remove(gpkg)
    geo.ogr2ogr("-f", "GPKG", gpkg, tmp, "-nln", "pts", "-a_srs", "EPSG:4326",
                "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat")
    geo.ogr2ogr("-update", gpkg, "world.gpkg", "countries")
    geo.ogr2ogr("-update", gpkg, "world.gpkg", "admin1")
    out = subprocess.run(
        ["ogr2ogr", "-q", "-f", "CSV", "/vsistdout/", gpkg, "-sql",
         """SELECT p.kind, p.key FROM pts p
             WHERE NOT EXISTS (SELECT 1 FROM countries c WHERE p.kind = 'country'
                               AND c.iso3 = p.iso3 AND ST_Intersects(p.geom, c.geom))
               AND NOT EXISTS (SELECT 1 FROM admin1 a WHERE p.kind = 'admin1'
                               AND a.iso3 = p.iso3 AND ST_Intersects(p.geom, a.geom))"""],
        capture_output=True, text=True)
    if out.returncode != 0:
        geo.die(out.stderr)
    os.remove(gpkg)
    os.remove(tmp)
    outside = list(csv.DictReader(io.StringIO(out.stdout)))
    for r in outside:
        bad.append(f"{r['kind']} {r['key']}: point not inside its polygon")
    print(f"points inside their polygon: {len(data['countries.tsv'])} countries, "
          f"admin1 by polygon checked; {len(outside)} outside")
    for path, key, lat, lon, tol, what in SPOT:
        row = next(r for r in data[path] if KEY[path](r) == key)
        d = geo.km(float(row["lat"]), float(row["lon"]), lat, lon)
        print(f"spot {path} {row['name']}: {row['lat']},{row['lon']} is {d:.1f} km from {what}")
        if d > tol:
            bad.append(f"spot check {path} {key}: {d:.1f} km > {tol}")
    if bad:
        print("\n".join(bad[:50]))
        sys.exit(1)
    print("all checks passed")


def iso3_codes():
    import json
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        return {c["alpha_3"] for c in json.load(f)["3166-1"]} | {"XKX"}


main()
