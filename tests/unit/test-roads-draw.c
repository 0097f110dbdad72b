/* The roads layer on maps and tiles, checked at pixels placed from the road
 * geometry: points of roads.gpkg read through GDAL (not the layer's own
 * reader), put on the map by cm_map_geo_to_pixel(), have the style's
 * colour of their class with the roads and not without them; classes show
 * from their min-zoom; widths grow with zoom; tunnels fade, bridges cover;
 * the route runs over the roads; shields carry the road numbers and
 * collide with nothing; a tile cut from a metatile matches the tile drawn
 * alone. The database is imported from Monaco's real OSM extract
 * (../shared/data beside the project). */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <math.h>
#include <string.h>

#include "test-image.h"
#include "test-support.h"

/* Monaco, with the A8 along its north. */
static const cm_bbox monaco = {7.40, 43.72, 7.45, 43.76};
static char *database; /* NAME.roads, imported once */
/* Segments shorter than this are too near a join to test a colour on. */
#define MIN_SEGMENT_M 40.0
static char *scratch;  /* its directory */

static char *monaco_path(void)
{
    return g_build_filename(g_getenv("G_TEST_SRCDIR"), "..", "..", "shared", "data",
                            "monaco.osm.pbf", NULL);
}

/* The database imported from the Monaco extract, or NULL after skipping
 * the test (failing it under CI). */
static const char *need_database(void)
{
    if (database)
        return database;
    char *extract = monaco_path();
    if (!g_file_test(extract, G_FILE_TEST_IS_REGULAR)) {
        if (g_strcmp0(g_getenv("CI"), "true") == 0)
            g_test_fail_printf("missing %s", extract);
        else
            g_test_skip_printf("no %s", extract);
        g_free(extract);
        return NULL;
    }
    scratch = g_dir_make_tmp("convoymap-roads-draw-XXXXXX", NULL);
    g_assert_nonnull(scratch);
    database = g_build_filename(scratch, "monaco.roads", NULL);
    const char *inputs[] = {extract};
    g_assert_cmpint(cm_roads_import(test_context(), inputs, 1, database, NULL, NULL), ==,
                    CM_OK);
    g_free(extract);
    return database;
}

/* Up to max points on the roads of roads.gpkg that match where (SQL on the
 * layer roads): the middles of their segments of MIN_SEGMENT_M or more,
 * away from their joins with other roads. */
static GArray *road_points(const char *where, guint max)
{
    GDALAllRegister();
    char *path = g_build_filename(database, "roads.gpkg", NULL);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(dataset);
    char *sql = g_strdup_printf("SELECT geom FROM roads WHERE %s", where);
    OGRLayerH result = GDALDatasetExecuteSQL(dataset, sql, NULL, NULL);
    g_assert_nonnull(result);
    GArray *points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    OGRFeatureH feature;
    while (points->len < max && (feature = OGR_L_GetNextFeature(result))) {
        OGRGeometryH line = OGR_F_GetGeometryRef(feature);
        int n = line ? OGR_G_GetPointCount(line) : 0;
        for (int i = 1; i < n && points->len < max; i++) {
            double x0 = OGR_G_GetX(line, i - 1), y0 = OGR_G_GetY(line, i - 1);
            double x1 = OGR_G_GetX(line, i), y1 = OGR_G_GetY(line, i);
            double metres = hypot((x1 - x0) * cos(y0 * G_PI / 180), y1 - y0) * 111320;
            cm_geo_point middle = {(y0 + y1) / 2, (x0 + x1) / 2};
            if (metres >= MIN_SEGMENT_M)
                g_array_append_val(points, middle);
        }
        OGR_F_Destroy(feature);
    }
    GDALDatasetReleaseResultSet(dataset, result);
    GDALClose(dataset);
    g_free(sql);
    g_free(path);
    return points;
}

