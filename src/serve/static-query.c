/* convoymap serve — the query strings of /static, /geocode and /route
 * (static-query.h). */
#include "static-query.h"

#include <stddef.h>
#include <string.h>

#include <glib.h>

/* Longest part of a parameter's name quoted in a message. */
#define QUOTED_NAME_MAX 64

const serve_query_param serve_static_params[] = {
    {"route", 1, offsetof(serve_static_query, routes)},
    {"mark", 1, offsetof(serve_static_query, marks)},
    {"bbox", 0, offsetof(serve_static_query, bbox)},
    {"center", 0, offsetof(serve_static_query, center)},
    {"radius_km", 0, offsetof(serve_static_query, radius_km)},
    {"size", 0, offsetof(serve_static_query, size)},
    {"scale", 0, offsetof(serve_static_query, scale)},
    {"format", 0, offsetof(serve_static_query, format)},
    {"style", 0, offsetof(serve_static_query, style)},
    {"labels", 0, offsetof(serve_static_query, labels)},
    {"title", 0, offsetof(serve_static_query, title)},
    {"banner", 0, offsetof(serve_static_query, banner)},
    {"dtg", 0, offsetof(serve_static_query, dtg)},
    {"grid", 0, offsetof(serve_static_query, grid)},
};
const size_t serve_static_param_count = G_N_ELEMENTS(serve_static_params);

const serve_query_param serve_geocode_params[] = {
    {"q", 0, offsetof(serve_geocode_query, q)},
    {"limit", 0, offsetof(serve_geocode_query, limit)},
    {"country", 0, offsetof(serve_geocode_query, country)},
};
const size_t serve_geocode_param_count = G_N_ELEMENTS(serve_geocode_params);

const serve_query_param serve_route_params[] = {
    {"route", 1, offsetof(serve_route_query, routes)},
    {"units", 0, offsetof(serve_route_query, units)},
};
const size_t serve_route_param_count = G_N_ELEMENTS(serve_route_params);

static int hex_value(char c)
{
    return g_ascii_isxdigit(c) ? g_ascii_xdigit_value(c) : -1;
}

/* The n bytes of text percent-decoded, '+' as a space; NULL when a '%' is
 * not followed by two hex digits, when it decodes to NUL or when the
 * result is not UTF-8. */
static char *percent_decode(const char *text, size_t n)
{
    char *out = g_malloc(n + 1), *end = out;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '+') {
            *end++ = ' ';
        } else if (text[i] != '%') {
            *end++ = text[i];
        } else {
            int high = i + 2 < n ? hex_value(text[i + 1]) : -1;
            int low = i + 2 < n ? hex_value(text[i + 2]) : -1;
            int byte = high < 0 || low < 0 ? -1 : high * 16 + low;
            if (byte <= 0) {
                g_free(out);
                return NULL;
            }
            *end++ = (char)byte;
            i += 2;
        }
    }
    *end = '\0';
    if (!g_utf8_validate(out, end - out, NULL)) {
        g_free(out);
        return NULL;
    }
    return out;
}

/* name as it can be quoted on one line: control characters as '?', cut
 * to QUOTED_NAME_MAX bytes (on a character boundary). */
static char *quotable(const char *name)
{
    char *copy = g_utf8_make_valid(name, -1);
    if (strlen(copy) > QUOTED_NAME_MAX)
        *g_utf8_find_prev_char(copy, copy + QUOTED_NAME_MAX + 1) = '\0';
    for (char *c = copy; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = '?';
    return copy;
}

/* The table's names, comma-separated, for a message. */
static char *known_names(const serve_query_param *table, size_t n)
{
    GString *names = g_string_new(NULL);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(names, "%s%s", i ? ", " : "", table[i].name);
    return g_string_free(names, FALSE);
}

static const serve_query_param *find_param(const serve_query_param *table, size_t n,
                                           const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

/* Stores value (taken) in the slot of param; 0 with *error when a single
 * parameter already has one. */
static int store(const serve_query_param *param, void *values, char *value, char **error)
{
    void *slot = (char *)values + param->offset;
    if (param->repeatable) {
        char ***list = slot;
        size_t count = *list ? g_strv_length(*list) : 0;
        *list = g_renew(char *, *list, count + 2);
        (*list)[count] = value;
        (*list)[count + 1] = NULL;
        return 1;
    }
    char **single = slot;
    if (*single) {
        *error = g_strdup_printf("parameter '%s' is given twice; it takes one value",
                                 param->name);
        g_free(value);
        return 0;
    }
    *single = value;
    return 1;
}

/* One "name=value" pair of n bytes into values. */
static int parse_pair(const char *pair, size_t n, const serve_query_param *table,
                      size_t count, void *values, char **error)
{
    const char *equals = memchr(pair, '=', n);
    size_t name_length = equals ? (size_t)(equals - pair) : n;
    char *name = percent_decode(pair, name_length);
    if (!name) {
        char *raw = g_strndup(pair, name_length);
        char *shown = quotable(raw);
        *error = g_strdup_printf("parameter name '%s' is not percent-encoded UTF-8", shown);
        g_free(shown);
        g_free(raw);
        return 0;
    }
    const serve_query_param *param = find_param(table, count, name);
    int ok = 0;
    if (!param) {
        char *shown = quotable(name), *known = known_names(table, count);
        *error = g_strdup_printf("unknown parameter '%s' (known: %s)", shown, known);
        g_free(known);
        g_free(shown);
    } else if (!equals) {
        *error = g_strdup_printf("parameter '%s' has no value (%s=...)", name, name);
    } else {
        char *value = percent_decode(equals + 1, n - name_length - 1);
        if (!value)
            *error = g_strdup_printf("the value of parameter '%s' is not percent-encoded "
                                     "UTF-8 (%%00 and a '%%' without two hex digits are "
                                     "refused)", name);
        else
            ok = store(param, values, value, error);
    }
    g_free(name);
    return ok;
}

int serve_query_parse(const char *query, const serve_query_param *table, size_t n,
                      void *values, char **error)
{
    *error = NULL;
    for (const char *pair = query; pair && *pair;) {
        const char *end = strchr(pair, '&');
        size_t length = end ? (size_t)(end - pair) : strlen(pair);
        if (length && !parse_pair(pair, length, table, n, values, error))
            return 0;
        pair = end ? end + 1 : pair + length;
    }
    return 1;
}

void serve_query_clear(const serve_query_param *table, size_t n, void *values)
{
    for (size_t i = 0; i < n; i++) {
        void *slot = (char *)values + table[i].offset;
        if (table[i].repeatable) {
            g_strfreev(*(char ***)slot);
            *(char ***)slot = NULL;
        } else {
            g_free(*(char **)slot);
            *(char **)slot = NULL;
        }
    }
}
