/* convoymap — roads: a road network to route convoys on.
 *
 * A roads database is a directory NAME.roads made by `convoymap roads
 * import`: manifest.json (format "convoymap-roads", version 1), routino/
 * with the Routino routing database (prefix "roads") and roads.gpkg for
 * drawing. cm_roads_open() checks the manifest and loads the routing
 * database; cm_roads_route() finds the road route of one leg for a
 * vehicle profile of Routino (/usr/share/routino/profiles.xml: motorcar,
 * goods, hgv, ...).
 *
 * Threads: Routino keeps process-wide state (its error number, the parsed
 * profiles and translations, and working state during a route search), so
 * the library makes every call into Routino under one process-wide lock:
 * cm_roads objects may be used from several threads (each with its own
 * context), but their route searches run one at a time.
 */
#ifndef CONVOYMAP_ROADS_H
#define CONVOYMAP_ROADS_H

#include <stddef.h>

#include "context.h"
#include "geodesy.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_roads cm_roads;

/* What a route search minimises. */
typedef enum cm_roads_prefer {
    CM_ROADS_QUICKEST = 0,
    CM_ROADS_SHORTEST,
} cm_roads_prefer;

/* How to route a leg. A limit of 0 keeps the profile's own (hgv: 10 t,
 * 3 m high, 2.5 m wide, 6 m long; motorcar: none); a road tagged with a
 * lower maxweight, maxheight, maxwidth or maxlength is not used. Routino
 * stores limits in steps of 0.2 t and 0.1 m up to 51 t and 25.5 m: a
 * vehicle is rounded up to the next step, and a heavier or longer one is
 * routed as 51 t or 25.5 m (refused by every road with a lower limit).
 * speed_kmh above 0 caps the driving speed: a leg's driving time is at
 * least its road distance at that speed (the march's rate). */
typedef struct cm_roads_options {
    const char *vehicle;    /* a Routino profile name; NULL: "motorcar" */
    cm_roads_prefer prefer; /* CM_ROADS_QUICKEST by default */
    double weight_t, height_m, width_m, length_m;
    double speed_kmh;
} cm_roads_options;

/* The vehicle limits a user may set, each above 0 and at most: */
#define CM_ROADS_MAX_WEIGHT_T 1000.0
#define CM_ROADS_MAX_SIZE_M 100.0

/* A vehicle limit as typed (--weight in tonnes, --height, --width or
 * --length in metres; flag names it in errors) into *value: a number above
 * 0 and at most CM_ROADS_MAX_WEIGHT_T (--weight) or CM_ROADS_MAX_SIZE_M.
 * CM_ERR_INPUT on context naming flag and text otherwise. */
CM_API cm_status cm_roads_limit_parse(cm_context *context, const char *flag, const char *text,
                                      double *value);

/* Routino looks this far for the road nearest a waypoint (fixed in
 * libroutino 3.3, and measured its own way: a road a little nearer may
 * still be missed when its vertices are farther). */
#define CM_ROADS_SNAP_MAX_M 1000.0

/* A waypoint Routino finds no road for is put on the nearest road the
 * vehicle may use (its class in the database's roads.gpkg) up to this far
 * away, joined to it by a straight connector; farther, it has none. */
#define CM_ROADS_SNAP_FAR_MAX_M 10000.0

/* A waypoint farther than this from its road is worth a warning. */
#define CM_ROADS_SNAP_WARN_M 2000.0

/* What OpenStreetMap's licence (ODbL) asks of a map or tile drawn from a
 * roads database made from its data. */
#define CM_ROADS_ATTRIBUTION "© OpenStreetMap contributors, ODbL"

/* The vehicle profile used when none is named. */
#define CM_ROADS_DEFAULT_VEHICLE "motorcar"

/* Opens the roads database at path (a NAME.roads directory). Returns a new
 * object (free with cm_roads_free()) that keeps context for its errors, or
 * NULL with CM_ERR_INPUT on context naming path when the directory or its
 * manifest is missing, the manifest is not of format "convoymap-roads"
 * version 1, or Routino refuses the database; CM_ERR_DATA when Routino's
 * profiles or translations (/usr/share/routino) cannot be read. */
