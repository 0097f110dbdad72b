/* convoymap serve — the tile pipeline: the cache, the render threads, the
 * queue and the coalescing of requests for one metatile. Private to
 * src/serve/. */
#ifndef CM_SERVE_TILES_H
#define CM_SERVE_TILES_H

#include "server.h"

/* Opens the caches and starts the render threads of server (which must
 * outlive the result: its tilers, config and metrics are used, not
 * copied). The caller owns the result and frees it with
 * serve_tiles_free(). NULL after printing why (one line), with the exit
 * status in *exit_code: 2 for a cache drawn otherwise or named like an
 * image, 1 for other failures. */
serve_tiles *serve_tiles_new(serve_server *server, int *exit_code);

/* Answers every request still waiting with 503 and takes no more work. */
void serve_tiles_cancel(serve_tiles *tiles);

/* Stops the threads and closes the caches; FALSE after printing why a
 * cache could not be closed cleanly. NULL is allowed. */
gboolean serve_tiles_free(serve_tiles *tiles);

/* /tiles/{z}/{x}/{y}.png and {y}@2x.png (a serve_handler, router.h). */
void serve_tiles_endpoint(serve_server *server, serve_request *request, serve_reply *reply);

/* Metatiles waiting, and rendering now. */
void serve_tiles_load(serve_tiles *tiles, unsigned *queued, unsigned *rendering);

#endif
