/* Route files read through OGR (the GDAL module, ogr-loader.h): GeoJSON,
 * KML, GPX and CSV. Every format boils down to an ordered track (possibly
 * empty) and ordered named waypoints, which are then woven together into a
 * route. */
#include "internal.h"

#include <math.h>
#include <string.h>

#include "ogr-loader.h"

typedef struct route_source {
    GArray *track;      /* of cm_geo_point, travel order */
    GPtrArray *names;   /* waypoint names (owned), parallel to points */
    GArray *points;     /* of cm_geo_point */
    gboolean not_wgs84; /* a feature's coordinates did not convert to WGS84 */
} route_source;

/* The value of the first field called name (any case, as OGR looks fields
 * up), or NULL when there is none or it is null. */
static const char *field_value(const cm_ogr_feature *feature, const char *name)
{
    for (size_t i = 0; i < feature->n_fields; i++)
        if (g_ascii_strcasecmp(feature->names[i], name) == 0)
            return feature->values[i];
    return NULL;
}

static const char *feature_name(const cm_ogr_feature *feature)
{
    static const char *const fields[] = {"name", "title", "desc"};
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++) {
        const char *value = field_value(feature, fields[i]);
        if (value && *value)
            return value;
    }
    return NULL;
}

static void add_point(route_source *source, const char *name, double lon, double lat)
{
    cm_geo_point point = {lat, lon};
    g_array_append_val(source->points, point);
    g_ptr_array_add(source->names,
                    name ? g_strdup(name)
                         : g_strdup_printf("Waypoint %u", source->points->len));
}

/* Appends a feature's lines to the track and its points to the waypoints. */
static int collect_feature(const cm_ogr_feature *feature, void *data)
{
    route_source *source = data;
    const char *name = feature_name(feature);
    source->not_wgs84 = source->not_wgs84 || feature->not_wgs84;
    for (size_t i = 0; i < feature->n_parts; i++) {
        const cm_ogr_part *part = &feature->parts[i];
        if (!part->is_line) {
            add_point(source, name, part->lon[0], part->lat[0]);
            continue;
        }
        for (size_t k = 0; k < part->n_points; k++) {
            cm_geo_point p = {part->lat[k], part->lon[k]};
            g_array_append_val(source->track, p);
        }
    }
    return 0;
}

/* The index of the layer called name, or -1. */
static int layer_index(const cm_ogr_api *api, void *dataset, const char *name)
{
    for (int i = 0; i < api->layer_count(dataset); i++)
        if (g_strcmp0(api->layer_name(dataset, i), name) == 0)
            return i;
    return -1;
}

static void collect_layer(route_source *source, const cm_ogr_api *api, void *dataset, int layer)
{
    if (layer >= 0)
        api->read_layer(dataset, layer, collect_feature, source);
}

static gboolean layer_has_features(const cm_ogr_api *api, void *dataset, const char *name)
{
    int layer = layer_index(api, dataset, name);
    return layer >= 0 && api->feature_count(dataset, layer) > 0;
}

/* GPX exposes each route and track twice (as lines and as their points):
 * read the lines for a track, the points for a route. */
static void collect_gpx(route_source *source, const cm_ogr_api *api, void *dataset)
{
    if (layer_has_features(api, dataset, "tracks")) {
        collect_layer(source, api, dataset, layer_index(api, dataset, "tracks"));
        collect_layer(source, api, dataset, layer_index(api, dataset, "waypoints"));
    } else if (layer_has_features(api, dataset, "route_points")) {
        collect_layer(source, api, dataset, layer_index(api, dataset, "route_points"));
    } else {
        collect_layer(source, api, dataset, layer_index(api, dataset, "waypoints"));
    }
}

