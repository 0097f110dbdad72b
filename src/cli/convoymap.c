/* convoymap — the command-line tool. It parses flags, calls the library and
 * prints; everything it computes is in the library's API. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "convoymap/convoymap.h"

/* 130 is what a shell reports for a command killed by SIGINT (128 + 2). */
enum { EXIT_USAGE = 2, EXIT_RUNTIME = 1, EXIT_INTERRUPTED = 130 };

static int fail(cm_context *context)
{
    fprintf(stderr, "convoymap: %s\n", cm_context_message(context));
    switch (cm_context_status(context)) {
    case CM_ERR_INPUT:
        return EXIT_USAGE;
    case CM_ERR_CANCELLED:
        return EXIT_INTERRUPTED;
    default:
        return EXIT_RUNTIME;
    }
}

/* --bbox: parsed by the library; a box crossing the antimeridian wider
 * than half the world is more likely west and east swapped, so say so. */
static cm_status parse_bbox(cm_context *context, const char *text, cm_bbox *bbox)
{
    cm_status status = cm_bbox_parse(context, text, bbox);
    if (status == CM_OK && cm_bbox_crosses_antimeridian(bbox) && cm_bbox_width(bbox) > 180)
        fprintf(stderr, "convoymap: note: bounding box %s crosses the antimeridian and is "
                "%g° wide; for the %g° from %g to %g give %g,%g,%g,%g\n", text,
                cm_bbox_width(bbox), 360 - cm_bbox_width(bbox), bbox->east, bbox->west,
                bbox->east, bbox->south, bbox->west, bbox->north);
    return status;
}

/* Prints the library's notes (lines ending in '\n', or NULL), a line each. */
static void print_lines(const char *notes)
{
    if (!notes)
        return;
    char **lines = g_strsplit(notes, "\n", -1);
    for (char **line = lines; *line; line++)
        if (**line)
            fprintf(stderr, "convoymap: %s\n", *line);
    g_strfreev(lines);
}

/* Tells how the geocoder read the names it was not sure of, a line each. */
static void print_notes(cm_geocoder *geocoder)
{
    char *notes = cm_geocoder_take_notes(geocoder);
    print_lines(notes);
    cm_free(notes);
}

#define GAZETTEER_HELP "Your own sites, winning ties over shipped names: CSV (name, aliases, " \
                       "kind, country, lat, lon), GeoJSON or GeoPackage points (repeatable)"

/* Opens the geocoder and adds the user's gazetteers; NULL on failure, with
 * the reason in the context. */
static cm_geocoder *open_geocoder(cm_context *context, char **gazetteers)
{
    cm_geocoder *geocoder = cm_geocoder_new(context);
    for (char **file = gazetteers; geocoder && file && *file; file++)
        if (cm_geocoder_add_gazetteer(geocoder, *file) != CM_OK) {
            cm_geocoder_free(geocoder);
            return NULL;
        }
    return geocoder;
}

static int usage_error(const char *command, const char *message)
{
    fprintf(stderr, "convoymap: %s\nTry 'convoymap %s --help'.\n", message, command);
    return EXIT_USAGE;
}

/* Flags shared by the commands that take routes. */
typedef struct route_options {
    char **routes, **route_files, **gazetteers;
    char *from, *to, *units, *data_dir;
    char **via, **marks;
    char *speed, *start, *halt, *vehicles, *gap, *serial;
} route_options;

static void route_options_clear(route_options *options)
{
    g_strfreev(options->routes);
    g_strfreev(options->route_files);
    g_strfreev(options->gazetteers);
    g_free(options->from);
    g_free(options->to);
    g_free(options->units);
    g_free(options->data_dir);
    g_strfreev(options->via);
    g_strfreev(options->marks);
    g_free(options->speed);
    g_free(options->start);
    g_free(options->halt);
    g_free(options->vehicles);
    g_free(options->gap);
    g_free(options->serial);
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
        {"gazetteer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->gazetteers, GAZETTEER_HELP,
         "FILE"},
        {"data", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir,
         "Data directory (default: installed data or $CONVOYMAP_DATA)", "DIR"},
        {NULL},
    };
    GOptionGroup *group = g_option_group_new("route", "Route options:",
                                             "Show the route options", NULL, NULL);
    g_option_group_add_entries(group, entries);
    return group;
}

