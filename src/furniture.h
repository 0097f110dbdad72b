/* Map furniture: title band, scale bar, north arrow, route legend and the
 * attribution line, drawn over the map frame. */
#ifndef CM_FURNITURE_H
#define CM_FURNITURE_H

#include <cairo.h>

#include "labels.h"
#include "projection.h"
#include "style.h"

/* Heights in pixels of the title band at the top and the band for the scale
 * bar and attribution at the bottom, for a map of the given size. */
void cm_furniture_bands(int width, int height, double *top, double *bottom);

/* A scale bar length that reads well: 1, 2 or 5 times a power of ten
 * kilometres, close to target_px at m_per_px. Returns the ground length in
 * metres. */
double cm_furniture_scale_length(double m_per_px, double target_px);

typedef enum cm_legend_kind {
    CM_LEGEND_ROUTE,    /* a line sample in the route's style, bold text */
    CM_LEGEND_CROSSING, /* the border crossing symbol */
    CM_LEGEND_TEXT,     /* an indented line of text */
} cm_legend_kind;

typedef struct cm_legend_entry {
    cm_legend_kind kind;
    cm_line_style line; /* CM_LEGEND_ROUTE */
    char *text;         /* owned by whoever built the array */
} cm_legend_entry;

/* The legend panel's size for these entries (of cm_legend_entry); 0 x 0
 * when there are none. */
void cm_furniture_legend_size(cairo_t *cr, const cm_style *style, GArray *entries,
                              double *width, double *height);

/* Draws the border crossing symbol centred at (x, y). */
void cm_furniture_crossing_symbol(cairo_t *cr, const cm_style *style, double x, double y);

/* Draws the title band (title, subtitle), the bottom band (scale bar of
 * scale_ground_m at m_per_px, attribution), a north arrow pointing to true
 * north at the frame's centre, and the legend panel (entries of
 * cm_legend_entry) at legend_box. */
void cm_furniture_draw(cairo_t *cr, const cm_frame *frame, const cm_style *style,
                       const char *title, const char *subtitle, double m_per_px,
                       double scale_ground_m, GArray *legend, cm_box legend_box,
                       const char *attribution);

#endif
