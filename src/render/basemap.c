/* Reads the shipped basemap (geopackage.c) in the frame's extent, clips it
 * to the view with GEOS, projects it through PROJ and draws it with Cairo;
 * GEOS also finds where country names go. */
#include "basemap.h"

#include <math.h>
#include <string.h>

#include "draw.h"
#include "core/geopackage.h"

/* Countries covering less of the view than this are not named: their
 * label would not fit. */
#define MIN_LABEL_SHARE 0.015
/* Provinces below this share are not even tried: their names would not fit
 * (cm_area_label_holds() decides for the rest). */
#define MIN_PROVINCE_LABEL_SHARE 0.002

/* Features are cut to a little more than the view before they are
 * projected: only what shows costs projecting and drawing, and parts where
 * the projection breaks down far outside the view cannot smear fills over
 * it. Most views are cut to a lon/lat box by GEOSClipByRect_r, several
 * times faster than GEOSIntersection_r, which cuts to the view's outline
 * only where the box would reach far past it. */
typedef enum { CLIP_NONE, CLIP_RECT, CLIP_OUTLINE } clip_kind;

typedef struct view_clip {
    clip_kind kind;
    double west, south, east, north; /* CLIP_RECT, and the outline's box */
    GEOSGeometry *outline;           /* CLIP_OUTLINE: lon/lat polygon */
    const GEOSPreparedGeometry *inside; /* the outline prepared, to skip what it contains */
} view_clip;

/* Pixels the clip reaches past the frame: cut edges and line ends stay
 * out of sight (wider than any basemap line), and straight lon/lat chords
 * between outline samples cannot bow into the frame. */
#define CLIP_MARGIN_SHARE 0.05
#define CLIP_MARGIN_MIN 16.0

/* An outline covering more of its lon/lat box than this is cut to the box
 * alone: what the box adds lies next to the view, where the projection
 * holds, and the general intersection costs more than drawing it. */
#define OUTLINE_SHARE_FOR_BOX 0.8

/* Half a pixel of the overview, as a tolerance in degrees of latitude
 * (about 111.32 km each). */
#define OVERVIEW_SIMPLIFY_PX 0.5

typedef struct basemap_reader {
    cm_context *context;
    GEOSContextHandle_t geos;
    cm_geopackage *gpkg;
    const char *path;
    cm_geo_point sw, ne;     /* geographic bounding box of the frame */
    GEOSGeometry *view;      /* the frame as a lon/lat polygon; NULL if degenerate */
    view_clip clip;          /* what of each feature is drawn */
    GArray *xs, *ys;         /* scratch buffers for vertex arrays */
    GArray *keep;            /* scratch marks for cm_draw_thin_line() */
    GArray *pixels;          /* scratch for stroke_dashed_line() */
    gboolean past_antimeridian; /* reading the view's continuation from -180 */
    double simplify_deg;     /* vertices closer than this to the last kept are
                              * dropped before projecting (degrees); 0 for none */
} basemap_reader;

/* Sample i (0 to 4 * samples - 1) of the outline of the pixel box
 * [x0, x1] x [y0, y1], clockwise from (x0, y0), in lon/lat; FALSE where the
 * projection has no inverse. Straight pixel edges are curves in longitude
 * and latitude, hence the samples. */
static gboolean box_outline_sample(const cm_frame *frame, double x0, double y0, double x1,
                                   double y1, int samples, int i, cm_geo_point *p)
{
    const double corners[5][2] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    int edge = i / samples;
    double t = (double)(i % samples) / samples;
    return cm_frame_pixel_to_geo(frame,
                                 corners[edge][0] + t * (corners[edge + 1][0] - corners[edge][0]),
                                 corners[edge][1] + t * (corners[edge + 1][1] - corners[edge][1]),
                                 p);
}

/* The polygon of the closed ring of n points xs, ys (the last one equal to
 * the first), or NULL. Free with GEOSGeom_destroy_r(). */
static GEOSGeometry *ring_polygon(GEOSContextHandle_t geos, const double *xs, const double *ys,
                                  unsigned n)
{
    GEOSCoordSequence *sequence = GEOSCoordSeq_copyFromArrays_r(geos, xs, ys, NULL, NULL, n);
    GEOSGeometry *ring = sequence ? GEOSGeom_createLinearRing_r(geos, sequence) : NULL;
    return ring ? GEOSGeom_createPolygon_r(geos, ring, NULL, 0) : NULL;
}

/* The frame's outline as a geographic polygon, sampled along its edges
 * because straight pixel edges are curves in longitude and latitude. */
static GEOSGeometry *frame_outline(GEOSContextHandle_t geos, const cm_frame *frame,
                                   cm_geo_point *sw, cm_geo_point *ne)
{
    enum { SAMPLES = 24 };
    double xs[4 * SAMPLES + 1], ys[4 * SAMPLES + 1];
    unsigned n = 0;
    sw->lat = sw->lon = HUGE_VAL;
    ne->lat = ne->lon = -HUGE_VAL;
    /* Longitudes are unrolled along the outline, so that a view over the
     * antimeridian spans 179..181, not -179..179 (the rest of the world). */
    double unrolled = HUGE_VAL;
    for (int i = 0; i < 4 * SAMPLES; i++) {
        cm_geo_point p;
        if (!box_outline_sample(frame, 0, 0, frame->width, frame->height, SAMPLES, i, &p))
            continue;
        xs[n] = p.lon;
        ys[n++] = p.lat;
        unrolled = unrolled == HUGE_VAL ? p.lon : unrolled + remainder(p.lon - unrolled, 360.0);
        sw->lat = MIN(sw->lat, p.lat);
        sw->lon = MIN(sw->lon, unrolled);
        ne->lat = MAX(ne->lat, p.lat);
        ne->lon = MAX(ne->lon, unrolled);
    }
    /* A pole in the frame puts every longitude in view, and every
     * latitude up to the pole: the outline round it reaches neither (nor,
     * sampled, quite 360 degrees of longitude). */
    gboolean pole_in_view = FALSE;
    for (int pole = -90; pole <= 90; pole += 180) {
        double px, py;
        if (cm_frame_geo_to_pixel(frame, (cm_geo_point){pole, 0}, &px, &py) && px >= 0 &&
            px <= frame->width && py >= 0 && py <= frame->height) {
            pole_in_view = TRUE;
            sw->lat = MIN(sw->lat, pole);
            ne->lat = MAX(ne->lat, pole);
        }
    }
    if (pole_in_view || ne->lon - sw->lon >= 360.0) {
        /* The outline goes round a pole: every longitude is in view. */
        sw->lon = -180.0;
        ne->lon = 180.0;
    } else {
        double shift = 360.0 * floor((sw->lon + 180.0) / 360.0);
        sw->lon -= shift;
        ne->lon -= shift;
    }
    if (n < 3)
        return NULL;
    if (sw->lon == -180.0 && ne->lon == 180.0)
        /* Round a pole the outline is no polygon in lon/lat: the box is
         * the view. */
        return GEOSGeom_createRectangle_r(geos, sw->lon, sw->lat, ne->lon, ne->lat);
    if (xs[n - 1] != xs[0] || ys[n - 1] != ys[0]) {
        xs[n] = xs[0];
        ys[n++] = ys[0];
    }
    return ring_polygon(geos, xs, ys, n);
}