static GOptionGroup *march_option_group(route_options *options)
{
    GOptionEntry entries[] = {
        {"speed", 0, 0, G_OPTION_ARG_STRING, &options->speed,
         "Rate of march in km/h (0 to 200): adds a march table to every route", "KMH"},
        {"start", 0, 0, G_OPTION_ARG_STRING, &options->start,
         "When the head passes the SP, required with --speed: a DTG (071200ZSEP19; "
         "zone letters Z, A-I, K-M, N-Y, not J) or ISO 8601 with an offset "
         "(2019-09-07T15:00+03:00)", "TIME"},
        {"halt", 0, 0, G_OPTION_ARG_STRING, &options->halt,
         "Halt after each full period of driving, e.g. 15m/2h or 10m/1h30m (default 0: none)",
         "SPEC"},
        {"vehicles", 0, 0, G_OPTION_ARG_STRING, &options->vehicles,
         "Vehicles in the column (default 1)", "N"},
        {"gap", 0, 0, G_OPTION_ARG_STRING, &options->gap,
         "Metres between vehicles (default 100: 10 vehicles per km)", "M"},
        {"serial", 0, 0, G_OPTION_ARG_STRING, &options->serial,
         "Name of the serial (default: the route's name)", "NAME"},
        {NULL},
    };
    GOptionGroup *group = g_option_group_new("march", "March table options:",
                                             "Show the march table options", NULL, NULL);
    g_option_group_add_entries(group, entries);
    return group;
}

/* The march parameters the flags give, into *params; *wanted is TRUE when
 * --speed asks for march tables. */
static int parse_march(const char *command, const route_options *options,
                       cm_context *context, cm_march_params *params, gboolean *wanted)
{
    *wanted = options->speed != NULL;
    if (!*wanted) {
        if (options->start || options->halt || options->vehicles || options->gap ||
            options->serial)
            return usage_error(command, "--start, --halt, --vehicles, --gap and --serial need "
                                        "--speed");
        return EXIT_SUCCESS;
    }
    if (!options->start)
        return usage_error(command, "--speed needs --start, when the head passes the SP "
                                    "(e.g. 071200ZSEP19 or 2019-09-07T12:00Z)");
    cm_march_params_init(params);
    if (cm_march_params_parse(context, options->speed, options->start, options->halt,
                              options->vehicles, options->gap, params) != CM_OK)
        return fail(context);
    params->serial = options->serial;
    return EXIT_SUCCESS;
}

/* The routes the flags describe into scene, unresolved: each --route-file,
 * each --route, then --from/--via/--to as one more; *reference is TRUE
 * when there is no route flag at all (the command may then show the
 * example convoy). march, when not NULL, asks for march tables. Prints
 * usage errors itself. */
static int collect_routes(const char *command, const route_options *options, cm_scene *scene,
                          const cm_march_params *march, gboolean *reference)
{
    *reference = !options->routes && !options->route_files && !options->from && !options->to &&
                 !options->via;
    if ((options->from || options->via) && !options->to)
        return usage_error(command, "--from and --via need --to");
    if (options->to && !options->from)
        return usage_error(command, "--to needs --from");
    for (char **file = options->route_files; file && *file; file++)
        cm_scene_add_route_file(scene, *file);
    for (char **spec = options->routes; spec && *spec; spec++)
        cm_scene_add_route_spec(scene, *spec);
    if (options->from) {
        GPtrArray *queries = g_ptr_array_new();
        g_ptr_array_add(queries, options->from);
        for (char **via = options->via; via && *via; via++)
            g_ptr_array_add(queries, *via);
        g_ptr_array_add(queries, options->to);
        cm_scene_add_route_queries(scene, "Convoy route", (const char *const *)queries->pdata,
                                   queries->len);
        g_ptr_array_free(queries, TRUE);
    }
    cm_scene_set_march(scene, march);
    return EXIT_SUCCESS;
}

/* Completes scene and resolves it, printing the geocoder's notes: the
 * example convoy when example is TRUE, the --mark sites when marks is TRUE
 * and the site to centre on when center is not NULL. */
static int resolve_scene(cm_context *context, cm_geocoder *geocoder, cm_scene *scene,
                         const route_options *routes, gboolean example, gboolean marks,
                         const char *center)
{
    if (example)
        cm_scene_add_example(scene);
    for (char **mark = routes->marks; marks && mark && *mark; mark++)
        cm_scene_add_mark(scene, *mark);
    cm_scene_set_center(scene, center);
    cm_status status = cm_scene_resolve(scene, geocoder);
    print_lines(cm_scene_notes(scene));
    return status == CM_OK ? EXIT_SUCCESS : fail(context);
}

static int print_report(cm_context *context, const cm_scene *scene, cm_report_format format,
                        cm_units units)
{
    char *text = cm_scene_report(scene, format, units);
    if (!text)
        return fail(context);
    fputs(text, stdout);
    cm_free(text);
    return EXIT_SUCCESS;
}

