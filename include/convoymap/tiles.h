/* convoymap — map tiles: the briefing map's basemap, routes, markers and
 * border crossings cut into XYZ tiles (the OpenStreetMap "slippy map"
 * numbering, Web Mercator EPSG:3857), for offline web maps and GIS.
 *
 * Tile x counts from the antimeridian eastwards, y from the north edge
 * (about 85.0511°N) southwards; zoom z has 2^z x 2^z tiles. Tiles are
 * rendered in metatiles — blocks of up to N x N tiles drawn at once with a
 * margin around them — so that lines and symbols continue seamlessly across
 * tile edges, and are written as PNG to a directory (OUT/z/x/y.png) or to
 * an MBTiles 1.3 file.
 */
#ifndef CONVOYMAP_TILES_H
#define CONVOYMAP_TILES_H

#include <stddef.h>

#include "bbox.h"
#include "borders.h"
#include "context.h"
#include "geocode.h"
#include "geodesy.h"
#include "map.h"
#include "roads.h"
#include "route.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Highest zoom accepted: tiles about 15 m across at the equator. */
#define CM_TILE_MAX_ZOOM 20

/* Latitude of the north edge of tile 0/0/0, where Web Mercator's square
 * ends: atan(sinh(pi)) in degrees. */
#define CM_TILE_MAX_LAT 85.0511287798066

#define CM_TILE_DEFAULT_SIZE 256
#define CM_TILE_DEFAULT_METATILE 8
#define CM_TILE_MAX_METATILE 16
/* Most rendering threads of cm_tiler_write(): more only queue for the
 * same cores. */
#define CM_TILES_MAX_JOBS 64

typedef struct cm_tile {
    int z, x, y;
} cm_tile;

/* What tiles drawn from the shipped basemap credit (MBTiles and TileJSON
 * attribution), and what tiles that also draw a roads database's roads
 * credit. */
#define CM_TILES_BASEMAP_ATTRIBUTION "Natural Earth · GSHHG/WDBII"
#define CM_TILES_ROADS_ATTRIBUTION CM_TILES_BASEMAP_ATTRIBUTION " · " CM_ROADS_ATTRIBUTION

/* The tile of zoom z containing point. Latitudes beyond CM_TILE_MAX_LAT
 * fall in the first or last row, longitude 180 in the last column.
 * CM_ERR_INPUT for a zoom outside 0..CM_TILE_MAX_ZOOM or a point out of
 * range. */
CM_API cm_status cm_tile_for_point(cm_context *context, cm_geo_point point, int z,
                                   cm_tile *tile);

/* The tile's bounds in degrees. CM_ERR_INPUT for a tile that does not
 * exist. */
CM_API cm_status cm_tile_bounds(cm_context *context, cm_tile tile, cm_bbox *bounds);

/* The range of tiles of zoom z that overlap bbox (a tile that only touches
 * it along an edge does not count): columns *x0..*x1, rows *y0..*y1.
 * CM_ERR_INPUT for a box that fails cm_bbox_check() or crosses the
 * antimeridian (bbox.h), naming the two boxes to render instead; the same
 * for cm_tile_count() and cm_tiler_write(). */
CM_API cm_status cm_tile_range(cm_context *context, const cm_bbox *bbox, int z, int *x0,
                               int *y0, int *x1, int *y1);

/* How many tiles of zooms min_z..max_z overlap bbox, in *count. */
CM_API cm_status cm_tile_count(cm_context *context, const cm_bbox *bbox, int min_z,
                               int max_z, unsigned long long *count);

/* Parses a zoom "Z" or a range "MIN-MAX" within 0..CM_TILE_MAX_ZOOM. */
CM_API cm_status cm_zoom_range_parse(cm_context *context, const char *text, int *min_z,
                                     int *max_z);

/* What tiles show and how they are drawn. */
typedef struct cm_tiler cm_tiler;

/* A tiler with no route, 256-pixel tiles, scale 1 and 8 x 8 metatiles.
 * Free with cm_tiler_free(). NULL with CM_ERR_LIBRARY when the drawing
 * module cannot be loaded (see cm_map_new()). */
CM_API cm_tiler *cm_tiler_new(cm_context *context);

CM_API void cm_tiler_free(cm_tiler *tiler);

