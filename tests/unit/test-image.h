/* Helpers the image tests share: PNG bytes decoded by Cairo (independent
 * of our encoder), a pixel's colour, and a colour read straight from the
 * default style file. Header-only: each test is one program. */
#ifndef CM_TEST_IMAGE_H
#define CM_TEST_IMAGE_H

#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <gdal.h>
#include <glib.h>
#include <ogr_api.h>

#include "convoymap/convoymap.h"

typedef struct png_reader {
    const unsigned char *data;
    size_t length, offset;
} png_reader;

static cairo_status_t read_png(void *closure, unsigned char *out, unsigned int length)
{
    png_reader *reader = closure;
    if (reader->offset + length > reader->length)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(out, reader->data + reader->offset, length);
    reader->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

/* The PNG bytes decoded into an image surface the caller destroys. */
static inline cairo_surface_t *test_decode_png(const unsigned char *data, size_t length)
{
    png_reader reader = {data, length, 0};
    cairo_surface_t *image = cairo_image_surface_create_from_png_stream(read_png, &reader);
    g_assert_cmpint(cairo_surface_status(image), ==, CAIRO_STATUS_SUCCESS);
    return image;
}

/* The colour 0xrrggbb of pixel (x, y) of an RGB24 or ARGB32 image. */
static inline guint32 test_pixel(cairo_surface_t *image, int x, int y)
{
    g_assert_cmpint(x, >=, 0);
    g_assert_cmpint(y, >=, 0);
    g_assert_cmpint(x, <, cairo_image_surface_get_width(image));
    g_assert_cmpint(y, <, cairo_image_surface_get_height(image));
    const unsigned char *row = cairo_image_surface_get_data(image) +
                               (size_t)y * (size_t)cairo_image_surface_get_stride(image);
    return ((const guint32 *)(const void *)row)[x] & 0xffffff;
}

/* A colour "#rrggbb" (entry index of a ';' list) of styles/briefing.ini in
 * context's data directory, as 0xrrggbb. */
static inline guint32 test_style_color(cm_context *context, const char *group, const char *key,
                                       int index)
{
    char *path = g_build_filename(cm_context_data_dir(context), "styles", "briefing.ini", NULL);
    GKeyFile *file = g_key_file_new();
    g_assert_true(g_key_file_load_from_file(file, path, G_KEY_FILE_NONE, NULL));
    char *value = g_key_file_get_string(file, group, key, NULL);
    g_assert_nonnull(value);
    char **parts = g_strsplit(value, ";", -1);
    g_assert_cmpint(index, <, (int)g_strv_length(parts));
    unsigned r, g, b;
    g_assert_cmpint(sscanf(g_strstrip(parts[index]), "#%2x%2x%2x", &r, &g, &b), ==, 3);
    g_strfreev(parts);
    g_free(value);
    g_key_file_free(file);
    g_free(path);
    return r << 16 | g << 8 | b;
}

/* The fill colour of country iso3 on a map in the default style: its map
 * colour read from geodata/world.gpkg through OGR, looked up in the style's
 * palette. The library no longer registers GDAL's drivers, so this does. */
static inline guint32 test_country_fill(cm_context *context, const char *iso3)
{
    GDALAllRegister();
    char *path = g_build_filename(cm_context_data_dir(context), "geodata", "world.gpkg", NULL);
    GDALDatasetH dataset = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(dataset);
    char *sql = g_strdup_printf("SELECT mapcolor FROM countries WHERE iso3 = '%s'", iso3);
    OGRLayerH result = GDALDatasetExecuteSQL(dataset, sql, NULL, NULL);
    g_assert_nonnull(result);
    OGRFeatureH feature = OGR_L_GetNextFeature(result);
    g_assert_nonnull(feature);
    int mapcolor = OGR_F_GetFieldAsInteger(feature, 0);
    OGR_F_Destroy(feature);
    GDALDatasetReleaseResultSet(dataset, result);
    GDALClose(dataset);
    g_free(sql);
    g_free(path);
    return test_style_color(context, "countries", "palette", mapcolor - 1);
}

#endif
