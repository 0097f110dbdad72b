/* convoymap serve — the HTTP layer on libmicrohttpd: a pool of event-driven
 * threads (epoll) that parse requests with our parser (request.h), route
 * them, park the ones waiting for a render (suspend/resume), and add the
 * headers every reply needs: ETag and 304, Cache-Control, CORS. Also the
 * limits that keep hostile clients from holding the server, and the
 * lifecycle: SIGTERM or SIGINT stop accepting, finish what is in flight and
 * close the caches. */
#include "server.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib.h>
#include <microhttpd.h>

#include "exchange.h"
#include "metrics.h"
#include "router.h"
#include "tiles.h"
#include "web.h"

/* A request and headers beyond this many bytes get 431 from libmicrohttpd
 * (the URL is limited lower, SERVE_MAX_TARGET). */
#define MEMORY_LIMIT (32 * 1024)
/* HTTP threads: they only parse, look up and send; rendering is elsewhere. */
#define HTTP_THREADS 2
/* A request's line and headers must be in within this many times
 * --idle-timeout of the connection's opening or its previous reply: the
 * idle timeout alone lets a client that sends a byte now and then hold a
 * connection for ever (slowloris). */
#define HEADER_TIMEOUT_FACTOR 2
/* Seconds given to send the replies woken at the end of the drain. */
#define SEND_SECONDS 1
/* How often the main thread closes connections past that deadline. */
#define WATCH_SECONDS 1

/* A connection, watched for the time its request's headers take. */
typedef struct watched {
    MHD_socket fd;
    /* Monotonic microseconds by which the headers must be in; 0 while a
     * request is answered. Atomic: set by the HTTP threads, read by the
     * main thread. */
    gint64 deadline;
} watched;

/* The open connections (watched *), guarded by lock. */
typedef struct watch {
    const serve_config *config;
    GMutex lock;
    GHashTable *connections;
} header_watch;

/* Requests between their URI and their completion, for the drain. */
static gint in_flight;

static gint64 header_deadline(const serve_config *config)
{
    return g_get_monotonic_time() +
           (gint64)HEADER_TIMEOUT_FACTOR * config->idle_timeout * G_USEC_PER_SEC;
}

/* Sets the deadline of connection's headers: 0 for none. */
static void set_header_deadline(struct MHD_Connection *connection, gint64 deadline)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    watched *w = info ? info->socket_context : NULL;
    if (w)
        __atomic_store_n(&w->deadline, deadline, __ATOMIC_RELAXED);
}

/* MHD_OPTION_NOTIFY_CONNECTION: a connection opened, watched from now on,
 * or closed (before libmicrohttpd closes its socket). */
static void notify_connection(void *cls, struct MHD_Connection *connection,
                              void **socket_context, enum MHD_ConnectionNotificationCode code)
{
    header_watch *watch = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        watched *w = g_new0(watched, 1);
        w->fd = info->connect_fd;
        w->deadline = header_deadline(watch->config);
        g_mutex_lock(&watch->lock);
        g_hash_table_add(watch->connections, w);
        g_mutex_unlock(&watch->lock);
        *socket_context = w;
    } else if (*socket_context) {
        g_mutex_lock(&watch->lock);
        g_hash_table_remove(watch->connections, *socket_context);
        g_mutex_unlock(&watch->lock);
        g_free(*socket_context);
        *socket_context = NULL;
    }
}

/* Shuts down the connections whose headers are late; libmicrohttpd then
 * sees them end and closes them. Under the lock, so that a socket is not
 * closed and its number reused meanwhile. */
static void close_late(header_watch *watch)
{
    gint64 now = g_get_monotonic_time();
    g_mutex_lock(&watch->lock);
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init(&iter, watch->connections);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        watched *w = key;
        gint64 deadline = __atomic_load_n(&w->deadline, __ATOMIC_RELAXED);
        if (deadline && now > deadline) {
            shutdown(w->fd, SHUT_RDWR);
            __atomic_store_n(&w->deadline, 0, __ATOMIC_RELAXED);
        }
    }
    g_mutex_unlock(&watch->lock);
}

/* MHD_OPTION_URI_LOG_CALLBACK: the first sight of a request, with its raw
 * request-target, before libmicrohttpd decodes it. */
static void *start_exchange(void *cls, const char *uri, struct MHD_Connection *connection)
{
    serve_exchange *exchange = g_new0(serve_exchange, 1);
    exchange->server = cls;
    exchange->connection = connection;
    exchange->target = g_strndup(uri, SERVE_MAX_TARGET + 1);
    g_atomic_int_inc(&in_flight);
    return exchange;
}

