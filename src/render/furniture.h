/* Map furniture: title band, scale bar, north arrow, route legend and the
 * attribution line, drawn over the map frame. */
#ifndef CM_FURNITURE_H
#define CM_FURNITURE_H

#include <cairo.h>

#include "labels.h"
#include "core/projection.h"
#include "style.h"

/* Heights in pixels of what covers the top of the map (banner, if any, and
 * the title band) and its bottom (the band for the scale bars and
 * attribution, and the banner again), for a map of the given size. */
void cm_furniture_bands(int width, int height, gboolean banner, double *top, double *bottom);

/* A scale bar length that reads well: 1, 2 or 5 times a power of ten of
 * unit_m (1000 for km, 1852 for nmi...), close to target_px at m_per_px.
 * Returns the ground length in metres. */
double cm_furniture_scale_length(double m_per_px, double target_px, double unit_m);

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

/* Everything the furniture shows. Strings and the legend are borrowed. */
typedef struct cm_sheet {
    const char *title, *subtitle, *dtg, *attribution; /* dtg may be NULL */
    const char *banner;            /* NULL for none */
    cm_rgba banner_color, banner_text_color;
    double m_per_px;               /* ground metres per pixel at the centre */
    double scale_ground_m;         /* the kilometre scale bar's length */
    double second_scale_m;         /* the second bar's length, in second_units */
    const char *second_units;      /* "nmi" or "mi" */
    double second_unit_m;          /* metres in one second unit */
    GArray *legend;                /* of cm_legend_entry */
    cm_box legend_box;
} cm_sheet;

/* Draws the banner (top and bottom), the title band (title, subtitle, DTG),
 * the bottom band (scale bars in km and the second unit, attribution), a
 * north arrow pointing to true north at the frame's centre, and the legend
 * panel. */
void cm_furniture_draw(cairo_t *cr, const cm_frame *frame, const cm_style *style,
                       const cm_sheet *sheet);

/* Reads a classification or control banner: "secret // noforn" is
 * SECRET//NOFORN. A banner is recognised when its level, the text up to
 * any "//", is UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET or TOP SECRET in any
 * case and spacing. Then it returns the canonical form, which the caller
 * frees with g_free(): ASCII letters in upper case, runs of spaces and tabs
 * as one space, none at the ends or beside a "/"; and *color and
 * *text_color receive the level's standard colour and the colour of text on
 * it. Returns NULL when the level is not recognised. */
char *cm_furniture_banner_parse(const char *banner, cm_rgba *color, cm_rgba *text_color);

#endif
