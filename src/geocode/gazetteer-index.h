/* The gazetteer index's format shared by the tool that writes it
 * (src/tools/build-index.c) and the geocoder that reads it: what a
 * spelling is to its place, and where the ids of each source begin.
 * Private; changing either changes CM_FOLD_VERSION (fold.h). */
#ifndef CM_GAZETTEER_INDEX_H
#define CM_GAZETTEER_INDEX_H

/* spelling.primary_name: what a spelling is to its place. */
typedef enum cm_spelling_rank {
    CM_SPELLING_ALTERNATE, /* one of GeoNames' alternates, a keyword */
    CM_SPELLING_OWN,       /* a name, a curated alias, an English form */
    CM_SPELLING_CODE,      /* an ICAO, IATA, ISO or division code: its own only as typed */
} cm_spelling_rank;

/* Where the ids of each source that has none of its own begin: above any
 * GeoNames id (under 2^27 today) and apart from each other. Curated sites
 * count down from -1. */
#define CM_ID_BASE_COUNTRY 1000000000LL
#define CM_ID_BASE_ADMIN1 1100000000LL
#define CM_ID_BASE_WATER 1200000000LL
#define CM_ID_BASE_AIRPORT 1300000000LL

#endif
