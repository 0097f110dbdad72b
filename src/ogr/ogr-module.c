/* convoymap-ogr.so: user vector files read, GeoJSON written and the road
 * layer of a roads database built from OSM files through GDAL/OGR, behind
 * the plain-data interface of ogr-module.h. Built as a separate module so that only commands that need GDAL load it. GDAL's
 * messages are silenced: the library reports failures in one line. */
#include "ogr-module.h"
#include "roads/road-tiers.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

static pthread_once_t registered = PTHREAD_ONCE_INIT;

static void *module_open(const char *path)
{
    pthread_once(&registered, GDALAllRegister);
    const char *const open_options[] = {"X_POSSIBLE_NAMES=lon,longitude,long,x",
                                        "Y_POSSIBLE_NAMES=lat,latitude,y",
                                        "KEEP_GEOM_COLUMNS=NO", NULL};
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL,
                                      open_options, NULL);
    CPLPopErrorHandler();
    return dataset;
}

static const char *module_driver(void *dataset)
{
    return GDALGetDriverShortName(GDALGetDatasetDriver(dataset));
}

static int module_layer_count(void *dataset) { return GDALDatasetGetLayerCount(dataset); }

static const char *module_layer_name(void *dataset, int layer)
{
    return OGR_L_GetName(GDALDatasetGetLayer(dataset, layer));
}

static long long module_feature_count(void *dataset, int layer)
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    long long count = OGR_L_GetFeatureCount(GDALDatasetGetLayer(dataset, layer), 1);
    CPLPopErrorHandler();
    return count;
}

/* A transformation from layer's coordinates to WGS84 longitude, latitude,
 * or NULL when they already are (or the layer says nothing). */
static OGRCoordinateTransformationH to_wgs84(OGRLayerH layer)
{
    OGRSpatialReferenceH source = OGR_L_GetSpatialRef(layer);
    if (!source)
        return NULL;
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH transform = NULL;
    if (!OSRIsSame(source, wgs84))
        transform = OCTNewCoordinateTransformation(source, wgs84);
    OSRDestroySpatialReference(wgs84);
    return transform;
}

/* A feature's geometry flattened into points and lines: growable arrays
 * reused from feature to feature. */
typedef struct parts_buffer {
    cm_ogr_part *parts;
    size_t n_parts, parts_size;
    double *lon, *lat;
    size_t n_points, points_size;
    size_t *starts; /* first point of each part, parallel to parts */
    int not_wgs84;
} parts_buffer;

static void *grow(void *array, size_t *size, size_t needed, size_t element)
{
    if (needed <= *size)
        return array;
    size_t size_now = *size ? *size : 16;
    while (size_now < needed)
        size_now *= 2;
    void *grown = realloc(array, size_now * element);
    if (!grown)
        abort();
    *size = size_now;
    return grown;
}

static void add_part(parts_buffer *buffer, OGRGeometryH geometry, int is_line,
                     OGRCoordinateTransformationH transform)
{
    int n = is_line ? OGR_G_GetPointCount(geometry) : 1;
    if (n <= 0)
        return;
    size_t parts_size = buffer->parts_size;
    buffer->parts = grow(buffer->parts, &buffer->parts_size, buffer->n_parts + 1,
                         sizeof *buffer->parts);
    buffer->starts = grow(buffer->starts, &parts_size, buffer->n_parts + 1,
                          sizeof *buffer->starts);
    size_t points_size = buffer->points_size;
    buffer->lon = grow(buffer->lon, &buffer->points_size, buffer->n_points + (size_t)n,
                       sizeof(double));
    buffer->lat = grow(buffer->lat, &points_size, buffer->n_points + (size_t)n, sizeof(double));
    double *x = buffer->lon + buffer->n_points, *y = buffer->lat + buffer->n_points;
    for (int i = 0; i < n; i++) {
        x[i] = OGR_G_GetX(geometry, i);
        y[i] = OGR_G_GetY(geometry, i);
    }
    if (transform && !OCTTransform(transform, n, x, y, NULL))
        buffer->not_wgs84 = 1;
    buffer->parts[buffer->n_parts] = (cm_ogr_part){is_line, (size_t)n, NULL, NULL};
    buffer->starts[buffer->n_parts++] = buffer->n_points;
    buffer->n_points += (size_t)n;
}