/* The distinct shield texts of the roads matching where. */
static GPtrArray *road_refs(const char *where)
{
    char *path = g_build_filename(database, "roads.gpkg", NULL);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(dataset);
    char *sql = g_strdup_printf("SELECT DISTINCT ref FROM roads WHERE ref <> '' AND %s", where);
    OGRLayerH result = GDALDatasetExecuteSQL(dataset, sql, NULL, NULL);
    g_assert_nonnull(result);
    GPtrArray *refs = g_ptr_array_new_with_free_func(g_free);
    OGRFeatureH feature;
    while ((feature = OGR_L_GetNextFeature(result))) {
        /* A shield shows a road's numbers, ';' in OSM, as " / ". */
        char **parts = g_strsplit(OGR_F_GetFieldAsString(feature, 0), ";", -1);
        g_ptr_array_add(refs, g_strjoinv(" / ", parts));
        g_strfreev(parts);
        OGR_F_Destroy(feature);
    }
    GDALDatasetReleaseResultSet(dataset, result);
    GDALClose(dataset);
    g_free(sql);
    g_free(path);
    return refs;
}

/* A 1200x900 map of box, with the roads of the database when roads. */
static cm_map *monaco_map(const cm_bbox *box, gboolean roads)
{
    cm_map *map = cm_map_new(test_context());
    g_assert_cmpint(cm_map_set_size(map, 1200, 900), ==, CM_OK);
    cm_map_set_inset(map, 0);
    g_assert_cmpint(cm_map_set_bbox(map, box), ==, CM_OK);
    if (roads)
        g_assert_cmpint(cm_map_set_roads(map, database), ==, CM_OK);
    return map;
}

static cairo_surface_t *render(cm_map *map)
{
    unsigned char *png;
    size_t length;
    g_assert_cmpint(cm_map_render_memory(map, CM_FORMAT_PNG, &png, &length), ==, CM_OK);
    cairo_surface_t *image = test_decode_png(png, length);
    cm_free(png);
    return image;
}

/* How many of points lie in the map area of map (clear of the title and
 * bottom bands) into *inside, and how many of those have colour. */
static guint count_colour(cm_map *map, cairo_surface_t *image, GArray *points, guint32 colour,
                          guint *inside)
{
    guint matches = 0;
    *inside = 0;
    for (guint i = 0; i < points->len; i++) {
        double x, y;
        g_assert_cmpint(cm_map_geo_to_pixel(map, g_array_index(points, cm_geo_point, i), &x,
                                            &y),
                        ==, CM_OK);
        if (x < 5 || x > 1195 || y < 100 || y > 800)
            continue;
        (*inside)++;
        matches += test_pixel(image, (int)x, (int)y) == colour;
    }
    return matches;
}

static guint32 road_colour(const char *key)
{
    return test_style_color(test_context(), "roads", key, 0);
}

/* Motorway and primary roads have their colours at their own points with
 * the roads, and not without them. */
static void test_class_colours(void)
{
    if (!need_database())
        return;
    static const struct {
        const char *where, *key;
    } classes[] = {
        {"class = 'motorway' AND bridge = 0 AND tunnel = 0", "motorway-color"},
        {"class = 'primary' AND bridge = 0 AND tunnel = 0", "primary-color"},
        {"class = 'secondary' AND bridge = 0 AND tunnel = 0", "secondary-color"},
    };
    cm_map *with = monaco_map(&monaco, TRUE), *without = monaco_map(&monaco, FALSE);
    cairo_surface_t *drawn = render(with), *bare = render(without);
    for (size_t c = 0; c < G_N_ELEMENTS(classes); c++) {
        GArray *points = road_points(classes[c].where, 200);
        guint32 colour = road_colour(classes[c].key);
        guint inside, inside_bare;
        guint hits = count_colour(with, drawn, points, colour, &inside);
        guint bare_hits = count_colour(without, bare, points, colour, &inside_bare);
        g_test_message("%s: %u of %u points in %06x, %u without roads", classes[c].key, hits,
                       inside, colour, bare_hits);
        g_assert_cmpuint(inside, >=, 10);
        /* Crossings, bridges above and labels cover a few. */
        g_assert_cmpuint(hits, >=, inside * 8 / 10);
        g_assert_cmpuint(bare_hits, ==, 0);
        g_array_free(points, TRUE);
    }
    cairo_surface_destroy(drawn);
    cairo_surface_destroy(bare);
    cm_map_free(with);
    cm_map_free(without);
}

/* A bridge is drawn over what lies below it, in its class's colour; a
 * tunnel's fill is faded, never its class's full colour. */