/* Draws a copy of route, its waypoints and, from the list (copied), its
 * border crossings; sites are marked with copies of place. */
CM_API void cm_tiler_add_route(cm_tiler *tiler, const cm_route *route);
CM_API void cm_tiler_add_crossings(cm_tiler *tiler, const cm_crossing_list *crossings);
CM_API void cm_tiler_add_marker(cm_tiler *tiler, const cm_place *place);

/* Draws copies of what scene (resolved with cm_scene_resolve()) holds, as
 * cm_map_set_scene() does: its routes, their crossings and its marked
 * sites, in place of every route, crossing and marker added before. */
CM_API void cm_tiler_set_scene(cm_tiler *tiler, const cm_scene *scene);

/* The style tiles are drawn in, as cm_map_set_style(): a shipped style by
 * name ("briefing", the default) or the path of a style key file. Its
 * layer order and zoom ranges apply per tile zoom, and its [places] and
 * [labels] route-min-zoom keys say which labels tiles show (see
 * styles/briefing.ini). CM_ERR_INPUT naming the file, line and key when
 * the style is unknown or broken; the tiler keeps its style then. */
CM_API cm_status cm_tiler_set_style(cm_tiler *tiler, const char *name_or_path);

/* Draws the roads of the roads database at path in every tile, as
 * cm_map_set_roads(); options and allow_straight are how the scene was
 * routed on them (cm_scene_set_roads(); NULL options: the defaults). The
 * tileset records the database (its manifest) and these options, so that
 * resuming it with other roads, other options or none is refused, and
 * credits OpenStreetMap in its attribution. NULL path draws no roads. */
CM_API cm_status cm_tiler_set_roads(cm_tiler *tiler, const char *path,
                                    const cm_roads_options *options, int allow_straight);

/* The language of the labels of places, countries, waypoints and sites
 * (default CM_LABELS_EN): with CM_LABELS_AR the Arabic name where the
 * gazetteer or the country names have one, else the English; with
 * CM_LABELS_BOTH English above Arabic. */
CM_API void cm_tiler_set_labels(cm_tiler *tiler, cm_label_language labels);

/* Tile side in style pixels: 256 or 512 (CM_ERR_INPUT otherwise). A
 * 512 tile covers the same ground as a 256 one with twice the detail. */
CM_API cm_status cm_tiler_set_tile_size(cm_tiler *tiler, int size);

/* Pixels per style pixel: 1, or 2 for high-density screens (a 256 tile is
 * then 512 x 512 pixels with lines twice as wide). */
CM_API cm_status cm_tiler_set_scale(cm_tiler *tiler, int scale);

/* Metatile side in tiles, 1 to CM_TILE_MAX_METATILE (default
 * CM_TILE_DEFAULT_METATILE). It is reduced where a zoom has fewer tiles,
 * and for large tiles and scales, so that a metatile's image stays a few
 * megabytes. */
CM_API cm_status cm_tiler_set_metatile(cm_tiler *tiler, int tiles);

/* Side of the PNG tiles in pixels: tile size times scale. */
CM_API int cm_tiler_pixel_size(const cm_tiler *tiler);

/* Renders one tile as PNG. *png receives a buffer the caller frees with
 * cm_free() and *length its size. */
CM_API cm_status cm_tiler_render_tile(cm_tiler *tiler, cm_tile tile, unsigned char **png,
                                      size_t *length);

/* A label that tiles show: its text and its bounds, halo included, in the
 * pixels of its zoom counted from the world's top-left corner (tile x, y
 * spans x * size .. (x + 1) * size, size being the tile size in style
 * pixels, whatever the scale). */
typedef struct cm_tile_label {
    const char *text; /* owned by the tiler, valid until it changes or is freed */
    double x0, y0, x1, y1;
} cm_tile_label;

/* The labels drawn on tile (waypoints, crossings, sites, countries and
 * places), each whole even where it reaches into the neighbouring tiles:
 * labels are placed per fixed block of tiles of a zoom and never cross a
 * block's edge, so that they do not depend on the metatile size, the shard
 * or the area rendered (docs/tiles.md). Cities and towns are labelled from
 * a population that falls with the zoom, set by the style's [places]
 * min-population (512-pixel tiles use the next zoom's), largest first
 * where they would collide; the routes' labels from the style's [labels]
 * route-min-zoom (the shipped values are in styles/briefing.ini). *labels
 * receives an array of *n labels the caller frees with
 * cm_tile_label_array_free(). */
