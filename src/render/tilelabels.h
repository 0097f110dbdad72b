/* Labels on tiles: placed once per label block — an aligned square of
 * tiles of one zoom, the same whatever the metatile size, the shard, the
 * requested box or the tile asked for alone — in that zoom's global pixels,
 * and drawn by every metatile they reach into. So a label that straddles a
 * tile or metatile edge is drawn whole, at the same place, on both sides.
 * A label never crosses a label block's edge, so blocks are placed
 * independently and only those that rendered tiles touch are placed. */
#ifndef CM_TILELABELS_H
#define CM_TILELABELS_H

#include <cairo.h>

#include "convoymap/tiles.h"
#include "labels.h"
#include "core/projection.h"

/* Label block side in tiles (fewer at zooms with fewer tiles). */
#define CM_LABEL_BLOCK_TILES 16

typedef struct cm_tile_labels cm_tile_labels;

/* The labels of map's tiles of tile_size style pixels; map must be
 * prepared (cm_map_prepare_layers()) and stay unchanged while they are
 * used. Free with cm_tile_labels_free(). */
cm_tile_labels *cm_tile_labels_new(const cm_map *map, int tile_size);

void cm_tile_labels_free(cm_tile_labels *labels);

/* Says that tiles up to zoom max_z will be drawn, so that the places they
 * label are read from the gazetteer at once rather than zoom by zoom. */
void cm_tile_labels_expect_zoom(cm_tile_labels *labels, int max_z);

/* Draws onto cr, whose top-left corner is (origin_x, origin_y) in the
 * zoom's global pixels (whole numbers, so that every metatile draws a label
 * on the same pixel grid), the labels of zoom z that reach into area (in
 * global pixels), each whole. Places the blocks not placed yet; several
 * threads may call it at once, each with its own context and mercator
 * projection. */
cm_status cm_tile_labels_draw(cm_tile_labels *labels, cm_context *context,
                              const cm_projection *mercator, cairo_t *cr, int z,
                              double origin_x, double origin_y, const cm_box *area);

/* The labels of zoom z that reach into the same area: a new array of
 * cm_tile_label (text owned by labels) the caller frees with g_array_free(),
 * or NULL with the reason in context. */
GArray *cm_tile_labels_in(cm_tile_labels *labels, cm_context *context,
                          const cm_projection *mercator, int z, double origin_x,
                          double origin_y, int width, int height);

#endif
