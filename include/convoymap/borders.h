/* convoymap — border crossings: where a route passes from one country into
 * another, in travel order, found against the shipped country polygons. */
#ifndef CONVOYMAP_BORDERS_H
#define CONVOYMAP_BORDERS_H

#include <stddef.h>

#include "context.h"
#include "geocode.h"
#include "geodesy.h"
#include "route.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A run inside a country that never goes deeper than this from its border
 * is taken as the generalisation of the polygons, not as a crossing: the
 * shipped 1:10m boundaries are off the true line by up to a few hundred
 * metres, and a route that runs along a border must not zig-zag across it. */
#define CM_BORDER_TOLERANCE_M 1500.0

/* Official crossing points this close to a crossing name it. */
#define CM_CROSSING_NAME_RADIUS_M 20000.0

typedef struct cm_border_crossing {
    cm_geo_point position;    /* where the route meets the boundary */
    char from_country[4];     /* ISO 3166-1 alpha-3, travel order */
    char to_country[4];
    /* 0-based index of the leg it lies on, as cm_route_leg_get() takes
     * it; reports (report.h) print it counted from 1. */
    size_t leg;
    double distance_from_start_m; /* along the route */
    const char *name;         /* e.g. "Trebil / Al-Karama"; owned by the list */
    int over_water;           /* 1 when the route left from_country over the sea */
    /* The name in Arabic, from the same places' Arabic names, e.g.
     * "طريبيل / الكرامة"; NULL when one of them has none. Owned by the list. */
    const char *name_ar;
} cm_border_crossing;

typedef struct cm_crossing_list cm_crossing_list;

/* Finds every international border crossing of route, in travel order. A
 * leg that leaves a country over water and lands in the same country again
 * crosses no border. Names come from the gazetteer's official crossing
 * points within CM_CROSSING_NAME_RADIUS_M, else from the nearest place
 * ("near Ar Rutbah", by its short name: "near Abdali", not "near Abdali
 * border crossing"); geocoder may be NULL (then crossings are unnamed: ""
 * and name_ar is NULL).
 * On success *crossings receives a list the caller frees with
 * cm_crossing_list_free(). */
CM_API cm_status cm_route_find_crossings(cm_context *context, const cm_route *route,
                                         cm_geocoder *geocoder, cm_crossing_list **crossings);

CM_API size_t cm_crossing_list_count(const cm_crossing_list *crossings);

/* Crossing i (0-based), owned by the list; NULL when out of range. */
CM_API const cm_border_crossing *cm_crossing_list_get(const cm_crossing_list *crossings,
                                                       size_t i);

CM_API void cm_crossing_list_free(cm_crossing_list *crossings);

/* The ISO3 code of the country containing point, written to iso3 (4 bytes),
 * or "" at sea. CM_OK, or an error reading the shipped data. */
CM_API cm_status cm_country_at(cm_context *context, cm_geo_point point, char iso3[4]);

#ifdef __cplusplus
}
#endif

#endif
