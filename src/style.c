/* Reads a style key file into a cm_style, naming the file and key of any
 * missing or malformed value. */
#include "style.h"

#include <string.h>

typedef struct style_reader {
    cm_context *context;
    GKeyFile *file;
    const char *path;
    cm_status status; /* first failure; later reads are skipped */
} style_reader;

static gboolean reader_ok(style_reader *reader) { return reader->status == CM_OK; }

static char *read_string(style_reader *reader, const char *group, const char *key)
{
    if (!reader_ok(reader))
        return NULL;
    GError *error = NULL;
    char *value = g_key_file_get_string(reader->file, group, key, &error);
    if (!value) {
        reader->status = cm_fail(reader->context, CM_ERR_DATA, "style %s: [%s] %s: %s",
                                 reader->path, group, key, error->message);
        g_error_free(error);
    }
    return value;
}

static gboolean parse_color(const char *text, cm_rgba *color)
{
    size_t n = strlen(text);
    if (text[0] != '#' || (n != 7 && n != 9))
        return FALSE;
    unsigned channel[4] = {0, 0, 0, 255};
    for (size_t i = 0; i < (n - 1) / 2; i++) {
        int high = g_ascii_xdigit_value(text[1 + 2 * i]);
        int low = g_ascii_xdigit_value(text[2 + 2 * i]);
        if (high < 0 || low < 0)
            return FALSE;
        channel[i] = (unsigned)(high * 16 + low);
    }
    *color = (cm_rgba){channel[0] / 255.0, channel[1] / 255.0, channel[2] / 255.0,
                       channel[3] / 255.0};
    return TRUE;
}

static cm_rgba read_color(style_reader *reader, const char *group, const char *key)
{
    cm_rgba color = {0, 0, 0, 1};
    char *text = read_string(reader, group, key);
    if (text && !parse_color(g_strstrip(text), &color))
        reader->status = cm_fail(reader->context, CM_ERR_DATA, "style %s: [%s] %s: '%s' "
                                 "is not a colour (#rrggbb or #rrggbbaa)", reader->path,
                                 group, key, text);
    g_free(text);
    return color;
}

static double read_number(style_reader *reader, const char *group, const char *key)
{
    char *text = read_string(reader, group, key);
    if (!text)
        return 0;
    char *end;
    double value = g_ascii_strtod(g_strstrip(text), &end);
    if (end == text || *end || value < 0 || value > 1000)
        reader->status = cm_fail(reader->context, CM_ERR_DATA, "style %s: [%s] %s: '%s' "
                                 "is not a number from 0 to 1000", reader->path, group,
                                 key, text);
    g_free(text);
    return value;
}

static cm_line_style read_line(style_reader *reader, const char *group, gboolean dashed)
{
    cm_line_style line = {0};
    line.color = read_color(reader, group, "color");
    line.width = read_number(reader, group, "width");
    if (!dashed || !reader_ok(reader))
        return line;
    gsize n = 0;
    GError *error = NULL;
    double *dash = g_key_file_get_double_list(reader->file, group, "dash", &n, &error);
    if (!dash || n == 0 || n > G_N_ELEMENTS(line.dash)) {
        reader->status = cm_fail(reader->context, CM_ERR_DATA, "style %s: [%s] dash: %s",
                                 reader->path, group,
                                 error ? error->message : "give 1 to 4 lengths");
        g_clear_error(&error);
        g_free(dash);
        return line;
    }
    memcpy(line.dash, dash, n * sizeof *dash);
    line.n_dash = (int)n;
    g_free(dash);
    return line;
}

static void read_palette(style_reader *reader, const char *group, cm_rgba *palette)
{
    char *text = read_string(reader, group, "palette");
    if (!text)
        return;
    char **colors = g_strsplit(text, ";", -1);
    if (g_strv_length(colors) != CM_STYLE_PALETTE_SIZE)
        reader->status = cm_fail(reader->context, CM_ERR_DATA, "style %s: [%s] palette: "
                                 "give %d colours separated by ';'", reader->path, group,
                                 CM_STYLE_PALETTE_SIZE);
    for (int i = 0; reader_ok(reader) && i < CM_STYLE_PALETTE_SIZE; i++)
        if (!parse_color(g_strstrip(colors[i]), &palette[i]))
            reader->status = cm_fail(reader->context, CM_ERR_DATA, "style %s: [%s] palette: "
                                     "'%s' is not a colour", reader->path, group, colors[i]);
    g_strfreev(colors);
    g_free(text);
}

