/* convoymap — briefing maps: a basemap, routes, marked sites and furniture,
 * drawn once and written as PNG, SVG or PDF.
 *
 * A cm_map collects what to draw; its layout (projection, extent, scale) is
 * computed from the routes and sites on first use and can be queried, so
 * that a report generator can place its own annotations on the image.
 */
#ifndef CONVOYMAP_MAP_H
#define CONVOYMAP_MAP_H

#include <stddef.h>

#include "context.h"
#include "geocode.h"
#include "geodesy.h"
#include "borders.h"
#include "march.h"
#include "route.h"
#include "units.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cm_format {
    CM_FORMAT_PNG,
    CM_FORMAT_SVG,
    CM_FORMAT_PDF,
} cm_format;

typedef struct cm_map cm_map;

#define CM_MAP_DEFAULT_WIDTH 1600
#define CM_MAP_DEFAULT_HEIGHT 1200
/* Largest accepted side in pixels, so that a typo cannot ask for gigabytes. */
#define CM_MAP_MAX_SIDE 20000

/* A new empty map of the default size using the default style. Free with
 * cm_map_free(). */
CM_API cm_map *cm_map_new(cm_context *context);

CM_API void cm_map_free(cm_map *map);

/* Output size in pixels (PNG) or points (SVG, PDF). CM_ERR_INPUT when a
 * side is below 200 or above CM_MAP_MAX_SIDE. */
CM_API cm_status cm_map_set_size(cm_map *map, int width, int height);

/* Parses a size "WIDTHxHEIGHT" (e.g. "1600x1200") into *width and *height.
 * CM_ERR_INPUT, naming text, when it is malformed or out of range. */
CM_API cm_status cm_parse_size(cm_context *context, const char *text, int *width,
                               int *height);

/* Title printed at the top; copied. NULL restores the default title. */
CM_API void cm_map_set_title(cm_map *map, const char *title);

/* Draws a copy of route. */
CM_API void cm_map_add_route(cm_map *map, const cm_route *route);

/* Draws a copy of route like cm_map_add_route(), and labels each waypoint
 * with its due time (DTG) from march, the route's march table, on a second
 * line under its name. march may be NULL; nothing of it is kept. */
CM_API void cm_map_add_route_with_march(cm_map *map, const cm_route *route,
                                        const cm_march_table *march);

/* Draws a symbol and a label ("JOR → IRQ Trebil") at each crossing of the
 * list, which is copied. */
CM_API void cm_map_add_crossings(cm_map *map, const cm_crossing_list *crossings);

/* Units of the distances printed on the map (default km). */
CM_API void cm_map_set_units(cm_map *map, cm_units units);

/* Marks and labels a copy of place (a site that is not a waypoint). */
CM_API void cm_map_add_marker(cm_map *map, const cm_place *place);

/* Computes the projection and extent; done implicitly by the calls below.
 * Fails with CM_ERR_INPUT when the map holds no site. */
CM_API cm_status cm_map_layout(cm_map *map);

/* The PROJ definition of the map's projection; owned by the map, valid
 * until the map changes. NULL before a successful layout. */
CM_API const char *cm_map_projection(cm_map *map);

/* Pixel position (origin top left, y down) of a geographic point. Returns
 * CM_OK, or an error when the layout fails or the point cannot be
 * projected. */
CM_API cm_status cm_map_geo_to_pixel(cm_map *map, cm_geo_point point,
                                     double *x, double *y);

/* Ground distance in metres that one pixel spans at the centre of the map,
 * measured along the ellipsoid; 0 when the layout fails. */
CM_API double cm_map_metres_per_pixel(cm_map *map);

/* The scale bar drawn on the map: its ground length and its length in
 * pixels. Returns CM_OK or the layout's error. */
CM_API cm_status cm_map_scale_bar(cm_map *map, double *ground_m, double *length_px);

/* The output format named by path's extension (.png, .svg, .pdf, any
 * case). CM_ERR_INPUT when the extension is none of them. */
CM_API cm_status cm_format_from_path(cm_context *context, const char *path,
                                     cm_format *format);

/* Renders to path in the format its extension names. The file is written
 * under a temporary name in the same directory and renamed into place only
 * when complete, so a failure leaves no file and never a partial one. */
CM_API cm_status cm_map_render_file(cm_map *map, const char *path);

/* Renders into memory. *data receives a buffer the caller frees with
 * cm_string_free() (it is NUL-terminated for SVG) and *length its size in
 * bytes, terminator excluded. */
CM_API cm_status cm_map_render_memory(cm_map *map, cm_format format,
                                      unsigned char **data, size_t *length);

#ifdef __cplusplus
}
#endif

#endif
