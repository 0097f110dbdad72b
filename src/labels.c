/* Greedy, priority-ordered label placement with collision boxes. */
#include "labels.h"

#include <math.h>

#include "draw.h"

typedef struct label_request {
    char *text;
    PangoLayout *layout;
    cm_rgba color;
    double anchor_x, anchor_y, gap;
    double dx, dy, slide; /* CM_LABEL_BESIDE_LINE: unit direction and slide step */
    double align_x, align_y; /* CM_LABEL_FIXED: the anchor's place in the label */
    cm_label_mode mode;
    int priority;
    guint order;
    gboolean placed;
    cm_box box;
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
    request->layout = cm_draw_layout(labeller->measure, font, text);
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

static gboolean boxes_overlap(const cm_box *a, const cm_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static gboolean box_is_free(const cm_labeller *labeller, const cm_box *box)
{
    if (box->x0 < 2 || box->y0 < 2 || box->x1 > labeller->width - 2 ||
        box->y1 > labeller->height - 2)
        return FALSE;
    for (guint i = 0; i < labeller->obstacles->len; i++)
        if (boxes_overlap(box, &g_array_index(labeller->obstacles, cm_box, i)))
            return FALSE;
    for (guint i = 0; i < labeller->placed->len; i++)
        if (boxes_overlap(box, &g_array_index(labeller->placed, label_request *, i)->box))
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

static gboolean try_box(cm_labeller *labeller, label_request *request, double x, double y,
                        double w, double h, double halo)
{
    cm_box box = {x - halo, y - halo, x + w + halo, y + h + halo};
    if (!box_is_free(labeller, &box))
        return FALSE;
    request->box = box;
    return TRUE;
}

/* Beside a line: the normal pointing up the page first, then the other
 * side, at the anchor and then slid along the line both ways. */
static gboolean place_beside_line(cm_labeller *labeller, label_request *request, double w,
                                  double h, double halo)
{
    double nx = -request->dy, ny = request->dx;
    if (ny > 0) {
        nx = -nx;
        ny = -ny;
    }
    /* Distance from the centre of the box to its edge along the normal. */
    double reach = fabs(nx) * (w / 2 + halo) + fabs(ny) * (h / 2 + halo);
    const double slides[] = {0, 1, -1, 2, -2, 3, -3};
    for (size_t i = 0; i < G_N_ELEMENTS(slides); i++) {
        for (int side = 1; side >= -1; side -= 2) {
            double cx = request->anchor_x + slides[i] * request->slide * request->dx +
                        side * nx * (request->gap + reach);
            double cy = request->anchor_y + slides[i] * request->slide * request->dy +
                        side * ny * (request->gap + reach);
            if (try_box(labeller, request, cx - w / 2, cy - h / 2, w, h, halo))
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

size_t cm_labeller_place_and_draw(cm_labeller *labeller, cairo_t *cr, const cm_style *style)
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
    for (guint i = 0; i < labeller->placed->len; i++) {
        label_request *request = g_array_index(labeller->placed, label_request *, i);
        cm_draw_layout_with_halo(cr, request->layout, request->box.x0 + halo,
                                 request->box.y0 + halo, request->color, style->halo_color,
                                 style->halo_width);
    }
    return labeller->placed->len;
}

gboolean cm_labeller_placed_box(const cm_labeller *labeller, size_t i, cm_box *box,
                                const char **text)
{
    if (i >= labeller->placed->len)
        return FALSE;
    const label_request *request = g_array_index(labeller->placed, label_request *, i);
    *box = request->box;
    if (text)
        *text = request->text;
    return TRUE;
}
