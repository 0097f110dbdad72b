/* convoymap serve — TileJSON and WMTS capabilities (capabilities.h). */
#include "capabilities.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "core/json.h"

/* Half the side of the Web Mercator square in metres (EPSG:3857). */
#define WEB_MERCATOR_HALF 20037508.3427892
/* The scale denominator of zoom 0 in the well-known GoogleMapsCompatible
 * set (WMTS 1.0.0, Annex E.4): 256-pixel tiles of 0.28 mm pixels. */
#define GOOGLE_ZOOM0_SCALE 559082264.0287178
#define WELL_KNOWN_SET_256 "GoogleMapsCompatible"
#define MATRIX_SET_512 "WebMercatorQuad512"

static const char *tileset_name(const serve_tileset *tileset)
{
    return tileset->name ? tileset->name : "convoymap";
}

/* A number as JSON and XML write it: '.' as the point, the fewest digits
 * that read back as value. */
static const char *number(char buffer[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
    static const char *const formats[] = {"%.15g", "%.16g", "%.17g"};
    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
        g_ascii_formatd(buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
        if (g_ascii_strtod(buffer, NULL) == value)
            break;
    }
    return buffer;
}

/* The bounds with their latitudes clamped to Web Mercator's square. */
static cm_bbox mercator_bounds(const serve_tileset *tileset)
{
    cm_bbox box = tileset->bounds;
    box.south = MAX(box.south, -CM_TILE_MAX_LAT);
    box.north = MIN(box.north, CM_TILE_MAX_LAT);
    return box;
}

void serve_tileset_view(const serve_tileset *tileset, double *lon, double *lat, int *zoom)
{
    if (tileset->center_lon || tileset->center_lat || tileset->center_zoom) {
        *lon = tileset->center_lon;
        *lat = tileset->center_lat;
        *zoom = tileset->center_zoom;
        return;
    }
    cm_bbox box = mercator_bounds(tileset);
    *lon = (box.west + box.east) / 2;
    *lat = (box.south + box.north) / 2;
    *zoom = tileset->min_zoom;
}

char *serve_attribution(const serve_tileset *tileset)
{
    /* As `tiles` writes it in its MBTiles metadata. */
    return g_strdup(tileset->roads ? CM_TILES_ROADS_ATTRIBUTION : CM_TILES_BASEMAP_ATTRIBUTION);
}

char *serve_tilejson(const serve_tileset *tileset, const char *base_url)
{
    char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE],
        d[G_ASCII_DTOSTR_BUF_SIZE];
    cm_bbox box = mercator_bounds(tileset);
    GString *out = g_string_new("{\"tilejson\": \"3.0.0\", \"name\": ");
    cm_json_append_string(out, tileset_name(tileset));
    g_string_append(out, ", \"tiles\": [");
    char *template = g_strconcat(base_url, "/tiles/{z}/{x}/{y}.png", NULL);
    cm_json_append_string(out, template);
    g_free(template);
    g_string_append_printf(out, "], \"scheme\": \"xyz\", \"minzoom\": %d, \"maxzoom\": %d, ",
                           tileset->min_zoom, tileset->max_zoom);
    g_string_append_printf(out, "\"bounds\": [%s, %s, %s, %s], ", number(a, box.west),
                           number(b, box.south), number(c, box.east), number(d, box.north));
    double lon, lat;
    int zoom;
    serve_tileset_view(tileset, &lon, &lat, &zoom);
    g_string_append_printf(out, "\"center\": [%s, %s, %d], \"attribution\": ",
                           number(a, lon), number(b, lat), zoom);
    char *credit = serve_attribution(tileset);
    cm_json_append_string(out, credit);
    g_free(credit);
    g_string_append_printf(out, ", \"tileSize\": %d, \"format\": \"png\"}\n",
                           tileset->tile_size);
    return g_string_free(out, FALSE);
}

/* One RESTful operation of the service metadata. */
static void append_operation(GString *out, const char *name, const char *href)
{
    g_string_append_printf(out,
                           "  <ows:Operation name=\"%s\"><ows:DCP><ows:HTTP>"
                           "<ows:Get xlink:href=\"%s\"><ows:Constraint name=\"GetEncoding\">"
                           "<ows:AllowedValues><ows:Value>RESTful</ows:Value>"
                           "</ows:AllowedValues></ows:Constraint></ows:Get>"
                           "</ows:HTTP></ows:DCP></ows:Operation>\n",
                           name, href);
}

/* The tile rows and columns of each zoom that hold tiles of the bounds. */
static int append_limits(GString *out, cm_context *context, const serve_tileset *tileset,
                         const cm_bbox *box)
{
    g_string_append(out, "      <TileMatrixSetLimits>\n");
    for (int z = tileset->min_zoom; z <= tileset->max_zoom; z++) {
        int x0, y0, x1, y1;
        if (cm_tile_range(context, box, z, &x0, &y0, &x1, &y1) != CM_OK)
            return 0;
        g_string_append_printf(out,
                               "        <TileMatrixLimits><TileMatrix>%d</TileMatrix>"
                               "<MinTileRow>%d</MinTileRow><MaxTileRow>%d</MaxTileRow>"
                               "<MinTileCol>%d</MinTileCol><MaxTileCol>%d</MaxTileCol>"
                               "</TileMatrixLimits>\n",
                               z, y0, y1, x0, x1);
    }
    g_string_append(out, "      </TileMatrixSetLimits>\n");
    return 1;
}

