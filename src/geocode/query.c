/* The shape of a place query: qualifiers after commas, generic words that
 * name a kind, crossings named by their two posts. See query.h. */
#include "query.h"

#include <string.h>

#include "fold.h"

/* Generic words, as folded literals, before or after the name. Longer
 * phrases come first so that "border crossing" is not read as "crossing". */
static const struct {
    const char *words;
    gboolean prefix;
    cm_query_kind kind;
} generic_words[] = {
    {"border crossing point", FALSE, CM_QUERY_KIND_CROSSING},
    {"border crossing", FALSE, CM_QUERY_KIND_CROSSING},
    {"border post", FALSE, CM_QUERY_KIND_CROSSING},
    {"port of entry", FALSE, CM_QUERY_KIND_CROSSING},
    {"crossing point", FALSE, CM_QUERY_KIND_CROSSING},
    {"crossing", FALSE, CM_QUERY_KIND_CROSSING},
    {"border", FALSE, CM_QUERY_KIND_CROSSING},
    {"governorate of", TRUE, CM_QUERY_KIND_ADMIN1},
    {"province of", TRUE, CM_QUERY_KIND_ADMIN1},
    {"governorate", FALSE, CM_QUERY_KIND_ADMIN1},
    {"province", FALSE, CM_QUERY_KIND_ADMIN1},
    {"muhafazah", FALSE, CM_QUERY_KIND_ADMIN1},
    {"muhafazat", TRUE, CM_QUERY_KIND_ADMIN1},
    {"muhafaza", FALSE, CM_QUERY_KIND_ADMIN1},
    {"district", FALSE, CM_QUERY_KIND_ADMIN1},
    {"region", FALSE, CM_QUERY_KIND_ADMIN1},
    {"state", FALSE, CM_QUERY_KIND_ADMIN1},
    {"ostan", FALSE, CM_QUERY_KIND_ADMIN1},
    {"wilayah", FALSE, CM_QUERY_KIND_ADMIN1},
    {"city", FALSE, CM_QUERY_KIND_SETTLEMENT},
    {"town", FALSE, CM_QUERY_KIND_SETTLEMENT},
    {"village", FALSE, CM_QUERY_KIND_SETTLEMENT},
    {"forward operating base", FALSE, CM_QUERY_KIND_CAMP},
    {"fob", TRUE, CM_QUERY_KIND_CAMP},
    {"cob", TRUE, CM_QUERY_KIND_CAMP},
    {"lsa", TRUE, CM_QUERY_KIND_CAMP},
    {"camp", TRUE, CM_QUERY_KIND_CAMP},
    {"camp", FALSE, CM_QUERY_KIND_CAMP},
    {"outpost", FALSE, CM_QUERY_KIND_CAMP},
    {"garrison", FALSE, CM_QUERY_KIND_CAMP},
    {"international airport", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"airport", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"air base", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"airbase", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"air field", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"airfield", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"afb", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"ab", FALSE, CM_QUERY_KIND_AIRFIELD},
    {"port of", TRUE, CM_QUERY_KIND_PORT},
    {"naval base", FALSE, CM_QUERY_KIND_NAVAL},
    {"naval station", TRUE, CM_QUERY_KIND_NAVAL},
    {"seaport", FALSE, CM_QUERY_KIND_PORT},
    {"harbour", FALSE, CM_QUERY_KIND_PORT},
    {"harbor", FALSE, CM_QUERY_KIND_PORT},
    {"port", FALSE, CM_QUERY_KIND_PORT},
    {"river", FALSE, CM_QUERY_KIND_RIVER},
    {"river", TRUE, CM_QUERY_KIND_RIVER},
    {"nahr", TRUE, CM_QUERY_KIND_RIVER},
    {"lake", TRUE, CM_QUERY_KIND_LAKE},
    {"lake", FALSE, CM_QUERY_KIND_LAKE},
    {"buhayrat", TRUE, CM_QUERY_KIND_LAKE},
    /* Arabic, as folded: محافظة, مدينة, ميناء, نهر, بحيرة, معسكر, مخيم. */
    {"\u0645\u062D\u0627\u0641\u0638\u0647", TRUE, CM_QUERY_KIND_ADMIN1},
    {"\u0645\u062F\u064A\u0646\u0647", TRUE, CM_QUERY_KIND_SETTLEMENT},
    {"\u0645\u064A\u0646\u0627", TRUE, CM_QUERY_KIND_PORT},
    {"\u0646\u0647\u0631", TRUE, CM_QUERY_KIND_RIVER},
    {"\u0628\u062D\u064A\u0631\u0647", TRUE, CM_QUERY_KIND_LAKE},
    {"\u0645\u0639\u0633\u0643\u0631", TRUE, CM_QUERY_KIND_CAMP},
    {"\u0645\u062E\u064A\u0645", TRUE, CM_QUERY_KIND_CAMP},
};

