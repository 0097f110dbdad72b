/* Spelling-insensitive keys for place names: the rules that make
 * "Al-Qa'im", "Al Qaim" and "El Kaim" one name. See fold.h. */
#include "fold.h"

#include <string.h>

/* Characters dropped without a trace: apostrophes and the letters that
 * transliterate ʿayn and hamza, which writers use, vary or leave out. */
static gboolean is_silent(gunichar c)
{
    switch (c) {
    case '\'': case '`': case 0x00B4: case 0x2018: case 0x2019: case 0x2032:
    case 0x02BB: case 0x02BC: case 0x02BE: case 0x02BF:
    case 0x0640: /* Arabic tatweel, a typographic stretch */
    case 0x0621: /* a hamza on the line, written or left out */
        return TRUE;
    default:
        return FALSE;
    }
}

/* Letters written one way or another for the same sound: the Persian,
 * Kurdish, Pashto and Urdu forms of Arabic letters, ta marbuta, alif
 * maqsura and wasla; and Latin letters that Unicode does not decompose
 * into a base letter and a mark. Alif with hamza or madda, waw and ya with
 * hamza decompose into the bare letter and a mark (NFKD), which goes. */
static gunichar letter_variant(gunichar c)
{
    switch (c) {
    case 0x0629: case 0x06C0: case 0x06D5: case 0x06BE: case 0x06C1:
        return 0x0647;                                     /* ة ۀ ە ھ ہ -> ه */
    case 0x0649: case 0x06CC: case 0x06CD: case 0x06CE: case 0x06D0:
        return 0x064A;                                     /* ى ی ۍ ێ ې -> ي */
    case 0x06A9: case 0x06AA: case 0x06AF: return 0x0643; /* ک ڪ گ -> ك */
    case 0x0671: case 0x0672: case 0x0673: return 0x0627; /* ٱ ٲ ٳ -> ا */
    case 0x067E: return 0x0628;                            /* پ -> ب */
    case 0x0686: return 0x062C;                            /* چ -> ج */
    case 0x0698: return 0x0632;                            /* ژ -> ز */
    case 0x06A4: return 0x0641;                            /* ڤ -> ف */
    case 0x06C6: case 0x06C7: case 0x06C8: case 0x06CB: return 0x0648; /* ۆ ۇ ۈ ۋ -> و */
    case 0x0695: return 0x0631;                            /* ڕ -> ر */
    case 0x06B5: return 0x0644;                            /* ڵ -> ل */
    case 0x0131: return 'i';                               /* Turkish dotless ı */
    case 0x00F8: return 'o';                               /* ø */
    case 0x0111: return 'd';                               /* đ */
    case 0x0142: return 'l';                               /* ł */
    case 0x0127: return 'h';                               /* ħ */
    default: return c;
    }
}

char *cm_fold_literal(const char *text)
{
    char *decomposed = g_utf8_normalize(text, -1, G_NORMALIZE_NFKD);
    if (!decomposed)
        return g_strdup("");
    char *folded = g_utf8_casefold(decomposed, -1);
    g_free(decomposed);
    GString *out = g_string_sized_new(strlen(folded));
    gboolean pending_space = FALSE;
    gunichar last = 0;
    for (const char *p = folded; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        /* Shadda doubles its letter: "عمّان" (Amman) is written out as
         * "عممان", not "عمان" (also Oman); the key makes both one. */
        if (c == 0x0651 && last && !pending_space) {
            g_string_append_unichar(out, last);
            continue;
        }
        if (g_unichar_ismark(c) || is_silent(c))
            continue;
        if (g_unichar_isspace(c) || g_unichar_ispunct(c)) {
            pending_space = out->len > 0;
            last = 0;
            continue;
        }
        if (pending_space)
            g_string_append_c(out, ' ');
        pending_space = FALSE;
        last = letter_variant(c);
        g_string_append_unichar(out, last);
    }
    g_free(folded);
    return g_string_free(out, FALSE);
}

/* Words that name a kind of facility rather than the place, as literals. */
static const struct {
    const char *words; /* space-separated */
    gboolean prefix;   /* before the name rather than after */
    const char *kind;
} facility_words[] = {
    {"air base", FALSE, "airbase"},
    {"airbase", FALSE, "airbase"},
    {"ab", FALSE, "airbase"},
    {"airfield", FALSE, "airbase"},
    {"air field", FALSE, "airbase"},
    {"الجويه", FALSE, "airbase"},
    {"قاعده", TRUE, "airbase"},
    {"international airport", FALSE, "airport"},
    {"airport", FALSE, "airport"},
    {"مطار", TRUE, "airport"},
    {"border crossing", FALSE, "border_crossing"},
    {"crossing", FALSE, "border_crossing"},
    {"منفذ", TRUE, "border_crossing"},
    {"معبر", TRUE, "border_crossing"},
    {"camp", FALSE, "camp"},
    {"camp", TRUE, "camp"},
};

