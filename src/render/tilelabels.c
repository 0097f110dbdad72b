/* Labels on tiles, placed per label block in a zoom's global pixels and
 * shared by the threads that draw the metatiles (see tilelabels.h). */
#include "core/internal.h"

#include <math.h>

#include <sqlite3.h>

#include "country-names.h"
#include "draw.h"
#include "core/geopackage.h"
#include "maplayers.h"
#include "tilelabels.h"

/* Half the side of the Web Mercator square in metres (as in tiles.c). */
#define MERCATOR_HALF (G_PI * 6378137.0)
/* Places offered to one block at most, largest first: far more than fit. */
#define MAX_BLOCK_PLACES 2000
/* A place this close (pixels) to a waypoint, site, crossing or larger
 * place is that point's: its name is not offered a second time. */
#define SAME_PLACE_PX 16.0

/* A country's name and where it goes: a point inside its largest part,
 * and that part's extent in degrees. */
typedef struct country_anchor {
    char *name;              /* upper case, in the label language */
    cm_geo_point anchor;
    double west, south, east, north;
    int width, height;       /* of the name in pixels; width -1 until measured */
} country_anchor;

/* A label placed in a block, in global pixels; text and font owned. */
typedef struct tile_label {
    cm_placed_label label;
    gboolean dot;            /* a place: its dot is drawn at (dot_x, dot_y) */
    double dot_x, dot_y;
} tile_label;

typedef struct label_block {
    GMutex lock;
    gboolean placed;
    GArray *labels;          /* of tile_label, in placement order */
} label_block;

struct cm_tile_labels {
    const cm_map *map;
    const cm_style *style;
    cm_label_language language;
    int tile_size;
    GMutex lock;             /* guards blocks, and the data below */
    GHashTable *blocks;      /* block key -> label_block* */
    sqlite3 *gazetteer;      /* opened on first use */
    sqlite3_stmt *places;    /* the cities and towns in a box */
    /* The cities and towns of at least ranked_min people, largest first
     * (of place_row): wide blocks scan these rather than the R-tree. */
    GArray *ranked;
    long long ranked_min;
    long long expected_min;  /* the least population the run will ask for */
    GArray *countries;       /* of country_anchor, read on first use */
};

/* Who a place is: what the gazetteer queries return. */
typedef struct place_row {
    char *name;              /* in the label language */
    cm_geo_point position;
    long long population;
} place_row;

static void place_rows_free(GArray *rows)
{
    for (guint i = 0; i < rows->len; i++)
        g_free(g_array_index(rows, place_row, i).name);
    g_array_free(rows, TRUE);
}

static void tile_label_clear(tile_label *label)
{
    g_free((char *)label->label.text);
    g_free((char *)label->label.font);
}

static void label_block_free(label_block *block)
{
    g_mutex_clear(&block->lock);
    if (block->labels)
        g_array_free(block->labels, TRUE);
    g_free(block);
}

static void country_anchor_clear(country_anchor *country) { g_free(country->name); }

cm_tile_labels *cm_tile_labels_new(const cm_map *map, int tile_size)
{
    cm_tile_labels *labels = g_new0(cm_tile_labels, 1);
    labels->map = map;
    labels->style = cm_map_layers_style(map);
    labels->language = cm_map_layers_language(map);
    labels->tile_size = tile_size;
    g_mutex_init(&labels->lock);
    labels->ranked_min = G_MAXINT64;
    labels->expected_min = G_MAXINT64;
    labels->blocks = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify)label_block_free);
    return labels;
}

void cm_tile_labels_free(cm_tile_labels *labels)
{
    if (!labels)
        return;
    g_hash_table_destroy(labels->blocks);
    sqlite3_finalize(labels->places);
    sqlite3_close(labels->gazetteer);
    if (labels->ranked)
        place_rows_free(labels->ranked);
    if (labels->countries)
        g_array_free(labels->countries, TRUE);
    g_mutex_clear(&labels->lock);
    g_free(labels);
}

/* The least population of a place labelled at zoom z with tiles of this
 * size (the style's [places] min-population), or CM_NO_PLACES. */
