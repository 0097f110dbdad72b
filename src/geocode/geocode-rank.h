/* The geocoder's ranking constants, defined here once; docs/geocoding.md
 * explains the rules they serve. Private to the library.
 *
 * A candidate's score (0..1) adds up:
 *   RANK_MATCH_WEIGHT x quality   how the spelling matches (exact 1, folded
 *                                 0.85, fuzzy 0.8 x similarity)
 * + RANK_PRIMARY_NAME             the spelling is one of the place's own
 *                                 names, not a GeoNames alternate
 * + prominence                    what kind of place it is (below)
 * + RANK_KIND_FIT                 a generic word of the query names its kind
 * - RANK_KIND_MISFIT              a generic or facility word on one side only
 * The primary-name bonus is larger than any gap in prominence between two
 * settlements, so a minor place's alternate name never beats a major
 * place's own name (geodata/exonyms.tsv makes the English names of places
 * whose GeoNames name is another, "Palmyra" for Tadmur, their own, and a
 * capital's alternates count as its own); a country outranks a settlement
 * that has its name as its own, and a division cedes to its seat
 * (SEAT_MARGIN). */
#ifndef CM_GEOCODE_RANK_H
#define CM_GEOCODE_RANK_H

#define RANK_MATCH_WEIGHT 0.6
#define RANK_QUALITY_EXACT 1.0
#define RANK_QUALITY_FOLDED 0.85
#define RANK_QUALITY_FUZZY 0.8
#define RANK_PRIMARY_NAME 0.15
#define RANK_KIND_FIT 0.05
#define RANK_KIND_MISFIT 0.1

/* Prominence. */
#define PROMINENCE_USER 0.22    /* the user's own sites */
#define PROMINENCE_COUNTRY 0.2
#define PROMINENCE_ADMIN1 0.13
#define PROMINENCE_CURATED 0.15 /* installations, crossings, ports: their curation */
#define PROMINENCE_CAPITAL 0.15 /* GeoNames PPLC */
#define PROMINENCE_WATER 0.12   /* the basemap's named rivers and lakes */
#define PROMINENCE_AIRBASE 0.1  /* OurAirports military airfields */
#define PROMINENCE_AIRPORT 0.08 /* OurAirports civil airports */
/* A settlement: per decade of inhabitants, up to a cap; a division's seat
 * (GeoNames PPLA) a little more. */
#define PROMINENCE_PER_DECADE 0.015
#define PROMINENCE_SETTLEMENT_MAX 0.12
#define PROMINENCE_ADMIN_SEAT 0.02

/* Confidence (0..1) of an answer: its match (exact 1, folded
 * CONFIDENCE_FOLDED, fuzzy CONFIDENCE_FUZZY x similarity) times how clear
 * its lead over the next place elsewhere is: half at a tie, whole from
 * CONFIDENCE_CLEAR_LEAD on. */
#define CONFIDENCE_FOLDED 0.95
#define CONFIDENCE_FUZZY 0.8
#define CONFIDENCE_CLEAR_LEAD 0.1

/* Suggestions for an unknown name: a key this similar at least, or one
 * (at least FUZZY_MIN_SIMILARITY similar) with the same consonant skeleton
 * (sound) of at least SKELETON_MIN_LENGTH letters; a key with the query's
 * skeleton counts SKELETON_BONUS more similar. */
#define SUGGEST_MIN_SIMILARITY 0.75
#define SKELETON_MIN_LENGTH 3
#define SKELETON_BONUS 0.1

/* A place of a lower tier (GeoNames, curated, the user's) this close to a
 * settlement or a place of its kind of a higher tier that scores as well,
 * give or take NAMESAKE_SLACK, is the same place. */
#define NAMESAKE_RADIUS_M 30000.0
#define NAMESAKE_SLACK 0.1
/* Fuzzy search (fuzzy.h): how similar a key must be to be suggested and
 * how many of the most similar keys to take. Query keys are looked up with
 * two characters deleted up to FUZZY_TWO_DELETIONS characters long, with
 * one up to FUZZY_MAX_LENGTH, and not at all beyond: a long garbage string
 * costs a bounded number of lookups. At most FUZZY_MAX_CANDIDATES keys are
 * compared with the query. */
#define FUZZY_MIN_SIMILARITY 0.7
#define FUZZY_KEYS 64
#define FUZZY_TWO_DELETIONS 24
#define FUZZY_MAX_LENGTH 64
#define FUZZY_MAX_CANDIDATES 4096

/* Another reading of a name is worth a note when it scores this close to
 * the answer. */
#define AMBIGUITY_MARGIN 0.06
/* Context: a candidate loses up to CONTEXT_WEIGHT of its score with its
 * distance to the nearest other site, in full from CONTEXT_FAR_M on, so
 * that of two namesakes in doubt (within AMBIGUITY_MARGIN) the one 2,000 km
 * away loses to the one nearby. */
#define CONTEXT_WEIGHT 0.1
#define CONTEXT_FAR_M 2000000.0
/* A typo in a route is clear when only one place that it resembles lies
 * this close to the other sites. */
#define CONTEXT_RADIUS_M 300000.0
/* A typo on its own is clear when its spelling is this similar and it
 * scores this far above the next distinct place. */
#define FUZZY_TAKE_SIMILARITY 0.82
#define FUZZY_TAKE_MARGIN 0.08

/* Readings of an ambiguous name weighed together with the others' (the
 * first and up to this many more, each somewhere else); and at most this
 * many combinations, else each name is weighed alone. */
#define JOINT_READINGS 3
#define JOINT_COMBINATIONS 4096

/* An answer is out of line when it lies this far from the other sites
 * and, where the route has sure legs, this many times their median. */
#define ABSURD_MIN_M 400000.0
#define ABSURD_RATIO 4.0
/* A near reading may score this much less than the far answer it
 * replaces. */
#define NEAR_READING_MAX_LOSS 0.25

/* A division that matches about as well as a settlement in it ranks this
 * much below it. */
#define SEAT_MARGIN 0.01

/* "A-B crossing": the two posts' crossings lie this close. */
#define CROSSING_PAIR_RADIUS_M 20000.0

#endif
