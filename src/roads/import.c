/* Importing OpenStreetMap extracts into a roads database (roads-import.h).
 *
 * The routing database is written by Routino's own importer, planetsplitter,
 * run as a child process once per input (--parse-only, then --append) so
 * that a failure names its input, and once more (--process-only) to build
 * the database; the road layer for drawing is written by the GDAL module
 * from the OSM driver's lines. All of it goes into a temporary directory
 * beside the output, renamed into place only when complete. */
#define _GNU_SOURCE /* renameat2 */
#include "core/internal.h"
#include "core/json.h"
#include "core/ogr-loader.h"
#include "roads-files.h"
#include "roads-lines.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <glib/gstdio.h>

/* The highway classes of the road layer, from motorways to service roads:
 * what convoys drive on. Paths, footways and the like are left out. */
static const char *const road_classes[] = {
    "motorway",      "trunk",          "primary",        "secondary",
    "tertiary",      "motorway_link",  "trunk_link",     "primary_link",
    "secondary_link", "tertiary_link", "unclassified",   "residential",
    "track",         "service",
};

#define ROUTINO_TAGGING "tagging.xml"
#define PLANETSPLITTER "planetsplitter"

/* Removes path and, when it is a directory, everything in it. */
static void remove_tree(const char *path)
{
    GDir *dir = g_file_test(path, G_FILE_TEST_IS_SYMLINK) ? NULL : g_dir_open(path, 0, NULL);
    if (dir) {
        const char *name;
        while ((name = g_dir_read_name(dir)) != NULL) {
            char *child = g_build_filename(path, name, NULL);
            remove_tree(child);
            g_free(child);
        }
        g_dir_close(dir);
    }
    g_remove(path);
}

/* Flushes path (a file or directory) to the disk, so that the rename that
 * publishes the database never shows files the disk has not got. */
static gboolean sync_path(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return FALSE;
    gboolean ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

static gboolean sync_tree(const char *path)
{
    gboolean ok = TRUE;
    GDir *dir = g_dir_open(path, 0, NULL);
    if (dir) {
        const char *name;
        while ((name = g_dir_read_name(dir)) != NULL) {
            char *child = g_build_filename(path, name, NULL);
            ok = sync_tree(child) && ok;
            g_free(child);
        }
        g_dir_close(dir);
    }
    return sync_path(path) && ok;
}

#ifdef __linux__
/* planetsplitter dies with the import: a killed import leaves no child
 * writing into its directory. */
static void die_with_parent(void *data)
{
    (void)data;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
}
#endif

/* The last non-empty line of text, in a new string. */
static char *last_line(const char *text)
{
    char **lines = g_strsplit(text ? text : "", "\n", -1);
    const char *found = "";
    for (char **line = lines; *line; line++) {
        g_strstrip(*line);
        if (**line)
            found = *line;
    }
    char *copy = g_strdup(found);
    g_strfreev(lines);
    return copy;
}

/* Runs planetsplitter with the arguments (NULL-terminated). On failure
 * returns FALSE with its last line of errors in *error (g_free()). */
static gboolean run_planetsplitter(const char *program, const char *const *arguments,
                                   char **error)
{
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (char *)program);
    for (const char *const *argument = arguments; *argument; argument++)
        g_ptr_array_add(argv, (char *)*argument);
    g_ptr_array_add(argv, NULL);
    char *errors = NULL;
    int wait_status = 0;
    GError *spawn_error = NULL;
    GSpawnChildSetupFunc setup = NULL;
#ifdef __linux__
    setup = die_with_parent;
#endif
    /* Its progress (stdout) is not ours to print; its errors are one per
     * failure, on stderr. */
    gboolean ran = g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                setup, NULL, NULL, &errors, &wait_status, &spawn_error);
    g_ptr_array_free(argv, TRUE);
    gboolean ok = ran && g_spawn_check_wait_status(wait_status, &spawn_error);
    if (!ok) {
        /* Its own last word, or, when it said nothing (a signal), GLib's. */
        char *line = ran ? last_line(errors) : g_strdup("");
        *error = *line ? g_strdup(line) : g_strdup(spawn_error->message);
        g_free(line);
    }
    if (spawn_error)
        g_error_free(spawn_error);
    g_free(errors);
    return ok;
}

