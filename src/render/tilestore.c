/* Tile outputs. MBTiles follows the 1.3 specification with the layout that
 * deduplicates: `map` names a tile's image by its content hash, `images`
 * holds each distinct image once and the `tiles` view joins them, so that
 * readers see the plain `tiles` table. Rows are in TMS order (y up). */
#include "tilestore.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "convoymap/tiles.h"
#include "core/json.h"

struct cm_tile_store {
    cm_context *context;
    char *path;
    sqlite3 *db;          /* NULL for a directory */
    sqlite3_stmt *count, *put_image, *put_map, *get;
};

/* How an output is opened: replaced, resumed by a batch run, or kept as a
 * server's cache (cm_tile_store_open_cache()). */
typedef enum store_mode { STORE_FRESH, STORE_RESUME, STORE_CACHE } store_mode;

void cm_tile_block_free(cm_tile_block *block)
{
    if (!block)
        return;
    for (int i = 0; i < block->nx * block->ny; i++)
        if (block->tiles[i])
            g_bytes_unref(block->tiles[i]);
    g_free(block->tiles);
    g_free(block);
}

static gboolean is_mbtiles(const char *path)
{
    return g_str_has_suffix(path, ".mbtiles") || g_str_has_suffix(path, ".MBTILES");
}

static cm_status db_fail(cm_tile_store *store, const char *what)
{
    return cm_fail(store->context, CM_ERR_IO, "cannot %s %s: %s", what, store->path,
                   sqlite3_errmsg(store->db));
}

/* A metadata value of the MBTiles file db, or NULL; the caller frees it with
 * g_free(). */
static char *metadata_value(sqlite3 *db, const char *name)
{
    sqlite3_stmt *query;
    char *value = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM metadata WHERE name = ?", -1, &query,
                           NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(query, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(query) == SQLITE_ROW && sqlite3_column_text(query, 0))
        value = g_strdup((const char *)sqlite3_column_text(query, 0));
    sqlite3_finalize(query);
    return value;
}

/* The metadata row (and metadata.json key) that says how the tiles were
 * drawn (cm_tile_store_info.rendering). */
#define RENDERING_KEY "convoymap_rendering"
/* The style named as the run that drew the tiles named it, for messages:
 * the rendering holds its fingerprint, which is what is compared. */
#define STYLE_KEY "convoymap_style"

/* The first part ("; "-separated) in which two different renderings
 * differ, as *part_a and *part_b ("labels en", "labels ar"), which the
 * caller frees with g_free(). */
static void rendering_difference(const char *a, const char *b, char **part_a, char **part_b)
{
    char **parts_a = g_strsplit(a, "; ", -1), **parts_b = g_strsplit(b, "; ", -1);
    guint i = 0;
    while (parts_a[i] && parts_b[i] && strcmp(parts_a[i], parts_b[i]) == 0)
        i++;
    *part_a = g_strdup(parts_a[i] ? parts_a[i] : a);
    *part_b = g_strdup(parts_b[i] ? parts_b[i] : b);
    g_strfreev(parts_a);
    g_strfreev(parts_b);
}

/* A part of a rendering as a message shows it: "style 1f0e12345678" with
 * the style's name or file when known, "style night (1f0e12345678)". Takes
 * part, returns a string the caller frees with g_free(). */
static char *name_style(char *part, const char *style)
{
    if (!style || !g_str_has_prefix(part, "style "))
        return part;
    char *named = g_strdup_printf("style %s (%s)", style, part + strlen("style "));
    g_free(part);
    return named;
}

/* rendering_difference() of a and b, drawn with the styles style_a and
 * style_b (NULL when not recorded), naming the styles. */
static void describe_difference(const char *a, const char *style_a, const char *b,
                                const char *style_b, char **part_a, char **part_b)
{
    rendering_difference(a, b, part_a, part_b);
    *part_a = name_style(*part_a, style_a);
    *part_b = name_style(*part_b, style_b);
}

/* Refuses to resume (or, mode STORE_CACHE, to serve from) the output at
 * path, recorded as drawn by recorded (NULL: not recorded) in
 * recorded_style, with a rendering that differs: names the first part
 * ("; "-separated) that differs. */
