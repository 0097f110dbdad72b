/* The roads layer (see roadlayer.h): reads the roads meeting a frame and
 * draws them bucket by bucket, each bucket's lines one Cairo path. */
#include "roadlayer.h"

#include <math.h>
#include <string.h>

#include "core/geopackage.h"
#include "draw.h"
#include "roads/road-tiers.h"
#include "roads/roads-files.h"

/* The columns of roads.gpkg's layers, as the importer writes them. */
static const char *const road_columns[] = {"class", "ref", "bridge", "tunnel", NULL};
enum { COLUMN_CLASS, COLUMN_REF, COLUMN_BRIDGE, COLUMN_TUNNEL };

/* Pixels read beyond each side of the frame, so that the casing of a road
 * just outside still reaches in (and tiles meet at their seams). */
#define READ_MARGIN_PX 32.0
/* Road lines are thinned to this many pixels before they are drawn: OSM
 * puts a vertex every few metres, and the stroker's time goes with the
 * vertices (a pixel takes a third off the layer on the Monaco map, and
 * cannot be seen on a line drawn with round joins). */
#define THIN_PX 1.0
/* How far (pixels) Cairo's round joins and caps may stray from circles. */
#define STROKE_TOLERANCE_PX 0.25
/* Points sampled along each edge of the frame to find its extent. */
#define FRAME_EDGE_SAMPLES 16
/* A road whose fill is narrower than this (pixels) has no casing: at that
 * width a casing reads as the road's colour, not as its edge, so the fill
 * is drawn alone over the casing's width (the road's place on the map
 * unchanged), one stroke instead of two. */
#define MIN_CASED_FILL_PX 1.5
/* A road this short on the map (pixels) carries no shield. */
#define MIN_SHIELD_ROAD_PX 24.0
/* A longer part of a ref is no road number a shield can hold. */
#define MAX_REF_LENGTH 10

/* Drawn bottom first: tunnels, the ground, bridges. */
typedef enum road_level { LEVEL_TUNNEL, LEVEL_GROUND, LEVEL_BRIDGE, N_LEVELS } road_level;

struct cm_road_source {
    char *gpkg_path;
    char *fingerprint;
};

/* The context's connection to one roads.gpkg (cm_context_set_data()). */
typedef struct road_connection {
    char *path;
    cm_geopackage *gpkg;
} road_connection;

#define CONNECTION_KEY "cm-roads-drawing"

static void road_connection_free(road_connection *connection)
{
    cm_geopackage_free(connection->gpkg);
    g_free(connection->path);
    g_free(connection);
}

/* One road read: its class group, whether a _link, its level, its points
 * (start..start+n-1 of the set's lon, lat) and its ref (index into refs,
 * or -1). */
typedef struct road_line {
    cm_road_group group;
    gboolean link;
    road_level level;
    guint start, n;
    int ref;
} road_line;

typedef struct road_set {
    GArray *lines; /* of road_line */
    GArray *lon, *lat;
    GPtrArray *refs; /* of char*, owned */
} road_set;

static void road_set_clear(road_set *set)
{
    g_array_free(set->lines, TRUE);
    g_array_free(set->lon, TRUE);
    g_array_free(set->lat, TRUE);
    g_ptr_array_free(set->refs, TRUE);
}

/* The class group of an OSM highway value (its _link too, *link set);
 * -1 for what the layer does not draw. */
