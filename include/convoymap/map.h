/* convoymap — briefing maps: a basemap, routes, marked sites and furniture,
 * drawn once and written as PNG, SVG or PDF.
 *
 * A cm_map collects what to draw; its layout (projection, extent, scale) is
 * computed on first use, from the routes and sites or from the box or
 * circle asked for, and can be queried, so that a report generator can
 * place its own annotations on the image.
 */
#ifndef CONVOYMAP_MAP_H
#define CONVOYMAP_MAP_H

#include <stddef.h>

#include "bbox.h"
#include "context.h"
#include "geocode.h"
#include "geodesy.h"
#include "borders.h"
#include "march.h"
#include "route.h"
#include "scene.h"
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

typedef enum cm_grid_kind {
    CM_GRID_NONE,
    CM_GRID_LATLON, /* meridians and parallels, labelled in degrees */
    CM_GRID_MGRS,   /* grid zones, UTM lines every 100, 10 or 1 km, square letters */
} cm_grid_kind;

/* "none", "latlon" or "mgrs" into *kind; CM_ERR_INPUT naming text otherwise. */
CM_API cm_status cm_grid_kind_parse(cm_context *context, const char *text, cm_grid_kind *kind);

/* The language of the names on the map's labels: places (waypoints,
 * markers) and countries. Crossing, leg and furniture labels stay as they
 * are. Pango shapes the Arabic and sets each line's direction. */
typedef enum cm_label_language {
    CM_LABELS_EN,   /* the English names (the default) */
    CM_LABELS_AR,   /* the Arabic names (cm_place.name_ar), the English one where a
                     * place has none; a place's Arabic name goes left of its
                     * marker where there is room */
    CM_LABELS_BOTH, /* the English name above the Arabic one, lines centred */
} cm_label_language;

/* "en", "ar" or "both" (any case) into *labels; CM_ERR_INPUT naming text
 * otherwise. */
CM_API cm_status cm_label_language_parse(cm_context *context, const char *text,
                                         cm_label_language *labels);

#define CM_MAP_DEFAULT_WIDTH 1600
#define CM_MAP_DEFAULT_HEIGHT 1200
/* Smallest accepted side in pixels, room for the title and legend. */
#define CM_MAP_MIN_SIDE 200
/* Largest accepted side in pixels, so that a typo cannot ask for gigabytes. */
#define CM_MAP_MAX_SIDE 20000
/* Largest PNG in pixels (about 400 MB of pixels while drawing). */
#define CM_MAP_MAX_PIXELS 100000000
/* Resolution of a PNG on paper when none is given, and the range accepted. */
#define CM_MAP_DEFAULT_DPI 150
#define CM_MAP_MIN_DPI 36
#define CM_MAP_MAX_DPI 1200

/* A new empty map of the default size using the default style. Free with
 * cm_map_free(). NULL with CM_ERR_LIBRARY when the drawing module
 * (convoymap-render.so, installed in libdir/convoymap/) cannot be loaded: the
 * functions of this header and tiles.h that take a context report that too. */
CM_API cm_map *cm_map_new(cm_context *context);

CM_API void cm_map_free(cm_map *map);

/* Output size in pixels (PNG) or points (SVG, PDF). CM_ERR_INPUT when a
 * side is below CM_MAP_MIN_SIDE or above CM_MAP_MAX_SIDE. */
CM_API cm_status cm_map_set_size(cm_map *map, int width, int height);

/* The page: "WIDTHxHEIGHT" in pixels (as cm_map_set_size), or paper: A0 to
 * A5, letter, legal or tabloid, any case, portrait unless followed by
 * "-landscape". On paper, PDF and SVG pages have the paper's size in points
 * and a PNG has the dpi of cm_map_set_dpi() (CM_MAP_DEFAULT_DPI if none);
 * the map is laid out in CSS pixels (1/96 in), so styles look alike on
 * paper and on screen. CM_ERR_INPUT naming page when unusable. */
CM_API cm_status cm_map_set_page(cm_map *map, const char *page);

