/* Border crossings: the route is sampled every few hundred metres along its
 * geodesic legs, each sample is located in a country polygon (GEOS prepared
 * geometries), every change of country is pinned down by
 * bisection along the geodesic, and runs too shallow to be real (polygon
 * generalisation along a border) or at sea are folded away. */
#include "internal.h"

#include <math.h>
#include <string.h>

#include "geopackage.h"
#include "geocode/place.h"

/* Samples along a segment are at most this far apart; a country entered and
 * left between two samples is missed, so keep it below the narrowest strip
 * of land a convoy could cross. */
#define SAMPLE_STEP_M 250.0
/* Bisection stops when the change of country is pinned to this length. */
#define BISECT_PRECISION_M 0.01
/* A degree of latitude is at least this long on WGS84 (at the equator). */
#define MIN_METRES_PER_DEGREE 110574.0

typedef struct country_shape {
    char iso3[4];
    GEOSContextHandle_t geos;
    GEOSGeometry *geometry;
    const GEOSPreparedGeometry *prepared;
    GEOSGeometry *boundary; /* computed on first use */
    double min_x, min_y, max_x, max_y;
} country_shape;

struct cm_crossing_list {
    GArray *crossings; /* of cm_border_crossing */
    GStringChunk *names;
};

/* A stretch of the route inside one country (or at sea: country NULL). */
typedef struct country_run {
    const country_shape *country;
    cm_geo_point entry;      /* where the route entered it */
    size_t entry_leg;
    double entry_distance_m; /* along the route */
    double max_depth_m;      /* deepest sample from the border, lower bound */
} country_run;

typedef struct border_finder {
    cm_context *context;
    GEOSContextHandle_t geos;
    GPtrArray *shapes; /* of country_shape*, owned */
    GArray *runs;      /* of country_run */
} border_finder;

static void shape_free(country_shape *shape)
{
    GEOSPreparedGeom_destroy_r(shape->geos, shape->prepared);
    GEOSGeom_destroy_r(shape->geos, shape->geometry);
    if (shape->boundary)
        GEOSGeom_destroy_r(shape->geos, shape->boundary);
    g_free(shape);
}

/* Loads the countries whose polygons meet the box [sw, ne] (degrees). */
static cm_status load_countries(cm_context *context, cm_geo_point sw, cm_geo_point ne,
                                GPtrArray *shapes)
{
    static const char *const columns[] = {"iso3", NULL};
    GEOSContextHandle_t geos = cm_context_geos(context);
    const char *reason = NULL;
    gboolean missing = FALSE;
    cm_geopackage *gpkg = cm_context_basemap(context, &reason);
    cm_gpkg_layer *layer = gpkg ? cm_geopackage_layer(gpkg, "countries", columns, &missing)
                                : NULL;
    if (layer) {
        cm_gpkg_layer_select(layer, sw.lon, sw.lat, ne.lon, ne.lat);
        while (cm_gpkg_layer_next(layer)) {
            GEOSGeometry *geometry = cm_gpkg_layer_geometry(layer);
            if (!geometry)
                continue;
            country_shape *shape = g_new0(country_shape, 1);
            g_strlcpy(shape->iso3, cm_gpkg_layer_text(layer, 0), sizeof shape->iso3);
            shape->geos = geos;
            shape->geometry = geometry;
            shape->prepared = GEOSPrepare_r(geos, geometry);
            GEOSGeom_getXMin_r(geos, geometry, &shape->min_x);
            GEOSGeom_getYMin_r(geos, geometry, &shape->min_y);
            GEOSGeom_getXMax_r(geos, geometry, &shape->max_x);
            GEOSGeom_getYMax_r(geos, geometry, &shape->max_y);
            g_ptr_array_add(shapes, shape);
        }
        reason = cm_geopackage_error(gpkg);
    } else if (gpkg) {
        reason = missing ? "no layer 'countries'" : cm_geopackage_error(gpkg);
    }
    if (layer && !reason)
        return CM_OK;
    char *path = cm_data_path(context, CM_BASEMAP_FILE);
    cm_status status = cm_fail(context, CM_ERR_DATA, "cannot read the countries of %s: %s",
                               path, reason);
    g_free(path);
    return status;
}

static gboolean shape_contains(const country_shape *shape, const GEOSGeometry *point,
                               double lon, double lat)
{
    if (lon < shape->min_x || lon > shape->max_x || lat < shape->min_y || lat > shape->max_y)
        return FALSE;
    return GEOSPreparedContains_r(shape->geos, shape->prepared, point) == 1;
}

