/* convoymap serve — counters for /metrics (Prometheus text exposition
 * format 0.0.4): requests by status, cache hits and misses, metatiles
 * rendered, render time, queue depth. Updated with atomics from any
 * thread. Private to src/serve/. */
#ifndef CM_SERVE_METRICS_H
#define CM_SERVE_METRICS_H

#include "server.h"

/* All counters at zero; the caller owns the result and frees it with
 * serve_metrics_free() (NULL is allowed there). */
serve_metrics *serve_metrics_new(void);
void serve_metrics_free(serve_metrics *metrics);

/* One reply sent with status. */
void serve_metrics_count_status(serve_metrics *metrics, unsigned status);
/* A tile found in the cache (hit) or not (miss). */
void serve_metrics_count_cache(serve_metrics *metrics, int hit);
/* A metatile rendered in seconds. */
void serve_metrics_count_render(serve_metrics *metrics, double seconds);
/* A request refused because the queue was full. */
void serve_metrics_count_overflow(serve_metrics *metrics);

/* The exposition text, the queue's depth and the renders in progress
 * given; the caller frees it with g_free(). */
char *serve_metrics_text(serve_metrics *metrics, unsigned queue_depth, unsigned rendering);

#endif