/* GOption's conversion error does not say which argument is not text in
 * the locale's encoding: find the first one (file names may be any bytes,
 * so the values of file options are skipped) and name it, escaped. */
static char *describe_bad_text(int argc, char **argv, const char *reason)
{
    static const char *const file_options[] = {"-o", "--output", "--data", "--route-file"};
    for (int i = 1; i < argc; i++) {
        gboolean file_value = FALSE;
        for (size_t k = 0; k < G_N_ELEMENTS(file_options); k++) {
            size_t n = strlen(file_options[k]);
            if (strcmp(argv[i - 1], file_options[k]) == 0 ||
                (strncmp(argv[i], file_options[k], n) == 0 && argv[i][n] == '='))
                file_value = TRUE;
        }
        char *converted = g_locale_to_utf8(argv[i], -1, NULL, NULL, NULL);
        g_free(converted);
        if (!converted && !file_value) {
            char *shown = g_strescape(argv[i], NULL);
            char *message = g_strdup_printf("argument '%s' is not valid text (%s)", shown,
                                            reason);
            g_free(shown);
            return message;
        }
    }
    return g_strdup(reason);
}

typedef int (*command_fn)(cm_context *context, cm_geocoder *geocoder,
                          const route_options *routes, cm_scene *scene, gboolean reference,
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
    g_option_context_add_group(parser, march_option_group(&options));
    g_option_context_set_description(parser, "Sites are gazetteer names or aliases (any case) "
                                             "or \"lat,lon\". With no route flag, the reference "
                                             "convoy: Amman to Ayn al-Asad Air Base. With "
                                             "--speed and --start, a march table for each "
                                             "route (see --help-march).\n\nExit status: 0 "
                                             "success, 2 usage error, 1 runtime failure, 130 "
                                             "when Ctrl-C or SIGTERM stops 'tiles' (the "
                                             "metatiles done are kept; --resume finishes).");
    GError *error = NULL;
    int status;
    if (!g_option_context_parse(parser, &argc, &argv, &error)) {
        char *message = error->domain == G_CONVERT_ERROR
                            ? describe_bad_text(argc, argv, error->message)
                            : g_strdup(error->message);
        status = usage_error(command, message);
        g_free(message);
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
        cm_free(message);
        status = EXIT_RUNTIME;
        goto done;
    }
    cm_units units = CM_UNITS_KM;
    cm_geocoder *geocoder = NULL;
    cm_scene *scene = cm_scene_new(context);
    gboolean reference = FALSE, with_march = FALSE;
    cm_march_params march;
    if (options.units && cm_units_parse(context, options.units, &units) != CM_OK)
        status = fail(context);
    else
        status = parse_march(command, &options, context, &march, &with_march);
    if (status == EXIT_SUCCESS && !(geocoder = open_geocoder(context, options.gazetteers)))
        status = fail(context);
    if (status == EXIT_SUCCESS)
        status = collect_routes(command, &options, scene, with_march ? &march : NULL,
                                &reference);
    if (status == EXIT_SUCCESS)
        status = fn(context, geocoder, &options, scene, reference, units, command_options);
    cm_scene_free(scene);
    cm_geocoder_free(geocoder);
    cm_context_free(context);
done:
    g_option_context_free(parser);
    route_options_clear(&options);
    return status;
}

typedef struct render_options {
    char *size, *title, *subtitle, *dtg, *banner, *banner_color, *style, *grid, *labels,
        *output, *format, *crs, *bbox, *center, *margin, *radius_km;
    double dpi, scale;
    gboolean transparent, no_inset;
} render_options;

/* A finite number, optionally followed by suffix, into *value. */
static gboolean parse_number(const char *text, const char *suffix, double *value)
{
    char *end;
    *value = g_ascii_strtod(text, &end);
    return end != text && (*end == '\0' || strcmp(end, suffix) == 0) && isfinite(*value);
}

static int usage_value_error(const char *what, const char *value, const char *expected)
{
    char *message = g_strdup_printf("%s '%s' is not %s", what, value, expected);
    int status = usage_error("render", message);
    g_free(message);
    return status;
}

/* The flags' extent and CRS on map; centre is the --center site's
 * position. Usage errors are printed here. */
