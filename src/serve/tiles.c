/* convoymap serve — /tiles/{z}/{x}/{y}.png and @2x (tiles.h). A tile is
 * answered from the cache when it is there. Otherwise the request joins
 * the job of its metatile — one job per metatile queued or rendering,
 * whoever asked first, so that the 64 tiles of a metatile asked for at once
 * render it once (renderd's coalescing) — and its connection is parked
 * until a render thread has drawn the metatile and stored it in the cache.
 * Jobs wait in two bounded queues, requests before prefetches; a request
 * that would queue one job more than --queue gets 503 with Retry-After. */
#include "tiles.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "metrics.h"

/* Seconds a client refused for a full queue is told to wait: about what a
 * few metatiles take to render. */
#define RETRY_AFTER 2

/* A request waiting for its tile. */
typedef struct waiter {
    serve_exchange *exchange;
    int x, y;
} waiter;

/* A metatile queued or rendering, and who waits for it. */
typedef struct job {
    gint64 key;           /* job_key(): the table's key */
    int scale;            /* 1 or 2: which tiler and cache */
    cm_tile first;        /* a tile of the metatile */
    int prefetch;         /* only prefetches wait for it: the low queue */
    int queued;           /* in a queue, not yet taken by a thread */
    GArray *waiters;      /* of waiter */
} job;

typedef struct render_thread render_thread;

struct serve_tiles {
    serve_server *server;
    cm_tile_cache *caches[2]; /* of scale 1 and 2; NULL without --cache */
    GMutex lock;              /* guards what follows */
    GCond wake;               /* a job queued, or stopping */
    GHashTable *jobs;         /* job_key() -> job*, queued or rendering */
    GQueue requests, prefetches; /* of job*, the high and the low queue */
    unsigned rendering;
    int stopping;             /* the threads are to finish */
    int cancelled;            /* no more work is taken */
    render_thread *threads;
    int n_threads;
};

struct render_thread {
    serve_tiles *tiles;
    cm_context *context;      /* the thread's own: PROJ, errors */
    GThread *thread;
};

/* The metatile of tile at scale: its first tile's column and row, zoom
 * and scale in one number. */
static gint64 job_key(const serve_tiles *tiles, int scale, cm_tile tile, cm_tile *first)
{
    int side = cm_tiler_metatile_side(tiles->server->tilers[scale - 1], tile.z);
    *first = (cm_tile){tile.z, tile.x / side * side, tile.y / side * side};
    return ((gint64)scale << 60) | ((gint64)tile.z << 48) | ((gint64)first->x << 24) |
           (gint64)first->y;
}

static void job_free(job *j)
{
    g_array_free(j->waiters, TRUE);
    g_free(j);
}

/* The reply of a tile found or rendered: the PNG, which the client may
 * keep (ETag and Cache-Control). Takes png. */
static void tile_reply(serve_reply *reply, unsigned char *png, size_t length)
{
    serve_reply_clear(reply);
    reply->status = 200;
    reply->content_type = "image/png";
    reply->body = png;
    reply->length = length;
    reply->cacheable = 1;
}

static void busy_reply(serve_reply *reply, const char *why)
{
    serve_reply_error(reply, 503, "%s; retry in %d s", why, RETRY_AFTER);
    reply->retry_after = RETRY_AFTER;
}

/* Answers the waiters of a job with their tiles of metatile, or with
 * failure (a reply to copy) when there is none. */
static void answer_waiters(GArray *waiters, const cm_metatile *metatile,
                           const serve_reply *failure)
{
    for (guint i = 0; i < waiters->len; i++) {
        const waiter *w = &g_array_index(waiters, waiter, i);
        serve_reply reply = {0};
        if (metatile) {
            int k = (w->y - metatile->y0) * metatile->nx + (w->x - metatile->x0);
            tile_reply(&reply, g_memdup2(metatile->png[k], metatile->length[k]),
                       metatile->length[k]);
        } else {
            reply = *failure;
            reply.body = g_memdup2(failure->body, failure->length);
        }
        serve_finish(w->exchange, &reply);
    }
}

/* The next job, requests first; NULL when the threads are to stop. */
static job *next_job(serve_tiles *tiles)
{
    g_mutex_lock(&tiles->lock);
    job *j = NULL;
    while (!j && !tiles->stopping) {
        j = g_queue_pop_head(&tiles->requests);
        if (!j)
            j = g_queue_pop_head(&tiles->prefetches);
        if (!j)
            g_cond_wait(&tiles->wake, &tiles->lock);
    }
    if (j) {
        j->queued = 0;
        tiles->rendering++;
    }
    g_mutex_unlock(&tiles->lock);
    return j;
}

