/* convoymap serve — the router's handler of the paths of web.h: the
 * request as the HTTP layer parsed it handed to serve_web, the slow ones
 * (that read places or render) on serve_web's threads while the
 * connection is parked, so that the HTTP threads go on serving tiles. */
#include <glib.h>

#include "web-endpoint.h"

#include "web.h"

/* The parsed parameters as a query string again, each name and value
 * percent-encoded, which serve_web's parser reads back as they were. */
static char *encode_query(const serve_request *request)
{
    GString *query = g_string_new(NULL);
    for (size_t i = 0; i < request->n_params; i++) {
        char *name = g_uri_escape_string(request->params[i].name, NULL, FALSE);
        char *value = g_uri_escape_string(request->params[i].value, NULL, FALSE);
        g_string_append_printf(query, "%s%s=%s", i ? "&" : "", name, value);
        g_free(value);
        g_free(name);
    }
    return g_string_free(query, FALSE);
}

static void finish(serve_reply *reply, void *exchange)
{
    serve_finish(exchange, reply);
}

void serve_web_endpoint(serve_server *server, serve_request *request, serve_reply *reply)
{
    char *query = encode_query(request);
    char *base_url = request->host ? g_strconcat("http://", request->host, NULL) : NULL;
    const char *method = request->method == SERVE_HEAD ? "HEAD" : "GET";
    if (serve_web_is_slow(request->path)) {
        /* Parked before a thread can answer it; woken at once when the
         * queue is full or the server stops. */
        serve_exchange *exchange = serve_suspend(request);
        serve_reply refusal = {0};
        if (!serve_web_handle_later(server->web, method, request->path, query, base_url,
                                    finish, exchange, &refusal))
            serve_finish(exchange, &refusal);
    } else {
        serve_web_handle(server->web, method, request->path, query, base_url, reply);
    }
    g_free(base_url);
    g_free(query);
}