cm_style *cm_style_load(cm_context *context, const char *name)
{
    char *file_name = g_strconcat("styles/", name, ".ini", NULL);
    char *path = cm_data_path(context, file_name);
    g_free(file_name);
    char *data;
    gsize length;
    GError *error = NULL;
    cm_style *style = NULL;
    if (g_file_get_contents(path, &data, &length, &error)) {
        style = cm_style_parse(context, path, data, length);
        g_free(data);
    } else {
        cm_fail(context, CM_ERR_DATA, "style %s: %s", path, error->message);
        g_error_free(error);
    }
    g_free(path);
    return style;
}

cm_style *cm_style_parse(cm_context *context, const char *path, const char *data,
                         size_t length)
{
    style_reader reader = {context, g_key_file_new(), path, CM_OK};
    GError *error = NULL;
    if (!g_key_file_load_from_data(reader.file, data, length, G_KEY_FILE_NONE, &error)) {
        cm_fail(context, CM_ERR_DATA, "style %s: %s", path, error->message);
        g_error_free(error);
        g_key_file_free(reader.file);
        return NULL;
    }
    cm_style *style = g_new0(cm_style, 1);
    style->sea = read_color(&reader, "sea", "color");
    read_palette(&reader, "countries", style->country_palette);
    style->country_label_font = read_string(&reader, "countries", "label-font");
    style->country_label_color = read_color(&reader, "countries", "label-color");
    style->admin1 = read_line(&reader, "admin1", TRUE);
    style->borders = read_line(&reader, "borders", FALSE);
    style->coastline = read_line(&reader, "coastline", FALSE);
    style->rivers = read_line(&reader, "rivers", FALSE);
    style->lakes = read_color(&reader, "lakes", "color");
    style->disputed = read_line(&reader, "disputed", TRUE);
    style->route = read_line(&reader, "route", FALSE);
    style->route_casing.color = read_color(&reader, "route", "casing-color");
    style->route_casing.width = read_number(&reader, "route", "casing-width");
    read_palette(&reader, "route", style->route_palette);
    style->crossing = read_color(&reader, "crossing", "color");
    style->crossing_outline = read_color(&reader, "crossing", "outline-color");
    style->crossing_radius = read_number(&reader, "crossing", "radius");
    style->marker = read_color(&reader, "marker", "color");
    style->marker_outline = read_color(&reader, "marker", "outline-color");
    style->marker_radius = read_number(&reader, "marker", "radius");
    style->marker_outline_width = read_number(&reader, "marker", "outline-width");
    style->label_font = read_string(&reader, "labels", "font");
    style->waypoint_font = read_string(&reader, "labels", "waypoint-font");
    style->leg_font = read_string(&reader, "labels", "leg-font");
    style->label_color = read_color(&reader, "labels", "color");
    style->leg_color = read_color(&reader, "labels", "leg-color");
    style->halo_color = read_color(&reader, "labels", "halo-color");
    style->halo_width = read_number(&reader, "labels", "halo-width");
    style->title_font = read_string(&reader, "frame", "title-font");
    style->text_font = read_string(&reader, "frame", "text-font");
    style->frame_color = read_color(&reader, "frame", "color");
    style->panel_color = read_color(&reader, "frame", "panel-color");
    style->frame_line_color = read_color(&reader, "frame", "line-color");
    g_key_file_free(reader.file);
    if (!reader_ok(&reader)) {
        cm_style_free(style);
        return NULL;
    }
    return style;
}

void cm_style_free(cm_style *style)
{
    if (!style)
        return;
    g_free(style->country_label_font);
    g_free(style->label_font);
    g_free(style->waypoint_font);
    g_free(style->leg_font);
    g_free(style->title_font);
    g_free(style->text_font);
    g_free(style);
}