static int set_extent(cm_context *context, cm_map *map, const render_options *options,
                      const cm_geo_point *centre)
{
    if (options->bbox && options->center)
        return usage_error("render", "--bbox and --center both set the map's area: give one");
    if (options->center && !options->radius_km)
        return usage_error("render", "--center needs --radius-km (e.g. --center Baghdad "
                                     "--radius-km 150)");
    if (!options->center && options->radius_km)
        return usage_error("render", "--radius-km goes with --center");
    if (options->margin && (options->bbox || options->center))
        return usage_error("render", "--margin goes with the automatic extent, not with "
                                     "--bbox or --center");
    double margin = 0, radius_km = 0;
    if (options->margin && !parse_number(options->margin, "%", &margin))
        return usage_value_error("margin", options->margin, "a percentage (e.g. 5 or 5%)");
    if (options->radius_km && !parse_number(options->radius_km, "", &radius_km))
        return usage_value_error("radius", options->radius_km, "a number of km (e.g. 150)");
    cm_bbox bbox;
    if ((options->crs && cm_map_set_crs(map, options->crs) != CM_OK) ||
        (options->bbox && (parse_bbox(context, options->bbox, &bbox) != CM_OK ||
                           cm_map_set_bbox(map, &bbox) != CM_OK)) ||
        (centre && cm_map_set_center(map, centre->lat, centre->lon, radius_km) != CM_OK) ||
        (options->margin && cm_map_fit_content(map, margin / 100) != CM_OK))
        return fail(context);
    return EXIT_SUCCESS;
}

static int render_map(cm_context *context, cm_geocoder *geocoder, const route_options *routes,
                      cm_scene *scene, gboolean reference, cm_units units, void *data)
{
    const render_options *options = data;
    /* An area without routes asks for a map of the area (with the marks
     * given), not for the example convoy. */
    int resolved = resolve_scene(context, geocoder, scene, routes,
                                 reference && !options->bbox && !options->center, TRUE,
                                 options->center);
    if (resolved != EXIT_SUCCESS)
        return resolved;
    if (!options->output)
        return usage_error("render", "missing -o FILE (.png, .svg or .pdf, or - for stdout)");
    gboolean to_stdout = strcmp(options->output, "-") == 0;
    cm_format format;
    if (to_stdout ? cm_format_parse(context, options->format ? options->format : "png",
                                    &format) != CM_OK
                  : cm_format_from_path(context, options->output, &format) != CM_OK)
        return fail(context);
    if (options->format && !to_stdout)
        return usage_error("render", "--format goes with -o - (a file's extension names its "
                                     "format)");
    cm_grid_kind grid = CM_GRID_NONE;
    if (options->grid && cm_grid_kind_parse(context, options->grid, &grid) != CM_OK)
        return fail(context);
    cm_label_language labels = CM_LABELS_EN;
    if (options->labels && cm_label_language_parse(context, options->labels, &labels) != CM_OK)
        return fail(context);
    cm_map *map = cm_map_new(context);
    if (!map)
        return fail(context);
    cm_map_set_labels(map, labels);
    cm_map_set_transparent(map, options->transparent);
    cm_map_set_grid(map, grid);
    cm_map_set_inset(map, !options->no_inset);
    if ((options->size && cm_map_set_page(map, options->size, options->dpi) != CM_OK) ||
        (options->scale != 0 && cm_map_set_scale(map, options->scale) != CM_OK) ||
        (options->style && cm_map_set_style(map, options->style) != CM_OK) ||
        (options->dtg && cm_map_set_dtg(map, options->dtg) != CM_OK) ||
        ((options->banner || options->banner_color) &&
         cm_map_set_banner(map, options->banner ? options->banner : "",
                           options->banner_color) != CM_OK)) {
        cm_map_free(map);
        return fail(context);
    }
    cm_map_set_subtitle(map, options->subtitle);
    cm_map_set_units(map, units);
    cm_map_set_scene(map, scene);
    cm_geo_point centre = {0, 0};
    gboolean centred = cm_scene_center(scene, &centre);
    int extent_status = set_extent(context, map, options, centred ? &centre : NULL);
    if (extent_status != EXIT_SUCCESS) {
        cm_map_free(map);
        return extent_status;
    }
    cm_map_set_title(map, options->title ? options->title : cm_scene_title(scene));
    int width, height;
    cm_status status = cm_map_output_size(map, format, &width, &height);
    if (status == CM_OK) {
        char *notes = cm_map_take_notes(map);
        print_lines(notes);
        cm_free(notes);
    }
    if (status == CM_OK && to_stdout) {
        /* Nothing else goes to stdout: it is the image. */
        unsigned char *image;
        size_t length;
        status = cm_map_render_memory(map, format, &image, &length);
        cm_map_free(map);
        if (status != CM_OK)
            return fail(context);
        gboolean written = fwrite(image, 1, length, stdout) == length && fflush(stdout) == 0;
        cm_free((void *)image);
        if (!written) {
            fprintf(stderr, "convoymap: cannot write the image to stdout: %s\n",
                    g_strerror(errno));
            return EXIT_RUNTIME;
        }
        return EXIT_SUCCESS;
    }
    if (status == CM_OK)
        status = cm_map_render_file(map, options->output);
    cm_map_free(map);
    if (status != CM_OK)
        return fail(context);
    int printed = cm_scene_route_count(scene) ? print_report(context, scene, CM_REPORT_TEXT,
                                                             units)
                                              : EXIT_SUCCESS;
    printf("Wrote %s (%dx%d %s)\n", options->output, width, height,
           format == CM_FORMAT_PNG ? "px" : format == CM_FORMAT_PDF ? "pt" : "px");
    return printed;
}

