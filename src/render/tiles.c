/* XYZ tiles: numbering through PROJ's Web Mercator, metatile rendering
 * with the briefing map's own layers (src/render/map.c), PNG encoding (src/render/png.c)
 * and the threads that render a tileset while one thread stores it
 * (src/render/tilestore.c). */
#include "core/internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "convoymap/tiles.h"
#include "maplayers.h"
#include "png.h"
#include "tilelabels.h"
#include "core/projection.h"
#include "core/viewer-page.h"
#include "tilestore.h"

/* Half the side of the Web Mercator square in metres: pi times the WGS84
 * semi-major axis, the radius EPSG:3857 uses. */
#define MERCATOR_HALF (G_PI * 6378137.0)
/* Style pixels drawn around a metatile so that lines, markers and symbols
 * just outside it still reach into its edge tiles. Larger than the widest
 * symbol (crossing radius plus outline). */
#define BLEED_PX 32
/* A metatile's side in pixels stays within this, so that a worker's
 * surface stays near 16 MB whatever the tile size and scale. */
#define MAX_METATILE_PX 2048
/* A request beyond this many tiles is a typo (the world to zoom 13 is 89
 * million), refused before its metatiles are planned in memory. */
#define MAX_TILES 50000000ULL

struct cm_tiler {
    cm_context *context;
    cm_map *map;               /* what tiles show: routes, markers, crossings */
    cm_projection *mercator;   /* for cm_tiler_render_tile(), made on first use */
    cm_tile_labels *labels;    /* placed as tiles need them; dropped on any change */
    int tile_size, scale, metatile;
    gint cancel;               /* set by cm_tiler_cancel(), maybe from a signal */
    GChecksum *overlay;        /* of the routes, crossings and markers added */
    char *roads_record;        /* "roads <manifest> <vehicle> <prefer> <straight>", or NULL */
    char *notes;               /* of the last cm_tiler_write(), for cm_tiler_take_notes() */
};

/* ---- Numbering ---- */

static cm_status check_zoom(cm_context *context, int z)
{
    if (z < 0 || z > CM_TILE_MAX_ZOOM)
        return cm_fail(context, CM_ERR_INPUT, "zoom %d is out of range (0 to %d)", z,
                       CM_TILE_MAX_ZOOM);
    return CM_OK;
}

/* Position of a point in the Web Mercator square, as fractions of its side
 * from the top-left corner, projected by PROJ. */
static cm_status mercator_fraction(cm_context *context, cm_geo_point point, double *fx,
                                   double *fy)
{
    if (!(point.lat >= -90 && point.lat <= 90 && point.lon >= -180 && point.lon <= 180))
        return cm_fail(context, CM_ERR_INPUT, "point %.6f, %.6f is out of range", point.lat,
                       point.lon);
    cm_projection *mercator = cm_projection_web_mercator(context);
    if (!mercator)
        return cm_context_status(context);
    double x = point.lon, y = CLAMP(point.lat, -CM_TILE_MAX_LAT, CM_TILE_MAX_LAT);
    size_t failed = cm_projection_forward(mercator, &x, &y, 1);
    cm_projection_free(mercator);
    if (failed)
        return cm_fail(context, CM_ERR_LIBRARY, "PROJ cannot project %.6f, %.6f to Web "
                       "Mercator", point.lat, point.lon);
    *fx = (x + MERCATOR_HALF) / (2 * MERCATOR_HALF);
    *fy = (MERCATOR_HALF - y) / (2 * MERCATOR_HALF);
    return CM_OK;
}

/* A fraction of the square in tiles of zoom z, snapped to a whole tile
 * when rounding error alone keeps it off one. */
static double in_tiles(double fraction, int z)
{
    double t = ldexp(fraction, z);
    double whole = round(t);
    return fabs(t - whole) < 1e-9 ? whole : t;
}

static int clamp_tile(double t, int z)
{
    return (int)CLAMP(t, 0, (double)((1 << z) - 1));
}

cm_status cm_tile_for_point(cm_context *context, cm_geo_point point, int z, cm_tile *tile)
{
    double fx, fy;
    cm_status status = check_zoom(context, z);
    if (status == CM_OK)
        status = mercator_fraction(context, point, &fx, &fy);
    if (status != CM_OK)
        return status;
    *tile = (cm_tile){z, clamp_tile(floor(in_tiles(fx, z)), z),
                      clamp_tile(floor(in_tiles(fy, z)), z)};
    return CM_OK;
}

cm_status cm_tile_bounds(cm_context *context, cm_tile tile, cm_bbox *bounds)
{
    cm_status status = check_zoom(context, tile.z);
    if (status != CM_OK)
        return status;
    int n = 1 << tile.z;
    if (tile.x < 0 || tile.x >= n || tile.y < 0 || tile.y >= n)
        return cm_fail(context, CM_ERR_INPUT, "tile %d/%d/%d does not exist (x and y run "
                       "from 0 to %d)", tile.z, tile.x, tile.y, n - 1);
    cm_projection *mercator = cm_projection_web_mercator(context);
    if (!mercator)
        return cm_context_status(context);
    double side = 2 * MERCATOR_HALF / n;
    cm_geo_point north_west, south_east;
    gboolean ok = cm_projection_inverse(mercator, -MERCATOR_HALF + tile.x * side,
                                        MERCATOR_HALF - tile.y * side, &north_west) &&
                  cm_projection_inverse(mercator, -MERCATOR_HALF + (tile.x + 1) * side,
                                        MERCATOR_HALF - (tile.y + 1) * side, &south_east);
    cm_projection_free(mercator);
    if (!ok)
        return cm_fail(context, CM_ERR_LIBRARY, "PROJ cannot unproject tile %d/%d/%d", tile.z,
                       tile.x, tile.y);
    /* PROJ wraps the east edge of the last column, 180°, to -180°. */
    *bounds = (cm_bbox){north_west.lon, south_east.lat,
                        tile.x == n - 1 ? 180.0 : south_east.lon, north_west.lat};
    return CM_OK;
}

