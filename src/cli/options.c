/* The convoymap program's flags, one table per concern, and the parser that
 * reads them with GOption and prints --help from the same tables (so help
 * and parsing cannot disagree). */
#include "options.h"

#include <string.h>

/* --help is wrapped to this many columns, the option names taking at most
 * HELP_NAME_COLUMNS of them. */
#define HELP_WIDTH 79
#define HELP_NAME_COLUMNS 26

#define HELP_FLAG "--help"

/* text with its control characters as \xNN, as the library shows a bad
 * value: a usage error stays one line whatever the user typed. */
static char *escape_controls(const char *text)
{
    GString *escaped = g_string_new(NULL);
    for (const char *c = text; *c; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            g_string_append_printf(escaped, "\\x%02X", (unsigned char)*c);
        else
            g_string_append_c(escaped, *c);
    }
    return g_string_free(escaped, FALSE);
}

int usage_error(const char *command, const char *message)
{
    fprintf(stderr, "convoymap: %s\nTry 'convoymap %s --help'.\n", message, command);
    return EXIT_USAGE;
}

int cli_unexpected_argument(const char *command, const char *argument)
{
    char *shown = escape_controls(argument);
    char *message = g_strdup_printf("unexpected argument '%s'", shown);
    int status = usage_error(command, message);
    g_free(message);
    g_free(shown);
    return status;
}

void route_options_clear(route_options *options)
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
    g_free(options->roads);
    g_free(options->vehicle);
    g_free(options->prefer);
    g_free(options->speed);
    g_free(options->start);
    g_free(options->halt);
    g_free(options->vehicles);
    g_free(options->gap);
    g_free(options->serial);
}

void render_options_clear(render_options *options)
{
    char **fields[] = {&options->size,   &options->title,     &options->subtitle,
                       &options->dtg,    &options->banner,    &options->banner_color,
                       &options->style,  &options->grid,      &options->labels,
                       &options->output, &options->format,    &options->crs,
                       &options->bbox,   &options->center,    &options->margin,
                       &options->radius_km};
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++)
        g_clear_pointer(fields[i], g_free);
}

void tile_options_clear(tile_options *options)
{
    g_free(options->bbox);
    g_free(options->zoom);
    g_free(options->output);
    g_free(options->name);
    g_free(options->shard);
    g_free(options->style);
    g_free(options->labels);
}

void serve_options_clear(serve_options *options)
{
    g_free(options->bind);
    g_free(options->cache);
    g_free(options->style);
    g_free(options->labels);
    g_strfreev(options->cors_origins);
}

static void add_entries(cli_parser *parser, const GOptionEntry *entries, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cli_parser_add(parser, entries[i]);
}

static GOptionEntry style_option(char **style)
{
    return (GOptionEntry){"style", 0, 0, G_OPTION_ARG_STRING, style,
                          "briefing (default), night, grayscale, colorblind, or a style file",
                          "NAME|PATH"};
}

static GOptionEntry labels_option(char **labels)
{
    return (GOptionEntry){"labels", 0, 0, G_OPTION_ARG_STRING, labels,
                          "Names on labels: en (default), ar (Arabic) or both", "LANG"};
}

static GOptionEntry data_option(char **data_dir)
{
    return (GOptionEntry){"data", 0, 0, G_OPTION_ARG_FILENAME, data_dir,
                          "Data directory, or its geodata/ (default: $CONVOYMAP_DATA or the installed data)",
                          "DIR"};
}

static GOptionEntry gazetteer_option(char ***gazetteers)
{
    return (GOptionEntry){"gazetteer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, gazetteers,
                          "Your own sites, winning ties over shipped names: CSV (name, "
                          "aliases, kind, country, lat, lon), GeoJSON or GeoPackage points "
                          "(repeatable)",
                          "FILE"};
}

static GOptionEntry tile_size_option(int *tile_size)
{
    return (GOptionEntry){"tile-size", 0, 0, G_OPTION_ARG_INT, tile_size,
                          "Tile side: 256 (default) or 512", "N"};
}

