/* The scene: names resolved together (routes and marks), what is computed
 * from them, and the same scene drawn alike by a map and a tiler. */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-support.h"

static cm_context *context;
static cm_geocoder *geocoder;

/* Tripoli, Lebanon and Tripoli, Libya, as the gazetteer has them. */
static cm_place *tripoli_lebanon, *tripoli_libya;

static cm_scene *resolved_scene(void (*fill)(cm_scene *))
{
    cm_scene *scene = cm_scene_new(context);
    fill(scene);
    if (cm_scene_resolve(scene, geocoder) != CM_OK)
        g_error("resolution failed: %s", cm_context_message(context));
    return scene;
}

static void example_and_tripoli(cm_scene *scene)
{
    cm_scene_add_example(scene);
    cm_scene_add_mark(scene, "Tripoli");
}

static void assert_same_place(const cm_place *a, const cm_place *b)
{
    g_assert_cmpstr(a->name, ==, b->name);
    g_assert_cmpstr(a->country, ==, b->country);
    g_assert_cmpfloat(a->position.lat, ==, b->position.lat);
    g_assert_cmpfloat(a->position.lon, ==, b->position.lon);
}

/* A mark is read in the context of the routes' waypoints: beside the
 * example convoy (Amman into Anbar) Tripoli is Lebanon's, beside a route
 * along the Libyan coast Libya's; alone (cm_geocoder_lookup()) it is
 * whichever ranks first, which is why the scene does not look marks up
 * one by one. */
static void test_marks_in_context(void)
{
    cm_scene *scene = resolved_scene(example_and_tripoli);
    g_assert_cmpuint(cm_scene_mark_count(scene), ==, 1);
    assert_same_place(cm_scene_mark(scene, 0), tripoli_lebanon);
    g_assert_nonnull(strstr(cm_scene_notes(scene), "taking 'Tripoli' as Tripoli (LBN)"));
    cm_scene_free(scene);

    scene = cm_scene_new(context);
    cm_scene_add_route_spec(scene, "name=Coast; Benghazi > Sirte > Misrata");
    cm_scene_add_mark(scene, "Tripoli");
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    g_assert_cmpstr(cm_route_name(cm_scene_route(scene, 0)), ==, "Coast");
    assert_same_place(cm_scene_mark(scene, 0), tripoli_libya);
    cm_scene_free(scene);
}

/* Regression: a marked site is no stop of the route, so the route's leg
 * rules do not apply to it. "Basra" marked beside Amman > Baghdad was taken
 * as Batsra, Israel, by a typo near the route ("Basrah 448 km away"), and
 * beside --center Baghdad warned of a 448 km "leg". */
static void test_mark_far_from_route_keeps_its_name(void)
{
    cm_scene *scene = cm_scene_new(context);
    const char *const stops[] = {"Amman", "Baghdad"};
    cm_scene_add_route_queries(scene, "Convoy route", stops, 2);
    cm_scene_add_mark(scene, "Basra");
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    const cm_place *basra = cm_scene_mark(scene, 0);
    g_assert_cmpstr(basra->name, ==, "Basrah");
    g_assert_cmpstr(basra->country, ==, "IRQ");
    g_assert_null(cm_scene_notes(scene));
    cm_scene_free(scene);

    scene = cm_scene_new(context);
    cm_scene_set_center(scene, "Baghdad");
    cm_scene_add_mark(scene, "Basra");
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    g_assert_cmpstr(cm_scene_mark(scene, 0)->country, ==, "IRQ");
    g_assert_null(cm_scene_notes(scene));
    cm_scene_free(scene);
}

static void example(cm_scene *scene)
{
    cm_scene_add_example(scene);
    cm_scene_add_example_marks(scene);
}

/* The example: its route, crossing, marks and title; without its marks,
 * only the caller's. */
static void test_example(void)
{
    cm_scene *scene = resolved_scene(example);
    g_assert_cmpuint(cm_scene_route_count(scene), ==, 1);
    const cm_route *route = cm_scene_route(scene, 0);
    g_assert_cmpstr(cm_route_name(route), ==, "Convoy route");
    g_assert_cmpuint(cm_route_waypoint_count(route), ==, 4);
    g_assert_cmpstr(cm_route_waypoint(route, 3)->name, ==, "Ayn al-Asad Air Base");
    const cm_crossing_list *crossings = cm_scene_crossings(scene, 0);
    g_assert_cmpuint(cm_crossing_list_count(crossings), ==, 1);
    g_assert_cmpstr(cm_crossing_list_get(crossings, 0)->from_country, ==, "JOR");
    g_assert_cmpstr(cm_crossing_list_get(crossings, 0)->to_country, ==, "IRQ");
    g_assert_null(cm_scene_march(scene, 0));
    g_assert_null(cm_scene_route(scene, 1));
    g_assert_null(cm_scene_crossings(scene, 1));
    const char *const *marks = cm_reference_markers();
    g_assert_cmpuint(cm_scene_mark_count(scene), ==, g_strv_length((char **)marks));
    g_assert_cmpstr(cm_scene_mark(scene, 0)->name, ==, "Ramadi");
    g_assert_null(cm_scene_mark(scene, cm_scene_mark_count(scene)));
    g_assert_cmpstr(cm_scene_title(scene), ==, cm_reference_title());
    cm_geo_point centre;
    g_assert_false(cm_scene_center(scene, &centre));
    cm_scene_free(scene);

    scene = resolved_scene(example_and_tripoli);
    g_assert_cmpuint(cm_scene_mark_count(scene), ==, 1);
    cm_scene_free(scene);
}