static int road_group_of(const char *highway, gboolean *link)
{
    static const struct {
        const char *name;
        cm_road_group group;
    } classes[] = {
        {"motorway", CM_ROAD_MOTORWAY},   {"trunk", CM_ROAD_TRUNK},
        {"primary", CM_ROAD_PRIMARY},     {"secondary", CM_ROAD_SECONDARY},
        {"tertiary", CM_ROAD_TERTIARY},   {"residential", CM_ROAD_MINOR},
        {"unclassified", CM_ROAD_MINOR},  {"service", CM_ROAD_MINOR},
        {"living_street", CM_ROAD_MINOR}, {"road", CM_ROAD_MINOR},
        {"track", CM_ROAD_TRACK},
    };
    size_t length = strlen(highway);
    *link = g_str_has_suffix(highway, "_link");
    if (*link)
        length -= strlen("_link");
    for (size_t i = 0; i < G_N_ELEMENTS(classes); i++)
        if (strlen(classes[i].name) == length && strncmp(classes[i].name, highway, length) == 0)
            return classes[i].group;
    return -1;
}

/* The context's open roads.gpkg at path, opened on first use; NULL with
 * the failure on context. */
static cm_geopackage *connection_for(cm_context *context, const char *path)
{
    road_connection *connection = cm_context_get_data(context, CONNECTION_KEY);
    if (connection && strcmp(connection->path, path) == 0)
        return connection->gpkg;
    char *error = NULL;
    cm_geopackage *gpkg = cm_geopackage_open(context, path, &error);
    if (!gpkg) {
        cm_fail(context, CM_ERR_INPUT, "roads database %s: %s", path, error);
        g_free(error);
        return NULL;
    }
    connection = g_new0(road_connection, 1);
    connection->path = g_strdup(path);
    connection->gpkg = gpkg;
    cm_context_set_data(context, CONNECTION_KEY, connection,
                        (GDestroyNotify)road_connection_free);
    return gpkg;
}

/* The query of roads.gpkg's layer name on context's connection, whose
 * GeoPackage goes to *gpkg; NULL with the failure on context. */
static cm_gpkg_layer *roads_layer(const cm_road_source *source, cm_context *context,
                                  const char *name, cm_geopackage **gpkg_out)
{
    cm_geopackage *gpkg = *gpkg_out = connection_for(context, source->gpkg_path);
    if (!gpkg)
        return NULL;
    gboolean missing;
    cm_gpkg_layer *layer = cm_geopackage_layer(gpkg, name, road_columns, &missing);
    if (!layer && missing)
        cm_fail(context, CM_ERR_INPUT, "roads database %s: no layer '%s' (made by "
                "'convoymap roads import'?)", source->gpkg_path, name);
    else if (!layer)
        cm_fail(context, CM_ERR_INPUT, "roads database %s: %s", source->gpkg_path,
                cm_geopackage_error(gpkg));
    return layer;
}

cm_road_source *cm_road_source_open(cm_context *context, const char *path)
{
    char *manifest = g_build_filename(path, CM_ROADS_MANIFEST, NULL);
    char *text = NULL;
    gsize length = 0;
    gboolean read = g_file_get_contents(manifest, &text, &length, NULL);
    g_free(manifest);
    if (!read) {
        cm_fail(context, CM_ERR_INPUT, "roads database %s has no readable %s (make one with "
                "'convoymap roads import')", path, CM_ROADS_MANIFEST);
        return NULL;
    }
    /* An older database lacks the layers this version reads. */
    if (cm_roads_manifest_check(context, path, text, length) != CM_OK) {
        g_free(text);
        return NULL;
    }
    cm_road_source *source = g_new0(cm_road_source, 1);
    source->gpkg_path = g_build_filename(path, CM_ROADS_GPKG, NULL);
    source->fingerprint =
        g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)text, length);
    g_free(text);
    /* SQLite opens a missing file read-only without a word: look first. */
    if (!g_file_test(source->gpkg_path, G_FILE_TEST_IS_REGULAR)) {
        cm_fail(context, CM_ERR_INPUT, "roads database %s has no %s (made by an older "
                "'convoymap roads import'? import it again)", path, CM_ROADS_GPKG);
        cm_road_source_free(source);
        return NULL;
    }
    static const char *const layers[] = {CM_ROAD_LAYER_ALL, CM_ROAD_LAYER_MAIN,
                                         CM_ROAD_LAYER_TRUNK};
    cm_geopackage *gpkg;
    for (size_t i = 0; i < G_N_ELEMENTS(layers); i++)
        if (!roads_layer(source, context, layers[i], &gpkg)) {
            cm_road_source_free(source);
            return NULL;
        }
    return source;
}

