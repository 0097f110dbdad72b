/* The GeoPackage reader (src/core/geopackage.c) on small GeoPackages written
 * here with SQLite: every envelope size and byte order of the blob header
 * the specification allows, empty geometries, R-tree selection, and broken
 * blobs and missing layers reported as data errors. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/geopackage.h"
#include "test-support.h"

/* Appends v in the byte order asked for. */
static void put_u32(GByteArray *out, guint32 v, gboolean little)
{
    guint8 b[4];
    for (int i = 0; i < 4; i++)
        b[little ? i : 3 - i] = (guint8)(v >> (8 * i));
    g_byte_array_append(out, b, 4);
}

static void put_double(GByteArray *out, double d, gboolean little)
{
    guint64 bits;
    memcpy(&bits, &d, sizeof bits);
    guint8 b[8];
    for (int i = 0; i < 8; i++)
        b[little ? i : 7 - i] = (guint8)(bits >> (8 * i));
    g_byte_array_append(out, b, 8);
}

/* A GeoPackage blob of the square [x0, x0 + 1] x [y0, y0 + 1]: header with
 * envelope code envelope (0..4) in the header byte order little, then a
 * WKB polygon in the other byte order (each part says its own). */
static GByteArray *square_blob(double x0, double y0, int envelope, gboolean little)
{
    static const int envelope_doubles[] = {0, 4, 6, 6, 8};
    GByteArray *blob = g_byte_array_new();
    guint8 head[4] = {'G', 'P', 0, (guint8)(envelope << 1 | (little ? 1 : 0))};
    g_byte_array_append(blob, head, 4);
    put_u32(blob, 4326, little);
    double box[8] = {x0, x0 + 1, y0, y0 + 1, 0, 0, 0, 0};
    for (int i = 0; i < envelope_doubles[envelope]; i++)
        put_double(blob, box[i], little);
    gboolean wkb_little = !little;
    guint8 order = wkb_little ? 1 : 0;
    g_byte_array_append(blob, &order, 1);
    put_u32(blob, 3, wkb_little); /* Polygon */
    put_u32(blob, 1, wkb_little);
    put_u32(blob, 5, wkb_little);
    double ring[5][2] = {{x0, y0}, {x0 + 1, y0}, {x0 + 1, y0 + 1}, {x0, y0 + 1}, {x0, y0}};
    for (int i = 0; i < 5; i++) {
        put_double(blob, ring[i][0], wkb_little);
        put_double(blob, ring[i][1], wkb_little);
    }
    return blob;
}

static void exec(sqlite3 *db, const char *sql)
{
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK)
        g_error("%s: %s", sql, error);
}

