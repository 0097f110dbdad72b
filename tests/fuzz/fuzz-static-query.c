/* Fuzzes the query strings of serve's /static, /geocode and /route
 * (src/serve/static-query.c): whatever the input, a failure is one line
 * naming the parameter, and what is accepted is UTF-8 that, percent-encoded
 * again, reads back the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "serve/static-query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The values of table in values, in table order, one "name=value" each. */
static GPtrArray *pairs(const serve_query_param *table, size_t n, const void *values)
{
    GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < n; i++) {
        const void *slot = (const char *)values + table[i].offset;
        if (table[i].repeatable) {
            for (char **value = *(char **const *)slot; value && *value; value++)
                g_ptr_array_add(list, g_strdup_printf("%s=%s", table[i].name, *value));
        } else if (*(char *const *)slot) {
            g_ptr_array_add(list, g_strdup_printf("%s=%s", table[i].name,
                                                  *(char *const *)slot));
        }
    }
    return list;
}

/* The query that encodes list again, every value percent-encoded. */
static char *encode(const GPtrArray *list)
{
    GString *query = g_string_new(NULL);
    for (guint i = 0; i < list->len; i++) {
        const char *pair = list->pdata[i];
        const char *equals = strchr(pair, '=');
        char *name = g_strndup(pair, equals - pair);
        char *value = g_uri_escape_string(equals + 1, NULL, FALSE);
        g_string_append_printf(query, "%s%s=%s", i ? "&" : "", name, value);
        g_free(value);
        g_free(name);
    }
    return g_string_free(query, FALSE);
}

static void check(const char *query, const serve_query_param *table, size_t n, size_t size)
{
    void *values = g_malloc0(size);
    char *error = NULL;
    if (!serve_query_parse(query, table, n, values, &error)) {
        if (!error || !*error || strchr(error, '\n') || !g_utf8_validate(error, -1, NULL))
            abort();
        g_free(error);
        serve_query_clear(table, n, values);
        g_free(values);
        return;
    }
    if (error)
        abort();
    GPtrArray *first = pairs(table, n, values);
    for (guint i = 0; i < first->len; i++)
        if (!g_utf8_validate(first->pdata[i], -1, NULL))
            abort();
    char *again = encode(first);
    void *reread = g_malloc0(size);
    if (!serve_query_parse(again, table, n, reread, &error))
        abort();
    GPtrArray *second = pairs(table, n, reread);
    if (second->len != first->len)
        abort();
    for (guint i = 0; i < first->len; i++)
        if (strcmp(first->pdata[i], second->pdata[i]) != 0)
            abort();
    g_ptr_array_free(second, TRUE);
    g_ptr_array_free(first, TRUE);
    g_free(again);
    serve_query_clear(table, n, reread);
    serve_query_clear(table, n, values);
    g_free(reread);
    g_free(values);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An embedded NUL ends the query, as it ends the URL a server reads. */
    char *query = g_strndup((const char *)data, size);
    check(query, serve_static_params, serve_static_param_count, sizeof(serve_static_query));
    check(query, serve_geocode_params, serve_geocode_param_count, sizeof(serve_geocode_query));
    check(query, serve_route_params, serve_route_param_count, sizeof(serve_route_query));
    g_free(query);
    return 0;
}