/* The antimeridian rule (bbox.h): tiles take a box that does not cross it,
 * and say which two do. */
static cm_status check_bbox(cm_context *context, const cm_bbox *b)
{
    cm_status status = cm_bbox_check(context, b);
    if (status == CM_OK && cm_bbox_crosses_antimeridian(b))
        status = cm_fail(context, CM_ERR_INPUT, "bounding box %g,%g,%g,%g crosses the "
                         "antimeridian (west above east), which tiles do not: render "
                         "%g,%g,180,%g and -180,%g,%g,%g", b->west, b->south, b->east,
                         b->north, b->west, b->south, b->north, b->south, b->east, b->north);
    return status;
}

cm_status cm_tile_range(cm_context *context, const cm_bbox *bbox, int z, int *x0, int *y0,
                        int *x1, int *y1)
{
    double west, north, east, south;
    cm_status status = check_zoom(context, z);
    if (status == CM_OK)
        status = check_bbox(context, bbox);
    if (status == CM_OK)
        status = mercator_fraction(context, (cm_geo_point){bbox->north, bbox->west}, &west,
                                   &north);
    if (status == CM_OK)
        status = mercator_fraction(context, (cm_geo_point){bbox->south, bbox->east}, &east,
                                   &south);
    if (status != CM_OK)
        return status;
    /* The last tile is the one the east (south) edge enters, not the one it
     * only touches. */
    *x0 = clamp_tile(floor(in_tiles(west, z)), z);
    *y0 = clamp_tile(floor(in_tiles(north, z)), z);
    *x1 = MAX(*x0, clamp_tile(ceil(in_tiles(east, z)) - 1, z));
    *y1 = MAX(*y0, clamp_tile(ceil(in_tiles(south, z)) - 1, z));
    return CM_OK;
}

static cm_status check_zoom_range(cm_context *context, int min_z, int max_z)
{
    cm_status status = check_zoom(context, min_z);
    if (status == CM_OK)
        status = check_zoom(context, max_z);
    if (status == CM_OK && min_z > max_z)
        status = cm_fail(context, CM_ERR_INPUT, "zoom range %d-%d is empty", min_z, max_z);
    return status;
}

cm_status cm_tile_count(cm_context *context, const cm_bbox *bbox, int min_z, int max_z,
                        unsigned long long *count)
{
    cm_status status = check_zoom_range(context, min_z, max_z);
    *count = 0;
    for (int z = min_z; status == CM_OK && z <= max_z; z++) {
        int x0, y0, x1, y1;
        status = cm_tile_range(context, bbox, z, &x0, &y0, &x1, &y1);
        if (status == CM_OK)
            *count += (unsigned long long)(x1 - x0 + 1) * (unsigned long long)(y1 - y0 + 1);
    }
    return status;
}

cm_status cm_zoom_range_parse(cm_context *context, const char *text, int *min_z, int *max_z)
{
    char *end;
    long low = strtol(text, &end, 10), high = low;
    gboolean ok = end != text && g_ascii_isdigit(*text);
    if (ok && *end == '-') {
        const char *second = end + 1;
        high = strtol(second, &end, 10);
        ok = end != second && g_ascii_isdigit(*second);
    }
    if (!ok || *end != '\0')
        return cm_fail(context, CM_ERR_INPUT, "zoom '%s' is not Z or MIN-MAX (e.g. 0-10)",
                       text);
    if (low > CM_TILE_MAX_ZOOM || high > CM_TILE_MAX_ZOOM || low > high)
        return cm_fail(context, CM_ERR_INPUT, "zoom '%s' is out of range (0 to %d, MIN <= "
                       "MAX)", text, CM_TILE_MAX_ZOOM);
    *min_z = (int)low;
    *max_z = (int)high;
    return CM_OK;
}

cm_status cm_shard_parse(cm_context *context, const char *text, int *index, int *count)
{
    char *end;
    long k = strtol(text, &end, 10), n = 0;
    gboolean ok = end != text && g_ascii_isdigit(*text) && *end == '/';
    if (ok) {
        const char *second = end + 1;
        n = strtol(second, &end, 10);
        ok = end != second && g_ascii_isdigit(*second) && *end == '\0';
    }
    if (!ok || k < 1 || k > n || n > 1000)
        return cm_fail(context, CM_ERR_INPUT, "shard '%s' is not K/N with 1 <= K <= N <= "
                       "1000 (e.g. 1/4)", text);
    *index = (int)k;
    *count = (int)n;
    return CM_OK;
}

/* ---- The tiler ---- */

cm_tiler *cm_tiler_new(cm_context *context)
{
    cm_tiler *tiler = g_new0(cm_tiler, 1);
    tiler->context = context;
    tiler->map = cm_map_new(context);
    tiler->tile_size = CM_TILE_DEFAULT_SIZE;
    tiler->scale = 1;
    tiler->metatile = CM_TILE_DEFAULT_METATILE;
    tiler->overlay = g_checksum_new(G_CHECKSUM_SHA256);
    return tiler;
}

void cm_tiler_free(cm_tiler *tiler)
{
    if (!tiler)
        return;
    cm_tile_labels_free(tiler->labels);
    cm_map_free(tiler->map);
    cm_projection_free(tiler->mercator);
    g_checksum_free(tiler->overlay);
    g_free(tiler->roads_record);
    g_free(tiler->notes);
    g_free(tiler);
}

/* Labels placed for what the tiler showed before a change are of no use. */
static void drop_labels(cm_tiler *tiler)
{
    cm_tile_labels_free(tiler->labels);
    tiler->labels = NULL;
}

