/* The nearest road a vehicle may use, read from a roads database's
 * roads.gpkg: for a waypoint farther from the roads than Routino looks
 * (libroutino's Routino_FindWaypoint() stops near 1 km, a constant of the
 * library). The R-tree picks the roads in a box round the waypoint, grown
 * until the nearest found lies inside it; each segment is measured in a
 * plane tangent at the waypoint and the winner again as a geodesic. */
#include "nearest.h"

#include "core/geopackage.h"
#include "road-tiers.h"

#include <math.h>
#include <string.h>

/* The roads layer of roads.gpkg and the one column read. */
static const char *const class_column[] = {"class", NULL};

/* The first box's half side, and how much each next one grows. */
#define FIRST_REACH_M 2000.0
#define REACH_GROWTH 2.5
/* Metres in a degree of latitude, near enough to size a box (a little
 * under the least, so a box is never short). */
#define M_PER_DEGREE_LAT 110500.0

int cm_roads_class_highway(const char *road_class)
{
    static const struct {
        const char *osm;
        int highway;
    } classes[] = {
        {"motorway", ROUTINO_HIGHWAY_MOTORWAY},
        {"trunk", ROUTINO_HIGHWAY_TRUNK},
        {"primary", ROUTINO_HIGHWAY_PRIMARY},
        {"secondary", ROUTINO_HIGHWAY_SECONDARY},
        {"tertiary", ROUTINO_HIGHWAY_TERTIARY},
        {"unclassified", ROUTINO_HIGHWAY_UNCLASSIFIED},
        {"road", ROUTINO_HIGHWAY_UNCLASSIFIED},
        {"residential", ROUTINO_HIGHWAY_RESIDENTIAL},
        {"living_street", ROUTINO_HIGHWAY_RESIDENTIAL},
        {"service", ROUTINO_HIGHWAY_SERVICE},
        {"track", ROUTINO_HIGHWAY_TRACK},
        {"cycleway", ROUTINO_HIGHWAY_CYCLEWAY},
        {"path", ROUTINO_HIGHWAY_PATH},
        {"footway", ROUTINO_HIGHWAY_PATH},
        {"bridleway", ROUTINO_HIGHWAY_PATH},
        {"pedestrian", ROUTINO_HIGHWAY_PATH},
        {"steps", ROUTINO_HIGHWAY_STEPS},
    };
    /* A _link is of its road's class, as Routino's tagging has it. */
    size_t length = strlen(road_class);
    if (g_str_has_suffix(road_class, "_link"))
        length -= strlen("_link");
    for (size_t i = 0; i < G_N_ELEMENTS(classes); i++)
        if (strlen(classes[i].osm) == length && strncmp(classes[i].osm, road_class, length) == 0)
            return classes[i].highway;
    return 0;
}

/* The nearest point so far, in the plane tangent at the waypoint: x east
 * and y north, in degrees of latitude. */
typedef struct nearest {
    double x, y, d2;
    double ends[2][2]; /* the segment's ends, nearer first */
} nearest;

/* Keeps the point of segment a-b nearest the origin when nearer than best. */
static void consider_segment(double ax, double ay, double bx, double by, nearest *best)
{
    double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
    double t = length2 > 0.0 ? CLAMP(-(ax * dx + ay * dy) / length2, 0.0, 1.0) : 0.0;
    double x = ax + t * dx, y = ay + t * dy;
    if (x * x + y * y < best->d2) {
        gboolean a_first = t <= 0.5;
        *best = (nearest){x, y, x * x + y * y,
                          {{a_first ? ax : bx, a_first ? ay : by},
                           {a_first ? bx : ax, a_first ? by : ay}}};
    }
}

/* Measures every line of geometry (a line string or a collection of them)
 * against best; FALSE when GEOS fails. */
