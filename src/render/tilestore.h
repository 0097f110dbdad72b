/* Where finished tiles go: a directory of z/x/y.png or an MBTiles 1.3 file.
 * Tiles arrive a metatile at a time and each metatile is committed whole,
 * so that an interrupted run can be resumed metatile by metatile. */
#ifndef CM_TILESTORE_H
#define CM_TILESTORE_H

#include "core/internal.h"

typedef struct cm_tile_store cm_tile_store;

/* A rectangle of tiles of one zoom: columns x0..x0+nx-1, rows y0..y0+ny-1
 * (XYZ, y down), and their PNGs row by row (tiles[j * nx + i]), owned. */
typedef struct cm_tile_block {
    int z, x0, y0, nx, ny;
    GBytes **tiles;
} cm_tile_block;

/* Frees the block's tiles and the block. */
void cm_tile_block_free(cm_tile_block *block);

/* What an output records about its tileset. */
typedef struct cm_tile_store_info {
    const char *name;
    cm_bbox bounds;
    int min_z, max_z;
    /* How the tiles are drawn (version, size, style, labels, overlay): an
     * MBTiles metadata row, for a directory its metadata.json. */
    const char *rendering;
    /* The style's name or file (cm_style.name), recorded beside the
     * rendering so that a refusal to resume can name both styles; NULL
     * when not known. */
    const char *style;
    /* The sources the tiles credit; NULL for the basemap's alone
     * (CM_TILES_BASEMAP_ATTRIBUTION). */
    const char *attribution;
} cm_tile_store_info;

/* Opens output (see cm_tiler_write() for the choice of format). Without
 * resume an existing MBTiles file is replaced. With resume, an output that
 * records another rendering is refused with CM_ERR_INPUT saying what
 * differs (one that records none is taken as it is). Returns NULL with the
 * reason in the context. Free with cm_tile_store_close(). */
cm_tile_store *cm_tile_store_open(cm_context *context, const char *output, gboolean resume,
                                  const cm_tile_store_info *info);

/* Opens output as the cache of a server, which reads and writes it while
 * it runs (an MBTiles file in write-ahead logging, so that others can read
 * it meanwhile): created when missing, with info's metadata; one that
 * records info's rendering is kept as it is, metadata included (a tileset
 * made by `tiles` is served as is); one that records another rendering is
 * refused with CM_ERR_INPUT naming what differs. */
cm_tile_store *cm_tile_store_open_cache(cm_context *context, const char *output,
                                        const cm_tile_store_info *info);

/* The PNG of tile z/x/y (XYZ numbering), a new reference, or NULL when
 * the store has none. A directory store may be read from any thread. */
GBytes *cm_tile_store_get(cm_tile_store *store, int z, int x, int y);

/* TRUE when every tile of the rectangle is already stored. */
gboolean cm_tile_store_has(cm_tile_store *store, int z, int x0, int y0, int nx, int ny);

/* Stores a block's tiles at once: one transaction, or each file written
 * under a temporary name and renamed. */
cm_status cm_tile_store_put(cm_tile_store *store, const cm_tile_block *block);

/* TRUE when threads may store blocks at once with
 * cm_tile_store_put_concurrent(): a directory, where every tile is its own
 * file. An MBTiles file takes blocks from one thread. */
gboolean cm_tile_store_is_concurrent(const cm_tile_store *store);

/* cm_tile_store_put() for a concurrent store, from any thread, reporting a
 * failure in context (the calling thread's). */
cm_status cm_tile_store_put_concurrent(const cm_tile_store *store, cm_context *context,
                                       const cm_tile_block *block);

/* Finishes the output (an MBTiles file leaves write-ahead logging) and
 * frees the store; NULL is allowed. Returns the first error met, if any. */
cm_status cm_tile_store_close(cm_tile_store *store);

#endif
