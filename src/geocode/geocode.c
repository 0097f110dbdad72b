/* The geocoder: queries read for their shape (query.h), names looked up in
 * the SQLite gazetteer index that the build compiles from the curated
 * sites, countries, divisions, waters, airfields and GeoNames
 * (src/tools/build-index.c), ranked into candidates by the rules of
 * docs/geocoding.md (constants in geocode-rank.h); coordinates through
 * cm_coordinate_parse(). */
#include "core/internal.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "fuzzy.h"
#include "gazetteer-index.h"
#include "geocode-rank.h"
#include "place.h"
#include "core/geopackage.h"
#include "query.h"
#include "usersites.h"


struct cm_geocoder {
    cm_context *context;
    GString *notes;   /* resolutions worth telling the user, one a line */
    sqlite3 *db;
    sqlite3_stmt *by_key, *deletion, *fuzzy_key, *box, *points;
    sqlite3_stmt *curated_box; /* box, of curated sites only: cm_geocoder_nearest() */
    GPtrArray *user;  /* of cm_user_site*, owned: cm_geocoder_add_gazetteer() */
};

struct cm_candidate_list {
    GArray *items;    /* of cm_candidate */
    GPtrArray *places; /* the candidates' places, owned */
};

/* A new place with copies of the strings and admin1 ""; the caller frees
 * it with cm_place_free(). */
static cm_place *place_new(const char *name, const char *kind, const char *country,
                           const char *source, cm_geo_point position)
{
    cm_place *place = g_new0(cm_place, 1);
    place->name = g_strdup(name);
    place->kind = g_strdup(kind);
    place->country = g_strdup(country);
    place->source = g_strdup(source);
    place->position = position;
    place->admin1 = g_strdup("");
    place->admin1_name = g_strdup("");
    return place;
}

/* The columns every place query selects, in this order. */
#define PLACE_COLUMNS "p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, " \
                      "p.population, p.curated, p.source, p.name_ar, p.feature, " \
                      "p.admin1_name"
/* The column of the feature code, and how many columns PLACE_COLUMNS
 * selects: the index of the next one. */
#define PLACE_FEATURE_COLUMN 11
#define PLACE_N_COLUMNS 13

/* The place in the current row of statement, whose first columns are
 * PLACE_COLUMNS. Returns a new place the caller frees with cm_place_free(). */
static cm_place *row_place(sqlite3_stmt *statement)
{
    cm_geo_point position = {sqlite3_column_double(statement, 5),
                             sqlite3_column_double(statement, 6)};
    /* GeoNames rows are keyed by their GeoNames id; the index stores no
     * source text for them. */
    char *geonames = NULL;
    if (sqlite3_column_type(statement, 9) == SQLITE_NULL)
        geonames = g_strdup_printf("GeoNames %lld (CC BY 4.0)",
                                   (long long)sqlite3_column_int64(statement, 0));
    const char *source = geonames ? geonames : (const char *)sqlite3_column_text(statement, 9);
    cm_place *place = place_new((const char *)sqlite3_column_text(statement, 1),
                                (const char *)sqlite3_column_text(statement, 2),
                                (const char *)sqlite3_column_text(statement, 3),
                                source, position);
    g_free(geonames);
    g_free(place->admin1);
    place->admin1 = g_strdup((const char *)sqlite3_column_text(statement, 4));
    place->population = sqlite3_column_int64(statement, 7);
    place->name_ar = g_strdup((const char *)sqlite3_column_text(statement, 10));
    g_free(place->admin1_name);
    place->admin1_name = g_strdup((const char *)sqlite3_column_text(statement, 12));
    return place;
}

static cm_status database_error(cm_geocoder *geocoder, const char *path)
{
    return cm_fail(geocoder->context, CM_ERR_DATA, "gazetteer index %s: %s", path,
                   sqlite3_errmsg(geocoder->db));
}

