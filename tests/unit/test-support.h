/* What every unit test starts with: the context of the data directory the
 * suite runs against ($CONVOYMAP_DATA, set by tests/meson.build). */
#ifndef CM_TEST_SUPPORT_H
#define CM_TEST_SUPPORT_H

#include <glib.h>

#include "convoymap/convoymap.h"

/* A new context, or the test run stops with the reason. Free it with
 * cm_context_free(). */
static inline cm_context *test_context_new(void)
{
    char *message = NULL;
    cm_context *context = cm_context_new(NULL, &message);
    if (!context)
        g_error("no context: %s", message);
    return context;
}

#endif
