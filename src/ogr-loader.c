/* Finds and loads convoymap-ogr.so with GModule: next to the library that
 * runs (libdir/convoymap/ once installed), or in the build tree when the
 * library runs from it, as the gazetteer index is found (context.c). */
#define _GNU_SOURCE
#include "ogr-loader.h"

#include <dlfcn.h>
#include <string.h>

#include <gmodule.h>

/* Where the module of this copy of the library is: in the build root when
 * the code runs from the build tree (the shared library or a test program
 * linking the objects), else in convoymap/ beside the shared library. The
 * caller frees it with g_free(). */
static char *module_path(void)
{
    Dl_info info;
    char *self = NULL;
    if (dladdr((void *)module_path, &info) && info.dli_fname && *info.dli_fname)
        self = g_canonicalize_filename(info.dli_fname, NULL);
    char *build = g_canonicalize_filename(CM_BUILD_DATADIR, NULL);
    char *path;
    if (!self || (g_str_has_prefix(self, build) && self[strlen(build)] == G_DIR_SEPARATOR)) {
        path = g_build_filename(build, CM_OGR_MODULE_NAME, NULL);
    } else {
        char *dir = g_path_get_dirname(self);
        path = g_build_filename(dir, "convoymap", CM_OGR_MODULE_NAME, NULL);
        g_free(dir);
    }
    g_free(self);
    g_free(build);
    return path;
}

const cm_ogr_api *cm_ogr_module(cm_context *context)
{
    static GMutex lock;
    static const cm_ogr_api *api;
    g_mutex_lock(&lock);
    const cm_ogr_api *found = api;
    char *path = NULL, *reason = NULL;
    if (!found) {
        path = module_path();
        /* Kept for the life of the process: GDAL does not unload. */
        GModule *module = g_module_open(path, G_MODULE_BIND_LOCAL);
        gpointer entry = NULL;
        if (!module) {
            /* dlopen()'s message starts with the path, already named. */
            const char *error = g_module_error();
            size_t length = strlen(path);
            if (strncmp(error, path, length) == 0 && strncmp(error + length, ": ", 2) == 0)
                error += length + 2;
            reason = g_strdup(error);
        }
        else if (!g_module_symbol(module, CM_OGR_MODULE_ENTRY, &entry))
            reason = g_strdup_printf("it has no %s (another version of convoymap?)",
                                     CM_OGR_MODULE_ENTRY);
        else
            found = api = ((cm_ogr_module_entry)entry)();
        if (module && !found)
            g_module_close(module);
        else if (module)
            g_module_make_resident(module);
    }
    g_mutex_unlock(&lock);
    if (!found)
        cm_fail(context, CM_ERR_LIBRARY, "cannot load the GDAL/OGR module %s: %s", path,
                reason);
    g_free(reason);
    g_free(path);
    return found;
}

void *cm_open_user_vector(cm_context *context, const char *path, const char *what,
                          const char *formats, const cm_ogr_api **api)
{
    if (g_file_test(path, G_FILE_TEST_EXISTS) && !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        cm_fail(context, CM_ERR_INPUT, "%s '%s' is not a regular file", what, path);
        return NULL;
    }
    *api = cm_ogr_module(context);
    if (!*api)
        return NULL;
    void *dataset = (*api)->open(path);
    if (!dataset && g_file_test(path, G_FILE_TEST_EXISTS))
        cm_fail(context, CM_ERR_INPUT, "%s '%s' is not %s that OGR can read", what, path,
                formats);
    else if (!dataset)
        cm_fail(context, CM_ERR_INPUT, "%s '%s' does not exist", what, path);
    return dataset;
}
