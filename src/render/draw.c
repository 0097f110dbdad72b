/* Drawing helpers: styled lines, projected polylines, Pango text. */
#include "draw.h"

#include <math.h>
#include <string.h>

void cm_draw_set_color(cairo_t *cr, cm_rgba color)
{
    cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a);
}

void cm_draw_set_line(cairo_t *cr, const cm_line_style *line)
{
    cm_draw_set_color(cr, line->color);
    cairo_set_line_width(cr, line->width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_dash(cr, line->dash, line->n_dash, 0);
}

/* Segments longer than this many pixels are checked against the
 * projection at their middle: resampled where the projection bends them,
 * cut where it jumps (across the edge of its valid area or its
 * antimeridian). */
#define TEST_PX 8.0
/* A resampled chord may stray this far from the true line. */
#define BEND_PX 0.5
/* Halvings before a segment still far off its true middle is judged a
 * jump: 2^-12 of a segment cannot bend like that. */
#define MAX_DEPTH 12

typedef struct pixel_point {
    double x, y;
    gboolean starts_run; /* the pen lifts before this point */
} pixel_point;

typedef struct path_builder {
    const cm_frame *frame;
    double near_x0, near_y0, near_x1, near_y1; /* the frame and as much round it */
    double x0, y0, x1, y1; /* clip box: Cairo's fixed point cannot take far pixels */
    GArray *points;        /* of pixel_point, the first n_points in use */
    guint n_points;
    gboolean cut;          /* some segment was cut */
} path_builder;

/* Writes into room made ahead rather than calling g_array_append_val for
 * each of the hundreds of thousands of vertices a map has. */
static void add_point(path_builder *builder, double x, double y, gboolean starts_run)
{
    if (builder->n_points == builder->points->len)
        g_array_set_size(builder->points, 2 * builder->points->len);
    g_array_index(builder->points, pixel_point, builder->n_points++) =
        (pixel_point){x, y, starts_run};
}

/* Whether a segment lies wholly to one side of the frame's surroundings,
 * where how it bends cannot show. */
static gboolean far_off(const path_builder *b, double ax, double ay, double bx, double by)
{
    return (ax < b->near_x0 && bx < b->near_x0) || (ax > b->near_x1 && bx > b->near_x1) ||
           (ay < b->near_y0 && by < b->near_y0) || (ay > b->near_y1 && by > b->near_y1);
}

/* Appends the segment from geographic a (pixel pa, already appended) to b
 * (pixel pb): straight when the projection keeps it straight, through its
 * projected middle where it bends, and cut (b starts a new run) where the
 * middle cannot be projected or stays far from the chord however short the
 * segment gets. */
static void add_segment(path_builder *builder, cm_geo_point a, double ax, double ay,
                        cm_geo_point b, double bx, double by, int depth)
{
    double dx = bx - ax, dy = by - ay;
    if (dx * dx + dy * dy <= TEST_PX * TEST_PX || far_off(builder, ax, ay, bx, by)) {
        add_point(builder, bx, by, FALSE);
        return;
    }
    cm_geo_point middle = {(a.lat + b.lat) / 2, a.lon + remainder(b.lon - a.lon, 360.0) / 2};
    double mx, my;
    if (!cm_frame_geo_to_pixel(builder->frame, middle, &mx, &my)) {
        builder->cut = TRUE;
        add_point(builder, bx, by, TRUE);
        return;
    }
    double off = hypot(mx - (ax + bx) / 2, my - (ay + by) / 2);
    if (off <= BEND_PX) {
        add_point(builder, bx, by, FALSE);
    } else if (depth == MAX_DEPTH) {
        gboolean jump = off > hypot(dx, dy) / 4;
        builder->cut |= jump;
        add_point(builder, bx, by, jump);
    } else {
        add_segment(builder, a, ax, ay, middle, mx, my, depth + 1);
        add_segment(builder, middle, mx, my, b, bx, by, depth + 1);
    }
}

/* Clips the polygon points[0..n) (closed implicitly) to the half-plane
 * where coordinate axis (0 x, 1 y) is >= limit (sign 1) or <= limit (sign
 * -1), Sutherland-Hodgman, into out. */
static void clip_polygon_edge(const pixel_point *points, guint n, int axis, double limit,
                              double sign, GArray *out)
{
    g_array_set_size(out, 0);
    for (guint i = 0; i < n; i++) {
        const pixel_point *p = &points[i], *q = &points[(i + 1) % n];
        double dp = sign * ((axis ? p->y : p->x) - limit);
        double dq = sign * ((axis ? q->y : q->x) - limit);
        if (dp >= 0) {
            pixel_point kept = {p->x, p->y, FALSE};
            g_array_append_val(out, kept);
        }
        if ((dp >= 0) != (dq >= 0)) {
            double t = dp / (dp - dq);
            pixel_point crossing = {p->x + t * (q->x - p->x), p->y + t * (q->y - p->y), FALSE};
            g_array_append_val(out, crossing);
        }
    }
}

/* Moves to the first point and draws to the others, skipping those within
 * a quarter pixel of the last drawn (but never the last). */
static void emit_run(cairo_t *cr, const pixel_point *points, guint n)
{
    double last_x = points[0].x, last_y = points[0].y;
    cairo_move_to(cr, last_x, last_y);
    for (guint i = 1; i < n; i++) {
        if (fabs(points[i].x - last_x) + fabs(points[i].y - last_y) < 0.25 && i + 1 < n)
            continue;
        cairo_line_to(cr, points[i].x, points[i].y);
        last_x = points[i].x;
        last_y = points[i].y;
    }
}

/* Whether all of points[0..n) lie in the clip box, as nearly every run
 * does: clipping would then return them unchanged. */
static gboolean inside_clip_box(const path_builder *builder, const pixel_point *points, guint n)
{
    for (guint i = 0; i < n; i++)
        if (!(points[i].x >= builder->x0 && points[i].x <= builder->x1 &&
              points[i].y >= builder->y0 && points[i].y <= builder->y1))
            return FALSE;
    return TRUE;
}

/* An area's run, clipped to the clip box as a polygon so that its fill
 * stays whole; closed when the ring was not cut. */
static void emit_area(cairo_t *cr, const path_builder *builder, const pixel_point *points,
                      guint n, GArray *scratch, GArray *other)
{
    if (inside_clip_box(builder, points, n)) {
        if (n < 2)
            return;
        emit_run(cr, points, n);
        if (!builder->cut)
            cairo_close_path(cr);
        return;
    }
    g_array_set_size(scratch, 0);
    g_array_append_vals(scratch, points, n);
    const struct {
        int axis;
        double limit, sign;
    } edges[] = {{0, builder->x0, 1}, {0, builder->x1, -1}, {1, builder->y0, 1},
                 {1, builder->y1, -1}};
    for (size_t e = 0; e < G_N_ELEMENTS(edges) && scratch->len > 0; e++) {
        clip_polygon_edge((const pixel_point *)(void *)scratch->data, scratch->len,
                          edges[e].axis, edges[e].limit, edges[e].sign, other);
        GArray *swap = scratch;
        scratch = other;
        other = swap;
    }
    if (scratch->len < 2)
        return;
    emit_run(cr, (const pixel_point *)(void *)scratch->data, scratch->len);
    if (!builder->cut)
        cairo_close_path(cr);
}

/* A line's run, each segment clipped to the clip box (Liang-Barsky); the
 * pen lifts where the line leaves the box. */
static void emit_line(cairo_t *cr, const path_builder *builder, const pixel_point *points,
                      guint n, GArray *scratch)
{
    if (inside_clip_box(builder, points, n)) {
        emit_run(cr, points, n);
        return;
    }
    g_array_set_size(scratch, 0);
    for (guint i = 0; i + 1 < n; i++) {
        double x = points[i].x, y = points[i].y;
        double dx = points[i + 1].x - x, dy = points[i + 1].y - y;
        double t0 = 0, t1 = 1;
        const double p[4] = {-dx, dx, -dy, dy};
        const double q[4] = {x - builder->x0, builder->x1 - x, y - builder->y0,
                             builder->y1 - y};
        gboolean inside = TRUE;
        for (int k = 0; k < 4 && inside; k++) {
            if (p[k] == 0) {
                inside = q[k] >= 0;
            } else if (p[k] < 0) {
                t0 = MAX(t0, q[k] / p[k]);
            } else {
                t1 = MIN(t1, q[k] / p[k]);
            }
            inside = inside && t0 <= t1;
        }
        if (!inside)
            continue;
        /* Unclipped ends stay exact, so that the run goes on unbroken
         * (and its dashes with it). */
        pixel_point from = t0 == 0 ? points[i] : (pixel_point){x + t0 * dx, y + t0 * dy, 0};
        pixel_point to = t1 == 1 ? points[i + 1] : (pixel_point){x + t1 * dx, y + t1 * dy, 0};
        from.starts_run = TRUE;
        to.starts_run = FALSE;
        const pixel_point *last = scratch->len
                                      ? &g_array_index(scratch, pixel_point, scratch->len - 1)
                                      : NULL;
        if (!last || last->x != from.x || last->y != from.y)
            g_array_append_val(scratch, from);
        g_array_append_val(scratch, to);
    }
    guint start = 0;
    for (guint i = 1; i <= scratch->len; i++)
        if (i == scratch->len || g_array_index(scratch, pixel_point, i).starts_run) {
            if (i - start >= 2)
                emit_run(cr, &g_array_index(scratch, pixel_point, start), i - start);
            start = i;
        }
}

void cm_draw_geo_polyline(cairo_t *cr, const cm_frame *frame, double *x, double *y,
                          size_t n, gboolean close_ring)
{
    if (n == 0)
        return;
    /* A ring, closed by repeating its first vertex or not, is an area: its
     * fill must stay whole. Walk its vertices, then the closing segment. */
    if (n > 3 && x[0] == x[n - 1] && y[0] == y[n - 1]) {
        close_ring = TRUE;
        n--;
    }
    cm_geo_point *geo = g_new(cm_geo_point, n);
    for (size_t i = 0; i < n; i++)
        geo[i] = (cm_geo_point){y[i], x[i]};
    cm_projection_forward(frame->projection, x, y, n);
    /* The clip box lies 2^21 device units round the frame, a quarter of
     * what Cairo's 24.8 fixed point holds: so far that no line is broken
     * where it could show, nor its dashes restarted (a tile and its
     * metatile must draw alike). */
    double ux = 1, uy = 0, vx = 0, vy = 1;
    cairo_user_to_device_distance(cr, &ux, &uy);
    cairo_user_to_device_distance(cr, &vx, &vy);
    double reach = (double)(1 << 21) / MAX(MAX(hypot(ux, uy), hypot(vx, vy)), 1e-9);
    path_builder builder = {
        .frame = frame,
        .near_x0 = -(double)frame->width, .near_y0 = -(double)frame->height,
        .near_x1 = 2.0 * frame->width, .near_y1 = 2.0 * frame->height,
        .x0 = -reach, .y0 = -reach,
        .x1 = frame->width + reach, .y1 = frame->height + reach,
        .points = g_array_sized_new(FALSE, FALSE, sizeof(pixel_point), (guint)n + 1),
    };
    g_array_set_size(builder.points, (guint)n + 1);
    size_t n_segments = close_ring ? n : n - 1;
    gboolean pen_down = FALSE;
    double last_x = 0, last_y = 0;
    for (size_t i = 0; i <= n_segments; i++) {
        size_t v = i % n;
        if (x[v] == HUGE_VAL) {
            builder.cut |= pen_down || close_ring;
            pen_down = FALSE;
            continue;
        }
        double px, py;
        cm_frame_to_pixel(frame, x[v], y[v], &px, &py);
        if (pen_down)
            add_segment(&builder, geo[i - 1], last_x, last_y, geo[v], px, py, 0);
        else if (i < n_segments || !close_ring)
            add_point(&builder, px, py, TRUE);
        pen_down = TRUE;
        last_x = px;
        last_y = py;
    }
    GArray *points = g_array_set_size(builder.points, builder.n_points);
    /* A cut ring walked from vertex 0 ends where it began: its last run
     * continues into its first. */
    if (close_ring && builder.cut && x[0] != HUGE_VAL && points->len > 0 &&
        !g_array_index(points, pixel_point, points->len - 1).starts_run) {
        guint last_start = points->len - 1;
        while (!g_array_index(points, pixel_point, last_start).starts_run)
            last_start--;
        if (last_start > 0) {
            guint first_end = 1;
            while (first_end < last_start &&
                   !g_array_index(points, pixel_point, first_end).starts_run)
                first_end++;
            GArray *joined = g_array_sized_new(FALSE, FALSE, sizeof(pixel_point), points->len);
            g_array_append_vals(joined, &g_array_index(points, pixel_point, last_start),
                                points->len - last_start);
            g_array_append_vals(joined, &g_array_index(points, pixel_point, 1), first_end - 1);
            g_array_append_vals(joined, &g_array_index(points, pixel_point, first_end),
                                last_start - first_end);
            g_array_free(points, TRUE);
            points = joined;
        }
    }
    GArray *scratch = g_array_new(FALSE, FALSE, sizeof(pixel_point));
    GArray *other = g_array_new(FALSE, FALSE, sizeof(pixel_point));
    guint start = 0;
    for (guint i = 1; i <= points->len; i++)
        if (i == points->len || g_array_index(points, pixel_point, i).starts_run) {
            const pixel_point *run = &g_array_index(points, pixel_point, start);
            if (close_ring)
                emit_area(cr, &builder, run, i - start, scratch, other);
            else if (i - start >= 2)
                emit_line(cr, &builder, run, i - start, scratch);
            start = i;
        }
    g_array_free(scratch, TRUE);
    g_array_free(other, TRUE);
    g_array_free(points, TRUE);
    g_free(geo);
}

PangoLayout *cm_draw_layout(cairo_t *cr, const char *font, const char *text)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, description);
    pango_font_description_free(description);
    pango_layout_set_text(layout, text, -1);
    return layout;
}