void cm_road_source_free(cm_road_source *source)
{
    if (!source)
        return;
    g_free(source->gpkg_path);
    g_free(source->fingerprint);
    g_free(source);
}

const char *cm_road_source_fingerprint(const cm_road_source *source)
{
    return source->fingerprint;
}

/* The longitude-latitude box of frame and READ_MARGIN_PX around it, from
 * points along its edges; the whole world when an edge cannot be
 * unprojected or the box would cross the antimeridian. */
static void frame_box(const cm_frame *frame, double *west, double *south, double *east,
                      double *north)
{
    *west = *south = HUGE_VAL;
    *east = *north = -HUGE_VAL;
    double x0 = -READ_MARGIN_PX, y0 = -READ_MARGIN_PX;
    double x1 = frame->width + READ_MARGIN_PX, y1 = frame->height + READ_MARGIN_PX;
    gboolean whole = TRUE;
    for (int edge = 0; edge < 4 && whole; edge++)
        for (int k = 0; k <= FRAME_EDGE_SAMPLES && whole; k++) {
            double t = (double)k / FRAME_EDGE_SAMPLES;
            double x = edge == 0 ? x0 + t * (x1 - x0) : edge == 1 ? x1
                       : edge == 2 ? x1 - t * (x1 - x0) : x0;
            double y = edge == 0 ? y0 : edge == 1 ? y0 + t * (y1 - y0)
                       : edge == 2 ? y1 : y1 - t * (y1 - y0);
            cm_geo_point p;
            whole = cm_frame_pixel_to_geo(frame, x, y, &p);
            if (whole) {
                *west = MIN(*west, p.lon);
                *east = MAX(*east, p.lon);
                *south = MIN(*south, p.lat);
                *north = MAX(*north, p.lat);
            }
        }
    if (!whole || *east - *west > 180) {
        *west = -180;
        *east = 180;
        *south = -90;
        *north = 90;
    }
}

/* Appends the points of a line string to set; FALSE when GEOS fails. */
static gboolean append_points(GEOSContextHandle_t geos, const GEOSGeometry *line,
                              road_set *set, guint *n)
{
    const GEOSCoordSequence *sequence = GEOSGeom_getCoordSeq_r(geos, line);
    unsigned size = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(geos, sequence, &size))
        return FALSE;
    guint start = set->lon->len;
    g_array_set_size(set->lon, start + size);
    g_array_set_size(set->lat, start + size);
    *n = size;
    return GEOSCoordSeq_copyToArrays_r(geos, sequence, &g_array_index(set->lon, double, start),
                                       &g_array_index(set->lat, double, start), NULL,
                                       NULL) != 0;
}

/* Adds ref's road numbers to set's refs: OSM separates a road's numbers
 * with ';', and puts a name where a number belongs often enough that a
 * part without a digit is left out. Returns the index of the shield text,
 * or -1 when no number is left. */
static int add_ref(road_set *set, const char *ref)
{
    char **parts = g_strsplit(ref, ";", -1);
    GString *text = g_string_new(NULL);
    for (char **part = parts; *part; part++) {
        const char *number = g_strstrip(*part);
        if (strlen(number) > MAX_REF_LENGTH || !strpbrk(number, "0123456789"))
            continue;
        g_string_append_printf(text, "%s%s", text->len ? " / " : "", number);
    }
    g_strfreev(parts);
    if (text->len == 0) {
        g_string_free(text, TRUE);
        return -1;
    }
    g_ptr_array_add(set->refs, g_string_free(text, FALSE));
    return (int)set->refs->len - 1;
}

