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
#include "options.h"
#include "serve/metrics.h"
#include "serve/server.h"
#include "serve/tiles.h"
#include "serve/web.h"

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

/* The plural ending of a count's noun. */
static const char *plural(unsigned long long count)
{
    return count == 1 ? "" : "s";
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
        cm_scene_add_route_queries(scene, CM_SCENE_ROUTE_NAME, (const char *const *)queries->pdata,
                                   queries->len);
        g_ptr_array_free(queries, TRUE);
    }
    cm_scene_set_march(scene, march);
    return EXIT_SUCCESS;
}

/* The box of a --bbox, NULL without one or when it is bad (reported where
 * the view is set up), for reading the sites near the area. */
static const cm_bbox *view_area(cm_context *context, const char *text, cm_bbox *box)
{
    if (!text)
        return NULL;
    cm_status status = cm_bbox_parse(context, text, box);
    cm_context_clear_error(context);
    return status == CM_OK ? box : NULL;
}

/* What a command says after "the reference convoy is off the roads:
 * why" (cm_scene_example_off_roads()): the report and a map without an
 * area fail, tiles draw their area without it. */
#define OFF_ROADS_REPORT "give a route (--from/--to)"
#define OFF_ROADS_MAP "give a route (--from/--to) or the area (--bbox)"
#define OFF_ROADS_TILES "drawing none: give a route (--from/--to) to draw one"

/* Completes scene and resolves it, printing the geocoder's notes: the
 * example convoy when example is TRUE (left out when it is off the roads
 * and off_roads is OFF_ROADS_TILES; off_roads ends the line saying it is),
 * the --mark sites when marks is TRUE, the site to centre on when center
 * is not NULL and the area the view will show when area is not NULL. */
