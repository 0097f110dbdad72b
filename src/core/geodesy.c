/* Geodesics on WGS84 through PROJ's geodesic API (Karney). */
#include "internal.h"

#include <math.h>

#include <geodesic.h>

/* WGS84 defining constants. */
#define WGS84_A 6378137.0
#define WGS84_F (1.0 / 298.257223563)

static const struct geod_geodesic *wgs84(void)
{
    static struct geod_geodesic geodesic;
    static gsize initialised = 0;
    if (g_once_init_enter(&initialised)) {
        geod_init(&geodesic, WGS84_A, WGS84_F);
        g_once_init_leave(&initialised, 1);
    }
    return &geodesic;
}

static double normalise_azimuth(double azimuth)
{
    double a = fmod(azimuth, 360.0);
    if (a < 0)
        a += 360.0;
    /* fmod(-1e-17) + 360 rounds to 360, which is outside [0, 360). */
    return a >= 360.0 ? 0.0 : a;
}

cm_geodesic_result cm_geodesic_inverse(cm_geo_point a, cm_geo_point b)
{
    cm_geodesic_result result = {0};
    double azi1, azi2;
    geod_inverse(wgs84(), a.lat, a.lon, b.lat, b.lon, &result.distance_m, &azi1, &azi2);
    if (result.distance_m == 0.0)
        return result;
    result.azimuth_deg = normalise_azimuth(azi1);
    result.final_azimuth_deg = normalise_azimuth(azi2);
    return result;
}

cm_geo_point cm_geodesic_direct(cm_geo_point start, double azimuth_deg, double distance_m)
{
    cm_geo_point end;
    geod_direct(wgs84(), start.lat, start.lon, azimuth_deg, distance_m, &end.lat,
                &end.lon, NULL);
    return end;
}

cm_geo_point *cm_geodesic_densify(cm_geo_point a, cm_geo_point b, double max_step_m,
                                  size_t *n_points)
{
    struct geod_geodesicline line;
    geod_inverseline(&line, wgs84(), a.lat, a.lon, b.lat, b.lon, GEOD_ALL);
    double length = line.s13;
    size_t steps = 1;
    if (max_step_m > 0 && length > max_step_m)
        steps = (size_t)ceil(length / max_step_m);
    cm_geo_point *points = g_new(cm_geo_point, steps + 1);
    for (size_t i = 0; i <= steps; i++) {
        double s = length * (double)i / (double)steps;
        geod_genposition(&line, GEOD_LONG_UNROLL, s, &points[i].lat, &points[i].lon,
                         NULL, NULL, NULL, NULL, NULL, NULL);
    }
    /* Keep the exact end latitude; longitudes stay unrolled from a's. */
    points[steps].lat = b.lat;
    *n_points = steps + 1;
    return points;
}

