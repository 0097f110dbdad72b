/* Finds and loads convoymap's modules with GModule: next to the library that
 * runs (libdir/convoymap/ once installed), or in the build tree named by
 * $CONVOYMAP_BUILD_DIR when the library runs from it, as the gazetteer
 * index is found (context.c). No path of the build is compiled in. */
#define _GNU_SOURCE
#include "module-loader.h"

#include <dlfcn.h>
#include <string.h>

#include <gmodule.h>

/* Whether path is inside dir. */
static gboolean is_inside(const char *path, const char *dir)
{
    size_t length = strlen(dir);
    return strncmp(path, dir, length) == 0 && path[length] == G_DIR_SEPARATOR;
}

/* An object of this file, for dladdr() to say which file holds the code
 * (ISO C has no conversion from a function's address to void *). */
static const char here;

/* Where file_name is for this copy of the library: in its part's folder of
 * the build tree (BUILD/src/PART/) when the code runs from the build tree
 * $CONVOYMAP_BUILD_DIR (the shared library or a test program linking the
 * objects), else in convoymap/ beside the shared library. The caller frees
 * it with g_free(). */
static char *module_path(const char *part, const char *file_name)
{
    Dl_info info;
    char *self = NULL;
    if (dladdr(&here, &info) && info.dli_fname && *info.dli_fname)
        self = g_canonicalize_filename(info.dli_fname, NULL);
    const char *build_env = g_getenv("CONVOYMAP_BUILD_DIR");
    char *build = build_env && *build_env ? g_canonicalize_filename(build_env, NULL) : NULL;
    char *path;
    if (build && (!self || is_inside(self, build))) {
        path = g_build_filename(build, "src", part, file_name, NULL);
    } else {
        char *dir = self ? g_path_get_dirname(self) : g_get_current_dir();
        path = g_build_filename(dir, "convoymap", file_name, NULL);
        g_free(dir);
    }
    g_free(self);
    g_free(build);
    return path;
}

/* Opens the module at path and returns its interface, or NULL with the
 * reason in *reason (freed by the caller with g_free()). */
static const void *open_module(const char *path, const char *entry,
                               gboolean (*fits)(const void *interface), char **reason)
{
    /* Local binding: the module's names never stand in for the library's. */
    GModule *module = g_module_open(path, G_MODULE_BIND_LOCAL);
    if (!module) {
        /* dlopen()'s message starts with the path, already named. */
        const char *error = g_module_error();
        size_t length = strlen(path);
        if (strncmp(error, path, length) == 0 && strncmp(error + length, ": ", 2) == 0)
            error += length + 2;
        *reason = g_strdup(error);
        return NULL;
    }
    gpointer symbol = NULL;
    const void *(*entry_point)(void) = NULL;
    const void *interface = NULL;
    /* ISO C has no conversion from void * to a function pointer; POSIX
     * guarantees they have the same representation. */
    G_STATIC_ASSERT(sizeof entry_point == sizeof symbol);
    if (g_module_symbol(module, entry, &symbol))
        memcpy(&entry_point, &symbol, sizeof entry_point);
    if (!entry_point)
        *reason = g_strdup_printf("it has no %s (another version of convoymap?)", entry);
    else if (!(interface = entry_point()) || (fits && !fits(interface)))
        *reason = g_strdup("it belongs to another version of convoymap");
    if (*reason) {
        g_module_close(module);
        return NULL;
    }
    /* Kept for the life of the process: neither GDAL nor Pango unloads. */
    g_module_make_resident(module);
    return interface;
}

const void *cm_module_interface(cm_context *context, const void **slot, const char *part,
                                const char *file_name,
                                const char *entry, const char *what,
                                gboolean (*fits)(const void *interface))
{
    const void *found = g_atomic_pointer_get(slot);
    if (found)
        return found;
    static GMutex lock;
    char *path = module_path(part, file_name), *reason = NULL;
    g_mutex_lock(&lock);
    found = *slot;
    if (!found) {
        found = open_module(path, entry, fits, &reason);
        g_atomic_pointer_set(slot, found);
    }
    g_mutex_unlock(&lock);
    /* A program run from a build tree without the variable finds no module
     * beside its library: say what finds it. */
    if (!found && context)
        cm_fail(context, CM_ERR_LIBRARY, "cannot load the %s %s: %s%s", what, path, reason,
                g_file_test(path, G_FILE_TEST_EXISTS) ? "" : " (from a build tree, run "
                "through `meson devenv` or set CONVOYMAP_BUILD_DIR)");
    g_free(reason);
    g_free(path);
    return found;
}
