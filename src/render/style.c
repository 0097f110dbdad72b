/* Reads a style key file into a cm_style. A style may inherit from another
 * and change a few keys; every missing, malformed or unknown value is
 * reported with the file, line and key that hold it. */
#include "style.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How deep [style] inherits= may chain; deeper is taken for a cycle. */
#define MAX_INHERITANCE 8
/* Zoom levels beyond any tile set or briefing map. */
#define MAX_ZOOM 30
G_STATIC_ASSERT(CM_STYLE_ZOOMS == MAX_ZOOM + 1);

typedef struct style_reader {
    cm_context *context;
    const char *top_path;  /* the style asked for */
    GKeyFile *merged;      /* ancestors first, each descendant overriding */
    GHashTable *origin;    /* "group\nkey" -> path of the file that set it */
    GHashTable *consulted; /* "group\nkey" of every key the loader read */
    GHashTable *texts;     /* path -> the text read from it, for line numbers */
    char *shipped_dir;     /* styles/ of the data directory */
    cm_status status;      /* first failure; later reads are skipped */
} style_reader;

static gboolean reader_ok(const style_reader *reader) { return reader->status == CM_OK; }

static char *entry_id(const char *group, const char *key)
{
    return g_strconcat(group, "\n", key, NULL);
}

/* A broken shipped style is broken data; a broken style the user wrote is
 * bad input. */
static cm_status error_class(const style_reader *reader, const char *path)
{
    return g_str_has_prefix(path, reader->shipped_dir) ? CM_ERR_DATA : CM_ERR_INPUT;
}

/* The 1-based line of key in [group] of the text read from path; 0 when
 * absent. */
static int line_of_key(const style_reader *reader, const char *path, const char *group,
                       const char *key)
{
    const char *text = g_hash_table_lookup(reader->texts, path);
    if (!text)
        return 0;
    char **lines = g_strsplit(text, "\n", -1);
    gboolean in_group = FALSE;
    int found = 0;
    for (int i = 0; lines[i] && !found; i++) {
        const char *line = g_strstrip(lines[i]);
        if (line[0] == '[') {
            size_t n = strlen(line);
            in_group = n >= 2 && line[n - 1] == ']' && strlen(group) == n - 2 &&
                       strncmp(line + 1, group, n - 2) == 0;
            continue;
        }
        size_t k = strlen(key);
        if (in_group && strncmp(line, key, k) == 0 && (line[k] == '=' || line[k] == ' '))
            found = i + 1;
    }
    g_strfreev(lines);
    return found;
}

/* Fails the load naming where [group] key was set (or, when it was set
 * nowhere, the style asked for). */
G_GNUC_PRINTF(4, 5)
static void reader_fail(style_reader *reader, const char *group, const char *key,
                        const char *format, ...)
{
    if (!reader_ok(reader))
        return;
    char *id = entry_id(group, key);
    const char *path = g_hash_table_lookup(reader->origin, id);
    g_free(id);
    va_list args;
    va_start(args, format);
    char *detail = g_strdup_vprintf(format, args);
    va_end(args);
    int line = path ? line_of_key(reader, path, group, key) : 0;
    if (!path)
        path = reader->top_path;
    char *where = line ? g_strdup_printf("%s:%d", path, line) : g_strdup(path);
    reader->status = cm_fail(reader->context, error_class(reader, path), "style %s: [%s] %s: %s",
                             where, group, key, detail);
    g_free(where);
    g_free(detail);
}

static char *read_string(style_reader *reader, const char *group, const char *key)
{
    if (!reader_ok(reader))
        return NULL;
    g_hash_table_add(reader->consulted, entry_id(group, key));
    char *value = g_key_file_get_string(reader->merged, group, key, NULL);
    if (!value)
        reader_fail(reader, group, key, "missing (every key of styles/briefing.ini is "
                    "required unless inherited)");
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
        reader_fail(reader, group, key, "'%s' is not a colour (#rrggbb or #rrggbbaa)", text);
    g_free(text);
    return color;
}

static gboolean parse_number(const char *text, double *value)
{
    char *end;
    *value = g_ascii_strtod(text, &end);
    return end != text && *end == '\0' && *value >= 0 && *value <= 1000;
}

