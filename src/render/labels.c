/* Greedy, priority-ordered label placement with collision boxes. */
#include "labels.h"

#include <math.h>
#include <string.h>

#include "geocode/arabic-name.h"
#include "draw.h"

typedef struct label_request {
    char *text, *font;
    PangoLayout *layout;
    cm_rgba color;
    double anchor_x, anchor_y, gap;
    double dx, dy, slide; /* CM_LABEL_BESIDE_LINE: unit direction and slide step */
    double align_x, align_y; /* CM_LABEL_FIXED: the anchor's place in the label */
    cm_label_mode mode;
    gboolean is_shield;
    cm_label_shield shield;
    int priority;
    guint order;
    gboolean placed;
    cm_label_box where; /* once placed */
} label_request;

struct cm_labeller {
    cairo_t *measure;
    int width, height;
    GArray *obstacles; /* of cm_box */
    GPtrArray *requests; /* of label_request*, owned */
    GArray *placed;    /* of label_request* in placement order (borrowed) */
};

static void request_free(label_request *request)
{
    g_free(request->text);
    g_free(request->font);
    g_object_unref(request->layout);
    g_free(request);
}

cm_labeller *cm_labeller_new(cairo_t *cr, int width, int height)
{
    cm_labeller *labeller = g_new0(cm_labeller, 1);
    labeller->measure = cairo_reference(cr);
    labeller->width = width;
    labeller->height = height;
    labeller->obstacles = g_array_new(FALSE, FALSE, sizeof(cm_box));
    labeller->requests = g_ptr_array_new_with_free_func((GDestroyNotify)request_free);
    labeller->placed = g_array_new(FALSE, FALSE, sizeof(label_request *));
    return labeller;
}

void cm_labeller_free(cm_labeller *labeller)
{
    if (!labeller)
        return;
    cairo_destroy(labeller->measure);
    g_array_free(labeller->obstacles, TRUE);
    g_ptr_array_free(labeller->requests, TRUE);
    g_array_free(labeller->placed, TRUE);
    g_free(labeller);
}

void cm_labeller_add_obstacle(cm_labeller *labeller, cm_box box)
{
    g_array_append_val(labeller->obstacles, box);
}

static label_request *add_request(cm_labeller *labeller, const char *text, const char *font,
                                  cm_rgba color, double anchor_x, double anchor_y, double gap,
                                  cm_label_mode mode, int priority)
{
    label_request *request = g_new0(label_request, 1);
    request->text = g_strdup(text);
    request->font = g_strdup(font);
    request->layout = cm_draw_layout(labeller->measure, font, text);
    /* Pango sets each line's direction from its first letter and aligns an
     * Arabic line right, a Latin one left: a label with both reads better
     * centred. */
    if (strchr(text, '\n') && cm_arabic_script_text(text))
        pango_layout_set_alignment(request->layout, PANGO_ALIGN_CENTER);
    request->color = color;
    request->anchor_x = anchor_x;
    request->anchor_y = anchor_y;
    request->gap = gap;
    request->mode = mode;
    request->priority = priority;
    request->order = labeller->requests->len;
    g_ptr_array_add(labeller->requests, request);
    return request;
}

void cm_labeller_add(cm_labeller *labeller, const char *text, const char *font,
                     cm_rgba color, double anchor_x, double anchor_y, double gap,
                     cm_label_mode mode, int priority)
{
    add_request(labeller, text, font, color, anchor_x, anchor_y, gap, mode, priority);
}

void cm_labeller_add_beside_line(cm_labeller *labeller, const char *text, const char *font,
                                 cm_rgba color, double anchor_x, double anchor_y, double dx,
                                 double dy, double gap, double slide, int priority)
{
    label_request *request = add_request(labeller, text, font, color, anchor_x, anchor_y, gap,
                                         CM_LABEL_BESIDE_LINE, priority);
    double length = hypot(dx, dy);
    request->dx = length > 0 ? dx / length : 1;
    request->dy = length > 0 ? dy / length : 0;
    request->slide = slide;
}

