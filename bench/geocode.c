/* The geocoder through the library API: a batch of mixed queries made
 * deterministically from geodata/gazetteer.tsv — exact names, variant
 * spellings, typos and coordinates — with the time of each search (limit
 * 5, as `convoymap geocode` asks), its p50, p95, p99 and max per class and
 * overall in wall time and in the thread's CPU time (steadier on a shared
 * machine, where a query preempted in the middle counts in wall time), how many typos have their place first and among the 5
 * candidates, the time of a 10 kB garbage query, the peak resident set
 * (VmHWM) and the size of the index.
 * Usage: bench-geocode [N] (default 100000 queries). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "core/internal.h"

/* xorshift64*: the same queries on every machine and GLib. */
static guint64 next_random(guint64 *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 0x2545F4914F6CDD1DULL;
}

typedef struct row {
    char *name;
    double lat, lon;
} row;

/* The names and positions of gazetteer.tsv (name, lat and lon columns). */
static GArray *read_rows(const char *path)
{
    char *text;
    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(row));
    char **lines = g_strsplit(text, "\n", -1);
    for (char **line = lines + 1; *line; line++) {
        char **fields = g_strsplit(*line, "\t", -1);
        if (g_strv_length(fields) >= 6) {
            row r = {g_strdup(fields[1]), g_ascii_strtod(fields[4], NULL),
                     g_ascii_strtod(fields[5], NULL)};
            g_array_append_val(rows, r);
        }
        g_strfreev(fields);
    }
    g_strfreev(lines);
    g_free(text);
    return rows;
}

/* A spelling a planner might type for name: a different case, the article
 * joined or split, hyphens as spaces. Returns a new string (g_free()). */
static char *variant(const char *name, guint64 pick)
{
    switch (pick % 3) {
    case 0:
        return g_utf8_strup(name, -1);
    case 1:
        return g_str_has_prefix(name, "Al ") ? g_strconcat("al-", name + 3, NULL)
                                              : g_strconcat("al-", name, NULL);
    default: {
        char *copy = g_utf8_strdown(name, -1);
        g_strdelimit(copy, "-'", ' ');
        return copy;
    }
    }
}

/* name with one character (not the first) dropped, doubled or swapped
 * with the next. Returns a new string (g_free()). */
