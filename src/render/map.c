/* The briefing map: layout (projection, extent, scale) and the drawing of
 * basemap, routes, sites, labels and furniture onto any Cairo surface. */
/* O_TMPFILE and linkat() are Linux extensions. */
#define _GNU_SOURCE

#include "core/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include "basemap.h"
#include "country-names.h"
#include "draw.h"
#include "furniture.h"
#include "grid.h"
#include "labels.h"
#include "maplayers.h"
#include "png.h"
#include "roadlayer.h"
#include "core/projection.h"
#include "style.h"

/* Geodesic legs are drawn as chords no longer than this: well under a pixel
 * from the true curve at any briefing scale. */
#define ROUTE_STEP_M 1000.0
/* Space the inset keeps around the map's area, as a share of its own. */
#define INSET_MARGIN 0.12
/* Points per edge of a bounding box and around a circle, enough to catch
 * their extremes in any projection within a fraction of a pixel. */
#define BOX_EDGE_SAMPLES 64
#define CIRCLE_SAMPLES 360
/* A box or circle over which the scale changes more than this many times
 * is no map (Mercator near a pole). */
#define MAX_SCALE_SPREAD 100.0
/* The inset locator map: its width as a share of the map's, and how many
 * times the map's span it shows. */
#define INSET_SHARE 0.18
#define INSET_ZOOM_OUT 3.0
/* A map wider than this east to west gets no inset. */
#define MAX_INSET_MAP_SPAN_DEG 90.0

typedef struct map_crossing {
    cm_geo_point position;
    char *label;    /* "JOR → IRQ Al-Karamah / Trebil" */
    char *label_ar; /* the crossing's Arabic name, NULL when it has none */
} map_crossing;

static void map_crossing_clear(map_crossing *crossing)
{
    g_free(crossing->label);
    g_free(crossing->label_ar);
}

/* What the map's area is chosen to show. */
typedef enum map_extent {
    EXTENT_CONTENT, /* the routes and sites, with a margin */
    EXTENT_BOX,     /* a longitude-latitude box */
    EXTENT_CIRCLE,  /* a geodesic circle */
} map_extent;

struct cm_map {
    cm_context *context;
    int width, height;
    double dpi;          /* a PNG's on paper, from cm_map_set_dpi(); 0 when not set */
    double scale;        /* output size factor, same layout (2 for HiDPI) */
    double vector_scale; /* PDF/SVG points per unit: 0.75 on paper (CSS px), else 1 */
    double paper_w_in, paper_h_in; /* the paper's size, 0 for a WxH map */
    gboolean transparent;
    cm_grid_kind grid;
    cm_label_language labels_language;
    gboolean inset;       /* draw the inset locator map */
    gboolean inset_drawn; /* the last render drew it, in inset_box */
    cm_box inset_box;
    char *title, *subtitle, *dtg, *banner;
    cm_rgba banner_color, banner_text_color;
    GPtrArray *routes;  /* of cm_route*, owned */
    GPtrArray *due_times; /* per route, a GStrv of its waypoints' due DTGs, or NULL */
    GPtrArray *markers; /* of cm_place*, owned */
    GArray *crossings;  /* of map_crossing */
    cm_road_source *roads; /* drawn as the roads layer; NULL for none */
    cm_units units;
    char *crs;          /* the user's CRS definition, NULL for automatic */
    map_extent extent;
    double margin;      /* EXTENT_CONTENT: share of the map area kept free each side */
    double west, south, east, north; /* EXTENT_BOX; east > west, unrolled past 180 */
    cm_geo_point centre; /* EXTENT_CIRCLE */
    double radius_m;
    /* Layout, valid while laid_out. */
    gboolean laid_out;
    cm_style *style;
    cm_projection *projection;
    cm_frame frame;
    double m_per_px;
    double zoom; /* web-mercator zoom, for the style's layer zoom ranges */
    double scale_ground_m;
    GArray *labels; /* of placed_label: what the last render placed */
    char *notes;    /* of the last layout, for cm_map_take_notes() */
};

typedef struct placed_label {
    char *text;
    cm_label_box box;
} placed_label;

static void placed_label_clear(placed_label *label)
{
    g_free(label->text);
}

cm_map *cm_map_new(cm_context *context)
{
    cm_map *map = g_new0(cm_map, 1);
    map->context = context;
    map->width = CM_MAP_DEFAULT_WIDTH;
    map->height = CM_MAP_DEFAULT_HEIGHT;
    map->scale = map->vector_scale = 1;
    map->inset = TRUE;
    map->margin = CM_MAP_DEFAULT_MARGIN;
    map->routes = g_ptr_array_new_with_free_func((GDestroyNotify)cm_route_free);
    map->due_times = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    map->markers = g_ptr_array_new_with_free_func((GDestroyNotify)cm_place_free);
    map->crossings = g_array_new(FALSE, FALSE, sizeof(map_crossing));
    g_array_set_clear_func(map->crossings, (GDestroyNotify)map_crossing_clear);
    map->labels = g_array_new(FALSE, FALSE, sizeof(placed_label));
    g_array_set_clear_func(map->labels, (GDestroyNotify)placed_label_clear);
    return map;
}

static void invalidate_layout(cm_map *map)
{
    map->laid_out = FALSE;
    cm_projection_free(map->projection);
    map->projection = NULL;
}

void cm_map_free(cm_map *map)
{
    if (!map)
        return;
    invalidate_layout(map);
    cm_style_free(map->style);
    cm_road_source_free(map->roads);
    g_ptr_array_free(map->routes, TRUE);
    g_ptr_array_free(map->due_times, TRUE);
    g_ptr_array_free(map->markers, TRUE);
    g_array_free(map->crossings, TRUE);
    g_array_free(map->labels, TRUE);
    g_free(map->title);
    g_free(map->subtitle);
    g_free(map->dtg);
    g_free(map->banner);
    g_free(map->crs);
    g_free(map->notes);
    g_free(map);
}

cm_status cm_map_set_crs(cm_map *map, const char *definition)
{
    if (definition) {
        /* Checked now, so that a bad CRS is named where it is given. */
        cm_projection *check = cm_projection_for_crs(map->context, definition, 0);
        if (!check)
            return cm_context_status(map->context);
        cm_projection_free(check);
    }
    g_free(map->crs);
    map->crs = g_strdup(definition);
    invalidate_layout(map);
    return CM_OK;
}

/* Why west, south, east, north is no box (a string to g_free), or NULL. */
cm_status cm_map_set_bbox(cm_map *map, const cm_bbox *bbox)
{
    if (cm_bbox_check(map->context, bbox) != CM_OK)
        return CM_ERR_INPUT;
    map->extent = EXTENT_BOX;
    map->west = bbox->west;
    /* West beyond east: the box crosses the antimeridian. */
    map->east = cm_bbox_crosses_antimeridian(bbox) ? bbox->east + 360 : bbox->east;
    map->south = bbox->south;
    map->north = bbox->north;
    invalidate_layout(map);
    return CM_OK;
}

cm_status cm_map_set_center(cm_map *map, double lat, double lon, double radius_km)
{
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))
        return cm_fail(map->context, CM_ERR_INPUT, "centre %g,%g is out of range (latitude "
                       "-90 to 90, longitude -180 to 180)", lat, lon);
    if (!(radius_km >= CM_MAP_MIN_RADIUS_KM && radius_km <= CM_MAP_MAX_RADIUS_KM))
        return cm_fail(map->context, CM_ERR_INPUT, "radius %g km is out of range (%g to "
                       "%.0f km)", radius_km, CM_MAP_MIN_RADIUS_KM, CM_MAP_MAX_RADIUS_KM);
    map->extent = EXTENT_CIRCLE;
    map->centre = (cm_geo_point){lat, lon};
    map->radius_m = radius_km * 1000;
    invalidate_layout(map);
    return CM_OK;
}

cm_status cm_map_fit_content(cm_map *map, double margin)
{
    if (!(margin >= 0 && margin <= CM_MAP_MAX_MARGIN))
        return cm_fail(map->context, CM_ERR_INPUT, "margin %g%% is out of range (0 to %g%%)",
                       margin * 100, CM_MAP_MAX_MARGIN * 100);
    map->extent = EXTENT_CONTENT;
    map->margin = margin;
    invalidate_layout(map);
    return CM_OK;
}

cm_status cm_map_set_style(cm_map *map, const char *name_or_path)
{
    cm_style *style = cm_style_load(map->context, name_or_path ? name_or_path : "briefing");
    if (!style)
        return cm_context_status(map->context);
    cm_style_free(map->style);
    map->style = style;
    invalidate_layout(map);
    return CM_OK;
}

cm_status cm_map_set_roads(cm_map *map, const char *path)
{
    cm_road_source *roads = NULL;
    if (path && !(roads = cm_road_source_open(map->context, path)))
        return cm_context_status(map->context);
    cm_road_source_free(map->roads);
    map->roads = roads;
    return CM_OK;
}

const cm_road_source *cm_map_layers_roads(const cm_map *map)
{
    return map->roads;
}

cm_status cm_map_set_size(cm_map *map, int width, int height)
{
    if (width < CM_MAP_MIN_SIDE || height < CM_MAP_MIN_SIDE || width > CM_MAP_MAX_SIDE ||
        height > CM_MAP_MAX_SIDE)
        return cm_fail(map->context, CM_ERR_INPUT, "map size %dx%d is out of range "
                       "(each side %d to %d)", width, height, CM_MAP_MIN_SIDE, CM_MAP_MAX_SIDE);
    map->width = width;
    map->height = height;
    map->vector_scale = 1;
    map->paper_w_in = map->paper_h_in = 0;
    invalidate_layout(map);
    return CM_OK;
}

/* Paper in millimetres, portrait. */
static const struct {
    const char *name;
    double width_mm, height_mm;
} papers[] = {
    {"a0", 841, 1189},      {"a1", 594, 841},       {"a2", 420, 594},
    {"a3", 297, 420},       {"a4", 210, 297},       {"a5", 148, 210},
    {"letter", 215.9, 279.4}, {"legal", 215.9, 355.6}, {"tabloid", 279.4, 431.8},
};

/* Units of a map on paper are CSS pixels (1/96 in), so that the styles'
 * sizes read the same on an A3 sheet as on a 1600x1200 screen map. */
#define CSS_PX_PER_INCH 96.0

