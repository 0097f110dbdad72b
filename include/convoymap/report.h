/* convoymap — route reports: legs, totals, border crossings and march
 * tables (march.h) as aligned text, CSV, JSON or GeoJSON, in km, statute
 * miles or nautical miles. */
#ifndef CONVOYMAP_REPORT_H
#define CONVOYMAP_REPORT_H

#include <stddef.h>

#include "borders.h"
#include "context.h"
#include "march.h"
#include "route.h"
#include "units.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cm_report_format {
    CM_REPORT_TEXT,
    CM_REPORT_CSV,
    CM_REPORT_JSON,
    CM_REPORT_GEOJSON,
} cm_report_format;

/* "text", "csv", "json" or "geojson" into *format; CM_ERR_INPUT otherwise. */
CM_API cm_status cm_report_format_parse(cm_context *context, const char *text,
                                        cm_report_format *format);

/* One route and what was computed for it. crossings may be NULL (not
 * computed); so may march, the route's march table computed with these
 * crossings (then the report has no march table). */
typedef struct cm_route_report {
    const cm_route *route;
    const cm_crossing_list *crossings;
    const cm_march_table *march;
} cm_route_report;

/* The report of n routes in format and units. JSON has the shape
 * {"routes": [{"name", "color", "units", "total_km", "total", "legs": [{"from":
 * {"name", "name_ar", "lat", "lon"}, "to": {...}, "distance_km", "distance",
 * "azimuth_deg", "final_azimuth_deg"}], "crossings": [{"lat", "lon",
 * "from_country", "to_country", "name", "name_ar", "leg",
 * "distance_from_start_km", "over_water"}]}]} with azimuths clockwise from
 * true north, 0–360, "leg" counted from 1 (as in every format; the
 * cm_border_crossing field is 0-based), and name_ar the Arabic name (cm_place.name_ar,
 * cm_border_crossing.name_ar) or null.
 * A route with a march table also has "serial", "speed_kmh",
 * "halt_minutes", "halt_every_h", "march": [{"point", "name", "lat", "lon",
 * "distance_km", "driving_h", "halts", "halt_minutes", "due_dtg",
 * "due_iso", "clear_dtg", "clear_iso"}] in travel order and "column":
 * {"vehicles", "gap_m", "vehicles_per_km" (null for a 0 m gap),
 * "road_space_km", "pass_time_h", "completion_dtg", "completion_iso"}.
 * CSV has one row per waypoint and crossing in travel order; when any
 * route has a march table every row also has the columns point, driving_h,
 * halts, halt_minutes, due_dtg, due_iso, clear_dtg and clear_iso (empty
 * for a route without one); the last column is name_ar (empty when there is
 * none). Text adds the march table and a line on the column below the
 * legs. GeoJSON (RFC 7946, written by GDAL) has a LineString per leg, drawn
 * as the geodesic, and a Point per waypoint and crossing (with name_ar when
 * there is one), with the properties point, due_dtg, due_iso, clear_dtg and
 * clear_iso when any route has a march table; it needs the GDAL/OGR module
 * (see cm_route_read_file()).
 * A route routed on roads (cm_route_leg_roads_get()) adds to each JSON leg
 * "roads": {"on_roads", "straight_distance_km", and on roads
 * "road_distance_km", "duration_s", "time_from" ("profile" or "speed":
 * the road distance at the march's speed, slower), "snap_from_m",
 * "snap_to_m", "refs", "roads"; off them "straight_reason"}; to CSV the
 * columns road_distance_UNIT, straight_distance_UNIT, driving_s,
 * time_from, snap_from_m, snap_to_m and refs before the march's (filled on
 * the row of a leg's first waypoint); to each GeoJSON leg the properties
 * on_roads, road_distance, straight_distance, driving_s, time_from,
 * snap_from_m, snap_to_m, refs, roads and straight_reason; to text an "On
 * roads" table. Returns a new string the caller frees with cm_free(), or
 * NULL with the error on context. */
CM_API char *cm_report_routes(cm_context *context, const cm_route_report *reports, size_t n,
                              cm_report_format format, cm_units units);

#ifdef __cplusplus
}
#endif

#endif
