/* Roads: a roads database built in the test from the real Monaco extract
 * (planetsplitter, as `convoymap roads import` does), opened and routed
 * on; road distances against Routino's own routing-router, oneway streets,
 * snap distances, errors naming the waypoint and the path, and a scene
 * whose legs, crossings and march tables follow the roads. */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-support.h"

static cm_context *context;
static char *workdir;       /* the temporary directory */
static char *roads_path;    /* workdir/monaco.roads */
static char *routino_dir;   /* roads_path/routino */
static cm_roads *roads;

#define MANIFEST_V1                                                                       \
    "{\"format\": \"convoymap-roads\", \"version\": 2, \"convoymap\": \"0.0.0\", "         \
    "\"sources\": [{\"path\": \"monaco.osm.pbf\", \"bytes\": 0}], "                        \
    "\"routino_tagging\": \"tagging.xml\"}\n"

/* Points of Monaco (and Cap-d'Ail, Beausoleil) that a motorcar's road
 * network passes within 50 m of, spread over 7.40-7.44 E, 43.725-43.75 N. */
static const cm_geo_point monaco[] = {
    {43.7255, 7.4015}, {43.7255, 7.4090}, {43.7300, 7.4090}, {43.7300, 7.4165},
    {43.7300, 7.4240}, {43.7345, 7.4015}, {43.7345, 7.4090}, {43.7345, 7.4165},
    {43.7390, 7.4165}, {43.7390, 7.4240}, {43.7435, 7.4090}, {43.7435, 7.4165},
    {43.7435, 7.4240}, {43.7435, 7.4315}, {43.7480, 7.4015}, {43.7480, 7.4240},
    {43.7480, 7.4315},
};
#define N_MONACO G_N_ELEMENTS(monaco)

/* Far out in the Ligurian Sea: no road within Routino's reach. */
static const cm_geo_point sea = {43.7000, 7.4500};

/* Runs argv, failing the test when it does not exit 0; returns its output. */
static char *run(char **argv)
{
    char *out = NULL, *err = NULL;
    int wait_status = 0;
    GError *error = NULL;
    if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                      &wait_status, &error))
        g_error("cannot run %s: %s", argv[0], error->message);
    if (!g_spawn_check_wait_status(wait_status, NULL))
        g_error("%s failed: %s", argv[0], err);
    g_free(err);
    return out;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    g_free(path);
}

/* routino-router's total distance in metres from a to b for a vehicle
 * profile with limits ("--weight=12"... or NULL): the "Total Dist" column
 * (km) of the last line of its --output-text-all. */
static double router_distance_for(cm_geo_point a, cm_geo_point b, const char *prefer,
                                  const char *profile, const char *limit1, const char *limit2)
{
    char *dir = g_strdup_printf("--dir=%s", routino_dir);
    char *pref = g_strdup_printf("--%s", prefer);
    char *vehicle = g_strdup_printf("--profile=%s", profile);
    char *lat1 = g_strdup_printf("--lat1=%.6f", a.lat), *lon1 = g_strdup_printf("--lon1=%.6f", a.lon);
    char *lat2 = g_strdup_printf("--lat2=%.6f", b.lat), *lon2 = g_strdup_printf("--lon2=%.6f", b.lon);
    GPtrArray *argv = g_ptr_array_new();
    const char *fixed[] = {"routino-router", dir, "--prefix=roads", vehicle, pref, lat1, lon1,
                           lat2, lon2, "--output-stdout", "--output-text-all", "--quiet"};
    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(argv, (char *)fixed[i]);
    if (limit1)
        g_ptr_array_add(argv, (char *)limit1);
    if (limit2)
        g_ptr_array_add(argv, (char *)limit2);
    g_ptr_array_add(argv, NULL);
    char *out = run((char **)argv->pdata);
    g_ptr_array_free(argv, TRUE);
    char **lines = g_strsplit(g_strstrip(out), "\n", -1);
    char **fields = g_strsplit(lines[g_strv_length(lines) - 1], "\t", -1);
    g_assert_cmpuint(g_strv_length(fields), >, 6);
    double km = g_ascii_strtod(fields[6], NULL);
    g_strfreev(fields);
    g_strfreev(lines);
    g_free(out);
    g_free(dir);
    g_free(pref);
    g_free(vehicle);
    g_free(lat1);
    g_free(lon1);
    g_free(lat2);
    g_free(lon2);
    return km * 1000.0;
}

static double router_distance_m(cm_geo_point a, cm_geo_point b, const char *prefer)
{
    return router_distance_for(a, b, prefer, "motorcar", NULL, NULL);
}

