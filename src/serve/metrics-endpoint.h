/* convoymap serve — the router's handler of /metrics: the counters of
 * metrics.h with the tile queue's depth from tiles.h, apart from both so
 * that neither depends on the other. Private to src/serve/. */
#ifndef CM_SERVE_METRICS_ENDPOINT_H
#define CM_SERVE_METRICS_ENDPOINT_H

#include "server.h"

/* /metrics: server->metrics with the tile queue's depth (a serve_handler,
 * router.h); reply (cleared here) then holds the text. */
void serve_metrics_endpoint(serve_server *server, serve_request *request, serve_reply *reply);

#endif
