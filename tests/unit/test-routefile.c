/* Route files in (GeoJSON, GPX route and track, KML, CSV) and reports out
 * (GeoJSON and CSV read back through OGR). */
#include <math.h>
#include <string.h>

#include <cpl_vsi.h>
#include <gdal.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <ogr_api.h>

#include "convoymap/convoymap.h"
#include "test-support.h"

static cm_context *context;

static cm_route *read_route(const char *name)
{
    char *path = g_test_build_filename(G_TEST_DIST, "data", "routes", name, NULL);
    cm_route *route;
    if (cm_route_read_file(context, path, &route) != CM_OK)
        g_error("%s", cm_context_message(context));
    g_free(path);
    return route;
}

/* Length of a polyline as the sum of GeographicLib-checked geodesics. */
static double polyline_m(const double (*lonlat)[2], size_t n)
{
    double total = 0;
    for (size_t i = 1; i < n; i++)
        total += cm_geodesic_inverse((cm_geo_point){lonlat[i - 1][1], lonlat[i - 1][0]},
                                     (cm_geo_point){lonlat[i][1], lonlat[i][0]})
                     .distance_m;
    return total;
}

static void test_geojson_track_with_waypoints(void)
{
    cm_route *route = read_route("track.geojson");
    g_assert_cmpstr(cm_route_name(route), ==, "track");
    g_assert_cmpuint(cm_route_waypoint_count(route), ==, 3);
    g_assert_cmpstr(cm_route_waypoint(route, 0)->name, ==, "Trebil");
    g_assert_cmpstr(cm_route_waypoint(route, 2)->name, ==, "Ayn al-Asad");
    g_assert_cmpuint(cm_route_leg_count(route), ==, 2);
    /* Distances along the track: leg 1 follows vertices 0..3, leg 2 3..7. */
    static const double track[][2] = {{38.95, 33.00},    {39.40, 33.02}, {39.80, 33.03},
                                      {40.2844, 33.0381}, {40.90, 33.25}, {41.50, 33.45},
                                      {42.00, 33.62},    {42.4412, 33.7856}};
    cm_route_leg first, second;
    g_assert_true(cm_route_leg_get(route, 0, &first));
    g_assert_true(cm_route_leg_get(route, 1, &second));
    g_assert_cmpfloat_with_epsilon(first.geodesic.distance_m, polyline_m(track, 4), 1e-6);
    g_assert_cmpfloat_with_epsilon(second.geodesic.distance_m, polyline_m(track + 3, 5), 1e-6);
    g_assert_cmpuint(second.n_segments, ==, 4);
    /* Along the track is longer than the straight geodesic. */
    double straight = cm_geodesic_inverse(second.from->position, second.to->position).distance_m;
    g_assert_cmpfloat(second.geodesic.distance_m, >, straight);
    g_assert_cmpfloat_with_epsilon(cm_route_total_m(route), polyline_m(track, 8), 1e-6);
    cm_route_free(route);
}

static void test_gpx_route(void)
{
    cm_route *route = read_route("route.gpx");
    g_assert_cmpuint(cm_route_waypoint_count(route), ==, 3);
    g_assert_cmpstr(cm_route_waypoint(route, 1)->name, ==, "Trebil");
    g_assert_cmpuint(cm_route_segment_count(route), ==, 2);
    cm_route_free(route);
}

static void test_gpx_track(void)
{
    cm_route *route = read_route("track.gpx");
    g_assert_cmpuint(cm_route_waypoint_count(route), ==, 2);
    g_assert_cmpstr(cm_route_waypoint(route, 0)->name, ==, "Start");
    g_assert_cmpstr(cm_route_waypoint(route, 1)->name, ==, "End");
    g_assert_cmpuint(cm_route_segment_count(route), ==, 3);
    static const double track[][2] = {
        {43.30, 33.42}, {43.10, 33.50}, {42.83, 33.64}, {42.4412, 33.7856}};
    g_assert_cmpfloat_with_epsilon(cm_route_total_m(route), polyline_m(track, 4), 1e-6);
    cm_route_free(route);
}

static void test_kml(void)
{
    cm_route *route = read_route("route.kml");
    g_assert_cmpuint(cm_route_waypoint_count(route), ==, 2);
    g_assert_cmpstr(cm_route_waypoint(route, 1)->name, ==, "Abu Kamal");
    g_assert_cmpfloat_with_epsilon(cm_route_waypoint(route, 1)->position.lat, 34.4506, 1e-9);
    cm_route_free(route);
}

static void test_csv(void)
{
    cm_route *route = read_route("waypoints.csv");
    g_assert_cmpuint(cm_route_waypoint_count(route), ==, 3);
    g_assert_cmpstr(cm_route_waypoint(route, 2)->name, ==, "Ayn al-Asad, air base");
    g_assert_cmpfloat_with_epsilon(cm_route_waypoint(route, 0)->position.lon, 44.40088, 1e-9);
    cm_route_free(route);
}

static void test_bad_files(void)
{
    cm_route *route = NULL;
    char *broken = g_test_build_filename(G_TEST_DIST, "data", "routes", "broken.geojson", NULL);
    g_assert_cmpint(cm_route_read_file(context, broken, &route), ==, CM_ERR_INPUT);
    g_assert_null(route);
    g_assert_nonnull(strstr(cm_context_message(context), "is not GeoJSON, GPX, KML or CSV"));
    g_assert_cmpint(cm_route_read_file(context, "/nonexistent/route.gpx", &route), ==,
                    CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "does not exist"));
    g_free(broken);
}