CM_API cm_roads *cm_roads_open(cm_context *context, const char *path);

/* Frees roads; NULL does nothing. */
CM_API void cm_roads_free(cm_roads *roads);

/* The path roads was opened from; owned by roads. */
CM_API const char *cm_roads_path(const cm_roads *roads);

/* Parses a --prefer value, "quickest" or "shortest", into *prefer;
 * CM_ERR_INPUT (on context) naming text otherwise. */
CM_API cm_status cm_roads_prefer_parse(cm_context *context, const char *text,
                                       cm_roads_prefer *prefer);

/* Checks that vehicle names a profile Routino knows; CM_ERR_INPUT on
 * roads' context listing the profiles otherwise. */
CM_API cm_status cm_roads_check_vehicle(cm_roads *roads, const char *vehicle);

/* One leg routed on the roads. */
typedef struct cm_road_leg cm_road_leg;

/* Routes from `from` to `to` (named from_name and to_name in errors) with
 * options (NULL: the defaults). On success *leg receives a new leg (free
 * with cm_road_leg_free()). CM_ERR_INPUT on roads' context naming the
 * waypoint when no road the vehicle may use is within CM_ROADS_SNAP_FAR_MAX_M
 * of it (beyond Routino's CM_ROADS_SNAP_MAX_M, the nearest road of the
 * vehicle's classes in roads.gpkg, where Routino's search starts again;
 * the leg's points then begin or end at that road point; a database
 * without roads.gpkg snaps within CM_ROADS_SNAP_MAX_M only), or naming
 * both when no road route joins them; CM_ERR_INPUT naming an unknown
 * vehicle; CM_ERR_LIBRARY when options set limits and this
 * libroutino's profiles cannot take them. */
CM_API cm_status cm_roads_route(cm_roads *roads, const cm_roads_options *options,
                                cm_geo_point from, const char *from_name, cm_geo_point to,
                                const char *to_name, cm_road_leg **leg);

CM_API void cm_road_leg_free(cm_road_leg *leg);

/* The road polyline from the road point nearest `from` to the one nearest
 * `to`, n points in *n_points; owned by leg. A waypoint snapped beyond
 * Routino's reach adds its road point at that end. */
CM_API const cm_geo_point *cm_road_leg_points(const cm_road_leg *leg, size_t *n_points);

/* Distance along the roads between the two snapped ends, metres, as
 * Routino measures it (whole metres a segment, its own geometry): the
 * figure routino-router gives. A leg's distance on a route is measured
 * along its points instead (cm_route_leg_roads). */
CM_API double cm_road_leg_distance_m(const cm_road_leg *leg);

/* Driving time, seconds: from the profile's speeds, or the road distance
 * at the options' speed_kmh when that is longer (see
 * cm_road_leg_time_from_speed()). */
CM_API double cm_road_leg_duration_s(const cm_road_leg *leg);

/* 1 when the driving time is the road distance at the options' speed_kmh
 * (slower than the profile's speeds), 0 when it is the profile's. */
CM_API int cm_road_leg_time_from_speed(const cm_road_leg *leg);

/* Geodesic distance from the start (end 0) or the end (end 1) to the
 * nearest point of the road network, metres. */
CM_API double cm_road_leg_snap_m(const cm_road_leg *leg, int end);

/* The names of the roads used, in order, consecutive repeats removed, as
 * Routino gives them ("Name (ref)", "ref" or "Name"), NULL-terminated;
 * owned by leg. */
CM_API const char *const *cm_road_leg_roads(const cm_road_leg *leg);

/* The road numbers (OSM ref) used, in order, consecutive repeats removed,
 * NULL-terminated; owned by leg. Routino names a way "Name (ref)", or
 * "ref" alone when it has no name: a ref is the part in brackets, or a
 * whole name that reads as a road number (letters, then a number: "A 500",
 * "D 2204 A", "M37"). */
CM_API const char *const *cm_road_leg_refs(const cm_road_leg *leg);

#ifdef __cplusplus
}
#endif

#endif