static double read_number(style_reader *reader, const char *group, const char *key)
{
    double value = 0;
    char *text = read_string(reader, group, key);
    if (text && !parse_number(g_strstrip(text), &value)) {
        reader_fail(reader, group, key, "'%s' is not a number from 0 to 1000", text);
        /* Callers convert it (priorities to int): keep it in range. */
        value = 0;
    }
    g_free(text);
    return value;
}

/* A dash pattern: "none" for a solid line, or 1 to 4 lengths separated by
 * commas ("6,4"). */
static gboolean parse_dash(const char *text, cm_line_style *line)
{
    line->n_dash = 0;
    if (strcmp(text, "none") == 0)
        return TRUE;
    char **lengths = g_strsplit(text, ",", -1);
    guint n = g_strv_length(lengths);
    gboolean ok = n >= 1 && n <= G_N_ELEMENTS(line->dash);
    for (guint i = 0; ok && i < n; i++)
        ok = parse_number(g_strstrip(lengths[i]), &line->dash[i]) && line->dash[i] > 0;
    g_strfreev(lengths);
    line->n_dash = ok ? (int)n : 0;
    return ok;
}

static void read_dash(style_reader *reader, const char *group, const char *key,
                      cm_line_style *line)
{
    char *text = read_string(reader, group, key);
    if (text && !parse_dash(g_strstrip(text), line))
        reader_fail(reader, group, key, "'%s' is not 'none' or 1 to 4 lengths separated by "
                    "commas (e.g. 6,4)", text);
    g_free(text);
}

static cm_line_style read_line(style_reader *reader, const char *group, gboolean dashed)
{
    cm_line_style line = {0};
    line.color = read_color(reader, group, "color");
    line.width = read_number(reader, group, "width");
    if (dashed)
        read_dash(reader, group, "dash", &line);
    return line;
}

/* The CM_STYLE_PALETTE_SIZE ';'-separated entries of [group] key, each
 * checked by parse; the caller frees the result with g_strfreev(). NULL on
 * failure. */
static char **read_series(style_reader *reader, const char *group, const char *key)
{
    char *text = read_string(reader, group, key);
    if (!text)
        return NULL;
    char **entries = g_strsplit(text, ";", -1);
    g_free(text);
    if (g_strv_length(entries) != CM_STYLE_PALETTE_SIZE) {
        reader_fail(reader, group, key, "give %d entries separated by ';'",
                    CM_STYLE_PALETTE_SIZE);
        g_strfreev(entries);
        return NULL;
    }
    for (char **entry = entries; *entry; entry++)
        g_strstrip(*entry);
    return entries;
}

static void read_palette(style_reader *reader, const char *group, cm_rgba *palette)
{
    char **colors = read_series(reader, group, "palette");
    for (int i = 0; colors && i < CM_STYLE_PALETTE_SIZE; i++)
        if (!parse_color(colors[i], &palette[i])) {
            reader_fail(reader, group, "palette", "'%s' is not a colour", colors[i]);
            break;
        }
    g_strfreev(colors);
}

static void read_route_series(style_reader *reader, cm_style *style)
{
    read_palette(reader, "route", style->route_palette);
    char **dashes = read_series(reader, "route", "dash-palette");
    char **widths = read_series(reader, "route", "width-palette");
    for (int i = 0; dashes && widths && i < CM_STYLE_PALETTE_SIZE; i++) {
        cm_line_style *line = &style->route_series[i];
        line->color = style->route_palette[i];
        if (!parse_dash(dashes[i], line)) {
            reader_fail(reader, "route", "dash-palette", "'%s' is not 'none' or a dash "
                        "pattern such as 6,4", dashes[i]);
            break;
        }
        if (!parse_number(widths[i], &line->width)) {
            reader_fail(reader, "route", "width-palette", "'%s' is not a number", widths[i]);
            break;
        }
    }
    g_strfreev(dashes);
    g_strfreev(widths);
}

static const char *const layer_names[CM_LAYER_COUNT] = {
    "countries", "lakes", "rivers", "admin1", "coastline", "disputed",
    "borders", "roads", "grid", "route", "marker", "crossing",
};