static void test_bridges_and_tunnels(void)
{
    if (!need_database())
        return;
    cm_map *map = monaco_map(&monaco, TRUE);
    cairo_surface_t *image = render(map);
    guint32 primary = road_colour("primary-color");
    GArray *bridges = road_points("class = 'primary' AND bridge = 1", 100);
    GArray *tunnels = road_points("class = 'primary' AND tunnel = 1", 100);
    guint bridges_in, tunnels_in;
    guint bridge_hits = count_colour(map, image, bridges, primary, &bridges_in);
    guint tunnel_hits = count_colour(map, image, tunnels, primary, &tunnels_in);
    g_test_message("bridges %u of %u, tunnels %u of %u in the primary colour", bridge_hits,
                   bridges_in, tunnel_hits, tunnels_in);
    g_assert_cmpuint(bridges_in, >=, 3);
    g_assert_cmpuint(tunnels_in, >=, 3);
    g_assert_cmpuint(bridge_hits, >=, bridges_in * 8 / 10);
    /* A tunnel under a road on the ground shows that road's colour. */
    g_assert_cmpuint(tunnel_hits, <=, tunnels_in / 5);
    g_array_free(bridges, TRUE);
    g_array_free(tunnels, TRUE);
    cairo_surface_destroy(image);
    cm_map_free(map);
}

/* Pixels of colour in the image. */
static guint64 count_pixels(cairo_surface_t *image, guint32 colour)
{
    guint64 count = 0;
    for (int y = 0; y < cairo_image_surface_get_height(image); y++)
        for (int x = 0; x < cairo_image_surface_get_width(image); x++)
            count += test_pixel(image, x, y) == colour;
    return count;
}

/* Tracks (min-zoom 13 in the default style) show on a map of zoom 14 and
 * not on one of zoom 12; the A8 shows on both. */
static void test_min_zoom(void)
{
    if (!need_database())
        return;
    cm_map *near = cm_map_new(test_context()), *far = cm_map_new(test_context());
    g_assert_cmpint(cm_map_set_size(near, 1200, 900), ==, CM_OK);
    g_assert_cmpint(cm_map_set_size(far, 1200, 900), ==, CM_OK);
    g_assert_cmpint(cm_map_set_center(near, 43.745, 7.42, 2), ==, CM_OK);
    g_assert_cmpint(cm_map_set_center(far, 43.745, 7.42, 8), ==, CM_OK);
    g_assert_cmpint(cm_map_set_roads(near, database), ==, CM_OK);
    g_assert_cmpint(cm_map_set_roads(far, database), ==, CM_OK);
    double near_zoom = cm_map_zoom(near), far_zoom = cm_map_zoom(far);
    g_assert_cmpfloat(near_zoom, >=, 13);
    g_assert_cmpfloat(far_zoom, <, 13);
    cairo_surface_t *near_image = render(near), *far_image = render(far);
    guint32 track = road_colour("track-color"), motorway = road_colour("motorway-color");
    guint64 near_tracks = count_pixels(near_image, track);
    guint64 far_tracks = count_pixels(far_image, track);
    g_test_message("zoom %.1f: %" G_GUINT64_FORMAT " track pixels; zoom %.1f: %"
                   G_GUINT64_FORMAT, near_zoom, near_tracks, far_zoom, far_tracks);
    g_assert_cmpuint(near_tracks, >, 100);
    g_assert_cmpuint(far_tracks, ==, 0);
    g_assert_cmpuint(count_pixels(far_image, motorway), >, 100);
    cairo_surface_destroy(near_image);
    cairo_surface_destroy(far_image);
    cm_map_free(near);
    cm_map_free(far);
}

/* The run of colour through (x, y) along the row, in pixels. */
static int row_run(cairo_surface_t *image, int x, int y, guint32 colour)
{
    int width = cairo_image_surface_get_width(image);
    if (test_pixel(image, x, y) != colour)
        return 0;
    int left = x, right = x;
    while (left > 0 && test_pixel(image, left - 1, y) == colour)
        left--;
    while (right + 1 < width && test_pixel(image, right + 1, y) == colour)
        right++;
    return right - left + 1;
}

/* A motorway is wider on the map of the next zoom in by the style's
 * width-growth (1.3), measured across it at the same points. */
