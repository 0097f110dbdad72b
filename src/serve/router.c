/* convoymap serve — the table of endpoints (router.h). */
#include "router.h"

#include <string.h>

#include <glib.h>

#include "metrics-endpoint.h"
#include "tiles.h"
#include "web-endpoint.h"

static const serve_route routes[] = {
    {"/health", 0, serve_health},
    {"/metrics", 0, serve_metrics_endpoint},
    {"/tiles/", 1, serve_tiles_endpoint},
    {"/", 0, serve_web_endpoint},
    {"/tiles.json", 0, serve_web_endpoint},
    {"/wmts/1.0.0/WMTSCapabilities.xml", 0, serve_web_endpoint},
    {"/static", 0, serve_web_endpoint},
    {"/geocode", 0, serve_web_endpoint},
    {"/route", 0, serve_web_endpoint},
};

const serve_route *serve_route_find(const char *path)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const serve_route *route = &routes[i];
        if (route->prefix ? strncmp(path, route->path, strlen(route->path)) == 0
                          : strcmp(path, route->path) == 0)
            return route;
    }
    return NULL;
}

void serve_health(serve_server *server, serve_request *request, serve_reply *reply)
{
    static const char ok[] = "ok\n";
    serve_reply_clear(reply);
    reply->status = 200;
    reply->content_type = "text/plain; charset=utf-8";
    reply->body = g_memdup2(ok, sizeof ok - 1);
    reply->length = sizeof ok - 1;
}
