/* convoymap — the command-line tool. It parses flags, calls the library and
 * prints; everything it computes is in the library's API. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "convoymap/convoymap.h"

enum { EXIT_USAGE = 2, EXIT_RUNTIME = 1 };

static int fail(cm_context *context)
{
    fprintf(stderr, "convoymap: %s\n", cm_context_message(context));
    return cm_context_status(context) == CM_ERR_INPUT ? EXIT_USAGE : EXIT_RUNTIME;
}

static int usage_error(const char *command, const char *message)
{
    fprintf(stderr, "convoymap: %s\nTry 'convoymap %s --help'.\n", message, command);
    return EXIT_USAGE;
}

/* Flags shared by the commands that take routes. */
typedef struct route_options {
    char **routes, **route_files;
    char *from, *to, *units, *data_dir;
    char **via, **marks;
} route_options;

static void route_options_clear(route_options *options)
{
    g_strfreev(options->routes);
    g_strfreev(options->route_files);
    g_free(options->from);
    g_free(options->to);
    g_free(options->units);
    g_free(options->data_dir);
    g_strfreev(options->via);
    g_strfreev(options->marks);
}

static GOptionGroup *route_option_group(route_options *options)
{
    GOptionEntry entries[] = {
        {"route", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->routes,
         "A route: \"[name=N; color=#rrggbb;] A > B > C\" (repeatable)", "SPEC"},
        {"route-file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->route_files,
         "A route from GeoJSON, GPX, KML or CSV (repeatable)", "FILE"},
        {"from", 0, 0, G_OPTION_ARG_STRING, &options->from, "Start of a route", "SITE"},
        {"via", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->via, "Waypoint (repeatable)", "SITE"},
        {"to", 0, 0, G_OPTION_ARG_STRING, &options->to, "Destination", "SITE"},
        {"mark", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->marks,
         "Mark and label a site (repeatable)", "SITE"},
        {"units", 0, 0, G_OPTION_ARG_STRING, &options->units, "km (default), mi or nmi", "U"},
        {"data", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir,
         "Data directory (default: installed data or $CONVOYMAP_DATA)", "DIR"},
        {NULL},
    };
    GOptionGroup *group = g_option_group_new("route", "Route options:",
                                             "Show the route options", NULL, NULL);
    g_option_group_add_entries(group, entries);
    return group;
}

/* The routes the flags describe, with their crossings computed: each
 * --route, then --from/--via/--to as one more, or the reference convoy when
 * there is no route flag at all (*reference is then TRUE). Returns CM_OK or
 * the failing status; prints usage errors itself (returning CM_ERR_INPUT
 * with an empty context message). */
typedef struct planned_route {
    cm_route *route;
    cm_crossing_list *crossings;
} planned_route;

static void planned_route_clear(planned_route *planned)
{
    cm_route_free(planned->route);
    cm_crossing_list_free(planned->crossings);
}

static cm_status add_planned(cm_context *context, cm_geocoder *geocoder, GArray *plans,
                             cm_route *route)
{
    planned_route planned = {route, NULL};
    cm_status status = cm_route_find_crossings(context, route, geocoder, &planned.crossings);
    g_array_append_val(plans, planned);
    return status;
}

static int collect_routes(const char *command, const route_options *options,
                          cm_context *context, cm_geocoder *geocoder, GArray *plans,
                          gboolean *reference)
{
    *reference = !options->routes && !options->route_files && !options->from && !options->to &&
                 !options->via;
    if ((options->from || options->via) && !options->to)
        return usage_error(command, "--from and --via need --to");
    if (options->to && !options->from)
        return usage_error(command, "--to needs --from");
    for (char **file = options->route_files; file && *file; file++) {
        cm_route *route;
        if (cm_route_read_file(context, *file, &route) != CM_OK ||
            add_planned(context, geocoder, plans, route) != CM_OK)
            return fail(context);
    }
    for (char **spec = options->routes; spec && *spec; spec++) {
        cm_route *route;
        if (cm_route_parse(geocoder, *spec, &route) != CM_OK ||
            add_planned(context, geocoder, plans, route) != CM_OK)
            return fail(context);
    }
    if (options->from || *reference) {
        GPtrArray *queries = g_ptr_array_new();
        if (*reference) {
            for (const char *const *q = cm_reference_waypoints(); *q; q++)
                g_ptr_array_add(queries, (gpointer)*q);
        } else {
            g_ptr_array_add(queries, options->from);
            for (char **via = options->via; via && *via; via++)
                g_ptr_array_add(queries, *via);
            g_ptr_array_add(queries, options->to);
        }
        cm_route *route;
        cm_status status = cm_route_new_from_queries(geocoder, "Convoy route",
                                                     (const char *const *)queries->pdata,
                                                     queries->len, &route);
        g_ptr_array_free(queries, TRUE);
        if (status != CM_OK || add_planned(context, geocoder, plans, route) != CM_OK)
            return fail(context);
    }
    return EXIT_SUCCESS;
}