cm_status cm_map_set_page(cm_map *map, const char *page)
{
    cm_context *context = map->context;
    if (!g_ascii_isalpha(page[0])) {
        int width, height;
        if (cm_size_parse(context, page, &width, &height) != CM_OK)
            return cm_context_status(context);
        return cm_map_set_size(map, width, height);
    }
    char *name = g_ascii_strdown(page, -1);
    gboolean landscape = g_str_has_suffix(name, "-landscape");
    char *dash = strrchr(name, '-');
    if (dash && (landscape || strcmp(dash, "-portrait") == 0))
        *dash = '\0';
    size_t i = 0;
    while (i < G_N_ELEMENTS(papers) && strcmp(papers[i].name, name) != 0)
        i++;
    g_free(name);
    if (i == G_N_ELEMENTS(papers))
        return cm_fail(context, CM_ERR_INPUT, "size '%s' is neither WIDTHxHEIGHT nor a paper "
                       "(A0-A5, letter, legal, tabloid, with -landscape or -portrait)", page);
    double short_side = papers[i].width_mm, long_side = papers[i].height_mm;
    double w_mm = landscape ? long_side : short_side, h_mm = landscape ? short_side : long_side;
    map->paper_w_in = w_mm / 25.4;
    map->paper_h_in = h_mm / 25.4;
    map->width = (int)round(map->paper_w_in * CSS_PX_PER_INCH);
    map->height = (int)round(map->paper_h_in * CSS_PX_PER_INCH);
    map->vector_scale = 72.0 / CSS_PX_PER_INCH;
    invalidate_layout(map);
    return CM_OK;
}

cm_status cm_map_set_dpi(cm_map *map, double dpi)
{
    if (!(dpi >= CM_MAP_MIN_DPI && dpi <= CM_MAP_MAX_DPI))
        return cm_fail(map->context, CM_ERR_INPUT, "dpi %.10g is out of range (%d to %d)", dpi,
                       CM_MAP_MIN_DPI, CM_MAP_MAX_DPI);
    map->dpi = dpi;
    return CM_OK;
}

cm_status cm_map_set_scale(cm_map *map, double scale)
{
    if (!(scale >= 0.25 && scale <= 8))
        return cm_fail(map->context, CM_ERR_INPUT, "scale %g is out of range (0.25 to 8)",
                       scale);
    map->scale = scale;
    return CM_OK;
}

cm_status cm_grid_kind_parse(cm_context *context, const char *text, cm_grid_kind *kind)
{
    static const char *const names[] = {"none", "latlon", "mgrs"};
    int i = cm_keyword_index(text, names, G_N_ELEMENTS(names));
    if (i >= 0) {
        *kind = (cm_grid_kind)i;
        return CM_OK;
    }
    return cm_fail(context, CM_ERR_INPUT, "grid '%s' is not latlon, mgrs or none", text);
}

void cm_map_set_grid(cm_map *map, cm_grid_kind kind)
{
    map->grid = kind;
}

static const char *const label_language_names[] = {"en", "ar", "both"};

cm_status cm_label_language_parse(cm_context *context, const char *text,
                                  cm_label_language *labels)
{
    int i = cm_keyword_index(text, label_language_names, G_N_ELEMENTS(label_language_names));
    if (i >= 0) {
        *labels = (cm_label_language)i;
        return CM_OK;
    }
    return cm_fail(context, CM_ERR_INPUT, "labels '%s' is not en, ar or both", text);
}

void cm_map_set_labels(cm_map *map, cm_label_language labels)
{
    map->labels_language = labels;
}

void cm_map_set_inset(cm_map *map, int inset)
{
    map->inset = inset != 0;
}

int cm_map_inset_box(const cm_map *map, double *x0, double *y0, double *x1, double *y1)
{
    if (!map->inset_drawn)
        return 0;
    *x0 = map->inset_box.x0;
    *y0 = map->inset_box.y0;
    *x1 = map->inset_box.x1;
    *y1 = map->inset_box.y1;
    return 1;
}

void cm_map_set_transparent(cm_map *map, int transparent)
{
    map->transparent = transparent != 0;
}

/* Output units per layout unit in format: pixels for PNG (the paper's dpi,
 * if any, times the scale), points or SVG units for the others. */
static double output_factor(const cm_map *map, cm_format format)
{
    if (format != CM_FORMAT_PNG)
        return map->vector_scale * map->scale;
    if (map->paper_w_in == 0)
        return map->scale;
    return (map->dpi != 0 ? map->dpi : CM_MAP_DEFAULT_DPI) / CSS_PX_PER_INCH * map->scale;
}

static const char *const format_names[] = {"png", "svg", "pdf"};

/* The output's size in format's units, unrounded for PDF and SVG.
 * CM_ERR_INPUT for a dpi that would have no effect: only a PNG on paper
 * has one. */
static cm_status output_size(cm_map *map, cm_format format, double *width, double *height)
{
    if (map->dpi != 0 && format != CM_FORMAT_PNG)
        return cm_fail(map->context, CM_ERR_INPUT, "dpi %.10g has no effect on %s output, "
                       "which has the page's size in points; only a PNG on paper has a dpi",
                       map->dpi, format_names[format]);
    if (map->dpi != 0 && map->paper_w_in == 0)
        return cm_fail(map->context, CM_ERR_INPUT, "dpi %.10g has no effect on a map sized in "
                       "pixels (%dx%d); give a paper size (e.g. A4) for a dpi, or a scale",
                       map->dpi, map->width, map->height);
    double factor = output_factor(map, format);
    /* On paper, from the paper itself: the layout's whole CSS pixels are
     * up to half a pixel off it. */
    double w = map->paper_w_in > 0 ? map->paper_w_in * CSS_PX_PER_INCH * factor
                                   : map->width * factor;
    double h = map->paper_h_in > 0 ? map->paper_h_in * CSS_PX_PER_INCH * factor
                                   : map->height * factor;
    if (format == CM_FORMAT_PNG) {
        w = round(w);
        h = round(h);
    }
    /* A typo in a size or dpi must not allocate gigabytes. */
    if (format == CM_FORMAT_PNG && (w > CM_MAP_MAX_SIDE || h > CM_MAP_MAX_SIDE ||
                                    w * h > CM_MAP_MAX_PIXELS))
        return cm_fail(map->context, CM_ERR_INPUT, "the image would be %.0fx%.0f pixels; the "
                       "limit is %d a side and %d million in all (lower the size, dpi or "
                       "scale)", w, h, CM_MAP_MAX_SIDE, CM_MAP_MAX_PIXELS / 1000000);
    *width = w;
    *height = h;
    return CM_OK;
}

cm_status cm_map_output_size(cm_map *map, cm_format format, int *width, int *height)
{
    double w, h;
    cm_status status = output_size(map, format, &w, &h);
    if (status != CM_OK)
        return status;
    *width = (int)round(w);
    *height = (int)round(h);
    return CM_OK;
}

cm_status cm_size_parse(cm_context *context, const char *text, int *width, int *height)
{
    char *end;
    long w = strtol(text, &end, 10);
    long h = 0;
    gboolean ok = end != text && (*end == 'x' || *end == 'X');
    if (ok) {
        const char *second = end + 1;
        h = strtol(second, &end, 10);
        ok = end != second && *end == '\0';
    }
    if (!ok)
        return cm_fail(context, CM_ERR_INPUT, "size '%s' is not WIDTHxHEIGHT (e.g. 1600x1200)",
                       text);
    if (w < CM_MAP_MIN_SIDE || h < CM_MAP_MIN_SIDE || w > CM_MAP_MAX_SIDE || h > CM_MAP_MAX_SIDE)
        return cm_fail(context, CM_ERR_INPUT, "size '%s' is out of range (each side %d to %d)",
                       text, CM_MAP_MIN_SIDE, CM_MAP_MAX_SIDE);
    *width = (int)w;
    *height = (int)h;
    return CM_OK;
}

void cm_map_set_title(cm_map *map, const char *title)
{
    g_free(map->title);
    map->title = g_strdup(title);
}

void cm_map_set_subtitle(cm_map *map, const char *subtitle)
{
    g_free(map->subtitle);
    map->subtitle = g_strdup(subtitle);
}

/* Text the sheet prints as given must be one line a reader can see. */
static cm_status check_sheet_text(cm_context *context, const char *what, const char *text)
{
    if (!g_utf8_validate(text, -1, NULL))
        return cm_fail(context, CM_ERR_INPUT, "%s is not valid UTF-8 text", what);
    size_t length = 0;
    for (const char *p = text; *p; p = g_utf8_next_char(p), length++)
        if (g_unichar_iscntrl(g_utf8_get_char(p)))
            return cm_fail(context, CM_ERR_INPUT, "%s '%s' holds a control character", what,
                           text);
    if (length == 0 || length > 200)
        return cm_fail(context, CM_ERR_INPUT, "%s '%.40s' must be 1 to 200 characters", what,
                       text);
    return CM_OK;
}

cm_status cm_map_set_dtg(cm_map *map, const char *dtg)
{
    if (dtg && check_sheet_text(map->context, "date-time group", dtg) != CM_OK)
        return cm_context_status(map->context);
    g_free(map->dtg);
    map->dtg = g_strdup(dtg);
    return CM_OK;
}

cm_status cm_map_set_banner(cm_map *map, const char *text, const char *color)
{
    cm_context *context = map->context;
    if (!text) {
        g_free(map->banner);
        map->banner = NULL;
        invalidate_layout(map);
        return CM_OK;
    }
    if (check_sheet_text(context, "banner", text) != CM_OK)
        return cm_context_status(context);
    /* A recognised marking is printed in its canonical form, whatever
     * case it was typed in; other text as given. */
    cm_rgba fill, ink;
    char *marking = cm_furniture_banner_parse(text, &fill, &ink);
    if (color) {
        unsigned r, g, b;
        char end;
        if (sscanf(color, "#%2x%2x%2x%c", &r, &g, &b, &end) != 3 || strlen(color) != 7) {
            g_free(marking);
            return cm_fail(context, CM_ERR_INPUT, "banner colour '%s' is not #rrggbb", color);
        }
        fill = (cm_rgba){r / 255.0, g / 255.0, b / 255.0, 1};
        /* Dark text on light colours, white on dark (relative luminance). */
        double luminance = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
        ink = luminance > 0.5 ? (cm_rgba){0, 0, 0, 1} : (cm_rgba){1, 1, 1, 1};
    } else if (!marking) {
        return cm_fail(context, CM_ERR_INPUT, "banner '%s' is not a recognised marking "
                       "(UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET, TOP SECRET); give its "
                       "colour too", text);
    }
    g_free(map->banner);
    map->banner = marking ? marking : g_strdup(text);
    map->banner_color = fill;
    map->banner_text_color = ink;
    invalidate_layout(map);
    return CM_OK;
}

