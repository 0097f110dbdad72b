/* The map's projection and extent through the library: --crs, --bbox,
 * --center and the cutting of lines at a projection's edge. Expected
 * positions are computed here independently: UTM coordinates from cs2cs,
 * circle points from the geodesic API, box edges from the box. */
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "convoymap/convoymap.h"
#include "render/furniture.h"
#include "test-image.h"
#include "test-support.h"

#define WIDTH 1600
#define HEIGHT 1200

static cm_context *context;
static cm_geocoder *geocoder;

/* Marks the site at lat, lon on map. */
static void mark(cm_map *map, double lat, double lon)
{
    char *query = g_strdup_printf("%.6f,%.6f", lat, lon);
    cm_place *place;
    g_assert_cmpint(cm_geocoder_lookup(geocoder, query, &place), ==, CM_OK);
    cm_map_add_marker(map, place);
    cm_place_free(place);
    g_free(query);
}

/* The map area's top and bottom edges (between the title and bottom bands). */
static void area_edges(double *top, double *bottom)
{
    double top_band, bottom_band;
    cm_furniture_bands(WIDTH, HEIGHT, FALSE, &top_band, &bottom_band);
    *top = top_band;
    *bottom = HEIGHT - bottom_band;
}

static cm_geo_point pixel_to_geo(cm_map *map, double x, double y)
{
    cm_geo_point p;
    g_assert_cmpint(cm_map_pixel_to_geo(map, x, y, &p), ==, CM_OK);
    return p;
}

static void geo_to_pixel(cm_map *map, double lat, double lon, double *x, double *y)
{
    g_assert_cmpint(cm_map_geo_to_pixel(map, (cm_geo_point){lat, lon}, x, y), ==, CM_OK);
}

/* In plate carrée the box is a rectangle: the area's edges are its edges. */
static void test_bbox_plate_carree(void)
{
    cm_map *map = cm_map_new(context);
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:4326"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){38, 29, 48, 37}), ==, CM_OK);
    g_assert_cmpint(cm_map_layout(map), ==, CM_OK);
    g_assert_nonnull(strstr(cm_map_projection(map), "+proj=eqc"));
    double top, bottom;
    area_edges(&top, &bottom);
    /* 10° by 8° in a wider area: north and south touch the bands. */
    g_assert_cmpfloat(fabs(pixel_to_geo(map, WIDTH / 2.0, top).lat - 37), <, 1e-6);
    g_assert_cmpfloat(fabs(pixel_to_geo(map, WIDTH / 2.0, bottom).lat - 29), <, 1e-6);
    cm_geo_point centre = pixel_to_geo(map, WIDTH / 2.0, (top + bottom) / 2);
    g_assert_cmpfloat(fabs(centre.lat - 33), <, 1e-6);
    g_assert_cmpfloat(fabs(centre.lon - 43), <, 1e-6);
    /* A degree of longitude as long as one of latitude. */
    double half_lon = (WIDTH / 2.0) / ((bottom - top) / 8);
    g_assert_cmpfloat(fabs(pixel_to_geo(map, 0, top).lon - (43 - half_lon)), <, 1e-6);
    g_assert_cmpfloat(fabs(pixel_to_geo(map, WIDTH, bottom).lon - (43 + half_lon)), <, 1e-6);
    g_assert_cmpfloat(fabs(pixel_to_geo(map, WIDTH, top).lat - 37), <, 1e-6);
    cm_map_free(map);
}

/* In the automatic (conic) projection the box's edges are curves: all of
 * them lie inside the area, the box touches two opposite sides of it, and
 * its middle is the area's. */