/* March parameters are copied, serial too, and give each route a table. */
static void test_march(void)
{
    cm_march_params params;
    cm_march_params_init(&params);
    g_assert_cmpint(cm_march_params_parse(context, "40", "071200ZSEP19", NULL, "20", NULL,
                                          &params), ==, CM_OK);
    char serial[] = "Serial 7";
    params.serial = serial;
    cm_scene *scene = cm_scene_new(context);
    cm_scene_add_route_queries(scene, "First", (const char *const[]){"Amman", "Zarqa"}, 2);
    cm_scene_add_route_queries(scene, "Second", (const char *const[]){"Ramadi", "Baghdad"}, 2);
    cm_scene_set_march(scene, &params);
    serial[0] = 'X';
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    g_assert_cmpuint(cm_scene_route_count(scene), ==, 2);
    g_assert_cmpstr(cm_route_name(cm_scene_route(scene, 1)), ==, "Second");
    for (size_t i = 0; i < 2; i++) {
        const cm_march_table *march = cm_scene_march(scene, i);
        g_assert_nonnull(march);
        g_assert_cmpstr(cm_march_table_serial(march), ==, "Serial 7");
        g_assert_cmpfloat(cm_march_table_speed_kmh(march), ==, 40);
        g_assert_cmpint(cm_march_table_column(march)->vehicles, ==, 20);
    }
    /* The report is of both routes, with their march tables. */
    char *report = cm_scene_report(scene, CM_REPORT_JSON, CM_UNITS_KM);
    g_assert_nonnull(report);
    g_assert_nonnull(strstr(report, "\"name\": \"First\""));
    g_assert_nonnull(strstr(report, "\"name\": \"Second\""));
    g_assert_nonnull(strstr(report, "\"serial\": \"Serial 7\""));
    cm_free(report);
    cm_scene_free(scene);
}

/* Without routes, the area a view will show is the sites' context: Tripoli
 * on a map of Iraq and the Levant is Lebanon's, on a map of Libya Libya's. */
static void test_area_is_context(void)
{
    const cm_bbox areas[] = {{38, 29, 48, 37}, {9, 28, 25, 34}};
    const cm_place *expected[] = {tripoli_lebanon, tripoli_libya};
    for (size_t i = 0; i < G_N_ELEMENTS(areas); i++) {
        cm_scene *scene = cm_scene_new(context);
        cm_scene_set_area(scene, &areas[i]);
        cm_scene_add_mark(scene, "Tripoli");
        g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
        assert_same_place(cm_scene_mark(scene, 0), expected[i]);
        cm_scene_free(scene);
    }
}

/* The centre is resolved with the marks but is not one. */
static void test_center(void)
{
    cm_scene *scene = cm_scene_new(context);
    cm_scene_add_mark(scene, "Ramadi");
    cm_scene_set_center(scene, "Baghdad");
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    g_assert_cmpuint(cm_scene_route_count(scene), ==, 0);
    g_assert_cmpuint(cm_scene_mark_count(scene), ==, 1);
    g_assert_null(cm_scene_title(scene));
    cm_geo_point centre;
    g_assert_true(cm_scene_center(scene, &centre));
    g_assert_cmpfloat_with_epsilon(centre.lat, 33.34, 0.05);
    g_assert_cmpfloat_with_epsilon(centre.lon, 44.40, 0.05);
    cm_scene_free(scene);
}

/* The first failure stops the resolution with the name it could not read;
 * a second resolution starts afresh. */