static GOptionEntry tile_scale_option(int *scale)
{
    return (GOptionEntry){"scale", 0, 0, G_OPTION_ARG_INT, scale,
                          "Pixels per style pixel: 1 (default) or 2", "S"};
}

void geocode_options_clear(geocode_options *options)
{
    g_free(options->format);
    g_free(options->country);
    g_free(options->reverse);
    g_free(options->data_dir);
    g_strfreev(options->gazetteers);
}

/* The one --format: values says what it takes for the command. */
static GOptionEntry format_option(char **format, const char *values)
{
    return (GOptionEntry){"format", 0, 0, G_OPTION_ARG_STRING, format, values, "F"};
}

static GOptionEntry output_option(char **output, const char *description, const char *value)
{
    return (GOptionEntry){"output", 'o', 0, G_OPTION_ARG_FILENAME, output, description, value};
}

void cli_parser_add_routes(cli_parser *parser, route_options *options, unsigned extras)
{
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &options->from, "Start of a route", "SITE"},
        {"via", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->via, "Waypoint (repeatable)", "SITE"},
        {"to", 0, 0, G_OPTION_ARG_STRING, &options->to, "Destination", "SITE"},
        {"route", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->routes,
         "A route: \"[name=N; color=#rrggbb;] A > B > C\" (repeatable)", "SPEC"},
        {"route-file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->route_files,
         "A route from GeoJSON, GPX, KML or CSV (repeatable)", "FILE"},
    };
    const GOptionEntry marks = {"mark", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->marks,
                                "Mark and label a site (repeatable)", "SITE"};
    const GOptionEntry units = {"units", 0, 0, G_OPTION_ARG_STRING, &options->units,
                                "Distances in km (default), mi or nmi", "U"};
    cli_parser_section(parser, "Routes and sites");
    add_entries(parser, entries, G_N_ELEMENTS(entries));
    if (extras & CLI_ROUTES_MARKS)
        cli_parser_add(parser, marks);
    if (extras & CLI_ROUTES_UNITS)
        cli_parser_add(parser, units);
}

void cli_parser_add_march(cli_parser *parser, route_options *options)
{
    const GOptionEntry entries[] = {
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
    };
    cli_parser_section(parser, "March tables");
    add_entries(parser, entries, G_N_ELEMENTS(entries));
}

void cli_parser_add_roads(cli_parser *parser, route_options *options)
{
    const GOptionEntry entries[] = {
        {"roads", 0, 0, G_OPTION_ARG_STRING, &options->roads,
         "Route every leg on the roads of this database, made by 'convoymap roads import' "
         "(default: $CONVOYMAP_ROADS)", "NAME.roads"},
        {"vehicle", 0, 0, G_OPTION_ARG_STRING, &options->vehicle,
         "Routino's vehicle profile: motorcar (default), goods, hgv, psv, ...", "PROFILE"},
        {"prefer", 0, 0, G_OPTION_ARG_STRING, &options->prefer,
         "quickest (default) or shortest", "WHAT"},
        {"allow-straight", 0, 0, G_OPTION_ARG_NONE, &options->allow_straight,
         "A leg with a waypoint off the roads, or between parts of the network that do not "
         "join, is drawn straight (marked so) instead of failing", NULL},
    };
    cli_parser_section(parser, "Roads");
    add_entries(parser, entries, G_N_ELEMENTS(entries));
}

void cli_parser_add_data(cli_parser *parser, char **data_dir, char ***gazetteers)
{
    cli_parser_section(parser, "Data");
    cli_parser_add(parser, data_option(data_dir));
    cli_parser_add(parser, gazetteer_option(gazetteers));
}

