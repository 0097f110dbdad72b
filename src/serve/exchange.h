/* convoymap serve — one request on its way through the HTTP layer
 * (http.c), and the parking of those whose reply comes later from a
 * render thread (tiles.c). Private to src/serve/. */
#ifndef CM_SERVE_EXCHANGE_H
#define CM_SERVE_EXCHANGE_H

#include <microhttpd.h>

#include "server.h"

/* One request, from its URI to the reply sent. */
struct serve_exchange {
    serve_server *server;
    struct MHD_Connection *connection;
    char *target;           /* the raw request-target */
    serve_request request;
    serve_reply reply;
    int headers_seen;       /* the access handler was called once */
    int started;            /* the handler ran */
    int suspended;          /* waiting for serve_finish() */
};

#endif
