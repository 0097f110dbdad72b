/* Title band, scale bar, north arrow, legend and attribution. */
#include "furniture.h"

#include <math.h>

#include "draw.h"

#define PANEL_PADDING 10.0

void cm_furniture_bands(int width, int height, double *top, double *bottom)
{
    (void)width;
    *top = round(CLAMP(height * 0.07, 44.0, 140.0));
    *bottom = round(CLAMP(height * 0.04, 26.0, 80.0));
}

double cm_furniture_scale_length(double m_per_px, double target_px)
{
    double target_m = m_per_px * target_px;
    double power = pow(10.0, floor(log10(target_m)));
    double best = power;
    const double steps[] = {1, 2, 5, 10};
    for (size_t i = 0; i < G_N_ELEMENTS(steps); i++)
        if (fabs(steps[i] * power - target_m) < fabs(best - target_m))
            best = steps[i] * power;
    return best;
}

static void panel(cairo_t *cr, const cm_style *style, cm_box box)
{
    cairo_rectangle(cr, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    cm_draw_set_color(cr, style->panel_color);
    cairo_fill_preserve(cr);
    cm_draw_set_color(cr, style->frame_line_color);
    cairo_set_line_width(cr, 1);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
}

static void text_at(cairo_t *cr, const char *font, const char *text, cm_rgba color,
                    double x, double y, double align, double *width_out)
{
    PangoLayout *layout = cm_draw_layout(cr, font, text);
    int w, h;
    pango_layout_get_pixel_size(layout, &w, &h);
    cairo_move_to(cr, x - align * w, y);
    cm_draw_set_color(cr, color);
    pango_cairo_show_layout(cr, layout);
    if (width_out)
        *width_out = w;
    g_object_unref(layout);
}

static double text_height(cairo_t *cr, const char *font)
{
    PangoLayout *layout = cm_draw_layout(cr, font, "Ag");
    int w, h;
    pango_layout_get_pixel_size(layout, &w, &h);
    g_object_unref(layout);
    return h;
}

static void draw_scale_bar(cairo_t *cr, const cm_style *style, double x, double y,
                           double ground_m, double m_per_px)
{
    double length = ground_m / m_per_px;
    double bar_h = 6;
    for (int i = 0; i < 4; i++) {
        cairo_rectangle(cr, x + length * i / 4, y, length / 4, bar_h);
        cm_draw_set_color(cr, i % 2 ? style->panel_color : style->frame_color);
        cairo_fill_preserve(cr);
        cm_draw_set_color(cr, style->frame_color);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
    }
    char *zero = g_strdup("0");
    double km = ground_m / 1000.0;
    char *end = km >= 1 ? g_strdup_printf("%g km", km) : g_strdup_printf("%g m", ground_m);
    char *half = km >= 1 ? g_strdup_printf("%g", km / 2) : g_strdup_printf("%g", ground_m / 2);
    text_at(cr, style->text_font, zero, style->frame_color, x, y + bar_h + 1, 0.5, NULL);
    text_at(cr, style->text_font, half, style->frame_color, x + length / 2, y + bar_h + 1, 0.5,
            NULL);
    text_at(cr, style->text_font, end, style->frame_color, x + length, y + bar_h + 1, 0.5,
            NULL);
    g_free(zero);
    g_free(end);
    g_free(half);
}

static void draw_north_arrow(cairo_t *cr, const cm_frame *frame, const cm_style *style,
                             double cx, double cy)
{
    /* Grid north and true north differ in a conic projection: point at true
     * north at the map's centre. */
    cm_geo_point centre, north;
    double x0, y0, x1, y1;
    if (!cm_frame_pixel_to_geo(frame, frame->width / 2.0, frame->height / 2.0, &centre))
        return;
    north = cm_geodesic_direct(centre, 0, 10000);
    if (!cm_frame_geo_to_pixel(frame, centre, &x0, &y0) ||
        !cm_frame_geo_to_pixel(frame, north, &x1, &y1))
        return;
    double angle = atan2(x1 - x0, y0 - y1);
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_rotate(cr, angle);
    double s = 18;
    cairo_move_to(cr, 0, -s);
    cairo_line_to(cr, s * 0.45, s * 0.6);
    cairo_line_to(cr, 0, s * 0.3);
    cairo_close_path(cr);
    cm_draw_set_color(cr, style->frame_color);
    cairo_fill(cr);
    cairo_move_to(cr, 0, -s);
    cairo_line_to(cr, -s * 0.45, s * 0.6);
    cairo_line_to(cr, 0, s * 0.3);
    cairo_close_path(cr);
    cm_draw_set_color(cr, style->panel_color);
    cairo_fill_preserve(cr);
    cm_draw_set_color(cr, style->frame_color);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_restore(cr);
    PangoLayout *layout = cm_draw_layout(cr, style->waypoint_font, "N");
    int w, h;
    pango_layout_get_pixel_size(layout, &w, &h);
    cm_draw_layout_with_halo(cr, layout, cx - w / 2.0, cy - s - h - 2, style->frame_color,
                             style->halo_color, style->halo_width);
    g_object_unref(layout);
}

void cm_furniture_crossing_symbol(cairo_t *cr, const cm_style *style, double x, double y)
{
    double r = style->crossing_radius;
    cairo_move_to(cr, x, y - r);
    cairo_line_to(cr, x + r, y);
    cairo_line_to(cr, x, y + r);
    cairo_line_to(cr, x - r, y);
    cairo_close_path(cr);
    cm_draw_set_color(cr, style->crossing);
    cairo_fill_preserve(cr);
    cm_draw_set_color(cr, style->crossing_outline);
    cairo_set_line_width(cr, 1.5);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
}

static const char *legend_font(const cm_style *style, const cm_legend_entry *entry)
{
    return entry->kind == CM_LEGEND_ROUTE ? style->waypoint_font : style->text_font;
}

#define LEGEND_SAMPLE_WIDTH 26.0

void cm_furniture_legend_size(cairo_t *cr, const cm_style *style, GArray *entries,
                              double *width, double *height)
{
    *width = *height = 0;
    if (entries->len == 0)
        return;
    double max_w = 0, total_h = 0;
    for (guint i = 0; i < entries->len; i++) {
        const cm_legend_entry *entry = &g_array_index(entries, cm_legend_entry, i);
        PangoLayout *layout = cm_draw_layout(cr, legend_font(style, entry), entry->text);
        int w, h;
        pango_layout_get_pixel_size(layout, &w, &h);
        max_w = MAX(max_w, w);
        total_h += h + 2;
        g_object_unref(layout);
    }
    *width = max_w + 2 * PANEL_PADDING + LEGEND_SAMPLE_WIDTH;
    *height = total_h + 2 * PANEL_PADDING;
}

static void draw_legend(cairo_t *cr, const cm_style *style, GArray *entries, cm_box box)
{
    if (entries->len == 0)
        return;
    panel(cr, style, box);
    double x = box.x0 + PANEL_PADDING, y = box.y0 + PANEL_PADDING;
    for (guint i = 0; i < entries->len; i++) {
        const cm_legend_entry *entry = &g_array_index(entries, cm_legend_entry, i);
        PangoLayout *layout = cm_draw_layout(cr, legend_font(style, entry), entry->text);
        int w, h;
        pango_layout_get_pixel_size(layout, &w, &h);
        double middle = y + h / 2.0;
        if (entry->kind == CM_LEGEND_ROUTE) {
            cairo_move_to(cr, x, middle);
            cairo_line_to(cr, x + LEGEND_SAMPLE_WIDTH - 6, middle);
            cm_draw_set_line(cr, &entry->line);
            cairo_stroke(cr);
        } else if (entry->kind == CM_LEGEND_CROSSING) {
            cm_furniture_crossing_symbol(cr, style, x + (LEGEND_SAMPLE_WIDTH - 6) / 2, middle);
        }
        cairo_move_to(cr, x + LEGEND_SAMPLE_WIDTH, y);
        cm_draw_set_color(cr, style->frame_color);
        pango_cairo_show_layout(cr, layout);
        g_object_unref(layout);
        y += h + 2;
    }
}

void cm_furniture_draw(cairo_t *cr, const cm_frame *frame, const cm_style *style,
                       const char *title, const char *subtitle, double m_per_px,
                       double scale_ground_m, GArray *legend, cm_box legend_box,
                       const char *attribution)
{
    double top, bottom;
    cm_furniture_bands(frame->width, frame->height, &top, &bottom);
    int w = frame->width, h = frame->height;

    cairo_rectangle(cr, 0, 0, w, top);
    cairo_rectangle(cr, 0, h - bottom, w, bottom);
    cm_draw_set_color(cr, style->panel_color);
    cairo_fill(cr);
    cairo_move_to(cr, 0, top);
    cairo_line_to(cr, w, top);
    cairo_move_to(cr, 0, h - bottom);
    cairo_line_to(cr, w, h - bottom);
    cm_draw_set_color(cr, style->frame_line_color);
    cairo_set_line_width(cr, 1.5);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);

    double title_h = text_height(cr, style->title_font);
    double sub_h = text_height(cr, style->text_font);
    double y = (top - title_h - sub_h) / 2;
    text_at(cr, style->title_font, title, style->frame_color, 16, y, 0, NULL);
    text_at(cr, style->text_font, subtitle, style->frame_color, 16, y + title_h, 0, NULL);

    double scale_y = h - bottom + (bottom - 6 - sub_h) / 2;
    draw_scale_bar(cr, style, 20, scale_y, scale_ground_m, m_per_px);
    text_at(cr, style->text_font, attribution, style->frame_color, w - 12,
            h - bottom + (bottom - sub_h) / 2, 1.0, NULL);

    draw_north_arrow(cr, frame, style, w - 40, top + 52);
    draw_legend(cr, style, legend, legend_box);
}
