/* Border crossings along routes, against the shipped country polygons. */
#include <math.h>
#include <string.h>

#include <gdal.h>
#include <glib.h>
#include <ogr_api.h>

#include "convoymap/convoymap.h"
#include "test-support.h"

static cm_context *context;
static cm_geocoder *geocoder;

static cm_route *route_of(const char *const *queries)
{
    cm_route *route;
    size_t n = g_strv_length((char **)queries);
    if (cm_route_new_from_queries(geocoder, "test", queries, n, &route) != CM_OK)
        g_error("%s", cm_context_message(context));
    return route;
}

static cm_crossing_list *crossings_of(const cm_route *route)
{
    cm_crossing_list *list;
    if (cm_route_find_crossings(context, route, geocoder, &list) != CM_OK)
        g_error("%s", cm_context_message(context));
    for (size_t i = 0; i < cm_crossing_list_length(list); i++) {
        const cm_border_crossing *c = cm_crossing_list_get(list, i);
        g_test_message("crossing %zu: %s -> %s at %.5f, %.5f, leg %zu, %.3f km, '%s'%s", i,
                       c->from_country, c->to_country, c->position.lat, c->position.lon, c->leg,
                       c->distance_from_start_m / 1000, c->name, c->over_water ? " (water)" : "");
    }
    return list;
}

static double km_between(cm_geo_point a, cm_geo_point b)
{
    return cm_geodesic_inverse(a, b).distance_m / 1000;
}

static cm_geo_point site(const char *query)
{
    cm_place *place;
    g_assert_cmpint(cm_geocoder_lookup(geocoder, query, &place), ==, CM_OK);
    cm_geo_point p = place->position;
    cm_place_free(place);
    return p;
}

static void test_reference_route_crosses_once_at_trebil(void)
{
    const char *const stops[] = {"Amman", "Trebil border crossing", "Ar Rutbah",
                                 "Ayn al-Asad Air Base", NULL};
    cm_route *route = route_of(stops);
    cm_crossing_list *list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 1);
    const cm_border_crossing *c = cm_crossing_list_get(list, 0);
    g_assert_cmpstr(c->from_country, ==, "JOR");
    g_assert_cmpstr(c->to_country, ==, "IRQ");
    g_assert_cmpfloat(km_between(c->position, site("Trebil border crossing")), <, 10);
    g_assert_nonnull(strstr(c->name, "Trebil"));
    g_assert_false(c->over_water);
    /* Its distance along the route matches its position on its leg. */
    cm_route_leg leg;
    g_assert_true(cm_route_leg_get(route, c->leg, &leg));
    double before = 0;
    for (size_t i = 0; i < c->leg; i++) {
        cm_route_leg earlier;
        cm_route_leg_get(route, i, &earlier);
        before += earlier.geodesic.distance_m;
    }
    double on_leg = cm_geodesic_inverse(leg.from->position, c->position).distance_m;
    g_assert_cmpfloat(fabs(before + on_leg - c->distance_from_start_m), <, 1.0);
    /* The crossing point lies on the boundary: a step either way along the
     * leg changes the country. */
    char iso3[4];
    cm_geo_point back = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                           on_leg - 1);
    cm_geo_point ahead = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                            on_leg + 1);
    g_assert_cmpint(cm_country_at(context, back, iso3), ==, CM_OK);
    g_assert_cmpstr(iso3, ==, "JOR");
    g_assert_cmpint(cm_country_at(context, ahead, iso3), ==, CM_OK);
    g_assert_cmpstr(iso3, ==, "IRQ");
    cm_crossing_list_free(list);
    cm_route_free(route);
}

static void test_asad_to_abu_kamal_crosses_at_al_qaim(void)
{
    const char *const stops[] = {"Ayn al-Asad Air Base", "Abu Kamal", NULL};
    cm_route *route = route_of(stops);
    cm_crossing_list *list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 1);
    const cm_border_crossing *c = cm_crossing_list_get(list, 0);
    g_assert_cmpstr(c->from_country, ==, "IRQ");
    g_assert_cmpstr(c->to_country, ==, "SYR");
    g_assert_cmpfloat(km_between(c->position, site("Al-Qaim")), <, 20);
    cm_crossing_list_free(list);
    cm_route_free(route);
}