void cli_parser_add_render(cli_parser *parser, render_options *options)
{
    const GOptionEntry map[] = {
        output_option(&options->output, "Output file: .png, .svg or .pdf; - for stdout",
                      "FILE"),
        format_option(&options->format, "With -o -: png (default), svg or pdf"),
        {"size", 0, 0, G_OPTION_ARG_STRING, &options->size,
         "Size in pixels (default 1600x1200) or paper: A0-A5, letter, legal, tabloid "
         "[-landscape]", "WxH|PAPER"},
        {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &options->dpi,
         "PNG resolution on paper (default 150)", "DPI"},
        {"scale", 0, 0, G_OPTION_ARG_DOUBLE, &options->scale,
         "Draw the output this many times larger, same layout (2 for HiDPI)", "F"},
        style_option(&options->style),
        labels_option(&options->labels),
        {"grid", 0, 0, G_OPTION_ARG_STRING, &options->grid,
         "Reference grid: latlon, mgrs or none (default)", "KIND"},
        {"no-inset", 0, 0, G_OPTION_ARG_NONE, &options->no_inset,
         "Leave out the inset locator map", NULL},
        {"transparent", 0, 0, G_OPTION_ARG_NONE, &options->transparent,
         "Leave the sea unpainted (PNG with alpha), for embedding", NULL},
    };
    const GOptionEntry area[] = {
        {"bbox", 0, 0, G_OPTION_ARG_STRING, &options->bbox,
         "Show exactly this area, in degrees (WEST > EAST crosses the antimeridian); "
         "alone, without routes or marks, a map of the area only", "W,S,E,N"},
        {"center", 0, 0, G_OPTION_ARG_STRING, &options->center,
         "Show the area round a site (a name, lat,lon or MGRS), with --radius-km", "SITE"},
        {"radius-km", 0, 0, G_OPTION_ARG_STRING, &options->radius_km,
         "With --center: the map shows at least this geodesic radius (0.1 to 10000)", "KM"},
        {"margin", 0, 0, G_OPTION_ARG_STRING, &options->margin,
         "Space kept round the routes and sites, in percent of the map area on each side "
         "(default 12, 0 to 40)", "PCT"},
        {"crs", 0, 0, G_OPTION_ARG_STRING, &options->crs,
         "Draw in this CRS instead of the automatic conformal projection: EPSG:32638, "
         "ESRI:..., a PROJ string or WKT; a geographic CRS is drawn as plate carree", "DEF"},
    };
    const GOptionEntry title[] = {
        {"title", 0, 0, G_OPTION_ARG_STRING, &options->title, "Map title", "TEXT"},
        {"subtitle", 0, 0, G_OPTION_ARG_STRING, &options->subtitle,
         "A line under the title (operation, unit, serial)", "TEXT"},
        {"dtg", 0, 0, G_OPTION_ARG_STRING, &options->dtg,
         "Date-time group for the title band, as given (e.g. 071200CSEP19)", "DTG"},
        {"banner", 0, 0, G_OPTION_ARG_STRING, &options->banner,
         "Classification or control banner, top and bottom, e.g. SECRET//NOFORN", "TEXT"},
        {"banner-color", 0, 0, G_OPTION_ARG_STRING, &options->banner_color,
         "Banner colour; needed unless TEXT is a recognised level", "#RRGGBB"},
    };
    cli_parser_section(parser, "Map");
    add_entries(parser, map, G_N_ELEMENTS(map));
    cli_parser_section(parser, "Area");
    add_entries(parser, area, G_N_ELEMENTS(area));
    cli_parser_section(parser, "Title and banner");
    add_entries(parser, title, G_N_ELEMENTS(title));
}

