/* End-to-end render of the reference scenario through the library: the PNG
 * is decoded and pixels are checked at positions computed independently of
 * the drawing code (geodesic midpoints, projected sites). */
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gdal.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <ogr_api.h>
#include <pango/pangocairo.h>

#include "convoymap/convoymap.h"
#include "test-support.h"
#include "test-image.h"
#include "render/style.h"

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
    for (size_t i = 0; i < cm_route_waypoint_count(route); i++) {
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
    for (size_t i = 0; i < cm_route_waypoint_count(route); i++)
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

/* The shared map rendered as a PNG and decoded; the caller destroys the
 * surface. */
static cairo_surface_t *render_decoded(void)
{
    unsigned char *png;
    size_t length;
    g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
    cairo_surface_t *decoded = test_decode_png(png, length);
    cm_free((void *)png);
    return decoded;
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
        image = render_decoded();
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
        image = render_decoded();
        assert_color(banners[i].text, 3, 3, banners[i].expected, 0);
        assert_color(banners[i].text, 1596, 1196, banners[i].expected, 0);
        /* Every site is still on the page, below the banner and title. */
        for (size_t w = 0; w < cm_route_waypoint_count(route); w++) {
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
    cm_free((void *)png);
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
    cm_geo_point asad = cm_route_waypoint(route, cm_route_waypoint_count(route) - 1)->position;
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

/* Renders the map in labels and returns a copy of each placed label's
 * text (a GStrv the caller frees with g_strfreev()). */
static char **render_labels(cm_label_language labels)
{
    cm_map_set_labels(map, labels);
    unsigned char *png;
    size_t length;
    g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
    cm_free((void *)png);
    GPtrArray *texts = g_ptr_array_new();
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(map, i, &label); i++)
        g_ptr_array_add(texts, g_strdup(label.text));
    g_ptr_array_add(texts, NULL);
    return (char **)g_ptr_array_free(texts, FALSE);
}

/* How many glyphs of text the font has no glyph for (drawn as boxes). */
static int missing_glyphs(const char *font, const char *text)
{
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create(surface);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, description);
    pango_layout_set_text(layout, text, -1);
    int missing = pango_layout_get_unknown_glyphs_count(layout);
    pango_font_description_free(description);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return missing;
}

/* --labels ar and both: the Arabic names replace or join the English ones,
 * every placed label keeps clear of the others at its real (two-line) size,
 * the style's fonts have every glyph, and en is the default again. */
static void test_label_languages(void)
{
    char **english = render_labels(CM_LABELS_EN);
    cm_map_label ramadi = label_of("Ramadi");
    g_assert_true(g_strv_contains((const char *const *)english, "IRAQ"));

    char **arabic = render_labels(CM_LABELS_AR);
    assert_no_label_overlaps();
    const char *const arabic_names[] = {"الرمادي", "بغداد", "عمان", "الرطبة", "طريبيل",
                                        "قاعدة عين الأسد", "العراق", "الأردن"};
    for (size_t i = 0; i < G_N_ELEMENTS(arabic_names); i++)
        if (!g_strv_contains((const char *const *)arabic, arabic_names[i]))
            g_error("no label '%s' with --labels ar", arabic_names[i]);
    g_assert_false(g_strv_contains((const char *const *)arabic, "Ramadi"));
    g_assert_false(g_strv_contains((const char *const *)arabic, "IRAQ"));
    /* Read right to left, a name starts beside its marker on the left
     * where there is room, as the English one does on the right. */
    cm_place *place;
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "Ramadi", &place), ==, CM_OK);
    double x, y;
    project(place->position, &x, &y);
    cm_place_free(place);
    cm_map_label ramadi_ar = label_of("الرمادي");
    g_test_message("Ramadi at x %.1f: English label %.1f..%.1f, Arabic %.1f..%.1f", x,
                   ramadi.x0, ramadi.x1, ramadi_ar.x0, ramadi_ar.x1);
    g_assert_cmpfloat(ramadi.x0, >, x);
    g_assert_cmpfloat(ramadi_ar.x1, <, x);
    cm_style *style = cm_style_load(context, "briefing");
    for (char **text = arabic; *text; text++) {
        g_assert_cmpint(missing_glyphs(style->waypoint_font, *text), ==, 0);
        g_assert_cmpint(missing_glyphs(style->label_font, *text), ==, 0);
        g_assert_cmpint(missing_glyphs(style->country_label_font, *text), ==, 0);
    }
    cm_style_free(style);

    char **both = render_labels(CM_LABELS_BOTH);
    assert_no_label_overlaps();
    g_assert_true(g_strv_contains((const char *const *)both, "Ramadi\nالرمادي"));
    g_assert_true(g_strv_contains((const char *const *)both, "IRAQ\nالعراق"));
    /* The collision box holds both lines. */
    cm_map_label bilingual = label_of("Ramadi\nالرمادي");
    g_test_message("Ramadi: %.1f x %.1f px, bilingual %.1f x %.1f px", ramadi.width,
                   ramadi.height, bilingual.width, bilingual.height);
    g_assert_cmpfloat(bilingual.height, >, 1.7 * ramadi.height);
    g_assert_cmpfloat(bilingual.width, >=, ramadi.width);

    char **again = render_labels(CM_LABELS_EN);
    g_assert_cmpuint(g_strv_length(again), ==, g_strv_length(english));
    for (size_t i = 0; english[i]; i++)
        g_assert_cmpstr(again[i], ==, english[i]);
    g_strfreev(english);
    g_strfreev(arabic);
    g_strfreev(both);
    g_strfreev(again);
}

