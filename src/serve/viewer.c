/* convoymap serve — the viewer page (viewer.h). */
#include "viewer.h"

#include <glib.h>

#include "core/viewer-page.h"

char *serve_viewer_page(const serve_tileset *tileset)
{
    cm_viewer_page page = {.title = tileset->name ? tileset->name : "convoymap",
                           .tile_prefix = "/tiles/", .min_zoom = tileset->min_zoom,
                           .max_zoom = tileset->max_zoom, .tile_size = tileset->tile_size,
                           .bounds = tileset->bounds};
    serve_tileset_view(tileset, &page.lon, &page.lat, &page.zoom);
    char *credit = serve_attribution(tileset);
    page.credit = credit;
    char *html = cm_viewer_page_html(&page);
    g_free(credit);
    return html;
}
