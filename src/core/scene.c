/* The scene: what a briefing shows, said as names and resolved in one step,
 * so that every program drawing or reporting it (the map, the tiler, the
 * CLI's commands, a server) reads the same names as the same places. */
#include "internal.h"

#include <string.h>

/* Road points closer than this to the vertex before are the same point. */
#define CM_ROAD_SAME_POINT_M 0.01

/* How a route is given, before it is resolved. */
typedef enum route_source {
    ROUTE_QUERIES, /* waypoint queries and a name */
    ROUTE_SPEC,    /* cm_route_parse() text */
    ROUTE_FILE,    /* a path for cm_route_read_file() */
} route_source;

typedef struct route_request {
    route_source source;
    char *text;     /* the name, spec or path */
    char **queries; /* ROUTE_QUERIES: the waypoints */
    gboolean example; /* the example scenario's route */
} route_request;

static void route_request_clear(route_request *request)
{
    g_free(request->text);
    g_strfreev(request->queries);
}

/* A resolved route with what is computed from it. */
typedef struct planned_route {
    cm_route *route;
    cm_crossing_list *crossings;
    cm_march_table *march;
} planned_route;

static void planned_route_clear(planned_route *planned)
{
    cm_route_free(planned->route);
    cm_crossing_list_free(planned->crossings);
    cm_march_table_free(planned->march);
}

struct cm_scene {
    cm_context *context;
    GArray *requests;   /* of route_request, in the order added */
    GPtrArray *marks;   /* of char *, the queries */
    char *center;       /* query, NULL for none */
    gboolean has_area;
    cm_bbox area;       /* the view's box, when known before resolution */
    gboolean example;   /* the example scenario was added */
    gboolean example_optional; /* left out when off the roads */
    guint example_marks[2]; /* its marks: [start, end) of marks */
    char *example_off_roads; /* why the last resolution found it so */
    gboolean with_march;
    cm_march_params march;
    char *serial;       /* march.serial's copy */
    cm_roads *roads;    /* borrowed; NULL: geodesic legs */
    cm_roads_options road_options;
    char *vehicle;      /* road_options.vehicle's copy */
    gboolean allow_straight;
    /* Resolved. */
    GArray *plans;      /* of planned_route */
    GPtrArray *places;  /* of cm_place *, one a mark */
    gboolean has_center;
    cm_geo_point center_point;
    char *notes;
    GString *road_notes; /* this resolution's warnings about snaps */
};

cm_scene *cm_scene_new(cm_context *context)
{
    cm_scene *scene = g_new0(cm_scene, 1);
    scene->context = context;
    scene->requests = g_array_new(FALSE, FALSE, sizeof(route_request));
    g_array_set_clear_func(scene->requests, (GDestroyNotify)route_request_clear);
    scene->marks = g_ptr_array_new_with_free_func(g_free);
    scene->plans = g_array_new(FALSE, FALSE, sizeof(planned_route));
    g_array_set_clear_func(scene->plans, (GDestroyNotify)planned_route_clear);
    scene->places = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
    scene->road_notes = g_string_new(NULL);
    return scene;
}

void cm_scene_free(cm_scene *scene)
{
    if (!scene)
        return;
    g_array_free(scene->requests, TRUE);
    g_ptr_array_free(scene->marks, TRUE);
    g_free(scene->center);
    g_free(scene->serial);
    g_free(scene->vehicle);
    g_array_free(scene->plans, TRUE);
    g_ptr_array_free(scene->places, TRUE);
    g_free(scene->notes);
    g_string_free(scene->road_notes, TRUE);
    g_free(scene->example_off_roads);
    g_free(scene);
}

static void add_request(cm_scene *scene, route_source source, const char *text,
                        const char *const *queries, size_t n)
{
    route_request request = {source, g_strdup(text), NULL, FALSE};
    if (source == ROUTE_QUERIES) {
        request.queries = g_new0(char *, n + 1);
        for (size_t i = 0; i < n; i++)
            request.queries[i] = g_strdup(queries[i]);
    }
    g_array_append_val(scene->requests, request);
}