static cm_status open_index(cm_geocoder *geocoder, const char *path)
{
    cm_context *context = geocoder->context;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return cm_fail(context, CM_ERR_DATA, "gazetteer index %s is missing (it is made "
                       "by the build from geodata/; from a build tree, run through `meson "
                       "devenv`, which sets CONVOYMAP_DATA and CONVOYMAP_BUILD_DIR)", path);
    if (sqlite3_open_v2(path, &geocoder->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return database_error(geocoder, path);
    /* The index is only ever replaced whole (renamed into place): holding
     * the shared lock spares every statement a lock, an unlock and a check
     * of the file, which cost more than a key lookup. */
    if (sqlite3_exec(geocoder->db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL) !=
        SQLITE_OK)
        return database_error(geocoder, path);
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(geocoder->db, "PRAGMA user_version", -1, &statement, NULL) !=
        SQLITE_OK)
        return database_error(geocoder, path);
    if (sqlite3_step(statement) != SQLITE_ROW) {
        sqlite3_finalize(statement);
        return database_error(geocoder, path);
    }
    int version = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    /* An index folded by other rules would silently miss names. */
    if (version != CM_FOLD_VERSION)
        return cm_fail(context, CM_ERR_DATA, "gazetteer index %s has version %d, expected "
                       "%d: rebuild it", path, version, CM_FOLD_VERSION);
    const struct {
        sqlite3_stmt **statement;
        const char *sql;
    } statements[] = {
        {&geocoder->by_key, "SELECT " PLACE_COLUMNS ", s.literal, s.primary_name "
                            "FROM spelling s JOIN place p ON p.id = s.place WHERE s.key = ?1"},
        /* Waters are few and have their own id range: no index on names. */
        {&geocoder->points, "SELECT pp.lat, pp.lon FROM place p JOIN place_point pp "
                            "ON pp.place = p.id WHERE p.id >= ?4 AND p.id < ?5 "
                            "AND p.name = ?1 AND p.lat = ?2 AND p.lon = ?3"},
        {&geocoder->deletion, "SELECT entries FROM fuzzy_bucket WHERE bucket = ?1"},
        {&geocoder->fuzzy_key, "SELECT key FROM fuzzy_key WHERE id = ?1"},
        {&geocoder->box, "SELECT " PLACE_COLUMNS " FROM place_box b JOIN place p "
                         "ON p.id = b.id WHERE b.max_lat >= ?1 AND b.min_lat <= ?2 "
                         "AND b.max_lon >= ?3 AND b.min_lon <= ?4"},
        {&geocoder->curated_box, "SELECT " PLACE_COLUMNS " FROM place_box b JOIN place p "
                                 "ON p.id = b.id WHERE b.max_lat >= ?1 AND b.min_lat <= ?2 "
                                 "AND b.max_lon >= ?3 AND b.min_lon <= ?4 AND p.curated = 1"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(statements); i++)
        if (sqlite3_prepare_v3(geocoder->db, statements[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
                               statements[i].statement, NULL) != SQLITE_OK)
            return database_error(geocoder, path);
    return CM_OK;
}

cm_geocoder *cm_geocoder_new(cm_context *context)
{
    cm_geocoder *geocoder = g_new0(cm_geocoder, 1);
    geocoder->context = context;
    geocoder->notes = g_string_new(NULL);
    geocoder->user = g_ptr_array_new_with_free_func((GDestroyNotify)cm_user_site_free);
    char *path = cm_index_path(context, "gazetteer.sqlite");
    cm_status status = open_index(geocoder, path);
    g_free(path);
    if (status != CM_OK) {
        cm_geocoder_free(geocoder);
        return NULL;
    }
    return geocoder;
}

void cm_geocoder_free(cm_geocoder *geocoder)
{
    if (!geocoder)
        return;
    sqlite3_finalize(geocoder->by_key);
    sqlite3_finalize(geocoder->deletion);
    sqlite3_finalize(geocoder->fuzzy_key);
    sqlite3_finalize(geocoder->box);
    sqlite3_finalize(geocoder->points);
    sqlite3_finalize(geocoder->curated_box);
    sqlite3_close(geocoder->db);
    g_string_free(geocoder->notes, TRUE);
    g_ptr_array_free(geocoder->user, TRUE);
    g_free(geocoder);
}

cm_context *cm_geocoder_context(cm_geocoder *geocoder) { return geocoder->context; }

/* A degree of latitude is at least this long. */
#define DEGREE_OF_LATITUDE_MIN_M 110500.0

/* Candidates of statement (box or curated_box) from a box around point
 * that holds every place within radius_deg degrees of latitude, split at
 * the antimeridian, of kind and in country unless those are NULL. Updates
 * *best and *best_m with any nearer place. */
static void nearest_in_box(sqlite3_stmt *s, cm_geo_point point, double radius_deg,
                           const char *kind, const char *country, cm_place **best,
                           cm_geodesic_result *best_m)
{
    /* A circle around or near a pole spans every longitude. */
    double lon_radius = fabs(point.lat) + radius_deg >= 89.0
                            ? 180.0
                            : MIN(radius_deg / cos((fabs(point.lat) + radius_deg) * G_PI / 180.0),
                                  180.0);
    double west = point.lon - lon_radius, east = point.lon + lon_radius;
    double ranges[2][2] = {{MAX(west, -180.0), MIN(east, 180.0)}, {0, -1}};
    if (west < -180.0)
        ranges[1][0] = west + 360.0, ranges[1][1] = 180.0;
    else if (east > 180.0)
        ranges[1][0] = -180.0, ranges[1][1] = east - 360.0;
    for (size_t r = 0; r < G_N_ELEMENTS(ranges); r++) {
        if (ranges[r][0] > ranges[r][1])
            continue;
        sqlite3_bind_double(s, 1, point.lat - radius_deg);
        sqlite3_bind_double(s, 2, point.lat + radius_deg);
        sqlite3_bind_double(s, 3, ranges[r][0]);
        sqlite3_bind_double(s, 4, ranges[r][1]);
        while (sqlite3_step(s) == SQLITE_ROW) {
            if ((kind && strcmp((const char *)sqlite3_column_text(s, 2), kind) != 0) ||
                (country && strcmp((const char *)sqlite3_column_text(s, 3), country) != 0))
                continue;
            cm_geo_point position = {sqlite3_column_double(s, 5), sqlite3_column_double(s, 6)};
            cm_geodesic_result from = cm_geodesic_inverse(position, point);
            if (*best && from.distance_m >= best_m->distance_m)
                continue;
            cm_place_free(*best);
            *best = row_place(s);
            *best_m = from;
        }
        sqlite3_reset(s);
    }
}

cm_place *cm_geocoder_reverse(cm_geocoder *geocoder, cm_geo_point point,
                              double max_distance_m, cm_geodesic_result *from_place)
{
    /* A box of radius r degrees holds every place within r degrees of
     * latitude. Widen it until the nearest place found is inside that
     * circle. */
    const double degree_m = DEGREE_OF_LATITUDE_MIN_M;
    cm_place *best = NULL;
    cm_geodesic_result best_m = {0};
    for (double radius = 0.25;; radius *= 2) {
        nearest_in_box(geocoder->box, point, radius, NULL, NULL, &best, &best_m);
        if (best && best_m.distance_m <= radius * degree_m)
            break;
        if (radius * degree_m > max_distance_m || radius >= 180.0)
            break;
    }
    if (best && best_m.distance_m > max_distance_m) {
        cm_place_free(best);
        return NULL;
    }
    if (best)
        *from_place = best_m;
    return best;
}

cm_place *cm_geocoder_nearest(cm_geocoder *geocoder, cm_geo_point point, const char *kind,
                              const char *country, double max_distance_m, double *distance_m)
{
    cm_place *best = NULL;
    cm_geodesic_result best_m = {0};
    nearest_in_box(geocoder->curated_box, point, max_distance_m / DEGREE_OF_LATITUDE_MIN_M,
                   kind, country, &best, &best_m);
    if (best && best_m.distance_m > max_distance_m) {
        cm_place_free(best);
        return NULL;
    }
    if (best)
        *distance_m = best_m.distance_m;
    return best;
}

/* Candidate lists. */

/* An empty list; the caller frees it with cm_candidate_list_free(). */
static cm_candidate_list *candidate_list_new(void)
{
    cm_candidate_list *list = g_new0(cm_candidate_list, 1);
    list->items = g_array_new(FALSE, TRUE, sizeof(cm_candidate));
    list->places = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
    return list;
}

size_t cm_candidate_list_count(const cm_candidate_list *candidates)
{
    return candidates->items->len;
}

const cm_candidate *cm_candidate_list_get(const cm_candidate_list *candidates, size_t i)
{
    g_return_val_if_fail(i < candidates->items->len, NULL);
    return &g_array_index(candidates->items, cm_candidate, i);
}

void cm_candidate_list_free(cm_candidate_list *candidates)
{
    if (!candidates)
        return;
    g_array_free(candidates->items, TRUE);
    g_ptr_array_free(candidates->places, TRUE);
    g_free(candidates);
}

/* Where a query's places must lie: a country (ISO3) and within it a
 * first-level division (GeoNames code), either NULL for anywhere. */
typedef struct area {
    char *country, *admin1;
} area;

/* A reading of a query taken apart once for scoring every spelling
 * against it: its folded literal, whether that has an Arabic article (if
 * not, "Basrah" is an exact match of "Al Basrah"), its key, the facility
 * word that folding dropped, the kind a generic word named, and the area. */
typedef struct parsed_query {
    char *key;
    const char *literal;
    gboolean articled;
    cm_fold_hint hint;
    cm_query_kind kind;
    const area *where;
    gboolean code_like; /* typed as a code: "ORAA", "BGW", "IRQ" */
    gboolean whole;     /* the whole query, not a part of it */
} parsed_query;

/* Whether text is typed as a code: three or four capitals or digits. */
static gboolean is_code_like(const char *text)
{
    size_t n = strlen(text);
    if (n < 3 || n > 4)
        return FALSE;
    for (size_t i = 0; i < n; i++)
        if (!g_ascii_isupper(text[i]) && !g_ascii_isdigit(text[i]))
            return FALSE;
    return TRUE;
}

/* Where a place comes from, in rising precedence. */
typedef enum source_tier { TIER_INDEX, TIER_CURATED, TIER_USER } source_tier;

/* A place's standing apart from the match (geocode-rank.h). */
static double prominence(const cm_place *place, const char *feature, source_tier tier)
{
    if (tier == TIER_USER)
        return PROMINENCE_USER;
    if (tier == TIER_CURATED)
        return PROMINENCE_CURATED;
    const char *kind = place->kind;
    if (strcmp(kind, "country") == 0)
        return PROMINENCE_COUNTRY;
    if (strcmp(kind, "admin1") == 0)
        return PROMINENCE_ADMIN1;
    if (strcmp(kind, "river") == 0 || strcmp(kind, "lake") == 0)
        return PROMINENCE_WATER;
    if (strcmp(kind, "airbase") == 0)
        return PROMINENCE_AIRBASE;
    if (strcmp(kind, "airport") == 0)
        return PROMINENCE_AIRPORT;
    if (g_strcmp0(feature, "PPLC") == 0)
        return PROMINENCE_CAPITAL;
    double settlement = MIN(PROMINENCE_SETTLEMENT_MAX,
                            PROMINENCE_PER_DECADE * log10(1.0 + (double)place->population));
    if (g_strcmp0(feature, "PPLA") == 0)
        settlement += PROMINENCE_ADMIN_SEAT;
    return settlement;
}

/* The score of place reached through a spelling (its literal, primary or
 * an alternate) with the given match quality. */
static double score_spelling(const parsed_query *query, const cm_place *place,
                             double prominent, const char *literal, gboolean primary,
                             double quality)
{
    /* A facility word on one side only ("Qaim" against "Al-Qaim border
     * crossing") means a different place of the same name is likelier. */
    cm_fold_hint hint;
    g_free(cm_fold_key(literal, &hint));
    double fit = 0.0;
    if (g_strcmp0(hint, query->hint) != 0 &&
        !(query->hint && strcmp(query->hint, place->kind) == 0)) {
        /* "Arbil" is not the name of "Arbil Airport". */
        fit = -RANK_KIND_MISFIT;
        primary = FALSE;
    }
    if (query->kind != CM_QUERY_KIND_NONE)
        fit = cm_query_kind_fits(query->kind, place->kind) ? RANK_KIND_FIT : -RANK_KIND_MISFIT;
    double score = RANK_MATCH_WEIGHT * quality + (primary ? RANK_PRIMARY_NAME : 0.0) +
                   prominent + fit;
    return CLAMP(score, 0.0, 1.0);
}

/* Whether a place of country and admin1 lies in the query's area. A place
 * with no division (a curated site with no settlement near, a user site)
 * counts as in any division of its country. */
static gboolean in_area(const area *where, const char *country, const char *admin1)
{
    /* Rivers and lakes cross borders and carry no country. */
    if (!*country)
        return TRUE;
    if (where->country && strcmp(country, where->country) != 0)
        return FALSE;
    return !where->admin1 || !*admin1 || strcmp(admin1, where->admin1) == 0;
}

/* The candidates being gathered for a query: the list, its places by id
 * (place id -> index into the list) and each one's tier. */
typedef struct gathering {
    cm_candidate_list *list;
    GHashTable *by_id;
    GArray *tiers; /* of source_tier, parallel to the list */
    GArray *whole; /* of gboolean, parallel: an exact match of the whole query */
} gathering;

/* The literal without its Arabic article words. Returns a new string the
 * caller frees with g_free(). */
static char *bare_literal(const char *literal)
{
    char **words = g_strsplit(literal, " ", -1);
    GString *out = g_string_new(NULL);
    for (char **w = words; *w; w++)
        if (!cm_fold_is_article(*w))
            g_string_append_printf(out, "%s%s", out->len ? " " : "", *w);
    g_strfreev(words);
    if (out->len == 0) {
        g_string_free(out, TRUE);
        return g_strdup(literal);
    }
    return g_string_free(out, FALSE);
}

/* Adds place (taken over) of the given id and tier, reached through the
 * spelling literal, scored with quality, or exact when literal equals the
 * query's but for articles; similarity is the spelling's key's to the
 * query's (1 but for fuzzy keys). A place already there keeps its best
 * spelling. */
static void add_candidate(const parsed_query *query, gathering *found, gint64 id,
                          source_tier tier, const char *feature, cm_place *place,
                          const char *literal, int spelling, double quality,
                          double similarity, cm_match match)
{
    /* A code is a place's own name only when typed as one: "Al-Bab" is
     * not Beale AFB (BAB), "BAH" is Bahrain's airport, not the town Bah. */
    gboolean code = spelling == CM_SPELLING_CODE && query->code_like;
    gboolean primary = spelling == CM_SPELLING_OWN || code;
    /* "Basrah" is exact for "Al Basrah", but "Al Khor" is not for "Khor". */
    gboolean exact = match != CM_MATCH_FUZZY && strcmp(literal, query->literal) == 0;
    if (match != CM_MATCH_FUZZY && !exact && !query->articled) {
        char *bare = bare_literal(literal);
        exact = strcmp(bare, query->literal) == 0;
        g_free(bare);
    }
    /* A capital's other names are names people use ("Ad Dawhah" for
     * Doha), but not its codes. */
    if (spelling == CM_SPELLING_ALTERNATE && !query->code_like && g_strcmp0(feature, "PPLC") == 0)
        primary = TRUE;
    double score = score_spelling(query, place, prominence(place, feature, tier), literal,
                                  primary, exact ? RANK_QUALITY_EXACT : quality);
    if (code)
        score = MIN(1.0, score + RANK_KIND_FIT);
    gboolean whole = query->whole && match != CM_MATCH_FUZZY &&
                     strcmp(literal, query->literal) == 0;
    gpointer slot;
    if (g_hash_table_lookup_extended(found->by_id, &id, NULL, &slot)) {
        cm_candidate *c = &g_array_index(found->list->items, cm_candidate,
                                         GPOINTER_TO_UINT(slot));
        if (score > c->score) {
            c->score = score;
            c->match = exact ? CM_MATCH_EXACT : match;
            c->similarity = similarity;
        }
        g_array_index(found->whole, gboolean, GPOINTER_TO_UINT(slot)) |= whole;
        cm_place_free(place);
        return;
    }
    guint index = found->list->items->len;
    cm_candidate candidate = {place, score, exact ? CM_MATCH_EXACT : match, similarity, 0.0};
    g_array_append_val(found->list->items, candidate);
    g_array_append_val(found->tiers, tier);
    g_array_append_val(found->whole, whole);
    g_ptr_array_add(found->list->places, place);
    g_hash_table_insert(found->by_id, g_memdup2(&id, sizeof id), GUINT_TO_POINTER(index));
}

/* Adds the places of key in the index (see add_candidate()). */
static void collect_key(cm_geocoder *geocoder, const parsed_query *query, const char *key,
                        double quality, double similarity, cm_match match, gathering *found)
{
    sqlite3_stmt *s = geocoder->by_key;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *literal = (const char *)sqlite3_column_text(s, PLACE_N_COLUMNS);
        int spelling = sqlite3_column_int(s, PLACE_N_COLUMNS + 1);
        /* Rows that cannot answer are passed over before a place is made
         * of them: one outside the area, and a code not matched as typed
         * ("AAAA" folds to the key of the code AAA, but means nothing). */
        if (!in_area(query->where, (const char *)sqlite3_column_text(s, 3),
                     (const char *)sqlite3_column_text(s, 4)) ||
            (spelling == CM_SPELLING_CODE && strcmp(literal, query->literal) != 0))
            continue;
        add_candidate(query, found, sqlite3_column_int64(s, 0),
                      sqlite3_column_int(s, 8) ? TIER_CURATED : TIER_INDEX,
                      (const char *)sqlite3_column_text(s, PLACE_FEATURE_COLUMN), row_place(s),
                      literal, spelling, quality, similarity, match);
    }
    sqlite3_reset(s);
}

/* Adds the user's sites with a spelling whose key is similar enough to the
 * query's (equal unless fuzzy). User sites are few: a scan will do. */
static void collect_user(cm_geocoder *geocoder, const parsed_query *query, gboolean fuzzy,
                         gathering *found)
{
    for (guint i = 0; i < geocoder->user->len; i++) {
        const cm_user_site *site = g_ptr_array_index(geocoder->user, i);
        if (!in_area(query->where, site->place->country, site->place->admin1))
            continue;
        for (size_t k = 0; site->keys[k]; k++) {
            const char *key = site->keys[k], *literal = site->literals[k];
            double similarity =
                fuzzy ? cm_fuzzy_similarity(query->key, key, FUZZY_MIN_SIMILARITY) : 1.0;
            if (fuzzy ? similarity >= FUZZY_MIN_SIMILARITY && similarity < 1.0
                      : strcmp(key, query->key) == 0)
                /* User sites' ids lie below the index's, which are near 0
                 * or positive. */
                add_candidate(query, found, G_MININT64 + i, TIER_USER, NULL,
                              cm_place_copy(site->place), literal, CM_SPELLING_OWN,
                              fuzzy ? RANK_QUALITY_FUZZY * similarity : RANK_QUALITY_FOLDED,
                              similarity, fuzzy ? CM_MATCH_FUZZY : CM_MATCH_FOLDED);
        }
    }
}

/* A key found for a typo and its similarity to the query's. */
typedef struct similar_key {
    char *key;
    double similarity;
} similar_key;

static gint compare_similar_keys(gconstpointer a, gconstpointer b)
{
    const similar_key *x = a, *y = b;
    if (x->similarity != y->similarity)
        return x->similarity > y->similarity ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* The ids of the keys in the index that share a deletion with key (at
 * most FUZZY_MAX_CANDIDATES), as a set the caller frees with
 * g_hash_table_destroy(). */
static GHashTable *deletion_neighbours(cm_geocoder *geocoder, const char *key, glong length)
{
    GHashTable *ids = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    GArray *hashes = g_array_new(FALSE, FALSE, sizeof(guint32));
    /* Two deletions find no key similar enough to a shorter query. */
    guint deletions = length >= 7 && length <= FUZZY_TWO_DELETIONS ? 2 : 1;
    cm_fuzzy_deletions(key, deletions, hashes);
    sqlite3_stmt *s = geocoder->deletion;
    for (guint i = 0; i < hashes->len && g_hash_table_size(ids) < FUZZY_MAX_CANDIDATES; i++) {
        guint32 hash = g_array_index(hashes, guint32, i);
        guint32 low = hash & ((1u << CM_FUZZY_LOW_BITS) - 1);
        sqlite3_bind_int64(s, 1, hash >> CM_FUZZY_LOW_BITS);
        if (sqlite3_step(s) == SQLITE_ROW) {
            const guint8 *entry = sqlite3_column_blob(s, 0);
            int n = sqlite3_column_bytes(s, 0) / CM_FUZZY_ENTRY_BYTES;
            for (int e = 0; e < n; e++, entry += CM_FUZZY_ENTRY_BYTES) {
                if ((guint32)(entry[0] << 8 | entry[1]) != low)
                    continue;
                gint64 id = (gint64)entry[2] << 16 | entry[3] << 8 | entry[4];
                g_hash_table_add(ids, g_memdup2(&id, sizeof id));
            }
        }
        sqlite3_reset(s);
    }
    g_array_free(hashes, TRUE);
    return ids;
}

/* The consonant skeleton of a key, how a name sounds more than how it is
 * spelt: Latin vowels and h, w dropped, c as k, z as s, repeats made one
 * ("bagdhad" and "baghdad" are both "bgd"). Returns a new string the
 * caller frees with g_free(). */
static char *skeleton(const char *key)
{
    GString *out = g_string_new(NULL);
    gunichar previous = 0;
    for (const char *p = key; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (strchr("aeiouhw", (int)c) && c < 0x80)
            continue;
        c = c == 'c' ? 'k' : c == 'z' ? 's' : c;
        if (c != previous)
            g_string_append_unichar(out, c);
        previous = c;
    }
    return g_string_free(out, FALSE);
}

/* Adds the places of the FUZZY_KEYS keys most similar to the query's, as
 * fuzzy matches: those SUGGEST_MIN_SIMILARITY similar, or that sound the
 * same (the same skeleton), the latter SKELETON_BONUS higher. */
static void collect_fuzzy(cm_geocoder *geocoder, const parsed_query *query, gathering *found)
{
    glong length = g_utf8_strlen(query->key, -1);
    if (length > FUZZY_MAX_LENGTH)
        return;
    GHashTable *ids = deletion_neighbours(geocoder, query->key, length);
    GArray *similar = g_array_new(FALSE, FALSE, sizeof(similar_key));
    GHashTableIter iter;
    gpointer id;
    char *sound = skeleton(query->key);
    sqlite3_stmt *s = geocoder->fuzzy_key;
    g_hash_table_iter_init(&iter, ids);
    while (g_hash_table_iter_next(&iter, &id, NULL)) {
        sqlite3_bind_int64(s, 1, *(gint64 *)id);
        if (sqlite3_step(s) == SQLITE_ROW) {
            const char *key = (const char *)sqlite3_column_text(s, 0);
            double similarity = cm_fuzzy_similarity(query->key, key, FUZZY_MIN_SIMILARITY);
            char *key_sound = similarity > 0.0 ? skeleton(key) : NULL;
            /* One or two consonants say too little of a name's sound. */
            gboolean sounds_alike = key_sound && strlen(sound) >= SKELETON_MIN_LENGTH &&
                                    strcmp(key_sound, sound) == 0;
            if (similarity >= SUGGEST_MIN_SIMILARITY || sounds_alike) {
                similar_key k = {g_strdup(key),
                                 similarity + (sounds_alike ? SKELETON_BONUS : 0.0)};
                g_array_append_val(similar, k);
            }
            g_free(key_sound);
        }
        sqlite3_reset(s);
    }
    g_free(sound);
    g_hash_table_destroy(ids);
    g_array_sort(similar, compare_similar_keys);
    for (guint i = 0; i < similar->len; i++) {
        similar_key *k = &g_array_index(similar, similar_key, i);
        double similarity = MIN(1.0, k->similarity);
        if (i < FUZZY_KEYS)
            collect_key(geocoder, query, k->key, RANK_QUALITY_FUZZY * similarity, similarity,
                        CM_MATCH_FUZZY, found);
        g_free(k->key);
    }
    g_array_free(similar, TRUE);
}

static gint compare_candidates(gconstpointer a, gconstpointer b)
{
    const cm_candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->place->population != y->place->population)
        return x->place->population > y->place->population ? -1 : 1;
    return g_strcmp0(x->place->name, y->place->name);
}

/* The kinds GeoNames places have; the others are facilities and areas. */
static gboolean is_settlement(const char *kind)
{
    return cm_query_kind_fits(CM_QUERY_KIND_SETTLEMENT, kind);
}

/* Whether a region (a country or a first-level division) holds place. */
static gboolean holds(const cm_place *region, const cm_place *place)
{
    if (strcmp(region->country, place->country) != 0)
        return FALSE;
    if (strcmp(region->kind, "country") == 0)
        return TRUE;
    return strcmp(region->kind, "admin1") == 0 && strcmp(region->admin1, place->admin1) == 0;
}

/* A first-level division that shares its name with a settlement in it
 * ("Kirkuk", "Basra", "Riyadh": the province and its seat) ranks just
 * below the settlement: a route or a map means the city. */
static void cede_to_seats(GArray *candidates, cm_query_kind wanted)
{
    if (wanted == CM_QUERY_KIND_ADMIN1)
        return;
    for (guint i = 0; i < candidates->len; i++) {
        cm_candidate *division = &g_array_index(candidates, cm_candidate, i);
        if (strcmp(division->place->kind, "admin1") != 0)
            continue;
        for (guint j = 0; j < candidates->len; j++) {
            const cm_candidate *c = &g_array_index(candidates, cm_candidate, j);
            if (is_settlement(c->place->kind) && c->similarity >= division->similarity &&
                holds(division->place, c->place) && c->score <= division->score)
                division->score = MAX(0.0, c->score - SEAT_MARGIN);
        }
    }
}

/* Drops candidates near a place of a higher tier that matches about as
 * well: the same place, and the better source's position wins. A curated
 * facility never hides a settlement ("Kirkuk" is the city, not Kirkuk Air
 * Base); the user's own sites hide any shipped namesake. A division
 * cedes to its seat unless the query asks for a division (wanted). Then
 * sorts best first. */
static void rank(cm_candidate_list *list, const GArray *tiers, cm_query_kind wanted)
{
    GArray *kept = g_array_new(FALSE, TRUE, sizeof(cm_candidate));
    for (guint i = 0; i < list->items->len; i++) {
        const cm_candidate *c = &g_array_index(list->items, cm_candidate, i);
        source_tier tier = g_array_index(tiers, source_tier, i);
        gboolean namesake = FALSE;
        for (guint j = 0; !namesake && j < list->items->len; j++) {
            const cm_candidate *site = &g_array_index(list->items, cm_candidate, j);
            source_tier site_tier = g_array_index(tiers, source_tier, j);
            namesake = site_tier > tier &&
                       (site_tier == TIER_USER || is_settlement(site->place->kind) ||
                        strcmp(site->place->kind, c->place->kind) == 0) &&
                       site->score + NAMESAKE_SLACK >= c->score &&
                       cm_geodesic_inverse(c->place->position, site->place->position)
                               .distance_m < NAMESAKE_RADIUS_M;
        }
        if (!namesake)
            g_array_append_val(kept, *c);
    }
    cede_to_seats(kept, wanted);
    g_array_sort(kept, compare_candidates);
    g_array_free(list->items, TRUE);
    list->items = kept;
}

/* "'A' (SYR), 'B' (IRQ)": the names of the first n candidates. Returns a new
 * string the caller frees with g_free(). */
static char *candidate_names(const cm_candidate_list *list, size_t n)
{
    GString *names = g_string_new(NULL);
    for (size_t i = 0; i < MIN(n, cm_candidate_list_count(list)); i++) {
        const cm_place *place = cm_candidate_list_get(list, i)->place;
        g_string_append_printf(names, "%s'%s' (%s)", i ? ", " : "", place->name,
                               place->country);
    }
    return g_string_free(names, FALSE);
}

/* At most this many areas are tried for the qualifiers of one query. */
#define MAX_AREAS 8

static void area_clear(area *where)
{
    g_free(where->country);
    g_free(where->admin1);
}

/* Appends to areas (of area, each owning its strings) the areas within
 * where that text (folded) names: countries by any of their names or ISO
 * codes, first-level divisions by theirs ("Georgia" is the country and the
 * US state; "IL" Israel and Illinois). A country that is where's own keeps
 * where's division. A spelling equal to text comes before one equal only
 * by its key, a country before a division, an own name before an
 * alternate. Returns how many it appended. */
static guint find_areas(cm_geocoder *geocoder, const char *text, const area *where,
                        GArray *areas)
{
    char *key = cm_fold_key(text, NULL);
    char *literal = cm_fold_literal(text);
    GArray *found = g_array_new(FALSE, FALSE, sizeof(area));
    GArray *ranks = g_array_new(FALSE, FALSE, sizeof(int));
    sqlite3_stmt *s = geocoder->by_key;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(s, 2);
        const char *iso3 = (const char *)sqlite3_column_text(s, 3);
        gboolean is_country = strcmp(kind, "country") == 0;
        if ((!is_country && strcmp(kind, "admin1") != 0) ||
            (where->country && strcmp(where->country, iso3) != 0) ||
            (!is_country && where->admin1))
            continue;
        /* A code matches only as typed ("IL", not "il" for "Il"). */
        gboolean equal = strcmp((const char *)sqlite3_column_text(s, PLACE_N_COLUMNS),
                                literal) == 0;
        int spelling = sqlite3_column_int(s, PLACE_N_COLUMNS + 1);
        if (spelling == CM_SPELLING_CODE && !equal)
            continue;
        int rank = 4 * equal + 2 * is_country + (spelling != CM_SPELLING_ALTERNATE);
        area found_area = {g_strdup(iso3),
                           is_country ? g_strdup(where->admin1)
                                      : g_strdup((const char *)sqlite3_column_text(s, 4))};
        gboolean again = FALSE;
        for (guint i = 0; i < found->len && !again; i++) {
            area *other = &g_array_index(found, area, i);
            again = strcmp(other->country, found_area.country) == 0 &&
                    g_strcmp0(other->admin1, found_area.admin1) == 0;
            if (again && rank > g_array_index(ranks, int, i))
                g_array_index(ranks, int, i) = rank;
        }
        if (again) {
            area_clear(&found_area);
            continue;
        }
        g_array_append_val(found, found_area);
        g_array_append_val(ranks, rank);
    }
    sqlite3_reset(s);
    g_free(key);
    g_free(literal);
    /* Best first; a few at most. */
    guint appended = 0;
    for (int rank = 7; rank >= 0; rank--)
        for (guint i = 0; i < found->len; i++) {
            area *candidate = &g_array_index(found, area, i);
            if (g_array_index(ranks, int, i) != rank)
                continue;
            if (appended < MAX_AREAS) {
                g_array_append_val(areas, *candidate);
                appended++;
            } else {
                area_clear(candidate);
            }
        }
    g_array_free(found, TRUE);
    g_array_free(ranks, TRUE);
    return appended;
}

/* Frees an array of areas and their strings. */
static void areas_free(GArray *areas)
{
    for (guint i = 0; i < areas->len; i++)
        area_clear(&g_array_index(areas, area, i));
    g_array_free(areas, TRUE);
}

/* How a reading of a query is gathered. */
enum {
    READ_FUZZY = 1,     /* its typos, not its exact and folded matches */
    READ_CODE_LIKE = 2, /* typed as a code */
    READ_WHOLE = 4,     /* the whole query */
};

/* Adds the places of one reading of a query: name (a folded literal)
 * with the kind a generic word named, in an area; exact and folded
 * matches, or with READ_FUZZY its typos. */
static void gather_reading(cm_geocoder *geocoder, const char *name, cm_query_kind kind,
                           const area *where, int flags, gathering *found)
{
    if (!*name)
        return;
    gboolean fuzzy = flags & READ_FUZZY;
    char *bare = bare_literal(name);
    parsed_query parsed = {.literal = name, .articled = strcmp(bare, name) != 0, .kind = kind,
                           .where = where, .code_like = (flags & READ_CODE_LIKE) != 0,
                           .whole = (flags & READ_WHOLE) != 0};
    g_free(bare);
    parsed.key = cm_fold_key(name, &parsed.hint);
    if (fuzzy) {
        collect_fuzzy(geocoder, &parsed, found);
        collect_user(geocoder, &parsed, TRUE, found);
    } else {
        collect_key(geocoder, &parsed, parsed.key, RANK_QUALITY_FOLDED, 1.0, CM_MATCH_FOLDED,
                    found);
        collect_user(geocoder, &parsed, FALSE, found);
    }
    g_free(parsed.key);
}

/* A crossing named by its two posts: each post's crossings that have a
 * crossing of the other post within CROSSING_PAIR_RADIUS_M score
 * RANK_KIND_FIT more, so that the pair wins over a namesake elsewhere. */
static void pair_crossings(cm_candidate_list *list)
{
    for (guint i = 0; i < list->items->len; i++) {
        cm_candidate *c = &g_array_index(list->items, cm_candidate, i);
        if (strcmp(c->place->kind, "border_crossing") != 0)
            continue;
        for (guint j = 0; j < list->items->len; j++) {
            const cm_place *other = g_array_index(list->items, cm_candidate, j).place;
            if (j != i && strcmp(other->kind, "border_crossing") == 0 &&
                strcmp(other->country, c->place->country) != 0 &&
                cm_geodesic_inverse(c->place->position, other->position).distance_m <
                    CROSSING_PAIR_RADIUS_M) {
                c->score = MIN(1.0, c->score + RANK_KIND_FIT);
                break;
            }
        }
    }
}

/* Whether a and b are one place (a town and its crossing, a city and its
 * air base, a province and its seat) rather than namesakes. */
static gboolean same_locale(const cm_place *a, const cm_place *b)
{
    return cm_geodesic_inverse(a->position, b->position).distance_m < NAMESAKE_RADIUS_M ||
           holds(a, b) || holds(b, a);
}

/* The best candidate after the first that is somewhere else, or NULL. */
static const cm_candidate *next_distinct(const cm_candidate_list *list)
{
    const cm_candidate *best = cm_candidate_list_get(list, 0);
    for (size_t i = 1; i < cm_candidate_list_count(list); i++) {
        const cm_candidate *c = cm_candidate_list_get(list, i);
        if (!same_locale(best->place, c->place))
            return c;
    }
    return NULL;
}

/* Sets the first candidate's confidence (geocode-rank.h) and the others'
 * to 0. */
static void set_confidence(cm_candidate_list *list)
{
    for (guint i = 0; i < list->items->len; i++)
        g_array_index(list->items, cm_candidate, i).confidence = 0.0;
    if (list->items->len == 0)
        return;
    cm_candidate *best = &g_array_index(list->items, cm_candidate, 0);
    if (best->match == CM_MATCH_COORDINATE) {
        best->confidence = 1.0;
        return;
    }
    double match = best->match == CM_MATCH_EXACT    ? 1.0
                   : best->match == CM_MATCH_FOLDED ? CONFIDENCE_FOLDED
                                                    : CONFIDENCE_FUZZY * best->similarity;
    const cm_candidate *other = next_distinct(list);
    double lead = other ? MAX(0.0, best->score - other->score) : CONFIDENCE_CLEAR_LEAD;
    best->confidence = match * (0.5 + 0.5 * MIN(1.0, lead / CONFIDENCE_CLEAR_LEAD));
}

/* Gathers the candidates of query as its shape reads (query.h): the whole
 * query; its name without generic words, of the kind they name; with its
 * qualifiers (after commas, or the last words when they name an area) as
 * the area; and a crossing's two posts. With fuzzy, the typos of the name
 * instead. Returns FALSE with a message in the context when a qualifier
 * after a comma names no area. */
static gboolean gather(cm_geocoder *geocoder, const char *query, const cm_query_shape *shape,
                       const area *within, int fuzzy, gathering *found)
{
    /* Each qualifier narrows every area read so far to those it names. */
    GArray *areas = g_array_new(FALSE, FALSE, sizeof(area));
    area first = {g_strdup(within->country), g_strdup(within->admin1)};
    g_array_append_val(areas, first);
    for (size_t q = 0; shape->qualifiers[q]; q++) {
        GArray *narrowed = g_array_new(FALSE, FALSE, sizeof(area));
        for (guint i = 0; i < areas->len; i++)
            find_areas(geocoder, shape->qualifiers[q], &g_array_index(areas, area, i),
                       narrowed);
        areas_free(areas);
        areas = narrowed;
        if (areas->len == 0) {
            cm_fail(geocoder->context, CM_ERR_INPUT, "unknown site '%s': '%s' is no country or "
                    "first-level division known%s (try 'NAME, COUNTRY')", query,
                    shape->qualifier_texts[q], q ? " there" : "");
            areas_free(areas);
            return FALSE;
        }
    }
    const area *where = &g_array_index(areas, area, 0);
    if (shape->qualifiers[0]) {
        for (guint i = 0; i < areas->len; i++)
            gather_reading(geocoder, shape->name, shape->kind, &g_array_index(areas, area, i),
                           fuzzy, found);
    } else {
        /* The whole query, with the kind its generic word names, so that
         * "Kansas City" is not beaten by a town called Kansas. */
        char *literal = cm_fold_literal(query), *trimmed = g_strdup(query);
        gather_reading(geocoder, fuzzy && shape->kind ? shape->name : literal, shape->kind,
                       where, fuzzy | READ_WHOLE |
                                  (is_code_like(g_strstrip(trimmed)) ? READ_CODE_LIKE : 0),
                       found);
        g_free(literal);
        g_free(trimmed);
        if (shape->kind != CM_QUERY_KIND_NONE && !fuzzy)
            gather_reading(geocoder, shape->name, shape->kind, where, 0, found);
        for (int n = 0; n < 2 && !fuzzy; n++) {
            GArray *tails = g_array_new(FALSE, FALSE, sizeof(area));
            if (shape->tail_words[n])
                find_areas(geocoder, shape->tail_words[n], where, tails);
            for (guint i = 0; i < tails->len; i++)
                gather_reading(geocoder, shape->head_words[n], shape->kind,
                               &g_array_index(tails, area, i), 0, found);
            areas_free(tails);
        }
        if (shape->post_a && !fuzzy) {
            gather_reading(geocoder, shape->post_a, CM_QUERY_KIND_CROSSING, where, 0, found);
            gather_reading(geocoder, shape->post_b, CM_QUERY_KIND_CROSSING, where, 0, found);
            pair_crossings(found->list);
        }
    }
    areas_free(areas);
    return TRUE;
}

/* The kind a query asks for by a generic or facility word ("Camp Doha",
 * "Nasib crossing", "Tartus port", "Kuwait City" but not "Anbar province",
 * whose name may be its seat's), or NONE. */
static cm_query_kind facility_wanted(const char *query, const cm_query_shape *shape)
{
    if (shape->kind == CM_QUERY_KIND_CAMP || shape->kind == CM_QUERY_KIND_AIRFIELD ||
        shape->kind == CM_QUERY_KIND_CROSSING || shape->kind == CM_QUERY_KIND_PORT ||
        shape->kind == CM_QUERY_KIND_SETTLEMENT)
        return shape->kind;
    cm_fold_hint hint;
    g_free(cm_fold_key(query, &hint));
    if (!hint)
        return CM_QUERY_KIND_NONE;
    if (strcmp(hint, "camp") == 0)
        return CM_QUERY_KIND_CAMP;
    if (strcmp(hint, "border_crossing") == 0)
        return CM_QUERY_KIND_CROSSING;
    return CM_QUERY_KIND_AIRFIELD;
}

/* Whether gathered candidate i answers a query that asks for a kind:
 * of that kind, or an exact match of the whole query ("Camp Hill" the
 * town, "Rota naval base" the air station), or one of the user's sites. */
static gboolean answers_kind(const gathering *found, guint i, cm_query_kind wanted)
{
    return wanted == CM_QUERY_KIND_NONE ||
           cm_query_kind_fits(wanted, g_array_index(found->list->items, cm_candidate, i)
                                          .place->kind) ||
           g_array_index(found->whole, gboolean, i) ||
           g_array_index(found->tiers, source_tier, i) == TIER_USER;
}

/* A facility asked for by its kind is that facility or nothing: drops the
 * gathered candidates that do not answer it (the town of Doha for "Camp
 * Doha") and returns the names of the best three dropped for the message,
 * or NULL when none was; the caller frees them with g_free(). */
static char *drop_misfits(gathering *found, cm_query_kind wanted)
{
    cm_candidate_list *dropped = candidate_list_new();
    for (guint i = 0; i < found->list->items->len;) {
        if (answers_kind(found, i, wanted)) {
            i++;
            continue;
        }
        g_array_append_val(dropped->items, g_array_index(found->list->items, cm_candidate, i));
        g_array_remove_index(found->list->items, i);
        g_array_remove_index(found->tiers, i);
        g_array_remove_index(found->whole, i);
    }
    g_array_sort(dropped->items, compare_candidates);
    char *names = dropped->items->len ? candidate_names(dropped, 3) : NULL;
    /* The places stay owned by the gathered list. */
    g_array_free(dropped->items, TRUE);
    g_ptr_array_free(dropped->places, TRUE);
    g_free(dropped);
    return names;
}

/* Searches like cm_geocoder_search(); with always_fuzzy, typos are
 * gathered even when a name matches (for cm_geocoder_resolve() to weigh a
 * near typo against a far namesake). */
static cm_status search(cm_geocoder *geocoder, const char *query, const char *country,
                        size_t limit, gboolean always_fuzzy, cm_candidate_list **candidates)
{
    cm_context *context = geocoder->context;
    *candidates = NULL;
    if (!query)
        return cm_fail(context, CM_ERR_INPUT, "no site name given");
    if (!g_utf8_validate(query, -1, NULL))
        return cm_fail(context, CM_ERR_INPUT, "site name '%s' is not valid UTF-8 text", query);
    /* A pasted escape sequence or tab would otherwise be a near miss of a
     * real name ("did you mean 'Amman'?" for "Amm\x01an"). */
    for (const char *p = query; *p; p = g_utf8_next_char(p))
        if (g_unichar_iscntrl(g_utf8_get_char(p)))
            return cm_fail(context, CM_ERR_INPUT, "site name '%s' contains a control character",
                           query);
    area within = {NULL, NULL};
    if (country && !g_utf8_validate(country, -1, NULL))
        return cm_fail(context, CM_ERR_INPUT, "country '%s' is not valid UTF-8 text", country);
    if (country) {
        GArray *areas = g_array_new(FALSE, FALSE, sizeof(area));
        find_areas(geocoder, country, &within, areas);
        for (guint i = 0; i < areas->len && !within.country; i++)
            if (!g_array_index(areas, area, i).admin1)
                within.country = g_strdup(g_array_index(areas, area, i).country);
        areas_free(areas);
        if (!within.country)
            return cm_fail(context, CM_ERR_INPUT, "country '%s' is not a country name or ISO "
                           "3166 code (e.g. Iraq, IQ or IRQ)", country);
    }
    cm_geo_point position;
    cm_coordinate_kind kind;
    cm_status status = cm_coordinate_parse(context, query, &position, &kind);
    if (status != CM_OK) {
        g_free(within.country);
        return status;
    }
    cm_candidate_list *list = candidate_list_new();
    if (kind != CM_COORDINATE_NONE) {
        g_free(within.country);
        /* A coordinate is named as the user wrote it, tidied. */
        char *name = g_strstrip(g_strdup(query));
        cm_place *place = place_new(name, "coordinate", "", "user coordinate", position);
        g_free(name);
        cm_candidate candidate = {place, 1.0, CM_MATCH_COORDINATE, 1.0, 1.0};
        g_array_append_val(list->items, candidate);
        g_ptr_array_add(list->places, place);
        *candidates = list;
        return CM_OK;
    }
    cm_query_shape *shape = cm_query_shape_parse(query);
    char *literal = cm_fold_literal(query);
    gboolean empty = !*literal;
    g_free(literal);
    if (empty) {
        g_free(within.country);
        cm_query_shape_free(shape);
        cm_candidate_list_free(list);
        return cm_fail(context, CM_ERR_INPUT, "empty site name");
    }
    gathering gathered = {list,
                          g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL),
                          g_array_new(FALSE, FALSE, sizeof(source_tier)),
                          g_array_new(FALSE, FALSE, sizeof(gboolean))};
    gboolean shaped = gather(geocoder, query, shape, &within, 0, &gathered);
    cm_query_kind wanted = facility_wanted(query, shape);
    gboolean found = FALSE;
    for (guint i = 0; i < list->items->len && !found; i++)
        found = answers_kind(&gathered, i, wanted);
    /* A facility asked for by a kind it does not have ("Camp Doha") is
     * no typo: the places of its name are the suggestions. */
    if (shaped && (list->items->len == 0 || always_fuzzy))
        gather(geocoder, query, shape, &within, READ_FUZZY, &gathered);
    char *misfits = drop_misfits(&gathered, wanted);
    rank(list, gathered.tiers, shape->kind);
    /* Ranking drops namesakes: a name is found only if a match that is no
     * typo is left. */
    gboolean left = FALSE;
    for (guint i = 0; i < list->items->len && !left; i++)
        left = g_array_index(list->items, cm_candidate, i).match != CM_MATCH_FUZZY;
    found = found && left;
    set_confidence(list);
    if (limit && list->items->len > limit)
        g_array_set_size(list->items, (guint)limit);
    g_array_free(gathered.tiers, TRUE);
    g_array_free(gathered.whole, TRUE);
    g_hash_table_destroy(gathered.by_id);
    cm_query_shape_free(shape);
    *candidates = list;
    const char *where_prefix = country ? " in " : "";
    const char *where = country ? within.country : "";
    if (!shaped)
        status = CM_ERR_INPUT;
    else if (found)
        status = CM_OK;
    else if (cm_candidate_list_count(list) == 0 && misfits)
        status = cm_fail(context, CM_ERR_INPUT, "unknown site '%s'%s%s (none of that kind by "
                         "that name; did you mean %s?)", query, where_prefix, where, misfits);
    else if (cm_candidate_list_count(list) == 0)
        status = cm_fail(context, CM_ERR_INPUT, "unknown site '%s'%s%s (give a gazetteer name "
                         "or 'lat,lon')", query, where_prefix, where);
    else {
        char *names = candidate_names(list, 3);
        status = cm_fail(context, CM_ERR_INPUT, "unknown site '%s'%s%s (did you mean %s?)",
                         query, where_prefix, where, names);
        g_free(names);
    }
    g_free(misfits);
    g_free(within.country);
    return status;
}

