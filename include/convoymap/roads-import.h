/* convoymap — importing a road network: OpenStreetMap extracts into a
 * roads database (a directory NAME.roads) that routing and drawing read.
 *
 * The database holds routino/, the routing database of the Routino engine
 * written by its planetsplitter program; roads.gpkg, the road layer for
 * drawing (layer "roads": class, ref, name, surface, bridge, tunnel,
 * oneway); and manifest.json, which names the format, its version and the
 * sources. See docs/roads.md.
 */
#ifndef CONVOYMAP_ROADS_IMPORT_H
#define CONVOYMAP_ROADS_IMPORT_H

#include <stddef.h>

#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The value of "format" and "version" in a roads database's manifest.json. */
#define CM_ROADS_FORMAT "convoymap-roads"
/* Version 2 added the drawing layers of the larger classes (roads_main,
 * roads_trunk) that low zooms read. */
#define CM_ROADS_VERSION 2

/* Progress of an import: stage says what runs ("reading NAME",
 * "road layer", "routing database"), done of total steps (total 0: the
 * count is not known ahead, done counts what was made). A nonzero result
 * cancels the import (CM_ERR_CANCELLED, nothing written). */
typedef int (*cm_roads_progress_fn)(const char *stage, unsigned long long done,
                                    unsigned long long total, void *data);

/* Builds the roads database output (a directory, by convention NAME.roads)
 * from the n_inputs OpenStreetMap files inputs (PBF, or XML: Routino tells
 * them apart by the name, .pbf or .osm, and reads .osm.gz/.bz2 too).
 * Needs Routino's planetsplitter and tagging.xml and the GDAL module.
 * Atomic: everything is built in a temporary sibling directory, renamed
 * to output only when complete; a failure leaves nothing and an existing
 * database at output (which must be one: anything else there is refused)
 * is replaced only on success. progress (or NULL) receives progress_data.
 * Returns CM_OK, or with the context's one-line message: CM_ERR_INPUT for a
 * missing, non-OSM, truncated or road-less input or a bad output path,
 * CM_ERR_IO when writing fails, CM_ERR_LIBRARY when Routino's program or
 * data or the GDAL module is missing or fails, CM_ERR_CANCELLED. */
CM_API cm_status cm_roads_import(cm_context *context, const char *const *inputs,
                                 size_t n_inputs, const char *output,
                                 cm_roads_progress_fn progress, void *progress_data);

/* As cm_roads_import(), but an input not named as an OpenStreetMap file
 * (.osm.pbf, .pbf, .osm, .o5m, perhaps .gz/.bz2/.xz) is read through OGR
 * as road lines (a GeoPackage, a Shapefile...): the attributes of its
 * LineStrings mapped to the road model by mapping ("class=FIELD,ref=FIELD,
 * ..."; NULL: the defaults, docs/roads.md "Other sources"), lines joined
 * where they share a vertex. CM_ERR_INPUT also for a bad mapping, a source
 * OGR cannot read, without WGS84 coordinates or without a road line. */
CM_API cm_status cm_roads_import_mapped(cm_context *context, const char *const *inputs,
                                        size_t n_inputs, const char *output,
                                        const char *mapping, cm_roads_progress_fn progress,
                                        void *progress_data);

#ifdef __cplusplus
}
#endif

#endif