/* The clip for frame: its outline pushed out by a margin, sampled densely.
 * A view round a pole or over the antimeridian is cut to its lon/lat box
 * (sw..ne, from frame_outline()), or not at all when that box runs past
 * 180 degrees; any other view is cut to its outline's box, and then, unless
 * box_only, to the outline itself when that fills the box poorly (see
 * OUTLINE_SHARE_FOR_BOX). */
static view_clip clip_region(GEOSContextHandle_t geos, const cm_frame *frame,
                             cm_geo_point sw, cm_geo_point ne, gboolean box_only)
{
    enum { SAMPLES = 64 };
    view_clip clip = {CLIP_NONE, 0, 0, 0, 0, NULL, NULL};
    double margin = MAX(CLIP_MARGIN_MIN, CLIP_MARGIN_SHARE * MAX(frame->width, frame->height));
    if (ne.lon - sw.lon >= 360.0) {
        double margin_deg = margin / (frame->px_per_m * 111320.0);
        clip = (view_clip){CLIP_RECT, -180.0, MAX(sw.lat - margin_deg, -90.0), 180.0,
                           MIN(ne.lat + margin_deg, 90.0), NULL, NULL};
        return clip;
    }
    double xs[4 * SAMPLES + 1], ys[4 * SAMPLES + 1];
    unsigned n = 0;
    double west = HUGE_VAL, south = HUGE_VAL, east = -HUGE_VAL, north = -HUGE_VAL;
    for (int i = 0; i < 4 * SAMPLES; i++) {
        cm_geo_point p;
        if (!box_outline_sample(frame, -margin, -margin, frame->width + margin,
                                frame->height + margin, SAMPLES, i, &p))
            continue;
        /* Unrolled as in frame_outline(), then shifted as it is. */
        double lon = n == 0 ? p.lon : xs[n - 1] + remainder(p.lon - xs[n - 1], 360.0);
        xs[n] = lon;
        ys[n++] = p.lat;
        west = MIN(west, lon);
        east = MAX(east, lon);
        south = MIN(south, p.lat);
        north = MAX(north, p.lat);
    }
    if (n < 3 || east - west >= 360.0 || fabs(xs[n - 1] - xs[0]) > 180.0)
        return clip;
    double shift = 360.0 * floor((west + 180.0) / 360.0);
    west -= shift;
    east -= shift;
    if (east > 180.0)
        return clip;
    for (unsigned i = 0; i < n; i++)
        xs[i] -= shift;
    xs[n] = xs[0];
    ys[n] = ys[0];
    clip = (view_clip){CLIP_RECT, west, south, east, north, NULL, NULL};
    if (box_only)
        return clip;
    GEOSGeometry *outline = ring_polygon(geos, xs, ys, n + 1);
    double area = 0;
    if (outline && GEOSisValid_r(geos, outline) == 1 && GEOSArea_r(geos, outline, &area) &&
        area < OUTLINE_SHARE_FOR_BOX * (east - west) * (north - south)) {
        clip.kind = CLIP_OUTLINE;
        clip.outline = outline;
        clip.inside = GEOSPrepare_r(geos, outline);
    } else if (outline) {
        GEOSGeom_destroy_r(geos, outline);
    }
    return clip;
}

/* The part of geometry within the clip, or NULL to draw geometry whole (it
 * lies within, or the clip is none or failed). Free with
 * GEOSGeom_destroy_r(). */
static GEOSGeometry *clip_geometry(GEOSContextHandle_t geos, const view_clip *clip,
                                   const GEOSGeometry *geometry)
{
    if (clip->kind == CLIP_NONE)
        return NULL;
    double west, south, east, north;
    if (!GEOSGeom_getExtent_r(geos, geometry, &west, &south, &east, &north))
        return NULL;
    GEOSGeometry *boxed = NULL;
    if (west < clip->west || east > clip->east || south < clip->south || north > clip->north) {
        /* Cut to the box first: the general intersection then sees only
         * the vertices near the view. */
        boxed = GEOSClipByRect_r(geos, geometry, clip->west, clip->south, clip->east,
                                 clip->north);
        if (!boxed)
            return NULL;
    }
    if (clip->kind == CLIP_RECT ||
        (clip->inside && GEOSPreparedContains_r(geos, clip->inside, boxed ? boxed : geometry) == 1))
        return boxed;
    GEOSGeometry *cut = GEOSIntersection_r(geos, boxed ? boxed : geometry, clip->outline);
    if (!cut)
        return boxed;
    if (boxed)
        GEOSGeom_destroy_r(geos, boxed);
    return cut;
}

