/* The offline tile viewer page: a map of XYZ tiles as positioned <img>
 * elements, dragged and zoomed by a few lines of script, with nothing
 * fetched but the tiles (no script, style or font from the network). The
 * tiles' --preview page (written beside a directory) and serve's page at /
 * (tiles from /tiles/) are this page. Private to the library and its
 * modules. */
#ifndef CM_VIEWER_PAGE_H
#define CM_VIEWER_PAGE_H

#include "convoymap/bbox.h"
#include "private-export.h"

typedef struct cm_viewer_page {
    const char *title;       /* the page's title, plain text */
    const char *credit;      /* the tiles' attribution, plain text, shown in a corner */
    const char *tile_prefix; /* prepended to "Z/X/Y.png": "" beside the tiles, "/tiles/" */
    int min_zoom, max_zoom;
    int zoom;                /* the first view's zoom */
    double lon, lat;         /* the first view's centre */
    int tile_size;           /* tile side in CSS pixels */
    cm_bbox bounds;          /* the tiles that exist; latitudes are clamped to Web Mercator's */
} cm_viewer_page;

/* The HTML of page. Returns a new string the caller frees with g_free(). */
CM_PRIVATE
char *cm_viewer_page_html(const cm_viewer_page *page);

#endif