static int print_report(cm_context *context, GArray *plans, cm_report_format format,
                        cm_units units)
{
    cm_route_report *reports = g_new0(cm_route_report, plans->len);
    for (guint i = 0; i < plans->len; i++) {
        planned_route *planned = &g_array_index(plans, planned_route, i);
        reports[i] = (cm_route_report){planned->route, planned->crossings};
    }
    char *text = cm_report_routes(context, reports, plans->len, format, units);
    g_free(reports);
    if (!text)
        return fail(context);
    fputs(text, stdout);
    cm_string_free(text);
    return EXIT_SUCCESS;
}

typedef int (*command_fn)(cm_context *context, cm_geocoder *geocoder,
                          const route_options *routes, GArray *plans, gboolean reference,
                          cm_units units, void *command_options);

/* Parses argv with the command's own entries plus the route options, sets
 * up the library and runs fn. */
static int run_command(const char *command, const char *summary, GOptionEntry *entries,
                       int argc, char **argv, command_fn fn, void *command_options)
{
    route_options options = {0};
    GOptionContext *parser = g_option_context_new(summary);
    g_option_context_add_main_entries(parser, entries, NULL);
    g_option_context_add_group(parser, route_option_group(&options));
    g_option_context_set_description(parser, "Sites are gazetteer names or aliases (any case) "
                                             "or \"lat,lon\". With no route flag, the reference "
                                             "convoy: Amman to Ayn al-Asad Air Base.");
    GError *error = NULL;
    int status;
    if (!g_option_context_parse(parser, &argc, &argv, &error)) {
        status = usage_error(command, error->message);
        g_error_free(error);
        goto done;
    }
    if (argc > 1) {
        char *message = g_strdup_printf("unexpected argument '%s'", argv[1]);
        status = usage_error(command, message);
        g_free(message);
        goto done;
    }
    char *message = NULL;
    cm_context *context = cm_context_new(options.data_dir, &message);
    if (!context) {
        fprintf(stderr, "convoymap: %s\n", message);
        cm_string_free(message);
        status = EXIT_RUNTIME;
        goto done;
    }
    cm_units units = CM_UNITS_KM;
    cm_geocoder *geocoder = NULL;
    GArray *plans = g_array_new(FALSE, FALSE, sizeof(planned_route));
    g_array_set_clear_func(plans, (GDestroyNotify)planned_route_clear);
    gboolean reference = FALSE;
    if (options.units && cm_units_parse(context, options.units, &units) != CM_OK)
        status = fail(context);
    else if (!(geocoder = cm_geocoder_new(context)))
        status = fail(context);
    else if ((status = collect_routes(command, &options, context, geocoder, plans,
                                      &reference)) == EXIT_SUCCESS)
        status = fn(context, geocoder, &options, plans, reference, units, command_options);
    g_array_free(plans, TRUE);
    cm_geocoder_free(geocoder);
    cm_context_free(context);
done:
    g_option_context_free(parser);
    route_options_clear(&options);
    return status;
}

typedef struct render_options {
    char *size, *title, *output;
} render_options;

static int render_map(cm_context *context, cm_geocoder *geocoder, const route_options *routes,
                      GArray *plans, gboolean reference, cm_units units, void *data)
{
    const render_options *options = data;
    if (!options->output)
        return usage_error("render", "missing -o FILE (.png, .svg or .pdf)");
    cm_format format;
    if (cm_format_from_path(context, options->output, &format) != CM_OK)
        return fail(context);
    int width = CM_MAP_DEFAULT_WIDTH, height = CM_MAP_DEFAULT_HEIGHT;
    if (options->size && cm_parse_size(context, options->size, &width, &height) != CM_OK)
        return fail(context);
    cm_map *map = cm_map_new(context);
    cm_map_set_size(map, width, height);
    cm_map_set_units(map, units);
    for (guint i = 0; i < plans->len; i++) {
        const planned_route *planned = &g_array_index(plans, planned_route, i);
        cm_map_add_route(map, planned->route);
        cm_map_add_crossings(map, planned->crossings);
    }
    const char *const *marks = reference && !routes->marks
                                   ? cm_reference_markers()
                                   : (const char *const *)routes->marks;
    for (const char *const *mark = marks; mark && *mark; mark++) {
        cm_place *place;
        if (cm_geocoder_lookup(geocoder, *mark, &place) != CM_OK) {
            cm_map_free(map);
            return fail(context);
        }
        cm_map_add_marker(map, place);
        cm_place_free(place);
    }
    cm_map_set_title(map, options->title ? options->title
                          : reference   ? cm_reference_title()
                                        : NULL);
    cm_status status = cm_map_render_file(map, options->output);
    cm_map_free(map);
    if (status != CM_OK)
        return fail(context);
    int printed = print_report(context, plans, CM_REPORT_TEXT, units);
    printf("Wrote %s (%dx%d)\n", options->output, width, height);
    return printed;
}

