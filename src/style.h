/* Map styles: colours, widths and fonts read from a key file in styles/.
 * Private for now; the style format is documented in styles/briefing.ini. */
#ifndef CM_STYLE_H
#define CM_STYLE_H

#include "internal.h"

typedef struct cm_rgba {
    double r, g, b, a;
} cm_rgba;

typedef struct cm_line_style {
    cm_rgba color;
    double width;
    double dash[4];
    int n_dash;
} cm_line_style;

#define CM_STYLE_PALETTE_SIZE 6

typedef struct cm_style {
    cm_rgba sea;
    cm_rgba country_palette[CM_STYLE_PALETTE_SIZE];
    char *country_label_font;
    cm_rgba country_label_color;
    cm_line_style admin1, borders, coastline, rivers, disputed;
    cm_rgba lakes;
    cm_line_style route, route_casing;
    cm_rgba route_palette[CM_STYLE_PALETTE_SIZE]; /* for the 2nd, 3rd... route */
    cm_rgba crossing, crossing_outline;
    double crossing_radius;
    cm_rgba marker, marker_outline;
    double marker_radius, marker_outline_width;
    char *label_font, *waypoint_font, *leg_font;
    cm_rgba label_color, leg_color, halo_color;
    double halo_width;
    char *title_font, *text_font;
    cm_rgba frame_color, panel_color, frame_line_color;
} cm_style;

/* Loads styles/NAME.ini from the data directory. Returns NULL with the
 * reason (file and key) in the context. Free with cm_style_free(). */
cm_style *cm_style_load(cm_context *context, const char *name);

/* Reads a style from the length bytes of a key file; path names it in
 * messages. As cm_style_load() otherwise. */
cm_style *cm_style_parse(cm_context *context, const char *path, const char *data,
                         size_t length);

void cm_style_free(cm_style *style);

#endif