static void test_bbox_automatic(void)
{
    cm_map *map = cm_map_new(context);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){38, 29, 48, 37}), ==, CM_OK);
    g_assert_nonnull(strstr(cm_map_projection(map), "+proj=lcc"));
    double top, bottom;
    area_edges(&top, &bottom);
    double min_x = HUGE_VAL, max_x = -HUGE_VAL, min_y = HUGE_VAL, max_y = -HUGE_VAL;
    for (int k = 0; k <= 100; k++) {
        double t = k / 100.0;
        const double edges[4][2] = {{29, 38 + 10 * t}, {37, 38 + 10 * t}, {29 + 8 * t, 38},
                                    {29 + 8 * t, 48}};
        for (int e = 0; e < 4; e++) {
            double x, y;
            geo_to_pixel(map, edges[e][0], edges[e][1], &x, &y);
            min_x = MIN(min_x, x);
            max_x = MAX(max_x, x);
            min_y = MIN(min_y, y);
            max_y = MAX(max_y, y);
        }
    }
    g_assert_cmpfloat(min_x, >=, -0.5);
    g_assert_cmpfloat(max_x, <=, WIDTH + 0.5);
    g_assert_cmpfloat(min_y, >=, top - 0.5);
    g_assert_cmpfloat(max_y, <=, bottom + 0.5);
    gboolean spans_height = fabs(min_y - top) < 0.5 && fabs(max_y - bottom) < 0.5;
    gboolean spans_width = fabs(min_x) < 0.5 && fabs(max_x - WIDTH) < 0.5;
    g_assert_true(spans_height || spans_width);
    g_assert_cmpfloat(fabs((min_x + max_x) / 2 - WIDTH / 2.0), <, 0.5);
    g_assert_cmpfloat(fabs((min_y + max_y) / 2 - (top + bottom) / 2), <, 0.5);
    cm_map_free(map);
}

/* West above east: the box from 170°E to 170°W crosses the antimeridian
 * and is 20° wide, not 340°. */
static void test_bbox_across_antimeridian(void)
{
    cm_map *map = cm_map_new(context);
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:4326"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){170, -20, -170, -10}), ==, CM_OK);
    double top, bottom;
    area_edges(&top, &bottom);
    cm_geo_point centre = pixel_to_geo(map, WIDTH / 2.0, (top + bottom) / 2);
    g_assert_cmpfloat(fabs(remainder(centre.lon - 180, 360)), <, 1e-6);
    g_assert_cmpfloat(fabs(centre.lat + 15), <, 1e-6);
    double x_west, x_east, y;
    geo_to_pixel(map, -15, 170, &x_west, &y);
    geo_to_pixel(map, -15, -170, &x_east, &y);
    g_assert_cmpfloat(fabs(x_west), <, 1e-6);
    g_assert_cmpfloat(fabs(x_east - WIDTH), <, 1e-6);
    cm_map_free(map);
}

/* 100 km north, east, south and west of the centre (geodesic direct) lie
 * inside the area; north and south touch its top and bottom, the shorter
 * sides' direction on a landscape page. */
static void test_center_radius(void)
{
    cm_map *map = cm_map_new(context);
    cm_geo_point centre = {33.3, 44.4};
    g_assert_cmpint(cm_map_set_center(map, centre.lat, centre.lon, 100), ==, CM_OK);
    double top, bottom;
    area_edges(&top, &bottom);
    double cx, cy;
    geo_to_pixel(map, centre.lat, centre.lon, &cx, &cy);
    g_assert_cmpfloat(fabs(cx - WIDTH / 2.0), <, 1e-6);
    g_assert_cmpfloat(fabs(cy - (top + bottom) / 2), <, 1e-6);
    double px[4], py[4];
    for (int i = 0; i < 4; i++) {
        cm_geo_point p = cm_geodesic_direct(centre, 90.0 * i, 100000);
        geo_to_pixel(map, p.lat, p.lon, &px[i], &py[i]);
        g_assert_cmpfloat(px[i], >=, 0);
        g_assert_cmpfloat(px[i], <=, WIDTH);
        g_assert_cmpfloat(py[i], >=, top - 0.5);
        g_assert_cmpfloat(py[i], <=, bottom + 0.5);
    }
    g_assert_cmpfloat(fabs(py[0] - top), <, 0.01 * (bottom - top));
    g_assert_cmpfloat(fabs(py[2] - bottom), <, 0.01 * (bottom - top));
    /* East and west well inside the longer side. */
    g_assert_cmpfloat(px[1], <, WIDTH * 0.9);
    g_assert_cmpfloat(px[3], >, WIDTH * 0.1);
    /* 100 km across the area's half height, measured on the ground. */
    g_assert_cmpfloat(fabs(cm_map_metres_per_pixel(map) * (bottom - top) / 2 - 100000), <,
                      1000);
    cm_map_free(map);
}

/* UTM zone 38N: pixels are an affine image of the UTM coordinates cs2cs
 * gives (echo "LAT LON" | cs2cs EPSG:4326 EPSG:32638), one scale on both
 * axes, north up. */