void cm_labeller_add_fixed(cm_labeller *labeller, const char *text, const char *font,
                           cm_rgba color, double x, double y, double align_x, double align_y,
                           int priority)
{
    label_request *request = add_request(labeller, text, font, color, x, y, 0, CM_LABEL_FIXED,
                                         priority);
    request->align_x = align_x;
    request->align_y = align_y;
}

void cm_labeller_add_shield(cm_labeller *labeller, const char *text, const char *font,
                            cm_rgba color, const cm_label_shield *shield, double x, double y,
                            int priority)
{
    label_request *request = add_request(labeller, text, font, color, x, y, 0, CM_LABEL_FIXED,
                                         priority);
    request->align_x = request->align_y = 0.5;
    request->is_shield = TRUE;
    request->shield = *shield;
}

size_t cm_labeller_n_offered(const cm_labeller *labeller)
{
    return labeller->requests->len;
}

static gboolean boxes_overlap(const cm_box *a, const cm_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Half the extent of box along the unit axis (ux, uy). */
static double half_extent_along(const cm_label_box *box, double ux, double uy)
{
    double c = cos(box->angle), s = sin(box->angle);
    return box->half_width * fabs(c * ux + s * uy) + box->half_height * fabs(-s * ux + c * uy);
}

gboolean cm_label_boxes_overlap(const cm_label_box *a, const cm_label_box *b)
{
    if (!boxes_overlap(&a->bounds, &b->bounds))
        return FALSE;
    /* Separating axes: the two sides of each rectangle. */
    const double angles[] = {a->angle, a->angle + G_PI / 2, b->angle, b->angle + G_PI / 2};
    for (size_t i = 0; i < G_N_ELEMENTS(angles); i++) {
        double ux = cos(angles[i]), uy = sin(angles[i]);
        double apart = fabs((a->cx - b->cx) * ux + (a->cy - b->cy) * uy);
        if (apart >= half_extent_along(a, ux, uy) + half_extent_along(b, ux, uy))
            return FALSE;
    }
    return TRUE;
}

/* A rectangle of width x height centred on (cx, cy), turned by angle. */
static cm_label_box label_box(double cx, double cy, double width, double height, double angle)
{
    cm_label_box box = {cx, cy, width / 2, height / 2, angle, {0, 0, 0, 0}};
    double reach_x = half_extent_along(&box, 1, 0), reach_y = half_extent_along(&box, 0, 1);
    box.bounds = (cm_box){cx - reach_x, cy - reach_y, cx + reach_x, cy + reach_y};
    return box;
}

static gboolean box_is_free(const cm_labeller *labeller, const cm_label_box *box)
{
    const cm_box *bounds = &box->bounds;
    if (bounds->x0 < 2 || bounds->y0 < 2 || bounds->x1 > labeller->width - 2 ||
        bounds->y1 > labeller->height - 2)
        return FALSE;
    for (guint i = 0; i < labeller->obstacles->len; i++) {
        const cm_box *obstacle = &g_array_index(labeller->obstacles, cm_box, i);
        if (!boxes_overlap(bounds, obstacle))
            continue;
        cm_label_box upright = label_box((obstacle->x0 + obstacle->x1) / 2,
                                         (obstacle->y0 + obstacle->y1) / 2,
                                         obstacle->x1 - obstacle->x0,
                                         obstacle->y1 - obstacle->y0, 0);
        if (cm_label_boxes_overlap(box, &upright))
            return FALSE;
    }
    for (guint i = 0; i < labeller->placed->len; i++)
        if (cm_label_boxes_overlap(box,
                                   &g_array_index(labeller->placed, label_request *, i)->where))
            return FALSE;
    return TRUE;
}

static gint compare_requests(gconstpointer a, gconstpointer b)
{
    const label_request *ra = *(label_request *const *)a;
    const label_request *rb = *(label_request *const *)b;
    if (ra->priority != rb->priority)
        return rb->priority - ra->priority;
    return (ra->order > rb->order) - (ra->order < rb->order);
}

/* Tries the text's w x h box, halo added, centred on (cx, cy) and turned
 * by angle; stores it in request when free. */
static gboolean try_centre(cm_labeller *labeller, label_request *request, double cx, double cy,
                           double w, double h, double angle, double halo)
{
    cm_label_box box = label_box(cx, cy, w + 2 * halo, h + 2 * halo, angle);
    if (!box_is_free(labeller, &box))
        return FALSE;
    request->where = box;
    return TRUE;
}

static gboolean try_box(cm_labeller *labeller, label_request *request, double x, double y,
                        double w, double h, double halo)
{
    return try_centre(labeller, request, x + w / 2, y + h / 2, w, h, 0, halo);
}

/* Along a line: the text turned to run with it (and read upright), on the
 * side up the page first, then the other, at the anchor and then slid
 * along the line both ways. A line too short to carry its label that way
 * gets it level beside it, like a point's label. */
static gboolean place_beside_line(cm_labeller *labeller, label_request *request, double w,
                                  double h, double halo)
{
    double dx = request->dx, dy = request->dy;
    if (dx < 0 || (dx == 0 && dy > 0)) {
        dx = -dx;
        dy = -dy;
    }
    /* The normal that points up the page. */
    double nx = dy, ny = -dx;
    const double slides[] = {0, 1, -1, 2, -2, 3, -3};
    for (int level = 0; level <= 1; level++) {
        double angle = level ? 0 : atan2(dy, dx);
        /* From the line to the centre of the box, along the normal. */
        double reach = request->gap + (level ? fabs(nx) * (w / 2 + halo) +
                                                   fabs(ny) * (h / 2 + halo)
                                             : h / 2 + halo);
        for (size_t i = 0; i < G_N_ELEMENTS(slides); i++)
            for (int side = 1; side >= -1; side -= 2) {
                double cx = request->anchor_x + slides[i] * request->slide * dx +
                            side * nx * reach;
                double cy = request->anchor_y + slides[i] * request->slide * dy +
                            side * ny * reach;
                if (try_centre(labeller, request, cx, cy, w, h, angle, halo))
                    return TRUE;
            }
    }
    return FALSE;
}

/* Tries the candidate positions of request in order of preference; on
 * success stores the box (which includes the halo) and returns TRUE. */
static gboolean place(cm_labeller *labeller, label_request *request, double halo)
{
    int w_units, h_units;
    pango_layout_get_size(request->layout, &w_units, &h_units);
    double w = (double)w_units / PANGO_SCALE, h = (double)h_units / PANGO_SCALE;
    if (request->mode == CM_LABEL_BESIDE_LINE)
        return place_beside_line(labeller, request, w, h, halo);
    if (request->mode == CM_LABEL_FIXED)
        return try_box(labeller, request, request->anchor_x - request->align_x * w,
                       request->anchor_y - request->align_y * h, w, h, halo);
    double ax = request->anchor_x, ay = request->anchor_y, g = request->gap;
    /* Top-left corners, in cartographic order of preference. The diagonal
     * ones sit a full gap off both axes: the marker's obstacle is a square,
     * so a corner any closer would always touch it. */
    double around[][2] = {
        {ax + g, ay - h / 2},         {ax - g - w, ay - h / 2},   {ax - w / 2, ay - g - h},
        {ax - w / 2, ay + g},         {ax + g, ay - g - h},       {ax - g - w, ay - g - h},
        {ax + g, ay + g},             {ax - g - w, ay + g},
    };
    /* Text read right to left starts beside its marker on the left: the
     * same order, mirrored about the anchor. */
    const PangoLayoutLine *first = pango_layout_get_line_readonly(request->layout, 0);
    if (first && first->resolved_dir == PANGO_DIRECTION_RTL)
        for (size_t i = 0; i < G_N_ELEMENTS(around); i++)
            around[i][0] = 2 * ax - around[i][0] - w;
    double centred[][2] = {
        {ax - w / 2, ay - h / 2},     {ax - w / 2, ay - h * 1.5}, {ax - w / 2, ay + h / 2},
        {ax - w, ay - h / 2},         {ax, ay - h / 2},
    };
    double(*candidates)[2] = request->mode == CM_LABEL_AROUND ? around : centred;
    size_t n = request->mode == CM_LABEL_AROUND ? G_N_ELEMENTS(around) : G_N_ELEMENTS(centred);
    for (size_t i = 0; i < n; i++)
        if (try_box(labeller, request, candidates[i][0], candidates[i][1], w, h, halo))
            return TRUE;
    return FALSE;
}

size_t cm_labeller_place(cm_labeller *labeller, const cm_style *style)
{
    GPtrArray *order = g_ptr_array_copy(labeller->requests, NULL, NULL);
    /* The copy inherits the owner's free function; it only borrows. */
    g_ptr_array_set_free_func(order, NULL);
    g_ptr_array_sort(order, compare_requests);
    double halo = style->halo_width / 2;
    for (guint i = 0; i < order->len; i++) {
        label_request *request = g_ptr_array_index(order, i);
        request->placed = place(labeller, request, halo);
        if (request->placed)
            g_array_append_val(labeller->placed, request);
    }
    g_ptr_array_free(order, TRUE);
    return labeller->placed->len;
}

/* Draws layout, whose box (halo included) is where, with its halo, or in
 * the box of shield when it is not NULL. */
static void draw_at(cairo_t *cr, PangoLayout *layout, const cm_label_box *where,
                    cm_rgba color, const cm_label_shield *shield, const cm_style *style)
{
    double halo = style->halo_width / 2;
    cairo_save(cr);
    cairo_translate(cr, where->cx, where->cy);
    cairo_rotate(cr, where->angle);
    if (shield) {
        /* The halo's room is the box's padding; the outline sits inside. */
        cairo_rectangle(cr, -where->half_width + 0.5, -where->half_height + 0.5,
                        2 * where->half_width - 1, 2 * where->half_height - 1);
        cm_draw_set_color(cr, shield->fill);
        cairo_fill_preserve(cr);
        cm_draw_set_color(cr, shield->outline);
        cairo_set_line_width(cr, 1);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke(cr);
    }
    cm_draw_layout_with_halo(cr, layout, -where->half_width + halo, -where->half_height + halo,
                             color, style->halo_color, shield ? 0 : style->halo_width);
    cairo_restore(cr);
}

size_t cm_labeller_place_and_draw(cm_labeller *labeller, cairo_t *cr, const cm_style *style)
{
    cm_labeller_place(labeller, style);
    /* A halo is its glyphs' outlines stroked wide, and stroking them was
     * the most costly drawing of the map after the basemap: Cairo's coarser
     * antialiasing grid (4 x 4 samples) for shapes takes two fifths off
     * it. Only a halo's soft outer edge changes, by a few levels; the text
     * is glyphs, which Cairo antialiases by the font options, and vector
     * output ignores the setting. */
    cairo_save(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST);
    for (guint i = 0; i < labeller->placed->len; i++) {
        label_request *request = g_array_index(labeller->placed, label_request *, i);
        draw_at(cr, request->layout, &request->where, request->color,
                request->is_shield ? &request->shield : NULL, style);
    }
    cairo_restore(cr);
    return labeller->placed->len;
}

gboolean cm_labeller_placed(const cm_labeller *labeller, size_t i, cm_label_box *box,
                            const char **text)
{
    if (i >= labeller->placed->len)
        return FALSE;
    const label_request *request = g_array_index(labeller->placed, label_request *, i);
    *box = request->where;
    if (text)
        *text = request->text;
    return TRUE;
}

gboolean cm_labeller_placed_label(const cm_labeller *labeller, size_t i, cm_placed_label *label)
{
    if (i >= labeller->placed->len)
        return FALSE;
    const label_request *request = g_array_index(labeller->placed, label_request *, i);
    *label = (cm_placed_label){request->text, request->font, request->color, request->where,
                               request->order, request->is_shield, request->shield};
    return TRUE;
}

void cm_label_draw(cairo_t *cr, const cm_placed_label *label, const cm_style *style)
{
    PangoLayout *layout = cm_draw_layout(cr, label->font, label->text);
    draw_at(cr, layout, &label->box, label->color, label->is_shield ? &label->shield : NULL,
            style);
    g_object_unref(layout);
}