/* The pixels per inch of a PNG on paper, CM_MAP_MIN_DPI to CM_MAP_MAX_DPI
 * (CM_ERR_INPUT naming dpi otherwise). A dpi has no effect on a map sized
 * in pixels or on PDF and SVG output: rendering such a map with a dpi set
 * fails with CM_ERR_INPUT saying so, rather than ignoring it. */
CM_API cm_status cm_map_set_dpi(cm_map *map, double dpi);

/* Draws the output scale times larger with the same layout: a PNG has
 * scale times the pixels (2 for HiDPI screens), a PDF or SVG page scale
 * times the points or pixels. CM_ERR_INPUT outside 0.25 to 8. */
CM_API cm_status cm_map_set_scale(cm_map *map, double scale);

/* With transparent non-zero, the sea is left unpainted (a PNG gets an alpha
 * channel), so that the map can be laid over other imagery. */
CM_API void cm_map_set_transparent(cm_map *map, int transparent);

/* The size of the output in format: pixels for PNG, points for PDF, user
 * units for SVG. CM_ERR_INPUT when a PNG would exceed CM_MAP_MAX_SIDE or
 * CM_MAP_MAX_PIXELS. */
CM_API cm_status cm_map_output_size(cm_map *map, cm_format format, int *width, int *height);

/* Parses a size "WIDTHxHEIGHT" (e.g. "1600x1200") into *width and *height.
 * CM_ERR_INPUT, naming text, when it is malformed or out of range. */
CM_API cm_status cm_size_parse(cm_context *context, const char *text, int *width,
                               int *height);

/* The style the map is drawn in: a shipped style by name ("briefing", the
 * default; "night", "grayscale", "colorblind") or the path of a style key
 * file (see styles/briefing.ini for the format; a style may inherit from
 * another and change a few keys). NULL restores the default. CM_ERR_INPUT
 * naming the file, line and key when the style is unknown or broken; the
 * map keeps its previous style then. */
CM_API cm_status cm_map_set_style(cm_map *map, const char *name_or_path);

/* Draws the roads of the roads database at path (a NAME.roads directory
 * made by cm_roads_import(); its roads.gpkg) as the style's roads layer:
 * each class from its [roads] min-zoom, casings, tunnels, bridges and
 * route shields; the attribution then credits OpenStreetMap. NULL draws no
 * roads. CM_ERR_INPUT naming path when it is no roads database; the map
 * keeps its previous roads then. Routes follow the roads only when their
 * scene routes on them (cm_scene_set_roads()). */
CM_API cm_status cm_map_set_roads(cm_map *map, const char *path);

/* The reference grid drawn over the basemap and labelled at the map
 * area's edges (default CM_GRID_NONE). The MGRS grid ignores the Norway and
 * Svalbard zone exceptions. */
CM_API void cm_map_set_grid(cm_map *map, cm_grid_kind kind);

/* The language of the place and country labels (default CM_LABELS_EN). */
CM_API void cm_map_set_labels(cm_map *map, cm_label_language labels);

/* Whether to draw the inset locator map (default yes): a small map of the
 * countries around, about three times the map's span, with the map's area
 * outlined, in a corner the routes leave free. */
CM_API void cm_map_set_inset(cm_map *map, int inset);

/* Where the last render drew the inset, in pixels; returns 0 when it drew
 * none. */
CM_API int cm_map_inset_box(const cm_map *map, double *x0, double *y0, double *x1,
                            double *y1);

/* Title printed at the top; copied. NULL restores the default title. */
CM_API void cm_map_set_title(cm_map *map, const char *title);

/* A line under the title (the operation, the unit, the serial); copied,
 * NULL for none. The distance summary follows it. */
CM_API void cm_map_set_subtitle(cm_map *map, const char *subtitle);

/* The date-time group printed at the right of the title band, as given
 * (e.g. "071200CSEP19"); copied, NULL for none. CM_ERR_INPUT when it is not
 * one line of 1 to 200 characters. */
CM_API cm_status cm_map_set_dtg(cm_map *map, const char *dtg);