cm_status cm_geocoder_search(cm_geocoder *geocoder, const char *query, const char *country,
                             size_t limit, cm_candidate_list **candidates)
{
    return search(geocoder, query, country, limit, FALSE, candidates);
}

cm_status cm_geocoder_lookup(cm_geocoder *geocoder, const char *query, cm_place **place)
{
    *place = NULL;
    cm_candidate_list *list;
    cm_status status = cm_geocoder_search(geocoder, query, NULL, 1, &list);
    if (status == CM_OK)
        *place = cm_place_copy(cm_candidate_list_get(list, 0)->place);
    cm_candidate_list_free(list);
    return status;
}

/* Resolving queries together. */


/* Whether the list's answer has a namesake elsewhere that ranks about as
 * high. */
static gboolean is_ambiguous(const cm_candidate_list *list)
{
    const cm_candidate *other = next_distinct(list);
    return other && other->score >= cm_candidate_list_get(list, 0)->score - AMBIGUITY_MARGIN;
}

/* Distance from place to the nearest of the anchors. */
static double anchor_distance(const cm_place *place, const GArray *anchors)
{
    double nearest = INFINITY;
    for (guint i = 0; i < anchors->len; i++)
        nearest = MIN(nearest, cm_geodesic_inverse(place->position,
                                                   g_array_index(anchors, cm_geo_point, i))
                                   .distance_m);
    return nearest;
}

