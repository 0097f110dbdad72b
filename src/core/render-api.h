/* The drawing half of the public API (map.h, tiles.h) as one list, so that
 * the library can leave it to the module convoymap-render.so and load Cairo,
 * Pango and their thirty libraries only when a program draws: a process that
 * geocodes or computes a route starts several milliseconds sooner without
 * them (render-forward.c, module-loader.c). The list is expanded three times: into the fields
 * of cm_render_api, into the module's table (render-module.c), and into the
 * library's functions of the same names, which forward to the table
 * (render-forward.c). Shared by both sides; not installed.
 *
 * Each entry is one of:
 *   CONTEXT(type, name, params, args, failed)  the first parameter is a
 *       context: loads the module, and when it cannot, reports why through
 *       the context and returns failed;
 *   OBJECT(type, name, params, args), OBJECT_VOID(name, params, args)  the
 *       first parameter is an object the module made, so it is loaded;
 *   FREE(name, params, args)  frees such an object; NULL does nothing.
 * Adding a function to map.h or tiles.h means adding it here: the library
 * exports only what is listed (tests/cli/test-startup.sh checks the headers). */
#ifndef CM_RENDER_API_H
#define CM_RENDER_API_H

#include "convoymap/map.h"
#include "convoymap/tiles.h"

#define CM_RENDER_MODULE_ENTRY "cm_render_module_api"
#define CM_RENDER_MODULE_NAME "convoymap-render.so"

