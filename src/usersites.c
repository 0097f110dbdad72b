/* User gazetteers: the planner's own sites, read through OGR from CSV
 * (columns like geodata/sites.csv), GeoJSON or GeoPackage points. */
#include "internal.h"

#include "arabic-name.h"
#include "fold.h"

#include <math.h>
#include <string.h>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

void cm_user_site_free(cm_user_site *site)
{
    if (!site)
        return;
    cm_place_free(site->place);
    g_strfreev(site->literals);
    g_strfreev(site->keys);
    g_free(site);
}

/* The text of field name in feature, or "" when it is absent or null. */
static const char *field_text(OGRFeatureH feature, const char *name)
{
    int index = OGR_F_GetFieldIndex(feature, name);
    if (index < 0 || !OGR_F_IsFieldSetAndNotNull(feature, index))
        return "";
    return OGR_F_GetFieldAsString(feature, index);
}

/* A transformation from layer's coordinates to WGS84 longitude, latitude,
 * or NULL when they already are (or the layer says nothing). The caller
 * frees it with OCTDestroyCoordinateTransformation(). */
static OGRCoordinateTransformationH to_wgs84(OGRLayerH layer)
{
    OGRSpatialReferenceH source = OGR_L_GetSpatialRef(layer);
    if (!source)
        return NULL;
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH transform = NULL;
    if (!OSRIsSame(source, wgs84))
        transform = OCTNewCoordinateTransformation(source, wgs84);
    OSRDestroySpatialReference(wgs84);
    return transform;
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
                              OGRFeatureH feature, OGRCoordinateTransformationH transform,
                              cm_user_site **site)
{
    const char *name = field_text(feature, "name");
    if (!*name)
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s has no name", path, where);
    OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
    if (!geometry || OGR_G_IsEmpty(geometry))
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s') has no position (lat "
                       "and lon columns, or a point)", path, where, name);
    if (wkbFlatten(OGR_G_GetGeometryType(geometry)) != wkbPoint)
        return cm_fail(context, CM_ERR_INPUT, "gazetteer %s %s ('%s') is a %s, not a point",
                       path, where, name, OGR_G_GetGeometryName(geometry));
    double x = OGR_G_GetX(geometry, 0), y = OGR_G_GetY(geometry, 0);
    if (transform && !OCTTransform(transform, 1, &x, &y, NULL))
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

cm_status cm_user_sites_read(cm_context *context, const char *path, GPtrArray *sites)
{
    GDALDatasetH dataset = cm_open_user_vector(context, path, "gazetteer",
                                               "CSV, GeoJSON or GeoPackage");
    if (!dataset)
        return context->status;
    gboolean csv = g_strcmp0(GDALGetDriverShortName(GDALGetDatasetDriver(dataset)), "CSV") == 0;
    guint first = sites->len;
    cm_status status = CM_OK;
    for (int l = 0; l < GDALDatasetGetLayerCount(dataset) && status == CM_OK; l++) {
        OGRLayerH layer = GDALDatasetGetLayer(dataset, l);
        OGRCoordinateTransformationH transform = to_wgs84(layer);
        OGR_L_ResetReading(layer);
        OGRFeatureH feature;
        long long count = 0;
        while (status == CM_OK && (feature = OGR_L_GetNextFeature(layer)) != NULL) {
            /* A CSV row by its line in the file (the header is line 1); a
             * feature by its place in the layer. */
            count++;
            char *where = csv ? g_strdup_printf("line %lld", count + 1)
                              : g_strdup_printf("feature %lld", count);
            cm_user_site *site = NULL;
            status = read_feature(context, path, where, feature, transform, &site);
            if (status == CM_OK)
                g_ptr_array_add(sites, site);
            g_free(where);
            OGR_F_Destroy(feature);
        }
        if (transform)
            OCTDestroyCoordinateTransformation(transform);
    }
    GDALClose(dataset);
    if (status == CM_OK && sites->len == first)
        status = cm_fail(context, CM_ERR_INPUT, "gazetteer %s has no sites", path);
    if (status != CM_OK)
        g_ptr_array_remove_range(sites, first, sites->len - first);
    return status;
}
