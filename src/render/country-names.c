/* Reading the Arabic country names shipped in geodata/countries-ar.tsv. */
#include "country-names.h"

#include "core/internal.h"

#define HEADER "iso3\tname\tname_ar"

/* Fills names from the lines of path; CM_ERR_DATA naming the bad line. */
static cm_status read_lines(cm_context *context, const char *path, char **lines,
                            GHashTable *names)
{
    if (g_strcmp0(lines[0], HEADER) != 0)
        return cm_fail(context, CM_ERR_DATA, "country names %s: the header is not '%s'", path,
                       HEADER);
    for (size_t i = 1; lines[i] && *lines[i]; i++) {
        char **columns = g_strsplit(lines[i], "\t", -1);
        gboolean ok = g_strv_length(columns) == 3 && *columns[1] && *columns[2] &&
                      g_utf8_validate(lines[i], -1, NULL);
        if (ok)
            g_hash_table_insert(names, g_strdup(columns[1]), g_strdup(columns[2]));
        g_strfreev(columns);
        if (!ok)
            return cm_fail(context, CM_ERR_DATA, "country names %s line %zu is not iso3, "
                           "name and Arabic name", path, i + 1);
    }
    return CM_OK;
}

GHashTable *cm_country_names_ar(cm_context *context)
{
    char *path = cm_data_path(context, "geodata/countries-ar.tsv");
    char *contents;
    GError *error = NULL;
    if (!g_file_get_contents(path, &contents, NULL, &error)) {
        cm_fail(context, CM_ERR_DATA, "country names: %s", error->message);
        g_error_free(error);
        g_free(path);
        return NULL;
    }
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    char **lines = g_strsplit(contents, "\n", -1);
    cm_status status = read_lines(context, path, lines, names);
    g_strfreev(lines);
    g_free(contents);
    g_free(path);
    if (status != CM_OK) {
        g_hash_table_destroy(names);
        return NULL;
    }
    return names;
}
