/* convoymap serve — parking and waking requests (server.h, exchange.h). */
#include "exchange.h"

#include <glib.h>

serve_exchange *serve_suspend(serve_request *request)
{
    serve_exchange *exchange = request->exchange;
    exchange->suspended = 1;
    g_atomic_int_inc(&exchange->server->parked);
    MHD_suspend_connection(exchange->connection);
    return exchange;
}

void serve_finish(serve_exchange *exchange, serve_reply *reply)
{
    exchange->reply = *reply;
    *reply = (serve_reply){0};
    MHD_resume_connection(exchange->connection);
}
