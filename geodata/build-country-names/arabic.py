"""Writes geodata/countries-ar.tsv: the Arabic name of every country of
world.gpkg, for map labels in Arabic.

Usage: python3 arabic.py WORLD.gpkg ISO_3166-1.json ISO_3166-1.mo > countries-ar.tsv

Names come from the Arabic translation of iso-codes (Debian package
iso-codes): the short common name where it is translated, else the name,
cut at "،" ("إيران، الجمهورية الإسلامية الإيرانية" -> "إيران"), without
vowel marks or shadda. OVERRIDES replace the translations that are missing,
wrong or long official forms; each says why."""
import gettext
import json
import re
import sqlite3
import sys

OVERRIDES = {
    # Untranslated in iso-codes.
    "TUR": "تركيا",
    "XKX": "كوسوفو",
    "XSP": "جزر سبراتلي",
    # Long official forms where maps use the short name.
    "SYR": "سوريا",
    "LAO": "لاوس",
    "PSE": "فلسطين",
    "RUS": "روسيا",
    "HUN": "المجر",
    # Two countries would read alike once cut at the comma.
    "KOR": "كوريا الجنوبية",
    "PRK": "كوريا الشمالية",
    "COD": "الكونغو الديمقراطية",
    "VGB": "جزر العذراء البريطانية",
    "VIR": "جزر العذراء الأمريكية",
    # Wrong in iso-codes: its common name of Moldova is the Maldives.
    "MDA": "مولدوفا",
    # Spelling: صربية is an adjective.
    "SRB": "صربيا",
    # Oman keeps its damma: unvocalised عمان is also Amman.
    "OMN": "عُمان",
}

MARKS = re.compile("[\u064b-\u065f\u0670]")


def main(world, codes, catalogue):
    with open(catalogue, "rb") as f:
        arabic = gettext.GNUTranslations(f)
    with open(codes, encoding="utf-8") as f:
        countries = {c["alpha_3"]: c for c in json.load(f)["3166-1"]}
    rows = sqlite3.connect(world).execute(
        "SELECT iso3, name FROM countries ORDER BY iso3").fetchall()
    print("iso3\tname\tname_ar")
    for iso3, name in rows:
        name_ar = OVERRIDES.get(iso3)
        if name_ar is None:
            entry = countries[iso3]
            for key in ("common_name", "name"):
                if key in entry and arabic.gettext(entry[key]) != entry[key]:
                    name_ar = arabic.gettext(entry[key])
                    break
            if name_ar is None:
                sys.exit(f"no Arabic name for {iso3} {name}: add it to OVERRIDES")
            name_ar = MARKS.sub("", name_ar.split("،")[0]).strip()
            name_ar = re.sub(r"\s+", " ", name_ar)
        print(f"{iso3}\t{name}\t{name_ar}")


if __name__ == "__main__":
    main(*sys.argv[1:])