static void end_exchange(void *cls, struct MHD_Connection *connection, void **con_cls,
                         enum MHD_RequestTerminationCode code)
{
    serve_exchange *exchange = *con_cls;
    /* The next request on this connection has its own time for headers. */
    set_header_deadline(connection, header_deadline(((serve_server *)cls)->config));
    if (!exchange)
        return;
    /* A client gone while parked is parked no more. */
    if (exchange->suspended)
        g_atomic_int_add(&exchange->server->parked, -1);
    serve_request_clear(&exchange->request);
    serve_reply_clear(&exchange->reply);
    g_free(exchange->target);
    g_free(exchange);
    *con_cls = NULL;
    g_atomic_int_add(&in_flight, -1);
}

/* ---- Headers ---- */

/* The Access-Control-Allow-Origin value for origin: itself when allowed
 * ("*" when any is), NULL when not. */
static const char *allowed_origin(const serve_config *config, const char *origin)
{
    for (const char *const *o = config->cors_origins; o && *o; o++) {
        if (strcmp(*o, "*") == 0)
            return "*";
        if (strcmp(*o, origin) == 0)
            return origin;
    }
    return NULL;
}

/* TRUE when origin is the server's own (the page came from us), which
 * needs no CORS. */
static gboolean same_origin(const serve_request *request)
{
    if (!request->host)
        return FALSE;
    const char *rest = g_str_has_prefix(request->origin, "http://")
                           ? request->origin + strlen("http://")
                           : g_str_has_prefix(request->origin, "https://")
                                 ? request->origin + strlen("https://")
                                 : NULL;
    return rest && strcmp(rest, request->host) == 0;
}

/* A strong ETag from the body's bytes: a re-render that draws the same
 * tile keeps it, as mod_tile's does. */
static char *entity_tag(const serve_reply *reply)
{
    char *digest = g_compute_checksum_for_data(G_CHECKSUM_MD5, reply->body, reply->length);
    char *tag = g_strdup_printf("\"%s\"", digest);
    g_free(digest);
    return tag;
}

/* TRUE when the If-None-Match list holds tag or "*". */
static gboolean matches(const char *if_none_match, const char *tag)
{
    if (!if_none_match)
        return FALSE;
    gboolean found = FALSE;
    char **items = g_strsplit(if_none_match, ",", -1);
    for (char **item = items; *item && !found; item++) {
        char *t = g_strstrip(*item);
        if (g_str_has_prefix(t, "W/"))
            t += 2;
        found = strcmp(t, "*") == 0 || strcmp(t, tag) == 0;
    }
    g_strfreev(items);
    return found;
}

static void free_body(void *body)
{
    g_free(body);
}

/* Sends reply (taking its body) with the headers it needs. */
static enum MHD_Result send_reply(serve_exchange *exchange, const char *cors)
{
    serve_reply *reply = &exchange->reply;
    const serve_config *config = exchange->server->config;
    char *tag = reply->status == 200 && reply->cacheable ? entity_tag(reply) : NULL;
    const char *if_none_match = MHD_lookup_connection_value(exchange->connection,
                                                            MHD_HEADER_KIND,
                                                            MHD_HTTP_HEADER_IF_NONE_MATCH);
    unsigned status = reply->status;
    struct MHD_Response *response;
    if (tag && matches(if_none_match, tag)) {
        status = 304;
        response = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    } else {
        response = MHD_create_response_from_buffer_with_free_callback(reply->length,
                                                                      reply->body, free_body);
        reply->body = NULL;
        if (reply->content_type)
            MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE,
                                    reply->content_type);
    }
    if (tag) {
        char *control = g_strdup_printf("public, max-age=%d", config->max_age);
        MHD_add_response_header(response, MHD_HTTP_HEADER_ETAG, tag);
        MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, control);
        g_free(control);
    } else {
        MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    }
    if (reply->retry_after) {
        char *seconds = g_strdup_printf("%u", reply->retry_after);
        MHD_add_response_header(response, MHD_HTTP_HEADER_RETRY_AFTER, seconds);
        g_free(seconds);
    }
    if (cors) {
        MHD_add_response_header(response, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, cors);
        MHD_add_response_header(response, MHD_HTTP_HEADER_ACCESS_CONTROL_EXPOSE_HEADERS,
                                "ETag, Retry-After");
    }
    if (config->cors_origins)
        MHD_add_response_header(response, MHD_HTTP_HEADER_VARY, "Origin");
    if (status == 405)
        MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, "GET, HEAD, OPTIONS");
    enum MHD_Result result = MHD_queue_response(exchange->connection, status, response);
    MHD_destroy_response(response);
    serve_metrics_count_status(exchange->server->metrics, status);
    serve_reply_clear(reply);
    g_free(tag);
    return result;
}

