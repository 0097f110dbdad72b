/* Reference grids over the map: a graticule of meridians and parallels, or
 * the MGRS grid (grid zone boundaries and UTM lines every 100 km, 10 km or
 * 1 km as the scale wants, with the 100 km square letters), labelled at
 * the edges of the map area. */
#ifndef CM_GRID_H
#define CM_GRID_H

#include <cairo.h>

#include "labels.h"
#include "core/projection.h"
#include "style.h"

/* Draws the grid of kind over the part of frame between the top band
 * (top pixels high) and the bottom band, and offers its labels to
 * labeller: edge labels at fixed places, square and zone letters centred.
 * Nothing is drawn for CM_GRID_NONE. */
cm_status cm_grid_draw(cm_context *context, cairo_t *cr, const cm_frame *frame,
                       const cm_style *style, cm_grid_kind kind, double top, double bottom,
                       cm_labeller *labeller);

#endif
