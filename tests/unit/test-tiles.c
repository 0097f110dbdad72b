/* XYZ tiles: numbering against known OpenStreetMap tiles and the slippy
 * map formulas worked by hand, tile bounds, tile counts, our PNG encoder
 * read back by Cairo, and rendered tiles decoded and checked at pixels
 * computed with the formulas (not with PROJ, which the library uses). */
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gdal.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <ogr_api.h>
#include <sqlite3.h>

#include "convoymap/convoymap.h"
#include "test-support.h"
#include "test-image.h"
#include "render/maplayers.h"
#include "render/png.h"
#include "render/tilelabels.h"

static cm_context *context;

static cm_tile tile_of(double lat, double lon, int z)
{
    cm_tile tile;
    g_assert_cmpint(cm_tile_for_point(context, (cm_geo_point){lat, lon}, z, &tile), ==, CM_OK);
    g_assert_cmpint(tile.z, ==, z);
    return tile;
}

/* The slippy map formulas, for tiles of zoom z (n = 2^z):
 *   x = (lon + 180) / 360 * n
 *   y = (1 - asinh(tan(lat)) / pi) / 2 * n
 * with the tile being floor(x), floor(y). */
static void test_numbering(void)
{
    /* Baghdad, 33.3406N 44.4009E. z=0: the whole world is tile 0/0/0.
     * z=10: x = (44.4009 + 180) / 360 * 1024 = 638.296 -> 638;
     * tan(33.3406°) = 0.65800, asinh(0.65800) = ln(0.65800 + sqrt(1.43296))
     * = ln(1.85506) = 0.61792, / pi = 0.19669, (1 - 0.19669) / 2 * 1024
     * = 411.31 -> 411. */
    cm_tile t = tile_of(33.3406, 44.4009, 0);
    g_assert_cmpint(t.x, ==, 0);
    g_assert_cmpint(t.y, ==, 0);
    t = tile_of(33.3406, 44.4009, 10);
    g_assert_cmpint(t.x, ==, 638);
    g_assert_cmpint(t.y, ==, 411);
    /* z=1 splits at Greenwich and the equator: Baghdad is in the north-east. */
    t = tile_of(33.3406, 44.4009, 1);
    g_assert_cmpint(t.x, ==, 1);
    g_assert_cmpint(t.y, ==, 0);
    /* Trafalgar Square, 51.5074N 0.1278W, the well-known OSM tile
     * 12/2046/1362: x = 179.8722 / 360 * 4096 = 2046.55; tan(51.5074°) =
     * 1.25751, asinh = ln(1.25751 + 1.60665) = ln(2.86415) = 1.05227,
     * / pi = 0.33495, (1 - 0.33495) / 2 * 4096 = 1362.02. */
    t = tile_of(51.5074, -0.1278, 12);
    g_assert_cmpint(t.x, ==, 2046);
    g_assert_cmpint(t.y, ==, 1362);
    /* Sydney, 33.8688S 151.2093E, in the southern and eastern half:
     * x = 331.2093 / 360 * 4096 = 3768.43. The formula is symmetric about
     * the equator: for 33.8688N, tan = 0.67118, asinh = ln(0.67118 +
     * 1.20436) = 0.62890, / pi = 0.20018, (1 - 0.20018) / 2 * 4096
     * = 1638.02 -> 1638, so 33.8688S is 4096 - 1638.02 = 2457.98 -> 2457. */
    t = tile_of(-33.8688, 151.2093, 12);
    g_assert_cmpint(t.x, ==, 3768);
    g_assert_cmpint(t.y, ==, 2457);
    t = tile_of(33.8688, 151.2093, 12);
    g_assert_cmpint(t.y, ==, 1638);
    /* The corners: the antimeridian and the poles fall in the edge tiles. */
    t = tile_of(90, 180, 5);
    g_assert_cmpint(t.x, ==, 31);
    g_assert_cmpint(t.y, ==, 0);
    t = tile_of(-90, -180, 5);
    g_assert_cmpint(t.x, ==, 0);
    g_assert_cmpint(t.y, ==, 31);

    cm_tile out;
    g_assert_cmpint(cm_tile_for_point(context, (cm_geo_point){0, 0}, 21, &out), ==,
                    CM_ERR_INPUT);
    g_assert_cmpint(cm_tile_for_point(context, (cm_geo_point){0, 0}, -1, &out), ==,
                    CM_ERR_INPUT);
    g_assert_cmpint(cm_tile_for_point(context, (cm_geo_point){0, 181}, 3, &out), ==,
                    CM_ERR_INPUT);
}

static void assert_bounds(cm_tile tile, double west, double south, double east, double north)
{
    cm_bbox b;
    g_assert_cmpint(cm_tile_bounds(context, tile, &b), ==, CM_OK);
    g_test_message("%d/%d/%d: %.10f %.10f %.10f %.10f", tile.z, tile.x, tile.y, b.west, b.south,
                   b.east, b.north);
    g_assert_cmpfloat_with_epsilon(b.west, west, 1e-9);
    g_assert_cmpfloat_with_epsilon(b.south, south, 1e-9);
    g_assert_cmpfloat_with_epsilon(b.east, east, 1e-9);
    g_assert_cmpfloat_with_epsilon(b.north, north, 1e-9);
}

static void test_bounds(void)
{
    /* The edge of the Mercator square: atan(sinh(pi)) = 85.0511287798°. */
    double edge = 85.0511287798066;
    assert_bounds((cm_tile){0, 0, 0}, -180, -edge, 180, edge);
    assert_bounds((cm_tile){1, 1, 0}, 0, 0, 180, edge);
    assert_bounds((cm_tile){1, 0, 1}, -180, -edge, 0, 0);
    /* 2/3/3, the south-east corner: x from 90 to 180; its top edge is
     * atan(sinh(pi * (1 - 2 * 3/4))) = atan(sinh(-pi/2)) = -66.5132604431°. */
    assert_bounds((cm_tile){2, 3, 3}, 90, -edge, 180, -66.51326044311186);
    /* Adjacent tiles share their edges exactly. */
    cm_bbox a, b;
    g_assert_cmpint(cm_tile_bounds(context, (cm_tile){10, 638, 411}, &a), ==, CM_OK);
    g_assert_cmpint(cm_tile_bounds(context, (cm_tile){10, 639, 412}, &b), ==, CM_OK);
    g_assert_cmpfloat_with_epsilon(a.east, b.west, 1e-12);
    g_assert_cmpfloat_with_epsilon(a.south, b.north, 1e-12);
    /* Baghdad lies inside its tile. */
    g_assert_cmpfloat(a.west, <, 44.4009);
    g_assert_cmpfloat(a.east, >, 44.4009);
    g_assert_cmpfloat(a.south, <, 33.3406);
    g_assert_cmpfloat(a.north, >, 33.3406);
    g_assert_cmpint(cm_tile_bounds(context, (cm_tile){3, 8, 0}, &a), ==, CM_ERR_INPUT);
}

