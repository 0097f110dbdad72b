/* The geocoder: names looked up in the SQLite gazetteer index that the build
 * compiles from the curated sites and GeoNames (src/tools/build-index.c),
 * ranked into candidates; coordinates through cm_coordinate_parse(). */
#include "internal.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "fuzzy.h"

/* A GeoNames place this close to a curated settlement that matches as
 * well, give or take the gap between an exact and a folded spelling, is the
 * same place. */
#define NAMESAKE_RADIUS_M 30000.0
#define NAMESAKE_SLACK 0.1
/* Fuzzy search (fuzzy.h): how similar a key must be to be suggested and
 * how many of the most similar keys to take. Query keys are looked up with
 * two characters deleted up to FUZZY_TWO_DELETIONS characters long, with
 * one up to FUZZY_MAX_LENGTH, and not at all beyond: a long garbage string
 * costs a bounded number of lookups. At most FUZZY_MAX_CANDIDATES keys are
 * compared with the query. */
#define FUZZY_MIN_SIMILARITY 0.7
#define FUZZY_KEYS 64
#define FUZZY_TWO_DELETIONS 24
#define FUZZY_MAX_LENGTH 64
#define FUZZY_MAX_CANDIDATES 4096

struct cm_geocoder {
    cm_context *context;
    GString *notes;   /* resolutions worth telling the user, one a line */
    sqlite3 *db;
    sqlite3_stmt *by_key, *deletion, *fuzzy_key, *box;
    GPtrArray *sites; /* curated sites, of cm_place*, owned, for cm_geocoder_nearest() */
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
    return place;
}

cm_place *cm_place_copy(const cm_place *place)
{
    cm_place *copy = place_new(place->name, place->kind, place->country, place->source,
                               place->position);
    g_free(copy->admin1);
    copy->admin1 = g_strdup(place->admin1);
    copy->population = place->population;
    copy->name_ar = g_strdup(place->name_ar);
    return copy;
}

void cm_place_free(cm_place *place)
{
    if (!place)
        return;
    g_free(place->name);
    g_free(place->kind);
    g_free(place->country);
    g_free(place->source);
    g_free(place->admin1);
    g_free(place->name_ar);
    g_free(place);
}

/* The columns every place query selects, in this order. */
#define PLACE_COLUMNS "p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, " \
                      "p.population, p.curated, p.source, p.name_ar"
/* How many columns PLACE_COLUMNS selects: the index of the next one. */
#define PLACE_N_COLUMNS 11

/* The place in the current row of statement, whose first columns are
 * PLACE_COLUMNS. Returns a new place the caller frees with cm_place_free(). */
static cm_place *row_place(sqlite3_stmt *statement)
{
    cm_geo_point position = {sqlite3_column_double(statement, 5),
                             sqlite3_column_double(statement, 6)};
    /* GeoNames rows are keyed by their GeoNames id; the index stores no
     * source text for them. */
    char *geonames = NULL;
    if (!sqlite3_column_int(statement, 8))
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
                       "by the build from geodata/)", path);
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
        {&geocoder->by_key, "SELECT " PLACE_COLUMNS ", s.literal FROM spelling s "
                            "JOIN place p ON p.id = s.place WHERE s.key = ?1"},
        {&geocoder->deletion, "SELECT entries FROM fuzzy_bucket WHERE bucket = ?1"},
        {&geocoder->fuzzy_key, "SELECT key FROM fuzzy_key WHERE id = ?1"},
        {&geocoder->box, "SELECT " PLACE_COLUMNS " FROM place_box b JOIN place p "
                         "ON p.id = b.id WHERE b.max_lat >= ?1 AND b.min_lat <= ?2 "
                         "AND b.max_lon >= ?3 AND b.min_lon <= ?4"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(statements); i++)
        if (sqlite3_prepare_v3(geocoder->db, statements[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
                               statements[i].statement, NULL) != SQLITE_OK)
            return database_error(geocoder, path);
    /* Curated sites have the negative ids: a rowid range, not a scan. */
    if (sqlite3_prepare_v2(geocoder->db, "SELECT " PLACE_COLUMNS " FROM place p "
                           "WHERE p.id < 0 ORDER BY p.id DESC", -1, &statement, NULL) !=
        SQLITE_OK)
        return database_error(geocoder, path);
    while (sqlite3_step(statement) == SQLITE_ROW)
        g_ptr_array_add(geocoder->sites, row_place(statement));
    sqlite3_finalize(statement);
    return CM_OK;
}

