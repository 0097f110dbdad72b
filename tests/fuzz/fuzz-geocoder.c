/* Fuzzes the geocoder's query path: UTF-8 checks, coordinates, name
 * folding, lookup and the "did you mean" suggestion. */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_geocoder *geocoder = cm_fuzz_geocoder();
    char *query = cm_fuzz_string(data, size);
    cm_place *place = NULL;
    cm_status status = cm_geocoder_lookup(geocoder, query, &place);
    if ((status == CM_OK) != (place != NULL))
        abort();
    /* Messages stay one valid UTF-8 line whatever the query. */
    const char *message = cm_context_message(cm_fuzz_context());
    if (status != CM_OK && (!*message || strchr(message, '\n') ||
                            !g_utf8_validate(message, -1, NULL)))
        abort();
    cm_place_free(place);
    cm_context_clear_error(cm_fuzz_context());
    g_free(query);
    return 0;
}
