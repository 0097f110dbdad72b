/* The unit tests' fixture: one context of the data directory the suite runs
 * against ($CONVOYMAP_DATA, set by tests/meson.build) and one geocoder on
 * it, made on first use and shared by every test of the process, since
 * opening the gazetteer is the slow part of a test's set-up. A test that
 * changes a geocoder (adds a gazetteer) makes its own on test_context(). */
#ifndef CM_TEST_SUPPORT_H
#define CM_TEST_SUPPORT_H

#include <glib.h>

#include "convoymap/convoymap.h"

static cm_context *test_shared_context;
static cm_geocoder *test_shared_geocoder;

/* The shared context, or the test run stops with the reason. Owned by the
 * fixture; freed by test_fixture_free(). */
static inline cm_context *test_context(void)
{
    if (!test_shared_context) {
        char *message = NULL;
        test_shared_context = cm_context_new(NULL, &message);
        if (!test_shared_context)
            g_error("no context: %s", message);
    }
    return test_shared_context;
}

/* The shared geocoder on test_context(), or the test run stops with the
 * reason. Owned by the fixture; freed by test_fixture_free(). */
static inline cm_geocoder *test_geocoder(void)
{
    if (!test_shared_geocoder) {
        test_shared_geocoder = cm_geocoder_new(test_context());
        if (!test_shared_geocoder)
            g_error("no geocoder: %s", cm_context_message(test_context()));
    }
    return test_shared_geocoder;
}

/* Frees the fixture, after whatever the test made on it, so that the leak
 * checkers see what the tests themselves leave. */
static inline void test_fixture_free(void)
{
    cm_geocoder_free(test_shared_geocoder);
    test_shared_geocoder = NULL;
    cm_context_free(test_shared_context);
    test_shared_context = NULL;
}

/* g_test_run(), then test_fixture_free(); returns g_test_run()'s status. */
static inline int test_run(void)
{
    int status = g_test_run();
    test_fixture_free();
    return status;
}

#endif