CM_API cm_status cm_tiler_labels(cm_tiler *tiler, cm_tile tile, cm_tile_label **labels,
                                 size_t *n);

/* Frees an array of labels from cm_tiler_labels(). */
CM_API void cm_tile_label_array_free(cm_tile_label *labels);

/* ---- Serving: one metatile at a time, and a cache ---- */

/* Side in tiles of the metatiles of zoom z: the cm_tiler_set_metatile()
 * side, less where zoom z has fewer tiles or where the metatile's image
 * would be over 2048 pixels wide. Metatiles start at multiples of it. */
CM_API int cm_tiler_metatile_side(const cm_tiler *tiler, int z);

/* Loads what drawing needs (style, data) so that several threads may call
 * cm_tiler_render_metatile() at once; the tiler must not change after. */
CM_API cm_status cm_tiler_prepare(cm_tiler *tiler);

/* The PNG tiles of one metatile: columns x0..x0+nx-1, rows y0..y0+ny-1 of
 * zoom z, row by row (png[j * nx + i], length[j * nx + i] bytes). */
typedef struct cm_metatile {
    int z, x0, y0, nx, ny;
    unsigned char **png;
    size_t *length;
} cm_metatile;

/* Renders the whole metatile holding tile, with the same bytes as
 * cm_tiler_write() gives the tiles of a metatile it draws whole (one that
 * the request's box does not cut). After cm_tiler_prepare(), several
 * threads may call it at once, each with its own context, which receives
 * any failure. Returns a metatile the caller frees with
 * cm_metatile_free(), or NULL (CM_ERR_INPUT for a tile that does not
 * exist). */
CM_API cm_metatile *cm_tiler_render_metatile(cm_tiler *tiler, cm_context *context,
                                             cm_tile tile);

CM_API void cm_metatile_free(cm_metatile *metatile);

/* A tileset a server reads tiles from and stores the metatiles it renders
 * in: an MBTiles file or a directory, as for cm_tiler_write(). */
typedef struct cm_tile_cache cm_tile_cache;

/* Opens path as the cache of the tiler's tiles, creating it when missing.
 * An MBTiles file is kept in write-ahead logging while open, so that other
 * programs can read it meanwhile. A tileset that records the tiler's
 * rendering (cm_tiler_write()), or none, is used as it is, metadata
 * included; one that records another is refused with CM_ERR_INPUT naming
 * what differs. Prepares the tiler. Returns NULL with the reason in the
 * tiler's context. Close with cm_tile_cache_close(). */
CM_API cm_tile_cache *cm_tile_cache_open(cm_tiler *tiler, const char *path);

/* The PNG of tile in *png (the caller frees it with cm_free()) and its
 * size, or *png NULL when the cache does not hold it. Any thread. */
CM_API void cm_tile_cache_get(cm_tile_cache *cache, cm_tile tile, unsigned char **png,
                              size_t *length);

/* Stores a rendered metatile's tiles at once; any thread, a failure in
 * context (the calling thread's). */
CM_API cm_status cm_tile_cache_put(cm_tile_cache *cache, cm_context *context,
                                   const cm_metatile *metatile);

/* Leaves the cache as a tileset (an MBTiles file leaves write-ahead
 * logging: no -wal file remains) and frees it; the first failure goes to
 * the context of the tiler it was opened with. */
CM_API cm_status cm_tile_cache_close(cm_tile_cache *cache);

/* Called after each metatile is stored, from the thread that called
 * cm_tiler_write(): done tiles (skipped ones included) of total. */
typedef void (*cm_tiles_progress_fn)(unsigned long long done, unsigned long long total,
                                     void *data);

typedef struct cm_tiles_summary cm_tiles_summary;

/* Called once before the first metatile is drawn (after the output is
 * opened and, when resuming, what it holds is counted), from the thread
 * that called cm_tiler_write(), with what the call will do: plan->tiles in
 * the request, plan->rendered of them to draw in plan->metatiles
 * metatiles. */