void cm_scene_add_route_queries(cm_scene *scene, const char *name, const char *const *queries,
                                size_t n)
{
    add_request(scene, ROUTE_QUERIES, name, queries, n);
}

void cm_scene_add_route_spec(cm_scene *scene, const char *spec)
{
    add_request(scene, ROUTE_SPEC, spec, NULL, 0);
}

void cm_scene_add_route_file(cm_scene *scene, const char *path)
{
    add_request(scene, ROUTE_FILE, path, NULL, 0);
}

void cm_scene_add_example(cm_scene *scene)
{
    const char *const *waypoints = cm_reference_waypoints();
    add_request(scene, ROUTE_QUERIES, CM_SCENE_ROUTE_NAME, waypoints,
                g_strv_length((char **)waypoints));
    g_array_index(scene->requests, route_request, scene->requests->len - 1).example = TRUE;
    scene->example = TRUE;
}

void cm_scene_set_example_optional(cm_scene *scene, int optional)
{
    scene->example_optional = optional != 0;
}

const char *cm_scene_example_off_roads(const cm_scene *scene)
{
    return scene->example_off_roads;
}

void cm_scene_add_example_marks(cm_scene *scene)
{
    scene->example_marks[0] = scene->marks->len;
    for (const char *const *mark = cm_reference_markers(); *mark; mark++)
        cm_scene_add_mark(scene, *mark);
    scene->example_marks[1] = scene->marks->len;
}

void cm_scene_add_mark(cm_scene *scene, const char *query)
{
    g_ptr_array_add(scene->marks, g_strdup(query));
}

void cm_scene_set_area(cm_scene *scene, const cm_bbox *area)
{
    scene->has_area = area != NULL;
    if (area)
        scene->area = *area;
}

void cm_scene_set_center(cm_scene *scene, const char *query)
{
    g_free(scene->center);
    scene->center = g_strdup(query);
}

void cm_scene_set_march(cm_scene *scene, const cm_march_params *params)
{
    g_free(scene->serial);
    scene->serial = NULL;
    scene->with_march = params != NULL;
    if (!params)
        return;
    scene->march = *params;
    scene->serial = g_strdup(params->serial);
    scene->march.serial = scene->serial;
}

void cm_scene_set_roads(cm_scene *scene, cm_roads *roads, const cm_roads_options *options,
                        int allow_straight)
{
    scene->roads = roads;
    g_free(scene->vehicle);
    scene->vehicle = g_strdup(options ? options->vehicle : NULL);
    scene->road_options = options ? *options : (cm_roads_options){0};
    scene->road_options.vehicle = scene->vehicle;
    scene->allow_straight = allow_straight;
}

/* Appends leg's road points to route as track points, but the first and
 * last when they fall on the waypoints (a zero-length segment has no
 * direction). */
static void add_road_track(cm_context *context, cm_route *route, const cm_road_leg *leg, cm_geo_point from,
                           cm_geo_point to)
{
    size_t n = 0;
    const cm_geo_point *points = cm_road_leg_points(leg, &n);
    cm_geo_point last = from;
    for (size_t i = 0; i < n; i++) {
        if (cm_geodesic_inverse(last, points[i]).distance_m < CM_ROAD_SAME_POINT_M ||
            (i + 1 == n && cm_geodesic_inverse(points[i], to).distance_m < CM_ROAD_SAME_POINT_M))
            continue;
        cm_route_add_track_point(context, route, points[i]);
        last = points[i];
    }
}

/* Notes that waypoint (not noted yet: index after *noted) is snap_m from
 * its road, when that is far enough to say. */