/* The country containing p, trying hint first (consecutive samples are
 * nearly always in the same country); NULL at sea. */
static const country_shape *country_of(border_finder *finder, cm_geo_point p,
                                       const country_shape *hint)
{
    double lon = remainder(p.lon, 360.0);
    GEOSGeometry *probe = GEOSGeom_createPointFromXY_r(finder->geos, lon, p.lat);
    const country_shape *found = NULL;
    if (hint && shape_contains(hint, probe, lon, p.lat))
        found = hint;
    for (guint i = 0; !found && i < finder->shapes->len; i++) {
        const country_shape *shape = g_ptr_array_index(finder->shapes, i);
        if (shape != hint && shape_contains(shape, probe, lon, p.lat))
            found = shape;
    }
    GEOSGeom_destroy_r(finder->geos, probe);
    return found;
}

/* How far p lies inside shape, in metres, as a lower bound: the planar
 * distance in degrees to the boundary, at the length of a degree of
 * longitude there (the shorter kind of degree away from the poles). */
static double depth_m(border_finder *finder, country_shape *shape, cm_geo_point p)
{
    if (!shape->boundary)
        shape->boundary = GEOSBoundary_r(finder->geos, shape->geometry);
    GEOSGeometry *probe = GEOSGeom_createPointFromXY_r(finder->geos, remainder(p.lon, 360.0),
                                                       p.lat);
    double degrees = 0;
    if (!shape->boundary || !GEOSDistance_r(finder->geos, probe, shape->boundary, &degrees))
        degrees = 0;
    GEOSGeom_destroy_r(finder->geos, probe);
    return degrees * MIN_METRES_PER_DEGREE * MAX(cos(p.lat * G_PI / 180.0), 0.01);
}

static void start_run(border_finder *finder, const country_shape *country, cm_geo_point entry,
                      size_t leg, double distance_m)
{
    country_run run = {country, entry, leg, distance_m, 0};
    g_array_append_val(finder->runs, run);
}

static void deepen_run(border_finder *finder, cm_geo_point p)
{
    country_run *run = &g_array_index(finder->runs, country_run, finder->runs->len - 1);
    if (!run->country || run->max_depth_m >= CM_BORDER_TOLERANCE_M)
        return;
    run->max_depth_m = MAX(run->max_depth_m,
                           depth_m(finder, (country_shape *)run->country, p));
}

/* Walks one segment, extending the current run and starting a new one at
 * each change of country, located by bisection along the geodesic. */
static void walk_segment(border_finder *finder, const cm_route_segment *segment)
{
    double length = segment->geodesic.distance_m;
    double azimuth = segment->geodesic.azimuth_deg;
    double start_m = segment->distance_from_start_m;
    cm_geo_point from = segment->from;
    size_t steps = MAX((size_t)ceil(length / SAMPLE_STEP_M), 1);
    const country_shape *current =
        g_array_index(finder->runs, country_run, finder->runs->len - 1).country;
    double previous_s = 0;
    for (size_t k = 1; k <= steps; k++) {
        double s = length * (double)k / (double)steps;
        cm_geo_point p = k == steps ? segment->to : cm_geodesic_direct(from, azimuth, s);
        const country_shape *here = country_of(finder, p, current);
        if (here != current) {
            double lo = previous_s, hi = s;
            while (hi - lo > BISECT_PRECISION_M) {
                double mid = (lo + hi) / 2;
                if (country_of(finder, cm_geodesic_direct(from, azimuth, mid), current) == current)
                    lo = mid;
                else
                    hi = mid;
            }
            cm_geo_point entry = cm_geodesic_direct(from, azimuth, hi);
            start_run(finder, country_of(finder, entry, here), entry, segment->leg,
                      start_m + hi);
            current = g_array_index(finder->runs, country_run, finder->runs->len - 1).country;
            if (current != here) {
                /* Two changes between samples: land on what the sample says. */
                start_run(finder, here, p, segment->leg, start_m + s);
                current = here;
            }
        }
        deepen_run(finder, p);
        previous_s = s;
    }
}

/* Removes interior runs at sea or too shallow to be real, then merges
 * neighbours in the same country. The first and last runs stay: the route's
 * own ends are where the user put them. A stretch "at sea" shorter than the
 * tolerance is a sliver between polygons or a route on the boundary line
 * itself, not water. Appends to over_water, in parallel with the runs kept,
 * whether the route reached each over water. */
