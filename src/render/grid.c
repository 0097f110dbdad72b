/* Graticule and MGRS grid: lines sampled in geographic or UTM coordinates,
 * projected like everything else on the map, labelled where they leave the
 * map area. */
#include "grid.h"

#include <math.h>
#include <string.h>

#include "draw.h"

#define SAMPLES 96       /* points per grid line: smooth in any projection */
#define MAX_LINES 8      /* graticule lines across the longer side, at most */
#define EDGE_INSET 5.0   /* edge labels stand this far inside the map area */
#define EDGE_PRIORITY 105 /* before waypoints: an edge label cannot move */
#define SQUARE_PRIORITY 12
#define ZONE_PRIORITY 13

typedef struct grid_view {
    const cm_frame *frame;
    const cm_style *style;
    cm_labeller *labeller;
    double top, bottom; /* the map area is top <= y <= frame->height - bottom */
    double lat_min, lat_max, lon_min, lon_max; /* longitudes unrolled round the centre */
} grid_view;

/* The geographic extent of the map area, from a lattice of its pixels. */
static gboolean view_bounds(grid_view *view)
{
    enum { STEPS = 16 };
    const cm_frame *frame = view->frame;
    double area_h = frame->height - view->top - view->bottom;
    cm_geo_point centre;
    if (!cm_frame_pixel_to_geo(frame, frame->width / 2.0, view->top + area_h / 2, &centre))
        return FALSE;
    view->lat_min = view->lon_min = HUGE_VAL;
    view->lat_max = view->lon_max = -HUGE_VAL;
    for (int i = 0; i <= STEPS; i++)
        for (int j = 0; j <= STEPS; j++) {
            cm_geo_point p;
            if (!cm_frame_pixel_to_geo(frame, frame->width * i / (double)STEPS,
                                       view->top + area_h * j / STEPS, &p))
                continue;
            double lon = centre.lon + remainder(p.lon - centre.lon, 360.0);
            view->lat_min = MIN(view->lat_min, p.lat);
            view->lat_max = MAX(view->lat_max, p.lat);
            view->lon_min = MIN(view->lon_min, lon);
            view->lon_max = MAX(view->lon_max, lon);
        }
    return view->lat_min < view->lat_max && view->lon_min < view->lon_max;
}

typedef enum edge_pair {
    EDGES_NONE,
    EDGES_TOP_BOTTOM, /* a line that runs up the page */
    EDGES_LEFT_RIGHT, /* a line that runs across */
} edge_pair;

/* Offers label where the pixel polyline (HUGE_VAL x for breaks) first
 * crosses the horizontal y = at (horizontal TRUE) or the vertical x = at,
 * inside the map area; align places the label inside. */
static void offer_edge_label(const grid_view *view, const double *px, const double *py,
                             size_t n, const char *label, gboolean horizontal, double at,
                             double align_x, double align_y)
{
    const cm_frame *frame = view->frame;
    for (size_t i = 0; i + 1 < n; i++) {
        if (px[i] == HUGE_VAL || px[i + 1] == HUGE_VAL)
            continue;
        double a = horizontal ? py[i] : px[i], b = horizontal ? py[i + 1] : px[i + 1];
        if (a == b || (a - at) * (b - at) > 0)
            continue;
        double t = (at - a) / (b - a);
        double along = horizontal ? px[i] + t * (px[i + 1] - px[i])
                                  : py[i] + t * (py[i + 1] - py[i]);
        gboolean inside = horizontal ? along >= 0 && along <= frame->width
                                     : along >= view->top &&
                                           along <= frame->height - view->bottom;
        if (!inside)
            continue;
        double x = horizontal ? along : at + (align_x == 0 ? EDGE_INSET : -EDGE_INSET);
        double y = horizontal ? at + (align_y == 0 ? EDGE_INSET : -EDGE_INSET) : along;
        cm_labeller_add_fixed(view->labeller, label, view->style->grid_label_font,
                              view->style->grid_label_color, x, y, align_x, align_y,
                              EDGE_PRIORITY);
        return;
    }
}

/* Strokes the geographic polyline points[0..n) with cr's current line,
 * skipping the points keep rejects, and labels it at the edges. */
