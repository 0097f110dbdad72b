/* Typo candidates for place-name keys: the deletion neighbourhood that the
 * gazetteer index stores and the geocoder queries, and the edit distance
 * that checks what it finds. See fuzzy.h. */
#include "fuzzy.h"

#include <string.h>

/* 32-bit FNV-1a, continued from hash over n bytes: stable across
 * machines and GLib versions, as the index outlives the build. */
static guint32 fnv1a(guint32 hash, const char *bytes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        hash ^= (guchar)bytes[i];
        hash *= 16777619u;
    }
    return hash;
}

#define FNV_OFFSET 2166136261u

static gint compare_hashes(gconstpointer a, gconstpointer b)
{
    guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
    return (x > y) - (x < y);
}

void cm_fuzzy_deletions(const char *key, guint max_deletions, GArray *hashes)
{
    g_array_set_size(hashes, 0);
    size_t length = strlen(key);
    /* Byte offsets of the characters, and of the end. */
    GArray *at = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (const char *p = key; *p; p = g_utf8_next_char(p)) {
        size_t offset = (size_t)(p - key);
        g_array_append_val(at, offset);
    }
    guint n = at->len;
    g_array_append_val(at, length);
    const size_t *o = (const size_t *)at->data;
    guint32 whole = fnv1a(FNV_OFFSET, key, length);
    g_array_append_val(hashes, whole);
    for (guint i = 0; max_deletions >= 1 && n > 1 && i < n; i++) {
        guint32 head = fnv1a(FNV_OFFSET, key, o[i]);
        guint32 one = fnv1a(head, key + o[i + 1], length - o[i + 1]);
        g_array_append_val(hashes, one);
        for (guint j = i + 1; max_deletions >= 2 && n > 2 && j < n; j++) {
            guint32 two = fnv1a(head, key + o[i + 1], o[j] - o[i + 1]);
            two = fnv1a(two, key + o[j + 1], length - o[j + 1]);
            g_array_append_val(hashes, two);
        }
    }
    g_array_free(at, TRUE);
    g_array_sort(hashes, compare_hashes);
    guint kept = 0;
    for (guint i = 0; i < hashes->len; i++)
        if (kept == 0 || g_array_index(hashes, guint32, i) !=
                             g_array_index(hashes, guint32, kept - 1))
            g_array_index(hashes, guint32, kept++) = g_array_index(hashes, guint32, i);
    g_array_set_size(hashes, kept);
}

guint cm_fuzzy_distance(const char *a, const char *b, guint max)
{
    glong n, m;
    gunichar *s = g_utf8_to_ucs4_fast(a, -1, &n);
    gunichar *t = g_utf8_to_ucs4_fast(b, -1, &m);
    guint result = max + 1;
    if ((guint)ABS(n - m) <= max) {
        /* Three rows of the table: before last, last and this one. */
        guint *rows = g_new(guint, 3 * (m + 1));
        guint *older = rows, *last = rows + m + 1, *row = rows + 2 * (m + 1);
        for (glong j = 0; j <= m; j++)
            last[j] = (guint)j;
        gboolean over = FALSE;
        for (glong i = 1; i <= n && !over; i++) {
            row[0] = (guint)i;
            guint lowest = row[0];
            for (glong j = 1; j <= m; j++) {
                guint cost = s[i - 1] != t[j - 1];
                guint d = MIN(MIN(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
                    d = MIN(d, older[j - 2] + 1);
                row[j] = d;
                lowest = MIN(lowest, d);
            }
            /* No cell of later rows can fall below this row's least. */
            over = lowest > max;
            guint *spare = older;
            older = last;
            last = row;
            row = spare;
        }
        if (!over)
            result = MIN(last[m], max + 1);
        g_free(rows);
    }
    g_free(s);
    g_free(t);
    return result;
}

double cm_fuzzy_similarity(const char *a, const char *b, double at_least)
{
    glong longest = MAX(g_utf8_strlen(a, -1), g_utf8_strlen(b, -1));
    if (longest == 0)
        return 1.0;
    /* The most edits that keep at_least, rounding error aside. */
    guint bound = (guint)((1.0 - at_least) * (double)longest + 1e-9);
    guint distance = cm_fuzzy_distance(a, b, bound);
    double similarity = 1.0 - (double)distance / (double)longest;
    return distance <= bound && similarity >= at_least ? similarity : 0.0;
}
