/* The one bounding box: its parser, its check, and the antimeridian rule
 * (include/convoymap/bbox.h) as maps and tiles apply it. */
#include <string.h>

#include <glib.h>

#include "convoymap/convoymap.h"
#include "test-support.h"

static cm_context *context;

static void expect_input_error(cm_status status, const char *fragment)
{
    g_assert_cmpint(status, ==, CM_ERR_INPUT);
    g_test_message("%s", cm_context_message(context));
    g_assert_nonnull(strstr(cm_context_message(context), fragment));
    cm_context_clear_error(context);
}

static void test_parse(void)
{
    cm_bbox b;
    g_assert_cmpint(cm_bbox_parse(context, " -1.5, 2 ,3,4", &b), ==, CM_OK);
    g_assert_cmpfloat(b.west, ==, -1.5);
    g_assert_cmpfloat(b.south, ==, 2);
    g_assert_cmpfloat(b.east, ==, 3);
    g_assert_cmpfloat(b.north, ==, 4);
    /* West above east: across the antimeridian, accepted as it is. */
    g_assert_cmpint(cm_bbox_parse(context, "170,-20,-170,-10", &b), ==, CM_OK);
    g_assert_cmpfloat(b.west, ==, 170);
    g_assert_cmpfloat(b.east, ==, -170);
    cm_bbox untouched = {1, 2, 3, 4};
    b = untouched;
    expect_input_error(cm_bbox_parse(context, "38,29,48", &b), "bounding box '38,29,48' is not "
                       "WEST,SOUTH,EAST,NORTH");
    g_assert_cmpfloat(b.west, ==, 1);
    expect_input_error(cm_bbox_parse(context, "38,29,48,x", &b), "'38,29,48,x' is not");
    expect_input_error(cm_bbox_parse(context, "38,29,48,nan", &b), "'38,29,48,nan' is not");
    expect_input_error(cm_bbox_parse(context, "38,29,48,37,1", &b), "'38,29,48,37,1' is not");
    expect_input_error(cm_bbox_parse(context, "38,29,190,37", &b),
                       "bounding box '38,29,190,37': longitude 190 is out of range");
    expect_input_error(cm_bbox_parse(context, "38,-95,48,37", &b), "latitude -95");
    expect_input_error(cm_bbox_parse(context, "38,37,48,29", &b), "south 37 is not below north 29");
    expect_input_error(cm_bbox_parse(context, "38,29,38,37", &b), "no width");
    g_assert_cmpfloat(b.west, ==, 1);
}

static void test_check(void)
{
    g_assert_cmpint(cm_bbox_check(context, &(cm_bbox){-180, -90, 180, 90}), ==, CM_OK);
    g_assert_cmpint(cm_bbox_check(context, &(cm_bbox){179, 0, -179, 1}), ==, CM_OK);
    expect_input_error(cm_bbox_check(context, &(cm_bbox){-181, 0, 10, 1}),
                       "bounding box -181,0,10,1: longitude -181 is out of range");
    expect_input_error(cm_bbox_check(context, &(cm_bbox){0, 1, 10, 1}), "south 1 is not below");
}

static void test_width(void)
{
    g_assert_false(cm_bbox_crosses_antimeridian(&(cm_bbox){38, 29, 48, 37}));
    g_assert_cmpfloat(cm_bbox_width(&(cm_bbox){38, 29, 48, 37}), ==, 10);
    g_assert_true(cm_bbox_crosses_antimeridian(&(cm_bbox){48, 29, 38, 37}));
    g_assert_cmpfloat(cm_bbox_width(&(cm_bbox){48, 29, 38, 37}), ==, 350);
    g_assert_true(cm_bbox_crosses_antimeridian(&(cm_bbox){170, -20, -170, -10}));
    g_assert_cmpfloat(cm_bbox_width(&(cm_bbox){170, -20, -170, -10}), ==, 20);
    g_assert_cmpfloat(cm_bbox_width(&(cm_bbox){-180, -90, 180, 90}), ==, 360);
}

/* The middle and containment follow the antimeridian rule. */
static void test_center_and_contains(void)
{
    cm_geo_point middle = cm_bbox_center(&(cm_bbox){38, 29, 48, 37});
    g_assert_cmpfloat(middle.lat, ==, 33);
    g_assert_cmpfloat(middle.lon, ==, 43);
    middle = cm_bbox_center(&(cm_bbox){170, -20, -170, -10});
    g_assert_cmpfloat(middle.lat, ==, -15);
    g_assert_cmpfloat(middle.lon, ==, 180);
    middle = cm_bbox_center(&(cm_bbox){160, 0, -140, 10});
    g_assert_cmpfloat(middle.lon, ==, -170);
    const cm_bbox iraq = {38, 29, 48, 37}, pacific = {170, -20, -170, -10};
    g_assert_true(cm_bbox_contains(&iraq, (cm_geo_point){33.3, 44.4}));
    g_assert_true(cm_bbox_contains(&iraq, (cm_geo_point){29, 38}));
    g_assert_false(cm_bbox_contains(&iraq, (cm_geo_point){34.4, 35.8}));
    g_assert_false(cm_bbox_contains(&iraq, (cm_geo_point){37.5, 44}));
    g_assert_true(cm_bbox_contains(&pacific, (cm_geo_point){-15, 179}));
    g_assert_true(cm_bbox_contains(&pacific, (cm_geo_point){-15, -175}));
    g_assert_false(cm_bbox_contains(&pacific, (cm_geo_point){-15, 0}));
}

/* Maps draw a box across the antimeridian; tiles refuse it, naming the two
 * boxes to render instead. */
static void test_maps_and_tiles(void)
{
    cm_bbox fiji;
    g_assert_cmpint(cm_bbox_parse(context, "170,-20,-170,-10", &fiji), ==, CM_OK);
    cm_map *map = cm_map_new(context);
    g_assert_nonnull(map);
    g_assert_cmpint(cm_map_set_size(map, 400, 300), ==, CM_OK);
    g_assert_cmpint(cm_map_set_bbox(map, &fiji), ==, CM_OK);
    g_assert_cmpint(cm_map_layout(map), ==, CM_OK);
    expect_input_error(cm_map_set_bbox(map, &(cm_bbox){10, 0, 10, 1}), "no width");
    cm_map_free(map);

    unsigned long long count = 0;
    int x0, y0, x1, y1;
    expect_input_error(cm_tile_count(context, &fiji, 0, 3, &count),
                       "bounding box 170,-20,-170,-10 crosses the antimeridian (west above "
                       "east), which tiles do not: render 170,-20,180,-10 and "
                       "-180,-20,-170,-10");
    expect_input_error(cm_tile_range(context, &fiji, 3, &x0, &y0, &x1, &y1),
                       "crosses the antimeridian");
    cm_bbox east_half = {170, -20, 180, -10}, west_half = {-180, -20, -170, -10};
    g_assert_cmpint(cm_tile_count(context, &east_half, 3, 3, &count), ==, CM_OK);
    g_assert_cmpuint(count, ==, 1);
    g_assert_cmpint(cm_tile_range(context, &west_half, 3, &x0, &y0, &x1, &y1), ==, CM_OK);
    g_assert_cmpint(x0, ==, 0);
    g_assert_cmpint(x1, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    g_test_add_func("/bbox/parse", test_parse);
    g_test_add_func("/bbox/check", test_check);
    g_test_add_func("/bbox/width", test_width);
    g_test_add_func("/bbox/center-and-contains", test_center_and_contains);
    g_test_add_func("/bbox/maps-and-tiles", test_maps_and_tiles);
    return test_run();
}
