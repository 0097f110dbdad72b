/* The interface of convoymap-ogr.so, the module that reads and writes the
 * user's vector files (route files, gazetteers, GeoJSON reports) through
 * GDAL/OGR. GDAL and its hundred libraries take tens of milliseconds to
 * load, so the library opens the module only when a command needs it
 * (ogr-loader.c). Plain data crosses the boundary both ways: the module
 * calls nothing of the library, and convoymap's own reading of the data
 * (which column is a name, which GPX layer is the route) stays in the
 * library. Shared by both sides; not installed. */
#ifndef CM_OGR_MODULE_H
#define CM_OGR_MODULE_H

#include <stddef.h>

/* The entry point's name carries the version of this interface, so that a
 * module from another build of convoymap is refused, not misused. */
#define CM_OGR_MODULE_ENTRY "cm_ogr_module_api_2"
#define CM_OGR_MODULE_NAME "convoymap-ogr.so"

/* A point (one coordinate) or a line of a feature's geometry, in WGS84
 * longitude, latitude. */
typedef struct cm_ogr_part {
    int is_line;
    size_t n_points;
    const double *lon, *lat;
} cm_ogr_part;

/* One feature, valid during the callback that receives it. */
typedef struct cm_ogr_feature {
    long long index;                /* 1 for the first feature of its layer */
    size_t n_fields;
    const char *const *names;       /* field names */
    const char *const *values;      /* their text; NULL when unset or null */
    const char *geometry_name;      /* "Point", "LineString"...; NULL: no geometry */
    int is_empty, is_point;         /* an empty geometry; a single point */
    int not_wgs84;                  /* its coordinates do not convert to WGS84 */
    size_t n_parts;                 /* the points and lines in it, in order; */
    const cm_ogr_part *parts;       /* polygons have none */
} cm_ogr_feature;

/* Receives each feature; a nonzero result stops the reading. */
typedef int (*cm_ogr_feature_fn)(const cm_ogr_feature *feature, void *data);

typedef enum { CM_OGR_STRING, CM_OGR_INTEGER, CM_OGR_REAL } cm_ogr_field_type;

typedef struct cm_ogr_field {
    const char *name;
    cm_ogr_field_type type;
} cm_ogr_field;

/* A field's value: text for a string field, number for the others. */
typedef struct cm_ogr_value {
    int set;
    const char *text;
    double number;
} cm_ogr_value;

/* Progress of write_roads(): the roads written so far. A nonzero result
 * stops the writing. */
typedef int (*cm_ogr_count_fn)(unsigned long long done, void *data);

/* What write_roads() stopped on, besides success. */
typedef enum {
    CM_OGR_ROADS_OK = 0,
    CM_OGR_ROADS_NOT_OSM,   /* the input *bad_input is no OSM file */
    CM_OGR_ROADS_READ,      /* GDAL failed reading the input *bad_input */
    CM_OGR_ROADS_WRITE,     /* GDAL failed writing the GeoPackage */
    CM_OGR_ROADS_STOPPED,   /* progress asked to stop */
} cm_ogr_roads_result;

typedef struct cm_ogr_api {
    /* Opens path read-only as a vector dataset (CSV: coordinates under
     * their usual column names become points). NULL when OGR cannot read
     * it. */
    void *(*open)(const char *path);
    /* OGR's short name of the dataset's driver ("GPX", "CSV"...). */
    const char *(*driver)(void *dataset);
    int (*layer_count)(void *dataset);
    const char *(*layer_name)(void *dataset, int layer);
    long long (*feature_count)(void *dataset, int layer);
    /* Calls fn with each feature of a layer; returns fn's nonzero result,
     * or 0 when every feature was read. */
    int (*read_layer)(void *dataset, int layer, cm_ogr_feature_fn fn, void *data);
    void (*close)(void *dataset);

    /* An RFC 7946 GeoJSON FeatureCollection written by GDAL's driver, with
     * coordinates to 6 decimals: a writer of the given fields (copied). */
    void *(*geojson_new)(const cm_ogr_field *fields, size_t n_fields);
    /* Adds a feature, values parallel to the writer's fields, and a point
     * (n == 1, is_line 0) or a line. 0 when GDAL refuses it. */
    int (*geojson_add)(void *writer, const cm_ogr_value *values, int is_line,
                       const double *lon, const double *lat, size_t n);
    /* Frees writer and returns the text, or NULL when GDAL failed; free it
     * with free_text(). */
    char *(*geojson_finish)(void *writer);
    void (*free_text)(char *text);

    /* Writes a new GeoPackage at path with the layer "roads": LineStrings
     * in EPSG:4326 with their R-tree, and the columns class (the highway
     * value), ref, name, surface, bridge (0/1), tunnel (0/1), oneway
     * (0/1/-1; motorways and roundabouts without the tag are 1), read from
     * the "lines" layer of GDAL's OSM driver for the OSM files inputs (XML
     * or PBF), keeping only the highway values classes. A way in several
     * inputs (neighbouring extracts overlap) is written once. GDAL's
     * temporary files go to tmpdir. *written receives the roads written;
     * on failure, *bad_input the index of the input at fault and error (of
     * error_size bytes) GDAL's last message. */
    cm_ogr_roads_result (*write_roads)(const char *const *inputs, size_t n_inputs,
                                       const char *const *classes, size_t n_classes,
                                       const char *path, const char *tmpdir,
                                       cm_ogr_count_fn progress, void *data,
                                       unsigned long long *written, size_t *bad_input,
                                       char *error, size_t error_size);
} cm_ogr_api;

typedef const cm_ogr_api *(*cm_ogr_module_entry)(void);

#endif
