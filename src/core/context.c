/* The context: data directory, PROJ and GEOS contexts, the last error,
 * and what other modules attach to it (the basemap). Its fields are read
 * through the accessors of internal.h only. */
#include "internal.h"

#include <stdarg.h>
#include <string.h>

struct cm_context {
    char *data_dir;
    PJ_CONTEXT *proj;
    PJ_CONTEXT *proj_strings;       /* created on first use */
    GEOSContextHandle_t geos;       /* created on first use */
    GData *attached;                /* cm_context_set_data() */
    cm_status status;
    GString *message;
};

static gboolean has_data(const char *dir)
{
    char *marker = g_build_filename(dir, CM_BASEMAP_FILE, NULL);
    gboolean ok = g_file_test(marker, G_FILE_TEST_IS_REGULAR);
    g_free(marker);
    return ok;
}

/* dir when it holds the data, or its parent when dir is the data's geodata/
 * folder itself; NULL otherwise. */
static char *data_dir_at(const char *dir)
{
    /* "" would resolve the data files against the working directory. */
    if (!*dir)
        return NULL;
    if (has_data(dir))
        return g_strdup(dir);
    char *canonical = g_canonicalize_filename(dir, NULL);
    char *parent = g_path_get_dirname(canonical);
    char *base = g_path_get_basename(canonical);
    g_free(canonical);
    if (strcmp(base, "geodata") == 0 && has_data(parent)) {
        g_free(base);
        return parent;
    }
    g_free(base);
    g_free(parent);
    return NULL;
}

/* The first candidate that holds the data: the caller's choice, then the
 * environment (set by the tests and `meson devenv` to the source tree),
 * then the installed copy. */
static char *find_data_dir(const char *requested, char **message)
{
    const char *from_env = g_getenv("CONVOYMAP_DATA");
    const char *chosen = requested ? requested : from_env && *from_env ? from_env : NULL;
    if (chosen) {
        char *dir = data_dir_at(chosen);
        if (!dir && message)
            *message = g_strdup_printf("%s%s%s has no %s (give the folder that holds "
                                       "geodata/ and styles/, or geodata/ itself)",
                                       requested ? "data directory '" : "CONVOYMAP_DATA=",
                                       chosen, requested ? "'" : "", CM_BASEMAP_FILE);
        return dir;
    }
    if (has_data(CM_INSTALLED_DATADIR))
        return g_strdup(CM_INSTALLED_DATADIR);
    if (message)
        *message = g_strdup_printf("no convoymap data found in %s; set CONVOYMAP_DATA "
                                   "(from a build tree, run through `meson devenv`)",
                                   CM_INSTALLED_DATADIR);
    return NULL;
}

cm_context *cm_context_new(const char *data_dir, char **message)
{
    if (message)
        *message = NULL;
    char *dir = find_data_dir(data_dir, message);
    if (!dir)
        return NULL;
    cm_context *context = g_new0(cm_context, 1);
    context->data_dir = dir;
    context->proj = proj_context_create();
    /* Offline first: PROJ must never try to download grids. */
    proj_context_set_enable_network(context->proj, 0);
    proj_log_level(context->proj, PJ_LOG_NONE);
    context->message = g_string_new("");
    return context;
}

void cm_context_free(cm_context *context)
{
    if (!context)
        return;
    /* Attached data goes first: the basemap reads through the GEOS handle. */
    g_datalist_clear(&context->attached);
    proj_context_destroy(context->proj);
    if (context->proj_strings)
        proj_context_destroy(context->proj_strings);
    if (context->geos)
        GEOS_finish_r(context->geos);
    g_string_free(context->message, TRUE);
    g_free(context->data_dir);
    g_free(context);
}

static void ignore_proj_message(void *data, int level, const char *message) {}

PJ_CONTEXT *cm_context_proj_strings(cm_context *context)
{
    if (!context->proj_strings) {
        PJ_CONTEXT *proj = proj_context_create();
        proj_context_set_enable_network(proj, 0);
        /* Searching only the data directory, which holds no proj.db; PROJ
         * reports the missing database through the logger, not as a
         * failure of the PROJ strings it then parses, and prints it even
         * at PJ_LOG_NONE, so the logger is replaced. */
        const char *const search_path[] = {context->data_dir};
        proj_context_set_search_paths(proj, 1, search_path);
        proj_log_func(proj, NULL, ignore_proj_message);
        context->proj_strings = proj;
    }
    return context->proj_strings;
}

PJ_CONTEXT *cm_context_proj(cm_context *context) { return context->proj; }

void cm_context_set_data(cm_context *context, const char *key, void *data,
                         GDestroyNotify destroy)
{
    g_datalist_id_set_data_full(&context->attached, g_quark_from_static_string(key), data,
                                destroy);
}

