/* The briefing map's layers drawn into any frame, for its tiles
 * (src/tiles.c): the same basemap, routes, markers and crossing symbols as
 * the map, without labels and furniture. */
#ifndef CM_MAPLAYERS_H
#define CM_MAPLAYERS_H

#include <cairo.h>

#include "projection.h"

/* Loads the map's style and computes what its routes cache, so that
 * cm_map_draw_layers() only reads the map afterwards. Returns CM_OK or the
 * failure, recorded in the map's context. */
cm_status cm_map_prepare_layers(cm_map *map);

/* Draws basemap, routes, waypoint and site markers and crossing symbols of
 * map in frame onto cr, in the style's layer order, each layer only when
 * its zoom range holds zoom (the tiles' web-mercator zoom). It only reads
 * map, so several threads may draw the same prepared map at once, each
 * with its own context (PROJ, GDAL and errors) and a frame whose
 * projection belongs to that context. */
cm_status cm_map_draw_layers(const cm_map *map, cm_context *context, cairo_t *cr,
                             const cm_frame *frame, double zoom);

#endif