gboolean cm_fold_is_article(const char *word)
{
    static const char *const articles[] = {
        "al", "el", "ar", "er", "as", "es", "ad", "ed", "at", "et", "an", "en",
        "ash", "esh", "az", "ez", "ath", "adh", "ال",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(articles); i++)
        if (strcmp(word, articles[i]) == 0)
            return TRUE;
    return FALSE;
}

/* Removes the facility words of one entry from the start or end of words,
 * if they are there and something is left. */
static gboolean strip_facility(GPtrArray *words, const char *phrase, gboolean prefix)
{
    char **parts = g_strsplit(phrase, " ", -1);
    guint n = g_strv_length(parts);
    gboolean match = words->len > n;
    guint start = prefix ? 0 : words->len - n;
    for (guint i = 0; match && i < n; i++)
        match = strcmp(g_ptr_array_index(words, start + i), parts[i]) == 0;
    g_strfreev(parts);
    if (match)
        g_ptr_array_remove_range(words, start, n);
    return match;
}

/* The canonical form of one word of a name. Returns a new string the
 * caller frees with g_free(). */
static char *fold_word(const char *word)
{
    static const char arabic_article[] = "ال";
    static const char arabic_abu[] = "ابو";
    if (strcmp(word, arabic_abu) == 0)
        return g_strdup("بو");
    if (g_str_has_prefix(word, arabic_article) &&
        g_utf8_strlen(word, -1) > 3)
        return g_strdup(word + strlen(arabic_article));
    /* Abu, Abou, Albu and Bu as a word or stuck to the next one. */
    const char *rest = word;
    if (g_str_has_prefix(word, "albu"))
        rest = word + 2;
    else if (g_str_has_prefix(word, "abou"))
        rest = word + 1;
    else if (g_str_has_prefix(word, "abu"))
        rest = word + 1;
    if (strcmp(word, "ein") == 0)
        rest = "ain";
    GString *out = g_string_new(NULL);
    gunichar previous = 0;
    for (const char *p = rest; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == 'o' && p[1] == 'u') {
            c = 'u';
            p++;
        } else if (c == 'q') {
            c = 'k';
        } else if (c == 'y') {
            c = 'i';
        }
        /* Doubled letters inside a word are written single as often as not
         * (shadda: Hilla, Hila); a doubled last letter is more likely a
         * typo, so it stays. */
        const char *next = g_utf8_next_char(p);
        if (c != previous || !*next)
            g_string_append_unichar(out, c);
        previous = c;
    }
    if (out->len > 3 && out->str[out->len - 1] == 'h' &&
        (out->str[out->len - 2] == 'a' || out->str[out->len - 2] == 'e')) {
        g_string_truncate(out, out->len - 2);
        g_string_append_c(out, 'a');
    }
    return g_string_free(out, FALSE);
}

char *cm_fold_key(const char *text, cm_fold_hint *hint)
{
    if (hint)
        *hint = NULL;
    char *literal = cm_fold_literal(text);
    char **split = g_strsplit(literal, " ", -1);
    GPtrArray *words = g_ptr_array_new();
    for (char **w = split; *w; w++)
        if (**w)
            g_ptr_array_add(words, *w);
    for (size_t i = 0; i < G_N_ELEMENTS(facility_words); i++) {
        if (strip_facility(words, facility_words[i].words, facility_words[i].prefix)) {
            if (hint)
                *hint = facility_words[i].kind;
            break;
        }
    }
    guint articles = 0;
    for (guint i = 0; i < words->len; i++)
        articles += cm_fold_is_article(g_ptr_array_index(words, i));
    GString *key = g_string_new(NULL);
    for (guint i = 0; i < words->len; i++) {
        const char *word = g_ptr_array_index(words, i);
        /* A name that is nothing but articles keeps them. */
        if (articles < words->len && cm_fold_is_article(word))
            continue;
        char *folded = fold_word(word);
        g_string_append(key, folded);
        g_free(folded);
    }
    g_ptr_array_free(words, TRUE);
    g_strfreev(split);
    if (key->len == 0) {
        g_string_free(key, TRUE);
        return literal;
    }
    g_free(literal);
    return g_string_free(key, FALSE);
}
