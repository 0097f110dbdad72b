/* Typo candidates for place-name keys (fold.h) by symmetric deletion, as
 * SymSpell does: the gazetteer index stores, for every key, the hashes of
 * the key and of each string left by deleting one of its characters; a
 * query looks up the hashes of its own key with up to two characters
 * deleted. Two keys meet when a deletion of one equals a deletion of the
 * other, which finds every key one edit away (insertion, deletion,
 * substitution, transposition) and those two away by two extra characters
 * or one extra and one wrong; cm_fuzzy_distance() then checks each
 * candidate. Private to the library and to the tool that builds the index,
 * which must hash exactly as the geocoder does (CM_FOLD_VERSION). */
#ifndef CM_FUZZY_H
#define CM_FUZZY_H

#include <glib.h>

/* How many characters the index deletes from each key. */
#define CM_FUZZY_INDEX_DELETIONS 1

/* The index's table fuzzy_bucket(bucket INTEGER PRIMARY KEY, entries BLOB)
 * groups the hashes by their high bits: row hash >> CM_FUZZY_LOW_BITS holds
 * an entry for each (hash, key) pair, its low CM_FUZZY_LOW_BITS bits in 2
 * bytes then the key's id in fuzzy_key in 3, both big-endian, sorted. Few
 * rows of short blobs take a quarter of the space of a row per pair. */
#define CM_FUZZY_LOW_BITS 14
#define CM_FUZZY_ENTRY_BYTES 5
#define CM_FUZZY_MAX_KEYS 0xFFFFFF

/* Sets hashes (a GArray of guint32, emptied first) to the distinct hashes
 * of key and of every non-empty string made from key by deleting up to
 * max_deletions (1 or 2) of its characters, sorted. */
void cm_fuzzy_deletions(const char *key, guint max_deletions, GArray *hashes);

/* The optimal-string-alignment distance between a and b in characters
 * (insertions, deletions, substitutions and swaps of neighbours each count
 * one), or max + 1 when it exceeds max. */
guint cm_fuzzy_distance(const char *a, const char *b, guint max);

/* Similarity of two keys from 0 (nothing alike) to 1 (equal): one minus
 * their cm_fuzzy_distance() over the longer length in characters; 0 when
 * it is below at_least, which keys far apart show early. */
double cm_fuzzy_similarity(const char *a, const char *b, double at_least);

#endif
