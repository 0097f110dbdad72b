/* convoymap — geodesy on the WGS84 ellipsoid.
 *
 * Thin, explicit wrappers over PROJ's geodesic API (Karney's algorithms,
 * accurate to nanometres), so that no part of convoymap ever uses a
 * spherical formula for a distance or an azimuth.
 */
#ifndef CONVOYMAP_GEODESY_H
#define CONVOYMAP_GEODESY_H

#include <stddef.h>

#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_geo_point {
    double lat; /* degrees, north positive */
    double lon; /* degrees, east positive */
} cm_geo_point;

/* Result of the inverse geodesic problem between two points. */
typedef struct cm_geodesic_result {
    double distance_m;        /* along the ellipsoid, metres */
    double azimuth_deg;       /* initial azimuth at the start, 0–360 from true north */
    double final_azimuth_deg; /* azimuth of travel at the end, 0–360 */
} cm_geodesic_result;

/* Solves the inverse problem from a to b on WGS84. Azimuths are normalised
 * to [0, 360). For coincident points the distance is 0 and the azimuths 0. */
CM_API cm_geodesic_result cm_geodesic_inverse(cm_geo_point a, cm_geo_point b);

/* The point reached from start after distance_m along initial azimuth_deg. */
CM_API cm_geo_point cm_geodesic_direct(cm_geo_point start, double azimuth_deg,
                                       double distance_m);

/* Points along the geodesic from a to b, both included, no two consecutive
 * points more than max_step_m apart (at least 2 points). Longitudes are
 * unrolled: they continue past ±180 instead of jumping, so a line across
 * the antimeridian stays continuous. Returns a newly allocated array the
 * caller frees with cm_free(); *n_points receives its length. */
CM_API cm_geo_point *cm_geodesic_densify(cm_geo_point a, cm_geo_point b,
                                         double max_step_m, size_t *n_points);

#ifdef __cplusplus
}
#endif

#endif
