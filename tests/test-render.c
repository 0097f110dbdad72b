/* End-to-end render of the reference scenario through the library: the PNG
 * is decoded and pixels are checked at positions computed independently of
 * the drawing code (geodesic midpoints, projected sites). */
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gdal.h>
#include <glib.h>
#include <ogr_api.h>

#include "convoymap/convoymap.h"
#include "test-support.h"
#include "test-image.h"
#include "style.h"

static cm_context *context;
static cm_geocoder *geocoder;
static cm_map *map;
static cm_route *route;
static cairo_surface_t *image;

typedef struct rgb {
    int r, g, b;
} rgb;

static rgb rgb_from(guint32 value)
{
    return (rgb){(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff};
}

static rgb pixel_at(double x, double y)
{
    return rgb_from(test_pixel(image, (int)floor(x), (int)floor(y)));
}

/* A style colour "#rrggbb" read straight from the style file. */
static rgb style_color(const char *group, const char *key, int palette_index)
{
    return rgb_from(test_style_color(context, group, key, palette_index));
}

static rgb rgb_of(cm_rgba color)
{
    return (rgb){(int)(color.r * 255 + 0.5), (int)(color.g * 255 + 0.5),
                 (int)(color.b * 255 + 0.5)};
}

static void assert_color(const char *what, double x, double y, rgb expected, int tolerance)
{
    rgb got = pixel_at(x, y);
    g_test_message("%s at (%.1f, %.1f): #%02x%02x%02x, expected #%02x%02x%02x", what, x, y,
                   got.r, got.g, got.b, expected.r, expected.g, expected.b);
    if (abs(got.r - expected.r) > tolerance || abs(got.g - expected.g) > tolerance ||
        abs(got.b - expected.b) > tolerance)
        g_error("%s at (%.1f, %.1f) is #%02x%02x%02x, expected #%02x%02x%02x", what, x, y,
                got.r, got.g, got.b, expected.r, expected.g, expected.b);
}

static void project(cm_geo_point p, double *x, double *y)
{
    g_assert_cmpint(cm_map_geo_to_pixel(map, p, x, y), ==, CM_OK);
}

static void test_size(void)
{
    g_assert_cmpint(cairo_image_surface_get_width(image), ==, 1600);
    g_assert_cmpint(cairo_image_surface_get_height(image), ==, 1200);
}

static void test_site_markers(void)
{
    rgb marker = style_color("marker", "color", 0);
    for (size_t i = 0; i < cm_route_n_waypoints(route); i++) {
        double x, y;
        project(cm_route_waypoint(route, i)->position, &x, &y);
        assert_color(cm_route_waypoint(route, i)->name, x, y, marker, 2);
    }
    for (const char *const *q = cm_reference_markers(); *q; q++) {
        cm_place *place;
        g_assert_cmpint(cm_geocoder_lookup(geocoder, *q, &place), ==, CM_OK);
        double x, y;
        project(place->position, &x, &y);
        assert_color(place->name, x, y, marker, 2);
        cm_place_free(place);
    }
}

static void test_route_legs(void)
{
    rgb route_color = style_color("route", "color", 0);
    cm_route_leg leg;
    for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
        /* Points along the middle of each leg, on the true geodesic. */
        for (double t = 0.35; t <= 0.66; t += 0.15) {
            cm_geo_point p = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                                leg.geodesic.distance_m * t);
            double x, y;
            project(p, &x, &y);
            char *what = g_strdup_printf("leg %zu at %.0f%%", i + 1, t * 100);
            assert_color(what, x, y, route_color, 2);
            g_free(what);
        }
    }
}

/* The label of a site, by its text; fails the test when it was not placed. */
static cm_map_label label_of(const char *text)
{
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(map, i, &label); i++)
        if (strcmp(label.text, text) == 0)
            return label;
    g_error("no label '%s' was placed", text);
}

/* Half the extent of a label's turned rectangle along the unit axis. */
static double half_extent(const cm_map_label *label, double ux, double uy)
{
    double angle = label->angle_deg * G_PI / 180;
    double c = cos(angle), s = sin(angle);
    return label->width / 2 * fabs(c * ux + s * uy) + label->height / 2 * fabs(-s * ux + c * uy);
}

