/* cm-build-index: compiles what the geocoder knows into the SQLite index
 * that it opens, so that start-up reads no text file. Run by the build:
 *
 *     cm-build-index OUTPUT.sqlite --sites geodata/sites.csv [--sites ...]
 *         --countries geodata/countries.tsv --admin1 geodata/admin1.tsv
 *         --waters geodata/waters.tsv --airports geodata/airports.tsv
 *         --exonyms geodata/exonyms.tsv --gazetteer geodata/gazetteer.tsv
 *
 * (the files are described in geodata/README.md). Every name and alternate
 * name becomes a row of `spelling` under its loose key (fold.h), marked
 * `primary_name` when it is what the place is meant to be called (a name,
 * a curated alias, an ICAO or IATA code) rather than one of GeoNames'
 * alternates; `fuzzy_key` numbers the distinct keys and
 * `fuzzy_bucket` holds the hashes of each key and its one-character
 * deletions (fuzzy.h) for typos; `place_box` the positions for reverse
 * geocoding (settlements, airfields and curated sites: a country or a
 * river is never "the nearest place"); `place_point` the points along a
 * river. The index records CM_FOLD_VERSION as its user_version. Curated
 * sites have ids -1, -2, ... in file order; GeoNames places keep their
 * GeoNames id and store no source text (the geocoder names it from the
 * id), which keeps the index small; the other sources have ids from
 * their own base upwards (CM_ID_BASE_*). `place.admin1_name` is the name of
 * the first-level division a GeoNames place lies in, from admin1.tsv.
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

#include "geocode/arabic-name.h"
#include "geocode/fold.h"
#include "geocode/fuzzy.h"
#include "geocode/gazetteer-index.h"

static const char schema[] =
    "CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
    " country TEXT NOT NULL, admin1 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,"
    " population INTEGER NOT NULL, curated INTEGER NOT NULL, source TEXT, name_ar TEXT,"
    " feature TEXT NOT NULL, admin1_name TEXT NOT NULL);"
    "CREATE TABLE spelling(key TEXT NOT NULL, place INTEGER NOT NULL, literal TEXT NOT NULL,"
    " primary_name INTEGER NOT NULL, PRIMARY KEY(key, place, literal)) WITHOUT ROWID;"
    "CREATE TABLE place_point(place INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL);"
    "CREATE INDEX place_point_place ON place_point(place);"
    "CREATE VIRTUAL TABLE place_box USING rtree(id, min_lat, max_lat, min_lon, max_lon);"
    "CREATE TABLE fuzzy_key(id INTEGER PRIMARY KEY, key TEXT NOT NULL);"
    "CREATE TABLE fuzzy_bucket(bucket INTEGER PRIMARY KEY, entries BLOB NOT NULL);";

typedef struct index_writer {
    sqlite3 *db;
    sqlite3_stmt *place, *spelling, *box, *point;
    GHashTable *curated_positions; /* "lat lon" of every curated site */
    GHashTable *curated_airports;  /* OurAirports ident -> id of the curated site citing it */
    GHashTable *admin1_names;      /* "ISO3.code" -> English name of the division */
    GHashTable *exonyms;           /* GeoNames id (gint64) -> '|'-separated English names */
    sqlite3_int64 next_curated;    /* the id of the next curated site */
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

/* Adds one spelling of place id with its rank; empty spellings are
 * skipped, and a spelling already there keeps its first rank (names are
 * added first). */
