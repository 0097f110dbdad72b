/* convoymap serve — the endpoints besides the tiles: the viewer page (/),
 * the TileJSON and WMTS documents, static maps (/static), and the
 * geocoding and route reports (/geocode, /route) as the CLI prints them
 * in JSON. The HTTP layer hands each request's method, path, raw query
 * and base URL to serve_web_handle(), from any of its threads at once.
 * Private to src/serve/. */
#ifndef CM_SERVE_WEB_H
#define CM_SERVE_WEB_H

#include "capabilities.h"
#include "reply.h"

/* Largest side of a /static image, in pixels (PNG) or points (SVG, PDF),
 * scale included, when the server sets none: a 4096 x 4096 PNG is about
 * 64 MB of pixels while it is drawn. */
#define SERVE_STATIC_MAX_SIDE 4096
/* Most candidates /geocode returns (limit=N). */
#define SERVE_GEOCODE_MAX_LIMIT 50
/* Candidates /geocode returns without limit=, as `convoymap geocode`. */
#define SERVE_GEOCODE_DEFAULT_LIMIT 5

typedef struct serve_web_config {
    const char *data_dir;            /* NULL: $CONVOYMAP_DATA or the installed data */
    const char *const *gazetteers;   /* the user's gazetteer files, NULL-terminated; may be NULL */
    serve_tileset tileset;           /* what /tiles/ serves (copied, its name too) */
    const char *style;               /* the tiles' style, /static's default; NULL: briefing */
    int max_static_side;             /* 0: SERVE_STATIC_MAX_SIDE */
} serve_web_config;

typedef struct serve_web serve_web;

/* The endpoints of config (copied). Opens one geocoder at once, so that a
 * bad data directory or gazetteer fails here rather than on the first
 * request. NULL with *error a one-line message (g_free()) on failure. */
serve_web *serve_web_new(const serve_web_config *config, char **error);

void serve_web_free(serve_web *web);

/* Whether path is one of the endpoints of this module (the router sends
 * it here rather than answering 404). */
int serve_web_owns(const char *path);

/* Answers a request for one of the paths serve_web_owns() accepts: method
 * ("GET" or "HEAD"; any other is 405), path, the raw query string
 * (percent-encoded, without '?'; NULL for none) and base_url
 * ("http://host:port" from the Host header, no trailing slash) into reply
 * (zeroed or cleared by the caller), which the caller then owns. Errors
 * are replies: 400 for a bad query (one line naming the parameter), 404
 * for a /geocode name found nowhere, 422 for a /route or /static whose
 * places cannot be resolved, 500 when rendering fails. Thread-safe: each
 * call takes a geocoder and context of its own from a pool. */
void serve_web_handle(serve_web *web, const char *method, const char *path, const char *query,
                      const char *base_url, serve_reply *reply);

#endif