static long long least_population(const cm_tile_labels *labels, int z)
{
    int style_zoom = MIN(z + (labels->tile_size > 256 ? 1 : 0), CM_STYLE_ZOOMS - 1);
    return labels->style->tile_labels.min_population[style_zoom];
}

void cm_tile_labels_expect_zoom(cm_tile_labels *labels, int max_z)
{
    /* A style's steps need not fall with the zoom. */
    for (int z = 0; z <= max_z; z++)
        labels->expected_min = MIN(labels->expected_min, least_population(labels, z));
}

/* ---- Data: the gazetteer's places and the countries ---- */

/* Opens the gazetteer index (see src/geocode/geocode.c) for place queries; called
 * with labels->lock held. */
static cm_status open_gazetteer(cm_tile_labels *labels, cm_context *context)
{
    if (labels->places)
        return CM_OK;
    char *path = cm_index_path(context, "gazetteer.sqlite");
    cm_status status = CM_OK;
    if (sqlite3_open_v2(path, &labels->gazetteer, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(labels->gazetteer,
                           "SELECT p.name, p.lat, p.lon, p.population, p.name_ar "
                           "FROM place_box b JOIN place p "
                           "ON p.id = b.id WHERE b.max_lat >= ?1 AND b.min_lat <= ?2 "
                           "AND b.max_lon >= ?3 AND b.min_lon <= ?4 AND p.population >= ?5 "
                           "AND p.kind IN ('city', 'town') "
                           "ORDER BY p.population DESC, p.id LIMIT "
                           G_STRINGIFY(MAX_BLOCK_PLACES),
                           -1, &labels->places, NULL) != SQLITE_OK) {
        status = cm_fail(context, CM_ERR_DATA, "gazetteer index %s: %s", path,
                         labels->gazetteer ? sqlite3_errmsg(labels->gazetteer)
                                           : "cannot open");
        sqlite3_close(labels->gazetteer);
        labels->gazetteer = NULL;
    }
    g_free(path);
    return status;
}

/* The place of the row s stands on: name, latitude, longitude, population
 * and Arabic name. Free its name with g_free(). */
static place_row read_place(const cm_tile_labels *labels, sqlite3_stmt *s)
{
    return (place_row){cm_label_name(labels->language, (const char *)sqlite3_column_text(s, 0),
                                     (const char *)sqlite3_column_text(s, 4)),
                       {sqlite3_column_double(s, 1), sqlite3_column_double(s, 2)},
                       sqlite3_column_int64(s, 3)};
}

/* Reads the cities and towns of at least min_population people, largest
 * first, when fewer were read; called with labels->lock held. */
static cm_status rank_places(cm_tile_labels *labels, cm_context *context,
                             long long min_population)
{
    if (min_population >= labels->ranked_min)
        return CM_OK;
    /* One reading for the whole run where the places of every zoom it
     * draws are ranked. */
    if (labels->expected_min > 0)
        min_population = MIN(min_population, labels->expected_min);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(labels->gazetteer,
                           "SELECT name, lat, lon, population, name_ar FROM place "
                           "WHERE population >= ?1 "
                           "AND kind IN ('city', 'town') ORDER BY population DESC, id",
                           -1, &s, NULL) != SQLITE_OK)
        return cm_fail(context, CM_ERR_DATA, "gazetteer index: %s",
                       sqlite3_errmsg(labels->gazetteer));
    sqlite3_bind_int64(s, 1, min_population);
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(place_row));
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        place_row row = read_place(labels, s);
        g_array_append_val(rows, row);
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE) {
        place_rows_free(rows);
        return cm_fail(context, CM_ERR_DATA, "gazetteer index: %s",
                       sqlite3_errmsg(labels->gazetteer));
    }
    if (labels->ranked)
        place_rows_free(labels->ranked);
    labels->ranked = rows;
    labels->ranked_min = min_population;
    return CM_OK;
}

/* The places of the ranked list in box, largest first, copied into rows. */
static void ranked_in(const cm_tile_labels *labels, const cm_bbox *box,
                      long long min_population, GArray *rows)
{
    for (guint i = 0; i < labels->ranked->len && rows->len < MAX_BLOCK_PLACES; i++) {
        const place_row *place = &g_array_index(labels->ranked, place_row, i);
        if (place->population < min_population)
            break;
        if (place->position.lat >= box->south && place->position.lat <= box->north &&
            place->position.lon >= box->west && place->position.lon <= box->east) {
            place_row copy = *place;
            copy.name = g_strdup(place->name);
            g_array_append_val(rows, copy);
        }
    }
}