gboolean cm_query_kind_fits(cm_query_kind wanted, const char *kind)
{
    static const struct {
        cm_query_kind wanted;
        const char *kind;
    } fits[] = {
        {CM_QUERY_KIND_SETTLEMENT, "city"},     {CM_QUERY_KIND_SETTLEMENT, "town"},
        {CM_QUERY_KIND_SETTLEMENT, "locality"}, {CM_QUERY_KIND_ADMIN1, "admin1"},
        {CM_QUERY_KIND_CROSSING, "border_crossing"},
        {CM_QUERY_KIND_CAMP, "camp"},           {CM_QUERY_KIND_CAMP, "airbase"},
        {CM_QUERY_KIND_AIRFIELD, "airbase"},    {CM_QUERY_KIND_AIRFIELD, "airport"},
        {CM_QUERY_KIND_PORT, "port"},           {CM_QUERY_KIND_NAVAL, "port"},
        {CM_QUERY_KIND_NAVAL, "airbase"},       {CM_QUERY_KIND_NAVAL, "camp"},
        {CM_QUERY_KIND_RIVER, "river"},
        {CM_QUERY_KIND_LAKE, "lake"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(fits); i++)
        if (fits[i].wanted == wanted && strcmp(fits[i].kind, kind) == 0)
            return TRUE;
    return FALSE;
}

/* Removes one generic phrase from the start or end of words (folded
 * literal words), if something is left, and returns the kind it named. */
static cm_query_kind strip_generic(GPtrArray *words)
{
    for (size_t i = 0; i < G_N_ELEMENTS(generic_words); i++) {
        char **parts = g_strsplit(generic_words[i].words, " ", -1);
        guint n = g_strv_length(parts);
        gboolean match = words->len > n;
        guint start = generic_words[i].prefix ? 0 : words->len - n;
        for (guint k = 0; match && k < n; k++)
            match = strcmp(g_ptr_array_index(words, start + k), parts[k]) == 0;
        g_strfreev(parts);
        if (match) {
            g_ptr_array_remove_range(words, start, n);
            return generic_words[i].kind;
        }
    }
    return CM_QUERY_KIND_NONE;
}

/* The words of text's folded literal; the caller frees the array. */
static GPtrArray *folded_words(const char *text)
{
    char *literal = cm_fold_literal(text);
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    char **split = g_strsplit(literal, " ", -1);
    for (char **w = split; *w; w++)
        if (**w)
            g_ptr_array_add(words, g_strdup(*w));
    g_strfreev(split);
    g_free(literal);
    return words;
}

static char *join_words(GPtrArray *words, guint from, guint to)
{
    GString *out = g_string_new(NULL);
    for (guint i = from; i < to; i++)
        g_string_append_printf(out, "%s%s", i > from ? " " : "",
                               (const char *)g_ptr_array_index(words, i));
    return g_string_free(out, FALSE);
}

/* The folded name of one post of a crossing, generic words removed; NULL
 * when it is too short to name a post (an article, as in "Al-Qaim"). */
static char *post_name(const char *text, cm_query_kind *kind)
{
    GPtrArray *words = folded_words(text);
    cm_query_kind named = strip_generic(words);
    if (named != CM_QUERY_KIND_NONE)
        *kind = named;
    char *name = join_words(words, 0, words->len);
    g_ptr_array_free(words, TRUE);
    char *key = cm_fold_key(name, NULL);
    /* A lone article ("al", "ash") is no post, nor is a name cut after one
     * ("bab al" of "Bab al-Hawa"). */
    const char *last = strrchr(name, ' ');
    gboolean enough = g_utf8_strlen(key, -1) >= 3 && (last || strlen(name) > 3) &&
                      !cm_fold_is_article(last ? last + 1 : name);
    g_free(key);
    if (!enough) {
        g_free(name);
        return NULL;
    }
    return name;
}

/* "A-B crossing", "A/B crossing", "A – B border crossing": the first split
 * at '/', a dash or a hyphen that leaves a post on both sides. */
static void split_posts(const char *name, cm_query_shape *shape)
{
    static const char *const separators[] = {"/", "\u2013", "\u2014", "-"};
    for (size_t s = 0; s < G_N_ELEMENTS(separators) && !shape->post_a; s++) {
        for (const char *at = strstr(name, separators[s]); at && !shape->post_a;
             at = strstr(at + 1, separators[s])) {
            char *left = g_strndup(name, (gsize)(at - name));
            cm_query_kind kind = CM_QUERY_KIND_NONE;
            char *a = post_name(left, &kind);
            char *b = post_name(at + strlen(separators[s]), &kind);
            if (a && b && kind == CM_QUERY_KIND_CROSSING) {
                shape->post_a = a;
                shape->post_b = b;
            } else {
                g_free(a);
                g_free(b);
            }
            g_free(left);
        }
    }
}

cm_query_shape *cm_query_shape_parse(const char *query)
{
    cm_query_shape *shape = g_new0(cm_query_shape, 1);
    char **parts = g_strsplit(query, ",", -1);
    GPtrArray *qualifiers = g_ptr_array_new(), *texts = g_ptr_array_new();
    /* "" splits into no part at all. */
    for (char **part = parts[0] ? parts + 1 : parts; *part; part++) {
        char *literal = cm_fold_literal(*part);
        if (*literal) {
            g_ptr_array_add(qualifiers, literal);
            g_ptr_array_add(texts, g_strstrip(g_strdup(*part)));
        } else {
            g_free(literal);
        }
    }
    g_ptr_array_add(qualifiers, NULL);
    g_ptr_array_add(texts, NULL);
    shape->qualifiers = (char **)g_ptr_array_free(qualifiers, FALSE);
    shape->qualifier_texts = (char **)g_ptr_array_free(texts, FALSE);
    GPtrArray *words = folded_words(parts[0] ? parts[0] : "");
    shape->kind = strip_generic(words);
    shape->name = join_words(words, 0, words->len);
    /* Without a comma, the last words may be a qualifier: "Ramadi Iraq",
     * "Tripoli Lebanon", "Kirkuk Kirkuk Governorate". */
    for (guint n = 1; n <= 2 && !shape->qualifiers[0]; n++)
        if (words->len > n) {
            shape->tail_words[n - 1] = join_words(words, words->len - n, words->len);
            shape->head_words[n - 1] = join_words(words, 0, words->len - n);
        }
    if (shape->kind == CM_QUERY_KIND_CROSSING && parts[0])
        split_posts(parts[0], shape);
    g_ptr_array_free(words, TRUE);
    g_strfreev(parts);
    return shape;
}

void cm_query_shape_free(cm_query_shape *shape)
{
    if (!shape)
        return;
    g_free(shape->name);
    g_strfreev(shape->qualifiers);
    g_strfreev(shape->qualifier_texts);
    for (int i = 0; i < 2; i++) {
        g_free(shape->tail_words[i]);
        g_free(shape->head_words[i]);
    }
    g_free(shape->post_a);
    g_free(shape->post_b);
    g_free(shape);
}