static void add_spelling(index_writer *w, sqlite3_int64 id, const char *text,
                         cm_spelling_rank primary)
{
    char *literal = cm_fold_literal(text);
    if (*literal) {
        char *key = cm_fold_key(text, NULL);
        sqlite3_bind_text(w->spelling, 1, key, -1, g_free);
        sqlite3_bind_int64(w->spelling, 2, id);
        sqlite3_bind_text(w->spelling, 3, literal, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(w->spelling, 4, primary);
        run(w, w->spelling);
    }
    g_free(literal);
}

/* Adds the '|'-separated spellings of list to place id. */
static void add_spelling_list(index_writer *w, sqlite3_int64 id, const char *list,
                              cm_spelling_rank primary)
{
    char **spellings = g_strsplit(list, "|", -1);
    for (char **spelling = spellings; *spelling; spelling++)
        add_spelling(w, id, g_strstrip(*spelling), primary);
    g_strfreev(spellings);
}

typedef struct place_row {
    const char *name, *kind, *country, *admin1, *source;
    const char *feature;     /* GeoNames feature code, or ADM0, ADM1, STM, LK, AIRP, SITE */
    const char *admin1_name; /* NULL: looked up from country and admin1 */
    char *name_ar; /* owned by the caller, NULL for none */
    double lat, lon;
    gint64 population;
    gboolean curated;
    gboolean boxed;          /* a candidate for reverse geocoding */
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
        fabs(row->lon) > 180 || (strlen(row->country) != 3 && strcmp(row->kind, "river") != 0 &&
                                 strcmp(row->kind, "lake") != 0))
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
    sqlite3_bind_text(s, 12, row->feature, -1, SQLITE_STATIC);
    const char *admin1_name = row->admin1_name;
    char *admin1_key = g_strdup_printf("%s.%s", row->country, row->admin1);
    if (!admin1_name)
        admin1_name = g_hash_table_lookup(w->admin1_names, admin1_key);
    sqlite3_bind_text(s, 13, admin1_name ? admin1_name : "", -1, SQLITE_TRANSIENT);
    g_free(admin1_key);
    run(w, s);
    char *position = position_key(row->lat, row->lon);
    gboolean boxed = row->boxed &&
                     (row->curated || !g_hash_table_contains(w->curated_positions, position));
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
    add_spelling(w, id, row->name, CM_SPELLING_OWN);
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

/* The OurAirports ident a curated site cites ("OurAirports ORAA ..."), or
 * NULL; the caller frees it with g_free(). */
static char *cited_airport(const char *source)
{
    static const char prefix[] = "OurAirports ";
    const char *at = strstr(source, prefix);
    if (!at)
        return NULL;
    at += sizeof prefix - 1;
    size_t n = 0;
    while (g_ascii_isalnum(at[n]) || at[n] == '-')
        n++;
    return n ? g_strndup(at, n) : NULL;
}

/* Curated sites (geodata/sites.csv, geodata/sites/NAME.csv) through OGR's
 * CSV driver, which handles their quoting. An optional precision_m column
 * says how far the position may be off; it is added to the source; an
 * optional name_ar column gives the Arabic display name. */
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
    int precision = OGR_FD_GetFieldIndex(definition, "precision_m");
    /* The Arabic display name, where none of the spellings is it. */
    int name_ar = OGR_FD_GetFieldIndex(definition, "name_ar");
    OGRFeatureH feature;
    for (long line = 2; (feature = OGR_L_GetNextFeature(layer)) != NULL; line++) {
        char *where = g_strdup_printf("%s line %ld", path, line);
        const char *source = OGR_F_GetFieldAsString(feature, field[6]);
        char *sourced = NULL;
        if (precision >= 0 && *OGR_F_GetFieldAsString(feature, precision)) {
            double metres = parse_double(OGR_F_GetFieldAsString(feature, precision), where);
            if (metres <= 0)
                die("%s: precision_m must be positive", where);
            sourced = g_strdup_printf("%s [position within %g m]", source, metres);
        }
        place_row row = {
            .name = OGR_F_GetFieldAsString(feature, field[0]),
            .kind = OGR_F_GetFieldAsString(feature, field[2]),
            .country = OGR_F_GetFieldAsString(feature, field[3]),
            .admin1 = "",
            .admin1_name = "",
            .source = sourced ? sourced : source,
            .feature = "SITE",
            /* OGR reads text that is no number as 0: parse it ourselves. */
            .lat = parse_double(OGR_F_GetFieldAsString(feature, field[4]), where),
            .lon = parse_double(OGR_F_GetFieldAsString(feature, field[5]), where),
            .population = population < 0 ? 0 : OGR_F_GetFieldAsInteger64(feature, population),
            .curated = TRUE,
            .boxed = TRUE,
        };
        if (!*row.kind || !*source)
            die("%s: no kind or source", where);
        if (!is_site_kind(row.kind))
            die("%s: unknown kind '%s' (city, town, airbase, airport, border_crossing, camp or "
                "port)", where, row.kind);
        sqlite3_int64 id = w->next_curated--;
        char *airport = cited_airport(source);
        if (airport)
            g_hash_table_insert(w->curated_airports, airport, g_memdup2(&id, sizeof id));
        char **aliases = g_strsplit(OGR_F_GetFieldAsString(feature, field[1]), "|", -1);
        for (char **alias = aliases; *alias; alias++)
            g_strstrip(*alias);
        const char *given_ar = name_ar < 0 ? "" : OGR_F_GetFieldAsString(feature, name_ar);
        row.name_ar = *given_ar ? g_strdup(given_ar) : arabic_name(row.name, aliases, row.country);
        add_place(w, id, &row, where);
        g_free(row.name_ar);
        /* A curated alias is a name the site is meant to be called by. */
        for (char **alias = aliases; *alias; alias++)
            add_spelling(w, id, *alias, CM_SPELLING_OWN);
        g_strfreev(aliases);
        g_free(sourced);
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

/* One row of a TSV file of geodata/, its columns split. */
typedef void (*tsv_row_fn)(index_writer *w, char **columns, sqlite3_int64 row,
                           const char *where);

/* Reads the TSV file at path, which must start with header (its column
 * names, tab-separated) and have that many columns on every line, calling
 * add for each row (numbered from 0). */
static void read_tsv(index_writer *w, const char *path, const char *header, tsv_row_fn add)
{
    char *contents;
    GError *error = NULL;
    if (!g_file_get_contents(path, &contents, NULL, &error))
        die("%s", error->message);
    char *first = g_strconcat(header, "\n", NULL);
    if (!g_str_has_prefix(contents, first))
        die("%s: unexpected header (expected: %s)", path, header);
    guint n_columns = 1;
    for (const char *c = header; *c; c++)
        n_columns += *c == '\t';
    long line = 1;
    for (char *p = contents + strlen(first), *next; *p; p = next) {
        line++;
        char *end = strchr(p, '\n');
        if (!end)
            die("%s line %ld: no newline", path, line);
        *end = '\0';
        next = end + 1;
        char **c = g_strsplit(p, "\t", -1);
        char *where = g_strdup_printf("%s line %ld", path, line);
        if (g_strv_length(c) != n_columns)
            die("%s: expected %u columns", where, n_columns);
        add(w, c, line - 2, where);
        g_free(where);
        g_strfreev(c);
    }
    g_free(first);
    g_free(contents);
}

/* The place of one row of a TSV source other than GeoNames: name, its
 * '|'-separated other names (all primary), position, kind and source. */
static void add_named_place(index_writer *w, sqlite3_int64 id, place_row *row,
                            const char *others, const char *where)
{
    if (!*row->source)
        die("%s: no source", where);
    char **spellings = g_strsplit(others, "|", -1);
    row->name_ar = arabic_name(row->name, spellings, row->country);
    g_strfreev(spellings);
    add_place(w, id, row, where);
    g_free(row->name_ar);
    add_spelling_list(w, id, others, CM_SPELLING_OWN);
}

/* geodata/countries.tsv: a point inside each country and its names, its
 * ISO codes among them. */
static void add_country(index_writer *w, char **c, sqlite3_int64 n, const char *where)
{
    place_row row = {
        .name = c[2], .kind = "country", .country = c[0], .admin1 = "", .admin1_name = "",
        .source = c[6], .feature = "ADM0", .lat = parse_double(c[4], where),
        .lon = parse_double(c[5], where),
    };
    sqlite3_int64 id = CM_ID_BASE_COUNTRY + n;
    add_named_place(w, id, &row, c[3], where);
    add_spelling(w, id, c[0], CM_SPELLING_CODE);
    add_spelling(w, id, c[1], CM_SPELLING_CODE);
}

/* geodata/admin1.tsv: first-level divisions, read before the gazetteer,
 * whose places name their division by its code. */
static void add_admin1(index_writer *w, char **c, sqlite3_int64 n, const char *where)
{
    place_row row = {
        .name = c[2], .kind = "admin1", .country = c[0], .admin1 = c[1], .admin1_name = c[2],
        .source = c[6], .feature = "ADM1", .lat = parse_double(c[4], where),
        .lon = parse_double(c[5], where),
    };
    g_hash_table_insert(w->admin1_names, g_strdup_printf("%s.%s", c[0], c[1]), g_strdup(c[2]));
    add_named_place(w, CM_ID_BASE_ADMIN1 + n, &row, c[3], where);
    /* A code of letters is how people write the division: IL, NSW, ON. */
    gboolean letters = strlen(c[1]) >= 2 && strlen(c[1]) <= 3;
    for (const char *l = c[1]; letters && *l; l++)
        letters = g_ascii_isupper(*l);
    if (letters)
        add_spelling(w, CM_ID_BASE_ADMIN1 + n, c[1], CM_SPELLING_CODE);
}

/* The country a river or lake is mostly in is not known: "". */
static void add_water(index_writer *w, char **c, sqlite3_int64 n, const char *where)
{
    if (strcmp(c[1], "river") != 0 && strcmp(c[1], "lake") != 0)
        die("%s: kind '%s' is neither river nor lake", where, c[1]);
    place_row row = {
        .name = c[0], .kind = c[1], .country = "", .admin1 = "", .admin1_name = "",
        .source = c[6], .feature = strcmp(c[1], "river") == 0 ? "STM" : "LK",
        .lat = parse_double(c[3], where), .lon = parse_double(c[4], where),
    };
    sqlite3_int64 id = CM_ID_BASE_WATER + n;
    add_named_place(w, id, &row, c[2], where);
    char **points = g_strsplit(c[5], "|", -1);
    for (char **point = points; *point && **point; point++) {
        char **lat_lon = g_strsplit(*point, ",", -1);
        if (g_strv_length(lat_lon) != 2)
            die("%s: point '%s' is not lat,lon", where, *point);
        sqlite3_bind_int64(w->point, 1, id);
        sqlite3_bind_double(w->point, 2, parse_double(lat_lon[0], where));
        sqlite3_bind_double(w->point, 3, parse_double(lat_lon[1], where));
        run(w, w->point);
        g_strfreev(lat_lon);
    }
    g_strfreev(points);
}

/* geodata/airports.tsv: OurAirports' airfields, but those a curated site
 * already describes, which take their codes and keywords. The name is the airfield's
 * own, the ICAO ident and IATA code are codes, the keywords (former
 * names, nicknames) alternates. */
static void add_airport(index_writer *w, char **c, sqlite3_int64 n, const char *where)
{
    const sqlite3_int64 *curated = g_hash_table_lookup(w->curated_airports, c[0]);
    if (curated) {
        add_spelling(w, *curated, c[0], CM_SPELLING_CODE);
        add_spelling(w, *curated, c[1], CM_SPELLING_CODE);
        add_spelling_list(w, *curated, c[8], CM_SPELLING_ALTERNATE);
        return;
    }
    if (strcmp(c[3], "airport") != 0 && strcmp(c[3], "airbase") != 0)
        die("%s: kind '%s' is neither airport nor airbase", where, c[3]);
    place_row row = {
        .name = c[2], .kind = c[3], .country = c[4], .admin1 = "", .admin1_name = "",
        .source = c[9], .feature = "AIRP", .lat = parse_double(c[5], where),
        .lon = parse_double(c[6], where), .boxed = TRUE,
    };
    sqlite3_int64 id = CM_ID_BASE_AIRPORT + n;
    add_named_place(w, id, &row, "", where);
    add_spelling(w, id, c[0], CM_SPELLING_CODE);
    add_spelling(w, id, c[1], CM_SPELLING_CODE);
    add_spelling_list(w, id, c[8], CM_SPELLING_ALTERNATE);
}

/* geodata/exonyms.tsv: the English names of GeoNames places whose name is
 * another form ("Palmyra" for Tadmur), made primary spellings; read before
 * the gazetteer. */
static void add_exonyms(index_writer *w, char **c, sqlite3_int64 n, const char *where)
{
    (void)n;
    gint64 id = g_ascii_strtoll(c[0], NULL, 10);
    if (id <= 0 || !*c[1] || !*c[2])
        die("%s: needs a GeoNames id, names and a source", where);
    if (g_hash_table_contains(w->exonyms, &id))
        die("%s: GeoNames id %s is already named above", where, c[0]);
    g_hash_table_insert(w->exonyms, g_memdup2(&id, sizeof id), g_strdup(c[1]));
}

/* geodata/gazetteer.tsv: GeoNames settlements, keyed by their GeoNames id. */
static void add_settlement(index_writer *w, char **c, sqlite3_int64 n, const char *where)
{
    (void)n;
    gint64 population = g_ascii_strtoll(c[9], NULL, 10);
    sqlite3_int64 id = g_ascii_strtoll(c[0], NULL, 10);
    if (id <= 0 || id >= CM_ID_BASE_COUNTRY)
        die("%s: bad GeoNames id", where);
    place_row row = {
        .name = c[1], .kind = geonames_kind(c[8], population), .country = c[6],
        .admin1 = c[7], .source = NULL, .feature = c[8], .lat = parse_double(c[4], where),
        .lon = parse_double(c[5], where), .population = population, .boxed = TRUE,
    };
    char **alternates = g_strsplit(c[3], "|", -1);
    row.name_ar = arabic_name(row.name, alternates, row.country);
    add_place(w, id, &row, where);
    g_free(row.name_ar);
    add_spelling(w, id, c[2], CM_SPELLING_OWN);
    const char *english = g_hash_table_lookup(w->exonyms, &id);
    if (english)
        add_spelling_list(w, id, english, CM_SPELLING_OWN);
    for (char **alternate = alternates; *alternate; alternate++)
        add_spelling(w, id, *alternate, CM_SPELLING_ALTERNATE);
    g_strfreev(alternates);
}

/* A prepared statement, or exits; the caller finalizes it. */
static sqlite3_stmt *prepare(index_writer *w, const char *sql)
{
    sqlite3_stmt *statement;
    check(w, sqlite3_prepare_v2(w->db, sql, -1, &statement, NULL), sql);
    return statement;
}

/* Curated sites and airfields lie in the first-level division of the
 * nearest GeoNames settlement of their country within ADMIN1_NEAREST_DEG
 * degrees (the sources give none), so that they name it and count as in
 * it. Run after the gazetteer is read. */
#define ADMIN1_NEAREST_DEG 0.5
static void assign_admin1(index_writer *w)
{
    sqlite3_stmt *lonely = prepare(w, "SELECT id, lat, lon, country FROM place WHERE "
                                      "admin1 = '' AND kind NOT IN ('country', 'river', 'lake')");
    sqlite3_stmt *near = prepare(w, "SELECT p.admin1, p.admin1_name, "
        "(p.lat - ?1) * (p.lat - ?1) + (p.lon - ?2) * (p.lon - ?2) * ?3 AS d "
        "FROM place_box b JOIN place p ON p.id = b.id WHERE b.min_lat >= ?1 - ?5 "
        "AND b.max_lat <= ?1 + ?5 AND b.min_lon >= ?2 - ?6 AND b.max_lon <= ?2 + ?6 "
        "AND p.country = ?4 AND p.admin1 != '' AND p.curated = 0 ORDER BY d LIMIT 1");
    sqlite3_stmt *set = prepare(w, "UPDATE place SET admin1 = ?2, admin1_name = ?3 WHERE id = ?1");
    /* The places first, then their updates: no table is written while a
     * statement still reads it. */
    typedef struct lonely_place {
        sqlite3_int64 id;
        double lat, lon;
        char country[4];
    } lonely_place;
    GArray *places = g_array_new(FALSE, FALSE, sizeof(lonely_place));
    while (sqlite3_step(lonely) == SQLITE_ROW) {
        lonely_place place = {sqlite3_column_int64(lonely, 0), sqlite3_column_double(lonely, 1),
                              sqlite3_column_double(lonely, 2), ""};
        g_strlcpy(place.country, (const char *)sqlite3_column_text(lonely, 3),
                  sizeof place.country);
        g_array_append_val(places, place);
    }
    sqlite3_finalize(lonely);
    for (guint i = 0; i < places->len; i++) {
        const lonely_place *place = &g_array_index(places, lonely_place, i);
        double squeeze = cos(place->lat * G_PI / 180.0);
        sqlite3_bind_double(near, 1, place->lat);
        sqlite3_bind_double(near, 2, place->lon);
        sqlite3_bind_double(near, 3, squeeze * squeeze);
        sqlite3_bind_text(near, 4, place->country, -1, SQLITE_STATIC);
        sqlite3_bind_double(near, 5, ADMIN1_NEAREST_DEG);
        sqlite3_bind_double(near, 6, ADMIN1_NEAREST_DEG / MAX(squeeze, 0.01));
        char *admin1 = NULL, *admin1_name = NULL;
        if (sqlite3_step(near) == SQLITE_ROW) {
            admin1 = g_strdup((const char *)sqlite3_column_text(near, 0));
            admin1_name = g_strdup((const char *)sqlite3_column_text(near, 1));
        }
        sqlite3_reset(near);
        if (admin1) {
            sqlite3_bind_int64(set, 1, place->id);
            sqlite3_bind_text(set, 2, admin1, -1, g_free);
            sqlite3_bind_text(set, 3, admin1_name, -1, g_free);
            run(w, set);
        }
    }
    g_array_free(places, TRUE);
    sqlite3_finalize(near);
    sqlite3_finalize(set);
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
    char **sites = NULL, *countries = NULL, *admin1 = NULL, *waters = NULL, *airports = NULL,
         *exonyms = NULL, *gazetteer = NULL;
    GOptionEntry entries[] = {
        {"sites", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sites, "Curated sites (CSV)", "FILE"},
        {"countries", 0, 0, G_OPTION_ARG_FILENAME, &countries, "Countries (TSV)", "FILE"},
        {"admin1", 0, 0, G_OPTION_ARG_FILENAME, &admin1, "First-level divisions (TSV)", "FILE"},
        {"waters", 0, 0, G_OPTION_ARG_FILENAME, &waters, "Rivers and lakes (TSV)", "FILE"},
        {"airports", 0, 0, G_OPTION_ARG_FILENAME, &airports, "Airfields (TSV)", "FILE"},
        {"exonyms", 0, 0, G_OPTION_ARG_FILENAME, &exonyms, "English names (TSV)", "FILE"},
        {"gazetteer", 0, 0, G_OPTION_ARG_FILENAME, &gazetteer, "GeoNames settlements (TSV)",
         "FILE"},
        {NULL},
    };
    GOptionContext *options = g_option_context_new("OUTPUT.sqlite - the gazetteer index");
    g_option_context_add_main_entries(options, entries, NULL);
    GError *error = NULL;
    if (!g_option_context_parse(options, &argc, &argv, &error))
        die("%s", error->message);
    g_option_context_free(options);
    if (argc != 2 || !sites || !countries || !admin1 || !waters || !airports || !exonyms ||
        !gazetteer)
        die("usage: cm-build-index OUTPUT.sqlite --sites FILE [--sites FILE ...] --countries "
            "FILE --admin1 FILE --waters FILE --airports FILE --exonyms FILE --gazetteer FILE");
    GDALAllRegister();
    /* Built aside and renamed, so that a failed build leaves no index. */
    char *partial = g_strconcat(argv[1], ".partial", NULL);
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
    w.place = prepare(&w, "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    w.spelling = prepare(&w, "INSERT OR IGNORE INTO spelling VALUES (?, ?, ?, ?)");
    w.box = prepare(&w, "INSERT INTO place_box VALUES (?, ?, ?, ?, ?)");
    w.point = prepare(&w, "INSERT INTO place_point VALUES (?, ?, ?)");
    w.curated_positions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    w.curated_airports = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    w.admin1_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    w.exonyms = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    w.next_curated = -1;
    /* Curated sites first: their ids count down in file order, and an
     * airfield they describe is not added again from OurAirports. */
    for (char **file = sites; *file; file++)
        add_sites(&w, *file);
    read_tsv(&w, countries, "iso3\tiso2\tname\talternate_names\tlat\tlon\tsource", add_country);
    read_tsv(&w, admin1, "country\tcode\tname\talternate_names\tlat\tlon\tsource", add_admin1);
    read_tsv(&w, waters, "name\tkind\talternate_names\tlat\tlon\tpoints\tsource", add_water);
    read_tsv(&w, airports, "ident\tiata\tname\tkind\tcountry\tlat\tlon\tmunicipality\tkeywords"
             "\tsource", add_airport);
    read_tsv(&w, exonyms, "geonameid\tnames\tsource", add_exonyms);
    read_tsv(&w, gazetteer, "geonameid\tname\tascii_name\talternate_names\tlat\tlon\tcountry"
             "\tadmin1\tfeature_code\tpopulation", add_settlement);
    sqlite3_finalize(w.place);
    sqlite3_finalize(w.spelling);
    sqlite3_finalize(w.box);
    sqlite3_finalize(w.point);
    g_hash_table_destroy(w.curated_positions);
    g_hash_table_destroy(w.curated_airports);
    g_hash_table_destroy(w.admin1_names);
    g_hash_table_destroy(w.exonyms);
    assign_admin1(&w);
    add_fuzzy(&w);
    exec(&w, "COMMIT");
    exec(&w, "VACUUM");
    if (sqlite3_close(w.db) != SQLITE_OK)
        die("cannot write %s", partial);
    if (g_rename(partial, argv[1]) != 0)
        die("cannot rename %s to %s", partial, argv[1]);
    g_free(partial);
    g_strfreev(sites);
    g_free(countries);
    g_free(admin1);
    g_free(waters);
    g_free(airports);
    g_free(exonyms);
    g_free(gazetteer);
    return EXIT_SUCCESS;
}
