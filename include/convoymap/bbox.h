/* convoymap — geographic bounding boxes: the one box type of the API, its
 * parser and its antimeridian rule, for maps (cm_map_set_bbox()) and tiles
 * (cm_tiles_request, cm_tile_range()).
 *
 * A box is WEST,SOUTH,EAST,NORTH in degrees, longitudes in -180..180 and
 * latitudes in -90..90, south below north. The antimeridian rule: west
 * greater than east means the box crosses the antimeridian, running east
 * from west across 180° to east (170,-20,-170,-10 is 20° wide); west equal
 * to east has no width and is refused. Maps draw a box crossing the
 * antimeridian; tiles refuse it, naming the two boxes on either side of
 * the antimeridian to render instead, because a tileset's bounds (MBTiles
 * metadata, the preview page) are one west..east range.
 */
#ifndef CONVOYMAP_BBOX_H
#define CONVOYMAP_BBOX_H

#include "context.h"
#include "geodesy.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_bbox {
    double west, south, east, north;
} cm_bbox;

/* CM_OK when bbox is a box by the rule above, else CM_ERR_INPUT naming the
 * box and the value at fault (a longitude or latitude out of range, south
 * not below north, no width). */
CM_API cm_status cm_bbox_check(cm_context *context, const cm_bbox *bbox);

/* Parses "WEST,SOUTH,EAST,NORTH" in degrees (e.g. "38,29,48,37"; spaces
 * around the numbers are allowed) and checks it as cm_bbox_check().
 * CM_ERR_INPUT naming text when it is malformed or fails the check;
 * *bbox is set only on success. */
CM_API cm_status cm_bbox_parse(cm_context *context, const char *text, cm_bbox *bbox);

/* Whether the box crosses the antimeridian (west greater than east). */
CM_API int cm_bbox_crosses_antimeridian(const cm_bbox *bbox);

/* The box's width in degrees of longitude, east of west: east - west, plus
 * 360 when it crosses the antimeridian (48,29,38,37 is 350° wide). */
CM_API double cm_bbox_width(const cm_bbox *bbox);

/* The box's middle: halfway between south and north, and halfway along its
 * width east of west (across the antimeridian when it crosses it). */
CM_API cm_geo_point cm_bbox_center(const cm_bbox *bbox);

/* Whether point lies in the box, edges included, by the antimeridian rule. */
CM_API int cm_bbox_contains(const cm_bbox *bbox, cm_geo_point point);

#ifdef __cplusplus
}
#endif

#endif
