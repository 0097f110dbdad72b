/* Regression tests for the robustness fixes found with the catalogue of bad
 * input (tests/cli/bad-input.tsv), the fuzzers and the kill test: each test
 * names the bug it pins down. */
/* symlink() and mkfifo() are POSIX, beyond C17. */
#define _GNU_SOURCE

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <cairo.h>

#include "core/internal.h"
#include "test-support.h"
#include "render/style.h"

static cm_context *context;
static cm_geocoder *geocoder;

/* Messages quoted raw input: a newline broke the one-line promise and an
 * escape sequence reached the terminal. */
static void test_message_escapes_control_characters(void)
{
    cm_fail(context, CM_ERR_INPUT, "site '%s'", "a\nb\x1b[31mc\x7f\xff\xfe");
    g_assert_cmpstr(cm_context_message(context), ==,
                    "site 'a\\x0Ab\\x1B[31mc\\x7F\\xFF\\xFE'");
    g_assert_true(g_utf8_validate(cm_context_message(context), -1, NULL));
    cm_fail(context, CM_ERR_INPUT, "site '%s'", "Ayn al-Asad عين");
    g_assert_cmpstr(cm_context_message(context), ==, "site 'Ayn al-Asad عين'");
}

/* A 100 kB argument came back as a 100 kB message. */
static void test_message_elides_long_values(void)
{
    char *value = g_strnfill(100000, 'A');
    cm_fail(context, CM_ERR_INPUT, "unknown site '%s' (hint)", value);
    const char *message = cm_context_message(context);
    g_assert_cmpuint(strlen(message), <, 500);
    g_assert_true(g_str_has_prefix(message, "unknown site 'AAAA"));
    g_assert_true(g_str_has_suffix(message, "AAAA' (hint)"));
    g_assert_nonnull(strstr(message, "bytes left out]"));
    g_free(value);
    /* Multi-byte characters are never cut in half. */
    GString *arabic = g_string_new(NULL);
    for (int i = 0; i < 1000; i++)
        g_string_append(arabic, "ع");
    cm_fail(context, CM_ERR_INPUT, "x%s", arabic->str);
    g_assert_true(g_utf8_validate(cm_context_message(context), -1, NULL));
    g_string_free(arabic, TRUE);
}

/* "Amm\x01an" was an unknown site with the suggestion 'Amman'. */
static void test_site_with_control_character(void)
{
    cm_place *place = NULL;
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "Amm\x01" "an", &place), ==, CM_ERR_INPUT);
    g_assert_null(place);
    g_assert_cmpstr(cm_context_message(context), ==,
                    "site name 'Amm\\x01an' contains a control character");
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "\xff", &place), ==, CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==,
                    "site name '\\xFF' is not valid UTF-8 text");
}

/* Amman > Amman made a route with a leg of 0 km and no direction. */
static void test_zero_length_leg(void)
{
    cm_route *route = NULL;
    const char *const same[] = {"Amman", "Ramadi", "ramadi"};
    g_assert_cmpint(cm_route_new_from_queries(geocoder, NULL, same, 3, &route), ==,
                    CM_ERR_INPUT);
    g_assert_null(route);
    g_assert_nonnull(strstr(cm_context_message(context), "waypoints 2 and 3"));
    const char *const pole[] = {"90,0", "90,120"};
    g_assert_cmpint(cm_route_new_from_queries(geocoder, NULL, pole, 2, &route), ==,
                    CM_ERR_INPUT);
    /* Coming back to the start is a round trip, not a zero-length leg. */
    const char *const round_trip[] = {"Amman", "Ramadi", "Amman"};
    g_assert_cmpint(cm_route_new_from_queries(geocoder, NULL, round_trip, 3, &route), ==,
                    CM_OK);
    cm_route_free(route);
}

/* "Amman >" and ">" said only "empty site name"; "Amman" alone did not
 * name the route. */
static void test_route_spec_waypoints(void)
{
    cm_route *route = NULL;
    g_assert_cmpint(cm_route_parse(geocoder, "Amman > ", &route), ==, CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==, "route 'Amman > ': waypoint 2 is empty");
    g_assert_cmpint(cm_route_parse(geocoder, "name=x; Amman", &route), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "route 'name=x; Amman' has one "
                                                         "waypoint"));
    g_assert_null(route);
    /* Found by fuzz-route-spec: a second part with neither '>' nor '=' was
     * read as a setting, and its missing '=' made a huge allocation. */
    g_assert_cmpint(cm_route_parse(geocoder, "Amman >;Trebamman cinaA-Asad", &route), ==,
                    CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "has two waypoint lists"));
}