/* Adds what a route, crossing or marker shows to the tiler's overlay
 * record: a kind, a name (may be NULL) and a point, in 1e-7 degrees so that
 * the record reads alike in every locale. */
static void record_overlay(cm_tiler *tiler, const char *kind, const char *name,
                           cm_geo_point point)
{
    char *entry = g_strdup_printf("%s\t%s\t%lld\t%lld\n", kind, name ? name : "",
                                  (long long)llround(point.lat * 1e7),
                                  (long long)llround(point.lon * 1e7));
    g_checksum_update(tiler->overlay, (const guchar *)entry, -1);
    g_free(entry);
}

static void record_route(cm_tiler *tiler, const cm_route *route)
{
    cm_geo_point start = {0, 0};
    record_overlay(tiler, "route", cm_route_name(route), start);
    record_overlay(tiler, "colour", cm_route_color(route), start);
    for (size_t i = 0; i < cm_route_waypoint_count(route); i++) {
        const cm_place *waypoint = cm_route_waypoint(route, i);
        record_overlay(tiler, "waypoint", waypoint->name, waypoint->position);
    }
    /* Tracks from route files bend between their waypoints. */
    size_t n_points;
    cm_geo_point *line = cm_route_line(route, G_MAXDOUBLE, &n_points);
    for (size_t i = 0; i < n_points; i++)
        record_overlay(tiler, "vertex", NULL, line[i]);
    cm_free(line);
}

static void record_crossings(cm_tiler *tiler, const cm_crossing_list *crossings)
{
    for (size_t i = 0; i < cm_crossing_list_count(crossings); i++) {
        const cm_border_crossing *crossing = cm_crossing_list_get(crossings, i);
        record_overlay(tiler, "crossing", crossing->name, crossing->position);
    }
}

static void record_marker(cm_tiler *tiler, const cm_place *place)
{
    record_overlay(tiler, "marker", place->name, place->position);
}

void cm_tiler_add_route(cm_tiler *tiler, const cm_route *route)
{
    drop_labels(tiler);
    cm_map_add_route(tiler->map, route);
    record_route(tiler, route);
}

void cm_tiler_add_crossings(cm_tiler *tiler, const cm_crossing_list *crossings)
{
    drop_labels(tiler);
    cm_map_add_crossings(tiler->map, crossings);
    record_crossings(tiler, crossings);
}

void cm_tiler_add_marker(cm_tiler *tiler, const cm_place *place)
{
    drop_labels(tiler);
    cm_map_add_marker(tiler->map, place);
    record_marker(tiler, place);
}

/* The overlay record lists the scene in the order cm_map_set_scene() adds
 * it: each route and its crossings, then the marks. */
void cm_tiler_set_scene(cm_tiler *tiler, const cm_scene *scene)
{
    drop_labels(tiler);
    cm_map_layers_set_scene(tiler->map, scene);
    g_checksum_reset(tiler->overlay);
    for (size_t i = 0; i < cm_scene_route_count(scene); i++) {
        record_route(tiler, cm_scene_route(scene, i));
        record_crossings(tiler, cm_scene_crossings(scene, i));
    }
    for (size_t i = 0; i < cm_scene_mark_count(scene); i++)
        record_marker(tiler, cm_scene_mark(scene, i));
}

/* How the tiler draws, which the output records so that resuming it draws
 * the rest alike: "convoymap 0.1.0; 256 px tiles at scale 1; labels en;
 * style 1f0e...; overlay 9a3c..." (twelve hex digits of each fingerprint),
 * with roads "roads 5b7d... motorcar quickest road-only[ weight 40...]; "
 * before the overlay, which the roads route: a change of roads is named
 * first. The
 * map must be prepared (its style loaded). The caller frees it. */
static char *rendering_record(cm_tiler *tiler)
{
    const cm_style *style = cm_map_layers_style(tiler->map);
    /* Reading a checksum closes it: read a copy, so that more can be added. */
    GChecksum *overlay = g_checksum_copy(tiler->overlay);
    char *record = g_strdup_printf(
        "convoymap %s; %d px tiles at scale %d; labels %s; style %.12s; %s%soverlay %.12s",
        CM_VERSION_STRING, tiler->tile_size, tiler->scale,
        cm_label_language_name(cm_map_layers_language(tiler->map)), style->fingerprint,
        tiler->roads_record ? tiler->roads_record : "", tiler->roads_record ? "; " : "",
        g_checksum_get_string(overlay));
    g_checksum_free(overlay);
    return record;
}

cm_status cm_tiler_set_roads(cm_tiler *tiler, const char *path, const cm_roads_options *options,
                             int allow_straight)
{
    cm_status status = cm_map_set_roads(tiler->map, path);
    if (status != CM_OK)
        return status;
    drop_labels(tiler);
    g_free(tiler->roads_record);
    tiler->roads_record = NULL;
    const cm_road_source *roads = cm_map_layers_roads(tiler->map);
    if (roads) {
        const char *vehicle = options && options->vehicle ? options->vehicle
                                                          : CM_ROADS_DEFAULT_VEHICLE;
        gboolean shortest = options && options->prefer == CM_ROADS_SHORTEST;
        GString *record = g_string_new(NULL);
        g_string_printf(record, "roads %.12s %s %s %s", cm_road_source_fingerprint(roads),
                        vehicle, shortest ? "shortest" : "quickest",
                        allow_straight ? "allow-straight" : "road-only");
        /* The vehicle's limits, where given, change the roads it takes. */
        if (options) {
            const struct {
                const char *name;
                double value;
            } limits[] = {{"weight", options->weight_t}, {"height", options->height_m},
                          {"width", options->width_m}, {"length", options->length_m}};
            for (size_t i = 0; i < G_N_ELEMENTS(limits); i++)
                if (limits[i].value > 0)
                    g_string_append_printf(record, " %s %g", limits[i].name, limits[i].value);
        }
        tiler->roads_record = g_string_free(record, FALSE);
    }
    return CM_OK;
}

