/* Routes: waypoints in travel order, optional track points between them,
 * and the geodesic segments joining every vertex. A leg runs from one
 * waypoint to the next over one segment (a straight leg) or many (along a
 * track). */
#include "internal.h"

#include <math.h>
#include <string.h>

/* Consecutive waypoints closer than this are the same place. */
#define CM_MIN_LEG_M 1.0

typedef struct route_vertex {
    cm_geo_point position;
    gint waypoint; /* index into waypoints, or -1 for a track point */
} route_vertex;

struct cm_route {
    char *name;
    char *color;          /* "#rrggbb" or "" */
    GPtrArray *waypoints; /* of cm_place*, owned */
    GArray *vertices;     /* of route_vertex, travel order */
    GArray *segments;     /* of cm_route_segment; NULL until needed */
    GArray *leg_first;    /* per leg, index of its first segment; with segments */
    GArray *road_legs;    /* of cm_route_leg_roads, strings owned; NULL off roads */
};

cm_route *cm_route_new(const char *name)
{
    cm_route *route = g_new0(cm_route, 1);
    route->name = g_strdup(name ? name : "Route");
    route->color = g_strdup("");
    route->waypoints = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
    route->vertices = g_array_new(FALSE, FALSE, sizeof(route_vertex));
    return route;
}

static void forget_segments(cm_route *route)
{
    if (route->segments) {
        g_array_free(route->segments, TRUE);
        g_array_free(route->leg_first, TRUE);
    }
    route->segments = route->leg_first = NULL;
}

static void clear_road_legs(cm_route *route)
{
    for (guint i = 0; route->road_legs && i < route->road_legs->len; i++) {
        cm_route_leg_roads *roads = &g_array_index(route->road_legs, cm_route_leg_roads, i);
        g_free((char *)roads->roads);
        g_free((char *)roads->refs);
        g_free((char *)roads->straight_reason);
        g_free((char *)roads->database);
        g_free((char *)roads->vehicle);
    }
    if (route->road_legs)
        g_array_free(route->road_legs, TRUE);
    route->road_legs = NULL;
}

void cm_route_set_leg_roads(cm_route *route, size_t i, const cm_route_leg_roads *roads)
{
    if (!route->road_legs)
        route->road_legs = g_array_new(FALSE, TRUE, sizeof(cm_route_leg_roads));
    if (route->road_legs->len <= i)
        g_array_set_size(route->road_legs, (guint)i + 1);
    cm_route_leg_roads *slot = &g_array_index(route->road_legs, cm_route_leg_roads, i);
    g_free((char *)slot->roads);
    g_free((char *)slot->refs);
    g_free((char *)slot->straight_reason);
    g_free((char *)slot->database);
    g_free((char *)slot->vehicle);
    *slot = *roads;
    slot->roads = g_strdup(roads->roads ? roads->roads : "");
    slot->refs = g_strdup(roads->refs ? roads->refs : "");
    slot->straight_reason = g_strdup(roads->straight_reason);
    slot->database = g_strdup(roads->database);
    slot->vehicle = g_strdup(roads->vehicle);
}

int cm_route_leg_roads_get(const cm_route *route, size_t i, cm_route_leg_roads *roads)
{
    if (!route->road_legs || i >= route->road_legs->len || i >= cm_route_leg_count(route))
        return 0;
    *roads = g_array_index(route->road_legs, cm_route_leg_roads, i);
    return 1;
}

void cm_route_free(cm_route *route)
{
    if (!route)
        return;
    forget_segments(route);
    g_free(route->name);
    g_free(route->color);
    g_ptr_array_free(route->waypoints, TRUE);
    g_array_free(route->vertices, TRUE);
    clear_road_legs(route);
    g_free(route);
}

cm_route *cm_route_copy(const cm_route *route)
{
    cm_route *copy = cm_route_new(route->name);
    g_free(copy->color);
    copy->color = g_strdup(route->color);
    for (guint i = 0; i < route->waypoints->len; i++)
        g_ptr_array_add(copy->waypoints, cm_place_copy(g_ptr_array_index(route->waypoints, i)));
    g_array_append_vals(copy->vertices, route->vertices->data, route->vertices->len);
    for (guint i = 0; route->road_legs && i < route->road_legs->len; i++)
        cm_route_set_leg_roads(copy, i, &g_array_index(route->road_legs, cm_route_leg_roads, i));
    return copy;
}

void cm_route_add_waypoint(cm_route *route, const cm_place *place)
{
    route_vertex vertex = {place->position, (gint)route->waypoints->len};
    g_ptr_array_add(route->waypoints, cm_place_copy(place));
    g_array_append_val(route->vertices, vertex);
    forget_segments(route);
}