static void add_country(sqlite3 *db, int fid, const char *iso3, const GByteArray *blob,
                        double x0, double y0)
{
    sqlite3_stmt *stmt;
    g_assert_cmpint(sqlite3_prepare_v2(db, "INSERT INTO countries VALUES (?, ?, ?, ?, 1)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int(stmt, 1, fid);
    sqlite3_bind_blob(stmt, 2, blob->data, (int)blob->len, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, iso3, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, iso3, -1, SQLITE_STATIC);
    g_assert_cmpint(sqlite3_step(stmt), ==, SQLITE_DONE);
    sqlite3_finalize(stmt);
    char *sql = g_strdup_printf("INSERT INTO rtree_countries_geom VALUES (%d, %g, %g, %g, %g)",
                                fid, x0, x0 + 1, y0, y0 + 1);
    exec(db, sql);
    g_free(sql);
}

/* A data directory whose geodata/world.gpkg has a countries layer of unit
 * squares along the equator, one per header variant: AAA at 0..1 (no
 * envelope, big-endian header), BBB at 2..3 (32-byte envelope), CCC at 4..5
 * (48 bytes, XYZ), DDD at 6..7 (48 bytes, XYM), EEE at 8..9 (64 bytes),
 * then an empty geometry at 10..11 and, when broken, a truncated blob at
 * 12..13. The caller frees the path with g_free(). */
static char *make_data_dir(gboolean broken)
{
    char *dir = g_dir_make_tmp("convoymap-gpkg-XXXXXX", NULL);
    char *geodata = g_build_filename(dir, "geodata", NULL);
    g_mkdir(geodata, 0700);
    char *path = g_build_filename(geodata, "world.gpkg", NULL);
    sqlite3 *db;
    g_assert_cmpint(sqlite3_open(path, &db), ==, SQLITE_OK);
    exec(db, "CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, "
             "geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);"
             "INSERT INTO gpkg_geometry_columns VALUES ('countries', 'geom', 'POLYGON', 4326, "
             "0, 0);"
             "CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT, min_x DOUBLE, "
             "min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);"
             "INSERT INTO gpkg_contents VALUES ('countries', 'features', 0, 0, 14, 1, 4326);"
             "CREATE TABLE countries (fid INTEGER PRIMARY KEY, geom BLOB, iso3 TEXT, name TEXT, "
             "mapcolor INTEGER);"
             "CREATE VIRTUAL TABLE rtree_countries_geom USING rtree(id, minx, maxx, miny, maxy)");
    const char *names[] = {"AAA", "BBB", "CCC", "DDD", "EEE"};
    for (int envelope = 0; envelope <= 4; envelope++) {
        GByteArray *blob = square_blob(2.0 * envelope, 0, envelope, envelope > 0);
        add_country(db, envelope + 1, names[envelope], blob, 2.0 * envelope, 0);
        g_byte_array_free(blob, TRUE);
    }
    GByteArray *empty = g_byte_array_new();
    guint8 head[8] = {'G', 'P', 0, 0x11, 0xE6, 0x10, 0, 0};
    g_byte_array_append(empty, head, 8);
    add_country(db, 6, "FFF", empty, 10, 0);
    g_byte_array_free(empty, TRUE);
    if (broken) {
        GByteArray *blob = square_blob(12, 0, 1, TRUE);
        g_byte_array_set_size(blob, blob->len - 20);
        add_country(db, 7, "GGG", blob, 12, 0);
        g_byte_array_free(blob, TRUE);
    }
    sqlite3_close(db);
    g_free(path);
    g_free(geodata);
    return dir;
}

static void remove_data_dir(char *dir)
{
    char *path = g_build_filename(dir, "geodata", "world.gpkg", NULL);
    g_remove(path);
    g_free(path);
    path = g_build_filename(dir, "geodata", NULL);
    g_rmdir(path);
    g_free(path);
    g_rmdir(dir);
    g_free(dir);
}

static void test_header_variants(void)
{
    char *dir = make_data_dir(FALSE);
    cm_context *context = cm_context_new(dir, NULL);
    g_assert_nonnull(context);
    const char *expected[] = {"AAA", "BBB", "CCC", "DDD", "EEE"};
    for (int i = 0; i < 5; i++) {
        char iso3[4];
        cm_geo_point inside = {0.5, 2.0 * i + 0.5};
        g_assert_cmpint(cm_country_at(context, inside, iso3), ==, CM_OK);
        g_assert_cmpstr(iso3, ==, expected[i]);
        /* Between the squares: no country. */
        cm_geo_point between = {0.5, 2.0 * i + 1.5};
        g_assert_cmpint(cm_country_at(context, between, iso3), ==, CM_OK);
        g_assert_cmpstr(iso3, ==, "");
    }
    /* The empty geometry is no country, and no error. */
    char iso3[4];
    g_assert_cmpint(cm_country_at(context, (cm_geo_point){0.5, 10.5}, iso3), ==, CM_OK);
    g_assert_cmpstr(iso3, ==, "");
    cm_context_free(context);
    remove_data_dir(dir);
}

/* The features of layer in the box, as "ISO ISO ", asserting that each is
 * a unit square with mapcolor 1; empty geometries are left out. */
static char *select_countries(cm_context *context, cm_gpkg_layer *layer, double west,
                              double south, double east, double north)
{
    GString *found = g_string_new(NULL);
    cm_gpkg_layer_select(layer, west, south, east, north);
    while (cm_gpkg_layer_next(layer)) {
        GEOSGeometry *geometry = cm_gpkg_layer_geometry(layer);
        if (!geometry)
            continue;
        double area = 0;
        GEOSArea_r(cm_context_geos(context), geometry, &area);
        g_assert_cmpfloat_with_epsilon(area, 1.0, 1e-12);
        GEOSGeom_destroy_r(cm_context_geos(context), geometry);
        g_assert_cmpint(cm_gpkg_layer_int(layer, 1), ==, 1);
        g_string_append_printf(found, "%s ", cm_gpkg_layer_text(layer, 0));
    }
    return g_string_free(found, FALSE);
}

/* The R-tree picks the features in a box, a box holding the whole layer
 * reads them all; every column comes back. */
static void test_rtree_selection(void)
{
    char *dir = make_data_dir(FALSE);
    cm_context *context = cm_context_new(dir, NULL);
    const char *reason;
    cm_geopackage *gpkg = cm_context_basemap(context, &reason);
    g_assert_nonnull(gpkg);
    static const char *const columns[] = {"iso3", "mapcolor", NULL};
    gboolean missing;
    cm_gpkg_layer *layer = cm_geopackage_layer(gpkg, "countries", columns, &missing);
    g_assert_nonnull(layer);
    char *found = select_countries(context, layer, 1.5, -1, 4.5, 1);
    g_assert_null(cm_geopackage_error(gpkg));
    g_assert_cmpstr(found, ==, "BBB CCC ");
    g_free(found);
    found = select_countries(context, layer, -180, -90, 180, 90);
    g_assert_cmpstr(found, ==, "AAA BBB CCC DDD EEE ");
    g_free(found);
    g_assert_null(cm_geopackage_layer(gpkg, "rivers", columns, &missing));
    g_assert_true(missing);
    cm_context_free(context);
    remove_data_dir(dir);
}

/* The basemap is opened once per context and kept by it. */
static void test_basemap_kept_by_context(void)
{
    char *dir = make_data_dir(FALSE);
    cm_context *context = cm_context_new(dir, NULL);
    const char *reason = "unset";
    cm_geopackage *first = cm_context_basemap(context, &reason);
    g_assert_nonnull(first);
    g_assert_null(reason);
    g_assert_true(cm_context_basemap(context, &reason) == first);
    cm_context *other = cm_context_new(dir, NULL);
    cm_geopackage *second = cm_context_basemap(other, &reason);
    g_assert_nonnull(second);
    g_assert_true(second != first);
    cm_context_free(other);
    cm_context_free(context);
    remove_data_dir(dir);
}

static int destroyed[3];

static void count_destroy(void *data) { destroyed[GPOINTER_TO_INT(data) - 1]++; }

/* What a module attaches to a context (the basemap's way of being owned
 * by a context that does not know its type): found by its key, destroyed
 * when replaced and when the context is freed, each exactly once. */
static void test_context_data(void)
{
    cm_context *context = cm_context_new(NULL, NULL);
    g_assert_nonnull(context);
    g_assert_null(cm_context_get_data(context, "test-never-set"));
    cm_context_set_data(context, "test-a", GINT_TO_POINTER(1), count_destroy);
    cm_context_set_data(context, "test-b", GINT_TO_POINTER(2), count_destroy);
    g_assert_true(cm_context_get_data(context, "test-a") == GINT_TO_POINTER(1));
    cm_context_set_data(context, "test-a", GINT_TO_POINTER(3), count_destroy);
    g_assert_cmpint(destroyed[0], ==, 1);
    g_assert_true(cm_context_get_data(context, "test-a") == GINT_TO_POINTER(3));
    g_assert_true(cm_context_get_data(context, "test-b") == GINT_TO_POINTER(2));
    g_assert_cmpint(destroyed[1] + destroyed[2], ==, 0);
    cm_context_free(context);
    g_assert_cmpint(destroyed[0], ==, 1);
    g_assert_cmpint(destroyed[1], ==, 1);
    g_assert_cmpint(destroyed[2], ==, 1);
}

static void test_broken_blob(void)
{
    char *dir = make_data_dir(TRUE);
    cm_context *context = cm_context_new(dir, NULL);
    char iso3[4];
    g_assert_cmpint(cm_country_at(context, (cm_geo_point){0.5, 12.5}, iso3), ==, CM_ERR_DATA);
    g_assert_nonnull(strstr(cm_context_message(context),
                            "world.gpkg: a feature of layer countries has a broken geometry"));
    cm_context_free(context);
    remove_data_dir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/geopackage/header-variants", test_header_variants);
    g_test_add_func("/geopackage/rtree-selection", test_rtree_selection);
    g_test_add_func("/geopackage/broken-blob", test_broken_blob);
    g_test_add_func("/geopackage/basemap-kept-by-context", test_basemap_kept_by_context);
    g_test_add_func("/geopackage/context-data", test_context_data);
    return g_test_run();
}