/* The crossing's label takes the map's label language like a waypoint's:
 * its Arabic name (the posts' Arabic names) with --labels ar, both on two
 * lines with --labels both. */
static void test_crossing_label_languages(void)
{
    cm_crossing_list *crossings;
    g_assert_cmpint(cm_route_find_crossings(context, route, geocoder, &crossings), ==, CM_OK);
    cm_map *m = cm_map_new(context);
    cm_map_add_route(m, route);
    cm_map_add_crossings(m, crossings);
    cm_crossing_list_free(crossings);
    const struct {
        cm_label_language language;
        const char *label, *absent;
    } cases[] = {
        {CM_LABELS_EN, "JOR → IRQ Al-Karamah / Trebil", "الكرامة / طريبيل"},
        {CM_LABELS_AR, "الكرامة / طريبيل", "JOR → IRQ Al-Karamah / Trebil"},
        {CM_LABELS_BOTH, "JOR → IRQ Al-Karamah / Trebil\nالكرامة / طريبيل", "الكرامة / طريبيل"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        cm_map_set_labels(m, cases[i].language);
        unsigned char *png;
        size_t length;
        g_assert_cmpint(cm_map_render_memory(m, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
        cm_free((void *)png);
        gboolean found = FALSE;
        cm_map_label label;
        for (size_t l = 0; cm_map_label_get(m, l, &label); l++) {
            found = found || strcmp(label.text, cases[i].label) == 0;
            g_assert_cmpstr(label.text, !=, cases[i].absent);
        }
        if (!found)
            g_error("no crossing label '%s'", cases[i].label);
    }
    cm_map_free(m);
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
    cm_free((void *)data);
    g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PDF, &data, &length), ==, CM_OK);
    g_assert_cmpint(memcmp(data, "%PDF-", 5), ==, 0);
    cm_free((void *)data);
}

/* Renders the map in a style written from text (a file in a scratch
 * directory) into image, the previous image freed; the caller restores
 * the briefing style. */
static void render_with_style(const char *text)
{
    char *dir = g_dir_make_tmp("convoymap-render-XXXXXX", NULL);
    char *path = g_build_filename(dir, "test.ini", NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    if (cm_map_set_style(map, path) != CM_OK)
        g_error("%s", cm_context_message(context));
    cairo_surface_destroy(image);
    image = render_decoded();
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}

static void restore_briefing(void)
{
    g_assert_cmpint(cm_map_set_style(map, "briefing"), ==, CM_OK);
    cairo_surface_destroy(image);
    image = render_decoded();
}

/* The outline of province name (admin1), as GDAL reads it from the
 * GeoPackage; the caller destroys it with OGR_G_DestroyGeometry(). */
static OGRGeometryH province_outline(const char *name)
{
    char *path = g_build_filename(cm_context_data_dir(context), "geodata", "world.gpkg", NULL);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(dataset);
    OGRLayerH layer = GDALDatasetGetLayerByName(dataset, "admin1");
    g_assert_nonnull(layer);
    char **parts = g_strsplit(name, "'", -1);
    char *quoted = g_strjoinv("''", parts);
    char *filter = g_strdup_printf("name = '%s'", quoted);
    g_free(quoted);
    g_strfreev(parts);
    g_assert_cmpint(OGR_L_SetAttributeFilter(layer, filter), ==, OGRERR_NONE);
    OGRFeatureH feature = OGR_L_GetNextFeature(layer);
    g_assert_nonnull(feature);
    OGRGeometryH outline = OGR_G_Clone(OGR_F_GetGeometryRef(feature));
    OGR_F_Destroy(feature);
    GDALClose(dataset);
    g_free(filter);
    g_free(path);
    return outline;
}

/* Province names go inside their province: every corner and edge middle
 * of the label's box, taken back to lon/lat, lies in the province's
 * outline. Al-Anbar (the route's Iraqi half) and Karbala' are named; the
 * province of Amman is not, beside the waypoint named Amman. */
static void test_province_labels(void)
{
    const char *names[] = {"Al-Anbar", "Karbala'"};
    for (size_t n = 0; n < G_N_ELEMENTS(names); n++) {
        cm_map_label label = label_of(names[n]);
        OGRGeometryH outline = province_outline(names[n]);
        double xs[] = {label.x0, (label.x0 + label.x1) / 2, label.x1};
        double ys[] = {label.y0, (label.y0 + label.y1) / 2, label.y1};
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                cm_geo_point p;
                g_assert_cmpint(cm_map_pixel_to_geo(map, xs[i], ys[j], &p), ==, CM_OK);
                OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
                OGR_G_SetPoint_2D(point, 0, p.lon, p.lat);
                if (!OGR_G_Contains(outline, point))
                    g_error("label '%s': (%.0f, %.0f) = %.4f, %.4f lies outside the province",
                            names[n], xs[i], ys[j], p.lat, p.lon);
                OGR_G_DestroyGeometry(point);
            }
        OGR_G_DestroyGeometry(outline);
    }
    size_t amman = 0;
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(map, i, &label); i++)
        amman += strcmp(label.text, "Amman") == 0;
    g_assert_cmpuint(amman, ==, 1);
}