/* Prepares the map and the labels for drawing. */
static cm_status prepare(cm_tiler *tiler)
{
    cm_status status = cm_map_prepare_layers(tiler->map);
    if (status == CM_OK && !tiler->labels)
        tiler->labels = cm_tile_labels_new(tiler->map, tiler->tile_size);
    return status;
}

cm_status cm_tiler_set_style(cm_tiler *tiler, const char *name_or_path)
{
    cm_status status = cm_map_set_style(tiler->map, name_or_path);
    if (status == CM_OK)
        drop_labels(tiler);
    return status;
}

void cm_tiler_set_labels(cm_tiler *tiler, cm_label_language labels)
{
    drop_labels(tiler);
    cm_map_set_labels(tiler->map, labels);
}

cm_status cm_tiler_set_tile_size(cm_tiler *tiler, int size)
{
    if (size != 256 && size != 512)
        return cm_fail(tiler->context, CM_ERR_INPUT, "tile size %d is not 256 or 512", size);
    if (size != tiler->tile_size)
        drop_labels(tiler);
    tiler->tile_size = size;
    return CM_OK;
}

cm_status cm_tiler_set_scale(cm_tiler *tiler, int scale)
{
    if (scale != 1 && scale != 2)
        return cm_fail(tiler->context, CM_ERR_INPUT, "scale %d is not 1 or 2", scale);
    tiler->scale = scale;
    return CM_OK;
}

cm_status cm_tiler_set_metatile(cm_tiler *tiler, int tiles)
{
    if (tiles < 1 || tiles > CM_TILE_MAX_METATILE)
        return cm_fail(tiler->context, CM_ERR_INPUT, "metatile size %d is out of range (1 to "
                       "%d)", tiles, CM_TILE_MAX_METATILE);
    tiler->metatile = tiles;
    return CM_OK;
}

int cm_tiler_pixel_size(const cm_tiler *tiler)
{
    return tiler->tile_size * tiler->scale;
}

/* Metatile side in tiles at zoom z. */
static int metatile_side(const cm_tiler *tiler, int z)
{
    int side = MIN(tiler->metatile, 1 << z);
    return MAX(1, MIN(side, MAX_METATILE_PX / cm_tiler_pixel_size(tiler)));
}

/* Draws tiles x0..x0+nx-1, y0..y0+ny-1 of zoom z in one piece with a
 * bleed margin and cuts it into PNG tiles. context and mercator belong to
 * the calling thread; the tiler is only read. Returns a block the caller
 * frees with cm_tile_block_free(), or NULL with the reason in context. */
static cm_tile_block *render_block(const cm_tiler *tiler, cm_context *context,
                                   const cm_projection *mercator, int z, int x0, int y0,
                                   int nx, int ny)
{
    int size = tiler->tile_size, scale = tiler->scale;
    double px_per_m = ldexp(size, z) / (2 * MERCATOR_HALF);
    cm_frame frame = {
        .projection = mercator,
        .min_x = -MERCATOR_HALF + ((double)x0 * size - BLEED_PX) / px_per_m,
        .max_y = MERCATOR_HALF - ((double)y0 * size - BLEED_PX) / px_per_m,
        .px_per_m = px_per_m,
        .width = nx * size + 2 * BLEED_PX,
        .height = ny * size + 2 * BLEED_PX,
    };
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                                          frame.width * scale,
                                                          frame.height * scale);
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    cm_status status = cm_map_draw_layers(tiler->map, context, cr, &frame, z);
    /* Labels that reach into the tiles, not only into the bleed. */
    cm_box tiles_area = {(double)x0 * size, (double)y0 * size, (double)(x0 + nx) * size,
                         (double)(y0 + ny) * size};
    if (status == CM_OK)
        status = cm_tile_labels_draw(tiler->labels, context, mercator, cr, z,
                                     (double)x0 * size - BLEED_PX, (double)y0 * size - BLEED_PX,
                                     &tiles_area);
    if (status == CM_OK && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        status = cm_fail(context, CM_ERR_LIBRARY, "drawing tiles failed: %s",
                         cairo_status_to_string(cairo_status(cr)));
    cairo_destroy(cr);
    if (status != CM_OK) {
        cairo_surface_destroy(surface);
        return NULL;
    }
    cairo_surface_flush(surface);
    const unsigned char *pixels = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    int side = size * scale;
    cm_tile_block *block = g_new0(cm_tile_block, 1);
    *block = (cm_tile_block){z, x0, y0, nx, ny, g_new0(GBytes *, (gsize)nx * (gsize)ny)};
    for (int j = 0; j < ny && status == CM_OK; j++) {
        for (int i = 0; i < nx && status == CM_OK; i++) {
            const unsigned char *origin = pixels +
                                          (size_t)(BLEED_PX * scale + j * side) * (size_t)stride +
                                          (size_t)(BLEED_PX * scale + i * side) * 4;
            GByteArray *png = g_byte_array_new();
            if (!cm_png_encode_rgb24(origin, side, side, stride, png))
                status = cm_fail(context, CM_ERR_LIBRARY, "PNG encoding of tile %d/%d/%d "
                                 "failed", z, x0 + i, y0 + j);
            block->tiles[j * nx + i] = g_byte_array_free_to_bytes(png);
        }
    }
    cairo_surface_destroy(surface);
    if (status != CM_OK) {
        cm_tile_block_free(block);
        return NULL;
    }
    return block;
}

