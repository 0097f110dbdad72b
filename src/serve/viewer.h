/* convoymap serve — the viewer page at /: the server's tiles shown offline
 * (no script, style or font from the network), dragged and zoomed by a few
 * lines of script, as the tiles --preview page (src/render/tiles.c) shows
 * a directory. Private to src/serve/. */
#ifndef CM_SERVE_VIEWER_H
#define CM_SERVE_VIEWER_H

#include "capabilities.h"

/* The page for tileset, its tiles fetched from /tiles/ on the page's own
 * origin. Returns a new string the caller frees with g_free(). */
char *serve_viewer_page(const serve_tileset *tileset);

#endif
