/* The first geocoder: names and aliases from geodata/sites.csv (read through
 * OGR's CSV driver), matched case-insensitively, and decimal "lat,lon". */
#include "internal.h"

#include <math.h>
#include <string.h>

#include <ogr_api.h>
#include <gdal.h>

struct cm_geocoder {
    cm_context *context;
    GPtrArray *sites;    /* of cm_place*, owned */
    GHashTable *by_key;  /* folded name or alias -> cm_place* (borrowed) */
};

/* The matching key of a name: Unicode-normalised, case-folded, with runs of
 * white space, hyphens and underscores folded to one space. Freed with g_free(). */
static char *fold_name(const char *name)
{
    char *normal = g_utf8_normalize(name, -1, G_NORMALIZE_NFKC);
    if (!normal)
        return NULL;
    char *folded = g_utf8_casefold(normal, -1);
    g_free(normal);
    GString *key = g_string_sized_new(strlen(folded));
    gboolean pending_space = FALSE;
    for (const char *p = folded; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == '-' || c == '_') {
            pending_space = key->len > 0;
            continue;
        }
        if (pending_space)
            g_string_append_c(key, ' ');
        pending_space = FALSE;
        g_string_append_unichar(key, c);
    }
    g_free(folded);
    return g_string_free(key, FALSE);
}

static cm_place *place_new(const char *name, const char *kind, const char *country,
                           const char *source, cm_geo_point position)
{
    cm_place *place = g_new0(cm_place, 1);
    place->name = g_strdup(name);
    place->kind = g_strdup(kind);
    place->country = g_strdup(country);
    place->source = g_strdup(source);
    place->position = position;
    return place;
}

cm_place *cm_place_copy(const cm_place *place)
{
    return place_new(place->name, place->kind, place->country, place->source,
                     place->position);
}

void cm_place_free(cm_place *place)
{
    if (!place)
        return;
    g_free(place->name);
    g_free(place->kind);
    g_free(place->country);
    g_free(place->source);
    g_free(place);
}

/* Indexes place under key unless an earlier entry holds it: names are
 * indexed before aliases, so a site's own name wins over another's alias. */
static void index_key(cm_geocoder *geocoder, const char *text, cm_place *place)
{
    char *key = fold_name(text);
    if (!key || !*key || g_hash_table_contains(geocoder->by_key, key)) {
        g_free(key);
        return;
    }
    g_hash_table_insert(geocoder->by_key, key, place);
}

static gboolean valid_position(cm_geo_point p)
{
    return isfinite(p.lat) && isfinite(p.lon) && fabs(p.lat) <= 90.0 &&
           fabs(p.lon) <= 180.0;
}

/* A coordinate column as written: OGR reads text that is not a number as 0,
 * which would put a site at 0°, 0° without a word. */
static gboolean read_degrees(OGRFeatureH feature, int field, double *degrees)
{
    const char *text = OGR_F_GetFieldAsString(feature, field);
    char *end;
    *degrees = g_ascii_strtod(text, &end);
    while (g_ascii_isspace(*end))
        end++;
    return end != text && !*end;
}

static cm_status read_sites(cm_geocoder *geocoder, const char *path, GPtrArray *aliases)
{
    cm_context *context = geocoder->context;
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!dataset)
        return cm_fail(context, CM_ERR_DATA, "cannot read gazetteer %s", path);
    OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
    OGRFeatureDefnH definition = layer ? OGR_L_GetLayerDefn(layer) : NULL;
    const char *columns[] = {"name", "aliases", "kind", "country", "lat", "lon", "source"};
    int field[G_N_ELEMENTS(columns)];
    for (size_t i = 0; i < G_N_ELEMENTS(columns); i++) {
        field[i] = definition ? OGR_FD_GetFieldIndex(definition, columns[i]) : -1;
        if (field[i] < 0) {
            GDALClose(dataset);
            return cm_fail(context, CM_ERR_DATA, "gazetteer %s has no column '%s'", path,
                           columns[i]);
        }
    }
    OGRFeatureH feature;
    long row = 1;
    while ((feature = OGR_L_GetNextFeature(layer)) != NULL) {
        row++;
        cm_geo_point position;
        gboolean numbers = read_degrees(feature, field[4], &position.lat) &&
                           read_degrees(feature, field[5], &position.lon);
        const char *name = OGR_F_GetFieldAsString(feature, field[0]);
        if (!*name || !numbers || !valid_position(position)) {
            OGR_F_Destroy(feature);
            GDALClose(dataset);
            return cm_fail(context, CM_ERR_DATA, "gazetteer %s line %ld: bad name or "
                           "coordinate", path, row);
        }
        cm_place *place = place_new(name, OGR_F_GetFieldAsString(feature, field[2]),
                                    OGR_F_GetFieldAsString(feature, field[3]),
                                    OGR_F_GetFieldAsString(feature, field[6]), position);
        g_ptr_array_add(geocoder->sites, place);
        g_ptr_array_add(aliases, g_strdup(OGR_F_GetFieldAsString(feature, field[1])));
        OGR_F_Destroy(feature);
    }
    GDALClose(dataset);
    return CM_OK;
}