static void test_width_grows(void)
{
    if (!need_database())
        return;
    cm_map *maps[2];
    double zooms[2];
    cairo_surface_t *images[2];
    for (int i = 0; i < 2; i++) {
        maps[i] = cm_map_new(test_context());
        g_assert_cmpint(cm_map_set_size(maps[i], 1200, 900), ==, CM_OK);
        g_assert_cmpint(cm_map_set_center(maps[i], 43.747, 7.41, i ? 1 : 2), ==, CM_OK);
        g_assert_cmpint(cm_map_set_roads(maps[i], database), ==, CM_OK);
        zooms[i] = cm_map_zoom(maps[i]);
        images[i] = render(maps[i]);
    }
    GArray *points = road_points("class = 'motorway' AND bridge = 0 AND tunnel = 0", 200);
    guint32 motorway = road_colour("motorway-color");
    double runs[2] = {0, 0};
    int n = 0;
    for (guint p = 0; p < points->len; p++) {
        int run[2];
        for (int i = 0; i < 2; i++) {
            double x, y;
            g_assert_cmpint(cm_map_geo_to_pixel(maps[i], g_array_index(points, cm_geo_point, p),
                                                &x, &y),
                            ==, CM_OK);
            gboolean inside = x >= 5 && x <= 1195 && y >= 100 && y <= 800;
            run[i] = inside ? row_run(images[i], (int)x, (int)y, motorway) : 0;
        }
        /* Where the road runs almost along the row, the run is its length. */
        if (run[0] > 0 && run[1] > 0 && run[0] < 20) {
            runs[0] += run[0];
            runs[1] += run[1];
            n++;
        }
    }
    double expected = pow(1.3, zooms[1] - zooms[0]);
    g_test_message("zoom %.2f to %.2f: %d points, mean run %.2f to %.2f px (expected x%.2f)",
                   zooms[0], zooms[1], n, runs[0] / n, runs[1] / n, expected);
    g_assert_cmpint(n, >=, 5);
    g_assert_cmpfloat(runs[1] / runs[0], >, expected * 0.8);
    g_assert_cmpfloat(runs[1] / runs[0], <, expected * 1.25);
    g_array_free(points, TRUE);
    for (int i = 0; i < 2; i++) {
        cairo_surface_destroy(images[i]);
        cm_map_free(maps[i]);
    }
}

/* Route shields carry the road numbers of the roads drawn, none overlaps
 * another label, and there are none below the style's shield-min-zoom. */
static void test_shields(void)
{
    if (!need_database())
        return;
    GPtrArray *refs = road_refs("class IN ('motorway', 'primary', 'secondary')");
    g_assert_cmpuint(refs->len, >=, 3);
    cm_map *map = monaco_map(&monaco, TRUE);
    cairo_surface_t *image = render(map);
    cm_map_label label, other;
    guint shields = 0;
    for (size_t i = 0; cm_map_label_get(map, i, &label); i++) {
        for (guint r = 0; r < refs->len; r++)
            shields += strcmp(label.text, g_ptr_array_index(refs, r)) == 0;
        for (size_t j = i + 1; cm_map_label_get(map, j, &other); j++)
            g_assert_false(label.x0 < other.x1 && other.x0 < label.x1 && label.y0 < other.y1 &&
                           other.y0 < label.y1);
    }
    g_test_message("%u shields", shields);
    g_assert_cmpuint(shields, >=, 3);
    cairo_surface_destroy(image);
    cm_map_free(map);

    /* Zoom 9: the wider region; the motorways show, no shield. */
    cm_map *wide = cm_map_new(test_context());
    g_assert_cmpint(cm_map_set_center(wide, 43.74, 7.42, 80), ==, CM_OK);
    g_assert_cmpint(cm_map_set_roads(wide, database), ==, CM_OK);
    g_assert_cmpfloat(cm_map_zoom(wide), <, 10);
    image = render(wide);
    for (size_t i = 0; cm_map_label_get(wide, i, &label); i++)
        for (guint r = 0; r < refs->len; r++)
            g_assert_cmpstr(label.text, !=, g_ptr_array_index(refs, r));
    cairo_surface_destroy(image);
    cm_map_free(wide);
    g_ptr_array_free(refs, TRUE);
}

