/* convoymap — a scene: the routes, border crossings, march tables and
 * marked sites of one briefing, resolved together.
 *
 * A program says what the briefing holds (routes as waypoint names, route
 * specs or files, the example scenario, sites to mark, march parameters),
 * then resolves the scene once: every name is read by the same geocoder in
 * the context of the others, crossings and march tables are computed, and
 * the result is what cm_map_set_scene() and cm_tiler_set_scene() draw and
 * cm_scene_report() reports, so that a map and its tiles show the same
 * places.
 */
#ifndef CONVOYMAP_SCENE_H
#define CONVOYMAP_SCENE_H

#include <stddef.h>

#include "bbox.h"
#include "borders.h"
#include "context.h"
#include "geocode.h"
#include "march.h"
#include "report.h"
#include "roads.h"
#include "route.h"
#include "units.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_scene cm_scene;

/* The name of the example's route, and the name a program gives a route
 * of waypoints the user did not name. */
#define CM_SCENE_ROUTE_NAME "Convoy route"

/* An empty scene. Free with cm_scene_free(); context must outlive it. */
CM_API cm_scene *cm_scene_new(cm_context *context);

/* Frees the scene and all it owns; NULL does nothing. */
CM_API void cm_scene_free(cm_scene *scene);

/* Adds a route through the n waypoint queries (names, coordinates, MGRS),
 * named name; both are copied and resolved by cm_scene_resolve(). */
CM_API void cm_scene_add_route_queries(cm_scene *scene, const char *name,
                                       const char *const *queries, size_t n);

/* Adds a route as cm_route_parse() reads it ("name=N; color=#rrggbb; A >
 * B > C"); spec is copied and parsed by cm_scene_resolve(). */
CM_API void cm_scene_add_route_spec(cm_scene *scene, const char *spec);

/* Adds the route of a file as cm_route_read_file() reads it; path is
 * copied and read by cm_scene_resolve(). */
CM_API void cm_scene_add_route_file(cm_scene *scene, const char *path);

/* Adds the example scenario's route (scenario.h), named "Convoy route";
 * cm_scene_title() is then the example's title. */
CM_API void cm_scene_add_example(cm_scene *scene);

/* With roads (cm_scene_set_roads()), the example's route is routed on
 * them like any other; when they do not cover it (a waypoint with no road
 * near it, or two no road joins) the resolution fails with CM_ERR_INPUT:
 * "the reference convoy is off the roads: " and the reason
 * naming the first waypoint off them. When optional is set (a view that
 * shows an area of its own, such as tiles), the example and its marks are
 * left out instead, the resolution goes on, and
 * cm_scene_example_off_roads() says why. */
CM_API void cm_scene_set_example_optional(cm_scene *scene, int optional);

/* The line saying why the last resolution found the example off the
 * scene's roads (it failed, or left the example out), owned by the scene;
 * NULL when it did not. */
CM_API const char *cm_scene_example_off_roads(const cm_scene *scene);

/* Marks the example scenario's sites (cm_reference_markers()), as
 * cm_scene_add_mark() each: what a map of the example shows beside its
 * route when the caller marks nothing else. */
CM_API void cm_scene_add_example_marks(cm_scene *scene);

/* Marks a site beside the routes; query is copied and resolved by
 * cm_scene_resolve() together with the routes' waypoints. */
CM_API void cm_scene_add_mark(cm_scene *scene, const char *query);

/* The area a view will show, when it is known before resolution (a map's
 * or tiles' bounding box): its centre is one more point the sites are
 * read near, so that "Tripoli" marked on a map of the Levant is
 * Lebanon's even without routes. area is copied; NULL forgets it. */
CM_API void cm_scene_set_area(cm_scene *scene, const cm_bbox *area);

/* A site a view is centred on (render --center), resolved with the marks,
 * after them, but not drawn; query is copied, NULL forgets it. */
CM_API void cm_scene_set_center(cm_scene *scene, const char *query);

/* Computes a march table for every route with params (copied, its serial
 * too); NULL, the default, computes none. */
CM_API void cm_scene_set_march(cm_scene *scene, const cm_march_params *params);

/* Routes every leg of the scene's routes on roads (borrowed: it must
 * outlive the scene's resolutions) with options (copied, the vehicle name
 * too; NULL: the defaults) when the scene is resolved: each leg becomes a
 * track along the roads, so that distances, crossings and march tables
 * follow them, and cm_route_leg_roads_get() tells its road distance,
 * driving time and snap distances; a waypoint farther than
 * CM_ROADS_SNAP_WARN_M from its road is noted in cm_scene_notes() ("X is
 * 3.4 km from the nearest road for a motorcar"). Routes read from a file
 * with a track keep their track. A waypoint with no road near it, or two that no road
 * joins, fail the resolution with a message naming them, unless
 * allow_straight is set: that leg then stays geodesic, marked so. NULL
 * roads routes no more on roads. */
CM_API void cm_scene_set_roads(cm_scene *scene, cm_roads *roads,
                               const cm_roads_options *options, int allow_straight);

/* Resolves the scene with geocoder (borrowed for the call): each route in
 * the order added (files read, specs parsed, waypoints resolved together
 * with cm_geocoder_resolve()), its crossings (cm_route_find_crossings())
 * and its march table, then the marks and the centre together, in the
 * context of all the routes' waypoints and the area's centre, with
 * cm_geocoder_resolve_sites() (a marked site is no stop: the route's leg
 * rules do not apply to it). Replaces what an earlier resolution gave.
 * Returns CM_OK, or the first failure's status with its message on the
 * context, the scene then holding no route and no site; the geocoder's
 * notes are in cm_scene_notes() either way. */
CM_API cm_status cm_scene_resolve(cm_scene *scene, cm_geocoder *geocoder);

/* How many routes the last resolution gave. */
CM_API size_t cm_scene_route_count(const cm_scene *scene);

/* Route i (0-based) in the order added, owned by the scene; NULL when out
 * of range. */
CM_API const cm_route *cm_scene_route(const cm_scene *scene, size_t i);

/* The border crossings of route i, owned by the scene; NULL when out of
 * range. */
CM_API const cm_crossing_list *cm_scene_crossings(const cm_scene *scene, size_t i);

/* The march table of route i, owned by the scene; NULL without march
 * parameters or when out of range. */
CM_API const cm_march_table *cm_scene_march(const cm_scene *scene, size_t i);

/* How many marked sites the last resolution gave. */
CM_API size_t cm_scene_mark_count(const cm_scene *scene);

/* Marked site i (0-based) in the order added, owned by the scene; NULL
 * when out of range. */
CM_API const cm_place *cm_scene_mark(const cm_scene *scene, size_t i);

/* Stores the resolved centre in *point and returns 1; 0 when the scene
 * has no centre or is not resolved. */
CM_API int cm_scene_center(const cm_scene *scene, cm_geo_point *point);

/* The example's title when the scene holds the example scenario (not
 * left out, off the roads), else NULL. Static storage. */
CM_API const char *cm_scene_title(const cm_scene *scene);

/* What the geocoder noted while the last resolution read the names (see
 * cm_geocoder_take_notes()), then the waypoints far from their roads, one
 * line each ending in '\n'; owned by the
 * scene, NULL when there is nothing to say. */
CM_API const char *cm_scene_notes(const cm_scene *scene);

/* The report of the scene's routes (cm_report_routes()). Returns a new
 * string the caller frees with cm_free(), or NULL with the error on the
 * scene's context. */
CM_API char *cm_scene_report(const cm_scene *scene, cm_report_format format, cm_units units);

#ifdef __cplusplus
}
#endif

#endif