/* Renders a job's metatile, stores it, and answers its waiters. */
static void run_job(serve_tiles *tiles, cm_context *context, job *j)
{
    serve_server *server = tiles->server;
    gint64 start = g_get_monotonic_time();
    cm_metatile *metatile = cm_tiler_render_metatile(server->tilers[j->scale - 1], context,
                                                     j->first);
    if (metatile)
        serve_metrics_count_render(server->metrics,
                                   (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC);
    else
        fprintf(stderr, "convoymap: tile %d/%d/%d: %s\n", j->first.z, j->first.x, j->first.y,
                cm_context_message(context));
    cm_tile_cache *cache = tiles->caches[j->scale - 1];
    /* Stored before the job leaves the table, so that a request that finds
     * no job finds the tiles in the cache. A tile that cannot be stored is
     * still served. */
    if (metatile && cache && cm_tile_cache_put(cache, context, metatile) != CM_OK)
        fprintf(stderr, "convoymap: %s\n", cm_context_message(context));
    g_mutex_lock(&tiles->lock);
    g_hash_table_remove(tiles->jobs, &j->key);
    tiles->rendering--;
    g_mutex_unlock(&tiles->lock);
    serve_reply failure = {0};
    if (!metatile)
        serve_reply_error(&failure, 500, "the tile could not be rendered");
    answer_waiters(j->waiters, metatile, &failure);
    serve_reply_clear(&failure);
    cm_metatile_free(metatile);
    job_free(j);
}

static gpointer render_main(gpointer data)
{
    render_thread *self = data;
    job *j;
    while ((j = next_job(self->tiles)))
        run_job(self->tiles, self->context, j);
    return NULL;
}

/* The cache of scale 2 tiles beside path's: FILE@2x.mbtiles, DIR@2x. */
static char *scale2_path(const char *path)
{
    if (g_str_has_suffix(path, ".mbtiles"))
        return g_strdup_printf("%.*s@2x.mbtiles", (int)(strlen(path) - strlen(".mbtiles")),
                               path);
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    return g_strdup_printf("%.*s@2x", (int)n, path);
}

serve_tiles *serve_tiles_new(serve_server *server, int *exit_code)
{
    serve_tiles *tiles = g_new0(serve_tiles, 1);
    tiles->server = server;
    g_mutex_init(&tiles->lock);
    g_cond_init(&tiles->wake);
    tiles->jobs = g_hash_table_new(g_int64_hash, g_int64_equal);
    g_queue_init(&tiles->requests);
    g_queue_init(&tiles->prefetches);
    *exit_code = 0;
    for (int scale = 1; scale <= 2 && !*exit_code; scale++) {
        cm_tiler *tiler = server->tilers[scale - 1];
        if (server->config->cache) {
            char *path = scale == 1 ? g_strdup(server->config->cache)
                                    : scale2_path(server->config->cache);
            tiles->caches[scale - 1] = cm_tile_cache_open(tiler, path);
            g_free(path);
            if (!tiles->caches[scale - 1])
                *exit_code = cm_context_status(server->context) == CM_ERR_INPUT ? 2 : 1;
        } else if (cm_tiler_prepare(tiler) != CM_OK) {
            *exit_code = cm_context_status(server->context) == CM_ERR_INPUT ? 2 : 1;
        }
    }
    tiles->threads = g_new0(render_thread, server->config->jobs);
    /* Contexts are made here, one at a time: making one registers GDAL's
     * drivers. */
    for (int i = 0; i < server->config->jobs && !*exit_code; i++) {
        char *message = NULL;
        render_thread *t = &tiles->threads[i];
        t->tiles = tiles;
        t->context = cm_context_new(cm_context_data_dir(server->context), &message);
        if (!t->context) {
            fprintf(stderr, "convoymap: %s\n", message);
            cm_free(message);
            *exit_code = 1;
            break;
        }
        t->thread = g_thread_new("convoymap-render", render_main, t);
        tiles->n_threads++;
    }
    if (*exit_code) {
        if (*exit_code == 2 || cm_context_status(server->context) != CM_OK)
            fprintf(stderr, "convoymap: %s\n", cm_context_message(server->context));
        serve_tiles_free(tiles);
        return NULL;
    }
    return tiles;
}

void serve_tiles_cancel(serve_tiles *tiles)
{
    GArray *waiters = g_array_new(FALSE, FALSE, sizeof(waiter));
    g_mutex_lock(&tiles->lock);
    tiles->cancelled = 1;
    job *j;
    while ((j = g_queue_pop_head(&tiles->requests)) ||
           (j = g_queue_pop_head(&tiles->prefetches))) {
        g_hash_table_remove(tiles->jobs, &j->key);
        g_array_append_vals(waiters, j->waiters->data, j->waiters->len);
        job_free(j);
    }
    /* Those rendering now finish and store their metatile, answering
     * no one: their waiters are answered here, so that no connection stays
     * parked when the HTTP layer stops. */
    GHashTableIter iter;
    gpointer value;
    g_hash_table_iter_init(&iter, tiles->jobs);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        job *rendering = value;
        g_array_append_vals(waiters, rendering->waiters->data, rendering->waiters->len);
        g_array_set_size(rendering->waiters, 0);
    }
    g_mutex_unlock(&tiles->lock);
    serve_reply failure = {0};
    busy_reply(&failure, "the server is stopping");
    answer_waiters(waiters, NULL, &failure);
    serve_reply_clear(&failure);
    g_array_free(waiters, TRUE);
}

