/* Drawing helpers: styled lines, projected polylines, Pango text. */
#include "draw.h"

#include <math.h>

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

void cm_draw_geo_polyline(cairo_t *cr, const cm_frame *frame, double *x, double *y,
                          size_t n, gboolean close_ring)
{
    cm_projection_forward(frame->projection, x, y, n);
    gboolean pen_down = FALSE;
    double last_x = 0, last_y = 0;
    for (size_t i = 0; i < n; i++) {
        if (x[i] == HUGE_VAL) {
            pen_down = FALSE;
            continue;
        }
        double px, py;
        cm_frame_to_pixel(frame, x[i], y[i], &px, &py);
        if (!pen_down) {
            cairo_move_to(cr, px, py);
            pen_down = TRUE;
        } else if (fabs(px - last_x) + fabs(py - last_y) >= 0.25 || i == n - 1) {
            cairo_line_to(cr, px, py);
        } else {
            continue;
        }
        last_x = px;
        last_y = py;
    }
    if (pen_down && close_ring)
        cairo_close_path(cr);
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
