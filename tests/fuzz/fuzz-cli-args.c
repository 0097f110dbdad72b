/* Fuzzes the program's argument reader (src/cli/options.c): the input's
 * NUL-separated strings are the arguments of `render`, read against its
 * flag tables (routes, map, area, title, march tables, data). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const cli_command fuzzed = {"render", "[OPTION...]", "draw a map", NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = g_malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (gpointer)fuzzed.name);
    for (char *arg = text; arg <= text + size; arg += strlen(arg) + 1)
        g_ptr_array_add(argv, arg);
    int argc = (int)argv->len;
    g_ptr_array_add(argv, NULL);

    render_options options = {0};
    route_options routes = {0};
    cli_parser *parser = cli_parser_new(&fuzzed, NULL);
    cli_parser_add_routes(parser, &routes, CLI_ROUTES_MARKS | CLI_ROUTES_UNITS);
    cli_parser_add_render(parser, &options);
    cli_parser_add_march(parser, &routes);
    cli_parser_add_data(parser, &routes.data_dir, &routes.gazetteers);
    char **arguments, *message;
    cli_reading reading = cli_parser_read(parser, argc, (char **)argv->pdata, &arguments,
                                          &message);
    /* An error has its one line; the arguments are argv's own strings, in
     * their order. */
    if ((reading == CLI_READ_ERROR) != (message != NULL) || (message && strchr(message, '\n')))
        abort();
    int from = 1;
    for (char **arg = arguments; *arg; arg++) {
        while (from < argc && argv->pdata[from] != *arg)
            from++;
        if (from == argc)
            abort();
        from++;
    }
    g_free(message);
    cli_parser_free(parser);
    route_options_clear(&routes);
    render_options_clear(&options);
    g_ptr_array_free(argv, TRUE);
    g_free(text);
    return 0;
}
