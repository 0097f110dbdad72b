/* Title band, scale bar, north arrow, legend and attribution. */
#include "furniture.h"

#include <math.h>
#include <string.h>

#include "draw.h"

#define PANEL_PADDING 10.0

static double banner_height(int height)
{
    return round(CLAMP(height * 0.025, 18.0, 48.0));
}

void cm_furniture_bands(int width, int height, gboolean banner, double *top, double *bottom)
{
    (void)width;
    double strip = banner ? banner_height(height) : 0;
    *top = round(CLAMP(height * 0.07, 50.0, 140.0)) + strip;
    /* Two scale bars, each with its labels. */
    *bottom = round(CLAMP(height * 0.06, 52.0, 120.0)) + strip;
}

double cm_furniture_scale_length(double m_per_px, double target_px, double unit_m)
{
    double target_m = m_per_px * target_px / unit_m;
    double power = pow(10.0, floor(log10(target_m)));
    double best = power;
    const double steps[] = {1, 2, 5, 10};
    for (size_t i = 0; i < G_N_ELEMENTS(steps); i++)
        if (fabs(steps[i] * power - target_m) < fabs(best - target_m))
            best = steps[i] * power;
    return best * unit_m;
}

/* The canonical spelling of banner: see cm_furniture_banner_parse(). */
static char *canonical_banner(const char *banner)
{
    GString *out = g_string_new(NULL);
    gboolean space = FALSE; /* a space is pending */
    for (const char *p = banner; *p; p++) {
        if (*p == ' ' || *p == '\t') {
            space = TRUE;
            continue;
        }
        gboolean slash = *p == '/' || (out->len > 0 && out->str[out->len - 1] == '/');
        if (space && out->len > 0 && !slash)
            g_string_append_c(out, ' ');
        space = FALSE;
        g_string_append_c(out, g_ascii_toupper(*p));
    }
    return g_string_free(out, FALSE);
}

