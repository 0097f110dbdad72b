/* Coordinates as geocoder queries, and MGRS against GeographicLib's
 * GeoConvert (tests/data/mgrs-cases.csv). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "convoymap/convoymap.h"
#include "test-support.h"
#include "convoymap/coords.h"

static cm_context *context;

/* GeoConvert and PROJ agree to nanometres; 1e-9° is 0.1 mm. */
#define GRID_TOLERANCE_DEG 1e-9

static void parse_ok(const char *text, cm_coordinate_kind expected_kind, double lat,
                     double lon, double tolerance)
{
    cm_geo_point point = {NAN, NAN};
    cm_coordinate_kind kind;
    g_test_message("%s", text);
    g_assert_cmpint(cm_coordinate_parse(context, text, &point, &kind), ==, CM_OK);
    g_assert_cmpint(kind, ==, expected_kind);
    g_assert_cmpfloat_with_epsilon(point.lat, lat, tolerance);
    g_assert_cmpfloat_with_epsilon(point.lon, lon, tolerance);
    g_assert_cmpint(cm_context_status(context), ==, CM_OK);
}

static void test_against_geoconvert(void)
{
    char *path = g_test_build_filename(G_TEST_DIST, "data", "mgrs-cases.csv", NULL);
    char *text;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    int checked = 0;
    for (char **line = lines + 1; *line && **line; line++) {
        char **f = g_strsplit(*line, ",", 8);
        g_assert_cmpuint(g_strv_length(f), ==, 8);
        cm_geo_point point = {g_ascii_strtod(f[0], NULL), g_ascii_strtod(f[1], NULL)};
        int precision = atoi(f[2]);
        cm_geo_point centre = {g_ascii_strtod(f[4], NULL), g_ascii_strtod(f[5], NULL)};
        g_test_message("%s at precision %d: %s", f[7], precision, f[3]);
        char *mgrs = cm_mgrs_format(context, point, precision);
        g_assert_cmpstr(mgrs, ==, f[3]);
        cm_free(mgrs);
        /* What GeoConvert reads the reference as; a polar 100 km square
         * alone is taken for a name (see coords.h). */
        gboolean polar = g_ascii_isalpha(f[3][0]);
        if (polar && precision == 0) {
            cm_coordinate_kind kind;
            g_assert_cmpint(cm_coordinate_parse(context, f[3], &point, &kind), ==, CM_OK);
            g_assert_cmpint(kind, ==, CM_COORDINATE_NONE);
        } else {
            parse_ok(f[3], polar ? CM_COORDINATE_UPS : CM_COORDINATE_MGRS, centre.lat,
                     centre.lon, GRID_TOLERANCE_DEG);
        }
        /* Round trip: the centre names the same square, unless it falls in
         * another zone or grid, where GeoConvert says which. */
        mgrs = cm_mgrs_format(context, centre, precision);
        g_assert_cmpstr(mgrs, ==, f[6]);
        cm_free(mgrs);
        checked++;
        g_strfreev(f);
    }
    g_assert_cmpint(checked, >=, 150);
    g_strfreev(lines);
    g_free(text);
    g_free(path);
}