static cm_status check_rendering(cm_context *context, const char *path, const char *recorded,
                                 const char *recorded_style, const cm_tile_store_info *info,
                                 store_mode mode)
{
    const char *rendering = info->rendering;
    if (!recorded || !rendering || strcmp(recorded, rendering) == 0)
        return CM_OK;
    char *was, *now;
    describe_difference(recorded, recorded_style, rendering, info->style, &was, &now);
    cm_status status;
    if (mode == STORE_CACHE)
        status = cm_fail(context, CM_ERR_INPUT, "cache %s holds tiles drawn with %s, this "
                         "server draws with %s (serve with the style, labels, route and tile "
                         "flags it was made with, or give another --cache)", path, was, now);
    else
        status = cm_fail(context, CM_ERR_INPUT, "cannot resume %s: its tiles were "
                         "drawn with %s, this run draws with %s (run with the same "
                         "style, labels, route and tile flags, or without --resume to "
                         "replace them)", path, was, now);
    g_free(was);
    g_free(now);
    return status;
}

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT);"
    "CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name);"
    "CREATE TABLE IF NOT EXISTS map (zoom_level INTEGER, tile_column INTEGER,"
    " tile_row INTEGER, tile_id TEXT);"
    "CREATE UNIQUE INDEX IF NOT EXISTS map_index ON map (zoom_level, tile_column, tile_row);"
    "CREATE TABLE IF NOT EXISTS images (tile_data BLOB, tile_id TEXT);"
    "CREATE UNIQUE INDEX IF NOT EXISTS images_id ON images (tile_id);"
    "CREATE VIEW IF NOT EXISTS tiles AS SELECT map.zoom_level AS zoom_level,"
    " map.tile_column AS tile_column, map.tile_row AS tile_row,"
    " images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id;";

/* The tileset's metadata as MBTiles 1.3 names it, plus how it was drawn:
 * names[i] and the values returned, NULL-terminated, skipping what info
 * does not give. The caller frees the values with g_strfreev(). */
#define N_METADATA 12
static char **metadata_entries(const cm_tile_store_info *info, const char *names[N_METADATA])
{
    double south = MAX(info->bounds.south, -CM_TILE_MAX_LAT);
    double north = MIN(info->bounds.north, CM_TILE_MAX_LAT);
    const char *all_names[N_METADATA] = {"name", "format", "type", "version", "description",
                                         "attribution", "bounds", "center", "minzoom",
                                         "maxzoom", RENDERING_KEY, STYLE_KEY};
    char *all_values[N_METADATA] = {
        g_strdup(info->name),
        g_strdup("png"),
        g_strdup("baselayer"),
        g_strdup("1.0"),
        g_strdup("Convoy briefing map tiles made by convoymap " CM_VERSION_STRING),
        g_strdup("Natural Earth · GSHHG/WDBII"),
        g_strdup_printf("%.6f,%.6f,%.6f,%.6f", info->bounds.west, south, info->bounds.east,
                        north),
        g_strdup_printf("%.6f,%.6f,%d", (info->bounds.west + info->bounds.east) / 2,
                        (south + north) / 2, (info->min_z + info->max_z) / 2),
        g_strdup_printf("%d", info->min_z),
        g_strdup_printf("%d", info->max_z),
        g_strdup(info->rendering),
        g_strdup(info->style),
    };
    char **values = g_new0(char *, N_METADATA + 1);
    size_t n = 0;
    for (size_t i = 0; i < N_METADATA; i++) {
        if (!all_values[i])
            continue;
        names[n] = all_names[i];
        values[n++] = all_values[i];
    }
    return values;
}