/* A route along the roads is drawn over them: its colour at its own
 * points. */
static void test_route_over_roads(void)
{
    if (!need_database())
        return;
    cm_context *context = test_context();
    cm_roads *roads = cm_roads_open(context, database);
    g_assert_nonnull(roads);
    cm_scene *scene = cm_scene_new(context);
    cm_scene_set_roads(scene, roads, NULL, 0);
    cm_scene_add_route_spec(scene, "43.7384,7.4246 > 43.7311,7.4197");
    g_assert_cmpint(cm_scene_resolve(scene, test_geocoder()), ==, CM_OK);
    cm_map *map = monaco_map(&monaco, TRUE);
    cm_map_set_scene(map, scene);
    cairo_surface_t *image = render(map);
    size_t n;
    cm_geo_point *line = cm_route_line(cm_scene_route(scene, 0), 50, &n);
    GArray *points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    g_array_append_vals(points, line, (guint)n);
    guint inside;
    guint hits = count_colour(map, image, points, test_style_color(context, "route", "color", 0),
                              &inside);
    g_test_message("route colour at %u of %u of its points", hits, inside);
    g_assert_cmpuint(inside, >=, 20);
    g_assert_cmpuint(hits, >=, inside * 8 / 10);
    g_array_free(points, TRUE);
    cm_free(line);
    cairo_surface_destroy(image);
    cm_map_free(map);
    cm_scene_set_roads(scene, NULL, NULL, 0);
    cm_scene_free(scene);
    cm_roads_free(roads);
}

/* Not a roads database: one message naming it, and the map keeps its
 * roads. */
static void test_bad_database(void)
{
    if (!need_database())
        return;
    cm_context *context = test_context();
    cm_map *map = monaco_map(&monaco, TRUE);
    g_assert_cmpint(cm_map_set_roads(map, scratch), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), scratch));
    g_assert_nonnull(strstr(cm_context_message(context), "manifest.json"));
    cairo_surface_t *image = render(map);
    g_assert_cmpuint(count_pixels(image, road_colour("motorway-color")), >, 100);
    cairo_surface_destroy(image);
    cm_map_free(map);
}

/* A database of version 1 (no tier layers) is refused in one line saying
 * to import it again; one of version 2 whose roads.gpkg lacks a tier layer
 * names the layer. */
static void test_old_database(void)
{
    if (!need_database())
        return;
    cm_context *context = test_context();
    char *old = g_build_filename(scratch, "old.roads", NULL);
    char *manifest = g_build_filename(old, "manifest.json", NULL);
    char *gpkg = g_build_filename(old, "roads.gpkg", NULL);
    char *source = g_build_filename(database, "roads.gpkg", NULL);
    g_assert_cmpint(g_mkdir_with_parents(old, 0755), ==, 0);
    char *contents;
    gsize length;
    g_assert_true(g_file_get_contents(source, &contents, &length, NULL));
    g_assert_true(g_file_set_contents(gpkg, contents, (gssize)length, NULL));
    g_free(contents);
    g_assert_true(g_file_set_contents(manifest, "{\"format\": \"convoymap-roads\", "
                                      "\"version\": 1}", -1, NULL));
    cm_map *map = monaco_map(&monaco, FALSE);
    g_assert_cmpint(cm_map_set_roads(map, old), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), old));
    g_assert_nonnull(strstr(cm_context_message(context), "of version 1; this convoymap reads "
                                                         "version 2: import it again"));
    g_assert_null(strchr(cm_context_message(context), '\n'));

    g_assert_true(g_file_set_contents(manifest, "{\"format\": \"convoymap-roads\", "
                                      "\"version\": 2}", -1, NULL));
    sqlite3 *db;
    g_assert_cmpint(sqlite3_open(gpkg, &db), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_exec(db, "DROP TABLE roads_main; DELETE FROM gpkg_geometry_columns "
                                 "WHERE table_name = 'roads_main'; DELETE FROM gpkg_contents "
                                 "WHERE table_name = 'roads_main'", NULL, NULL, NULL), ==,
                    SQLITE_OK);
    sqlite3_close(db);
    g_assert_cmpint(cm_map_set_roads(map, old), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "no layer 'roads_main'"));
    cm_map_free(map);
    g_free(old);
    g_free(manifest);
    g_free(gpkg);
    g_free(source);
}