void cli_parser_add_tiles(cli_parser *parser, tile_options *options)
{
    const GOptionEntry entries[] = {
        output_option(&options->output,
                      "Output: a directory (OUT/z/x/y.png) or a .mbtiles file", "OUT"),
        {"bbox", 0, 0, G_OPTION_ARG_STRING, &options->bbox,
         "Area in degrees, e.g. 38,29,48,37", "W,S,E,N"},
        {"zoom", 0, 0, G_OPTION_ARG_STRING, &options->zoom, "Zoom levels, e.g. 0-10",
         "MIN-MAX"},
        tile_size_option(&options->tile_size),
        tile_scale_option(&options->scale),
        style_option(&options->style),
        labels_option(&options->labels),
        {"metatile", 0, 0, G_OPTION_ARG_INT, &options->metatile,
         "Tiles per metatile side, 1 to 16 (default 8)", "N"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &options->jobs, "Rendering threads (default 1)",
         "N"},
        {"resume", 0, 0, G_OPTION_ARG_NONE, &options->resume,
         "Keep the metatiles an interrupted run finished", NULL},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &options->shard,
         "Render only every N-th metatile, from the K-th (join with 'tiles merge')", "K/N"},
        {"name", 0, 0, G_OPTION_ARG_STRING, &options->name, "Tileset name in MBTiles",
         "TEXT"},
        {"preview", 0, 0, G_OPTION_ARG_NONE, &options->preview,
         "Also write OUT/index.html, an offline viewer (directory output)", NULL},
    };
    cli_parser_section(parser, "Tiles");
    add_entries(parser, entries, G_N_ELEMENTS(entries));
}

void cli_parser_add_tile(cli_parser *parser, tile_options *options)
{
    const GOptionEntry entries[] = {
        output_option(&options->output, "Output PNG file", "FILE"),
        tile_size_option(&options->tile_size),
        tile_scale_option(&options->scale),
        style_option(&options->style),
        labels_option(&options->labels),
    };
    cli_parser_section(parser, "Tile");
    add_entries(parser, entries, G_N_ELEMENTS(entries));
}

void cli_parser_add_serve(cli_parser *parser, serve_options *options)
{
    const GOptionEntry server[] = {
        {"bind", 0, 0, G_OPTION_ARG_STRING, &options->bind,
         "Address to listen on (default 127.0.0.1: this machine only)", "ADDRESS"},
        {"port", 0, 0, G_OPTION_ARG_INT, &options->port,
         "Port (default 8080; 0 picks a free one, printed)", "PORT"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &options->jobs,
         "Rendering threads (default 1)", "N"},
        {"queue", 0, 0, G_OPTION_ARG_INT, &options->queue,
         "Metatiles that may wait to render before requests get 503 (default 64)", "N"},
        {"cache", 0, 0, G_OPTION_ARG_FILENAME, &options->cache,
         "Keep rendered tiles in a .mbtiles file or a directory (one made by 'tiles' "
         "with the same flags is served as is)", "FILE|DIR"},
        {"max-age", 0, 0, G_OPTION_ARG_INT, &options->max_age,
         "Cache-Control max-age of tiles in seconds (default 86400)", "SECONDS"},
        {"cors-origin", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->cors_origins,
         "Let pages from ORIGIN use the server (repeatable; * for any)", "ORIGIN"},
        {"idle-timeout", 0, 0, G_OPTION_ARG_INT, &options->idle_timeout,
         "Close connections silent this long (default 15)", "SECONDS"},
    };
    cli_parser_section(parser, "Server");
    add_entries(parser, server, G_N_ELEMENTS(server));
    const GOptionEntry tiles[] = {
        tile_size_option(&options->tile_size),
        style_option(&options->style),
        labels_option(&options->labels),
        {"metatile", 0, 0, G_OPTION_ARG_INT, &options->metatile,
         "Tiles per metatile side, 1 to 16 (default 8)", "N"},
    };
    cli_parser_section(parser, "Tiles");
    add_entries(parser, tiles, G_N_ELEMENTS(tiles));
}

void cli_parser_add_report(cli_parser *parser, report_options *options)
{
    cli_parser_section(parser, "Report");
    cli_parser_add(parser,
                   format_option(&options->format, "text (default), csv, json or geojson"));
}

