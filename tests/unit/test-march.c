/* March tables: DTG and ISO 8601 times, halt rules, the column's road
 * space and pass time, and the head's and tail's times at every point,
 * checked against values worked out by hand. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "convoymap/convoymap.h"
#include "test-support.h"

static cm_context *context;
static cm_geocoder *geocoder;

static cm_time parse_ok(const char *text)
{
    cm_time time;
    if (cm_time_parse(context, text, &time) != CM_OK)
        g_error("%s", cm_context_message(context));
    return time;
}

/* Asserts that text is refused as an input error whose message names it
 * and contains fragment. */
static void assert_time_refused(const char *text, const char *fragment)
{
    cm_time time;
    cm_context_clear_error(context);
    g_assert_cmpint(cm_time_parse(context, text, &time), ==, CM_ERR_INPUT);
    g_test_message("%s", cm_context_message(context));
    g_assert_nonnull(strstr(cm_context_message(context), text));
    g_assert_nonnull(strstr(cm_context_message(context), fragment));
}

static void assert_dtg(cm_time time, const char *expected)
{
    char *dtg = cm_time_format_dtg(time);
    g_assert_cmpstr(dtg, ==, expected);
    cm_free(dtg);
}

static void assert_iso(cm_time time, const char *expected)
{
    char *iso = cm_time_format_iso(time);
    g_assert_cmpstr(iso, ==, expected);
    cm_free(iso);
}

/* 2019-09-07T12:00:00Z, as `date -u -d 2019-09-07T12:00Z +%s` prints it. */
#define SEP07_1200Z INT64_C(1567857600)

static void test_dtg_parse_and_format(void)
{
    cm_time z = parse_ok("071200ZSEP19");
    g_assert_cmpint(z.unix_s, ==, SEP07_1200Z);
    g_assert_cmpint(z.utc_offset_s, ==, 0);
    assert_dtg(z, "071200ZSEP19");
    assert_iso(z, "2019-09-07T12:00Z");

    cm_time c = parse_ok("071500CSEP19");
    g_assert_cmpint(c.unix_s, ==, SEP07_1200Z);
    g_assert_cmpint(c.utc_offset_s, ==, 3 * 3600);
    assert_dtg(c, "071500CSEP19");
    assert_iso(c, "2019-09-07T15:00+03:00");

    cm_time n = parse_ok("071100NSEP19");
    g_assert_cmpint(n.unix_s, ==, SEP07_1200Z);
    assert_dtg(n, "071100NSEP19");
    assert_iso(n, "2019-09-07T11:00-01:00");

    cm_time m = parse_ok("080000MSEP19");
    g_assert_cmpint(m.unix_s, ==, SEP07_1200Z);
    assert_dtg(m, "080000MSEP19");

    cm_time y = parse_ok("070000YSEP19");
    g_assert_cmpint(y.unix_s, ==, SEP07_1200Z);
    assert_dtg(y, "070000YSEP19");
    assert_iso(y, "2019-09-07T00:00-12:00");

    /* With seconds, and lower case. */
    cm_time seconds = parse_ok("07120045zsep19");
    g_assert_cmpint(seconds.unix_s, ==, SEP07_1200Z + 45);
    /* Written to the nearest minute. */
    assert_dtg(seconds, "071201ZSEP19");
    assert_dtg(cm_time_add(z, 29), "071200ZSEP19");
}

static void test_dtg_across_midnight_and_month_ends(void)
{
    assert_dtg(cm_time_add(parse_ok("312200ZJAN19"), 5 * 3600), "010300ZFEB19");
    /* 2020 is a leap year, 2019 is not: two hours after 282300Z is still
     * February in 2020, and March in 2019. */
    assert_dtg(cm_time_add(parse_ok("282300ZFEB20"), 2 * 3600), "290100ZFEB20");
    assert_dtg(cm_time_add(parse_ok("292300ZFEB20"), 2 * 3600), "010100ZMAR20");
    assert_dtg(cm_time_add(parse_ok("282300ZFEB19"), 2 * 3600), "010100ZMAR19");
    /* Year end, in a zone east of UTC. */
    assert_dtg(cm_time_add(parse_ok("312330CDEC19"), 3600), "010030CJAN20");
    assert_iso(cm_time_add(parse_ok("312330CDEC19"), 3600), "2020-01-01T00:30+03:00");
}

