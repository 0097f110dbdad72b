/* Private declarations shared by the library's modules. Not installed. */
#ifndef CM_INTERNAL_H
#define CM_INTERNAL_H

#include <glib.h>
#include <proj.h>

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include "convoymap/convoymap.h"

struct cm_context {
    char *data_dir;
    PJ_CONTEXT *proj;
    GEOSContextHandle_t geos;       /* created on first use */
    struct cm_geopackage *basemap;  /* opened on first use (geopackage.h) */
    char *basemap_error;            /* why it could not be opened */
    cm_status status;
    GString *message;
};

/* Records a failure on the context and returns status, so that callers can
 * write `return cm_fail(ctx, CM_ERR_INPUT, "...", ...);`. */
cm_status cm_fail(cm_context *context, cm_status status, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

/* The context's GEOS handle, created on first use and freed with the
 * context: GEOS's reentrant API wants one per thread, as contexts are. */
GEOSContextHandle_t cm_context_geos(cm_context *context);

/* The index of text among the n names (any case), or -1: the parser of
 * every keyword option (units, formats, grids). */
int cm_keyword_index(const char *text, const char *const *names, size_t n);

/* Path of a file in the data directory; the caller frees it with g_free(). */
char *cm_data_path(const cm_context *context, const char *name);

/* Path of a file that the build makes from the shipped data, such as the
 * gazetteer index: in the data directory's geodata/, or in this build's
 * tree when the data directory is the source tree it was built from. The
 * caller frees it with g_free(). */
char *cm_index_path(const cm_context *context, const char *name);

/* The context a geocoder reports through. */
cm_context *cm_geocoder_context(cm_geocoder *geocoder);

/* place's name without a trailing " border crossing" (any case), as it
 * reads inside a crossing's name. The caller frees it with g_free(). */
char *cm_place_short_name(const cm_place *place);

/* Appends text to out as a JSON string literal, quotes included. */
void cm_json_append_string(GString *out, const char *text);

/* Deep copy of a route; the caller frees it with cm_route_free(). */
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