/* The smallest layer of roads.gpkg that holds every class group style
 * shows at zoom (road-tiers.h). */
static const char *layer_for_zoom(const cm_style *style, double zoom)
{
    cm_road_group smallest_shown = CM_ROAD_N_GROUPS;
    for (int group = 0; group < CM_ROAD_N_GROUPS; group++)
        if (zoom >= style->roads.min_zoom[group])
            smallest_shown = MIN(smallest_shown, (cm_road_group)group);
    return smallest_shown >= CM_ROAD_PRIMARY    ? CM_ROAD_LAYER_TRUNK
           : smallest_shown >= CM_ROAD_TERTIARY ? CM_ROAD_LAYER_MAIN
                                                : CM_ROAD_LAYER_ALL;
}

/* The roads of source that meet frame and that style shows at zoom, with
 * their refs when with_refs. CM_OK, or the failure on context (set is
 * then left empty). */
static cm_status read_roads(const cm_road_source *source, cm_context *context,
                            const cm_frame *frame, const cm_style *style, double zoom,
                            gboolean with_refs, road_set *set)
{
    *set = (road_set){g_array_new(FALSE, FALSE, sizeof(road_line)),
                      g_array_new(FALSE, FALSE, sizeof(double)),
                      g_array_new(FALSE, FALSE, sizeof(double)),
                      g_ptr_array_new_with_free_func(g_free)};
    cm_geopackage *gpkg;
    cm_gpkg_layer *layer = roads_layer(source, context, layer_for_zoom(style, zoom), &gpkg);
    if (!layer)
        return cm_context_status(context);
    double west, south, east, north;
    frame_box(frame, &west, &south, &east, &north);
    cm_gpkg_layer_select(layer, west, south, east, north);
    GEOSContextHandle_t geos = cm_context_geos(context);
    gboolean broken = FALSE;
    while (!broken && cm_gpkg_layer_next(layer)) {
        road_line road = {0};
        int group = road_group_of(cm_gpkg_layer_text(layer, COLUMN_CLASS), &road.link);
        if (group < 0 || zoom < style->roads.min_zoom[group])
            continue;
        road.group = (cm_road_group)group;
        road.level = cm_gpkg_layer_int(layer, COLUMN_TUNNEL)   ? LEVEL_TUNNEL
                     : cm_gpkg_layer_int(layer, COLUMN_BRIDGE) ? LEVEL_BRIDGE
                                                               : LEVEL_GROUND;
        const char *ref = cm_gpkg_layer_text(layer, COLUMN_REF);
        road.ref = -1;
        if (with_refs && *ref)
            road.ref = add_ref(set, ref);
        GEOSGeometry *geometry = cm_gpkg_layer_geometry(layer);
        if (!geometry)
            continue; /* empty, or broken: cm_gpkg_layer_next() then stops */
        gboolean multi = GEOSGeomTypeId_r(geos, geometry) == GEOS_MULTILINESTRING;
        int parts = multi ? GEOSGetNumGeometries_r(geos, geometry) : 1;
        for (int i = 0; i < parts && !broken; i++) {
            const GEOSGeometry *line = multi ? GEOSGetGeometryN_r(geos, geometry, i) : geometry;
            road.start = set->lon->len;
            broken = GEOSGeomTypeId_r(geos, line) != GEOS_LINESTRING ||
                     !append_points(geos, line, set, &road.n);
            if (!broken && road.n >= 2)
                g_array_append_val(set->lines, road);
        }
        GEOSGeom_destroy_r(geos, geometry);
    }
    const char *error = cm_geopackage_error(gpkg);
    if (broken || error) {
        cm_status status = cm_fail(context, CM_ERR_DATA, "roads database %s: %s",
                                   source->gpkg_path,
                                   error ? error : "a road is not a line string");
        g_array_set_size(set->lines, 0);
        return status;
    }
    return CM_OK;
}