static void test_time_refusals(void)
{
    assert_time_refused("071200JSEP19", "zone J");
    assert_time_refused("290000ZFEB19", "not a valid date");
    assert_time_refused("072500ZSEP19", "not a valid date");
    assert_time_refused("071200ZSPE19", "month");
    assert_time_refused("tomorrow", "neither a DTG");
    assert_time_refused("", "neither a DTG");
    assert_time_refused("2019-09-07T15:00", "no UTC offset");
    assert_time_refused("2019-13-07T15:00Z", "neither a DTG");
}

static void test_iso_8601(void)
{
    cm_time z = parse_ok("2019-09-07T12:00Z");
    g_assert_cmpint(z.unix_s, ==, SEP07_1200Z);
    g_assert_cmpint(z.utc_offset_s, ==, 0);
    cm_time c = parse_ok("2019-09-07T15:00+03:00");
    g_assert_cmpint(c.unix_s, ==, SEP07_1200Z);
    g_assert_cmpint(c.utc_offset_s, ==, 3 * 3600);
    assert_dtg(c, "071500CSEP19");
    cm_time with_seconds = parse_ok("2019-09-07T12:00:00Z");
    g_assert_cmpint(with_seconds.unix_s, ==, SEP07_1200Z);
    /* A half-hour offset has no zone letter: the DTG is written in Z, the
     * ISO form keeps the offset. */
    cm_time india = parse_ok("2019-09-07T17:30+05:30");
    g_assert_cmpint(india.unix_s, ==, SEP07_1200Z);
    assert_dtg(india, "071200ZSEP19");
    assert_iso(india, "2019-09-07T17:30+05:30");
}

static void test_zone_letters(void)
{
    g_assert_cmpint(cm_zone_letter(0), ==, 'Z');
    g_assert_cmpint(cm_zone_letter(3600), ==, 'A');
    g_assert_cmpint(cm_zone_letter(3 * 3600), ==, 'C');
    g_assert_cmpint(cm_zone_letter(9 * 3600), ==, 'I');
    g_assert_cmpint(cm_zone_letter(10 * 3600), ==, 'K');
    g_assert_cmpint(cm_zone_letter(12 * 3600), ==, 'M');
    g_assert_cmpint(cm_zone_letter(-3600), ==, 'N');
    g_assert_cmpint(cm_zone_letter(-12 * 3600), ==, 'Y');
    g_assert_cmpint(cm_zone_letter(1800), ==, '\0');
    g_assert_cmpint(cm_zone_letter(13 * 3600), ==, '\0');
}

static void test_halt_rules(void)
{
    cm_halt_rule rule;
    g_assert_cmpint(cm_halt_rule_parse(context, "15m/2h", &rule), ==, CM_OK);
    g_assert_cmpint(rule.halt_s, ==, 900);
    g_assert_cmpint(rule.every_s, ==, 7200);
    g_assert_cmpint(cm_halt_rule_parse(context, "10m/1h30m", &rule), ==, CM_OK);
    g_assert_cmpint(rule.halt_s, ==, 600);
    g_assert_cmpint(rule.every_s, ==, 5400);
    g_assert_cmpint(cm_halt_rule_parse(context, "0", &rule), ==, CM_OK);
    g_assert_cmpint(rule.halt_s, ==, 0);
    g_assert_cmpint(rule.every_s, ==, 0);
    const char *bad[] = {"15m", "15/2h", "m/2h", "15m/0h", "15m/2h/1h", "", "-5m/1h",
                         "15m/25h", "15m/2h "};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        cm_context_clear_error(context);
        g_assert_cmpint(cm_halt_rule_parse(context, bad[i], &rule), ==, CM_ERR_INPUT);
        g_assert_nonnull(strstr(cm_context_message(context), bad[i]));
    }
}

static void assert_params_refused(const char *speed, const char *halt, const char *vehicles,
                                  const char *gap, const char *fragment)
{
    cm_march_params params;
    cm_march_params_init(&params);
    cm_context_clear_error(context);
    g_assert_cmpint(cm_march_params_parse(context, speed, "071200ZSEP19", halt, vehicles, gap,
                                          &params), ==, CM_ERR_INPUT);
    g_test_message("%s", cm_context_message(context));
    g_assert_nonnull(strstr(cm_context_message(context), fragment));
}