/* Province names show only where the province lines do: none when the
 * style's admin1 min-zoom lies above the map's zoom. */
static void test_province_labels_follow_layer(void)
{
    render_with_style("[style]\ninherits=briefing\n[admin1]\nmin-zoom=20\n");
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(map, i, &label); i++)
        g_assert_cmpstr(label.text, !=, "Al-Anbar");
    restore_briefing();
    label_of("Al-Anbar");
}

/* How much darker than the fill the pixels round the line (of projected
 * boundary points xs, ys, n of them) are in image, summed: each pixel
 * within a pixel of a point sampled every quarter pixel counts once. */
static double ink_along(cairo_surface_t *surface, const double *xs, const double *ys, int n,
                        rgb fill)
{
    int width = cairo_image_surface_get_width(surface);
    int height = cairo_image_surface_get_height(surface);
    guint8 *seen = g_new0(guint8, (size_t)width * (size_t)height);
    double fill_sum = fill.r + fill.g + fill.b, ink = 0;
    for (int i = 0; i + 1 < n; i++) {
        double length = hypot(xs[i + 1] - xs[i], ys[i + 1] - ys[i]);
        for (double t = 0; t < length; t += 0.25) {
            int cx = (int)floor(xs[i] + (xs[i + 1] - xs[i]) * t / length);
            int cy = (int)floor(ys[i] + (ys[i + 1] - ys[i]) * t / length);
            for (int y = cy - 1; y <= cy + 1; y++)
                for (int x = cx - 1; x <= cx + 1; x++) {
                    if (x < 0 || y < 0 || x >= width || y >= height ||
                        seen[(size_t)y * (size_t)width + (size_t)x])
                        continue;
                    seen[(size_t)y * (size_t)width + (size_t)x] = 1;
                    rgb c = rgb_from(test_pixel(surface, x, y));
                    ink += MAX(0.0, fill_sum - (c.r + c.g + c.b));
                }
        }
    }
    g_free(seen);
    return ink;
}