static int command_render(int argc, char **argv)
{
    render_options options = {0};
    GOptionEntry entries[] = {
        {"size", 0, 0, G_OPTION_ARG_STRING, &options.size, "Size in pixels (default 1600x1200)",
         "WxH"},
        {"title", 0, 0, G_OPTION_ARG_STRING, &options.title, "Map title", "TEXT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
         "Output file: .png, .svg or .pdf", "FILE"},
        {NULL},
    };
    int status = run_command("render", "- draw a convoy briefing map", entries, argc, argv,
                             render_map, &options);
    g_free(options.size);
    g_free(options.title);
    g_free(options.output);
    return status;
}

/* Flags of the tile commands. */
typedef struct tile_options {
    char *bbox, *zoom, *output, *name, *shard;
    int tile_size, scale, jobs, metatile;
    gboolean resume, preview;
    cm_tile tile; /* the `tile` command's Z X Y */
} tile_options;

static void tile_options_clear(tile_options *options)
{
    g_free(options->bbox);
    g_free(options->zoom);
    g_free(options->output);
    g_free(options->name);
    g_free(options->shard);
}

/* A tiler showing the routes, their crossings and the marked sites (the
 * reference convoy's when no route flag is given), sized by the flags. */
static cm_tiler *new_tiler(cm_context *context, cm_geocoder *geocoder,
                           const route_options *routes, GArray *plans, gboolean reference,
                           const tile_options *options)
{
    cm_tiler *tiler = cm_tiler_new(context);
    if (cm_tiler_set_tile_size(tiler, options->tile_size) != CM_OK ||
        cm_tiler_set_scale(tiler, options->scale) != CM_OK ||
        cm_tiler_set_metatile(tiler, options->metatile) != CM_OK) {
        cm_tiler_free(tiler);
        return NULL;
    }
    for (guint i = 0; i < plans->len; i++) {
        const planned_route *planned = &g_array_index(plans, planned_route, i);
        cm_tiler_add_route(tiler, planned->route);
        cm_tiler_add_crossings(tiler, planned->crossings);
    }
    const char *const *marks = reference && !routes->marks
                                   ? cm_reference_markers()
                                   : (const char *const *)routes->marks;
    for (const char *const *mark = marks; mark && *mark; mark++) {
        cm_place *place;
        if (cm_geocoder_lookup(geocoder, *mark, &place) != CM_OK) {
            cm_tiler_free(tiler);
            return NULL;
        }
        cm_tiler_add_marker(tiler, place);
        cm_place_free(place);
    }
    return tiler;
}

/* Progress on one rewritten line, for a terminal only. */
static void show_progress(unsigned long long done, unsigned long long total, void *data)
{
    fprintf(stderr, "\r%llu/%llu tiles (%.0f%%)", done, total,
            total ? 100.0 * (double)done / (double)total : 100.0);
    if (done == total)
        fputc('\n', stderr);
}

static int write_tiles(cm_context *context, cm_geocoder *geocoder, const route_options *routes,
                       GArray *plans, gboolean reference, cm_units units, void *data)
{
    const tile_options *options = data;
    if (!options->output)
        return usage_error("tiles", "missing -o OUT (a directory or a .mbtiles file)");
    if (!options->bbox)
        return usage_error("tiles", "missing --bbox WEST,SOUTH,EAST,NORTH");
    if (!options->zoom)
        return usage_error("tiles", "missing --zoom MIN-MAX");
    cm_tiles_request request = {.jobs = options->jobs, .resume = options->resume,
                                .name = options->name, .preview = options->preview};
    if (cm_parse_bbox(context, options->bbox, &request.bbox) != CM_OK ||
        cm_parse_zoom_range(context, options->zoom, &request.min_z, &request.max_z) != CM_OK ||
        (options->shard && cm_parse_shard(context, options->shard, &request.shard_index,
                                          &request.shard_count) != CM_OK))
        return fail(context);
    if (isatty(STDERR_FILENO))
        request.progress = show_progress;
    cm_tiler *tiler = new_tiler(context, geocoder, routes, plans, reference, options);
    if (!tiler)
        return fail(context);
    cm_tiles_summary summary;
    cm_status status = cm_tiler_write(tiler, options->output, &request, &summary);
    cm_tiler_free(tiler);
    if (status != CM_OK)
        return fail(context);
    printf("Wrote %s: %llu tiles, zoom %d-%d, %llu rendered in %llu metatiles\n",
           options->output, summary.tiles, request.min_z, request.max_z, summary.rendered,
           summary.metatiles);
    return EXIT_SUCCESS;
}

