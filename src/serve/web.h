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

/* Requests that may wait for each of serve_web_handle_later()'s threads;
 * beyond, it refuses them. A full queue then drains in a few
 * seconds, within the server's SERVE_DRAIN_SECONDS. */
#define SERVE_WEB_QUEUE_PER_THREAD 8
/* Most candidates /geocode returns (limit=N). */
#define SERVE_GEOCODE_MAX_LIMIT 50
/* Candidates /geocode returns without limit=, as `convoymap geocode`. */
#define SERVE_GEOCODE_DEFAULT_LIMIT 5

typedef struct serve_web_config {
    const char *data_dir;            /* NULL: $CONVOYMAP_DATA or the installed data */
    const char *const *gazetteers;   /* the user's gazetteer files, NULL-terminated; may be NULL */
    serve_tileset tileset;           /* what /tiles/ serves (copied, its name too) */
    const char *style;               /* the tiles' style, /static's default; NULL: briefing */
    /* Largest side of a /static image, in pixels (PNG) or points (SVG,
     * PDF), scale included; 0: SERVE_MAX_STATIC_SIDE (server.h). Images
     * are also held to SERVE_MAX_STATIC_PIXELS. */
    int max_static_side;
    int threads;                     /* for serve_web_handle_later(); 0: 1 */
    /* The roads database of --roads (a NAME.roads directory), NULL for
     * none: /static draws its roads layer, and /route and /static route
     * on it with roads_options (copied, the vehicle name too) and
     * allow_straight, as `render --roads` and `route --roads` do. */
    const char *roads;
    cm_roads_options roads_options;
    int allow_straight;
} serve_web_config;

typedef struct serve_web serve_web;

/* The endpoints of config (copied). Opens one geocoder (and roads
 * database) at once, so that a bad data directory, gazetteer or roads
 * database fails here rather than on the first request. NULL with *error
 * a one-line message (g_free()) on failure. */
serve_web *serve_web_new(const serve_web_config *config, char **error);

/* Waits for the requests serve_web_handle_later() queued, then frees web. */
void serve_web_free(serve_web *web);

/* Answers a request for one of the paths of this module (/,
 * /tiles.json, /wmts/1.0.0/WMTSCapabilities.xml, /static, /geocode,
 * /route; any other is 404): method
 * ("GET" or "HEAD"; any other is 405), path, the raw query string
 * (percent-encoded, without '?'; NULL for none) and base_url
 * ("http://host:port" from the Host header, no trailing slash; NULL
 * without one: the documents that need it are then 400) into reply
 * (zeroed or cleared by the caller), which the caller then owns. Errors
 * are replies: 400 for a bad query (one line naming the parameter), 404
 * for a /geocode name found nowhere, 422 for a /route or /static whose
 * places cannot be resolved (or, with roads, are off them), 500 when
 * rendering fails. Thread-safe: each call takes a context, geocoder and
 * roads of its own from a pool. */
void serve_web_handle(serve_web *web, const char *method, const char *path, const char *query,
                      const char *base_url, serve_reply *reply);

/* Whether path's answer reads places or renders (/static, /geocode,
 * /route): too slow for a thread that serves other connections meanwhile. */
int serve_web_is_slow(const char *path);

/* Called with the reply of serve_web_handle_later(), which it takes (it
 * frees the body or passes it on). */
typedef void (*serve_web_done_fn)(serve_reply *reply, void *data);

/* serve_web_handle() on one of web's threads (config.threads of them, in
 * the order asked), then done(reply, data) from that thread, or from
 * serve_web_cancel(). The strings are copied. Returns 0 without queuing,
 * with a 503 in *refusal (zeroed or cleared by the caller, who owns it),
 * when SERVE_WEB_QUEUE_PER_THREAD requests per thread wait already or
 * serve_web_cancel() was called; done is then never called. */
int serve_web_handle_later(serve_web *web, const char *method, const char *path,
                           const char *query, const char *base_url, serve_web_done_fn done,
                           void *data, serve_reply *refusal);

/* Answers every request serve_web_handle_later() queued and no thread has
 * taken with 503, and refuses new ones; those being answered finish. For
 * a server that stops: then no connection waits for a queue that will not
 * run. */
void serve_web_cancel(serve_web *web);

/* Centres the tileset's first view (TileJSON's center, the viewer's
 * start) on the routes and marks of scene, resolved, at the zoom that
 * shows them on about a screen; leaves it as it is when scene has none. */
void serve_tileset_center_on(serve_tileset *tileset, const cm_scene *scene);

#endif