void cm_map_add_route(cm_map *map, const cm_route *route)
{
    cm_map_add_route_with_march(map, route, NULL);
}

void cm_map_add_route_with_march(cm_map *map, const cm_route *route,
                                 const cm_march_table *march)
{
    char **due = NULL;
    if (march) {
        size_t n = cm_route_waypoint_count(route);
        due = g_new0(char *, n + 1);
        for (size_t i = 0; i < n; i++) {
            const cm_march_point *point = cm_march_table_waypoint(march, i);
            due[i] = g_strdup(point ? point->due_dtg : "");
        }
    }
    g_ptr_array_add(map->routes, cm_route_copy(route));
    g_ptr_array_add(map->due_times, due);
    invalidate_layout(map);
}

void cm_map_add_crossings(cm_map *map, const cm_crossing_list *crossings)
{
    for (size_t i = 0; i < cm_crossing_list_count(crossings); i++) {
        const cm_border_crossing *c = cm_crossing_list_get(crossings, i);
        map_crossing crossing = {c->position, g_strdup_printf("%s → %s%s%s", c->from_country,
                                                              c->to_country, *c->name ? " " : "",
                                                              c->name),
                                 g_strdup(c->name_ar)};
        g_array_append_val(map->crossings, crossing);
    }
}

/* Replaces what map shows by scene, with its march tables' due times when
 * with_march is TRUE. */
static void put_scene(cm_map *map, const cm_scene *scene, gboolean with_march)
{
    g_ptr_array_set_size(map->routes, 0);
    g_ptr_array_set_size(map->due_times, 0);
    g_ptr_array_set_size(map->markers, 0);
    g_array_set_size(map->crossings, 0);
    for (size_t i = 0; i < cm_scene_route_count(scene); i++) {
        cm_map_add_route_with_march(map, cm_scene_route(scene, i),
                                    with_march ? cm_scene_march(scene, i) : NULL);
        cm_map_add_crossings(map, cm_scene_crossings(scene, i));
    }
    for (size_t i = 0; i < cm_scene_mark_count(scene); i++)
        cm_map_add_marker(map, cm_scene_mark(scene, i));
    invalidate_layout(map);
}

void cm_map_set_scene(cm_map *map, const cm_scene *scene) { put_scene(map, scene, TRUE); }

void cm_map_layers_set_scene(cm_map *map, const cm_scene *scene)
{
    put_scene(map, scene, FALSE);
}

void cm_map_set_units(cm_map *map, cm_units units) { map->units = units; }

void cm_map_add_marker(cm_map *map, const cm_place *place)
{
    g_ptr_array_add(map->markers, cm_place_copy(place));
    invalidate_layout(map);
}

/* Every geographic point the extent must show: the densified routes and
 * the marked sites, longitudes unrolled to stay near the first point's. */
static GArray *content_points(const cm_map *map)
{
    GArray *points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    for (guint r = 0; r < map->routes->len; r++) {
        size_t n;
        cm_geo_point *line = cm_route_line(g_ptr_array_index(map->routes, r), ROUTE_STEP_M, &n);
        g_array_append_vals(points, line, (guint)n);
        cm_free(line);
    }
    for (guint m = 0; m < map->markers->len; m++)
        g_array_append_val(points, ((cm_place *)g_ptr_array_index(map->markers, m))->position);
    if (points->len > 0) {
        double reference = g_array_index(points, cm_geo_point, 0).lon;
        for (guint i = 1; i < points->len; i++) {
            cm_geo_point *p = &g_array_index(points, cm_geo_point, i);
            p->lon = reference + remainder(p->lon - reference, 360.0);
        }
    }
    return points;
}

/* Web-mercator ground metres per pixel at zoom 0 on the equator (256-pixel
 * tiles): 2 pi 6378137 / 256. */
#define MERCATOR_M_PER_PX_Z0 156543.03392804097

/* Ground metres per pixel at the frame's centre, measured along the
 * ellipsoid across 100 pixels. */
static double centre_scale(const cm_frame *frame)
{
    double cx = frame->width / 2.0, cy = frame->height / 2.0;
    cm_geo_point west, east;
    if (!cm_frame_pixel_to_geo(frame, cx - 50, cy, &west) ||
        !cm_frame_pixel_to_geo(frame, cx + 50, cy, &east))
        return 0;
    return cm_geodesic_inverse(west, east).distance_m / 100.0;
}

/* The frame of a width x height image that shows points (geographic)
 * projected with projection, in the band of area_h pixels that starts top
 * pixels down, with margin (a share of the band) on each side; content
 * smaller than min_span metres is shown min_span across. The points are
 * centred, or centre is, when not NULL, with the points fitted around it.
 * FALSE when no point can be projected, or, with all, when one cannot. */
static gboolean fit_frame(const cm_projection *projection, GArray *points,
                          const cm_geo_point *centre, gboolean all, int width, int height,
                          double top, double area_h, double margin, double min_span,
                          cm_frame *frame)
{
    double *x = g_new(double, points->len + 1), *y = g_new(double, points->len + 1);
    for (guint i = 0; i < points->len; i++) {
        x[i] = g_array_index(points, cm_geo_point, i).lon;
        y[i] = g_array_index(points, cm_geo_point, i).lat;
    }
    x[points->len] = centre ? centre->lon : 0;
    y[points->len] = centre ? centre->lat : 0;
    size_t failed = cm_projection_forward(projection, x, y, points->len + (centre != NULL));
    double min_x = HUGE_VAL, max_x = -HUGE_VAL, min_y = HUGE_VAL, max_y = -HUGE_VAL;
    for (guint i = 0; i < points->len; i++) {
        if (x[i] == HUGE_VAL)
            continue;
        min_x = MIN(min_x, x[i]);
        max_x = MAX(max_x, x[i]);
        min_y = MIN(min_y, y[i]);
        max_y = MAX(max_y, y[i]);
    }
    double centre_x = (min_x + max_x) / 2, centre_y = (min_y + max_y) / 2;
    if (centre && x[points->len] != HUGE_VAL) {
        centre_x = x[points->len];
        centre_y = y[points->len];
        /* Symmetric about the centre, so that everything fits around it. */
        double half_x = MAX(max_x - centre_x, centre_x - min_x);
        double half_y = MAX(max_y - centre_y, centre_y - min_y);
        min_x = centre_x - half_x;
        max_x = centre_x + half_x;
        min_y = centre_y - half_y;
        max_y = centre_y + half_y;
    }
    g_free(x);
    g_free(y);
    if (min_x == HUGE_VAL || (all && failed > 0))
        return FALSE;
    double span_x = MAX(max_x - min_x, 1.0), span_y = MAX(max_y - min_y, 1.0);
    if (span_x < min_span && span_y < min_span)
        span_x = span_y = min_span;
    double px_per_m = MIN(width * (1 - 2 * margin) / span_x,
                          area_h * (1 - 2 * margin) / span_y);
    *frame = (cm_frame){
        .projection = projection,
        .min_x = centre_x - (width / 2.0) / px_per_m,
        .max_y = centre_y + (top + area_h / 2) / px_per_m,
        .px_per_m = px_per_m,
        .width = width,
        .height = height,
    };
    return TRUE;
}

/* The points the map's area is fitted to: the routes and sites, the edges
 * of the box, or the circle, longitudes unrolled (continuing past ±180). */
static GArray *extent_points(const cm_map *map)
{
    if (map->extent == EXTENT_CONTENT)
        return content_points(map);
    GArray *points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    if (map->extent == EXTENT_BOX) {
        const cm_geo_point corners[5] = {{map->south, map->west}, {map->south, map->east},
                                         {map->north, map->east}, {map->north, map->west},
                                         {map->south, map->west}};
        for (int edge = 0; edge < 4; edge++)
            for (int k = 0; k < BOX_EDGE_SAMPLES; k++) {
                double t = (double)k / BOX_EDGE_SAMPLES;
                cm_geo_point p = {
                    corners[edge].lat + t * (corners[edge + 1].lat - corners[edge].lat),
                    corners[edge].lon + t * (corners[edge + 1].lon - corners[edge].lon)};
                g_array_append_val(points, p);
            }
        return points;
    }
    for (int k = 0; k < CIRCLE_SAMPLES; k++) {
        cm_geo_point p = cm_geodesic_direct(map->centre, 360.0 * k / CIRCLE_SAMPLES,
                                            map->radius_m);
        p.lon = map->centre.lon + remainder(p.lon - map->centre.lon, 360.0);
        g_array_append_val(points, p);
    }
    return points;
}

/* The projection of the map: the user's CRS (a geographic one centred on
 * the extent), or one chosen for the extent. */
static cm_projection *extent_projection(cm_map *map, GArray *points)
{
    double lat_min = HUGE_VAL, lat_max = -HUGE_VAL, lon_min = HUGE_VAL, lon_max = -HUGE_VAL;
    for (guint i = 0; i < points->len; i++) {
        cm_geo_point p = g_array_index(points, cm_geo_point, i);
        lat_min = MIN(lat_min, p.lat);
        lat_max = MAX(lat_max, p.lat);
        lon_min = MIN(lon_min, p.lon);
        lon_max = MAX(lon_max, p.lon);
    }
    if (map->extent == EXTENT_CIRCLE) {
        /* A circle round a pole holds every longitude up to the pole. */
        for (int pole = -1; pole <= 1; pole += 2)
            if (cm_geodesic_inverse(map->centre, (cm_geo_point){90.0 * pole, 0}).distance_m <
                map->radius_m) {
                lat_min = MIN(lat_min, 90.0 * pole);
                lat_max = MAX(lat_max, 90.0 * pole);
                lon_min = map->centre.lon - 180;
                lon_max = map->centre.lon + 180;
            }
    }
    if (map->crs)
        return cm_projection_for_crs(map->context, map->crs,
                                     remainder((lon_min + lon_max) / 2, 360.0));
    return cm_projection_for_extent(map->context, lat_min, lat_max, lon_min, lon_max);
}

