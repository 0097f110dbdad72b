/* convoymap serve — the query strings of /static, /geocode and /route:
 * "name=value&..." percent-decoded and checked against each endpoint's
 * table of parameters, so that an unknown parameter or a single one given
 * twice is refused with one line naming it rather than ignored. The
 * /static parameters are the flags of `convoymap render` (route, mark,
 * bbox, center, ...), read by the same library parsers where they are
 * used (web.c). Pure string work: no library call, so the fuzz target
 * (tests/fuzz/fuzz-static-query.c) runs it alone. Private to src/serve/. */
#ifndef CM_SERVE_STATIC_QUERY_H
#define CM_SERVE_STATIC_QUERY_H

#include <stddef.h>

/* A parameter an endpoint takes: its name, whether it may be repeated,
 * and where its value goes in the endpoint's struct (offsetof): a char *
 * for a single parameter, a NULL-terminated char ** (g_strv) for a
 * repeatable one. */
typedef struct serve_query_param {
    const char *name;
    int repeatable;
    size_t offset;
} serve_query_param;

/* Decodes query (the raw text after '?', without it; NULL or "" for none)
 * into the struct at values (zeroed by the caller) by the n parameters of
 * table: values are percent-decoded, '+' read as a space (as HTML forms
 * send it), and must be valid UTF-8 without NUL. Empty pairs ("a=1&&b=2")
 * are skipped. Returns 1, or 0 with *error a one-line message the caller
 * frees with g_free() naming the parameter at fault (unknown, given twice,
 * with no '=', badly encoded); the values set before the failure stay in
 * values, to be freed with serve_query_clear(). */
int serve_query_parse(const char *query, const serve_query_param *table, size_t n,
                      void *values, char **error);

/* Frees the values serve_query_parse() stored in values by table and
 * zeroes them. */
void serve_query_clear(const serve_query_param *table, size_t n, void *values);

/* The parameters of /static, each a `convoymap render` flag of the same
 * meaning (radius_km is --radius-km). */
typedef struct serve_static_query {
    char **routes; /* route=SPEC, repeatable: "name=N; A > B > C" as --route */
    char **marks;  /* mark=SITE, repeatable */
    char *bbox, *center, *radius_km, *size, *scale, *format, *style, *labels, *title,
        *banner, *dtg, *grid;
} serve_static_query;

extern const serve_query_param serve_static_params[];
extern const size_t serve_static_param_count;

/* The parameters of /geocode: q (the query), limit, country. */
typedef struct serve_geocode_query {
    char *q, *limit, *country;
} serve_geocode_query;

extern const serve_query_param serve_geocode_params[];
extern const size_t serve_geocode_param_count;

/* The parameters of /route: route (repeatable), units. */
typedef struct serve_route_query {
    char **routes;
    char *units;
} serve_route_query;

extern const serve_query_param serve_route_params[];
extern const size_t serve_route_param_count;

#endif
