/* Loading convoymap's own modules (convoymap-ogr.so, convoymap-render.so):
 * the parts of the library that bring heavy dependencies, opened on first
 * use and kept for the life of the process. */
#ifndef CM_MODULE_LOADER_H
#define CM_MODULE_LOADER_H

#include "internal.h"

/* The interface of the module file_name of the part (its folder in src/,
 * where the build tree has it; what: how messages name it), the
 * result of its function entry, kept in *slot for later calls from any
 * thread. When fits is given, it must accept the interface. Returns NULL
 * with CM_ERR_LIBRARY naming the module's path when it cannot be loaded
 * (context may be NULL to report nothing). Static: nothing to free. */
const void *cm_module_interface(cm_context *context, const void **slot, const char *part,
                                const char *file_name,
                                const char *entry, const char *what,
                                gboolean (*fits)(const void *interface));

#endif
