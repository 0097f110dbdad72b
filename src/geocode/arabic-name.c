/* Choosing a place's Arabic display name among its spellings (rules in
 * arabic-name.h). */
#include "arabic-name.h"

#include <string.h>

static gboolean in_arabic_script(gunichar c)
{
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

/* Harakat, shadda, the small signs after them and the dagger alef. */
static gboolean is_mark(gunichar c)
{
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

/* The letters of the Arabic language (hamza to ghayn, tatweel, feh to yeh). */
static gboolean is_arabic_letter(gunichar c)
{
    return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0640 && c <= 0x064A);
}

gboolean cm_arabic_script_text(const char *text)
{
    for (const char *p = text; *p; p = g_utf8_next_char(p))
        if (in_arabic_script(g_utf8_get_char(p)) && g_unichar_isalpha(g_utf8_get_char(p)))
            return TRUE;
    return FALSE;
}

/* Countries whose own language is written in the Arabic script but is not
 * Arabic. */
static gboolean local_script_country(const char *country)
{
    static const char *const countries[] = {"IRN", "AFG", "PAK"};
    for (size_t i = 0; country && i < G_N_ELEMENTS(countries); i++)
        if (strcmp(country, countries[i]) == 0)
            return TRUE;
    return FALSE;
}

/* Whether spelling is written in the Arabic script only (any_letter) or
 * in the letters of the Arabic language only: letters and marks, words
 * apart. */
static gboolean written_in(const char *spelling, gboolean any_letter)
{
    gboolean letters = FALSE;
    for (const char *p = spelling; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == ' ' || is_mark(c))
            continue;
        if (any_letter ? !(in_arabic_script(c) || c == 0x200C) : !is_arabic_letter(c))
            return FALSE;
        letters = TRUE;
    }
    return letters;
}

/* The form of c that votes: hamza seats, yeh, kaf and heh (with teh
 * marbuta, which Persian writes as heh) made one; 0 to drop c (marks,
 * tatweel, zero-width non-joiner). */
static gunichar vote_form(gunichar c)
{
    if (is_mark(c) || c == 0x0640 || c == 0x200C)
        return 0;
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671:
        return 0x0627; /* alef */
    case 0x0649: case 0x06CC: case 0x06D0: case 0x06CD:
        return 0x064A; /* yeh */
    case 0x06A9: case 0x06AA:
        return 0x0643; /* kaf */
    case 0x06C1: case 0x06BE: case 0x06D5: case 0x06C0: case 0x0629:
        return 0x0647; /* heh */
    default:
        return c;
    }
}

/* The key spellings vote with: " word word " (leading and trailing
 * spaces, for whole-word containment), vote forms, no article. Returns a
 * new string the caller frees with g_free(). */
static char *vote_key(const char *spelling)
{
    GString *key = g_string_new(" ");
    char **words = g_strsplit(spelling, " ", -1);
    for (char **word = words; *word; word++) {
        GString *folded = g_string_new(NULL);
        for (const char *p = *word; *p; p = g_utf8_next_char(p)) {
            gunichar c = vote_form(g_utf8_get_char(p));
            if (c)
                g_string_append_unichar(folded, c);
        }
        const char *text = folded->str;
        /* ال + at least two letters: الرمادي, not a short word. */
        if (g_str_has_prefix(text, "ال") && g_utf8_strlen(text, -1) > 3)
            text += strlen("ال");
        if (*text)
            g_string_append_printf(key, "%s ", text);
        g_string_free(folded, TRUE);
    }
    g_strfreev(words);
    return g_string_free(key, FALSE);
}

typedef struct candidate {
    const char *spelling;
    char *key;
    gboolean eligible; /* may be the label, not only vote */
    int votes, orthography, marks, article, final_alef_maksura;
    long key_length, length;
} candidate;

static void measure(candidate *c)
{
    for (const char *p = c->spelling; *p; p = g_utf8_next_char(p)) {
        gunichar u = g_utf8_get_char(p);
        c->orthography += u == 0x0629 || u == 0x0623 || u == 0x0625 || u == 0x0624 ||
                          u == 0x0621;
        c->marks += is_mark(u);
        gunichar next = g_utf8_get_char(g_utf8_next_char(p));
        c->final_alef_maksura += u == 0x0649 && (next == 0 || next == ' ');
    }
    c->article = g_str_has_prefix(c->spelling, "ال");
    c->length = g_utf8_strlen(c->spelling, -1);
    c->key_length = g_utf8_strlen(c->key, -1);
}

/* Negative when a is the better label. */
static int compare(const candidate *a, const candidate *b)
{
    if (a->votes != b->votes)
        return b->votes - a->votes;
    if (a->key_length != b->key_length)
        return a->key_length < b->key_length ? -1 : 1;
    if (a->orthography != b->orthography)
        return b->orthography - a->orthography;
    if (a->marks != b->marks)
        return a->marks - b->marks;
    if (a->article != b->article)
        return b->article - a->article;
    if (a->final_alef_maksura != b->final_alef_maksura)
        return a->final_alef_maksura - b->final_alef_maksura;
    if (a->length != b->length)
        return a->length < b->length ? -1 : 1;
    return strcmp(a->spelling, b->spelling);
}

/* spelling without vowel marks (shadda kept). Returns a new string the
 * caller frees with g_free(). */
static char *without_vowels(const char *spelling)
{
    GString *out = g_string_new(NULL);
    for (const char *p = spelling; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!is_mark(c) || c == 0x0651)
            g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

char *cm_arabic_name_choose(const char *const *spellings, size_t n, const char *country)
{
    gboolean any_letter = local_script_country(country);
    GArray *candidates = g_array_new(FALSE, TRUE, sizeof(candidate));
    for (size_t i = 0; i < n; i++) {
        const char *s = spellings[i];
        if (!s || !g_utf8_validate(s, -1, NULL) || !written_in(s, TRUE))
            continue;
        candidate c = {.spelling = s, .key = vote_key(s), .eligible = written_in(s, any_letter)};
        if (strcmp(c.key, " ") == 0) {
            g_free(c.key);
            continue;
        }
        measure(&c);
        g_array_append_val(candidates, c);
    }
    const candidate *best = NULL;
    for (guint i = 0; i < candidates->len; i++) {
        candidate *c = &g_array_index(candidates, candidate, i);
        if (!c->eligible)
            continue;
        for (guint j = 0; j < candidates->len; j++)
            c->votes += strstr(g_array_index(candidates, candidate, j).key, c->key) != NULL;
        if (!best || compare(c, best) < 0)
            best = c;
    }
    char *name = best ? without_vowels(best->spelling) : NULL;
    for (guint i = 0; i < candidates->len; i++)
        g_free(g_array_index(candidates, candidate, i).key);
    g_array_free(candidates, TRUE);
    return name;
}
