/* The nearest road a vehicle may use in a roads database's roads.gpkg,
 * where Routino's own search (about 1 km) finds none: see nearest.c. */
#ifndef CM_ROADS_NEAREST_H
#define CM_ROADS_NEAREST_H

#include "core/internal.h"

#include <routino.h>

/* Routino's highway type (ROUTINO_HIGHWAY_MOTORWAY...) of an OSM highway
 * value as roads.gpkg keeps it in its class column ("primary_link" is
 * primary), or 0 for a class Routino does not route on. */
int cm_roads_class_highway(const char *road_class);

/* The point nearest point on a road of the roads layer of the GeoPackage
 * at gpkg_path whose class's highway type h has usable[h] (an array of
 * ROUTINO_HIGHWAY_FERRY + 1, usable[0] FALSE), looked for within max_m:
 * into road[0], the ends of its segment into road[1] (the nearer) and
 * road[2], its geodesic distance into *distance_m, or INFINITY there when
 * no such road is that near. CM_ERR_INPUT on context naming
 * gpkg_path when it cannot be read. Opens the GeoPackage with context's
 * GEOS handle for the call. */
cm_status cm_roads_nearest(cm_context *context, const char *gpkg_path, cm_geo_point point,
                           const gboolean *usable, double max_m, cm_geo_point road[3],
                           double *distance_m);

#endif
