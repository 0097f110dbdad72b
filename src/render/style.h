/* Map styles: colours, widths and fonts read from a key file in styles/.
 * Private for now; the style format is documented in styles/briefing.ini. */
#ifndef CM_STYLE_H
#define CM_STYLE_H

#include "core/internal.h"

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

/* The layers a style orders and shows by zoom, each named after its group
 * in the style file. The basemap's come first, in the order in which
 * cm_basemap_draw() draws them. */
typedef enum cm_layer {
    CM_LAYER_COUNTRIES,
    CM_LAYER_LAKES,
    CM_LAYER_RIVERS,
    CM_LAYER_ADMIN1,
    CM_LAYER_COASTLINE,
    CM_LAYER_DISPUTED,
    CM_LAYER_BORDERS,
    CM_LAYER_ROADS,    /* the roads of a roads database (roadlayer.h) */
    CM_LAYER_GRID,     /* graticule or MGRS grid (briefing maps only) */
    CM_LAYER_ROUTE,    /* routes and their leg labels */
    CM_LAYER_MARKER,   /* waypoint and site markers and their labels */
    CM_LAYER_CROSSING, /* border crossing symbols and their labels */
    CM_LAYER_COUNT
} cm_layer;

#define CM_LAYER_N_BASEMAP (CM_LAYER_BORDERS + 1)

/* Placement priorities of the label classes: higher places first. */
typedef struct cm_label_priorities {
    int waypoint, crossing, leg, site, country;
    int province; /* admin1 names, on briefing maps */
    int place;    /* the gazetteer's cities and towns, on tiles */
    int shield;   /* road numbers on the roads layer */
} cm_label_priorities;

/* Zooms 0 to 30: the range of the style's zoom keys. */
#define CM_STYLE_ZOOMS 31
/* A least population no place has: no place is labelled at that zoom. */
#define CM_NO_PLACES G_MAXINT64

/* How tiles label the gazetteer's cities and towns ([places]) and when
 * they label the routes (briefing maps label every waypoint, crossing and
 * site they show). */
typedef struct cm_tile_label_style {
    /* By zoom: the least population of a place labelled, or CM_NO_PLACES. */
    long long min_population[CM_STYLE_ZOOMS];
    char *label_font;
    cm_rgba label_color, dot_color;
    double dot_radius;
    /* The labels of waypoints, sites and crossings show from this
     * zoom (their symbols at every zoom their layers show at). */
    double route_min_zoom;
} cm_tile_label_style;

/* The road class groups the roads layer styles, lowest first (the order in
 * which they are drawn): each OSM highway value belongs to one, its _link
 * to the same one, drawn narrower. */
typedef enum cm_road_group {
    CM_ROAD_TRACK,    /* track */
    CM_ROAD_MINOR,    /* residential, unclassified, service, living_street, road */
    CM_ROAD_TERTIARY,
    CM_ROAD_SECONDARY,
    CM_ROAD_PRIMARY,
    CM_ROAD_TRUNK,
    CM_ROAD_MOTORWAY,
    CM_ROAD_N_GROUPS
} cm_road_group;

/* [roads]: how the roads layer draws each class group, its casings,
 * tunnels, bridges and route shields. Widths are pixels at width-zoom and
 * grow (or shrink) by width-growth a zoom level. */
typedef struct cm_road_style {
    cm_rgba color[CM_ROAD_N_GROUPS];
    double width[CM_ROAD_N_GROUPS];
    double min_zoom[CM_ROAD_N_GROUPS]; /* a group shows from this zoom */
    double width_zoom, width_growth;
    double link_width;                 /* a _link's width, as a share of its class's */
    cm_line_style casing;              /* colour, and width on each side of the fill */
    cm_rgba bridge_casing;
    cm_line_style tunnel;              /* dash of a tunnel's casing (colour, width unused) */
    double tunnel_opacity;             /* of a tunnel's fill */
    cm_line_style track;               /* dash of a track's fill */
    char *shield_font;
    cm_rgba shield_color, shield_text_color, shield_outline_color;
    double shield_spacing;             /* pixels between shields of one ref */
    double shield_min_zoom;
} cm_road_style;

typedef struct cm_style {
    cm_rgba sea;
    cm_rgba country_palette[CM_STYLE_PALETTE_SIZE];
    char *country_label_font;
    cm_rgba country_label_color;
    cm_line_style admin1, borders, coastline, rivers, disputed;
    char *admin1_label_font;     /* province names */
    cm_rgba admin1_label_color;
    cm_rgba lakes;
    cm_line_style route, route_casing;
    /* The 2nd, 3rd... route: colour, dash and width in turn, so that routes
     * stay apart in colour and, for photocopies, in dash and width. */
    cm_rgba route_palette[CM_STYLE_PALETTE_SIZE];
    cm_line_style route_series[CM_STYLE_PALETTE_SIZE];
    cm_rgba crossing, crossing_outline;
    double crossing_radius;
    cm_rgba marker, marker_outline;
    double marker_radius, marker_outline_width;
    char *label_font, *waypoint_font, *leg_font;
    cm_rgba label_color, leg_color, halo_color;
    double halo_width;
    cm_line_style grid;                    /* graticule and MGRS lines */
    double grid_zone_width;                /* MGRS grid zone boundaries */
    char *grid_label_font, *grid_zone_font;
    cm_rgba grid_label_color;
    char *title_font, *text_font;
    cm_rgba frame_color, panel_color, frame_line_color;
    /* [map] layers: drawn in this order, bottom first; a layer left out is
     * not drawn. */
    cm_layer layer_order[CM_LAYER_COUNT];
    int n_layers;
    /* Each layer shows at min_zoom <= zoom < max_zoom (web-mercator zoom;
     * see cm_map_zoom()). */
    double min_zoom[CM_LAYER_COUNT], max_zoom[CM_LAYER_COUNT];
    cm_label_priorities priority;
    cm_tile_label_style tile_labels;
    cm_road_style roads;
    /* SHA-256 of the style's keys and values after inheritance, [style]
     * left out: equal for styles that draw alike wherever their files are
     * and however they are described (a tileset records it, so that
     * resuming it with another style is refused). */
    char *fingerprint;
    /* As the caller named it: a shipped style's name or a file's path
     * (messages name the style by it; the fingerprint is what compares). */
    char *name;
} cm_style;

/* Loads a style: a shipped one by NAME (styles/NAME.ini in the data
 * directory) or a key file by PATH (anything with a '/' or ending in .ini).
 * A style may start with [style] inherits=NAME|PATH and then give only the
 * keys it changes. Returns NULL with the reason in the context, naming the
 * file, line and key (CM_ERR_INPUT for a style the caller named that does
 * not exist or is malformed). Free with cm_style_free(). */
cm_style *cm_style_load(cm_context *context, const char *name_or_path);

/* Reads a style from the length bytes of a key file; path names it in
 * messages. As cm_style_load() otherwise. */
cm_style *cm_style_parse(cm_context *context, const char *path, const char *data,
                         size_t length);

void cm_style_free(cm_style *style);

/* The layer's name in style files (its group): "countries", "route"... */
const char *cm_layer_name(cm_layer layer);

/* TRUE when style shows layer at zoom: listed in [map] layers and within
 * the layer's min-zoom and max-zoom. */
gboolean cm_style_shows(const cm_style *style, cm_layer layer, double zoom);

#endif
