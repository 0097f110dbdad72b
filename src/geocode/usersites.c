/* User gazetteers: the planner's own sites, read through OGR (the GDAL
 * module, ogr-loader.h) from CSV (columns like geodata/sites.csv), GeoJSON
 * or GeoPackage points, in any CRS the file declares. */
#include "usersites.h"

#include "arabic-name.h"
#include "fold.h"
#include "core/ogr-loader.h"

#include <math.h>
#include <string.h>

void cm_user_site_free(cm_user_site *site)
{
    if (!site)
        return;
    cm_place_free(site->place);
    g_strfreev(site->literals);
    g_strfreev(site->keys);
    g_free(site);
}

/* The text of field name (any case, as OGR looks fields up) in feature,
 * or "" when it is absent or null. */
static const char *field_text(const cm_ogr_feature *feature, const char *name)
{
    for (size_t i = 0; i < feature->n_fields; i++)
        if (g_ascii_strcasecmp(feature->names[i], name) == 0)
            return feature->values[i] ? feature->values[i] : "";
    return "";
}

/* Appends the folded literal and key of spelling to literals and keys. */
static void add_spelling(GPtrArray *literals, GPtrArray *keys, const char *spelling)
{
    g_ptr_array_add(literals, cm_fold_literal(spelling));
    g_ptr_array_add(keys, cm_fold_key(spelling, NULL));
}

/* The site of one feature, into *site; where names the feature in
 * messages ("row 3", "feature 2"). */
static cm_status read_feature(cm_context *context, const char *path, const char *where,
                              const cm_ogr_feature *feature, cm_user_site **site)
{
    const char *name = field_text(feature, "name");
    if (!*name)
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s has no name", path, where);
    if (!feature->geometry_name || feature->is_empty)
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s') has no position (lat "
                       "and lon columns, or a point)", path, where, name);
    if (!feature->is_point || feature->n_parts != 1)
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s') is a %s, not a point",
                       path, where, name, feature->geometry_name);
    double x = feature->parts[0].lon[0], y = feature->parts[0].lat[0];
    if (feature->not_wgs84)
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s'): its position does not "
                       "convert to WGS84", path, where, name);
    if (!isfinite(x) || !isfinite(y) || fabs(y) > 90 || fabs(x) > 180)
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s'): %g, %g is not a "
                       "latitude, longitude", path, where, name, y, x);
    const char *country = field_text(feature, "country");
    if (*country && !(strlen(country) == 3 && g_ascii_isupper(country[0]) &&
                      g_ascii_isupper(country[1]) && g_ascii_isupper(country[2])))
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s'): country '%s' is not "
                       "an ISO 3166 alpha-3 code such as IRQ", path, where, name, country);
    const char *name_ar = field_text(feature, "name_ar");
    if (!g_utf8_validate(name_ar, -1, NULL))
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s'): name_ar is not valid "
                       "UTF-8 text", path, where, name);
    const char *kind = field_text(feature, "kind");
    char *source = g_strdup_printf("user gazetteer %s", path);
    cm_place *place = g_new0(cm_place, 1);
    place->name = g_strdup(name);
    place->kind = g_strdup(*kind ? kind : "site");
    place->country = g_strdup(country);
    place->source = source;
    place->position = (cm_geo_point){y, x};
    place->admin1 = g_strdup("");
    place->admin1_name = g_strdup("");
    /* The name is the first spelling; aliases are separated by '|' as in
     * sites.csv. */
    GPtrArray *literals = g_ptr_array_new(), *keys = g_ptr_array_new();
    add_spelling(literals, keys, name);
    char **aliases = g_strsplit(field_text(feature, "aliases"), "|", -1);
    for (char **alias = aliases; *alias; alias++)
        if (*g_strstrip(*alias))
            add_spelling(literals, keys, *alias);
    /* An Arabic name given as such, else one chosen among the spellings
     * as the shipped gazetteer's are. */
    if (*name_ar) {
        place->name_ar = g_strdup(name_ar);
    } else {
        GPtrArray *spellings = g_ptr_array_new();
        g_ptr_array_add(spellings, (gpointer)name);
        for (char **alias = aliases; *alias; alias++)
            g_ptr_array_add(spellings, *alias);
        place->name_ar = cm_arabic_name_choose((const char *const *)spellings->pdata,
                                               spellings->len, country);
        g_ptr_array_free(spellings, TRUE);
    }
    g_strfreev(aliases);
    g_ptr_array_add(literals, NULL);
    g_ptr_array_add(keys, NULL);
    *site = g_new0(cm_user_site, 1);
    (*site)->place = place;
    (*site)->literals = (char **)g_ptr_array_free(literals, FALSE);
    (*site)->keys = (char **)g_ptr_array_free(keys, FALSE);
    return CM_OK;
}

/* What the reading of one layer's features needs and what it found. */
typedef struct sites_reader {
    cm_context *context;
    const char *path;
    gboolean csv;
    GPtrArray *sites;
    cm_status status;
} sites_reader;

static int read_site(const cm_ogr_feature *feature, void *data)
{
    sites_reader *reader = data;
    /* A CSV row by its line in the file (the header is line 1); a feature
     * by its place in the layer. */
    char *where = reader->csv ? g_strdup_printf("line %lld", feature->index + 1)
                              : g_strdup_printf("feature %lld", feature->index);
    cm_user_site *site = NULL;
    reader->status = read_feature(reader->context, reader->path, where, feature, &site);
    if (reader->status == CM_OK)
        g_ptr_array_add(reader->sites, site);
    g_free(where);
    return reader->status != CM_OK;
}

cm_status cm_user_sites_read(cm_context *context, const char *path, GPtrArray *sites)
{
    const cm_ogr_api *api;
    void *dataset = cm_open_user_vector(context, path, "gazetteer", "CSV, GeoJSON or GeoPackage",
                                        &api);
    if (!dataset)
        return cm_context_status(context);
    sites_reader reader = {context, path, g_strcmp0(api->driver(dataset), "CSV") == 0, sites,
                           CM_OK};
    guint first = sites->len;
    for (int l = 0; l < api->layer_count(dataset) && reader.status == CM_OK; l++)
        api->read_layer(dataset, l, read_site, &reader);
    api->close(dataset);
    cm_status status = reader.status;
    if (status == CM_OK && sites->len == first)
        status = cm_fail(context, CM_ERR_INPUT, "gazetteer %s has no sites", path);
    if (status != CM_OK)
        g_ptr_array_remove_range(sites, first, sites->len - first);
    return status;
}