static void test_count(void)
{
    /* Iraq, 38,29,48,37, zooms 0 to 10. Per zoom (x range, y range) from
     * the formulas: z0 1x1, z1 1x1, z2 1x1, z3 x4-5 y3 = 2, z4 x9-10 y6
     * = 2, z5 x19-20 y12-13 = 4, z6 x38-40 y24-26 = 9, z7 x77-81 y49-53
     * = 25, z8 x155-162 y99-106 = 64, z9 x310-324 y199-212 = 210, z10
     * x620-648 y398-425 = 29 x 28 = 812; total 1,131. */
    cm_bbox iraq;
    g_assert_cmpint(cm_bbox_parse(context, "38,29,48,37", &iraq), ==, CM_OK);
    unsigned long long count;
    g_assert_cmpint(cm_tile_count(context, &iraq, 0, 10, &count), ==, CM_OK);
    g_assert_cmpuint(count, ==, 1131);
    int x0, y0, x1, y1;
    g_assert_cmpint(cm_tile_range(context, &iraq, 10, &x0, &y0, &x1, &y1), ==, CM_OK);
    g_assert_cmpint(x0, ==, 620);
    g_assert_cmpint(x1, ==, 648);
    g_assert_cmpint(y0, ==, 398);
    g_assert_cmpint(y1, ==, 425);
    g_assert_cmpint(cm_tile_count(context, &iraq, 10, 10, &count), ==, CM_OK);
    g_assert_cmpuint(count, ==, 812);
    /* A box ending exactly on tile edges takes no tile beyond them: the
     * north-east quarter of the world at z1 is one tile, at z2 four. */
    cm_bbox quarter = {0, 0, 180, 85.0511287798066};
    g_assert_cmpint(cm_tile_count(context, &quarter, 1, 2, &count), ==, CM_OK);
    g_assert_cmpuint(count, ==, 1 + 4);
    cm_bbox world = {-180, -90, 180, 90};
    g_assert_cmpint(cm_tile_count(context, &world, 0, 3, &count), ==, CM_OK);
    g_assert_cmpuint(count, ==, 1 + 4 + 16 + 64);
}

static void test_parse(void)
{
    int lo, hi;
    g_assert_cmpint(cm_zoom_range_parse(context, "0-10", &lo, &hi), ==, CM_OK);
    g_assert_cmpint(lo, ==, 0);
    g_assert_cmpint(hi, ==, 10);
    g_assert_cmpint(cm_zoom_range_parse(context, "7", &lo, &hi), ==, CM_OK);
    g_assert_cmpint(lo, ==, 7);
    g_assert_cmpint(hi, ==, 7);
    g_assert_cmpint(cm_zoom_range_parse(context, "5-2", &lo, &hi), ==, CM_ERR_INPUT);
    g_assert_cmpint(cm_zoom_range_parse(context, "0-30", &lo, &hi), ==, CM_ERR_INPUT);
    g_assert_cmpint(cm_zoom_range_parse(context, "-3", &lo, &hi), ==, CM_ERR_INPUT);
    g_assert_cmpint(cm_zoom_range_parse(context, "3-", &lo, &hi), ==, CM_ERR_INPUT);
}

/* The encoder on an image that exercises each filter it tries (noise,
 * gradients, flat areas), read back by Cairo's libpng and by GDAL, pixel for pixel;
 * and a window into a larger surface, as metatiles are cut. */
static void test_png_encoder(void)
{
    int width = 301, height = 97;
    cairo_surface_t *source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width + 20,
                                                         height + 10);
    unsigned char *data = cairo_image_surface_get_data(source);
    int stride = cairo_image_surface_get_stride(source);
    GRand *rand = g_rand_new_with_seed(7);
    for (int y = 0; y < height + 10; y++) {
        for (int x = 0; x < width + 20; x++) {
            guint32 v;
            if (y < 30)
                v = g_rand_int(rand);
            else if (y < 60)
                v = (guint32)(x * 0x010203 + y * 0x030201);
            else
                v = 0xb9d3e6;
            ((guint32 *)(void *)(data + (size_t)y * (size_t)stride))[x] = v & 0xffffff;
        }
    }
    g_rand_free(rand);
    cairo_surface_mark_dirty(source);
    int ox = 13, oy = 5;
    GByteArray *png = g_byte_array_new();
    g_assert_true(cm_png_encode_rgb24(data + (size_t)oy * (size_t)stride + (size_t)ox * 4, width,
                                      height, stride, png));
    cairo_surface_t *image = test_decode_png(png->data, png->len);
    g_assert_cmpint(cairo_image_surface_get_width(image), ==, width);
    g_assert_cmpint(cairo_image_surface_get_height(image), ==, height);
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            if (test_pixel(image, x, y) != test_pixel(source, x + ox, y + oy))
                g_error("pixel %d,%d is %06x, expected %06x", x, y, test_pixel(image, x, y),
                        test_pixel(source, x + ox, y + oy));
    /* GDAL's own PNG driver reads the same bytes. */
    VSIFCloseL(VSIFileFromMemBuffer("/vsimem/encoder.png", png->data, png->len, FALSE));
    GDALDatasetH dataset = GDALOpen("/vsimem/encoder.png", GA_ReadOnly);
    g_assert_nonnull(dataset);
    g_assert_cmpint(GDALGetRasterXSize(dataset), ==, width);
    g_assert_cmpint(GDALGetRasterCount(dataset), ==, 3);
    unsigned char red[3];
    g_assert_cmpint(GDALRasterIO(GDALGetRasterBand(dataset, 1), GF_Read, 0, 40, 3, 1, red, 3, 1,
                                 GDT_Byte, 0, 0), ==, CE_None);
    for (int x = 0; x < 3; x++)
        g_assert_cmpint(red[x], ==, (test_pixel(source, x + ox, 40 + oy) >> 16) & 0xff);
    GDALClose(dataset);
    VSIUnlink("/vsimem/encoder.png");
    cairo_surface_destroy(image);
    cairo_surface_destroy(source);
    g_byte_array_free(png, TRUE);
}

/* Fails naming the first pixel of image that differs from source's. */
static void assert_same_pixels(cairo_surface_t *image, cairo_surface_t *source, int width,
                               int height)
{
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            if (test_pixel(image, x, y) != test_pixel(source, x, y))
                g_error("pixel %d,%d is %06x, expected %06x", x, y, test_pixel(image, x, y),
                        test_pixel(source, x, y));
}

/* Encodes a width x height image whose pixel i has colour colours[i %
 * n_colours], checks that decoding gives every pixel back and returns the
 * PNG colour type from IHDR. */
static int encode_with_colours(int width, int height, const guint32 *colours, int n_colours)
{
    cairo_surface_t *source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    unsigned char *data = cairo_image_surface_get_data(source);
    int stride = cairo_image_surface_get_stride(source);
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            ((guint32 *)(void *)(data + (size_t)y * (size_t)stride))[x] =
                colours[(y * width + x) / 7 % n_colours];
    cairo_surface_mark_dirty(source);
    GByteArray *png = g_byte_array_new();
    g_assert_true(cm_png_encode_rgb24(data, width, height, stride, png));
    cairo_surface_t *image = test_decode_png(png->data, png->len);
    assert_same_pixels(image, source, width, height);
    int colour_type = png->data[25];
    cairo_surface_destroy(image);
    cairo_surface_destroy(source);
    g_byte_array_free(png, TRUE);
    return colour_type;
}

/* A truecolour image large enough to be encoded in two halves at once
 * (src/render/png.c, PARALLEL_MIN_BYTES) decodes to the same pixels, through
 * Cairo and through GDAL's own PNG driver, and encodes to the same bytes
 * every time. */