static cm_gpkg_layer *open_layer(basemap_reader *reader, const char *name,
                                 const char *const *columns)
{
    gboolean missing;
    cm_gpkg_layer *layer = cm_geopackage_layer(reader->gpkg, name, columns, &missing);
    if (!layer) {
        if (missing)
            cm_fail(reader->context, CM_ERR_DATA, "basemap %s has no layer '%s'",
                    reader->path, name);
        else
            cm_fail(reader->context, CM_ERR_DATA, "cannot read basemap %s: %s", reader->path,
                    cm_geopackage_error(reader->gpkg));
        return NULL;
    }
    cm_gpkg_layer_select(layer, reader->sw.lon, reader->sw.lat, MIN(reader->ne.lon, 180.0),
                         reader->ne.lat);
    reader->past_antimeridian = FALSE;
    return layer;
}

/* Moves to the next feature of layer in view, FALSE at the end: those in
 * the view's box, then, when the view runs past the antimeridian, those in
 * its continuation from -180. */
static gboolean next_in_view(basemap_reader *reader, cm_gpkg_layer *layer)
{
    if (cm_gpkg_layer_next(layer))
        return TRUE;
    if (reader->ne.lon > 180.0 && !reader->past_antimeridian &&
        !cm_geopackage_error(reader->gpkg)) {
        reader->past_antimeridian = TRUE;
        cm_gpkg_layer_select(layer, -180.0, reader->sw.lat, reader->ne.lon - 360.0,
                             reader->ne.lat);
        return cm_gpkg_layer_next(layer);
    }
    return FALSE;
}

/* CM_OK, or CM_ERR_DATA when reading the basemap failed on the way. */
static cm_status read_status(basemap_reader *reader)
{
    const char *error = cm_geopackage_error(reader->gpkg);
    return error ? cm_fail(reader->context, CM_ERR_DATA, "cannot read basemap %s: %s",
                           reader->path, error)
                 : CM_OK;
}

/* Copies the vertices of a line or ring into the reader's xs and ys and
 * points *x and *y at them (valid until the next call). Returns their
 * number, 0 for a line of fewer than two. */
static unsigned line_vertices(basemap_reader *reader, const GEOSGeometry *line, double **x,
                              double **y)
{
    const GEOSCoordSequence *sequence = GEOSGeom_getCoordSeq_r(reader->geos, line);
    unsigned n = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(reader->geos, sequence, &n) || n < 2)
        return 0;
    g_array_set_size(reader->xs, n);
    g_array_set_size(reader->ys, n);
    *x = (double *)(void *)reader->xs->data;
    *y = (double *)(void *)reader->ys->data;
    GEOSCoordSeq_copyToArrays_r(reader->geos, sequence, *x, *y, NULL, NULL);
    return n;
}

/* Appends a line or ring to cr's path. Rings are not closed: their last
 * vertex repeats the first, and OGR, which this reader replaced, handed
 * them over as plain lines, so the maps stay as they were. */
static void add_line_path(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                          const GEOSGeometry *line)
{
    double *x, *y;
    unsigned n = line_vertices(reader, line, &x, &y);
    if (n == 0)
        return;
    if (reader->simplify_deg > 0 &&
        (n = cm_draw_thin_line(x, y, n, reader->simplify_deg, reader->keep)) < 2)
        return;
    cm_draw_geo_polyline(cr, frame, x, y, n, FALSE);
}

/* Appends geometry's lines and rings to cr's path. */
static void add_geometry_path(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                              const GEOSGeometry *geometry)
{
    GEOSContextHandle_t geos = reader->geos;
    switch (GEOSGeomTypeId_r(geos, geometry)) {
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        add_line_path(reader, cr, frame, geometry);
        break;
    case GEOS_POLYGON:
        add_line_path(reader, cr, frame, GEOSGetExteriorRing_r(geos, geometry));
        for (int i = 0; i < GEOSGetNumInteriorRings_r(geos, geometry); i++)
            add_line_path(reader, cr, frame, GEOSGetInteriorRingN_r(geos, geometry, i));
        break;
    case GEOS_MULTILINESTRING:
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION:
        for (int i = 0; i < GEOSGetNumGeometries_r(geos, geometry); i++)
            add_geometry_path(reader, cr, frame, GEOSGetGeometryN_r(geos, geometry, i));
        break;
    default:
        break;
    }
}

/* The columns the countries layer is read with, in this order. */
static const char *const country_columns[] = {"name", "mapcolor", NULL};
enum { COUNTRY_NAME, COUNTRY_MAPCOLOR };

static gboolean country_fill(cm_gpkg_layer *feature, const cm_style *style, cm_rgba *color)
{
    int index = cm_gpkg_layer_int(feature, COUNTRY_MAPCOLOR);
    *color = style->country_palette[CLAMP(index, 1, CM_STYLE_PALETTE_SIZE) - 1];
    return TRUE;
}

/* A point well inside the visible part of a country: the centroid of its
 * largest visible polygon when that lies inside, else a point on its surface. */
static gboolean label_anchor(GEOSContextHandle_t geos, const GEOSGeometry *visible,
                             cm_geo_point *anchor)
{
    const GEOSGeometry *largest = visible;
    int type = GEOSGeomTypeId_r(geos, visible);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        double best = -1;
        for (int i = 0; i < GEOSGetNumGeometries_r(geos, visible); i++) {
            const GEOSGeometry *part = GEOSGetGeometryN_r(geos, visible, i);
            double area = 0;
            GEOSArea_r(geos, part, &area);
            if (area > best) {
                best = area;
                largest = part;
            }
        }
    }
    GEOSGeometry *point = GEOSGetCentroid_r(geos, largest);
    if (point && (GEOSisEmpty_r(geos, point) || GEOSContains_r(geos, largest, point) != 1)) {
        GEOSGeom_destroy_r(geos, point);
        point = NULL;
    }
    if (!point)
        point = GEOSPointOnSurface_r(geos, largest);
    gboolean ok = point && !GEOSisEmpty_r(geos, point) &&
                  GEOSGeomGetX_r(geos, point, &anchor->lon) &&
                  GEOSGeomGetY_r(geos, point, &anchor->lat);
    if (point)
        GEOSGeom_destroy_r(geos, point);
    return ok;
}

static gint compare_share(gconstpointer a, gconstpointer b)
{
    double sa = ((const cm_country_label *)a)->visible_share;
    double sb = ((const cm_country_label *)b)->visible_share;
    return (sa < sb) - (sa > sb);
}

