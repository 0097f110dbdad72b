/* Fuzzes the style reader with arbitrary key files. */
#include "fuzz.h"
#include "render/style.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_context *context = cm_fuzz_context();
    cm_style *style = cm_style_parse(context, "fuzz.ini", (const char *)data, size);
    if (!style && !*cm_context_message(context))
        abort();
    cm_style_free(style);
    cm_context_clear_error(context);
    return 0;
}
