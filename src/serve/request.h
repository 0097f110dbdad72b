/* convoymap serve — what a request asks for, parsed from the raw
 * request-target (path and query, as the client sent them) by our own code
 * rather than the HTTP library's, so that the one parser that decides what
 * reaches a handler takes a buffer and can be fuzzed
 * (tests/fuzz/fuzz-serve-request.c). Private to src/serve/. */
#ifndef CM_SERVE_REQUEST_H
#define CM_SERVE_REQUEST_H

#include <stddef.h>

#include <glib.h>

/* Longest request-target taken; longer ones get 414. Tile and TileJSON URLs
 * are under 100 bytes, a /static query with a long route a few hundred. */
#define SERVE_MAX_TARGET 4096
/* Most query parameters taken; more get 400. */
#define SERVE_MAX_PARAMS 64

typedef enum serve_method {
    SERVE_GET,
    SERVE_HEAD,
    SERVE_OPTIONS,
    SERVE_OTHER, /* answered 405 */
} serve_method;

typedef struct serve_param {
    char *name, *value; /* percent-decoded, '+' as space */
} serve_param;

struct serve_exchange;

typedef struct serve_request {
    serve_method method;
    char *path;            /* percent-decoded, begins with '/' */
    serve_param *params;   /* n_params of them, in order */
    size_t n_params;
    const char *host;      /* Host header, or NULL; owned by the HTTP layer */
    const char *origin;    /* Origin header, or NULL; owned by the HTTP layer */
    int prefetch;          /* 1: the client marked it a prefetch (Sec-Purpose) */
    struct serve_exchange *exchange; /* the HTTP layer's, for serve_suspend() */
} serve_request;

/* The method named by text (length bytes). */
serve_method serve_method_parse(const char *text, size_t length);

/* Parses target (length bytes, not NUL-terminated: the request-target of
 * the request line, "/tiles/3/4/2.png?x=1") into request's path and params.
 * Returns 0, or the status to refuse it with and *why, a static one-line
 * reason: 414 when longer than SERVE_MAX_TARGET; 400 for a target not
 * starting with '/', a bad or NUL (%00) escape, a control character, an
 * escaped '/' in the path, a "." or ".." segment, or too many params.
 * Clear the request with serve_request_clear() in either case. */
unsigned serve_request_parse(serve_request *request, const char *target, size_t length,
                             const char **why);

/* Frees what serve_request_parse() set and zeroes those fields. */
void serve_request_clear(serve_request *request);

/* The value of the first param called name, or NULL. */
const char *serve_request_param(const serve_request *request, const char *name);

/* A tile URL: /tiles/{z}/{x}/{y}.png (scale 1) or {y}@2x.png (scale 2). */
typedef struct serve_tile_target {
    int z, x, y, scale;
} serve_tile_target;

/* Parses path (decoded, "/tiles/3/4/2.png") as a tile URL. Returns 0, 404
 * when it is not of the grammar (no such resource), or 400 for numbers
 * with a sign or leading zeros, a zoom above max_zoom or x or y beyond
 * 2^z - 1; *why as for serve_request_parse(). */
unsigned serve_tile_path_parse(const char *path, int max_zoom, serve_tile_target *tile,
                               const char **why);

#endif