/* A rectangle of tiles of one zoom: a metatile, or the part of one that a
 * request covers. */
typedef struct block_job {
    int z, x0, y0, nx, ny;
} block_job;

/* The metatile holding tile x, y of zoom z: its first tile and size. */
static void metatile_of(const cm_tiler *tiler, int z, int x, int y, block_job *metatile)
{
    int side = metatile_side(tiler, z), n = 1 << z;
    int mx = x / side * side, my = y / side * side;
    *metatile = (block_job){z, mx, my, MIN(side, n - mx), MIN(side, n - my)};
}

/* Checks tile and makes the tiler ready to draw or label it on its own. */
static cm_status prepare_tile(cm_tiler *tiler, cm_tile tile)
{
    cm_bbox bounds;
    cm_status status = cm_tile_bounds(tiler->context, tile, &bounds);
    if (status == CM_OK)
        status = prepare(tiler);
    if (status != CM_OK)
        return status;
    if (!tiler->mercator && !(tiler->mercator = cm_projection_web_mercator(tiler->context)))
        return cm_context_status(tiler->context);
    return CM_OK;
}

cm_status cm_tiler_render_tile(cm_tiler *tiler, cm_tile tile, unsigned char **png,
                               size_t *length)
{
    *png = NULL;
    *length = 0;
    cm_status status = prepare_tile(tiler, tile);
    if (status != CM_OK)
        return status;
    cm_tile_labels_expect_zoom(tiler->labels, tile.z);
    cm_tile_block *block = render_block(tiler, tiler->context, tiler->mercator, tile.z, tile.x,
                                        tile.y, 1, 1);
    if (!block)
        return cm_context_status(tiler->context);
    gsize size;
    *png = g_bytes_unref_to_data(block->tiles[0], &size);
    *length = size;
    block->tiles[0] = NULL;
    cm_tile_block_free(block);
    return CM_OK;
}

cm_status cm_tiler_labels(cm_tiler *tiler, cm_tile tile, cm_tile_label **labels, size_t *n)
{
    *labels = NULL;
    *n = 0;
    cm_status status = prepare_tile(tiler, tile);
    if (status != CM_OK)
        return status;
    int size = tiler->tile_size;
    GArray *found = cm_tile_labels_in(tiler->labels, tiler->context, tiler->mercator, tile.z,
                                      (double)tile.x * size, (double)tile.y * size, size, size);
    if (!found)
        return cm_context_status(tiler->context);
    *n = found->len;
    *labels = (cm_tile_label *)(void *)g_array_free(found, FALSE);
    return CM_OK;
}

void cm_tile_label_array_free(cm_tile_label *labels)
{
    g_free(labels);
}

/* ---- Writing a tileset ---- */

/* The metatiles covering the request (its shard), each cut down to the
 * requested tiles, zoom by zoom and row by row. */
static GArray *plan_blocks(const cm_tiler *tiler, const cm_tiles_request *request,
                           unsigned long long *n_tiles)
{
    GArray *jobs = g_array_new(FALSE, FALSE, sizeof(block_job));
    unsigned n_planned = 0;
    *n_tiles = 0;
    for (int z = request->min_z; z <= request->max_z; z++) {
        int x0, y0, x1, y1;
        cm_tile_range(tiler->context, &request->bbox, z, &x0, &y0, &x1, &y1);
        int side = metatile_side(tiler, z);
        for (int by = y0 / side * side; by <= y1; by += side) {
            for (int bx = x0 / side * side; bx <= x1; bx += side) {
                block_job job = {z, MAX(bx, x0), MAX(by, y0), 0, 0};
                job.nx = MIN(bx + side - 1, x1) - job.x0 + 1;
                job.ny = MIN(by + side - 1, y1) - job.y0 + 1;
                /* Shards deal the metatiles round-robin: each gets every
                 * zoom and a fair share of the costly ones. */
                if (request->shard_count > 0 &&
                    (int)(n_planned++ % (unsigned)request->shard_count) !=
                        request->shard_index - 1)
                    continue;
                g_array_append_val(jobs, job);
                *n_tiles += (unsigned long long)job.nx * (unsigned long long)job.ny;
            }
        }
    }
    return jobs;
}

/* What the workers share. Workers take jobs by index and hand finished
 * blocks to the storing thread through the queue, which writes them while
 * the workers draw on. Into a directory, where the kernel's file creation
 * costs about a third of drawing, several workers write their own files
 * instead, so that one storing thread does not hold them all back; a lone
 * worker leaves them to the storing thread, which is otherwise idle. */
typedef struct tiles_run {
    cm_tiler *tiler;      /* its cancel flag is read by the workers */
    const cm_tile_store *store; /* written by the workers when workers_store */
    gboolean workers_store;
    GArray *jobs;         /* of block_job */
    gint next;            /* next job index to take */
    gint cancelled;       /* set by the storing thread after a failure */
    GAsyncQueue *results; /* of worker_result* */
} tiles_run;

typedef struct worker_result {
    gboolean finished;    /* the worker's last message */
    cm_tile_block *block; /* to store; NULL when the worker stored it */
    unsigned long long n_tiles; /* tiles the message accounts for */
    cm_status status;
    char *message;        /* on failure */
} worker_result;

typedef struct worker {
    tiles_run *run;
    cm_context *context;  /* the worker's own: PROJ, GDAL and errors */
    GThread *thread;
} worker;

static void push_result(tiles_run *run, gboolean finished, cm_tile_block *block,
                        unsigned long long n_tiles, cm_status status, const char *message)
{
    worker_result *result = g_new0(worker_result, 1);
    *result = (worker_result){finished, block, n_tiles, status, g_strdup(message)};
    g_async_queue_push(run->results, result);
}