/* Lowers every candidate's score by its distance to the anchors and sorts
 * the list again. */
static void rank_by_context(cm_candidate_list *list, const GArray *anchors)
{
    for (guint i = 0; i < list->items->len; i++) {
        cm_candidate *c = &g_array_index(list->items, cm_candidate, i);
        double d = anchor_distance(c->place, anchors);
        c->score = MAX(0.0, c->score - CONTEXT_WEIGHT * MIN(1.0, d / CONTEXT_FAR_M));
    }
    g_array_sort(list->items, compare_candidates);
}

/* Whether a list of fuzzy candidates has a clear answer: in context, the
 * only place within CONTEXT_RADIUS_M of the anchors (moved first); else
 * one similar enough and well above the next distinct place. */
static gboolean take_fuzzy(cm_candidate_list *list, const GArray *anchors)
{
    if (cm_candidate_list_count(list) == 0)
        return FALSE;
    const cm_candidate *best = cm_candidate_list_get(list, 0);
    const cm_candidate *other = next_distinct(list);
    gboolean clear = best->similarity >= FUZZY_TAKE_SIMILARITY &&
                     (!other || best->score - other->score >= FUZZY_TAKE_MARGIN);
    if (anchors->len == 0)
        return clear;
    gint near = -1;
    for (guint i = 0; i < list->items->len; i++) {
        const cm_candidate *c = &g_array_index(list->items, cm_candidate, i);
        if (anchor_distance(c->place, anchors) > CONTEXT_RADIUS_M)
            continue;
        if (near < 0)
            near = (gint)i;
        else if (!same_locale(g_array_index(list->items, cm_candidate, near).place, c->place))
            return clear;
    }
    if (near < 0)
        return clear;
    cm_candidate chosen = g_array_index(list->items, cm_candidate, near);
    g_array_remove_index(list->items, (guint)near);
    g_array_prepend_val(list->items, chosen);
    return TRUE;
}


