/* Fuzzes the coordinate and MGRS parser: any text either is no coordinate,
 * a coordinate in range, or an input error with a message; and the
 * bounding-box parser: a box that passes its own check, or an error. */
#include <math.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_context *context = cm_fuzz_context();
    char *text = cm_fuzz_string(data, size);
    cm_geo_point point;
    cm_coordinate_kind kind = CM_COORDINATE_NONE;
    cm_status status = cm_coordinate_parse(context, text, &point, &kind);
    if (status == CM_OK && kind != CM_COORDINATE_NONE &&
        !(isfinite(point.lat) && isfinite(point.lon) && fabs(point.lat) <= 90 &&
          fabs(point.lon) <= 180.0 + 1e-9))
        abort();
    if (status != CM_OK && !*cm_context_message(context))
        abort();
    cm_context_clear_error(context);
    cm_bbox box;
    status = cm_bbox_parse(context, text, &box);
    if (status == CM_OK && (cm_bbox_check(context, &box) != CM_OK ||
                            !(cm_bbox_width(&box) > 0 && cm_bbox_width(&box) <= 360)))
        abort();
    if (status != CM_OK && !*cm_context_message(context))
        abort();
    cm_context_clear_error(context);
    g_free(text);
    return 0;
}
