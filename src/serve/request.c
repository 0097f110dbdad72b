/* convoymap serve — the request-target parser (request.h). */
#include "request.h"

#include <string.h>

serve_method serve_method_parse(const char *text, size_t length)
{
    static const struct {
        const char *name;
        serve_method method;
    } methods[] = {{"GET", SERVE_GET}, {"HEAD", SERVE_HEAD}, {"OPTIONS", SERVE_OPTIONS}};
    for (size_t i = 0; i < G_N_ELEMENTS(methods); i++)
        if (length == strlen(methods[i].name) && memcmp(text, methods[i].name, length) == 0)
            return methods[i].method;
    return SERVE_OTHER;
}

static int hex_value(char c)
{
    return g_ascii_isxdigit(c) ? g_ascii_xdigit_value(c) : -1;
}

/* Decodes text[0..length) into a new string: %XX escapes and, in a query,
 * '+' as space. NULL with *why for a broken or NUL escape, a control
 * character, or (in a path) an escaped '/'. */
static char *decode(const char *text, size_t length, gboolean query, const char **why)
{
    GString *out = g_string_sized_new(length);
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '%') {
            int high = i + 1 < length ? hex_value(text[i + 1]) : -1;
            int low = i + 2 < length ? hex_value(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                *why = "a broken %-escape";
                goto fail;
            }
            c = (unsigned char)(high * 16 + low);
            i += 2;
            if (c == 0) {
                *why = "an escaped NUL (%00)";
                goto fail;
            }
            if (c == '/' && !query) {
                *why = "an escaped '/' (%2F) in the path";
                goto fail;
            }
        } else if (c == '+' && query) {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7f) {
            *why = "a control character";
            goto fail;
        }
        g_string_append_c(out, (char)c);
    }
    return g_string_free(out, FALSE);
fail:
    g_string_free(out, TRUE);
    return NULL;
}

/* TRUE when the decoded path has a "." or ".." segment. */
static gboolean has_dot_segment(const char *path)
{
    for (const char *segment = path; segment; segment = strchr(segment, '/')) {
        segment++;
        size_t n = strcspn(segment, "/");
        if ((n == 1 && segment[0] == '.') || (n == 2 && segment[0] == '.' && segment[1] == '.'))
            return TRUE;
    }
    return FALSE;
}

static unsigned refuse(unsigned status, const char *reason, const char **why)
{
    *why = reason;
    return status;
}

static unsigned parse_query(serve_request *request, const char *query, size_t length,
                            const char **why)
{
    GArray *params = g_array_new(FALSE, FALSE, sizeof(serve_param));
    unsigned status = 0;
    const char *end = query + length;
    for (const char *start = query; status == 0 && start < end;) {
        const char *amp = memchr(start, '&', (size_t)(end - start));
        const char *stop = amp ? amp : end;
        if (stop > start) {
            if (params->len >= SERVE_MAX_PARAMS) {
                status = refuse(400, "too many query parameters", why);
                break;
            }
            const char *equals = memchr(start, '=', (size_t)(stop - start));
            const char *name_end = equals ? equals : stop;
            serve_param param = {decode(start, (size_t)(name_end - start), TRUE, why), NULL};
            if (param.name)
                param.value = equals ? decode(equals + 1, (size_t)(stop - equals - 1), TRUE, why)
                                     : g_strdup("");
            if (!param.name || !param.value) {
                g_free(param.name);
                status = 400;
                break;
            }
            g_array_append_val(params, param);
        }
        start = stop + 1;
    }
    request->n_params = params->len;
    request->params = (serve_param *)(void *)g_array_free(params, FALSE);
    return status;
}

unsigned serve_request_parse(serve_request *request, const char *target, size_t length,
                             const char **why)
{
    request->path = NULL;
    request->params = NULL;
    request->n_params = 0;
    if (length > SERVE_MAX_TARGET)
        return refuse(414, "the URL is too long", why);
    if (length == 0 || target[0] != '/')
        return refuse(400, "the request-target is not a path beginning with '/'", why);
    const char *question = memchr(target, '?', length);
    size_t path_length = question ? (size_t)(question - target) : length;
    /* A fragment never reaches a server; a client that sends one is broken. */
    if (memchr(target, '#', length))
        return refuse(400, "a '#' in the request-target", why);
    request->path = decode(target, path_length, FALSE, why);
    if (!request->path)
        return 400;
    if (has_dot_segment(request->path))
        return refuse(400, "a '.' or '..' segment in the path", why);
    if (question)
        return parse_query(request, question + 1, length - path_length - 1, why);
    return 0;
}

void serve_request_clear(serve_request *request)
{
    for (size_t i = 0; i < request->n_params; i++) {
        g_free(request->params[i].name);
        g_free(request->params[i].value);
    }
    g_free(request->params);
    g_free(request->path);
    request->params = NULL;
    request->n_params = 0;
    request->path = NULL;
}

const char *serve_request_param(const serve_request *request, const char *name)
{
    for (size_t i = 0; i < request->n_params; i++)
        if (strcmp(request->params[i].name, name) == 0)
            return request->params[i].value;
    return NULL;
}

/* A whole number at *text, in canonical form (no sign, no leading zero),
 * at most 10 digits; advances *text past it. FALSE when there is none. */
static gboolean read_number(const char **text, long long *value)
{
    const char *p = *text;
    size_t n = 0;
    *value = 0;
    while (g_ascii_isdigit(p[n]) && n < 11)
        *value = *value * 10 + (p[n++] - '0');
    if (n == 0 || n > 10 || (n > 1 && p[0] == '0'))
        return FALSE;
    *text = p + n;
    return TRUE;
}

unsigned serve_tile_path_parse(const char *path, int max_zoom, serve_tile_target *tile,
                               const char **why)
{
    static const char prefix[] = "/tiles/";
    if (strncmp(path, prefix, strlen(prefix)) != 0)
        return refuse(404, "not a tile URL", why);
    const char *p = path + strlen(prefix);
    long long z, x, y;
    /* The shape first: only then are the numbers' values worth a 400. */
    const char *shape = p;
    gboolean numbers = read_number(&shape, &z) && *shape++ == '/' &&
                       read_number(&shape, &x) && *shape++ == '/' && read_number(&shape, &y);
    int scale = 1;
    if (numbers && strcmp(shape, "@2x.png") == 0)
        scale = 2;
    else if (!numbers || strcmp(shape, ".png") != 0)
        return refuse(404, "not a tile URL: /tiles/{z}/{x}/{y}.png or {y}@2x.png, whole "
                           "numbers without leading zeros", why);
    if (z > max_zoom)
        return refuse(400, "the zoom is beyond the highest served", why);
    if (x >= (1LL << z) || y >= (1LL << z))
        return refuse(400, "x or y is beyond 2^z - 1", why);
    *tile = (serve_tile_target){(int)z, (int)x, (int)y, scale};
    return 0;
}
