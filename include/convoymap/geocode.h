/* convoymap — geocoder: turns what a planner types into a place.
 *
 * A query is a place name or a coordinate in any form cm_coordinate_parse()
 * reads (decimal, DMS, MGRS). Names come from the gazetteer index built
 * from the curated sites (geodata/sites.csv, geodata/sites/), countries,
 * first-level divisions, the basemap's rivers and lakes, OurAirports'
 * airfields and the GeoNames settlements of 500 or more inhabitants
 * (geodata/README.md); docs/geocoding.md gives the rules. Names match
 * regardless of case, diacritics, punctuation, the Arabic article, common
 * transliteration variants (Ayn/Ain, Abu/Albu/Bu, Qaim/Kaim, doubled
 * letters) and facility words (Air Base, AB, Airport, Border Crossing, Camp).
 * Typos (a letter or two dropped, added, wrong or swapped with the next)
 * find only suggestions, except when cm_geocoder_answer() or
 * cm_geocoder_resolve() finds them clear. docs/geocoding.md gives the
 * folding and typo rules in full.
 * Everything is offline.
 */
#ifndef CONVOYMAP_GEOCODE_H
#define CONVOYMAP_GEOCODE_H

#include "context.h"
#include "geodesy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A resolved place. All strings are owned by the place and freed by
 * cm_place_free(); a place built by hand must zero the fields it does not
 * set. */
typedef struct cm_place {
    char *name;      /* display name, e.g. "Ayn al-Asad Air Base" */
    char *kind;      /* "city", "town", "airbase", "border_crossing", "coordinate", ... */
    char *country;   /* ISO 3166-1 alpha-3, "" when unknown (raw coordinates) */
    char *source;    /* provenance of the coordinate */
    cm_geo_point position;
    char *admin1;    /* GeoNames first-level division code, "" or NULL when unknown */
    long long population; /* inhabitants, 0 when unknown or not a settlement */
    /* Arabic display name, e.g. "الرمادي", or NULL when the place has none
     * (raw coordinates, most places outside the Arabic-script world). Chosen
     * among the gazetteer's spellings of the place: an Arabic-language
     * spelling, or the Persian, Dari, Pashto or Urdu one in Iran,
     * Afghanistan and Pakistan. */
    char *name_ar;
    /* English name of the first-level division, e.g. "Anbar"; "" when
     * unknown (raw coordinates, user sites). A curated site or airfield
     * takes the division of the nearest settlement of its country. */
    char *admin1_name;
} cm_place;

/* How a candidate matched its query. */
typedef enum cm_match {
    CM_MATCH_EXACT,      /* a spelling equal but for case, diacritics and punctuation */
    CM_MATCH_FOLDED,     /* equal after the transliteration rules */
    CM_MATCH_FUZZY,      /* similar: a suggestion, taken only by cm_geocoder_resolve() */
    CM_MATCH_COORDINATE, /* the query was a coordinate */
} cm_match;

/* One ranked answer to a query. */
typedef struct cm_candidate {
    const cm_place *place; /* owned by the list */
    double score;          /* 0..1, higher is better */
    cm_match match;
    double similarity;     /* CM_MATCH_FUZZY: of the spelling to the query, 0..1 (one minus
                              its edits over the longer length, folded); else 1 */
    double confidence;     /* of the first candidate: 0..1, how sure the answer is (its
                              match and its lead over the next place elsewhere;
                              docs/geocoding.md); 0 for the others */
} cm_candidate;

typedef struct cm_candidate_list cm_candidate_list;

typedef struct cm_geocoder cm_geocoder;

/* Opens the gazetteer index of the context's data directory
 * (geodata/gazetteer.sqlite; the build tree's copy when the data directory
 * is the source tree). Returns NULL
 * on failure, with the reason in the context. Free with cm_geocoder_free(). */
CM_API cm_geocoder *cm_geocoder_new(cm_context *context);

CM_API void cm_geocoder_free(cm_geocoder *geocoder);

/* Adds the user's own sites from the gazetteer file at path, read through
 * OGR: CSV with the columns of geodata/sites.csv (name, aliases separated
 * by '|', kind, country as ISO3, lat, lon, and optionally name_ar, the
 * Arabic name, else chosen among name and aliases as the shipped places'
 * is; only name, lat and lon are required), GeoJSON points or GeoPackage
 * point layers with a "name" property (and optionally the others). User
 * sites match like shipped names, outrank every shipped place on the same
 * match, and hide shipped places that match about as well nearby.
 * They are not used for reverse geocoding. Returns CM_OK, or CM_ERR_INPUT
 * naming the file and the bad line (CSV) or feature, having added
 * nothing (CM_ERR_LIBRARY when the GDAL/OGR module cannot be loaded, as for
 * cm_route_read_file()). The geocoder keeps what it read; path is not
 * kept. */