/* Why the extent cannot be drawn in the map's projection. */
static cm_status extent_unprojectable(cm_map *map)
{
    const char *crs = map->crs ? map->crs : cm_projection_definition(map->projection);
    if (map->extent == EXTENT_BOX)
        return cm_fail(map->context, CM_ERR_INPUT, "bounding box %g,%g,%g,%g reaches past the "
                       "area CRS '%s' can show (where it cannot project, or its scale "
                       "grows without bound, as Mercator's toward a pole)", map->west,
                       map->south, remainder(map->east, 360.0), map->north, crs);
    if (map->extent == EXTENT_CIRCLE)
        return cm_fail(map->context, CM_ERR_INPUT, "a circle of %g km round %g,%g reaches past "
                       "the area CRS '%s' can show (where it cannot project, or its scale "
                       "grows without bound, as Mercator's toward a pole)",
                       map->radius_m / 1000, map->centre.lat, map->centre.lon, crs);
    return cm_fail(map->context, CM_ERR_INPUT, "no route or site can be projected with CRS "
                   "'%s'", crs);
}

/* How far apart the largest and smallest scale over the extent's points
 * are, as a ratio: pixels per ground km 1 km equatorward and east of
 * each, the smaller of the two (plate carrée stretches a pole into a line
 * east-west only; Mercator blows up both ways). HUGE_VAL when a point
 * cannot be projected. */
static double scale_spread(const cm_frame *frame, GArray *points)
{
    double low = HUGE_VAL, high = 0;
    for (guint i = 0; i < points->len; i++) {
        cm_geo_point p = g_array_index(points, cm_geo_point, i);
        double x, y, xn, yn, xe, ye;
        if (!cm_frame_geo_to_pixel(frame, p, &x, &y) ||
            !cm_frame_geo_to_pixel(frame, cm_geodesic_direct(p, p.lat >= 0 ? 180 : 0, 1000),
                                   &xn, &yn) ||
            !cm_frame_geo_to_pixel(frame, cm_geodesic_direct(p, 90, 1000), &xe, &ye))
            return HUGE_VAL;
        double px_per_km = MIN(hypot(xn - x, yn - y), hypot(xe - x, ye - y));
        low = MIN(low, px_per_km);
        high = MAX(high, px_per_km);
    }
    return low > 0 ? high / low : HUGE_VAL;
}

/* Appends to notes the line saying that the marked place is outside
 * where: "the mark Tripoli (LBN) is outside the map's extent". */
static void note_mark_outside(GString *notes, const cm_place *place, const char *where)
{
    gboolean country = place->country && *place->country;
    g_string_append_printf(notes, "the mark %s%s%s%s is outside %s\n", place->name,
                           country ? " (" : "", country ? place->country : "",
                           country ? ")" : "", where);
}

/* Notes each marked site a box or circle leaves out of the map area (the
 * image between the bands, top to bottom): the user asked for it and
 * would otherwise not learn why it is missing. */
static void note_hidden_marks(cm_map *map, double top, double bottom)
{
    GString *notes = g_string_new(NULL);
    for (guint m = 0; m < map->markers->len; m++) {
        const cm_place *place = g_ptr_array_index(map->markers, m);
        double px, py;
        if (!cm_frame_geo_to_pixel(&map->frame, place->position, &px, &py) || px < 0 ||
            px > map->width || py < top || py > bottom)
            note_mark_outside(notes, place, "the map's extent and is not drawn");
    }
    g_free(map->notes);
    map->notes = g_string_free(notes, notes->len == 0);
}

char *cm_map_layers_marks_outside(const cm_map *map, const cm_bbox *bbox)
{
    GString *notes = g_string_new(NULL);
    for (guint m = 0; m < map->markers->len; m++) {
        const cm_place *place = g_ptr_array_index(map->markers, m);
        if (!cm_bbox_contains(bbox, place->position))
            note_mark_outside(notes, place, "the tiles' bounding box");
    }
    return g_string_free(notes, notes->len == 0);
}

cm_status cm_map_layout(cm_map *map)
{
    if (map->laid_out)
        return CM_OK;
    cm_context *context = map->context;
    if (!map->style && !(map->style = cm_style_load(context, "briefing")))
        return cm_context_status(context);
    GArray *points = extent_points(map);
    if (points->len == 0) {
        g_array_free(points, TRUE);
        return cm_fail(context, CM_ERR_INPUT, "the map has no route and no site to show (add "
                       "one, or give the area: a bounding box or a centre and radius)");
    }
    map->projection = extent_projection(map, points);
    if (!map->projection) {
        g_array_free(points, TRUE);
        return cm_context_status(context);
    }
    /* Fit the extent into the area between the title and bottom bands and
     * centre it there: content with a margin (a single site gets 50 km), a
     * box or a circle exactly, the circle round its centre. */
    double top, bottom;
    cm_furniture_bands(map->width, map->height, map->banner != NULL, &top, &bottom);
    gboolean content = map->extent == EXTENT_CONTENT;
    gboolean fitted = fit_frame(map->projection, points,
                                map->extent == EXTENT_CIRCLE ? &map->centre : NULL, !content,
                                map->width, map->height, top, map->height - top - bottom,
                                content ? map->margin : 0, content ? 50000 : 0, &map->frame);
    /* A box or circle reaching where the projection blows up (a pole in
     * Mercator) would be fitted by a few pixels of its part near there. */
    double spread = fitted && !content ? scale_spread(&map->frame, points) : 1;
    g_array_free(points, TRUE);
    if (!fitted || spread > MAX_SCALE_SPREAD) {
        cm_status status = extent_unprojectable(map);
        invalidate_layout(map);
        return status;
    }
    map->m_per_px = centre_scale(&map->frame);
    if (map->m_per_px <= 0) {
        invalidate_layout(map);
        return cm_fail(context, CM_ERR_INPUT, "the map's centre cannot be projected");
    }
    /* The zoom whose tiles have the map's ground resolution at its centre. */
    cm_geo_point centre;
    map->zoom = cm_frame_pixel_to_geo(&map->frame, map->width / 2.0, map->height / 2.0, &centre)
                    ? MAX(0.0, log2(MERCATOR_M_PER_PX_Z0 * cos(centre.lat * G_PI / 180) /
                                    map->m_per_px))
                    : 0;
    map->scale_ground_m = cm_furniture_scale_length(map->m_per_px, map->width * 0.18, 1000);
    note_hidden_marks(map, top, map->height - bottom);
    map->laid_out = TRUE;
    return CM_OK;
}

char *cm_map_take_notes(cm_map *map)
{
    if (cm_map_layout(map) != CM_OK)
        return NULL;
    char *notes = map->notes;
    map->notes = NULL;
    return notes;
}

const char *cm_map_projection(cm_map *map)
{
    return cm_map_layout(map) == CM_OK ? cm_projection_definition(map->projection) : NULL;
}

cm_status cm_map_geo_to_pixel(cm_map *map, cm_geo_point point, double *x, double *y)
{
    cm_status status = cm_map_layout(map);
    if (status != CM_OK)
        return status;
    if (!cm_frame_geo_to_pixel(&map->frame, point, x, y))
        return cm_fail(map->context, CM_ERR_INPUT, "point %.6f, %.6f cannot be projected",
                       point.lat, point.lon);
    return CM_OK;
}

double cm_map_metres_per_pixel(cm_map *map)
{
    return cm_map_layout(map) == CM_OK ? map->m_per_px : 0;
}

double cm_map_zoom(cm_map *map)
{
    return cm_map_layout(map) == CM_OK ? map->zoom : -1;
}

cm_status cm_map_scale_bar(cm_map *map, double *ground_m, double *length_px)
{
    cm_status status = cm_map_layout(map);
    if (status != CM_OK)
        return status;
    *ground_m = map->scale_ground_m;
    *length_px = map->scale_ground_m / map->m_per_px;
    return CM_OK;
}

cm_status cm_map_pixel_to_geo(cm_map *map, double x, double y, cm_geo_point *point)
{
    cm_status status = cm_map_layout(map);
    if (status != CM_OK)
        return status;
    if (!cm_frame_pixel_to_geo(&map->frame, x, y, point))
        return cm_fail(map->context, CM_ERR_INPUT, "pixel %.1f, %.1f is outside the "
                       "projection's domain", x, y);
    return CM_OK;
}

/* Route r's line: the style's route line for the first route, the next
 * entry of the style's route series (colour, dash, width) for the others,
 * in the route's own colour when it has one. */
static cm_line_style route_style(const cm_map *map, guint r)
{
    const cm_route *route = g_ptr_array_index(map->routes, r);
    cm_line_style line = r == 0 ? map->style->route
                                : map->style->route_series[(r - 1) % CM_STYLE_PALETTE_SIZE];
    const char *color = cm_route_color(route);
    unsigned red, green, blue;
    if (*color && sscanf(color, "#%2x%2x%2x", &red, &green, &blue) == 3)
        line.color = (cm_rgba){red / 255.0, green / 255.0, blue / 255.0, 1};
    return line;
}

/* Registers a route's line, its points line[0..n-1], with the labeller. */
static void add_route_obstacles(const cm_map *map, const cm_frame *frame,
                                cm_labeller *labeller, const cm_geo_point *line, size_t n)
{
    double half = map->style->route_casing.width / 2;
    for (size_t i = 0; i < n; i++) {
        double px, py;
        if (!cm_frame_geo_to_pixel(frame, line[i], &px, &py))
            continue;
        cm_labeller_add_obstacle(labeller, (cm_box){px - half, py - half, px + half, py + half});
    }
}

/* Draws the routes (casing, then line) and registers the route line with
 * the labeller, when there is one, so that no label hides it. */
static void draw_routes(const cm_map *map, const cm_frame *frame, cairo_t *cr,
                        cm_labeller *labeller)
{
    const cm_style *style = map->style;
    for (int pass = 0; pass < 2; pass++) {
        for (guint r = 0; r < map->routes->len; r++) {
            size_t n;
            cm_geo_point *line = cm_route_line(g_ptr_array_index(map->routes, r),
                                               ROUTE_STEP_M, &n);
            double *x = g_new(double, n), *y = g_new(double, n);
            for (size_t i = 0; i < n; i++) {
                x[i] = line[i].lon;
                y[i] = line[i].lat;
            }
            cm_draw_geo_polyline(cr, frame, x, y, n, FALSE);
            if (pass == 0) {
                cm_line_style casing = map->style->route;
                casing.color = style->route_casing.color;
                casing.width = style->route_casing.width;
                cm_draw_set_line(cr, &casing);
            } else {
                cm_line_style route_line = route_style(map, r);
                cm_draw_set_line(cr, &route_line);
            }
            cairo_stroke(cr);
            if (pass == 1 && labeller)
                add_route_obstacles(map, frame, labeller, line, n);
            g_free(x);
            g_free(y);
            cm_free(line);
        }
    }
}

