/* The version macros come from meson.build's project version (passed by
 * tests/unit/meson.build as CM_TEST_PROJECT_VERSION) and the shared library
 * reports the version of the headers it was built with. */
#include <string.h>

#include <glib.h>

#include "convoymap/convoymap.h"

static void test_macros_are_the_project_version(void)
{
    const char *project = g_getenv("CM_TEST_PROJECT_VERSION");
    g_assert_nonnull(project);
    g_assert_cmpstr(CM_VERSION_STRING, ==, project);
    char *joined = g_strdup_printf("%d.%d.%d", CM_VERSION_MAJOR, CM_VERSION_MINOR,
                                   CM_VERSION_MICRO);
    g_assert_cmpstr(joined, ==, project);
    g_free(joined);
}

static void test_library_reports_the_headers_version(void)
{
    g_assert_cmpstr(cm_version(), ==, CM_VERSION_STRING);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/version/macros", test_macros_are_the_project_version);
    g_test_add_func("/version/library", test_library_reports_the_headers_version);
    return g_test_run();
}