gboolean serve_tiles_free(serve_tiles *tiles)
{
    if (!tiles)
        return TRUE;
    g_mutex_lock(&tiles->lock);
    tiles->stopping = 1;
    g_cond_broadcast(&tiles->wake);
    g_mutex_unlock(&tiles->lock);
    for (int i = 0; i < tiles->n_threads; i++)
        g_thread_join(tiles->threads[i].thread);
    for (int i = 0; i < tiles->server->config->jobs; i++)
        cm_context_free(tiles->threads[i].context);
    g_free(tiles->threads);
    gboolean ok = TRUE;
    for (int i = 0; i < 2; i++) {
        if (tiles->caches[i] && cm_tile_cache_close(tiles->caches[i]) != CM_OK) {
            fprintf(stderr, "convoymap: %s\n", cm_context_message(tiles->server->context));
            ok = FALSE;
        }
    }
    /* Jobs left queued when the threads stopped have no waiter (cancel
     * answered them) or none that is still connected. */
    GList *left = g_hash_table_get_values(tiles->jobs);
    g_list_free_full(left, (GDestroyNotify)job_free);
    g_hash_table_destroy(tiles->jobs);
    g_queue_clear(&tiles->requests);
    g_queue_clear(&tiles->prefetches);
    g_cond_clear(&tiles->wake);
    g_mutex_clear(&tiles->lock);
    g_free(tiles);
    return ok;
}

void serve_tiles_load(serve_tiles *tiles, unsigned *queued, unsigned *rendering)
{
    g_mutex_lock(&tiles->lock);
    *queued = tiles->requests.length + tiles->prefetches.length;
    *rendering = tiles->rendering;
    g_mutex_unlock(&tiles->lock);
}

/* Under the lock: joins the job of tile's metatile (key, from its tile
 * first), or queues a new one.
 * FALSE with reply set (503) when the queue is full or the server stops. */
static gboolean join_job(serve_tiles *tiles, serve_request *request, int scale, cm_tile tile,
                         gint64 key, cm_tile first, serve_reply *reply)
{
    /* Also when its job exists: serve_tiles_cancel() has answered its
     * waiters, and would not answer one parked now. */
    if (tiles->cancelled) {
        busy_reply(reply, "the server is stopping");
        return FALSE;
    }
    job *j = g_hash_table_lookup(tiles->jobs, &key);
    if (!j) {
        if (tiles->requests.length + tiles->prefetches.length >=
            (guint)tiles->server->config->queue_limit) {
            serve_metrics_count_overflow(tiles->server->metrics);
            busy_reply(reply, "too many tiles are waiting to be rendered");
            return FALSE;
        }
        j = g_new0(job, 1);
        *j = (job){key, scale, first, request->prefetch, 1,
                   g_array_new(FALSE, FALSE, sizeof(waiter))};
        g_hash_table_insert(tiles->jobs, &j->key, j);
        g_queue_push_tail(request->prefetch ? &tiles->prefetches : &tiles->requests, j);
        g_cond_signal(&tiles->wake);
    } else if (j->prefetch && !request->prefetch) {
        /* Someone is now looking at it: it moves to the high queue. */
        j->prefetch = 0;
        if (j->queued) {
            g_queue_remove(&tiles->prefetches, j);
            g_queue_push_tail(&tiles->requests, j);
        }
    }
    /* Parked before the thread that renders the job can see the waiter. */
    waiter w = {serve_suspend(request), tile.x, tile.y};
    g_array_append_val(j->waiters, w);
    return TRUE;
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
    cm_tile tile = {target.z, target.x, target.y};
    cm_tile_cache *cache = tiles->caches[target.scale - 1];
    unsigned char *png = NULL;
    size_t length = 0;
    if (cache)
        cm_tile_cache_get(cache, tile, &png, &length);
    serve_metrics_count_cache(server->metrics, png != NULL);
    if (png) {
        tile_reply(reply, png, length);
        return;
    }
    g_mutex_lock(&tiles->lock);
    /* A job that finished since the look-up stored its tiles before it
     * left the table: look again now that none can leave. */
    cm_tile first;
    gint64 key = job_key(tiles, target.scale, tile, &first);
    if (cache && !g_hash_table_contains(tiles->jobs, &key))
        cm_tile_cache_get(cache, tile, &png, &length);
    if (png)
        tile_reply(reply, png, length);
    else
        join_job(tiles, request, target.scale, tile, key, first, reply);
    g_mutex_unlock(&tiles->lock);
}