static gpointer worker_main(gpointer data)
{
    worker *self = data;
    tiles_run *run = self->run;
    cm_projection *mercator = cm_projection_web_mercator(self->context);
    if (!mercator)
        g_atomic_int_set(&run->cancelled, 1);
    while (mercator && !g_atomic_int_get(&run->cancelled) &&
           !g_atomic_int_get(&run->tiler->cancel)) {
        guint i = (guint)g_atomic_int_add(&run->next, 1);
        if (i >= run->jobs->len)
            break;
        const block_job *job = &g_array_index(run->jobs, block_job, i);
        cm_tile_block *block = render_block(run->tiler, self->context, mercator, job->z,
                                            job->x0, job->y0, job->nx, job->ny);
        if (!block)
            break;
        unsigned long long n = (unsigned long long)job->nx * (unsigned long long)job->ny;
        if (run->workers_store) {
            cm_status status = cm_tile_store_put_concurrent(run->store, self->context, block);
            cm_tile_block_free(block);
            if (status != CM_OK)
                break;
            push_result(run, FALSE, NULL, n, CM_OK, NULL);
        } else {
            push_result(run, FALSE, block, n, CM_OK, NULL);
        }
    }
    cm_projection_free(mercator);
    /* The last message says the worker is done, and why if it failed. */
    push_result(run, TRUE, NULL, 0, cm_context_status(self->context),
                cm_context_message(self->context));
    return NULL;
}

/* Renders the jobs on n_workers threads while this thread stores the
 * blocks (or counts those the workers stored); stops at the first
 * failure. A cancelled run stops taking jobs but still stores what the
 * workers have rendered. */
static cm_status run_workers(cm_tiler *tiler, cm_tile_store *store, GArray *jobs,
                             int n_workers, const cm_tiles_request *request,
                             unsigned long long done, unsigned long long total,
                             cm_tiles_summary *summary)
{
    cm_context *context = tiler->context;
    tiles_run run = {tiler, store, cm_tile_store_is_concurrent(store) && n_workers > 1, jobs,
                     0, 0, g_async_queue_new()};
    worker *workers = g_new0(worker, n_workers);
    int started = 0;
    cm_status status = CM_OK;
    /* Contexts are made here, one thread at a time, because creating one
     * registers GDAL's drivers. */
    for (int i = 0; i < n_workers && status == CM_OK; i++) {
        char *message = NULL;
        workers[i].run = &run;
        workers[i].context = cm_context_new(cm_context_data_dir(context), &message);
        if (!workers[i].context) {
            status = cm_fail(context, CM_ERR_DATA, "%s", message);
            cm_free(message);
            break;
        }
        workers[i].thread = g_thread_new("convoymap-tiles", worker_main, &workers[i]);
        started++;
    }
    if (status != CM_OK)
        g_atomic_int_set(&run.cancelled, 1);
    for (int finished = 0; finished < started;) {
        worker_result *result = g_async_queue_pop(run.results);
        if (result->finished) {
            finished++;
            if (result->status != CM_OK && status == CM_OK)
                status = cm_fail(context, result->status, "%s", result->message);
        } else if (status == CM_OK) {
            if (result->block)
                status = cm_tile_store_put(store, result->block);
            if (status == CM_OK) {
                done += result->n_tiles;
                summary->rendered += result->n_tiles;
                summary->metatiles++;
                if (request->progress)
                    request->progress(done, total, request->progress_data);
            }
        }
        if (status != CM_OK)
            g_atomic_int_set(&run.cancelled, 1);
        cm_tile_block_free(result->block);
        g_free(result->message);
        g_free(result);
    }
    for (int i = 0; i < n_workers; i++) {
        if (workers[i].thread)
            g_thread_join(workers[i].thread);
        cm_context_free(workers[i].context);
    }
    g_free(workers);
    g_async_queue_unref(run.results);
    return status;
}

/* The offline viewer page (core/viewer-page.h) beside a directory's tiles. */
static cm_status write_preview(const cm_tiler *tiler, const char *output,
                               const cm_tiles_request *request)
{
    cm_viewer_page view = {
        .title = request->name ? request->name : "convoymap tiles",
        .credit = tiler->roads_record ? CM_TILES_ROADS_ATTRIBUTION : CM_TILES_BASEMAP_ATTRIBUTION,
        .tile_prefix = "", .min_zoom = request->min_z, .max_zoom = request->max_z,
        .zoom = request->min_z, .lon = (request->bbox.west + request->bbox.east) / 2,
        .lat = (MAX(request->bbox.south, -CM_TILE_MAX_LAT) +
                MIN(request->bbox.north, CM_TILE_MAX_LAT)) / 2,
        /* Tiles show at their size in style pixels; scale 2 images are sharper. */
        .tile_size = tiler->tile_size, .bounds = request->bbox};
    char *page = cm_viewer_page_html(&view);
    char *path = g_build_filename(output, "index.html", NULL);
    GError *error = NULL;
    cm_status status = CM_OK;
    if (!g_file_set_contents_full(path, page, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error)) {
        status = cm_fail(tiler->context, CM_ERR_IO, "cannot write %s: %s", path,
                         error->message);
        g_error_free(error);
    }
    g_free(path);
    g_free(page);
    return status;
}

/* An output named like one image or document cannot hold a tileset; an
 * existing directory of that name can (an earlier run made it). */