static void draw_line(cairo_t *cr, const grid_view *view, const cm_geo_point *points,
                      const gboolean *keep, size_t n, const char *label, edge_pair edges)
{
    double *px = g_new(double, n), *py = g_new(double, n);
    gboolean pen_down = FALSE;
    for (size_t i = 0; i < n; i++) {
        if (!keep[i] || !cm_frame_geo_to_pixel(view->frame, points[i], &px[i], &py[i])) {
            px[i] = py[i] = HUGE_VAL;
            pen_down = FALSE;
            continue;
        }
        if (pen_down)
            cairo_line_to(cr, px[i], py[i]);
        else
            cairo_move_to(cr, px[i], py[i]);
        pen_down = TRUE;
    }
    cairo_stroke(cr);
    double bottom_y = view->frame->height - view->bottom;
    if (!label)
        edges = EDGES_NONE;
    if (edges == EDGES_TOP_BOTTOM) {
        offer_edge_label(view, px, py, n, label, TRUE, view->top, 0.5, 0);
        offer_edge_label(view, px, py, n, label, TRUE, bottom_y, 0.5, 1);
    } else if (edges == EDGES_LEFT_RIGHT) {
        offer_edge_label(view, px, py, n, label, FALSE, 0, 0, 0.5);
        offer_edge_label(view, px, py, n, label, FALSE, view->frame->width, 1, 0.5);
    }
    g_free(px);
    g_free(py);
}

/* A meridian (lon fixed) or a parallel (lat fixed) across the view. */
static void draw_graticule_line(cairo_t *cr, const grid_view *view, gboolean meridian,
                                double value, const char *label)
{
    cm_geo_point points[SAMPLES];
    gboolean keep[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
        double t = (double)i / (SAMPLES - 1);
        points[i] = meridian ? (cm_geo_point){view->lat_min + t * (view->lat_max - view->lat_min),
                                              value}
                             : (cm_geo_point){value,
                                              view->lon_min + t * (view->lon_max - view->lon_min)};
        keep[i] = TRUE;
    }
    draw_line(cr, view, points, keep, SAMPLES, label,
              meridian ? EDGES_TOP_BOTTOM : EDGES_LEFT_RIGHT);
}

/* "42°E", "33.5°N", "0°". Freed with g_free(). */
static char *degrees_label(double value, char positive, char negative)
{
    double normal = fabs(value) < 1e-9 ? 0 : value;
    if (normal == 0 || fabs(normal) == 180)
        return g_strdup_printf("%g°", fabs(normal));
    return g_strdup_printf("%g°%c", fabs(normal), normal > 0 ? positive : negative);
}

static void draw_graticule(cairo_t *cr, const grid_view *view)
{
    static const double steps[] = {0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30};
    double span = MAX(view->lat_max - view->lat_min, view->lon_max - view->lon_min);
    double step = steps[G_N_ELEMENTS(steps) - 1];
    for (size_t i = 0; i < G_N_ELEMENTS(steps); i++)
        if (span / steps[i] <= MAX_LINES) {
            step = steps[i];
            break;
        }
    cm_line_style line = view->style->grid;
    cm_draw_set_line(cr, &line);
    for (double k = ceil(view->lon_min / step); k * step <= view->lon_max; k++) {
        char *label = degrees_label(remainder(k * step, 360.0), 'E', 'W');
        draw_graticule_line(cr, view, TRUE, k * step, label);
        g_free(label);
    }
    for (double k = ceil(view->lat_min / step); k * step <= view->lat_max; k++) {
        char *label = degrees_label(k * step, 'N', 'S');
        draw_graticule_line(cr, view, FALSE, k * step, label);
        g_free(label);
    }
}

/* One UTM zone and hemisphere, as far as the view shows it. */
typedef struct utm_part {
    PJ *utm;
    double lon_west, lon_east, lat_south, lat_north; /* the part, unrolled */
    double e_min, e_max, n_min, n_max;               /* its UTM extent */
} utm_part;