static int resolve_scene(cm_context *context, cm_geocoder *geocoder, cm_scene *scene,
                         const route_options *routes, gboolean example, const char *off_roads,
                         gboolean marks, const char *center, const cm_bbox *area)
{
    cm_scene_set_area(scene, area);
    cm_scene_set_example_optional(scene, strcmp(off_roads, OFF_ROADS_TILES) == 0);
    if (example)
        cm_scene_add_example(scene);
    /* The example's sites, unless the user marks their own: a report needs
     * none. */
    if (example && marks && !routes->marks)
        cm_scene_add_example_marks(scene);
    for (char **mark = routes->marks; marks && mark && *mark; mark++)
        cm_scene_add_mark(scene, *mark);
    cm_scene_set_center(scene, center);
    cm_status status = cm_scene_resolve(scene, geocoder);
    print_lines(cm_scene_notes(scene));
    const char *off = cm_scene_example_off_roads(scene);
    if (off) {
        fprintf(stderr, "convoymap: %s; %s\n", off, off_roads);
        return status == CM_OK ? EXIT_SUCCESS : EXIT_USAGE;
    }
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

typedef int (*command_fn)(cm_context *context, cm_geocoder *geocoder,
                          const route_options *routes, cm_scene *scene, gboolean reference,
                          cm_units units, const cm_roads_options *roads_options,
                          void *command_options);

/* What the help of the commands that take routes ends with. */
#define ROUTES_DESCRIPTION                                                                    \
    "Sites are gazetteer names or aliases (any case), \"lat,lon\" or MGRS. With no route "   \
    "flag, the reference convoy: Amman to Ayn al-Asad Air Base.\n\nExit status: 0 "          \
    "success, 2 usage error, 1 runtime failure, 130 when Ctrl-C or SIGTERM stops 'tiles' "   \
    "(the metatiles done are kept; --resume finishes). See convoymap(1)."

/* The sections a command that takes routes lists after its own (the route
 * flags come first, before its own): march tables where it shows them,
 * then the data. */
static void add_march_and_data(cli_parser *parser, route_options *routes, gboolean march)
{
    if (march)
        cli_parser_add_march(parser, routes);
    cli_parser_add_data(parser, &routes->data_dir, &routes->gazetteers);
}

/* The roads database of --roads or $CONVOYMAP_ROADS; NULL when neither
 * names one. */
static const char *roads_path(const route_options *routes)
{
    const char *path = routes->roads ? routes->roads : g_getenv("CONVOYMAP_ROADS");
    return path && *path ? path : NULL;
}

/* Opens the roads database of --roads or $CONVOYMAP_ROADS into *roads
 * (NULL when neither names one) and has scene route on it with the
 * options of --vehicle, --prefer and the vehicle limits, which go to
 * *options too. */
static int open_roads(const char *command, cm_context *context, const route_options *routes,
                      cm_scene *scene, cm_roads **roads, cm_roads_options *options)
{
    *roads = NULL;
    *options = (cm_roads_options){routes->vehicle, CM_ROADS_QUICKEST};
    const char *path = roads_path(routes);
    if (!path) {
        if (routes->vehicle || routes->prefer || routes->allow_straight || routes->weight ||
            routes->height || routes->width || routes->length)
            return usage_error(command, "--vehicle, --prefer, --weight, --height, --width, "
                                        "--length and --allow-straight need --roads NAME.roads "
                                        "(or CONVOYMAP_ROADS)");
        return EXIT_SUCCESS;
    }
    if (routes->prefer && cm_roads_prefer_parse(context, routes->prefer, &options->prefer) != CM_OK)
        return fail(context);
    const struct {
        const char *flag, *text;
        double *value;
    } limits[] = {{"--weight", routes->weight, &options->weight_t},
                  {"--height", routes->height, &options->height_m},
                  {"--width", routes->width, &options->width_m},
                  {"--length", routes->length, &options->length_m}};
    for (size_t i = 0; i < G_N_ELEMENTS(limits); i++)
        if (limits[i].text &&
            cm_roads_limit_parse(context, limits[i].flag, limits[i].text, limits[i].value) != CM_OK)
            return fail(context);
    if (!(*roads = cm_roads_open(context, path)))
        return fail(context);
    if (routes->vehicle && cm_roads_check_vehicle(*roads, routes->vehicle) != CM_OK)
        return fail(context);
    cm_scene_set_roads(scene, *roads, options, routes->allow_straight);
    return EXIT_SUCCESS;
}

/* The scene forgets the roads it borrowed, which are then freed. */
static void close_roads(cm_scene *scene, cm_roads *roads)
{
    cm_scene_set_roads(scene, NULL, NULL, 0);
    cm_roads_free(roads);
}

/* Sets up the library for the parsed route options and runs fn with the
 * routes they describe. */
static int run_routes(const char *command, const route_options *options, command_fn fn,
                      void *command_options)
{
    char *message = NULL;
    cm_context *context = cm_context_new(options->data_dir, &message);
    if (!context) {
        fprintf(stderr, "convoymap: %s\n", message);
        cm_free(message);
        return EXIT_RUNTIME;
    }
    cm_units units = CM_UNITS_KM;
    cm_geocoder *geocoder = NULL;
    cm_scene *scene = cm_scene_new(context);
    gboolean reference = FALSE, with_march = FALSE;
    cm_march_params march;
    int status;
    if (options->units && cm_units_parse(context, options->units, &units) != CM_OK)
        status = fail(context);
    else
        status = parse_march(command, options, context, &march, &with_march);
    if (status == EXIT_SUCCESS && !(geocoder = open_geocoder(context, options->gazetteers)))
        status = fail(context);
    if (status == EXIT_SUCCESS)
        status = collect_routes(command, options, scene, with_march ? &march : NULL,
                                &reference);
    /* Every command that takes routes routes them on the roads of --roads. */
    cm_roads *roads = NULL;
    cm_roads_options roads_options;
    if (status == EXIT_SUCCESS)
        status = open_roads(command, context, options, scene, &roads, &roads_options);
    if (status == EXIT_SUCCESS)
        status = fn(context, geocoder, options, scene, reference, units, &roads_options,
                    command_options);
    close_roads(scene, roads);
    cm_scene_free(scene);
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    return status;
}

/* Parses argv for a command that takes no argument but options, and runs
 * fn with the routes they describe. Frees parser and clears routes. */
static int run_command(const cli_command *command, cli_parser *parser, route_options *routes,
                       int argc, char **argv, command_fn fn, void *command_options)
{
    char **arguments;
    int status;
    if (cli_parser_parse(parser, argc, argv, &arguments, &status))
        status = arguments[0] ? cli_unexpected_argument(command->name, arguments[0])
                              : run_routes(command->name, routes, fn, command_options);
    cli_parser_free(parser);
    route_options_clear(routes);
    return status;
}

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


/* `render`: a map of the scene. */
static int draw_map_file(cm_context *context, cm_geocoder *geocoder,
                         const route_options *routes, cm_scene *scene, gboolean reference,
                         cm_units units, const cm_roads_options *roads_options, void *data)
{
    const render_options *options = data;
    /* An area without routes asks for a map of the area (with the marks
     * given), not for the example convoy. */
    cm_bbox box;
    int resolved = resolve_scene(context, geocoder, scene, routes,
                                 reference && !options->bbox && !options->center, OFF_ROADS_MAP,
                                 TRUE, options->center, view_area(context, options->bbox, &box));
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
    if ((options->size && cm_map_set_page(map, options->size) != CM_OK) ||
        (!isnan(options->dpi) && cm_map_set_dpi(map, options->dpi) != CM_OK) ||
        (!isnan(options->scale) && cm_map_set_scale(map, options->scale) != CM_OK) ||
        (options->style && cm_map_set_style(map, options->style) != CM_OK) ||
        (roads_path(routes) && cm_map_set_roads(map, roads_path(routes)) != CM_OK) ||
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
           format == CM_FORMAT_PDF ? "pt" : "px");
    return printed;
}

static int command_render(const cli_command *command, int argc, char **argv)
{
    /* NAN: not given, so that --dpi 0 or --scale 0 is refused, not ignored. */
    render_options options = {.dpi = NAN, .scale = NAN};
    route_options routes = {0};
    cli_parser *parser = cli_parser_new(command, ROUTES_DESCRIPTION);
    cli_parser_add_routes(parser, &routes, CLI_ROUTES_MARKS | CLI_ROUTES_UNITS);
    cli_parser_add_render(parser, &options);
    cli_parser_add_roads(parser, &routes);
    add_march_and_data(parser, &routes, TRUE);
    int status = run_command(command, parser, &routes, argc, argv, draw_map_file, &options);
    render_options_clear(&options);
    return status;
}

/* A tiler showing scene, sized by the flags, with the roads of routes
 * (routed with roads_options) when it names a database. */
static cm_tiler *new_tiler(cm_context *context, const cm_scene *scene,
                           const tile_options *options, const route_options *routes,
                           const cm_roads_options *roads_options)
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
        (options->style && cm_tiler_set_style(tiler, options->style) != CM_OK) ||
        (roads_path(routes) && cm_tiler_set_roads(tiler, roads_path(routes), roads_options,
                                                  routes->allow_straight) != CM_OK)) {
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

/* From this many tiles to render, the announcement says how to stop and
 * go on: zoom 12 over Iraq is 12,535 tiles, and each zoom four times the
 * one before (bench/RESULTS.md: about 700 tiles a second a job). */
#define MANY_TILES 10000ULL

/* What `tiles` is about to render, one line on stderr, so that a big
 * --zoom is seen before it runs for hours; nothing is asked, so batch
 * runs are not held up. */
static void announce_tiles(const cm_tiles_summary *plan, void *data)
{
    const tile_options *options = data;
    GString *line = g_string_new(NULL);
    g_string_printf(line, "convoymap: rendering %llu tile%s in %llu metatile%s, zoom %s, "
                    "bbox %s", plan->rendered, plural(plan->rendered), plan->metatiles,
                    plural(plan->metatiles),
                    options->zoom, options->bbox);
    if (options->shard)
        g_string_append_printf(line, ", shard %s", options->shard);
    if (plan->rendered < plan->tiles)
        g_string_append_printf(line, " (%llu of %llu already done)",
                               plan->tiles - plan->rendered, plan->tiles);
    if (plan->rendered >= MANY_TILES)
        g_string_append(line, "; a large run: Ctrl-C stops it, --resume goes on later");
    fprintf(stderr, "%s\n", line->str);
    g_string_free(line, TRUE);
}

/* `tiles`: tiles of the scene. */
static int write_tileset(cm_context *context, cm_geocoder *geocoder,
                         const route_options *routes, cm_scene *scene, gboolean reference,
                         cm_units units, const cm_roads_options *roads_options, void *data)
{
    const tile_options *options = data;
    cm_bbox box;
    int resolved = resolve_scene(context, geocoder, scene, routes, reference, OFF_ROADS_TILES,
                                 TRUE, NULL, view_area(context, options->bbox, &box));
    if (resolved != EXIT_SUCCESS)
        return resolved;
    if (!options->output)
        return usage_error("tiles", "missing -o OUT (a directory or a .mbtiles file)");
    if (!options->bbox)
        return usage_error("tiles", "missing --bbox WEST,SOUTH,EAST,NORTH");
    if (!options->zoom)
        return usage_error("tiles", "missing --zoom MIN-MAX");
    cm_tiles_request request = {.jobs = options->jobs, .resume = options->resume,
                                .name = options->name, .preview = options->preview,
                                .start = announce_tiles, .progress_data = (void *)options};
    if (parse_bbox(context, options->bbox, &request.bbox) != CM_OK ||
        cm_zoom_range_parse(context, options->zoom, &request.min_z, &request.max_z) != CM_OK ||
        (options->shard && cm_shard_parse(context, options->shard, &request.shard_index,
                                          &request.shard_count) != CM_OK))
        return fail(context);
    if (isatty(STDERR_FILENO))
        request.progress = show_progress;
    cm_tiler *tiler = new_tiler(context, scene, options, routes, roads_options);
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
    printf("Wrote %s: %llu tile%s, zoom %d-%d, %llu rendered in %llu metatile%s\n",
           options->output, summary.tiles, plural(summary.tiles), request.min_z, request.max_z,
           summary.rendered, summary.metatiles, plural(summary.metatiles));
    return EXIT_SUCCESS;
}

/* The tile commands' flags before parsing: the library's defaults. */
static const tile_options tile_defaults = {.tile_size = CM_TILE_DEFAULT_SIZE, .scale = 1,
                                           .jobs = 1, .metatile = CM_TILE_DEFAULT_METATILE};

static int command_tiles(const cli_command *command, int argc, char **argv)
{
    tile_options options = tile_defaults;
    route_options routes = {0};
    cli_parser *parser = cli_parser_new(command, ROUTES_DESCRIPTION);
    cli_parser_add_routes(parser, &routes, CLI_ROUTES_MARKS);
    cli_parser_add_tiles(parser, &options);
    cli_parser_add_roads(parser, &routes);
    add_march_and_data(parser, &routes, FALSE);
    int status = run_command(command, parser, &routes, argc, argv, write_tileset, &options);
    tile_options_clear(&options);
    return status;
}

/* `tiles merge OUT.mbtiles SHARD...`: no route options, no context flags. */
static int command_merge(const cli_command *command, int argc, char **argv)
{
    cli_parser *parser = cli_parser_new(command, "Joins the MBTiles files written by "
                                                 "'tiles --shard K/N' runs into one.");
    char **arguments;
    int status;
    if (!cli_parser_parse(parser, argc, argv, &arguments, &status)) {
        cli_parser_free(parser);
        return status;
    }
    size_t n = g_strv_length(arguments);
    char *message = NULL;
    cm_context *context = n < 2 ? NULL : cm_context_new(NULL, &message);
    if (n < 2) {
        status = usage_error(command->name, "usage: convoymap tiles merge OUT.mbtiles "
                                           "SHARD.mbtiles...");
    } else if (!context) {
        fprintf(stderr, "convoymap: %s\n", message);
        cm_free(message);
        status = EXIT_RUNTIME;
    } else if (cm_tiles_merge(context, arguments[0], (const char *const *)arguments + 1, n - 1) !=
               CM_OK) {
        status = fail(context);
    } else {
        printf("Wrote %s from %zu shard%s\n", arguments[0], n - 1, n == 2 ? "" : "s");
        status = EXIT_SUCCESS;
    }
    cm_context_free(context);
    cli_parser_free(parser);
    return status;
}

/* Set by SIGINT or SIGTERM during `roads import`; its progress callback
 * then cancels the import. */
static volatile sig_atomic_t roads_interrupted;

static void interrupt_roads(int signal_number)
{
    roads_interrupted = 1;
    /* A second Ctrl-C takes the default action: the user can force-quit. */
    signal(signal_number, SIG_DFL);
}

/* The import's stage on one rewritten line of a terminal. */
static int show_roads_progress(const char *stage, unsigned long long done,
                               unsigned long long total, void *data)
{
    (void)data;
    if (total && strcmp(stage, "road layer") != 0)
        fprintf(stderr, "\r\033[K%s (step %llu of %llu)", stage, done + 1, total);
    else
        fprintf(stderr, "\r\033[K%s: %llu roads", stage, done);
    return roads_interrupted;
}

static int check_roads_interrupted(const char *stage, unsigned long long done,
                                   unsigned long long total, void *data)
{
    (void)stage, (void)done, (void)total, (void)data;
    return roads_interrupted;
}

/* `roads import IN.osm.pbf... -o NAME.roads`. */
static int command_roads_import(const cli_command *command, int argc, char **argv)
{
    char *output = NULL, *mapping = NULL;
    cli_parser *parser = cli_parser_new(
        command, "Builds a roads database from OpenStreetMap extracts (PBF or XML) or road "
                 "lines (GeoPackage, Shapefile...): Routino's routing database and the road "
                 "layer for drawing. See docs/roads.md.");
    cli_parser_add_roads_import(parser, &output, &mapping);
    char **arguments;
    int status;
    if (!cli_parser_parse(parser, argc, argv, &arguments, &status)) {
        cli_parser_free(parser);
        g_free(output);
        g_free(mapping);
        return status;
    }
    size_t n = g_strv_length(arguments);
    char *message = NULL;
    cm_context *context = NULL;
    if (n == 0 || !output) {
        status = usage_error(command->name, n == 0 ? "no OpenStreetMap file to import"
                                                   : "missing -o NAME.roads");
    } else if (!(context = cm_context_new(NULL, &message))) {
        fprintf(stderr, "convoymap: %s\n", message);
        cm_free(message);
        status = EXIT_RUNTIME;
    } else {
        gboolean terminal = isatty(STDERR_FILENO);
        struct sigaction action = {.sa_handler = interrupt_roads}, saved[2];
        sigemptyset(&action.sa_mask);
        static const int signals[2] = {SIGINT, SIGTERM};
        for (int i = 0; i < 2; i++) {
            sigaction(signals[i], &action, &saved[i]);
            if (saved[i].sa_handler == SIG_IGN)
                sigaction(signals[i], &saved[i], NULL);
        }
        cm_status result = cm_roads_import_mapped(
            context, (const char *const *)arguments, n, output, mapping,
            terminal ? show_roads_progress : check_roads_interrupted, NULL);
        for (int i = 0; i < 2; i++)
            sigaction(signals[i], &saved[i], NULL);
        if (terminal)
            fputs("\r\033[K", stderr);
        if (result != CM_OK && roads_interrupted) {
            fprintf(stderr, "convoymap: roads import interrupted; nothing written\n");
            status = EXIT_INTERRUPTED;
        } else if (result != CM_OK) {
            status = fail(context);
        } else {
            printf("Wrote %s from %zu file%s\n", output, n, n == 1 ? "" : "s");
            status = EXIT_SUCCESS;
        }
    }
    cm_context_free(context);
    cli_parser_free(parser);
    g_free(output);
    g_free(mapping);
    return status;
}

/* `tile`: one tile of the scene. */
static int draw_one_tile(cm_context *context, cm_geocoder *geocoder,
                         const route_options *routes, cm_scene *scene, gboolean reference,
                         cm_units units, const cm_roads_options *roads_options, void *data)
{
    const tile_options *options = data;
    cm_bbox bounds;
    gboolean known = cm_tile_bounds(context, options->tile, &bounds) == CM_OK;
    cm_context_clear_error(context);
    int resolved = resolve_scene(context, geocoder, scene, routes, reference, OFF_ROADS_TILES,
                                 TRUE, NULL, known ? &bounds : NULL);
    if (resolved != EXIT_SUCCESS)
        return resolved;
    if (!options->output)
        return usage_error("tile", "missing -o FILE.png");
    if (!g_str_has_suffix(options->output, ".png") && !g_str_has_suffix(options->output, ".PNG"))
        return usage_error("tile", "the output of 'tile' must end in .png");
    cm_tiler *tiler = new_tiler(context, scene, options, routes, roads_options);
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

/* The tile Z X Y the arguments give, into *tile; FALSE if they do not. */
/* The tile's Z X Y from the arguments, or a usage error naming what is
 * wrong with them (printed; returns FALSE). */
static gboolean parse_tile(const char *command, char **arguments, cm_tile *tile)
{
    static const char *const names[] = {"Z", "X", "Y"};
    int values[3];
    for (int i = 0; i < 3; i++) {
        char *end = NULL;
        long value = arguments[i] ? strtol(arguments[i], &end, 10) : -1;
        if (!end || end == arguments[i] || *end != '\0' || value < 0 || value > 1 << 30) {
            char *message = arguments[i]
                                ? g_strdup_printf("%s '%s' is not a whole number from 0",
                                                  names[i], arguments[i])
                                : g_strdup("expected Z X Y (whole numbers) after 'tile'");
            usage_error(command, message);
            g_free(message);
            return FALSE;
        }
        values[i] = (int)value;
    }
    if (arguments[3]) {
        char *message = g_strdup_printf("unexpected argument '%s' after Z X Y", arguments[3]);
        usage_error(command, message);
        g_free(message);
        return FALSE;
    }
    *tile = (cm_tile){values[0], values[1], values[2]};
    return TRUE;
}

static int command_tile(const cli_command *command, int argc, char **argv)
{
    tile_options options = tile_defaults;
    route_options routes = {0};
    cli_parser *parser = cli_parser_new(command, ROUTES_DESCRIPTION);
    cli_parser_add_routes(parser, &routes, CLI_ROUTES_MARKS);
    cli_parser_add_tile(parser, &options);
    cli_parser_add_roads(parser, &routes);
    add_march_and_data(parser, &routes, FALSE);
    char **arguments;
    int status;
    if (cli_parser_parse(parser, argc, argv, &arguments, &status))
        status = parse_tile(command->name, arguments, &options.tile)
                     ? run_routes(command->name, &routes, draw_one_tile, &options)
                     : EXIT_USAGE;
    cli_parser_free(parser);
    route_options_clear(&routes);
    tile_options_clear(&options);
    return status;
}

static int report_routes(cm_context *context, cm_geocoder *geocoder,
                         const route_options *routes, cm_scene *scene, gboolean reference,
                         cm_units units, const cm_roads_options *roads_options, void *data)
{
    const report_options *options = data;
    cm_report_format format = CM_REPORT_TEXT;
    if (options->format && cm_report_format_parse(context, options->format, &format) != CM_OK)
        return fail(context);
    /* The report is of routes: the marks are not read. */
    int status = resolve_scene(context, geocoder, scene, routes, reference, OFF_ROADS_REPORT,
                               FALSE, NULL, NULL);
    if (status == EXIT_SUCCESS)
        status = print_report(context, scene, format, units);
    return status;
}

static int command_route(const cli_command *command, int argc, char **argv)
{
    report_options options = {0};
    route_options routes = {0};
    cli_parser *parser = cli_parser_new(command, ROUTES_DESCRIPTION);
    cli_parser_add_routes(parser, &routes, CLI_ROUTES_UNITS);
    cli_parser_add_report(parser, &options);
    cli_parser_add_roads(parser, &routes);
    add_march_and_data(parser, &routes, TRUE);
    int status = run_command(command, parser, &routes, argc, argv, report_routes, &options);
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

#define GEOCODE_DESCRIPTION                                                                   \
    "Names match regardless of case, diacritics, the Arabic article (al-, ar-, ash-, ...), "  \
    "transliteration variants (Ayn/Ain, Abu/Bu, Qaim/Kaim) and facility words (Air Base, "   \
    "AB, Border Crossing); Arabic script works too. A qualifier after a comma or at the end " \
    "names the country or province (\"Ramadi, Iraq\", \"Tripoli Lebanon\"); generic words "   \
    "name the kind (\"Anbar province\", \"Camp Victory\"). A coordinate (\"-33.9,18.4\", "    \
    "MGRS) is answered as itself. A lone typo with one clear reading is taken and noted on "  \
    "stderr; a query that matches no name is one line on stderr with close names, the "      \
    "others are still answered, and the exit status is 2."

/* The report format of --format and --json, into *format. */
static int geocode_format(cm_context *context, const geocode_options *options,
                          cm_report_format *format)
{
    *format = options->json ? CM_REPORT_JSON : CM_REPORT_TEXT;
    if (!options->format)
        return EXIT_SUCCESS;
    cm_report_format given;
    if (cm_report_format_parse(context, options->format, &given) != CM_OK ||
        (given != CM_REPORT_TEXT && given != CM_REPORT_JSON)) {
        char *message = g_strdup_printf("geocode's --format is text or json, not '%s'",
                                        options->format);
        int status = usage_error("geocode", message);
        g_free(message);
        return status;
    }
    if (options->json && given != CM_REPORT_JSON)
        return usage_error("geocode", "--json is --format json: give one of them");
    *format = given;
    return EXIT_SUCCESS;
}

static int run_geocode(const geocode_options *options, char **queries)
{
    if (options->limit < 1)
        return usage_error("geocode", "--limit must be at least 1");
    if (options->reverse ? queries[0] != NULL : queries[0] == NULL)
        return usage_error("geocode", options->reverse
                                          ? "--reverse takes no QUERY"
                                          : "missing QUERY (a place name or coordinate)");
    char *message = NULL;
    cm_context *context = cm_context_new(options->data_dir, &message);
    if (!context) {
        fprintf(stderr, "convoymap: %s\n", message);
        cm_free(message);
        return EXIT_RUNTIME;
    }
    cm_report_format format;
    cm_geocoder *geocoder = NULL;
    int status = geocode_format(context, options, &format);
    if (status == EXIT_SUCCESS && !(geocoder = open_geocoder(context, options->gazetteers)))
        status = fail(context);
    if (status == EXIT_SUCCESS)
        status = options->reverse
                     ? geocode_reverse(context, geocoder, options->reverse, format)
                     : geocode_queries(context, geocoder, queries, options->country,
                                       (size_t)options->limit, format);
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    return status;
}

static int command_geocode(const cli_command *command, int argc, char **argv)
{
    geocode_options options = {.limit = 5};
    cli_parser *parser = cli_parser_new(command, GEOCODE_DESCRIPTION);
    cli_parser_add_geocode(parser, &options);
    char **queries;
    int status;
    if (cli_parser_parse(parser, argc, argv, &queries, &status))
        status = run_geocode(&options, queries);
    cli_parser_free(parser);
    geocode_options_clear(&options);
    return status;
}

/* The tiler of `serve` for one scale, drawing as `tiles` with the same
 * flags draws. */
static cm_tiler *serve_tiler(cm_context *context, const cm_scene *scene,
                             const serve_options *options, int scale,
                             const route_options *routes, const cm_roads_options *roads_options)
{
    tile_options tiling = {.tile_size = options->tile_size, .scale = scale,
                           .metatile = options->metatile, .style = options->style,
                           .labels = options->labels};
    return new_tiler(context, scene, &tiling, routes, roads_options);
}

/* The usage error of a serve flag whose number is out of range. */
static int serve_range_error(const char *flag, int value, const char *expected)
{
    char *message = g_strdup_printf("%s %d is out of range (%s)", flag, value, expected);
    int status = usage_error("serve", message);
    g_free(message);
    return status;
}

/* What `serve --help` ends with. */
#define SERVE_DESCRIPTION                                                                    \
    "Serves /tiles/{z}/{x}/{y}.png and {y}@2x.png (rendered as 'tiles' renders them, in "    \
    "metatiles, on demand), /health and /metrics until SIGTERM or Ctrl-C, which finish "     \
    "what is in flight. Also / (a viewer page), /tiles.json (TileJSON), "                   \
    "/wmts/1.0.0/WMTSCapabilities.xml (WMTS), /static (a map as 'render' draws it, its "    \
    "flags as query parameters), /geocode?q= and /route?route= (their JSON). The route "    \
    "and mark flags draw an overlay on every tile; with none, the reference convoy. See "   \
    "docs/serve.md and convoymap(1)."

/* The endpoints besides the tiles (serve/web.h): the whole world at every
 * zoom, first shown around the overlay, on the roads of --roads with
 * roads_options as the tiles; NULL after printing why. */
static serve_web *new_serve_web(const route_options *routes, const serve_options *options,
                                const cm_scene *scene, const cm_roads_options *roads_options)
{
    serve_web_config config = {
        .data_dir = routes->data_dir, .gazetteers = (const char *const *)routes->gazetteers,
        .tileset = {.tile_size = options->tile_size, .min_zoom = 0,
                    .max_zoom = CM_TILE_MAX_ZOOM,
                    .bounds = {-180, -CM_TILE_MAX_LAT, 180, CM_TILE_MAX_LAT},
                    .roads = roads_path(routes) != NULL},
        .style = options->style, .threads = options->jobs,
        .roads = roads_path(routes), .roads_options = *roads_options,
        .allow_straight = routes->allow_straight};
    serve_tileset_center_on(&config.tileset, scene);
    char *error = NULL;
    serve_web *web = serve_web_new(&config, &error);
    if (!web)
        fprintf(stderr, "convoymap: %s\n", error);
    g_free(error);
    return web;
}

/* `serve`: the scene's tiles, and the web endpoints, until a signal. */
static int serve_scene(cm_context *context, cm_geocoder *geocoder, const route_options *routes,
                       cm_scene *scene, gboolean reference, cm_units units,
                       const cm_roads_options *roads_options, void *data)
{
    const serve_options *options = data;
    if (options->port < 0 || options->port > 65535)
        return serve_range_error("--port", options->port, "0 to 65535");
    if (options->jobs < 1 || options->jobs > CM_TILES_MAX_JOBS)
        return serve_range_error("--jobs", options->jobs, "1 to " G_STRINGIFY(CM_TILES_MAX_JOBS));
    if (options->queue < 1)
        return serve_range_error("--queue", options->queue, "1 or more");
    if (options->max_age < 0)
        return serve_range_error("--max-age", options->max_age, "0 or more seconds");
    if (options->idle_timeout < 1)
        return serve_range_error("--idle-timeout", options->idle_timeout, "1 or more seconds");
    int resolved = resolve_scene(context, geocoder, scene, routes, reference, OFF_ROADS_TILES,
                                 TRUE, NULL, NULL);
    if (resolved != EXIT_SUCCESS)
        return resolved;
    serve_config config = {
        .bind = options->bind, .port = options->port, .jobs = options->jobs,
        .queue_limit = options->queue, .cache = options->cache, .max_age = options->max_age,
        .cors_origins = (const char *const *)options->cors_origins,
        .idle_timeout = options->idle_timeout,
        .max_connections = SERVE_MAX_CONNECTIONS, .max_per_ip = SERVE_MAX_PER_IP,
    };
    serve_server server = {.config = &config, .context = context, .geocoder = geocoder,
                           .scene = scene};
    for (int scale = 1; scale <= 2; scale++)
        if (!(server.tilers[scale - 1] =
                  serve_tiler(context, scene, options, scale, routes, roads_options))) {
            cm_tiler_free(server.tilers[0]);
            return fail(context);
        }
    server.metrics = serve_metrics_new();
    int status = EXIT_RUNTIME;
    server.web = new_serve_web(routes, options, scene, roads_options);
    server.tiles = server.web ? serve_tiles_new(&server, &status) : NULL;
    if (server.tiles) {
        status = serve_run(&server);
        if (!serve_tiles_free(server.tiles) && status == EXIT_SUCCESS)
            status = EXIT_RUNTIME;
    }
    serve_web_free(server.web);
    serve_metrics_free(server.metrics);
    cm_tiler_free(server.tilers[0]);
    cm_tiler_free(server.tilers[1]);
    return status;
}

static int command_serve(const cli_command *command, int argc, char **argv)
{
    serve_options options = {.port = SERVE_DEFAULT_PORT, .jobs = 1,
                             .queue = SERVE_DEFAULT_QUEUE, .max_age = SERVE_DEFAULT_MAX_AGE,
                             .idle_timeout = SERVE_DEFAULT_IDLE_TIMEOUT,
                             .tile_size = CM_TILE_DEFAULT_SIZE,
                             .metatile = CM_TILE_DEFAULT_METATILE};
    route_options routes = {0};
    cli_parser *parser = cli_parser_new(command, SERVE_DESCRIPTION);
    cli_parser_add_routes(parser, &routes, CLI_ROUTES_MARKS);
    cli_parser_add_serve(parser, &options);
    cli_parser_add_roads(parser, &routes);
    add_march_and_data(parser, &routes, FALSE);
    int status = run_command(command, parser, &routes, argc, argv, serve_scene, &options);
    serve_options_clear(&options);
    return status;
}

/* The commands, in the order usage lists them. */
static const cli_command commands[] = {
    {"render", "[OPTION...]", "draw a briefing map of convoy routes (PNG, SVG or PDF)",
     command_render},
    {"route", "[OPTION...]", "legs, distances, azimuths, border crossings and march tables",
     command_route},
    {"geocode", "[OPTION...] QUERY...",
     "find places by name (ranked candidates) or the place nearest a point", command_geocode},
    {"tiles", "[OPTION...]", "render XYZ map tiles to a directory or an MBTiles file",
     command_tiles},
    {"tiles merge", "OUT.mbtiles SHARD.mbtiles...", "join the MBTiles of 'tiles --shard' runs",
     command_merge},
    {"tile", "Z X Y [OPTION...]", "render one map tile as PNG", command_tile},
    {"serve", "[OPTION...]",
     "serve tiles over HTTP, rendered on demand and cached", command_serve},
    {"roads import", "IN.osm.pbf... -o NAME.roads",
     "build a roads database from OpenStreetMap extracts", command_roads_import},
};

/* The command argv names, or NULL; *words is how many words its name has.
 * The longest name wins: "tiles merge" over "tiles". */
static const cli_command *find_command(int argc, char **argv, int *words)
{
    const cli_command *found = NULL;
    *words = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        char **name = g_strsplit(commands[i].name, " ", -1);
        int length = (int)g_strv_length(name);
        gboolean match = length < argc && length > *words;
        for (int w = 0; match && w < length; w++)
            match = strcmp(argv[1 + w], name[w]) == 0;
        g_strfreev(name);
        if (match) {
            found = &commands[i];
            *words = length;
        }
    }
    return found;
}

static void print_usage(FILE *out)
{
    fputs("Usage: convoymap COMMAND [OPTIONS]\n\nCommands:\n", out);
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-13s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun 'convoymap COMMAND --help' for the options of a command, and see\n"
          "convoymap(1).\n",
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
    int words;
    const cli_command *command = find_command(argc, argv, &words);
    if (command)
        return command->run(command, argc - words, argv + words);
    fprintf(stderr, "convoymap: unknown command '%s' (try 'convoymap --help')\n", argv[1]);
    return EXIT_USAGE;
}