static void test_crs_utm(void)
{
    static const struct {
        double lat, lon, easting, northing;
    } points[] = {
        {33.3, 44.4, 444140.5449, 3684706.3555},
        {36.0, 42.0, 229578.6300, 3988111.9623},
        {30.5, 47.8, 768741.7159, 3377525.9835},
    };
    cm_map *map = cm_map_new(context);
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:32638"), ==, CM_OK);
    for (size_t i = 0; i < G_N_ELEMENTS(points); i++)
        mark(map, points[i].lat, points[i].lon);
    g_assert_nonnull(strstr(cm_map_projection(map), "+zone=38"));
    double x[3], y[3];
    for (int i = 0; i < 3; i++)
        geo_to_pixel(map, points[i].lat, points[i].lon, &x[i], &y[i]);
    double scale = (x[1] - x[0]) / (points[1].easting - points[0].easting);
    g_assert_cmpfloat(scale, >, 0);
    g_assert_cmpfloat(fabs(-(y[1] - y[0]) / (points[1].northing - points[0].northing) - scale),
                      <, 1e-9);
    g_assert_cmpfloat(fabs(x[0] + (points[2].easting - points[0].easting) * scale - x[2]), <,
                      0.01);
    g_assert_cmpfloat(fabs(y[0] - (points[2].northing - points[0].northing) * scale - y[2]), <,
                      0.01);
    cm_geo_point back = pixel_to_geo(map, x[2], y[2]);
    g_assert_cmpfloat(cm_geodesic_inverse(back, (cm_geo_point){30.5, 47.8}).distance_m, <,
                      0.01);
    cm_map_free(map);
}

static cairo_surface_t *render(cm_map *map)
{
    unsigned char *png;
    size_t length;
    if (cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length) != CM_OK)
        g_error("render failed: %s", cm_context_message(context));
    cairo_surface_t *image = test_decode_png(png, length);
    cm_free((void *)png);
    return image;
}

/* Pixels of the route's colour in the rows y0..y1 of columns across the
 * map area. */
static int route_pixels(cairo_surface_t *image, double y0, double y1)
{
    guint32 red = test_style_color(context, "route", "color", 0);
    int count = 0;
    for (int x = 100; x < WIDTH - 100; x += 50)
        for (int y = (int)MAX(y0, 0); y <= (int)MIN(y1, HEIGHT - 1); y++) {
            guint32 p = test_pixel(image, x, y);
            if (abs((int)(p >> 16) - (int)(red >> 16)) < 8 &&
                abs((int)((p >> 8) & 255) - (int)((red >> 8) & 255)) < 8 &&
                abs((int)(p & 255) - (int)(red & 255)) < 8)
                count++;
        }
    return count;
}

/* A world map in plate carrée centred on 60°E, whose edge is 120°W: a route
 * from 110°W to 130°W crosses it and must not be drawn across the page
 * (both its ends lie beyond the map's sides); the same route moved to the
 * middle of the map is drawn, so the check can see a route. */
static void test_cut_at_antimeridian(void)
{
    const char *specs[] = {"50,-110 > 50,-130", "50,10 > 50,30"};
    for (int i = 0; i < 2; i++) {
        cm_route *route;
        g_assert_cmpint(cm_route_parse(geocoder, specs[i], &route), ==, CM_OK);
        cm_map *map = cm_map_new(context);
        cm_map_set_inset(map, FALSE);
        g_assert_cmpint(cm_map_set_crs(map, "EPSG:4326"), ==, CM_OK);
        g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){-30, -60, 150, 80}), ==, CM_OK);
        cm_map_add_route(map, route);
        double x, y_low, y_high;
        geo_to_pixel(map, 49.5, 60, &x, &y_low);
        geo_to_pixel(map, 51.5, 60, &x, &y_high);
        cairo_surface_t *image = render(map);
        int count = route_pixels(image, y_high, y_low);
        g_test_message("%s: %d route pixels", specs[i], count);
        if (i == 0)
            g_assert_cmpint(count, ==, 0);
        else
            g_assert_cmpint(count, >, 0);
        cairo_surface_destroy(image);
        cm_map_free(map);
        cm_route_free(route);
    }
}

/* UTM 38N over Iraq: a route to Tokyo leaves the page, then UTM's valid
 * area (90° from the central meridian, 45°E); nothing of it comes back
 * onto the page, and its start is drawn. */