void *cm_context_get_data(cm_context *context, const char *key)
{
    return g_datalist_id_get_data(&context->attached, g_quark_try_string(key));
}

const char *cm_context_data_dir(const cm_context *context)
{
    return context->data_dir;
}

cm_status cm_context_status(const cm_context *context) { return context->status; }

const char *cm_context_message(const cm_context *context)
{
    return context->message->str;
}

void cm_context_clear_error(cm_context *context)
{
    context->status = CM_OK;
    g_string_truncate(context->message, 0);
}

/* Longest message kept whole; a longer one (a 100 kB argument echoed back)
 * keeps its start and its end, which name the value and the problem. */
#define CM_MESSAGE_MAX 400

/* A message may quote user input or a corrupt file, and it ends up on a
 * terminal: control characters (newlines, escape sequences) and bytes that
 * are not UTF-8 are written as \xNN so that it stays one readable line. */
static void tidy_message(GString *message)
{
    GString *tidy = g_string_sized_new(message->len);
    const char *p = message->str, *end = message->str + message->len;
    while (p < end) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            g_string_append_printf(tidy, "\\x%02X", (unsigned char)*p++);
            continue;
        }
        const char *next = g_utf8_next_char(p);
        if (g_unichar_iscntrl(c))
            g_string_append_printf(tidy, c < 0x100 ? "\\x%02X" : "\\u%04X", (unsigned)c);
        else
            g_string_append_len(tidy, p, next - p);
        p = next;
    }
    if (tidy->len > CM_MESSAGE_MAX) {
        size_t head = CM_MESSAGE_MAX / 2, tail = tidy->len - CM_MESSAGE_MAX / 2;
        /* Cut between characters, never inside one. */
        while (head > 0 && (tidy->str[head] & 0xC0) == 0x80)
            head--;
        while (tail < tidy->len && (tidy->str[tail] & 0xC0) == 0x80)
            tail++;
        char *elided = g_strdup_printf("…[%zu bytes left out]…", tail - head);
        g_string_erase(tidy, (gssize)head, (gssize)(tail - head));
        g_string_insert(tidy, (gssize)head, elided);
        g_free(elided);
    }
    g_string_assign(message, tidy->str);
    g_string_free(tidy, TRUE);
}

cm_status cm_fail(cm_context *context, cm_status status, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_string_vprintf(context->message, format, args);
    va_end(args);
    tidy_message(context->message);
    context->status = status;
    return status;
}

GEOSContextHandle_t cm_context_geos(cm_context *context)
{
    /* Without message handlers GEOS stays silent; failures show as NULL
     * results. */
    if (!context->geos)
        context->geos = GEOS_init_r();
    return context->geos;
}

int cm_keyword_index(const char *text, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (g_ascii_strcasecmp(text, names[i]) == 0)
            return (int)i;
    return -1;
}

char *cm_data_path(const cm_context *context, const char *name)
{
    return g_build_filename(context->data_dir, name, NULL);
}

void cm_free(void *buffer) { g_free(buffer); }

const char *cm_status_name(cm_status status)
{
    switch (status) {
    case CM_OK:
        return "success";
    case CM_ERR_INPUT:
        return "input error";
    case CM_ERR_IO:
        return "input/output error";
    case CM_ERR_DATA:
        return "data error";
    case CM_ERR_LIBRARY:
        return "library error";
    case CM_ERR_CANCELLED:
        return "cancelled";
    }
    return "unknown status";
}

/* Whether dir is the data directory that $CONVOYMAP_DATA names, as the
 * tests and `meson devenv` set it beside $CONVOYMAP_BUILD_DIR. */
static gboolean is_build_tree_data(const char *dir)
{
    const char *from_env = g_getenv("CONVOYMAP_DATA");
    char *env_dir = from_env ? data_dir_at(from_env) : NULL;
    if (!env_dir)
        return FALSE;
    char *a = g_canonicalize_filename(dir, NULL), *b = g_canonicalize_filename(env_dir, NULL);
    gboolean same = strcmp(a, b) == 0;
    g_free(a);
    g_free(b);
    g_free(env_dir);
    return same;
}

char *cm_index_path(const cm_context *context, const char *name)
{
    char *installed = g_build_filename(context->data_dir, "geodata", name, NULL);
    const char *build = g_getenv("CONVOYMAP_BUILD_DIR");
    if (g_file_test(installed, G_FILE_TEST_EXISTS) || !build || !*build ||
        !is_build_tree_data(context->data_dir))
        return installed;
    /* The build tree writes the index to its root (meson.build). */
    g_free(installed);
    return g_build_filename(build, name, NULL);
}