static void test_params(void)
{
    cm_march_params params;
    cm_march_params_init(&params);
    g_assert_cmpint(cm_march_params_parse(context, "40", "071500CSEP19", NULL, NULL, NULL,
                                          &params), ==, CM_OK);
    g_assert_cmpfloat(params.speed_kmh, ==, 40);
    g_assert_cmpint(params.start.unix_s, ==, SEP07_1200Z);
    g_assert_cmpint(params.vehicles, ==, 1);
    g_assert_cmpfloat(params.gap_m, ==, 100);
    g_assert_cmpint(params.halts.every_s, ==, 0);
    assert_params_refused("0", NULL, NULL, NULL, "speed 0 km/h");
    assert_params_refused("-5", NULL, NULL, NULL, "speed -5 km/h");
    assert_params_refused("250", NULL, NULL, NULL, "speed 250 km/h");
    assert_params_refused("fast", NULL, NULL, NULL, "speed 'fast'");
    assert_params_refused("nan", NULL, NULL, NULL, "speed 'nan'");
    assert_params_refused("40", "15m", NULL, NULL, "halt rule '15m'");
    assert_params_refused("40", NULL, "0", NULL, "vehicle count 0");
    assert_params_refused("40", NULL, "12a", NULL, "vehicle count '12a'");
    assert_params_refused("40", NULL, NULL, "-1", "gap -1 m");
    assert_params_refused("40", NULL, NULL, "wide", "gap 'wide'");
    cm_march_params_init(&params);
    cm_context_clear_error(context);
    g_assert_cmpint(cm_march_params_parse(context, "40", NULL, NULL, NULL, NULL, &params), ==,
                    CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "start"));
}

/* A route along one geodesic through the desert, with waypoints at the
 * given distances from its start. */
static cm_route *straight_route(const double *km, size_t n)
{
    cm_route *route = cm_route_new("straight");
    cm_geo_point origin = {32.0, 38.0};
    for (size_t i = 0; i < n; i++) {
        char *name = g_strdup_printf("km %g", km[i]);
        cm_place place = {name, "coordinate", "", "test",
                          cm_geodesic_direct(origin, 80, km[i] * 1000)};
        cm_route_add_waypoint(route, &place);
        g_free(name);
    }
    return route;
}

static cm_march_table *table_of(const cm_route *route, const cm_crossing_list *crossings,
                                const char *speed, const char *start, const char *halt,
                                const char *vehicles, const char *gap)
{
    cm_march_params params;
    cm_march_params_init(&params);
    cm_march_table *table;
    if (cm_march_params_parse(context, speed, start, halt, vehicles, gap, &params) != CM_OK ||
        cm_march_table_new(context, route, crossings, &params, &table) != CM_OK)
        g_error("%s", cm_context_message(context));
    for (size_t i = 0; i < cm_march_table_count(table); i++) {
        const cm_march_point *p = cm_march_table_get(table, i);
        g_test_message("%-6s %-28s %8.3f km  %6" G_GINT64_FORMAT " s  %d halts  due %s  "
                       "clear %s", p->point, p->name, p->distance_m / 1000, p->driving_s,
                       p->halts, p->due_dtg, p->clear_dtg);
    }
    return table;
}

/* 120 km at 40 km/h with 15 min every hour: 3 h driving, halts after 1 h
 * and 2 h but not at the RP arrival after 3 h, so the RP is due at 3:30. */
