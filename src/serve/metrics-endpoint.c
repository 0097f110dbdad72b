/* convoymap serve — /metrics (metrics-endpoint.h). */
#include "metrics-endpoint.h"

#include <string.h>

#include "metrics.h"
#include "tiles.h"

void serve_metrics_endpoint(serve_server *server, serve_request *request, serve_reply *reply)
{
    unsigned queued, rendering;
    serve_tiles_load(server->tiles, &queued, &rendering);
    char *text = serve_metrics_text(server->metrics, queued, rendering);
    serve_reply_clear(reply);
    reply->status = 200;
    reply->content_type = "text/plain; version=0.0.4; charset=utf-8";
    reply->length = strlen(text);
    reply->body = (unsigned char *)text;
}
