/* The Arabic names of the basemap's countries, for map labels in Arabic:
 * geodata/countries-ar.tsv (made by geodata/build-country-names.sh). */
#ifndef CM_COUNTRY_NAMES_H
#define CM_COUNTRY_NAMES_H

#include <glib.h>

#include "convoymap/context.h"

#include "core/private-export.h"

/* A table from a country's English name, as the countries layer of
 * world.gpkg spells it (cm_country_label.name), to its Arabic name. Returns
 * a new table the caller frees with g_hash_table_destroy(), or NULL with
 * CM_ERR_DATA on the context when the file is missing or malformed. */
CM_PRIVATE
GHashTable *cm_country_names_ar(cm_context *context);

#endif