static char *typo(const char *name, guint64 pick)
{
    glong n = g_utf8_strlen(name, -1);
    if (n < 4)
        return g_strconcat(name, "x", NULL);
    glong at = 1 + (glong)(pick % (guint64)(n - 2));
    const char *p = g_utf8_offset_to_pointer(name, at);
    const char *q = g_utf8_next_char(p);
    const char *r = g_utf8_next_char(q);
    GString *out = g_string_new_len(name, p - name);
    switch ((pick >> 8) % 3) {
    case 0:
        g_string_append(out, q);
        break;
    case 1:
        g_string_append_len(out, p, q - p);
        g_string_append(out, p);
        break;
    default:
        g_string_append_len(out, q, r - q);
        g_string_append_len(out, p, q - p);
        g_string_append(out, r);
    }
    return g_string_free(out, FALSE);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double clock_us(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static double now_us(void) { return clock_us(CLOCK_MONOTONIC); }

/* The peak resident set of this process in KiB, from /proc/self/status. */
static long peak_rss_kib(void)
{
    char *status = NULL;
    long kib = -1;
    if (g_file_get_contents("/proc/self/status", &status, NULL, NULL)) {
        const char *hwm = strstr(status, "VmHWM:");
        if (hwm)
            kib = strtol(hwm + 6, NULL, 10);
    }
    g_free(status);
    return kib;
}

static void report(const char *label, GArray *times)
{
    if (times->len == 0)
        return;
    g_array_sort(times, compare_doubles);
    double *t = (double *)times->data, sum = 0;
    for (guint i = 0; i < times->len; i++)
        sum += t[i];
    printf("  %-12s %7u  mean %7.1f  p50 %7.1f  p95 %7.1f  p99 %7.1f  max %8.1f us\n", label,
           times->len, sum / times->len, t[times->len / 2], t[(guint)(times->len * 0.95)],
           t[(guint)(times->len * 0.99)], t[times->len - 1]);
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    char *message = NULL;
    cm_context *context = cm_context_new(NULL, &message);
    if (!context) {
        fprintf(stderr, "%s\n", message);
        return 1;
    }
    long rss_start = peak_rss_kib();
    double open_start = now_us();
    cm_geocoder *geocoder = cm_geocoder_new(context);
    double open_us = now_us() - open_start;
    if (!geocoder) {
        fprintf(stderr, "%s\n", cm_context_message(context));
        return 1;
    }
    char *tsv = cm_data_path(context, "geodata/gazetteer.tsv");
    GArray *rows = read_rows(tsv);
    g_free(tsv);
    /* The mix: 45% exact names, 25% variant spellings, 15% typos, 15%
     * coordinates. */
    static const char *const kinds[] = {"exact", "variant", "typo", "coordinate"};
    GArray *times[5], *cpu_times[5];
    for (size_t k = 0; k < G_N_ELEMENTS(times); k++) {
        times[k] = g_array_new(FALSE, FALSE, sizeof(double));
        cpu_times[k] = g_array_new(FALSE, FALSE, sizeof(double));
    }
    guint64 state = 0x9E3779B97F4A7C15ULL;
    long found = 0, typos = 0, typos_first = 0, typos_placed = 0;
    double batch_start = now_us();
    for (long i = 0; i < n; i++) {
        guint64 pick = next_random(&state);
        const row *r = &g_array_index(rows, row, (guint)(pick % rows->len));
        guint64 mix = (pick >> 32) % 100;
        size_t kind = mix < 45 ? 0 : mix < 70 ? 1 : mix < 85 ? 2 : 3;
        char *query = kind == 0   ? g_strdup(r->name)
                      : kind == 1 ? variant(r->name, pick >> 40)
                      : kind == 2 ? typo(r->name, pick >> 40)
                                  : g_strdup_printf("%.4f,%.4f", r->lat, r->lon);
        cm_candidate_list *list = NULL;
        double cpu_start = clock_us(CLOCK_THREAD_CPUTIME_ID);
        double start = now_us();
        cm_status status = cm_geocoder_search(geocoder, query, NULL, 5, &list);
        double us = now_us() - start;
        double cpu_us = clock_us(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
        found += status == CM_OK;
        if (kind == 2) {
            /* Placed: a candidate within about 100 m of the row's place. */
            gboolean placed = FALSE;
            for (size_t c = 0; list && c < cm_candidate_list_count(list); c++) {
                cm_geo_point p = cm_candidate_list_get(list, c)->place->position;
                gboolean here = fabs(p.lat - r->lat) < 1e-3 && fabs(p.lon - r->lon) < 1e-3;
                typos_first += here && c == 0;
                placed |= here;
            }
            typos++;
            typos_placed += placed;
        }
        cm_candidate_list_free(list);
        cm_context_clear_error(context);
        g_array_append_val(times[kind], us);
        g_array_append_val(times[4], us);
        g_array_append_val(cpu_times[kind], cpu_us);
        g_array_append_val(cpu_times[4], cpu_us);
        g_free(query);
    }
    double batch_s = (now_us() - batch_start) / 1e6;
    /* Long garbage must stay cheap: the median of 5. */
    GString *garbage = g_string_new(NULL);
    while (garbage->len < 10000)
        g_string_append(garbage, "Qxzv Baghdad ");
    double garbage_us[5];
    for (int i = 0; i < 5; i++) {
        cm_candidate_list *list = NULL;
        double start = now_us();
        cm_geocoder_search(geocoder, garbage->str, NULL, 5, &list);
        garbage_us[i] = now_us() - start;
        cm_candidate_list_free(list);
        cm_context_clear_error(context);
    }
    qsort(garbage_us, 5, sizeof *garbage_us, compare_doubles);
    g_string_free(garbage, TRUE);
    char *index = cm_index_path(context, "gazetteer.sqlite");
    GStatBuf info;
    double index_mb = g_stat(index, &info) == 0 ? info.st_size / 1e6 : -1;
    printf("geocoder: %u gazetteer rows, index %s %.1f MB, opened in %.1f ms\n", rows->len,
           index, index_mb, open_us / 1000);
    printf("%ld queries in %.1f s (%.0f/s), %ld answered (the rest typos with only "
           "suggestions, or none)\n", n, batch_s, n / batch_s, found);
    printf("typos with their place first: %ld of %ld (%.1f%%), among the candidates: %ld "
           "(%.1f%%)\n", typos_first, typos, typos ? 100.0 * typos_first / typos : 0.0,
           typos_placed, typos ? 100.0 * typos_placed / typos : 0.0);
    printf("wall time per query:\n");
    for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++)
        report(kinds[k], times[k]);
    report("all", times[4]);
    printf("thread CPU time per query:\n");
    for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++)
        report(kinds[k], cpu_times[k]);
    report("all", cpu_times[4]);
    printf("a 10 kB garbage query: %.1f us (median of 5)\n", garbage_us[2]);
    printf("peak RSS (VmHWM): %.1f MB (%.1f MB before opening the geocoder)\n",
           peak_rss_kib() / 1024.0, rss_start / 1024.0);
    g_free(index);
    for (size_t k = 0; k < G_N_ELEMENTS(times); k++) {
        g_array_free(times[k], TRUE);
        g_array_free(cpu_times[k], TRUE);
    }
    for (guint i = 0; i < rows->len; i++)
        g_free(g_array_index(rows, row, i).name);
    g_array_free(rows, TRUE);
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    return 0;
}