void cm_draw_layout_with_halo(cairo_t *cr, PangoLayout *layout, double x, double y,
                              cm_rgba color, cm_rgba halo_color, double halo_width)
{
    cairo_save(cr);
    cairo_move_to(cr, x, y);
    if (halo_width > 0) {
        pango_cairo_layout_path(cr, layout);
        cm_draw_set_color(cr, halo_color);
        cairo_set_line_width(cr, halo_width);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke(cr);
        cairo_move_to(cr, x, y);
    }
    cm_draw_set_color(cr, color);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
}

/* Unlike GEOS's simplifier, nothing is built and no ring is repaired: a
 * line or fill at the scale it is thinned for cannot show the difference. */
unsigned cm_draw_thin_line(double *x, double *y, unsigned n, double tolerance, GArray *scratch)
{
    gboolean ring = n > 3 && x[0] == x[n - 1] && y[0] == y[n - 1];
    unsigned kept = 1;
    for (unsigned i = 1; i + 1 < n; i++)
        if (fabs(x[i] - x[kept - 1]) >= tolerance || fabs(y[i] - y[kept - 1]) >= tolerance) {
            x[kept] = x[i];
            y[kept++] = y[i];
        }
    x[kept] = x[n - 1];
    y[kept++] = y[n - 1];
    n = kept;
    /* Douglas-Peucker over index ranges [first, last] on a stack; a ring's
     * chord from its first point to itself is split at its middle first. */
    g_array_set_size(scratch, n);
    guint8 *keep = (guint8 *)scratch->data;
    memset(keep, 0, n);
    keep[0] = keep[n - 1] = 1;
    unsigned stack[2 * 64];
    int top = 0;
    if (ring && n > 2) {
        keep[n / 2] = 1;
        stack[top++] = 0;
        stack[top++] = n / 2;
        stack[top++] = n / 2;
        stack[top++] = n - 1;
    } else {
        stack[top++] = 0;
        stack[top++] = n - 1;
    }
    double tolerance2 = tolerance * tolerance;
    while (top > 0) {
        unsigned last = stack[--top], first = stack[--top];
        if (last <= first + 1)
            continue;
        double dx = x[last] - x[first], dy = y[last] - y[first];
        double length2 = dx * dx + dy * dy;
        double worst = 0;
        unsigned worst_i = first;
        for (unsigned i = first + 1; i < last; i++) {
            double ex = x[i] - x[first], ey = y[i] - y[first];
            double cross = ex * dy - ey * dx;
            /* Squared distance from the chord, or from its first point
             * when the chord has no length. */
            double d2 = length2 > 0 ? cross * cross / length2 : ex * ex + ey * ey;
            if (d2 > worst) {
                worst = d2;
                worst_i = i;
            }
        }
        if (worst <= tolerance2)
            continue;
        keep[worst_i] = 1;
        if (top + 4 > (int)G_N_ELEMENTS(stack)) {
            /* Deeper than the stack: keep the whole range rather than
             * grow it (lines of the basemap are far from this). */
            for (unsigned i = first + 1; i < last; i++)
                keep[i] = 1;
            continue;
        }
        stack[top++] = first;
        stack[top++] = worst_i;
        stack[top++] = worst_i;
        stack[top++] = last;
    }
    kept = 0;
    for (unsigned i = 0; i < n; i++)
        if (keep[i]) {
            x[kept] = x[i];
            y[kept++] = y[i];
        }
    return ring && kept < 4 ? 0 : kept;
}