/* Whether two placed labels' rectangles share area: no axis among their
 * sides separates them (written here independently of the labeller). */
static gboolean labels_overlap(const cm_map_label *a, const cm_map_label *b)
{
    const double angles[] = {a->angle_deg, a->angle_deg + 90, b->angle_deg, b->angle_deg + 90};
    for (size_t i = 0; i < G_N_ELEMENTS(angles); i++) {
        double ux = cos(angles[i] * G_PI / 180), uy = sin(angles[i] * G_PI / 180);
        double apart = fabs((a->cx - b->cx) * ux + (a->cy - b->cy) * uy);
        if (apart >= half_extent(a, ux, uy) + half_extent(b, ux, uy) - 1e-9)
            return FALSE;
    }
    return TRUE;
}

static void assert_no_label_overlaps(void)
{
    cm_map_label a, b;
    for (size_t i = 0; cm_map_label_get(map, i, &a); i++)
        for (size_t j = i + 1; cm_map_label_get(map, j, &b); j++)
            if (labels_overlap(&a, &b))
                g_error("labels '%s' and '%s' overlap", a.text, b.text);
}

/* Distance in pixels from (x, y) to the nearest point of a label's box. */
static double distance_to_box(const cm_map_label *label, double x, double y)
{
    double dx = MAX(MAX(label->x0 - x, 0), x - label->x1);
    double dy = MAX(MAX(label->y0 - y, 0), y - label->y1);
    return hypot(dx, dy);
}

/* Every waypoint and marked site is labelled next to its marker (without
 * covering it), and no two labels overlap. */
static void test_labels(void)
{
    GPtrArray *sites = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
    for (size_t i = 0; i < cm_route_n_waypoints(route); i++)
        g_ptr_array_add(sites, cm_place_copy(cm_route_waypoint(route, i)));
    for (const char *const *q = cm_reference_markers(); *q; q++) {
        cm_place *place;
        g_assert_cmpint(cm_geocoder_lookup(geocoder, *q, &place), ==, CM_OK);
        g_ptr_array_add(sites, place);
    }
    for (guint i = 0; i < sites->len; i++) {
        const cm_place *site = g_ptr_array_index(sites, i);
        double x, y;
        project(site->position, &x, &y);
        cm_map_label label = label_of(site->name);
        double gap = distance_to_box(&label, x, y);
        g_test_message("%s: label %.1f px from its site", site->name, gap);
        g_assert_cmpfloat(gap, >, 4);
        g_assert_cmpfloat(gap, <, 30);
    }
    g_ptr_array_free(sites, TRUE);
    assert_no_label_overlaps();
    /* Leg labels run along their legs: the first leg climbs to the east
     * north-east on the page, and its label is turned to match. */
    cm_route_leg leg;
    g_assert_true(cm_route_leg_get(route, 0, &leg));
    double x0, y0, x1, y1;
    project(leg.from->position, &x0, &y0);
    project(leg.to->position, &x1, &y1);
    cm_map_label label = label_of("299 km · 073°");
    double leg_angle = atan2(y1 - y0, x1 - x0) * 180 / G_PI;
    g_test_message("leg 1 runs at %.1f° on the page, its label at %.1f°", leg_angle,
                   label.angle_deg);
    g_assert_cmpfloat(leg_angle, <, -5);
    g_assert_cmpfloat(fabs(label.angle_deg - leg_angle), <, 3);
}

/* Iraq's fill: its map colour from the GeoPackage, the palette entry from
 * the style. The test point is the air base's neighbourhood moved 60 km
 * south-west, open desert well inside Iraq and away from labels. */
static void test_iraq_fill(void)
{
    rgb iraq = rgb_from(test_country_fill(context, "IRQ"));
    cm_geo_point inside = {32.6, 42.2};
    double x, y;
    project(inside, &x, &y);
    assert_color("desert in Iraq", x, y, iraq, 2);
}

static void test_sea(void)
{
    rgb sea = style_color("sea", "color", 0);
    /* The eastern Mediterranean off Haifa. */
    cm_geo_point mediterranean = {32.9, 34.75};
    double x, y;
    project(mediterranean, &x, &y);
    assert_color("Mediterranean", x, y, sea, 2);
}

