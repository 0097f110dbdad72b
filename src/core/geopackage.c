/* GeoPackage features through SQLite: the R-tree of each layer
 * (rtree_<table>_<column>) picks the features meeting a box, and each
 * geometry blob's header (GeoPackage 1.x, clause 2.1.3: "GP", version,
 * flags, srs_id, optional envelope) is skipped to hand the standard WKB
 * that follows to GEOS. */
#include "geopackage.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

struct cm_geopackage {
    sqlite3 *db;
    GEOSContextHandle_t geos;
    GEOSWKBReader *wkb;
    GHashTable *layers; /* "table\ncolumn\n..." -> cm_gpkg_layer* */
    char *error;
};

struct cm_gpkg_layer {
    cm_geopackage *gpkg;
    char *name;
    sqlite3_stmt *select; /* the features meeting a box, through the R-tree */
    sqlite3_stmt *scan;   /* every feature, in feature id order */
    sqlite3_stmt *current;
    int n_columns;      /* attribute columns; the geometry comes after them */
    gboolean has_rtree; /* without an index, every feature is read */
    double extent[4];   /* the layer's, from gpkg_contents: west, south, east, north */
};

static void set_error(cm_geopackage *gpkg, char *text)
{
    g_free(gpkg->error);
    gpkg->error = text;
}

static void layer_free(cm_gpkg_layer *layer)
{
    sqlite3_finalize(layer->select);
    sqlite3_finalize(layer->scan);
    g_free(layer->name);
    g_free(layer);
}

/* Opens path read-only; NULL with the reason in *error (g_free()). */
static cm_geopackage *geopackage_open(const char *path, GEOSContextHandle_t geos, char **error)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        *error = g_strdup(db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    cm_geopackage *gpkg = g_new0(cm_geopackage, 1);
    gpkg->db = db;
    gpkg->geos = geos;
    gpkg->wkb = GEOSWKBReader_create_r(geos);
    gpkg->layers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)layer_free);
    return gpkg;
}

cm_geopackage *cm_geopackage_open(cm_context *context, const char *path, char **error)
{
    return geopackage_open(path, cm_context_geos(context), error);
}

void cm_geopackage_free(cm_geopackage *gpkg)
{
    if (!gpkg)
        return;
    g_hash_table_destroy(gpkg->layers);
    GEOSWKBReader_destroy_r(gpkg->geos, gpkg->wkb);
    sqlite3_close(gpkg->db);
    g_free(gpkg->error);
    g_free(gpkg);
}

/* The keys of the basemap and of why it could not be opened on its
 * context (cm_context_set_data()). */
#define BASEMAP_KEY "cm-basemap"
#define BASEMAP_ERROR_KEY "cm-basemap-error"

cm_geopackage *cm_context_basemap(cm_context *context, const char **reason)
{
    *reason = NULL;
    cm_geopackage *basemap = cm_context_get_data(context, BASEMAP_KEY);
    if (basemap)
        return basemap;
    char *path = cm_data_path(context, CM_BASEMAP_FILE);
    char *error = NULL;
    basemap = geopackage_open(path, cm_context_geos(context), &error);
    g_free(path);
    if (basemap) {
        cm_context_set_data(context, BASEMAP_KEY, basemap, (GDestroyNotify)cm_geopackage_free);
    } else {
        /* Kept on the context so that *reason outlives this call. */
        cm_context_set_data(context, BASEMAP_ERROR_KEY, error, g_free);
        *reason = error;
    }
    return basemap;
}

const char *cm_geopackage_error(const cm_geopackage *gpkg) { return gpkg->error; }