static void test_png_parallel(void)
{
    int width = 800, height = 501;
    cairo_surface_t *source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    unsigned char *data = cairo_image_surface_get_data(source);
    int stride = cairo_image_surface_get_stride(source);
    GRand *rand = g_rand_new_with_seed(11);
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            ((guint32 *)(void *)(data + (size_t)y * (size_t)stride))[x] =
                (y % 50 < 20 ? g_rand_int(rand) : (guint32)(x * 0x010203 + y * 0x030102)) &
                0xffffff;
    g_rand_free(rand);
    cairo_surface_mark_dirty(source);
    GByteArray *png = g_byte_array_new(), *again = g_byte_array_new();
    g_assert_true(cm_png_encode_rgb24(data, width, height, stride, png));
    g_assert_true(cm_png_encode_rgb24(data, width, height, stride, again));
    g_assert_cmpmem(png->data, png->len, again->data, again->len);
    g_assert_cmpint(png->data[25], ==, 2);
    cairo_surface_t *image = test_decode_png(png->data, png->len);
    assert_same_pixels(image, source, width, height);
    VSIFCloseL(VSIFileFromMemBuffer("/vsimem/parallel.png", png->data, png->len, FALSE));
    GDALDatasetH dataset = GDALOpen("/vsimem/parallel.png", GA_ReadOnly);
    g_assert_nonnull(dataset);
    /* Rows on both sides of the split, row 250 | 251. */
    for (int y = 249; y <= 252; y++) {
        unsigned char green[3];
        g_assert_cmpint(GDALRasterIO(GDALGetRasterBand(dataset, 2), GF_Read, width - 3, y, 3, 1,
                                     green, 3, 1, GDT_Byte, 0, 0), ==, CE_None);
        for (int x = 0; x < 3; x++)
            g_assert_cmpint(green[x], ==, (test_pixel(source, width - 3 + x, y) >> 8) & 0xff);
    }
    GDALClose(dataset);
    VSIUnlink("/vsimem/parallel.png");
    cairo_surface_destroy(image);
    cairo_surface_destroy(source);
    g_byte_array_free(png, TRUE);
    g_byte_array_free(again, TRUE);
}

/* Up to 256 colours give an exact palette image, one more gives
 * truecolour; both decode to the same pixels. */
static void test_png_palette(void)
{
    guint32 colours[257];
    for (int i = 0; i < 257; i++)
        colours[i] = (guint32)(i * 0x9e3779b1u) & 0xffffff;
    g_assert_cmpint(encode_with_colours(256, 256, colours, 1), ==, 3);
    g_assert_cmpint(encode_with_colours(256, 256, colours, 256), ==, 3);
    g_assert_cmpint(encode_with_colours(256, 256, colours, 257), ==, 2);
    g_assert_cmpint(encode_with_colours(37, 5, colours, 2), ==, 3);
}

static void assert_near(const char *what, guint32 got, guint32 expected, int tolerance)
{
    g_test_message("%s: #%06x, expected #%06x", what, got, expected);
    for (int shift = 0; shift <= 16; shift += 8) {
        int a = (int)(got >> shift) & 0xff, b = (int)(expected >> shift) & 0xff;
        if (abs(a - b) > tolerance)
            g_error("%s is #%06x, expected #%06x", what, got, expected);
    }
}

/* Renders the tile of zoom z holding (lat, lon) and returns the colour of
 * the pixel at that point, placed with the slippy map formulas. */
static guint32 colour_at(cm_tiler *tiler, double lat, double lon, int z)
{
    double n = ldexp(1, z);
    double fx = (lon + 180) / 360 * n;
    double fy = (1 - asinh(tan(lat * G_PI / 180)) / G_PI) / 2 * n;
    cm_tile tile = {z, (int)floor(fx), (int)floor(fy)};
    unsigned char *png;
    size_t length;
    g_assert_cmpint(cm_tiler_render_tile(tiler, tile, &png, &length), ==, CM_OK);
    cairo_surface_t *image = test_decode_png(png, length);
    int side = cm_tiler_pixel_size(tiler);
    g_assert_cmpint(cairo_image_surface_get_width(image), ==, side);
    guint32 value = test_pixel(image, (int)((fx - tile.x) * side), (int)((fy - tile.y) * side));
    cairo_surface_destroy(image);
    cm_free((void *)png);
    return value;
}

/* A new tiler showing the reference convoy, with the route the shared
 * geocoder resolved; the caller frees both. */
static cm_tiler *reference_tiler(cm_route **route)
{
    const char *const *waypoints = cm_reference_waypoints();
    g_assert_cmpint(cm_route_new_from_queries(test_geocoder(), "Convoy", waypoints,
                                              g_strv_length((char **)waypoints), route),
                    ==, CM_OK);
    cm_tiler *tiler = cm_tiler_new(context);
    cm_tiler_add_route(tiler, *route);
    return tiler;
}

static void test_render_tiles(void)
{
    cm_route *route;
    cm_tiler *tiler = reference_tiler(&route);

    guint32 sea = test_style_color(context, "sea", "color", 0);
    guint32 iraq = test_country_fill(context, "IRQ");
    guint32 route_color = test_style_color(context, "route", "color", 0);
    /* Open sea: a z7 tile south of Crete, 34.0N 24.5E, all Mediterranean. */
    assert_near("Mediterranean", colour_at(tiler, 34.0, 24.5, 7), sea, 2);
    assert_near("desert in Iraq", colour_at(tiler, 32.6, 42.2, 10), iraq, 2);
    /* The route at the middle of each leg, on the geodesic, at z10 and at
     * z12 in 512-pixel tiles at scale 2. */
    cm_route_leg leg;
    for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
        cm_geo_point middle = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                                 leg.geodesic.distance_m / 2);
        char *what = g_strdup_printf("route at the middle of leg %zu", i + 1);
        assert_near(what, colour_at(tiler, middle.lat, middle.lon, 10), route_color, 2);
        g_free(what);
    }
    g_assert_cmpint(cm_tiler_set_tile_size(tiler, 512), ==, CM_OK);
    g_assert_cmpint(cm_tiler_set_scale(tiler, 2), ==, CM_OK);
    g_assert_cmpint(cm_tiler_pixel_size(tiler), ==, 1024);
    cm_geo_point middle = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                             leg.geodesic.distance_m / 2);
    assert_near("route in a 512@2x tile", colour_at(tiler, middle.lat, middle.lon, 12),
                route_color, 2);
    g_assert_cmpint(cm_tiler_set_tile_size(tiler, 300), ==, CM_ERR_INPUT);
    g_assert_cmpint(cm_tiler_set_scale(tiler, 3), ==, CM_ERR_INPUT);
    unsigned char *png;
    size_t length;
    g_assert_cmpint(cm_tiler_render_tile(tiler, (cm_tile){2, 4, 0}, &png, &length), ==,
                    CM_ERR_INPUT);
    g_assert_null(png);
    cm_tiler_free(tiler);
    cm_route_free(route);
}


/* Removes a directory output whose tiles were removed: its metadata.json,
 * then the directory. Returns g_rmdir()'s result. */
static int remove_tiles_dir(const char *dir)
{
    char *metadata = g_build_filename(dir, "metadata.json", NULL);
    g_remove(metadata);
    g_free(metadata);
    return g_rmdir(dir);
}
/* A tile cut from a metatile matches the same tile rendered alone: the
 * bleed margin makes metatile edges invisible. */