/* Appends geometry's points and lines, as the order of its parts. */
static void collect_parts(parts_buffer *buffer, OGRGeometryH geometry,
                          OGRCoordinateTransformationH transform)
{
    OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geometry));
    if (type == wkbPoint && !OGR_G_IsEmpty(geometry))
        add_part(buffer, geometry, 0, transform);
    else if (type == wkbLineString)
        add_part(buffer, geometry, 1, transform);
    else if (type != wkbPolygon && type != wkbLinearRing)
        for (int i = 0; i < OGR_G_GetGeometryCount(geometry); i++)
            collect_parts(buffer, OGR_G_GetGeometryRef(geometry, i), transform);
}

static int module_read_layer(void *dataset, int layer_index, cm_ogr_feature_fn fn, void *data)
{
    OGRLayerH layer = GDALDatasetGetLayer(dataset, layer_index);
    if (!layer)
        return 0;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    OGRCoordinateTransformationH transform = to_wgs84(layer);
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    int n_fields = OGR_FD_GetFieldCount(definition);
    const char **names = calloc((size_t)n_fields + 1, sizeof *names);
    const char **values = calloc((size_t)n_fields + 1, sizeof *values);
    for (int i = 0; i < n_fields; i++)
        names[i] = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i));
    parts_buffer buffer = {0};
    OGR_L_ResetReading(layer);
    OGRFeatureH feature;
    int stop = 0;
    long long index = 0;
    while (!stop && (feature = OGR_L_GetNextFeature(layer)) != NULL) {
        for (int i = 0; i < n_fields; i++)
            values[i] = OGR_F_IsFieldSetAndNotNull(feature, i)
                            ? OGR_F_GetFieldAsString(feature, i)
                            : NULL;
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
        buffer.n_parts = buffer.n_points = 0;
        buffer.not_wgs84 = 0;
        if (geometry)
            collect_parts(&buffer, geometry, transform);
        for (size_t i = 0; i < buffer.n_parts; i++) {
            buffer.parts[i].lon = buffer.lon + buffer.starts[i];
            buffer.parts[i].lat = buffer.lat + buffer.starts[i];
        }
        cm_ogr_feature plain = {
            .index = ++index,
            .n_fields = (size_t)n_fields,
            .names = names,
            .values = values,
            .geometry_name = geometry ? OGR_G_GetGeometryName(geometry) : NULL,
            .is_empty = geometry ? OGR_G_IsEmpty(geometry) : 1,
            .is_point = geometry && wkbFlatten(OGR_G_GetGeometryType(geometry)) == wkbPoint,
            .not_wgs84 = buffer.not_wgs84,
            .n_parts = buffer.n_parts,
            .parts = buffer.parts,
        };
        stop = fn(&plain, data);
        OGR_F_Destroy(feature);
    }
    free(buffer.parts);
    free(buffer.starts);
    free(buffer.lon);
    free(buffer.lat);
    free(names);
    free(values);
    if (transform)
        OCTDestroyCoordinateTransformation(transform);
    CPLPopErrorHandler();
    return stop;
}

static void module_close(void *dataset) { GDALClose(dataset); }

typedef struct geojson_writer {
    char path[64];
    GDALDatasetH dataset;
    OGRLayerH layer;
    int n_fields;
    int ok;
} geojson_writer;