static cm_status check_output_name(cm_context *context, const char *output)
{
    static const struct {
        const char *suffix, *instead; /* what makes such a file */
    } single_files[] = {
        {".png", "for one tile, 'convoymap tile Z X Y -o FILE.png'"},
        {".svg", "for one map, 'convoymap render -o FILE.svg'"},
        {".pdf", "for one map, 'convoymap render -o FILE.pdf'"},
        {".jpg", NULL}, {".jpeg", NULL}, {".webp", NULL}, {".gif", NULL},
        {".tif", NULL}, {".tiff", NULL}, {".bmp", NULL},
    };
    if (g_file_test(output, G_FILE_TEST_IS_DIR))
        return CM_OK;
    size_t n = strlen(output);
    for (size_t i = 0; i < G_N_ELEMENTS(single_files); i++) {
        size_t m = strlen(single_files[i].suffix);
        if (n > m && g_ascii_strcasecmp(output + n - m, single_files[i].suffix) == 0)
            return cm_fail(context, CM_ERR_INPUT, "output %s names one image, not a set of "
                           "tiles: give a directory or a .mbtiles file%s%s%s", output,
                           single_files[i].instead ? " (" : "",
                           single_files[i].instead ? single_files[i].instead : "",
                           single_files[i].instead ? ")" : "");
    }
    return CM_OK;
}

static cm_status write_tileset(cm_tiler *tiler, const char *output,
                               const cm_tiles_request *request, cm_tiles_summary *summary)
{
    cm_context *context = tiler->context;
    cm_tiles_summary counts = {0};
    cm_status status = check_output_name(context, output);
    if (status == CM_OK)
        status = check_zoom_range(context, request->min_z, request->max_z);
    if (status == CM_OK)
        status = check_bbox(context, &request->bbox);
    if (status == CM_OK && (request->jobs < 1 || request->jobs > CM_TILES_MAX_JOBS))
        status = cm_fail(context, CM_ERR_INPUT, "jobs %d is out of range (1 to %d)",
                         request->jobs, CM_TILES_MAX_JOBS);
    if (status == CM_OK && (request->shard_count < 0 ||
                            (request->shard_count > 0 &&
                             (request->shard_index < 1 ||
                              request->shard_index > request->shard_count))))
        status = cm_fail(context, CM_ERR_INPUT, "shard %d/%d does not exist",
                         request->shard_index, request->shard_count);
    unsigned long long n_requested = 0;
    if (status == CM_OK)
        status = cm_tile_count(context, &request->bbox, request->min_z, request->max_z,
                               &n_requested);
    if (status == CM_OK && n_requested > MAX_TILES)
        status = cm_fail(context, CM_ERR_INPUT, "the request covers %llu tiles, more than "
                         "the %llu allowed; narrow --bbox or --zoom", n_requested, MAX_TILES);
    if (status == CM_OK && request->preview && g_str_has_suffix(output, ".mbtiles"))
        status = cm_fail(context, CM_ERR_INPUT, "a preview needs a directory output, not %s",
                         output);
    if (status == CM_OK)
        status = prepare(tiler);
    if (status != CM_OK)
        return status;
    cm_tile_labels_expect_zoom(tiler->labels, request->max_z);
    GArray *planned = plan_blocks(tiler, request, &counts.tiles);
    char *rendering = rendering_record(tiler);
    cm_tile_store_info info = {request->name ? request->name : "convoymap", request->bbox,
                               request->min_z, request->max_z, rendering,
                               cm_map_layers_style(tiler->map)->name,
                               tiler->roads_record ? CM_TILES_ROADS_ATTRIBUTION : NULL};
    cm_tile_store *store = cm_tile_store_open(context, output, request->resume, &info);
    g_free(rendering);
    if (!store) {
        g_array_free(planned, TRUE);
        return cm_context_status(context);
    }
    /* Resuming keeps the metatiles that were committed whole. */
    GArray *jobs = g_array_new(FALSE, FALSE, sizeof(block_job));
    unsigned long long done = 0;
    for (guint i = 0; i < planned->len; i++) {
        const block_job *job = &g_array_index(planned, block_job, i);
        if (request->resume && cm_tile_store_has(store, job->z, job->x0, job->y0, job->nx,
                                                 job->ny))
            done += (unsigned long long)job->nx * (unsigned long long)job->ny;
        else
            g_array_append_val(jobs, *job);
    }
    g_array_free(planned, TRUE);
    if (request->start) {
        cm_tiles_summary plan = {counts.tiles, counts.tiles - done, jobs->len};
        request->start(&plan, request->progress_data);
    }
    if (request->progress)
        request->progress(done, counts.tiles, request->progress_data);
    if (jobs->len > 0)
        status = run_workers(tiler, store, jobs, MIN(request->jobs, (int)jobs->len), request,
                             done, counts.tiles, &counts);
    g_array_free(jobs, TRUE);
    /* A cancel that came after the last metatile changes nothing. A
     * cancelled run is closed as a finished one, so that a failure to close
     * is reported rather than the interruption. */
    gboolean cancelled = g_atomic_int_get(&tiler->cancel) &&
                         done + counts.rendered < counts.tiles;
    if (status == CM_OK && !cancelled && request->preview)
        status = write_preview(tiler, output, request);
    if (status == CM_OK) {
        status = cm_tile_store_close(store);
        if (status == CM_OK && cancelled)
            status = cm_fail(context, CM_ERR_CANCELLED, "interrupted after %llu of %llu "
                             "tiles; run again with --resume to finish",
                             done + counts.rendered, counts.tiles);
    } else {
        /* The first failure is the one to report, not what closing adds. */
        char *message = g_strdup(cm_context_message(context));
        cm_tile_store_close(store);
        cm_fail(context, status, "%s", message);
        g_free(message);
    }
    if (summary)
        *summary = counts;
    return status;
}

cm_status cm_tiler_write(cm_tiler *tiler, const char *output, const cm_tiles_request *request,
                         cm_tiles_summary *summary)
{
    g_free(tiler->notes);
    tiler->notes = cm_map_layers_marks_outside(tiler->map, &request->bbox);
    cm_status status = write_tileset(tiler, output, request, summary);
    /* A cancel concerns one run; the tiler can write again. */
    g_atomic_int_set(&tiler->cancel, 0);
    return status;
}

