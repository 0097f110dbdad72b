/* The roads layer: the roads of a roads database (NAME.roads/roads.gpkg,
 * made by `convoymap roads import`) drawn on briefing maps and tiles in the
 * style's [roads] look, and their road numbers offered to the labeller as
 * route shields.
 *
 * Reading: SQLite directly, as the basemap reads world.gpkg
 * (core/geopackage.c): the layer's R-tree picks the roads that meet the
 * frame, the GeoPackage header is skipped and GEOS's WKB reader decodes the
 * line. Not GDAL through the OGR module: loading GDAL costs a process tens
 * of milliseconds, and the drawing needs no more than this. Each context
 * (one per tiler thread) keeps its own read-only connection. */
#ifndef CM_ROADLAYER_H
#define CM_ROADLAYER_H

#include <cairo.h>

#include "core/projection.h"
#include "labels.h"
#include "style.h"

typedef struct cm_road_source cm_road_source;

/* The roads database at path (a NAME.roads directory): checks that its
 * roads.gpkg opens and holds the layer roads, and fingerprints its
 * manifest. NULL with CM_ERR_INPUT on context naming path otherwise. Free
 * with cm_road_source_free(). */
cm_road_source *cm_road_source_open(cm_context *context, const char *path);

void cm_road_source_free(cm_road_source *source);

/* SHA-256 (hex) of the database's manifest, which names its sources: equal
 * for the same import. Owned by source. */
const char *cm_road_source_fingerprint(const cm_road_source *source);

/* Draws the roads of source that meet frame onto cr, as style's [roads]
 * draws them at zoom: tunnels, then the roads on the ground (every casing
 * under every fill), then bridges, each lowest class first. When labeller
 * is not NULL, also offers their route shields (see
 * cm_road_source_offer_shields()). Reads through context's connection, so
 * that threads may draw the same source at once, each with its own. */
cm_status cm_road_source_draw(const cm_road_source *source, cm_context *context, cairo_t *cr,
                              const cm_frame *frame, const cm_style *style, double zoom,
                              cm_labeller *labeller);

/* Offers to labeller the route shields of the roads of source in frame at
 * zoom: each road number (OSM ref) on its road, again every
 * shield-spacing pixels along it, at the style's shield priority. */
cm_status cm_road_source_offer_shields(const cm_road_source *source, cm_context *context,
                                       const cm_frame *frame, const cm_style *style,
                                       double zoom, cm_labeller *labeller);

#endif