CM_API cm_status cm_geocoder_add_gazetteer(cm_geocoder *geocoder, const char *path);

/* Resolves query to its best-ranked place (see cm_geocoder_search()). On
 * success returns CM_OK and stores in *place a new place the caller frees
 * with cm_place_free(). An unknown name gives CM_ERR_INPUT and a message
 * naming the query (with the closest known names when some are close); a
 * coordinate out of range gives CM_ERR_INPUT too. */
CM_API cm_status cm_geocoder_lookup(cm_geocoder *geocoder, const char *query,
                                    cm_place **place);

/* The places query may mean, best first, at most limit of them (0: no
 * limit), only in country unless that is NULL (a country's name in any
 * form the index knows, or its ISO 3166 alpha-2 or alpha-3 code).
 * The query's shape is read first: qualifiers after commas ("Ramadi,
 * Iraq", "Ramadi, Anbar") or trailing words that name a country or a
 * first-level division ("Ramadi Iraq") filter; generic words ("Anbar
 * province", "Camp Victory", "Umm Qasr port") name the kind; "Nasib-Jaber
 * crossing" names a crossing by its two posts. Candidates are ranked by
 * how they match (exact, then folded), whether the spelling is one of the
 * place's own names or only an alternate, whether the kind fits, and
 * prominence (user sites, countries, divisions, curated sites, capitals,
 * then population): the rules and their constants are in
 * docs/geocoding.md. A lower-tier place near a settlement or a place of
 * its kind that scores about as high is left out as its namesake, and so
 * is a shipped place near a user site. The first candidate's confidence
 * is set.
 * Returns CM_OK and a list of exact or folded matches (a coordinate gives
 * one CM_MATCH_COORDINATE candidate). When no name matches, returns
 * CM_ERR_INPUT with "did you mean" in the message when there are similar
 * names, and still stores those fuzzy candidates (possibly none) in
 * *candidates. The caller frees *candidates with cm_candidate_list_free();
 * it is NULL only for malformed queries (invalid UTF-8, a bad country code,
 * a malformed coordinate, nothing but punctuation). */
CM_API cm_status cm_geocoder_search(cm_geocoder *geocoder, const char *query,
                                    const char *country, size_t limit,
                                    cm_candidate_list **candidates);

/* The answer a person asking about query alone gets: cm_geocoder_search(),
 * except that a lone typo with one clear reading (similar enough and well
 * above the next place elsewhere: "Bagdhad"; docs/geocoding.md) is taken
 * as CM_MATCH_FUZZY with CM_OK and noted for cm_geocoder_take_notes(). */
CM_API cm_status cm_geocoder_answer(cm_geocoder *geocoder, const char *query,
                                    const char *country, size_t limit,
                                    cm_candidate_list **candidates);

CM_API size_t cm_candidate_list_count(const cm_candidate_list *candidates);

/* Candidate i (0 is the best), owned by the list. */
CM_API const cm_candidate *cm_candidate_list_get(const cm_candidate_list *candidates,
                                                 size_t i);

CM_API void cm_candidate_list_free(cm_candidate_list *candidates);

/* Resolves the n queries together, as the sites of one route or map, into
 * lists, an array of n the caller provides. On CM_OK, lists[i] is a new
 * candidate list (free each with cm_candidate_list_free()) whose first
 * candidate is the answer to queries[i] and the rest its alternatives.
 * Beyond cm_geocoder_search() (the rules and their constants are in
 * docs/geocoding.md):
 * - Context: when a name has namesakes of similar rank elsewhere, its
 *   candidates lose score with their geodesic distance to the other sites
 *   (the n_near points near, and the answers of the other queries that are
 *   not in doubt); several names in doubt are weighed together: "Tripoli"
 *   with Homs is Lebanon's, with Benghazi Libya's.
 * - Context beats a far reading: an answer far out of line with the other
 *   sites gives way to a near reading of its query (an alias or a typo):
 *   "Nasariyah" after "Basrah" is An Nasiriyah, not a West Bank town.
 * - Clear typos: a name that matches only fuzzily is taken, as
 *   CM_MATCH_FUZZY, when in context it is the only place of that spelling
 *   near the other sites, or when it is clear alone (cm_geocoder_answer()).
 *   Otherwise the call fails with the search's "did you mean" message.
 * - A river or lake stands at its point nearest the other sites.
 * Answers worth telling the user (a typo taken, a far reading replaced, a
 * name with namesakes of similar rank, an answer in doubt far out of line
 * with the route's legs) are noted for cm_geocoder_take_notes(). On failure returns
 * the first failing query's status and message, and every lists[i] is
 * NULL. near may be NULL when n_near is 0. */
