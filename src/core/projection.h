/* Map projections from PROJ, chosen to suit an extent, and the frame that
 * turns projected metres into pixels. */
#ifndef CM_PROJECTION_H
#define CM_PROJECTION_H

#include "internal.h"

typedef struct cm_projection cm_projection;

/* A conformal projection centred on the extent: Lambert conformal conic
 * with standard parallels at 1/6 and 5/6 of the latitude span for
 * mid-latitudes, Mercator near the equator, polar stereographic near the
 * poles. Longitudes may be unrolled (lon_max - lon_min up to 360). Returns
 * NULL with the reason in the context. Free with cm_projection_free(). */
CM_PRIVATE
cm_projection *cm_projection_for_extent(cm_context *context, double lat_min,
                                        double lat_max, double lon_min, double lon_max);

/* The CRS definition names (anything proj_create() reads: "EPSG:32638",
 * "ESRI:102025", a PROJ string with or without +type=crs, WKT, PROJJSON),
 * fed with WGS84 longitudes and latitudes. A bound CRS is drawn in its
 * source CRS, a compound one in its horizontal part, a geographic one as
 * plate carrée centred on lon_0 (degrees; ignored otherwise). NULL with
 * CM_ERR_INPUT naming definition when PROJ does not know it or it is no
 * map CRS (geocentric, vertical, engineering). Free with
 * cm_projection_free(). */
CM_PRIVATE
cm_projection *cm_projection_for_crs(cm_context *context, const char *definition,
                                     double lon_0);

/* Web Mercator (EPSG:3857), the projection of XYZ map tiles. NULL with the
 * reason in the context. Free with cm_projection_free(). */
CM_PRIVATE
cm_projection *cm_projection_web_mercator(cm_context *context);

CM_PRIVATE
void cm_projection_free(cm_projection *projection);

/* The PROJ string; owned by the projection. */
CM_PRIVATE
const char *cm_projection_definition(const cm_projection *projection);

/* The projection in words for the map sheet, e.g. "Lambert conformal conic,
 * standard parallels 32.37°N and 34.03°N"; owned by the projection. */
CM_PRIVATE
const char *cm_projection_description(const cm_projection *projection);

/* Projects n points in place: on entry x[i], y[i] are longitude and
 * latitude in degrees, on return easting and northing in metres. Points that
 * cannot be projected become HUGE_VAL. Returns the number of such points. */
CM_PRIVATE
size_t cm_projection_forward(const cm_projection *projection, double *x, double *y,
                             size_t n);

/* Inverse of one point: metres in, degrees out. Returns FALSE when outside
 * the projection's domain. */
CM_PRIVATE
gboolean cm_projection_inverse(const cm_projection *projection, double x, double y,
                               cm_geo_point *point);

/* A view: the part of the projected plane shown, and its pixel size. */
typedef struct cm_frame {
    const cm_projection *projection;
    double min_x, max_y;   /* projected metres at the top-left corner */
    double px_per_m;       /* pixels per projected metre */
    int width, height;
} cm_frame;

/* Pixel position of projected metres. */
static inline void cm_frame_to_pixel(const cm_frame *frame, double x, double y,
                                     double *px, double *py)
{
    *px = (x - frame->min_x) * frame->px_per_m;
    *py = (frame->max_y - y) * frame->px_per_m;
}

/* Pixel position of a geographic point; FALSE when it cannot be projected. */
CM_PRIVATE
gboolean cm_frame_geo_to_pixel(const cm_frame *frame, cm_geo_point point, double *px,
                               double *py);

/* Geographic position of a pixel; FALSE outside the projection's domain. */
CM_PRIVATE
gboolean cm_frame_pixel_to_geo(const cm_frame *frame, double px, double py,
                               cm_geo_point *point);

#endif
