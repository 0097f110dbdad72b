/* The briefing map's layers drawn into any frame, for its tiles
 * (src/render/tiles.c): the same basemap, routes, markers and crossing symbols as
 * the map, without furniture; their labels are offered to a labeller that
 * the tiles place once for many tiles (src/render/tilelabels.c). */
#ifndef CM_MAPLAYERS_H
#define CM_MAPLAYERS_H

#include <cairo.h>

#include "labels.h"
#include "roadlayer.h"
#include "core/projection.h"

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

/* Shows scene like cm_map_set_scene(), but labels waypoints by name only,
 * without their march tables' due times, as tiles do. */
void cm_map_layers_set_scene(cm_map *map, const cm_scene *scene);

/* A line ending in '\n' for each of the map's marked sites outside bbox
 * (west above east crosses the antimeridian), naming it; NULL when none.
 * Free with g_free(). */
char *cm_map_layers_marks_outside(const cm_map *map, const cm_bbox *bbox);

/* The map's roads database, drawn as its roads layer; NULL when none.
 * Owned by the map. */
const cm_road_source *cm_map_layers_roads(const cm_map *map);

/* The prepared map's style, owned by the map. */
const cm_style *cm_map_layers_style(const cm_map *map);

/* The language of the map's place and country labels. */
cm_label_language cm_map_layers_language(const cm_map *map);

/* "en", "ar" or "both", as cm_label_language_parse() reads them; static. */
const char *cm_label_language_name(cm_label_language labels);

/* A name in a label language: english, arabic (NULL or empty when there is
 * none) or both, English above Arabic (one line when they are the same).
 * Returns a new string the caller frees with g_free(). */
char *cm_label_name(cm_label_language language, const char *english, const char *arabic);

/* Offers to labeller what cm_map_draw_layers() draws in frame and labels
 * on the briefing map: the routes as obstacles, when labelled the labels
 * of waypoints, crossings and sites that lie in the frame (at the style's
 * priorities), and all their symbols as obstacles. Appends to anchors (of
 * double, x then y) the pixel position of each symbol, so that the caller
 * does not label the same place twice. Only reads the prepared map. */
void cm_map_offer_layer_labels(const cm_map *map, const cm_frame *frame,
                               cm_labeller *labeller, gboolean labelled, GArray *anchors);

#endif