/* The cities and towns of at least min_population in the box, largest
 * first: a new array of place_row freed with place_rows_free(), or NULL.
 * A population threshold picks the few large places out of the ranked
 * list, which a wide box at a low zoom would otherwise take from the
 * R-tree by the ten thousand; every place (a threshold of 0, from zoom
 * 14 in the shipped styles) comes from the R-tree, in boxes small by then.
 * CM_NO_PLACES: none. */
static GArray *query_places(cm_tile_labels *labels, cm_context *context, const cm_bbox *box,
                            long long min_population)
{
    if (min_population == CM_NO_PLACES)
        return g_array_new(FALSE, FALSE, sizeof(place_row));
    g_mutex_lock(&labels->lock);
    cm_status status = open_gazetteer(labels, context);
    if (status == CM_OK && min_population > 0)
        status = rank_places(labels, context, min_population);
    GArray *rows = NULL;
    if (status == CM_OK && min_population > 0) {
        rows = g_array_new(FALSE, FALSE, sizeof(place_row));
        ranked_in(labels, box, min_population, rows);
    } else if (status == CM_OK) {
        rows = g_array_new(FALSE, FALSE, sizeof(place_row));
        sqlite3_stmt *s = labels->places;
        sqlite3_bind_double(s, 1, box->south);
        sqlite3_bind_double(s, 2, box->north);
        sqlite3_bind_double(s, 3, box->west);
        sqlite3_bind_double(s, 4, box->east);
        sqlite3_bind_int64(s, 5, min_population);
        int step;
        while ((step = sqlite3_step(s)) == SQLITE_ROW) {
            place_row row = read_place(labels, s);
            g_array_append_val(rows, row);
        }
        if (step != SQLITE_DONE) {
            cm_fail(context, CM_ERR_DATA, "gazetteer index: %s",
                    sqlite3_errmsg(labels->gazetteer));
            place_rows_free(rows);
            rows = NULL;
        }
        sqlite3_reset(s);
    }
    g_mutex_unlock(&labels->lock);
    return rows;
}

/* A point inside the largest polygon of geometry, and that polygon's
 * extent; FALSE for an empty geometry. */
static gboolean largest_part(GEOSContextHandle_t geos, const GEOSGeometry *geometry,
                             country_anchor *country)
{
    const GEOSGeometry *largest = NULL;
    double largest_area = 0;
    int n = GEOSGetNumGeometries_r(geos, geometry);
    for (int i = 0; i < n; i++) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(geos, geometry, i);
        double area = 0;
        if (GEOSArea_r(geos, part, &area) && area > largest_area) {
            largest_area = area;
            largest = part;
        }
    }
    if (!largest)
        return FALSE;
    GEOSGeometry *point = GEOSPointOnSurface_r(geos, largest);
    gboolean ok = point && !GEOSisEmpty_r(geos, point) &&
                  GEOSGeomGetX_r(geos, point, &country->anchor.lon) &&
                  GEOSGeomGetY_r(geos, point, &country->anchor.lat) &&
                  GEOSGeom_getXMin_r(geos, largest, &country->west) &&
                  GEOSGeom_getXMax_r(geos, largest, &country->east) &&
                  GEOSGeom_getYMin_r(geos, largest, &country->south) &&
                  GEOSGeom_getYMax_r(geos, largest, &country->north);
    if (point)
        GEOSGeom_destroy_r(geos, point);
    return ok;
}

/* Reads where each country's name goes from the basemap; called with
 * labels->lock held. */
