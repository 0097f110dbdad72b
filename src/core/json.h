/* JSON string literals for the library's JSON writers: route reports
 * (report.c), geocoder answers (geocode-report.c) and the tile directory's
 * metadata.json (the drawing module, hence CM_PRIVATE). */
#ifndef CM_JSON_H
#define CM_JSON_H

#include <glib.h>

#include "private-export.h"

/* Appends text (UTF-8, not NULL) to out as a JSON string literal, quotes
 * included: '"' and '\\' escaped, control characters as \n, \t or \u00XX. */
CM_PRIVATE
void cm_json_append_string(GString *out, const char *text);

/* cm_json_append_string(), or null for NULL text. */
void cm_json_append_string_or_null(GString *out, const char *text);

#endif
