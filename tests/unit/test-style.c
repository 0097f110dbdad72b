/* Styles: every shipped style loads with the values its file gives,
 * inheritance overrides only what a child sets, and a broken style is
 * reported with its file, line and key. */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "convoymap/convoymap.h"
#include "test-support.h"
#include "render/style.h"

static cm_context *context;
static char *scratch;

/* Writes text to NAME in the scratch directory; returns its path (g_free). */
static char *write_style(const char *name, const char *text)
{
    char *path = g_build_filename(scratch, name, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

static void assert_rgb(cm_rgba color, int r, int g, int b)
{
    g_assert_cmpint((int)(color.r * 255 + 0.5), ==, r);
    g_assert_cmpint((int)(color.g * 255 + 0.5), ==, g);
    g_assert_cmpint((int)(color.b * 255 + 0.5), ==, b);
}

static void test_shipped_styles(void)
{
    static const struct {
        const char *name;
        int sea[3], route[3];
    } shipped[] = {
        {"briefing", {0xb9, 0xd3, 0xe6}, {0xc0, 0x18, 0x1f}},
        {"night", {0x0b, 0x1a, 0x2a}, {0xff, 0x5a, 0x4e}},
        {"grayscale", {0xd6, 0xd6, 0xd6}, {0x00, 0x00, 0x00}},
        {"colorblind", {0xcd, 0xe3, 0xf2}, {0xd5, 0x5e, 0x00}},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(shipped); i++) {
        cm_style *style = cm_style_load(context, shipped[i].name);
        if (!style)
            g_error("%s: %s", shipped[i].name, cm_context_message(context));
        assert_rgb(style->sea, shipped[i].sea[0], shipped[i].sea[1], shipped[i].sea[2]);
        assert_rgb(style->route.color, shipped[i].route[0], shipped[i].route[1],
                   shipped[i].route[2]);
        /* Inherited from briefing.ini by all of them. */
        g_assert_cmpstr(style->title_font, ==, "DejaVu Sans Bold 22");
        g_assert_cmpfloat(style->route.width, ==, 4.5);
        cm_style_free(style);
    }
}

/* Photocopy-safe means the routes differ without colour: no two of the
 * first route and the series share both dash pattern and width. */
static void test_grayscale_routes_differ_without_colour(void)
{
    cm_style *style = cm_style_load(context, "grayscale");
    g_assert_nonnull(style);
    cm_line_style lines[1 + CM_STYLE_PALETTE_SIZE];
    lines[0] = style->route;
    memcpy(lines + 1, style->route_series, sizeof style->route_series);
    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++)
        for (size_t j = i + 1; j < G_N_ELEMENTS(lines); j++) {
            gboolean same_dash = lines[i].n_dash == lines[j].n_dash &&
                                 memcmp(lines[i].dash, lines[j].dash,
                                        (size_t)lines[i].n_dash * sizeof(double)) == 0;
            g_assert_false(same_dash && lines[i].width == lines[j].width);
        }
    g_assert_cmpint(style->route_series[0].n_dash, ==, 2);
    g_assert_cmpfloat(style->route_series[0].dash[0], ==, 14);
    g_assert_cmpfloat(style->route_series[0].dash[1], ==, 6);
    cm_style_free(style);
}

static void test_inheritance(void)
{
    char *parent = write_style("parent.ini", "[style]\ninherits=briefing\n"
                                             "[route]\ncolor=#00ff00\nwidth=7\n");
    char *child = write_style("child.ini", "[style]\ninherits=parent.ini\n"
                                           "[route]\nwidth=9\n[sea]\ncolor=#102030\n");
    cm_style *style = cm_style_load(context, child);
    if (!style)
        g_error("%s", cm_context_message(context));
    assert_rgb(style->route.color, 0x00, 0xff, 0x00); /* from the parent */
    g_assert_cmpfloat(style->route.width, ==, 9);       /* the child wins */
    assert_rgb(style->sea, 0x10, 0x20, 0x30);
    assert_rgb(style->borders.color, 0x5c, 0x53, 0x46); /* from briefing */
    cm_style_free(style);
    g_free(parent);
    g_free(child);
}

/* The layer order, zoom ranges and label priorities of briefing.ini, which
 * the other shipped styles inherit; a child changes them key by key. */
static void test_layers_and_priorities(void)
{
    cm_style *style = cm_style_load(context, "briefing");
    g_assert_nonnull(style);
    static const char *const order[] = {"countries", "lakes", "rivers", "admin1",
                                        "coastline", "disputed", "borders", "roads",
                                        "grid", "route", "marker", "crossing"};
    g_assert_cmpint(style->n_layers, ==, G_N_ELEMENTS(order));
    for (size_t i = 0; i < G_N_ELEMENTS(order); i++)
        g_assert_cmpstr(cm_layer_name(style->layer_order[i]), ==, order[i]);
    g_assert_cmpfloat(style->min_zoom[CM_LAYER_ADMIN1], ==, 4);
    g_assert_cmpfloat(style->min_zoom[CM_LAYER_RIVERS], ==, 3);
    g_assert_cmpfloat(style->max_zoom[CM_LAYER_ROUTE], ==, 30);
    /* min-zoom <= zoom < max-zoom. */
    g_assert_false(cm_style_shows(style, CM_LAYER_ADMIN1, 3.99));
    g_assert_true(cm_style_shows(style, CM_LAYER_ADMIN1, 4));
    g_assert_false(cm_style_shows(style, CM_LAYER_ADMIN1, 30));
    g_assert_cmpint(style->priority.waypoint, ==, 100);
    g_assert_cmpint(style->priority.crossing, ==, 95);
    g_assert_cmpint(style->priority.leg, ==, 90);
    g_assert_cmpint(style->priority.site, ==, 80);
    g_assert_cmpint(style->priority.country, ==, 10);
    cm_style_free(style);

    char *child = write_style("child.ini", "[style]\ninherits=night\n[map]\n"
                                           "layers = countries; route ;borders;\n"
                                           "[admin1]\nmax-zoom=12.5\n"
                                           "[labels]\nsite-priority=120\n");
    style = cm_style_load(context, child);
    if (!style)
        g_error("%s", cm_context_message(context));
    g_assert_cmpint(style->n_layers, ==, 3);
    g_assert_cmpint(style->layer_order[0], ==, CM_LAYER_COUNTRIES);
    g_assert_cmpint(style->layer_order[1], ==, CM_LAYER_ROUTE);
    g_assert_cmpint(style->layer_order[2], ==, CM_LAYER_BORDERS);
    /* Left out of the list: not drawn at any zoom. */
    g_assert_false(cm_style_shows(style, CM_LAYER_MARKER, 10));
    g_assert_cmpfloat(style->min_zoom[CM_LAYER_ADMIN1], ==, 4);
    g_assert_cmpfloat(style->max_zoom[CM_LAYER_ADMIN1], ==, 12.5);
    g_assert_cmpint(style->priority.site, ==, 120);
    g_assert_cmpint(style->priority.waypoint, ==, 100);
    cm_style_free(style);
    g_free(child);
}

/* Loading text as a style fails with CM_ERR_INPUT and a message holding
 * each of the fragments (the file's path stands for "FILE"). */
static void expect_broken(const char *text, const char *const *fragments)
{
    char *path = write_style("broken.ini", text);
    g_assert_null(cm_style_load(context, path));
    g_assert_cmpint(cm_context_status(context), ==, CM_ERR_INPUT);
    const char *message = cm_context_message(context);
    g_test_message("%s", message);
    for (const char *const *fragment = fragments; *fragment; fragment++) {
        GString *expected = g_string_new(*fragment);
        g_string_replace(expected, "FILE", path, 0);
        if (!strstr(message, expected->str))
            g_error("message '%s' lacks '%s'", message, expected->str);
        g_string_free(expected, TRUE);
    }
    g_free(path);
}

static void test_broken_styles(void)
{
    expect_broken("[style]\ninherits=briefing\n\n[route]\ncolor=#zz0000\n",
                  (const char *const[]){"style FILE:5: [route] color:",
                                        "'#zz0000' is not a colour", NULL});
    expect_broken("[style]\ninherits=briefing\n[route]\ncolour=#ff0000\n",
                  (const char *const[]){"FILE:4: [route] colour: unknown key", NULL});
    expect_broken("[style]\ninherits=briefing\nthis line is garbage\n",
                  (const char *const[]){"style FILE:3: 'this line is garbage' is neither",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[admin1]\ndash=4;x\n",
                  (const char *const[]){"FILE:4: [admin1] dash:", "'4;x' is not 'none'",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[route]\nwidth-palette=1;2;3\n",
                  (const char *const[]){"[route] width-palette: give 6 entries", NULL});
    expect_broken("[style]\ninherits=broken.ini\n",
                  (const char *const[]){"more than 8 levels of [style] inherits=", NULL});
    expect_broken("[style]\ninherits=no-such-style\n",
                  (const char *const[]){"unknown style 'no-such-style'",
                                        "shipped: briefing, colorblind, grayscale, night",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[map]\nlayers=countries;highways;route\n",
                  (const char *const[]){"style FILE:4: [map] layers: unknown layer 'highways'",
                                        "(layers: countries, lakes,", NULL});
    expect_broken("[style]\ninherits=briefing\n[map]\nlayers=route;countries;route\n",
                  (const char *const[]){"FILE:4: [map] layers: layer 'route' is listed twice",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[rivers]\nmin-zoom=far\n",
                  (const char *const[]){"FILE:4: [rivers] min-zoom: 'far' is not a zoom from "
                                        "0 to 30", NULL});
    expect_broken("[style]\ninherits=briefing\n[rivers]\nmax-zoom=31\n",
                  (const char *const[]){"FILE:4: [rivers] max-zoom: '31' is not a zoom", NULL});
    expect_broken("[style]\ninherits=briefing\n[admin1]\n\nmax-zoom=4\n",
                  (const char *const[]){"FILE:5: [admin1] max-zoom: 4 is not above min-zoom 4",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[admin1]\nmin-zoom=30\n",
                  (const char *const[]){"FILE:4: [admin1] min-zoom: 30 is not below max-zoom 30",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[labels]\nleg-priority=9.5\n",
                  (const char *const[]){"FILE:4: [labels] leg-priority: '9.5' is not a whole "
                                        "number", NULL});
    expect_broken("[style]\ninherits=briefing\n[labels]\nsite-priority=-3\n",
                  (const char *const[]){"FILE:4: [labels] site-priority: '-3' is not a number",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[route]\nmin_zoom=3\n",
                  (const char *const[]){"FILE:4: [route] min_zoom: unknown key", NULL});
    /* A style without a parent must give every key. */
    expect_broken("[sea]\ncolor=#000000\n",
                  (const char *const[]){"style FILE: [countries] palette: missing", NULL});
    g_assert_null(cm_style_load(context, "nope"));
    g_assert_cmpint(cm_context_status(context), ==, CM_ERR_INPUT);
    g_assert_null(cm_style_load(context, "/nonexistent/style.ini"));
    g_assert_nonnull(strstr(cm_context_message(context), "/nonexistent/style.ini"));
}

/* The tiles' own keys: [places] and [labels] place-priority and
 * route-min-zoom, with the steps of min-population held up to the next. */
static void test_tile_label_keys(void)
{
    cm_style *style = cm_style_load(context, "briefing");
    g_assert_nonnull(style);
    const cm_tile_label_style *tile = &style->tile_labels;
    static const long long briefing[] = {10000000, 10000000, 10000000, 5000000, 2000000,
                                         1000000,  500000,   200000,   50000,   20000,
                                         10000,    5000,     2000,     1000,    0};
    for (int z = 0; z < CM_STYLE_ZOOMS; z++)
        g_assert_cmpint(tile->min_population[z], ==, briefing[MIN(z, 14)]);
    g_assert_cmpstr(tile->label_font, ==, "DejaVu Sans 11");
    assert_rgb(tile->label_color, 0x1d, 0x1d, 0x1d);
    assert_rgb(tile->dot_color, 0x1d, 0x1d, 0x1d);
    g_assert_cmpfloat(tile->dot_radius, ==, 3);
    g_assert_cmpfloat(tile->route_min_zoom, ==, 5);
    g_assert_cmpint(style->priority.place, ==, 5);
    g_assert_cmpint(style->priority.place, <, style->priority.country);
    cm_style_free(style);
    /* Night's place names are light, like its other labels. */
    style = cm_style_load(context, "night");
    g_assert_nonnull(style);
    assert_rgb(style->tile_labels.label_color, 0xec, 0xec, 0xec);
    cm_style_free(style);

    char *child = write_style("child.ini", "[style]\ninherits=briefing\n[places]\n"
                                           "min-population = 4:900000; 8 : 1000 ;\n"
                                           "label-font=DejaVu Serif 9\n"
                                           "[labels]\nroute-min-zoom=7.5\n"
                                           "place-priority=200\n");
    style = cm_style_load(context, child);
    if (!style)
        g_error("%s", cm_context_message(context));
    tile = &style->tile_labels;
    /* Below the first step no place is labelled. */
    g_assert_cmpint(tile->min_population[3], ==, CM_NO_PLACES);
    g_assert_cmpint(tile->min_population[4], ==, 900000);
    g_assert_cmpint(tile->min_population[7], ==, 900000);
    g_assert_cmpint(tile->min_population[8], ==, 1000);
    g_assert_cmpint(tile->min_population[30], ==, 1000);
    g_assert_cmpstr(tile->label_font, ==, "DejaVu Serif 9");
    g_assert_cmpfloat(tile->route_min_zoom, ==, 7.5);
    g_assert_cmpint(style->priority.place, ==, 200);
    g_assert_cmpint(style->priority.country, ==, 10);
    cm_style_free(style);
    g_free(child);

    expect_broken("[style]\ninherits=briefing\n[places]\nmin-population=0:100;5:-1\n",
                  (const char *const[]){"style FILE:4: [places] min-population: '5:-1' is "
                                        "not ZOOM:POPULATION", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\n\nmin-population=0:10;31:0\n",
                  (const char *const[]){"FILE:5: [places] min-population: '31:0' is not "
                                        "ZOOM:POPULATION (a zoom from 0 to 30", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\nmin-population=0:10;7:5;7:1\n",
                  (const char *const[]){"FILE:4: [places] min-population: zoom 7 follows "
                                        "zoom 7", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\nmin-population=5:10;3:5\n",
                  (const char *const[]){"FILE:4: [places] min-population: zoom 3 follows "
                                        "zoom 5", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\nmin-population=1000\n",
                  (const char *const[]){"FILE:4: [places] min-population: '1000' is not "
                                        "ZOOM:POPULATION", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\nmin-population=;\n",
                  (const char *const[]){"FILE:4: [places] min-population: no "
                                        "ZOOM:POPULATION step", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\nlabel-color=black\n",
                  (const char *const[]){"FILE:4: [places] label-color: 'black' is not a "
                                        "colour", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\ndot-radius=big\n",
                  (const char *const[]){"FILE:4: [places] dot-radius: 'big' is not a number",
                                        NULL});
    expect_broken("[style]\ninherits=briefing\n[labels]\nroute-min-zoom=40\n",
                  (const char *const[]){"FILE:4: [labels] route-min-zoom: '40' is not a zoom "
                                        "from 0 to 30", NULL});
    expect_broken("[style]\ninherits=briefing\n[labels]\nplace-priority=2.5\n",
                  (const char *const[]){"FILE:4: [labels] place-priority: '2.5' is not a "
                                        "whole number", NULL});
    /* Found by the fuzzer: a huge priority after an earlier broken key
     * was converted to int (undefined behaviour) before being refused. */
    expect_broken("[style]\ninherits=briefing\n[labels]\nroute-min-zoom=6.%\n"
                  "place-priority=2044444444444440\n",
                  (const char *const[]){"FILE:5: [labels] place-priority: '2044444444444440' "
                                        "is not a number from 0 to 1000", NULL});
    expect_broken("[style]\ninherits=briefing\n[labels]\nplace-priority=1e300\n",
                  (const char *const[]){"FILE:4: [labels] place-priority: '1e300' is not a "
                                        "number from 0 to 1000", NULL});
    expect_broken("[style]\ninherits=briefing\n[places]\nmin-zoom=3\n",
                  (const char *const[]){"FILE:4: [places] min-zoom: unknown key", NULL});
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    scratch = g_dir_make_tmp("convoymap-style-XXXXXX", NULL);
    g_assert_nonnull(scratch);
    g_test_add_func("/style/shipped", test_shipped_styles);
    g_test_add_func("/style/grayscale-without-colour", test_grayscale_routes_differ_without_colour);
    g_test_add_func("/style/inheritance", test_inheritance);
    g_test_add_func("/style/layers-and-priorities", test_layers_and_priorities);
    g_test_add_func("/style/broken", test_broken_styles);
    g_test_add_func("/style/tile-label-keys", test_tile_label_keys);
    int status = g_test_run();
    const char *names[] = {"parent.ini", "child.ini", "broken.ini"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *path = g_build_filename(scratch, names[i], NULL);
        g_unlink(path);
        g_free(path);
    }
    g_rmdir(scratch);
    g_free(scratch);
    test_fixture_free();
    return status;
}