/* The readings of list worth weighing: its answer and the distinct places
 * that score about as high (as its note would name them), at most
 * JOINT_READINGS + 1, as indexes into the list. Returns their number. */
static guint joint_readings(const cm_candidate_list *list, guint readings[JOINT_READINGS + 1])
{
    const cm_candidate *best = cm_candidate_list_get(list, 0);
    guint n = 0;
    readings[n++] = 0;
    for (guint i = 1; i < list->items->len && n <= JOINT_READINGS; i++) {
        const cm_candidate *c = cm_candidate_list_get(list, i);
        if (c->score < best->score - AMBIGUITY_MARGIN)
            break;
        gboolean elsewhere = TRUE;
        for (guint k = 0; k < n && elsewhere; k++)
            elsewhere = !same_locale(cm_candidate_list_get(list, readings[k])->place, c->place);
        if (elsewhere)
            readings[n++] = i;
    }
    return n;
}

/* Reading k (see joint_readings()) of the list unsure[u], whose readings
 * are row u of readings. */
static const cm_candidate *reading_of(cm_candidate_list **lists, const GArray *unsure,
                                      const guint *readings, guint u, guint k)
{
    return cm_candidate_list_get(lists[g_array_index(unsure, size_t, u)],
                                 readings[u * (JOINT_READINGS + 1) + k]);
}