/* A boundary two provinces share is dashed once: its dashes cover as much
 * of it as the style's dash pattern does (on / (on + off), round ends
 * included), not more, as two patterns at different phases, one from each
 * province's outline, did. Measured as the ink along the middle of the
 * Al-Anbar / Ninawa boundary against the same boundary drawn solid. */
static void test_shared_boundary_dashed_once(void)
{
    OGRGeometryH anbar = province_outline("Al-Anbar"), ninawa = province_outline("Ninawa");
    OGRGeometryH shared = OGR_G_Intersection(anbar, ninawa);
    g_assert_nonnull(shared);
    OGRGeometryH line = OGR_G_ForceToLineString(shared);
    g_assert_cmpint(wkbFlatten(OGR_G_GetGeometryType(line)), ==, wkbLineString);
    int n = OGR_G_GetPointCount(line);
    g_assert_cmpint(n, >=, 2);
    double *all_x = g_new(double, n), *all_y = g_new(double, n), total = 0;
    for (int i = 0; i < n; i++) {
        project((cm_geo_point){OGR_G_GetY(line, i), OGR_G_GetX(line, i)}, &all_x[i], &all_y[i]);
        if (i > 0)
            total += hypot(all_x[i] - all_x[i - 1], all_y[i] - all_y[i - 1]);
    }
    g_test_message("Al-Anbar / Ninawa: %d points, %.0f px", n, total);
    g_assert_cmpfloat(total, >, 100);
    /* The middle half, away from the corners where a third province
     * meets the two. */
    double *xs = g_new(double, n + 2), *ys = g_new(double, n + 2), along = 0;
    int count = 0;
    for (int i = 0; i + 1 < n; i++) {
        double length = hypot(all_x[i + 1] - all_x[i], all_y[i + 1] - all_y[i]);
        double t0 = CLAMP((total / 4 - along) / length, 0, 1);
        double t1 = CLAMP((3 * total / 4 - along) / length, 0, 1);
        if (t1 > t0) {
            if (count == 0) {
                xs[count] = all_x[i] + t0 * (all_x[i + 1] - all_x[i]);
                ys[count++] = all_y[i] + t0 * (all_y[i + 1] - all_y[i]);
            }
            xs[count] = all_x[i] + t1 * (all_x[i + 1] - all_x[i]);
            ys[count++] = all_y[i] + t1 * (all_y[i + 1] - all_y[i]);
        }
        along += length;
    }
    g_free(all_x);
    g_free(all_y);
    const char *layers = "[style]\ninherits=briefing\n[map]\nlayers=countries;admin1\n";
    char *dashed = g_strconcat(layers, "[admin1]\nwidth=0.7\ndash=4,3\n", NULL);
    /* Dashes longer than the map: a solid line that is drawn as a dashed
     * one. */
    char *solid = g_strconcat(layers, "[admin1]\nwidth=0.7\ndash=1000,1\n", NULL);
    rgb fill = rgb_from(test_country_fill(context, "IRQ"));
    render_with_style(dashed);
    double dashed_ink = ink_along(image, xs, ys, count, fill);
    render_with_style(solid);
    double solid_ink = ink_along(image, xs, ys, count, fill);
    restore_briefing();
    double expected = (4 + 0.7) / (4 + 3);
    g_test_message("dashed / solid ink along %d points: %.3f (one pattern: %.3f)", count,
                   dashed_ink / solid_ink, expected);
    g_assert_cmpfloat(solid_ink, >, 0);
    /* Twice dashed, it read 0.76. */
    g_assert_cmpfloat(fabs(dashed_ink / solid_ink - expected), <, 0.05);
    g_free(dashed);
    g_free(solid);
    g_free(xs);
    g_free(ys);
    OGR_G_DestroyGeometry(line);
    OGR_G_DestroyGeometry(anbar);
    OGR_G_DestroyGeometry(ninawa);
}

