/* Drawing helpers shared by the map's layers: paths from projected
 * geometry, styled strokes and Pango text with a halo. */
#ifndef CM_DRAW_H
#define CM_DRAW_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "projection.h"
#include "style.h"

void cm_draw_set_color(cairo_t *cr, cm_rgba color);

/* Applies a line style (colour, width, dash, round joins) to cr. */
void cm_draw_set_line(cairo_t *cr, const cm_line_style *line);

/* Appends to cr's path the projected polyline of n geographic points
 * (x = longitude, y = latitude, degrees; overwritten with pixels). Points
 * that cannot be projected break the line; vertices closer than a quarter
 * pixel to the previous one are skipped. close_rings closes the path. */
void cm_draw_geo_polyline(cairo_t *cr, const cm_frame *frame, double *x, double *y,
                          size_t n, gboolean close_ring);

/* A Pango layout of text in font (a Pango font description) for cr. The
 * caller frees it with g_object_unref(). */
PangoLayout *cm_draw_layout(cairo_t *cr, const char *font, const char *text);

/* Draws layout with its top-left corner at (x, y): a halo of halo_width in
 * halo_color (none when halo_width is 0), then the text in color. */
void cm_draw_layout_with_halo(cairo_t *cr, PangoLayout *layout, double x, double y,
                              cm_rgba color, cm_rgba halo_color, double halo_width);

#endif