void cli_parser_add_geocode(cli_parser *parser, geocode_options *options)
{
    const GOptionEntry entries[] = {
        format_option(&options->format, "text (default) or json"),
        {"json", 0, 0, G_OPTION_ARG_NONE, &options->json, "The same as --format json", NULL},
        {"country", 0, 0, G_OPTION_ARG_STRING, &options->country,
         "Only places in this country (a name or ISO 3166 code: Iraq, IQ or IRQ)",
         "COUNTRY"},
        {"limit", 0, 0, G_OPTION_ARG_INT, &options->limit,
         "At most N candidates per query, the best and N-1 alternatives (default 5)", "N"},
        {"reverse", 0, 0, G_OPTION_ARG_STRING, &options->reverse,
         "The named place nearest to a coordinate, with distance and bearing", "LAT,LON"},
    };
    cli_parser_section(parser, "Queries");
    add_entries(parser, entries, G_N_ELEMENTS(entries));
    cli_parser_add_data(parser, &options->data_dir, &options->gazetteers);
}

void cli_parser_add_roads_import(cli_parser *parser, char **output)
{
    cli_parser_section(parser, "Output");
    cli_parser_add(parser, output_option(output, "The roads database to write (a directory); "
                                                 "an older one there is replaced",
                                         "NAME.roads"));
}

typedef struct help_section {
    const char *heading;
    guint first, end; /* its entries: parser->entries[first..end) */
} help_section;

struct cli_parser {
    const cli_command *command;
    const char *description;
    GArray *entries;  /* GOptionEntry, without the terminator */
    GArray *sections; /* help_section */
    GPtrArray *arguments;
};

cli_parser *cli_parser_new(const cli_command *command, const char *description)
{
    cli_parser *parser = g_new0(cli_parser, 1);
    parser->command = command;
    parser->description = description;
    parser->entries = g_array_new(FALSE, FALSE, sizeof(GOptionEntry));
    parser->sections = g_array_new(FALSE, FALSE, sizeof(help_section));
    parser->arguments = g_ptr_array_new();
    return parser;
}

void cli_parser_free(cli_parser *parser)
{
    if (!parser)
        return;
    g_array_free(parser->entries, TRUE);
    g_array_free(parser->sections, TRUE);
    g_ptr_array_free(parser->arguments, TRUE);
    g_free(parser);
}

void cli_parser_section(cli_parser *parser, const char *heading)
{
    help_section section = {heading, parser->entries->len, parser->entries->len};
    g_array_append_val(parser->sections, section);
}

void cli_parser_add(cli_parser *parser, GOptionEntry entry)
{
    g_array_append_val(parser->entries, entry);
    if (parser->sections->len)
        g_array_index(parser->sections, help_section, parser->sections->len - 1).end =
            parser->entries->len;
}

/* Prints text from column `column`, wrapped at HELP_WIDTH, continuation
 * lines indented by indent. */
static void print_wrapped(FILE *out, const char *text, int column, int indent)
{
    char **words = g_strsplit(text, " ", -1);
    gboolean line_start = TRUE;
    for (char **word = words; *word; word++) {
        int length = (int)g_utf8_strlen(*word, -1);
        if (!line_start && column + 1 + length > HELP_WIDTH) {
            fprintf(out, "\n%*s", indent, "");
            column = indent;
            line_start = TRUE;
        }
        if (!line_start) {
            fputc(' ', out);
            column++;
        }
        fputs(*word, out);
        column += length;
        line_start = FALSE;
    }
    fputc('\n', out);
    g_strfreev(words);
}

/* "  -o, --output=FILE" */
static char *entry_names(const GOptionEntry *entry)
{
    GString *names = g_string_new("  ");
    if (entry->short_name)
        g_string_append_printf(names, "-%c, ", entry->short_name);
    g_string_append_printf(names, "--%s", entry->long_name);
    if (entry->arg != G_OPTION_ARG_NONE)
        g_string_append_printf(names, "=%s", entry->arg_description);
    return g_string_free(names, FALSE);
}

