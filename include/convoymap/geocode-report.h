/* convoymap — geocoding reports: what `convoymap geocode` prints, as
 * aligned text or JSON, for forward queries (ranked candidates with MGRS)
 * and for reverse geocoding (nearest place, distance and bearing). */
#ifndef CONVOYMAP_GEOCODE_REPORT_H
#define CONVOYMAP_GEOCODE_REPORT_H

#include <stddef.h>

#include "context.h"
#include "geocode.h"
#include "geodesy.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A query and the candidates cm_geocoder_answer() found for it, or the
 * one-line reason it found none. */
typedef struct cm_geocode_answer {
    const char *query;
    const cm_candidate_list *candidates; /* at least one candidate; NULL with error */
    const char *error;                   /* NULL when answered */
} cm_geocode_answer;

/* The report of n answers in format CM_REPORT_TEXT or CM_REPORT_JSON. JSON
 * is an array with one object per answer:
 *   {"query", "name", "name_ar", "lat", "lon", "kind", "country", "admin1",
 *    "admin1_name", "mgrs", "population", "source", "match", "score",
 *    "confidence", "alternatives": [...]}
 * where name_ar is the Arabic display name or null, match is "exact",
 * "folded", "fuzzy" or "coordinate", confidence (0..1) says how sure the
 * answer is, mgrs has 1 m precision and each alternative is an object of
 * the same keys without "query", "confidence" and "alternatives" but with
 * "distance_km", its distance from the answer. An unanswered query is
 * {"query", "error"}, and text leaves it out (its error goes to stderr).
 * Text gives one line per answer and an indented line per alternative,
 * naming the first-level division. Returns a new string the caller frees
 * with cm_free(), or NULL with CM_ERR_INPUT on the context for
 * another format. */
CM_API char *cm_report_geocode(cm_context *context, const cm_geocode_answer *answers,
                               size_t n, cm_report_format format);

/* The report of a reverse query: point, the place found nearest to it and
 * the geodesic from that place to point (cm_geocoder_reverse()). JSON is
 * one object {"query": {"lat", "lon", "mgrs"}, "name", "name_ar", "lat", "lon",
 * "kind", "country", "admin1", "mgrs", "distance_km", "bearing_deg"}, the bearing
 * from the place to point; text is one line such as
 * "12.3 km 045° from Ar Rutbah (town, IRQ, 33.03718, 40.28586)". Returns a
 * new string the caller frees with cm_free(), or NULL with
 * CM_ERR_INPUT on the context for a format other than text or JSON. */
CM_API char *cm_report_reverse(cm_context *context, cm_geo_point point, const cm_place *place,
                               cm_geodesic_result from_place, cm_report_format format);

#ifdef __cplusplus
}
#endif

#endif