static int command_tiles(int argc, char **argv)
{
    tile_options options = {.tile_size = CM_TILE_DEFAULT_SIZE, .scale = 1, .jobs = 1,
                            .metatile = CM_TILE_DEFAULT_METATILE};
    GOptionEntry entries[] = {
        {"bbox", 0, 0, G_OPTION_ARG_STRING, &options.bbox,
         "Area in degrees, e.g. 38,29,48,37", "W,S,E,N"},
        {"zoom", 0, 0, G_OPTION_ARG_STRING, &options.zoom, "Zoom levels, e.g. 0-10", "MIN-MAX"},
        {"tile-size", 0, 0, G_OPTION_ARG_INT, &options.tile_size,
         "Tile side: 256 (default) or 512", "N"},
        {"scale", 0, 0, G_OPTION_ARG_INT, &options.scale,
         "Pixels per style pixel: 1 (default) or 2", "S"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
         "Output: a directory (OUT/z/x/y.png) or a .mbtiles file", "OUT"},
        {"metatile", 0, 0, G_OPTION_ARG_INT, &options.metatile,
         "Tiles per metatile side, 1 to 16 (default 8)", "N"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &options.jobs, "Rendering threads (default 1)", "N"},
        {"resume", 0, 0, G_OPTION_ARG_NONE, &options.resume,
         "Keep the metatiles an interrupted run finished", NULL},
        {"name", 0, 0, G_OPTION_ARG_STRING, &options.name, "Tileset name in MBTiles", "TEXT"},
        {"preview", 0, 0, G_OPTION_ARG_NONE, &options.preview,
         "Also write OUT/index.html, an offline viewer (directory output)", NULL},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &options.shard,
         "Render only every N-th metatile, from the K-th (join with 'tiles merge')", "K/N"},
        {NULL},
    };
    int status = run_command("tiles", "- render map tiles to a directory or an MBTiles file",
                             entries, argc, argv, write_tiles, &options);
    tile_options_clear(&options);
    return status;
}

/* `tiles merge OUT.mbtiles SHARD...`: no route options, no context flags. */
static int command_merge(int argc, char **argv)
{
    if (argc < 3 || argv[1][0] == '-')
        return usage_error("tiles", "usage: convoymap tiles merge OUT.mbtiles SHARD.mbtiles...");
    char *message = NULL;
    cm_context *context = cm_context_new(NULL, &message);
    if (!context) {
        fprintf(stderr, "convoymap: %s\n", message);
        cm_string_free(message);
        return EXIT_RUNTIME;
    }
    int status = EXIT_SUCCESS;
    if (cm_tiles_merge(context, argv[1], (const char *const *)argv + 2, (size_t)argc - 2) !=
        CM_OK)
        status = fail(context);
    else
        printf("Wrote %s from %d shard%s\n", argv[1], argc - 2, argc == 3 ? "" : "s");
    cm_context_free(context);
    return status;
}

static int write_one_tile(cm_context *context, cm_geocoder *geocoder,
                          const route_options *routes, GArray *plans, gboolean reference,
                          cm_units units, void *data)
{
    const tile_options *options = data;
    if (!options->output)
        return usage_error("tile", "missing -o FILE.png");
    if (!g_str_has_suffix(options->output, ".png") && !g_str_has_suffix(options->output, ".PNG"))
        return usage_error("tile", "the output of 'tile' must end in .png");
    cm_tiler *tiler = new_tiler(context, geocoder, routes, plans, reference, options);
    if (!tiler)
        return fail(context);
    unsigned char *png;
    size_t length;
    cm_status status = cm_tiler_render_tile(tiler, options->tile, &png, &length);
    cm_tiler_free(tiler);
    if (status != CM_OK)
        return fail(context);
    GError *error = NULL;
    int result = EXIT_SUCCESS;
    if (!g_file_set_contents_full(options->output, (const char *)png, (gssize)length,
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error)) {
        fprintf(stderr, "convoymap: cannot write %s: %s\n", options->output, error->message);
        g_error_free(error);
        result = EXIT_RUNTIME;
    } else {
        printf("Wrote %s (tile %d/%d/%d, %dx%d)\n", options->output, options->tile.z,
               options->tile.x, options->tile.y, options->tile_size * options->scale,
               options->tile_size * options->scale);
    }
    cm_string_free((char *)png);
    return result;
}

