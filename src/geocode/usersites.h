/* User gazetteers (cm_geocoder_add_gazetteer()): the planner's own sites
 * read from a file into places and folded spellings, which the geocoder
 * searches beside its index. */
#ifndef CM_USERSITES_H
#define CM_USERSITES_H

#include "core/internal.h"

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