static cm_road_leg *route_or_fail(cm_geo_point a, cm_geo_point b, cm_roads_prefer prefer)
{
    cm_roads_options options = {"motorcar", prefer};
    cm_road_leg *leg = NULL;
    if (cm_roads_route(roads, &options, a, "A", b, "B", &leg) != CM_OK)
        g_error("no route %g,%g -> %g,%g: %s", a.lat, a.lon, b.lat, b.lon,
                cm_context_message(context));
    return leg;
}

/* 24 pairs over the extract, shortest and quickest: our distance is
 * Routino's own router's (which prints it to 10 m) to 10 m, every end
 * snaps within 50 m, and the polyline runs from end to end. */
static void test_same_as_routino_router(void)
{
    const char *prefers[] = {"shortest", "quickest"};
    size_t pairs = 0;
    for (size_t k = 0; k < 24; k++) {
        cm_geo_point a = monaco[k % N_MONACO];
        cm_geo_point b = monaco[(k % N_MONACO + (k < N_MONACO ? 8 : 3)) % N_MONACO];
        for (int p = 0; p < 2; p++) {
            cm_road_leg *leg = route_or_fail(a, b, p ? CM_ROADS_QUICKEST : CM_ROADS_SHORTEST);
            double ours = cm_road_leg_distance_m(leg);
            double theirs = router_distance_m(a, b, prefers[p]);
            if (fabs(ours - theirs) > 10)
                g_error("%g,%g -> %g,%g (%s): %.1f m, routino-router %.1f m", a.lat, a.lon,
                        b.lat, b.lon, prefers[p], ours, theirs);
            g_assert_cmpfloat(ours, >, 300);
            g_assert_cmpfloat(cm_road_leg_snap_m(leg, 0), <, 50);
            g_assert_cmpfloat(cm_road_leg_snap_m(leg, 1), <, 50);
            /* At most 130 km/h on Monaco's roads, and moving. */
            g_assert_cmpfloat(cm_road_leg_duration_s(leg), >, ours / (130 / 3.6));
            g_assert_cmpfloat(cm_road_leg_duration_s(leg), <, ours / (5 / 3.6));
            size_t n = 0;
            const cm_geo_point *points = cm_road_leg_points(leg, &n);
            g_assert_cmpuint(n, >=, 2);
            g_assert_cmpfloat(cm_geodesic_inverse(a, points[0]).distance_m, ==,
                              cm_road_leg_snap_m(leg, 0));
            g_assert_cmpfloat(cm_geodesic_inverse(points[n - 1], b).distance_m, ==,
                              cm_road_leg_snap_m(leg, 1));
            g_assert_nonnull(cm_road_leg_roads(leg)[0]);
            cm_road_leg_free(leg);
        }
        pairs++;
    }
    g_assert_cmpuint(pairs, ==, 24);
}

/* Quickest is never longer in time than shortest, shortest never longer
 * in distance than quickest. */
static void test_quickest_and_shortest(void)
{
    cm_road_leg *quick = route_or_fail(monaco[0], monaco[16], CM_ROADS_QUICKEST);
    cm_road_leg *short_ = route_or_fail(monaco[0], monaco[16], CM_ROADS_SHORTEST);
    g_assert_cmpfloat(cm_road_leg_duration_s(quick), <=, cm_road_leg_duration_s(short_) + 1);
    g_assert_cmpfloat(cm_road_leg_distance_m(short_), <=, cm_road_leg_distance_m(quick) + 1);
    cm_road_leg_free(quick);
    cm_road_leg_free(short_);
}

/* Avenue du Professeur Langevin is oneway: 360 m east by Rue de la
 * Crémaillère, but 2.4 km back round the block, each as Routino's router. */
static void test_oneway(void)
{
    cm_geo_point a = {43.7432, 7.4210}, b = {43.7432, 7.4225};
    cm_road_leg *there = route_or_fail(a, b, CM_ROADS_SHORTEST);
    cm_road_leg *back = route_or_fail(b, a, CM_ROADS_SHORTEST);
    double d_there = cm_road_leg_distance_m(there), d_back = cm_road_leg_distance_m(back);
    g_assert_cmpfloat(fabs(d_there - d_back), >, 1500);
    g_assert_cmpfloat(fabs(d_there - router_distance_m(a, b, "shortest")), <=, 10);
    g_assert_cmpfloat(fabs(d_back - router_distance_m(b, a, "shortest")), <=, 10);
    cm_road_leg_free(there);
    cm_road_leg_free(back);
}