/* What an import needs, found before anything is written. */
typedef struct import_tools {
    char *planetsplitter, *tagging;
    const cm_ogr_api *ogr;
} import_tools;

static cm_status find_tools(cm_context *context, import_tools *tools)
{
    tools->planetsplitter = g_find_program_in_path(PLANETSPLITTER);
    if (!tools->planetsplitter)
        return cm_fail(context, CM_ERR_LIBRARY,
                       "Routino's importer '" PLANETSPLITTER "' is not in PATH (Debian "
                       "package routino)");
    tools->tagging = cm_routino_data_file(ROUTINO_TAGGING);
    if (!tools->tagging)
        return cm_fail(context, CM_ERR_LIBRARY,
                       "Routino's tagging rules " CM_ROUTINO_DATA_DIR "/" ROUTINO_TAGGING
                       " are missing (Debian package routino)");
    tools->ogr = cm_ogr_module(context);
    return tools->ogr ? CM_OK : cm_context_status(context);
}

/* The inputs exist and are files; the output's directory exists and the
 * output, when it exists, is a roads database to replace. */
static cm_status check_paths(cm_context *context, const char *const *inputs, size_t n_inputs,
                             const char *output)
{
    if (n_inputs == 0)
        return cm_fail(context, CM_ERR_INPUT, "no OpenStreetMap file to import");
    for (size_t i = 0; i < n_inputs; i++) {
        if (!g_file_test(inputs[i], G_FILE_TEST_EXISTS))
            return cm_fail(context, CM_ERR_INPUT, "input '%s' does not exist", inputs[i]);
        if (!g_file_test(inputs[i], G_FILE_TEST_IS_REGULAR))
            return cm_fail(context, CM_ERR_INPUT, "input '%s' is not a regular file",
                           inputs[i]);
    }
    char *parent = g_path_get_dirname(output);
    gboolean parent_ok = g_file_test(parent, G_FILE_TEST_IS_DIR);
    g_free(parent);
    if (!*output || g_str_has_suffix(output, G_DIR_SEPARATOR_S))
        return cm_fail(context, CM_ERR_INPUT, "output '%s' must name a new directory, "
                       "e.g. NAME.roads", output);
    if (!parent_ok)
        return cm_fail(context, CM_ERR_INPUT, "the directory of output '%s' does not exist",
                       output);
    if (g_file_test(output, G_FILE_TEST_EXISTS)) {
        char *manifest = g_build_filename(output, CM_ROADS_MANIFEST, NULL);
        gboolean is_roads = g_file_test(output, G_FILE_TEST_IS_DIR) &&
                            !g_file_test(output, G_FILE_TEST_IS_SYMLINK) &&
                            g_file_test(manifest, G_FILE_TEST_IS_REGULAR);
        g_free(manifest);
        if (!is_roads)
            return cm_fail(context, CM_ERR_INPUT,
                           "output '%s' exists and is not a roads database; not replacing it",
                           output);
    }
    return CM_OK;
}

/* The temporary directories of imports to output that were killed (their
 * process is gone), which nothing else would remove:
 * OUTPUT.partial-PID-XXXXXX. */
static void remove_stale_work(const char *output)
{
    char *parent = g_path_get_dirname(output);
    char *base = g_path_get_basename(output);
    char *prefix = g_strconcat(base, ".partial-", NULL);
    g_free(base);
    GDir *dir = g_dir_open(parent, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name(dir)) != NULL) {
        if (!g_str_has_prefix(name, prefix))
            continue;
        char *end;
        long long pid = g_ascii_strtoll(name + strlen(prefix), &end, 10);
        if (pid <= 0 || pid > G_MAXINT || *end != '-' ||
            !(kill((pid_t)pid, 0) != 0 && errno == ESRCH))
            continue;
        char *path = g_build_filename(parent, name, NULL);
        remove_tree(path);
        g_free(path);
    }
    if (dir)
        g_dir_close(dir);
    g_free(prefix);
    g_free(parent);
}