/* The fill width of a road of group (a _link when link) at zoom, pixels. */
static double road_width(const cm_road_style *roads, cm_road_group group, gboolean link,
                         double zoom)
{
    return roads->width[group] * pow(roads->width_growth, zoom - roads->width_zoom) *
           (link ? roads->link_width : 1);
}

/* Buckets drawn in turn: level, then class group, links under their class. */
#define N_BUCKETS (N_LEVELS * CM_ROAD_N_GROUPS * 2)

static int bucket_of(const road_line *road)
{
    return ((int)road->level * CM_ROAD_N_GROUPS + (int)road->group) * 2 + (road->link ? 0 : 1);
}

/* Each bucket's lines as one path of cr, projected once (NULL for an empty
 * bucket); cairo_path_destroy() each. */
static void build_paths(cairo_t *cr, const cm_frame *frame, const road_set *set,
                        cairo_path_t *paths[N_BUCKETS])
{
    GArray *x = g_array_new(FALSE, FALSE, sizeof(double));
    GArray *y = g_array_new(FALSE, FALSE, sizeof(double));
    GArray *scratch = g_array_new(FALSE, FALSE, sizeof(guint8));
    double tolerance = THIN_PX / (frame->px_per_m * CM_METRES_PER_DEGREE);
    for (int b = 0; b < N_BUCKETS; b++) {
        paths[b] = NULL;
        gboolean any = FALSE;
        cairo_new_path(cr);
        for (guint i = 0; i < set->lines->len; i++) {
            const road_line *road = &g_array_index(set->lines, road_line, i);
            if (bucket_of(road) != b)
                continue;
            /* The drawing overwrites its points with projected ones. */
            g_array_set_size(x, 0);
            g_array_set_size(y, 0);
            g_array_append_vals(x, &g_array_index(set->lon, double, road->start), road->n);
            g_array_append_vals(y, &g_array_index(set->lat, double, road->start), road->n);
            double *lon = (double *)(void *)x->data, *lat = (double *)(void *)y->data;
            unsigned n = cm_draw_thin_line(lon, lat, road->n, tolerance, scratch);
            if (n >= 2)
                cm_draw_geo_polyline(cr, frame, lon, lat, n, FALSE);
            any = TRUE;
        }
        if (any)
            paths[b] = cairo_copy_path(cr);
        cairo_new_path(cr);
    }
    g_array_free(x, TRUE);
    g_array_free(y, TRUE);
    g_array_free(scratch, TRUE);
}

/* Strokes bucket b's path, if any, with line and cap. */
static void stroke_bucket(cairo_t *cr, cairo_path_t *const paths[N_BUCKETS], int b,
                          const cm_line_style *line, cairo_line_cap_t cap)
{
    if (!paths[b] || line->width <= 0)
        return;
    cairo_append_path(cr, paths[b]);
    cm_draw_set_line(cr, line);
    cairo_set_line_cap(cr, cap);
    cairo_stroke(cr);
}

/* The casing (casing TRUE) or fill of the roads of bucket b; a casing of
 * width 0 where the fill is too narrow for one (MIN_CASED_FILL_PX). */
static cm_line_style bucket_line(const cm_road_style *roads, int b, double zoom,
                                 gboolean casing)
{
    road_level level = (road_level)(b / 2 / CM_ROAD_N_GROUPS);
    cm_road_group group = (cm_road_group)(b / 2 % CM_ROAD_N_GROUPS);
    gboolean link = b % 2 == 0;
    double width = road_width(roads, group, link, zoom);
    gboolean cased = width >= MIN_CASED_FILL_PX;
    cm_line_style line = {roads->color[group], width, {0}, 0};
    if (casing) {
        line.color = level == LEVEL_BRIDGE ? roads->bridge_casing : roads->casing.color;
        line.width = cased ? width + 2 * roads->casing.width : 0;
        if (level == LEVEL_TUNNEL) {
            memcpy(line.dash, roads->tunnel.dash, sizeof line.dash);
            line.n_dash = roads->tunnel.n_dash;
        }
    } else {
        if (!cased)
            line.width = width + 2 * roads->casing.width;
        if (level == LEVEL_TUNNEL)
            line.color.a *= roads->tunnel_opacity;
        if (group == CM_ROAD_TRACK) {
            memcpy(line.dash, roads->track.dash, sizeof line.dash);
            line.n_dash = roads->track.n_dash;
        }
    }
    return line;
}

