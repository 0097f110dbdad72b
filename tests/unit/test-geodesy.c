/* Geodesic distances and azimuths against GeographicLib's GeodSolve
 * (tests/data/geodesic-cases.csv), and densified lines. */
#include <math.h>

#include <glib.h>

#include "convoymap/convoymap.h"

static double normalise(double azimuth)
{
    double a = fmod(azimuth, 360.0);
    return a < 0 ? a + 360.0 : a;
}

static double azimuth_difference(double a, double b)
{
    double d = fabs(normalise(a) - normalise(b));
    return MIN(d, 360.0 - d);
}

static void test_against_geodsolve(void)
{
    char *path = g_test_build_filename(G_TEST_DIST, "data", "geodesic-cases.csv", NULL);
    char *text;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    int checked = 0;
    for (char **line = lines + 1; *line && **line; line++) {
        char **f = g_strsplit(*line, ",", 8);
        g_assert_cmpuint(g_strv_length(f), ==, 8);
        cm_geo_point a = {g_ascii_strtod(f[0], NULL), g_ascii_strtod(f[1], NULL)};
        cm_geo_point b = {g_ascii_strtod(f[2], NULL), g_ascii_strtod(f[3], NULL)};
        double s12 = g_ascii_strtod(f[4], NULL);
        cm_geodesic_result r = cm_geodesic_inverse(a, b);
        g_test_message("%s: %.6f m (expected %.6f)", f[7], r.distance_m, s12);
        g_assert_cmpfloat_with_epsilon(r.distance_m, s12, 0.001);
        if (s12 > 0) {
            g_assert_cmpfloat(azimuth_difference(r.azimuth_deg, g_ascii_strtod(f[5], NULL)),
                              <, 1e-6);
            g_assert_cmpfloat(azimuth_difference(r.final_azimuth_deg,
                                                 g_ascii_strtod(f[6], NULL)), <, 1e-6);
            g_assert_cmpfloat(r.azimuth_deg, >=, 0.0);
            g_assert_cmpfloat(r.azimuth_deg, <, 360.0);
        }
        checked++;
        g_strfreev(f);
    }
    g_assert_cmpint(checked, >=, 10);
    g_strfreev(lines);
    g_free(text);
    g_free(path);
}

static void test_direct_inverts_inverse(void)
{
    cm_geo_point amman = {31.95522, 35.94503}, asad = {33.7856, 42.4412};
    cm_geodesic_result r = cm_geodesic_inverse(amman, asad);
    cm_geo_point end = cm_geodesic_direct(amman, r.azimuth_deg, r.distance_m);
    g_assert_cmpfloat(cm_geodesic_inverse(end, asad).distance_m, <, 1e-6);
}

static void test_densify_follows_geodesic(void)
{
    cm_geo_point amman = {31.95522, 35.94503}, asad = {33.7856, 42.4412};
    size_t n;
    cm_geo_point *points = cm_geodesic_densify(amman, asad, 1000, &n);
    double total = cm_geodesic_inverse(amman, asad).distance_m;
    g_assert_cmpuint(n, ==, (size_t)ceil(total / 1000) + 1);
    double along = 0;
    for (size_t i = 1; i < n; i++) {
        double step = cm_geodesic_inverse(points[i - 1], points[i]).distance_m;
        g_assert_cmpfloat(step, <=, 1000.0 + 1e-6);
        along += step;
    }
    /* Points on the geodesic: their steps add up to its length. */
    g_assert_cmpfloat_with_epsilon(along, total, 1e-3);
    g_assert_cmpfloat_with_epsilon(points[0].lat, amman.lat, 1e-12);
    g_assert_cmpfloat_with_epsilon(points[n - 1].lon, asad.lon, 1e-9);
    cm_free(points);
}

static void test_densify_unrolls_antimeridian(void)
{
    cm_geo_point west = {-16.5, 179.8}, east = {-17.7, -178.9};
    size_t n;
    cm_geo_point *points = cm_geodesic_densify(west, east, 5000, &n);
    for (size_t i = 1; i < n; i++)
        g_assert_cmpfloat(fabs(points[i].lon - points[i - 1].lon), <, 0.1);
    /* Unrolled: the end is at 181.1, not -178.9. */
    g_assert_cmpfloat_with_epsilon(points[n - 1].lon, 181.1, 1e-9);
    cm_free(points);
}

static void test_coincident_points(void)
{
    cm_geo_point p = {33.0, 44.0};
    cm_geodesic_result r = cm_geodesic_inverse(p, p);
    g_assert_cmpfloat(r.distance_m, ==, 0.0);
    size_t n;
    cm_geo_point *points = cm_geodesic_densify(p, p, 1000, &n);
    g_assert_cmpuint(n, ==, 2);
    cm_free(points);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/geodesy/against-geodsolve", test_against_geodsolve);
    g_test_add_func("/geodesy/direct-inverts-inverse", test_direct_inverts_inverse);
    g_test_add_func("/geodesy/densify-follows-geodesic", test_densify_follows_geodesic);
    g_test_add_func("/geodesy/densify-unrolls-antimeridian", test_densify_unrolls_antimeridian);
    g_test_add_func("/geodesy/coincident-points", test_coincident_points);
    return g_test_run();
}