static cm_status read_countries(cm_tile_labels *labels, cm_context *context)
{
    if (labels->countries)
        return CM_OK;
    const char *reason = NULL;
    cm_geopackage *basemap = cm_context_basemap(context, &reason);
    static const char *const columns[] = {"name", NULL};
    gboolean missing = FALSE;
    cm_gpkg_layer *layer =
        basemap ? cm_geopackage_layer(basemap, "countries", columns, &missing) : NULL;
    if (!layer)
        return cm_fail(context, CM_ERR_DATA, "cannot read the countries of the basemap: %s",
                       basemap ? (missing ? "no countries layer" : cm_geopackage_error(basemap))
                               : reason);
    GHashTable *arabic = NULL;
    if (labels->language != CM_LABELS_EN && !(arabic = cm_country_names_ar(context)))
        return cm_context_status(context);
    GEOSContextHandle_t geos = cm_context_geos(context);
    labels->countries = g_array_new(FALSE, FALSE, sizeof(country_anchor));
    g_array_set_clear_func(labels->countries, (GDestroyNotify)country_anchor_clear);
    cm_gpkg_layer_select(layer, -180, -90, 180, 90);
    while (cm_gpkg_layer_next(layer)) {
        GEOSGeometry *geometry = cm_gpkg_layer_geometry(layer);
        country_anchor country = {.width = -1};
        if (geometry && largest_part(geos, geometry, &country)) {
            const char *name = cm_gpkg_layer_text(layer, 0);
            char *upper = g_utf8_strup(name, -1);
            country.name = cm_label_name(labels->language, upper,
                                         arabic ? g_hash_table_lookup(arabic, name) : NULL);
            g_free(upper);
            g_array_append_val(labels->countries, country);
        }
        if (geometry)
            GEOSGeom_destroy_r(geos, geometry);
    }
    if (arabic)
        g_hash_table_destroy(arabic);
    if (cm_geopackage_error(basemap))
        return cm_fail(context, CM_ERR_DATA, "cannot read the countries of the basemap: %s",
                       cm_geopackage_error(basemap));
    return CM_OK;
}

/* ---- Placing a block ---- */

/* The first anchor (of the x, y pairs in anchors) within SAME_PLACE_PX of
 * (px, py), or -1. */
static int anchor_near(const GArray *anchors, double px, double py)
{
    for (guint i = 0; i + 1 < anchors->len; i += 2)
        if (hypot(g_array_index(anchors, double, i) - px,
                  g_array_index(anchors, double, i + 1) - py) < SAME_PLACE_PX)
            return (int)(i / 2);
    return -1;
}

static gboolean inside(const cm_frame *frame, double px, double py)
{
    return px >= 0 && py >= 0 && px < frame->width && py < frame->height;
}

/* Offers the names of the countries whose anchor lies in the frame and
 * whose largest part is at least as wide as the name and twice as tall at
 * this scale. */
static void offer_countries(cm_tile_labels *labels, const cm_frame *frame, cairo_t *measure,
                            cm_labeller *labeller)
{
    const cm_style *style = labels->style;
    for (guint i = 0; i < labels->countries->len; i++) {
        country_anchor *country = &g_array_index(labels->countries, country_anchor, i);
        double px, py, wx, ny, ex, sy;
        if (!cm_frame_geo_to_pixel(frame, country->anchor, &px, &py) ||
            !inside(frame, px, py) ||
            !cm_frame_geo_to_pixel(frame, (cm_geo_point){country->north, country->west}, &wx,
                                   &ny) ||
            !cm_frame_geo_to_pixel(frame, (cm_geo_point){country->south, country->east}, &ex,
                                   &sy))
            continue;
        /* Measured once for the run: every block measures with the same
         * font on the same kind of surface. */
        g_mutex_lock(&labels->lock);
        if (country->width < 0) {
            PangoLayout *layout = cm_draw_layout(measure, style->country_label_font,
                                                 country->name);
            pango_layout_get_pixel_size(layout, &country->width, &country->height);
            g_object_unref(layout);
        }
        int w = country->width, h = country->height;
        g_mutex_unlock(&labels->lock);
        if (ex - wx < w || sy - ny < 2 * h)
            continue;
        cm_labeller_add(labeller, country->name, style->country_label_font,
                        style->country_label_color, px, py, 0, CM_LABEL_CENTRED,
                        style->priority.country);
    }
}

