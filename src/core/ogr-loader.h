/* The GDAL/OGR module (ogr-module.h) seen from the library: loaded on the
 * first use, kept for the life of the process. */
#ifndef CM_OGR_LOADER_H
#define CM_OGR_LOADER_H

#include "internal.h"
#include "ogr/ogr-module.h"

/* The module's functions, or NULL with CM_ERR_LIBRARY naming the module's
 * path when it cannot be loaded. Static: nothing to free. */
const cm_ogr_api *cm_ogr_module(cm_context *context);

/* Opens a vector file the user gave (what: "route file", "gazetteer";
 * formats: what it may be, for the message) through the module, CSV
 * coordinates found under their usual column names. Refuses what is not a
 * regular file (OGR would block on a FIFO no one writes to). Returns the
 * dataset, closed with (*api)->close(), or NULL with CM_ERR_INPUT naming
 * path (CM_ERR_LIBRARY without the module). */
void *cm_open_user_vector(cm_context *context, const char *path, const char *what,
                          const char *formats, const cm_ogr_api **api);

#endif