/* Several names in doubt settle each other: of every combination of their
 * readings, takes the one that scores best when each place loses, as in
 * rank_by_context(), with its distance to the nearest anchor or other
 * chosen place, and moves each chosen reading first. So "Tripoli > Homs"
 * is a short trip in Lebanon and Syria (or in Libya), never Tripoli, Libya
 * to Homs, Syria. unsure holds the indexes of the lists in doubt. Returns
 * FALSE, changing nothing, when there are too many combinations. */
static gboolean resolve_jointly(cm_candidate_list **lists, const GArray *unsure,
                                const GArray *anchors)
{
    guint m = unsure->len;
    /* Row u of readings: the readings of list unsure[u]. */
    guint *readings = g_new(guint, m * (JOINT_READINGS + 1));
    guint *n_readings = g_new(guint, m), *choice = g_new0(guint, m), *best = g_new0(guint, m);
    double combinations = 1;
    for (guint u = 0; u < m; u++) {
        n_readings[u] = joint_readings(lists[g_array_index(unsure, size_t, u)],
                                       readings + u * (JOINT_READINGS + 1));
        combinations *= n_readings[u];
    }
    gboolean feasible = combinations <= JOINT_COMBINATIONS;
    /* Distances between readings, and from each to the anchors, measured
     * once: reading k of list u is number u * R + k. */
    const guint R = JOINT_READINGS + 1, n_all = feasible ? m * R : 0;
    double *apart = g_new(double, (gsize)n_all * n_all), *to_anchor = g_new(double, n_all);
    for (guint a = 0; a < n_all; a++) {
        if (a % R >= n_readings[a / R])
            continue;
        const cm_place *pa = reading_of(lists, unsure, readings, a / R, a % R)->place;
        to_anchor[a] = anchor_distance(pa, anchors);
        for (guint b = a + 1; b < n_all; b++)
            if (b % R < n_readings[b / R])
                apart[a * n_all + b] = apart[b * n_all + a] = cm_geodesic_inverse(
                    pa->position,
                    reading_of(lists, unsure, readings, b / R, b % R)->place->position)
                    .distance_m;
    }
    double best_total = -INFINITY;
    /* Counts through the combinations like an odometer. */
    for (gboolean more = feasible; more;) {
        double total = 0;
        for (guint u = 0; u < m; u++) {
            guint a = u * R + choice[u];
            double nearest = to_anchor[a];
            for (guint v = 0; v < m; v++)
                if (v != u)
                    nearest = MIN(nearest, apart[a * n_all + v * R + choice[v]]);
            total += reading_of(lists, unsure, readings, u, choice[u])->score -
                     CONTEXT_WEIGHT * MIN(1.0, nearest / CONTEXT_FAR_M);
        }
        if (total > best_total) {
            best_total = total;
            memcpy(best, choice, m * sizeof *choice);
        }
        guint u = 0;
        while (u < m && ++choice[u] == n_readings[u])
            choice[u++] = 0;
        more = u < m;
    }
    for (guint u = 0; feasible && u < m; u++) {
        GArray *items = lists[g_array_index(unsure, size_t, u)]->items;
        guint chosen = readings[u * (JOINT_READINGS + 1) + best[u]];
        cm_candidate taken = g_array_index(items, cm_candidate, chosen);
        g_array_remove_index(items, chosen);
        g_array_prepend_val(items, taken);
    }
    g_free(apart);
    g_free(to_anchor);
    g_free(readings);
    g_free(n_readings);
    g_free(choice);
    g_free(best);
    return feasible;
}