/* Tiles draw the roads, and a tile cut from a metatile matches the same
 * tile drawn alone: every tile reads its roads with a margin, so that
 * lines cut at a metatile's edge meet. */
static void test_tile_seams(void)
{
    if (!need_database())
        return;
    cm_context *context = test_context();
    cm_tiler *tiler = cm_tiler_new(context);
    g_assert_cmpint(cm_tiler_set_roads(tiler, database, NULL, 0), ==, CM_OK);
    g_assert_cmpint(cm_tiler_set_metatile(tiler, 2), ==, CM_OK);
    char *dir = g_build_filename(scratch, "tiles", NULL);
    cm_tiles_request request = {.bbox = monaco, .min_z = 14, .max_z = 14, .jobs = 2};
    cm_tiles_summary summary;
    g_assert_cmpint(cm_tiler_write(tiler, dir, &request, &summary), ==, CM_OK);
    int x0, y0, x1, y1;
    g_assert_cmpint(cm_tile_range(context, &request.bbox, 14, &x0, &y0, &x1, &y1), ==, CM_OK);
    guint32 motorway = road_colour("motorway-color");
    guint64 road_pixels = 0;
    for (int x = x0; x <= x1; x++)
        for (int y = y0; y <= y1; y++) {
            char *path = g_strdup_printf("%s/14/%d/%d.png", dir, x, y);
            cairo_surface_t *cut = cairo_image_surface_create_from_png(path);
            g_assert_cmpint(cairo_surface_status(cut), ==, CAIRO_STATUS_SUCCESS);
            unsigned char *png;
            size_t length;
            g_assert_cmpint(cm_tiler_render_tile(tiler, (cm_tile){14, x, y}, &png, &length),
                            ==, CM_OK);
            cairo_surface_t *alone = test_decode_png(png, length);
            int worst = 0, far = 0; /* far: pixels off by more than 6 levels */
            for (int py = 0; py < 256; py++)
                for (int px = 0; px < 256; px++) {
                    guint32 a = test_pixel(cut, px, py), b = test_pixel(alone, px, py);
                    int off = 0;
                    for (int shift = 0; shift <= 16; shift += 8)
                        off = MAX(off, abs((int)((a >> shift) & 0xff) -
                                           (int)((b >> shift) & 0xff)));
                    far += off > 6;
                    worst = MAX(worst, off);
                }
            /* The fast antialiasing of road lines puts an edge pixel a few
             * levels apart on surfaces of different sizes; a casing cut at
             * a metatile's edge would differ from the land by far more. */
            g_assert_cmpint(worst, <=, 24);
            g_assert_cmpint(far, <=, 256 * 256 / 1000);
            road_pixels += count_pixels(cut, motorway);
            cairo_surface_destroy(cut);
            cairo_surface_destroy(alone);
            cm_free(png);
            g_free(path);
        }
    g_test_message("%" G_GUINT64_FORMAT " motorway pixels in %llu tiles", road_pixels,
                   summary.tiles);
    g_assert_cmpuint(road_pixels, >, 1000);
    g_free(dir);
    cm_tiler_free(tiler);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/roads-draw/class-colours", test_class_colours);
    g_test_add_func("/roads-draw/bridges-and-tunnels", test_bridges_and_tunnels);
    g_test_add_func("/roads-draw/min-zoom", test_min_zoom);
    g_test_add_func("/roads-draw/width-grows", test_width_grows);
    g_test_add_func("/roads-draw/shields", test_shields);
    g_test_add_func("/roads-draw/route-over-roads", test_route_over_roads);
    g_test_add_func("/roads-draw/bad-database", test_bad_database);
    g_test_add_func("/roads-draw/old-database", test_old_database);
    g_test_add_func("/roads-draw/tile-seams", test_tile_seams);
    int status = test_run();
    if (scratch) {
        char *command = g_strdup_printf("rm -rf '%s'", scratch);
        g_assert_cmpint(system(command), ==, 0);
        g_free(command);
    }
    g_free(database);
    g_free(scratch);
    return status;
}
