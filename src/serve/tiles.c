/* convoymap serve — /tiles/{z}/{x}/{y}.png (tiles.h). */
#include "tiles.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "metrics.h"
#include "router.h"

struct serve_tiles {
    serve_server *server;
    GMutex lock; /* the tilers draw one tile at a time */
};

serve_tiles *serve_tiles_new(serve_server *server)
{
    serve_tiles *tiles = g_new0(serve_tiles, 1);
    tiles->server = server;
    g_mutex_init(&tiles->lock);
    return tiles;
}

void serve_tiles_cancel(serve_tiles *tiles)
{
}

gboolean serve_tiles_free(serve_tiles *tiles)
{
    if (tiles) {
        g_mutex_clear(&tiles->lock);
        g_free(tiles);
    }
    return TRUE;
}

void serve_tiles_load(serve_tiles *tiles, unsigned *queued, unsigned *rendering)
{
    *queued = 0;
    *rendering = 0;
}

void serve_tiles_endpoint(serve_server *server, serve_request *request, serve_reply *reply)
{
    serve_tile_target target;
    const char *why;
    unsigned refused = serve_tile_path_parse(request->path, CM_TILE_MAX_ZOOM, &target, &why);
    if (refused) {
        serve_reply_error(reply, refused, "%s", why);
        return;
    }
    serve_tiles *tiles = server->tiles;
    unsigned char *png;
    size_t length;
    g_mutex_lock(&tiles->lock);
    cm_status status = cm_tiler_render_tile(server->tilers[target.scale - 1],
                                            (cm_tile){target.z, target.x, target.y}, &png,
                                            &length);
    g_mutex_unlock(&tiles->lock);
    if (status != CM_OK) {
        serve_reply_error(reply, 500, "rendering failed");
        return;
    }
    serve_reply_clear(reply);
    reply->status = 200;
    reply->content_type = "image/png";
    reply->body = g_memdup2(png, length);
    reply->length = length;
    reply->cacheable = 1;
    cm_free(png);
}

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