/* A name in the map's label language: english, arabic (NULL when there is
 * none) or both on two lines (one when they are the same). Returns a new
 * string the caller frees with g_free(). */
static char *label_name(const cm_map *map, const char *english, const char *arabic)
{
    return cm_label_name(map->labels_language, english, arabic);
}

char *cm_label_name(cm_label_language language, const char *english, const char *arabic)
{
    if (!arabic || !*arabic || language == CM_LABELS_EN || strcmp(arabic, english) == 0)
        return g_strdup(english);
    if (language == CM_LABELS_AR)
        return g_strdup(arabic);
    return g_strdup_printf("%s\n%s", english, arabic);
}

/* The radius of a waypoint's (circle) or a site's (square) marker. */
static double marker_radius(const cm_style *style, gboolean waypoint)
{
    return waypoint ? style->marker_radius : style->marker_radius * 0.8;
}

/* Registers the marker at (px, py) with the labeller and offers its
 * label, when label is not NULL. */
static void offer_marker_label(const cm_map *map, cm_labeller *labeller, double px, double py,
                               const char *label, gboolean waypoint)
{
    const cm_style *style = map->style;
    double extent = marker_radius(style, waypoint) + style->marker_outline_width;
    cm_labeller_add_obstacle(labeller, (cm_box){px - extent, py - extent, px + extent,
                                                py + extent});
    if (label)
        cm_labeller_add(labeller, label, waypoint ? style->waypoint_font : style->label_font,
                        style->label_color, px, py, extent + 3, CM_LABEL_AROUND,
                        waypoint ? style->priority.waypoint : style->priority.site);
}

/* TRUE when a waypoint or site of map is called name: a province named
 * after its capital (Amman, Baghdad) is not named a second time beside it. */
static gboolean names_a_place(const cm_map *map, const char *name)
{
    for (guint r = 0; r < map->routes->len; r++) {
        const cm_route *route = g_ptr_array_index(map->routes, r);
        for (size_t i = 0; i < cm_route_waypoint_count(route); i++)
            if (g_ascii_strcasecmp(cm_route_waypoint(route, i)->name, name) == 0)
                return TRUE;
    }
    for (guint i = 0; i < map->markers->len; i++)
        if (g_ascii_strcasecmp(((const cm_place *)g_ptr_array_index(map->markers, i))->name,
                               name) == 0)
            return TRUE;
    return FALSE;
}

/* Offers the names of the provinces in labels, largest first, each centred
 * on its anchor and only when its label, halo included, fits inside the
 * province's visible part: a name that spills over a boundary reads as the
 * neighbour's. */
static void offer_province_labels(const cm_map *map, cm_labeller *labeller, cairo_t *cr,
                                  const GArray *labels)
{
    const cm_style *style = map->style;
    for (guint i = 0; i < labels->len; i++) {
        const cm_country_label *label = &g_array_index(labels, cm_country_label, i);
        double px, py;
        if (names_a_place(map, label->name) ||
            !cm_frame_geo_to_pixel(&map->frame, label->anchor, &px, &py))
            continue;
        PangoLayout *layout = cm_draw_layout(cr, style->admin1_label_font, label->name);
        PangoRectangle extent;
        pango_layout_get_pixel_extents(layout, NULL, &extent);
        g_object_unref(layout);
        double halo = style->halo_width / 2;
        if (cm_area_label_holds(label, &map->frame, extent.width / 2.0 + halo,
                                extent.height / 2.0 + halo))
            cm_labeller_add_fixed(labeller, label->name, style->admin1_label_font,
                                  style->admin1_label_color, px, py, 0.5, 0.5,
                                  style->priority.province);
    }
}

/* Registers the crossing symbol at (px, py) with the labeller and offers
 * its label, when label is not NULL. */
static void offer_crossing_label(const cm_map *map, cm_labeller *labeller, double px,
                                 double py, const char *label)
{
    const cm_style *style = map->style;
    double r = style->crossing_radius + 1;
    cm_labeller_add_obstacle(labeller, (cm_box){px - r, py - r, px + r, py + r});
    if (label)
        cm_labeller_add(labeller, label, style->label_font, style->label_color, px, py, r + 3,
                        CM_LABEL_AROUND, style->priority.crossing);
}

/* Draws place's marker and, when there is a labeller, offers label (its
 * name, or more) beside it. */
static void draw_marker(const cm_map *map, const cm_frame *frame, cairo_t *cr,
                        cm_labeller *labeller, const cm_place *place, const char *label,
                        gboolean waypoint)
{
    const cm_style *style = map->style;
    double px, py;
    if (!cm_frame_geo_to_pixel(frame, place->position, &px, &py))
        return;
    double r = marker_radius(style, waypoint);
    if (waypoint)
        cairo_arc(cr, px, py, r, 0, 2 * G_PI);
    else
        cairo_rectangle(cr, px - r, py - r, 2 * r, 2 * r);
    cm_draw_set_color(cr, style->marker_outline);
    cairo_set_line_width(cr, style->marker_outline_width * 2);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke_preserve(cr);
    cm_draw_set_color(cr, style->marker);
    cairo_fill(cr);
    if (labeller)
        offer_marker_label(map, labeller, px, py, label, waypoint);
}

/* The label of waypoint i of route r: its name in the label language, and
 * its due time when there is one. Free with g_free(). */
static char *waypoint_label(const cm_map *map, guint r, size_t i)
{
    const cm_place *place = cm_route_waypoint(g_ptr_array_index(map->routes, r), i);
    char **due = g_ptr_array_index(map->due_times, r);
    char *name = label_name(map, place->name, place->name_ar);
    if (!due || !*due[i])
        return name;
    char *label = g_strdup_printf("%s\n%s", name, due[i]);
    g_free(name);
    return label;
}

static void offer_leg_labels(cm_map *map, cm_labeller *labeller)
{
    const cm_style *style = map->style;
    for (guint r = 0; r < map->routes->len; r++) {
        const cm_route *route = g_ptr_array_index(map->routes, r);
        cm_route_leg leg;
        for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
            /* The label's anchor and the line's direction there: the middle
             * of the leg, along its geodesic or track. */
            double azimuth;
            cm_geo_point middle = cm_route_point_at(route, leg.distance_from_start_m +
                                                               leg.geodesic.distance_m / 2,
                                                    &azimuth);
            cm_geo_point ahead = cm_geodesic_direct(middle, azimuth, 1000);
            double px, py, ax, ay;
            if (!cm_frame_geo_to_pixel(&map->frame, middle, &px, &py) ||
                !cm_frame_geo_to_pixel(&map->frame, ahead, &ax, &ay))
                continue;
            /* A tenth under 10 units, so a short leg reads as the legend
             * and the report give it (4.5 km, not 4 km). */
            double distance = cm_units_from_metres(map->units, leg.geodesic.distance_m);
            char *text = g_strdup_printf("%.*f %s · %03.0f°", distance < 9.95 ? 1 : 0, distance,
                                         cm_units_symbol(map->units),
                                         fmod(round(leg.geodesic.azimuth_deg), 360.0));
            double leg_px = leg.geodesic.distance_m / map->m_per_px;
            cm_labeller_add_beside_line(labeller, text, style->leg_font, style->leg_color, px,
                                        py, ax - px, ay - py, style->route_casing.width / 2 + 5,
                                        leg_px * 0.12, style->priority.leg);
            g_free(text);
        }
    }
}

static gboolean boxes_meet(const cm_box *a, const cm_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The corner of the map area (below the title band, above the bottom band)
 * where a w x h panel covers the fewest routes and sites, avoiding the
 * panel avoid when it is not NULL. */
static cm_box quiet_corner(cm_map *map, double legend_w, double legend_h, const cm_box *avoid)
{
    double top, bottom;
    cm_furniture_bands(map->width, map->height, map->banner != NULL, &top, &bottom);
    double inset = 12;
    cm_box corners[4] = {
        {map->width - inset - legend_w, map->height - bottom - inset - legend_h,
         map->width - inset, map->height - bottom - inset},
        {inset, map->height - bottom - inset - legend_h, inset + legend_w,
         map->height - bottom - inset},
        {map->width - inset - legend_w - 70, top + inset, map->width - inset - 70,
         top + inset + legend_h},
        {inset, top + inset, inset + legend_w, top + inset + legend_h},
    };
    /* Projected once, not once a corner. */
    GArray *points = content_points(map);
    double *pixels = g_new(double, 2 * (size_t)points->len);
    guint n = 0;
    for (guint i = 0; i < points->len; i++)
        if (cm_frame_geo_to_pixel(&map->frame, g_array_index(points, cm_geo_point, i),
                                  &pixels[2 * n], &pixels[2 * n + 1]))
            n++;
    g_array_free(points, TRUE);
    size_t best_count = (size_t)-1;
    cm_box best = corners[0];
    for (size_t c = 0; c < G_N_ELEMENTS(corners); c++) {
        if (avoid && boxes_meet(&corners[c], avoid))
            continue;
        size_t count = 0;
        for (guint i = 0; i < n; i++) {
            double px = pixels[2 * i], py = pixels[2 * i + 1];
            if (px >= corners[c].x0 - 20 && px <= corners[c].x1 + 20 &&
                py >= corners[c].y0 - 20 && py <= corners[c].y1 + 20)
                count++;
        }
        if (count < best_count) {
            best_count = count;
            best = corners[c];
        }
    }
    g_free(pixels);
    return best;
}

/* The legend: per route its line, name and total, then its legs; the
 * crossing symbol when there are crossings; each only when the style shows
 * its layer at the map's zoom. Free with legend_free(). */
static GArray *legend_entries(const cm_map *map)
{
    GArray *entries = g_array_new(FALSE, TRUE, sizeof(cm_legend_entry));
    const char *unit = cm_units_symbol(map->units);
    guint n_routes = cm_style_shows(map->style, CM_LAYER_ROUTE, map->zoom) ? map->routes->len : 0;
    for (guint r = 0; r < n_routes; r++) {
        const cm_route *route = g_ptr_array_index(map->routes, r);
        cm_legend_entry heading = {CM_LEGEND_ROUTE, route_style(map, r), NULL};
        /* What the distances are measured on, as the subtitle says. */
        static const char *const kinds[] = {"", " by road", " (road and straight)"};
        cm_route_distances kind = cm_route_distance_kind(route);
        heading.text = g_strdup_printf("%s — total %.1f %s%s", cm_route_name(route),
                                       cm_units_from_metres(map->units, cm_route_total_m(route)),
                                       unit, kinds[kind]);
        g_array_append_val(entries, heading);
        cm_route_leg leg;
        for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
            cm_legend_entry line = {CM_LEGEND_TEXT, {{0}}, NULL};
            cm_route_leg_roads roads;
            gboolean straight = kind == CM_DISTANCES_MIXED &&
                                !(cm_route_leg_roads_get(route, i, &roads) && roads.on_roads);
            line.text = g_strdup_printf("%zu. %s → %s: %.1f %s%s, %03.0f°", i + 1,
                                        leg.from->name, leg.to->name,
                                        cm_units_from_metres(map->units, leg.geodesic.distance_m),
                                        unit, straight ? " straight" : "",
                                        fmod(round(leg.geodesic.azimuth_deg), 360.0));
            g_array_append_val(entries, line);
        }
    }
    if (map->crossings->len > 0 && cm_style_shows(map->style, CM_LAYER_CROSSING, map->zoom)) {
        cm_legend_entry crossing = {CM_LEGEND_CROSSING, {{0}}, g_strdup("Border crossing")};
        g_array_append_val(entries, crossing);
    }
    return entries;
}