static void *module_geojson_new(const cm_ogr_field *fields, size_t n_fields)
{
    pthread_once(&registered, GDALAllRegister);
    geojson_writer *writer = calloc(1, sizeof *writer);
    if (!writer)
        return NULL;
    snprintf(writer->path, sizeof writer->path, "/vsimem/convoymap-report-%p.geojson",
             (void *)writer);
    writer->n_fields = (int)n_fields;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDriverH driver = GDALGetDriverByName("GeoJSON");
    writer->dataset = driver ? GDALCreate(driver, writer->path, 0, 0, 0, GDT_Unknown, NULL)
                             : NULL;
    if (writer->dataset) {
        OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(NULL);
        OSRSetWellKnownGeogCS(wgs84, "WGS84");
        OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
        char *options[] = {"RFC7946=YES", "COORDINATE_PRECISION=6", "WRITE_NAME=NO", NULL};
        writer->layer = GDALDatasetCreateLayer(writer->dataset, "routes", wgs84, wkbUnknown,
                                               options);
        OSRRelease(wgs84);
    }
    writer->ok = writer->layer != NULL;
    static const OGRFieldType types[] = {[CM_OGR_STRING] = OFTString,
                                         [CM_OGR_INTEGER] = OFTInteger,
                                         [CM_OGR_REAL] = OFTReal};
    for (size_t i = 0; writer->ok && i < n_fields; i++) {
        OGRFieldDefnH field = OGR_Fld_Create(fields[i].name, types[fields[i].type]);
        writer->ok = OGR_L_CreateField(writer->layer, field, 1) == OGRERR_NONE;
        OGR_Fld_Destroy(field);
    }
    CPLPopErrorHandler();
    return writer;
}

static int module_geojson_add(void *data, const cm_ogr_value *values, int is_line,
                              const double *lon, const double *lat, size_t n)
{
    geojson_writer *writer = data;
    if (!writer->ok)
        return 0;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(writer->layer));
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(writer->layer);
    for (int i = 0; i < writer->n_fields; i++) {
        if (!values[i].set)
            continue;
        OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, i));
        if (type == OFTString)
            OGR_F_SetFieldString(feature, i, values[i].text);
        else if (type == OFTInteger)
            OGR_F_SetFieldInteger(feature, i, (int)values[i].number);
        else
            OGR_F_SetFieldDouble(feature, i, values[i].number);
    }
    OGRGeometryH geometry = OGR_G_CreateGeometry(is_line ? wkbLineString : wkbPoint);
    if (is_line)
        for (size_t k = 0; k < n; k++)
            OGR_G_AddPoint_2D(geometry, lon[k], lat[k]);
    else if (n > 0)
        OGR_G_SetPoint_2D(geometry, 0, lon[0], lat[0]);
    OGR_F_SetGeometryDirectly(feature, geometry);
    writer->ok = OGR_L_CreateFeature(writer->layer, feature) == OGRERR_NONE;
    OGR_F_Destroy(feature);
    CPLPopErrorHandler();
    return writer->ok;
}

static char *module_geojson_finish(void *data)
{
    geojson_writer *writer = data;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    if (writer->dataset)
        GDALClose(writer->dataset);
    vsi_l_offset length = 0;
    GByte *bytes = VSIGetMemFileBuffer(writer->path, &length, TRUE);
    CPLPopErrorHandler();
    char *text = NULL;
    if (writer->ok && bytes && (text = malloc((size_t)length + 1)) != NULL) {
        memcpy(text, bytes, (size_t)length);
        text[length] = '\0';
    }
    VSIFree(bytes);
    free(writer);
    return text;
}

static void module_free_text(char *text) { free(text); }

/* The ids of the ways written, so that a way in two overlapping extracts
 * is written once: open addressing, 0 the empty slot (OSM ids start at 1). */
typedef struct id_set {
    long long *ids;
    size_t size, count;
} id_set;

