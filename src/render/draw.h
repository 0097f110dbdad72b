/* Drawing helpers shared by the map's layers: paths from projected
 * geometry, styled strokes and Pango text with a halo. */
#ifndef CM_DRAW_H
#define CM_DRAW_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/projection.h"
#include "style.h"

/* Ground metres in a degree of latitude, for tolerances in degrees. */
#define CM_METRES_PER_DEGREE 111320.0

void cm_draw_set_color(cairo_t *cr, cm_rgba color);

/* Applies a line style (colour, width, dash, round joins) to cr. */
void cm_draw_set_line(cairo_t *cr, const cm_line_style *line);

/* Appends to cr's path the projected polyline of n geographic points
 * (x = longitude, y = latitude, degrees; overwritten with projected
 * metres). The line is cut where the projection cannot take a point, and
 * where it jumps (across the edge of its valid area or its antimeridian:
 * a segment whose middle stays far from its chord however finely it is
 * halved); segments the projection bends are drawn through their
 * projected middles. Far off the frame the path is clipped, since Cairo's
 * fixed point cannot hold such pixels. A ring (close_ring, or a last point
 * equal to the first) is clipped as an area, so that its fill stays whole,
 * and closed unless it was cut; a cut ring is left as open runs, which a
 * fill closes along the cut. Vertices closer than a quarter pixel to the
 * previous one are skipped. */
void cm_draw_geo_polyline(cairo_t *cr, const cm_frame *frame, double *x, double *y,
                          size_t n, gboolean close_ring);

/* Thins the line x, y (degrees) of n points in place to tolerance
 * (degrees), its ends kept: points closer than tolerance in both
 * coordinates to the last one kept go first, then Douglas-Peucker keeps a
 * point only where the line strays more than tolerance from the chord.
 * Returns how many points are left; 0 for a ring (last point equal to the
 * first) that shrinks below a triangle. scratch (of guint8) holds the
 * marks of kept points. */
unsigned cm_draw_thin_line(double *x, double *y, unsigned n, double tolerance,
                           GArray *scratch);

/* A Pango layout of text in font (a Pango font description) for cr. The
 * caller frees it with g_object_unref(). */
PangoLayout *cm_draw_layout(cairo_t *cr, const char *font, const char *text);

/* Draws layout with its top-left corner at (x, y): a halo of halo_width in
 * halo_color (none when halo_width is 0), then the text in color. */
void cm_draw_layout_with_halo(cairo_t *cr, PangoLayout *layout, double x, double y,
                              cm_rgba color, cm_rgba halo_color, double halo_width);

#endif