static void test_metatile_seams(void)
{
    cm_geocoder *geocoder = test_geocoder();
    cm_route *route;
    g_assert_cmpint(cm_route_parse(geocoder, "Ramadi > Baghdad > 32.5,45.8", &route), ==,
                    CM_OK);
    cm_tiler *tiler = cm_tiler_new(context);
    cm_tiler_add_route(tiler, route);
    char *dir = g_dir_make_tmp("convoymap-tiles-XXXXXX", NULL);
    g_assert_nonnull(dir);
    /* East of Baghdad at z9: columns 319 and 320 (x = 320 is 45°E) lie in
     * two metatiles, 312-319 and 320-327. */
    cm_tiles_request request = {.bbox = {44.3, 33.0, 45.4, 33.6}, .min_z = 9, .max_z = 9,
                                .jobs = 2};
    cm_tiles_summary summary;
    g_assert_cmpint(cm_tiler_write(tiler, dir, &request, &summary), ==, CM_OK);
    int x0, y0, x1, y1;
    g_assert_cmpint(cm_tile_range(context, &request.bbox, 9, &x0, &y0, &x1, &y1), ==, CM_OK);
    g_assert_cmpint(x0 / 8, !=, x1 / 8);
    g_assert_cmpuint(summary.tiles, ==, (guint64)(x1 - x0 + 1) * (guint64)(y1 - y0 + 1));
    g_assert_cmpuint(summary.rendered, ==, summary.tiles);
    for (int x = x0; x <= x1; x++) {
        for (int y = y0; y <= y1; y++) {
            char *path = g_strdup_printf("%s/9/%d/%d.png", dir, x, y);
            cairo_surface_t *cut = cairo_image_surface_create_from_png(path);
            g_assert_cmpint(cairo_surface_status(cut), ==, CAIRO_STATUS_SUCCESS);
            unsigned char *png;
            size_t length;
            g_assert_cmpint(cm_tiler_render_tile(tiler, (cm_tile){9, x, y}, &png, &length), ==,
                            CM_OK);
            cairo_surface_t *alone = test_decode_png(png, length);
            /* Antialiasing may differ by a level or two between surfaces
             * of different sizes; a line or symbol cut off at a metatile
             * edge differs by far more. */
            int differing = 0, worst = 0;
            for (int py = 0; py < 256; py++) {
                for (int px = 0; px < 256; px++) {
                    guint32 a = test_pixel(cut, px, py), b = test_pixel(alone, px, py);
                    for (int shift = 0; shift <= 16; shift += 8)
                        worst = MAX(worst, abs((int)((a >> shift) & 0xff) -
                                               (int)((b >> shift) & 0xff)));
                    differing += a != b;
                }
            }
            g_test_message("9/%d/%d: %d pixels differ, by up to %d", x, y, differing, worst);
            g_assert_cmpint(worst, <=, 6);
            cairo_surface_destroy(cut);
            cairo_surface_destroy(alone);
            cm_free((void *)png);
            g_remove(path);
            g_free(path);
        }
        char *column = g_strdup_printf("%s/9/%d", dir, x);
        g_rmdir(column);
        g_free(column);
    }
    char *zoom = g_strdup_printf("%s/9", dir);
    g_rmdir(zoom);
    g_free(zoom);
    g_assert_cmpint(remove_tiles_dir(dir), ==, 0);
    g_free(dir);
    cm_tiler_free(tiler);
    cm_route_free(route);
}

/* A label of zoom z that straddles the edge between tile columns *x and
 * *x + 1 in row *y, within bbox, with the edge inside an 8 x 8 metatile
 * (so that 8 x 8 metatiles draw it in one piece and smaller ones in two).
 * Found through the placement API. Returns a copy of its text. */
static char *straddling_label(cm_tiler *tiler, const cm_bbox *bbox, int z, int *x, int *y,
                              cm_tile_label *found)
{
    int x0, y0, x1, y1;
    g_assert_cmpint(cm_tile_range(context, bbox, z, &x0, &y0, &x1, &y1), ==, CM_OK);
    for (int ty = y0; ty <= y1; ty++) {
        for (int tx = x0; tx < x1; tx++) {
            if ((tx + 1) % 8 == 0)
                continue;
            cm_tile_label *labels;
            size_t n;
            g_assert_cmpint(cm_tiler_labels(tiler, (cm_tile){z, tx, ty}, &labels, &n), ==,
                            CM_OK);
            double edge = (tx + 1) * 256.0;
            for (size_t i = 0; i < n; i++) {
                /* Well across the edge, and within the row. */
                if (labels[i].x0 < edge - 10 && labels[i].x1 > edge + 10 &&
                    labels[i].y0 > ty * 256.0 && labels[i].y1 < (ty + 1) * 256.0) {
                    *x = tx;
                    *y = ty;
                    *found = labels[i];
                    char *text = g_strdup(labels[i].text);
                    cm_tile_label_array_free(labels);
                    return text;
                }
            }
            cm_tile_label_array_free(labels);
        }
    }
    g_assert_not_reached();
}

/* The label layer alone, drawn as a metatile of side tiles whose top-left
 * tile is (mx, my), onto white: the tile (tx, ty) cut from it. */
static cairo_surface_t *label_layer(cm_tile_labels *labels, const cm_projection *mercator,
                                    int z, int mx, int my, int side, int tx, int ty)
{
    int bleed = 32, px = side * 256 + 2 * bleed;
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, px, px);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cm_box area = {mx * 256.0, my * 256.0, (mx + side) * 256.0, (my + side) * 256.0};
    g_assert_cmpint(cm_tile_labels_draw(labels, context, mercator, cr, z, mx * 256.0 - bleed,
                                        my * 256.0 - bleed, &area), ==, CM_OK);
    cairo_destroy(cr);
    cairo_surface_t *tile = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 256, 256);
    cr = cairo_create(tile);
    cairo_set_source_surface(cr, surface, -((tx - mx) * 256.0 + bleed),
                             -((ty - my) * 256.0 + bleed));
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    cairo_surface_flush(tile);
    return tile;
}

/* Dark pixels (label text) of image within columns x0..x1-1 of its rows
 * y0..y1-1. */
static int dark_pixels(cairo_surface_t *image, int x0, int y0, int x1, int y1)
{
    int n = 0;
    for (int y = MAX(y0, 0); y < MIN(y1, 256); y++)
        for (int x = MAX(x0, 0); x < MIN(x1, 256); x++)
            n += (test_pixel(image, x, y) & 0xff) < 0x60;
    return n;
}

/* Labels are placed per zoom, not per metatile: a label across a tile
 * edge is drawn whole on both tiles, on the same pixels whether the two
 * tiles share a metatile or not, and the label layer is the same to the
 * byte whatever the metatile size. */