/* Writes text to a GDAL in-memory file and opens it with OGR. */
static GDALDatasetH open_text(const char *name, const char *text)
{
    char *path = g_strdup_printf("/vsimem/%s", name);
    VSILFILE *file = VSIFileFromMemBuffer(path, (GByte *)g_strdup(text), strlen(text), TRUE);
    VSIFCloseL(file);
    const char *const csv_options[] = {"X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat", NULL};
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL,
                                      g_str_has_suffix(name, ".csv") ? csv_options : NULL, NULL);
    g_assert_nonnull(dataset);
    g_free(path);
    return dataset;
}

static void test_reports_read_back_through_ogr(void)
{
    cm_route *route = read_route("track.geojson");
    cm_crossing_list *crossings;
    g_assert_cmpint(cm_route_find_crossings(context, route, NULL, &crossings), ==, CM_OK);
    cm_route_report report = {route, crossings};

    char *geojson = cm_report_routes(context, &report, 1, CM_REPORT_GEOJSON, CM_UNITS_KM);
    g_assert_nonnull(geojson);
    GDALDatasetH dataset = open_text("report.geojson", geojson);
    OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
    int lines = 0, points = 0;
    double leg_total = 0;
    OGRFeatureH feature;
    while ((feature = OGR_L_GetNextFeature(layer)) != NULL) {
        OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(OGR_F_GetGeometryRef(feature)));
        if (type == wkbLineString) {
            lines++;
            leg_total += OGR_F_GetFieldAsDouble(feature, OGR_F_GetFieldIndex(feature, "distance"));
        } else if (type == wkbPoint) {
            points++;
        }
        OGR_F_Destroy(feature);
    }
    GDALClose(dataset);
    g_assert_cmpint(lines, ==, 2);
    g_assert_cmpint(points, ==, 3);
    g_assert_cmpfloat(fabs(leg_total - cm_route_total_m(route) / 1000), <, 1e-3);
    cm_free(geojson);

    char *csv = cm_report_routes(context, &report, 1, CM_REPORT_CSV, CM_UNITS_NMI);
    dataset = open_text("report.csv", csv);
    layer = GDALDatasetGetLayer(dataset, 0);
    g_assert_cmpint(OGR_L_GetFeatureCount(layer, TRUE), ==, 3);
    feature = OGR_L_GetFeature(layer, 3);
    g_assert_nonnull(feature);
    g_assert_cmpstr(OGR_F_GetFieldAsString(feature, OGR_F_GetFieldIndex(feature, "role")), ==,
                    "RP");
    double nmi = OGR_F_GetFieldAsDouble(feature,
                                        OGR_F_GetFieldIndex(feature, "distance_from_start_nmi"));
    g_assert_cmpfloat(fabs(nmi - cm_route_total_m(route) / 1852.0), <, 1e-3);
    g_assert_cmpfloat_with_epsilon(OGR_G_GetY(OGR_F_GetGeometryRef(feature), 0), 33.7856, 1e-6);
    OGR_F_Destroy(feature);
    GDALClose(dataset);
    cm_free(csv);
    cm_crossing_list_free(crossings);
    cm_route_free(route);
}

/* A route file in another CRS (a GeoJSON "crs" member, Web Mercator): the
 * waypoints come back in WGS84 longitude and latitude. */
static void test_other_crs(void)
{
    const double lonlat[2][2] = {{35.94503, 31.95522}, {38.95, 33.0}};
    const double radius = 6378137.0;
    GString *text = g_string_new("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": "
                                 "\"name\", \"properties\": {\"name\": "
                                 "\"urn:ogc:def:crs:EPSG::3857\"}}, \"features\": [");
    for (int i = 0; i < 2; i++) {
        double x = radius * lonlat[i][0] * G_PI / 180.0;
        double y = radius * log(tan(G_PI / 4 + lonlat[i][1] * G_PI / 360.0));
        g_string_append_printf(text, "%s{\"type\": \"Feature\", \"properties\": {\"name\": "
                               "\"P%d\"}, \"geometry\": {\"type\": \"Point\", "
                               "\"coordinates\": [%.4f, %.4f]}}", i ? ", " : "", i, x, y);
    }
    g_string_append(text, "]}");
    char *dir = g_dir_make_tmp("convoymap-XXXXXX", NULL);
    char *path = g_build_filename(dir, "mercator.geojson", NULL);
    g_assert_true(g_file_set_contents(path, text->str, -1, NULL));
    cm_route *route = NULL;
    g_assert_cmpint(cm_route_read_file(context, path, &route), ==, CM_OK);
    g_assert_cmpuint(cm_route_waypoint_count(route), ==, 2);
    for (size_t i = 0; i < 2; i++) {
        const cm_place *p = cm_route_waypoint(route, i);
        g_assert_cmpfloat_with_epsilon(p->position.lon, lonlat[i][0], 1e-7);
        g_assert_cmpfloat_with_epsilon(p->position.lat, lonlat[i][1], 1e-7);
    }
    cm_route_free(route);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    g_string_free(text, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    /* The expectations are read through GDAL itself, which the library no
     * longer loads. */
    GDALAllRegister();
    g_test_add_func("/routefile/geojson-track-with-waypoints", test_geojson_track_with_waypoints);
    g_test_add_func("/routefile/gpx-route", test_gpx_route);
    g_test_add_func("/routefile/gpx-track", test_gpx_track);
    g_test_add_func("/routefile/kml", test_kml);
    g_test_add_func("/routefile/csv", test_csv);
    g_test_add_func("/routefile/bad-files", test_bad_files);
    g_test_add_func("/routefile/other-crs", test_other_crs);
    g_test_add_func("/routefile/reports-read-back", test_reports_read_back_through_ogr);
    return test_run();
}