/* Draws the buckets: in tunnels and on the ground every casing of the level
 * under its fills, so that roads join without seams; a bridge's casing and
 * fill together, over the roads of lower classes. */
static void draw_buckets(cairo_t *cr, cairo_path_t *const paths[N_BUCKETS],
                         const cm_road_style *roads, double zoom)
{
    int per_level = CM_ROAD_N_GROUPS * 2;
    for (int level = 0; level < N_LEVELS; level++) {
        int first = level * per_level;
        if (level == LEVEL_BRIDGE) {
            for (int b = first; b < first + per_level; b++) {
                cm_line_style casing = bucket_line(roads, b, zoom, TRUE);
                cm_line_style fill = bucket_line(roads, b, zoom, FALSE);
                stroke_bucket(cr, paths, b, &casing, CAIRO_LINE_CAP_BUTT);
                stroke_bucket(cr, paths, b, &fill, CAIRO_LINE_CAP_BUTT);
            }
            continue;
        }
        for (int pass = 0; pass < 2; pass++)
            for (int b = first; b < first + per_level; b++) {
                cm_line_style line = bucket_line(roads, b, zoom, pass == 0);
                stroke_bucket(cr, paths, b, &line,
                              level == LEVEL_TUNNEL ? CAIRO_LINE_CAP_BUTT
                                                    : CAIRO_LINE_CAP_ROUND);
            }
    }
}

/* A shield's place: where on which road, of which ref. */
typedef struct shield_spot {
    double x, y;
    int ref;
    cm_road_group group;
    guint order;
} shield_spot;

/* Larger roads first, then in the order read. */
static gint compare_spots(gconstpointer a, gconstpointer b)
{
    const shield_spot *sa = a, *sb = b;
    if (sa->group != sb->group)
        return (int)sb->group - (int)sa->group;
    return (sa->order > sb->order) - (sa->order < sb->order);
}

/* Appends to spots the places along road (in pixels of frame) where its
 * shield may go: its middle when shorter than spacing, else every spacing
 * from half a spacing in. */
static void add_road_spots(const cm_frame *frame, const road_set *set, const road_line *road,
                           double spacing, GArray *spots)
{
    double *px = g_new(double, road->n), *py = g_new(double, road->n);
    guint n = 0;
    for (guint i = 0; i < road->n; i++) {
        cm_geo_point p = {g_array_index(set->lat, double, road->start + i),
                          g_array_index(set->lon, double, road->start + i)};
        if (cm_frame_geo_to_pixel(frame, p, &px[n], &py[n]))
            n++;
    }
    double length = 0;
    for (guint i = 1; i < n; i++)
        length += hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
    if (n >= 2 && length >= MIN_SHIELD_ROAD_PX) {
        double next = length < spacing ? length / 2 : spacing / 2, walked = 0;
        for (guint i = 1; i < n && next <= length; i++) {
            double step = hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
            while (step > 0 && next <= walked + step) {
                double t = (next - walked) / step;
                shield_spot spot = {px[i - 1] + t * (px[i] - px[i - 1]),
                                    py[i - 1] + t * (py[i] - py[i - 1]), road->ref, road->group,
                                    spots->len};
                g_array_append_val(spots, spot);
                next += spacing;
            }
            walked += step;
        }
    }
    g_free(px);
    g_free(py);
}

/* Offers the shields of set's roads: of each ref, the spots no closer
 * than the spacing to one of the same ref already offered, largest roads
 * first, inside the frame. */