const char *cm_layer_name(cm_layer layer)
{
    return layer_names[layer];
}

/* The layers known, comma-separated, for messages; freed with g_free(). */
static char *known_layers(void)
{
    GString *names = g_string_new(NULL);
    for (int layer = 0; layer < CM_LAYER_COUNT; layer++)
        g_string_append_printf(names, "%s%s", layer ? ", " : "", layer_names[layer]);
    return g_string_free(names, FALSE);
}

static gboolean layer_listed(const cm_style *style, cm_layer layer)
{
    for (int i = 0; i < style->n_layers; i++)
        if (style->layer_order[i] == layer)
            return TRUE;
    return FALSE;
}

/* [map] layers: the drawing order, bottom first. */
static void read_layer_order(style_reader *reader, cm_style *style)
{
    char *text = read_string(reader, "map", "layers");
    if (!text)
        return;
    char **names = g_strsplit(text, ";", -1);
    g_free(text);
    style->n_layers = 0;
    for (char **name = names; *name && reader_ok(reader); name++) {
        /* GLib's lists may end in ';'. */
        if (!*g_strstrip(*name))
            continue;
        int layer = 0;
        while (layer < CM_LAYER_COUNT && strcmp(*name, layer_names[layer]) != 0)
            layer++;
        if (layer == CM_LAYER_COUNT) {
            char *known = known_layers();
            reader_fail(reader, "map", "layers", "unknown layer '%s' (layers: %s)", *name,
                        known);
            g_free(known);
        } else if (layer_listed(style, (cm_layer)layer)) {
            reader_fail(reader, "map", "layers", "layer '%s' is listed twice", *name);
        } else {
            style->layer_order[style->n_layers++] = (cm_layer)layer;
        }
    }
    g_strfreev(names);
}

/* TRUE when the style asked for (not one it inherits) sets [group] key. */
static gboolean set_by_top(const style_reader *reader, const char *group, const char *key)
{
    char *id = entry_id(group, key);
    const char *path = g_hash_table_lookup(reader->origin, id);
    g_free(id);
    return path && strcmp(path, reader->top_path) == 0;
}

/* The zoom range of each layer: min-zoom and max-zoom of its group. An
 * empty range is reported at min-zoom when only that key is the style's
 * own (the other inherited), else at max-zoom. */
static void read_zoom_ranges(style_reader *reader, cm_style *style)
{
    for (int layer = 0; layer < CM_LAYER_COUNT && reader_ok(reader); layer++) {
        const char *group = layer_names[layer];
        double *min = &style->min_zoom[layer], *max = &style->max_zoom[layer];
        char *min_text = read_string(reader, group, "min-zoom");
        char *max_text = read_string(reader, group, "max-zoom");
        if (min_text && (!parse_number(g_strstrip(min_text), min) || *min > MAX_ZOOM))
            reader_fail(reader, group, "min-zoom", "'%s' is not a zoom from 0 to %d", min_text,
                        MAX_ZOOM);
        else if (max_text &&
                 (!parse_number(g_strstrip(max_text), max) || *max > MAX_ZOOM))
            reader_fail(reader, group, "max-zoom", "'%s' is not a zoom from 0 to %d", max_text,
                        MAX_ZOOM);
        else if (max_text && *max <= *min && set_by_top(reader, group, "min-zoom") &&
                 !set_by_top(reader, group, "max-zoom"))
            reader_fail(reader, group, "min-zoom", "%g is not below max-zoom %g", *min, *max);
        else if (max_text && *max <= *min)
            reader_fail(reader, group, "max-zoom", "%g is not above min-zoom %g", *max, *min);
        g_free(min_text);
        g_free(max_text);
    }
}

static int read_priority(style_reader *reader, const char *key)
{
    double value = read_number(reader, "labels", key);
    if (reader_ok(reader) && value != floor(value))
        reader_fail(reader, "labels", key, "'%g' is not a whole number from 0 to 1000", value);
    return (int)value;
}