cm_status cm_route_add_track_point(cm_context *context, cm_route *route, cm_geo_point point)
{
    if (route->waypoints->len == 0)
        return cm_fail(context, CM_ERR_INPUT, "a track point needs a waypoint before it");
    if (!isfinite(point.lat) || !isfinite(point.lon) || fabs(point.lat) > 90 ||
        fabs(point.lon) > 180)
        return cm_fail(context, CM_ERR_INPUT, "track point %g, %g is out of range", point.lat,
                       point.lon);
    route_vertex vertex = {point, -1};
    g_array_append_val(route->vertices, vertex);
    forget_segments(route);
    return CM_OK;
}

/* Computes every segment's geodesic once; legs and crossings read them. */
static void compute_segments(const cm_route *route)
{
    cm_route *mutable_route = (cm_route *)route;
    if (route->segments)
        return;
    GArray *segments = g_array_new(FALSE, FALSE, sizeof(cm_route_segment));
    GArray *leg_first = g_array_new(FALSE, FALSE, sizeof(guint));
    double along = 0;
    gint leg = -1;
    guint last_vertex = route->vertices->len;
    /* Track points after the last waypoint lead nowhere: stop there. */
    while (last_vertex > 0 &&
           g_array_index(route->vertices, route_vertex, last_vertex - 1).waypoint < 0)
        last_vertex--;
    for (guint i = 0; i + 1 < last_vertex; i++) {
        const route_vertex *a = &g_array_index(route->vertices, route_vertex, i);
        const route_vertex *b = &g_array_index(route->vertices, route_vertex, i + 1);
        if (a->waypoint >= 0) {
            leg = a->waypoint;
            guint first = segments->len;
            g_array_append_val(leg_first, first);
        }
        cm_route_segment segment = {a->position, b->position, (size_t)leg,
                                    cm_geodesic_inverse(a->position, b->position), along};
        along += segment.geodesic.distance_m;
        g_array_append_val(segments, segment);
    }
    guint end = segments->len;
    g_array_append_val(leg_first, end);
    mutable_route->segments = segments;
    mutable_route->leg_first = leg_first;
}

size_t cm_route_segment_count(const cm_route *route)
{
    compute_segments(route);
    return route->segments->len;
}

int cm_route_segment_get(const cm_route *route, size_t i, cm_route_segment *segment)
{
    compute_segments(route);
    if (i >= route->segments->len)
        return 0;
    *segment = g_array_index(route->segments, cm_route_segment, i);
    return 1;
}

cm_geo_point cm_route_point_at(const cm_route *route, double distance_m, double *azimuth_deg)
{
    compute_segments(route);
    cm_route_segment segment = {0};
    for (guint i = 0; i < route->segments->len; i++) {
        segment = g_array_index(route->segments, cm_route_segment, i);
        if (distance_m <= segment.distance_from_start_m + segment.geodesic.distance_m)
            break;
    }
    if (route->segments->len == 0) {
        if (azimuth_deg)
            *azimuth_deg = 0;
        return route->vertices->len ? g_array_index(route->vertices, route_vertex, 0).position
                                    : (cm_geo_point){0, 0};
    }
    double into = CLAMP(distance_m - segment.distance_from_start_m, 0,
                        segment.geodesic.distance_m);
    if (azimuth_deg) {
        /* The direction of travel there, from a point a little further on. */
        cm_geo_point here = cm_geodesic_direct(segment.from, segment.geodesic.azimuth_deg, into);
        *azimuth_deg = cm_geodesic_inverse(here, segment.to).azimuth_deg;
        if (into >= segment.geodesic.distance_m)
            *azimuth_deg = segment.geodesic.final_azimuth_deg;
        return here;
    }
    return cm_geodesic_direct(segment.from, segment.geodesic.azimuth_deg, into);
}

cm_status cm_route_new_from_queries(cm_geocoder *geocoder, const char *name,
                                    const char *const *queries, size_t n, cm_route **route)
{
    *route = NULL;
    if (n < 2)
        return cm_fail(cm_geocoder_context(geocoder), CM_ERR_INPUT,
                       "a route needs at least two waypoints (a start and a destination)");
    cm_candidate_list **lists = g_new(cm_candidate_list *, n);
    cm_status status = cm_geocoder_resolve(geocoder, queries, n, NULL, 0, lists);
    cm_route *result = status == CM_OK ? cm_route_new(name) : NULL;
    for (size_t i = 0; status == CM_OK && i < n; i++) {
        const cm_place *place = cm_candidate_list_get(lists[i], 0)->place;
        /* A leg from a place to itself has no length and no direction. */
        const cm_place *last = i > 0 ? cm_route_waypoint(result, i - 1) : NULL;
        if (last && cm_geodesic_inverse(last->position, place->position).distance_m <
                        CM_MIN_LEG_M)
            status = cm_fail(cm_geocoder_context(geocoder), CM_ERR_INPUT,
                             "waypoints %zu and %zu ('%s' and '%s') are the same place; a "
                             "leg needs two different places", i, i + 1, last->name,
                             place->name);
        else
            cm_route_add_waypoint(result, place);
    }
    /* On failure the lists are all NULL, which frees as nothing. */
    for (size_t i = 0; i < n; i++)
        cm_candidate_list_free(lists[i]);
    g_free(lists);
    if (status != CM_OK) {
        cm_route_free(result);
        return status;
    }
    *route = result;
    return CM_OK;
}

