/* Reads the shipped basemap through OGR with a spatial filter on the
 * frame's extent, projects it through PROJ and draws it with Cairo. */
#include "basemap.h"

#include <math.h>
#include <string.h>

#include <gdal.h>
#include <ogr_api.h>

#include "draw.h"

/* Countries covering less of the view than this are not named: their
 * label would not fit. */
#define MIN_LABEL_SHARE 0.015

typedef struct basemap_reader {
    cm_context *context;
    GDALDatasetH dataset;
    const char *path;
    cm_geo_point sw, ne;     /* geographic bounding box of the frame */
    OGRGeometryH view;       /* the frame as a lon/lat polygon */
    GArray *xs, *ys;         /* scratch buffers for vertex arrays */
    gboolean past_antimeridian; /* reading the view's continuation from -180 */
} basemap_reader;

/* The frame's outline as a geographic polygon, sampled along its edges
 * because straight pixel edges are curves in longitude and latitude. */
static OGRGeometryH frame_outline(const cm_frame *frame, cm_geo_point *sw, cm_geo_point *ne)
{
    enum { SAMPLES = 24 };
    OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
    double corners[5][2] = {{0, 0}, {frame->width, 0}, {frame->width, frame->height},
                            {0, frame->height}, {0, 0}};
    sw->lat = sw->lon = HUGE_VAL;
    ne->lat = ne->lon = -HUGE_VAL;
    /* Longitudes are unrolled along the outline, so that a view over the
     * antimeridian spans 179..181, not -179..179 (the rest of the world). */
    double unrolled = HUGE_VAL;
    for (int edge = 0; edge < 4; edge++) {
        for (int k = 0; k < SAMPLES; k++) {
            double t = (double)k / SAMPLES;
            double px = corners[edge][0] + t * (corners[edge + 1][0] - corners[edge][0]);
            double py = corners[edge][1] + t * (corners[edge + 1][1] - corners[edge][1]);
            cm_geo_point p;
            if (!cm_frame_pixel_to_geo(frame, px, py, &p))
                continue;
            OGR_G_AddPoint_2D(ring, p.lon, p.lat);
            unrolled = unrolled == HUGE_VAL ? p.lon
                                            : unrolled + remainder(p.lon - unrolled, 360.0);
            sw->lat = MIN(sw->lat, p.lat);
            sw->lon = MIN(sw->lon, unrolled);
            ne->lat = MAX(ne->lat, p.lat);
            ne->lon = MAX(ne->lon, unrolled);
        }
    }
    if (ne->lon - sw->lon >= 360.0) {
        /* The outline goes round a pole: every longitude is in view. */
        sw->lon = -180.0;
        ne->lon = 180.0;
    } else {
        double shift = 360.0 * floor((sw->lon + 180.0) / 360.0);
        sw->lon -= shift;
        ne->lon -= shift;
    }
    OGR_G_CloseRings(ring);
    OGRGeometryH polygon = OGR_G_CreateGeometry(wkbPolygon);
    OGR_G_AddGeometryDirectly(polygon, ring);
    return polygon;
}

static OGRLayerH open_layer(basemap_reader *reader, const char *name)
{
    OGRLayerH layer = GDALDatasetGetLayerByName(reader->dataset, name);
    if (!layer) {
        cm_fail(reader->context, CM_ERR_DATA, "basemap %s has no layer '%s'", reader->path,
                name);
        return NULL;
    }
    OGR_L_SetSpatialFilterRect(layer, reader->sw.lon, reader->sw.lat,
                               MIN(reader->ne.lon, 180.0), reader->ne.lat);
    OGR_L_ResetReading(layer);
    reader->past_antimeridian = FALSE;
    return layer;
}

/* The next feature of layer in view, NULL at the end: those in the view's
 * box, then, when the view runs past the antimeridian, those in its
 * continuation from -180. */
static OGRFeatureH next_in_view(basemap_reader *reader, OGRLayerH layer)
{
    OGRFeatureH feature = OGR_L_GetNextFeature(layer);
    if (!feature && reader->ne.lon > 180.0 && !reader->past_antimeridian) {
        reader->past_antimeridian = TRUE;
        OGR_L_SetSpatialFilterRect(layer, -180.0, reader->sw.lat, reader->ne.lon - 360.0,
                                   reader->ne.lat);
        OGR_L_ResetReading(layer);
        feature = OGR_L_GetNextFeature(layer);
    }
    return feature;
}