static void read_label_priorities(style_reader *reader, cm_style *style)
{
    style->priority = (cm_label_priorities){
        .waypoint = read_priority(reader, "waypoint-priority"),
        .crossing = read_priority(reader, "crossing-priority"),
        .leg = read_priority(reader, "leg-priority"),
        .site = read_priority(reader, "site-priority"),
        .country = read_priority(reader, "country-priority"),
        .province = read_priority(reader, "province-priority"),
    };
}

/* A whole number from min to max, the whole text. */
static gboolean parse_whole(const char *text, long long min, long long max, long long *value)
{
    char *end;
    errno = 0;
    *value = g_ascii_strtoll(text, &end, 10);
    return end != text && *end == '\0' && errno == 0 && g_ascii_isdigit(*text) &&
           *value >= min && *value <= max;
}

/* [places] min-population: ZOOM:POPULATION steps separated by ';', zooms
 * increasing; each step holds up to the next one, and below the first no
 * place is labelled. */
static void read_min_population(style_reader *reader, long long *by_zoom)
{
    static const char *const key = "min-population";
    for (int z = 0; z < CM_STYLE_ZOOMS; z++)
        by_zoom[z] = CM_NO_PLACES;
    char *text = read_string(reader, "places", key);
    if (!text)
        return;
    char **steps = g_strsplit(text, ";", -1);
    g_free(text);
    long long last_zoom = -1;
    int n = 0;
    for (char **step = steps; *step && reader_ok(reader); step++) {
        /* GLib's lists may end in ';'. */
        if (!*g_strstrip(*step))
            continue;
        char **parts = g_strsplit(*step, ":", 2);
        long long zoom = 0, population = 0;
        if (!parts[1] || !parse_whole(g_strstrip(parts[0]), 0, MAX_ZOOM, &zoom) ||
            !parse_whole(g_strstrip(parts[1]), 0, G_MAXINT64 - 1, &population))
            reader_fail(reader, "places", key, "'%s' is not ZOOM:POPULATION (a zoom from 0 "
                        "to %d, a population of 0 or more; e.g. 7:200000)", *step, MAX_ZOOM);
        else if (zoom <= last_zoom)
            reader_fail(reader, "places", key, "zoom %lld follows zoom %lld (give the steps "
                        "by increasing zoom)", zoom, last_zoom);
        else
            for (int z = (int)zoom; z < CM_STYLE_ZOOMS; z++)
                by_zoom[z] = population;
        last_zoom = zoom;
        n++;
        g_strfreev(parts);
    }
    g_strfreev(steps);
    if (reader_ok(reader) && n == 0)
        reader_fail(reader, "places", key, "no ZOOM:POPULATION step (e.g. 0:10000000;7:200000)");
}

/* What tiles alone label: the gazetteer's places, and the routes from a
 * zoom. */
static void read_tile_labels(style_reader *reader, cm_style *style)
{
    cm_tile_label_style *tile = &style->tile_labels;
    read_min_population(reader, tile->min_population);
    tile->label_font = read_string(reader, "places", "label-font");
    tile->label_color = read_color(reader, "places", "label-color");
    tile->dot_color = read_color(reader, "places", "dot-color");
    tile->dot_radius = read_number(reader, "places", "dot-radius");
    style->priority.place = read_priority(reader, "place-priority");
    style->priority.shield = read_priority(reader, "shield-priority");
    char *text = read_string(reader, "labels", "route-min-zoom");
    if (text && (!parse_number(g_strstrip(text), &tile->route_min_zoom) ||
                 tile->route_min_zoom > MAX_ZOOM))
        reader_fail(reader, "labels", "route-min-zoom", "'%s' is not a zoom from 0 to %d",
                    text, MAX_ZOOM);
    g_free(text);
}

gboolean cm_style_shows(const cm_style *style, cm_layer layer, double zoom)
{
    return zoom >= style->min_zoom[layer] && zoom < style->max_zoom[layer] &&
           layer_listed(style, layer);
}

/* Each line of a key file is blank, a comment, a [group] or key=value;
 * GLib's own parse errors do not say where, so check first. */
