/* Label placement: labels are offered with a priority and an anchor, and
 * placed greedily in priority order at the first candidate position that
 * overlaps no placed label, no obstacle (markers, the route, panels) and
 * stays inside the frame. A label that fits nowhere is dropped. */
#ifndef CM_LABELS_H
#define CM_LABELS_H

#include <cairo.h>

#include "style.h"

typedef struct cm_labeller cm_labeller;

typedef struct cm_box {
    double x0, y0, x1, y1;
} cm_box;

/* Where a label went: a rectangle (halo included) centred on (cx, cy),
 * turned clockwise on the page by angle radians, and its upright bounds. */
typedef struct cm_label_box {
    double cx, cy, half_width, half_height, angle;
    cm_box bounds;
} cm_label_box;

/* TRUE when the two rectangles share any area. */
gboolean cm_label_boxes_overlap(const cm_label_box *a, const cm_label_box *b);

typedef enum cm_label_mode {
    CM_LABEL_AROUND,  /* beside a point marker: right, left, above, below, diagonals
                       * (left first when the first line reads right to left) */
    CM_LABEL_CENTRED, /* centred on the anchor, nudged a little if needed (areas) */
    CM_LABEL_BESIDE_LINE, /* along a line through the anchor, either side, slid along it */
    CM_LABEL_FIXED,       /* exactly where asked (a grid label at the frame's edge) */
} cm_label_mode;

/* A labeller for a width x height frame drawn with cr (used to measure
 * text). Free with cm_labeller_free(). */
cm_labeller *cm_labeller_new(cairo_t *cr, int width, int height);

void cm_labeller_free(cm_labeller *labeller);

/* Marks a region no label may cover. */
void cm_labeller_add_obstacle(cm_labeller *labeller, cm_box box);

/* Offers a label; text is copied. gap is the distance kept from the anchor
 * in CM_LABEL_AROUND mode. Higher priority places first; equal priorities
 * keep the order offered. */
void cm_labeller_add(cm_labeller *labeller, const char *text, const char *font,
                     cm_rgba color, double anchor_x, double anchor_y, double gap,
                     cm_label_mode mode, int priority);

/* Offers a label along a line that passes through the anchor in direction
 * (dx, dy): turned to run with the line (upright), on either side at gap
 * from it, at the anchor or slid up to 3 * slide pixels along it. */
void cm_labeller_add_beside_line(cm_labeller *labeller, const char *text, const char *font,
                                 cm_rgba color, double anchor_x, double anchor_y, double dx,
                                 double dy, double gap, double slide, int priority);

/* Offers a label that fits only at one place: the point of the label
 * (align_x, align_y) of its width and height from its top-left corner lies
 * on (x, y); e.g. 0.5, 0 hangs it centred below the point. */
void cm_labeller_add_fixed(cm_labeller *labeller, const char *text, const char *font,
                           cm_rgba color, double x, double y, double align_x, double align_y,
                           int priority);

/* The look of a route shield: a road number in a box. */
typedef struct cm_label_shield {
    cm_rgba fill, outline;
} cm_label_shield;

/* Offers a route shield: text (a road number) in color on a box of
 * shield's fill and outline, centred on (x, y) or not at all. */
void cm_labeller_add_shield(cm_labeller *labeller, const char *text, const char *font,
                            cm_rgba color, const cm_label_shield *shield, double x, double y,
                            int priority);

/* How many labels were offered so far. */
size_t cm_labeller_n_offered(const cm_labeller *labeller);

/* Places the labels offered, without drawing them. Returns the number
 * placed. */
size_t cm_labeller_place(cm_labeller *labeller, const cm_style *style);

/* Places the labels offered and draws those placed, with halos. Returns the
 * number placed. */
size_t cm_labeller_place_and_draw(cm_labeller *labeller, cairo_t *cr, const cm_style *style);

/* Where placed label i (0-based, in placement order) went, and its text
 * (owned by the labeller); FALSE when out of range. */
gboolean cm_labeller_placed(const cm_labeller *labeller, size_t i, cm_label_box *box,
                            const char **text);

/* A placed label, all that drawing it again needs. */
typedef struct cm_placed_label {
    const char *text, *font; /* owned by the labeller (or whoever copied them) */
    cm_rgba color;
    cm_label_box box;        /* halo included */
    size_t offer;            /* 0-based order in which it was offered */
    gboolean is_shield;      /* drawn in shield's box, without a halo */
    cm_label_shield shield;
} cm_placed_label;

/* Placed label i (in placement order); FALSE when out of range. */
gboolean cm_labeller_placed_label(const cm_labeller *labeller, size_t i, cm_placed_label *label);

/* Draws label with its halo onto cr, laid out afresh with cr's fonts (so
 * that any thread can draw what another placed). */
void cm_label_draw(cairo_t *cr, const cm_placed_label *label, const cm_style *style);

#endif
