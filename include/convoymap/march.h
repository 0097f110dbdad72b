/* convoymap — march tables: when a convoy's head reaches, and its tail
 * clears, each point of a route (a road movement table in the sense of
 * STANAG 2041, with the definitions of FM 3-101-1).
 *
 * Points. The first waypoint is the start point (SP), the last the release
 * point (RP), the others checkpoints CP1, CP2, ...; every border crossing is
 * a critical point CRIT1, CRIT2, ..., all in travel order by distance along
 * the route (at equal distance a waypoint comes first).
 *
 * The arithmetic, in whole seconds:
 *   driving(p)   = round(distance_km(p) / speed_kmh * 3600): the head's
 *                  driving time from the SP to point p at the rate of march.
 *   halts(t)     = the number of k >= 1 with k * every < t, strictly: the
 *                  column takes a halt of `halt` after each full `every` of
 *                  the head's driving, but a halt falling exactly when the
 *                  head reaches a point is taken after that point, and none
 *                  is taken once the head has reached the RP. Example: 120 km
 *                  at 40 km/h with 15m/1h drives 3 h and halts at 1 h and
 *                  2 h only, so the RP is due 3 h 30 min after the start.
 *   due(p)       = start + driving(p) + halts(driving(p)) * halt.
 *   density      = 1000 / gap_m vehicles per km (a 100 m gap is 10 per km).
 *   road space   = vehicles / density = vehicles * gap_m / 1000 km: the
 *                  length of the column, vehicle lengths ignored.
 *   pass time    = road space / speed: how long the column takes to pass a
 *                  point (155 km of column at 30 km/h: 5.17 h, just over 5 h).
 *   clear(p)     = start + driving(p) + pass + halts(T) * halt, with
 *                  T = min(driving(p) + pass, driving(RP)): the column moves
 *                  as one body and halts as one, so a halt taken while it is
 *                  still passing p delays its tail there too.
 *   completion   = clear(RP) = due(RP) + pass time.
 *
 * Times are shown as date-time groups (DTG, DDHHMMZMONYY such as
 * 071630CSEP19) in the zone letter of the start's UTC offset, and as ISO
 * 8601 with that offset, both to the nearest minute. */
#ifndef CONVOYMAP_MARCH_H
#define CONVOYMAP_MARCH_H

#include <stddef.h>
#include <stdint.h>

#include "borders.h"
#include "context.h"
#include "geodesy.h"
#include "route.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A moment and the UTC offset it is written in. */
typedef struct cm_time {
    int64_t unix_s;      /* seconds since 1970-01-01T00:00:00Z */
    int32_t utc_offset_s; /* east of UTC positive */
} cm_time;

/* Parses ISO 8601 with an offset ("2019-09-07T12:00Z",
 * "2019-09-07T15:00:00+03:00") or a military date-time group
 * DDHHMM[SS]ZMONYY ("071200ZSEP19", "071500CSEP19"; years are 20YY). Zone
 * letters: Z is UTC, A–I are UTC+1 to +9, K–M +10 to +12, N–Y UTC−1 to −12;
 * J (local time) has no offset and is refused. On success *time keeps the
 * offset written; CM_ERR_INPUT naming text otherwise. */
CM_API cm_status cm_time_parse(cm_context *context, const char *text, cm_time *time);

/* The zone letter of a UTC offset, or '\0' when it has none (not a whole
 * number of hours from -12 to +12). */
CM_API char cm_zone_letter(int32_t utc_offset_s);

/* time plus seconds, in the same offset. */
CM_API cm_time cm_time_add(cm_time time, int64_t seconds);

/* time as a DTG to the nearest minute, "071630CSEP19", in its offset's
 * zone letter, or in Z when the offset has no letter. A new string the
 * caller frees with cm_free(); NULL when time is outside the years
 * 1 to 9999. */
CM_API char *cm_time_format_dtg(cm_time time);

/* time as ISO 8601 to the nearest minute with its offset,
 * "2019-09-07T16:30+03:00" ("Z" for UTC). A new string the caller frees
 * with cm_free(); NULL when time is outside the years 1 to 9999. */
CM_API char *cm_time_format_iso(cm_time time);

/* A halt of halt_s seconds after every every_s seconds of driving; both 0
 * for no halts. */
typedef struct cm_halt_rule {
    int32_t halt_s;
    int32_t every_s;
} cm_halt_rule;

/* Parses "HALT/EVERY" with durations like 15m, 2h, 1h30m ("15m/2h",
 * "10m/1h30m"), or "0" or "none" for no halts. CM_ERR_INPUT naming text
 * when malformed or when a duration is zero or longer than a day. */