/* Road numbers from Routino's names ("Moyenne Corniche (M 6007)", "A 500")
 * in order, consecutive repeats removed; names without one give none. */
static void test_refs(void)
{
    cm_road_leg *leg = route_or_fail(monaco[2], monaco[14], CM_ROADS_QUICKEST);
    const char *expected[] = {"M 6007", "D 6007", "M 6007", "A 500", "D 2204 A", "D 2564",
                              "D 53", NULL};
    const char *const *refs = cm_road_leg_refs(leg);
    for (size_t i = 0; expected[i] || refs[i]; i++)
        g_assert_cmpstr(refs[i], ==, expected[i]);
    gboolean named = FALSE;
    for (const char *const *road = cm_road_leg_roads(leg); *road; road++)
        named |= strcmp(*road, "Route de la Moyenne Corniche (M 6007)") == 0;
    g_assert_true(named);
    cm_road_leg_free(leg);
    leg = route_or_fail((cm_geo_point){43.7384, 7.4246}, (cm_geo_point){43.7311, 7.4197},
                        CM_ROADS_SHORTEST);
    g_assert_null(cm_road_leg_refs(leg)[0]);
    g_assert_cmpstr(cm_road_leg_roads(leg)[0], ==, "Avenue de l'Hermitage");
    cm_road_leg_free(leg);
}

/* A point 100 m off the road reports it as its snap distance. */
static void test_snap_distance(void)
{
    /* 43.7255,7.4165 is ~100 m from the nearest road (Fontvieille's
     * shore). */
    cm_geo_point off = {43.7255, 7.4165};
    cm_road_leg *leg = route_or_fail(off, monaco[3], CM_ROADS_SHORTEST);
    g_assert_cmpfloat(cm_road_leg_snap_m(leg, 0), >, 80);
    g_assert_cmpfloat(cm_road_leg_snap_m(leg, 0), <, 120);
    g_assert_cmpfloat(cm_road_leg_snap_m(leg, 1), <, 50);
    cm_road_leg_free(leg);
}

static void test_no_road_near(void)
{
    cm_road_leg *leg = NULL;
    g_assert_cmpint(cm_roads_route(roads, NULL, monaco[0], "Cap-d'Ail", sea, "Buoy 7", &leg), ==,
                    CM_ERR_INPUT);
    g_assert_null(leg);
    const char *message = cm_context_message(context);
    g_assert_nonnull(strstr(message, "no road for a motorcar within 1 km of Buoy 7 (43.70000, 7.45000)"));
    g_assert_nonnull(strstr(message, roads_path));
    g_assert_null(strchr(message, '\n'));
    g_assert_cmpint(cm_roads_route(roads, NULL, sea, "Buoy 7", monaco[0], "Cap-d'Ail", &leg),
                    ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "within 1 km of Buoy 7"));
}

static void test_vehicles(void)
{
    g_assert_cmpint(cm_roads_check_vehicle(roads, "hgv"), ==, CM_OK);
    g_assert_cmpint(cm_roads_check_vehicle(roads, "tank"), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "unknown vehicle 'tank': one of "));
    g_assert_nonnull(strstr(cm_context_message(context), "motorcar, goods, hgv"));
    cm_roads_options options = {"tank", CM_ROADS_QUICKEST};
    cm_road_leg *leg = NULL;
    g_assert_cmpint(cm_roads_route(roads, &options, monaco[0], "A", monaco[1], "B", &leg), ==,
                    CM_ERR_INPUT);
    g_assert_null(leg);
    cm_roads_prefer prefer = CM_ROADS_QUICKEST;
    g_assert_cmpint(cm_roads_prefer_parse(context, "shortest", &prefer), ==, CM_OK);
    g_assert_cmpint(prefer, ==, CM_ROADS_SHORTEST);
    g_assert_cmpint(cm_roads_prefer_parse(context, "fastest", &prefer), ==, CM_ERR_INPUT);
    g_assert_cmpstr(cm_context_message(context), ==,
                    "unknown --prefer 'fastest': quickest or shortest");
}

static cm_road_leg *route_with(const cm_roads_options *options, cm_geo_point a, cm_geo_point b)
{
    cm_road_leg *leg = NULL;
    if (cm_roads_route(roads, options, a, "A", b, "B", &leg) != CM_OK)
        g_error("no route %g,%g -> %g,%g: %s", a.lat, a.lon, b.lat, b.lon,
                cm_context_message(context));
    return leg;
}