/* A classification or control banner printed top and bottom. The text is
 * one the user gives: convoymap never infers a marking. A recognised
 * marking, whose level (the text up to any "//") is UNCLASSIFIED, CUI,
 * CONFIDENTIAL, SECRET or TOP SECRET in any case, is printed in upper case
 * with no spaces beside its slashes ("top secret // sci" prints TOP
 * SECRET//SCI) and, with color NULL, takes its level's standard colour; any
 * other text is printed as given and needs color "#rrggbb". text NULL
 * removes the banner. CM_ERR_INPUT naming the value when text or color is
 * unusable. */
CM_API cm_status cm_map_set_banner(cm_map *map, const char *text, const char *color);

/* The map's CRS, instead of the automatic conformal projection (Lambert
 * conformal conic, Mercator near the equator, polar stereographic near the
 * poles, fitted to the extent): any definition PROJ reads, e.g.
 * "EPSG:32638", "ESRI:102025", "+proj=lcc +lat_1=30 +lat_2=36 +lon_0=44"
 * (read as a CRS, on its own ellipsoid) or WKT. A geographic CRS
 * (EPSG:4326) is drawn as plate carrée centred on the extent: a degree of
 * longitude as long as one of latitude, as GIS tools draw it (for true
 * shapes at a latitude use "+proj=eqc +lat_ts=LAT"). A compound CRS is
 * drawn in its horizontal part, a bound CRS in its source CRS. Copied;
 * NULL restores the automatic projection. CM_ERR_INPUT naming definition
 * when PROJ does not know it or it cannot be drawn (geocentric, vertical,
 * engineering); the map keeps its previous CRS then. Lines leaving the
 * CRS's valid area or crossing its antimeridian are cut there. */
CM_API cm_status cm_map_set_crs(cm_map *map, const char *definition);

/* The map's area shows exactly bbox (bbox.h; west above east crosses the
 * antimeridian), copied: the box, as the CRS draws it,
 * fitted into the area between the title and bottom bands, its centre in
 * the middle, touching two opposite sides. Routes and sites outside it
 * are cut off; with none at all the map shows the basemap alone.
 * Replaces cm_map_set_center() and cm_map_fit_content(). CM_ERR_INPUT,
 * naming the value, for a box that fails cm_bbox_check(). The layout fails
 * with CM_ERR_INPUT when part of the box cannot be projected in the CRS,
 * or its scale changes too much over the box for one map (Mercator
 * toward a pole). */
CM_API cm_status cm_map_set_bbox(cm_map *map, const cm_bbox *bbox);

/* Radii of cm_map_set_center(), the largest a hemisphere. */
#define CM_MAP_MIN_RADIUS_KM 0.1
#define CM_MAP_MAX_RADIUS_KM 10000.0

/* The map's area shows at least the geodesic circle of radius_km
 * (CM_MAP_MIN_RADIUS_KM to CM_MAP_MAX_RADIUS_KM) round lat, lon (degrees),
 * which is in the middle; the circle
 * touches the area's shorter sides. Routes and sites outside are cut off;
 * with none, the map shows the basemap alone. Replaces cm_map_set_bbox()
 * and cm_map_fit_content(). CM_ERR_INPUT naming the value when one is out
 * of range; the layout fails like cm_map_set_bbox()'s. */
CM_API cm_status cm_map_set_center(cm_map *map, double lat, double lon, double radius_km);

#define CM_MAP_DEFAULT_MARGIN 0.12
#define CM_MAP_MAX_MARGIN 0.4

/* The map's area fits the routes and sites, keeping margin (a share of the
 * area's width and height, 0 to CM_MAP_MAX_MARGIN) free on each side: the
 * default, with CM_MAP_DEFAULT_MARGIN. Replaces cm_map_set_bbox() and
 * cm_map_set_center(). CM_ERR_INPUT naming margin when out of range. */
CM_API cm_status cm_map_fit_content(cm_map *map, double margin);

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

/* Draws copies of what scene (resolved with cm_scene_resolve()) holds: its
 * routes with their march tables' due times, their crossings and its
 * marked sites, in place of every route, crossing and marker added before;
 * nothing of scene is kept. */
CM_API void cm_map_set_scene(cm_map *map, const cm_scene *scene);