/* The index of the track vertex nearest to p at or after first. */
static guint nearest_vertex(const GArray *track, cm_geo_point p, guint first)
{
    guint best = first;
    double best_distance = HUGE_VAL;
    for (guint i = first; i < track->len; i++) {
        double d = cm_geodesic_inverse(p, g_array_index(track, cm_geo_point, i)).distance_m;
        if (d < best_distance) {
            best_distance = d;
            best = i;
        }
    }
    return best;
}

static cm_place waypoint_place(const char *name, cm_geo_point position)
{
    return (cm_place){(char *)name, "waypoint", "", "route file", position};
}

/* Weaves waypoints and track into route: each waypoint sits at its nearest
 * track vertex (in travel order), and the track vertices between two
 * waypoints become track points of the leg joining them. */
static cm_status weave(cm_context *context, route_source *source, cm_route *route)
{
    GArray *track = source->track;
    if (track->len >= 2 && source->points->len < 2) {
        /* A bare track: its ends are the waypoints. */
        g_ptr_array_set_size(source->names, 0);
        g_array_set_size(source->points, 0);
        add_point(source, "Start", g_array_index(track, cm_geo_point, 0).lon,
                  g_array_index(track, cm_geo_point, 0).lat);
        add_point(source, "End", g_array_index(track, cm_geo_point, track->len - 1).lon,
                  g_array_index(track, cm_geo_point, track->len - 1).lat);
    }
    guint previous_vertex = 0;
    for (guint w = 0; w < source->points->len; w++) {
        cm_geo_point position = g_array_index(source->points, cm_geo_point, w);
        if (track->len >= 2) {
            guint vertex = nearest_vertex(track, position, previous_vertex);
            /* The stretch of track before this waypoint belongs to the leg
             * arriving at it. */
            for (guint i = previous_vertex + (w > 0); w > 0 && i < vertex; i++) {
                cm_status status = cm_route_add_track_point(
                    context, route, g_array_index(track, cm_geo_point, i));
                if (status != CM_OK)
                    return status;
            }
            previous_vertex = vertex;
        }
        cm_place place = waypoint_place(g_ptr_array_index(source->names, w), position);
        if (!isfinite(position.lat) || fabs(position.lat) > 90 || fabs(position.lon) > 180)
            return cm_fail(context, CM_ERR_INPUT, "waypoint '%s' is out of range", place.name);
        cm_route_add_waypoint(route, &place);
    }
    return CM_OK;
}

cm_status cm_route_read_file(cm_context *context, const char *path, cm_route **route)
{
    *route = NULL;
    const cm_ogr_api *api;
    void *dataset = cm_open_user_vector(context, path, "route file", "GeoJSON, GPX, KML or CSV",
                                        &api);
    if (!dataset)
        return cm_context_status(context);
    route_source source = {g_array_new(FALSE, FALSE, sizeof(cm_geo_point)),
                           g_ptr_array_new_with_free_func(g_free),
                           g_array_new(FALSE, FALSE, sizeof(cm_geo_point)), FALSE};
    if (g_strcmp0(api->driver(dataset), "GPX") == 0) {
        collect_gpx(&source, api, dataset);
    } else {
        for (int i = 0; i < api->layer_count(dataset); i++)
            collect_layer(&source, api, dataset, i);
    }
    api->close(dataset);
    cm_status status = CM_OK;
    if (source.not_wgs84)
        status = cm_fail(context, CM_ERR_INPUT, "route file '%s' has coordinates that do not "
                         "convert to WGS84", path);
    else if (source.points->len + (source.track->len >= 2 ? 2 : 0) < 2)
        status = cm_fail(context, CM_ERR_INPUT, "route file '%s' has no track and fewer than "
                         "two waypoints", path);
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    cm_route *result = cm_route_new(base);
    g_free(base);
    if (status == CM_OK)
        status = weave(context, &source, result);
    g_array_free(source.track, TRUE);
    g_ptr_array_free(source.names, TRUE);
    g_array_free(source.points, TRUE);
    if (status != CM_OK) {
        cm_route_free(result);
        return status;
    }
    *route = result;
    return CM_OK;
}