/* Adds id; 0 when it was there already. */
static int id_set_add(id_set *set, long long id)
{
    if (2 * (set->count + 1) > set->size) {
        id_set grown = {calloc(set->size ? 2 * set->size : 1024, sizeof(long long)),
                        set->size ? 2 * set->size : 1024, 0};
        if (!grown.ids)
            abort();
        for (size_t i = 0; i < set->size; i++)
            if (set->ids[i])
                id_set_add(&grown, set->ids[i]);
        free(set->ids);
        *set = grown;
    }
    size_t i = (size_t)((unsigned long long)id * 0x9E3779B97F4A7C15ULL) & (set->size - 1);
    while (set->ids[i]) {
        if (set->ids[i] == id)
            return 0;
        i = (i + 1) & (set->size - 1);
    }
    set->ids[i] = id;
    set->count++;
    return 1;
}

/* OSM's yes-like values of a flag; anything but "no" and its kin counts as
 * yes for bridge and tunnel ("viaduct", "culvert", "building_passage"). */
static int tag_flag(const char *value)
{
    return value && *value && strcmp(value, "no") != 0 && strcmp(value, "0") != 0 &&
           strcmp(value, "false") != 0;
}

/* oneway: 1 along the way, -1 against it, 0 both ways; motorways and
 * roundabouts are one-way without the tag, as OSM's rules say. */
static int oneway_value(const char *value, const char *highway, const char *junction)
{
    if (!value)
        return strcmp(highway, "motorway") == 0 ||
               (junction && strcmp(junction, "roundabout") == 0);
    if (strcmp(value, "yes") == 0 || strcmp(value, "1") == 0 || strcmp(value, "true") == 0)
        return 1;
    if (strcmp(value, "-1") == 0 || strcmp(value, "reverse") == 0)
        return -1;
    return 0;
}

static const char *const road_columns[] = {"class", "ref", "name", "surface",
                                           "bridge", "tunnel", "oneway"};
enum { ROAD_CLASS, ROAD_REF, ROAD_NAME, ROAD_SURFACE, ROAD_BRIDGE, ROAD_TUNNEL, ROAD_ONEWAY };

static OGRLayerH create_roads_layer(GDALDatasetH dataset)
{
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    char *options[] = {"SPATIAL_INDEX=YES", "GEOMETRY_NAME=geom", NULL};
    OGRLayerH layer =
        GDALDatasetCreateLayer(dataset, CM_ROAD_LAYER_ALL, wgs84, wkbLineString, options);
    OSRRelease(wgs84);
    for (size_t i = 0; layer && i < sizeof road_columns / sizeof *road_columns; i++) {
        OGRFieldDefnH field =
            OGR_Fld_Create(road_columns[i], i >= ROAD_BRIDGE ? OFTInteger : OFTString);
        if (OGR_L_CreateField(layer, field, 1) != OGRERR_NONE)
            layer = NULL;
        OGR_Fld_Destroy(field);
    }
    return layer;
}

/* Writes the tier layers of road-tiers.h, each a copy of the roads of all
 * that its filter keeps with its own R-tree; 0 on failure. GDAL's copy
 * writes in transactions of its own. */
static int write_tiers(GDALDatasetH output, OGRLayerH all)
{
    static const char *const tiers[][2] = {
        {CM_ROAD_LAYER_MAIN, CM_ROAD_MAIN_FILTER},
        {CM_ROAD_LAYER_TRUNK, CM_ROAD_TRUNK_FILTER},
    };
    char *options[] = {"SPATIAL_INDEX=YES", "GEOMETRY_NAME=geom", NULL};
    int ok = 1;
    for (size_t i = 0; ok && i < sizeof tiers / sizeof *tiers; i++) {
        ok = OGR_L_SetAttributeFilter(all, tiers[i][1]) == OGRERR_NONE &&
             GDALDatasetCopyLayer(output, all, tiers[i][0], options) != NULL;
        OGR_L_SetAttributeFilter(all, NULL);
    }
    return ok;
}

/* The OGR SQL that picks the roads of classes from the OSM driver's lines,
 * their other tags out of its other_tags column. */