/* --data "" looked for the data in the working directory. */
static void test_empty_data_dir(void)
{
    char *message = NULL;
    g_assert_null(cm_context_new("", &message));
    g_assert_cmpstr(message, ==, "data directory '' has no geodata/world.gpkg (give the folder "
                    "that holds geodata/ and styles/, or geodata/ itself)");
    cm_free(message);
}

/* A FIFO as route file blocked OGR forever. */
static void test_route_file_fifo(void)
{
    char *dir = g_dir_make_tmp("convoymap-XXXXXX", NULL);
    char *fifo = g_build_filename(dir, "route.csv", NULL);
    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    cm_route *route = NULL;
    g_assert_cmpint(cm_route_read_file(context, fifo, &route), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "is not a regular file"));
    g_unlink(fifo);
    g_rmdir(dir);
    g_free(fifo);
    g_free(dir);
}

/* A truncated basemap: GDAL printed "ERROR 1: ..." on stderr and the
 * message did not say why. */
static void test_truncated_basemap(void)
{
    char *dir = g_dir_make_tmp("convoymap-XXXXXX", NULL);
    char *geodata = g_build_filename(dir, "geodata", NULL);
    g_mkdir(geodata, 0700);
    char *real = cm_data_path(context, "geodata/world.gpkg");
    char *bytes;
    gsize length;
    g_assert_true(g_file_get_contents(real, &bytes, &length, NULL));
    char *gpkg = g_build_filename(geodata, "world.gpkg", NULL);
    g_assert_true(g_file_set_contents(gpkg, bytes, (gssize)MIN(length, 200000), NULL));
    g_free(bytes);
    cm_context *broken = cm_context_new(dir, NULL);
    char iso3[4];
    g_assert_cmpint(cm_country_at(broken, (cm_geo_point){33, 43}, iso3), ==, CM_ERR_DATA);
    g_assert_nonnull(strstr(cm_context_message(broken), "world.gpkg: "));
    cm_context_free(broken);
    g_remove(gpkg);
    g_rmdir(geodata);
    g_rmdir(dir);
    g_free(gpkg);
    g_free(real);
    g_free(geodata);
    g_free(dir);
}

static cm_map *small_map(void)
{
    cm_map *map = cm_map_new(context);
    cm_map_set_size(map, 300, 200);
    cm_place *place;
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "Ramadi", &place), ==, CM_OK);
    cm_map_add_marker(map, place);
    cm_place_free(place);
    return map;
}

/* Output went through a named temporary file "x.png.XXXXXX" that a killed
 * process left behind; now it is unnamed until complete. A write that fails
 * leaves nothing either. */
static void test_render_file_leaves_no_temporary(void)
{
    char *dir = g_dir_make_tmp("convoymap-XXXXXX", NULL);
    char *path = g_build_filename(dir, "map.png", NULL);
    cm_map *map = small_map();
    g_assert_cmpint(cm_map_render_file(map, path), ==, CM_OK);
    GDir *listing = g_dir_open(dir, 0, NULL);
    g_assert_cmpstr(g_dir_read_name(listing), ==, "map.png");
    g_assert_null(g_dir_read_name(listing));
    g_dir_close(listing);
    /* A directory where the file should go: the write fails cleanly. */
    char *blocked = g_build_filename(dir, "blocked.png", NULL);
    g_mkdir(blocked, 0700);
    g_assert_cmpint(cm_map_render_file(map, blocked), ==, CM_ERR_IO);
    char *expected = g_strconcat("cannot write ", blocked, ": Is a directory", NULL);
    g_assert_cmpstr(cm_context_message(context), ==, expected);
    g_free(expected);
    g_rmdir(blocked);
    g_remove(path);
    listing = g_dir_open(dir, 0, NULL);
    g_assert_null(g_dir_read_name(listing));
    g_dir_close(listing);
    g_rmdir(dir);
    cm_map_free(map);
    g_free(blocked);
    g_free(path);
    g_free(dir);
}