typedef void (*cm_tiles_start_fn)(const cm_tiles_summary *plan, void *data);

typedef struct cm_tiles_request {
    cm_bbox bbox;
    int min_z, max_z;
    int jobs;               /* rendering threads, 1 to CM_TILES_MAX_JOBS */
    int resume;             /* keep metatiles already complete in the output */
    /* Render only shard shard_index (1-based) of shard_count: every
     * shard_count-th metatile, so that machines can share a tileset and
     * cm_tiles_merge() join the parts. 0 and 0 for the whole tileset. */
    int shard_index, shard_count;
    /* For a directory: also write OUT/index.html, a viewer that works
     * offline (no script or style from the network). */
    int preview;
    const char *name;       /* the MBTiles name; NULL for "convoymap" */
    cm_tiles_progress_fn progress; /* may be NULL */
    void *progress_data;           /* passed to progress and start */
    cm_tiles_start_fn start;       /* may be NULL */
} cm_tiles_request;

struct cm_tiles_summary {
    unsigned long long tiles;     /* tiles in the request (in its shard) */
    unsigned long long rendered;  /* of which rendered by this call */
    unsigned long long metatiles; /* metatiles rendered by this call */
};

/* Renders the tiles of request to output: a file whose name ends in
 * ".mbtiles" (MBTiles 1.3, identical tiles stored once), else a directory
 * of z/x/y.png, created if missing. A name ending like one image or
 * document (.png, .jpg, .jpeg, .webp, .gif, .tif, .tiff, .bmp, .svg, .pdf,
 * any case) is refused with CM_ERR_INPUT unless it is an existing
 * directory. Each metatile is committed as a whole
 * (one SQLite transaction, or files renamed into place), so a crash loses
 * at most the metatiles being drawn; with resume set, a later call skips
 * the metatiles already complete. Without it an existing MBTiles file is
 * replaced. summary may be NULL.
 *
 * The output records how the tiles are drawn (MBTiles metadata
 * "convoymap_rendering", for a directory OUT/metadata.json): version, tile
 * size, scale, label language, style and overlay; "convoymap_style" holds
 * the style's name or file as given. Resuming an output drawn otherwise
 * fails with CM_ERR_INPUT naming what differs (a style by name or file and
 * fingerprint, "style night (1f0e12345678)"), and leaves it as it was.
 *
 * After cm_tiler_cancel() it stores the metatiles already rendered, closes
 * the output as on success (but writes no preview page) and returns
 * CM_ERR_CANCELLED ("interrupted after N of M tiles; ...") unless every
 * tile was done by then. */
CM_API cm_status cm_tiler_write(cm_tiler *tiler, const char *output,
                                const cm_tiles_request *request, cm_tiles_summary *summary);

/* What the last cm_tiler_write() noted, one line each ending in '\n': a
 * marked site outside the request's bounding box ("the mark Tripoli (LBN)
 * is outside the tiles' bounding box"), which its tiles show at most near
 * their edge. Forgets the notes it returns. Returns a new string the
 * caller frees with cm_free(), or NULL when there is nothing to say. */
CM_API char *cm_tiler_take_notes(cm_tiler *tiler);

/* Asks the cm_tiler_write() running on tiler (from another thread), or the
 * next one if none is running, to stop taking metatiles. Async-signal-safe:
 * it only sets an atomic flag, so a SIGINT handler may call it. The flag is
 * cleared when that cm_tiler_write() returns. */
CM_API void cm_tiler_cancel(cm_tiler *tiler);

/* Parses a shard "K/N" (1 <= K <= N <= 1000). */
CM_API cm_status cm_shard_parse(cm_context *context, const char *text, int *index,
                                int *count);

/* Joins the MBTiles files shards (n of them, e.g. the shards of one
 * tileset) into a new MBTiles file output, replacing it: every tile, images
 * stored once, the first shard's metadata with minzoom, maxzoom and bounds
 * widened to cover them all. Each shard is copied in one transaction.
 * Shards that record different renderings (see cm_tiler_write()) are
 * refused with CM_ERR_INPUT. */
CM_API cm_status cm_tiles_merge(cm_context *context, const char *output,
                                const char *const *shards, size_t n);

#ifdef __cplusplus
}
#endif

#endif