static char *roads_sql(const char *const *classes, size_t n_classes)
{
    size_t size = 512;
    for (size_t i = 0; i < n_classes; i++)
        size += strlen(classes[i]) + 4;
    char *sql = malloc(size);
    if (!sql)
        abort();
    strcpy(sql, "SELECT osm_id, highway, name, hstore_get_value(other_tags, 'ref') AS ref, "
                "hstore_get_value(other_tags, 'surface') AS surface, "
                "hstore_get_value(other_tags, 'bridge') AS bridge, "
                "hstore_get_value(other_tags, 'tunnel') AS tunnel, "
                "hstore_get_value(other_tags, 'oneway') AS oneway, "
                "hstore_get_value(other_tags, 'junction') AS junction "
                "FROM lines WHERE highway IN (");
    for (size_t i = 0; i < n_classes; i++) {
        strcat(sql, i ? ",'" : "'");
        strcat(sql, classes[i]);
        strcat(sql, "'");
    }
    strcat(sql, ")");
    return sql;
}

static const char *text_field(OGRFeatureH feature, int index)
{
    return index >= 0 && OGR_F_IsFieldSetAndNotNull(feature, index)
               ? OGR_F_GetFieldAsString(feature, index)
               : NULL;
}

/* Copies the roads of one OSM dataset into layer, but those in seen (or
 * NULL: a single input, where every way is once). */
static cm_ogr_roads_result copy_roads(GDALDatasetH source, const char *sql, OGRLayerH layer,
                                      id_set *seen, cm_ogr_count_fn progress, void *data,
                                      unsigned long long *written)
{
    OGRLayerH lines = GDALDatasetExecuteSQL(source, sql, NULL, NULL);
    if (!lines)
        return CM_OGR_ROADS_READ;
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(lines);
    int id = OGR_FD_GetFieldIndex(definition, "osm_id");
    int highway = OGR_FD_GetFieldIndex(definition, "highway");
    int name = OGR_FD_GetFieldIndex(definition, "name");
    int ref = OGR_FD_GetFieldIndex(definition, "ref");
    int surface = OGR_FD_GetFieldIndex(definition, "surface");
    int bridge = OGR_FD_GetFieldIndex(definition, "bridge");
    int tunnel = OGR_FD_GetFieldIndex(definition, "tunnel");
    int oneway = OGR_FD_GetFieldIndex(definition, "oneway");
    int junction = OGR_FD_GetFieldIndex(definition, "junction");
    OGRFeatureDefnH out_definition = OGR_L_GetLayerDefn(layer);
    cm_ogr_roads_result result = CM_OGR_ROADS_OK;
    OGRFeatureH feature;
    while (result == CM_OGR_ROADS_OK && (feature = OGR_L_GetNextFeature(lines)) != NULL) {
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
        const char *osm_id = text_field(feature, id);
        const char *class = text_field(feature, highway);
        if (geometry && class &&
            wkbFlatten(OGR_G_GetGeometryType(geometry)) == wkbLineString &&
            (!seen || !osm_id || id_set_add(seen, strtoll(osm_id, NULL, 10)))) {
            OGRFeatureH road = OGR_F_Create(out_definition);
            OGR_F_SetFieldString(road, ROAD_CLASS, class);
            const char *texts[] = {[ROAD_REF] = text_field(feature, ref),
                                   [ROAD_NAME] = text_field(feature, name),
                                   [ROAD_SURFACE] = text_field(feature, surface)};
            for (int i = ROAD_REF; i <= ROAD_SURFACE; i++)
                if (texts[i])
                    OGR_F_SetFieldString(road, i, texts[i]);
            OGR_F_SetFieldInteger(road, ROAD_BRIDGE, tag_flag(text_field(feature, bridge)));
            OGR_F_SetFieldInteger(road, ROAD_TUNNEL, tag_flag(text_field(feature, tunnel)));
            OGR_F_SetFieldInteger(road, ROAD_ONEWAY,
                                  oneway_value(text_field(feature, oneway), class,
                                               text_field(feature, junction)));
            OGR_F_SetGeometry(road, geometry);
            if (OGR_L_CreateFeature(layer, road) != OGRERR_NONE)
                result = CM_OGR_ROADS_WRITE;
            else if (++*written % 1000 == 0 && progress && progress(*written, data))
                result = CM_OGR_ROADS_STOPPED;
            OGR_F_Destroy(road);
        }
        OGR_F_Destroy(feature);
    }
    if (result == CM_OGR_ROADS_OK && CPLGetLastErrorType() >= CE_Failure)
        result = CM_OGR_ROADS_READ;
    GDALDatasetReleaseResultSet(source, lines);
    return result;
}