/* Offers the labels of places in frame, largest first. anchors holds the
 * route symbols' positions (as pairs of pixels), whose labels are offered
 * when route_labelled; dots receives each offered place's dot, NAN for
 * none. A place next to a symbol that has its own label is not offered;
 * next to one that has none, its name labels the symbol, without a dot. */
static void offer_places(const cm_tile_labels *labels, const cm_frame *frame,
                         cm_labeller *labeller, const GArray *places, GArray *anchors,
                         gboolean route_labelled, GArray *dots)
{
    const cm_style *style = labels->style;
    const cm_tile_label_style *places_style = &style->tile_labels;
    int n_symbols = (int)anchors->len / 2;
    gboolean *named = g_new0(gboolean, n_symbols + 1);
    double dot_gap = places_style->dot_radius + style->marker_outline_width + 2;
    /* Clear of the largest route symbol, as the map's own labels are. */
    double symbol_gap = MAX(style->marker_radius + style->marker_outline_width,
                            style->crossing_radius + 1) + 3;
    for (guint i = 0; i < places->len; i++) {
        const place_row *row = &g_array_index(places, place_row, i);
        double px, py;
        if (!cm_frame_geo_to_pixel(frame, row->position, &px, &py) || !inside(frame, px, py))
            continue;
        double xy[2] = {px, py}, at[2] = {px, py}, gap = dot_gap;
        int near = anchor_near(anchors, px, py);
        if (near >= 0 && (near >= n_symbols || route_labelled || named[near]))
            continue;
        if (near >= 0) {
            named[near] = TRUE;
            /* The label goes beside the symbol, or beside the place when
             * the symbol lies in the next block. */
            double sx = g_array_index(anchors, double, 2 * near);
            double sy = g_array_index(anchors, double, 2 * near + 1);
            if (inside(frame, sx, sy)) {
                at[0] = sx;
                at[1] = sy;
            }
            gap = symbol_gap;
            xy[0] = xy[1] = NAN;
        }
        g_array_append_vals(dots, xy, 2);
        /* A smaller place on top of this one (the gazetteer has a few
         * near-duplicates) or too close to read apart is not offered. */
        g_array_append_vals(anchors, (double[2]){px, py}, 2);
        cm_labeller_add(labeller, row->name, places_style->label_font,
                        places_style->label_color, at[0], at[1], gap, CM_LABEL_AROUND,
                        style->priority.place);
    }
    g_free(named);
}

/* The frame of block (bx, by) of side bs tiles at zoom z. */
static cm_frame block_frame(const cm_tile_labels *labels, const cm_projection *mercator, int z,
                            int bs, int bx, int by)
{
    int size = labels->tile_size;
    double px_per_m = ldexp(size, z) / (2 * MERCATOR_HALF);
    return (cm_frame){
        .projection = mercator,
        .min_x = -MERCATOR_HALF + (double)bx * bs * size / px_per_m,
        .max_y = MERCATOR_HALF - (double)by * bs * size / px_per_m,
        .px_per_m = px_per_m,
        .width = bs * size,
        .height = bs * size,
    };
}

