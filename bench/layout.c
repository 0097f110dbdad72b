/* The reference map's layout, for drawing the same map with other tools
 * (bench/peers.sh): its PROJ definition, its extent in projected metres and
 * in longitude and latitude, and the sites it marks. Uses only the public
 * API, plus PROJ to turn the corner pixels back into projected metres.
 *
 * Usage: bench-layout [WIDTH HEIGHT [SITES_CSV]]
 * Prints shell assignments (proj=..., xmin=..., ...) on standard output;
 * with SITES_CSV, writes there one line per waypoint and marked site:
 * lon,lat,kind,name (kind "waypoint" or "site"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <proj.h>

#include <convoymap/convoymap.h>

static int fail(cm_context *context, const char *what)
{
    fprintf(stderr, "bench-layout: %s: %s\n", what,
            context ? cm_context_message(context) : "no context");
    return 1;
}

static void write_site(FILE *out, const cm_place *place, const char *kind)
{
    fprintf(out, "%.6f,%.6f,%s,\"%s\"\n", place->position.lon, place->position.lat, kind,
            place->name);
}

int main(int argc, char **argv)
{
    int width = CM_MAP_DEFAULT_WIDTH, height = CM_MAP_DEFAULT_HEIGHT;
    if (argc >= 3) {
        width = atoi(argv[1]);
        height = atoi(argv[2]);
    }
    const char *sites_path = argc >= 4 ? argv[3] : NULL;

    char *message = NULL;
    cm_context *context = cm_context_new(NULL, &message);
    if (!context) {
        fprintf(stderr, "bench-layout: %s\n", message ? message : "no context");
        cm_free(message);
        return 1;
    }
    cm_geocoder *geocoder = cm_geocoder_new(context);
    if (!geocoder)
        return fail(context, "gazetteer");
    const char *const *waypoints = cm_reference_waypoints();
    size_t n = 0;
    while (waypoints[n])
        n++;
    cm_route *route = NULL;
    if (cm_route_new_from_queries(geocoder, "Convoy route", waypoints, n, &route) != CM_OK)
        return fail(context, "route");

    cm_map *map = cm_map_new(context);
    if (cm_map_set_size(map, width, height) != CM_OK)
        return fail(context, "size");
    cm_map_add_route(map, route);
    cm_place *markers[64];
    size_t n_markers = 0;
    for (const char *const *q = cm_reference_markers(); *q && n_markers < 64; q++) {
        cm_place *place = NULL;
        if (cm_geocoder_lookup(geocoder, *q, &place) != CM_OK)
            return fail(context, *q);
        cm_map_add_marker(map, place);
        markers[n_markers++] = place;
    }
    const char *definition = cm_map_projection(map);
    if (!definition)
        return fail(context, "layout");

    /* Corners: upper left (0,0), lower right (width,height), and the other
     * two, which GMT's rectangular -R wants. */
    const double px[4][2] = {{0, 0}, {width, height}, {0, height}, {width, 0}};
    const char *names[4] = {"ul", "lr", "ll", "ur"};
    cm_geo_point corners[4];
    for (int i = 0; i < 4; i++)
        if (cm_map_pixel_to_geo(map, px[i][0], px[i][1], &corners[i]) != CM_OK)
            return fail(context, "corner");

    PJ_CONTEXT *pj_context = proj_context_create();
    PJ *pj = proj_create(pj_context, definition);
    if (!pj) {
        fprintf(stderr, "bench-layout: PROJ refuses %s\n", definition);
        return 1;
    }
    PJ_COORD ul = proj_trans(pj, PJ_FWD, proj_coord(proj_torad(corners[0].lon),
                                                    proj_torad(corners[0].lat), 0, 0));
    PJ_COORD lr = proj_trans(pj, PJ_FWD, proj_coord(proj_torad(corners[1].lon),
                                                    proj_torad(corners[1].lat), 0, 0));

    /* Geographic bounding box of the frame, sampled along its edges. */
    double lon_min = 1e9, lon_max = -1e9, lat_min = 1e9, lat_max = -1e9;
    for (int k = 0; k <= 64; k++) {
        double t = k / 64.0;
        double edge[4][2] = {{t * width, 0}, {t * width, height}, {0, t * height},
                             {width, t * height}};
        for (int e = 0; e < 4; e++) {
            cm_geo_point p;
            if (cm_map_pixel_to_geo(map, edge[e][0], edge[e][1], &p) != CM_OK)
                continue;
            lon_min = p.lon < lon_min ? p.lon : lon_min;
            lon_max = p.lon > lon_max ? p.lon : lon_max;
            lat_min = p.lat < lat_min ? p.lat : lat_min;
            lat_max = p.lat > lat_max ? p.lat : lat_max;
        }
    }

    printf("proj='%s'\n", definition);
    printf("width=%d\nheight=%d\n", width, height);
    printf("xmin=%.3f\nymax=%.3f\nxmax=%.3f\nymin=%.3f\n", ul.xy.x, ul.xy.y, lr.xy.x, lr.xy.y);
    for (int i = 0; i < 4; i++)
        printf("%s_lon=%.8f\n%s_lat=%.8f\n", names[i], corners[i].lon, names[i],
               corners[i].lat);
    printf("lon_min=%.6f\nlat_min=%.6f\nlon_max=%.6f\nlat_max=%.6f\n", lon_min, lat_min,
           lon_max, lat_max);

    if (sites_path) {
        FILE *out = fopen(sites_path, "w");
        if (!out) {
            perror(sites_path);
            return 1;
        }
        fprintf(out, "lon,lat,kind,name\n");
        for (size_t i = 0; i < cm_route_waypoint_count(route); i++)
            write_site(out, cm_route_waypoint(route, i), "waypoint");
        for (size_t i = 0; i < n_markers; i++)
            write_site(out, markers[i], "site");
        fclose(out);
    }

    proj_destroy(pj);
    proj_context_destroy(pj_context);
    for (size_t i = 0; i < n_markers; i++)
        cm_place_free(markers[i]);
    cm_map_free(map);
    cm_route_free(route);
    cm_geocoder_free(geocoder);
    cm_context_free(context);
    return 0;
}