static void print_entry(FILE *out, const char *names, const char *description)
{
    int width = (int)g_utf8_strlen(names, -1);
    fputs(names, out);
    if (width + 2 > HELP_NAME_COLUMNS) {
        fprintf(out, "\n%*s", HELP_NAME_COLUMNS, "");
    } else {
        fprintf(out, "%*s", HELP_NAME_COLUMNS - width, "");
    }
    print_wrapped(out, description, HELP_NAME_COLUMNS, HELP_NAME_COLUMNS);
}

static void print_help(const cli_parser *parser, FILE *out)
{
    const cli_command *command = parser->command;
    fprintf(out, "Usage: convoymap %s %s\n", command->name, command->arguments);
    fprintf(out, "%c%s.\n", g_ascii_toupper(command->summary[0]), command->summary + 1);
    for (guint s = 0; s < parser->sections->len; s++) {
        const help_section *section = &g_array_index(parser->sections, help_section, s);
        fprintf(out, "\n%s:\n", section->heading);
        for (guint i = section->first; i < section->end; i++) {
            const GOptionEntry *entry = &g_array_index(parser->entries, GOptionEntry, i);
            char *names = entry_names(entry);
            print_entry(out, names, entry->description);
            g_free(names);
        }
    }
    fputc('\n', out);
    print_entry(out, "  -h, " HELP_FLAG, "Show this help and exit");
    if (parser->description) {
        char **paragraphs = g_strsplit(parser->description, "\n\n", -1);
        for (char **paragraph = paragraphs; *paragraph; paragraph++) {
            fputc('\n', out);
            print_wrapped(out, *paragraph, 0, 0);
        }
        g_strfreev(paragraphs);
    }
}

static const GOptionEntry *find_long(const cli_parser *parser, const char *name, size_t length)
{
    for (guint i = 0; i < parser->entries->len; i++) {
        const GOptionEntry *entry = &g_array_index(parser->entries, GOptionEntry, i);
        if (strlen(entry->long_name) == length && strncmp(entry->long_name, name, length) == 0)
            return entry;
    }
    return NULL;
}

static const GOptionEntry *find_short(const cli_parser *parser, char name)
{
    for (guint i = 0; i < parser->entries->len; i++) {
        const GOptionEntry *entry = &g_array_index(parser->entries, GOptionEntry, i);
        if (entry->short_name == name)
            return entry;
    }
    return NULL;
}

static gboolean is_negative_number(const char *arg)
{
    return arg[0] == '-' && (g_ascii_isdigit(arg[1]) ||
                             (arg[1] == '.' && g_ascii_isdigit(arg[2])));
}

/* TRUE when the option argument arg takes the next argument as its value
 * ("--output FILE", "-o FILE"; not "--output=FILE" nor "-oFILE"). */
static gboolean takes_next(const cli_parser *parser, const char *arg)
{
    if (arg[1] == '-') {
        const char *name = arg + 2;
        if (strchr(name, '='))
            return FALSE;
        const GOptionEntry *entry = find_long(parser, name, strlen(name));
        return entry && entry->arg != G_OPTION_ARG_NONE;
    }
    /* A cluster of short flags: the first that takes a value takes the
     * rest of the cluster, or the next argument when nothing is left. */
    for (const char *c = arg + 1; *c; c++) {
        const GOptionEntry *entry = find_short(parser, *c);
        if (entry && entry->arg != G_OPTION_ARG_NONE)
            return c[1] == '\0';
    }
    return FALSE;
}

static gboolean is_help(const char *arg)
{
    return strcmp(arg, HELP_FLAG) == 0 || strcmp(arg, "-h") == 0 ||
           g_str_has_prefix(arg, HELP_FLAG "-");
}

/* GOption's conversion error does not say which argument is not text in
 * the locale's encoding: find the first one and name it, escaped. File
 * names may be any bytes, so the values of file options are skipped. */