/* The answer to a CORS preflight of an allowed origin. */
static enum MHD_Result send_preflight(serve_exchange *exchange, const char *cors)
{
    struct MHD_Response *response = MHD_create_response_from_buffer(0, NULL,
                                                                     MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(response, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, cors);
    MHD_add_response_header(response, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_METHODS,
                            "GET, HEAD, OPTIONS");
    MHD_add_response_header(response, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_HEADERS,
                            "If-None-Match");
    MHD_add_response_header(response, MHD_HTTP_HEADER_ACCESS_CONTROL_MAX_AGE, "86400");
    MHD_add_response_header(response, MHD_HTTP_HEADER_VARY, "Origin");
    enum MHD_Result result = MHD_queue_response(exchange->connection, 204, response);
    MHD_destroy_response(response);
    serve_metrics_count_status(exchange->server->metrics, 204);
    return result;
}

/* Parses, checks and routes a request, filling exchange->reply unless the
 * handler parks it; *cors receives the Access-Control-Allow-Origin value. */
static void handle(serve_exchange *exchange, const char *method, const char **cors,
                   gboolean *preflight)
{
    serve_request *request = &exchange->request;
    serve_reply *reply = &exchange->reply;
    struct MHD_Connection *connection = exchange->connection;
    const char *why = NULL;
    request->method = serve_method_parse(method, strlen(method));
    request->exchange = exchange;
    request->host = MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
                                                MHD_HTTP_HEADER_HOST);
    request->origin = MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
                                                  MHD_HTTP_HEADER_ORIGIN);
    const char *purpose = MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
                                                      "Sec-Purpose");
    if (!purpose)
        purpose = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Purpose");
    request->prefetch = purpose && strstr(purpose, "prefetch") != NULL;
    unsigned refused = serve_request_parse(request, exchange->target, strlen(exchange->target),
                                           &why);
    if (refused) {
        serve_reply_error(reply, refused, "%s", why);
        return;
    }
    const serve_route *route = serve_route_find(request->path);
    if (!route) {
        serve_reply_error(reply, 404, "no such resource");
        return;
    }
    /* CORS before anything is rendered: a page from an origin not allowed
     * costs no work. */
    if (request->origin && !same_origin(request)) {
        *cors = allowed_origin(exchange->server->config, request->origin);
        if (!*cors) {
            serve_reply_error(reply, 403, "origin %s is not allowed (serve --cors-origin)",
                              request->origin);
            return;
        }
    }
    if (request->method == SERVE_OPTIONS) {
        *preflight = *cors != NULL;
        if (!*preflight)
            serve_reply_error(reply, 405, "OPTIONS is a CORS preflight: it needs an Origin");
        return;
    }
    if (request->method == SERVE_OTHER) {
        serve_reply_error(reply, 405, "method %s is not allowed: GET, HEAD or OPTIONS", method);
        return;
    }
    route->handler(exchange->server, request, reply);
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url,
                              const char *method, const char *version,
                              const char *upload_data, size_t *upload_data_size,
                              void **con_cls)
{
    serve_exchange *exchange = *con_cls;
    /* No endpoint takes a body. */
    if (*upload_data_size != 0) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    /* The first call only says the headers are in: answering then makes
     * libmicrohttpd 0.9.75 close the connection rather than keep it alive. */
    if (!exchange->headers_seen) {
        exchange->headers_seen = 1;
        set_header_deadline(connection, 0);
        return MHD_YES;
    }
    if (exchange->started) {
        /* Woken by serve_finish(). */
        exchange->suspended = 0;
        g_atomic_int_add(&exchange->server->parked, -1);
        return send_reply(exchange, exchange->request.origin
                                        ? allowed_origin(exchange->server->config,
                                                         exchange->request.origin)
                                        : NULL);
    }
    exchange->started = 1;
    const char *cors = NULL;
    gboolean preflight = FALSE;
    handle(exchange, method, &cors, &preflight);
    if (preflight)
        return send_preflight(exchange, cors);
    if (exchange->suspended)
        return MHD_YES;
    return send_reply(exchange, cors);
}

/* ---- Lifecycle ---- */

/* The address to listen on: --bind, IPv4 or IPv6, and the port. */
static gboolean listen_address(const serve_config *config, struct sockaddr_storage *address,
                               gboolean *ipv6)
{
    const char *bind = config->bind ? config->bind : "127.0.0.1";
    memset(address, 0, sizeof *address);
    struct sockaddr_in *v4 = (struct sockaddr_in *)address;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)address;
    if (inet_pton(AF_INET, bind, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)config->port);
        *ipv6 = FALSE;
        return TRUE;
    }
    if (inet_pton(AF_INET6, bind, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)config->port);
        *ipv6 = TRUE;
        return TRUE;
    }
    return FALSE;
}