cm_geocoder *cm_geocoder_new(cm_context *context)
{
    cm_geocoder *geocoder = g_new0(cm_geocoder, 1);
    geocoder->context = context;
    geocoder->sites = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
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
    sqlite3_close(geocoder->db);
    g_ptr_array_free(geocoder->sites, TRUE);
    g_string_free(geocoder->notes, TRUE);
    g_ptr_array_free(geocoder->user, TRUE);
    g_free(geocoder);
}

cm_context *cm_geocoder_context(cm_geocoder *geocoder) { return geocoder->context; }

cm_place *cm_geocoder_nearest(cm_geocoder *geocoder, cm_geo_point point, const char *kind,
                              const char *country, double max_distance_m, double *distance_m)
{
    const cm_place *best = NULL;
    double best_distance = max_distance_m;
    for (guint i = 0; i < geocoder->sites->len; i++) {
        const cm_place *site = g_ptr_array_index(geocoder->sites, i);
        if ((kind && strcmp(site->kind, kind) != 0) ||
            (country && strcmp(site->country, country) != 0))
            continue;
        double d = cm_geodesic_inverse(point, site->position).distance_m;
        if (d <= best_distance) {
            best_distance = d;
            best = site;
        }
    }
    if (!best)
        return NULL;
    *distance_m = best_distance;
    return cm_place_copy(best);
}

char *cm_place_short_name(const cm_place *place)
{
    static const char suffix[] = " border crossing";
    size_t n = strlen(place->name), k = sizeof suffix - 1;
    if (n > k && g_ascii_strcasecmp(place->name + n - k, suffix) == 0)
        return g_strndup(place->name, n - k);
    return g_strdup(place->name);
}

/* Reverse geocoding: candidates from a box around point that holds every
 * place within radius_deg degrees of latitude, split at the antimeridian.
 * Updates *best and *best_m with any nearer place. */