typedef struct progress_state {
    cm_roads_progress_fn fn;
    void *data;
} progress_state;

static int road_count_progress(unsigned long long done, void *data)
{
    const progress_state *progress = data;
    return progress->fn ? progress->fn("road layer", done, 0, progress->data) : 0;
}

static gboolean report(const progress_state *progress, const char *stage,
                       unsigned long long done, unsigned long long total)
{
    return progress->fn && progress->fn(stage, done, total, progress->data) != 0;
}

/* Runs planetsplitter into directory routino: with an input, parses it
 * (index, of n_inputs, appending after the first); without, builds the
 * routing database from what was parsed. */
static cm_status run_routino(cm_context *context, const import_tools *tools,
                             const char *routino, const char *input, size_t index,
                             size_t n_inputs, const progress_state *progress)
{
    char *base = input ? g_path_get_basename(input) : NULL;
    char *stage = base ? g_strdup_printf("reading %s", base) : g_strdup("routing database");
    gboolean cancelled = report(progress, stage, input ? index : n_inputs, n_inputs + 1);
    g_free(stage);
    g_free(base);
    if (cancelled)
        return cm_fail(context, CM_ERR_CANCELLED, "roads import cancelled");
    char *dir = g_strconcat("--dir=", routino, NULL);
    char *tagging = g_strconcat("--tagging=", tools->tagging, NULL);
    const char *arguments[8] = {dir, "--prefix=" CM_ROADS_ROUTINO_PREFIX, tagging, "--loggable"};
    size_t n = 4;
    if (!input) {
        arguments[n++] = "--process-only";
    } else {
        arguments[n++] = "--parse-only";
        if (index > 0)
            arguments[n++] = "--append";
        arguments[n++] = input;
    }
    arguments[n] = NULL;
    char *error = NULL;
    cm_status status = CM_OK;
    if (!run_planetsplitter(tools->planetsplitter, arguments, &error)) {
        if (input)
            status = cm_fail(context, CM_ERR_INPUT,
                             "input '%s' is not a complete OpenStreetMap file (PBF or XML): "
                             "planetsplitter: %s",
                             input, error);
        else
            status = cm_fail(context, CM_ERR_LIBRARY,
                             "planetsplitter failed to build the routing database: %s", error);
        g_free(error);
    }
    g_free(dir);
    g_free(tagging);
    return status;
}

/* The road layer roads.gpkg in work. */
static cm_status build_layer(cm_context *context, const import_tools *tools, const char *work,
                             const char *const *inputs, size_t n_inputs,
                             const progress_state *progress)
{
    char *path = g_build_filename(work, CM_ROADS_GPKG, NULL);
    unsigned long long written = 0;
    size_t bad = 0;
    char error[512];
    cm_ogr_roads_result result = tools->ogr->write_roads(
        inputs, n_inputs, road_classes, G_N_ELEMENTS(road_classes), path, work,
        road_count_progress, (void *)progress, &written, &bad, error, sizeof error);
    g_free(path);
    const char *input = bad < n_inputs ? inputs[bad] : NULL;
    switch (result) {
    case CM_OGR_ROADS_OK:
        break;
    case CM_OGR_ROADS_NOT_OSM:
        return cm_fail(context, CM_ERR_INPUT,
                       "input '%s' is not an OpenStreetMap file GDAL's OSM driver reads",
                       input);
    case CM_OGR_ROADS_READ:
        return cm_fail(context, CM_ERR_INPUT, "input '%s' could not be read: %s", input,
                       *error ? error : "GDAL's OSM driver failed");
    case CM_OGR_ROADS_WRITE:
        return cm_fail(context, CM_ERR_IO, "writing the road layer failed: %s",
                       *error ? error : "GDAL's GeoPackage driver failed");
    case CM_OGR_ROADS_STOPPED:
        return cm_fail(context, CM_ERR_CANCELLED, "roads import cancelled");
    }
    if (written == 0)
        return cm_fail(context, CM_ERR_INPUT,
                       "no roads (highway=motorway ... service) in %s%s; nothing written",
                       inputs[0], n_inputs > 1 ? " and the other inputs" : "");
    report(progress, "road layer", written, written);
    return CM_OK;
}

