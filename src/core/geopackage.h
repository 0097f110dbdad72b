/* The shipped basemap's GeoPackage read with SQLite directly: a layer's
 * features whose R-tree box meets a rectangle, their attribute columns and
 * their geometry as GEOS geometries. Loading GDAL for this cost every
 * command tens of milliseconds of dynamic linking. */
#ifndef CM_GEOPACKAGE_H
#define CM_GEOPACKAGE_H

#include "internal.h"

typedef struct cm_geopackage cm_geopackage;

/* A query of one layer's columns, prepared once and cached by its
 * GeoPackage; owned by it. */
typedef struct cm_gpkg_layer cm_gpkg_layer;

/* The context's basemap (geodata/world.gpkg), opened read-only on first
 * use and kept until cm_context_free(). NULL when it cannot be opened, with
 * the reason in *reason (SQLite's text, valid until the next call). */
CM_PRIVATE
cm_geopackage *cm_context_basemap(cm_context *context, const char **reason);

/* The GeoPackage at path, opened read-only, its geometries read with
 * context's GEOS handle (so used only with that context, by one thread at a
 * time). NULL when it cannot be opened, with SQLite's reason in *error
 * (g_free() it). Free with cm_geopackage_free(). */
CM_PRIVATE
cm_geopackage *cm_geopackage_open(cm_context *context, const char *path, char **error);

CM_PRIVATE
void cm_geopackage_free(cm_geopackage *gpkg);

/* The text of the last failure of gpkg or of one of its layers (SQLite's
 * or a broken geometry), or NULL; owned by gpkg. */
CM_PRIVATE
const char *cm_geopackage_error(const cm_geopackage *gpkg);

/* The query of layer's features with the NULL-terminated attribute
 * columns, or NULL when the GeoPackage has no such feature layer
 * (*missing set) or SQLite refuses it (cm_geopackage_error()). */
CM_PRIVATE
cm_gpkg_layer *cm_geopackage_layer(cm_geopackage *gpkg, const char *layer,
                                   const char *const *columns, gboolean *missing);

/* Starts reading the features whose bounding box meets
 * [west, east] x [south, north] (degrees), in the order GDAL reads them:
 * the R-tree's, or feature ids' when the box holds the layer's extent. */
CM_PRIVATE
void cm_gpkg_layer_select(cm_gpkg_layer *layer, double west, double south, double east,
                          double north);

/* Moves to the next feature; FALSE at the end or on a read error
 * (cm_geopackage_error() then says which). */
CM_PRIVATE
gboolean cm_gpkg_layer_next(cm_gpkg_layer *layer);

/* Attribute column i (in the order given) of the current feature: text
 * ("" when null; owned by SQLite until the next row), or an integer (0
 * when null). */
CM_PRIVATE
const char *cm_gpkg_layer_text(cm_gpkg_layer *layer, int i);
CM_PRIVATE
int cm_gpkg_layer_int(cm_gpkg_layer *layer, int i);

/* The current feature's geometry, which the caller frees with
 * GEOSGeom_destroy_r(); NULL when it has none or it is empty, and NULL with
 * cm_geopackage_error() set when it is broken. */
CM_PRIVATE
GEOSGeometry *cm_gpkg_layer_geometry(cm_gpkg_layer *layer);

/* The current feature's geometry as WKB (the GeoPackage header skipped),
 * its *size bytes owned by SQLite until the next row; NULL when it has none
 * or it is empty, and NULL with cm_geopackage_error() set when its header is
 * broken (the WKB itself is not checked). */
CM_PRIVATE
const unsigned char *cm_gpkg_layer_wkb(cm_gpkg_layer *layer, size_t *size);

#endif