#define CM_RENDER_FUNCTIONS(CONTEXT, OBJECT, OBJECT_VOID, FREE) \
    CONTEXT(cm_status, cm_grid_kind_parse, \
        (cm_context *context, const char *text, cm_grid_kind *kind), (context, text, kind), \
        CM_ERR_LIBRARY) \
    CONTEXT(cm_status, cm_label_language_parse, \
        (cm_context *context, const char *text, cm_label_language *labels), \
        (context, text, labels), CM_ERR_LIBRARY) \
    CONTEXT(cm_map *, cm_map_new, (cm_context *context), (context), NULL) \
    FREE(cm_map_free, (cm_map *map), (map)) \
    OBJECT(cm_status, cm_map_set_size, (cm_map *map, int width, int height), \
        (map, width, height)) \
    OBJECT(cm_status, cm_map_set_page, (cm_map *map, const char *page), (map, page)) \
    OBJECT(cm_status, cm_map_set_dpi, (cm_map *map, double dpi), (map, dpi)) \
    OBJECT(cm_status, cm_map_set_scale, (cm_map *map, double scale), (map, scale)) \
    OBJECT_VOID(cm_map_set_transparent, (cm_map *map, int transparent), (map, transparent)) \
    OBJECT(cm_status, cm_map_output_size, \
        (cm_map *map, cm_format format, int *width, int *height), \
        (map, format, width, height)) \
    CONTEXT(cm_status, cm_size_parse, \
        (cm_context *context, const char *text, int *width, int *height), \
        (context, text, width, height), CM_ERR_LIBRARY) \
    OBJECT(cm_status, cm_map_set_style, (cm_map *map, const char *name_or_path), \
        (map, name_or_path)) \
    OBJECT_VOID(cm_map_set_grid, (cm_map *map, cm_grid_kind kind), (map, kind)) \
    OBJECT_VOID(cm_map_set_labels, (cm_map *map, cm_label_language labels), (map, labels)) \
    OBJECT_VOID(cm_map_set_inset, (cm_map *map, int inset), (map, inset)) \
    OBJECT(int, cm_map_inset_box, \
        (const cm_map *map, double *x0, double *y0, double *x1, double *y1), \
        (map, x0, y0, x1, y1)) \
    OBJECT_VOID(cm_map_set_title, (cm_map *map, const char *title), (map, title)) \
    OBJECT_VOID(cm_map_set_subtitle, (cm_map *map, const char *subtitle), (map, subtitle)) \
    OBJECT(cm_status, cm_map_set_dtg, (cm_map *map, const char *dtg), (map, dtg)) \
    OBJECT(cm_status, cm_map_set_banner, (cm_map *map, const char *text, const char *color), \
        (map, text, color)) \
    OBJECT(cm_status, cm_map_set_crs, (cm_map *map, const char *definition), \
        (map, definition)) \
    OBJECT(cm_status, cm_map_set_bbox, (cm_map *map, const cm_bbox *bbox), (map, bbox)) \
    OBJECT(cm_status, cm_map_set_center, \
        (cm_map *map, double lat, double lon, double radius_km), (map, lat, lon, radius_km)) \
    OBJECT(cm_status, cm_map_fit_content, (cm_map *map, double margin), (map, margin)) \
    OBJECT_VOID(cm_map_add_route, (cm_map *map, const cm_route *route), (map, route)) \
    OBJECT_VOID(cm_map_add_route_with_march, \
        (cm_map *map, const cm_route *route, const cm_march_table *march), \
        (map, route, march)) \
    OBJECT_VOID(cm_map_add_crossings, (cm_map *map, const cm_crossing_list *crossings), \
        (map, crossings)) \
    OBJECT_VOID(cm_map_set_units, (cm_map *map, cm_units units), (map, units)) \
    OBJECT_VOID(cm_map_add_marker, (cm_map *map, const cm_place *place), (map, place)) \
    OBJECT_VOID(cm_map_set_scene, (cm_map *map, const cm_scene *scene), (map, scene)) \
    OBJECT(char *, cm_map_take_notes, (cm_map *map), (map)) \
    OBJECT(cm_status, cm_map_layout, (cm_map *map), (map)) \
    OBJECT(const char *, cm_map_projection, (cm_map *map), (map)) \
    OBJECT(cm_status, cm_map_geo_to_pixel, \
        (cm_map *map, cm_geo_point point, double *x, double *y), (map, point, x, y)) \
    OBJECT(cm_status, cm_map_pixel_to_geo, \
        (cm_map *map, double x, double y, cm_geo_point *point), (map, x, y, point)) \
    OBJECT(double, cm_map_metres_per_pixel, (cm_map *map), (map)) \
    OBJECT(double, cm_map_zoom, (cm_map *map), (map)) \
    OBJECT(cm_status, cm_map_scale_bar, (cm_map *map, double *ground_m, double *length_px), \
        (map, ground_m, length_px)) \
    OBJECT(size_t, cm_map_label_count, (const cm_map *map), (map)) \
    OBJECT(int, cm_map_label_get, (const cm_map *map, size_t i, cm_map_label *label), \
        (map, i, label)) \
    CONTEXT(cm_status, cm_format_parse, \
        (cm_context *context, const char *text, cm_format *format), (context, text, format), \
        CM_ERR_LIBRARY) \
    CONTEXT(cm_status, cm_format_from_path, \
        (cm_context *context, const char *path, cm_format *format), (context, path, format), \
        CM_ERR_LIBRARY) \
    OBJECT(cm_status, cm_map_render_file, (cm_map *map, const char *path), (map, path)) \
    OBJECT(cm_status, cm_map_render_memory, \
        (cm_map *map, cm_format format, unsigned char **data, size_t *length), \
        (map, format, data, length)) \
    CONTEXT(cm_status, cm_tile_for_point, \
        (cm_context *context, cm_geo_point point, int z, cm_tile *tile), \
        (context, point, z, tile), CM_ERR_LIBRARY) \
    CONTEXT(cm_status, cm_tile_bounds, (cm_context *context, cm_tile tile, cm_bbox *bounds), \
        (context, tile, bounds), CM_ERR_LIBRARY) \
    CONTEXT(cm_status, cm_tile_range, \
        (cm_context *context, const cm_bbox *bbox, int z, int *x0, int *y0, int *x1, int *y1), \
        (context, bbox, z, x0, y0, x1, y1), CM_ERR_LIBRARY) \
    CONTEXT(cm_status, cm_tile_count, \
        (cm_context *context, const cm_bbox *bbox, int min_z, int max_z, unsigned long long *count), \
        (context, bbox, min_z, max_z, count), CM_ERR_LIBRARY) \
    CONTEXT(cm_status, cm_zoom_range_parse, \
        (cm_context *context, const char *text, int *min_z, int *max_z), \
        (context, text, min_z, max_z), CM_ERR_LIBRARY) \
    CONTEXT(cm_tiler *, cm_tiler_new, (cm_context *context), (context), NULL) \
    FREE(cm_tiler_free, (cm_tiler *tiler), (tiler)) \
    OBJECT_VOID(cm_tiler_add_route, (cm_tiler *tiler, const cm_route *route), \
        (tiler, route)) \
    OBJECT_VOID(cm_tiler_add_crossings, \
        (cm_tiler *tiler, const cm_crossing_list *crossings), (tiler, crossings)) \
    OBJECT_VOID(cm_tiler_add_marker, (cm_tiler *tiler, const cm_place *place), \
        (tiler, place)) \
    OBJECT_VOID(cm_tiler_set_scene, (cm_tiler *tiler, const cm_scene *scene), \
        (tiler, scene)) \
    OBJECT(cm_status, cm_tiler_set_style, (cm_tiler *tiler, const char *name_or_path), \
        (tiler, name_or_path)) \
    OBJECT_VOID(cm_tiler_set_labels, (cm_tiler *tiler, cm_label_language labels), \
        (tiler, labels)) \
    OBJECT(cm_status, cm_tiler_set_tile_size, (cm_tiler *tiler, int size), (tiler, size)) \
    OBJECT(cm_status, cm_tiler_set_scale, (cm_tiler *tiler, int scale), (tiler, scale)) \
    OBJECT(cm_status, cm_tiler_set_metatile, (cm_tiler *tiler, int tiles), (tiler, tiles)) \
    OBJECT(int, cm_tiler_pixel_size, (const cm_tiler *tiler), (tiler)) \
    OBJECT(cm_status, cm_tiler_render_tile, \
        (cm_tiler *tiler, cm_tile tile, unsigned char **png, size_t *length), \
        (tiler, tile, png, length)) \
    OBJECT(int, cm_tiler_metatile_side, (const cm_tiler *tiler, int z), (tiler, z)) \
    OBJECT(cm_status, cm_tiler_prepare, (cm_tiler *tiler), (tiler)) \
    OBJECT(cm_metatile *, cm_tiler_render_metatile, \
        (cm_tiler *tiler, cm_context *context, cm_tile tile), (tiler, context, tile)) \
    FREE(cm_metatile_free, (cm_metatile *metatile), (metatile)) \
    OBJECT(cm_tile_cache *, cm_tile_cache_open, (cm_tiler *tiler, const char *path), \
        (tiler, path)) \
    OBJECT_VOID(cm_tile_cache_get, \
        (cm_tile_cache *cache, cm_tile tile, unsigned char **png, size_t *length), \
        (cache, tile, png, length)) \
    OBJECT(cm_status, cm_tile_cache_put, \
        (cm_tile_cache *cache, cm_context *context, const cm_metatile *metatile), \
        (cache, context, metatile)) \
    OBJECT(cm_status, cm_tile_cache_close, (cm_tile_cache *cache), (cache)) \
    OBJECT(cm_status, cm_tiler_labels, \
        (cm_tiler *tiler, cm_tile tile, cm_tile_label **labels, size_t *n), \
        (tiler, tile, labels, n)) \
    FREE(cm_tile_label_array_free, (cm_tile_label *labels), (labels)) \
    OBJECT(cm_status, cm_tiler_write, \
        (cm_tiler *tiler, const char *output, const cm_tiles_request *request, cm_tiles_summary *summary), \
        (tiler, output, request, summary)) \
    OBJECT(char *, cm_tiler_take_notes, (cm_tiler *tiler), (tiler)) \
    OBJECT_VOID(cm_tiler_cancel, (cm_tiler *tiler), (tiler)) \
    CONTEXT(cm_status, cm_shard_parse, \
        (cm_context *context, const char *text, int *index, int *count), \
        (context, text, index, count), CM_ERR_LIBRARY) \
    CONTEXT(cm_status, cm_tiles_merge, \
        (cm_context *context, const char *output, const char *const *shards, size_t n), \
        (context, output, shards, n), CM_ERR_LIBRARY)

#define CM_RENDER_FIELD(type, name, params, ...) type(*name) params;
#define CM_RENDER_FIELD_VOID(name, params, ...) void(*name) params;

typedef struct cm_render_api {
    /* CM_VERSION_STRING of the module's build: it calls into the library's
     * private functions, so only a module of the same version fits. */
    const char *version;
    CM_RENDER_FUNCTIONS(CM_RENDER_FIELD, CM_RENDER_FIELD, CM_RENDER_FIELD_VOID,
                        CM_RENDER_FIELD_VOID)
} cm_render_api;

typedef const cm_render_api *(*cm_render_module_entry)(void);

#endif
