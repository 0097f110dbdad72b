/* The shape of a place query: what a planner types around the name. Pure
 * text work, private to the library; the geocoder decides what the parts
 * mean (docs/geocoding.md).
 *
 * "Ramadi, Anbar, Iraq" is the name "ramadi" with the qualifiers "anbar"
 * and "iraq"; "Anbar province" the name "anbar" of a kind (admin1) that
 * the generic word "province" names; "Nasib-Jaber crossing" a crossing
 * named by its two posts, "nasib" and "jaber". A qualifier without a comma
 * ("Ramadi Iraq") cannot be told from a name by its text alone: the last
 * words are offered as a possible qualifier (tail_words) for the geocoder
 * to try. */
#ifndef CM_QUERY_H
#define CM_QUERY_H

#include <glib.h>

/* Kinds a generic word can name; a place fits the kind when its own kind
 * is one of those cm_query_kind_fits() lists. */
typedef enum cm_query_kind {
    CM_QUERY_KIND_NONE,
    CM_QUERY_KIND_SETTLEMENT, /* city, town, village */
    CM_QUERY_KIND_ADMIN1,     /* province, governorate, ... */
    CM_QUERY_KIND_CROSSING,   /* border post, border crossing, port of entry */
    CM_QUERY_KIND_CAMP,       /* camp, outpost, FOB, COB, LSA */
    CM_QUERY_KIND_AIRFIELD,   /* air base, airfield, airport */
    CM_QUERY_KIND_PORT,       /* port, harbour */
    CM_QUERY_KIND_NAVAL,      /* naval base, naval station: a port or an air station */
    CM_QUERY_KIND_RIVER,
    CM_QUERY_KIND_LAKE,
} cm_query_kind;

typedef struct cm_query_shape {
    char *name;         /* folded literal of the name, generic words removed */
    char **qualifiers;  /* folded literals after commas, NULL-terminated */
    char **qualifier_texts; /* the same as typed, trimmed, for messages */
    cm_query_kind kind; /* named by a generic word, or NONE */
    /* Without a comma: the name's last one or two words, which may be a
     * qualifier, and the name without them; NULL when the name has fewer
     * words than that plus one. */
    char *tail_words[2], *head_words[2];
    /* "A-B crossing", "A/B crossing": the two posts, folded; else NULL. */
    char *post_a, *post_b;
} cm_query_shape;

/* Takes query (valid UTF-8) apart. Returns a new shape the caller frees
 * with cm_query_shape_free(); its name is "" when nothing but generic
 * words and punctuation was given. */
cm_query_shape *cm_query_shape_parse(const char *query);

void cm_query_shape_free(cm_query_shape *shape);

/* Whether a place of kind (as cm_place.kind) is of the kind wanted. */
gboolean cm_query_kind_fits(cm_query_kind wanted, const char *kind);

#endif
