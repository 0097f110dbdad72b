/* Private declarations shared by the library's modules, chiefly the
 * context's (context.c, which alone sees struct cm_context: other modules
 * go through these accessors). Not installed. */
#ifndef CM_INTERNAL_H
#define CM_INTERNAL_H

#include <glib.h>
#include <proj.h>

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include "convoymap/convoymap.h"

#include "private-export.h"

/* Records a failure on the context and returns status, so that callers can
 * write `return cm_fail(ctx, CM_ERR_INPUT, "...", ...);`. */
CM_PRIVATE
cm_status cm_fail(cm_context *context, cm_status status, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

/* The context's GEOS handle, created on first use and freed with the
 * context: GEOS's reentrant API wants one per thread, as contexts are. */
CM_PRIVATE
GEOSContextHandle_t cm_context_geos(cm_context *context);

/* A PROJ context for PROJ strings such as "+proj=utm +zone=38": it finds
 * no proj.db, because PROJ 9.1 (Debian 12) opens and prepares the database
 * for every proj_create() otherwise, 5 ms a process that only formats an
 * MGRS reference. PROJ strings need no database; EPSG codes and WKT must use
 * cm_context_proj(). Created on first use and freed with the context. */
CM_PRIVATE
PJ_CONTEXT *cm_context_proj_strings(cm_context *context);

/* The context's PROJ context, with proj.db, for EPSG codes and WKT; offline
 * (no grid downloads) and silent. Owned by the context. */
PJ_CONTEXT *cm_context_proj(cm_context *context);

/* Attaches data to the context under key (a static string), replacing and
 * destroying what was there; destroy (or NULL) frees data with the context,
 * before its PROJ and GEOS contexts, which data may use. This is how a
 * module keeps a per-context cache (the basemap, geopackage.h) without the
 * context knowing its type. */
CM_PRIVATE
void cm_context_set_data(cm_context *context, const char *key, void *data,
                         GDestroyNotify destroy);

/* What cm_context_set_data() attached under key, or NULL; owned by the
 * context. */
CM_PRIVATE
void *cm_context_get_data(cm_context *context, const char *key);

/* The index of text among the n names (any case), or -1: the parser of
 * every keyword option (units, formats, grids). */
CM_PRIVATE
int cm_keyword_index(const char *text, const char *const *names, size_t n);

/* The basemap in the data directory; its presence marks a data directory. */
#define CM_BASEMAP_FILE "geodata/world.gpkg"

/* Path of a file in the data directory; the caller frees it with g_free(). */
CM_PRIVATE
char *cm_data_path(const cm_context *context, const char *name);

/* Path of a file that the build makes from the shipped data, such as the
 * gazetteer index: in the data directory's geodata/, or else, when the
 * data directory is $CONVOYMAP_DATA's, at the root of $CONVOYMAP_BUILD_DIR
 * (a program run from the build tree). The caller frees it with g_free(). */
CM_PRIVATE
char *cm_index_path(const cm_context *context, const char *name);

/* The context a geocoder reports through. */
cm_context *cm_geocoder_context(cm_geocoder *geocoder);

/* Deep copy of a route; the caller frees it with cm_route_free(). */
CM_PRIVATE
cm_route *cm_route_copy(const cm_route *route);

/* Records how leg i of route was routed on roads (copied, strings too);
 * what cm_route_leg_roads_get() returns. */
void cm_route_set_leg_roads(cm_route *route, size_t i, const cm_route_leg_roads *roads);

#endif