static gboolean consider_lines(GEOSContextHandle_t geos, const GEOSGeometry *geometry,
                               cm_geo_point origin, double cos_lat, nearest *best)
{
    int n_parts = GEOSGetNumGeometries_r(geos, geometry);
    for (int part = 0; part < n_parts; part++) {
        const GEOSGeometry *line = GEOSGetGeometryN_r(geos, geometry, part);
        const GEOSCoordSequence *sequence = line ? GEOSGeom_getCoordSeq_r(geos, line) : NULL;
        unsigned size = 0;
        if (!sequence || !GEOSCoordSeq_getSize_r(geos, sequence, &size))
            return FALSE;
        double px = 0.0, py = 0.0;
        for (unsigned i = 0; i < size; i++) {
            double lon, lat;
            if (!GEOSCoordSeq_getXY_r(geos, sequence, i, &lon, &lat))
                return FALSE;
            double x = remainder(lon - origin.lon, 360.0) * cos_lat, y = lat - origin.lat;
            if (i > 0)
                consider_segment(px, py, x, y, best);
            else if (size == 1)
                consider_segment(x, y, x, y, best);
            px = x;
            py = y;
        }
    }
    return TRUE;
}

/* The point x east, y north of origin in the tangent plane. */
static cm_geo_point plane_point(cm_geo_point origin, double cos_lat, double x, double y)
{
    return (cm_geo_point){origin.lat + y, origin.lon + x / MAX(cos_lat, 1e-6)};
}

cm_status cm_roads_nearest(cm_context *context, const char *gpkg_path, cm_geo_point point,
                           const gboolean *usable, double max_m, cm_geo_point road[3],
                           double *distance_m)
{
    *distance_m = INFINITY;
    char *error = NULL;
    cm_geopackage *gpkg = cm_geopackage_open(context, gpkg_path, &error);
    if (!gpkg) {
        cm_status status = cm_fail(context, CM_ERR_INPUT, "roads database %s: %s", gpkg_path,
                                   error);
        g_free(error);
        return status;
    }
    gboolean missing = FALSE;
    cm_gpkg_layer *layer = cm_geopackage_layer(gpkg, CM_ROAD_LAYER_ALL, class_column, &missing);
    cm_status status = CM_OK;
    if (!layer)
        status = cm_fail(context, CM_ERR_INPUT, "roads database %s: %s", gpkg_path,
                         missing ? "no layer '" CM_ROAD_LAYER_ALL "'" : cm_geopackage_error(gpkg));
    GEOSContextHandle_t geos = cm_context_geos(context);
    double cos_lat = cos(point.lat * G_PI / 180.0);
    nearest best = {0.0, 0.0, INFINITY};
    for (double reach = FIRST_REACH_M; layer && status == CM_OK; reach *= REACH_GROWTH) {
        reach = MIN(reach, max_m);
        double dlat = reach / M_PER_DEGREE_LAT;
        double dlon = MIN(dlat / MAX(cos_lat, 1e-6), 180.0);
        cm_gpkg_layer_select(layer, point.lon - dlon, point.lat - dlat, point.lon + dlon,
                             point.lat + dlat);
        while (cm_gpkg_layer_next(layer)) {
            if (!usable[cm_roads_class_highway(cm_gpkg_layer_text(layer, 0))])
                continue;
            GEOSGeometry *geometry = cm_gpkg_layer_geometry(layer);
            gboolean read = !geometry || consider_lines(geos, geometry, point, cos_lat, &best);
            if (geometry)
                GEOSGeom_destroy_r(geos, geometry);
            if (!read) {
                status = cm_fail(context, CM_ERR_INPUT, "roads database %s: a broken road line",
                                 gpkg_path);
                break;
            }
        }
        if (status == CM_OK && cm_geopackage_error(gpkg))
            status = cm_fail(context, CM_ERR_INPUT, "roads database %s: %s", gpkg_path,
                             cm_geopackage_error(gpkg));
        if (status != CM_OK || !isfinite(best.d2)) {
            if (reach >= max_m)
                break;
            continue;
        }
        road[0] = plane_point(point, cos_lat, best.x, best.y);
        road[1] = plane_point(point, cos_lat, best.ends[0][0], best.ends[0][1]);
        road[2] = plane_point(point, cos_lat, best.ends[1][0], best.ends[1][1]);
        *distance_m = cm_geodesic_inverse(point, road[0]).distance_m;
        /* Anything outside the box is farther than its half side. */
        if (*distance_m <= reach || reach >= max_m)
            break;
    }
    if (*distance_m > max_m)
        *distance_m = INFINITY;
    cm_geopackage_free(gpkg);
    return status;
}