/* Each shipped style, rendered: the sea and the middle of the first leg
 * carry the colours its file gives (read through the style loader, which
 * test-style checks against the files). */
static void test_every_style(void)
{
    const char *names[] = {"night", "grayscale", "colorblind", "briefing"};
    cairo_surface_t *briefing_image = image;
    cm_route_leg leg;
    g_assert_true(cm_route_leg_get(route, 0, &leg));
    cm_geo_point on_route = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                               leg.geodesic.distance_m * 0.4);
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        g_assert_cmpint(cm_map_set_style(map, names[i]), ==, CM_OK);
        cm_style *style = cm_style_load(context, names[i]);
        g_assert_nonnull(style);
        unsigned char *png;
        size_t length;
        g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
        image = test_decode_png(png, length);
        cm_string_free((char *)png);
        double x, y;
        project((cm_geo_point){32.9, 34.75}, &x, &y);
        assert_color(names[i], x, y, rgb_of(style->sea), 2);
        project(on_route, &x, &y);
        assert_color(names[i], x, y, rgb_of(style->route.color), 2);
        cairo_surface_destroy(image);
        cm_style_free(style);
    }
    image = briefing_image;
    g_assert_cmpint(cm_map_set_style(map, "no-such-style"), ==, CM_ERR_INPUT);
}

/* A banner fills strips at the top and bottom with its level's standard
 * colour (or the one given), and moves nothing else off the page. */
static void test_banner(void)
{
    static const struct {
        const char *text, *color;
        rgb expected;
    } banners[] = {
        {"SECRET//NOFORN", NULL, {0xc8, 0x10, 0x2e}},
        {"TOP SECRET//SCI", NULL, {0xff, 0x8c, 0x00}},
        {"CUI", NULL, {0x50, 0x2b, 0x85}},
        {"EXERCISE EXERCISE EXERCISE", "#ffd700", {0xff, 0xd7, 0x00}},
    };
    cairo_surface_t *briefing_image = image;
    for (size_t i = 0; i < G_N_ELEMENTS(banners); i++) {
        g_assert_cmpint(cm_map_set_banner(map, banners[i].text, banners[i].color), ==, CM_OK);
        unsigned char *png;
        size_t length;
        g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
        image = test_decode_png(png, length);
        cm_string_free((char *)png);
        assert_color(banners[i].text, 3, 3, banners[i].expected, 0);
        assert_color(banners[i].text, 1596, 1196, banners[i].expected, 0);
        /* Every site is still on the page, below the banner and title. */
        for (size_t w = 0; w < cm_route_n_waypoints(route); w++) {
            double x, y;
            project(cm_route_waypoint(route, w)->position, &x, &y);
            g_assert_cmpfloat(y, >, 120);
            g_assert_cmpfloat(y, <, 1200 - 100);
        }
        cairo_surface_destroy(image);
    }
    image = briefing_image;
    g_assert_cmpint(cm_map_set_banner(map, "EXERCISE", NULL), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "'EXERCISE'"));
    g_assert_cmpint(cm_map_set_banner(map, "SECRET", "#12345"), ==, CM_ERR_INPUT);
    g_assert_cmpint(cm_map_set_banner(map, NULL, NULL), ==, CM_OK);
}

/* Renders the map once more and checks that no two placed labels overlap. */
static void render_again(void)
{
    unsigned char *png;
    size_t length;
    g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
    cm_string_free((char *)png);
    assert_no_label_overlaps();
}

/* The point of the meridian lon (or the parallel lat) whose pixel y (or x)
 * is target, by bisection along the line; its other pixel coordinate. */
static double line_pixel_at(gboolean meridian, double value, double target)
{
    double lo = meridian ? 20 : 25, hi = meridian ? 45 : 55;
    double x = 0, y = 0;
    for (int i = 0; i < 60; i++) {
        double mid = (lo + hi) / 2;
        project(meridian ? (cm_geo_point){mid, value} : (cm_geo_point){value, mid}, &x, &y);
        /* Up the page is north; across it, east. */
        if (meridian ? y > target : x < target)
            lo = mid;
        else
            hi = mid;
    }
    return meridian ? x : y;
}

