/* The page of a map (render/map.c): the dpi setter's range, the refusal of
 * a dpi that would have no effect (a map sized in pixels, PDF or SVG
 * output) and --scale's meaning for every format, read through
 * cm_map_output_size(), which lays nothing out. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "convoymap/convoymap.h"
#include "test-support.h"

static cm_context *context;

static void assert_size(cm_map *map, cm_format format, int width, int height)
{
    int w = 0, h = 0;
    g_assert_cmpint(cm_map_output_size(map, format, &w, &h), ==, CM_OK);
    g_assert_cmpint(w, ==, width);
    g_assert_cmpint(h, ==, height);
}

static void assert_refused(cm_map *map, cm_format format, const char *message)
{
    int w, h;
    g_assert_cmpint(cm_map_output_size(map, format, &w, &h), ==, CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==, message);
}

static void test_dpi_range(void)
{
    cm_map *map = cm_map_new(context);
    static const double refused[] = {0, -150, 35.9, 1200.5, 1e6};
    for (size_t i = 0; i < G_N_ELEMENTS(refused); i++) {
        g_assert_cmpint(cm_map_set_dpi(map, refused[i]), ==, CM_ERR_INPUT);
        char *expected = g_strdup_printf("dpi %.10g is out of range (%d to %d)", refused[i],
                                         CM_MAP_MIN_DPI, CM_MAP_MAX_DPI);
        g_assert_cmpstr(cm_context_message(context), ==, expected);
        g_free(expected);
    }
    g_assert_cmpint(cm_map_set_dpi(map, NAN), ==, CM_ERR_INPUT);
    g_assert_cmpint(cm_map_set_dpi(map, 1e6), ==, CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==, "dpi 1000000 is out of range (36 to 1200)");
    /* Refused values leave the map as it was: A4 at the default 150 dpi. */
    g_assert_cmpint(cm_map_set_page(map, "A4"), ==, CM_OK);
    assert_size(map, CM_FORMAT_PNG, 1240, 1754);
    g_assert_cmpint(cm_map_set_dpi(map, CM_MAP_MIN_DPI), ==, CM_OK);
    assert_size(map, CM_FORMAT_PNG, 298, 421);
    g_assert_cmpint(cm_map_set_dpi(map, 300), ==, CM_OK);
    assert_size(map, CM_FORMAT_PNG, 2480, 3508);
    cm_map_free(map);
}

static void test_dpi_without_effect(void)
{
    cm_map *map = cm_map_new(context);
    g_assert_cmpint(cm_map_set_dpi(map, 300), ==, CM_OK);
    assert_refused(map, CM_FORMAT_PNG, "dpi 300 has no effect on a map sized in pixels "
                   "(1600x1200); give a paper size (e.g. A4) for a dpi, or a scale");
    g_assert_cmpint(cm_map_set_page(map, "800x600"), ==, CM_OK);
    assert_refused(map, CM_FORMAT_PNG, "dpi 300 has no effect on a map sized in pixels "
                   "(800x600); give a paper size (e.g. A4) for a dpi, or a scale");
    g_assert_cmpint(cm_map_set_page(map, "a4-landscape"), ==, CM_OK);
    assert_size(map, CM_FORMAT_PNG, 3508, 2480);
    assert_refused(map, CM_FORMAT_PDF, "dpi 300 has no effect on pdf output, which has the "
                   "page's size in points; only a PNG on paper has a dpi");
    assert_refused(map, CM_FORMAT_SVG, "dpi 300 has no effect on svg output, which has the "
                   "page's size in points; only a PNG on paper has a dpi");
    cm_map_free(map);
}

static void test_scale_every_format(void)
{
    cm_map *map = cm_map_new(context);
    g_assert_cmpint(cm_map_set_page(map, "800x600"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_scale(map, 2), ==, CM_OK);
    assert_size(map, CM_FORMAT_PNG, 1600, 1200);
    assert_size(map, CM_FORMAT_PDF, 1600, 1200);
    assert_size(map, CM_FORMAT_SVG, 1600, 1200);
    /* A4 is 595 x 842 points; at scale 1.5 each side is half as long again. */
    g_assert_cmpint(cm_map_set_page(map, "A4"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_scale(map, 1.5), ==, CM_OK);
    assert_size(map, CM_FORMAT_PDF, 893, 1263);
    assert_size(map, CM_FORMAT_PNG, 1860, 2631);
    g_assert_cmpint(cm_map_set_scale(map, 0), ==, CM_ERR_INPUT);
    cm_map_free(map);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    g_test_add_func("/page/dpi-range", test_dpi_range);
    g_test_add_func("/page/dpi-without-effect", test_dpi_without_effect);
    g_test_add_func("/page/scale-every-format", test_scale_every_format);
    int status = test_run();
    return status;
}
