/* Private declarations shared by the library's modules. Not installed. */
#ifndef CM_INTERNAL_H
#define CM_INTERNAL_H

#include <glib.h>
#include <proj.h>

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include "convoymap/convoymap.h"

#include "private-export.h"

struct cm_context {
    char *data_dir;
    PJ_CONTEXT *proj;
    PJ_CONTEXT *proj_strings;       /* created on first use */
    GEOSContextHandle_t geos;       /* created on first use */
    struct cm_geopackage *basemap;  /* opened on first use (geopackage.h) */
    char *basemap_error;            /* why it could not be opened */
    cm_status status;
    GString *message;
};

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
 * context->proj. Created on first use and freed with the context. */
CM_PRIVATE
PJ_CONTEXT *cm_context_proj_strings(cm_context *context);

/* The index of text among the n names (any case), or -1: the parser of
 * every keyword option (units, formats, grids). */
CM_PRIVATE
int cm_keyword_index(const char *text, const char *const *names, size_t n);

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

/* place's name without a trailing " border crossing" (any case), as it
 * reads inside a crossing's name. The caller frees it with g_free(). */
char *cm_place_short_name(const cm_place *place);

/* Appends text to out as a JSON string literal, quotes included. */
CM_PRIVATE
void cm_json_append_string(GString *out, const char *text);

/* cm_json_append_string(), or null for NULL text. */
void cm_json_append_string_or_null(GString *out, const char *text);

/* Deep copy of a route; the caller frees it with cm_route_free(). */
CM_PRIVATE
cm_route *cm_route_copy(const cm_route *route);

/* A site of a user gazetteer: its place and the spellings it answers to
 * (name first, then aliases), folded once as the index's are: literals
 * (cm_fold_literal()) and keys (cm_fold_key()), parallel. */
typedef struct cm_user_site {
    cm_place *place;
    char **literals, **keys;
} cm_user_site;

void cm_user_site_free(cm_user_site *site);

/* Reads the sites of the gazetteer file at path (see
 * cm_geocoder_add_gazetteer()) and appends them to sites, an array that
 * frees its elements with cm_user_site_free(). On failure appends nothing
 * and returns CM_ERR_INPUT naming the file and the bad line or feature. */
cm_status cm_user_sites_read(cm_context *context, const char *path, GPtrArray *sites);

#endif