static cm_status write_manifest(cm_context *context, const char *work,
                                const char *const *inputs, size_t n_inputs)
{
    GString *json = g_string_new("{\"format\": ");
    cm_json_append_string(json, CM_ROADS_FORMAT);
    g_string_append_printf(json, ", \"version\": %d, \"convoymap\": ", CM_ROADS_VERSION);
    cm_json_append_string(json, cm_version());
    g_string_append(json, ", \"sources\": [");
    for (size_t i = 0; i < n_inputs; i++) {
        GStatBuf info;
        char *path = g_canonicalize_filename(inputs[i], NULL);
        g_string_append(json, i ? ", {\"path\": " : "{\"path\": ");
        cm_json_append_string(json, path);
        g_string_append_printf(json, ", \"bytes\": %lld}",
                               g_stat(inputs[i], &info) == 0 ? (long long)info.st_size : -1LL);
        g_free(path);
    }
    g_string_append(json, "], \"routino_tagging\": ");
    cm_json_append_string(json, ROUTINO_TAGGING);
    g_string_append(json, "}\n");
    char *path = g_build_filename(work, CM_ROADS_MANIFEST, NULL);
    GError *error = NULL;
    cm_status status = CM_OK;
    if (!g_file_set_contents(path, json->str, (gssize)json->len, &error)) {
        status = cm_fail(context, CM_ERR_IO, "cannot write %s: %s", path, error->message);
        g_error_free(error);
    }
    g_free(path);
    g_string_free(json, TRUE);
    return status;
}

/* Puts the complete database work in output's place: a rename, or, over
 * an older database, an exchange of the two (so that output is the old
 * database or the new one at every moment) and the old one removed. */
static cm_status publish(cm_context *context, const char *work, const char *output)
{
    if (!sync_tree(work))
        return cm_fail(context, CM_ERR_IO, "cannot flush %s to disk: %s", work,
                       g_strerror(errno));
    gboolean exists = g_file_test(output, G_FILE_TEST_EXISTS);
    int done = exists ? renameat2(AT_FDCWD, work, AT_FDCWD, output, RENAME_EXCHANGE)
                      : renameat2(AT_FDCWD, work, AT_FDCWD, output, RENAME_NOREPLACE);
    if (done != 0)
        return cm_fail(context, CM_ERR_IO, "cannot move the new roads database to '%s': %s",
                       output, g_strerror(errno));
    char *parent = g_path_get_dirname(output);
    sync_path(parent);
    g_free(parent);
    return CM_OK;
}

/* The scratch directory in the import's work directory for road lines made
 * OSM XML, removed before the database is published. */
#define LINES_DIR "lines"

/* Makes each input that is not OSM (road lines) OSM XML in work; *sources
 * receives the files to read in the inputs' order (free with g_strfreev()). */
