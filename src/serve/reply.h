/* convoymap serve — the answer to one HTTP request: what the endpoints
 * (tiles, web) build and the HTTP layer sends. Private to src/serve/. */
#ifndef CM_SERVE_REPLY_H
#define CM_SERVE_REPLY_H

#include <stddef.h>

typedef struct serve_reply {
    unsigned status;          /* HTTP status code */
    const char *content_type; /* a static string; NULL: none */
    unsigned char *body;      /* g_malloc'd, owned by the reply */
    size_t length;
    int cacheable;            /* 1: the HTTP layer adds ETag (from the body) and Cache-Control */
    unsigned retry_after;     /* seconds, sent as Retry-After when nonzero (503) */
} serve_reply;

/* Frees the reply's body and zeroes it. */
void serve_reply_clear(serve_reply *reply);

/* Makes reply a text/plain error: status and one line (printf format). */
void serve_reply_error(serve_reply *reply, unsigned status, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

#endif