static void test_failure(void)
{
    cm_scene *scene = cm_scene_new(context);
    cm_scene_add_example(scene);
    cm_scene_add_mark(scene, "Qzxwvut");
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "Qzxwvut"));
    g_assert_cmpuint(cm_scene_mark_count(scene), ==, 0);
    /* Nothing half resolved: the example's route is not kept either. */
    g_assert_cmpuint(cm_scene_route_count(scene), ==, 0);
    cm_free(cm_scene_report(scene, CM_REPORT_TEXT, CM_UNITS_KM)); /* crashed before */
    cm_scene_free(scene);

    /* Regression: a failed route was kept as an empty entry, which the
     * report, the map and the tiler then read as a route. */
    scene = cm_scene_new(context);
    cm_scene_add_route_spec(scene, "Amman > Qzxwvut");
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_ERR_INPUT);
    g_assert_cmpuint(cm_scene_route_count(scene), ==, 0);
    g_assert_null(cm_scene_route(scene, 0));
    cm_scene_free(scene);

    scene = cm_scene_new(context);
    cm_scene_add_route_file(scene, "/nonexistent/route.gpx");
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "/nonexistent/route.gpx"));
    cm_scene_free(scene);

    scene = resolved_scene(example);
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    g_assert_cmpuint(cm_scene_route_count(scene), ==, 1);
    g_assert_cmpuint(cm_scene_mark_count(scene), ==, 4);
    cm_scene_free(scene);
}

/* A map drawn from the scene is the map drawn from its parts, and it
 * labels the mark where the scene put it. */
static void test_map_draws_scene(void)
{
    cm_scene *scene = resolved_scene(example_and_tripoli);
    cm_map *from_scene = cm_map_new(context), *from_parts = cm_map_new(context);
    /* What was added before is replaced. */
    cm_map_add_marker(from_scene, tripoli_libya);
    cm_map_set_scene(from_scene, scene);
    cm_map_add_route_with_march(from_parts, cm_scene_route(scene, 0), NULL);
    cm_map_add_crossings(from_parts, cm_scene_crossings(scene, 0));
    cm_map_add_marker(from_parts, cm_scene_mark(scene, 0));
    unsigned char *a, *b;
    size_t length_a, length_b;
    g_assert_cmpint(cm_map_render_memory(from_scene, CM_FORMAT_PNG, &a, &length_a), ==, CM_OK);
    g_assert_cmpint(cm_map_render_memory(from_parts, CM_FORMAT_PNG, &b, &length_b), ==, CM_OK);
    g_assert_cmpmem(a, length_a, b, length_b);
    cm_free(a);
    cm_free(b);

    double px, py;
    g_assert_cmpint(cm_map_geo_to_pixel(from_scene, tripoli_lebanon->position, &px, &py), ==,
                    CM_OK);
    gboolean labelled = FALSE;
    cm_map_label label;
    for (size_t i = 0; cm_map_label_get(from_scene, i, &label); i++)
        labelled |= strcmp(label.text, "Tripoli") == 0 && label.x0 < px + 30 &&
                    label.x1 > px - 30 && label.y0 < py + 30 && label.y1 > py - 30;
    g_assert_true(labelled);
    g_assert_null(cm_map_take_notes(from_scene));
    cm_map_free(from_scene);
    cm_map_free(from_parts);
    cm_scene_free(scene);
}

/* The tiler draws the same scene, the mark at the same place: its tile
 * labels it beside the scene's position, and the tiles equal those of a
 * tiler given the parts one by one. */
static void test_tiler_draws_scene(void)
{
    cm_scene *scene = resolved_scene(example_and_tripoli);
    cm_tiler *from_scene = cm_tiler_new(context), *from_parts = cm_tiler_new(context);
    cm_tiler_add_marker(from_scene, tripoli_libya);
    cm_tiler_set_scene(from_scene, scene);
    cm_tiler_add_route(from_parts, cm_scene_route(scene, 0));
    cm_tiler_add_crossings(from_parts, cm_scene_crossings(scene, 0));
    cm_tiler_add_marker(from_parts, cm_scene_mark(scene, 0));
    const int z = 8;
    cm_tile tile;
    g_assert_cmpint(cm_tile_for_point(context, tripoli_lebanon->position, z, &tile), ==, CM_OK);
    unsigned char *a, *b;
    size_t length_a, length_b;
    g_assert_cmpint(cm_tiler_render_tile(from_scene, tile, &a, &length_a), ==, CM_OK);
    g_assert_cmpint(cm_tiler_render_tile(from_parts, tile, &b, &length_b), ==, CM_OK);
    g_assert_cmpmem(a, length_a, b, length_b);
    cm_free(a);
    cm_free(b);

    /* The mark's pixel in the zoom's whole square, as the labels give it. */
    double lat = tripoli_lebanon->position.lat * G_PI / 180;
    double px = (tripoli_lebanon->position.lon + 180) / 360 * 256 * (1 << z);
    double py = (1 - log(tan(lat) + 1 / cos(lat)) / G_PI) / 2 * 256 * (1 << z);
    cm_tile_label *labels;
    size_t n;
    g_assert_cmpint(cm_tiler_labels(from_scene, tile, &labels, &n), ==, CM_OK);
    gboolean labelled = FALSE;
    for (size_t i = 0; i < n; i++)
        labelled |= strcmp(labels[i].text, "Tripoli") == 0 && labels[i].x0 < px + 30 &&
                    labels[i].x1 > px - 30 && labels[i].y0 < py + 30 && labels[i].y1 > py - 30;
    cm_tile_label_array_free(labels);
    g_assert_true(labelled);
    cm_tiler_free(from_scene);
    cm_tiler_free(from_parts);
    cm_scene_free(scene);
}

