/* cm_roads_import() through the API: the stages its progress reports, in
 * order and with real counts, and cancelling at each stage leaving
 * nothing (and an older database as it was). The data, Monaco's real OSM
 * extract, is read from ../shared/data beside the project. */
#include <glib/gstdio.h>
#include <string.h>

#include "test-support.h"

static char *monaco_path(void)
{
    return g_build_filename(g_getenv("G_TEST_SRCDIR"), "..", "..", "shared", "data",
                            "monaco.osm.pbf", NULL);
}

/* The Monaco extract, or NULL after skipping the test (failing under CI). */
static char *need_monaco(void)
{
    char *path = monaco_path();
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return path;
    if (g_strcmp0(g_getenv("CI"), "true") == 0)
        g_test_fail_printf("missing %s", path);
    else
        g_test_skip_printf("no %s", path);
    g_free(path);
    return NULL;
}

typedef struct recorder {
    GString *stages; /* "stage done/total;": each report but the road count's steps after the first */
    char last_stage[64];
    unsigned long long last_roads;  /* road layer: the count seen last */
    gboolean roads_decreased;
    const char *cancel_at;          /* cancel at the first report of this stage */
} recorder;

static int record(const char *stage, unsigned long long done, unsigned long long total,
                  void *data)
{
    recorder *r = data;
    if (strcmp(stage, "road layer") == 0) {
        r->roads_decreased |= done < r->last_roads;
        r->last_roads = done;
    }
    if (strcmp(stage, r->last_stage) != 0 || strcmp(stage, "road layer") != 0 || total)
        g_string_append_printf(r->stages, "%s %llu/%llu;", stage, done, total);
    g_strlcpy(r->last_stage, stage, sizeof r->last_stage);
    return r->cancel_at && strcmp(stage, r->cancel_at) == 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted, joined by spaces. */
static char *listing(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    g_ptr_array_add(names, NULL);
    char *joined = g_strjoinv(" ", (char **)names->pdata);
    g_ptr_array_free(names, TRUE);
    return joined;
}

static void remove_tree(const char *path)
{
    char *command = g_strdup_printf("rm -rf '%s'", path);
    g_assert_cmpint(system(command), ==, 0);
    g_free(command);
}

static void test_progress(void)
{
    char *monaco = need_monaco();
    if (!monaco)
        return;
    char *dir = g_dir_make_tmp("roads-XXXXXX", NULL);
    char *output = g_build_filename(dir, "monaco.roads", NULL);
    recorder r = {g_string_new(NULL), "", 0, FALSE, NULL};
    const char *inputs[] = {monaco};
    g_assert_cmpint(cm_roads_import(test_context(), inputs, 1, output, record, &r), ==, CM_OK);
    /* Parsing, then the road layer counting up in thousands to its 1,800
     * roads (as ogrinfo counts them: tests/cli/test-roads-import.sh), then
     * the routing database. */
    g_assert_cmpstr(r.stages->str, ==,
                    "reading monaco.osm.pbf 0/2;road layer 1000/0;road layer 1800/1800;"
                    "routing database 1/2;");
    g_assert_false(r.roads_decreased);
    char *names = listing(dir);
    g_assert_cmpstr(names, ==, "monaco.roads");
    g_free(names);
    names = listing(output);
    g_assert_cmpstr(names, ==, "manifest.json roads.gpkg routino");
    g_free(names);
    g_string_free(r.stages, TRUE);
    remove_tree(dir);
    g_free(output);
    g_free(dir);
    g_free(monaco);
}

/* Cancelling at stage, over an older database or none: CM_ERR_CANCELLED,
 * and the directory as it was. */
static void cancel_at(const char *stage, gboolean over_old)
{
    char *monaco = need_monaco();
    if (!monaco)
        return;
    char *dir = g_dir_make_tmp("roads-XXXXXX", NULL);
    char *output = g_build_filename(dir, "monaco.roads", NULL);
    char *marker = g_build_filename(output, "manifest.json", NULL);
    if (over_old) {
        g_assert_cmpint(g_mkdir(output, 0777), ==, 0);
        g_assert_true(g_file_set_contents(marker, "old", -1, NULL));
    }
    recorder r = {g_string_new(NULL), "", 0, FALSE, stage};
    const char *inputs[] = {monaco};
    cm_context *context = test_context();
    g_assert_cmpint(cm_roads_import(context, inputs, 1, output, record, &r), ==,
                    CM_ERR_CANCELLED);
    g_assert_cmpstr(cm_context_message(context), ==, "roads import cancelled");
    cm_context_clear_error(context);
    char *names = listing(dir);
    g_assert_cmpstr(names, ==, over_old ? "monaco.roads" : "");
    g_free(names);
    if (over_old) {
        char *text = NULL;
        g_assert_true(g_file_get_contents(marker, &text, NULL, NULL));
        g_assert_cmpstr(text, ==, "old");
        g_free(text);
        names = listing(output);
        g_assert_cmpstr(names, ==, "manifest.json");
        g_free(names);
    }
    g_string_free(r.stages, TRUE);
    remove_tree(dir);
    g_free(marker);
    g_free(output);
    g_free(dir);
    g_free(monaco);
}

static void test_cancel_reading(void) { cancel_at("reading monaco.osm.pbf", FALSE); }
static void test_cancel_roads(void) { cancel_at("road layer", TRUE); }
static void test_cancel_routing(void) { cancel_at("routing database", TRUE); }

/* Output paths refused before anything runs (any regular file passes the
 * inputs' check). */
static void test_bad_output(void)
{
    char *input = g_build_filename(g_getenv("G_TEST_SRCDIR"), "meson.build", NULL);
    const char *inputs[] = {input};
    cm_context *context = test_context();
    g_assert_cmpint(cm_roads_import(context, inputs, 1, "/tmp/", NULL, NULL), ==,
                    CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==,
                    "output '/tmp/' must name a new directory, e.g. NAME.roads");
    g_assert_cmpint(cm_roads_import(context, inputs, 1, "/nonexistent/x.roads", NULL, NULL),
                    ==, CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==,
                    "the directory of output '/nonexistent/x.roads' does not exist");
    g_assert_cmpint(cm_roads_import(context, inputs, 0, "x.roads", NULL, NULL), ==,
                    CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==, "no OpenStreetMap file to import");
    cm_context_clear_error(context);
    g_free(input);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/roads-import/progress", test_progress);
    g_test_add_func("/roads-import/cancel-reading", test_cancel_reading);
    g_test_add_func("/roads-import/cancel-road-layer", test_cancel_roads);
    g_test_add_func("/roads-import/cancel-routing", test_cancel_routing);
    g_test_add_func("/roads-import/bad-output", test_bad_output);
    int status = g_test_run();
    test_fixture_free();
    return status;
}
