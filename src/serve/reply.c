/* convoymap serve — the answer to one HTTP request (reply.h). */
#include "reply.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>

void serve_reply_clear(serve_reply *reply)
{
    g_free(reply->body);
    *reply = (serve_reply){0};
}

void serve_reply_error(serve_reply *reply, unsigned status, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    char *message = g_strdup_vprintf(format, arguments);
    va_end(arguments);
    serve_reply_clear(reply);
    reply->status = status;
    reply->content_type = "text/plain; charset=utf-8";
    reply->body = (unsigned char *)g_strconcat(message, "\n", NULL);
    reply->length = strlen((const char *)reply->body);
    g_free(message);
}