static void note_snap(cm_scene *scene, const cm_place *waypoint, size_t index, double snap_m,
                      const char *vehicle, long *noted)
{
    if ((long)index <= *noted || snap_m <= CM_ROADS_SNAP_WARN_M)
        return;
    *noted = (long)index;
    g_string_append_printf(scene->road_notes, "%s is %.1f km from the nearest road for a %s\n",
                           waypoint->name, snap_m / 1000.0, vehicle);
}

/* Replaces *route by the same waypoints joined along the scene's roads;
 * a route with a track of its own is left alone. */
static cm_status route_on_roads(cm_scene *scene, cm_route **route)
{
    const cm_route *given = *route;
    size_t n_legs = cm_route_leg_count(given);
    if (cm_route_segment_count(given) != n_legs)
        return CM_OK;
    cm_route *result = cm_route_new(cm_route_name(given));
    cm_route_set_color(scene->context, result, cm_route_color(given));
    GArray *legs = g_array_new(FALSE, TRUE, sizeof(cm_route_leg_roads));
    GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
    char *database = g_path_get_basename(cm_roads_path(scene->roads));
    /* A convoy drives no faster than its rate of march: the cap is put
     * on the leg's distance below, not on Routino's. */
    cm_roads_options options = scene->road_options;
    double speed_kmh = scene->with_march ? scene->march.speed_kmh : options.speed_kmh;
    options.speed_kmh = 0.0;
    const char *vehicle = options.vehicle ? options.vehicle : CM_ROADS_DEFAULT_VEHICLE;
    long noted = -1;
    cm_status status = CM_OK;
    for (size_t i = 0; i < cm_route_waypoint_count(given) && status == CM_OK; i++) {
        const cm_place *from = cm_route_waypoint(given, i);
        cm_route_add_waypoint(result, from);
        if (i + 1 == cm_route_waypoint_count(given))
            break;
        const cm_place *to = cm_route_waypoint(given, i + 1);
        cm_road_leg *leg = NULL;
        cm_route_leg_roads info = {0};
        status = cm_roads_route(scene->roads, &options, from->position, from->name,
                                to->position, to->name, &leg);
        if (status == CM_OK) {
            add_road_track(scene->context, result, leg, from->position, to->position);
            note_snap(scene, from, i, cm_road_leg_snap_m(leg, 0), vehicle, &noted);
            note_snap(scene, to, i + 1, cm_road_leg_snap_m(leg, 1), vehicle, &noted);
            char *roads = g_strjoinv(", ", (char **)cm_road_leg_roads(leg));
            char *refs = g_strjoinv(", ", (char **)cm_road_leg_refs(leg));
            g_ptr_array_add(texts, roads);
            g_ptr_array_add(texts, refs);
            info = (cm_route_leg_roads){.on_roads = 1,
                                        .duration_s = cm_road_leg_duration_s(leg),
                                        .snap_from_m = cm_road_leg_snap_m(leg, 0),
                                        .snap_to_m = cm_road_leg_snap_m(leg, 1),
                                        .roads = roads,
                                        .refs = refs,
                                        .time_from_speed = cm_road_leg_time_from_speed(leg),
                                        .routino_distance_m = cm_road_leg_distance_m(leg)};
        } else if (status == CM_ERR_INPUT && scene->allow_straight) {
            char *reason = g_strdup(cm_context_message(scene->context));
            g_ptr_array_add(texts, reason);
            info.straight_reason = reason;
            status = CM_OK;
        }
        cm_road_leg_free(leg);
        g_array_append_val(legs, info);
    }
    for (guint i = 0; i < legs->len && status == CM_OK; i++) {
        cm_route_leg_roads *info = &g_array_index(legs, cm_route_leg_roads, i);
        /* One distance per leg: the line's, as drawn (route.h). */
        cm_route_leg leg;
        if (info->on_roads && cm_route_leg_get(result, i, &leg)) {
            info->road_distance_m = leg.geodesic.distance_m;
            double at_speed = speed_kmh > 0.0 ? info->road_distance_m / 1000.0 / speed_kmh * 3600.0
                                              : 0.0;
            info->time_from_speed = at_speed > info->duration_s;
            info->duration_s = MAX(info->duration_s, at_speed);
        }
        info->database = database;
        info->vehicle = vehicle;
        cm_route_set_leg_roads(result, i, info);
    }
    g_free(database);
    g_array_free(legs, TRUE);
    g_ptr_array_free(texts, TRUE);
    if (status != CM_OK) {
        cm_route_free(result);
        return status;
    }
    cm_route_free(*route);
    *route = result;
    return CM_OK;
}

