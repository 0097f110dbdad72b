/* Spelling-insensitive keys for place names. Private to the library and to
 * the tool that builds the gazetteer index, which must fold exactly as the
 * geocoder does: change CM_FOLD_VERSION whenever the result of any function
 * here or of cm_fuzzy_deletions() (fuzzy.h) changes, or the index's tables
 * do, so that an index built with older rules is refused. */
#ifndef CM_FOLD_H
#define CM_FOLD_H

#include <glib.h>

#define CM_FOLD_VERSION 6

/* The kind of place that a stripped suffix or prefix named ("Air Base",
 * "border crossing", "Camp ..."), or NULL when the name had none. */
typedef const char *cm_fold_hint;

/* text without case, diacritics (combining marks and Arabic harakat; shadda writes its letter
 * twice,
 * and the modifier letters for ʿayn and hamza), apostrophes, Arabic tatweel
 * or a hamza on the line, with letter variants made one (letter_variant()), with every run of
 * spaces, hyphens and punctuation turned into one space: "ʿAyn al-Asad" ->
 * "ayn al asad". Identical literals are an exact match. Returns a new
 * string the caller frees with g_free(), "" when nothing is left. */
char *cm_fold_literal(const char *text);

/* The loose key of text: the literal, then with the Arabic article dropped
 * (al-, el-, ar-, ash-, ...; ال), Abu/Albu/Al Bu/Bu made one, Ayn/Ain/Ein
 * made one, facility words (Air Base, AB, Airfield, Camp, Border Crossing,
 * Airport, قاعدة, منفذ, مطار) dropped, Latin letters folded (q = k, y = i, ou = u, a final
 * "ah"/"eh" = "a", a letter doubled inside a word single) and the words joined without
 * spaces: "Al-Qa'im Border Crossing" -> "kaim". When hint is not NULL it
 * receives the kind a dropped facility word named. Returns a new string the
 * caller frees with g_free(); never "" for a non-empty literal. */
char *cm_fold_key(const char *text, cm_fold_hint *hint);

/* Whether word (a word of a folded literal) is an Arabic article: al,
 * el, ar, ash, ..., ال. */
gboolean cm_fold_is_article(const char *word);

#endif