/* `tile Z X Y`: the numbers come first, before any option. */
static int command_tile(int argc, char **argv)
{
    tile_options options = {.tile_size = CM_TILE_DEFAULT_SIZE, .scale = 1, .jobs = 1,
                            .metatile = CM_TILE_DEFAULT_METATILE};
    int values[3];
    for (int i = 0; i < 3; i++) {
        char *end = NULL;
        long value = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
        if (!end || end == argv[i + 1] || *end != '\0' || value < 0 || value > 1 << 30)
            return usage_error("tile", "expected Z X Y (whole numbers) after 'tile'");
        values[i] = (int)value;
    }
    options.tile = (cm_tile){values[0], values[1], values[2]};
    GOptionEntry entries[] = {
        {"tile-size", 0, 0, G_OPTION_ARG_INT, &options.tile_size,
         "Tile side: 256 (default) or 512", "N"},
        {"scale", 0, 0, G_OPTION_ARG_INT, &options.scale,
         "Pixels per style pixel: 1 (default) or 2", "S"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, "Output PNG file", "FILE"},
        {NULL},
    };
    /* The command name stays in front, as GOption expects a program name. */
    argv[3] = argv[0];
    int status = run_command("tile", "Z X Y - render one map tile as PNG", entries, argc - 3,
                             argv + 3, write_one_tile, &options);
    tile_options_clear(&options);
    return status;
}

typedef struct report_options {
    char *format;
} report_options;

static int report_routes(cm_context *context, cm_geocoder *geocoder,
                         const route_options *routes, GArray *plans, gboolean reference,
                         cm_units units, void *data)
{
    const report_options *options = data;
    cm_report_format format = CM_REPORT_TEXT;
    if (options->format && cm_report_format_parse(context, options->format, &format) != CM_OK)
        return fail(context);
    return print_report(context, plans, format, units);
}

static int command_route(int argc, char **argv)
{
    report_options options = {0};
    GOptionEntry entries[] = {
        {"format", 0, 0, G_OPTION_ARG_STRING, &options.format,
         "text (default), csv, json or geojson", "F"},
        {NULL},
    };
    int status = run_command("route", "- legs, totals and border crossings of convoy routes",
                             entries, argc, argv, report_routes, &options);
    g_free(options.format);
    return status;
}

static void print_usage(FILE *out)
{
    fputs("Usage: convoymap COMMAND [OPTIONS]\n"
          "\n"
          "Commands:\n"
          "  render    draw a briefing map of convoy routes (PNG, SVG or PDF)\n"
          "  route     legs, distances, azimuths and border crossings of routes\n"
          "  tiles     render XYZ map tiles to a directory or an MBTiles file\n"
          "            ('tiles merge OUT.mbtiles SHARD...' joins --shard parts)\n"
          "  tile      render one map tile (Z X Y) as PNG\n"
          "\n"
          "Run 'convoymap COMMAND --help' for the options of a command.\n",
          out);
}

int main(int argc, char **argv)
{
    /* The user's locale for text, but numbers always with a decimal point. */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_usage(stdout);
        return EXIT_SUCCESS;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("convoymap %s\n", CM_VERSION_STRING);
        return EXIT_SUCCESS;
    }
    if (strcmp(argv[1], "render") == 0)
        return command_render(argc - 1, argv + 1);
    if (strcmp(argv[1], "route") == 0)
        return command_route(argc - 1, argv + 1);
    if (strcmp(argv[1], "tiles") == 0 && argc > 2 && strcmp(argv[2], "merge") == 0)
        return command_merge(argc - 2, argv + 2);
    if (strcmp(argv[1], "tiles") == 0)
        return command_tiles(argc - 1, argv + 1);
    if (strcmp(argv[1], "tile") == 0)
        return command_tile(argc - 1, argv + 1);
    fprintf(stderr, "convoymap: unknown command '%s' (try 'convoymap --help')\n", argv[1]);
    return EXIT_USAGE;
}