char *cm_furniture_banner_parse(const char *banner, cm_rgba *color, cm_rgba *text_color)
{
    /* Astro UXDS classification colours, after the Pantone colours of SF
     * 703-712 and SF 902; TOP SECRET's orange takes dark text. */
    static const struct {
        const char *level;
        cm_rgba color;
        gboolean dark_text;
    } levels[] = {
        {"UNCLASSIFIED", {0x00 / 255.0, 0x7a / 255.0, 0x33 / 255.0, 1}, FALSE},
        {"CUI", {0x50 / 255.0, 0x2b / 255.0, 0x85 / 255.0, 1}, FALSE},
        {"CONFIDENTIAL", {0x00 / 255.0, 0x33 / 255.0, 0xa0 / 255.0, 1}, FALSE},
        {"SECRET", {0xc8 / 255.0, 0x10 / 255.0, 0x2e / 255.0, 1}, FALSE},
        {"TOP SECRET", {0xff / 255.0, 0x8c / 255.0, 0x00 / 255.0, 1}, TRUE},
    };
    char *canonical = canonical_banner(banner);
    const char *end = strstr(canonical, "//");
    size_t length = end ? (size_t)(end - canonical) : strlen(canonical);
    for (size_t i = 0; i < G_N_ELEMENTS(levels); i++) {
        if (strlen(levels[i].level) != length || strncmp(canonical, levels[i].level, length))
            continue;
        *color = levels[i].color;
        *text_color = levels[i].dark_text ? (cm_rgba){0, 0, 0, 1} : (cm_rgba){1, 1, 1, 1};
        return canonical;
    }
    g_free(canonical);
    return NULL;
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

/* A bar of ground_m split in four, labelled 0, half and the length in
 * units (unit_m metres each) below it. Returns the height used. */
static double draw_scale_bar(cairo_t *cr, const cm_style *style, double x, double y,
                             double ground_m, double m_per_px, const char *units,
                             double unit_m)
{
    double length = ground_m / m_per_px;
    double bar_h = 5;
    for (int i = 0; i < 4; i++) {
        cairo_rectangle(cr, x + length * i / 4, y, length / 4, bar_h);
        cm_draw_set_color(cr, i % 2 ? style->panel_color : style->frame_color);
        cairo_fill_preserve(cr);
        cm_draw_set_color(cr, style->frame_color);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
    }
    double in_units = ground_m / unit_m;
    /* Short bars read better in metres than in fractions of a kilometre. */
    gboolean metres = in_units < 1 && unit_m == 1000;
    double shown = metres ? ground_m : in_units;
    char *end = g_strdup_printf("%g %s", shown, metres ? "m" : units);
    char *half = g_strdup_printf("%g", shown / 2);
    text_at(cr, style->text_font, "0", style->frame_color, x, y + bar_h + 1, 0.5, NULL);
    text_at(cr, style->text_font, half, style->frame_color, x + length / 2, y + bar_h + 1, 0.5,
            NULL);
    text_at(cr, style->text_font, end, style->frame_color, x + length, y + bar_h + 1, 0.0,
            NULL);
    g_free(end);
    g_free(half);
    return bar_h + 1 + text_height(cr, style->text_font);
}

static void draw_banner(cairo_t *cr, const cm_style *style, const cm_sheet *sheet, double y,
                        double width, double height)
{
    cairo_rectangle(cr, 0, y, width, height);
    cm_draw_set_color(cr, sheet->banner_color);
    cairo_fill(cr);
    /* Bold, in proportion to the strip: the marking must be read first. */
    char *font = g_strdup_printf("DejaVu Sans Bold %.0fpx", round(height * 0.62));
    PangoLayout *layout = cm_draw_layout(cr, font, sheet->banner);
    int w, h;
    pango_layout_get_pixel_size(layout, &w, &h);
    cairo_move_to(cr, (width - w) / 2, y + (height - h) / 2);
    cm_draw_set_color(cr, sheet->banner_text_color);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    g_free(font);
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
                       const cm_sheet *sheet)
{
    double top, bottom;
    cm_furniture_bands(frame->width, frame->height, sheet->banner != NULL, &top, &bottom);
    int w = frame->width, h = frame->height;
    double strip = sheet->banner ? banner_height(h) : 0;

    cairo_rectangle(cr, 0, strip, w, top - strip);
    cairo_rectangle(cr, 0, h - bottom, w, bottom - strip);
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
    if (sheet->banner) {
        draw_banner(cr, style, sheet, 0, w, strip);
        draw_banner(cr, style, sheet, h - strip, w, strip);
    }

    double title_h = text_height(cr, style->title_font);
    double sub_h = text_height(cr, style->text_font);
    double y = strip + (top - strip - title_h - sub_h) / 2;
    text_at(cr, style->title_font, sheet->title, style->frame_color, 16, y, 0, NULL);
    text_at(cr, style->text_font, sheet->subtitle, style->frame_color, 16, y + title_h, 0, NULL);
    if (sheet->dtg)
        text_at(cr, style->title_font, sheet->dtg, style->frame_color, w - 16, y, 1.0, NULL);

    double bars_h = 2 * (5 + 1 + sub_h) + 4;
    double scale_y = h - bottom + (bottom - strip - bars_h) / 2;
    scale_y += draw_scale_bar(cr, style, 20, scale_y, sheet->scale_ground_m, sheet->m_per_px,
                              "km", 1000) + 4;
    draw_scale_bar(cr, style, 20, scale_y, sheet->second_scale_m, sheet->m_per_px,
                   sheet->second_units, sheet->second_unit_m);
    /* The attribution takes what the scale bars leave, on two lines if
     * the page is narrow. */
    double bars_w = 20 + MAX(sheet->scale_ground_m, sheet->second_scale_m) / sheet->m_per_px +
                    80;
    PangoLayout *attribution = cm_draw_layout(cr, style->text_font, sheet->attribution);
    pango_layout_set_width(attribution, (int)(MAX(w - 12 - bars_w, 100) * PANGO_SCALE));
    pango_layout_set_wrap(attribution, PANGO_WRAP_WORD);
    pango_layout_set_alignment(attribution, PANGO_ALIGN_RIGHT);
    int attribution_w, attribution_h;
    pango_layout_get_pixel_size(attribution, &attribution_w, &attribution_h);
    PangoRectangle extent;
    pango_layout_get_pixel_extents(attribution, NULL, &extent);
    cairo_move_to(cr, w - 12 - extent.x - extent.width,
                  h - bottom + (bottom - strip - attribution_h) / 2);
    cm_draw_set_color(cr, style->frame_color);
    pango_cairo_show_layout(cr, attribution);
    g_object_unref(attribution);

    draw_north_arrow(cr, frame, style, w - 40, top + 52);
    draw_legend(cr, style, sheet->legend, sheet->legend_box);
}