static void offer_shields(const cm_frame *frame, const cm_style *style, const road_set *set,
                          cm_labeller *labeller)
{
    const cm_road_style *roads = &style->roads;
    double spacing = MAX(roads->shield_spacing, MIN_SHIELD_ROAD_PX);
    GArray *spots = g_array_new(FALSE, FALSE, sizeof(shield_spot));
    for (guint i = 0; i < set->lines->len; i++) {
        const road_line *road = &g_array_index(set->lines, road_line, i);
        if (road->ref >= 0)
            add_road_spots(frame, set, road, spacing, spots);
    }
    g_array_sort(spots, compare_spots);
    /* Per ref, the spots offered (of shield_spot). */
    GPtrArray *offered = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    GHashTable *by_ref = g_hash_table_new(g_str_hash, g_str_equal);
    cm_label_shield shield = {roads->shield_color, roads->shield_outline_color};
    for (guint i = 0; i < spots->len; i++) {
        const shield_spot *spot = &g_array_index(spots, shield_spot, i);
        if (spot->x < 0 || spot->y < 0 || spot->x >= frame->width || spot->y >= frame->height)
            continue;
        const char *ref = g_ptr_array_index(set->refs, spot->ref);
        GArray *same = g_hash_table_lookup(by_ref, ref);
        if (!same) {
            same = g_array_new(FALSE, FALSE, sizeof(shield_spot));
            g_ptr_array_add(offered, same);
            g_hash_table_insert(by_ref, (gpointer)ref, same);
        }
        gboolean near = FALSE;
        for (guint k = 0; k < same->len && !near; k++) {
            const shield_spot *other = &g_array_index(same, shield_spot, k);
            near = hypot(other->x - spot->x, other->y - spot->y) < spacing;
        }
        if (near)
            continue;
        g_array_append_val(same, *spot);
        cm_labeller_add_shield(labeller, ref, roads->shield_font, roads->shield_text_color,
                               &shield, spot->x, spot->y, style->priority.shield);
    }
    g_hash_table_destroy(by_ref);
    g_ptr_array_free(offered, TRUE);
    g_array_free(spots, TRUE);
}

cm_status cm_road_source_draw(const cm_road_source *source, cm_context *context, cairo_t *cr,
                              const cm_frame *frame, const cm_style *style, double zoom,
                              cm_labeller *labeller)
{
    gboolean shields = labeller && zoom >= style->roads.shield_min_zoom;
    road_set set;
    cm_status status = read_roads(source, context, frame, style, zoom, shields, &set);
    if (status == CM_OK && set.lines->len > 0) {
        cairo_path_t *paths[N_BUCKETS];
        cairo_save(cr);
        /* Cairo's coarser antialiasing grid and a looser curve tolerance
         * (round joins and caps) halve the stroking, which is most of the
         * layer's cost; road edges change by a level or two. */
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST);
        cairo_set_tolerance(cr, STROKE_TOLERANCE_PX);
        build_paths(cr, frame, &set, paths);
        draw_buckets(cr, paths, &style->roads, zoom);
        cairo_restore(cr);
        for (int b = 0; b < N_BUCKETS; b++)
            if (paths[b])
                cairo_path_destroy(paths[b]);
        if (shields)
            offer_shields(frame, style, &set, labeller);
    }
    road_set_clear(&set);
    return status;
}

cm_status cm_road_source_offer_shields(const cm_road_source *source, cm_context *context,
                                       const cm_frame *frame, const cm_style *style,
                                       double zoom, cm_labeller *labeller)
{
    if (zoom < style->roads.shield_min_zoom)
        return CM_OK;
    road_set set;
    cm_status status = read_roads(source, context, frame, style, zoom, TRUE, &set);
    if (status == CM_OK)
        offer_shields(frame, style, &set, labeller);
    road_set_clear(&set);
    return status;
}