CM_API cm_status cm_geocoder_resolve(cm_geocoder *geocoder, const char *const *queries,
                                     size_t n, const cm_geo_point *near, size_t n_near,
                                     cm_candidate_list **lists);

/* Resolves n sites that are not the stops of a route (marked sites, a
 * place to centre on) together, in the context of the near points, as
 * cm_geocoder_resolve() does, but without its rules about legs: a marked
 * site may lie anywhere, so no far reading gives way to a near one and no
 * leg is warned about ("Basra" marked beside a route from Amman to Baghdad
 * is Basrah, Iraq, not Batsra by a typo near the route). Namesakes still
 * rank by their distance to the near points and clear typos are taken as
 * in cm_geocoder_resolve(). Same ownership and failures. */
CM_API cm_status cm_geocoder_resolve_sites(cm_geocoder *geocoder, const char *const *queries,
                                           size_t n, const cm_geo_point *near, size_t n_near,
                                           cm_candidate_list **lists);

/* One line for the user about how query was resolved to list's first
 * candidate: "taking 'al-Bukamai' as Abu Kamal (SYR) [fuzzy]" for a typo,
 * "taking 'Tripoli' as Tripoli (LBY); also 'Tripoli' (LBN), ..." when
 * places elsewhere rank about as high; NULL when there is nothing to
 * say. Returns a new string the caller frees with cm_free(). */
CM_API char *cm_resolution_note(const char *query, const cm_candidate_list *list);

/* The notes of cm_geocoder_resolve() since the last call, one line each
 * ending in '\n', oldest first, and forgets them. Returns a new string the
 * caller frees with cm_free(), or NULL when there are none. */
CM_API char *cm_geocoder_take_notes(cm_geocoder *geocoder);

/* The named place (curated site, airfield or GeoNames settlement; never a
 * country, division or river) nearest to point,
 * within max_distance_m along the ellipsoid, with the geodesic from the
 * place to point in *from_place (distance and bearing as "12 km 045° from
 * X"). Returns a new place the caller frees with cm_place_free(), or NULL
 * when there is none that close. */
CM_API cm_place *cm_geocoder_reverse(cm_geocoder *geocoder, cm_geo_point point,
                                     double max_distance_m, cm_geodesic_result *from_place);

/* The curated site nearest to point (reverse geocoding), optionally only
 * of kind (e.g. "border_crossing") and in country (ISO3), within
 * max_distance_m along the ellipsoid. Returns a new place the caller frees
 * with cm_place_free() and its distance in *distance_m, or NULL when none
 * qualifies. kind and country may be NULL for any. */
CM_API cm_place *cm_geocoder_nearest(cm_geocoder *geocoder, cm_geo_point point,
                                     const char *kind, const char *country,
                                     double max_distance_m, double *distance_m);

/* The outline of an area answer, a country (kind "country") or a
 * first-level division (kind "admin1"), from the basemap (Natural Earth,
 * geodata/world.gpkg): the polygon of that country or division that holds
 * the place's point, as WKB in longitude/latitude order (EPSG:4326). On
 * CM_OK, *wkb is a new buffer of *size bytes the caller frees with
 * cm_free(). CM_ERR_INPUT for a place of another kind or a division
 * the basemap does not outline; CM_ERR_DATA when the basemap cannot be
 * read. */
CM_API cm_status cm_geocoder_area_outline(cm_geocoder *geocoder, const cm_place *place,
                                          unsigned char **wkb, size_t *size);

/* A deep copy of place; the caller frees it with cm_place_free(). */
CM_API cm_place *cm_place_copy(const cm_place *place);

CM_API void cm_place_free(cm_place *place);

#ifdef __cplusplus
}
#endif

#endif
