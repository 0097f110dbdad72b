/* convoymap serve — the server as its parts see it: the configuration from
 * the command line, what it draws with, and the state of the tile
 * pipeline and metrics. serve_run() starts it and returns when a SIGTERM or
 * SIGINT has stopped it. Private to src/serve/ and the convoymap program. */
#ifndef CM_SERVE_SERVER_H
#define CM_SERVE_SERVER_H

#include "convoymap/convoymap.h"

#include "reply.h"
#include "request.h"

/* The largest static map (/static) a request may ask for, in pixels per
 * side and in all, so that one request cannot take gigabytes. */
#define SERVE_MAX_STATIC_SIDE 4096
#define SERVE_MAX_STATIC_PIXELS (4096 * 4096)

/* Defaults of the flags (docs/serve.md). */
#define SERVE_DEFAULT_PORT 8080
#define SERVE_DEFAULT_MAX_AGE 86400
#define SERVE_DEFAULT_QUEUE 64
#define SERVE_DEFAULT_IDLE_TIMEOUT 15
/* Open connections in all, and from one address: wrk's and a browser's
 * pages fit; a flood from one client does not take them all. */
#define SERVE_MAX_CONNECTIONS 1024
#define SERVE_MAX_PER_IP 256
/* At most this long to finish in-flight requests once told to stop. */
#define SERVE_DRAIN_SECONDS 10

typedef struct serve_config {
    const char *bind;         /* an IPv4 or IPv6 address; NULL for 127.0.0.1 */
    int port;                 /* 0: a free port, printed */
    int jobs;                 /* render threads */
    int queue_limit;          /* metatiles waiting to render before 503 */
    const char *cache;        /* FILE.mbtiles or DIR, or NULL for none */
    int max_age;              /* Cache-Control max-age of tiles, seconds */
    const char *const *cors_origins; /* NULL-terminated, or NULL; "*" allows any */
    int idle_timeout;         /* seconds a connection may stay silent */
    int max_connections, max_per_ip;
} serve_config;

typedef struct serve_tiles serve_tiles;
typedef struct serve_web serve_web;
typedef struct serve_metrics serve_metrics;

typedef struct serve_server {
    const serve_config *config;
    cm_context *context;      /* the main thread's */
    cm_geocoder *geocoder;    /* for /geocode and /route; may be NULL */
    const cm_scene *scene;    /* the default overlay, resolved */
    /* Tilers of scale 1 ({y}.png) and 2 ({y}@2x.png), prepared, only read
     * while serving. */
    cm_tiler *tilers[2];
    serve_tiles *tiles;       /* the render pool, queue and caches (tiles.c) */
    serve_metrics *metrics;   /* (metrics.c) */
    serve_web *web;           /* the other endpoints (web.h) */
    /* Connections parked (serve_suspend()) and not yet woken or gone:
     * the server stops only once there are none. Atomic. */
    int parked;
} serve_server;

/* A request whose reply comes later from another thread (a tile waiting
 * for its metatile). */
typedef struct serve_exchange serve_exchange;

/* Called by a handler that will reply later: parks the connection (the
 * HTTP thread goes on with others) and returns the exchange to pass to
 * serve_finish(). The handler leaves its reply empty. */
serve_exchange *serve_suspend(serve_request *request);

/* Gives a parked exchange its reply (taken: *reply is zeroed) and wakes its
 * connection. From any thread, once. */
void serve_finish(serve_exchange *exchange, serve_reply *reply);

/* Runs the server until SIGTERM or SIGINT: prints "convoymap: serving on
 * URL" on stderr, then finishes what is in flight (at most
 * SERVE_DRAIN_SECONDS) and closes the caches. Returns 0, or 1 after
 * printing why it could not start or stop cleanly. */
int serve_run(serve_server *server);

#endif