/* The columns the admin1 layer is read with when its names are wanted. */
static const char *const province_columns[] = {"name", NULL};

/* What a drawing pass collects of the areas it draws: a cm_country_label
 * for each feature (named in the layer's first column) covering at least
 * min_share of the view; with keep_area, each keeps its visible part. */
typedef struct area_labels {
    double min_share;
    gboolean keep_area;
    GArray *labels;
    double view_area;                   /* of reader->view, degrees squared */
    const GEOSPreparedGeometry *view;   /* reader->view prepared */
} area_labels;

/* Starts collecting into labels; FALSE when the view has no area, in which
 * case nothing is named. */
static gboolean area_labels_begin(basemap_reader *reader, area_labels *collect,
                                  double min_share, gboolean keep_area, GArray *labels)
{
    *collect = (area_labels){min_share, keep_area, labels, 0, NULL};
    if (!labels || !reader->view || !GEOSArea_r(reader->geos, reader->view, &collect->view_area) ||
        collect->view_area <= 0)
        return FALSE;
    /* Most areas of a detailed map lie wholly in view or are too small to
     * name: both are told without the costly intersection. */
    collect->view = GEOSPrepare_r(reader->geos, reader->view);
    return TRUE;
}

/* Offers the current feature of layer, its geometry and, when not NULL,
 * clipped, the part of it within the reader's clip (which holds the view:
 * intersecting that smaller part with the view gives the same area). */
static void area_labels_add(basemap_reader *reader, area_labels *collect, cm_gpkg_layer *layer,
                            const GEOSGeometry *geometry, const GEOSGeometry *clipped)
{
    GEOSContextHandle_t geos = reader->geos;
    double west, south, east, north;
    if (!GEOSGeom_getExtent_r(geos, geometry, &west, &south, &east, &north) ||
        (east - west) * (north - south) < collect->min_share * collect->view_area)
        return;
    /* GEOS refuses a few invalid polygons of the shipped data: such an
     * area goes unnamed, which is no read error. */
    GEOSGeometry *visible = NULL;
    if (collect->view && GEOSPreparedContains_r(geos, collect->view, geometry) == 1)
        visible = GEOSGeom_clone_r(geos, geometry);
    else
        visible = GEOSIntersection_r(geos, clipped ? clipped : geometry, reader->view);
    double area = 0;
    if (visible)
        GEOSArea_r(geos, visible, &area);
    double share = area / collect->view_area;
    cm_country_label label = {0};
    if (share >= collect->min_share && label_anchor(geos, visible, &label.anchor)) {
        label.name = g_strdup(cm_gpkg_layer_text(layer, 0));
        label.visible_share = share;
        if (collect->keep_area) {
            label.geos = geos;
            label.area = visible;
            visible = NULL;
        }
        g_array_append_val(collect->labels, label);
    }
    if (visible)
        GEOSGeom_destroy_r(geos, visible);
}

/* Ends collecting: the labels largest first. */
static void area_labels_end(basemap_reader *reader, area_labels *collect)
{
    if (collect->view)
        GEOSPreparedGeom_destroy_r(reader->geos, collect->view);
    if (collect->labels)
        g_array_sort(collect->labels, compare_share);
}

/* The segments a dashed layer has drawn, each by its ends in lon/lat, in
 * an order that does not depend on the direction it was drawn in: province
 * outlines share their boundaries, and a boundary stroked twice, once each
 * way, overlaid two dash patterns at different phases into a near-solid
 * line (and cost twice the stroking). Open addressing, half full at most. */
typedef struct segment_key {
    double x0, y0, x1, y1;
} segment_key;

typedef struct segment_set {
    segment_key *keys;
    guint8 *used;
    size_t capacity; /* a power of two */
    size_t count;
} segment_set;

static void segment_set_free(segment_set *set)
{
    g_free(set->keys);
    g_free(set->used);
}