static void legend_free(GArray *entries)
{
    for (guint i = 0; i < entries->len; i++)
        g_free(g_array_index(entries, cm_legend_entry, i).text);
    g_array_free(entries, TRUE);
}

static void draw_crossings(const cm_map *map, const cm_frame *frame, cairo_t *cr,
                           cm_labeller *labeller)
{
    const cm_style *style = map->style;
    for (guint i = 0; i < map->crossings->len; i++) {
        const map_crossing *crossing = &g_array_index(map->crossings, map_crossing, i);
        double px, py;
        if (!cm_frame_geo_to_pixel(frame, crossing->position, &px, &py))
            continue;
        cm_furniture_crossing_symbol(cr, style, px, py);
        if (labeller) {
            char *label = label_name(map, crossing->label, crossing->label_ar);
            offer_crossing_label(map, labeller, px, py, label);
            g_free(label);
        }
    }
}

static char *subtitle_text(cm_map *map)
{
    GString *text = g_string_new(map->subtitle);
    if (map->subtitle)
        g_string_append(text, " · ");
    for (guint r = 0; r < map->routes->len; r++) {
        const cm_route *route = g_ptr_array_index(map->routes, r);
        g_string_append_printf(text, "%s%s: %.1f %s in %zu leg%s", r ? "; " : "",
                               cm_route_name(route),
                               cm_units_from_metres(map->units, cm_route_total_m(route)),
                               cm_units_symbol(map->units), cm_route_leg_count(route),
                               cm_route_leg_count(route) == 1 ? "" : "s");
    }
    char *distances = cm_route_distances_text((const cm_route *const *)map->routes->pdata,
                                              map->routes->len);
    g_string_append_printf(text, "%s%s", text->len ? " · " : "", distances);
    cm_free(distances);
    return g_string_free(text, FALSE);
}

/* Larger population first (a stable sort keeps the order of equals). */
static gint compare_population(gconstpointer a, gconstpointer b)
{
    long long pa = (*(const cm_place *const *)a)->population;
    long long pb = (*(const cm_place *const *)b)->population;
    return (pb > pa) - (pb < pa);
}

/* Draws the waypoint and site markers, offering their labels to labeller
 * when there is one. */
static void draw_markers(const cm_map *map, const cm_frame *frame, cairo_t *cr,
                         cm_labeller *labeller)
{
    for (guint r = 0; r < map->routes->len; r++) {
        const cm_route *route = g_ptr_array_index(map->routes, r);
        for (size_t i = 0; i < cm_route_waypoint_count(route); i++) {
            const cm_place *place = cm_route_waypoint(route, i);
            char *label = waypoint_label(map, r, i);
            draw_marker(map, frame, cr, labeller, place, label, TRUE);
            g_free(label);
        }
    }
    /* Larger places first: their labels win where labels of the same
     * priority compete. */
    GPtrArray *sites = g_ptr_array_copy(map->markers, NULL, NULL);
    g_ptr_array_set_free_func(sites, NULL);
    g_ptr_array_sort(sites, compare_population);
    for (guint m = 0; m < sites->len; m++) {
        const cm_place *place = g_ptr_array_index(sites, m);
        char *label = label_name(map, place->name, place->name_ar);
        draw_marker(map, frame, cr, labeller, place, label, FALSE);
        g_free(label);
    }
    g_ptr_array_free(sites, TRUE);
}

static void paint_sea(cairo_t *cr, const cm_frame *frame, const cm_style *style)
{
    cairo_rectangle(cr, 0, 0, frame->width, frame->height);
    cm_draw_set_color(cr, style->sea);
    cairo_fill(cr);
}

/* Draws, in one read of the basemap, the basemap layers marked in shown
 * (in the basemap's own order) and the sea when paint_sea: the others are
 * given clear colours and zero widths, which Cairo skips. country_labels,
 * when not NULL, receives the countries to name if they are shown, and
 * province_labels the provinces likewise. */
static cm_status draw_basemap_layers(cm_context *context, cairo_t *cr, const cm_frame *frame,
                                     const cm_style *style,
                                     const gboolean shown[CM_LAYER_N_BASEMAP],
                                     gboolean paint_sea, GArray *country_labels,
                                     GArray *province_labels)
{
    cm_style run = *style;
    if (!paint_sea)
        run.sea.a = 0;
    if (!shown[CM_LAYER_COUNTRIES])
        for (int i = 0; i < CM_STYLE_PALETTE_SIZE; i++)
            run.country_palette[i].a = 0;
    if (!shown[CM_LAYER_LAKES])
        run.lakes.a = 0;
    cm_line_style *lines[CM_LAYER_N_BASEMAP] = {
        [CM_LAYER_RIVERS] = &run.rivers,       [CM_LAYER_ADMIN1] = &run.admin1,
        [CM_LAYER_COASTLINE] = &run.coastline, [CM_LAYER_DISPUTED] = &run.disputed,
        [CM_LAYER_BORDERS] = &run.borders,
    };
    for (int layer = 0; layer < CM_LAYER_N_BASEMAP; layer++)
        if (lines[layer] && !shown[layer]) {
            lines[layer]->color.a = 0;
            lines[layer]->width = 0;
        }
    return cm_basemap_draw(context, cr, frame, &run,
                           shown[CM_LAYER_COUNTRIES] ? country_labels : NULL,
                           shown[CM_LAYER_ADMIN1] ? province_labels : NULL);
}

/* The layers under the labels, shared by the briefing map and its tiles,
 * in the style's order and as its zoom ranges allow at zoom: the sea, then
 * basemap (in style, which may differ from the map's in its sea), grid,
 * routes, waypoint and site markers, crossing symbols. labeller, when not
 * NULL, learns their obstacles and labels (and the briefing map's grid is
 * drawn); country_labels and province_labels, when not NULL, receive the
 * countries and provinces to name. */
static cm_status draw_layers(const cm_map *map, cm_context *context, cairo_t *cr,
                             const cm_frame *frame, const cm_style *style, double zoom,
                             cm_labeller *labeller, GArray *country_labels,
                             GArray *province_labels)
{
    const cm_layer *order = style->layer_order;
    int n = style->n_layers;
    /* The basemap paints the sea when it comes first. */
    gboolean sea_painted = n == 0 || order[0] >= CM_LAYER_N_BASEMAP;
    if (sea_painted)
        paint_sea(cr, frame, style);
    cm_status status = CM_OK;
    for (int i = 0; i < n && status == CM_OK;) {
        cm_layer layer = order[i];
        if (layer < CM_LAYER_N_BASEMAP) {
            /* Consecutive basemap layers in the basemap's own order share
             * one read of it. */
            gboolean shown[CM_LAYER_N_BASEMAP] = {FALSE};
            gboolean any = FALSE;
            do {
                shown[order[i]] = cm_style_shows(style, order[i], zoom);
                any = any || shown[order[i]];
                i++;
            } while (i < n && order[i] < CM_LAYER_N_BASEMAP && order[i] > order[i - 1]);
            if (any || !sea_painted)
                status = draw_basemap_layers(context, cr, frame, style, shown, !sea_painted,
                                             country_labels, province_labels);
            sea_painted = TRUE;
            continue;
        }
        i++;
        if (!cm_style_shows(style, layer, zoom))
            continue;
        if (layer == CM_LAYER_GRID && labeller) {
            double top, bottom;
            cm_furniture_bands(map->width, map->height, map->banner != NULL, &top, &bottom);
            status = cm_grid_draw(context, cr, frame, style, map->grid, top, bottom, labeller);
        } else if (layer == CM_LAYER_ROADS && map->roads) {
            status = cm_road_source_draw(map->roads, context, cr, frame, style, zoom, labeller);
        } else if (layer == CM_LAYER_ROUTE) {
            draw_routes(map, frame, cr, labeller);
        } else if (layer == CM_LAYER_MARKER) {
            draw_markers(map, frame, cr, labeller);
        } else if (layer == CM_LAYER_CROSSING) {
            draw_crossings(map, frame, cr, labeller);
        }
    }
    return status;
}

cm_status cm_map_prepare_layers(cm_map *map)
{
    if (!map->style && !(map->style = cm_style_load(map->context, "briefing")))
        return cm_context_status(map->context);
    /* Routes compute their segments on first use; do it now, before
     * threads share them. */
    for (guint r = 0; r < map->routes->len; r++)
        cm_route_segment_count(g_ptr_array_index(map->routes, r));
    return CM_OK;
}

cm_status cm_map_draw_layers(const cm_map *map, cm_context *context, cairo_t *cr,
                             const cm_frame *frame, double zoom)
{
    return draw_layers(map, context, cr, frame, map->style, zoom, NULL, NULL, NULL);
}

const cm_style *cm_map_layers_style(const cm_map *map)
{
    return map->style;
}

cm_label_language cm_map_layers_language(const cm_map *map)
{
    return map->labels_language;
}

const char *cm_label_language_name(cm_label_language labels)
{
    return label_language_names[labels];
}