static void test_cut_at_utm_edge(void)
{
    cm_route *route;
    g_assert_cmpint(cm_route_parse(geocoder, "33.3,44.4 > 35.7,139.7", &route), ==, CM_OK);
    cm_map *map = cm_map_new(context);
    cm_map_set_inset(map, FALSE);
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:32638"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){38, 29, 48, 37}), ==, CM_OK);
    cm_map_add_route(map, route);
    cairo_surface_t *image = render(map);
    double top, bottom;
    area_edges(&top, &bottom);
    /* The route runs north-east from Baghdad: below Baghdad's row there
     * is none of it. */
    double bx, by;
    geo_to_pixel(map, 33.3, 44.4, &bx, &by);
    g_assert_cmpint(route_pixels(image, by + 12, bottom - 1), ==, 0);
    g_assert_cmpint(route_pixels(image, top, by), >, 0);
    cairo_surface_destroy(image);
    cm_map_free(map);
    cm_route_free(route);
}

/* A box alone makes a map of the basemap: Iraq's desert has Iraq's fill. */
static void test_basemap_only(void)
{
    cm_map *map = cm_map_new(context);
    g_assert_cmpint(cm_map_layout(map), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "no route and no site"));
    /* The Anbar desert, 50 km round; the check samples a lattice, most of
     * which no line or label covers. */
    g_assert_cmpint(cm_map_set_center(map, 32.5, 42.0, 50), ==, CM_OK);
    cairo_surface_t *image = render(map);
    guint32 iraq = test_country_fill(context, "IRQ");
    int filled = 0;
    for (int i = 1; i < 10; i++)
        for (int j = 1; j < 10; j++)
            filled += test_pixel(image, WIDTH * i / 10, HEIGHT * j / 10) == iraq;
    g_assert_cmpint(filled, >, 50);
    cairo_surface_destroy(image);
    cm_map_free(map);
}

/* Pixels of colour in a 9 x 9 lattice, 2 pixels apart, round the pixel of
 * lat, lon on map's image. */
static int fill_around(cm_map *map, cairo_surface_t *image, double lat, double lon,
                       guint32 colour)
{
    double x, y;
    geo_to_pixel(map, lat, lon, &x, &y);
    int count = 0;
    for (int i = -4; i <= 4; i++)
        for (int j = -4; j <= 4; j++)
            count += test_pixel(image, (int)x + 2 * i, (int)y + 2 * j) == colour;
    return count;
}

/* A polar stereographic map round the North Pole: the frame's edges reach
 * down to about 40°N only at their middles, yet the pole is in view, so
 * Norway, Sweden and Greenland (which reach past the edges' latitudes)
 * are read and filled, not left as sea, and countries are named. */
static void test_polar_countries(void)
{
    cm_map *map = cm_map_new(context);
    cm_map_set_inset(map, FALSE);
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:3995"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_center(map, 90, 0, 3000), ==, CM_OK);
    cairo_surface_t *image = render(map);
    /* Inland Norway (Finnmarksvidda), Sweden (Norrland) and
     * Greenland's ice sheet. */
    int norway = fill_around(map, image, 69.4, 24.0, test_country_fill(context, "NOR"));
    int sweden = fill_around(map, image, 64.5, 17.5, test_country_fill(context, "SWE"));
    int greenland = fill_around(map, image, 72.0, -40.0, test_country_fill(context, "GRL"));
    g_test_message("Norway %d, Sweden %d, Greenland %d of 81", norway, sweden, greenland);
    g_assert_cmpint(norway, >, 60);
    g_assert_cmpint(sweden, >, 60);
    g_assert_cmpint(greenland, >, 60);
    /* And named: the view round the pole is a box in lon/lat. */
    gboolean named = FALSE;
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(map, i, &label); i++)
        named = named || strcmp(label.text, "GREENLAND") == 0;
    g_assert_true(named);
    cairo_surface_destroy(image);
    cm_map_free(map);
}

/* UTM 38N stretched to 20°E..100°E: India and China reach where the
 * projection breaks down far east of the frame; uncut, their fills came
 * back as wedges over the Arabian Sea and the Bay of Bengal. */
static void test_fill_past_utm_edge(void)
{
    cm_map *map = cm_map_new(context);
    cm_map_set_inset(map, FALSE);
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:32638"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){20, 0, 100, 60}), ==, CM_OK);
    cairo_surface_t *image = render(map);
    guint32 sea = test_style_color(context, "sea", "color", 0);
    int arabian = fill_around(map, image, 8.0, 66.0, sea);
    int bengal = fill_around(map, image, 14.0, 88.0, sea);
    int india = fill_around(map, image, 22.0, 78.0, test_country_fill(context, "IND"));
    g_test_message("Arabian Sea %d, Bay of Bengal %d, India %d of 81", arabian, bengal, india);
    g_assert_cmpint(arabian, >, 70);
    g_assert_cmpint(bengal, >, 70);
    g_assert_cmpint(india, >, 50);
    cairo_surface_destroy(image);
    cm_map_free(map);
}

