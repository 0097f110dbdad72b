/* Fuzzes the --route parser ("name=N; color=#rrggbb; A > B > C") with the
 * real gazetteer behind it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_geocoder *geocoder = cm_fuzz_geocoder();
    char *spec = cm_fuzz_string(data, size);
    cm_route *route = NULL;
    if (cm_route_parse(geocoder, spec, &route) == CM_OK) {
        /* A parsed route has legs that can be measured. */
        if (cm_route_leg_count(route) < 1 || !(cm_route_total_m(route) >= 0))
            abort();
        cm_route_free(route);
    } else if (route || !*cm_context_message(cm_fuzz_context())) {
        abort();
    }
    cm_context_clear_error(cm_fuzz_context());
    g_free(spec);
    return 0;
}