static void test_zig_zag_reports_every_crossing_in_order(void)
{
    /* Alternately 25 km either side of the Iraq–Syria border, north of the
     * Euphrates (the border runs roughly north–south at 41.2–41.3°E there). */
    const char *const stops[] = {"34.80,41.55", "34.95,41.00", "35.10,41.55", "35.25,41.05",
                                 NULL};
    cm_route *route = route_of(stops);
    cm_crossing_list *list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 3);
    const char *expected[][2] = {{"IRQ", "SYR"}, {"SYR", "IRQ"}, {"IRQ", "SYR"}};
    double last = -1;
    for (size_t i = 0; i < 3; i++) {
        const cm_border_crossing *c = cm_crossing_list_get(list, i);
        g_assert_cmpstr(c->from_country, ==, expected[i][0]);
        g_assert_cmpstr(c->to_country, ==, expected[i][1]);
        g_assert_cmpuint(c->leg, ==, i);
        g_assert_cmpfloat(c->distance_from_start_m, >, last);
        last = c->distance_from_start_m;
    }
    cm_crossing_list_free(list);
    cm_route_free(route);
}

static void test_route_inside_one_country_crosses_nothing(void)
{
    const char *const stops[] = {"Baghdad", "Ramadi", "Ayn al-Asad Air Base", "Ar Rutbah", NULL};
    cm_route *route = route_of(stops);
    cm_crossing_list *list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 0);
    cm_crossing_list_free(list);
    cm_route_free(route);
}

static void test_water_is_not_a_country(void)
{
    /* Taranto to Crotone, straight across the Gulf of Taranto: Italy to
     * Italy over the sea. */
    const char *const bay[] = {"40.4644,17.2470", "39.0808,17.1270", NULL};
    cm_route *route = route_of(bay);
    cm_crossing_list *list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 0);
    cm_crossing_list_free(list);
    cm_route_free(route);
    /* Dover to Calais: a crossing over water, pinned to the French coast. */
    const char *const channel[] = {"51.1279,1.3134", "50.9513,1.8587", NULL};
    route = route_of(channel);
    list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 1);
    const cm_border_crossing *c = cm_crossing_list_get(list, 0);
    g_assert_cmpstr(c->from_country, ==, "GBR");
    g_assert_cmpstr(c->to_country, ==, "FRA");
    g_assert_true(c->over_water);
    g_assert_cmpfloat(km_between(c->position, (cm_geo_point){50.9513, 1.8587}), <, 15);
    cm_crossing_list_free(list);
    cm_route_free(route);
}

/* A route that follows the Iraq–Syria boundary vertex by vertex, joining
 * it from 30 km inside Iraq and leaving it the same way, crosses nothing:
 * the polygons' wobble along the line is within the tolerance. */
