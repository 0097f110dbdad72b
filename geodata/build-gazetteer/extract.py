"""Writes the compact gazetteer (TSV on stdout) from GeoNames cities500.txt.

Usage: extract.py ISO_3166-1.json cities500.txt

Keeps the columns convoymap needs, maps ISO 3166-1 alpha-2 country codes to
alpha-3, and keeps only the alternate names written in Latin or Arabic
script (the scripts planners type or read in the region), minus exact
duplicates of the name, so that the file stays small. GeoNames mixes
airport codes and web links into the alternate names (Baghdad "BGW", Ramadi
"XTM", Basrah "BSR"; "https://en.wikipedia.org/..."): every alternate of
exactly three capital ASCII letters (the form of an IATA code; nearly all of
them are one) and every one that starts with "http" is dropped, so that a
town never answers an airport code. Rows are sorted by
GeoNames id so that a rebuild gives the same file. python3 stdlib only.
"""
import json
import re
import sys

from geo import latin_or_arabic

# Codes GeoNames uses that ISO 3166-1 does not assign; the same choice as
# geodata/world.gpkg (user-assigned X.. codes).
EXTRA_ALPHA3 = {"XK": "XKX"}


IATA_LIKE = re.compile(r"[A-Z]{3}")


def code_or_link(text):
    """True for an alternate that is an airport code or a web link."""
    return IATA_LIKE.fullmatch(text) is not None or text.startswith("http")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        alpha3 = {c["alpha_2"]: c["alpha_3"] for c in json.load(f)["3166-1"]}
    alpha3.update(EXTRA_ALPHA3)
    rows = []
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            geonameid, name, ascii_name, alternates = c[0], c[1], c[2], c[3]
            lat, lon, feature_code, country = c[4], c[5], c[7], c[8]
            admin1, population = c[10], c[14]
            if country not in alpha3:
                sys.exit(f"unknown country code {country!r} (GeoNames id {geonameid})")
            seen = {name, ascii_name}
            kept = []
            for alt in alternates.split(","):
                alt = alt.strip()
                if alt and alt not in seen and "|" not in alt and "\t" not in alt \
                        and not code_or_link(alt) and latin_or_arabic(alt):
                    seen.add(alt)
                    kept.append(alt)
            rows.append((int(geonameid), name, ascii_name if ascii_name != name else "",
                         "|".join(kept), lat, lon, alpha3[country], admin1, feature_code,
                         population or "0"))
    rows.sort()
    out = sys.stdout
    out.write("geonameid\tname\tascii_name\talternate_names\tlat\tlon\tcountry\tadmin1"
              "\tfeature_code\tpopulation\n")
    for r in rows:
        out.write("\t".join(str(v) for v in r) + "\n")


main()