/* Avenue du Général De Gaulle (M 37) is signed maxweight 10 and maxlength
 * 8: an hgv of its profile's 10 t takes it (1.3 km), one of 10.1 t (rounded
 * up to Routino's next 0.2 t) or 12 t, or 9 m long, goes round by the
 * M 6007 (4.4 km), each as routino-router with the same limits. */
static void test_weight_and_length_limits(void)
{
    cm_geo_point a = {43.7232, 7.3956}, b = {43.7250, 7.4008};
    cm_roads_options options = {"hgv", CM_ROADS_SHORTEST};
    cm_road_leg *free_leg = route_with(&options, a, b);
    g_assert_cmpfloat(fabs(cm_road_leg_distance_m(free_leg) -
                           router_distance_for(a, b, "shortest", "hgv", NULL, NULL)), <=, 10);
    g_assert_cmpstr(cm_road_leg_refs(free_leg)[1], ==, "M 37");
    const double weights[] = {10.1, 12};
    for (size_t i = 0; i < G_N_ELEMENTS(weights); i++) {
        options.weight_t = weights[i];
        cm_road_leg *heavy = route_with(&options, a, b);
        /* routino-router rounds a weight down to its 0.2 t steps, we round
         * up: 0.1 t more makes them agree. */
        char *flag = g_strdup_printf("--weight=%g", weights[i] + 0.1);
        g_assert_cmpfloat(fabs(cm_road_leg_distance_m(heavy) -
                               router_distance_for(a, b, "shortest", "hgv", flag, NULL)), <=, 10);
        g_assert_cmpfloat(cm_road_leg_distance_m(heavy) - cm_road_leg_distance_m(free_leg), >,
                          2500);
        for (const char *const *ref = cm_road_leg_refs(heavy); *ref; ref++)
            g_assert_cmpstr(*ref, !=, "M 37");
        g_free(flag);
        cm_road_leg_free(heavy);
    }
    options.weight_t = 10;
    cm_road_leg *exact = route_with(&options, a, b);
    g_assert_cmpfloat(cm_road_leg_distance_m(exact), ==, cm_road_leg_distance_m(free_leg));
    cm_road_leg_free(exact);
    options.weight_t = 0;
    options.length_m = 9;
    cm_road_leg *longer = route_with(&options, a, b);
    g_assert_cmpfloat(cm_road_leg_distance_m(longer) - cm_road_leg_distance_m(free_leg), >, 2500);
    g_assert_cmpfloat(fabs(cm_road_leg_distance_m(longer) -
                           router_distance_for(a, b, "shortest", "hgv", "--length=9", NULL)), <=,
                      10);
    cm_road_leg_free(longer);
    cm_road_leg_free(free_leg);
}

/* The Basse Corniche (M 6098) is signed maxheight 4.3: 4.3 m passes, 4.4 m
 * goes round, as routino-router. */
static void test_height_limit(void)
{
    cm_geo_point a = {43.7206, 7.3690}, b = {43.7204, 7.3760};
    cm_roads_options options = {"hgv", CM_ROADS_SHORTEST};
    options.height_m = 4.3;
    cm_road_leg *low = route_with(&options, a, b);
    options.height_m = 4.4;
    cm_road_leg *high = route_with(&options, a, b);
    g_assert_cmpfloat(cm_road_leg_distance_m(high) - cm_road_leg_distance_m(low), >, 200);
    g_assert_cmpfloat(fabs(cm_road_leg_distance_m(low) -
                           router_distance_for(a, b, "shortest", "hgv", "--height=4.3", NULL)), <=,
                      10);
    g_assert_cmpfloat(fabs(cm_road_leg_distance_m(high) -
                           router_distance_for(a, b, "shortest", "hgv", "--height=4.4", NULL)), <=,
                      10);
    cm_road_leg_free(low);
    cm_road_leg_free(high);
}

/* With limits set (a profile made anew), oneway streets still bind:
 * Avenue du Professeur Langevin there and back, as routino-router with the
 * same limits, the way back over 1.5 km longer; and for a motorcar, whose
 * profile has no limits of its own. */