static void test_halts_add_up(void)
{
    const double km[] = {0, 40, 120};
    cm_route *route = straight_route(km, 3);
    cm_march_table *table = table_of(route, NULL, "40", "071200ZSEP19", "15m/1h", "20", "100");
    g_assert_cmpuint(cm_march_table_count(table), ==, 3);
    const cm_march_point *sp = cm_march_table_get(table, 0);
    const cm_march_point *cp = cm_march_table_get(table, 1);
    const cm_march_point *rp = cm_march_table_get(table, 2);
    g_assert_cmpstr(sp->point, ==, "SP");
    g_assert_cmpstr(cp->point, ==, "CP1");
    g_assert_cmpstr(rp->point, ==, "RP");
    g_assert_cmpstr(cp->name, ==, "km 40");
    g_assert_true(cm_march_table_waypoint(table, 1) == cp);

    g_assert_cmpint(sp->driving_s, ==, 0);
    g_assert_cmpint(sp->halts, ==, 0);
    g_assert_cmpstr(sp->due_dtg, ==, "071200ZSEP19");
    /* The CP is reached after exactly 1 h: that halt comes after it. */
    g_assert_cmpint(cp->driving_s, ==, 3600);
    g_assert_cmpint(cp->halts, ==, 0);
    g_assert_cmpstr(cp->due_dtg, ==, "071300ZSEP19");
    g_assert_cmpint(rp->driving_s, ==, 3 * 3600);
    g_assert_cmpint(rp->halts, ==, 2);
    g_assert_cmpint(rp->halt_s, ==, 30 * 60);
    g_assert_cmpint(rp->due.unix_s - sp->due.unix_s, ==, 3 * 3600 + 30 * 60);
    g_assert_cmpstr(rp->due_dtg, ==, "071530ZSEP19");
    g_assert_cmpstr(rp->due_iso, ==, "2019-09-07T15:30Z");

    /* 20 vehicles 100 m apart: 2 km of column, 3 min to pass at 40 km/h.
     * The tail clears the CP at 1:03 of driving, after the halt at 1:00. */
    const cm_march_column *column = cm_march_table_column(table);
    g_assert_cmpfloat(fabs(column->road_space_m - 2000), <, 1e-9);
    g_assert_cmpint(column->pass_s, ==, 180);
    g_assert_cmpstr(sp->clear_dtg, ==, "071203ZSEP19");
    g_assert_cmpstr(cp->clear_dtg, ==, "071318ZSEP19");
    g_assert_cmpstr(rp->clear_dtg, ==, "071533ZSEP19");
    g_assert_cmpstr(column->completion_dtg, ==, "071533ZSEP19");
    g_assert_cmpstr(column->completion_iso, ==, "2019-09-07T15:33Z");
    g_assert_cmpstr(cm_march_table_serial(table), ==, "straight");
    cm_march_table_free(table);
    cm_route_free(route);

    /* 130 km drives 3:15, past the third full hour: three halts, 4:00. */
    const double longer[] = {0, 130};
    route = straight_route(longer, 2);
    table = table_of(route, NULL, "40", "071500CSEP19", "15m/1h", NULL, NULL);
    rp = cm_march_table_get(table, 1);
    g_assert_cmpint(rp->halts, ==, 3);
    g_assert_cmpstr(rp->due_dtg, ==, "071900CSEP19");
    g_assert_cmpstr(rp->due_iso, ==, "2019-09-07T19:00+03:00");
    cm_march_table_free(table);
    cm_route_free(route);
}

/* 155 km of column at 30 km/h passes a point in 5 h 10 min: just over 5 h.
 * A 100 m gap is 10 vehicles per km, so that is 1550 vehicles. */
static void test_column_pass_time(void)
{
    const double km[] = {0, 60};
    cm_route *route = straight_route(km, 2);
    cm_march_table *table = table_of(route, NULL, "30", "071200ZSEP19", "0", "1550", "100");
    const cm_march_column *column = cm_march_table_column(table);
    g_assert_cmpint(column->vehicles, ==, 1550);
    g_assert_cmpfloat(fabs(column->road_space_m - 155000), <, 1e-6);
    g_assert_cmpint(column->pass_s, ==, 5 * 3600 + 10 * 60);
    g_assert_cmpfloat(fabs(column->pass_s / 3600.0 - 5.17), <, 0.005);
    /* 60 km at 30 km/h: the head is at the RP at 14:00, the tail at 19:10. */
    g_assert_cmpstr(cm_march_table_get(table, 1)->due_dtg, ==, "071400ZSEP19");
    g_assert_cmpstr(column->completion_dtg, ==, "071910ZSEP19");
    cm_march_table_free(table);

    table = table_of(route, NULL, "30", "071200ZSEP19", NULL, "10", "100");
    g_assert_cmpfloat(fabs(cm_march_table_column(table)->road_space_m - 1000), <, 1e-9);
    cm_march_table_free(table);
    cm_route_free(route);
}

static void test_refusals(void)
{
    const double km[] = {0};
    cm_route *route = straight_route(km, 1);
    cm_march_params params;
    cm_march_params_init(&params);
    params.speed_kmh = 40;
    cm_march_table *table = NULL;
    g_assert_cmpint(cm_march_table_new(context, route, NULL, &params, &table), ==,
                    CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "two waypoints"));
    g_assert_null(table);
    cm_route_free(route);

    /* 120 km at 10 m/h is 12000 h of driving, more than a year. */
    const double km2[] = {0, 120};
    route = straight_route(km2, 2);
    params.speed_kmh = 0.01;
    cm_context_clear_error(context);
    g_assert_cmpint(cm_march_table_new(context, route, NULL, &params, &table), ==,
                    CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "more than a year"));
    /* Three hours from the last noon of the year 9999 is past it. */
    params.speed_kmh = 40;
    g_assert_cmpint(cm_time_parse(context, "9999-12-31T12:00Z", &params.start), ==, CM_OK);
    g_assert_cmpint(cm_march_table_new(context, route, NULL, &params, &table), ==,
                    CM_ERR_INPUT);
    g_assert_nonnull(strstr(cm_context_message(context), "9999"));
    g_assert_null(table);
    cm_route_free(route);
}