static gboolean utm_to_geo(const utm_part *part, double e, double n, cm_geo_point *point)
{
    PJ_COORD c = proj_trans(part->utm, PJ_INV, proj_coord(e, n, 0, 0));
    if (c.lp.lam == HUGE_VAL)
        return FALSE;
    double lon = proj_todeg(c.lp.lam);
    /* Back into the view's unrolled longitudes. */
    lon += 360.0 * round(((part->lon_west + part->lon_east) / 2 - lon) / 360.0);
    *point = (cm_geo_point){proj_todeg(c.lp.phi), lon};
    return TRUE;
}

static gboolean inside_part(const utm_part *part, cm_geo_point p)
{
    const double eps = 1e-9;
    return p.lon >= part->lon_west - eps && p.lon <= part->lon_east + eps &&
           p.lat >= part->lat_south - eps && p.lat <= part->lat_north + eps;
}

/* A line of constant easting (northing FALSE) or northing across the part. */
static void draw_utm_line(cairo_t *cr, const grid_view *view, const utm_part *part,
                          gboolean northing, double value)
{
    cm_geo_point points[SAMPLES];
    gboolean keep[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
        double t = (double)i / (SAMPLES - 1);
        double e = northing ? part->e_min + t * (part->e_max - part->e_min) : value;
        double n = northing ? value : part->n_min + t * (part->n_max - part->n_min);
        keep[i] = utm_to_geo(part, e, n, &points[i]) && inside_part(part, points[i]);
    }
    char *label = g_strdup_printf("%.0f km%c", value / 1000, northing ? 'N' : 'E');
    draw_line(cr, view, points, keep, SAMPLES, label,
              northing ? EDGES_LEFT_RIGHT : EDGES_TOP_BOTTOM);
    g_free(label);
}

/* The 100 km square letters at the squares' centres. */
static void offer_square_labels(cm_context *context, const grid_view *view,
                                const utm_part *part)
{
    const double square = 100000;
    for (double e = floor(part->e_min / square) * square; e < part->e_max; e += square)
        for (double n = floor(part->n_min / square) * square; n < part->n_max; n += square) {
            cm_geo_point centre;
            double x, y;
            if (!utm_to_geo(part, e + square / 2, n + square / 2, &centre) ||
                !inside_part(part, centre) ||
                !cm_frame_geo_to_pixel(view->frame, centre, &x, &y))
                continue;
            char *mgrs = cm_mgrs_format(context, centre, 0);
            if (!mgrs) {
                cm_context_clear_error(context);
                continue;
            }
            size_t length = strlen(mgrs);
            if (length >= 2)
                cm_labeller_add(view->labeller, mgrs + length - 2, view->style->grid_label_font,
                                view->style->grid_label_color, x, y, 0, CM_LABEL_CENTRED,
                                SQUARE_PRIORITY);
            cm_free(mgrs);
        }
}

/* Grid lines every step metres in one zone and hemisphere of the view. */
static void draw_utm_part(cm_context *context, cairo_t *cr, const grid_view *view,
                          utm_part *part, int zone, gboolean south, double step)
{
    char *definition = g_strdup_printf("+proj=utm +zone=%d%s +ellps=WGS84 +units=m", zone,
                                       south ? " +south" : "");
    part->utm = proj_create(cm_context_proj_strings(context), definition);
    g_free(definition);
    if (!part->utm)
        return;
    enum { LATTICE = 8 };
    part->e_min = part->n_min = HUGE_VAL;
    part->e_max = part->n_max = -HUGE_VAL;
    for (int i = 0; i <= LATTICE; i++)
        for (int j = 0; j <= LATTICE; j++) {
            double lon = part->lon_west + (part->lon_east - part->lon_west) * i / LATTICE;
            double lat = part->lat_south + (part->lat_north - part->lat_south) * j / LATTICE;
            PJ_COORD c = proj_trans(part->utm, PJ_FWD,
                                    proj_coord(proj_torad(lon), proj_torad(lat), 0, 0));
            if (c.xy.x == HUGE_VAL)
                continue;
            part->e_min = MIN(part->e_min, c.xy.x);
            part->e_max = MAX(part->e_max, c.xy.x);
            part->n_min = MIN(part->n_min, c.xy.y);
            part->n_max = MAX(part->n_max, c.xy.y);
        }
    if (part->e_min < part->e_max) {
        for (double e = ceil(part->e_min / step) * step; e <= part->e_max; e += step)
            draw_utm_line(cr, view, part, FALSE, e);
        for (double n = ceil(part->n_min / step) * step; n <= part->n_max; n += step)
            draw_utm_line(cr, view, part, TRUE, n);
        if (step == 100000)
            offer_square_labels(context, view, part);
    }
    proj_destroy(part->utm);
    part->utm = NULL;
}