static int command_render(int argc, char **argv)
{
    render_options options = {0};
    GOptionEntry entries[] = {
        {"size", 0, 0, G_OPTION_ARG_STRING, &options.size,
         "Size in pixels (default 1600x1200) or paper: A0-A5, letter, legal, tabloid "
         "[-landscape]", "WxH|PAPER"},
        {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &options.dpi, "PNG resolution on paper (default 150)",
         "DPI"},
        {"scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
         "Draw the PNG this many times larger (2 for HiDPI)", "F"},
        {"no-inset", 0, 0, G_OPTION_ARG_NONE, &options.no_inset,
         "Leave out the inset locator map", NULL},
        {"transparent", 0, 0, G_OPTION_ARG_NONE, &options.transparent,
         "Leave the sea unpainted (PNG with alpha), for embedding", NULL},
        {"format", 0, 0, G_OPTION_ARG_STRING, &options.format,
         "With -o -: png (default), svg or pdf", "F"},
        {"title", 0, 0, G_OPTION_ARG_STRING, &options.title, "Map title", "TEXT"},
        {"subtitle", 0, 0, G_OPTION_ARG_STRING, &options.subtitle,
         "A line under the title (operation, unit, serial)", "TEXT"},
        {"dtg", 0, 0, G_OPTION_ARG_STRING, &options.dtg,
         "Date-time group for the title band, as given (e.g. 071200CSEP19)", "DTG"},
        {"banner", 0, 0, G_OPTION_ARG_STRING, &options.banner,
         "Classification or control banner, top and bottom, printed as given", "TEXT"},
        {"banner-color", 0, 0, G_OPTION_ARG_STRING, &options.banner_color,
         "Banner colour; needed unless TEXT is a recognised level", "#RRGGBB"},
        {"grid", 0, 0, G_OPTION_ARG_STRING, &options.grid,
         "Reference grid: latlon, mgrs or none (default)", "KIND"},
        {"labels", 0, 0, G_OPTION_ARG_STRING, &options.labels,
         "Names on labels: en (default), ar (Arabic) or both", "LANG"},
        {"style", 0, 0, G_OPTION_ARG_STRING, &options.style,
         "briefing (default), night, grayscale, colorblind, or a style file", "NAME|PATH"},
        {"crs", 0, 0, G_OPTION_ARG_STRING, &options.crs,
         "Draw in this CRS instead of the automatic conformal projection: EPSG:32638, "
         "ESRI:..., a PROJ string or WKT; a geographic CRS is drawn as plate carree", "DEF"},
        {"bbox", 0, 0, G_OPTION_ARG_STRING, &options.bbox,
         "Show exactly this area, in degrees (WEST > EAST crosses the antimeridian); "
         "alone, without routes or marks, a map of the area only", "W,S,E,N"},
        {"center", 0, 0, G_OPTION_ARG_STRING, &options.center,
         "Show the area round a site (a name, lat,lon or MGRS), with --radius-km", "SITE"},
        {"radius-km", 0, 0, G_OPTION_ARG_STRING, &options.radius_km,
         "With --center: the map shows at least this geodesic radius (0.1 to 10000)", "KM"},
        {"margin", 0, 0, G_OPTION_ARG_STRING, &options.margin,
         "Space kept round the routes and sites, in percent of the map area on each side "
         "(default 12, 0 to 40)", "PCT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
         "Output file: .png, .svg or .pdf; - for stdout", "FILE"},
        {NULL},
    };
    int status = run_command("render", "- draw a convoy briefing map", entries, argc, argv,
                             render_map, &options);
    g_free(options.size);
    g_free(options.title);
    g_free(options.subtitle);
    g_free(options.dtg);
    g_free(options.banner);
    g_free(options.banner_color);
    g_free(options.style);
    g_free(options.grid);
    g_free(options.labels);
    g_free(options.output);
    g_free(options.format);
    g_free(options.crs);
    g_free(options.bbox);
    g_free(options.center);
    g_free(options.margin);
    g_free(options.radius_km);
    return status;
}