/* Graticule labels sit on their lines at the edge of the map area; MGRS
 * square letters sit in their squares. */
static void test_grids(void)
{
    cm_map_set_grid(map, CM_GRID_LATLON);
    render_again();
    cm_map_label label = label_of("42°E");
    double centre_x = (label.x0 + label.x1) / 2, centre_y = (label.y0 + label.y1) / 2;
    g_assert_cmpfloat(fabs(line_pixel_at(TRUE, 42, centre_y) - centre_x), <, 1.5);
    label = label_of("34°N");
    centre_x = (label.x0 + label.x1) / 2;
    centre_y = (label.y0 + label.y1) / 2;
    g_assert_cmpfloat(fabs(line_pixel_at(FALSE, 34, centre_x) - centre_y), <, 1.5);

    cm_map_set_grid(map, CM_GRID_MGRS);
    render_again();
    /* Ayn al-Asad is in square KC of grid zone 38S (GeoConvert: 38SKC...). */
    cm_geo_point square_centre;
    cm_coordinate_kind kind;
    g_assert_cmpint(cm_coordinate_parse(context, "38SKC5000050000", &square_centre, &kind), ==,
                    CM_OK);
    double x, y;
    project(square_centre, &x, &y);
    label = label_of("KC");
    g_assert_cmpfloat(hypot((label.x0 + label.x1) / 2 - x, (label.y0 + label.y1) / 2 - y), <,
                      30);
    label_of("38S");
    label_of("37S");
    cm_map_set_grid(map, CM_GRID_NONE);
    cm_grid_kind parsed;
    g_assert_cmpint(cm_grid_kind_parse(context, "MGRS", &parsed), ==, CM_OK);
    g_assert_cmpint(parsed, ==, CM_GRID_MGRS);
    g_assert_cmpint(cm_grid_kind_parse(context, "utm", &parsed), ==, CM_ERR_INPUT);
}

/* The inset locator map: in a corner clear of the legend, framed, showing
 * the sea and countries, with the map's area outlined in the route colour. */
static void test_inset(void)
{
    double x0, y0, x1, y1;
    g_assert_true(cm_map_inset_box(map, &x0, &y0, &x1, &y1));
    g_test_message("inset at %.0f,%.0f-%.0f,%.0f", x0, y0, x1, y1);
    g_assert_cmpfloat(x1 - x0, ==, round(1600 * 0.18));
    g_assert_cmpfloat(y1 - y0, ==, round(x1 - x0) * 0.75);
    rgb outline = style_color("route", "color", 0), sea = style_color("sea", "color", 0);
    int outline_pixels = 0, sea_pixels = 0;
    for (int y = (int)y0 + 2; y < (int)y1 - 2; y++)
        for (int x = (int)x0 + 2; x < (int)x1 - 2; x++) {
            rgb p = pixel_at(x, y);
            outline_pixels += p.r == outline.r && p.g == outline.g && p.b == outline.b;
            sea_pixels += p.r == sea.r && p.g == sea.g && p.b == sea.b;
        }
    g_test_message("%d outline and %d sea pixels", outline_pixels, sea_pixels);
    g_assert_cmpint(outline_pixels, >, 60);
    g_assert_cmpint(sea_pixels, >, (int)((x1 - x0) * (y1 - y0) / 20));
    /* No label covers it. */
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(map, i, &label); i++)
        g_assert_false(label.x0 < x1 && x0 < label.x1 && label.y0 < y1 && y0 < label.y1);
    cm_map_set_inset(map, 0);
    render_again();
    g_assert_false(cm_map_inset_box(map, &x0, &y0, &x1, &y1));
    cm_map_set_inset(map, 1);
}

