/* convoymap serve — /metrics (metrics.h). */
#include "metrics.h"

#include <glib.h>

/* The statuses the server sends; any other is counted as "other". Those
 * libmicrohttpd sends itself (431 for headers beyond its memory limit, 505,
 * 400 for a malformed request) are not seen here. */
static const unsigned statuses[] = {200, 204, 304, 400, 403, 404, 405, 414, 422, 500, 503};
#define N_STATUSES G_N_ELEMENTS(statuses)
/* Upper bounds of the render time histogram, in seconds: a metatile at a
 * low zoom takes tens of milliseconds, a dense one seconds. */
static const double render_buckets[] = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
#define N_BUCKETS G_N_ELEMENTS(render_buckets)

struct serve_metrics {
    gint64 by_status[N_STATUSES + 1]; /* the last: other statuses */
    gint64 cache_hits, cache_misses, overflows;
    gint64 rendered;
    gint64 render_bucket[N_BUCKETS + 1]; /* not cumulative; the last is +Inf */
    gint64 render_micros;
};

serve_metrics *serve_metrics_new(void)
{
    return g_new0(serve_metrics, 1);
}

void serve_metrics_free(serve_metrics *metrics)
{
    g_free(metrics);
}

static void add(gint64 *counter, gint64 n)
{
    __atomic_add_fetch(counter, n, __ATOMIC_RELAXED);
}

static gint64 get(const gint64 *counter)
{
    return __atomic_load_n(counter, __ATOMIC_RELAXED);
}

void serve_metrics_count_status(serve_metrics *metrics, unsigned status)
{
    size_t i = 0;
    while (i < N_STATUSES && statuses[i] != status)
        i++;
    add(&metrics->by_status[i], 1);
}

void serve_metrics_count_cache(serve_metrics *metrics, int hit)
{
    add(hit ? &metrics->cache_hits : &metrics->cache_misses, 1);
}

void serve_metrics_count_render(serve_metrics *metrics, double seconds)
{
    size_t i = 0;
    while (i < N_BUCKETS && seconds > render_buckets[i])
        i++;
    add(&metrics->render_bucket[i], 1);
    add(&metrics->render_micros, (gint64)(seconds * 1e6));
    add(&metrics->rendered, 1);
}

void serve_metrics_count_overflow(serve_metrics *metrics)
{
    add(&metrics->overflows, 1);
}

char *serve_metrics_text(serve_metrics *metrics, unsigned queue_depth, unsigned rendering)
{
    GString *text = g_string_new(NULL);
    g_string_append(text, "# HELP convoymap_http_requests_total HTTP replies sent, by status.\n"
                          "# TYPE convoymap_http_requests_total counter\n");
    for (size_t i = 0; i <= N_STATUSES; i++) {
        if (i < N_STATUSES)
            g_string_append_printf(text, "convoymap_http_requests_total{code=\"%u\"} %"
                                   G_GINT64_FORMAT "\n", statuses[i], get(&metrics->by_status[i]));
        else
            g_string_append_printf(text, "convoymap_http_requests_total{code=\"other\"} %"
                                   G_GINT64_FORMAT "\n", get(&metrics->by_status[i]));
    }
    g_string_append_printf(text,
        "# HELP convoymap_tile_cache_hits_total Tiles answered from the cache.\n"
        "# TYPE convoymap_tile_cache_hits_total counter\n"
        "convoymap_tile_cache_hits_total %" G_GINT64_FORMAT "\n"
        "# HELP convoymap_tile_cache_misses_total Tiles not in the cache, rendered or waited for.\n"
        "# TYPE convoymap_tile_cache_misses_total counter\n"
        "convoymap_tile_cache_misses_total %" G_GINT64_FORMAT "\n"
        "# HELP convoymap_queue_rejected_total Tile requests refused with 503, the queue full.\n"
        "# TYPE convoymap_queue_rejected_total counter\n"
        "convoymap_queue_rejected_total %" G_GINT64_FORMAT "\n"
        "# HELP convoymap_metatiles_rendered_total Metatiles rendered.\n"
        "# TYPE convoymap_metatiles_rendered_total counter\n"
        "convoymap_metatiles_rendered_total %" G_GINT64_FORMAT "\n",
        get(&metrics->cache_hits), get(&metrics->cache_misses), get(&metrics->overflows),
        get(&metrics->rendered));
    g_string_append(text, "# HELP convoymap_render_seconds Time to render a metatile.\n"
                          "# TYPE convoymap_render_seconds histogram\n");
    gint64 cumulative = 0;
    for (size_t i = 0; i <= N_BUCKETS; i++) {
        cumulative += get(&metrics->render_bucket[i]);
        if (i < N_BUCKETS)
            g_string_append_printf(text, "convoymap_render_seconds_bucket{le=\"%g\"} %"
                                   G_GINT64_FORMAT "\n", render_buckets[i], cumulative);
        else
            g_string_append_printf(text, "convoymap_render_seconds_bucket{le=\"+Inf\"} %"
                                   G_GINT64_FORMAT "\n", cumulative);
    }
    char sum[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(sum, sizeof sum, "%.6f", (double)get(&metrics->render_micros) / 1e6);
    g_string_append_printf(text, "convoymap_render_seconds_sum %s\n"
                           "convoymap_render_seconds_count %" G_GINT64_FORMAT "\n", sum,
                           cumulative);
    g_string_append_printf(text,
        "# HELP convoymap_queue_depth Metatiles waiting to render.\n"
        "# TYPE convoymap_queue_depth gauge\n"
        "convoymap_queue_depth %u\n"
        "# HELP convoymap_renders_in_progress Metatiles rendering now.\n"
        "# TYPE convoymap_renders_in_progress gauge\n"
        "convoymap_renders_in_progress %u\n", queue_depth, rendering);
    return g_string_free(text, FALSE);
}