char *cm_resolution_note(const char *query, const cm_candidate_list *list)
{
    const cm_candidate *best = cm_candidate_list_get(list, 0);
    if (best->match == CM_MATCH_FUZZY)
        return g_strdup_printf("taking '%s' as %s (%s) [fuzzy]", query, best->place->name,
                               best->place->country);
    if (best->match == CM_MATCH_COORDINATE || !is_ambiguous(list))
        return NULL;
    GString *note = g_string_new(NULL);
    g_string_append_printf(note, "taking '%s' as %s (%s); also", query, best->place->name,
                           best->place->country);
    size_t listed = 0;
    const cm_place *named[4] = {best->place};
    for (size_t i = 1; i < cm_candidate_list_count(list) && listed < 3; i++) {
        const cm_candidate *c = cm_candidate_list_get(list, i);
        gboolean again = c->score < best->score - AMBIGUITY_MARGIN;
        for (size_t k = 0; k <= listed && !again; k++)
            again = same_locale(named[k], c->place);
        if (again)
            continue;
        named[listed + 1] = c->place;
        g_string_append_printf(note, "%s '%s' (%s)", listed++ ? "," : "", c->place->name,
                               c->place->country);
    }
    return g_string_free(note, FALSE);
}


/* Distance from position, as answer i, to the nearest other answer or
 * given point. */
static double distance_to_others(cm_candidate_list **lists, size_t n, size_t i,
                                 cm_geo_point position, const cm_geo_point *near,
                                 size_t n_near)
{
    double nearest = INFINITY;
    for (size_t j = 0; j < n; j++)
        if (j != i)
            nearest = MIN(nearest,
                          cm_geodesic_inverse(position, cm_candidate_list_get(lists[j], 0)
                                                            ->place->position)
                              .distance_m);
    for (size_t k = 0; k < n_near; k++)
        nearest = MIN(nearest, cm_geodesic_inverse(position, near[k]).distance_m);
    return nearest;
}