static void test_running_along_a_border_invents_no_crossing(void)
{
    char *path = g_build_filename(cm_context_data_dir(context), "geodata", "world.gpkg", NULL);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(dataset);
    OGRLayerH borders = GDALDatasetExecuteSQL(
        dataset, "SELECT geom FROM borders WHERE (iso3_a = 'IRQ' AND iso3_b = 'SYR') OR "
                 "(iso3_a = 'SYR' AND iso3_b = 'IRQ')", NULL, NULL);
    g_assert_nonnull(borders);
    OGRFeatureH feature = OGR_L_GetNextFeature(borders);
    g_assert_nonnull(feature);
    OGRGeometryH line = OGR_F_GetGeometryRef(feature);
    while (OGR_G_GetGeometryCount(line) > 0)
        line = OGR_G_GetGeometryRef(line, 0);
    int n = OGR_G_GetPointCount(line);
    g_assert_cmpint(n, >=, 10);
    cm_route *route = cm_route_new("along the border");
    int first = 2, last = n - 3;
    cm_geo_point first_vertex = {OGR_G_GetY(line, first), OGR_G_GetX(line, first)};
    cm_geo_point last_vertex = {OGR_G_GetY(line, last), OGR_G_GetX(line, last)};
    /* Iraq lies east of this boundary. */
    cm_place in_iraq = {"in Iraq", "coordinate", "", "test",
                        cm_geodesic_direct(first_vertex, 100, 30000)};
    cm_route_add_waypoint(route, &in_iraq);
    for (int i = first; i <= last; i++) {
        cm_place vertex = {"vertex", "coordinate", "", "test",
                           {OGR_G_GetY(line, i), OGR_G_GetX(line, i)}};
        cm_route_add_waypoint(route, &vertex);
    }
    in_iraq.position = cm_geodesic_direct(last_vertex, 100, 30000);
    cm_route_add_waypoint(route, &in_iraq);
    OGR_F_Destroy(feature);
    GDALDatasetReleaseResultSet(dataset, borders);
    GDALClose(dataset);
    g_free(path);
    char iso3[4];
    g_assert_cmpint(cm_country_at(context, cm_route_waypoint(route, 0)->position, iso3), ==,
                    CM_OK);
    g_assert_cmpstr(iso3, ==, "IRQ");
    g_test_message("%zu waypoints, %.0f km", cm_route_n_waypoints(route),
                   cm_route_total_m(route) / 1000);
    g_assert_cmpfloat(cm_route_total_m(route), >, 300000);
    cm_crossing_list *list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 0);
    cm_crossing_list_free(list);
    cm_route_free(route);
}

static void test_antimeridian(void)
{
    /* Chukotka to Alaska across the Bering Strait and the antimeridian. */
    const char *const stops[] = {"65.0,177.0", "64.84,-147.72", NULL};
    cm_route *route = route_of(stops);
    cm_crossing_list *list = crossings_of(route);
    g_assert_cmpuint(cm_crossing_list_length(list), ==, 1);
    const cm_border_crossing *c = cm_crossing_list_get(list, 0);
    g_assert_cmpstr(c->from_country, ==, "RUS");
    g_assert_cmpstr(c->to_country, ==, "USA");
    g_assert_true(c->over_water);
    g_assert_cmpfloat(c->position.lon, <, -155.0);
    cm_crossing_list_free(list);
    cm_route_free(route);
}

static void test_country_at(void)
{
    char iso3[4];
    g_assert_cmpint(cm_country_at(context, site("Baghdad"), iso3), ==, CM_OK);
    g_assert_cmpstr(iso3, ==, "IRQ");
    g_assert_cmpint(cm_country_at(context, site("Amman"), iso3), ==, CM_OK);
    g_assert_cmpstr(iso3, ==, "JOR");
    g_assert_cmpint(cm_country_at(context, (cm_geo_point){33.0, 34.0}, iso3), ==, CM_OK);
    g_assert_cmpstr(iso3, ==, "");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context_new();
    /* The expectations are read through GDAL itself, which the library no
     * longer loads. */
    GDALAllRegister();
    geocoder = cm_geocoder_new(context);
    g_assert_nonnull(geocoder);
    g_test_add_func("/borders/reference-route-crosses-once-at-trebil",
                    test_reference_route_crosses_once_at_trebil);
    g_test_add_func("/borders/asad-to-abu-kamal-crosses-at-al-qaim",
                    test_asad_to_abu_kamal_crosses_at_al_qaim);
    g_test_add_func("/borders/zig-zag", test_zig_zag_reports_every_crossing_in_order);
    g_test_add_func("/borders/inside-one-country", test_route_inside_one_country_crosses_nothing);
    g_test_add_func("/borders/water-is-not-a-country", test_water_is_not_a_country);
    g_test_add_func("/borders/along-a-border", test_running_along_a_border_invents_no_crossing);
    g_test_add_func("/borders/antimeridian", test_antimeridian);
    g_test_add_func("/borders/country-at", test_country_at);
    int status = g_test_run();
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    return status;
}
