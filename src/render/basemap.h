/* The basemap: countries, provinces, water and boundaries read from the
 * shipped GeoPackage (geodata/world.gpkg), only what the frame shows. */
#ifndef CM_BASEMAP_H
#define CM_BASEMAP_H

#include <cairo.h>

#include "core/projection.h"
#include "style.h"

/* Where a country's or a province's name goes: inside the part of it the
 * map shows. */
typedef struct cm_country_label {
    char *name;            /* owned; freed by cm_country_labels_free() */
    cm_geo_point anchor;
    double visible_share;  /* visible area of the country / area of the view */
    GEOSGeometry *area;    /* provinces: the visible part, lon/lat; owned, freed
                            * by cm_country_labels_free(); NULL for countries */
    GEOSContextHandle_t geos; /* the handle area belongs to */
} cm_country_label;

/* Draws every basemap layer in style order onto cr, clipped to the frame.
 * When labels is not NULL, appends a cm_country_label for each country
 * that covers a fair share of the view, largest first; when
 * province_labels is not NULL, likewise for the provinces (admin1), each
 * with its visible area for cm_area_label_holds(). */
cm_status cm_basemap_draw(cm_context *context, cairo_t *cr, const cm_frame *frame,
                          const cm_style *style, GArray *labels, GArray *province_labels);

/* TRUE when a box of 2 half_width x 2 half_height pixels centred on the
 * label's anchor lies wholly inside its visible area (FALSE for a label
 * without one). */
gboolean cm_area_label_holds(const cm_country_label *label, const cm_frame *frame,
                             double half_width, double half_height);

/* Draws the sea, countries and borders only, for an overview such as the
 * inset locator map, clipped to the frame. */
cm_status cm_basemap_draw_overview(cm_context *context, cairo_t *cr, const cm_frame *frame,
                                   const cm_style *style);

/* Frees the names and areas in labels and labels itself. */
void cm_country_labels_free(GArray *labels);

#endif
