/* The basemap: countries, provinces, water and boundaries read from the
 * shipped GeoPackage (geodata/world.gpkg), only what the frame shows. */
#ifndef CM_BASEMAP_H
#define CM_BASEMAP_H

#include <cairo.h>

#include "projection.h"
#include "style.h"

/* Where a country's name goes: inside the part of it the map shows. */
typedef struct cm_country_label {
    char *name;            /* owned; freed by cm_country_labels_free() */
    cm_geo_point anchor;
    double visible_share;  /* visible area of the country / area of the view */
} cm_country_label;

/* Draws every basemap layer in style order onto cr, clipped to the frame.
 * When labels is not NULL, appends a cm_country_label for each country
 * that covers a fair share of the view, largest first. */
cm_status cm_basemap_draw(cm_context *context, cairo_t *cr, const cm_frame *frame,
                          const cm_style *style, GArray *labels);

/* Draws the sea, countries and borders only, for an overview such as the
 * inset locator map, clipped to the frame. */
cm_status cm_basemap_draw_overview(cm_context *context, cairo_t *cr, const cm_frame *frame,
                                   const cm_style *style);

/* Frees the names in labels and labels itself. */
void cm_country_labels_free(GArray *labels);

#endif