static void tripoli_alone(cm_scene *scene) { cm_scene_add_mark(scene, "Tripoli, Lebanon"); }

/* A mark a box or circle leaves out is noted, once, naming it; one inside
 * is not. Likewise for tiles. */
static void test_mark_outside_noted(void)
{
    cm_scene *scene = resolved_scene(tripoli_alone);
    cm_map *map = cm_map_new(context);
    cm_map_set_scene(map, scene);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){40, 30, 45, 35}), ==, CM_OK);
    char *notes = cm_map_take_notes(map);
    g_assert_cmpstr(notes, ==, "the mark Tripoli (LBN) is outside the map's extent and is not "
                               "drawn\n");
    cm_free(notes);
    g_assert_null(cm_map_take_notes(map));
    g_assert_cmpint(cm_map_set_center(map, 33.34, 44.40, 100), ==, CM_OK);
    notes = cm_map_take_notes(map);
    g_assert_nonnull(strstr(notes, "the mark Tripoli (LBN) is outside"));
    cm_free(notes);
    g_assert_cmpint(cm_map_set_bbox(map, &(cm_bbox){35, 33, 37, 35}), ==, CM_OK);
    g_assert_null(cm_map_take_notes(map));
    g_assert_cmpint(cm_map_fit_content(map, CM_MAP_DEFAULT_MARGIN), ==, CM_OK);
    g_assert_null(cm_map_take_notes(map));
    cm_map_free(map);

    /* The tiler notes marks outside the bounding box it writes. */
    cm_tiler *tiler = cm_tiler_new(context);
    cm_tiler_set_scene(tiler, scene);
    char *output = g_build_filename(g_get_tmp_dir(), "test-scene-XXXXXX", NULL);
    g_assert_nonnull(g_mkdtemp(output));
    char *mbtiles = g_build_filename(output, "t.mbtiles", NULL);
    cm_tiles_request request = {.bbox = {40, 30, 45, 35}, .min_z = 1, .max_z = 1, .jobs = 1};
    g_assert_cmpint(cm_tiler_write(tiler, mbtiles, &request, NULL), ==, CM_OK);
    notes = cm_tiler_take_notes(tiler);
    g_assert_cmpstr(notes, ==, "the mark Tripoli (LBN) is outside the tiles' bounding box\n");
    cm_free(notes);
    g_assert_null(cm_tiler_take_notes(tiler));
    request.bbox = (cm_bbox){35, 33, 37, 35};
    g_assert_cmpint(cm_tiler_write(tiler, mbtiles, &request, NULL), ==, CM_OK);
    g_assert_null(cm_tiler_take_notes(tiler));
    g_assert_cmpint(g_unlink(mbtiles), ==, 0);
    g_assert_cmpint(g_rmdir(output), ==, 0);
    g_free(mbtiles);
    g_free(output);
    cm_tiler_free(tiler);
    cm_scene_free(scene);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    geocoder = test_geocoder();
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "Tripoli, Lebanon", &tripoli_lebanon), ==,
                    CM_OK);
    g_assert_cmpint(cm_geocoder_lookup(geocoder, "Tripoli, Libya", &tripoli_libya), ==, CM_OK);
    g_assert_cmpstr(tripoli_lebanon->country, ==, "LBN");
    g_assert_cmpstr(tripoli_libya->country, ==, "LBY");
    g_test_add_func("/scene/marks-in-context", test_marks_in_context);
    g_test_add_func("/scene/mark-far-from-route-keeps-its-name",
                    test_mark_far_from_route_keeps_its_name);
    g_test_add_func("/scene/area-is-context", test_area_is_context);
    g_test_add_func("/scene/example", test_example);
    g_test_add_func("/scene/march", test_march);
    g_test_add_func("/scene/center", test_center);
    g_test_add_func("/scene/failure", test_failure);
    g_test_add_func("/scene/map-draws-scene", test_map_draws_scene);
    g_test_add_func("/scene/tiler-draws-scene", test_tiler_draws_scene);
    g_test_add_func("/scene/mark-outside-noted", test_mark_outside_noted);
    int status = test_run();
    cm_place_free(tripoli_lebanon);
    cm_place_free(tripoli_libya);
    return status;
}