static GArray *fold_runs(GArray *runs, double route_length_m, GArray *over_water)
{
    GArray *kept = g_array_new(FALSE, FALSE, sizeof(country_run));
    gboolean crossed_water = FALSE;
    for (guint i = 0; i < runs->len; i++) {
        country_run run = g_array_index(runs, country_run, i);
        gboolean interior = i > 0 && i + 1 < runs->len;
        double end = i + 1 < runs->len
                         ? g_array_index(runs, country_run, i + 1).entry_distance_m
                         : route_length_m;
        if (!run.country) {
            crossed_water = crossed_water ||
                            (interior && end - run.entry_distance_m >= CM_BORDER_TOLERANCE_M);
            continue;
        }
        if (interior && run.max_depth_m < CM_BORDER_TOLERANCE_M)
            continue;
        if (kept->len > 0 &&
            g_array_index(kept, country_run, kept->len - 1).country == run.country) {
            crossed_water = FALSE;
            continue;
        }
        g_array_append_val(kept, run);
        int flag = crossed_water;
        g_array_append_val(over_water, flag);
        crossed_water = FALSE;
    }
    return kept;
}

/* A place's Arabic name without a leading "منفذ " (port, as Iraq and
 * Kuwait call their crossing posts), as cm_place_short_name() drops
 * " border crossing"; NULL when it has none. Returns a new string. */
static char *short_name_ar(const cm_place *place)
{
    static const char prefix[] = "منفذ ";
    if (!place->name_ar)
        return NULL;
    if (g_str_has_prefix(place->name_ar, prefix) && place->name_ar[sizeof prefix - 1])
        return g_strdup(place->name_ar + sizeof prefix - 1);
    return g_strdup(place->name_ar);
}

/* The name of a crossing in English and in Arabic: the official crossing
 * points near it on either side, else the nearest place ("near Ar
 * Rutbah"). *name_ar receives NULL when a place named lacks an Arabic
 * name. Returns a new string; the caller frees both with g_free(). */
static char *crossing_name(cm_geocoder *geocoder, const cm_border_crossing *crossing,
                           char **name_ar)
{
    *name_ar = NULL;
    if (!geocoder)
        return g_strdup("");
    GString *name = g_string_new(NULL), *arabic = g_string_new(NULL);
    gboolean all_arabic = TRUE;
    const char *sides[] = {crossing->from_country, crossing->to_country};
    for (size_t i = 0; i < G_N_ELEMENTS(sides); i++) {
        double distance;
        cm_place *post = cm_geocoder_nearest(geocoder, crossing->position, "border_crossing",
                                             sides[i], CM_CROSSING_NAME_RADIUS_M, &distance);
        if (!post)
            continue;
        char *short_name = cm_place_short_name(post);
        g_string_append_printf(name, "%s%s", name->len ? " / " : "", short_name);
        g_free(short_name);
        char *arabic_name = short_name_ar(post);
        if (arabic_name)
            g_string_append_printf(arabic, "%s%s", arabic->len ? " / " : "", arabic_name);
        all_arabic = all_arabic && arabic_name;
        g_free(arabic_name);
        cm_place_free(post);
    }
    if (name->len == 0) {
        double distance;
        cm_place *place = cm_geocoder_nearest(geocoder, crossing->position, NULL, NULL,
                                              100000.0, &distance);
        if (place) {
            char *short_name = cm_place_short_name(place);
            g_string_printf(name, "near %s", short_name);
            g_free(short_name);
            char *arabic_name = short_name_ar(place);
            if (arabic_name)
                g_string_printf(arabic, "قرب %s", arabic_name);
            all_arabic = arabic_name != NULL;
            g_free(arabic_name);
        }
        cm_place_free(place);
    }
    if (all_arabic && arabic->len > 0)
        *name_ar = g_string_free(arabic, FALSE);
    else
        g_string_free(arabic, TRUE);
    return g_string_free(name, FALSE);
}

static void route_bounds(const cm_route *route, cm_geo_point *sw, cm_geo_point *ne)
{
    size_t n;
    cm_geo_point *line = cm_route_line(route, 10000.0, &n);
    sw->lat = sw->lon = HUGE_VAL;
    ne->lat = ne->lon = -HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        sw->lat = MIN(sw->lat, line[i].lat);
        ne->lat = MAX(ne->lat, line[i].lat);
        sw->lon = MIN(sw->lon, line[i].lon);
        ne->lon = MAX(ne->lon, line[i].lon);
    }
    cm_free(line);
    /* Geodesics bulge between the 10 km samples; a margin covers that. */
    sw->lat -= 0.2, sw->lon -= 0.2, ne->lat += 0.2, ne->lon += 0.2;
    if (ne->lon - sw->lon >= 360.0 || sw->lon < -180.0 || ne->lon > 180.0) {
        /* Across the antimeridian: read every longitude. */
        sw->lon = -180.0;
        ne->lon = 180.0;
    }
}