static void test_oneway_with_limits(void)
{
    cm_geo_point a = {43.7432, 7.4210}, b = {43.7432, 7.4225};
    const char *vehicles[] = {"hgv", "motorcar"};
    for (size_t v = 0; v < G_N_ELEMENTS(vehicles); v++) {
        cm_roads_options options = {vehicles[v], CM_ROADS_SHORTEST};
        options.weight_t = 12;
        options.height_m = 4;
        cm_road_leg *there = route_with(&options, a, b);
        cm_road_leg *back = route_with(&options, b, a);
        double d_there = cm_road_leg_distance_m(there), d_back = cm_road_leg_distance_m(back);
        g_assert_cmpfloat(d_back - d_there, >, 1500);
        g_assert_cmpfloat(fabs(d_there - router_distance_for(a, b, "shortest", vehicles[v],
                                                             "--weight=12", "--height=4")),
                          <=, 10);
        g_assert_cmpfloat(fabs(d_back - router_distance_for(b, a, "shortest", vehicles[v],
                                                            "--weight=12", "--height=4")),
                          <=, 10);
        cm_road_leg_free(there);
        cm_road_leg_free(back);
    }
}

static void test_limit_parse(void)
{
    double value = 0;
    g_assert_cmpint(cm_roads_limit_parse(context, "--weight", "70", &value), ==, CM_OK);
    g_assert_cmpfloat(value, ==, 70);
    g_assert_cmpint(cm_roads_limit_parse(context, "--height", "4.35", &value), ==, CM_OK);
    g_assert_cmpfloat(value, ==, 4.35);
    const char *bad[][2] = {{"--weight", "0"}, {"--weight", "-3"}, {"--weight", "1001"},
                            {"--height", "4m"}, {"--width", ""}, {"--length", "101"},
                            {"--height", "nan"}, {"--width", "inf"}};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_assert_cmpint(cm_roads_limit_parse(context, bad[i][0], bad[i][1], &value), ==,
                        CM_ERR_INPUT);
        char *expected = g_strdup_printf("bad %s '%s': a number above 0 and at most %s",
                                         bad[i][0], bad[i][1],
                                         strcmp(bad[i][0], "--weight") == 0 ? "1000 (t)"
                                                                            : "100 (m)");
        g_assert_cmpstr(cm_context_message(context), ==, expected);
        g_free(expected);
    }
}

/* A speed cap slower than the profile makes the driving time the road
 * distance at that speed, marked so; a faster one leaves the profile's. */
static void test_speed_cap(void)
{
    cm_roads_options options = {"motorcar", CM_ROADS_QUICKEST};
    cm_road_leg *free_leg = route_with(&options, monaco[2], monaco[14]);
    double profile_s = cm_road_leg_duration_s(free_leg);
    double distance_m = cm_road_leg_distance_m(free_leg);
    g_assert_false(cm_road_leg_time_from_speed(free_leg));
    options.speed_kmh = 20;
    cm_road_leg *slow = route_with(&options, monaco[2], monaco[14]);
    g_assert_true(cm_road_leg_time_from_speed(slow));
    g_assert_cmpfloat(fabs(cm_road_leg_duration_s(slow) - distance_m / 1000.0 / 20 * 3600), <,
                      0.01);
    g_assert_cmpfloat(cm_road_leg_duration_s(slow), >, profile_s);
    options.speed_kmh = 200;
    cm_road_leg *fast = route_with(&options, monaco[2], monaco[14]);
    g_assert_false(cm_road_leg_time_from_speed(fast));
    g_assert_cmpfloat(cm_road_leg_duration_s(fast), ==, profile_s);
    cm_road_leg_free(free_leg);
    cm_road_leg_free(slow);
    cm_road_leg_free(fast);
}

/* Opening refuses, in one line naming the path, a missing directory, a
 * directory without a manifest, a manifest of another format or version,
 * and a database Routino cannot load. */
static void test_open_errors(void)
{
    char *missing = g_build_filename(workdir, "missing.roads", NULL);
    g_assert_null(cm_roads_open(context, missing));
    g_assert_cmpint(cm_context_status(context), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), missing));
    g_assert_nonnull(strstr(cm_context_message(context), "no such directory"));

    char *bad = g_build_filename(workdir, "bad.roads", NULL);
    g_assert_cmpint(g_mkdir_with_parents(bad, 0755), ==, 0);
    g_assert_null(cm_roads_open(context, bad));
    g_assert_nonnull(strstr(cm_context_message(context), "it has no manifest.json"));
    g_assert_nonnull(strstr(cm_context_message(context), bad));

    write_file(bad, "manifest.json", "{\"format\": \"osrm\", \"version\": 1}");
    g_assert_null(cm_roads_open(context, bad));
    g_assert_nonnull(strstr(cm_context_message(context), "not of format \"convoymap-roads\""));

    write_file(bad, "manifest.json", "{\"format\": \"convoymap-roads\", \"version\": 3}");
    g_assert_null(cm_roads_open(context, bad));
    g_assert_nonnull(strstr(cm_context_message(context), "of version 3"));
    g_assert_nonnull(strstr(cm_context_message(context), bad));

    /* A right manifest over no routing database. */
    write_file(bad, "manifest.json", MANIFEST_V1);
    g_assert_null(cm_roads_open(context, bad));
    g_assert_nonnull(strstr(cm_context_message(context), "Routino cannot load"));
    g_assert_nonnull(strstr(cm_context_message(context), bad));
    g_assert_null(strchr(cm_context_message(context), '\n'));
    g_free(missing);
    g_free(bad);
}