static gint compare_doubles(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Whether answer list is in doubt: not an exact match, or with a namesake
 * elsewhere that ranks about as high. */
static gboolean in_doubt(const cm_candidate_list *list)
{
    const cm_candidate *answer = cm_candidate_list_get(list, 0);
    return answer->match != CM_MATCH_COORDINATE &&
           (answer->match != CM_MATCH_EXACT || is_ambiguous(list));
}

/* The median length of the legs between consecutive answers neither of
 * which is i or in doubt (the route's sure legs), or 0 when there are
 * none. */
static double median_sure_leg(cm_candidate_list **lists, size_t n, size_t i)
{
    GArray *legs = g_array_new(FALSE, FALSE, sizeof(double));
    for (size_t j = 0; j + 1 < n; j++)
        if (j != i && j + 1 != i && !in_doubt(lists[j]) && !in_doubt(lists[j + 1])) {
            double d = cm_geodesic_inverse(cm_candidate_list_get(lists[j], 0)->place->position,
                                           cm_candidate_list_get(lists[j + 1], 0)->place->position)
                           .distance_m;
            g_array_append_val(legs, d);
        }
    double median = 0.0;
    if (legs->len) {
        g_array_sort(legs, compare_doubles);
        median = g_array_index(legs, double, (legs->len - 1) / 2);
    }
    g_array_free(legs, TRUE);
    return median;
}

/* Whether answer i, at distance from the others, is far out of line: that
 * far, and where the route has sure legs, that many times their median. */
static gboolean out_of_line(cm_candidate_list **lists, size_t n, size_t i, double distance)
{
    double median = median_sure_leg(lists, n, i);
    return distance > ABSURD_MIN_M && (median == 0.0 || distance > ABSURD_RATIO * median);
}

/* When answer i lies far out of line with the others, a near plausible
 * reading of its query: a typo or an alias within CONTEXT_RADIUS_M of the
 * others that scores at most NEAR_READING_MAX_LOSS less (Riyadh stays
 * Riyadh before Baghdad: the Iraqi village's alternate name is no
 * plausible reading). Its readings, typos included, are searched once
 * into *wider. Returns the index of that reading in *wider and sets *loss
 * to the score it gives up, or returns -1. */
static gint near_reading(cm_geocoder *geocoder, const char *query, cm_candidate_list **lists,
                         size_t n, size_t i, const cm_geo_point *near, size_t n_near,
                         cm_candidate_list **wider, double *loss)
{
    const cm_candidate *answer = cm_candidate_list_get(lists[i], 0);
    if (answer->match == CM_MATCH_COORDINATE || n + n_near < 2)
        return -1;
    double far = distance_to_others(lists, n, i, answer->place->position, near, n_near);
    if (!out_of_line(lists, n, i, far))
        return -1;
    if (!*wider && search(geocoder, query, NULL, 0, TRUE, wider) != CM_OK) {
        cm_candidate_list_free(*wider);
        *wider = candidate_list_new();
    }
    for (guint k = 0; k < (*wider)->items->len; k++) {
        const cm_candidate *c = &g_array_index((*wider)->items, cm_candidate, k);
        if (c->match == CM_MATCH_FUZZY && c->similarity < SUGGEST_MIN_SIMILARITY)
            continue;
        double d = distance_to_others(lists, n, i, c->place->position, near, n_near);
        if (d <= CONTEXT_RADIUS_M && d * ABSURD_RATIO < far &&
            answer->score - c->score <= NEAR_READING_MAX_LOSS) {
            *loss = answer->score - c->score;
            return (gint)k;
        }
    }
    return -1;
}

/* Context beats a far reading: while some answer lies far out of line
 * with the others, the near reading that gives up least score takes the
 * place of its answer, with a note ("Nasariyah" after "Basrah" is An
 * Nasiriyah, not An Nassariyah in the West Bank; Basrah stays). Marks the
 * answers replaced in replaced[]. */
static void prefer_near_readings(cm_geocoder *geocoder, const char *const *queries,
                                 cm_candidate_list **lists, size_t n, const cm_geo_point *near,
                                 size_t n_near, gboolean *replaced)
{
    cm_candidate_list **wider = g_new0(cm_candidate_list *, n);
    for (size_t round = 0; round < n; round++) {
        size_t best_i = 0;
        gint best_k = -1;
        double best_loss = INFINITY;
        for (size_t i = 0; i < n; i++) {
            double loss;
            gint k = replaced[i] ? -1
                                 : near_reading(geocoder, queries[i], lists, n, i, near,
                                                n_near, &wider[i], &loss);
            if (k >= 0 && loss < best_loss)
                best_i = i, best_k = k, best_loss = loss;
        }
        if (best_k < 0)
            break;
        cm_candidate_list *best = wider[best_i];
        wider[best_i] = NULL;
        const cm_place *was = cm_candidate_list_get(lists[best_i], 0)->place;
        cm_candidate taken = g_array_index(best->items, cm_candidate, best_k);
        g_array_remove_index(best->items, (guint)best_k);
        g_array_prepend_val(best->items, taken);
        double far = distance_to_others(lists, n, best_i, was->position, near, n_near);
        g_string_append_printf(geocoder->notes, "taking '%s' as %s (%s)%s near the route's "
                               "other sites, not %s (%s) %.0f km away\n", queries[best_i],
                               taken.place->name, taken.place->country,
                               taken.match == CM_MATCH_FUZZY ? " [fuzzy]" : "", was->name,
                               was->country, far / 1000.0);
        cm_candidate_list_free(lists[best_i]);
        lists[best_i] = best;
        replaced[best_i] = TRUE;
    }
    for (size_t i = 0; i < n; i++)
        cm_candidate_list_free(wider[i]);
    g_free(wider);
}

/* In a route, an area named like a settlement in it is the settlement: a
 * convoy drives to Kuwait City, not to a point in the Kuwaiti desert.
 * Moves that settlement first, with a note. Returns whether it did. */
static gboolean prefer_settlement(cm_geocoder *geocoder, const char *query,
                                  cm_candidate_list *list)
{
    const cm_candidate *area_answer = cm_candidate_list_get(list, 0);
    if (strcmp(area_answer->place->kind, "country") != 0 &&
        strcmp(area_answer->place->kind, "admin1") != 0)
        return FALSE;
    for (guint i = 1; i < list->items->len; i++) {
        cm_candidate c = g_array_index(list->items, cm_candidate, i);
        if (c.match == CM_MATCH_FUZZY || !is_settlement(c.place->kind) ||
            !holds(area_answer->place, c.place))
            continue;
        g_string_append_printf(geocoder->notes, "taking '%s' as the %s %s (%s), not the %s\n",
                               query, c.place->kind, c.place->name, c.place->country,
                               strcmp(area_answer->place->kind, "country") == 0
                                   ? "country"
                                   : "first-level division");
        g_array_remove_index(list->items, i);
        g_array_prepend_val(list->items, c);
        return TRUE;
    }
    return FALSE;
}

/* A river or lake in a route stands at its point nearest the other
 * sites. */
static void nearest_point_of_water(cm_geocoder *geocoder, cm_candidate_list **lists, size_t n,
                                   size_t i, const cm_geo_point *near, size_t n_near)
{
    /* The list owns its places: its answer's may move. */
    cm_place *place = NULL;
    const cm_place *answer = cm_candidate_list_get(lists[i], 0)->place;
    for (guint k = 0; k < lists[i]->places->len && !place; k++)
        if (g_ptr_array_index(lists[i]->places, k) == answer)
            place = g_ptr_array_index(lists[i]->places, k);
    if (!place || (strcmp(place->kind, "river") != 0 && strcmp(place->kind, "lake") != 0))
        return;
    sqlite3_stmt *s = geocoder->points;
    sqlite3_bind_text(s, 1, place->name, -1, SQLITE_STATIC);
    sqlite3_bind_double(s, 2, place->position.lat);
    sqlite3_bind_double(s, 3, place->position.lon);
    sqlite3_bind_int64(s, 4, CM_ID_BASE_WATER);
    sqlite3_bind_int64(s, 5, CM_ID_BASE_AIRPORT);
    cm_geo_point best = place->position;
    double best_d = distance_to_others(lists, n, i, best, near, n_near);
    while (sqlite3_step(s) == SQLITE_ROW) {
        cm_geo_point point = {sqlite3_column_double(s, 0), sqlite3_column_double(s, 1)};
        double d = distance_to_others(lists, n, i, point, near, n_near);
        if (d < best_d)
            best_d = d, best = point;
    }
    sqlite3_reset(s);
    place->position = best;
}

/* A warning for an answer in doubt (not exact, or a name with namesakes)
 * whose leg to the site before or after it is far out of line with the
 * route's sure legs. */
static void warn_out_of_line(cm_geocoder *geocoder, const char *query,
                             cm_candidate_list **lists, size_t n, size_t i,
                             const cm_geo_point *near, size_t n_near)
{
    const cm_candidate *answer = cm_candidate_list_get(lists[i], 0);
    if (!in_doubt(lists[i]))
        return;
    /* Its longer leg, or with no leg its distance to the points given. */
    double leg = 0.0;
    for (size_t j = i ? i - 1 : i + 1; j <= i + 1 && j < n; j += 2)
        leg = MAX(leg, cm_geodesic_inverse(answer->place->position,
                                           cm_candidate_list_get(lists[j], 0)->place->position)
                           .distance_m);
    if (n < 2 && n_near)
        leg = distance_to_others(lists, n, i, answer->place->position, near, n_near);
    if (out_of_line(lists, n, i, leg))
        g_string_append_printf(geocoder->notes, "warning: '%s' read as %s (%s) makes a leg of "
                               "%.0f km, far out of line with the route: check it or give a "
                               "coordinate\n", query, answer->place->name,
                               answer->place->country, leg / 1000.0);
}

cm_status cm_geocoder_answer(cm_geocoder *geocoder, const char *query, const char *country,
                             size_t limit, cm_candidate_list **candidates)
{
    cm_status status = search(geocoder, query, country, 0, FALSE, candidates);
    if (status == CM_ERR_INPUT && *candidates) {
        GArray *none = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
        if (take_fuzzy(*candidates, none)) {
            status = CM_OK;
            set_confidence(*candidates);
            char *note = cm_resolution_note(query, *candidates);
            g_string_append_printf(geocoder->notes, "%s\n", note);
            g_free(note);
        }
        g_array_free(none, TRUE);
    }
    if (status == CM_OK && limit && (*candidates)->items->len > limit)
        g_array_set_size((*candidates)->items, (guint)limit);
    return status;
}

/* cm_geocoder_resolve() when legs is TRUE (the queries are a route's stops
 * in order), cm_geocoder_resolve_sites() when FALSE. */
static cm_status resolve(cm_geocoder *geocoder, const char *const *queries, size_t n,
                         const cm_geo_point *near, size_t n_near, gboolean legs,
                         cm_candidate_list **lists)
{
    cm_context *context = geocoder->context;
    /* Each query alone first; a typo's message is kept for when it stays
     * unclear. */
    char **failures = g_new0(char *, n);
    cm_status status = CM_OK;
    for (size_t i = 0; i < n; i++)
        lists[i] = NULL;
    for (size_t i = 0; i < n && status == CM_OK; i++) {
        status = cm_geocoder_search(geocoder, queries[i], NULL, 0, &lists[i]);
        if (status != CM_OK && lists[i]) {
            failures[i] = g_strdup(cm_context_message(context));
            status = CM_OK;
        }
    }
    /* The anchors: the given points and every name that is not in doubt. */
    GArray *sure = g_array_new(FALSE, FALSE, sizeof(gboolean));
    for (size_t i = 0; i < n && status == CM_OK; i++) {
        gboolean certain = !failures[i] && !is_ambiguous(lists[i]);
        g_array_append_val(sure, certain);
    }
    GArray *anchors = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    /* Two names or more in doubt are weighed together, against the sure
     * ones and the points given. */
    GArray *unsure = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (size_t i = 0; i < n && status == CM_OK; i++)
        if (!failures[i] && !g_array_index(sure, gboolean, i))
            g_array_append_val(unsure, i);
    gboolean jointly = FALSE;
    if (unsure->len >= 2) {
        g_array_append_vals(anchors, near, (guint)n_near);
        for (size_t j = 0; j < n; j++)
            if (g_array_index(sure, gboolean, j))
                g_array_append_val(anchors, cm_candidate_list_get(lists[j], 0)->place->position);
        jointly = resolve_jointly(lists, unsure, anchors);
    }
    g_array_free(unsure, TRUE);
    for (size_t i = 0; i < n && status == CM_OK; i++) {
        g_array_set_size(anchors, 0);
        g_array_append_vals(anchors, near, (guint)n_near);
        for (size_t j = 0; j < n; j++)
            if (j != i && g_array_index(sure, gboolean, j))
                g_array_append_val(anchors, cm_candidate_list_get(lists[j], 0)->place->position);
        if (failures[i]) {
            if (!take_fuzzy(lists[i], anchors))
                status = cm_fail(context, CM_ERR_INPUT, "%s", failures[i]);
        } else if (anchors->len && !g_array_index(sure, gboolean, i) && !jointly) {
            rank_by_context(lists[i], anchors);
        }
    }
    gboolean *replaced = g_new0(gboolean, n);
    for (size_t i = 0; i < n && status == CM_OK; i++)
        replaced[i] = prefer_settlement(geocoder, queries[i], lists[i]);
    if (status == CM_OK && legs)
        prefer_near_readings(geocoder, queries, lists, n, near, n_near, replaced);
    for (size_t i = 0; i < n && status == CM_OK; i++)
        nearest_point_of_water(geocoder, lists, n, i, near, n_near);
    for (size_t i = 0; i < n && status == CM_OK; i++) {
        set_confidence(lists[i]);
        if (legs)
            warn_out_of_line(geocoder, queries[i], lists, n, i, near, n_near);
        char *note = replaced[i] ? NULL : cm_resolution_note(queries[i], lists[i]);
        if (note)
            g_string_append_printf(geocoder->notes, "%s\n", note);
        g_free(note);
    }
    g_free(replaced);
    g_array_free(anchors, TRUE);
    g_array_free(sure, TRUE);
    for (size_t i = 0; i < n; i++)
        g_free(failures[i]);
    g_free(failures);
    if (status != CM_OK)
        for (size_t i = 0; i < n; i++) {
            cm_candidate_list_free(lists[i]);
            lists[i] = NULL;
        }
    return status;
}

cm_status cm_geocoder_resolve(cm_geocoder *geocoder, const char *const *queries, size_t n,
                              const cm_geo_point *near, size_t n_near,
                              cm_candidate_list **lists)
{
    return resolve(geocoder, queries, n, near, n_near, TRUE, lists);
}

cm_status cm_geocoder_resolve_sites(cm_geocoder *geocoder, const char *const *queries, size_t n,
                                    const cm_geo_point *near, size_t n_near,
                                    cm_candidate_list **lists)
{
    return resolve(geocoder, queries, n, near, n_near, FALSE, lists);
}

char *cm_geocoder_take_notes(cm_geocoder *geocoder)
{
    if (geocoder->notes->len == 0)
        return NULL;
    char *notes = g_strdup(geocoder->notes->str);
    g_string_truncate(geocoder->notes, 0);
    return notes;
}

cm_status cm_geocoder_area_outline(cm_geocoder *geocoder, const cm_place *place,
                                   unsigned char **wkb, size_t *size)
{
    cm_context *context = geocoder->context;
    *wkb = NULL;
    *size = 0;
    gboolean country = strcmp(place->kind, "country") == 0;
    if (!country && strcmp(place->kind, "admin1") != 0)
        return cm_fail(context, CM_ERR_INPUT, "'%s' is a %s, not a country or a first-level "
                       "division", place->name, place->kind);
    const char *reason = NULL;
    cm_geopackage *basemap = cm_context_basemap(context, &reason);
    static const char *const columns[] = {"iso3", NULL};
    gboolean missing = FALSE;
    cm_gpkg_layer *layer =
        basemap ? cm_geopackage_layer(basemap, country ? "countries" : "admin1", columns,
                                      &missing)
                : NULL;
    if (!layer)
        return cm_fail(context, CM_ERR_DATA, "basemap: %s",
                       basemap ? cm_geopackage_error(basemap) : reason);
    GEOSContextHandle_t geos = cm_context_geos(context);
    GEOSGeometry *point = GEOSGeom_createPointFromXY_r(geos, place->position.lon,
                                                      place->position.lat);
    cm_gpkg_layer_select(layer, place->position.lon, place->position.lat,
                         place->position.lon, place->position.lat);
    while (!*wkb && cm_gpkg_layer_next(layer)) {
        if (strcmp(cm_gpkg_layer_text(layer, 0), place->country) != 0)
            continue;
        GEOSGeometry *outline = cm_gpkg_layer_geometry(layer);
        if (outline && GEOSIntersects_r(geos, outline, point) == 1) {
            const unsigned char *bytes = cm_gpkg_layer_wkb(layer, size);
            *wkb = g_memdup2(bytes, *size);
        }
        if (outline)
            GEOSGeom_destroy_r(geos, outline);
    }
    GEOSGeom_destroy_r(geos, point);
    if (!*wkb)
        return cm_fail(context, CM_ERR_INPUT, "the basemap outlines no %s holding %s",
                       country ? "country" : "first-level division", place->name);
    return CM_OK;
}

cm_status cm_geocoder_add_gazetteer(cm_geocoder *geocoder, const char *path)
{
    return cm_user_sites_read(geocoder->context, path, geocoder->user);
}