/* Degrees as typed; expected values are exact arithmetic. */
static const struct {
    const char *text;
    cm_coordinate_kind kind;
    double lat, lon;
} DEGREE_CASES[] = {
    {"33.7856,42.4412", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {"33.7856, 42.4412", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {"33.7856 42.4412", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {" -33.5 , -70.25 ", CM_COORDINATE_DECIMAL, -33.5, -70.25},
    {"+33.5 -70.25", CM_COORDINATE_DECIMAL, 33.5, -70.25},
    {"33.7856N 42.4412E", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {"N33.7856 E42.4412", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {"33.7856°N, 42.4412°E", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {"33.7856º N 42.4412º E", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {"s33.5 w70.25", CM_COORDINATE_DECIMAL, -33.5, -70.25},
    {"42.4412E 33.7856N", CM_COORDINATE_DECIMAL, 33.7856, 42.4412},
    {"90N 180W", CM_COORDINATE_DECIMAL, 90.0, -180.0},
    {"33°47'08\"N 42°26'28\"E", CM_COORDINATE_DMS, 33 + 47 / 60.0 + 8 / 3600.0,
     42 + 26 / 60.0 + 28 / 3600.0},
    {"33°47′08″N 42°26′28″E", CM_COORDINATE_DMS, 33 + 47 / 60.0 + 8 / 3600.0,
     42 + 26 / 60.0 + 28 / 3600.0},
    {"33°47’08”S 42°26’28”W", CM_COORDINATE_DMS, -(33 + 47 / 60.0 + 8 / 3600.0),
     -(42 + 26 / 60.0 + 28 / 3600.0)},
    {"33 47 08N 042 26 28E", CM_COORDINATE_DMS, 33 + 47 / 60.0 + 8 / 3600.0,
     42 + 26 / 60.0 + 28 / 3600.0},
    {"33:47:08N 42:26:28E", CM_COORDINATE_DMS, 33 + 47 / 60.0 + 8 / 3600.0,
     42 + 26 / 60.0 + 28 / 3600.0},
    {"N 33 47 08 E 42 26 28", CM_COORDINATE_DMS, 33 + 47 / 60.0 + 8 / 3600.0,
     42 + 26 / 60.0 + 28 / 3600.0},
    {"-33 47 08, 42 26 28.5", CM_COORDINATE_DMS, -(33 + 47 / 60.0 + 8 / 3600.0),
     42 + 26 / 60.0 + 28.5 / 3600.0},
    {"33°47.133'N 42°26.467'E", CM_COORDINATE_DMS, 33 + 47.133 / 60.0, 42 + 26.467 / 60.0},
    {"33° 42°26'", CM_COORDINATE_DMS, 33.0, 42 + 26 / 60.0},
    {"334708N0422628E", CM_COORDINATE_DMS, 33 + 47 / 60.0 + 8 / 3600.0,
     42 + 26 / 60.0 + 28 / 3600.0},
    {"334708.5N 0422628.25E", CM_COORDINATE_DMS, 33 + 47 / 60.0 + 8.5 / 3600.0,
     42 + 26 / 60.0 + 28.25 / 3600.0},
    {"3347N04226E", CM_COORDINATE_DMS, 33 + 47 / 60.0, 42 + 26 / 60.0},
    {"3347.5S 04226.5W", CM_COORDINATE_DMS, -(33 + 47.5 / 60.0), -(42 + 26.5 / 60.0)},
};

static void test_degrees(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(DEGREE_CASES); i++)
        parse_ok(DEGREE_CASES[i].text, DEGREE_CASES[i].kind, DEGREE_CASES[i].lat,
                 DEGREE_CASES[i].lon, 1e-12);
}

/* References read as GeoConvert -p reads them (centres of squares). */
static void test_mgrs_forms(void)
{
    static const char *forms[] = {"38SLC1234567890", "38S LC 12345 67890",
                                  "38slc1234567890", " 38SLC 1234567890 "};
    for (size_t i = 0; i < G_N_ELEMENTS(forms); i++)
        parse_ok(forms[i], CM_COORDINATE_MGRS, 34.03491174011, 42.96728842641, 1e-10);
    parse_ok("38SLC", CM_COORDINATE_MGRS, 33.87968921665, 43.37807214564, 1e-10);
    /* Squares straddling a band edge belong to both bands. */
    parse_ok("38SLA", CM_COORDINATE_MGRS, 32.07631830195, 43.41071963071, 1e-10);
    parse_ok("38SLK", CM_COORDINATE_MGRS, 40.18698800304, 43.23796171674, 1e-10);
    parse_ok("38MLV", CM_COORDINATE_MGRS, -4.97450762707, 43.64704996770, 1e-10);
    parse_ok("zba 15776 43401", CM_COORDINATE_UPS, 84.00000028770, 10.00003968797, 1e-10);
}

static void test_not_coordinates(void)
{
    static const char *names[] = {"Baghdad", "H-4", "K-1", "Camp Arifjan", "Route 10",
                                  "E-4", "33", "BAM", "Zab", "", "38 SLC", "2 Div"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        cm_geo_point point = {1.0, 2.0};
        cm_coordinate_kind kind = CM_COORDINATE_DMS;
        g_test_message("%s", names[i]);
        g_assert_cmpint(cm_coordinate_parse(context, names[i], &point, &kind), ==, CM_OK);
        g_assert_cmpint(kind, ==, CM_COORDINATE_NONE);
        g_assert_cmpfloat(point.lat, ==, 1.0);
        g_assert_cmpint(cm_context_status(context), ==, CM_OK);
    }
}

static const struct {
    const char *text;
    cm_coordinate_kind kind;
    const char *fragment;
} ERROR_CASES[] = {
    {"91,10", CM_COORDINATE_DECIMAL, "coordinate '91,10': latitude 91 is out of range"},
    {"45,181", CM_COORDINATE_DECIMAL, "longitude 181 is out of range"},
    {"90.0001N 0E", CM_COORDINATE_DECIMAL, "latitude 90.0001 is out of range"},
    {"33°61'00\"N 42°E", CM_COORDINATE_DMS, "latitude minutes 61 must be below 60"},
    {"33 47 60N 42E", CM_COORDINATE_DMS, "latitude seconds 60 must be below 60"},
    {"33.5N 42.5N", CM_COORDINATE_DECIMAL, "gives two latitudes"},
    {"-33.5S 42E", CM_COORDINATE_DECIMAL, "both a sign and a hemisphere letter"},
    {"3347N4226E", CM_COORDINATE_DMS, "compact longitude 4226E needs DDDMM or DDDMMSS"},
    {"33 47.5 08N 42E", CM_COORDINATE_DMS, "only the last part of the latitude"},
    {"33.5 42.5 12", CM_COORDINATE_DECIMAL, "cannot tell where the latitude ends"},
    {"33,5,6", CM_COORDINATE_DECIMAL, "has 2 commas"},
    {"N33.5 42", CM_COORDINATE_DECIMAL, "hemisphere letter for only one half"},
    {"33 N 5 6 E 7", CM_COORDINATE_DECIMAL, "wrong place"},
    {"38SLC12345678901", CM_COORDINATE_MGRS,
     "MGRS reference '38SLC12345678901': has an odd number of digits (11)"},
    {"38SLC123456789012", CM_COORDINATE_MGRS, "at most 5 (1 m)"},
    {"38SLC 123 4567", CM_COORDINATE_MGRS, "same number of digits, not 3 and 4"},
    {"38SLL", CM_COORDINATE_MGRS, "square LL is not in zone/band 38S"},
    {"38NLA", CM_COORDINATE_MGRS, "square LA is not in zone/band 38N"},
    {"38SAC", CM_COORDINATE_MGRS, "column letter A is not used in zone 38 (JKLMNPQR)"},
    {"38SLW", CM_COORDINATE_MGRS, "row letter W is not a UTM row letter"},
    {"38ILC", CM_COORDINATE_MGRS, "band letter I is not a UTM band"},
    {"61SLC", CM_COORDINATE_MGRS, "zone 61 is out of range"},
    {"32XNG", CM_COORDINATE_MGRS, "zone 32X is not used"},
    {"33XVP4172199999", CM_COORDINATE_MGRS, "lies north of 84°N"},
    {"32CNS1938400000", CM_COORDINATE_MGRS, "lies south of 80°S"},
    {"AAN00", CM_COORDINATE_UPS, "column letter A is not used in UPS zone A"},
    {"ZAQ00", CM_COORDINATE_UPS, "row letter Q is not used in UPS zone Z"},
    {"YRA00", CM_COORDINATE_UPS, "lies south of 84°N, where MGRS uses UTM"},
    {"33.5\n42.5\n12", CM_COORDINATE_DECIMAL, "coordinate '33.5 42.5 12'"},
};

static void test_errors(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(ERROR_CASES); i++) {
        cm_geo_point point = {1.0, 2.0};
        cm_coordinate_kind kind;
        g_assert_cmpint(cm_coordinate_parse(context, ERROR_CASES[i].text, &point, &kind), ==,
                        CM_ERR_INPUT);
        const char *message = cm_context_message(context);
        char *printable = g_strescape(ERROR_CASES[i].text, "\u00b0");
        g_test_message("%s -> %s", printable, message);
        g_free(printable);
        g_assert_cmpint(kind, ==, ERROR_CASES[i].kind);
        g_assert_cmpint(cm_context_status(context), ==, CM_ERR_INPUT);
        g_assert_nonnull(strstr(message, ERROR_CASES[i].fragment));
        g_assert_null(strchr(message, '\n'));
        g_assert_cmpfloat(point.lat, ==, 1.0);
        cm_context_clear_error(context);
    }
}

static void expect_format_error(cm_geo_point point, int precision, const char *fragment)
{
    g_assert_null(cm_mgrs_format(context, point, precision));
    g_assert_cmpint(cm_context_status(context), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), fragment));
    cm_context_clear_error(context);
}

static void test_format_errors(void)
{
    cm_geo_point asad = {33.7856, 42.4412};
    expect_format_error(asad, -1, "precision -1 is out of range");
    expect_format_error(asad, 6, "precision 6 is out of range");
    expect_format_error((cm_geo_point){90.5, 0}, 5, "out of range");
    expect_format_error((cm_geo_point){0, 180.5}, 5, "out of range");
    expect_format_error((cm_geo_point){NAN, 0}, 5, "out of range");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    g_test_add_func("/coords/against-geoconvert", test_against_geoconvert);
    g_test_add_func("/coords/degrees", test_degrees);
    g_test_add_func("/coords/mgrs-forms", test_mgrs_forms);
    g_test_add_func("/coords/not-coordinates", test_not_coordinates);
    g_test_add_func("/coords/errors", test_errors);
    g_test_add_func("/coords/format-errors", test_format_errors);
    return test_run();
}