/* A second database open at once shares Routino's profiles; closing one
 * leaves the other routing. */
static void test_two_open(void)
{
    cm_roads *other = cm_roads_open(context, roads_path);
    g_assert_nonnull(other);
    cm_roads_free(other);
    cm_road_leg *leg = route_or_fail(monaco[0], monaco[1], CM_ROADS_SHORTEST);
    g_assert_cmpfloat(cm_road_leg_distance_m(leg), >, 300);
    cm_road_leg_free(leg);
}

static char *point_query(cm_geo_point p) { return g_strdup_printf("%.4f,%.4f", p.lat, p.lon); }

/* A scene on roads: its leg is a track along the road, so its distance is
 * the snaps plus the road (to Routino's rounding of segment lengths), its
 * border crossing lies on the road, not on the straight line, and its
 * march table runs on that distance. */
static void test_scene_on_roads(void)
{
    /* Beausoleil (France) to Monaco-Ville. */
    char *queries[] = {point_query(monaco[16]), point_query(monaco[8]), NULL};
    cm_geocoder *geocoder = test_geocoder();
    cm_march_params params;
    cm_march_params_init(&params);
    g_assert_cmpint(cm_march_params_parse(context, "30", "071200ZSEP19", NULL, NULL, NULL,
                                          &params), ==, CM_OK);

    cm_scene *straight = cm_scene_new(context);
    cm_scene_add_route_queries(straight, "R", (const char *const *)queries, 2);
    g_assert_cmpint(cm_scene_resolve(straight, geocoder), ==, CM_OK);

    cm_scene *scene = cm_scene_new(context);
    cm_scene_add_route_queries(scene, "R", (const char *const *)queries, 2);
    cm_roads_options options = {"motorcar", CM_ROADS_SHORTEST};
    cm_scene_set_roads(scene, roads, &options, 0);
    cm_scene_set_march(scene, &params);
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);

    const cm_route *route = cm_scene_route(scene, 0);
    cm_route_leg_roads info;
    g_assert_true(cm_route_leg_roads_get(route, 0, &info));
    g_assert_false(cm_route_leg_roads_get(route, 1, &info));
    g_assert_true(info.on_roads);
    g_assert_null(info.straight_reason);
    double router = router_distance_m(monaco[16], monaco[8], "shortest");
    g_assert_cmpfloat(fabs(info.routino_distance_m - router), <=, 10);
    cm_route_leg leg;
    g_assert_true(cm_route_leg_get(route, 0, &leg));
    double along = info.snap_from_m + info.routino_distance_m + info.snap_to_m;
    g_assert_cmpfloat(fabs(leg.geodesic.distance_m - along), <, 0.04 * along);
    /* One distance per leg: the road distance is the leg's, the length of
     * its line (PROJ's geodesics, connectors included). */
    double line = 0;
    cm_route_segment segment;
    for (size_t i = 0; cm_route_segment_get(route, i, &segment); i++)
        line += segment.geodesic.distance_m;
    g_assert_cmpfloat(info.road_distance_m, ==, leg.geodesic.distance_m);
    g_assert_cmpfloat(fabs(line - leg.geodesic.distance_m), <, 1e-6);
    g_assert_cmpfloat(fabs(info.road_distance_m - info.routino_distance_m), >, 1);
    g_assert_cmpstr(info.vehicle, ==, "motorcar");
    g_assert_cmpstr(info.database, ==, "monaco.roads");
    /* Its azimuths are the straight line's, waypoint to waypoint. */
    cm_geodesic_result direct = cm_geodesic_inverse(leg.from->position, leg.to->position);
    g_assert_cmpfloat(leg.geodesic.azimuth_deg, ==, direct.azimuth_deg);
    g_assert_cmpfloat(leg.geodesic.final_azimuth_deg, ==, direct.final_azimuth_deg);
    g_assert_cmpint(cm_route_distance_kind(route), ==, CM_DISTANCES_ROAD);
    char *distances = cm_route_distances_text(&route, 1);
    g_assert_cmpstr(distances, ==, "road distances on monaco.roads for a motorcar");
    cm_free(distances);
    g_assert_cmpfloat(leg.geodesic.distance_m, >,
                      1.3 * cm_route_total_m(cm_scene_route(straight, 0)));
    g_assert_cmpuint(cm_route_segment_count(route), >, 20);
    g_assert_cmpstr(cm_route_name(route), ==, "R");

    /* One crossing each, France to Monaco, at different places: the road's
     * lies on the road (at its distance along the route). */
    const cm_crossing_list *crossings = cm_scene_crossings(scene, 0);
    const cm_crossing_list *straight_crossings = cm_scene_crossings(straight, 0);
    g_assert_cmpuint(cm_crossing_list_count(crossings), ==, 1);
    g_assert_cmpuint(cm_crossing_list_count(straight_crossings), ==, 1);
    const cm_border_crossing *c = cm_crossing_list_get(crossings, 0);
    const cm_border_crossing *s = cm_crossing_list_get(straight_crossings, 0);
    g_assert_cmpstr(c->from_country, ==, "FRA");
    g_assert_cmpstr(c->to_country, ==, "MCO");
    cm_geo_point on_route = cm_route_point_at(route, c->distance_from_start_m, NULL);
    g_assert_cmpfloat(cm_geodesic_inverse(on_route, c->position).distance_m, <, 1);
    g_assert_cmpfloat(cm_geodesic_inverse(c->position, s->position).distance_m, >, 50);

    /* The march table's RP is at the road distance, reached at 30 km/h. */
    const cm_march_table *march = cm_scene_march(scene, 0);
    const cm_march_point *rp = cm_march_table_waypoint(march, 1);
    g_assert_cmpfloat(fabs(rp->distance_m - leg.geodesic.distance_m), <, 0.5);
    g_assert_cmpint(llabs(rp->driving_s - (int64_t)lround(leg.geodesic.distance_m / (30 / 3.6))),
                    <=, 1);

    /* The text and JSON reports carry the road leg. */
    char *text = cm_scene_report(scene, CM_REPORT_TEXT, CM_UNITS_KM);
    g_assert_nonnull(strstr(text, "On roads\n"));
    char *json = cm_scene_report(scene, CM_REPORT_JSON, CM_UNITS_KM);
    g_assert_nonnull(strstr(json, "\"roads\": {\"on_roads\": true, \"straight_distance_km\": "));
    char *expected = g_strdup_printf("\"road_distance_km\": %.3f, \"routino_distance_km\": %.3f",
                                     leg.geodesic.distance_m / 1000, info.routino_distance_m / 1000);
    g_assert_nonnull(strstr(json, expected));
    g_free(expected);
    g_assert_nonnull(strstr(json, "\"distances\": \"road\""));
    g_assert_nonnull(strstr(text, "Distances: road distances on monaco.roads for a motorcar"));
    g_assert_nonnull(strstr(json, "\"refs\": \"\", \"roads\": \""));
    cm_free(text);
    cm_free(json);
    cm_scene_free(straight);
    cm_scene_free(scene);
    g_free(queries[0]);
    g_free(queries[1]);
}