/* Flags of the tile commands. */
typedef struct tile_options {
    char *bbox, *zoom, *output, *name, *shard, *style, *labels;
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
    g_free(options->style);
    g_free(options->labels);
}

/* A tiler showing scene, sized by the flags. */
static cm_tiler *new_tiler(cm_context *context, const cm_scene *scene,
                           const tile_options *options)
{
    cm_label_language labels = CM_LABELS_EN;
    if (options->labels && cm_label_language_parse(context, options->labels, &labels) != CM_OK)
        return NULL;
    cm_tiler *tiler = cm_tiler_new(context);
    if (!tiler)
        return NULL;
    cm_tiler_set_labels(tiler, labels);
    if (cm_tiler_set_tile_size(tiler, options->tile_size) != CM_OK ||
        cm_tiler_set_scale(tiler, options->scale) != CM_OK ||
        cm_tiler_set_metatile(tiler, options->metatile) != CM_OK ||
        (options->style && cm_tiler_set_style(tiler, options->style) != CM_OK)) {
        cm_tiler_free(tiler);
        return NULL;
    }
    cm_tiler_set_scene(tiler, scene);
    return tiler;
}

/* The tiler a SIGINT or SIGTERM cancels while `tiles` runs. */
static cm_tiler *volatile interrupted_tiler;

/* Only async-signal-safe calls: an atomic store and signal(). */
static void cancel_tiles(int signal_number)
{
    cm_tiler_cancel(interrupted_tiler);
    /* A second Ctrl-C takes the default action: the user can force-quit. */
    signal(signal_number, SIG_DFL);
}

/* Ctrl-C or SIGTERM stops the run after the metatiles being drawn. A
 * signal the parent ignores (nohup, a shell's background job) stays
 * ignored. The previous actions go to saved[0] (SIGINT) and saved[1]
 * (SIGTERM). */
static void catch_interrupts(cm_tiler *tiler, struct sigaction saved[2])
{
    static const int signals[2] = {SIGINT, SIGTERM};
    struct sigaction action = {.sa_handler = cancel_tiles};
    sigemptyset(&action.sa_mask);
    interrupted_tiler = tiler;
    for (int i = 0; i < 2; i++) {
        sigaction(signals[i], &action, &saved[i]);
        if (saved[i].sa_handler == SIG_IGN)
            sigaction(signals[i], &saved[i], NULL);
    }
}