static gboolean check_lines(style_reader *reader, const char *path, const char *text)
{
    char **lines = g_strsplit(text, "\n", -1);
    for (int i = 0; lines[i] && reader_ok(reader); i++) {
        const char *line = g_strstrip(lines[i]);
        if (!*line || *line == '#' || *line == '=')
            ;
        else if (*line == '[' ? line[strlen(line) - 1] != ']' : !strchr(line, '='))
            reader->status = cm_fail(reader->context, error_class(reader, path),
                                     "style %s:%d: '%s' is neither a [group] nor key=value",
                                     path, i + 1, line);
    }
    g_strfreev(lines);
    return reader_ok(reader);
}

static char *style_path(style_reader *reader, const char *name_or_path,
                        const char *relative_to);

static void merge_style_file(style_reader *reader, const char *path, int depth);

/* Merges the key file text (length bytes) read from path, its ancestors
 * first, into the merged key file. */
static void merge_style_text(style_reader *reader, const char *path, const char *data,
                             size_t length, int depth)
{
    if (memchr(data, '\0', length)) {
        reader->status = cm_fail(reader->context, error_class(reader, path),
                                 "style %s: not a text file (it holds a NUL byte)", path);
        return;
    }
    char *text = g_strndup(data, length);
    g_hash_table_insert(reader->texts, g_strdup(path), text);
    GKeyFile *own = g_key_file_new();
    GError *error = NULL;
    if (check_lines(reader, path, text) &&
        !g_key_file_load_from_data(own, text, (gsize)-1, G_KEY_FILE_NONE, &error)) {
        reader->status = cm_fail(reader->context, error_class(reader, path), "style %s: %s",
                                 path, error->message);
        g_error_free(error);
    }
    char *parent = reader_ok(reader) ? g_key_file_get_string(own, "style", "inherits", NULL)
                                     : NULL;
    if (parent) {
        char *parent_path = style_path(reader, g_strstrip(parent), path);
        if (parent_path)
            merge_style_file(reader, parent_path, depth + 1);
        g_free(parent_path);
        g_free(parent);
    }
    char **groups = reader_ok(reader) ? g_key_file_get_groups(own, NULL) : NULL;
    for (char **group = groups; group && *group; group++) {
        char **keys = g_key_file_get_keys(own, *group, NULL, NULL);
        for (char **key = keys; key && *key; key++) {
            char *value = g_key_file_get_value(own, *group, *key, NULL);
            g_key_file_set_value(reader->merged, *group, *key, value);
            g_free(value);
            g_hash_table_insert(reader->origin, entry_id(*group, *key), g_strdup(path));
        }
        g_strfreev(keys);
    }
    g_strfreev(groups);
    g_key_file_free(own);
}

/* Loads the file at path, its ancestors first, into the merged key file. */
static void merge_style_file(style_reader *reader, const char *path, int depth)
{
    if (depth > MAX_INHERITANCE) {
        reader->status = cm_fail(reader->context, error_class(reader, path),
                                 "style %s: more than %d levels of [style] inherits= "
                                 "(a cycle?)", path, MAX_INHERITANCE);
        return;
    }
    char *text;
    gsize length;
    GError *error = NULL;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR) && g_file_test(path, G_FILE_TEST_EXISTS)) {
        /* A FIFO or device would block or never end. */
        reader->status = cm_fail(reader->context, error_class(reader, path),
                                 "style %s: not a regular file", path);
        return;
    }
    if (!g_file_get_contents(path, &text, &length, &error)) {
        reader->status = cm_fail(reader->context, error_class(reader, path), "style %s: %s",
                                 path, error->message);
        g_error_free(error);
        return;
    }
    merge_style_text(reader, path, text, length, depth);
    g_free(text);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of the shipped styles, comma-separated, for messages; freed
 * with g_free(). */
static char *shipped_names(const style_reader *reader)
{
    GString *names = g_string_new(NULL);
    GDir *dir = g_dir_open(reader->shipped_dir, 0, NULL);
    GPtrArray *sorted = g_ptr_array_new_with_free_func(g_free);
    const char *entry;
    while (dir && (entry = g_dir_read_name(dir)))
        if (g_str_has_suffix(entry, ".ini"))
            g_ptr_array_add(sorted, g_strndup(entry, strlen(entry) - 4));
    if (dir)
        g_dir_close(dir);
    g_ptr_array_sort(sorted, compare_names);
    for (guint i = 0; i < sorted->len; i++)
        g_string_append_printf(names, "%s%s", i ? ", " : "",
                               (const char *)g_ptr_array_index(sorted, i));
    g_ptr_array_free(sorted, TRUE);
    return g_string_free(names, FALSE);
}

