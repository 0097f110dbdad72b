/* convoymap — routes: ordered waypoints joined by geodesic legs.
 *
 * A route owns copies of its waypoints and computes, for every leg, the
 * geodesic distance and azimuths on WGS84 and a densified line for drawing.
 */
#ifndef CONVOYMAP_ROUTE_H
#define CONVOYMAP_ROUTE_H

#include <stddef.h>

#include "context.h"
#include "geocode.h"
#include "geodesy.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_route cm_route;

/* One leg between consecutive waypoints. Pointers are owned by the route.
 * For a straight leg, geodesic is the inverse geodesic from -> to. For a leg
 * along a track, distance_m is measured along the track, azimuth_deg is the
 * direction of its first segment and final_azimuth_deg of its last. */
typedef struct cm_route_leg {
    const cm_place *from;
    const cm_place *to;
    cm_geodesic_result geodesic;
    double distance_from_start_m; /* along the route, to the leg's start */
    size_t n_segments;            /* 1 for a straight leg */
} cm_route_leg;

/* One geodesic segment between consecutive vertices (waypoints or track
 * points). */
typedef struct cm_route_segment {
    cm_geo_point from, to;
    size_t leg;                   /* the leg it belongs to */
    cm_geodesic_result geodesic;
    double distance_from_start_m; /* along the route, to the segment's start */
} cm_route_segment;

/* A new, empty route called name (may be NULL: "Route"). Free with
 * cm_route_free(). */
CM_API cm_route *cm_route_new(const char *name);

CM_API void cm_route_free(cm_route *route);

/* Renames the route; name is copied. */
CM_API void cm_route_set_name(cm_route *route, const char *name);

/* Appends a copy of place as the next waypoint. */
CM_API void cm_route_add_waypoint(cm_route *route, const cm_place *place);

/* Appends a track point: the route passes through it on its way to the next
 * waypoint, and distances are measured along it. Needs a waypoint before
 * it; track points after the last waypoint are ignored. CM_ERR_INPUT (on
 * context) when out of range or first. */
CM_API cm_status cm_route_add_track_point(cm_context *context, cm_route *route,
                                          cm_geo_point point);

/* Resolves the n queries together with cm_geocoder_resolve() (each in the
 * context of the others; clear typos taken, with notes on the geocoder) and
 * returns in *route a new route through them in order (free with
 * cm_route_free()). Fails with the geocoder's status and message at the
 * first query it cannot resolve, and with CM_ERR_INPUT when fewer than two
 * queries are given or when two consecutive ones are the same place (a leg
 * of zero length). */
CM_API cm_status cm_route_new_from_queries(cm_geocoder *geocoder, const char *name,
                                           const char *const *queries, size_t n,
                                           cm_route **route);

/* Parses a route as typed on the command line: optional settings
 * "key=value" separated by ';' (name, color as #rrggbb), then the waypoints
 * separated by '>', e.g. "name=Serial 1; color=#1f78b4; Amman > Trebil >
 * Ayn al-Asad". Waypoints are anything geocoder resolves. On success
 * *route receives a new route (free with cm_route_free()); otherwise
 * CM_ERR_INPUT naming the bad part, or the geocoder's error. */
CM_API cm_status cm_route_parse(cm_geocoder *geocoder, const char *spec, cm_route **route);

/* Reads a route from a file through OGR: GeoJSON or KML (a LineString is
 * the track actually driven, Points named by a "name" property are its
 * waypoints), GPX (a <rte> gives the waypoints, a <trk> the track and <wpt>
 * elements its waypoints) or CSV (one waypoint a row, with columns name and
 * lat, lon). Waypoints are put on the track in travel order at its nearest
 * vertex; a track without waypoints runs from "Start" to "End". Distances
 * of a route with a track are measured along the track. On success *route
 * receives a new route named after the file (free with cm_route_free());
 * CM_ERR_INPUT naming the file and the problem otherwise, CM_ERR_LIBRARY
 * naming the module when the GDAL/OGR module convoymap-ogr.so (installed
 * in convoymap/ beside the library, loaded on first use) cannot be loaded. */
CM_API cm_status cm_route_read_file(cm_context *context, const char *path, cm_route **route);

