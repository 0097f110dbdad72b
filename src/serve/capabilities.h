/* convoymap serve — the documents that tell clients what the server's
 * tiles are: TileJSON 3.0.0 (/tiles.json, for MapLibre, Leaflet plugins,
 * OpenLayers) and a RESTful WMTS 1.0.0 GetCapabilities
 * (/wmts/1.0.0/WMTSCapabilities.xml, for QGIS, ArcGIS and GDAL), both
 * pointing at /tiles/{z}/{x}/{y}.png under the base URL the request
 * came to. Private to src/serve/. */
#ifndef CM_SERVE_CAPABILITIES_H
#define CM_SERVE_CAPABILITIES_H

#include "convoymap/convoymap.h"

/* What the server's tiles cover and how they are drawn. */
typedef struct serve_tileset {
    const char *name;   /* shown as the layer's title; NULL: "convoymap" */
    int tile_size;      /* style pixels a side: 256 or 512 */
    int min_zoom, max_zoom;
    cm_bbox bounds;     /* not crossing the antimeridian (tiles refuse that) */
    int roads;          /* tiles draw OpenStreetMap roads: credit them */
    /* The first view: a point and a zoom; all zero: the bounds' centre at
     * min_zoom. */
    double center_lon, center_lat;
    int center_zoom;
} serve_tileset;

/* The tileset's first view: its center, or the bounds' centre at
 * min_zoom. */
void serve_tileset_view(const serve_tileset *tileset, double *lon, double *lat, int *zoom);

/* The attribution line of tileset's tiles: the basemap's sources, and
 * OpenStreetMap's when they draw roads. Returns a new string (g_free()). */
char *serve_attribution(const serve_tileset *tileset);

/* The TileJSON 3.0.0 document of tileset served at base_url
 * ("http://host:port", no trailing slash): tilejson, name, tiles, scheme
 * xyz, minzoom, maxzoom, bounds (latitudes clamped to Web Mercator's),
 * center [lon, lat, zoom] (serve_tileset_view()), attribution, and the extras tileSize and
 * format (TileJSON has no tile size, and MapLibre assumes 512). Returns a
 * new string the caller frees with g_free(). */
char *serve_tilejson(const serve_tileset *tileset, const char *base_url);

/* The WMTS 1.0.0 capabilities of tileset at base_url: one layer in the
 * GoogleMapsCompatible tile matrix set (256-pixel tiles; 512-pixel ones
 * get a set of their own, "WebMercatorQuad512", at half the scale
 * denominators), its zooms' tile limits from the bounds, and a RESTful
 * ResourceURL template to /tiles/{TileMatrix}/{TileCol}/{TileRow}.png.
 * Returns a new string the caller frees with g_free(), or NULL with the
 * error on context when the bounds are not a tileset's (cm_tile_range()). */
char *serve_wmts_capabilities(cm_context *context, const serve_tileset *tileset,
                              const char *base_url);

#endif
