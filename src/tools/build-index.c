/* cm-build-index: compiles the curated sites (geodata/sites.csv) and the
 * GeoNames gazetteer (geodata/gazetteer.tsv) into the SQLite index that the
 * geocoder opens, so that start-up reads no text file. Run by the build:
 *
 *     cm-build-index SITES.csv GAZETTEER.tsv OUTPUT.sqlite
 *
 * Every name and alternate name becomes a row of `spelling` under its loose
 * key (fold.h); `fuzzy_key` numbers the distinct keys and
 * `fuzzy_bucket` holds the hashes of each key and its one-character
 * deletions (fuzzy.h) for typos; `place_box` the positions for reverse
 * geocoding. The index records
 * CM_FOLD_VERSION as its user_version. Curated sites have ids -1, -2, ...
 * in file order; GeoNames places keep their GeoNames id and store no source
 * text (the geocoder names it from the id), which keeps the index small.
 * `place.name_ar` is the Arabic display name chosen among the place's
 * spellings (arabic-name.h), NULL when it has none. */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdal.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <ogr_api.h>
#include <sqlite3.h>

#include "arabic-name.h"
#include "fold.h"
#include "fuzzy.h"

static const char schema[] =
    "CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
    " country TEXT NOT NULL, admin1 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,"
    " population INTEGER NOT NULL, curated INTEGER NOT NULL, source TEXT, name_ar TEXT);"
    "CREATE TABLE spelling(key TEXT NOT NULL, place INTEGER NOT NULL, literal TEXT NOT NULL,"
    " PRIMARY KEY(key, place, literal)) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE place_box USING rtree(id, min_lat, max_lat, min_lon, max_lon);"
    "CREATE TABLE fuzzy_key(id INTEGER PRIMARY KEY, key TEXT NOT NULL);"
    "CREATE TABLE fuzzy_bucket(bucket INTEGER PRIMARY KEY, entries BLOB NOT NULL);";

typedef struct index_writer {
    sqlite3 *db;
    sqlite3_stmt *place, *spelling, *box;
    GHashTable *curated_positions; /* "lat lon" of every curated site */
} index_writer;

static void die(const char *format, ...) G_GNUC_PRINTF(1, 2) G_GNUC_NORETURN;

/* The index being written, removed when the build fails. */
static char *partial_path;

static void die(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("cm-build-index: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    if (partial_path)
        g_remove(partial_path);
    exit(EXIT_FAILURE);
}

static void check(index_writer *w, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        die("%s: %s", what, sqlite3_errmsg(w->db));
}

static void exec(index_writer *w, const char *sql)
{
    check(w, sqlite3_exec(w->db, sql, NULL, NULL, NULL), sql);
}

static void run(index_writer *w, sqlite3_stmt *statement)
{
    check(w, sqlite3_step(statement), sqlite3_sql(statement));
    sqlite3_reset(statement);
}

/* Adds one spelling of place id; empty spellings are skipped. */
static void add_spelling(index_writer *w, sqlite3_int64 id, const char *text)
{
    char *literal = cm_fold_literal(text);
    if (*literal) {
        char *key = cm_fold_key(text, NULL);
        sqlite3_bind_text(w->spelling, 1, key, -1, g_free);
        sqlite3_bind_int64(w->spelling, 2, id);
        sqlite3_bind_text(w->spelling, 3, literal, -1, SQLITE_TRANSIENT);
        run(w, w->spelling);
    }
    g_free(literal);
}

typedef struct place_row {
    const char *name, *kind, *country, *admin1, *source;
    char *name_ar; /* owned by the caller, NULL for none */
    double lat, lon;
    gint64 population;
    gboolean curated;
} place_row;

/* The key of a position in curated_positions; the caller frees it. */
static char *position_key(double lat, double lon)
{
    return g_strdup_printf("%.17g %.17g", lat, lon);
}

/* Adds place id and its own name. A GeoNames place at the very position
 * of a curated site (which cites it: "GeoNames 98677") stays out of
 * place_box, so that reverse geocoding names the curated site rather than
 * whichever of the two the R*Tree happens to return first. */
static void add_place(index_writer *w, sqlite3_int64 id, const place_row *row,
                      const char *where)
{
    if (!*row->name || !isfinite(row->lat) || !isfinite(row->lon) || fabs(row->lat) > 90 ||
        fabs(row->lon) > 180 || strlen(row->country) != 3)
        die("%s: bad name, coordinate or country", where);
    sqlite3_stmt *s = w->place;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, row->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, row->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, row->country, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, row->admin1, -1, SQLITE_STATIC);
    sqlite3_bind_double(s, 6, row->lat);
    sqlite3_bind_double(s, 7, row->lon);
    sqlite3_bind_int64(s, 8, row->population);
    sqlite3_bind_int(s, 9, row->curated);
    if (row->source)
        sqlite3_bind_text(s, 10, row->source, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, 10);
    if (row->name_ar)
        sqlite3_bind_text(s, 11, row->name_ar, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, 11);
    run(w, s);
    char *position = position_key(row->lat, row->lon);
    gboolean boxed = row->curated || !g_hash_table_contains(w->curated_positions, position);
    if (row->curated)
        g_hash_table_add(w->curated_positions, position);
    else
        g_free(position);
    if (boxed) {
        sqlite3_bind_int64(w->box, 1, id);
        sqlite3_bind_double(w->box, 2, row->lat);
        sqlite3_bind_double(w->box, 3, row->lat);
        sqlite3_bind_double(w->box, 4, row->lon);
        sqlite3_bind_double(w->box, 5, row->lon);
        run(w, w->box);
    }
    add_spelling(w, id, row->name);
}