cm_status cm_route_find_crossings(cm_context *context, const cm_route *route,
                                  cm_geocoder *geocoder, cm_crossing_list **crossings)
{
    *crossings = NULL;
    cm_crossing_list *list = g_new0(cm_crossing_list, 1);
    list->crossings = g_array_new(FALSE, FALSE, sizeof(cm_border_crossing));
    list->names = g_string_chunk_new(256);
    if (cm_route_waypoint_count(route) < 2) {
        *crossings = list;
        return CM_OK;
    }
    border_finder finder = {context, cm_context_geos(context),
                            g_ptr_array_new_with_free_func((GDestroyNotify)shape_free),
                            g_array_new(FALSE, FALSE, sizeof(country_run))};
    cm_geo_point sw, ne;
    route_bounds(route, &sw, &ne);
    cm_status status = load_countries(context, sw, ne, finder.shapes);
    if (status == CM_OK) {
        const cm_place *start = cm_route_waypoint(route, 0);
        start_run(&finder, country_of(&finder, start->position, NULL), start->position, 0, 0);
        deepen_run(&finder, start->position);
        cm_route_segment segment;
        for (size_t i = 0; cm_route_segment_get(route, i, &segment); i++)
            walk_segment(&finder, &segment);
        double along = cm_route_total_m(route);
        GArray *over_water = g_array_new(FALSE, FALSE, sizeof(int));
        GArray *runs = fold_runs(finder.runs, along, over_water);
        for (guint i = 1; i < runs->len; i++) {
            const country_run *before = &g_array_index(runs, country_run, i - 1);
            const country_run *after = &g_array_index(runs, country_run, i);
            cm_border_crossing crossing = {0};
            crossing.position = after->entry;
            crossing.position.lon = remainder(crossing.position.lon, 360.0);
            g_strlcpy(crossing.from_country, before->country->iso3, 4);
            g_strlcpy(crossing.to_country, after->country->iso3, 4);
            crossing.leg = after->entry_leg;
            crossing.distance_from_start_m = after->entry_distance_m;
            crossing.over_water = g_array_index(over_water, int, i);
            char *name_ar;
            char *name = crossing_name(geocoder, &crossing, &name_ar);
            crossing.name = g_string_chunk_insert(list->names, name);
            crossing.name_ar = name_ar ? g_string_chunk_insert(list->names, name_ar) : NULL;
            g_free(name);
            g_free(name_ar);
            g_array_append_val(list->crossings, crossing);
        }
        g_array_free(runs, TRUE);
        g_array_free(over_water, TRUE);
    }
    g_array_free(finder.runs, TRUE);
    g_ptr_array_free(finder.shapes, TRUE);
    if (status != CM_OK) {
        cm_crossing_list_free(list);
        return status;
    }
    *crossings = list;
    return CM_OK;
}

size_t cm_crossing_list_count(const cm_crossing_list *crossings)
{
    return crossings->crossings->len;
}

const cm_border_crossing *cm_crossing_list_get(const cm_crossing_list *crossings, size_t i)
{
    return i < crossings->crossings->len
               ? &g_array_index(crossings->crossings, cm_border_crossing, i)
               : NULL;
}

void cm_crossing_list_free(cm_crossing_list *crossings)
{
    if (!crossings)
        return;
    g_array_free(crossings->crossings, TRUE);
    g_string_chunk_free(crossings->names);
    g_free(crossings);
}

cm_status cm_country_at(cm_context *context, cm_geo_point point, char iso3[4])
{
    iso3[0] = '\0';
    border_finder finder = {context, cm_context_geos(context),
                            g_ptr_array_new_with_free_func((GDestroyNotify)shape_free), NULL};
    cm_geo_point p = {point.lat, remainder(point.lon, 360.0)};
    cm_status status = load_countries(context, p, p, finder.shapes);
    if (status == CM_OK) {
        const country_shape *shape = country_of(&finder, p, NULL);
        if (shape)
            g_strlcpy(iso3, shape->iso3, 4);
    }
    g_ptr_array_free(finder.shapes, TRUE);
    return status;
}
