/* Bounding boxes: checking, parsing and measuring them by the one
 * antimeridian rule of include/convoymap/bbox.h, shared by maps and tiles. */
#include "internal.h"

#include <math.h>

/* What is wrong with b, or NULL; the caller frees it with g_free(). */
static char *bbox_problem(const cm_bbox *b)
{
    if (!(b->west >= -180 && b->west <= 180 && b->east >= -180 && b->east <= 180))
        return g_strdup_printf("longitude %g is out of range (-180 to 180)",
                               b->west >= -180 && b->west <= 180 ? b->east : b->west);
    if (!(b->south >= -90 && b->south <= 90 && b->north >= -90 && b->north <= 90))
        return g_strdup_printf("latitude %g is out of range (-90 to 90)",
                               b->south >= -90 && b->south <= 90 ? b->north : b->south);
    if (!(b->south < b->north))
        return g_strdup_printf("south %g is not below north %g", b->south, b->north);
    if (b->west == b->east)
        return g_strdup_printf("west and east are both %g: no width", b->west);
    return NULL;
}

cm_status cm_bbox_check(cm_context *context, const cm_bbox *bbox)
{
    char *problem = bbox_problem(bbox);
    if (!problem)
        return CM_OK;
    cm_fail(context, CM_ERR_INPUT, "bounding box %g,%g,%g,%g: %s", bbox->west, bbox->south,
            bbox->east, bbox->north, problem);
    g_free(problem);
    return CM_ERR_INPUT;
}

cm_status cm_bbox_parse(cm_context *context, const char *text, cm_bbox *bbox)
{
    char **parts = g_strsplit(text, ",", -1);
    double v[4];
    gboolean ok = g_strv_length(parts) == 4;
    for (int i = 0; ok && i < 4; i++) {
        char *end;
        const char *part = g_strstrip(parts[i]);
        v[i] = g_ascii_strtod(part, &end);
        ok = end != part && *end == '\0' && isfinite(v[i]);
    }
    g_strfreev(parts);
    if (!ok)
        return cm_fail(context, CM_ERR_INPUT, "bounding box '%s' is not WEST,SOUTH,EAST,"
                       "NORTH in degrees (e.g. 38,29,48,37)", text);
    cm_bbox parsed = {v[0], v[1], v[2], v[3]};
    char *problem = bbox_problem(&parsed);
    if (problem) {
        cm_fail(context, CM_ERR_INPUT, "bounding box '%s': %s", text, problem);
        g_free(problem);
        return CM_ERR_INPUT;
    }
    *bbox = parsed;
    return CM_OK;
}

int cm_bbox_crosses_antimeridian(const cm_bbox *bbox)
{
    return bbox->west > bbox->east;
}

double cm_bbox_width(const cm_bbox *bbox)
{
    double width = bbox->east - bbox->west;
    return width > 0 ? width : width + 360;
}

cm_geo_point cm_bbox_center(const cm_bbox *bbox)
{
    double lon = bbox->west + cm_bbox_width(bbox) / 2;
    return (cm_geo_point){(bbox->south + bbox->north) / 2, lon > 180 ? lon - 360 : lon};
}

int cm_bbox_contains(const cm_bbox *bbox, cm_geo_point point)
{
    if (point.lat < bbox->south || point.lat > bbox->north)
        return 0;
    if (cm_bbox_crosses_antimeridian(bbox))
        return point.lon >= bbox->west || point.lon <= bbox->east;
    return point.lon >= bbox->west && point.lon <= bbox->east;
}