/* The Arabic display name among name and the other spellings (a NULL-
 * terminated array), or NULL; the caller frees it with g_free(). */
static char *arabic_name(const char *name, char **others, const char *country)
{
    GPtrArray *spellings = g_ptr_array_new();
    g_ptr_array_add(spellings, (gpointer)name);
    for (char **other = others; *other; other++)
        g_ptr_array_add(spellings, *other);
    char *chosen = cm_arabic_name_choose((const char *const *)spellings->pdata,
                                         spellings->len, country);
    g_ptr_array_free(spellings, TRUE);
    return chosen;
}

/* The kinds a curated site may have (geodata/README.md); a typo in a
 * kind would otherwise give a site that no facility word ranks up. */
static gboolean is_site_kind(const char *kind)
{
    static const char *const kinds[] = {
        "city", "town", "airbase", "airport", "border_crossing", "camp", "port",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
        if (strcmp(kind, kinds[i]) == 0)
            return TRUE;
    return FALSE;
}

/* sites.csv through OGR's CSV driver, which handles its quoting. */
static double parse_double(const char *text, const char *where)
{
    char *end;
    double value = g_ascii_strtod(text, &end);
    if (end == text || *end)
        die("%s: '%s' is not a number", where, text);
    return value;
}

static void add_sites(index_writer *w, const char *path)
{
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    OGRLayerH layer = dataset ? GDALDatasetGetLayer(dataset, 0) : NULL;
    if (!layer)
        die("cannot read %s", path);
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const char *columns[] = {"name", "aliases", "kind", "country", "lat", "lon", "source"};
    int field[G_N_ELEMENTS(columns)];
    for (size_t i = 0; i < G_N_ELEMENTS(columns); i++)
        if ((field[i] = OGR_FD_GetFieldIndex(definition, columns[i])) < 0)
            die("%s has no column '%s'", path, columns[i]);
    int population = OGR_FD_GetFieldIndex(definition, "population");
    OGRFeatureH feature;
    for (long line = 2; (feature = OGR_L_GetNextFeature(layer)) != NULL; line++) {
        char *where = g_strdup_printf("%s line %ld", path, line);
        place_row row = {
            .name = OGR_F_GetFieldAsString(feature, field[0]),
            .kind = OGR_F_GetFieldAsString(feature, field[2]),
            .country = OGR_F_GetFieldAsString(feature, field[3]),
            .admin1 = "",
            .source = OGR_F_GetFieldAsString(feature, field[6]),
            /* OGR reads text that is no number as 0: parse it ourselves. */
            .lat = parse_double(OGR_F_GetFieldAsString(feature, field[4]), where),
            .lon = parse_double(OGR_F_GetFieldAsString(feature, field[5]), where),
            .population = population < 0 ? 0 : OGR_F_GetFieldAsInteger64(feature, population),
            .curated = TRUE,
        };
        if (!*row.kind || !*row.source)
            die("%s: no kind or source", where);
        if (!is_site_kind(row.kind))
            die("%s: unknown kind '%s' (city, town, airbase, airport, border_crossing, camp or "
                "port)", where, row.kind);
        sqlite3_int64 id = 1 - line;
        char **aliases = g_strsplit(OGR_F_GetFieldAsString(feature, field[1]), "|", -1);
        for (char **alias = aliases; *alias; alias++)
            g_strstrip(*alias);
        row.name_ar = arabic_name(row.name, aliases, row.country);
        add_place(w, id, &row, where);
        g_free(row.name_ar);
        for (char **alias = aliases; *alias; alias++)
            add_spelling(w, id, *alias);
        g_strfreev(aliases);
        g_free(where);
        OGR_F_Destroy(feature);
    }
    GDALClose(dataset);
}

/* The kind of a GeoNames populated place (feature class P). */
static const char *geonames_kind(const char *feature_code, gint64 population)
{
    if (strcmp(feature_code, "PPLX") == 0)
        return "locality";
    if (strcmp(feature_code, "PPLC") == 0 || strcmp(feature_code, "PPLA") == 0 ||
        population >= 100000)
        return "city";
    return "town";
}


/* gazetteer.tsv as written by geodata/build-gazetteer.sh. */
static void add_gazetteer(index_writer *w, const char *path)
{
    char *contents;
    GError *error = NULL;
    if (!g_file_get_contents(path, &contents, NULL, &error))
        die("%s", error->message);
    static const char header[] = "geonameid\tname\tascii_name\talternate_names\tlat\tlon\t"
                                 "country\tadmin1\tfeature_code\tpopulation\n";
    if (!g_str_has_prefix(contents, header))
        die("%s: not a gazetteer (unexpected header)", path);
    long line = 1;
    for (char *p = contents + strlen(header), *next; *p; p = next) {
        line++;
        char *end = strchr(p, '\n');
        if (!end)
            die("%s line %ld: no newline", path, line);
        *end = '\0';
        next = end + 1;
        char **c = g_strsplit(p, "\t", -1);
        char *where = g_strdup_printf("%s line %ld", path, line);
        if (g_strv_length(c) != 10)
            die("%s: expected 10 columns", where);
        gint64 population = g_ascii_strtoll(c[9], NULL, 10);
        sqlite3_int64 id = g_ascii_strtoll(c[0], NULL, 10);
        if (id <= 0)
            die("%s: bad GeoNames id", where);
        place_row row = {
            .name = c[1], .kind = geonames_kind(c[8], population), .country = c[6],
            .admin1 = c[7], .source = NULL, .lat = parse_double(c[4], where),
            .lon = parse_double(c[5], where), .population = population, .curated = FALSE,
        };
        char **alternates = g_strsplit(c[3], "|", -1);
        row.name_ar = arabic_name(row.name, alternates, row.country);
        add_place(w, id, &row, where);
        g_free(row.name_ar);
        add_spelling(w, id, c[2]);
        for (char **alternate = alternates; *alternate; alternate++)
            add_spelling(w, id, *alternate);
        g_strfreev(alternates);
        g_free(where);
        g_strfreev(c);
    }
    g_free(contents);
}

/* A prepared statement, or exits; the caller finalizes it. */
static sqlite3_stmt *prepare(index_writer *w, const char *sql)
{
    sqlite3_stmt *statement;
    check(w, sqlite3_prepare_v2(w->db, sql, -1, &statement, NULL), sql);
    return statement;
}

/* One (hash, key) pair of fuzzy_bucket. */
typedef struct deletion {
    guint32 hash;
    guint32 key;
} deletion;

static gint compare_deletions(gconstpointer a, gconstpointer b)
{
    const deletion *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash > y->hash ? 1 : -1;
    return (x->key > y->key) - (x->key < y->key);
}

/* Numbers the distinct keys of spelling into fuzzy_key and stores the
 * hashes of their deletions in fuzzy_bucket. */
static void add_fuzzy(index_writer *w)
{
    sqlite3_stmt *keys = prepare(w, "SELECT DISTINCT key FROM spelling ORDER BY key");
    sqlite3_stmt *insert = prepare(w, "INSERT INTO fuzzy_key VALUES (?, ?)");
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(deletion));
    GArray *hashes = g_array_new(FALSE, FALSE, sizeof(guint32));
    guint32 id = 0;
    int rc;
    while ((rc = sqlite3_step(keys)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(keys, 0);
        if (++id > CM_FUZZY_MAX_KEYS)
            die("more than %d distinct keys", CM_FUZZY_MAX_KEYS);
        sqlite3_bind_int64(insert, 1, id);
        sqlite3_bind_text(insert, 2, key, -1, SQLITE_STATIC);
        run(w, insert);
        cm_fuzzy_deletions(key, CM_FUZZY_INDEX_DELETIONS, hashes);
        for (guint i = 0; i < hashes->len; i++) {
            deletion row = {g_array_index(hashes, guint32, i), id};
            g_array_append_val(rows, row);
        }
    }
    check(w, rc, sqlite3_sql(keys));
    sqlite3_finalize(keys);
    sqlite3_finalize(insert);
    g_array_sort(rows, compare_deletions);
    insert = prepare(w, "INSERT INTO fuzzy_bucket VALUES (?, ?)");
    GByteArray *entries = g_byte_array_new();
    for (guint i = 0; i < rows->len;) {
        guint32 bucket = g_array_index(rows, deletion, i).hash >> CM_FUZZY_LOW_BITS;
        g_byte_array_set_size(entries, 0);
        for (; i < rows->len && g_array_index(rows, deletion, i).hash >> CM_FUZZY_LOW_BITS ==
                                    bucket; i++) {
            const deletion *row = &g_array_index(rows, deletion, i);
            guint32 low = row->hash & ((1u << CM_FUZZY_LOW_BITS) - 1);
            guint8 entry[CM_FUZZY_ENTRY_BYTES] = {low >> 8, low & 0xFF, row->key >> 16,
                                                  (row->key >> 8) & 0xFF, row->key & 0xFF};
            g_byte_array_append(entries, entry, sizeof entry);
        }
        sqlite3_bind_int64(insert, 1, bucket);
        sqlite3_bind_blob(insert, 2, entries->data, (int)entries->len, SQLITE_STATIC);
        run(w, insert);
    }
    sqlite3_finalize(insert);
    g_byte_array_free(entries, TRUE);
    g_array_free(rows, TRUE);
    g_array_free(hashes, TRUE);
}

int main(int argc, char **argv)
{
    if (argc != 4)
        die("usage: cm-build-index SITES.csv GAZETTEER.tsv OUTPUT.sqlite");
    GDALAllRegister();
    /* Built aside and renamed, so that a failed build leaves no index. */
    char *partial = g_strconcat(argv[3], ".partial", NULL);
    if (g_remove(partial) != 0 && errno != ENOENT)
        die("cannot remove %s", partial);
    partial_path = partial;
    index_writer w = {0};
    if (sqlite3_open(partial, &w.db) != SQLITE_OK)
        die("cannot create %s", partial);
    exec(&w, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
    exec(&w, schema);
    char *version = g_strdup_printf("PRAGMA user_version = %d", CM_FOLD_VERSION);
    exec(&w, version);
    g_free(version);
    exec(&w, "BEGIN");
    w.place = prepare(&w, "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    w.spelling = prepare(&w, "INSERT OR IGNORE INTO spelling VALUES (?, ?, ?)");
    w.box = prepare(&w, "INSERT INTO place_box VALUES (?, ?, ?, ?, ?)");
    w.curated_positions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    add_sites(&w, argv[1]);
    add_gazetteer(&w, argv[2]);
    sqlite3_finalize(w.place);
    sqlite3_finalize(w.spelling);
    sqlite3_finalize(w.box);
    g_hash_table_destroy(w.curated_positions);
    add_fuzzy(&w);
    exec(&w, "COMMIT");
    exec(&w, "VACUUM");
    if (sqlite3_close(w.db) != SQLITE_OK)
        die("cannot write %s", partial);
    if (g_rename(partial, argv[3]) != 0)
        die("cannot rename %s to %s", partial, argv[3]);
    g_free(partial);
    return EXIT_SUCCESS;
}