/* The pixel position of point in frame, appended to anchors; FALSE when it
 * has none. *in_frame tells whether it lies in the frame: only then is its
 * label offered, so that tiles that place labels frame by frame offer each
 * label in one frame only. */
static gboolean add_anchor(const cm_frame *frame, cm_geo_point point, GArray *anchors,
                           double *px, double *py, gboolean *in_frame)
{
    if (!cm_frame_geo_to_pixel(frame, point, px, py))
        return FALSE;
    double xy[2] = {*px, *py};
    g_array_append_vals(anchors, xy, 2);
    *in_frame = *px >= 0 && *py >= 0 && *px < frame->width && *py < frame->height;
    return TRUE;
}

void cm_map_offer_layer_labels(const cm_map *map, const cm_frame *frame,
                               cm_labeller *labeller, gboolean labelled, GArray *anchors)
{
    double px, py;
    gboolean in_frame;
    for (guint r = 0; r < map->routes->len; r++) {
        const cm_route *route = g_ptr_array_index(map->routes, r);
        size_t n;
        cm_geo_point *line = cm_route_line(route, ROUTE_STEP_M, &n);
        add_route_obstacles(map, frame, labeller, line, n);
        cm_free(line);
        for (size_t i = 0; i < cm_route_waypoint_count(route); i++) {
            if (!add_anchor(frame, cm_route_waypoint(route, i)->position, anchors, &px, &py,
                            &in_frame))
                continue;
            char *label = in_frame && labelled ? waypoint_label(map, r, i) : NULL;
            offer_marker_label(map, labeller, px, py, label, TRUE);
            g_free(label);
        }
    }
    for (guint m = 0; m < map->markers->len; m++) {
        const cm_place *place = g_ptr_array_index(map->markers, m);
        if (!add_anchor(frame, place->position, anchors, &px, &py, &in_frame))
            continue;
        char *label = in_frame && labelled ? label_name(map, place->name, place->name_ar)
                                           : NULL;
        offer_marker_label(map, labeller, px, py, label, FALSE);
        g_free(label);
    }
    for (guint i = 0; i < map->crossings->len; i++) {
        const map_crossing *crossing = &g_array_index(map->crossings, map_crossing, i);
        if (add_anchor(frame, crossing->position, anchors, &px, &py, &in_frame))
            offer_crossing_label(map, labeller, px, py,
                                 in_frame && labelled ? crossing->label : NULL);
    }
}

/* The outline of the map area (between the bands) as geographic points,
 * sampled along its edges, longitudes unrolled round the first point. */
static GArray *area_outline(const cm_map *map, double top, double bottom)
{
    enum { PER_EDGE = 16 };
    GArray *outline = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    double corners[5][2] = {{0, top}, {map->width, top}, {map->width, map->height - bottom},
                            {0, map->height - bottom}, {0, top}};
    for (int edge = 0; edge < 4; edge++)
        for (int k = 0; k < PER_EDGE; k++) {
            double t = (double)k / PER_EDGE;
            cm_geo_point p;
            if (!cm_frame_pixel_to_geo(&map->frame,
                                       corners[edge][0] + t * (corners[edge + 1][0] - corners[edge][0]),
                                       corners[edge][1] + t * (corners[edge + 1][1] - corners[edge][1]),
                                       &p))
                continue;
            if (outline->len)
                p.lon = g_array_index(outline, cm_geo_point, 0).lon +
                        remainder(p.lon - g_array_index(outline, cm_geo_point, 0).lon, 360.0);
            g_array_append_val(outline, p);
        }
    return outline;
}

/* The inset locator map in map->inset_box: the countries of a region about
 * INSET_ZOOM_OUT times the map's span, and the map area's outline on it.
 * Where no such region can be projected (near a pole) there is no inset. */
static cm_status draw_inset(cm_map *map, cairo_t *cr, const cm_style *style, double top,
                            double bottom)
{
    GArray *outline = area_outline(map, top, bottom);
    double lat_min = HUGE_VAL, lat_max = -HUGE_VAL, lon_min = HUGE_VAL, lon_max = -HUGE_VAL;
    for (guint i = 0; i < outline->len; i++) {
        cm_geo_point p = g_array_index(outline, cm_geo_point, i);
        lat_min = MIN(lat_min, p.lat);
        lat_max = MAX(lat_max, p.lat);
        lon_min = MIN(lon_min, p.lon);
        lon_max = MAX(lon_max, p.lon);
    }
    /* A map of a quarter of the globe, or round a pole, locates itself. */
    if (lon_max - lon_min > MAX_INSET_MAP_SPAN_DEG) {
        g_array_free(outline, TRUE);
        return CM_OK;
    }
    double lat_c = (lat_min + lat_max) / 2, lon_c = (lon_min + lon_max) / 2;
    double half_lat = MAX((lat_max - lat_min) * INSET_ZOOM_OUT, 12.0) / 2;
    double half_lon = MIN(MAX((lon_max - lon_min) * INSET_ZOOM_OUT, 16.0) / 2, 179.0);
    cm_geo_point region[4] = {
        {MAX(lat_c - half_lat, -80.0), lon_c - half_lon},
        {MAX(lat_c - half_lat, -80.0), lon_c + half_lon},
        {MIN(lat_c + half_lat, 80.0), lon_c - half_lon},
        {MIN(lat_c + half_lat, 80.0), lon_c + half_lon},
    };
    cm_box box = map->inset_box;
    int w = (int)(box.x1 - box.x0), h = (int)(box.y1 - box.y0);
    cm_projection *projection =
        outline->len >= 4 ? cm_projection_for_extent(map->context, region[0].lat, region[3].lat,
                                                      region[0].lon, region[3].lon)
                          : NULL;
    cm_frame frame;
    GArray *points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    g_array_append_vals(points, region, G_N_ELEMENTS(region));
    gboolean fitted = projection && fit_frame(projection, points, NULL, FALSE, w, h, 0, h,
                                              INSET_MARGIN, 0, &frame);
    g_array_free(points, TRUE);
    cm_status status = CM_OK;
    if (!fitted) {
        cm_context_clear_error(map->context);
    } else {
        cairo_save(cr);
        cairo_translate(cr, box.x0, box.y0);
        cairo_rectangle(cr, 0, 0, w, h);
        cairo_clip(cr);
        status = cm_basemap_draw_overview(map->context, cr, &frame, style);
        double *x = g_new(double, outline->len), *y = g_new(double, outline->len);
        for (guint i = 0; i < outline->len; i++) {
            x[i] = g_array_index(outline, cm_geo_point, i).lon;
            y[i] = g_array_index(outline, cm_geo_point, i).lat;
        }
        cm_draw_geo_polyline(cr, &frame, x, y, outline->len, TRUE);
        cm_line_style extent = {style->route.color, 2.0, {0}, 0};
        cm_draw_set_line(cr, &extent);
        cairo_stroke(cr);
        g_free(x);
        g_free(y);
        cairo_restore(cr);
        cairo_rectangle(cr, box.x0, box.y0, w, h);
        cm_line_style frame_line = {style->frame_line_color, 1.5, {0}, 0};
        cm_draw_set_line(cr, &frame_line);
        cairo_stroke(cr);
        map->inset_drawn = status == CM_OK;
    }
    cm_projection_free(projection);
    g_array_free(outline, TRUE);
    return status;
}

static cm_status draw_map(cm_map *map, cairo_t *cr)
{
    /* A transparent map leaves the sea unpainted, for embedding. */
    cm_style drawn = *map->style;
    if (map->transparent)
        drawn.sea.a = 0;
    const cm_style *style = &drawn;
    double top, bottom;
    cm_furniture_bands(map->width, map->height, map->banner != NULL, &top, &bottom);
    cm_labeller *labeller = cm_labeller_new(cr, map->width, map->height);
    cm_labeller_add_obstacle(labeller, (cm_box){0, 0, map->width, top});
    cm_labeller_add_obstacle(labeller, (cm_box){0, map->height - bottom, map->width,
                                                map->height});
    cm_labeller_add_obstacle(labeller, (cm_box){map->width - 70, top, map->width, top + 90});
    GArray *legend_list = legend_entries(map);
    double legend_w, legend_h;
    cm_furniture_legend_size(cr, style, legend_list, &legend_w, &legend_h);
    cm_box legend = quiet_corner(map, legend_w, legend_h, NULL);
    if (legend_w > 0)
        cm_labeller_add_obstacle(labeller, legend);
    map->inset_drawn = FALSE;
    if (map->inset) {
        double inset_w = round(map->width * INSET_SHARE);
        map->inset_box = quiet_corner(map, inset_w, round(inset_w * 0.75),
                                      legend_w > 0 ? &legend : NULL);
        cm_labeller_add_obstacle(labeller, map->inset_box);
    }

    GArray *country_labels = g_array_new(FALSE, TRUE, sizeof(cm_country_label));
    GArray *province_labels = g_array_new(FALSE, TRUE, sizeof(cm_country_label));
    GHashTable *arabic_countries = NULL;
    cm_status status = CM_OK;
    if (map->labels_language != CM_LABELS_EN &&
        !(arabic_countries = cm_country_names_ar(map->context)))
        status = cm_context_status(map->context);
    if (status == CM_OK)
        status = draw_layers(map, map->context, cr, &map->frame, style, map->zoom,
                             labeller, country_labels, province_labels);
    if (status != CM_OK) {
        legend_free(legend_list);
        cm_labeller_free(labeller);
        cm_country_labels_free(country_labels);
        cm_country_labels_free(province_labels);
        if (arabic_countries)
            g_hash_table_destroy(arabic_countries);
        return status;
    }
    if (cm_style_shows(style, CM_LAYER_ROUTE, map->zoom))
        offer_leg_labels(map, labeller);
    for (guint i = 0; i < country_labels->len; i++) {
        const cm_country_label *label = &g_array_index(country_labels, cm_country_label, i);
        double px, py;
        if (!cm_frame_geo_to_pixel(&map->frame, label->anchor, &px, &py))
            continue;
        char *upper = g_utf8_strup(label->name, -1);
        const char *arabic =
            arabic_countries ? g_hash_table_lookup(arabic_countries, label->name) : NULL;
        char *text = label_name(map, upper, arabic);
        cm_labeller_add(labeller, text, style->country_label_font, style->country_label_color,
                        px, py, 0, CM_LABEL_CENTRED, style->priority.country);
        g_free(text);
        g_free(upper);
    }
    if (arabic_countries)
        g_hash_table_destroy(arabic_countries);
    offer_province_labels(map, labeller, cr, province_labels);
    cm_country_labels_free(province_labels);
    size_t n_placed = cm_labeller_place_and_draw(labeller, cr, style);
    g_array_set_size(map->labels, 0);
    for (size_t i = 0; i < n_placed; i++) {
        placed_label label;
        const char *text;
        cm_labeller_placed(labeller, i, &label.box, &text);
        label.text = g_strdup(text);
        g_array_append_val(map->labels, label);
    }
    cm_labeller_free(labeller);
    cm_country_labels_free(country_labels);
    if (map->inset && (status = draw_inset(map, cr, style, top, bottom)) != CM_OK) {
        legend_free(legend_list);
        return status;
    }

    char *subtitle = subtitle_text(map);
    char *attribution = g_strdup_printf("%s · Natural Earth · GSHHG/WDBII%s%s",
                                        cm_projection_description(map->projection),
                                        map->roads ? " · " : "",
                                        map->roads ? CM_ROADS_ATTRIBUTION : "");
    /* The second scale bar speaks the report's miles, or else the nautical
     * miles of air and sea planners. */
    cm_units second = map->units == CM_UNITS_MI ? CM_UNITS_MI : CM_UNITS_NMI;
    double second_unit_m = 1 / cm_units_from_metres(second, 1);
    cm_sheet sheet = {
        .title = map->title ? map->title : map->routes->len ? "Convoy route" : "Briefing map",
        .subtitle = subtitle,
        .dtg = map->dtg,
        .attribution = attribution,
        .banner = map->banner,
        .banner_color = map->banner_color,
        .banner_text_color = map->banner_text_color,
        .m_per_px = map->m_per_px,
        .scale_ground_m = map->scale_ground_m,
        .second_scale_m = cm_furniture_scale_length(map->m_per_px, map->width * 0.18,
                                                    second_unit_m),
        .second_units = cm_units_symbol(second),
        .second_unit_m = second_unit_m,
        .legend = legend_list,
        .legend_box = legend,
    };
    cm_furniture_draw(cr, &map->frame, style, &sheet);
    legend_free(legend_list);
    g_free(attribution);
    g_free(subtitle);
    cairo_status_t drawing = cairo_status(cr);
    if (drawing != CAIRO_STATUS_SUCCESS)
        return cm_fail(map->context, CM_ERR_LIBRARY, "drawing failed: %s",
                       cairo_status_to_string(drawing));
    return CM_OK;
}