/* Reads, parses or resolves request into a new route in *route. */
static cm_status request_route(cm_scene *scene, cm_geocoder *geocoder,
                               const route_request *request, cm_route **route)
{
    switch (request->source) {
    case ROUTE_FILE:
        return cm_route_read_file(scene->context, request->text, route);
    case ROUTE_SPEC:
        return cm_route_parse(geocoder, request->text, route);
    case ROUTE_QUERIES:
    default:
        return cm_route_new_from_queries(geocoder, request->text,
                                         (const char *const *)request->queries,
                                         g_strv_length(request->queries), route);
    }
}

/* Resolves request and adds it to the plans with its crossings and, with
 * march parameters, its march table. */
static cm_status plan_route(cm_scene *scene, cm_geocoder *geocoder,
                            const route_request *request)
{
    planned_route planned = {NULL, NULL, NULL};
    cm_status status = request_route(scene, geocoder, request, &planned.route);
    if (status == CM_OK && scene->roads)
        status = route_on_roads(scene, &planned.route);
    if (status == CM_ERR_INPUT && request->example && scene->roads) {
        /* The example is in Jordan and Iraq: most databases are elsewhere. */
        g_free(scene->example_off_roads);
        scene->example_off_roads = g_strdup_printf("the reference convoy is off the roads: %s",
                                                   cm_context_message(scene->context));
        cm_fail(scene->context, CM_ERR_INPUT, "%s", scene->example_off_roads);
        if (scene->example_optional) {
            cm_context_clear_error(scene->context);
            planned_route_clear(&planned);
            return CM_OK;
        }
    }
    if (status == CM_OK)
        status = cm_route_find_crossings(scene->context, planned.route, geocoder,
                                         &planned.crossings);
    if (status == CM_OK && scene->with_march)
        status = cm_march_table_new(scene->context, planned.route, planned.crossings,
                                    &scene->march, &planned.march);
    if (status == CM_OK)
        g_array_append_val(scene->plans, planned);
    else
        planned_route_clear(&planned);
    return status;
}

/* Resolves the marks and the centre, after them, together, in the context
 * of the routes' waypoints and the area's centre. */
static cm_status resolve_sites(cm_scene *scene, cm_geocoder *geocoder)
{
    GPtrArray *queries = g_ptr_array_new();
    for (guint i = 0; i < scene->marks->len; i++)
        /* The example's marks go with its route. */
        if (!scene->example_off_roads || i < scene->example_marks[0] ||
            i >= scene->example_marks[1])
            g_ptr_array_add(queries, g_ptr_array_index(scene->marks, i));
    size_t n_marks = queries->len;
    if (scene->center)
        g_ptr_array_add(queries, scene->center);
    if (queries->len == 0) {
        g_ptr_array_free(queries, TRUE);
        return CM_OK;
    }
    GArray *near = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    for (guint i = 0; i < scene->plans->len; i++) {
        const cm_route *route = g_array_index(scene->plans, planned_route, i).route;
        for (size_t w = 0; w < cm_route_waypoint_count(route); w++)
            g_array_append_val(near, cm_route_waypoint(route, w)->position);
    }
    if (scene->has_area) {
        cm_geo_point middle = cm_bbox_center(&scene->area);
        g_array_append_val(near, middle);
    }
    cm_candidate_list **lists = g_new0(cm_candidate_list *, queries->len);
    cm_status status = cm_geocoder_resolve_sites(geocoder, (const char *const *)queries->pdata,
                                                 queries->len, (const cm_geo_point *)near->data,
                                                 near->len, lists);
    for (size_t i = 0; i < queries->len && status == CM_OK; i++) {
        const cm_place *place = cm_candidate_list_get(lists[i], 0)->place;
        if (i < n_marks) {
            g_ptr_array_add(scene->places, cm_place_copy(place));
        } else {
            scene->has_center = TRUE;
            scene->center_point = place->position;
        }
    }
    for (size_t i = 0; i < queries->len && status == CM_OK; i++)
        cm_candidate_list_free(lists[i]);
    g_free(lists);
    g_array_free(near, TRUE);
    g_ptr_array_free(queries, TRUE);
    return status;
}