/* A waypoint at sea fails the scene naming it, or with allow_straight
 * leaves its leg geodesic, marked so, while the other leg is on roads. */
static void test_scene_allow_straight(void)
{
    char *queries[] = {point_query(monaco[0]), point_query(monaco[12]), point_query(sea), NULL};
    cm_geocoder *geocoder = test_geocoder();
    cm_scene *scene = cm_scene_new(context);
    cm_scene_add_route_queries(scene, "R", (const char *const *)queries, 3);
    cm_scene_set_roads(scene, roads, NULL, 0);
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "no road for a motorcar within 1 km of 43.7000,7.4500"));

    cm_scene_set_roads(scene, roads, NULL, 1);
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    const cm_route *route = cm_scene_route(scene, 0);
    cm_route_leg_roads info;
    g_assert_true(cm_route_leg_roads_get(route, 0, &info));
    g_assert_true(info.on_roads);
    g_assert_true(cm_route_leg_roads_get(route, 1, &info));
    g_assert_false(info.on_roads);
    g_assert_nonnull(strstr(info.straight_reason, "no road for a motorcar within 1 km of 43.7000,7.4500"));
    cm_route_leg leg;
    g_assert_true(cm_route_leg_get(route, 1, &leg));
    g_assert_cmpfloat(leg.geodesic.distance_m, ==,
                      cm_geodesic_inverse(leg.from->position, leg.to->position).distance_m);
    cm_route_segment segment;
    size_t straight_segments = 0;
    for (size_t i = 0; cm_route_segment_get(route, i, &segment); i++)
        straight_segments += segment.leg == 1;
    g_assert_cmpuint(straight_segments, ==, 1);
    char *json = cm_scene_report(scene, CM_REPORT_JSON, CM_UNITS_KM);
    g_assert_nonnull(strstr(json, "\"roads\": {\"on_roads\": false, "));
    g_assert_nonnull(strstr(json, "\"straight_reason\": \"no road for a motorcar within 1 km of"));
    g_assert_nonnull(strstr(json, "\"distances\": \"mixed\""));
    cm_free(json);
    g_assert_cmpint(cm_route_distance_kind(route), ==, CM_DISTANCES_MIXED);
    char *distances = cm_route_distances_text(&route, 1);
    g_assert_cmpstr(distances, ==, "mixed distances: road (monaco.roads, motorcar) and straight (WGS84)");
    cm_free(distances);

    /* Without roads the scene is as before: no road information. */
    cm_scene_set_roads(scene, NULL, NULL, 0);
    g_assert_cmpint(cm_scene_resolve(scene, geocoder), ==, CM_OK);
    g_assert_false(cm_route_leg_roads_get(cm_scene_route(scene, 0), 0, &info));
    cm_scene_free(scene);
    for (char **query = queries; *query; query++)
        g_free(*query);
}