static void test_labels_across_tiles(void)
{
    cm_route *route;
    cm_tiler *tiler = reference_tiler(&route);
    cm_bbox bbox = {38.5, 30.5, 45.5, 35.5};
    int z = 9, x, y;
    cm_tile_label label;
    char *text = straddling_label(tiler, &bbox, z, &x, &y, &label);
    g_test_message("'%s' straddles 9/%d/%d and 9/%d/%d", text, x, y, x + 1, y);
    /* The same label, at the same place, seen from the other tile. */
    cm_tile_label *labels;
    size_t n;
    gboolean seen = FALSE;
    g_assert_cmpint(cm_tiler_labels(tiler, (cm_tile){z, x + 1, y}, &labels, &n), ==, CM_OK);
    for (size_t i = 0; i < n; i++)
        seen |= strcmp(labels[i].text, text) == 0 && labels[i].x0 == label.x0 &&
                labels[i].y0 == label.y0 && labels[i].x1 == label.x1;
    cm_tile_label_array_free(labels);
    g_assert_true(seen);

    /* The label layer, in metatiles of 8, 2 and 1 tiles: byte for byte. */
    cm_map *map = cm_map_new(context);
    cm_map_add_route(map, route);
    g_assert_cmpint(cm_map_prepare_layers(map), ==, CM_OK);
    cm_tile_labels *placed = cm_tile_labels_new(map, 256);
    cm_projection *mercator = cm_projection_web_mercator(context);
    for (int t = 0; t <= 1; t++) {
        cairo_surface_t *reference = NULL;
        for (int side = 8; side >= 1; side /= 2) {
            cairo_surface_t *tile = label_layer(placed, mercator, z, (x + t) / side * side,
                                                y / side * side, side, x + t, y);
            if (!reference) {
                reference = tile;
                /* The label's text is on both sides of the edge. */
                int lx0 = (int)floor(label.x0) - (x + t) * 256;
                int ly0 = (int)floor(label.y0) - y * 256;
                g_assert_cmpint(dark_pixels(tile, lx0, ly0, lx0 + (int)(label.x1 - label.x0),
                                            ly0 + (int)(label.y1 - label.y0)), >, 10);
                continue;
            }
            int stride = cairo_image_surface_get_stride(tile);
            g_assert_cmpint(memcmp(cairo_image_surface_get_data(reference),
                                   cairo_image_surface_get_data(tile), (size_t)stride * 256),
                            ==, 0);
            cairo_surface_destroy(tile);
        }
        cairo_surface_destroy(reference);
    }
    cm_projection_free(mercator);
    cm_tile_labels_free(placed);
    cm_map_free(map);

    /* Whole tiles in 8 x 8 and 1 x 1 metatiles: over the label the same
     * but for the antialiasing of the lines beneath (see
     * test_metatile_seams), and its text on both. */
    cairo_surface_t *tiles[2][2];
    for (int m = 0; m < 2; m++) {
        g_assert_cmpint(cm_tiler_set_metatile(tiler, m ? 1 : 8), ==, CM_OK);
        char *dir = g_dir_make_tmp("convoymap-tiles-XXXXXX", NULL);
        cm_tiles_request request = {.bbox = bbox, .min_z = z, .max_z = z, .jobs = 2};
        cm_tile_bounds(context, (cm_tile){z, x, y}, &request.bbox);
        cm_bbox east;
        cm_tile_bounds(context, (cm_tile){z, x + 1, y}, &east);
        /* Just the two tiles: their bounds, shrunk so as not to touch the
         * neighbours. */
        request.bbox.east = east.east - 1e-6;
        request.bbox.west += 1e-6;
        request.bbox.south += 1e-6;
        request.bbox.north -= 1e-6;
        cm_tiles_summary summary;
        g_assert_cmpint(cm_tiler_write(tiler, dir, &request, &summary), ==, CM_OK);
        g_assert_cmpuint(summary.tiles, ==, 2);
        for (int t = 0; t <= 1; t++) {
            char *path = g_strdup_printf("%s/%d/%d/%d.png", dir, z, x + t, y);
            tiles[m][t] = cairo_image_surface_create_from_png(path);
            g_assert_cmpint(cairo_surface_status(tiles[m][t]), ==, CAIRO_STATUS_SUCCESS);
            g_remove(path);
            g_free(path);
            path = g_strdup_printf("%s/%d/%d", dir, z, x + t);
            g_rmdir(path);
            g_free(path);
        }
        char *zoom = g_strdup_printf("%s/%d", dir, z);
        g_rmdir(zoom);
        g_free(zoom);
        g_assert_cmpint(remove_tiles_dir(dir), ==, 0);
        g_free(dir);
    }
    for (int t = 0; t <= 1; t++) {
        int lx0 = MAX(0, (int)floor(label.x0) - (x + t) * 256);
        int lx1 = MIN(256, (int)ceil(label.x1) - (x + t) * 256);
        int ly0 = (int)floor(label.y0) - y * 256, ly1 = (int)ceil(label.y1) - y * 256;
        int worst = 0;
        for (int py = ly0; py < ly1; py++)
            for (int px = lx0; px < lx1; px++) {
                guint32 a = test_pixel(tiles[0][t], px, py), b = test_pixel(tiles[1][t], px, py);
                for (int shift = 0; shift <= 16; shift += 8)
                    worst = MAX(worst, abs((int)((a >> shift) & 0xff) -
                                           (int)((b >> shift) & 0xff)));
            }
        g_test_message("tile %d: the label's pixels differ by up to %d", t, worst);
        g_assert_cmpint(worst, <=, 12);
        g_assert_cmpint(dark_pixels(tiles[0][t], lx0, ly0, lx1, ly1), >, 10);
        g_assert_cmpint(dark_pixels(tiles[1][t], lx0, ly0, lx1, ly1), ==,
                        dark_pixels(tiles[0][t], lx0, ly0, lx1, ly1));
        cairo_surface_destroy(tiles[0][t]);
        cairo_surface_destroy(tiles[1][t]);
    }
    g_free(text);
    cm_tiler_free(tiler);
    cm_route_free(route);
}

/* Pixel colour of the MBTiles file at (lat, lon), zoom z, read through
 * GDAL's MBTiles driver; the pixel is found from GDAL's geotransform and
 * the spherical Mercator formulas, independently of PROJ. */
static guint32 mbtiles_colour(const char *path, int z, double lat, double lon)
{
    char *zoom = g_strdup_printf("ZOOM_LEVEL=%d", z);
    const char *const options[] = {zoom, NULL};
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_RASTER | GDAL_OF_READONLY, NULL, options,
                                      NULL);
    g_assert_nonnull(dataset);
    g_assert_cmpint(GDALGetRasterCount(dataset), >=, 3);
    double gt[6];
    g_assert_cmpint(GDALGetGeoTransform(dataset, gt), ==, CE_None);
    double radius = 6378137.0;
    double x = radius * lon * G_PI / 180, y = radius * asinh(tan(lat * G_PI / 180));
    int px = (int)floor((x - gt[0]) / gt[1]), py = (int)floor((y - gt[3]) / gt[5]);
    guint32 value = 0;
    for (int band = 1; band <= 3; band++) {
        unsigned char v;
        g_assert_cmpint(GDALRasterIO(GDALGetRasterBand(dataset, band), GF_Read, px, py, 1, 1,
                                     &v, 1, 1, GDT_Byte, 0, 0), ==, CE_None);
        value = value << 8 | v;
    }
    GDALClose(dataset);
    g_free(zoom);
    return value;
}

static sqlite3_int64 query_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement;
    g_assert_cmpint(sqlite3_prepare_v2(db, sql, -1, &statement, NULL), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_step(statement), ==, SQLITE_ROW);
    sqlite3_int64 value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return value;
}