/* The map's zoom is the web-mercator zoom whose ground resolution at the
 * map's centre equals the map's. */
static void test_zoom(void)
{
    double zoom = cm_map_zoom(map);
    cm_geo_point centre;
    g_assert_cmpint(cm_map_pixel_to_geo(map, 800, 600, &centre), ==, CM_OK);
    double tile_m_per_px = 2 * G_PI * 6378137 / 256 * cos(centre.lat * G_PI / 180) /
                           pow(2, zoom);
    g_test_message("zoom %.3f at latitude %.2f", zoom, centre.lat);
    g_assert_cmpfloat(fabs(tile_m_per_px / cm_map_metres_per_pixel(map) - 1), <, 1e-9);
    /* As styles/briefing.ini says. */
    g_assert_cmpfloat(round(zoom * 10) / 10, ==, 7.6);
}

/* [map] layers orders the layers: with the routes first, the countries
 * cover them; left out, a layer is not drawn. */
static void test_layer_order(void)
{
    cm_route_leg leg;
    g_assert_true(cm_route_leg_get(route, 0, &leg));
    cm_geo_point on_route = cm_geodesic_direct(leg.from->position, leg.geodesic.azimuth_deg,
                                               leg.geodesic.distance_m * 0.4);
    double x, y;
    project(on_route, &x, &y);
    rgb jordan = rgb_from(test_country_fill(context, "JOR"));
    rgb route_color = style_color("route", "color", 0);
    rgb sea = style_color("sea", "color", 0);
    double sea_x, sea_y;
    project((cm_geo_point){32.9, 34.75}, &sea_x, &sea_y);
    assert_color("route in the default order", x, y, route_color, 2);

    render_with_style("[style]\ninherits=briefing\n[map]\n"
                      "layers=route;countries;lakes;rivers;admin1;coastline;disputed;borders;"
                      "grid;marker;crossing\n");
    assert_color("route under the countries", x, y, jordan, 2);
    assert_color("Mediterranean", sea_x, sea_y, sea, 2);
    double ax, ay;
    project(cm_route_waypoint(route, 0)->position, &ax, &ay);
    assert_color("Amman's marker", ax, ay, style_color("marker", "color", 0), 2);

    /* Countries, then route, then the other basemap layers, which must not
     * paint the sea over what is below; no markers. */
    render_with_style("[style]\ninherits=briefing\n[map]\n"
                      "layers=countries;route;lakes;rivers;admin1;coastline;borders;\n");
    assert_color("route over the countries", x, y, route_color, 2);
    assert_color("Mediterranean", sea_x, sea_y, sea, 2);
    rgb amman = pixel_at(ax, ay);
    g_assert_false(abs(amman.b - 0x93) < 10 && abs(amman.r - 0x1f) < 10);
    restore_briefing();
}

/* Vertices of the province outlines (admin1) inside Iraq's interior,
 * from the GeoPackage. */