static void test_scale(void)
{
    /* Metres per pixel at the centre, measured independently: the geodesic
     * between two sites' pixels compared with their pixel distance. */
    double m_per_px = cm_map_metres_per_pixel(map);
    cm_place *ramadi, *baghdad;
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "Ramadi", &ramadi), ==, CM_OK);
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "Baghdad", &baghdad), ==, CM_OK);
    double x1, y1, x2, y2;
    project(ramadi->position, &x1, &y1);
    project(baghdad->position, &x2, &y2);
    double ground = cm_geodesic_inverse(ramadi->position, baghdad->position).distance_m;
    double pixels = hypot(x2 - x1, y2 - y1);
    /* Conformal projection: the scale varies by well under 1 % over the map. */
    g_assert_cmpfloat(fabs(ground / pixels - m_per_px) / m_per_px, <, 0.01);
    double bar_m, bar_px;
    g_assert_cmpint(cm_map_scale_bar(map, &bar_m, &bar_px), ==, CM_OK);
    g_assert_cmpfloat_with_epsilon(bar_px * m_per_px, bar_m, 1e-6 * bar_m);
    double leading = bar_m / pow(10, floor(log10(bar_m)));
    g_assert_true(leading == 1 || leading == 2 || leading == 5);
    cm_place_free(ramadi);
    cm_place_free(baghdad);
}

static void test_pixel_to_geo_inverts_geo_to_pixel(void)
{
    cm_geo_point asad = cm_route_waypoint(route, cm_route_n_waypoints(route) - 1)->position;
    double x, y;
    project(asad, &x, &y);
    cm_geo_point back;
    g_assert_cmpint(cm_map_pixel_to_geo(map, x, y, &back), ==, CM_OK);
    g_assert_cmpfloat(cm_geodesic_inverse(asad, back).distance_m, <, 0.01);
}

static void test_projection_is_conformal_conic(void)
{
    const char *definition = cm_map_projection(map);
    g_assert_nonnull(strstr(definition, "+proj=lcc"));
}

static void test_svg_and_pdf(void)
{
    unsigned char *data;
    size_t length;
    g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_SVG, &data, &length), ==, CM_OK);
    g_assert_cmpuint(strlen((char *)data), ==, length);
    g_assert_nonnull(strstr((char *)data, "<svg"));
    g_assert_nonnull(strstr((char *)data, "width=\"1600px\""));
    /* Vector: no embedded raster image of the map. */
    g_assert_null(strstr((char *)data, "<image"));
    cm_string_free((char *)data);
    g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PDF, &data, &length), ==, CM_OK);
    g_assert_cmpint(memcmp(data, "%PDF-", 5), ==, 0);
    cm_string_free((char *)data);
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
    const char *const *waypoints = cm_reference_waypoints();
    size_t n = g_strv_length((char **)waypoints);
    g_assert_cmpint(cm_route_new_from_queries(geocoder, "Convoy", waypoints, n, &route), ==,
                    CM_OK);
    map = cm_map_new(context);
    cm_map_add_route(map, route);
    for (const char *const *q = cm_reference_markers(); *q; q++) {
        cm_place *place;
        g_assert_cmpint(cm_geocoder_lookup(geocoder, *q, &place), ==, CM_OK);
        cm_map_add_marker(map, place);
        cm_place_free(place);
    }
    unsigned char *png;
    size_t length;
    if (cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length) != CM_OK)
        g_error("render failed: %s", cm_context_message(context));
    image = test_decode_png(png, length);
    if (g_getenv("CM_TEST_KEEP"))
        cairo_surface_write_to_png(image, g_getenv("CM_TEST_KEEP"));
    cm_string_free((char *)png);

    g_test_add_func("/render/size", test_size);
    g_test_add_func("/render/site-markers", test_site_markers);
    g_test_add_func("/render/route-legs", test_route_legs);
    g_test_add_func("/render/labels", test_labels);
    g_test_add_func("/render/iraq-fill", test_iraq_fill);
    g_test_add_func("/render/sea", test_sea);
    g_test_add_func("/render/every-style", test_every_style);
    g_test_add_func("/render/banner", test_banner);
    g_test_add_func("/render/inset", test_inset);
    g_test_add_func("/render/grids", test_grids);
    g_test_add_func("/render/scale", test_scale);
    g_test_add_func("/render/projection", test_projection_is_conformal_conic);
    g_test_add_func("/render/pixel-to-geo", test_pixel_to_geo_inverts_geo_to_pixel);
    g_test_add_func("/render/svg-and-pdf", test_svg_and_pdf);
    int status = g_test_run();
    cairo_surface_destroy(image);
    cm_map_free(map);
    cm_route_free(route);
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    return status;
}