static cm_ogr_roads_result module_write_roads(const char *const *inputs, size_t n_inputs,
                                              const char *const *classes, size_t n_classes,
                                              const char *path, const char *tmpdir,
                                              cm_ogr_count_fn progress, void *data,
                                              unsigned long long *written, size_t *bad_input,
                                              char *error, size_t error_size)
{
    pthread_once(&registered, GDALAllRegister);
    *written = 0;
    *bad_input = 0;
    if (error_size)
        error[0] = '\0';
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
    /* The OSM driver indexes the nodes in a temporary database: 100 MB in
     * memory, then a file, which must go with the import's other files,
     * not into the current directory. */
    CPLSetThreadLocalConfigOption("CPL_TMPDIR", tmpdir);
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH output = driver ? GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, NULL) : NULL;
    OGRLayerH layer = output ? create_roads_layer(output) : NULL;
    cm_ogr_roads_result result = layer ? CM_OGR_ROADS_OK : CM_OGR_ROADS_WRITE;
    if (result == CM_OGR_ROADS_OK && GDALDatasetStartTransaction(output, 0) != OGRERR_NONE)
        result = CM_OGR_ROADS_WRITE;
    char *sql = roads_sql(classes, n_classes);
    id_set seen = {0};
    const char *const osm_only[] = {"OSM", NULL};
    for (size_t i = 0; result == CM_OGR_ROADS_OK && i < n_inputs; i++) {
        *bad_input = i;
        GDALDatasetH source = GDALOpenEx(inputs[i], GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                         osm_only, NULL, NULL);
        if (!source) {
            result = CM_OGR_ROADS_NOT_OSM;
            break;
        }
        result = copy_roads(source, sql, layer, n_inputs > 1 ? &seen : NULL, progress, data,
                            written);
        GDALClose(source);
    }
    free(sql);
    free(seen.ids);
    if (result == CM_OGR_ROADS_OK) {
        *bad_input = n_inputs;
        if (GDALDatasetCommitTransaction(output) != OGRERR_NONE || !write_tiers(output, layer))
            result = CM_OGR_ROADS_WRITE;
    }
    if (output) {
        GDALClose(output);
        if (result == CM_OGR_ROADS_OK && CPLGetLastErrorType() >= CE_Failure)
            result = CM_OGR_ROADS_WRITE;
    }
    if (result != CM_OGR_ROADS_OK && error_size)
        snprintf(error, error_size, "%s", CPLGetLastErrorMsg());
    CPLSetThreadLocalConfigOption("CPL_TMPDIR", NULL);
    CPLPopErrorHandler();
    return result;
}

__attribute__((visibility("default"))) const cm_ogr_api *cm_ogr_module_api_2(void);

const cm_ogr_api *cm_ogr_module_api_2(void)
{
    static const cm_ogr_api api = {
        module_open,        module_driver,       module_layer_count, module_layer_name,
        module_feature_count, module_read_layer, module_close,       module_geojson_new,
        module_geojson_add, module_geojson_finish, module_free_text, module_write_roads,
    };
    return &api;
}