static size_t segment_slot(const segment_set *set, const segment_key *key)
{
    const double *d = &key->x0;
    guint64 h = 0;
    for (int i = 0; i < 4; i++) {
        guint64 bits;
        memcpy(&bits, &d[i], sizeof bits);
        h = (h ^ bits) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    size_t slot = (size_t)h & (set->capacity - 1);
    while (set->used[slot] && memcmp(&set->keys[slot], key, sizeof *key) != 0)
        slot = (slot + 1) & (set->capacity - 1);
    return slot;
}

/* Adds the segment from (ax, ay) to (bx, by); FALSE when it was there. */
static gboolean segment_set_add(segment_set *set, double ax, double ay, double bx, double by)
{
    /* + 0.0 makes -0 into 0, so that equal ends have equal bits. */
    segment_key key = ax < bx || (ax == bx && ay <= by)
                          ? (segment_key){ax + 0.0, ay + 0.0, bx + 0.0, by + 0.0}
                          : (segment_key){bx + 0.0, by + 0.0, ax + 0.0, ay + 0.0};
    if (2 * (set->count + 1) > set->capacity) {
        segment_set old = *set;
        set->capacity = MAX(old.capacity * 2, 1024);
        set->keys = g_new(segment_key, set->capacity);
        set->used = g_new0(guint8, set->capacity);
        for (size_t i = 0; i < old.capacity; i++)
            if (old.used[i]) {
                size_t slot = segment_slot(set, &old.keys[i]);
                set->keys[slot] = old.keys[i];
                set->used[slot] = 1;
            }
        segment_set_free(&old);
    }
    size_t slot = segment_slot(set, &key);
    if (set->used[slot])
        return FALSE;
    set->keys[slot] = key;
    set->used[slot] = 1;
    set->count++;
    return TRUE;
}

/* The dashes a dashed layer is stroked with: the style's, or the same
 * dashes with square ends (see dash_style_for()), shifted back by shift. */
typedef struct dash_style {
    double dash[4];
    int n_dash;
    double shift;
} dash_style;

/* The dashes for line on cr, and its line cap set on cr. A dash of a line
 * no wider than a pixel looks the same with square ends lengthened by half
 * the width as with round ones, and Cairo strokes it a quarter faster:
 * such dashes on an image are drawn so. Vector output keeps round ends. */
static dash_style dash_style_for(cairo_t *cr, const cm_line_style *line)
{
    dash_style style = {{0}, line->n_dash, 0};
    memcpy(style.dash, line->dash, sizeof style.dash);
    /* Device pixels: a map drawn at --scale 2 or 300 dpi widens its lines. */
    double dx = line->width, dy = 0;
    cairo_user_to_device_distance(cr, &dx, &dy);
    gboolean square = hypot(dx, dy) <= 1 && line->n_dash % 2 == 0 &&
                      cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
    for (int i = 0; square && i < line->n_dash; i += 2)
        square = line->dash[i + 1] > line->width;
    if (!square)
        return style;
    for (int i = 0; i < line->n_dash; i += 2) {
        style.dash[i] += line->width;
        style.dash[i + 1] -= line->width;
    }
    style.shift = line->width / 2;
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    return style;
}

/* Strokes a line or ring of a dashed layer, the parts of it that show and
 * that no earlier feature of the layer drew, each part a stroke of its own
 * whose dashes start at the phase its distance along the line from its
 * first vertex gives them: the dashes of what is drawn lie where drawing
 * the whole line would put them, whatever was left out before it, so they
 * are alike in a tile and its metatile, which leave out different parts.
 * Leaving out what lies off the frame spares the stroker. */
static void stroke_dashed_line(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                               const GEOSGeometry *line, const dash_style *style,
                               segment_set *drawn)
{
    double *x, *y;
    unsigned n = line_vertices(reader, line, &x, &y);
    if (n == 0)
        return;
    g_array_set_size(reader->pixels, 4 * (size_t)n);
    double *px = (double *)(void *)reader->pixels->data, *py = px + n;
    double *run_x = py + n, *run_y = run_x + n;
    memcpy(px, x, n * sizeof *px);
    memcpy(py, y, n * sizeof *py);
    cm_projection_forward(frame->projection, px, py, n);
    for (unsigned i = 0; i < n; i++)
        if (px[i] != HUGE_VAL)
            cm_frame_to_pixel(frame, px[i], py[i], &px[i], &py[i]);
    /* Far enough round the frame that no cap, join or bend of what is
     * left out could show. */
    double margin = MAX(CLIP_MARGIN_MIN, CLIP_MARGIN_SHARE * MAX(frame->width, frame->height));
    double x0 = -margin, y0 = -margin, x1 = frame->width + margin, y1 = frame->height + margin;
    double along = 0, run_along = 0;
    unsigned run_start = 0;
    gboolean in_run = FALSE;
    for (unsigned i = 0; i < n; i++) {
        gboolean shown = FALSE;
        if (i + 1 < n && px[i] != HUGE_VAL && px[i + 1] != HUGE_VAL) {
            gboolean off = (px[i] < x0 && px[i + 1] < x0) || (px[i] > x1 && px[i + 1] > x1) ||
                           (py[i] < y0 && py[i + 1] < y0) || (py[i] > y1 && py[i + 1] > y1);
            shown = !off && segment_set_add(drawn, x[i], y[i], x[i + 1], y[i + 1]);
        }
        if (shown && !in_run) {
            in_run = TRUE;
            run_start = i;
            run_along = along;
        } else if (!shown && in_run) {
            /* Vertices run_start to i. A ring drawn whole stays a ring. */
            unsigned count = i - run_start + 1;
            memcpy(run_x, x + run_start, count * sizeof *run_x);
            memcpy(run_y, y + run_start, count * sizeof *run_y);
            cm_draw_geo_polyline(cr, frame, run_x, run_y, count, FALSE);
            cairo_set_dash(cr, style->dash, style->n_dash, run_along + style->shift);
            cairo_stroke(cr);
            in_run = FALSE;
        }
        if (i + 1 < n && px[i] != HUGE_VAL && px[i + 1] != HUGE_VAL)
            along += hypot(px[i + 1] - px[i], py[i + 1] - py[i]);
    }
}

/* Strokes geometry's lines and rings with stroke_dashed_line(). */
static void stroke_dashed_geometry(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                                   const GEOSGeometry *geometry, const dash_style *style,
                                   segment_set *drawn)
{
    GEOSContextHandle_t geos = reader->geos;
    switch (GEOSGeomTypeId_r(geos, geometry)) {
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        stroke_dashed_line(reader, cr, frame, geometry, style, drawn);
        break;
    case GEOS_POLYGON:
        stroke_dashed_line(reader, cr, frame, GEOSGetExteriorRing_r(geos, geometry), style,
                           drawn);
        for (int i = 0; i < GEOSGetNumInteriorRings_r(geos, geometry); i++)
            stroke_dashed_line(reader, cr, frame, GEOSGetInteriorRingN_r(geos, geometry, i),
                               style, drawn);
        break;
    case GEOS_MULTILINESTRING:
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION:
        for (int i = 0; i < GEOSGetNumGeometries_r(geos, geometry); i++)
            stroke_dashed_geometry(reader, cr, frame, GEOSGetGeometryN_r(geos, geometry, i),
                                   style, drawn);
        break;
    default:
        break;
    }
}

/* Fills or strokes every feature of a layer; fill_color_of, when given,
 * picks a fill per feature; collect, when not NULL, gathers the names of
 * its areas. */
typedef gboolean (*feature_fill_fn)(cm_gpkg_layer *feature, const cm_style *style,
                                    cm_rgba *color);

static cm_status draw_layer(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                            const char *name, const char *const *columns,
                            const cm_style *style, feature_fill_fn fill_of,
                            const cm_rgba *fill, const cm_line_style *line,
                            area_labels *collect)
{
    cm_gpkg_layer *layer = open_layer(reader, name, columns);
    if (!layer)
        return CM_ERR_DATA;
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    gboolean dashed = line && line->n_dash > 0;
    segment_set drawn = {NULL, NULL, 0, 0};
    while (next_in_view(reader, layer)) {
        GEOSGeometry *geometry = cm_gpkg_layer_geometry(layer);
        if (!geometry)
            continue;
        GEOSGeometry *clipped =
            clip_geometry(reader->geos, &reader->clip, geometry);
        const GEOSGeometry *shown = clipped ? clipped : geometry;
        if (collect)
            area_labels_add(reader, collect, layer, geometry, clipped);
        cm_rgba color;
        if (fill_of && fill_of(layer, style, &color)) {
            add_geometry_path(reader, cr, frame, shown);
            cm_draw_set_color(cr, color);
            cairo_fill(cr);
        } else if (fill) {
            add_geometry_path(reader, cr, frame, shown);
            cm_draw_set_color(cr, *fill);
            cairo_fill(cr);
        }
        if (dashed) {
            cm_draw_set_line(cr, line);
            dash_style dashes = dash_style_for(cr, line);
            stroke_dashed_geometry(reader, cr, frame, geometry, &dashes, &drawn);
        } else if (line) {
            add_geometry_path(reader, cr, frame, shown);
            cm_draw_set_line(cr, line);
            cairo_stroke(cr);
        }
        if (clipped)
            GEOSGeom_destroy_r(reader->geos, clipped);
        GEOSGeom_destroy_r(reader->geos, geometry);
    }
    segment_set_free(&drawn);
    return read_status(reader);
}

/* The overview's own reading of a feature: its WKB walked line by line
 * (ring by ring), each thinned, then cut to the clip's box, and added to
 * cr's path. Through GEOS the whole unthinned geometry was built and cut
 * before it was thinned: half the overview's instructions. */
typedef struct wkb_cursor {
    const unsigned char *p, *end;
    gboolean swap; /* the WKB's byte order is not the machine's */
} wkb_cursor;

static gboolean wkb_u32(wkb_cursor *c, guint32 *value)
{
    if (c->end - c->p < 4)
        return FALSE;
    memcpy(value, c->p, 4);
    c->p += 4;
    if (c->swap)
        *value = GUINT32_SWAP_LE_BE(*value);
    return TRUE;
}

/* A pass against one side of the box keeps the points inside and adds one
 * where an edge crosses it; as every crossing out is followed by a point
 * outside, a ring of k points becomes at most 1.5 k, and the four passes
 * at most 1.5^4 n < 6 n (a zig-zag across two corners comes near it). */
#define CUT_RING_ROOM(n) (6 * (size_t)(n) + 8)

/* Cuts the closed ring x, y of n points (last equal to first) to the box
 * west..east x south..north, Sutherland-Hodgman, into out_x, out_y, closed
 * again; returns its points, 0 when nothing is left. out_x and out_y have
 * room for CUT_RING_ROOM(n) points, as have the scratch arrays tmp_x, tmp_y. */
static unsigned cut_ring(const view_clip *box, const double *x, const double *y, unsigned n,
                         double *out_x, double *out_y, double *tmp_x, double *tmp_y)
{
    const double *in_x = x, *in_y = y;
    unsigned count = n - 1; /* the closing point aside */
    for (int edge = 0; edge < 4 && count > 0; edge++) {
        /* Alternate buffers so that the last pass writes into out. */
        double *to_x = edge % 2 ? out_x : tmp_x, *to_y = edge % 2 ? out_y : tmp_y;
        int axis = edge / 2; /* 0: x against west, east; 1: y against south, north */
        double limit = edge == 0 ? box->west : edge == 1 ? box->east
                       : edge == 2 ? box->south : box->north;
        double sign = edge % 2 ? -1 : 1;
        unsigned kept = 0;
        for (unsigned i = 0; i < count; i++) {
            unsigned j = i + 1 == count ? 0 : i + 1;
            double dp = sign * ((axis ? in_y[i] : in_x[i]) - limit);
            double dq = sign * ((axis ? in_y[j] : in_x[j]) - limit);
            if (dp >= 0) {
                to_x[kept] = in_x[i];
                to_y[kept++] = in_y[i];
            }
            if ((dp >= 0) != (dq >= 0)) {
                double t = dp / (dp - dq);
                to_x[kept] = in_x[i] + t * (in_x[j] - in_x[i]);
                to_y[kept++] = in_y[i] + t * (in_y[j] - in_y[i]);
            }
        }
        in_x = to_x;
        in_y = to_y;
        count = kept;
    }
    if (count < 3)
        return 0;
    out_x[count] = out_x[0];
    out_y[count] = out_y[0];
    return count + 1;
}

/* Adds to cr's path the runs of the line x, y (n points) inside the box,
 * each segment cut where it leaves it (Liang-Barsky). run_x, run_y have
 * room for n points. */
static void add_cut_line(cairo_t *cr, const cm_frame *frame, const view_clip *box,
                         const double *x, const double *y, unsigned n, double *run_x,
                         double *run_y)
{
    unsigned count = 0;
    for (unsigned i = 0; i + 1 < n; i++) {
        double dx = x[i + 1] - x[i], dy = y[i + 1] - y[i];
        const double p[4] = {-dx, dx, -dy, dy};
        const double q[4] = {x[i] - box->west, box->east - x[i], y[i] - box->south,
                             box->north - y[i]};
        double t0 = 0, t1 = 1;
        gboolean inside = TRUE;
        for (int k = 0; k < 4 && inside; k++) {
            if (p[k] == 0)
                inside = q[k] >= 0;
            else if (p[k] < 0)
                t0 = MAX(t0, q[k] / p[k]);
            else
                t1 = MIN(t1, q[k] / p[k]);
            inside = inside && t0 <= t1;
        }
        if (inside && count == 0) {
            run_x[0] = x[i] + t0 * dx;
            run_y[0] = y[i] + t0 * dy;
            count = 1;
        }
        if (inside) {
            run_x[count] = x[i] + t1 * dx;
            run_y[count++] = y[i] + t1 * dy;
        }
        /* The run ends where the line leaves the box. */
        if (count > 0 && (!inside || t1 < 1)) {
            if (count >= 2)
                cm_draw_geo_polyline(cr, frame, run_x, run_y, count, FALSE);
            count = 0;
        }
    }
    if (count >= 2)
        cm_draw_geo_polyline(cr, frame, run_x, run_y, count, FALSE);
}

/* Reads a line or ring of n points at the cursor, thins it, cuts it to
 * the clip's box and adds it to cr's path; FALSE when the WKB ends early. */
static gboolean add_wkb_line(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                             wkb_cursor *c, gboolean ring)
{
    guint32 n;
    if (!wkb_u32(c, &n) || (size_t)(c->end - c->p) / 16 < n)
        return FALSE;
    g_array_set_size(reader->xs, n);
    g_array_set_size(reader->ys, n);
    double *x = (double *)(void *)reader->xs->data, *y = (double *)(void *)reader->ys->data;
    for (guint32 i = 0; i < n; i++, c->p += 16) {
        guint64 bits[2];
        memcpy(bits, c->p, sizeof bits);
        if (c->swap) {
            bits[0] = GUINT64_SWAP_LE_BE(bits[0]);
            bits[1] = GUINT64_SWAP_LE_BE(bits[1]);
        }
        memcpy(&x[i], &bits[0], sizeof x[i]);
        memcpy(&y[i], &bits[1], sizeof y[i]);
    }
    if (n < 2 || (n = cm_draw_thin_line(x, y, n, reader->simplify_deg, reader->keep)) < 2)
        return TRUE;
    const view_clip *box = &reader->clip;
    gboolean within = box->kind != CLIP_RECT;
    if (!within) {
        double west = x[0], east = x[0], south = y[0], north = y[0];
        for (unsigned i = 1; i < n; i++) {
            west = MIN(west, x[i]);
            east = MAX(east, x[i]);
            south = MIN(south, y[i]);
            north = MAX(north, y[i]);
        }
        within = west >= box->west && east <= box->east && south >= box->south &&
                 north <= box->north;
    }
    if (within) {
        cm_draw_geo_polyline(cr, frame, x, y, n, FALSE);
        return TRUE;
    }
    size_t room = CUT_RING_ROOM(n);
    g_array_set_size(reader->pixels, 4 * room);
    double *out_x = (double *)(void *)reader->pixels->data, *out_y = out_x + room;
    double *tmp_x = out_y + room, *tmp_y = tmp_x + room;
    if (ring && n > 3) {
        unsigned cut = cut_ring(box, x, y, n, out_x, out_y, tmp_x, tmp_y);
        if (cut > 3)
            cm_draw_geo_polyline(cr, frame, out_x, out_y, cut, FALSE);
    } else {
        add_cut_line(cr, frame, box, x, y, n, out_x, out_y);
    }
    return TRUE;
}

/* Adds the 2D lines, polygons and their collections at the cursor to cr's
 * path; FALSE for anything else or a WKB that ends early. */
static gboolean add_wkb_path(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                             wkb_cursor *c)
{
    guint32 type, count;
    if (c->p >= c->end)
        return FALSE;
    c->swap = (*c->p++ == 1) != (G_BYTE_ORDER == G_LITTLE_ENDIAN);
    if (!wkb_u32(c, &type))
        return FALSE;
    switch (type) {
    case 2: /* LineString */
        return add_wkb_line(reader, cr, frame, c, FALSE);
    case 3: /* Polygon */
        if (!wkb_u32(c, &count))
            return FALSE;
        for (guint32 i = 0; i < count; i++)
            if (!add_wkb_line(reader, cr, frame, c, TRUE))
                return FALSE;
        return TRUE;
    case 5: /* MultiLineString */
    case 6: /* MultiPolygon */
        if (!wkb_u32(c, &count))
            return FALSE;
        for (guint32 i = 0; i < count; i++)
            if (!add_wkb_path(reader, cr, frame, c))
                return FALSE;
        return TRUE;
    default:
        return FALSE;
    }
}

/* Fills or strokes every feature of a layer of an overview through
 * add_wkb_path(); a feature that is no 2D line or polygon goes through
 * GEOS as in draw_layer(). */
static cm_status draw_overview_layer(basemap_reader *reader, cairo_t *cr, const cm_frame *frame,
                                     const char *name, const char *const *columns,
                                     const cm_style *style, feature_fill_fn fill_of,
                                     const cm_rgba *fill, const cm_line_style *line)
{
    cm_gpkg_layer *layer = open_layer(reader, name, columns);
    if (!layer)
        return CM_ERR_DATA;
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    while (next_in_view(reader, layer)) {
        size_t size = 0;
        const unsigned char *wkb = cm_gpkg_layer_wkb(layer, &size);
        if (!wkb)
            continue;
        wkb_cursor cursor = {wkb, wkb + size, FALSE};
        cairo_new_path(cr);
        if (!add_wkb_path(reader, cr, frame, &cursor)) {
            cairo_new_path(cr);
            GEOSGeometry *geometry = cm_gpkg_layer_geometry(layer);
            if (!geometry)
                continue;
            GEOSGeometry *clipped = clip_geometry(reader->geos, &reader->clip, geometry);
            add_geometry_path(reader, cr, frame, clipped ? clipped : geometry);
            if (clipped)
                GEOSGeom_destroy_r(reader->geos, clipped);
            GEOSGeom_destroy_r(reader->geos, geometry);
        }
        cm_rgba color;
        gboolean filled = fill_of ? fill_of(layer, style, &color) : fill != NULL;
        if (filled) {
            cm_draw_set_color(cr, fill_of ? color : *fill);
            if (line)
                cairo_fill_preserve(cr);
            else
                cairo_fill(cr);
        }
        if (line) {
            cm_draw_set_line(cr, line);
            cairo_stroke(cr);
        }
    }
    return read_status(reader);
}

gboolean cm_area_label_holds(const cm_country_label *label, const cm_frame *frame,
                             double half_width, double half_height)
{
    enum { SAMPLES = 8 };
    double px, py;
    if (!label->area || !cm_frame_geo_to_pixel(frame, label->anchor, &px, &py))
        return FALSE;
    /* The box's outline, sampled: its edges are curves in lon/lat. */
    double xs[4 * SAMPLES + 1], ys[4 * SAMPLES + 1];
    unsigned n = 0;
    for (int i = 0; i < 4 * SAMPLES; i++) {
        cm_geo_point p;
        if (!box_outline_sample(frame, px - half_width, py - half_height, px + half_width,
                                py + half_height, SAMPLES, i, &p))
            return FALSE;
        xs[n] = p.lon;
        ys[n++] = p.lat;
    }
    xs[n] = xs[0];
    ys[n++] = ys[0];
    GEOSContextHandle_t geos = label->geos;
    GEOSGeometry *box = ring_polygon(geos, xs, ys, n);
    gboolean holds = box && GEOSContains_r(geos, label->area, box) == 1;
    if (box)
        GEOSGeom_destroy_r(geos, box);
    return holds;
}

void cm_country_labels_free(GArray *labels)
{
    if (!labels)
        return;
    for (guint i = 0; i < labels->len; i++) {
        cm_country_label *label = &g_array_index(labels, cm_country_label, i);
        g_free(label->name);
        if (label->area)
            GEOSGeom_destroy_r(label->geos, label->area);
    }
    g_array_free(labels, TRUE);
}

/* Draws the sea and, in style order, every basemap layer of an overview
 * (countries and borders only) or of the full map, clipped to the frame;
 * collects country and province labels into those not NULL. */
static cm_status draw_basemap(cm_context *context, cairo_t *cr, const cm_frame *frame,
                              const cm_style *style, gboolean overview, GArray *labels,
                              GArray *province_labels)
{
    char *path = cm_data_path(context, CM_BASEMAP_FILE);
    const char *reason;
    basemap_reader reader = {context, cm_context_geos(context), cm_context_basemap(context, &reason),
                             path, {0}, {0}, NULL, {CLIP_NONE, 0, 0, 0, 0, NULL, NULL},
                             NULL, NULL, NULL, NULL, FALSE, 0};
    /* An overview is a few hundred pixels across: vertices closer than
     * half a pixel only cost projecting and rasterising. Its features are
     * cut to the view's box alone: what of the box lies outside the view
     * takes little drawing once thinned, and the general intersection of
     * the unthinned features cost more than all of it. */
    if (overview)
        reader.simplify_deg = OVERVIEW_SIMPLIFY_PX / (frame->px_per_m * CM_METRES_PER_DEGREE);
    if (!reader.gpkg) {
        cm_status status = cm_fail(context, CM_ERR_DATA, "cannot open basemap %s: %s", path,
                                   reason);
        g_free(path);
        return status;
    }
    reader.view = frame_outline(reader.geos, frame, &reader.sw, &reader.ne);
    reader.clip = clip_region(reader.geos, frame, reader.sw, reader.ne, overview);
    reader.xs = g_array_new(FALSE, FALSE, sizeof(double));
    reader.ys = g_array_new(FALSE, FALSE, sizeof(double));
    reader.keep = g_array_new(FALSE, FALSE, 1);
    reader.pixels = g_array_new(FALSE, FALSE, sizeof(double));

    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, frame->width, frame->height);
    cairo_clip(cr);
    cm_draw_set_color(cr, style->sea);
    cairo_paint(cr);
    /* Layers in drawing order; an overview keeps only the political map. */
    static const char *const no_columns[] = {NULL};
    const struct {
        const char *name;
        const char *const *columns;
        gboolean in_overview;
        feature_fill_fn fill_of;
        const cm_rgba *fill;
        const cm_line_style *line;
        GArray *labels;     /* the names the layer's drawing gathers, or NULL */
        double min_share;
        gboolean keep_area;
    } layers[] = {
        {"countries", country_columns, TRUE, country_fill, NULL, NULL, labels, MIN_LABEL_SHARE,
         FALSE},
        {"lakes", no_columns, FALSE, NULL, &style->lakes, NULL, NULL, 0, FALSE},
        {"rivers", no_columns, FALSE, NULL, NULL, &style->rivers, NULL, 0, FALSE},
        {"admin1", province_labels ? province_columns : no_columns, FALSE, NULL, NULL,
         &style->admin1, province_labels, MIN_PROVINCE_LABEL_SHARE, TRUE},
        {"coastline", no_columns, FALSE, NULL, NULL, &style->coastline, NULL, 0, FALSE},
        {"disputed", no_columns, FALSE, NULL, NULL, &style->disputed, NULL, 0, FALSE},
        {"borders", no_columns, TRUE, NULL, NULL, &style->borders, NULL, 0, FALSE},
    };
    cm_status status = CM_OK;
    for (size_t i = 0; i < G_N_ELEMENTS(layers) && status == CM_OK; i++) {
        if (overview && !layers[i].in_overview)
            continue;
        /* Names are gathered as the layer is drawn: reading it again
         * cost a tenth of the render. */
        area_labels collect;
        gboolean collecting = area_labels_begin(&reader, &collect, layers[i].min_share,
                                                layers[i].keep_area, layers[i].labels);
        status = overview ? draw_overview_layer(&reader, cr, frame, layers[i].name,
                                                layers[i].columns, style, layers[i].fill_of,
                                                layers[i].fill, layers[i].line)
                          : draw_layer(&reader, cr, frame, layers[i].name, layers[i].columns,
                                       style, layers[i].fill_of, layers[i].fill,
                                       layers[i].line, collecting ? &collect : NULL);
        area_labels_end(&reader, &collect);
    }
    cairo_restore(cr);

    if (reader.view)
        GEOSGeom_destroy_r(reader.geos, reader.view);
    if (reader.clip.inside)
        GEOSPreparedGeom_destroy_r(reader.geos, reader.clip.inside);
    if (reader.clip.outline)
        GEOSGeom_destroy_r(reader.geos, reader.clip.outline);
    g_array_free(reader.xs, TRUE);
    g_array_free(reader.ys, TRUE);
    g_array_free(reader.keep, TRUE);
    g_array_free(reader.pixels, TRUE);
    g_free(path);
    return status;
}

cm_status cm_basemap_draw(cm_context *context, cairo_t *cr, const cm_frame *frame,
                          const cm_style *style, GArray *labels, GArray *province_labels)
{
    return draw_basemap(context, cr, frame, style, FALSE, labels, province_labels);
}

cm_status cm_basemap_draw_overview(cm_context *context, cairo_t *cr, const cm_frame *frame,
                                   const cm_style *style)
{
    return draw_basemap(context, cr, frame, style, TRUE, NULL, NULL);
}