const char *cm_route_name(const cm_route *route) { return route->name; }

void cm_route_set_name(cm_route *route, const char *name)
{
    g_free(route->name);
    route->name = g_strdup(name ? name : "Route");
}

const char *cm_route_color(const cm_route *route) { return route->color; }

static gboolean is_hex_color(const char *text)
{
    if (text[0] != '#' || strlen(text) != 7)
        return FALSE;
    for (int i = 1; i < 7; i++)
        if (!g_ascii_isxdigit(text[i]))
            return FALSE;
    return TRUE;
}

cm_status cm_route_set_color(cm_context *context, cm_route *route, const char *color)
{
    if (color && *color && !is_hex_color(color))
        return cm_fail(context, CM_ERR_INPUT, "colour '%s' is not #rrggbb", color);
    g_free(route->color);
    route->color = g_strdup(color ? color : "");
    return CM_OK;
}

/* Applies one "key=value" setting of a route specification. */
static cm_status apply_setting(cm_context *context, cm_route *route, const char *setting)
{
    const char *equals = strchr(setting, '=');
    char *key = g_strstrip(g_strndup(setting, (gsize)(equals - setting)));
    char *value = g_strstrip(g_strdup(equals + 1));
    cm_status status = CM_OK;
    if (g_ascii_strcasecmp(key, "name") == 0 && *value) {
        g_free(route->name);
        route->name = g_strdup(value);
    } else if (g_ascii_strcasecmp(key, "color") == 0 || g_ascii_strcasecmp(key, "colour") == 0) {
        status = cm_route_set_color(context, route, value);
    } else {
        status = cm_fail(context, CM_ERR_INPUT, "route setting '%s' is not name=... or "
                         "color=#rrggbb", setting);
    }
    g_free(key);
    g_free(value);
    return status;
}

cm_status cm_route_parse(cm_geocoder *geocoder, const char *spec, cm_route **route)
{
    cm_context *context = cm_geocoder_context(geocoder);
    *route = NULL;
    char **parts = g_strsplit(spec, ";", -1);
    cm_route *settings = cm_route_new(NULL);
    const char *waypoint_list = NULL;
    cm_status status = CM_OK;
    for (char **part = parts; *part && status == CM_OK; part++) {
        char *text = g_strstrip(*part);
        if (!*text)
            continue;
        /* A part without '=' is a waypoint list too (of one waypoint): as a
         * setting it has no key. */
        if (strchr(text, '>') || !strchr(text, '=')) {
            if (waypoint_list)
                status = cm_fail(context, CM_ERR_INPUT, "route '%s' has two waypoint lists",
                                 spec);
            waypoint_list = text;
        } else {
            status = apply_setting(context, settings, text);
        }
    }
    if (status == CM_OK && !waypoint_list)
        status = cm_fail(context, CM_ERR_INPUT, "route '%s' has no waypoints (write them as "
                         "'A > B > C')", spec);
    if (status == CM_OK) {
        char **names = g_strsplit(waypoint_list, ">", -1);
        guint n = g_strv_length(names);
        for (guint i = 0; i < n && status == CM_OK; i++)
            if (!*g_strstrip(names[i]))
                status = cm_fail(context, CM_ERR_INPUT, "route '%s': waypoint %u is empty",
                                 spec, i + 1);
        if (status == CM_OK && n < 2)
            status = cm_fail(context, CM_ERR_INPUT, "route '%s' has one waypoint; a route "
                             "needs two or more, written 'A > B > C'", spec);
        if (status == CM_OK)
            status = cm_route_new_from_queries(geocoder, settings->name,
                                               (const char *const *)names, n, route);
        if (status == CM_OK)
            status = cm_route_set_color(context, *route, settings->color);
        g_strfreev(names);
    }
    cm_route_free(settings);
    g_strfreev(parts);
    if (status != CM_OK) {
        cm_route_free(*route);
        *route = NULL;
    }
    return status;
}