cm_status cm_scene_resolve(cm_scene *scene, cm_geocoder *geocoder)
{
    g_array_set_size(scene->plans, 0);
    g_ptr_array_set_size(scene->places, 0);
    scene->has_center = FALSE;
    g_free(scene->notes);
    scene->notes = NULL;
    g_string_truncate(scene->road_notes, 0);
    g_free(scene->example_off_roads);
    scene->example_off_roads = NULL;
    cm_status status = CM_OK;
    for (guint i = 0; i < scene->requests->len && status == CM_OK; i++)
        status = plan_route(scene, geocoder, &g_array_index(scene->requests, route_request, i));
    if (status == CM_OK)
        status = resolve_sites(scene, geocoder);
    if (status != CM_OK) {
        g_array_set_size(scene->plans, 0);
        g_ptr_array_set_size(scene->places, 0);
        scene->has_center = FALSE;
    }
    char *notes = cm_geocoder_take_notes(geocoder);
    if (notes || scene->road_notes->len)
        scene->notes = g_strconcat(notes ? notes : "", scene->road_notes->str, NULL);
    cm_free(notes);
    return status;
}

size_t cm_scene_route_count(const cm_scene *scene) { return scene->plans->len; }

static const planned_route *plan(const cm_scene *scene, size_t i)
{
    return i < scene->plans->len ? &g_array_index(scene->plans, planned_route, i) : NULL;
}

const cm_route *cm_scene_route(const cm_scene *scene, size_t i)
{
    const planned_route *planned = plan(scene, i);
    return planned ? planned->route : NULL;
}

const cm_crossing_list *cm_scene_crossings(const cm_scene *scene, size_t i)
{
    const planned_route *planned = plan(scene, i);
    return planned ? planned->crossings : NULL;
}

const cm_march_table *cm_scene_march(const cm_scene *scene, size_t i)
{
    const planned_route *planned = plan(scene, i);
    return planned ? planned->march : NULL;
}

size_t cm_scene_mark_count(const cm_scene *scene) { return scene->places->len; }

const cm_place *cm_scene_mark(const cm_scene *scene, size_t i)
{
    return i < scene->places->len ? g_ptr_array_index(scene->places, i) : NULL;
}

int cm_scene_center(const cm_scene *scene, cm_geo_point *point)
{
    if (scene->has_center)
        *point = scene->center_point;
    return scene->has_center;
}

const char *cm_scene_title(const cm_scene *scene)
{
    return scene->example && !scene->example_off_roads ? cm_reference_title() : NULL;
}

const char *cm_scene_notes(const cm_scene *scene) { return scene->notes; }

char *cm_scene_report(const cm_scene *scene, cm_report_format format, cm_units units)
{
    cm_route_report *reports = g_new0(cm_route_report, scene->plans->len);
    for (guint i = 0; i < scene->plans->len; i++) {
        const planned_route *planned = plan(scene, i);
        reports[i] = (cm_route_report){planned->route, planned->crossings, planned->march};
    }
    char *text = cm_report_routes(scene->context, reports, scene->plans->len, format, units);
    g_free(reports);
    return text;
}