static cm_status load_sites(cm_geocoder *geocoder, const char *path, GPtrArray *aliases)
{
    cm_context *context = geocoder->context;
    cm_gdal_quiet_begin();
    cm_status status = read_sites(geocoder, path, aliases);
    const char *reason = cm_gdal_quiet_end();
    if (status == CM_OK && reason)
        status = cm_fail(context, CM_ERR_DATA, "cannot read gazetteer %s: %s", path, reason);
    return status;
}

cm_geocoder *cm_geocoder_new(cm_context *context)
{
    cm_geocoder *geocoder = g_new0(cm_geocoder, 1);
    geocoder->context = context;
    geocoder->sites = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
    geocoder->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *aliases = g_ptr_array_new_with_free_func(g_free);
    char *path = cm_data_path(context, "geodata/sites.csv");
    cm_status status = load_sites(geocoder, path, aliases);
    g_free(path);
    if (status != CM_OK) {
        g_ptr_array_free(aliases, TRUE);
        cm_geocoder_free(geocoder);
        return NULL;
    }
    for (guint i = 0; i < geocoder->sites->len; i++) {
        cm_place *place = g_ptr_array_index(geocoder->sites, i);
        index_key(geocoder, place->name, place);
    }
    for (guint i = 0; i < geocoder->sites->len; i++) {
        char **names = g_strsplit(g_ptr_array_index(aliases, i), "|", -1);
        for (char **alias = names; *alias; alias++)
            index_key(geocoder, g_strstrip(*alias), g_ptr_array_index(geocoder->sites, i));
        g_strfreev(names);
    }
    g_ptr_array_free(aliases, TRUE);
    return geocoder;
}

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

cm_context *cm_geocoder_context(cm_geocoder *geocoder) { return geocoder->context; }

void cm_geocoder_free(cm_geocoder *geocoder)
{
    if (!geocoder)
        return;
    g_ptr_array_free(geocoder->sites, TRUE);
    g_hash_table_destroy(geocoder->by_key);
    g_free(geocoder);
}

/* Levenshtein distance between two byte strings, for "did you mean". */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(b);
    size_t *row = g_new(size_t, n + 1);
    for (size_t j = 0; j <= n; j++)
        row[j] = j;
    for (const char *p = a; *p; p++) {
        size_t diagonal = row[0];
        row[0]++;
        for (size_t j = 1; j <= n; j++) {
            size_t above = row[j];
            size_t best = MIN(row[j] + 1, row[j - 1] + 1);
            row[j] = MIN(best, diagonal + (*p != b[j - 1]));
            diagonal = above;
        }
    }
    size_t result = row[n];
    g_free(row);
    return result;
}

static const cm_place *closest_site(cm_geocoder *geocoder, const char *key)
{
    GHashTableIter iter;
    gpointer candidate_key, candidate;
    const cm_place *best = NULL;
    const char *best_key = NULL;
    size_t best_distance = (size_t)-1;
    g_hash_table_iter_init(&iter, geocoder->by_key);
    while (g_hash_table_iter_next(&iter, &candidate_key, &candidate)) {
        size_t d = edit_distance(key, candidate_key);
        /* Ties go to the smaller key so that the suggestion is stable. */
        if (d < best_distance || (d == best_distance && strcmp(candidate_key, best_key) < 0)) {
            best_distance = d;
            best = candidate;
            best_key = candidate_key;
        }
    }
    /* Suggest only what is plausibly a misspelling. */
    return best_distance <= MAX(2, strlen(key) / 3) ? best : NULL;
}

cm_status cm_geocoder_lookup(cm_geocoder *geocoder, const char *query, cm_place **place)
{
    cm_context *context = geocoder->context;
    *place = NULL;
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
    cm_geo_point position;
    cm_coordinate_kind kind;
    cm_status status = cm_coordinate_parse(context, query, &position, &kind);
    if (status != CM_OK)
        return status;
    if (kind != CM_COORDINATE_NONE) {
        /* A coordinate is named as the user wrote it, tidied. */
        char *name = g_strstrip(g_strdup(query));
        *place = place_new(name, "coordinate", "", "user coordinate", position);
        g_free(name);
        return CM_OK;
    }
    char *key = fold_name(query);
    if (!key || !*key) {
        g_free(key);
        return cm_fail(context, CM_ERR_INPUT, "empty site name");
    }
    const cm_place *found = g_hash_table_lookup(geocoder->by_key, key);
    if (found) {
        g_free(key);
        *place = cm_place_copy(found);
        return CM_OK;
    }
    const cm_place *suggestion = closest_site(geocoder, key);
    g_free(key);
    if (suggestion)
        return cm_fail(context, CM_ERR_INPUT, "unknown site '%s' (did you mean '%s'?)",
                       query, suggestion->name);
    return cm_fail(context, CM_ERR_INPUT, "unknown site '%s' (give a gazetteer name "
                   "or 'lat,lon')", query);
}