/* The tile matrix set: zooms 0 to max_zoom, as the well-known set lists
 * them from 0. */
static void append_matrix_set(GString *out, const serve_tileset *tileset)
{
    char corner_x[G_ASCII_DTOSTR_BUF_SIZE], corner_y[G_ASCII_DTOSTR_BUF_SIZE];
    char scale[G_ASCII_DTOSTR_BUF_SIZE];
    int well_known = tileset->tile_size == CM_TILE_DEFAULT_SIZE;
    g_string_append_printf(out,
                           "  <TileMatrixSet>\n    <ows:Identifier>%s</ows:Identifier>\n"
                           "    <ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857"
                           "</ows:SupportedCRS>\n",
                           well_known ? WELL_KNOWN_SET_256 : MATRIX_SET_512);
    if (well_known)
        g_string_append(out, "    <WellKnownScaleSet>urn:ogc:def:wkss:OGC:1.0:"
                             "GoogleMapsCompatible</WellKnownScaleSet>\n");
    for (int z = 0; z <= tileset->max_zoom; z++) {
        double side = ldexp(1, z);
        double scale_denominator =
            GOOGLE_ZOOM0_SCALE * CM_TILE_DEFAULT_SIZE / tileset->tile_size / side;
        g_string_append_printf(
            out,
            "    <TileMatrix><ows:Identifier>%d</ows:Identifier>"
            "<ScaleDenominator>%s</ScaleDenominator><TopLeftCorner>%s %s</TopLeftCorner>"
            "<TileWidth>%d</TileWidth><TileHeight>%d</TileHeight>"
            "<MatrixWidth>%.0f</MatrixWidth><MatrixHeight>%.0f</MatrixHeight></TileMatrix>\n",
            z, number(scale, scale_denominator), number(corner_x, -WEB_MERCATOR_HALF),
            number(corner_y, WEB_MERCATOR_HALF), tileset->tile_size, tileset->tile_size, side,
            side);
    }
    g_string_append(out, "  </TileMatrixSet>\n");
}

char *serve_wmts_capabilities(cm_context *context, const serve_tileset *tileset,
                              const char *base_url)
{
    char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
    cm_bbox box = mercator_bounds(tileset);
    char *base = g_markup_escape_text(base_url, -1);
    char *title = g_markup_escape_text(tileset_name(tileset), -1);
    char *self = g_strconcat(base, "/wmts/1.0.0/WMTSCapabilities.xml", NULL);
    char *tiles = g_strconcat(base, "/tiles/", NULL);
    GString *out = g_string_new(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Capabilities xmlns=\"http://www.opengis.net/wmts/1.0\" "
        "xmlns:ows=\"http://www.opengis.net/ows/1.1\" "
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://www.opengis.net/wmts/1.0 "
        "http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd\" "
        "version=\"1.0.0\">\n");
    g_string_append_printf(out,
                           " <ows:ServiceIdentification>\n  <ows:Title>%s</ows:Title>\n"
                           "  <ows:ServiceType>OGC WMTS</ows:ServiceType>\n"
                           "  <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>\n"
                           " </ows:ServiceIdentification>\n <ows:OperationsMetadata>\n",
                           title);
    append_operation(out, "GetCapabilities", self);
    append_operation(out, "GetTile", tiles);
    g_string_append_printf(out,
                           " </ows:OperationsMetadata>\n <Contents>\n  <Layer>\n"
                           "    <ows:Title>%s</ows:Title>\n"
                           "    <ows:WGS84BoundingBox crs=\"urn:ogc:def:crs:OGC:2:84\">",
                           title);
    g_string_append_printf(out, "<ows:LowerCorner>%s %s</ows:LowerCorner>",
                           number(a, box.west), number(b, box.south));
    g_string_append_printf(out, "<ows:UpperCorner>%s %s</ows:UpperCorner>"
                                "</ows:WGS84BoundingBox>\n",
                           number(a, box.east), number(b, box.north));
    g_string_append_printf(out,
                           "    <ows:Identifier>convoymap</ows:Identifier>\n"
                           "    <Style isDefault=\"true\"><ows:Identifier>default"
                           "</ows:Identifier></Style>\n    <Format>image/png</Format>\n"
                           "    <TileMatrixSetLink>\n      <TileMatrixSet>%s</TileMatrixSet>\n",
                           tileset->tile_size == CM_TILE_DEFAULT_SIZE ? WELL_KNOWN_SET_256
                                                                      : MATRIX_SET_512);
    int limited = append_limits(out, context, tileset, &box);
    g_string_append_printf(out,
                           "    </TileMatrixSetLink>\n"
                           "    <ResourceURL format=\"image/png\" resourceType=\"tile\" "
                           "template=\"%s{TileMatrix}/{TileCol}/{TileRow}.png\"/>\n  </Layer>\n",
                           tiles);
    append_matrix_set(out, tileset);
    g_string_append_printf(out, " </Contents>\n <ServiceMetadataURL xlink:href=\"%s\"/>\n"
                                "</Capabilities>\n",
                           self);
    g_free(tiles);
    g_free(self);
    g_free(title);
    g_free(base);
    return limited ? g_string_free(out, FALSE) : (g_string_free(out, TRUE), NULL);
}