static char *query_text(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement;
    g_assert_cmpint(sqlite3_prepare_v2(db, sql, -1, &statement, NULL), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_step(statement), ==, SQLITE_ROW);
    char *value = g_strdup((const char *)sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    return value;
}

/* An MBTiles file from the Levant to Iraq, read back by GDAL and SQLite:
 * the sea, Iraq's fill and the route where the formulas put them, the
 * metadata, the TMS row order, and deduplicated images. */
static void test_mbtiles(void)
{
    cm_route *route;
    cm_tiler *tiler = reference_tiler(&route);
    char *dir = g_dir_make_tmp("convoymap-mbtiles-XXXXXX", NULL);
    char *path = g_build_filename(dir, "levant.mbtiles", NULL);
    cm_tiles_request request = {.bbox = {33, 29, 46, 37}, .min_z = 4, .max_z = 8, .jobs = 2,
                                .name = "Levant test"};
    cm_tiles_summary summary;
    g_assert_cmpint(cm_tiler_write(tiler, path, &request, &summary), ==, CM_OK);
    unsigned long long expected;
    g_assert_cmpint(cm_tile_count(context, &request.bbox, 4, 8, &expected), ==, CM_OK);
    g_assert_cmpuint(summary.tiles, ==, expected);

    guint32 sea = test_style_color(context, "sea", "color", 0);
    guint32 iraq = test_country_fill(context, "IRQ");
    guint32 route_color = test_style_color(context, "route", "color", 0);
    /* Off Haifa, in the eastern Mediterranean. */
    assert_near("MBTiles: Mediterranean", mbtiles_colour(path, 8, 32.9, 34.5), sea, 2);
    assert_near("MBTiles: desert in Iraq", mbtiles_colour(path, 8, 32.6, 42.2), iraq, 2);
    cm_route_leg leg;
    g_assert_true(cm_route_leg_get(route, 2, &leg));
    cm_geo_point middle = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                             leg.geodesic.distance_m / 2);
    assert_near("MBTiles: route at the middle of leg 3",
                mbtiles_colour(path, 8, middle.lat, middle.lon), route_color, 2);

    sqlite3 *db;
    g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint(query_int(db, "SELECT count(*) FROM tiles"), ==, (sqlite3_int64)expected);
    char *text = query_text(db, "SELECT value FROM metadata WHERE name = 'name'");
    g_assert_cmpstr(text, ==, "Levant test");
    g_free(text);
    text = query_text(db, "SELECT value FROM metadata WHERE name = 'bounds'");
    g_assert_cmpstr(text, ==, "33.000000,29.000000,46.000000,37.000000");
    g_free(text);
    text = query_text(db, "SELECT group_concat(value, ' ') FROM metadata WHERE name IN "
                          "('format', 'minzoom', 'maxzoom') ORDER BY name");
    g_assert_nonnull(strstr(text, "png"));
    g_free(text);
    g_assert_cmpint(query_int(db, "SELECT count(*) FROM metadata WHERE name IN ('center', "
                                  "'attribution', 'minzoom', 'maxzoom')"), ==, 4);
    /* TMS rows count from the south: XYZ 8/x/y is stored at row 255 - y.
     * Baghdad is XYZ 8/159/102 (x = 224.4009 / 360 * 256 = 159.57,
     * y = 411.31 / 4 = 102.8), so TMS row 153. */
    g_assert_cmpint(query_int(db, "SELECT count(*) FROM tiles WHERE zoom_level = 8 AND "
                                  "tile_column = 159 AND tile_row = 153"), ==, 1);
    g_assert_cmpint(query_int(db, "SELECT count(*) FROM tiles WHERE zoom_level = 8 AND "
                                  "tile_column = 159 AND tile_row = 102"), ==, 0);
    sqlite3_close(db);
    g_remove(path);
    g_free(path);

    /* A sea-heavy area, the Ionian Sea between Libya and Greece: most
     * tiles are plain sea and stored once. */
    path = g_build_filename(dir, "sea.mbtiles", NULL);
    request = (cm_tiles_request){.bbox = {16, 32.8, 22, 36}, .min_z = 5, .max_z = 9, .jobs = 1};
    g_assert_cmpint(cm_tiler_write(tiler, path, &request, &summary), ==, CM_OK);
    g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    sqlite3_int64 maps = query_int(db, "SELECT count(*) FROM map");
    sqlite3_int64 images = query_int(db, "SELECT count(*) FROM images");
    g_test_message("sea-heavy area: %lld tiles, %lld distinct images", (long long)maps,
                   (long long)images);
    g_assert_cmpint(maps, ==, (sqlite3_int64)summary.tiles);
    g_assert_cmpint(images * 2, <, maps);
    /* Every stored image is referenced and distinct. */
    g_assert_cmpint(query_int(db, "SELECT count(DISTINCT tile_id) FROM map"), ==, images);
    sqlite3_close(db);
    g_remove(path);
    g_free(path);
    g_assert_cmpint(remove_tiles_dir(dir), ==, 0);
    g_free(dir);
    cm_tiler_free(tiler);
    cm_route_free(route);
}

/* A run cancelled from another thread once some tiles are stored. */
typedef struct cancel_watch {
    cm_tiler *tiler;
    gint done;     /* tiles stored, from the progress callback */
    gint finished; /* cm_tiler_write() returned */
} cancel_watch;

static void count_progress(unsigned long long done, unsigned long long total, void *data)
{
    (void)total;
    cancel_watch *watch = data;
    g_atomic_int_set(&watch->done, (gint)done);
}

static gpointer cancel_when_started(gpointer data)
{
    cancel_watch *watch = data;
    while (g_atomic_int_get(&watch->done) < 20 && !g_atomic_int_get(&watch->finished))
        g_usleep(1000);
    cm_tiler_cancel(watch->tiler);
    return NULL;
}

