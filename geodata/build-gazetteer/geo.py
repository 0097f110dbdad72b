"""Shared helpers for the gazetteer builders: SQL on a GeoPackage through the
GDAL command-line tools, TSV writing, geodesic distance. python3 stdlib only
(the GDAL tools gdal-bin provides are called as programs)."""
import csv
import io
import math
import subprocess
import sys

csv.field_size_limit(1 << 30)


def sql(gpkg, query):
    """Runs query (GeoPackage SQL with the SpatiaLite functions GDAL adds) on
    gpkg and returns the rows as dicts of strings."""
    out = subprocess.run(
        ["ogr2ogr", "-q", "-f", "CSV", "/vsistdout/", gpkg, "-sql", query],
        check=True, capture_output=True, text=True, encoding="utf-8").stdout
    return list(csv.DictReader(io.StringIO(out)))


def ogr2ogr(*args):
    subprocess.run(["ogr2ogr", "-q", *args], check=True)


def clean(text):
    """A field value: no tab, newline or '|', spaces collapsed."""
    text = " ".join(str(text).replace("|", " ").split())
    return text


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            assert len(r) == len(header), r
            for v in r:
                assert "\t" not in str(v) and "\n" not in str(v), r
            f.write("\t".join(str(v) for v in r) + "\n")


def join_names(names, exclude=()):
    """'|'-joined list of distinct cleaned names in order, without those in
    exclude (compared case-sensitively)."""
    seen = set(exclude)
    out = []
    for n in names:
        n = clean(n)
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return "|".join(out)


def km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (spherical Earth, R = 6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def parse_point(wkt):
    """'POINT (x y)' -> (lat, lon)."""
    inner = wkt[wkt.index("(") + 1:wkt.rindex(")")].split()
    return float(inner[1]), float(inner[0])


def fmt(v):
    """A coordinate with 5 decimals (about 1 m), without trailing zeros."""
    s = f"{v:.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def die(msg):
    sys.exit(msg)


def latin_or_arabic(text):
    """True when every letter of text is Latin or Arabic script: the scripts
    planners type or read in the region (extract.py keeps only those)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    for c in letters:
        o = ord(c)
        latin = o < 0x250 or 0x1E00 <= o <= 0x1EFF
        arabic = 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0xFB50 <= o <= 0xFDFF \
            or 0xFE70 <= o <= 0xFEFF
        if not (latin or arabic):
            return False
    return True