/* Appends geometry's lines and rings to cr's path. */
static void add_geometry_path(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                              OGRGeometryH geometry)
{
    int n_parts = OGR_G_GetGeometryCount(geometry);
    if (n_parts > 0) {
        for (int i = 0; i < n_parts; i++)
            add_geometry_path(reader, cr, frame, OGR_G_GetGeometryRef(geometry, i));
        return;
    }
    int n = OGR_G_GetPointCount(geometry);
    if (n < 2)
        return;
    g_array_set_size(reader->xs, (guint)n);
    g_array_set_size(reader->ys, (guint)n);
    double *x = (double *)(void *)reader->xs->data, *y = (double *)(void *)reader->ys->data;
    OGR_G_GetPoints(geometry, x, sizeof *x, y, sizeof *y, NULL, 0);
    OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geometry));
    cm_draw_geo_polyline(cr, frame, x, y, (size_t)n, type == wkbLinearRing);
}

/* Fills or strokes every feature of a layer; fill_color_of, when given,
 * picks a fill per feature. */
typedef gboolean (*feature_fill_fn)(OGRFeatureH feature, const cm_style *style,
                                    cm_rgba *color);

static cm_status draw_layer(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                            const char *name, const cm_style *style,
                            feature_fill_fn fill_of, const cm_rgba *fill,
                            const cm_line_style *line)
{
    OGRLayerH layer = open_layer(reader, name);
    if (!layer)
        return CM_ERR_DATA;
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    OGRFeatureH feature;
    while ((feature = next_in_view(reader, layer)) != NULL) {
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
        if (geometry) {
            cm_rgba color;
            if (fill_of && fill_of(feature, style, &color)) {
                add_geometry_path(reader, cr, frame, geometry);
                cm_draw_set_color(cr, color);
                cairo_fill(cr);
            } else if (fill) {
                add_geometry_path(reader, cr, frame, geometry);
                cm_draw_set_color(cr, *fill);
                cairo_fill(cr);
            }
            if (line) {
                add_geometry_path(reader, cr, frame, geometry);
                cm_draw_set_line(cr, line);
                cairo_stroke(cr);
            }
        }
        OGR_F_Destroy(feature);
    }
    return CM_OK;
}

static gboolean country_fill(OGRFeatureH feature, const cm_style *style, cm_rgba *color)
{
    int field = OGR_F_GetFieldIndex(feature, "mapcolor");
    int index = field >= 0 ? OGR_F_GetFieldAsInteger(feature, field) : 1;
    *color = style->country_palette[CLAMP(index, 1, CM_STYLE_PALETTE_SIZE) - 1];
    return TRUE;
}

/* A point well inside the visible part of a country: the centroid of its
 * largest visible polygon when that lies inside, else a point on its surface. */
static gboolean label_anchor(OGRGeometryH visible, cm_geo_point *anchor)
{
    OGRGeometryH largest = visible;
    if (wkbFlatten(OGR_G_GetGeometryType(visible)) == wkbMultiPolygon ||
        wkbFlatten(OGR_G_GetGeometryType(visible)) == wkbGeometryCollection) {
        double best = -1;
        for (int i = 0; i < OGR_G_GetGeometryCount(visible); i++) {
            OGRGeometryH part = OGR_G_GetGeometryRef(visible, i);
            double area = OGR_G_Area(part);
            if (area > best) {
                best = area;
                largest = part;
            }
        }
    }
    OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
    gboolean ok = OGR_G_Centroid(largest, point) == OGRERR_NONE &&
                  OGR_G_Contains(largest, point);
    if (!ok) {
        OGR_G_DestroyGeometry(point);
        point = OGR_G_PointOnSurface(largest);
        ok = point != NULL;
    }
    if (ok) {
        anchor->lon = OGR_G_GetX(point, 0);
        anchor->lat = OGR_G_GetY(point, 0);
    }
    OGR_G_DestroyGeometry(point);
    return ok;
}

static gint compare_share(gconstpointer a, gconstpointer b)
{
    double sa = ((const cm_country_label *)a)->visible_share;
    double sb = ((const cm_country_label *)b)->visible_share;
    return (sa < sb) - (sa > sb);
}

