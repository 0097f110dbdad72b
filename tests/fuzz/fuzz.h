/* Shared set-up of the libFuzzer targets: one context and geocoder for the
 * whole run (they hold the gazetteer), and the input as a
 * NUL-terminated string, as the library's text APIs take it. */
#ifndef CM_FUZZ_H
#define CM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cm_context *cm_fuzz_context(void)
{
    static cm_context *context;
    if (!context) {
        char *message = NULL;
        context = cm_context_new(NULL, &message);
        if (!context)
            g_error("convoymap fuzzer: %s", message);
    }
    return context;
}

static cm_geocoder *cm_fuzz_geocoder(void)
{
    static cm_geocoder *geocoder;
    if (!geocoder && !(geocoder = cm_geocoder_new(cm_fuzz_context())))
        g_error("convoymap fuzzer: %s", cm_context_message(cm_fuzz_context()));
    return geocoder;
}

/* The input as a string; an embedded NUL ends it, as it would in argv. */
static char *cm_fuzz_string(const uint8_t *data, size_t size)
{
    return g_strndup((const char *)data, size);
}

#endif
