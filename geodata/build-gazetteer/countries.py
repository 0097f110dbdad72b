"""Writes geodata/countries.tsv: one row per country of world.gpkg.

Usage: countries.py world.gpkg iso_3166-1.json countries-ar.tsv WORKDIR OUT.tsv

* name: the common English short name: NAME below where set, else iso-codes'
  common_name, else the world.gpkg name when it is not abbreviated (no '.'),
  else the iso-codes name.
* alternate_names: iso-codes name, common_name and official_name, the
  world.gpkg name, the Arabic name of countries-ar.tsv, and the curated forms
  of CURATED (local names in Latin transcription, exonyms, abbreviations;
  only forms in real use).
* lat, lon: ST_PointOnSurface of the country's largest polygon (area in
  degrees² times cos(latitude), close enough to rank parts), so that the
  point is inside the main territory (Norway's mainland, the lower 48).
python3 stdlib only; rows sorted by iso3.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import geo  # noqa: E402

NAME = {
    "USA": "United States", "GBR": "United Kingdom", "TUR": "Turkey",
    "MKD": "North Macedonia", "SWZ": "Eswatini", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "PSE": "Palestine", "XKX": "Kosovo",
    "XSP": "Spratly Islands", "ALA": "Åland Islands", "FRO": "Faroe Islands",
    "BLM": "Saint Barthélemy", "MAF": "Saint Martin", "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands", "FLK": "Falkland Islands",
    "PCN": "Pitcairn Islands", "STP": "São Tomé and Príncipe", "SHN": "Saint Helena",
    "FSM": "Micronesia", "BRN": "Brunei", "CZE": "Czechia",
}

# Other names in real use: local names in Latin transcription, exonyms,
# abbreviations. CENTCOM, EUCOM, AFRICOM and INDOPACOM countries, and those
# that planners name most.
CURATED = {
    # CENTCOM
    "AFG": ["Afghanestan", "Afganistan", "Islamic Emirate of Afghanistan"],
    "ARE": ["UAE", "U.A.E.", "Emirates", "The Emirates", "Al-Imarat", "Al Imarat",
            "Emirats arabes unis"],
    "BHR": ["Al-Bahrain", "Al Bahrain", "Bahrein", "Mamlakat al-Bahrain"],
    "EGY": ["Misr", "Masr", "Jumhuriyat Misr al-Arabiyah", "Egypte", "Ägypten"],
    "IRN": ["Persia", "IRI", "Jomhuri-ye Eslami-ye Iran"],
    "IRQ": ["Al-Iraq", "Al Iraq", "Jumhuriyat al-Iraq", "Irak"],
    "ISR": ["Yisrael", "Medinat Yisrael", "Isra'il"],
    "JOR": ["Al-Urdun", "Al Urdun", "Urdun", "Al-Mamlakah al-Urduniyah al-Hashimiyah"],
    "KAZ": ["Qazaqstan", "Kazakstan"],
    "KGZ": ["Kyrgyz Republic", "Kirghizia", "Kirgizstan"],
    "KWT": ["Dawlat al-Kuwait", "Al-Kuwait", "Al Kuwait", "Koweit"],
    "LBN": ["Lubnan", "Liban", "Al-Jumhuriyah al-Lubnaniyah"],
    "OMN": ["Uman", "Saltanat Uman"],
    "PAK": ["Islamic Republic of Pakistan"],
    "QAT": ["Dawlat Qatar", "Katar"],
    "SAU": ["KSA", "K.S.A.", "Saudi", "Kingdom of Saudi Arabia",
            "Al-Mamlakah al-Arabiyah as-Suudiyah", "Arabie saoudite"],
    "SYR": ["Suriya", "Suriyah", "Souria", "Syrie", "Syrien",
            "Al-Jumhuriyah al-Arabiyah as-Suriyah"],
    "TJK": ["Tojikiston", "Tadzhikistan"],
    "TKM": ["Türkmenistan", "Turkmenia"],
    "UZB": ["O'zbekiston", "Ozbekiston"],
    "YEM": ["Al-Yaman", "Al Yaman", "Yaman", "Jemen"],
    "PSE": ["Filastin", "Falastin", "Palestinian Territories", "Occupied Palestinian Territory",
            "West Bank and Gaza"],
    # EUCOM
    "TUR": ["Türkiye", "Turkiye", "Türkiye Cumhuriyeti", "Turkei", "Türkei", "Turquie"],
    "CYP": ["Kypros", "Kıbrıs", "Kibris"],
    "GEO": ["Sakartvelo"],
    "ARM": ["Hayastan"],
    "AZE": ["Azərbaycan", "Azerbaycan", "Azerbaidzhan"],
    "RUS": ["Rossiya", "Rossiyskaya Federatsiya", "Russland", "Russie"],
    "UKR": ["Ukraina", "Ukrayina"],
    "BLR": ["Byelorussia", "Belorussia", "Bielorussia"],
    "MDA": ["Moldavia"],
    "DEU": ["Deutschland", "Bundesrepublik Deutschland", "Allemagne", "Alemania"],
    "POL": ["Polska", "Rzeczpospolita Polska", "Pologne"],
    "GRC": ["Hellas", "Ellada", "Elláda", "Grèce"],
    "ITA": ["Italia", "Repubblica Italiana", "Italie"],
    "ESP": ["España", "Espana", "Reino de España", "Espagne"],
    "PRT": ["República Portuguesa"],
    "FRA": ["République française", "Republique francaise"],
    "NLD": ["Nederland", "Holland", "The Netherlands"],
    "BEL": ["België", "Belgie", "Belgique", "Belgien"],
    "LUX": ["Lëtzebuerg", "Luxemburg"],
    "CHE": ["Schweiz", "Suisse", "Svizzera", "Helvetia"],
    "AUT": ["Österreich", "Osterreich"],
    "HUN": ["Magyarország", "Magyarorszag"],
    "CZE": ["Czech Republic", "Česko", "Cesko"],
    "SVK": ["Slovensko"],
    "SVN": ["Slovenija"],
    "HRV": ["Hrvatska"],
    "SRB": ["Srbija"],
    "BIH": ["Bosna i Hercegovina", "BiH", "Bosnia", "Bosnia-Herzegovina"],
    "MNE": ["Crna Gora"],
    "MKD": ["Macedonia", "Severna Makedonija", "FYROM"],
    "ALB": ["Shqipëria", "Shqiperia"],
    "XKX": ["Kosova", "Republic of Kosovo"],
    "BGR": ["Bulgariya", "Balgariya"],
    "ROU": ["România", "Rumania", "Roumanie"],
    "EST": ["Eesti"],
    "LVA": ["Latvija"],
    "LTU": ["Lietuva"],
    "FIN": ["Suomi"],
    "SWE": ["Sverige"],
    "NOR": ["Norge", "Noreg"],
    "DNK": ["Danmark"],
    "ISL": ["Ísland"],
    "IRL": ["Éire", "Eire"],
    "GBR": ["UK", "U.K.", "Great Britain", "Britain"],
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    # AFRICOM
    "DJI": ["Jabuuti", "Jibuti"],
    "SOM": ["Soomaaliya", "As-Sumal", "Somalie"],
    "ETH": ["Ityop'iya", "Ityopya"],
    "ERI": ["Ertra"],
    "SDN": ["As-Sudan", "Al-Sudan", "Soudan"],
    "SSD": ["South Sudan"],
    "LBY": ["Libiya", "Libia", "Libye"],
    "TUN": ["Tunes", "Tounes", "Tunisie"],
    "DZA": ["Al-Jaza'ir", "Al Jazair", "Algérie", "Algerie"],
    "MAR": ["Al-Maghrib", "Al Maghrib", "Maroc", "Marruecos"],
    "MRT": ["Muritaniya", "Mauritanie"],
    "TCD": ["Tchad"],
    "CMR": ["Cameroun"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "CPV": ["Cape Verde"],
    "COD": ["DRC", "DR Congo", "Congo-Kinshasa", "Zaire"],
    "COG": ["Congo-Brazzaville", "Congo Republic"],
    "CAF": ["CAR", "Centrafrique"],
    "SWZ": ["Swaziland"],
    "ZAF": ["RSA"],
    "BFA": ["Burkina"],
    "MOZ": ["Moçambique", "Mocambique"],
    "SEN": ["Sénégal"],
    "NER": ["Niger"],
    "GNQ": ["Guinea Ecuatorial"],
    # INDOPACOM
    "CHN": ["PRC", "Zhongguo", "Mainland China"],
    "TWN": ["ROC", "Republic of China", "Formosa"],
    "JPN": ["Nippon", "Nihon"],
    "KOR": ["ROK", "Republic of Korea", "Korea", "Hanguk", "Daehan Minguk"],
    "PRK": ["DPRK", "Choson", "Chosŏn"],
    "PHL": ["Pilipinas", "Filipinas"],
    "IND": ["Bharat", "Hindustan"],
    "AUS": ["Commonwealth of Australia"],
    "NZL": ["Aotearoa"],
    "SGP": ["Singapura"],
    "THA": ["Siam", "Prathet Thai", "Muang Thai"],
    "VNM": ["Viet Nam"],
    "MMR": ["Burma"],
    "KHM": ["Kampuchea"],
    "LAO": ["Lao PDR"],
    "TLS": ["East Timor"],
    "BRN": ["Brunei Darussalam"],
    "MNG": ["Mongol Uls"],
    "MDV": ["Dhivehi Raajje"],
}


def main():
    world, iso1, ar_tsv, work, out = sys.argv[1:6]
    with open(iso1, encoding="utf-8") as f:
        iso = {c["alpha_3"]: c for c in json.load(f)["3166-1"]}
    arabic = {}
    with open(ar_tsv, encoding="utf-8") as f:
        next(f)
        for line in f:
            a3, _, ar = line.rstrip("\n").split("\t")
            arabic[a3] = ar
    parts = os.path.join(work, "country-parts.gpkg")
    if os.path.exists(parts):
        os.remove(parts)
    geo.ogr2ogr("-f", "GPKG", parts, world, "countries", "-nln", "parts",
                "-explodecollections", "-unsetFid")
    best = {}
    for r in geo.sql(parts, """
            SELECT iso3, name,
                   ST_Area(geom) * cos(radians(ST_Y(ST_Centroid(geom)))) AS area,
                   ST_AsText(ST_PointOnSurface(geom)) AS wkt
            FROM parts"""):
        a = float(r["area"])
        if r["iso3"] not in best or a > best[r["iso3"]][0]:
            best[r["iso3"]] = (a, r["name"], r["wkt"])
    rows = []
    for a3 in sorted(best):
        _, wname, wkt = best[a3]
        c = iso.get(a3, {})
        a2 = c.get("alpha_2", {"XKX": "XK", "XSP": ""}.get(a3, ""))
        if a3 in NAME:
            name = NAME[a3]
        elif "common_name" in c:
            name = c["common_name"]
        elif "." not in wname:
            name = wname
        else:
            name = c["name"]
        if "," in name or "." in name:
            geo.die(f"{a3}: no short name ({name!r}); add it to NAME")
        alts = [c.get("name", ""), c.get("common_name", ""), c.get("official_name", ""),
                wname, arabic.get(a3, "")] + CURATED.get(a3, [])
        lat, lon = geo.parse_point(wkt)
        src = (f"iso-codes ISO 3166-1 {a3} (LGPL-2.1+); Natural Earth admin-0 (public domain), "
               f"point inside the largest polygon of world.gpkg")
        rows.append((a3, a2, name, geo.join_names(alts, exclude=[name]), geo.fmt(lat),
                     geo.fmt(lon), src))
    for a3 in CURATED:
        if a3 not in best:
            geo.die(f"CURATED names {a3}, which world.gpkg does not have")
    geo.write_tsv(out, ["iso3", "iso2", "name", "alternate_names", "lat", "lon", "source"], rows)
    print(f"countries: {len(rows)} rows", file=sys.stderr)


main()
