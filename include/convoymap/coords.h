/* convoymap — coordinates typed as text, and MGRS grid references.
 *
 * A planner may give a place as a coordinate instead of a site name: in
 * decimal degrees, in degrees-minutes-seconds, or as an MGRS grid reference
 * (UTM zones 1–60, or polar UPS zones A, B, Y and Z). cm_coordinate_parse()
 * tells such text apart from a site name, so that the geocoder can try the
 * gazetteer only for what is not a coordinate. Grid conversions follow
 * NGA.STND.0037 on WGS84, with the UTM and UPS projections done by PROJ.
 */
#ifndef CONVOYMAP_COORDS_H
#define CONVOYMAP_COORDS_H

#include "context.h"
#include "geodesy.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cm_coordinate_kind {
    CM_COORDINATE_NONE,    /* not a coordinate: treat the text as a site name */
    CM_COORDINATE_DECIMAL, /* "33.7856,42.4412", "33.7856N 42.4412E" */
    CM_COORDINATE_DMS,     /* "33°47'08\"N 42°26'28\"E", "334708N0422628E" */
    CM_COORDINATE_MGRS,    /* "38SKC6307841327", "38S KC 63078 41327" */
    CM_COORDINATE_UPS,     /* polar MGRS, "ZBA1577643401" */
} cm_coordinate_kind;

/* Reads text as a coordinate. Accepted forms, in any case:
 *   decimal degrees  "33.7856,42.4412"  "-33.5 -70.25"  "N33.7856 E42.4412"
 *                    "33.7856°N, 42.4412°E"
 *   degrees, minutes and seconds, marked with ° ' " ′ ″, or separated by
 *   spaces or colons  "33°47.133'N 42°26.467'E"  "33 47 08N 042 26 28E"
 *   compact military DMS  "334708N0422628E"  "3347N04226E"
 *   MGRS, 0 to 5 digits per axis  "38SKC6307841327"  "38S KC 63078 41327"
 *   polar MGRS (UPS)  "ZBA1577643401"
 * Latitude comes first unless hemisphere letters say otherwise. An MGRS
 * reference gives the centre of its square, as GeographicLib's GeoConvert
 * does. A polar reference needs at least one digit pair, because three
 * letters alone ("BAM", "ZAB") are more likely a name.
 *
 * Returns CM_OK with *kind = CM_COORDINATE_NONE, *point untouched, when text
 * does not look like a coordinate ("Baghdad", "H-4"); CM_OK with *kind and
 * *point set when it is one; CM_ERR_INPUT with a message naming text when
 * it looks like a coordinate but is malformed or out of range, and then
 * *kind says what it looked like. Nothing is allocated. */
CM_API cm_status cm_coordinate_parse(cm_context *context, const char *text,
                                     cm_geo_point *point, cm_coordinate_kind *kind);

/* The MGRS reference of the square of precision digits per axis (0 = 100 km
 * … 5 = 1 m) that holds point, without spaces, e.g. "38SKC6307841327".
 * Coordinates are truncated, not rounded, as MGRS requires, so the square
 * contains the point. Uses UTM with the Norway and Svalbard zone exceptions
 * from 80°S up to (not including) 84°N, UPS beyond. Returns a new string the
 * caller frees with cm_free(), or NULL with CM_ERR_INPUT on the
 * context for a precision outside 0..5 or a point out of range. */
CM_API char *cm_mgrs_format(cm_context *context, cm_geo_point point, int precision);

#ifdef __cplusplus
}
#endif

#endif