/* The reference convoy: Amman (SP), the border at Trebil (a critical point
 * just before the crossing site itself, CP1), Ar Rutbah (CP2), Ayn al-Asad
 * (RP). */
static void test_reference_route(void)
{
    const char *const stops[] = {"Amman", "Trebil", "Ar Rutbah", "Ayn al-Asad"};
    cm_route *route;
    if (cm_route_new_from_queries(geocoder, "Serial 1", stops, 4, &route) != CM_OK)
        g_error("%s", cm_context_message(context));
    cm_crossing_list *crossings;
    g_assert_cmpint(cm_route_find_crossings(context, route, geocoder, &crossings), ==, CM_OK);
    cm_march_table *table = table_of(route, crossings, "40", "071500CSEP19", "15m/2h", "60",
                                     "100");
    g_assert_cmpuint(cm_march_table_count(table), ==, 5);
    const char *points[] = {"SP", "CRIT1", "CP1", "CP2", "RP"};
    const char *names[] = {"Amman", "Trebil", "Trebil border crossing", "Ar Rutbah",
                           "Ayn al-Asad Air Base"};
    double last = -1;
    for (size_t i = 0; i < 5; i++) {
        const cm_march_point *p = cm_march_table_get(table, i);
        g_assert_cmpstr(p->point, ==, points[i]);
        g_assert_nonnull(strstr(p->name, names[i]));
        g_assert_cmpfloat(p->distance_m, >, last);
        last = p->distance_m;
    }
    const cm_march_point *crit = cm_march_table_get(table, 1);
    g_assert_true(crit->is_crossing);
    g_assert_cmpfloat(fabs(crit->distance_m - cm_crossing_list_get(crossings, 0)->distance_from_start_m),
                      <, 1e-6);
    /* The route is 642.20 km: 16 h 03 min 18 s at 40 km/h, with halts after
     * 2, 4, ... 16 h of driving: 8 of 15 min, so the RP is due 18:03 after
     * 15:00C, at 09:03C the next day. */
    const cm_march_point *rp = cm_march_table_get(table, 4);
    g_assert_cmpfloat(fabs(cm_route_total_m(route) - 642204), <, 100);
    g_assert_cmpint(rp->halts, ==, 8);
    g_assert_cmpstr(rp->due_dtg, ==, "080903CSEP19");
    g_assert_cmpstr(rp->due_iso, ==, "2019-09-08T09:03+03:00");
    /* 60 vehicles at 100 m: 6 km, 9 min at 40 km/h. */
    g_assert_cmpint(cm_march_table_column(table)->pass_s, ==, 9 * 60);
    g_assert_cmpstr(cm_march_table_column(table)->completion_dtg, ==, "080912CSEP19");
    /* The crossing at about 298.5 km: 7 h 28 min driving, 3 halts. */
    g_assert_cmpint(crit->halts, ==, 3);
    g_assert_cmpstr(crit->due_dtg, ==, "072313CSEP19");
    cm_march_table_free(table);
    cm_crossing_list_free(crossings);
    cm_route_free(route);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    context = test_context();
    geocoder = test_geocoder();
    g_test_add_func("/march/dtg", test_dtg_parse_and_format);
    g_test_add_func("/march/dtg-month-ends", test_dtg_across_midnight_and_month_ends);
    g_test_add_func("/march/time-refusals", test_time_refusals);
    g_test_add_func("/march/iso-8601", test_iso_8601);
    g_test_add_func("/march/zone-letters", test_zone_letters);
    g_test_add_func("/march/halt-rules", test_halt_rules);
    g_test_add_func("/march/params", test_params);
    g_test_add_func("/march/halts-add-up", test_halts_add_up);
    g_test_add_func("/march/column-pass-time", test_column_pass_time);
    g_test_add_func("/march/refusals", test_refusals);
    g_test_add_func("/march/reference-route", test_reference_route);
    return test_run();
}