/* What the map's layout noted, one line each ending in '\n': a marked
 * site outside the map's extent, which is not drawn ("the mark Tripoli
 * (LBY) is outside the map's extent"). Lays the map out, and forgets the
 * notes it returns. Returns a new string the caller frees with cm_free(),
 * or NULL when there is nothing to say or the layout fails. */
CM_API char *cm_map_take_notes(cm_map *map);

/* Computes the projection and extent; done implicitly by the calls below.
 * Fails with CM_ERR_INPUT when the map fits its content and holds no site,
 * or when its box or circle cannot be projected in its CRS. */
CM_API cm_status cm_map_layout(cm_map *map);

/* The PROJ definition of the map's projection (for a CRS given with
 * cm_map_set_crs(), its PROJ string, or the definition as given when PROJ
 * has none; for a geographic CRS, the plate carrée drawn); owned by the
 * map, valid until the map changes. NULL when the layout fails. */
CM_API const char *cm_map_projection(cm_map *map);

/* Pixel position (origin top left, y down) of a geographic point. Returns
 * CM_OK, or an error when the layout fails or the point cannot be
 * projected. */
CM_API cm_status cm_map_geo_to_pixel(cm_map *map, cm_geo_point point,
                                     double *x, double *y);

/* Geographic position of a pixel (origin top left, y down), the inverse of
 * cm_map_geo_to_pixel(). CM_ERR_INPUT outside the projection's domain. */
CM_API cm_status cm_map_pixel_to_geo(cm_map *map, double x, double y, cm_geo_point *point);

/* Ground distance in metres that one pixel spans at the centre of the map,
 * measured along the ellipsoid; 0 when the layout fails. */
CM_API double cm_map_metres_per_pixel(cm_map *map);

/* The map's web-mercator zoom level, which the style's layer zoom ranges
 * (min-zoom, max-zoom) are compared with:
 * log2(156543.03 * cos(latitude) / metres per pixel) at the map's centre,
 * at least 0; -1 when the layout fails. */
CM_API double cm_map_zoom(cm_map *map);

/* The kilometre scale bar drawn on the map: its ground length and its
 * length in pixels. Returns CM_OK or the layout's error. */
CM_API cm_status cm_map_scale_bar(cm_map *map, double *ground_m, double *length_px);

/* A label placed by the last render: its text and its box in pixels
 * (origin top left, y down), halo included. Leg labels run along their
 * line: their box is a width x height rectangle centred on (cx, cy) and
 * turned clockwise by angle_deg; x0..y1 bound it. */
typedef struct cm_map_label {
    const char *text; /* owned by the map, valid until the next render or cm_map_free() */
    double x0, y0, x1, y1;
    double cx, cy, width, height, angle_deg;
} cm_map_label;

/* How many labels the last successful render placed (0 before one). Every
 * output format places the same labels in the same boxes. */
CM_API size_t cm_map_label_count(const cm_map *map);

/* Stores label i (0-based, in placement order) of the last render in
 * *label; returns 0 when i is out of range. */
CM_API int cm_map_label_get(const cm_map *map, size_t i, cm_map_label *label);

/* "png", "svg" or "pdf" (any case) into *format; CM_ERR_INPUT otherwise. */
CM_API cm_status cm_format_parse(cm_context *context, const char *text, cm_format *format);

/* The output format named by path's extension (.png, .svg, .pdf, any
 * case). CM_ERR_INPUT when the extension is none of them. */
CM_API cm_status cm_format_from_path(cm_context *context, const char *path,
                                     cm_format *format);

/* Renders to path in the format its extension names. The file is written
 * under a temporary name in the same directory and renamed into place only
 * when complete, so a failure leaves no file and never a partial one. */
CM_API cm_status cm_map_render_file(cm_map *map, const char *path);

/* Renders into memory. *data receives a buffer the caller frees with
 * cm_free() (it is NUL-terminated for SVG) and *length its size in
 * bytes, terminator excluded. */
CM_API cm_status cm_map_render_memory(cm_map *map, cm_format format,
                                      unsigned char **data, size_t *length);

#ifdef __cplusplus
}
#endif

#endif