/* A map over the antimeridian looked up the countries of -179..179, the
 * rest of the world, and those crossing its back meridian (Ghana, Burkina
 * Faso at 0°) were filled across the whole view: land over open sea. */
static void test_antimeridian_map_is_sea(void)
{
    const char *const stops[] = {"10,179", "10,-179"};
    cm_route *route = NULL;
    g_assert_cmpint(cm_route_new_from_queries(geocoder, NULL, stops, 2, &route), ==, CM_OK);
    cm_map *map = cm_map_new(context);
    cm_map_set_size(map, 600, 450);
    cm_map_add_route(map, route);
    char *dir = g_dir_make_tmp("convoymap-XXXXXX", NULL);
    char *path = g_build_filename(dir, "pacific.png", NULL);
    g_assert_cmpint(cm_map_render_file(map, path), ==, CM_OK);
    cairo_surface_t *image = cairo_image_surface_create_from_png(path);
    g_assert_cmpint(cairo_surface_status(image), ==, CAIRO_STATUS_SUCCESS);
    cm_style *style = cm_style_load(context, "briefing");
    g_assert_nonnull(style);
    /* Away from the route, its labels and the panels: the Pacific. */
    const int points[][2] = {{150, 300}, {300, 150}, {450, 300}};
    for (size_t i = 0; i < G_N_ELEMENTS(points); i++) {
        const unsigned char *row = cairo_image_surface_get_data(image) +
                                   (size_t)points[i][1] *
                                       (size_t)cairo_image_surface_get_stride(image);
        guint32 value = ((const guint32 *)(const void *)row)[points[i][0]];
        g_assert_cmpint(abs((int)((value >> 16) & 0xff) - (int)lround(style->sea.r * 255)), <=, 2);
        g_assert_cmpint(abs((int)((value >> 8) & 0xff) - (int)lround(style->sea.g * 255)), <=, 2);
        g_assert_cmpint(abs((int)(value & 0xff) - (int)lround(style->sea.b * 255)), <=, 2);
    }
    cm_style_free(style);
    cairo_surface_destroy(image);
    g_remove(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    cm_map_free(map);
    cm_route_free(route);
}

/* A map from pole to pole was drawn in Mercator, where the poles lie
 * 242,000 km from the equator: a blank, useless image and exit 0. */
static void test_pole_to_pole_map(void)
{
    const char *const stops[] = {"90,0", "-90,0"};
    cm_route *route = NULL;
    g_assert_cmpint(cm_route_new_from_queries(geocoder, NULL, stops, 2, &route), ==, CM_OK);
    cm_map *map = cm_map_new(context);
    cm_map_add_route(map, route);
    g_assert_cmpint(cm_map_layout(map), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "one map cannot show 90.00°S to "
                                                         "90.00°N"));
    cm_map_free(map);
    cm_route_free(route);
    /* Over one pole, polar stereographic shows it well. */
    const char *const over_pole[] = {"80,-100", "80,80"};
    g_assert_cmpint(cm_route_new_from_queries(geocoder, NULL, over_pole, 2, &route), ==, CM_OK);
    map = cm_map_new(context);
    cm_map_add_route(map, route);
    g_assert_cmpint(cm_map_layout(map), ==, CM_OK);
    g_assert_true(g_str_has_prefix(cm_map_projection(map), "+proj=stere"));
    cm_map_free(map);
    cm_route_free(route);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    geocoder = test_geocoder();
    g_test_add_func("/robust/message-escapes-control-characters",
                    test_message_escapes_control_characters);
    g_test_add_func("/robust/message-elides-long-values", test_message_elides_long_values);
    g_test_add_func("/robust/site-with-control-character", test_site_with_control_character);
    g_test_add_func("/robust/zero-length-leg", test_zero_length_leg);
    g_test_add_func("/robust/route-spec-waypoints", test_route_spec_waypoints);
    g_test_add_func("/robust/empty-data-dir", test_empty_data_dir);
    g_test_add_func("/robust/route-file-fifo", test_route_file_fifo);
    g_test_add_func("/robust/truncated-basemap", test_truncated_basemap);
    g_test_add_func("/robust/render-file-leaves-no-temporary",
                    test_render_file_leaves_no_temporary);
    g_test_add_func("/robust/antimeridian-map-is-sea", test_antimeridian_map_is_sea);
    g_test_add_func("/robust/pole-to-pole-map", test_pole_to_pole_map);
    return test_run();
}