/* Grid zone boundaries (6° zones, 8° bands) and their designators. */
static void draw_grid_zones(cm_context *context, cairo_t *cr, const grid_view *view)
{
    cm_line_style line = view->style->grid;
    line.width = view->style->grid_zone_width;
    cm_draw_set_line(cr, &line);
    for (double lon = ceil((view->lon_min + 180) / 6) * 6 - 180; lon <= view->lon_max; lon += 6)
        draw_graticule_line(cr, view, TRUE, lon, NULL);
    for (double lat = ceil((view->lat_min + 80) / 8) * 8 - 80; lat <= MIN(view->lat_max, 72);
         lat += 8)
        draw_graticule_line(cr, view, FALSE, lat, NULL);
    for (double west = floor((view->lon_min + 180) / 6) * 6 - 180; west < view->lon_max;
         west += 6)
        for (double south = floor((MAX(view->lat_min, -80) + 80) / 8) * 8 - 80;
             south < MIN(view->lat_max, 84); south += 8) {
            cm_geo_point centre = {
                (MAX(south, view->lat_min) + MIN(south + 8, view->lat_max)) / 2,
                (MAX(west, view->lon_min) + MIN(west + 6, view->lon_max)) / 2,
            };
            double x, y;
            char *mgrs = cm_mgrs_format(context, centre, 0);
            if (!mgrs) {
                cm_context_clear_error(context);
                continue;
            }
            /* The designator is the reference without its square letters. */
            mgrs[strlen(mgrs) - 2] = '\0';
            if (cm_frame_geo_to_pixel(view->frame, centre, &x, &y))
                cm_labeller_add(view->labeller, mgrs, view->style->grid_zone_font,
                                view->style->grid_label_color, x, y, 0, CM_LABEL_CENTRED,
                                ZONE_PRIORITY);
            cm_free(mgrs);
        }
}

static void draw_mgrs(cm_context *context, cairo_t *cr, const grid_view *view)
{
    /* Lines every 100 km on a theatre map, 10 km or 1 km closer in: about
     * four to forty lines across. */
    double across_m = view->frame->width / view->frame->px_per_m;
    double step = across_m > 400000 ? 100000 : across_m > 40000 ? 10000 : 1000;
    cm_line_style line = view->style->grid;
    cm_draw_set_line(cr, &line);
    for (double west = floor((view->lon_min + 180) / 6) * 6 - 180; west < view->lon_max;
         west += 6) {
        int zone = (int)floor((remainder(west + 3, 360.0) + 180) / 6) % 60 + 1;
        for (int south = 0; south <= 1; south++) {
            utm_part part = {
                .lon_west = MAX(west, view->lon_min),
                .lon_east = MIN(west + 6, view->lon_max),
                .lat_south = south ? MAX(view->lat_min, -80) : MAX(view->lat_min, 0),
                .lat_north = south ? MIN(view->lat_max, 0) : MIN(view->lat_max, 84),
            };
            if (part.lat_south < part.lat_north && part.lon_west < part.lon_east)
                draw_utm_part(context, cr, view, &part, zone, south, step);
        }
    }
    draw_grid_zones(context, cr, view);
}

cm_status cm_grid_draw(cm_context *context, cairo_t *cr, const cm_frame *frame,
                       const cm_style *style, cm_grid_kind kind, double top, double bottom,
                       cm_labeller *labeller)
{
    if (kind == CM_GRID_NONE)
        return CM_OK;
    grid_view view = {frame, style, labeller, top, bottom, 0, 0, 0, 0};
    if (!view_bounds(&view))
        return cm_fail(context, CM_ERR_INPUT, "the map area cannot be unprojected for a grid");
    cairo_save(cr);
    if (kind == CM_GRID_LATLON)
        draw_graticule(cr, &view);
    else
        draw_mgrs(context, cr, &view);
    cairo_restore(cr);
    return CM_OK;
}