CM_API cm_status cm_halt_rule_parse(cm_context *context, const char *text,
                                    cm_halt_rule *rule);

/* Limits of a march table's parameters, and the default gap (an open
 * column, 10 vehicles per km). */
#define CM_MARCH_MAX_SPEED_KMH 200.0
#define CM_MARCH_MAX_VEHICLES 100000L
#define CM_MARCH_MAX_GAP_M 10000.0
#define CM_MARCH_DEFAULT_GAP_M 100.0

/* What a march table is computed from. */
typedef struct cm_march_params {
    double speed_kmh;   /* rate of march, above 0 and at most CM_MARCH_MAX_SPEED_KMH */
    cm_time start;      /* when the head passes the SP */
    cm_halt_rule halts;
    long vehicles;      /* 1 to CM_MARCH_MAX_VEHICLES */
    double gap_m;       /* between vehicles, 0 to CM_MARCH_MAX_GAP_M */
    const char *serial; /* NULL or "" for the route's name; copied */
} cm_march_params;

/* The defaults: speed 0 (must be set), start 0 (the epoch, must be set),
 * no halts, 1 vehicle, CM_MARCH_DEFAULT_GAP_M, the route's name as
 * serial. */
CM_API void cm_march_params_init(cm_march_params *params);

/* Fills params from text as typed on a command line: speed in km/h, start
 * as cm_time_parse() reads it, halt as cm_halt_rule_parse() reads it,
 * vehicles a whole number, gap in metres. NULL leaves a field as it is,
 * except that speed and start are required. CM_ERR_INPUT naming the bad
 * value otherwise; params is then partly filled. */
CM_API cm_status cm_march_params_parse(cm_context *context, const char *speed,
                                       const char *start, const char *halt,
                                       const char *vehicles, const char *gap,
                                       cm_march_params *params);

/* One row of the table. Strings are owned by the table. */
typedef struct cm_march_point {
    const char *point;   /* "SP", "CP1", "CRIT1", "RP" */
    const char *name;    /* the waypoint's or crossing's name */
    cm_geo_point position;
    int is_crossing;     /* 1 for a border crossing */
    size_t index;        /* the waypoint's index, or the crossing's */
    double distance_m;   /* from the SP along the route */
    int64_t driving_s;   /* head's driving time from the SP */
    int halts;           /* halts taken before the head arrives */
    int64_t halt_s;      /* their total length */
    cm_time due, clear;  /* head arrives, tail clears */
    const char *due_dtg, *due_iso, *clear_dtg, *clear_iso;
} cm_march_point;

/* The column as a whole. Strings are owned by the table. */
typedef struct cm_march_column {
    long vehicles;
    double gap_m;
    double road_space_m;
    int64_t pass_s;      /* pass time */
    cm_time completion;  /* the tail clears the RP */
    const char *completion_dtg, *completion_iso;
} cm_march_column;

typedef struct cm_march_table cm_march_table;

/* Computes the march table of route (at least two waypoints) with the
 * crossings in crossings (may be NULL: none) as critical points. On success
 * *table receives a new table the caller frees with cm_march_table_free();
 * CM_ERR_INPUT naming the bad parameter otherwise, also when driving the
 * route and passing its column would take more than a year or the table
 * would leave the years 1 to 9999. */
CM_API cm_status cm_march_table_new(cm_context *context, const cm_route *route,
                                    const cm_crossing_list *crossings,
                                    const cm_march_params *params, cm_march_table **table);

CM_API void cm_march_table_free(cm_march_table *table);

/* The serial's name; owned by the table. */
CM_API const char *cm_march_table_serial(const cm_march_table *table);

/* Rate of march, km/h. */
CM_API double cm_march_table_speed_kmh(const cm_march_table *table);

CM_API cm_halt_rule cm_march_table_halts(const cm_march_table *table);

/* Number of rows: waypoints plus crossings. */
CM_API size_t cm_march_table_count(const cm_march_table *table);

/* Row i (0-based) in travel order, owned by the table; NULL when out of
 * range. */
CM_API const cm_march_point *cm_march_table_get(const cm_march_table *table, size_t i);

/* The row of waypoint i of the route, owned by the table; NULL when out of
 * range. */
CM_API const cm_march_point *cm_march_table_waypoint(const cm_march_table *table, size_t i);

/* The column's road space, pass time and completion; owned by the table. */
CM_API const cm_march_column *cm_march_table_column(const cm_march_table *table);

#ifdef __cplusplus
}
#endif

#endif