/* Places the labels of block (bx, by) into block->labels. */
static cm_status place_block(cm_tile_labels *labels, cm_context *context,
                             const cm_projection *mercator, int z, int bs, int bx, int by,
                             label_block *block)
{
    const cm_style *style = labels->style;
    cm_frame frame = block_frame(labels, mercator, z, bs, bx, by);
    cm_geo_point north_west, south_east;
    if (!cm_frame_pixel_to_geo(&frame, 0, 0, &north_west) ||
        !cm_frame_pixel_to_geo(&frame, frame.width, frame.height, &south_east))
        return cm_fail(context, CM_ERR_LIBRARY, "PROJ cannot unproject label block %d/%d/%d",
                       z, bx, by);
    /* PROJ wraps the east edge of the last block to -180°. */
    cm_bbox box = {north_west.lon, south_east.lat,
                   south_east.lon <= north_west.lon ? 180.0 : south_east.lon, north_west.lat};
    GArray *places = query_places(labels, context, &box, least_population(labels, z));
    if (!places)
        return cm_context_status(context);
    g_mutex_lock(&labels->lock);
    cm_status status = read_countries(labels, context);
    g_mutex_unlock(&labels->lock);
    if (status != CM_OK) {
        place_rows_free(places);
        return status;
    }

    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    cairo_t *measure = cairo_create(surface);
    cm_labeller *labeller = cm_labeller_new(measure, frame.width, frame.height);
    GArray *anchors = g_array_new(FALSE, FALSE, sizeof(double));
    /* Below the style's route-min-zoom the route symbols' labels give way
     * to the world's names. */
    gboolean route_labelled = z >= style->tile_labels.route_min_zoom;
    cm_map_offer_layer_labels(labels->map, &frame, labeller, route_labelled, anchors);
    offer_countries(labels, &frame, measure, labeller);
    /* Offers after the first place are places: place i is offer
     * first_place + i, with its dot at dots[i]. */
    size_t first_place = cm_labeller_n_offered(labeller);
    GArray *dots = g_array_new(FALSE, FALSE, sizeof(double));
    offer_places(labels, &frame, labeller, places, anchors, route_labelled, dots);
    /* The road numbers come after the places, below them in priority. */
    const cm_road_source *roads = cm_map_layers_roads(labels->map);
    status = roads && cm_style_shows(style, CM_LAYER_ROADS, z)
                 ? cm_road_source_offer_shields(roads, context, &frame, style, z, labeller)
                 : CM_OK;
    cm_labeller_place(labeller, style);

    /* The dots of the places labelled, then the labels, in global pixels. */
    double gx = (double)bx * bs * labels->tile_size, gy = (double)by * bs * labels->tile_size;
    block->labels = g_array_new(FALSE, FALSE, sizeof(tile_label));
    g_array_set_clear_func(block->labels, (GDestroyNotify)tile_label_clear);
    cm_placed_label placed;
    for (size_t i = 0; cm_labeller_placed_label(labeller, i, &placed); i++) {
        tile_label label = {placed, FALSE, 0, 0};
        label.label.text = g_strdup(placed.text);
        label.label.font = g_strdup(placed.font);
        label.label.box.cx += gx;
        label.label.box.cy += gy;
        label.label.box.bounds = (cm_box){placed.box.bounds.x0 + gx, placed.box.bounds.y0 + gy,
                                          placed.box.bounds.x1 + gx,
                                          placed.box.bounds.y1 + gy};
        if (placed.offer >= first_place && placed.offer - first_place < dots->len / 2 &&
            !isnan(g_array_index(dots, double, 2 * (placed.offer - first_place)))) {
            size_t d = 2 * (placed.offer - first_place);
            label.dot = TRUE;
            label.dot_x = g_array_index(dots, double, d) + gx;
            label.dot_y = g_array_index(dots, double, d + 1) + gy;
        }
        g_array_append_val(block->labels, label);
    }
    g_array_free(dots, TRUE);
    g_array_free(anchors, TRUE);
    cm_labeller_free(labeller);
    cairo_destroy(measure);
    cairo_surface_destroy(surface);
    place_rows_free(places);
    return status;
}

/* Block (bx, by) of zoom z, placed now if no thread has placed it yet;
 * NULL with the reason in context. */
static label_block *get_block(cm_tile_labels *labels, cm_context *context,
                              const cm_projection *mercator, int z, int bs, int bx, int by)
{
    gint64 key = ((gint64)z << 42) | ((gint64)bx << 21) | by;
    g_mutex_lock(&labels->lock);
    label_block *block = g_hash_table_lookup(labels->blocks, &key);
    if (!block) {
        block = g_new0(label_block, 1);
        g_mutex_init(&block->lock);
        g_hash_table_insert(labels->blocks, g_memdup2(&key, sizeof key), block);
    }
    g_mutex_unlock(&labels->lock);
    /* Another thread that wants the block waits for it here. */
    g_mutex_lock(&block->lock);
    cm_status status = CM_OK;
    if (!block->placed) {
        status = place_block(labels, context, mercator, z, bs, bx, by, block);
        block->placed = status == CM_OK;
    }
    g_mutex_unlock(&block->lock);
    return status == CM_OK ? block : NULL;
}

static gboolean reaches(const tile_label *label, double x0, double y0, double x1, double y1)
{
    const cm_box *b = &label->label.box.bounds;
    return b->x0 < x1 && b->x1 > x0 && b->y0 < y1 && b->y1 > y0;
}