/* The text of an identifier quoted for SQL; g_free() it. */
static char *quote(const char *identifier)
{
    GString *out = g_string_new("\"");
    for (const char *p = identifier; *p; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
    return g_string_free(out, FALSE);
}

/* layer's geometry column, from the GeoPackage's register of feature
 * tables, and its extent (infinite where gpkg_contents leaves it out);
 * NULL when it has none (g_free() it), with *failed set when SQLite could
 * not tell. */
static char *geometry_column(cm_geopackage *gpkg, const char *layer, double extent[4],
                             gboolean *failed)
{
    sqlite3_stmt *stmt = NULL;
    char *column = NULL;
    *failed = TRUE;
    if (sqlite3_prepare_v2(gpkg->db, "SELECT g.column_name, c.min_x, c.min_y, c.max_x, "
                           "c.max_y FROM gpkg_geometry_columns g LEFT JOIN gpkg_contents c "
                           "ON c.table_name = g.table_name WHERE g.table_name = ?", -1, &stmt,
                           NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(stmt, 1, layer, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        column = g_strdup((const char *)sqlite3_column_text(stmt, 0));
        for (int i = 0; i < 4; i++)
            extent[i] = sqlite3_column_type(stmt, i + 1) == SQLITE_NULL
                            ? (i < 2 ? -HUGE_VAL : HUGE_VAL)
                            : sqlite3_column_double(stmt, i + 1);
    }
    *failed = rc != SQLITE_ROW && rc != SQLITE_DONE;
    sqlite3_finalize(stmt);
    return column;
}

static gboolean table_exists(cm_geopackage *gpkg, const char *name)
{
    sqlite3_stmt *stmt = NULL;
    gboolean exists = FALSE;
    if (sqlite3_prepare_v2(gpkg->db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1, &stmt,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
        exists = sqlite3_step(stmt) == SQLITE_ROW;
    }
    sqlite3_finalize(stmt);
    return exists;
}

cm_gpkg_layer *cm_geopackage_layer(cm_geopackage *gpkg, const char *layer,
                                   const char *const *columns, gboolean *missing)
{
    *missing = FALSE;
    GString *key = g_string_new(layer);
    for (const char *const *c = columns; *c; c++)
        g_string_append_printf(key, "\n%s", *c);
    cm_gpkg_layer *found = g_hash_table_lookup(gpkg->layers, key->str);
    if (found) {
        g_string_free(key, TRUE);
        return found;
    }
    gboolean failed;
    double extent[4];
    char *geometry = geometry_column(gpkg, layer, extent, &failed);
    if (!geometry) {
        if (failed)
            set_error(gpkg, g_strdup(sqlite3_errmsg(gpkg->db)));
        else
            *missing = TRUE;
        g_string_free(key, TRUE);
        return NULL;
    }
    char *table = quote(layer), *geom = quote(geometry);
    char *rtree_name = g_strdup_printf("rtree_%s_%s", layer, geometry);
    char *rtree = quote(rtree_name);
    gboolean has_rtree = table_exists(gpkg, rtree_name);
    GString *sql = g_string_new("SELECT ");
    int n_columns = 0;
    for (const char *const *c = columns; *c; c++, n_columns++) {
        char *column = quote(*c);
        g_string_append_printf(sql, "m.%s, ", column);
        g_free(column);
    }
    g_string_append_printf(sql, "m.%s FROM %s m", geom, table);
    GString *scan_sql = g_string_new(sql->str);
    g_string_append(scan_sql, " ORDER BY m.rowid");
    /* The R-tree's boxes are rounded outwards to single precision, so no
     * feature meeting the rectangle is missed. Features come in the order
     * of the R-tree's scan, or of their ids when the box holds the whole
     * layer, as GDAL reads them, so that features overlapping at their
     * edges are drawn as they always were. */
    if (has_rtree)
        g_string_append_printf(sql, " JOIN %s r ON m.rowid = r.id WHERE r.maxx >= ?1 AND "
                               "r.minx <= ?3 AND r.maxy >= ?2 AND r.miny <= ?4", rtree);
    sqlite3_stmt *select = NULL, *scan = NULL;
    int rc = sqlite3_prepare_v2(gpkg->db, sql->str, -1, &select, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(gpkg->db, scan_sql->str, -1, &scan, NULL);
    g_string_free(sql, TRUE);
    g_string_free(scan_sql, TRUE);
    g_free(table);
    g_free(geom);
    g_free(geometry);
    g_free(rtree_name);
    g_free(rtree);
    if (rc != SQLITE_OK) {
        set_error(gpkg, g_strdup(sqlite3_errmsg(gpkg->db)));
        sqlite3_finalize(select);
        sqlite3_finalize(scan);
        g_string_free(key, TRUE);
        return NULL;
    }
    found = g_new0(cm_gpkg_layer, 1);
    found->gpkg = gpkg;
    found->name = g_strdup(layer);
    found->select = select;
    found->scan = scan;
    found->current = scan;
    memcpy(found->extent, extent, sizeof found->extent);
    found->n_columns = n_columns;
    found->has_rtree = has_rtree;
    g_hash_table_insert(gpkg->layers, g_string_free(key, FALSE), found);
    return found;
}

void cm_gpkg_layer_select(cm_gpkg_layer *layer, double west, double south, double east,
                          double north)
{
    set_error(layer->gpkg, NULL);
    sqlite3_reset(layer->current);
    const double *e = layer->extent;
    gboolean whole = west <= e[0] && south <= e[1] && east >= e[2] && north >= e[3];
    layer->current = layer->has_rtree && !whole ? layer->select : layer->scan;
    if (layer->current == layer->select) {
        sqlite3_bind_double(layer->select, 1, west);
        sqlite3_bind_double(layer->select, 2, south);
        sqlite3_bind_double(layer->select, 3, east);
        sqlite3_bind_double(layer->select, 4, north);
    }
}

gboolean cm_gpkg_layer_next(cm_gpkg_layer *layer)
{
    if (layer->gpkg->error)
        return FALSE;
    int rc = sqlite3_step(layer->current);
    if (rc == SQLITE_ROW)
        return TRUE;
    if (rc != SQLITE_DONE)
        set_error(layer->gpkg, g_strdup(sqlite3_errmsg(layer->gpkg->db)));
    /* Done: the statement lets go of its read lock. */
    sqlite3_reset(layer->current);
    return FALSE;
}

const char *cm_gpkg_layer_text(cm_gpkg_layer *layer, int i)
{
    const unsigned char *text = sqlite3_column_text(layer->current, i);
    return text ? (const char *)text : "";
}

int cm_gpkg_layer_int(cm_gpkg_layer *layer, int i)
{
    return sqlite3_column_int(layer->current, i);
}

const unsigned char *cm_gpkg_layer_wkb(cm_gpkg_layer *layer, size_t *size)
{
    static const size_t envelope_bytes[] = {0, 32, 48, 48, 64};
    int column = layer->n_columns;
    const unsigned char *blob = sqlite3_column_blob(layer->current, column);
    size_t blob_size = (size_t)sqlite3_column_bytes(layer->current, column);
    if (!blob)
        return NULL;
    if (blob_size >= 8 && blob[0] == 'G' && blob[1] == 'P' && blob[2] == 0) {
        unsigned flags = blob[3];
        unsigned envelope = (flags >> 1) & 7;
        /* The srs_id (bytes 4..7) is the layer's, WGS84 for the basemap. */
        if (flags & 0x10)
            return NULL; /* empty */
        /* Extended GeoPackage binary (flag 0x20) is not standard WKB. */
        if (!(flags & 0x20) && envelope < G_N_ELEMENTS(envelope_bytes) &&
            blob_size > 8 + envelope_bytes[envelope]) {
            size_t header = 8 + envelope_bytes[envelope];
            *size = blob_size - header;
            return blob + header;
        }
    }
    set_error(layer->gpkg, g_strdup_printf("a feature of layer %s has a broken geometry",
                                           layer->name));
    return NULL;
}

GEOSGeometry *cm_gpkg_layer_geometry(cm_gpkg_layer *layer)
{
    cm_geopackage *gpkg = layer->gpkg;
    size_t size = 0;
    const unsigned char *wkb = cm_gpkg_layer_wkb(layer, &size);
    if (!wkb)
        return NULL;
    GEOSGeometry *geometry = GEOSWKBReader_read_r(gpkg->geos, gpkg->wkb, wkb, size);
    if (geometry && !GEOSisEmpty_r(gpkg->geos, geometry))
        return geometry;
    if (geometry) {
        GEOSGeom_destroy_r(gpkg->geos, geometry);
        return NULL;
    }
    set_error(gpkg, g_strdup_printf("a feature of layer %s has a broken geometry",
                                    layer->name));
    return NULL;
}