static cm_status write_metadata(cm_tile_store *store, const cm_tile_store_info *info)
{
    const char *names[N_METADATA];
    char **values = metadata_entries(info, names);
    sqlite3_stmt *insert = NULL;
    cm_status status = CM_OK;
    if (sqlite3_prepare_v2(store->db, "INSERT OR REPLACE INTO metadata VALUES (?, ?)", -1,
                           &insert, NULL) != SQLITE_OK)
        status = db_fail(store, "prepare");
    for (size_t i = 0; status == CM_OK && values[i]; i++) {
        sqlite3_bind_text(insert, 1, names[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, values[i], -1, SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE)
            status = db_fail(store, "write metadata to");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    g_strfreev(values);
    return status;
}

/* A directory's metadata.json, as tippecanoe and mbutil write beside z/x/y
 * tiles: the MBTiles metadata as one JSON object of strings, one per line. */
#define DIRECTORY_METADATA "metadata.json"

/* The value of name in the metadata.json at path, or NULL when there is
 * none; the caller frees it with g_free(). Only for the values convoymap
 * writes with no quote or backslash in them (the rendering), or reads
 * where a wrong one only changes a message (the style's name). */
static char *directory_value(const char *path, const char *name)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return NULL;
    char *key = g_strdup_printf("\"%s\": \"", name);
    const char *start = strstr(text, key);
    const char *end = start ? strchr(start + strlen(key), '"') : NULL;
    char *value = end ? g_strndup(start + strlen(key), (gsize)(end - start - strlen(key)))
                      : NULL;
    g_free(key);
    g_free(text);
    return value;
}

static cm_status open_directory(cm_tile_store *store, store_mode mode,
                                const cm_tile_store_info *info)
{
    gboolean resume = mode != STORE_FRESH;
    if (g_mkdir_with_parents(store->path, 0777) != 0)
        return cm_fail(store->context, CM_ERR_IO, "cannot create directory %s: %s",
                       store->path, g_strerror(errno));
    char *path = g_build_filename(store->path, DIRECTORY_METADATA, NULL);
    char *recorded = resume ? directory_value(path, RENDERING_KEY) : NULL;
    char *recorded_style = resume ? directory_value(path, STYLE_KEY) : NULL;
    cm_status status = check_rendering(store->context, store->path, recorded, recorded_style,
                                       info, mode);
    /* A cache that records this rendering is served as it is, its
     * metadata (a tileset's bounds and zooms) included. */
    gboolean keep = mode == STORE_CACHE && recorded;
    g_free(recorded);
    g_free(recorded_style);
    if (status != CM_OK || keep) {
        g_free(path);
        return status;
    }
    const char *names[N_METADATA];
    char **values = metadata_entries(info, names);
    GString *json = g_string_new("{\n");
    for (size_t i = 0; values[i]; i++) {
        g_string_append(json, "  ");
        cm_json_append_string(json, names[i]);
        g_string_append(json, ": ");
        cm_json_append_string(json, values[i]);
        g_string_append(json, values[i + 1] ? ",\n" : "\n}\n");
    }
    g_strfreev(values);
    /* Written to a temporary file and renamed over the old one. */
    GError *error = NULL;
    if (status == CM_OK && !g_file_set_contents(path, json->str, (gssize)json->len, &error)) {
        status = cm_fail(store->context, CM_ERR_IO, "cannot write %s: %s", path,
                         error->message);
        g_error_free(error);
    }
    g_string_free(json, TRUE);
    g_free(path);
    return status;
}

static cm_status open_mbtiles(cm_tile_store *store, store_mode mode,
                              const cm_tile_store_info *info)
{
    gboolean resume = mode != STORE_FRESH;
    if (!resume) {
        /* A fresh tileset: drop the old file and any journal it left. */
        const char *suffixes[] = {"", "-journal", "-wal", "-shm"};
        for (size_t i = 0; i < G_N_ELEMENTS(suffixes); i++) {
            char *name = g_strconcat(store->path, suffixes[i], NULL);
            int failed = g_unlink(name) != 0 && errno != ENOENT;
            int saved = errno;
            g_free(name);
            if (failed)
                return cm_fail(store->context, CM_ERR_IO, "cannot replace %s: %s", store->path,
                               g_strerror(saved));
        }
    }
    if (sqlite3_open_v2(store->path, &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL) != SQLITE_OK)
        return db_fail(store, "open");
    /* Checked before anything is written, so that a refused file stays as
     * it was. */
    char *recorded = resume ? metadata_value(store->db, RENDERING_KEY) : NULL;
    char *recorded_style = resume ? metadata_value(store->db, STYLE_KEY) : NULL;
    cm_status status = check_rendering(store->context, store->path, recorded, recorded_style,
                                       info, mode);
    gboolean keep = mode == STORE_CACHE && recorded;
    g_free(recorded);
    g_free(recorded_style);
    if (status != CM_OK)
        return status;
    /* Write-ahead logging commits a metatile without rewriting pages twice;
     * NORMAL syncing keeps every committed metatile through a crash of the
     * process. */
    if (sqlite3_exec(store->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", NULL,
                     NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(store->db, schema, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(store, "create the tables of");
    if (!keep && (status = write_metadata(store, info)) != CM_OK)
        return status;
    if (sqlite3_prepare_v2(store->db,
                           "SELECT count(*) FROM map WHERE zoom_level = ?1 AND tile_column"
                           " BETWEEN ?2 AND ?3 AND tile_row BETWEEN ?4 AND ?5", -1,
                           &store->count, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(store->db, "INSERT OR IGNORE INTO images VALUES (?, ?)", -1,
                           &store->put_image, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(store->db, "INSERT OR REPLACE INTO map VALUES (?, ?, ?, ?)", -1,
                           &store->put_map, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(store->db, "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND "
                           "tile_column = ?2 AND tile_row = ?3", -1, &store->get,
                           NULL) != SQLITE_OK)
        return db_fail(store, "prepare statements for");
    return CM_OK;
}

static cm_tile_store *open_store(cm_context *context, const char *output, store_mode mode,
                                 const cm_tile_store_info *info)
{
    cm_tile_store *store = g_new0(cm_tile_store, 1);
    store->context = context;
    store->path = g_strdup(output);
    cm_status status = CM_OK;
    if (is_mbtiles(output))
        status = open_mbtiles(store, mode, info);
    else
        status = open_directory(store, mode, info);
    if (status != CM_OK) {
        /* Closing may fail too; the first failure is the one to report. */
        char *message = g_strdup(cm_context_message(context));
        cm_tile_store_close(store);
        cm_fail(context, status, "%s", message);
        g_free(message);
        return NULL;
    }
    return store;
}

cm_tile_store *cm_tile_store_open(cm_context *context, const char *output, gboolean resume,
                                  const cm_tile_store_info *info)
{
    return open_store(context, output, resume ? STORE_RESUME : STORE_FRESH, info);
}

cm_tile_store *cm_tile_store_open_cache(cm_context *context, const char *output,
                                        const cm_tile_store_info *info)
{
    return open_store(context, output, STORE_CACHE, info);
}

static char *tile_path(const cm_tile_store *store, int z, int x, int y)
{
    char *name = g_strdup_printf("%d/%d/%d.png", z, x, y);
    char *path = g_build_filename(store->path, name, NULL);
    g_free(name);
    return path;
}

gboolean cm_tile_store_has(cm_tile_store *store, int z, int x0, int y0, int nx, int ny)
{
    if (store->db) {
        int rows = 1 << z;
        sqlite3_bind_int(store->count, 1, z);
        sqlite3_bind_int(store->count, 2, x0);
        sqlite3_bind_int(store->count, 3, x0 + nx - 1);
        sqlite3_bind_int(store->count, 4, rows - (y0 + ny));
        sqlite3_bind_int(store->count, 5, rows - 1 - y0);
        gboolean complete = sqlite3_step(store->count) == SQLITE_ROW &&
                            sqlite3_column_int64(store->count, 0) == (sqlite3_int64)nx * ny;
        sqlite3_reset(store->count);
        return complete;
    }
    /* Tiles are renamed into place whole, so a file that exists is complete. */
    for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
            char *path = tile_path(store, z, x0 + i, y0 + j);
            gboolean exists = g_file_test(path, G_FILE_TEST_IS_REGULAR);
            g_free(path);
            if (!exists)
                return FALSE;
        }
    }
    return TRUE;
}

GBytes *cm_tile_store_get(cm_tile_store *store, int z, int x, int y)
{
    if (store->db) {
        GBytes *png = NULL;
        sqlite3_bind_int(store->get, 1, z);
        sqlite3_bind_int(store->get, 2, x);
        sqlite3_bind_int(store->get, 3, (1 << z) - 1 - y);
        if (sqlite3_step(store->get) == SQLITE_ROW)
            png = g_bytes_new(sqlite3_column_blob(store->get, 0),
                              (gsize)sqlite3_column_bytes(store->get, 0));
        sqlite3_reset(store->get);
        return png;
    }
    char *path = tile_path(store, z, x, y), *data;
    gsize size;
    GBytes *png = g_file_get_contents(path, &data, &size, NULL) ? g_bytes_new_take(data, size)
                                                               : NULL;
    g_free(path);
    return png;
}

static cm_status put_directory(const cm_tile_store *store, cm_context *context,
                               const cm_tile_block *block)
{
    for (int i = 0; i < block->nx; i++) {
        char *dir = g_strdup_printf("%s/%d/%d", store->path, block->z, block->x0 + i);
        int made = g_mkdir_with_parents(dir, 0777);
        int saved = errno;
        if (made != 0) {
            cm_status status = cm_fail(context, CM_ERR_IO, "cannot create directory "
                                       "%s: %s", dir, g_strerror(saved));
            g_free(dir);
            return status;
        }
        g_free(dir);
        for (int j = 0; j < block->ny; j++) {
            GBytes *png = block->tiles[j * block->nx + i];
            char *path = tile_path(store, block->z, block->x0 + i, block->y0 + j);
            /* Written beside the tile and renamed over it: a crash leaves
             * whole tiles, or a .partial file that the run resuming this
             * metatile overwrites. Not synced: the point is surviving a
             * crash of the process, and syncing each tile would cost more
             * than drawing it. */
            char *partial = g_strconcat(path, ".partial", NULL);
            GError *error = NULL;
            gsize size;
            const char *data = g_bytes_get_data(png, &size);
            gboolean ok = g_file_set_contents_full(partial, data, (gssize)size,
                                                   G_FILE_SET_CONTENTS_NONE, 0666, &error);
            if (ok && g_rename(partial, path) != 0)
                g_set_error(&error, G_FILE_ERROR, g_file_error_from_errno(errno), "%s",
                            g_strerror(errno));
            g_free(partial);
            if (error) {
                cm_status status = cm_fail(context, CM_ERR_IO, "cannot write %s: %s",
                                           path, error->message);
                g_error_free(error);
                g_free(path);
                return status;
            }
            g_free(path);
        }
    }
    return CM_OK;
}

/* Stores one tile (row in TMS order), its image under its MD5, as mbutil
 * names them: the images are ours, not an adversary's, so a collision is
 * only chance, and GLib's MD5 is about five times faster than its SHA-256,
 * which took 2 % of a run's instructions. */
static gboolean insert_tile(cm_tile_store *store, int z, int x, int tms_row, const void *data,
                            size_t size)
{
    char *id = g_compute_checksum_for_data(G_CHECKSUM_MD5, data, size);
    sqlite3_bind_blob64(store->put_image, 1, data, size, SQLITE_STATIC);
    sqlite3_bind_text(store->put_image, 2, id, -1, SQLITE_STATIC);
    gboolean ok = sqlite3_step(store->put_image) == SQLITE_DONE;
    sqlite3_reset(store->put_image);
    sqlite3_bind_int(store->put_map, 1, z);
    sqlite3_bind_int(store->put_map, 2, x);
    sqlite3_bind_int(store->put_map, 3, tms_row);
    sqlite3_bind_text(store->put_map, 4, id, -1, SQLITE_STATIC);
    ok = ok && sqlite3_step(store->put_map) == SQLITE_DONE;
    sqlite3_reset(store->put_map);
    g_free(id);
    return ok;
}

static cm_status put_mbtiles(cm_tile_store *store, const cm_tile_block *block)
{
    if (sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(store, "write to");
    int rows = 1 << block->z;
    gboolean ok = TRUE;
    for (int k = 0; ok && k < block->nx * block->ny; k++) {
        gsize size;
        const void *data = g_bytes_get_data(block->tiles[k], &size);
        ok = insert_tile(store, block->z, block->x0 + k % block->nx,
                         rows - 1 - (block->y0 + k / block->nx), data, size);
    }
    if (!ok || sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        cm_status status = db_fail(store, "write to");
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
        return status;
    }
    return CM_OK;
}

cm_status cm_tile_store_put(cm_tile_store *store, const cm_tile_block *block)
{
    return store->db ? put_mbtiles(store, block) : put_directory(store, store->context, block);
}

gboolean cm_tile_store_is_concurrent(const cm_tile_store *store)
{
    return store->db == NULL;
}

cm_status cm_tile_store_put_concurrent(const cm_tile_store *store, cm_context *context,
                                       const cm_tile_block *block)
{
    g_return_val_if_fail(store->db == NULL, CM_ERR_LIBRARY);
    return put_directory(store, context, block);
}

cm_status cm_tile_store_close(cm_tile_store *store)
{
    if (!store)
        return CM_OK;
    cm_status status = CM_OK;
    if (store->db) {
        sqlite3_finalize(store->count);
        sqlite3_finalize(store->put_image);
        sqlite3_finalize(store->put_map);
        sqlite3_finalize(store->get);
        /* Back to a single self-contained file for readers and copies. */
        if (sqlite3_exec(store->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) !=
            SQLITE_OK)
            status = db_fail(store, "finish");
        sqlite3_close(store->db);
    }
    g_free(store->path);
    g_free(store);
    return status;
}

/* ---- Merging shards ---- */

/* Widens info (name taken from the first shard) to cover one shard's
 * metadata; FALSE when the metadata is missing or malformed. */
static gboolean widen_info(sqlite3 *db, cm_tile_store_info *info, char **name, gboolean first)
{
    char *bounds = metadata_value(db, "bounds"), *min_z = metadata_value(db, "minzoom");
    char *max_z = metadata_value(db, "maxzoom");
    cm_bbox b;
    gboolean ok = bounds && min_z && max_z &&
                  sscanf(bounds, "%lf,%lf,%lf,%lf", &b.west, &b.south, &b.east, &b.north) == 4;
    if (ok && first) {
        *name = metadata_value(db, "name");
        info->bounds = b;
        info->min_z = atoi(min_z);
        info->max_z = atoi(max_z);
    } else if (ok) {
        info->bounds.west = MIN(info->bounds.west, b.west);
        info->bounds.south = MIN(info->bounds.south, b.south);
        info->bounds.east = MAX(info->bounds.east, b.east);
        info->bounds.north = MAX(info->bounds.north, b.north);
        info->min_z = MIN(info->min_z, atoi(min_z));
        info->max_z = MAX(info->max_z, atoi(max_z));
    }
    g_free(bounds);
    g_free(min_z);
    g_free(max_z);
    return ok;
}

/* The first rendering recorded among the shards merged so far. */
typedef struct shard_reference {
    char *rendering;  /* NULL while none records one */
    char *style;      /* its style's name, NULL when not recorded */
    const char *path; /* its shard */
} shard_reference;

/* Refuses a shard drawn otherwise than the shards before it (reference). */
static cm_status check_shard_rendering(cm_context *context, sqlite3 *db, const char *path,
                                       shard_reference *reference)
{
    char *rendering = metadata_value(db, RENDERING_KEY);
    char *style = metadata_value(db, STYLE_KEY);
    if (!reference->rendering) {
        reference->rendering = rendering;
        reference->style = style;
        reference->path = path;
        return CM_OK;
    }
    cm_status status = CM_OK;
    if (rendering && strcmp(rendering, reference->rendering) != 0) {
        char *was, *now;
        describe_difference(reference->rendering, reference->style, rendering, style, &was,
                            &now);
        status = cm_fail(context, CM_ERR_INPUT, "shard %s was drawn with %s, shard %s with "
                         "%s: render every shard with the same flags", reference->path, was,
                         path, now);
        g_free(was);
        g_free(now);
    }
    g_free(rendering);
    g_free(style);
    return status;
}

/* Copies every tile of the shard db into store in one transaction. */
static cm_status copy_shard(cm_tile_store *store, sqlite3 *db, const char *path)
{
    sqlite3_stmt *query;
    if (sqlite3_prepare_v2(db, "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles",
                           -1, &query, NULL) != SQLITE_OK)
        return cm_fail(store->context, CM_ERR_INPUT, "%s is not an MBTiles file: %s", path,
                       sqlite3_errmsg(db));
    if (sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_finalize(query);
        return db_fail(store, "write to");
    }
    gboolean ok = TRUE;
    int step;
    while (ok && (step = sqlite3_step(query)) == SQLITE_ROW)
        ok = insert_tile(store, sqlite3_column_int(query, 0), sqlite3_column_int(query, 1),
                         sqlite3_column_int(query, 2), sqlite3_column_blob(query, 3),
                         (size_t)sqlite3_column_bytes(query, 3));
    cm_status status = CM_OK;
    if (ok && step != SQLITE_DONE)
        status = cm_fail(store->context, CM_ERR_IO, "cannot read %s: %s", path,
                         sqlite3_errmsg(db));
    else if (!ok || sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        status = db_fail(store, "write to");
    if (status != CM_OK)
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_finalize(query);
    return status;
}

cm_status cm_tiles_merge(cm_context *context, const char *output, const char *const *shards,
                         size_t n)
{
    if (n == 0)
        return cm_fail(context, CM_ERR_INPUT, "nothing to merge: no shard given");
    if (!is_mbtiles(output))
        return cm_fail(context, CM_ERR_INPUT, "merge output '%s' does not end in .mbtiles",
                       output);
    sqlite3 **dbs = g_new0(sqlite3 *, n);
    cm_tile_store_info info = {0};
    char *name = NULL;
    shard_reference reference = {NULL, NULL, NULL};
    cm_status status = CM_OK;
    for (size_t i = 0; i < n && status == CM_OK; i++) {
        if (strcmp(shards[i], output) == 0)
            status = cm_fail(context, CM_ERR_INPUT, "shard %s is also the output", shards[i]);
        else if (sqlite3_open_v2(shards[i], &dbs[i], SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
            status = cm_fail(context, CM_ERR_IO, "cannot open shard %s: %s", shards[i],
                             sqlite3_errmsg(dbs[i]));
        else if (!widen_info(dbs[i], &info, &name, i == 0))
            status = cm_fail(context, CM_ERR_INPUT, "%s is not an MBTiles file with bounds, "
                             "minzoom and maxzoom", shards[i]);
        else
            status = check_shard_rendering(context, dbs[i], shards[i], &reference);
    }
    /* Built beside output and renamed into place when complete, so that a
     * failed merge leaves no partial file. */
    char *partial = g_strdup_printf("%s.partial.mbtiles", output);
    cm_tile_store *store = NULL;
    if (status == CM_OK) {
        info.name = name ? name : "convoymap";
        info.rendering = reference.rendering;
        info.style = reference.style;
        store = cm_tile_store_open(context, partial, FALSE, &info);
        if (!store)
            status = cm_context_status(context);
    }
    for (size_t i = 0; i < n && status == CM_OK; i++)
        status = copy_shard(store, dbs[i], shards[i]);
    if (status == CM_OK) {
        status = cm_tile_store_close(store);
        if (status == CM_OK && g_rename(partial, output) != 0)
            status = cm_fail(context, CM_ERR_IO, "cannot write %s: %s", output,
                             g_strerror(errno));
    } else if (store) {
        char *message = g_strdup(cm_context_message(context));
        cm_tile_store_close(store);
        cm_fail(context, status, "%s", message);
        g_free(message);
    }
    if (status != CM_OK)
        g_unlink(partial);
    g_free(partial);
    for (size_t i = 0; i < n; i++)
        sqlite3_close(dbs[i]);
    g_free(dbs);
    g_free(name);
    g_free(reference.rendering);
    g_free(reference.style);
    return status;
}