/* Builds workdir/monaco.roads from the shared extract with planetsplitter
 * and the agreed manifest; FALSE when the extract is absent. */
static gboolean build_database(void)
{
    char *extract = g_build_filename(g_getenv("G_TEST_SRCDIR"), "..", "..", "shared", "data",
                                     "monaco.osm.pbf", NULL);
    if (!g_file_test(extract, G_FILE_TEST_EXISTS)) {
        if (g_strcmp0(g_getenv("CI"), "true") == 0)
            g_error("missing %s", extract);
        printf("1..0 # SKIP no %s\n", extract);
        g_free(extract);
        return FALSE;
    }
    workdir = g_dir_make_tmp("test-roads-XXXXXX", NULL);
    roads_path = g_build_filename(workdir, "monaco.roads", NULL);
    routino_dir = g_build_filename(roads_path, "routino", NULL);
    g_assert_cmpint(g_mkdir_with_parents(routino_dir, 0755), ==, 0);
    char *dir = g_strdup_printf("--dir=%s", routino_dir);
    char *argv[] = {"planetsplitter", dir, "--prefix=roads",
                    "--tagging=/usr/share/routino/tagging.xml", "--loggable", extract, NULL};
    g_free(run(argv));
    write_file(roads_path, "manifest.json", MANIFEST_V1);
    g_free(dir);
    g_free(extract);
    return TRUE;
}

static void remove_tree(const char *path)
{
    char *argv[] = {"rm", "-rf", (char *)path, NULL};
    g_free(run(argv));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    if (!build_database())
        return 0;
    context = test_context();
    roads = cm_roads_open(context, roads_path);
    if (!roads)
        g_error("cannot open %s: %s", roads_path, cm_context_message(context));
    g_test_add_func("/roads/same-as-routino-router", test_same_as_routino_router);
    g_test_add_func("/roads/quickest-and-shortest", test_quickest_and_shortest);
    g_test_add_func("/roads/oneway", test_oneway);
    g_test_add_func("/roads/refs", test_refs);
    g_test_add_func("/roads/snap-distance", test_snap_distance);
    g_test_add_func("/roads/no-road-near", test_no_road_near);
    g_test_add_func("/roads/vehicles", test_vehicles);
    g_test_add_func("/roads/weight-and-length-limits", test_weight_and_length_limits);
    g_test_add_func("/roads/height-limit", test_height_limit);
    g_test_add_func("/roads/oneway-with-limits", test_oneway_with_limits);
    g_test_add_func("/roads/limit-parse", test_limit_parse);
    g_test_add_func("/roads/speed-cap", test_speed_cap);
    g_test_add_func("/roads/open-errors", test_open_errors);
    g_test_add_func("/roads/two-open", test_two_open);
    g_test_add_func("/roads/scene-on-roads", test_scene_on_roads);
    g_test_add_func("/roads/scene-allow-straight", test_scene_allow_straight);
    int status = g_test_run();
    cm_roads_free(roads);
    test_fixture_free();
    remove_tree(workdir);
    g_free(routino_dir);
    g_free(roads_path);
    g_free(workdir);
    return status;
}
