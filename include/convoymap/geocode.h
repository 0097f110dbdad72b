/* convoymap — geocoder: turns what a planner types into a place.
 *
 * A query is a site name or alias from the shipped gazetteer
 * (geodata/sites.csv), matched without regard to case, or a coordinate in
 * any form cm_coordinate_parse() reads (decimal, DMS, MGRS). Everything is
 * offline.
 */
#ifndef CONVOYMAP_GEOCODE_H
#define CONVOYMAP_GEOCODE_H

#include "context.h"
#include "geodesy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A resolved place. All strings are owned by the place. */
typedef struct cm_place {
    char *name;      /* display name, e.g. "Ayn al-Asad Air Base" */
    char *kind;      /* "city", "town", "airbase", "border_crossing", "coordinate", ... */
    char *country;   /* ISO 3166-1 alpha-3, "" when unknown (raw coordinates) */
    char *source;    /* provenance of the coordinate */
    cm_geo_point position;
} cm_place;

typedef struct cm_geocoder cm_geocoder;

/* Loads the shipped gazetteer of the context's data directory. Returns NULL
 * on failure, with the reason in the context. Free with cm_geocoder_free(). */
CM_API cm_geocoder *cm_geocoder_new(cm_context *context);

CM_API void cm_geocoder_free(cm_geocoder *geocoder);

/* Resolves query. On success returns CM_OK and stores in *place a new place
 * the caller frees with cm_place_free(). An unknown name gives CM_ERR_INPUT
 * and a message naming the query (with the closest known name when one is
 * close); a coordinate out of range gives CM_ERR_INPUT too. */
CM_API cm_status cm_geocoder_lookup(cm_geocoder *geocoder, const char *query,
                                    cm_place **place);

/* The gazetteer site nearest to point (reverse geocoding), optionally only
 * of kind (e.g. "border_crossing") and in country (ISO3), within
 * max_distance_m along the ellipsoid. Returns a new place the caller frees
 * with cm_place_free() and its distance in *distance_m, or NULL when none
 * qualifies. kind and country may be NULL for any. */
CM_API cm_place *cm_geocoder_nearest(cm_geocoder *geocoder, cm_geo_point point,
                                     const char *kind, const char *country,
                                     double max_distance_m, double *distance_m);

/* A deep copy of place; the caller frees it with cm_place_free(). */
CM_API cm_place *cm_place_copy(const cm_place *place);

CM_API void cm_place_free(cm_place *place);

#ifdef __cplusplus
}
#endif

#endif
