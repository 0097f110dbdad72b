/* Arabic display names: which of a place's many spellings an Arabic label
 * prints. Private to the library (user gazetteers) and to the tool that
 * builds the gazetteer index, which must choose alike.
 *
 * GeoNames' cities1000 lists alternate names without language tags, in
 * code-point order, and mixes Arabic with Persian, Urdu, Kurdish and Uyghur
 * spellings in the same script (Amman: ئاممان, امان, عمان, عمّان, عەممان, ...),
 * so the first Arabic-script name is often not Arabic. The rule:
 * - Outside Iran, Afghanistan and Pakistan, only spellings written wholly
 *   in the letters of the Arabic language (and its vowel marks) count: a
 *   Persian ی or ک, a Kurdish ە or an Urdu ہ rules a spelling out. In IRN,
 *   AFG and PAK every Arabic-script spelling counts, since a reader of the
 *   local script expects the Persian, Dari, Pashto or Urdu name there.
 * - Every Arabic-script spelling votes, Persian and Kurdish ones too: a
 *   spelling folded without vowel marks, with hamza seats and the forms
 *   of yeh, kaf and heh made one (teh marbuta with heh, as Persian writes
 *   it) and the article ال dropped, gets a vote from every spelling that
 *   folds to it or contains it as whole words (محافظة كربلاء votes for
 *   كربلاء). Most votes wins; then the shorter folded form (لندن over
 *   لأندأن).
 * - The spelling printed for the winner, and the last ties: Arabic
 *   orthography (ة, أ, إ, ؤ, ء: القاهرة over the Persian قاهره), then fewest
 *   marks (عمان over عمّان), then the article (الموصل over موصل), then a
 *   final ي over ى (Egyptian spelling writes ى for both: الرمادي over
 *   الرمادى), then the shorter, then code-point order.
 * Vowel marks (not shadda) are removed from the name printed. */
#ifndef CM_ARABIC_NAME_H
#define CM_ARABIC_NAME_H

#include <glib.h>

#include "core/private-export.h"

/* Whether text holds any letter of the Arabic script. */
CM_PRIVATE
gboolean cm_arabic_script_text(const char *text);

/* The Arabic display name among the n spellings (UTF-8; NULL or invalid
 * entries are skipped) of a place in country (ISO3, may be "" or NULL).
 * Returns a new string the caller frees with g_free(), or NULL when no
 * spelling qualifies. */
char *cm_arabic_name_choose(const char *const *spellings, size_t n, const char *country);

#endif