size_t cm_map_label_count(const cm_map *map)
{
    return map->labels->len;
}

int cm_map_label_get(const cm_map *map, size_t i, cm_map_label *label)
{
    if (i >= map->labels->len)
        return 0;
    const placed_label *placed = &g_array_index(map->labels, placed_label, i);
    const cm_label_box *box = &placed->box;
    *label = (cm_map_label){
        .text = placed->text,
        .x0 = box->bounds.x0, .y0 = box->bounds.y0, .x1 = box->bounds.x1, .y1 = box->bounds.y1,
        .cx = box->cx, .cy = box->cy,
        .width = 2 * box->half_width, .height = 2 * box->half_height,
        .angle_deg = box->angle * 180 / G_PI,
    };
    return 1;
}

/* The formats' names, in cm_format order; also their file extensions. */
cm_status cm_format_parse(cm_context *context, const char *text, cm_format *format)
{
    int i = cm_keyword_index(text, format_names, G_N_ELEMENTS(format_names));
    if (i >= 0) {
        *format = (cm_format)i;
        return CM_OK;
    }
    return cm_fail(context, CM_ERR_INPUT, "format '%s' is not png, svg or pdf", text);
}

cm_status cm_format_from_path(cm_context *context, const char *path, cm_format *format)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    int i = dot && (!slash || dot > slash)
                ? cm_keyword_index(dot + 1, format_names, G_N_ELEMENTS(format_names))
                : -1;
    if (i >= 0) {
        *format = (cm_format)i;
        return CM_OK;
    }
    return cm_fail(context, CM_ERR_INPUT, "output '%s' has no supported extension (use "
                   ".png, .svg or .pdf)", path);
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data,
                                   unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

cm_status cm_map_render_memory(cm_map *map, cm_format format, unsigned char **data,
                               size_t *length)
{
    *data = NULL;
    *length = 0;
    cm_status status = cm_map_layout(map);
    if (status != CM_OK)
        return status;
    double width, height;
    status = output_size(map, format, &width, &height);
    if (status != CM_OK)
        return status;
    GByteArray *bytes = g_byte_array_new();
    cairo_surface_t *surface;
    double factor = output_factor(map, format);
    switch (format) {
    case CM_FORMAT_SVG:
        surface = cairo_svg_surface_create_for_stream(append_bytes, bytes, width, height);
        /* Pixels for a WxH map, so that it opens at the size asked for;
         * points on paper. */
        cairo_svg_surface_set_document_unit(surface, map->paper_w_in == 0 ? CAIRO_SVG_UNIT_PX
                                                                          : CAIRO_SVG_UNIT_PT);
        break;
    case CM_FORMAT_PDF:
        surface = cairo_pdf_surface_create_for_stream(append_bytes, bytes, width, height);
        /* Same inputs, same bytes: no creation time in the file. */
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "convoymap");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                       map->title ? map->title : "Convoy route");
        break;
    case CM_FORMAT_PNG:
    default:
        surface = cairo_image_surface_create(map->transparent ? CAIRO_FORMAT_ARGB32
                                                              : CAIRO_FORMAT_RGB24,
                                             (int)width, (int)height);
        break;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, factor, factor);
    status = draw_map(map, cr);
    cairo_destroy(cr);
    if (status == CM_OK && format == CM_FORMAT_PNG) {
        /* Our encoder (a filter per row, fast deflate) is several times
         * faster than Cairo's libpng defaults on flat-colour maps; Cairo's
         * writer keeps the alpha channel of a transparent map. */
        cairo_surface_flush(surface);
        gboolean encoded =
            map->transparent
                ? cairo_surface_write_to_png_stream(surface, append_bytes, bytes) ==
                      CAIRO_STATUS_SUCCESS
                : cm_png_encode_rgb24(cairo_image_surface_get_data(surface), (int)width,
                                      (int)height, cairo_image_surface_get_stride(surface),
                                      bytes);
        if (!encoded)
            status = cm_fail(map->context, CM_ERR_LIBRARY, "PNG encoding failed");
    }
    cairo_surface_finish(surface);
    if (status == CM_OK && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        status = cm_fail(map->context, CM_ERR_LIBRARY, "rendering failed: %s",
                         cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
    if (status != CM_OK) {
        g_byte_array_free(bytes, TRUE);
        return status;
    }
    *length = bytes->len;
    /* A terminator makes SVG usable as a C string. */
    g_byte_array_append(bytes, (const guint8 *)"", 1);
    *data = g_byte_array_free(bytes, FALSE);
    return CM_OK;
}

/* Writes all of data to fd and syncs it; FALSE with errno set otherwise. */
static gboolean write_all(int fd, const unsigned char *data, size_t length)
{
    while (length > 0) {
        ssize_t n = write(fd, data, length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return FALSE;
        data += n;
        length -= (size_t)n;
    }
    return fsync(fd) == 0;
}

/* Gives the unnamed file fd the name path: directly when path is new,
 * else a temporary name beside it that is renamed over it. Linux cannot
 * link a file over an existing name, so a process killed in the moment
 * between linkat() and rename() leaves a complete copy "path.XXXXXXXX.tmp";
 * killed at any other moment, it leaves nothing behind. */
static gboolean publish_unnamed(int fd, const char *path)
{
    char *proc_path = g_strdup_printf("/proc/self/fd/%d", fd);
    if (linkat(AT_FDCWD, proc_path, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0) {
        g_free(proc_path);
        return TRUE;
    }
    if (errno != EEXIST) {
        g_free(proc_path);
        return FALSE;
    }
    char *temp = NULL;
    gboolean linked = FALSE;
    for (int attempt = 0; attempt < 100 && !linked; attempt++) {
        g_free(temp);
        temp = g_strdup_printf("%s.%08x.tmp", path, g_random_int());
        linked = linkat(AT_FDCWD, proc_path, AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0;
        if (!linked && errno != EEXIST)
            break;
    }
    gboolean ok = linked && rename(temp, path) == 0;
    if (linked && !ok) {
        int saved = errno;
        unlink(temp);
        errno = saved;
    }
    g_free(temp);
    g_free(proc_path);
    return ok;
}

/* Replaces path with data atomically: readers, and a process killed at any
 * moment, see the old file or the complete new one. The bytes go to an
 * unnamed file (O_TMPFILE) in path's directory, which the kernel discards if
 * the process dies. Where the file system cannot make one, GLib's named
 * temporary file "path.XXXXXX" is used instead (a kill can leave it). */
static cm_status write_atomically(cm_context *context, const char *path,
                                  const unsigned char *data, size_t length)
{
    char *dir = g_path_get_dirname(path);
    /* The unnamed file is named through /proc; without it, fall back. */
    int fd = g_file_test("/proc/self/fd", G_FILE_TEST_IS_DIR)
                 ? open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666)
                 : (errno = EOPNOTSUPP, -1);
    g_free(dir);
    if (fd >= 0) {
        gboolean ok = write_all(fd, data, length) && publish_unnamed(fd, path);
        int saved = errno;
        close(fd);
        return ok ? CM_OK
                  : cm_fail(context, CM_ERR_IO, "cannot write %s: %s", path, g_strerror(saved));
    }
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        return cm_fail(context, CM_ERR_IO, "cannot write %s: %s", path, g_strerror(errno));
    GError *error = NULL;
    if (!g_file_set_contents_full(path, (const char *)data, (gssize)length,
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error)) {
        cm_status status = cm_fail(context, CM_ERR_IO, "cannot write %s: %s", path,
                                   error->message);
        g_error_free(error);
        return status;
    }
    return CM_OK;
}

cm_status cm_map_render_file(cm_map *map, const char *path)
{
    cm_format format;
    cm_status status = cm_format_from_path(map->context, path, &format);
    if (status != CM_OK)
        return status;
    unsigned char *data;
    size_t length;
    status = cm_map_render_memory(map, format, &data, &length);
    if (status != CM_OK)
        return status;
    status = write_atomically(map->context, path, data, length);
    g_free(data);
    return status;
}