int serve_run(serve_server *server)
{
    const serve_config *config = server->config;
    struct sockaddr_storage address;
    gboolean ipv6;
    if (!listen_address(config, &address, &ipv6)) {
        fprintf(stderr, "convoymap: --bind %s is not an IPv4 or IPv6 address (e.g. "
                "127.0.0.1, 0.0.0.0 or ::1)\n", config->bind);
        return 2;
    }
    /* Signals are taken by sigwait() below, not by whichever thread they
     * land on: blocked before any thread starts, so all inherit the mask. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    /* A client that hangs up mid-reply must not kill the server. */
    signal(SIGPIPE, SIG_IGN);
    /* No MHD_USE_ERROR_LOG: libmicrohttpd's notes on misbehaving clients
     * would let any client fill the operator's log. */
    header_watch watch = {.config = config};
    g_mutex_init(&watch.lock);
    watch.connections = g_hash_table_new(NULL, NULL);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME |
                     (ipv6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *daemon = MHD_start_daemon(
        flags, (uint16_t)config->port, NULL, NULL, answer, server,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)HTTP_THREADS,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)config->max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)config->max_per_ip,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)config->idle_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MEMORY_LIMIT,
        /* HTTP/1.1 without Host, and other sloppy requests, are refused. */
        MHD_OPTION_STRICT_FOR_CLIENT, 1,
        MHD_OPTION_URI_LOG_CALLBACK, start_exchange, server,
        MHD_OPTION_NOTIFY_COMPLETED, end_exchange, server,
        MHD_OPTION_NOTIFY_CONNECTION, notify_connection, &watch,
        MHD_OPTION_END);
    if (!daemon) {
        fprintf(stderr, "convoymap: cannot listen on %s port %d: %s\n",
                config->bind ? config->bind : "127.0.0.1", config->port, g_strerror(errno));
        pthread_sigmask(SIG_UNBLOCK, &stop_signals, NULL);
        g_hash_table_destroy(watch.connections);
        g_mutex_clear(&watch.lock);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    const char *host = config->bind ? config->bind : "127.0.0.1";
    fprintf(stderr, "convoymap: serving on http://%s%s%s:%u/\n", ipv6 ? "[" : "", host,
            ipv6 ? "]" : "", info ? info->port : (unsigned)config->port);
    const struct timespec tick = {WATCH_SECONDS, 0};
    int signal_number;
    while ((signal_number = sigtimedwait(&stop_signals, NULL, &tick)) < 0)
        close_late(&watch);
    /* Stop accepting; what is in flight finishes, renders included. */
    MHD_socket listener = MHD_quiesce_daemon(daemon);
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
    /* In flight are requests being read, waiting for their metatile or
     * being sent; the last second of the drain is for those still waiting
     * to be told to come back. */
    gint64 deadline = g_get_monotonic_time() + SERVE_DRAIN_SECONDS * G_USEC_PER_SEC;
    while (g_atomic_int_get(&in_flight) > 0 && g_get_monotonic_time() < deadline - G_USEC_PER_SEC)
        g_usleep(10000);
    serve_tiles_cancel(server->tiles);
    serve_web_cancel(server->web);
    while (g_atomic_int_get(&in_flight) > 0 && g_get_monotonic_time() < deadline)
        g_usleep(10000);
    /* libmicrohttpd aborts when stopped with a connection parked, and a
     * reply given to one after would wake a freed connection: the static
     * maps and reports being drawn are waited for, past the drain if need
     * be (the waiting ones were answered above). */
    gboolean waited = FALSE;
    for (; g_atomic_int_get(&server->parked) > 0; waited = TRUE)
        g_usleep(10000);
    /* When that ran past the drain, a moment to send what they drew; a
     * client that never finishes its request gets no more than the drain. */
    if (waited && g_get_monotonic_time() > deadline) {
        gint64 sent = g_get_monotonic_time() + SEND_SECONDS * G_USEC_PER_SEC;
        while (g_atomic_int_get(&in_flight) > 0 && g_get_monotonic_time() < sent)
            g_usleep(10000);
    }
    MHD_stop_daemon(daemon);
    g_hash_table_destroy(watch.connections);
    g_mutex_clear(&watch.lock);
    /* The signals stay blocked: a second one must not kill the process
     * while it closes the cache. */
    fprintf(stderr, "convoymap: stopped by %s\n", signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
    return 0;
}