/* How a leg was routed on a roads database (cm_scene_set_roads()). A leg
 * on roads is a track (its vertices the road's), so its cm_route_leg
 * distance is measured along the line drawn: from the waypoint to the road
 * (the snap connector), along the road and off it again, each segment a
 * geodesic on WGS84 (PROJ). road_distance_m is that same distance, the one
 * every report, label and march table gives; Routino's own (snap to snap,
 * summed from its segments) is kept apart. The azimuths cm_route_leg_get()
 * gives for a leg on roads are the straight line's, waypoint to waypoint:
 * the direction the leg goes, where the first road segment's says only
 * where the road starts. Strings are owned by the route. */
typedef struct cm_route_leg_roads {
    int on_roads;           /* 1 on roads; 0 left geodesic (allow straight) */
    double road_distance_m; /* the leg's distance: connectors and roads */
    double duration_s;      /* driving time on the roads */
    double snap_from_m;     /* waypoint to the road network, both ends */
    double snap_to_m;
    const char *roads;      /* road names in order, ", " between; "" none */
    const char *refs;       /* road numbers in order, ", " between; "" none */
    const char *straight_reason; /* why a leg is straight, else NULL */
    int time_from_speed;    /* 1: duration_s is the road distance at the
                               march's speed, slower than the profile's */
    double routino_distance_m; /* along the roads, snap to snap, as Routino
                                  measures it (routino-router's figure) */
    const char *database;   /* the roads database's file name, "x.roads" */
    const char *vehicle;    /* the vehicle profile routed for */
} cm_route_leg_roads;

/* What a route's leg distances are measured on. */
typedef enum cm_route_distances {
    CM_DISTANCES_GEODESIC = 0, /* straight legs only */
    CM_DISTANCES_ROAD,         /* every leg on roads */
    CM_DISTANCES_MIXED,        /* some legs on roads, some straight */
} cm_route_distances;

/* What route's leg distances are measured on. */
CM_API cm_route_distances cm_route_distance_kind(const cm_route *route);

/* One phrase saying what the n routes' distances are measured on, for a
 * map's subtitle: "geodesic distances on WGS84", "road distances on
 * monaco.roads for a motorcar" or "mixed distances: road (monaco.roads,
 * motorcar) and straight (WGS84)". A new string the caller frees with
 * cm_free(). */
CM_API char *cm_route_distances_text(const cm_route *const *routes, size_t n);

/* Stores leg i's road routing in *roads and returns 1; 0 when the route
 * was not routed on roads or i is out of range. */
CM_API int cm_route_leg_roads_get(const cm_route *route, size_t i, cm_route_leg_roads *roads);

/* The route's name; owned by the route. */
CM_API const char *cm_route_name(const cm_route *route);

/* The colour the route is drawn in, "#rrggbb", or "" for the style's
 * choice; owned by the route. */
CM_API const char *cm_route_color(const cm_route *route);

/* Sets the drawing colour: "#rrggbb", or NULL or "" for the style's choice.
 * CM_ERR_INPUT (on context) when color is malformed. */
CM_API cm_status cm_route_set_color(cm_context *context, cm_route *route, const char *color);

CM_API size_t cm_route_waypoint_count(const cm_route *route);

/* Waypoint i (0-based); owned by the route. NULL when out of range. */
CM_API const cm_place *cm_route_waypoint(const cm_route *route, size_t i);

/* Number of legs: waypoints - 1, or 0. */
CM_API size_t cm_route_leg_count(const cm_route *route);

/* Leg i (0-based). Returns 0 and leaves *leg alone when out of range. */
CM_API int cm_route_leg_get(const cm_route *route, size_t i, cm_route_leg *leg);

/* Sum of the leg distances, metres. */
CM_API double cm_route_total_m(const cm_route *route);

/* Number of geodesic segments: legs for a route of waypoints only, more
 * along tracks. */
CM_API size_t cm_route_segment_count(const cm_route *route);

/* Segment i (0-based). Returns 0 and leaves *segment alone when out of range. */
CM_API int cm_route_segment_get(const cm_route *route, size_t i, cm_route_segment *segment);

/* The point distance_m along the route from its start (clamped to the
 * route), and in *azimuth_deg (may be NULL) the direction of travel there. */
CM_API cm_geo_point cm_route_point_at(const cm_route *route, double distance_m,
                                      double *azimuth_deg);

/* The whole route as one densified line (see cm_geodesic_densify), with
 * longitudes unrolled continuously across legs. The caller frees the array
 * with cm_free(). */
CM_API cm_geo_point *cm_route_line(const cm_route *route, double max_step_m,
                                   size_t *n_points);

#ifdef __cplusplus
}
#endif

#endif