static GArray *province_vertices(void)
{
    char *path = g_build_filename(cm_context_data_dir(context), "geodata", "world.gpkg", NULL);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(dataset);
    OGRLayerH layer = GDALDatasetGetLayerByName(dataset, "admin1");
    g_assert_nonnull(layer);
    OGR_L_SetSpatialFilterRect(layer, 41.5, 32, 44.5, 34.5);
    GArray *points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    OGRFeatureH feature;
    while ((feature = OGR_L_GetNextFeature(layer))) {
        OGRGeometryH multi = OGR_F_GetGeometryRef(feature);
        for (int p = 0; multi && p < OGR_G_GetGeometryCount(multi); p++) {
            OGRGeometryH polygon = OGR_G_GetGeometryRef(multi, p);
            OGRGeometryH ring = OGR_G_GetGeometryRef(polygon, 0);
            for (int i = 0; ring && i < OGR_G_GetPointCount(ring); i++) {
                cm_geo_point point = {OGR_G_GetY(ring, i), OGR_G_GetX(ring, i)};
                if (point.lat > 32 && point.lat < 34.5 && point.lon > 41.5 && point.lon < 44.5)
                    g_array_append_val(points, point);
            }
        }
        OGR_F_Destroy(feature);
    }
    GDALClose(dataset);
    g_free(path);
    return points;
}

static gboolean is_magenta(rgb c)
{
    return c.r > 0xe0 && c.g < 0x30 && c.b > 0xe0;
}

/* A layer shows only within its zoom range: province lines drawn solid in
 * magenta are there at the map's zoom and gone when min-zoom is above it
 * (or max-zoom at it). */
static void test_layer_zoom_range(void)
{
    GArray *vertices = province_vertices();
    g_assert_cmpuint(vertices->len, >, 50);
    const char *lines = "[style]\ninherits=briefing\n[admin1]\ncolor=#ff00ff\nwidth=3\n"
                        "dash=none\n";
    char *shown = g_strdup_printf("%smin-zoom=%g\n", lines, floor(cm_map_zoom(map)));
    char *above = g_strdup_printf("%smin-zoom=%g\n", lines, floor(cm_map_zoom(map)) + 1);
    char *at_max = g_strdup_printf("%smax-zoom=%g\n", lines, floor(cm_map_zoom(map)));
    render_with_style(shown);
    GArray *on_line = g_array_new(FALSE, FALSE, sizeof(double) * 2);
    for (guint i = 0; i < vertices->len; i++) {
        double xy[2];
        project(g_array_index(vertices, cm_geo_point, i), &xy[0], &xy[1]);
        if (xy[0] >= 0 && xy[0] < 1600 && xy[1] >= 0 && xy[1] < 1200 &&
            is_magenta(pixel_at(xy[0], xy[1])))
            g_array_append_val(on_line, xy);
    }
    g_test_message("%u of %u province vertices show the line", on_line->len, vertices->len);
    g_assert_cmpuint(on_line->len, >, 30);
    const char *hidden[] = {above, at_max};
    for (size_t h = 0; h < G_N_ELEMENTS(hidden); h++) {
        render_with_style(hidden[h]);
        for (guint i = 0; i < on_line->len; i++) {
            const double *xy = &g_array_index(on_line, double, 2 * i);
            if (is_magenta(pixel_at(xy[0], xy[1])))
                g_error("province line at (%.1f, %.1f) drawn out of its zoom range", xy[0],
                        xy[1]);
        }
    }
    g_array_free(on_line, TRUE);
    g_array_free(vertices, TRUE);
    g_free(shown);
    g_free(above);
    g_free(at_max);
    restore_briefing();
}

/* Whether the last render of m placed a label reading text. */
static gboolean placed(cm_map *m, const char *text)
{
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(m, i, &label); i++)
        if (strcmp(label.text, text) == 0)
            return TRUE;
    return FALSE;
}

/* A waypoint and a site on the same spot, in fonts so large that only one
 * of their labels fits (below the markers: the route and the frame's edge
 * leave no other place): the label class with the higher [labels] priority
 * keeps its label; of two sites, the larger place, whatever the order they
 * were added in. Without a halo a site's label clears the waypoint's larger
 * marker. */
