/* The first geocoder: the reference sites by name and alias, any case, and
 * decimal coordinates; errors for unknown and malformed queries. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "convoymap/convoymap.h"

static cm_context *context;
static cm_geocoder *geocoder;

/* Reference positions from sources independent of geodata/sites.csv
 * (the issue's own coordinate for the air base; GeoNames for towns), with
 * how far the gazetteer may be from them. */
static const struct {
    const char *query;
    double lat, lon, tolerance_km;
    const char *country;
} reference_sites[] = {
    {"Amman", 31.95522, 35.94503, 3, "JOR"},
    {"Trebil border crossing", 32.71, 38.99, 10, "IRQ"},
    {"Ar Rutbah", 33.03806, 40.28444, 3, "IRQ"},
    {"Ayn al-Asad Air Base", 33.7856, 42.4412, 2, "IRQ"},
    {"al-Baghdadi", 33.86, 42.54, 6, "IRQ"},
    {"Ramadi", 33.42056, 43.30778, 3, "IRQ"},
    {"Baghdad", 33.34058, 44.40088, 3, "IRQ"},
    {"Al-Qaim", 34.37, 41.09, 10, "IRQ"},
    {"Abu Kamal", 34.4506, 40.9186, 3, "SYR"},
};

static cm_place *lookup_ok(const char *query)
{
    cm_place *place = NULL;
    cm_status status = cm_geocoder_lookup(geocoder, query, &place);
    if (status != CM_OK)
        g_error("lookup of '%s' failed: %s", query, cm_context_message(context));
    g_assert_nonnull(place);
    return place;
}

static void test_reference_sites(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(reference_sites); i++) {
        cm_place *place = lookup_ok(reference_sites[i].query);
        cm_geo_point expected = {reference_sites[i].lat, reference_sites[i].lon};
        double off_km = cm_geodesic_inverse(place->position, expected).distance_m / 1000;
        g_test_message("%s -> %s (%.5f, %.5f), %.2f km from reference", reference_sites[i].query,
                       place->name, place->position.lat, place->position.lon, off_km);
        g_assert_cmpfloat(off_km, <, reference_sites[i].tolerance_km);
        g_assert_cmpstr(place->country, ==, reference_sites[i].country);
        g_assert_cmpstr(place->source, !=, "");
        cm_place_free(place);
    }
}

static void test_press_report_geometry(void)
{
    /* "Ayn al-Asad ... about 190 km north-west of Baghdad". */
    cm_place *asad = lookup_ok("Ayn al-Asad Air Base");
    cm_place *baghdad = lookup_ok("Baghdad");
    cm_geodesic_result r = cm_geodesic_inverse(baghdad->position, asad->position);
    g_assert_cmpfloat(r.distance_m, >, 175000);
    g_assert_cmpfloat(r.distance_m, <, 205000);
    g_assert_cmpfloat(r.azimuth_deg, >, 270);
    cm_place_free(asad);
    cm_place_free(baghdad);
}

static void test_case_and_spacing(void)
{
    const char *variants[] = {"ayn al-asad air base", "AYN AL-ASAD AIR BASE",
                              "  Ayn   al-Asad  Air Base ", "Ayn al Asad Air Base"};
    for (size_t i = 0; i < G_N_ELEMENTS(variants); i++) {
        cm_place *place = lookup_ok(variants[i]);
        g_assert_cmpstr(place->name, ==, "Ayn al-Asad Air Base");
        cm_place_free(place);
    }
    cm_place *place = lookup_ok("BAGHDAD");
    g_assert_cmpstr(place->name, ==, "Baghdad");
    cm_place_free(place);
}

static void test_aliases(void)
{
    const struct {
        const char *alias, *name;
    } cases[] = {
        {"Trebil", "Trebil border crossing"},
        {"Ain al-Asad", "Ayn al-Asad Air Base"},
        {"ORAA", "Ayn al-Asad Air Base"},
        {"Rutbah", "Ar Rutbah"},
        {"Al-Bukamal", "Abu Kamal"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        cm_place *place = lookup_ok(cases[i].alias);
        g_assert_cmpstr(place->name, ==, cases[i].name);
        cm_place_free(place);
    }
}

static void test_decimal_coordinates(void)
{
    cm_place *place = lookup_ok("33.7856,42.4412");
    g_assert_cmpfloat(place->position.lat, ==, 33.7856);
    g_assert_cmpfloat(place->position.lon, ==, 42.4412);
    g_assert_cmpstr(place->kind, ==, "coordinate");
    cm_place_free(place);
    place = lookup_ok(" -33.5 , -70.25 ");
    g_assert_cmpfloat(place->position.lat, ==, -33.5);
    g_assert_cmpfloat(place->position.lon, ==, -70.25);
    cm_place_free(place);
}

static void expect_input_error(const char *query, const char *fragment)
{
    cm_place *place = NULL;
    g_assert_cmpint(cm_geocoder_lookup(geocoder, query, &place), ==, CM_ERR_INPUT);
    g_assert_null(place);
    g_assert_cmpint(cm_context_status(context), ==, CM_ERR_INPUT);
    const char *message = cm_context_message(context);
    char *printable = g_strescape(query, NULL);
    g_test_message("%s -> %s", printable, message);
    g_free(printable);
    g_assert_nonnull(strstr(message, fragment));
    g_assert_null(strchr(message, '\n'));
    cm_context_clear_error(context);
}

static void test_errors(void)
{
    expect_input_error("Atlantis-under-the-Sea", "unknown site 'Atlantis-under-the-Sea'");
    expect_input_error("Baghdadd", "did you mean 'Baghdad'");
    expect_input_error("", "empty site name");
    expect_input_error("   ", "empty site name");
    expect_input_error("91,10", "out of range");
    expect_input_error("45,181", "out of range");
    expect_input_error("\xff\xfe", "not valid UTF-8");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    char *message = NULL;
    context = cm_context_new(NULL, &message);
    if (!context)
        g_error("no context: %s", message);
    geocoder = cm_geocoder_new(context);
    if (!geocoder)
        g_error("no geocoder: %s", cm_context_message(context));
    g_test_add_func("/geocode/reference-sites", test_reference_sites);
    g_test_add_func("/geocode/press-report-geometry", test_press_report_geometry);
    g_test_add_func("/geocode/case-and-spacing", test_case_and_spacing);
    g_test_add_func("/geocode/aliases", test_aliases);
    g_test_add_func("/geocode/decimal-coordinates", test_decimal_coordinates);
    g_test_add_func("/geocode/errors", test_errors);
    int status = g_test_run();
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    return status;
}