static void release_interrupts(const struct sigaction saved[2])
{
    sigaction(SIGINT, &saved[0], NULL);
    sigaction(SIGTERM, &saved[1], NULL);
    interrupted_tiler = NULL;
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
                       cm_scene *scene, gboolean reference, cm_units units, void *data)
{
    const tile_options *options = data;
    int resolved = resolve_scene(context, geocoder, scene, routes, reference, TRUE, NULL);
    if (resolved != EXIT_SUCCESS)
        return resolved;
    if (!options->output)
        return usage_error("tiles", "missing -o OUT (a directory or a .mbtiles file)");
    if (!options->bbox)
        return usage_error("tiles", "missing --bbox WEST,SOUTH,EAST,NORTH");
    if (!options->zoom)
        return usage_error("tiles", "missing --zoom MIN-MAX");
    cm_tiles_request request = {.jobs = options->jobs, .resume = options->resume,
                                .name = options->name, .preview = options->preview};
    if (parse_bbox(context, options->bbox, &request.bbox) != CM_OK ||
        cm_zoom_range_parse(context, options->zoom, &request.min_z, &request.max_z) != CM_OK ||
        (options->shard && cm_shard_parse(context, options->shard, &request.shard_index,
                                          &request.shard_count) != CM_OK))
        return fail(context);
    if (isatty(STDERR_FILENO))
        request.progress = show_progress;
    cm_tiler *tiler = new_tiler(context, scene, options);
    if (!tiler)
        return fail(context);
    cm_tiles_summary summary;
    struct sigaction saved[2];
    catch_interrupts(tiler, saved);
    cm_status status = cm_tiler_write(tiler, options->output, &request, &summary);
    release_interrupts(saved);
    /* The example's marks round its convoy are not the user's: a box over
     * part of it needs no note. */
    char *notes = routes->marks ? cm_tiler_take_notes(tiler) : NULL;
    cm_tiler_free(tiler);
    if (status != CM_OK) {
        /* The message goes below the progress line, not onto it. */
        if (request.progress)
            fputc('\n', stderr);
        print_lines(notes);
        cm_free(notes);
        return fail(context);
    }
    print_lines(notes);
    cm_free(notes);
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
        {"style", 0, 0, G_OPTION_ARG_STRING, &options.style,
         "briefing (default), night, grayscale, colorblind, or a style file", "NAME|PATH"},
        {"labels", 0, 0, G_OPTION_ARG_STRING, &options.labels,
         "Names on labels: en (default), ar (Arabic) or both", "LANG"},
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
        cm_free(message);
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
                          const route_options *routes, cm_scene *scene, gboolean reference,
                          cm_units units, void *data)
{
    const tile_options *options = data;
    int resolved = resolve_scene(context, geocoder, scene, routes, reference, TRUE, NULL);
    if (resolved != EXIT_SUCCESS)
        return resolved;
    if (!options->output)
        return usage_error("tile", "missing -o FILE.png");
    if (!g_str_has_suffix(options->output, ".png") && !g_str_has_suffix(options->output, ".PNG"))
        return usage_error("tile", "the output of 'tile' must end in .png");
    cm_tiler *tiler = new_tiler(context, scene, options);
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
    cm_free((void *)png);
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
        {"style", 0, 0, G_OPTION_ARG_STRING, &options.style,
         "briefing (default), night, grayscale, colorblind, or a style file", "NAME|PATH"},
        {"labels", 0, 0, G_OPTION_ARG_STRING, &options.labels,
         "Names on labels: en (default), ar (Arabic) or both", "LANG"},
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
                         const route_options *routes, cm_scene *scene, gboolean reference,
                         cm_units units, void *data)
{
    const report_options *options = data;
    /* The report is of routes: the marks are not read. */
    int resolved = resolve_scene(context, geocoder, scene, routes, reference, FALSE, NULL);
    if (resolved != EXIT_SUCCESS)
        return resolved;
    cm_report_format format = CM_REPORT_TEXT;
    if (options->format && cm_report_format_parse(context, options->format, &format) != CM_OK)
        return fail(context);
    return print_report(context, scene, format, units);
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

/* Reverse geocoding looks this far for a named place. */
#define REVERSE_MAX_DISTANCE_M 500000.0

static int geocode_reverse(cm_context *context, cm_geocoder *geocoder, const char *text,
                           cm_report_format format)
{
    cm_geo_point point;
    cm_coordinate_kind kind;
    if (cm_coordinate_parse(context, text, &point, &kind) != CM_OK)
        return fail(context);
    if (kind == CM_COORDINATE_NONE)
        return usage_error("geocode", "--reverse needs a coordinate such as 33.78,42.44");
    cm_geodesic_result from_place;
    cm_place *place = cm_geocoder_reverse(geocoder, point, REVERSE_MAX_DISTANCE_M, &from_place);
    if (!place) {
        fprintf(stderr, "convoymap: no named place within %.0f km of %s\n",
                REVERSE_MAX_DISTANCE_M / 1000.0, text);
        return EXIT_USAGE;
    }
    char *report = cm_report_reverse(context, point, place, from_place, format);
    cm_place_free(place);
    if (!report)
        return fail(context);
    fputs(report, stdout);
    cm_free(report);
    return EXIT_SUCCESS;
}

/* Answers every query it can: each failure is one line on stderr and an
 * "error" in its JSON entry, and the status is that of the first failure
 * (2 for an unknown name). */
static int geocode_queries(cm_context *context, cm_geocoder *geocoder, char **queries,
                           const char *country, size_t limit, cm_report_format format)
{
    size_t n = g_strv_length(queries);
    cm_geocode_answer *answers = g_new0(cm_geocode_answer, n);
    cm_candidate_list **lists = g_new0(cm_candidate_list *, n);
    char **errors = g_new0(char *, n);
    int status = EXIT_SUCCESS;
    for (size_t i = 0; i < n; i++) {
        if (cm_geocoder_answer(geocoder, queries[i], country, limit, &lists[i]) != CM_OK) {
            errors[i] = g_strdup(cm_context_message(context));
            int code = fail(context);
            status = status == EXIT_SUCCESS ? code : status;
            cm_candidate_list_free(lists[i]);
            lists[i] = NULL;
        }
        print_notes(geocoder);
        answers[i] = (cm_geocode_answer){queries[i], lists[i], errors[i]};
    }
    char *report = cm_report_geocode(context, answers, n, format);
    if (report)
        fputs(report, stdout);
    else
        status = fail(context);
    cm_free(report);
    for (size_t i = 0; i < n; i++) {
        cm_candidate_list_free(lists[i]);
        g_free(errors[i]);
    }
    g_free(errors);
    g_free(lists);
    g_free(answers);
    return status;
}

static int command_geocode(int argc, char **argv)
{
    gboolean json = FALSE;
    char *country = NULL, *reverse = NULL, *data_dir = NULL;
    char **gazetteers = NULL;
    int limit = 5;
    GOptionEntry entries[] = {
        {"json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL},
        {"country", 0, 0, G_OPTION_ARG_STRING, &country,
         "Only places in this country (a name or ISO 3166 code: Iraq, IQ or IRQ)", "COUNTRY"},
        {"limit", 0, 0, G_OPTION_ARG_INT, &limit,
         "At most N candidates per query, the best and N-1 alternatives (default 5)", "N"},
        {"reverse", 0, 0, G_OPTION_ARG_STRING, &reverse,
         "The named place nearest to a coordinate, with distance and bearing", "LAT,LON"},
        {"data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
         "Data directory (default: installed data or $CONVOYMAP_DATA)", "DIR"},
        {"gazetteer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers, GAZETTEER_HELP, "FILE"},
        {NULL},
    };
    GOptionContext *parser = g_option_context_new("QUERY... - find places by name or coordinate");
    g_option_context_add_main_entries(parser, entries, NULL);
    g_option_context_set_description(parser,
        "Names match regardless of case, diacritics, the Arabic article (al-, ar-, ash-, ...), "
        "transliteration variants (Ayn/Ain, Abu/Bu, Qaim/Kaim) and facility words (Air Base, "
        "AB, Border Crossing); Arabic script works too. A qualifier after a comma or at the end "
        "names the country or province (\"Ramadi, Iraq\", \"Tripoli Lebanon\"); generic words "
        "name the kind (\"Anbar province\", \"Camp Victory\"). A lone typo with one clear "
        "reading is taken and noted on stderr; a query that matches no name is one line on "
        "stderr with close names, the others are still answered, and the exit status is 2.");
    GError *error = NULL;
    int status = EXIT_SUCCESS;
    cm_context *context = NULL;
    cm_geocoder *geocoder = NULL;
    if (!g_option_context_parse(parser, &argc, &argv, &error)) {
        status = usage_error("geocode", error->message);
        g_error_free(error);
    } else if (limit < 1) {
        status = usage_error("geocode", "--limit must be at least 1");
    } else if (reverse ? argc > 1 : argc < 2) {
        status = usage_error("geocode", reverse ? "--reverse takes no QUERY"
                                                : "missing QUERY (a place name or coordinate)");
    } else {
        char *message = NULL;
        context = cm_context_new(data_dir, &message);
        if (!context) {
            fprintf(stderr, "convoymap: %s\n", message);
            cm_free(message);
            status = EXIT_RUNTIME;
        } else if (!(geocoder = open_geocoder(context, gazetteers))) {
            status = fail(context);
        } else {
            cm_report_format format = json ? CM_REPORT_JSON : CM_REPORT_TEXT;
            status = reverse ? geocode_reverse(context, geocoder, reverse, format)
                             : geocode_queries(context, geocoder, argv + 1, country,
                                               (size_t)limit, format);
        }
    }
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    g_option_context_free(parser);
    g_free(country);
    g_free(reverse);
    g_free(data_dir);
    g_strfreev(gazetteers);
    return status;
}

static void print_usage(FILE *out)
{
    fputs("Usage: convoymap COMMAND [OPTIONS]\n"
          "\n"
          "Commands:\n"
          "  render    draw a briefing map of convoy routes (PNG, SVG or PDF)\n"
          "  route     legs, distances, azimuths, border crossings and march tables\n"
          "  geocode   find places by name (ranked candidates) or the place nearest a point\n"
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
        printf("convoymap %s\n", cm_version());
        return EXIT_SUCCESS;
    }
    if (strcmp(argv[1], "render") == 0)
        return command_render(argc - 1, argv + 1);
    if (strcmp(argv[1], "route") == 0)
        return command_route(argc - 1, argv + 1);
    if (strcmp(argv[1], "geocode") == 0)
        return command_geocode(argc - 1, argv + 1);
    if (strcmp(argv[1], "tiles") == 0 && argc > 2 && strcmp(argv[2], "merge") == 0)
        return command_merge(argc - 2, argv + 2);
    if (strcmp(argv[1], "tiles") == 0)
        return command_tiles(argc - 1, argv + 1);
    if (strcmp(argv[1], "tile") == 0)
        return command_tile(argc - 1, argv + 1);
    fprintf(stderr, "convoymap: unknown command '%s' (try 'convoymap --help')\n", argv[1]);
    return EXIT_USAGE;
}
