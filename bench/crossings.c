/* Crossing detection on a 1,000-waypoint track across the region: Amman to
 * Abu Kamal by way of Trebil and the Iraq–Syria border, zig-zagging so that
 * the track is a realistic recorded drive. Prints the median of 21 runs. */
#include <math.h>
#include <stdio.h>

#include <glib.h>

#include "convoymap/convoymap.h"

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    char *message = NULL;
    cm_context *context = cm_context_new(NULL, &message);
    if (!context) {
        fprintf(stderr, "%s\n", message);
        return 1;
    }
    const cm_geo_point corners[] = {{31.955, 35.945}, {32.99, 38.90}, {33.04, 40.28},
                                    {34.40, 40.95}, {35.20, 41.30}};
    cm_route *route = cm_route_new("bench");
    cm_place start = {"Amman", "city", "JOR", "bench", corners[0]};
    cm_route_add_waypoint(route, &start);
    const int per_stretch = 250;
    for (size_t c = 1; c < G_N_ELEMENTS(corners); c++) {
        cm_geodesic_result stretch = cm_geodesic_inverse(corners[c - 1], corners[c]);
        for (int k = 1; k <= per_stretch; k++) {
            cm_geo_point p = cm_geodesic_direct(corners[c - 1], stretch.azimuth_deg,
                                                stretch.distance_m * k / per_stretch);
            /* A wobble of a few hundred metres across the line of travel. */
            p = cm_geodesic_direct(p, stretch.azimuth_deg + 90, 300 * sin(k * 0.7));
            if (c + 1 == G_N_ELEMENTS(corners) && k == per_stretch) {
                cm_place end = {"End", "town", "SYR", "bench", p};
                cm_route_add_waypoint(route, &end);
            } else {
                cm_route_add_track_point(context, route, p);
            }
        }
    }
    printf("track: %zu segments, %.1f km\n", cm_route_segment_count(route),
           cm_route_total_m(route) / 1000);
    enum { RUNS = 21 };
    double times[RUNS];
    size_t found = 0;
    for (int run = 0; run < RUNS; run++) {
        gint64 begin = g_get_monotonic_time();
        cm_crossing_list *crossings;
        if (cm_route_find_crossings(context, route, NULL, &crossings) != CM_OK) {
            fprintf(stderr, "%s\n", cm_context_message(context));
            return 1;
        }
        times[run] = (g_get_monotonic_time() - begin) / 1000.0;
        found = cm_crossing_list_count(crossings);
        cm_crossing_list_free(crossings);
    }
    qsort(times, RUNS, sizeof *times, compare_doubles);
    printf("crossings: %zu; median %.1f ms, min %.1f ms, max %.1f ms over %d runs\n", found,
           times[RUNS / 2], times[0], times[RUNS - 1], RUNS);
    cm_route_free(route);
    cm_context_free(context);
    return 0;
}