static cm_status collect_country_labels(basemap_reader *reader, GArray *labels)
{
    OGRLayerH layer = open_layer(reader, "countries");
    if (!layer)
        return CM_ERR_DATA;
    double view_area = OGR_G_Area(reader->view);
    OGRFeatureH feature;
    while ((feature = next_in_view(reader, layer)) != NULL) {
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
        OGRGeometryH visible = geometry ? OGR_G_Intersection(geometry, reader->view) : NULL;
        /* GEOS refuses a few invalid polygons of the shipped data: such a
         * country goes unnamed, which is no read error. */
        if (geometry && !visible)
            CPLErrorReset();
        double share = visible ? OGR_G_Area(visible) / view_area : 0;
        cm_country_label label = {0};
        if (share >= MIN_LABEL_SHARE && label_anchor(visible, &label.anchor)) {
            label.name = g_strdup(OGR_F_GetFieldAsString(feature,
                                                        OGR_F_GetFieldIndex(feature, "name")));
            label.visible_share = share;
            g_array_append_val(labels, label);
        }
        OGR_G_DestroyGeometry(visible);
        OGR_F_Destroy(feature);
    }
    g_array_sort(labels, compare_share);
    return CM_OK;
}

void cm_country_labels_free(GArray *labels)
{
    if (!labels)
        return;
    for (guint i = 0; i < labels->len; i++)
        g_free(g_array_index(labels, cm_country_label, i).name);
    g_array_free(labels, TRUE);
}

/* Draws the sea and, in style order, every basemap layer of an overview
 * (countries and borders only) or of the full map, clipped to the frame;
 * collects country labels when labels is not NULL. */
static cm_status draw_basemap(cm_context *context, cairo_t *cr, const cm_frame *frame,
                              const cm_style *style, gboolean overview, GArray *labels)
{
    char *path = cm_data_path(context, "geodata/world.gpkg");
    basemap_reader reader = {context, NULL, path, {0}, {0}, NULL, NULL, NULL};
    cm_gdal_quiet_begin();
    reader.dataset = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    if (!reader.dataset) {
        const char *reason = cm_gdal_quiet_end();
        cm_status status = cm_fail(context, CM_ERR_DATA, "cannot open basemap %s%s%s", path,
                                   reason ? ": " : "", reason ? reason : "");
        g_free(path);
        return status;
    }
    reader.view = frame_outline(frame, &reader.sw, &reader.ne);
    reader.xs = g_array_new(FALSE, FALSE, sizeof(double));
    reader.ys = g_array_new(FALSE, FALSE, sizeof(double));

    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, frame->width, frame->height);
    cairo_clip(cr);
    cm_draw_set_color(cr, style->sea);
    cairo_paint(cr);
    /* Layers in drawing order; an overview keeps only the political map. */
    const struct {
        const char *name;
        gboolean in_overview;
        feature_fill_fn fill_of;
        const cm_rgba *fill;
        const cm_line_style *line;
    } layers[] = {
        {"countries", TRUE, country_fill, NULL, NULL},
        {"lakes", FALSE, NULL, &style->lakes, NULL},
        {"rivers", FALSE, NULL, NULL, &style->rivers},
        {"admin1", FALSE, NULL, NULL, &style->admin1},
        {"coastline", FALSE, NULL, NULL, &style->coastline},
        {"disputed", FALSE, NULL, NULL, &style->disputed},
        {"borders", TRUE, NULL, NULL, &style->borders},
    };
    cm_status status = CM_OK;
    for (size_t i = 0; i < G_N_ELEMENTS(layers) && status == CM_OK; i++)
        if (!overview || layers[i].in_overview)
            status = draw_layer(&reader, cr, frame, layers[i].name, style, layers[i].fill_of,
                                layers[i].fill, layers[i].line);
    cairo_restore(cr);
    if (status == CM_OK && labels)
        status = collect_country_labels(&reader, labels);

    OGR_G_DestroyGeometry(reader.view);
    g_array_free(reader.xs, TRUE);
    g_array_free(reader.ys, TRUE);
    GDALClose(reader.dataset);
    const char *reason = cm_gdal_quiet_end();
    if (status == CM_OK && reason)
        status = cm_fail(context, CM_ERR_DATA, "cannot read basemap %s: %s", path, reason);
    g_free(path);
    return status;
}

cm_status cm_basemap_draw(cm_context *context, cairo_t *cr, const cm_frame *frame,
                          const cm_style *style, GArray *labels)
{
    return draw_basemap(context, cr, frame, style, FALSE, labels);
}

cm_status cm_basemap_draw_overview(cm_context *context, cairo_t *cr, const cm_frame *frame,
                                   const cm_style *style)
{
    return draw_basemap(context, cr, frame, style, TRUE, NULL);
}
