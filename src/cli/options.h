/* The convoymap program's flags: one table of entries per concern (routes,
 * march tables, style, labels, data, gazetteers, tiles, report format,
 * output), shared by the commands that take them, and the parser that
 * reads them with GOption and prints each command's --help from the same
 * tables. */
#ifndef CM_CLI_OPTIONS_H
#define CM_CLI_OPTIONS_H

#include <stdio.h>

#include <glib.h>

#include "convoymap/convoymap.h"

/* 130 is what a shell reports for a command killed by SIGINT (128 + 2). */
enum { EXIT_USAGE = 2, EXIT_RUNTIME = 1, EXIT_INTERRUPTED = 130 };

/* One row of the command table: what dispatch calls and usage lists. run
 * gets the arguments from the command name on (argv[0] is the name). */
typedef struct cli_command {
    const char *name;      /* "render", or "tiles merge" */
    const char *arguments; /* after the name in the usage line */
    const char *summary;   /* one line for `convoymap --help` */
    int (*run)(const struct cli_command *command, int argc, char **argv);
} cli_command;

/* Flags shared by the commands that take routes. */
typedef struct route_options {
    char **routes, **route_files, **gazetteers;
    char *from, *to, *units, *data_dir;
    char **via, **marks;
    char *speed, *start, *halt, *vehicles, *gap, *serial;
    char *roads, *vehicle, *prefer; /* roads: NULL for CONVOYMAP_ROADS */
    gboolean allow_straight;
} route_options;

void route_options_clear(route_options *options);

typedef struct render_options {
    char *size, *title, *subtitle, *dtg, *banner, *banner_color, *style, *grid, *labels,
        *output, *format, *crs, *bbox, *center, *margin, *radius_km;
    double dpi, scale;
    gboolean transparent, no_inset;
} render_options;

void render_options_clear(render_options *options);

/* Flags of the tile commands. */
typedef struct tile_options {
    char *bbox, *zoom, *output, *name, *shard, *style, *labels;
    int tile_size, scale, jobs, metatile;
    gboolean resume, preview;
    cm_tile tile; /* the `tile` command's Z X Y */
} tile_options;

void tile_options_clear(tile_options *options);

/* Flags of `serve`: where it listens, its cache, its limits, and how its
 * tiles are drawn (tile size, style, labels, metatile as for `tiles`). */
typedef struct serve_options {
    char *bind, *cache, *style, *labels;
    char **cors_origins;
    int port, jobs, queue, max_age, idle_timeout, tile_size, metatile;
} serve_options;

void serve_options_clear(serve_options *options);

typedef struct report_options {
    char *format;
} report_options;

typedef struct geocode_options {
    char *format, *country, *reverse, *data_dir;
    char **gazetteers;
    gboolean json; /* --json, the same as --format json */
    int limit;
} geocode_options;

void geocode_options_clear(geocode_options *options);

/* A command's parser: sections of entries, in the order --help lists them. */
typedef struct cli_parser cli_parser;

/* A new parser for command, whose description (or NULL) ends its --help.
 * Free with cli_parser_free(). */
cli_parser *cli_parser_new(const cli_command *command, const char *description);
void cli_parser_free(cli_parser *parser);

/* Starts a section headed heading; the entries added next go in it. */
void cli_parser_section(cli_parser *parser, const char *heading);
void cli_parser_add(cli_parser *parser, GOptionEntry entry);

/* The concerns, each in its section. Their entries point into the given
 * storage, which must outlive the parser. */
/* Which flags of the routes' section a command takes besides the routes
 * themselves: each only where it does something. */
enum {
    CLI_ROUTES_MARKS = 1 << 0, /* --mark: commands that draw */
    CLI_ROUTES_UNITS = 1 << 1, /* --units: commands that print distances */
};
/* Routes and sites: --from, --via, --to, --route, --route-file, and the
 * extras (CLI_ROUTES_*) --mark, --units. */
void cli_parser_add_routes(cli_parser *parser, route_options *options, unsigned extras);
/* March tables: --speed, --start, --halt, --vehicles, --gap, --serial. */
void cli_parser_add_march(cli_parser *parser, route_options *options);
/* Roads: --roads, --vehicle, --prefer, --allow-straight. */
void cli_parser_add_roads(cli_parser *parser, route_options *options);
/* Data: --data, --gazetteer. */
void cli_parser_add_data(cli_parser *parser, char **data_dir, char ***gazetteers);
/* render's Map (output, format, size, style, labels...), Area and Title and banner. */
void cli_parser_add_render(cli_parser *parser, render_options *options);
/* tiles' Tiles: output, bbox, zoom, tile size, scale, style, labels, and the run. */
void cli_parser_add_tiles(cli_parser *parser, tile_options *options);
/* tile's Tile: output, tile size, scale, style, labels. */
void cli_parser_add_tile(cli_parser *parser, tile_options *options);
/* serve's Server (--bind, --port, --jobs, --queue, --cache, --max-age,
 * --cors-origin, --idle-timeout) and Tiles (--tile-size, --style, --labels,
 * --metatile). */
void cli_parser_add_serve(cli_parser *parser, serve_options *options);
/* route's Report: --format. */
void cli_parser_add_report(cli_parser *parser, report_options *options);
/* geocode's Queries (--format, --json, --country, --limit, --reverse) and Data. */
void cli_parser_add_geocode(cli_parser *parser, geocode_options *options);

/* roads import's Output: -o NAME.roads. */
void cli_parser_add_roads_import(cli_parser *parser, char **output);

/* What cli_parser_read() found. */
typedef enum cli_reading {
    CLI_READ_OPTIONS, /* the options, set; the rest are arguments */
    CLI_READ_HELP,    /* --help or -h */
    CLI_READ_ERROR,   /* a usage error */
} cli_reading;

/* Reads argv (argv[0] is the command name) into the entries' storage,
 * printing nothing. Arguments that are not options nor their values are
 * positional, in order, also when they look like negative numbers
 * ("-33.9,18.4"): they go to *arguments (a NULL-terminated array of argv's
 * strings, valid until the parser is freed or reads again). On
 * CLI_READ_ERROR, *message is the one-line reason, to free with g_free(). */
cli_reading cli_parser_read(cli_parser *parser, int argc, char **argv, char ***arguments,
                            char **message);

/* cli_parser_read(), printing what the user must see: TRUE with the
 * positional arguments in *arguments; or FALSE with the exit status in
 * *status, after printing the help (--help, -h: 0) or the usage error (2). */
gboolean cli_parser_parse(cli_parser *parser, int argc, char **argv, char ***arguments,
                          int *status);

/* Prints "convoymap: MESSAGE" and the hint to run the command's --help;
 * returns EXIT_USAGE. */
int usage_error(const char *command, const char *message);

/* The usage error for an argument the command does not take, shown with
 * its control characters escaped. */
int cli_unexpected_argument(const char *command, const char *argument);

#endif
