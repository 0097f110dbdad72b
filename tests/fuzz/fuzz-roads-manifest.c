/* Fuzzes the reader of a roads database's manifest.json (its format and
 * version), given the bytes a file could hold. */
#include "fuzz.h"

#include <string.h>

#include "roads/roads-files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_context *context = cm_fuzz_context();
    cm_status status = cm_roads_manifest_check(context, "fuzz.roads", (const char *)data, size);
    const char *message = cm_context_message(context);
    /* Accepted, or refused with one line naming the database. */
    if (status != CM_OK &&
        (status != CM_ERR_INPUT || !strstr(message, "fuzz.roads") || strchr(message, '\n')))
        abort();
    cm_context_clear_error(context);
    return 0;
}