size_t cm_route_waypoint_count(const cm_route *route) { return route->waypoints->len; }

const cm_place *cm_route_waypoint(const cm_route *route, size_t i)
{
    return i < route->waypoints->len ? g_ptr_array_index(route->waypoints, i) : NULL;
}

size_t cm_route_leg_count(const cm_route *route)
{
    return route->waypoints->len > 1 ? route->waypoints->len - 1 : 0;
}

int cm_route_leg_get(const cm_route *route, size_t i, cm_route_leg *leg)
{
    if (i >= cm_route_leg_count(route))
        return 0;
    compute_segments(route);
    leg->from = g_ptr_array_index(route->waypoints, i);
    leg->to = g_ptr_array_index(route->waypoints, i + 1);
    guint first = g_array_index(route->leg_first, guint, i);
    guint end = g_array_index(route->leg_first, guint, i + 1);
    const cm_route_segment *head = &g_array_index(route->segments, cm_route_segment, first);
    const cm_route_segment *tail = &g_array_index(route->segments, cm_route_segment, end - 1);
    leg->geodesic.distance_m = tail->distance_from_start_m + tail->geodesic.distance_m -
                               head->distance_from_start_m;
    leg->geodesic.azimuth_deg = head->geodesic.azimuth_deg;
    leg->geodesic.final_azimuth_deg = tail->geodesic.final_azimuth_deg;
    cm_route_leg_roads roads;
    if (cm_route_leg_roads_get(route, i, &roads) && roads.on_roads) {
        /* The leg's direction, not its first road segment's (route.h). */
        cm_geodesic_result straight = cm_geodesic_inverse(leg->from->position, leg->to->position);
        leg->geodesic.azimuth_deg = straight.azimuth_deg;
        leg->geodesic.final_azimuth_deg = straight.final_azimuth_deg;
    }
    leg->distance_from_start_m = head->distance_from_start_m;
    leg->n_segments = end - first;
    return 1;
}

double cm_route_total_m(const cm_route *route)
{
    compute_segments(route);
    if (route->segments->len == 0)
        return 0;
    const cm_route_segment *tail =
        &g_array_index(route->segments, cm_route_segment, route->segments->len - 1);
    return tail->distance_from_start_m + tail->geodesic.distance_m;
}

cm_geo_point *cm_route_line(const cm_route *route, double max_step_m, size_t *n_points)
{
    compute_segments(route);
    GArray *line = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    double lon_shift = 0; /* keeps each segment's longitudes continuous with the last */
    for (guint i = 0; i < route->segments->len; i++) {
        const cm_route_segment *segment = &g_array_index(route->segments, cm_route_segment, i);
        size_t n;
        cm_geo_point *points = cm_geodesic_densify(segment->from, segment->to, max_step_m, &n);
        for (size_t k = 0; k < n; k++)
            points[k].lon += lon_shift;
        /* The first point repeats the previous segment's last one. */
        g_array_append_vals(line, points + (i > 0), (guint)(n - (i > 0)));
        lon_shift = points[n - 1].lon - segment->to.lon;
        cm_free(points);
    }
    if (line->len == 0 && route->vertices->len > 0)
        g_array_append_val(line, g_array_index(route->vertices, route_vertex, 0).position);
    *n_points = line->len;
    return (cm_geo_point *)g_array_free(line, FALSE);
}

cm_route_distances cm_route_distance_kind(const cm_route *route)
{
    size_t on_roads = 0, n = cm_route_leg_count(route);
    cm_route_leg_roads roads;
    for (size_t i = 0; i < n; i++)
        on_roads += cm_route_leg_roads_get(route, i, &roads) && roads.on_roads;
    return on_roads == 0   ? CM_DISTANCES_GEODESIC
           : on_roads == n ? CM_DISTANCES_ROAD
                           : CM_DISTANCES_MIXED;
}

char *cm_route_distances_text(const cm_route *const *routes, size_t n)
{
    gboolean road = FALSE, straight = FALSE;
    const cm_route_leg_roads *first = NULL;
    cm_route_leg_roads roads;
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < cm_route_leg_count(routes[r]); i++) {
            gboolean on = cm_route_leg_roads_get(routes[r], i, &roads) && roads.on_roads;
            if (on && !first)
                first = &g_array_index(routes[r]->road_legs, cm_route_leg_roads, i);
            road = road || on;
            straight = straight || !on;
        }
    /* cm_free() is g_free(). */
    return !road ? g_strdup("geodesic distances on WGS84")
           : straight ? g_strdup_printf("mixed distances: road (%s, %s) and straight "
                                              "(WGS84)", first->database, first->vehicle)
                      : g_strdup_printf("road distances on %s for a %s", first->database,
                                        first->vehicle);
}
