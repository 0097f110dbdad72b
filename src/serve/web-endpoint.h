/* convoymap serve — the router's handler of the paths of web.h (the
 * viewer, TileJSON, WMTS, /static, /geocode, /route). Private to
 * src/serve/. */
#ifndef CM_SERVE_WEB_ENDPOINT_H
#define CM_SERVE_WEB_ENDPOINT_H

#include "server.h"

/* Answers request with server->web, or parks it (serve_suspend()) while
 * one of serve_web's threads draws or reads places. */
void serve_web_endpoint(serve_server *server, serve_request *request, serve_reply *reply);

#endif