static void test_cancel(void)
{
    cm_tiler *tiler = cm_tiler_new(context);
    g_assert_cmpint(cm_tiler_set_metatile(tiler, 2), ==, CM_OK);
    char *dir = g_dir_make_tmp("convoymap-cancel-XXXXXX", NULL);
    char *path = g_build_filename(dir, "cancelled.mbtiles", NULL);
    cancel_watch watch = {tiler, 0, 0};
    cm_tiles_request request = {.bbox = {38, 29, 48, 37}, .min_z = 0, .max_z = 9, .jobs = 2,
                                .progress = count_progress, .progress_data = &watch};
    cm_tiles_summary summary;
    GThread *canceller = g_thread_new("canceller", cancel_when_started, &watch);
    cm_status status = cm_tiler_write(tiler, path, &request, &summary);
    g_atomic_int_set(&watch.finished, 1);
    g_thread_join(canceller);
    g_assert_cmpint(status, ==, CM_ERR_CANCELLED);
    g_assert_cmpstr(cm_status_name(status), ==, "cancelled");
    char *expected = g_strdup_printf("interrupted after %llu of %llu tiles; run again with "
                                     "--resume to finish", summary.rendered, summary.tiles);
    g_assert_cmpstr(cm_context_message(context), ==, expected);
    g_free(expected);
    g_assert_cmpuint(summary.rendered, >=, 20);
    g_assert_cmpuint(summary.rendered, <, summary.tiles);

    /* What was rendered is committed and the file closed as on success. */
    char *wal = g_strconcat(path, "-wal", NULL);
    g_assert_false(g_file_test(wal, G_FILE_TEST_EXISTS));
    g_free(wal);
    sqlite3 *db;
    g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint(query_int(db, "SELECT count(*) FROM map"), ==,
                    (sqlite3_int64)summary.rendered);
    char *text = query_text(db, "PRAGMA journal_mode");
    g_assert_cmpstr(text, ==, "delete");
    g_free(text);
    text = query_text(db, "PRAGMA integrity_check");
    g_assert_cmpstr(text, ==, "ok");
    g_free(text);
    sqlite3_close(db);

    /* The cancel ended with that run: resuming finishes the tileset. */
    unsigned long long kept = summary.rendered;
    request.resume = 1;
    request.progress = NULL;
    g_assert_cmpint(cm_tiler_write(tiler, path, &request, &summary), ==, CM_OK);
    g_assert_cmpuint(summary.rendered, ==, summary.tiles - kept);

    /* Cancelled before it starts: no tile rendered, the replaced file valid. */
    cm_tiler_cancel(tiler);
    request.resume = 0;
    g_assert_cmpint(cm_tiler_write(tiler, path, &request, &summary), ==, CM_ERR_CANCELLED);
    g_assert_cmpuint(summary.rendered, ==, 0);
    g_assert_cmpint(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint(query_int(db, "SELECT count(*) FROM map"), ==, 0);
    sqlite3_close(db);

    g_remove(path);
    g_free(path);
    g_assert_cmpint(remove_tiles_dir(dir), ==, 0);
    g_free(dir);
    cm_tiler_free(tiler);
}

/* Whether (lat, lon) lies under a label of its zoom-z tile (within 3 px,
 * for the halo). */
static gboolean under_label(cm_tiler *tiler, double lat, double lon, int z)
{
    double n = ldexp(1, z);
    double fx = (lon + 180) / 360 * n;
    double fy = (1 - asinh(tan(lat * G_PI / 180)) / G_PI) / 2 * n;
    cm_tile tile = {z, (int)floor(fx), (int)floor(fy)};
    int side = cm_tiler_pixel_size(tiler);
    double px = fx * side, py = fy * side;
    cm_tile_label *labels;
    size_t n_labels;
    g_assert_cmpint(cm_tiler_labels(tiler, tile, &labels, &n_labels), ==, CM_OK);
    gboolean under = FALSE;
    for (size_t i = 0; i < n_labels; i++)
        under |= px > labels[i].x0 - 3 && px < labels[i].x1 + 3 && py > labels[i].y0 - 3 &&
                 py < labels[i].y1 + 3;
    cm_tile_label_array_free(labels);
    return under;
}

/* Tiles honour the style's zoom ranges: briefing.ini shows rivers from
 * zoom 3, so the Tigris between Mosul and Basra (vertices from the
 * GeoPackage, away from lakes) is on the z3 tiles, where no label covers
 * it, and not on the z2 ones. */
static void test_layer_zoom_ranges(void)
{
    char *path = g_build_filename(cm_context_data_dir(context), "geodata", "world.gpkg", NULL);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(dataset);
    OGRLayerH rivers = GDALDatasetGetLayerByName(dataset, "rivers");
    g_assert_nonnull(rivers);
    OGR_L_SetAttributeFilter(rivers, "name = 'Tigris'");
    OGR_L_SetSpatialFilterRect(rivers, 42.5, 31.0, 47.5, 36.4);
    cm_tiler *tiler = cm_tiler_new(context);
    int n_vertices = 0, n_blue_z3 = 0;
    OGRFeatureH feature;
    while ((feature = OGR_L_GetNextFeature(rivers))) {
        OGRGeometryH line = OGR_F_GetGeometryRef(feature);
        for (int i = 0; line && i < OGR_G_GetPointCount(line); i += 2) {
            double lon = OGR_G_GetX(line, i), lat = OGR_G_GetY(line, i);
            if (lon < 42.5 || lon > 47.5 || lat < 31.0 || lat > 36.4)
                continue;
            if (under_label(tiler, lat, lon, 3))
                continue;
            n_vertices++;
            /* Blue over red: the river's #5b8fc7 against Iraq's sand. */
            guint32 z2 = colour_at(tiler, lat, lon, 2), z3 = colour_at(tiler, lat, lon, 3);
            int blue_z2 = (int)(z2 & 0xff) - (int)(z2 >> 16 & 0xff);
            int blue_z3 = (int)(z3 & 0xff) - (int)(z3 >> 16 & 0xff);
            if (blue_z2 > 0)
                g_error("river drawn at zoom 2 at %.4f, %.4f: #%06x", lat, lon, z2);
            n_blue_z3 += blue_z3 > 20;
        }
        OGR_F_Destroy(feature);
    }
    g_test_message("Tigris: %d of %d vertices blue at zoom 3", n_blue_z3, n_vertices);
    g_assert_cmpint(n_vertices, >, 10);
    g_assert_cmpint(n_blue_z3, >, n_vertices / 2);
    cm_tiler_free(tiler);
    GDALClose(dataset);
    g_free(path);
}

/* The label of text on the zoom-z tile holding (lat, lon), or FALSE. */
static gboolean tile_label_of(cm_tiler *tiler, double lat, double lon, int z, const char *text,
                              cm_tile_label *found)
{
    cm_tile tile = tile_of(lat, lon, z);
    cm_tile_label *labels;
    size_t n;
    g_assert_cmpint(cm_tiler_labels(tiler, tile, &labels, &n), ==, CM_OK);
    gboolean seen = FALSE;
    for (size_t i = 0; i < n && !seen; i++)
        if ((seen = strcmp(labels[i].text, text) == 0) && found)
            *found = labels[i];
    cm_tile_label_array_free(labels);
    return seen;
}

static gboolean tile_shows(cm_tiler *tiler, double lat, double lon, int z, const char *text)
{
    return tile_label_of(tiler, lat, lon, z, text, NULL);
}

/* A style file inheriting briefing with these keys added; returns its path
 * (g_free), in dir. */
static char *child_style(const char *dir, const char *keys)
{
    char *path = g_build_filename(dir, "tiles.ini", NULL);
    char *text = g_strconcat("[style]\ninherits=briefing\n", keys, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    g_free(text);
    return path;
}

/* Removes the style file path written by child_style() and its dir, and
 * frees both names. */
static void remove_style(char *dir, char *path)
{
    g_unlink(path);
    g_free(path);
    g_rmdir(dir);
    g_free(dir);
}

/* The style's [places] say which cities tiles label and in what font: at
 * zoom 7 briefing.ini labels places of 200,000 people, so Karbala (about
 * 1.2 million in GeoNames' cities500) and Baghdad (about 7 million) are on
 * tile 7/79/51; raised to 2,000,000, Baghdad stays and Karbala goes, and a
 * smaller font gives a narrower label. */
static void test_place_label_style(void)
{
    const double karbala[2] = {32.616, 44.024}, baghdad[2] = {33.3406, 44.4009};
    char *dir = g_dir_make_tmp("convoymap-tilestyle-XXXXXX", NULL);
    cm_tiler *tiler = cm_tiler_new(context);
    cm_tile_label wide, narrow;
    g_assert_true(tile_shows(tiler, karbala[0], karbala[1], 7, "Karbala"));
    g_assert_true(tile_label_of(tiler, baghdad[0], baghdad[1], 7, "Baghdad", &wide));

    char *path = child_style(dir, "[places]\nmin-population=0:10000000;7:2000000\n"
                                  "label-font=DejaVu Sans 8\n");
    g_assert_cmpint(cm_tiler_set_style(tiler, path), ==, CM_OK);
    g_assert_false(tile_shows(tiler, karbala[0], karbala[1], 7, "Karbala"));
    g_assert_true(tile_label_of(tiler, baghdad[0], baghdad[1], 7, "Baghdad", &narrow));
    g_test_message("Baghdad's label: %.1f px wide in 11 pt, %.1f in 8 pt", wide.x1 - wide.x0,
                   narrow.x1 - narrow.x0);
    g_assert_cmpfloat(narrow.x1 - narrow.x0, <, (wide.x1 - wide.x0) * 0.85);
    /* Below the first step, no place at all. */
    g_free(path);
    path = child_style(dir, "[places]\nmin-population=8:0\n");
    g_assert_cmpint(cm_tiler_set_style(tiler, path), ==, CM_OK);
    g_assert_false(tile_shows(tiler, baghdad[0], baghdad[1], 7, "Baghdad"));
    g_assert_true(tile_shows(tiler, karbala[0], karbala[1], 8, "Karbala"));

    /* A broken style is refused, naming the key; the tiler keeps its own. */
    g_free(path);
    path = child_style(dir, "[places]\nmin-population=7:5;3:1\n");
    g_assert_cmpint(cm_tiler_set_style(tiler, path), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "tiles.ini:4: [places] min-population"));
    g_assert_false(tile_shows(tiler, baghdad[0], baghdad[1], 7, "Baghdad"));
    cm_tiler_free(tiler);
    remove_style(dir, path);
}

/* The routes' labels show from the style's route-min-zoom (5 in
 * briefing.ini): Ar Rutbah's waypoint is labelled at zoom 5, not at 4
 * (where the gazetteer's small town is not labelled either), and at 4
 * again with route-min-zoom=0. Below it a city under a marker names the
 * marker, without a dot of its own. */
static void test_route_min_zoom(void)
{
    const double rutbah[2] = {33.0381, 40.2848};
    cm_route *route;
    cm_tiler *tiler = reference_tiler(&route);
    const char *name = cm_route_waypoint(route, 2)->name;
    g_assert_cmpstr(name, ==, "Ar Rutbah");
    g_assert_true(tile_shows(tiler, rutbah[0], rutbah[1], 5, name));
    g_assert_false(tile_shows(tiler, rutbah[0], rutbah[1], 4, name));
    g_assert_false(tile_shows(tiler, rutbah[0], rutbah[1], 3, name));

    char *dir = g_dir_make_tmp("convoymap-tilestyle-XXXXXX", NULL);
    char *path = child_style(dir, "[labels]\nroute-min-zoom=0\n");
    g_assert_cmpint(cm_tiler_set_style(tiler, path), ==, CM_OK);
    g_assert_true(tile_shows(tiler, rutbah[0], rutbah[1], 4, name));

    /* Amman (1.3 million people) labelled from zoom 4: its name beside the
     * waypoint's marker, clear of it, and no place dot on the marker. */
    g_free(path);
    path = child_style(dir, "[places]\nmin-population=0:1000000\n");
    g_assert_cmpint(cm_tiler_set_style(tiler, path), ==, CM_OK);
    cm_geo_point amman = cm_route_waypoint(route, 0)->position;
    cm_tile_label label;
    g_assert_true(tile_label_of(tiler, amman.lat, amman.lon, 4, "Amman", &label));
    double px = (amman.lon + 180) / 360 * 16 * 256;
    double py = (1 - asinh(tan(amman.lat * G_PI / 180)) / G_PI) / 2 * 16 * 256;
    double dx = MAX(0, MAX(label.x0 - px, px - label.x1));
    double dy = MAX(0, MAX(label.y0 - py, py - label.y1));
    g_test_message("Amman's label %.1f px from the waypoint", hypot(dx, dy));
    cm_style *briefing = cm_style_load(context, "briefing");
    g_assert_cmpfloat(hypot(dx, dy), >=, briefing->marker_radius);
    cm_style_free(briefing);
    assert_near("the waypoint marker under Amman", colour_at(tiler, amman.lat, amman.lon, 4),
                test_style_color(context, "marker", "color", 0), 8);
    cm_tiler_free(tiler);
    remove_style(dir, path);
    cm_route_free(route);
}

/* Tiles speak the label language: the gazetteer's Arabic names of places,
 * the Arabic country names, a waypoint's Arabic name; English above Arabic
 * with both. */
static void test_arabic_tile_labels(void)
{
    const double karbala[2] = {32.616, 44.024};
    cm_route *route;
    cm_tiler *tiler = reference_tiler(&route);
    const cm_place *asad = cm_route_waypoint(route, cm_route_waypoint_count(route) - 1);
    g_assert_nonnull(asad->name_ar);
    cm_place *ramadi;
    g_assert_cmpint(cm_geocoder_lookup(test_geocoder(), "Ramadi", &ramadi), ==, CM_OK);
    g_assert_nonnull(ramadi->name_ar);
    cm_tiler_add_marker(tiler, ramadi);
    g_assert_true(tile_shows(tiler, asad->position.lat, asad->position.lon, 7, asad->name));
    g_assert_true(tile_shows(tiler, karbala[0], karbala[1], 7, "Karbala"));
    g_assert_true(tile_shows(tiler, karbala[0], karbala[1], 7, "IRAQ"));

    cm_tiler_set_labels(tiler, CM_LABELS_AR);
    g_assert_true(tile_shows(tiler, karbala[0], karbala[1], 7, "كربلاء"));
    g_assert_false(tile_shows(tiler, karbala[0], karbala[1], 7, "Karbala"));
    g_assert_true(tile_shows(tiler, karbala[0], karbala[1], 7, "العراق"));
    g_assert_true(tile_shows(tiler, asad->position.lat, asad->position.lon, 7, asad->name_ar));
    g_assert_true(tile_shows(tiler, ramadi->position.lat, ramadi->position.lon, 7,
                             ramadi->name_ar));

    cm_tiler_set_labels(tiler, CM_LABELS_BOTH);
    g_assert_true(tile_shows(tiler, karbala[0], karbala[1], 7, "Karbala\nكربلاء"));
    cm_place_free(ramadi);
    cm_tiler_free(tiler);
    cm_route_free(route);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    /* The expectations are read through GDAL itself, which the library no
     * longer loads. */
    GDALAllRegister();
    g_test_add_func("/tiles/numbering", test_numbering);
    g_test_add_func("/tiles/bounds", test_bounds);
    g_test_add_func("/tiles/count", test_count);
    g_test_add_func("/tiles/parse", test_parse);
    g_test_add_func("/tiles/png-encoder", test_png_encoder);
    g_test_add_func("/tiles/png-palette", test_png_palette);
    g_test_add_func("/tiles/png-parallel", test_png_parallel);
    g_test_add_func("/tiles/render", test_render_tiles);
    g_test_add_func("/tiles/metatile-seams", test_metatile_seams);
    g_test_add_func("/tiles/labels-across-tiles", test_labels_across_tiles);
    g_test_add_func("/tiles/mbtiles", test_mbtiles);
    g_test_add_func("/tiles/cancel", test_cancel);
    g_test_add_func("/tiles/layer-zoom-ranges", test_layer_zoom_ranges);
    g_test_add_func("/tiles/place-label-style", test_place_label_style);
    g_test_add_func("/tiles/route-min-zoom", test_route_min_zoom);
    g_test_add_func("/tiles/arabic-labels", test_arabic_tile_labels);
    return test_run();
}