char *cm_tiler_take_notes(cm_tiler *tiler)
{
    char *notes = tiler->notes;
    tiler->notes = NULL;
    return notes;
}

void cm_tiler_cancel(cm_tiler *tiler)
{
    g_atomic_int_set(&tiler->cancel, 1);
}

/* ---- Serving: one metatile at a time, and a cache ---- */

int cm_tiler_metatile_side(const cm_tiler *tiler, int z)
{
    return metatile_side(tiler, CLAMP(z, 0, CM_TILE_MAX_ZOOM));
}

cm_status cm_tiler_prepare(cm_tiler *tiler)
{
    return prepare(tiler);
}

void cm_metatile_free(cm_metatile *metatile)
{
    if (!metatile)
        return;
    for (int i = 0; i < metatile->nx * metatile->ny; i++)
        g_free(metatile->png[i]);
    g_free(metatile->png);
    g_free(metatile->length);
    g_free(metatile);
}

cm_metatile *cm_tiler_render_metatile(cm_tiler *tiler, cm_context *context, cm_tile tile)
{
    cm_bbox bounds;
    if (cm_tile_bounds(context, tile, &bounds) != CM_OK)
        return NULL;
    if (!tiler->labels) {
        cm_fail(context, CM_ERR_LIBRARY, "the tiler is not prepared (cm_tiler_prepare())");
        return NULL;
    }
    block_job whole;
    metatile_of(tiler, tile.z, tile.x, tile.y, &whole);
    int nx = whole.nx, ny = whole.ny;
    cm_projection *mercator = cm_projection_web_mercator(context);
    if (!mercator)
        return NULL;
    cm_tile_block *block = render_block(tiler, context, mercator, whole.z, whole.x0, whole.y0,
                                        whole.nx, whole.ny);
    cm_projection_free(mercator);
    if (!block)
        return NULL;
    cm_metatile *metatile = g_new0(cm_metatile, 1);
    *metatile = (cm_metatile){tile.z, whole.x0, whole.y0, nx, ny,
                              g_new0(unsigned char *, (gsize)(nx * ny)),
                              g_new0(size_t, (gsize)(nx * ny))};
    for (int i = 0; i < nx * ny; i++) {
        gsize size;
        metatile->png[i] = g_bytes_unref_to_data(block->tiles[i], &size);
        metatile->length[i] = size;
        block->tiles[i] = NULL;
    }
    cm_tile_block_free(block);
    return metatile;
}

struct cm_tile_cache {
    cm_tile_store *store;
    /* An MBTiles store is one SQLite connection, taken by one thread at a
     * time; a directory's files can be read and written from any. */
    gboolean concurrent;
    GMutex lock;
    cm_context *context; /* the tiler's, where the store reports */
};

cm_tile_cache *cm_tile_cache_open(cm_tiler *tiler, const char *path)
{
    cm_status status = check_output_name(tiler->context, path);
    if (status == CM_OK)
        status = prepare(tiler);
    if (status != CM_OK)
        return NULL;
    char *rendering = rendering_record(tiler);
    /* A new cache may come to hold any tile. */
    cm_tile_store_info info = {"convoymap", {-180, -CM_TILE_MAX_LAT, 180, CM_TILE_MAX_LAT}, 0,
                               CM_TILE_MAX_ZOOM, rendering,
                               cm_map_layers_style(tiler->map)->name,
                               tiler->roads_record ? CM_TILES_ROADS_ATTRIBUTION : NULL};
    cm_tile_store *store = cm_tile_store_open_cache(tiler->context, path, &info);
    g_free(rendering);
    if (!store)
        return NULL;
    cm_tile_cache *cache = g_new0(cm_tile_cache, 1);
    cache->store = store;
    cache->concurrent = cm_tile_store_is_concurrent(store);
    cache->context = tiler->context;
    g_mutex_init(&cache->lock);
    return cache;
}

void cm_tile_cache_get(cm_tile_cache *cache, cm_tile tile, unsigned char **png, size_t *length)
{
    if (!cache->concurrent)
        g_mutex_lock(&cache->lock);
    GBytes *bytes = cm_tile_store_get(cache->store, tile.z, tile.x, tile.y);
    if (!cache->concurrent)
        g_mutex_unlock(&cache->lock);
    gsize size = 0;
    *png = bytes ? g_bytes_unref_to_data(bytes, &size) : NULL;
    *length = size;
}

cm_status cm_tile_cache_put(cm_tile_cache *cache, cm_context *context,
                            const cm_metatile *metatile)
{
    int n = metatile->nx * metatile->ny;
    cm_tile_block block = {metatile->z, metatile->x0, metatile->y0, metatile->nx,
                           metatile->ny, g_new0(GBytes *, (gsize)n)};
    for (int i = 0; i < n; i++)
        block.tiles[i] = g_bytes_new_static(metatile->png[i], metatile->length[i]);
    cm_status status;
    if (cache->concurrent) {
        status = cm_tile_store_put_concurrent(cache->store, context, &block);
    } else {
        /* The store reports into the context it was opened with: copied
         * to the caller's while the lock keeps it. */
        g_mutex_lock(&cache->lock);
        status = cm_tile_store_put(cache->store, &block);
        if (status != CM_OK)
            cm_fail(context, status, "%s", cm_context_message(cache->context));
        g_mutex_unlock(&cache->lock);
    }
    for (int i = 0; i < n; i++)
        g_bytes_unref(block.tiles[i]);
    g_free(block.tiles);
    return status;
}

cm_status cm_tile_cache_close(cm_tile_cache *cache)
{
    cm_status status = cm_tile_store_close(cache->store);
    g_mutex_clear(&cache->lock);
    g_free(cache);
    return status;
}