static void expect_error(cm_status status, const char *fragment)
{
    g_assert_cmpint(status, ==, CM_ERR_INPUT);
    g_test_message("%s", cm_context_message(context));
    g_assert_nonnull(strstr(cm_context_message(context), fragment));
}

static void test_bad_input(void)
{
    cm_map *map = cm_map_new(context);
    expect_error(cm_map_set_crs(map, "EPSG:99999"), "CRS 'EPSG:99999' is not");
    expect_error(cm_map_set_crs(map, "+proj=nosuch"), "CRS '+proj=nosuch'");
    expect_error(cm_map_set_crs(map, "EPSG:4978"), "geocentric");
    expect_error(cm_map_set_crs(map, "EPSG:5703"), "vertical");
    expect_error(cm_map_set_crs(map, ""), "CRS ''");
    expect_error(cm_map_set_bbox(map, &(cm_bbox){38, 37, 48, 29}), "south 37 is not below north 29");
    expect_error(cm_map_set_bbox(map, &(cm_bbox){38, 29, 48, 95}), "latitude 95");
    expect_error(cm_map_set_bbox(map, &(cm_bbox){38, 29, 190, 37}), "longitude 190");
    expect_error(cm_map_set_bbox(map, &(cm_bbox){38, 29, 38, 37}), "no width");
    expect_error(cm_map_set_center(map, 33, 44, 0), "radius 0 km");
    expect_error(cm_map_set_center(map, 33, 44, 50000), "radius 50000 km");
    expect_error(cm_map_set_center(map, 95, 44, 10), "centre 95,44");
    expect_error(cm_map_fit_content(map, 0.5), "margin 50%");
    /* Mercator cannot reach the pole. */
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:3857"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){-10, 60, 10, 90}), ==, CM_OK);
    expect_error(cm_map_layout(map), "reaches past the area");
    /* A rejected CRS leaves the map's own. */
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:32638"), ==, CM_OK);
    g_assert_cmpint(cm_map_set_crs(map, "EPSG:99999"), ==, CM_ERR_INPUT);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){38, 29, 48, 37}), ==, CM_OK);
    g_assert_nonnull(strstr(cm_map_projection(map), "+zone=38"));
    cm_map_free(map);
}

/* A smaller margin shows the same routes larger. */
static void test_margin(void)
{
    cm_map *map = cm_map_new(context);
    mark(map, 32, 38);
    mark(map, 34, 44);
    double x0, y0, x1, y1;
    geo_to_pixel(map, 32, 38, &x0, &y0);
    geo_to_pixel(map, 34, 44, &x1, &y1);
    /* Wider than tall: the default 12 % margin on the left and right. */
    g_assert_cmpfloat(fabs(MIN(x0, x1) - 0.12 * WIDTH), <, 1);
    g_assert_cmpint(cm_map_fit_content(map, 0.02), ==, CM_OK);
    geo_to_pixel(map, 32, 38, &x0, &y0);
    geo_to_pixel(map, 34, 44, &x1, &y1);
    g_assert_cmpfloat(fabs(MIN(x0, x1) - 0.02 * WIDTH), <, 1);
    g_assert_cmpfloat(fabs(MAX(x0, x1) - 0.98 * WIDTH), <, 1);
    cm_map_free(map);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    geocoder = test_geocoder();
    g_test_add_func("/extent/bbox-plate-carree", test_bbox_plate_carree);
    g_test_add_func("/extent/bbox-automatic", test_bbox_automatic);
    g_test_add_func("/extent/bbox-across-antimeridian", test_bbox_across_antimeridian);
    g_test_add_func("/extent/center-radius", test_center_radius);
    g_test_add_func("/extent/crs-utm", test_crs_utm);
    g_test_add_func("/extent/cut-at-antimeridian", test_cut_at_antimeridian);
    g_test_add_func("/extent/cut-at-utm-edge", test_cut_at_utm_edge);
    g_test_add_func("/extent/basemap-only", test_basemap_only);
    g_test_add_func("/extent/polar-countries", test_polar_countries);
    g_test_add_func("/extent/fill-past-utm-edge", test_fill_past_utm_edge);
    g_test_add_func("/extent/bad-input", test_bad_input);
    g_test_add_func("/extent/margin", test_margin);
    return test_run();
}