static char *describe_bad_text(const cli_parser *parser, int argc, char **argv,
                               const char *reason)
{
    for (int i = 1; i < argc; i++) {
        const char *option = NULL;
        size_t length = 0;
        if (g_str_has_prefix(argv[i], "--") && strchr(argv[i], '=')) {
            option = argv[i] + 2;
            length = (size_t)(strchr(argv[i], '=') - option);
        } else if (g_str_has_prefix(argv[i - 1], "--")) {
            option = argv[i - 1] + 2;
            length = strlen(option);
        }
        const GOptionEntry *entry =
            option ? find_long(parser, option, length)
            : argv[i - 1][0] == '-' && argv[i - 1][1] && !argv[i - 1][2]
                ? find_short(parser, argv[i - 1][1])
                : NULL;
        gboolean file_value = entry && (entry->arg == G_OPTION_ARG_FILENAME ||
                                        entry->arg == G_OPTION_ARG_FILENAME_ARRAY);
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

cli_reading cli_parser_read(cli_parser *parser, int argc, char **argv, char ***arguments,
                            char **message)
{
    *message = NULL;
    /* GOption reads "-33.9,18.4" as short options: positional arguments
     * go after a "--", in their order, options and values before it. */
    GPtrArray *options = g_ptr_array_new();
    g_ptr_array_set_size(parser->arguments, 0);
    g_ptr_array_add(options, argv[0]);
    gboolean help = FALSE;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            for (i++; i < argc; i++)
                g_ptr_array_add(parser->arguments, argv[i]);
            break;
        }
        if (arg[0] != '-' || arg[1] == '\0' || is_negative_number(arg)) {
            g_ptr_array_add(parser->arguments, argv[i]);
            continue;
        }
        help = help || is_help(arg);
        g_ptr_array_add(options, argv[i]);
        if (takes_next(parser, arg) && i + 1 < argc)
            g_ptr_array_add(options, argv[++i]);
    }
    g_ptr_array_add(parser->arguments, NULL);
    *arguments = (char **)parser->arguments->pdata;
    if (help) {
        g_ptr_array_free(options, TRUE);
        return CLI_READ_HELP;
    }

    GOptionContext *context = g_option_context_new(NULL);
    g_option_context_set_help_enabled(context, FALSE);
    GOptionEntry terminator = {NULL};
    g_array_append_val(parser->entries, terminator);
    g_option_context_add_main_entries(context, (GOptionEntry *)parser->entries->data, NULL);
    g_array_set_size(parser->entries, parser->entries->len - 1);
    int n = (int)options->len;
    /* GOption reorders and shortens the array it parses, so a copy. */
    char **parsed = g_memdup2(options->pdata, options->len * sizeof(char *));
    GError *error = NULL;
    if (!g_option_context_parse(context, &n, &parsed, &error)) {
        *message = error->domain == G_CONVERT_ERROR
                       ? describe_bad_text(parser, (int)options->len, (char **)options->pdata,
                                           error->message)
                       : escape_controls(error->message);
        g_error_free(error);
    } else if (n > 1) {
        /* Only options went in: what is left is not one of ours. */
        char *shown = escape_controls(parsed[1]);
        *message = g_strdup_printf("unexpected argument '%s'", shown);
        g_free(shown);
    }
    g_free(parsed);
    g_ptr_array_free(options, TRUE);
    g_option_context_free(context);
    return *message ? CLI_READ_ERROR : CLI_READ_OPTIONS;
}

gboolean cli_parser_parse(cli_parser *parser, int argc, char **argv, char ***arguments,
                          int *status)
{
    char *message;
    switch (cli_parser_read(parser, argc, argv, arguments, &message)) {
    case CLI_READ_OPTIONS:
        return TRUE;
    case CLI_READ_HELP:
        print_help(parser, stdout);
        *status = EXIT_SUCCESS;
        return FALSE;
    case CLI_READ_ERROR:
        break;
    }
    *status = usage_error(parser->command->name, message);
    g_free(message);
    return FALSE;
}