/* Calls visit for every label of zoom z that reaches into the area, block
 * by block in row order and in placement order within a block, so that
 * every metatile draws shared pixels in the same order. */
static cm_status for_labels_in(cm_tile_labels *labels, cm_context *context,
                               const cm_projection *mercator, int z, const cm_box *area,
                               double slack, void (*visit)(const tile_label *, void *),
                               void *data)
{
    int n = 1 << z, bs = MIN(CM_LABEL_BLOCK_TILES, n);
    double block_px = (double)bs * labels->tile_size;
    int blocks = n / bs;
    int bx0 = MAX(0, (int)floor((area->x0 - slack) / block_px));
    int by0 = MAX(0, (int)floor((area->y0 - slack) / block_px));
    int bx1 = MIN(blocks - 1, (int)floor((area->x1 + slack) / block_px));
    int by1 = MIN(blocks - 1, (int)floor((area->y1 + slack) / block_px));
    for (int by = by0; by <= by1; by++) {
        for (int bx = bx0; bx <= bx1; bx++) {
            label_block *block = get_block(labels, context, mercator, z, bs, bx, by);
            if (!block)
                return cm_context_status(context);
            for (guint i = 0; i < block->labels->len; i++) {
                const tile_label *label = &g_array_index(block->labels, tile_label, i);
                if (reaches(label, area->x0 - slack, area->y0 - slack, area->x1 + slack,
                            area->y1 + slack))
                    visit(label, data);
            }
        }
    }
    return CM_OK;
}

typedef struct draw_data {
    cairo_t *cr;
    const cm_style *style;
} draw_data;

static void draw_label(const tile_label *label, void *data)
{
    const draw_data *d = data;
    if (label->dot) {
        cairo_new_path(d->cr);
        cairo_arc(d->cr, label->dot_x, label->dot_y, d->style->tile_labels.dot_radius, 0,
                  2 * G_PI);
        cm_draw_set_color(d->cr, d->style->halo_color);
        cairo_set_line_width(d->cr, d->style->marker_outline_width * 2);
        cairo_set_dash(d->cr, NULL, 0, 0);
        cairo_stroke_preserve(d->cr);
        cm_draw_set_color(d->cr, d->style->tile_labels.dot_color);
        cairo_fill(d->cr);
    }
    cm_label_draw(d->cr, &label->label, d->style);
}

cm_status cm_tile_labels_draw(cm_tile_labels *labels, cm_context *context,
                              const cm_projection *mercator, cairo_t *cr, int z,
                              double origin_x, double origin_y, const cm_box *area)
{
    draw_data data = {cr, labels->style};
    /* A dot pokes out of its label's box by its radius at most. */
    double slack = labels->style->tile_labels.dot_radius + labels->style->marker_outline_width;
    cairo_save(cr);
    cairo_translate(cr, -origin_x, -origin_y);
    cm_status status = for_labels_in(labels, context, mercator, z, area, slack, draw_label,
                                     &data);
    cairo_restore(cr);
    return status;
}

typedef struct collect_data {
    GArray *found;
    double x0, y0, x1, y1;
} collect_data;

static void collect_label(const tile_label *label, void *data)
{
    collect_data *d = data;
    const cm_box *b = &label->label.box.bounds;
    cm_tile_label out = {label->label.text, b->x0, b->y0, b->x1, b->y1};
    if (reaches(label, d->x0, d->y0, d->x1, d->y1))
        g_array_append_val(d->found, out);
}

GArray *cm_tile_labels_in(cm_tile_labels *labels, cm_context *context,
                          const cm_projection *mercator, int z, double origin_x,
                          double origin_y, int width, int height)
{
    collect_data data = {g_array_new(FALSE, FALSE, sizeof(cm_tile_label)), origin_x, origin_y,
                         origin_x + width, origin_y + height};
    cm_box area = {data.x0, data.y0, data.x1, data.y1};
    if (for_labels_in(labels, context, mercator, z, &area, 0, collect_label, &data) !=
        CM_OK) {
        g_array_free(data.found, TRUE);
        return NULL;
    }
    return data.found;
}