static void nearest_in_box(cm_geocoder *geocoder, cm_geo_point point, double radius_deg,
                           cm_place **best, cm_geodesic_result *best_m)
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
    sqlite3_stmt *s = geocoder->box;
    for (size_t r = 0; r < G_N_ELEMENTS(ranges); r++) {
        if (ranges[r][0] > ranges[r][1])
            continue;
        sqlite3_bind_double(s, 1, point.lat - radius_deg);
        sqlite3_bind_double(s, 2, point.lat + radius_deg);
        sqlite3_bind_double(s, 3, ranges[r][0]);
        sqlite3_bind_double(s, 4, ranges[r][1]);
        while (sqlite3_step(s) == SQLITE_ROW) {
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
    /* A degree of latitude is at least 110.5 km: a box of radius r degrees
     * holds every place within r * 110.5 km. Widen it until the nearest
     * place found is inside that circle. */
    const double degree_m = 110500.0;
    cm_place *best = NULL;
    cm_geodesic_result best_m = {0};
    for (double radius = 0.25;; radius *= 2) {
        nearest_in_box(geocoder, point, radius, &best, &best_m);
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

/* Candidate lists. */

/* An empty list; the caller frees it with cm_candidate_list_free(). */
static cm_candidate_list *candidate_list_new(void)
{
    cm_candidate_list *list = g_new0(cm_candidate_list, 1);
    list->items = g_array_new(FALSE, TRUE, sizeof(cm_candidate));
    list->places = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
    return list;
}

size_t cm_candidate_list_length(const cm_candidate_list *candidates)
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

/* A query taken apart once for scoring every spelling against it. */
typedef struct parsed_query {
    char *literal, *key;
    cm_fold_hint hint;
    const char *country;
} parsed_query;

/* Where a place comes from, in rising precedence. */
typedef enum source_tier { TIER_GEONAMES, TIER_CURATED, TIER_USER } source_tier;

/* A place's standing apart from the match: the user's sites first, then
 * curated sites, then the larger settlement. At most 0.1. */
static double prominence(const cm_place *place, source_tier tier)
{
    if (tier == TIER_USER)
        return 0.09;
    if (tier == TIER_CURATED)
        return 0.08;
    return MIN(0.07, 0.01 * log10(1.0 + (double)place->population));
}

/* The score of place reached through a spelling (its literal) with the
 * given match quality (1 exact, 0.9 folded, lower fuzzy). */
static double score_spelling(const parsed_query *query, const cm_place *place,
                             source_tier tier, const char *literal, double quality)
{
    /* A facility word on one side only ("Qaim" against "Al-Qaim border
     * crossing") means a different place of the same name is likelier. */
    cm_fold_hint hint;
    g_free(cm_fold_key(literal, &hint));
    double penalty = g_strcmp0(hint, query->hint) != 0 ? 0.1 : 0.0;
    if (query->hint && strcmp(query->hint, place->kind) == 0)
        penalty = 0.0;
    return MAX(0.0, 0.9 * quality - penalty + prominence(place, tier));
}

/* The candidates being gathered for a query: the list, its places by id
 * (place id -> index into the list) and each one's tier. */
typedef struct gathering {
    cm_candidate_list *list;
    GHashTable *by_id;
    GArray *tiers; /* of source_tier, parallel to the list */
} gathering;

/* Adds place (taken over) of the given id and tier, reached through the
 * spelling literal, scored with quality, or exact when literal equals the
 * query's; similarity is the spelling's key's to the query's (1 but for
 * fuzzy keys). A place already there keeps its best spelling. */
static void add_candidate(const parsed_query *query, gathering *found, gint64 id,
                          source_tier tier, cm_place *place, const char *literal,
                          double quality, double similarity, cm_match match)
{
    gboolean exact = match != CM_MATCH_FUZZY && strcmp(literal, query->literal) == 0;
    double score = score_spelling(query, place, tier, literal, exact ? 1.0 : quality);
    gpointer slot;
    if (g_hash_table_lookup_extended(found->by_id, &id, NULL, &slot)) {
        cm_candidate *c = &g_array_index(found->list->items, cm_candidate,
                                         GPOINTER_TO_UINT(slot));
        if (score > c->score) {
            c->score = score;
            c->match = exact ? CM_MATCH_EXACT : match;
            c->similarity = similarity;
        }
        cm_place_free(place);
        return;
    }
    guint index = found->list->items->len;
    cm_candidate candidate = {place, score, exact ? CM_MATCH_EXACT : match, similarity};
    g_array_append_val(found->list->items, candidate);
    g_array_append_val(found->tiers, tier);
    g_ptr_array_add(found->list->places, place);
    g_hash_table_insert(found->by_id, g_memdup2(&id, sizeof id), GUINT_TO_POINTER(index));
}

/* Adds the places of key in the index and the user's sites (see
 * add_candidate()). */
static void collect_key(cm_geocoder *geocoder, const parsed_query *query, const char *key,
                        double quality, double similarity, cm_match match, gathering *found)
{
    sqlite3_stmt *s = geocoder->by_key;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (query->country && strcmp((const char *)sqlite3_column_text(s, 3),
                                     query->country) != 0)
            continue;
        add_candidate(query, found, sqlite3_column_int64(s, 0),
                      sqlite3_column_int(s, 8) ? TIER_CURATED : TIER_GEONAMES, row_place(s),
                      (const char *)sqlite3_column_text(s, PLACE_N_COLUMNS), quality,
                      similarity, match);
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
        if (query->country && strcmp(site->place->country, query->country) != 0)
            continue;
        for (size_t k = 0; site->keys[k]; k++) {
            const char *key = site->keys[k], *literal = site->literals[k];
            double similarity =
                fuzzy ? cm_fuzzy_similarity(query->key, key, FUZZY_MIN_SIMILARITY) : 1.0;
            if (fuzzy ? similarity >= FUZZY_MIN_SIMILARITY && similarity < 1.0
                      : strcmp(key, query->key) == 0)
                /* User sites' ids lie below the index's, which are near 0
                 * or positive. */
                add_candidate(query, found, G_MININT64 + i, TIER_USER,
                              cm_place_copy(site->place), literal,
                              fuzzy ? 0.8 * similarity : 0.9, similarity,
                              fuzzy ? CM_MATCH_FUZZY : CM_MATCH_FOLDED);
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

/* Adds the places of the FUZZY_KEYS keys most similar to the query's, if
 * at least FUZZY_MIN_SIMILARITY, as fuzzy matches. */
static void collect_fuzzy(cm_geocoder *geocoder, const parsed_query *query, gathering *found)
{
    glong length = g_utf8_strlen(query->key, -1);
    if (length > FUZZY_MAX_LENGTH)
        return;
    GHashTable *ids = deletion_neighbours(geocoder, query->key, length);
    GArray *similar = g_array_new(FALSE, FALSE, sizeof(similar_key));
    GHashTableIter iter;
    gpointer id;
    sqlite3_stmt *s = geocoder->fuzzy_key;
    g_hash_table_iter_init(&iter, ids);
    while (g_hash_table_iter_next(&iter, &id, NULL)) {
        sqlite3_bind_int64(s, 1, *(gint64 *)id);
        if (sqlite3_step(s) == SQLITE_ROW) {
            const char *key = (const char *)sqlite3_column_text(s, 0);
            double similarity = cm_fuzzy_similarity(query->key, key, FUZZY_MIN_SIMILARITY);
            if (similarity > 0.0) {
                similar_key k = {g_strdup(key), similarity};
                g_array_append_val(similar, k);
            }
        }
        sqlite3_reset(s);
    }
    g_hash_table_destroy(ids);
    g_array_sort(similar, compare_similar_keys);
    for (guint i = 0; i < similar->len; i++) {
        similar_key *k = &g_array_index(similar, similar_key, i);
        if (i < FUZZY_KEYS)
            collect_key(geocoder, query, k->key, 0.8 * k->similarity, k->similarity,
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

/* The kinds GeoNames places have; the others are facilities. */
static gboolean is_settlement(const char *kind)
{
    return strcmp(kind, "city") == 0 || strcmp(kind, "town") == 0 ||
           strcmp(kind, "locality") == 0;
}

/* Drops candidates near a place of a higher tier that matches about as
 * well: the same place, and the better source's position wins. A curated
 * facility never hides a settlement ("Kirkuk" is the city, not Kirkuk Air
 * Base); the user's own sites hide any shipped namesake. Then sorts best
 * first and keeps limit (0: all). */
static void rank(cm_candidate_list *list, const GArray *tiers, size_t limit)
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
                       (site_tier == TIER_USER || is_settlement(site->place->kind)) &&
                       site->score + NAMESAKE_SLACK >= c->score &&
                       cm_geodesic_inverse(c->place->position, site->place->position)
                               .distance_m < NAMESAKE_RADIUS_M;
        }
        if (!namesake)
            g_array_append_val(kept, *c);
    }
    g_array_sort(kept, compare_candidates);
    if (limit && kept->len > limit)
        g_array_set_size(kept, (guint)limit);
    g_array_free(list->items, TRUE);
    list->items = kept;
}

/* "'A' (SYR), 'B' (IRQ)": the names of the first n candidates. Returns a new
 * string the caller frees with g_free(). */
static char *candidate_names(const cm_candidate_list *list, size_t n)
{
    GString *names = g_string_new(NULL);
    for (size_t i = 0; i < MIN(n, cm_candidate_list_length(list)); i++) {
        const cm_place *place = cm_candidate_list_get(list, i)->place;
        g_string_append_printf(names, "%s'%s' (%s)", i ? ", " : "", place->name,
                               place->country);
    }
    return g_string_free(names, FALSE);
}

cm_status cm_geocoder_search(cm_geocoder *geocoder, const char *query, const char *country,
                             size_t limit, cm_candidate_list **candidates)
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
    if (country && !(strlen(country) == 3 && g_ascii_isupper(country[0]) &&
                     g_ascii_isupper(country[1]) && g_ascii_isupper(country[2])))
        return cm_fail(context, CM_ERR_INPUT, "country '%s' is not an ISO 3166 alpha-3 "
                       "code such as IRQ", country);
    cm_geo_point position;
    cm_coordinate_kind kind;
    cm_status status = cm_coordinate_parse(context, query, &position, &kind);
    if (status != CM_OK)
        return status;
    cm_candidate_list *list = candidate_list_new();
    if (kind != CM_COORDINATE_NONE) {
        /* A coordinate is named as the user wrote it, tidied. */
        char *name = g_strstrip(g_strdup(query));
        cm_place *place = place_new(name, "coordinate", "", "user coordinate", position);
        g_free(name);
        cm_candidate candidate = {place, 1.0, CM_MATCH_COORDINATE, 1.0};
        g_array_append_val(list->items, candidate);
        g_ptr_array_add(list->places, place);
        *candidates = list;
        return CM_OK;
    }
    parsed_query parsed = {cm_fold_literal(query), NULL, NULL, country};
    if (!*parsed.literal) {
        g_free(parsed.literal);
        cm_candidate_list_free(list);
        return cm_fail(context, CM_ERR_INPUT, "empty site name");
    }
    parsed.key = cm_fold_key(query, &parsed.hint);
    gathering gathered = {list,
                          g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL),
                          g_array_new(FALSE, FALSE, sizeof(source_tier))};
    collect_key(geocoder, &parsed, parsed.key, 0.9, 1.0, CM_MATCH_FOLDED, &gathered);
    collect_user(geocoder, &parsed, FALSE, &gathered);
    gboolean found = list->items->len > 0;
    if (!found) {
        collect_fuzzy(geocoder, &parsed, &gathered);
        collect_user(geocoder, &parsed, TRUE, &gathered);
    }
    rank(list, gathered.tiers, limit);
    g_array_free(gathered.tiers, TRUE);
    g_hash_table_destroy(gathered.by_id);
    g_free(parsed.literal);
    g_free(parsed.key);
    *candidates = list;
    if (found)
        return CM_OK;
    const char *where_prefix = country ? " in " : "";
    const char *where = country ? country : "";
    if (cm_candidate_list_length(list) == 0)
        return cm_fail(context, CM_ERR_INPUT, "unknown site '%s'%s%s (give a gazetteer name "
                       "or 'lat,lon')", query, where_prefix, where);
    char *names = candidate_names(list, 3);
    status = cm_fail(context, CM_ERR_INPUT, "unknown site '%s'%s%s (did you mean %s?)", query,
                     where_prefix, where, names);
    g_free(names);
    return status;
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

/* Another reading of a name is worth a note when it scores this close to
 * the answer. */
#define AMBIGUITY_MARGIN 0.03
/* Context: a candidate loses up to CONTEXT_WEIGHT of its score with its
 * distance to the nearest other site, in full from CONTEXT_FAR_M on. The
 * weight exceeds any prominence gap between namesakes (at most 0.08), so
 * a namesake 2,000 km away loses to one nearby. */
#define CONTEXT_WEIGHT 0.1
#define CONTEXT_FAR_M 2000000.0
/* A typo in a route is clear when only one place that it resembles lies
 * this close to the other sites. */
#define CONTEXT_RADIUS_M 300000.0
/* A typo on its own is clear when its spelling is this similar and it
 * scores this far above the next distinct place. */
#define FUZZY_TAKE_SIMILARITY 0.8
#define FUZZY_TAKE_MARGIN 0.1

/* Whether a and b are one place (a town and its crossing, a city and its
 * air base) rather than namesakes. */
static gboolean same_locale(const cm_place *a, const cm_place *b)
{
    return cm_geodesic_inverse(a->position, b->position).distance_m < NAMESAKE_RADIUS_M;
}

/* The best candidate after the first that is somewhere else, or NULL. */
static const cm_candidate *next_distinct(const cm_candidate_list *list)
{
    const cm_candidate *best = cm_candidate_list_get(list, 0);
    for (size_t i = 1; i < cm_candidate_list_length(list); i++) {
        const cm_candidate *c = cm_candidate_list_get(list, i);
        if (!same_locale(best->place, c->place))
            return c;
    }
    return NULL;
}

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
    if (cm_candidate_list_length(list) == 0)
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

/* Readings of an ambiguous name weighed together with the others' (the
 * first and up to this many more, each somewhere else); and at most this
 * many combinations, else each name is weighed alone. */
#define JOINT_READINGS 3
#define JOINT_COMBINATIONS 4096

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
    for (size_t i = 1; i < cm_candidate_list_length(list) && listed < 3; i++) {
        const cm_candidate *c = cm_candidate_list_get(list, i);
        if (c->score < best->score - AMBIGUITY_MARGIN || same_locale(best->place, c->place))
            continue;
        g_string_append_printf(note, "%s '%s' (%s)", listed++ ? "," : "", c->place->name,
                               c->place->country);
    }
    return g_string_free(note, FALSE);
}

cm_status cm_geocoder_resolve(cm_geocoder *geocoder, const char *const *queries, size_t n,
                              const cm_geo_point *near, size_t n_near,
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
    for (size_t i = 0; i < n && status == CM_OK; i++) {
        char *note = cm_resolution_note(queries[i], lists[i]);
        if (note)
            g_string_append_printf(geocoder->notes, "%s\n", note);
        g_free(note);
    }
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

char *cm_geocoder_take_notes(cm_geocoder *geocoder)
{
    if (geocoder->notes->len == 0)
        return NULL;
    char *notes = g_strdup(geocoder->notes->str);
    g_string_truncate(geocoder->notes, 0);
    return notes;
}

cm_status cm_geocoder_add_gazetteer(cm_geocoder *geocoder, const char *path)
{
    return cm_user_sites_read(geocoder->context, path, geocoder->user);
}
