/* convoymap serve — which handler answers which path. Private to src/serve/. */
#ifndef CM_SERVE_ROUTER_H
#define CM_SERVE_ROUTER_H

#include "server.h"

/* Answers request (GET or HEAD) into reply, or parks it with
 * serve_suspend(). */
typedef void (*serve_handler)(serve_server *server, serve_request *request,
                              serve_reply *reply);

typedef struct serve_route {
    const char *path;  /* the whole path, or its start when prefix is set */
    int prefix;
    serve_handler handler;
} serve_route;

/* The route of path, or NULL (404, without touching the file system). */
const serve_route *serve_route_find(const char *path);

/* /health: 200 "ok" while the server runs. */
void serve_health(serve_server *server, serve_request *request, serve_reply *reply);

#endif