static cm_status convert_lines(cm_context *context, const char *const *inputs, size_t n_inputs,
                               const cm_roads_mapping *mapping, const char *work,
                               const progress_state *progress, char ***sources)
{
    *sources = g_new0(char *, n_inputs + 1);
    char *lines = g_build_filename(work, LINES_DIR, NULL);
    cm_status status = CM_OK;
    if (g_mkdir(lines, 0777) != 0)
        status = cm_fail(context, CM_ERR_IO, "cannot create %s: %s", lines, g_strerror(errno));
    g_free(lines);
    for (size_t i = 0; i < n_inputs && status == CM_OK; i++) {
        if (cm_roads_is_osm_name(inputs[i])) {
            (*sources)[i] = g_strdup(inputs[i]);
            continue;
        }
        char *base = g_path_get_basename(inputs[i]);
        char *stage = g_strdup_printf("converting %s", base);
        if (report(progress, stage, i, n_inputs))
            status = cm_fail(context, CM_ERR_CANCELLED, "roads import cancelled");
        g_free(stage);
        g_free(base);
        char *name = g_strdup_printf("lines-%zu.osm", i);
        (*sources)[i] = g_build_filename(work, LINES_DIR, name, NULL);
        g_free(name);
        unsigned long long roads = 0;
        if (status == CM_OK)
            status = cm_roads_lines_to_osm(context, inputs[i], mapping, (*sources)[i], &roads);
    }
    return status;
}

cm_status cm_roads_import(cm_context *context, const char *const *inputs, size_t n_inputs,
                          const char *output, cm_roads_progress_fn progress,
                          void *progress_data)
{
    return cm_roads_import_mapped(context, inputs, n_inputs, output, NULL, progress,
                                  progress_data);
}

cm_status cm_roads_import_mapped(cm_context *context, const char *const *inputs,
                                 size_t n_inputs, const char *output, const char *mapping,
                                 cm_roads_progress_fn progress, void *progress_data)
{
    cm_roads_mapping *fields = NULL;
    cm_status status = cm_roads_mapping_parse(context, mapping, &fields);
    if (status == CM_OK)
        status = check_paths(context, inputs, n_inputs, output);
    import_tools tools = {0};
    if (status == CM_OK)
        status = find_tools(context, &tools);
    char *work = NULL;
    if (status == CM_OK) {
        remove_stale_work(output);
        work = g_strdup_printf("%s.partial-%lld-XXXXXX", output, (long long)getpid());
        if (!g_mkdtemp_full(work, 0777)) {
            status = cm_fail(context, CM_ERR_IO, "cannot create %s: %s", work,
                             g_strerror(errno));
            g_free(work);
            work = NULL;
        }
    }
    const progress_state state = {progress, progress_data};
    char *routino = work ? g_build_filename(work, CM_ROADS_ROUTINO_DIR, NULL) : NULL;
    if (status == CM_OK && g_mkdir(routino, 0777) != 0)
        status = cm_fail(context, CM_ERR_IO, "cannot create %s: %s", routino,
                         g_strerror(errno));
    char **sources = NULL;
    if (status == CM_OK)
        status = convert_lines(context, inputs, n_inputs, fields, work, &state, &sources);
    /* planetsplitter's parser finds truncated and foreign files, which
     * GDAL's OSM driver reads as empty; the road layer then finds an
     * extract with no roads, on which planetsplitter's processing fails
     * with a message about its own files. */
    for (size_t i = 0; status == CM_OK && i < n_inputs; i++)
        status = run_routino(context, &tools, routino, sources[i], i, n_inputs, &state);
    if (status == CM_OK)
        status = build_layer(context, &tools, work, (const char *const *)sources, n_inputs,
                             &state);
    if (status == CM_OK)
        status = run_routino(context, &tools, routino, NULL, n_inputs, n_inputs, &state);
    if (status == CM_OK) {
        char *lines = g_build_filename(work, LINES_DIR, NULL);
        remove_tree(lines);
        g_free(lines);
        status = write_manifest(context, work, inputs, n_inputs);
    }
    if (status == CM_OK)
        status = publish(context, work, output);
    if (work)
        remove_tree(work); /* what failed, or the old database exchanged out */
    g_free(routino);
    g_free(work);
    g_free(tools.planetsplitter);
    g_free(tools.tagging);
    g_strfreev(sources);
    cm_roads_mapping_free(fields);
    return status;
}
