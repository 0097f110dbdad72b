/* Projection choice and coordinate transforms through PROJ. */
#include "projection.h"

#include <math.h>
#include <string.h>

#include <proj_experimental.h>

struct cm_projection {
    PJ *pj;
    char *definition;
    char *description;
    gboolean in_degrees; /* pj takes and gives degrees (a CRS-to-CRS operation) */
};

static char *format_latitude(double lat)
{
    return g_strdup_printf("%.2f°%c", fabs(lat), lat >= 0 ? 'N' : 'S');
}

/* An extent across the tropics gets Mercator, which stretches without
 * bound toward the poles (a pole lies 242,000 km from the equator): past
 * this latitude such a map shows nothing useful. */
#define MERCATOR_LIMIT_DEG 85.0

static gboolean needs_mercator(double lat_min, double lat_max)
{
    return lat_min < 15.0 && lat_max > -15.0;
}

static char *choose_definition(double lat_min, double lat_max, double lon_min, double lon_max,
                               char **description)
{
    double lon_0 = remainder((lon_min + lon_max) / 2.0, 360.0);
    double lat_0 = (lat_min + lat_max) / 2.0;
    char lon_text[G_ASCII_DTOSTR_BUF_SIZE], lat_text[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(lon_text, sizeof lon_text, "%.6f", lon_0);
    if (lat_min > 60.0 || lat_max < -60.0) {
        g_ascii_formatd(lat_text, sizeof lat_text, "%.1f", lat_0 > 0 ? 90.0 : -90.0);
        *description = g_strdup("Polar stereographic");
        return g_strdup_printf("+proj=stere +lat_0=%s +lon_0=%s +ellps=WGS84 +units=m",
                               lat_text, lon_text);
    }
    if (needs_mercator(lat_min, lat_max)) {
        g_ascii_formatd(lat_text, sizeof lat_text, "%.6f",
                        fabs(lat_0) < 1e-9 ? 0.0 : lat_0);
        char *true_scale = format_latitude(lat_0);
        *description = g_strdup_printf("Mercator, true scale at %s", true_scale);
        g_free(true_scale);
        return g_strdup_printf("+proj=merc +lat_ts=%s +lon_0=%s +ellps=WGS84 +units=m",
                               lat_text, lon_text);
    }
    /* Standard parallels at 1/6 and 5/6 of the span keep the scale error
     * small and balanced over the whole map (the classic rule of thumb). */
    double span = lat_max - lat_min;
    char lat_1[G_ASCII_DTOSTR_BUF_SIZE], lat_2[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(lat_1, sizeof lat_1, "%.6f", lat_min + span / 6.0);
    g_ascii_formatd(lat_2, sizeof lat_2, "%.6f", lat_max - span / 6.0);
    g_ascii_formatd(lat_text, sizeof lat_text, "%.6f", lat_0);
    char *first = format_latitude(lat_min + span / 6.0);
    char *second = format_latitude(lat_max - span / 6.0);
    *description = g_strdup_printf("Lambert conformal conic, standard parallels %s and %s",
                                   first, second);
    g_free(first);
    g_free(second);
    return g_strdup_printf("+proj=lcc +lat_1=%s +lat_2=%s +lat_0=%s +lon_0=%s +ellps=WGS84 "
                           "+units=m", lat_1, lat_2, lat_text, lon_text);
}

/* Takes definition (a PROJ string) and description (g_free'd strings) into
 * a projection. */
static cm_projection *projection_create(cm_context *context, char *definition,
                                        char *description)
{
    PJ_CONTEXT *proj = cm_context_proj_strings(context);
    PJ *pj = proj_create(proj, definition);
    if (!pj) {
        g_free(description);
        cm_fail(context, CM_ERR_LIBRARY, "PROJ rejected projection '%s': %s", definition,
                proj_context_errno_string(proj, proj_context_errno(proj)));
        g_free(definition);
        return NULL;
    }
    cm_projection *projection = g_new0(cm_projection, 1);
    projection->pj = pj;
    projection->definition = definition;
    projection->description = description;
    return projection;
}

cm_projection *cm_projection_for_extent(cm_context *context, double lat_min, double lat_max,
                                        double lon_min, double lon_max)
{
    if (needs_mercator(lat_min, lat_max) &&
        MAX(lat_max, -lat_min) > MERCATOR_LIMIT_DEG) {
        char *south = format_latitude(lat_min), *north = format_latitude(lat_max);
        cm_fail(context, CM_ERR_INPUT, "one map cannot show %s to %s: an extent reaching "
                "the tropics is drawn in Mercator, which cannot show past %.0f° (draw the "
                "route in parts)", south, north, MERCATOR_LIMIT_DEG);
        g_free(south);
        g_free(north);
        return NULL;
    }
    char *description = NULL;
    char *definition = choose_definition(lat_min, lat_max, lon_min, lon_max, &description);
    return projection_create(context, definition, description);
}

/* Names a CRS for the map sheet: "WGS 84 / UTM zone 38N (EPSG:32638)". */
static char *crs_title(const PJ *crs)
{
    const char *name = proj_get_name(crs);
    const char *authority = proj_get_id_auth_name(crs, 0);
    const char *code = proj_get_id_code(crs, 0);
    if (authority && code)
        return g_strdup_printf("%s (%s:%s)", name ? name : "CRS", authority, code);
    return g_strdup(name && *name && strcmp(name, "unknown") != 0 ? name : "custom CRS");
}

/* A projected CRS that draws the CRS geographic as plate carrée centred on
 * lon_0: longitude and latitude scaled alike (an equidistant cylindrical
 * projection true at the equator), as GIS tools show EPSG:4326. NULL with
 * the reason in the context. */
static PJ *plate_carree_of(cm_context *context, const char *definition, const PJ *geographic,
                           double lon_0)
{
    PJ_CONTEXT *ctx = cm_context_proj(context);
    PJ *base = proj_get_type(geographic) == PJ_TYPE_GEOGRAPHIC_3D_CRS
                   ? proj_crs_demote_to_2D(ctx, NULL, geographic)
                   : proj_clone(ctx, geographic);
    PJ *conversion = proj_create_conversion_equidistant_cylindrical(
        ctx, 0, lon_0, 0, 0, "Degree", 0.0174532925199433, "Metre", 1);
    PJ *cs = proj_create_cartesian_2D_cs(ctx, PJ_CART2D_EASTING_NORTHING, "Metre", 1);
    PJ *projected = base && conversion && cs
                        ? proj_create_projected_crs(ctx, "plate carrée", base, conversion, cs)
                        : NULL;
    proj_destroy(base);
    proj_destroy(conversion);
    proj_destroy(cs);
    if (!projected)
        cm_fail(context, CM_ERR_INPUT, "CRS '%s' cannot be drawn as plate carrée: %s",
                definition,
                proj_context_errno_string(ctx, proj_context_errno(ctx)));
    return projected;
}

/* The horizontal CRS a map can be drawn in, from a CRS PROJ has parsed:
 * the source of a bound CRS, the horizontal part of a compound one; a
 * geographic CRS becomes its plate carrée (see plate_carree_of()). Takes
 * crs; NULL with the reason, naming definition, in the context. */
static PJ *drawable_crs(cm_context *context, const char *definition, PJ *crs, double lon_0,
                        gboolean *plate_carree)
{
    PJ_CONTEXT *ctx = cm_context_proj(context);
    PJ *inner = NULL;
    if (proj_get_type(crs) == PJ_TYPE_BOUND_CRS)
        inner = proj_get_source_crs(ctx, crs);
    else if (proj_get_type(crs) == PJ_TYPE_COMPOUND_CRS)
        inner = proj_crs_get_sub_crs(ctx, crs, 0);
    if (inner) {
        proj_destroy(crs);
        crs = inner;
    }
    PJ_TYPE type = proj_get_type(crs);
    if (type == PJ_TYPE_PROJECTED_CRS)
        return crs;
    if (type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS) {
        *plate_carree = TRUE;
        PJ *projected = plate_carree_of(context, definition, crs, lon_0);
        proj_destroy(crs);
        return projected;
    }
    const char *kind = type == PJ_TYPE_GEOCENTRIC_CRS    ? "geocentric (x, y, z)"
                       : type == PJ_TYPE_VERTICAL_CRS    ? "vertical (heights only)"
                       : type == PJ_TYPE_ENGINEERING_CRS ? "an engineering CRS, tied to no "
                                                           "place on Earth"
                       : type == PJ_TYPE_TEMPORAL_CRS    ? "temporal"
                                                         : "not a map CRS";
    cm_fail(context, CM_ERR_INPUT, "CRS '%s' is %s: give a projected CRS (e.g. EPSG:32638) "
            "or a geographic one (EPSG:4326)", definition, kind);
    proj_destroy(crs);
    return NULL;
}

cm_projection *cm_projection_for_crs(cm_context *context, const char *definition, double lon_0)
{
    PJ_CONTEXT *ctx = cm_context_proj(context);
    char *text = g_strstrip(g_strdup(definition));
    /* A PROJ string describes an operation unless it says +type=crs; read
     * it as a CRS, as cs2cs and GDAL do. */
    if (text[0] == '+' && !strstr(text, "+type=crs")) {
        char *crs_text = g_strconcat(text, " +type=crs", NULL);
        g_free(text);
        text = crs_text;
    }
    PJ *crs = *text ? proj_create(ctx, text) : NULL;
    g_free(text);
    if (!crs || !proj_is_crs(crs)) {
        cm_fail(context, CM_ERR_INPUT, "CRS '%s' is not a coordinate reference system PROJ "
                "knows (give e.g. EPSG:32638, ESRI:102025, a PROJ string or WKT)", definition);
        proj_destroy(crs);
        return NULL;
    }
    char *title = crs_title(crs);
    gboolean plate_carree = FALSE;
    PJ *target = drawable_crs(context, definition, crs, lon_0, &plate_carree);
    if (!target) {
        g_free(title);
        return NULL;
    }
    PJ *wgs84 = proj_create(ctx, "EPSG:4326");
    PJ *operation = wgs84 ? proj_create_crs_to_crs_from_pj(ctx, wgs84, target, NULL, NULL)
                          : NULL;
    PJ *normalized = operation ? proj_normalize_for_visualization(ctx, operation) : NULL;
    proj_destroy(wgs84);
    proj_destroy(operation);
    if (!normalized) {
        cm_fail(context, CM_ERR_INPUT, "CRS '%s' cannot be reached from WGS84 longitudes and "
                "latitudes (is it a CRS of the Earth?)", definition);
        proj_destroy(target);
        g_free(title);
        return NULL;
    }
    cm_projection *projection = g_new0(cm_projection, 1);
    projection->pj = normalized;
    projection->in_degrees = TRUE;
    const char *proj_string = proj_as_proj_string(ctx, target, PJ_PROJ_5, NULL);
    projection->definition = g_strdup(proj_string ? proj_string : definition);
    projection->description = plate_carree ? g_strdup_printf("%s as plate carrée", title)
                                           : g_strdup(title);
    g_free(title);
    proj_destroy(target);
    return projection;
}

cm_projection *cm_projection_web_mercator(cm_context *context)
{
    /* PROJ's webmerc is the operation of EPSG:3857: spherical Mercator
     * formulas applied to WGS84 latitudes. */
    return projection_create(context, g_strdup("+proj=webmerc +ellps=WGS84 +units=m"),
                             g_strdup("Web Mercator (EPSG:3857)"));
}

void cm_projection_free(cm_projection *projection)
{
    if (!projection)
        return;
    proj_destroy(projection->pj);
    g_free(projection->definition);
    g_free(projection->description);
    g_free(projection);
}

const char *cm_projection_definition(const cm_projection *projection)
{
    return projection->definition;
}

const char *cm_projection_description(const cm_projection *projection)
{
    return projection->description;
}

size_t cm_projection_forward(const cm_projection *projection, double *x, double *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        /* Unrolled longitudes (past ±180) would fall outside the areas of
         * use PROJ picks a CRS-to-CRS operation by. */
        x[i] = projection->in_degrees ? remainder(x[i], 360.0) : proj_torad(x[i]);
        y[i] = projection->in_degrees ? y[i] : proj_torad(y[i]);
    }
    proj_trans_generic(projection->pj, PJ_FWD, x, sizeof *x, n, y, sizeof *y, n, NULL, 0, 0,
                       NULL, 0, 0);
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) {
            x[i] = y[i] = HUGE_VAL;
            failed++;
        }
    }
    return failed;
}

gboolean cm_projection_inverse(const cm_projection *projection, double x, double y,
                               cm_geo_point *point)
{
    PJ_COORD coord = proj_coord(x, y, 0, 0);
    PJ_COORD geo = proj_trans(projection->pj, PJ_INV, coord);
    if (!isfinite(geo.lp.lam) || !isfinite(geo.lp.phi))
        return FALSE;
    point->lat = projection->in_degrees ? geo.lp.phi : proj_todeg(geo.lp.phi);
    point->lon = projection->in_degrees ? geo.lp.lam : proj_todeg(geo.lp.lam);
    return TRUE;
}

gboolean cm_frame_geo_to_pixel(const cm_frame *frame, cm_geo_point point, double *px,
                               double *py)
{
    double x = point.lon, y = point.lat;
    if (cm_projection_forward(frame->projection, &x, &y, 1))
        return FALSE;
    cm_frame_to_pixel(frame, x, y, px, py);
    return TRUE;
}

gboolean cm_frame_pixel_to_geo(const cm_frame *frame, double px, double py,
                               cm_geo_point *point)
{
    return cm_projection_inverse(frame->projection, frame->min_x + px / frame->px_per_m,
                                 frame->max_y - py / frame->px_per_m, point);
}