/* Where a style lives: a path as given (relative to the file that inherits
 * it, if any), or a shipped style by name. NULL, with the failure recorded,
 * when no such shipped style exists. */
static char *style_path(style_reader *reader, const char *name_or_path,
                        const char *relative_to)
{
    if (strchr(name_or_path, '/') || g_str_has_suffix(name_or_path, ".ini")) {
        if (g_path_is_absolute(name_or_path) || !relative_to)
            return g_strdup(name_or_path);
        char *dir = g_path_get_dirname(relative_to);
        char *path = g_build_filename(dir, name_or_path, NULL);
        g_free(dir);
        return path;
    }
    char *file_name = g_strconcat(name_or_path, ".ini", NULL);
    char *path = g_build_filename(reader->shipped_dir, file_name, NULL);
    g_free(file_name);
    if (*name_or_path && g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return path;
    if (!g_file_test(reader->shipped_dir, G_FILE_TEST_IS_DIR)) {
        reader->status = cm_fail(reader->context, CM_ERR_DATA, "style %s: No such file or "
                                 "directory (the data directory has no styles/)", path);
        g_free(path);
        return NULL;
    }
    g_free(path);
    char *names = shipped_names(reader);
    reader->status = cm_fail(reader->context, CM_ERR_INPUT, "unknown style '%s' (shipped: %s; or give a "
                "path to a .ini file)", name_or_path, names);
    g_free(names);
    return NULL;
}

/* Every key the styles set must be one the loader reads: a misspelt key
 * would otherwise be ignored without a word. */
static void check_unknown_keys(style_reader *reader)
{
    char **groups = g_key_file_get_groups(reader->merged, NULL);
    for (char **group = groups; *group && reader_ok(reader); group++) {
        char **keys = g_key_file_get_keys(reader->merged, *group, NULL, NULL);
        for (char **key = keys; *key && reader_ok(reader); key++) {
            char *id = entry_id(*group, *key);
            gboolean known = g_hash_table_contains(reader->consulted, id) ||
                             (strcmp(*group, "style") == 0 &&
                              (strcmp(*key, "inherits") == 0 ||
                               strcmp(*key, "description") == 0));
            g_free(id);
            if (!known)
                reader_fail(reader, *group, *key, "unknown key (misspelt? see "
                            "styles/briefing.ini for the keys)");
        }
        g_strfreev(keys);
    }
    g_strfreev(groups);
}

/* The class groups' names in [roads] keys ("motorway-color"), in
 * cm_road_group order. */
static const char *const road_group_names[CM_ROAD_N_GROUPS] = {
    "track", "minor", "tertiary", "secondary", "primary", "trunk", "motorway",
};

/* A zoom from 0 to MAX_ZOOM at [group] key. */
static double read_zoom(style_reader *reader, const char *group, const char *key)
{
    double zoom = read_number(reader, group, key);
    if (reader_ok(reader) && zoom > MAX_ZOOM)
        reader_fail(reader, group, key, "'%g' is not a zoom from 0 to %d", zoom, MAX_ZOOM);
    return zoom;
}

static void read_road_style(style_reader *reader, cm_road_style *roads)
{
    static const char *const group = "roads";
    for (int i = 0; i < CM_ROAD_N_GROUPS; i++) {
        char *color = g_strconcat(road_group_names[i], "-color", NULL);
        char *width = g_strconcat(road_group_names[i], "-width", NULL);
        char *min_zoom = g_strconcat(road_group_names[i], "-min-zoom", NULL);
        roads->color[i] = read_color(reader, group, color);
        roads->width[i] = read_number(reader, group, width);
        roads->min_zoom[i] = read_zoom(reader, group, min_zoom);
        g_free(color);
        g_free(width);
        g_free(min_zoom);
    }
    roads->width_zoom = read_zoom(reader, group, "width-zoom");
    roads->width_growth = read_number(reader, group, "width-growth");
    if (reader_ok(reader) && (roads->width_growth < 1 || roads->width_growth > 2))
        reader_fail(reader, group, "width-growth", "'%g' is not a factor from 1 to 2 (1: the "
                    "same width at every zoom)", roads->width_growth);
    roads->link_width = read_number(reader, group, "link-width");
    if (reader_ok(reader) && roads->link_width > 1)
        reader_fail(reader, group, "link-width", "'%g' is not a share from 0 to 1",
                    roads->link_width);
    roads->casing.color = read_color(reader, group, "casing-color");
    roads->casing.width = read_number(reader, group, "casing-width");
    roads->bridge_casing = read_color(reader, group, "bridge-casing-color");
    read_dash(reader, group, "tunnel-dash", &roads->tunnel);
    roads->tunnel_opacity = read_number(reader, group, "tunnel-opacity");
    if (reader_ok(reader) && roads->tunnel_opacity > 1)
        reader_fail(reader, group, "tunnel-opacity", "'%g' is not an opacity from 0 to 1",
                    roads->tunnel_opacity);
    read_dash(reader, group, "track-dash", &roads->track);
    roads->shield_font = read_string(reader, group, "shield-font");
    roads->shield_color = read_color(reader, group, "shield-color");
    roads->shield_text_color = read_color(reader, group, "shield-text-color");
    roads->shield_outline_color = read_color(reader, group, "shield-outline-color");
    roads->shield_spacing = read_number(reader, group, "shield-spacing");
    roads->shield_min_zoom = read_zoom(reader, group, "shield-min-zoom");
}

static void read_style(style_reader *reader, cm_style *style)
{
    style->sea = read_color(reader, "sea", "color");
    read_palette(reader, "countries", style->country_palette);
    style->country_label_font = read_string(reader, "countries", "label-font");
    style->country_label_color = read_color(reader, "countries", "label-color");
    style->admin1 = read_line(reader, "admin1", TRUE);
    style->admin1_label_font = read_string(reader, "admin1", "label-font");
    style->admin1_label_color = read_color(reader, "admin1", "label-color");
    style->borders = read_line(reader, "borders", FALSE);
    style->coastline = read_line(reader, "coastline", FALSE);
    style->rivers = read_line(reader, "rivers", FALSE);
    style->lakes = read_color(reader, "lakes", "color");
    style->disputed = read_line(reader, "disputed", TRUE);
    style->route = read_line(reader, "route", TRUE);
    style->route_casing.color = read_color(reader, "route", "casing-color");
    style->route_casing.width = read_number(reader, "route", "casing-width");
    read_route_series(reader, style);
    style->crossing = read_color(reader, "crossing", "color");
    style->crossing_outline = read_color(reader, "crossing", "outline-color");
    style->crossing_radius = read_number(reader, "crossing", "radius");
    style->marker = read_color(reader, "marker", "color");
    style->marker_outline = read_color(reader, "marker", "outline-color");
    style->marker_radius = read_number(reader, "marker", "radius");
    style->marker_outline_width = read_number(reader, "marker", "outline-width");
    style->label_font = read_string(reader, "labels", "font");
    style->waypoint_font = read_string(reader, "labels", "waypoint-font");
    style->leg_font = read_string(reader, "labels", "leg-font");
    style->label_color = read_color(reader, "labels", "color");
    style->leg_color = read_color(reader, "labels", "leg-color");
    style->halo_color = read_color(reader, "labels", "halo-color");
    style->halo_width = read_number(reader, "labels", "halo-width");
    style->grid = read_line(reader, "grid", FALSE);
    style->grid_zone_width = read_number(reader, "grid", "zone-width");
    style->grid_label_font = read_string(reader, "grid", "label-font");
    style->grid_zone_font = read_string(reader, "grid", "zone-font");
    style->grid_label_color = read_color(reader, "grid", "label-color");
    style->title_font = read_string(reader, "frame", "title-font");
    style->text_font = read_string(reader, "frame", "text-font");
    style->frame_color = read_color(reader, "frame", "color");
    style->panel_color = read_color(reader, "frame", "panel-color");
    style->frame_line_color = read_color(reader, "frame", "line-color");
    read_label_priorities(reader, style);
    read_tile_labels(reader, style);
    read_road_style(reader, &style->roads);
    read_zoom_ranges(reader, style);
    read_layer_order(reader, style);
    if (reader_ok(reader))
        check_unknown_keys(reader);
}

/* Loads a style from the key file at path, or from data (length bytes)
 * standing for it when data is not NULL. */
/* SHA-256 (hex) of what a merged style draws: its groups and keys sorted,
 * each with its value, leaving out [style] (where it inherits from, how it
 * describes itself). The caller frees it with g_free(). */
static char *style_fingerprint(GKeyFile *merged)
{
    GChecksum *checksum = g_checksum_new(G_CHECKSUM_SHA256);
    char **groups = g_key_file_get_groups(merged, NULL);
    qsort(groups, g_strv_length(groups), sizeof *groups, compare_names);
    for (char **group = groups; *group; group++) {
        if (strcmp(*group, "style") == 0)
            continue;
        char **keys = g_key_file_get_keys(merged, *group, NULL, NULL);
        qsort(keys, g_strv_length(keys), sizeof *keys, compare_names);
        for (char **key = keys; key && *key; key++) {
            char *value = g_key_file_get_value(merged, *group, *key, NULL);
            char *entry = g_strdup_printf("[%s]%s=%s\n", *group, *key, value ? value : "");
            g_checksum_update(checksum, (const guchar *)entry, -1);
            g_free(entry);
            g_free(value);
        }
        g_strfreev(keys);
    }
    g_strfreev(groups);
    char *fingerprint = g_strdup(g_checksum_get_string(checksum));
    g_checksum_free(checksum);
    return fingerprint;
}

static cm_style *load_style(cm_context *context, const char *path, const char *data,
                            size_t length)
{
    style_reader reader = {
        .context = context,
        .top_path = path,
        .merged = g_key_file_new(),
        .origin = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
        .consulted = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .texts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
        .shipped_dir = cm_data_path(context, "styles"),
        .status = CM_OK,
    };
    if (data)
        merge_style_text(&reader, path, data, length, 0);
    else
        merge_style_file(&reader, path, 0);
    cm_style *style = g_new0(cm_style, 1);
    if (reader_ok(&reader)) {
        read_style(&reader, style);
        style->fingerprint = style_fingerprint(reader.merged);
    }
    g_key_file_free(reader.merged);
    g_hash_table_destroy(reader.origin);
    g_hash_table_destroy(reader.consulted);
    g_hash_table_destroy(reader.texts);
    g_free(reader.shipped_dir);
    if (!reader_ok(&reader)) {
        cm_style_free(style);
        return NULL;
    }
    return style;
}

cm_style *cm_style_load(cm_context *context, const char *name_or_path)
{
    /* Only to find the path: a reader with nothing read yet. */
    style_reader finder = {.context = context, .shipped_dir = cm_data_path(context, "styles"),
                           .status = CM_OK};
    char *path = style_path(&finder, name_or_path, NULL);
    g_free(finder.shipped_dir);
    if (!path)
        return NULL;
    cm_style *style = load_style(context, path, NULL, 0);
    g_free(path);
    if (style)
        style->name = g_strdup(name_or_path);
    return style;
}

cm_style *cm_style_parse(cm_context *context, const char *path, const char *data,
                         size_t length)
{
    cm_style *style = load_style(context, path, data, length);
    if (style)
        style->name = g_strdup(path);
    return style;
}

void cm_style_free(cm_style *style)
{
    if (!style)
        return;
    g_free(style->country_label_font);
    g_free(style->admin1_label_font);
    g_free(style->label_font);
    g_free(style->waypoint_font);
    g_free(style->leg_font);
    g_free(style->grid_label_font);
    g_free(style->grid_zone_font);
    g_free(style->title_font);
    g_free(style->text_font);
    g_free(style->tile_labels.label_font);
    g_free(style->roads.shield_font);
    g_free(style->fingerprint);
    g_free(style->name);
    g_free(style);
}