static void test_label_priority(void)
{
    const char *const queries[] = {"Amman", "Ar Rutbah"};
    cm_route *pair;
    g_assert_cmpint(cm_route_new_from_queries(geocoder, "Pair", queries, 2, &pair), ==, CM_OK);
    cm_place *site = cm_place_copy(cm_route_waypoint(pair, 0));
    g_free(site->name);
    site->name = g_strdup("Depot 77");
    cm_place *town = cm_place_copy(site);
    g_free(town->name);
    town->name = g_strdup("Town 78");
    town->population = 25000;
    const char *big = "[style]\ninherits=briefing\n[labels]\nfont=DejaVu Sans 30\n"
                      "waypoint-font=DejaVu Sans 30\nhalo-width=0\n";
    char *site_first = g_strdup_printf("%ssite-priority=200\n", big);
    const struct {
        const char *style;
        gboolean with_town;
        const char *kept, *dropped;
    } cases[] = {
        {big, FALSE, "Amman", "Depot 77"},
        {site_first, FALSE, "Depot 77", "Amman"},
        {site_first, TRUE, "Town 78", "Depot 77"},
    };
    char *dir = g_dir_make_tmp("convoymap-render-XXXXXX", NULL);
    char *path = g_build_filename(dir, "priority.ini", NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        cm_map *m = cm_map_new(context);
        cm_map_add_route(m, pair);
        cm_map_add_marker(m, site);
        if (cases[i].with_town)
            cm_map_add_marker(m, town);
        g_assert_cmpint(cm_map_set_size(m, 1000, 600), ==, CM_OK);
        g_assert_true(g_file_set_contents(path, cases[i].style, -1, NULL));
        g_assert_cmpint(cm_map_set_style(m, path), ==, CM_OK);
        unsigned char *png;
        size_t length;
        g_assert_cmpint(cm_map_render_memory(m, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
        if (g_getenv("CM_TEST_KEEP_PRIORITY")) {
            char *name = g_strdup_printf("%s-%zu.png", g_getenv("CM_TEST_KEEP_PRIORITY"), i);
            g_file_set_contents(name, (const char *)png, (gssize)length, NULL);
            g_free(name);
        }
        cm_free((void *)png);
        cm_map_label label;
        for (size_t l = 0; cm_map_label_get(m, l, &label); l++)
            g_test_message("case %zu placed '%s'", i, label.text);
        g_assert_true(placed(m, cases[i].kept));
        g_assert_false(placed(m, cases[i].dropped));
        cm_map_free(m);
    }
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    g_free(site_first);
    cm_place_free(site);
    cm_place_free(town);
    cm_route_free(pair);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    /* The expectations are read through GDAL itself, which the library no
     * longer loads. */
    GDALAllRegister();
    geocoder = test_geocoder();
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
    cm_free((void *)png);

    g_test_add_func("/render/size", test_size);
    g_test_add_func("/render/site-markers", test_site_markers);
    g_test_add_func("/render/route-legs", test_route_legs);
    g_test_add_func("/render/labels", test_labels);
    g_test_add_func("/render/province-labels", test_province_labels);
    g_test_add_func("/render/province-labels-follow-layer", test_province_labels_follow_layer);
    g_test_add_func("/render/shared-boundary-dashed-once", test_shared_boundary_dashed_once);
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
    g_test_add_func("/render/zoom", test_zoom);
    g_test_add_func("/render/layer-order", test_layer_order);
    g_test_add_func("/render/layer-zoom-range", test_layer_zoom_range);
    g_test_add_func("/render/label-priority", test_label_priority);
    g_test_add_func("/render/label-languages", test_label_languages);
    g_test_add_func("/render/crossing-label-languages", test_crossing_label_languages);
    int status = g_test_run();
    cairo_surface_destroy(image);
    cm_map_free(map);
    cm_route_free(route);
    test_fixture_free();
    return status;
}
