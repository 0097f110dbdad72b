/* Fuzzes the reader of roads import's --map ("class=FIELD,ref=FIELD,..."). */
#include "fuzz.h"

#include <string.h>

#include "roads/roads-lines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_context *context = cm_fuzz_context();
    char *text = cm_fuzz_string(data, size);
    cm_roads_mapping *mapping = NULL;
    cm_status status = cm_roads_mapping_parse(context, text, &mapping);
    /* A mapping, or one line saying what is wrong and no mapping. */
    if (status == CM_OK ? !mapping
                        : mapping || status != CM_ERR_INPUT ||
                              strchr(cm_context_message(context), '\n'))
        abort();
    cm_roads_mapping_free(mapping);
    cm_context_clear_error(context);
    g_free(text);
    return 0;
}
