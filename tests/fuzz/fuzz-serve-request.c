/* Fuzzes the request-target parser of `convoymap serve` (src/serve/request.c)
 * and the tile URL grammar behind it, on raw bytes as a client sends them:
 * what they accept must hold what the handlers rely on. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "serve/request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A decoded string has no control character and no NUL before its end. */
static void check_clean(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    serve_request request = {0};
    const char *why = NULL;
    unsigned status = serve_request_parse(&request, (const char *)data, size, &why);
    if (status == 0) {
        if (!request.path || request.path[0] != '/' || strstr(request.path, "/../") ||
            (size > SERVE_MAX_TARGET) || request.n_params > SERVE_MAX_PARAMS)
            abort();
        check_clean(request.path);
        for (size_t i = 0; i < request.n_params; i++) {
            check_clean(request.params[i].name);
            check_clean(request.params[i].value);
        }
        serve_tile_target tile;
        unsigned refused = serve_tile_path_parse(request.path, 20, &tile, &why);
        if (refused == 0 && (tile.z < 0 || tile.z > 20 || tile.x < 0 || tile.y < 0 ||
                             tile.x >= 1 << tile.z || tile.y >= 1 << tile.z ||
                             (tile.scale != 1 && tile.scale != 2)))
            abort();
        if (refused != 0 && refused != 400 && refused != 404)
            abort();
    } else if ((status != 400 && status != 414) || !why) {
        abort();
    }
    serve_request_clear(&request);
    return 0;
}
