/* Route reports in text, CSV, JSON and GeoJSON. Numbers are written with
 * g_ascii_formatd so that the caller's locale never turns a decimal point
 * into a comma; GeoJSON is written by GDAL's own driver, through the GDAL
 * module (ogr-loader.h). */
#include "internal.h"

#include <math.h>
#include <string.h>

#include "json.h"
#include "ogr-loader.h"

/* Geodesic legs in GeoJSON are densified to this step. */
#define GEOJSON_STEP_M 1000.0

cm_status cm_report_format_parse(cm_context *context, const char *text,
                                 cm_report_format *format)
{
    static const char *const names[] = {"text", "csv", "json", "geojson"};
    int i = cm_keyword_index(text, names, G_N_ELEMENTS(names));
    if (i >= 0) {
        *format = (cm_report_format)i;
        return CM_OK;
    }
    return cm_fail(context, CM_ERR_INPUT, "format '%s' is not text, csv, json or geojson", text);
}

/* A point of interest along a route, in travel order: a waypoint (SP, CP,
 * RP) or a border crossing (a critical point). */
typedef struct route_event {
    const char *kind;   /* "waypoint" or "crossing" */
    const char *role;   /* "SP", "CP", "RP" or "CRIT" */
    const char *name;
    const char *name_ar; /* NULL when the place or crossing has none */
    cm_geo_point position;
    size_t leg;         /* the leg it starts (waypoint) or lies on (crossing) */
    double distance_m;  /* from the start, along the route */
    const cm_border_crossing *crossing;
    const cm_march_point *march; /* its row of the march table, or NULL */
} route_event;

static gint compare_events(gconstpointer a, gconstpointer b)
{
    const route_event *ea = a, *eb = b;
    if (ea->distance_m != eb->distance_m)
        return ea->distance_m < eb->distance_m ? -1 : 1;
    /* At the same spot the waypoint comes first. */
    return strcmp(ea->kind, eb->kind) > 0 ? 1 : strcmp(ea->kind, eb->kind) < 0 ? -1 : 0;
}

/* The march table's row of crossing i, or NULL. */
static const cm_march_point *march_crossing(const cm_march_table *march, size_t i)
{
    for (size_t r = 0; march && r < cm_march_table_count(march); r++) {
        const cm_march_point *p = cm_march_table_get(march, r);
        if (p->is_crossing && p->index == i)
            return p;
    }
    return NULL;
}

static GArray *route_events(const cm_route_report *report)
{
    GArray *events = g_array_new(FALSE, TRUE, sizeof(route_event));
    size_t n = cm_route_waypoint_count(report->route);
    double along = 0;
    for (size_t i = 0; i < n; i++) {
        const cm_place *place = cm_route_waypoint(report->route, i);
        gboolean last = i + 1 == n && n > 1;
        /* The release point starts no leg: it belongs to the one arriving. */
        route_event event = {"waypoint", i == 0 ? "SP" : last ? "RP" : "CP", place->name,
                             place->name_ar, place->position, last ? i - 1 : i, along, NULL,
                             report->march ? cm_march_table_waypoint(report->march, i) : NULL};
        g_array_append_val(events, event);
        cm_route_leg leg;
        if (cm_route_leg_get(report->route, i, &leg))
            along += leg.geodesic.distance_m;
    }
    for (size_t i = 0; report->crossings && i < cm_crossing_list_count(report->crossings); i++) {
        const cm_border_crossing *c = cm_crossing_list_get(report->crossings, i);
        route_event event = {"crossing", "CRIT", c->name, c->name_ar, c->position, c->leg,
                             c->distance_from_start_m, c, march_crossing(report->march, i)};
        g_array_append_val(events, event);
    }
    g_array_sort(events, compare_events);
    return events;
}

static void append_number(GString *out, double value, const char *format)
{
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, g_ascii_formatd(buffer, sizeof buffer, format, value));
}

/* Appends text padded with spaces to width characters (not bytes, so that
 * UTF-8 names align). */
static void append_padded(GString *out, const char *text, int width)
{
    g_string_append(out, text);
    for (int pad = width - (int)g_utf8_strlen(text, -1); pad > 0; pad--)
        g_string_append_c(out, ' ');
}

static void append_right(GString *out, double value, const char *format, int width)
{
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buffer, sizeof buffer, format, value);
    for (int pad = width - (int)strlen(buffer); pad > 0; pad--)
        g_string_append_c(out, ' ');
    g_string_append(out, buffer);
}

/* Appends seconds as H:MM:SS. */
static void append_duration(GString *out, double seconds)
{
    long total = lround(seconds);
    g_string_append_printf(out, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
}

/* Marks a driving time that is the road distance at the march's speed. */
#define TIME_FROM_SPEED_MARK '*'

/* What a leg's driving time comes from, as JSON, CSV and GeoJSON say it. */
static const char *time_from(const cm_route_leg_roads *roads)
{
    return roads->time_from_speed ? "speed" : "profile";
}

/* The legs' road distances, straight distances, driving times and snap
 * distances, when the route was routed on roads. */
static void text_roads(GString *out, const cm_route *route, cm_units units)
{
    cm_route_leg_roads roads;
    if (!cm_route_leg_roads_get(route, 0, &roads))
        return;
    gboolean from_speed = FALSE;
    const char *unit = cm_units_symbol(units);
    g_string_append(out, "On roads\nLeg      Road  Straight      Time  Snap from  Snap to  Road numbers\n");
    cm_route_leg leg;
    for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
        cm_route_leg_roads_get(route, i, &roads);
        double straight = cm_geodesic_inverse(leg.from->position, leg.to->position).distance_m;
        g_string_append_printf(out, "%3zu  ", i + 1);
        if (roads.on_roads) {
            append_right(out, cm_units_from_metres(units, roads.road_distance_m), "%.2f", 6);
            g_string_append_printf(out, " %-3s", unit);
        } else {
            g_string_append_printf(out, "%6s %-3s", "-", "");
        }
        append_right(out, cm_units_from_metres(units, straight), "%.2f", 6);
        g_string_append_printf(out, " %-3s", unit);
        if (!roads.on_roads) {
            g_string_append_printf(out, "  straight: %s\n", roads.straight_reason);
            continue;
        }
        g_string_append(out, "  ");
        append_duration(out, roads.duration_s);
        g_string_append_c(out, roads.time_from_speed ? TIME_FROM_SPEED_MARK : ' ');
        from_speed = from_speed || roads.time_from_speed;
        append_right(out, roads.snap_from_m, "%.0f", 8);
        g_string_append(out, " m");
        append_right(out, roads.snap_to_m, "%.0f", 7);
        g_string_append_printf(out, " m  %s\n", *roads.refs ? roads.refs : "-");
    }
    if (from_speed)
        g_string_append_printf(out, "%c driving time at the march's speed, slower than the "
                                    "vehicle profile's\n", TIME_FROM_SPEED_MARK);
    char *distances = cm_route_distances_text(&route, 1);
    /* Connectors join a waypoint to its road: a leg kept straight has none. */
    g_string_append_printf(out, "Distances: %s%s; azimuths straight, waypoint to waypoint\n",
                           distances,
                           cm_route_distance_kind(route) == CM_DISTANCES_GEODESIC
                               ? ""
                               : ", snap connectors included");
    g_free(distances);
}

static void text_route(GString *out, const cm_route_report *report, cm_units units)
{
    const cm_route *route = report->route;
    const char *unit = cm_units_symbol(units);
    cm_route_leg leg;
    int from_width = 4, to_width = 2;
    for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
        from_width = MAX(from_width, (int)g_utf8_strlen(leg.from->name, -1));
        to_width = MAX(to_width, (int)g_utf8_strlen(leg.to->name, -1));
    }
    g_string_append_printf(out, "%s\n", cm_route_name(route));
    g_string_append(out, "Leg  ");
    append_padded(out, "From", from_width + 2);
    append_padded(out, "To", to_width + 2);
    g_string_append_printf(out, "%10s  Azimuth  Final az\n", "Distance");
    for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
        g_string_append_printf(out, "%3zu  ", i + 1);
        append_padded(out, leg.from->name, from_width + 2);
        append_padded(out, leg.to->name, to_width + 2);
        append_right(out, cm_units_from_metres(units, leg.geodesic.distance_m), "%.1f", 6);
        g_string_append_printf(out, " %-3s", unit);
        append_right(out, leg.geodesic.azimuth_deg, "%.1f", 8);
        g_string_append(out, "°");
        append_right(out, leg.geodesic.final_azimuth_deg, "%.1f", 9);
        g_string_append(out, "°\n");
    }
    g_string_append(out, "Total");
    for (int pad = from_width + to_width + 4; pad > 0; pad--)
        g_string_append_c(out, ' ');
    append_right(out, cm_units_from_metres(units, cm_route_total_m(route)), "%.1f", 6);
    g_string_append_printf(out, " %s\n", unit);
    text_roads(out, route, units);
    if (!report->crossings)
        return;
    size_t n = cm_crossing_list_count(report->crossings);
    if (n == 0) {
        g_string_append(out, "Border crossings: none\n");
        return;
    }
    g_string_append_printf(out, "Border crossings: %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        const cm_border_crossing *c = cm_crossing_list_get(report->crossings, i);
        g_string_append_printf(out, "%3zu  %s -> %s  leg %zu  at ", i + 1, c->from_country,
                               c->to_country, c->leg + 1);
        append_number(out, cm_units_from_metres(units, c->distance_from_start_m), "%.1f");
        g_string_append_printf(out, " %s  (", unit);
        append_number(out, c->position.lat, "%.5f");
        g_string_append(out, ", ");
        append_number(out, c->position.lon, "%.5f");
        g_string_append_printf(out, ")  %s%s\n", c->name, c->over_water ? " (over water)" : "");
    }
}

/* seconds as hours and minutes, "16:03", to the nearest minute; a new
 * string. */
static char *duration_text(int64_t seconds)
{
    int64_t minutes = (seconds + 30) / 60;
    return g_strdup_printf("%" G_GINT64_FORMAT ":%02d", minutes / 60, (int)(minutes % 60));
}

static void text_march(GString *out, const cm_march_table *march, cm_units units)
{
    const char *unit = cm_units_symbol(units);
    cm_halt_rule halts = cm_march_table_halts(march);
    g_string_append_printf(out, "March table: %s, ", cm_march_table_serial(march));
    append_number(out, cm_march_table_speed_kmh(march), "%g");
    g_string_append(out, " km/h, ");
    if (halts.every_s > 0) {
        char *every = duration_text(halts.every_s);
        g_string_append_printf(out, "halt %d min after every %s of driving\n",
                               halts.halt_s / 60, every);
        g_free(every);
    } else {
        g_string_append(out, "no halts\n");
    }
    int name_width = 4;
    for (size_t i = 0; i < cm_march_table_count(march); i++)
        name_width = MAX(name_width, (int)g_utf8_strlen(cm_march_table_get(march, i)->name, -1));
    g_string_append(out, "Point  ");
    append_padded(out, "Name", name_width + 2);
    g_string_append(out, " Distance   Driving  Halts  Due           Clear\n");
    for (size_t i = 0; i < cm_march_table_count(march); i++) {
        const cm_march_point *p = cm_march_table_get(march, i);
        append_padded(out, p->point, 7);
        append_padded(out, p->name, name_width + 2);
        append_right(out, cm_units_from_metres(units, p->distance_m), "%.1f", 6);
        g_string_append_printf(out, " %-3s  ", unit);
        char *driving = duration_text(p->driving_s);
        g_string_append_printf(out, "%7s  %5d  %s  %s\n", driving, p->halts, p->due_dtg,
                               p->clear_dtg);
        g_free(driving);
    }
    const cm_march_column *column = cm_march_table_column(march);
    g_string_append_printf(out, "Column: %ld vehicle%s, ", column->vehicles,
                           column->vehicles == 1 ? "" : "s");
    append_number(out, column->gap_m, "%g");
    g_string_append(out, " m apart");
    if (column->gap_m > 0) {
        g_string_append(out, " (");
        append_number(out, 1000 / column->gap_m, "%.1f");
        g_string_append(out, " per km)");
    }
    g_string_append(out, ", road space ");
    append_number(out, cm_units_from_metres(units, column->road_space_m), "%.1f");
    char *pass = duration_text(column->pass_s);
    g_string_append_printf(out, " %s, pass time %s (", unit, pass);
    g_free(pass);
    append_number(out, column->pass_s / 3600.0, "%.2f");
    g_string_append_printf(out, " h)\nCompletion (tail clears the RP): %s (%s)\n",
                           column->completion_dtg, column->completion_iso);
}

static void csv_field(GString *out, const char *text, gboolean last)
{
    if (strpbrk(text, ",\"\n\r")) {
        g_string_append_c(out, '"');
        for (const char *p = text; *p; p++) {
            if (*p == '"')
                g_string_append_c(out, '"');
            g_string_append_c(out, *p);
        }
        g_string_append_c(out, '"');
    } else {
        g_string_append(out, text);
    }
    g_string_append_c(out, last ? '\n' : ',');
}

static void csv_number(GString *out, double value, const char *format)
{
    append_number(out, value, format);
    g_string_append_c(out, ',');
}

/* The march columns of a CSV row, empty without a march table. */
static void csv_march(GString *out, const cm_march_point *p)
{
    if (!p) {
        g_string_append(out, ",,,,,,,,");
        return;
    }
    csv_field(out, p->point, FALSE);
    csv_number(out, p->driving_s / 3600.0, "%.4f");
    g_string_append_printf(out, "%d,", p->halts);
    csv_number(out, p->halt_s / 60.0, "%g");
    csv_field(out, p->due_dtg, FALSE);
    csv_field(out, p->due_iso, FALSE);
    csv_field(out, p->clear_dtg, FALSE);
    csv_field(out, p->clear_iso, FALSE);
}

/* The road columns of a CSV row for leg i (leg NULL: a row without a
 * leg's values), empty off the roads. */
static void csv_roads(GString *out, const cm_route *route, size_t i, const cm_route_leg *leg,
                      cm_units units)
{
    cm_route_leg_roads roads;
    if (!leg || !cm_route_leg_roads_get(route, i, &roads)) {
        g_string_append(out, ",,,,,,,");
        return;
    }
    if (roads.on_roads)
        csv_number(out, cm_units_from_metres(units, roads.road_distance_m), "%.3f");
    else
        g_string_append_c(out, ',');
    csv_number(out,
               cm_units_from_metres(
                   units, cm_geodesic_inverse(leg->from->position, leg->to->position).distance_m),
               "%.3f");
    if (!roads.on_roads) {
        g_string_append(out, ",,,,,");
        return;
    }
    csv_number(out, roads.duration_s, "%.1f");
    csv_field(out, time_from(&roads), FALSE);
    csv_number(out, roads.snap_from_m, "%.1f");
    csv_number(out, roads.snap_to_m, "%.1f");
    csv_field(out, roads.refs, FALSE);
}

static void csv_route(GString *out, const cm_route_report *report, cm_units units,
                      gboolean with_roads, gboolean with_march)
{
    GArray *events = route_events(report);
    for (guint i = 0; i < events->len; i++) {
        const route_event *e = &g_array_index(events, route_event, i);
        csv_field(out, cm_route_name(report->route), FALSE);
        csv_field(out, e->kind, FALSE);
        csv_field(out, e->role, FALSE);
        csv_field(out, e->name, FALSE);
        csv_number(out, e->position.lat, "%.6f");
        csv_number(out, e->position.lon, "%.6f");
        g_string_append_printf(out, "%zu,", e->leg + 1);
        csv_number(out, cm_units_from_metres(units, e->distance_m), "%.3f");
        cm_route_leg leg;
        gboolean has_leg = !e->crossing && strcmp(e->role, "RP") != 0 &&
                           cm_route_leg_get(report->route, e->leg, &leg);
        if (has_leg) {
            csv_number(out, cm_units_from_metres(units, leg.geodesic.distance_m), "%.3f");
            csv_number(out, leg.geodesic.azimuth_deg, "%.6f");
            csv_number(out, leg.geodesic.final_azimuth_deg, "%.6f");
        } else {
            g_string_append(out, ",,,");
        }
        csv_field(out, e->crossing ? e->crossing->from_country : "", FALSE);
        csv_field(out, e->crossing ? e->crossing->to_country : "", FALSE);
        if (with_roads)
            csv_roads(out, report->route, e->leg, has_leg ? &leg : NULL, units);
        if (with_march)
            csv_march(out, e->march);
        csv_field(out, e->name_ar ? e->name_ar : "", TRUE);
    }
    g_array_free(events, TRUE);
}

static void json_key_number(GString *out, const char *key, double value, const char *format)
{
    g_string_append_printf(out, "\"%s\": ", key);
    append_number(out, value, format);
}

static void json_place(GString *out, const cm_place *place)
{
    g_string_append(out, "{\"name\": ");
    cm_json_append_string(out, place->name);
    g_string_append(out, ", \"name_ar\": ");
    cm_json_append_string_or_null(out, place->name_ar);
    g_string_append(out, ", ");
    json_key_number(out, "lat", place->position.lat, "%.6f");
    g_string_append(out, ", ");
    json_key_number(out, "lon", place->position.lon, "%.6f");
    g_string_append(out, "}");
}

static void json_key_string(GString *out, const char *key, const char *value)
{
    g_string_append_printf(out, "\"%s\": ", key);
    cm_json_append_string(out, value);
}

/* The march keys of a route object, after its crossings. */
static void json_march(GString *out, const cm_march_table *march)
{
    cm_halt_rule halts = cm_march_table_halts(march);
    g_string_append(out, ",\n   ");
    json_key_string(out, "serial", cm_march_table_serial(march));
    g_string_append(out, ", ");
    json_key_number(out, "speed_kmh", cm_march_table_speed_kmh(march), "%g");
    g_string_append(out, ", ");
    json_key_number(out, "halt_minutes", halts.halt_s / 60.0, "%g");
    g_string_append(out, ", ");
    json_key_number(out, "halt_every_h", halts.every_s / 3600.0, "%g");
    g_string_append(out, ",\n   \"march\": [");
    for (size_t i = 0; i < cm_march_table_count(march); i++) {
        const cm_march_point *p = cm_march_table_get(march, i);
        g_string_append(out, i ? ",\n    {" : "\n    {");
        json_key_string(out, "point", p->point);
        g_string_append(out, ", ");
        json_key_string(out, "name", p->name);
        g_string_append(out, ", ");
        json_key_number(out, "lat", p->position.lat, "%.6f");
        g_string_append(out, ", ");
        json_key_number(out, "lon", p->position.lon, "%.6f");
        g_string_append(out, ", ");
        json_key_number(out, "distance_km", p->distance_m / 1000.0, "%.3f");
        g_string_append(out, ", ");
        json_key_number(out, "driving_h", p->driving_s / 3600.0, "%.4f");
        g_string_append_printf(out, ", \"halts\": %d, ", p->halts);
        json_key_number(out, "halt_minutes", p->halt_s / 60.0, "%g");
        g_string_append(out, ", ");
        json_key_string(out, "due_dtg", p->due_dtg);
        g_string_append(out, ", ");
        json_key_string(out, "due_iso", p->due_iso);
        g_string_append(out, ", ");
        json_key_string(out, "clear_dtg", p->clear_dtg);
        g_string_append(out, ", ");
        json_key_string(out, "clear_iso", p->clear_iso);
        g_string_append(out, "}");
    }
    const cm_march_column *column = cm_march_table_column(march);
    g_string_append_printf(out, "],\n   \"column\": {\"vehicles\": %ld, ", column->vehicles);
    json_key_number(out, "gap_m", column->gap_m, "%g");
    g_string_append(out, ", \"vehicles_per_km\": ");
    if (column->gap_m > 0)
        append_number(out, 1000 / column->gap_m, "%g");
    else
        g_string_append(out, "null");
    g_string_append(out, ", ");
    json_key_number(out, "road_space_km", column->road_space_m / 1000.0, "%.3f");
    g_string_append(out, ", ");
    json_key_number(out, "pass_time_h", column->pass_s / 3600.0, "%.4f");
    g_string_append(out, ", ");
    json_key_string(out, "completion_dtg", column->completion_dtg);
    g_string_append(out, ", ");
    json_key_string(out, "completion_iso", column->completion_iso);
    g_string_append(out, "}");
}

/* The "roads" member of leg i when the route was routed on roads. */
static void json_leg_roads(GString *out, const cm_route *route, size_t i,
                           const cm_route_leg *leg)
{
    cm_route_leg_roads roads;
    if (!cm_route_leg_roads_get(route, i, &roads))
        return;
    g_string_append(out, ", \"roads\": {\"on_roads\": ");
    g_string_append(out, roads.on_roads ? "true" : "false");
    g_string_append(out, ", ");
    json_key_number(out, "straight_distance_km",
                    cm_geodesic_inverse(leg->from->position, leg->to->position).distance_m /
                        1000.0,
                    "%.3f");
    if (!roads.on_roads) {
        g_string_append(out, ", ");
        json_key_string(out, "straight_reason", roads.straight_reason);
        g_string_append(out, "}");
        return;
    }
    g_string_append(out, ", ");
    json_key_number(out, "road_distance_km", roads.road_distance_m / 1000.0, "%.3f");
    g_string_append(out, ", ");
    json_key_number(out, "routino_distance_km", roads.routino_distance_m / 1000.0, "%.3f");
    g_string_append(out, ", ");
    json_key_number(out, "duration_s", roads.duration_s, "%.1f");
    g_string_append(out, ", ");
    json_key_string(out, "time_from", time_from(&roads));
    g_string_append(out, ", ");
    json_key_number(out, "snap_from_m", roads.snap_from_m, "%.1f");
    g_string_append(out, ", ");
    json_key_number(out, "snap_to_m", roads.snap_to_m, "%.1f");
    g_string_append(out, ", ");
    json_key_string(out, "refs", roads.refs);
    g_string_append(out, ", ");
    json_key_string(out, "roads", roads.roads);
    g_string_append(out, "}");
}

static void json_route(GString *out, const cm_route_report *report, cm_units units)
{
    const cm_route *route = report->route;
    g_string_append(out, "{\"name\": ");
    cm_json_append_string(out, cm_route_name(route));
    g_string_append(out, ", \"color\": ");
    cm_json_append_string(out, cm_route_color(route));
    g_string_append(out, ", \"units\": ");
    cm_json_append_string(out, cm_units_symbol(units));
    g_string_append(out, ", ");
    json_key_number(out, "total_km", cm_route_total_m(route) / 1000.0, "%.3f");
    g_string_append(out, ", ");
    json_key_number(out, "total", cm_units_from_metres(units, cm_route_total_m(route)), "%.3f");
    if (cm_route_distance_kind(route) != CM_DISTANCES_GEODESIC) {
        static const char *const kinds[] = {"geodesic", "road", "mixed"};
        g_string_append(out, ", \"distances\": ");
        cm_json_append_string(out, kinds[cm_route_distance_kind(route)]);
    }
    g_string_append(out, ",\n   \"legs\": [");
    cm_route_leg leg;
    for (size_t i = 0; cm_route_leg_get(route, i, &leg); i++) {
        g_string_append(out, i ? ",\n    {\"from\": " : "\n    {\"from\": ");
        json_place(out, leg.from);
        g_string_append(out, ", \"to\": ");
        json_place(out, leg.to);
        g_string_append(out, ", ");
        json_key_number(out, "distance_km", leg.geodesic.distance_m / 1000.0, "%.3f");
        g_string_append(out, ", ");
        json_key_number(out, "distance", cm_units_from_metres(units, leg.geodesic.distance_m),
                        "%.3f");
        g_string_append(out, ", ");
        json_key_number(out, "azimuth_deg", leg.geodesic.azimuth_deg, "%.6f");
        g_string_append(out, ", ");
        json_key_number(out, "final_azimuth_deg", leg.geodesic.final_azimuth_deg, "%.6f");
        json_leg_roads(out, route, i, &leg);
        g_string_append(out, "}");
    }
    g_string_append(out, "],\n   \"crossings\": [");
    for (size_t i = 0; report->crossings && i < cm_crossing_list_count(report->crossings); i++) {
        const cm_border_crossing *c = cm_crossing_list_get(report->crossings, i);
        g_string_append(out, i ? ",\n    {" : "\n    {");
        json_key_number(out, "lat", c->position.lat, "%.6f");
        g_string_append(out, ", ");
        json_key_number(out, "lon", c->position.lon, "%.6f");
        g_string_append(out, ", \"from_country\": ");
        cm_json_append_string(out, c->from_country);
        g_string_append(out, ", \"to_country\": ");
        cm_json_append_string(out, c->to_country);
        g_string_append(out, ", \"name\": ");
        cm_json_append_string(out, c->name);
        g_string_append(out, ", \"name_ar\": ");
        cm_json_append_string_or_null(out, c->name_ar);
        /* Legs are counted from 1 in every format, as users read them. */
        g_string_append_printf(out, ", \"leg\": %zu, ", c->leg + 1);
        json_key_number(out, "distance_from_start_km", c->distance_from_start_m / 1000.0, "%.3f");
        g_string_append_printf(out, ", \"over_water\": %s}", c->over_water ? "true" : "false");
    }
    g_string_append(out, "]");
    if (report->march)
        json_march(out, report->march);
    g_string_append(out, "}");
}

/* The properties of the GeoJSON report's features, in this order; the
 * road legs' come only when a route was routed on roads, the march
 * table's only when a route has one. */
enum {
    FIELD_ROUTE, FIELD_KIND, FIELD_ROLE, FIELD_NAME, FIELD_NAME_AR, FIELD_LEG, FIELD_DISTANCE,
    FIELD_DISTANCE_FROM_START, FIELD_UNITS, FIELD_AZIMUTH, FIELD_FINAL_AZIMUTH,
    FIELD_FROM_COUNTRY, FIELD_TO_COUNTRY, FIELD_ON_ROADS, FIELD_ROAD_DISTANCE,
    FIELD_STRAIGHT_DISTANCE, FIELD_DRIVING_S, FIELD_TIME_FROM, FIELD_SNAP_FROM_M,
    FIELD_SNAP_TO_M, FIELD_REFS, FIELD_ROADS, FIELD_STRAIGHT_REASON, FIELD_POINT, FIELD_DUE_DTG,
    FIELD_DUE_ISO, FIELD_CLEAR_DTG, FIELD_CLEAR_ISO, N_FIELDS,
    FIRST_ROAD_FIELD = FIELD_ON_ROADS, FIRST_MARCH_FIELD = FIELD_POINT
};

static const cm_ogr_field geojson_fields[N_FIELDS] = {
    {"route", CM_OGR_STRING}, {"kind", CM_OGR_STRING}, {"role", CM_OGR_STRING},
    {"name", CM_OGR_STRING}, {"name_ar", CM_OGR_STRING}, {"leg", CM_OGR_INTEGER},
    {"distance", CM_OGR_REAL},
    {"distance_from_start", CM_OGR_REAL}, {"units", CM_OGR_STRING},
    {"azimuth_deg", CM_OGR_REAL}, {"final_azimuth_deg", CM_OGR_REAL},
    {"from_country", CM_OGR_STRING}, {"to_country", CM_OGR_STRING},
    {"on_roads", CM_OGR_INTEGER}, {"road_distance", CM_OGR_REAL},
    {"straight_distance", CM_OGR_REAL}, {"driving_s", CM_OGR_REAL},
    {"time_from", CM_OGR_STRING}, {"snap_from_m", CM_OGR_REAL}, {"snap_to_m", CM_OGR_REAL},
    {"refs", CM_OGR_STRING}, {"roads", CM_OGR_STRING}, {"straight_reason", CM_OGR_STRING},
    {"point", CM_OGR_STRING}, {"due_dtg", CM_OGR_STRING}, {"due_iso", CM_OGR_STRING},
    {"clear_dtg", CM_OGR_STRING}, {"clear_iso", CM_OGR_STRING},
};

/* The fields a GeoJSON report writes, in geojson_fields' order. */
typedef struct geojson_layout {
    cm_ogr_field fields[N_FIELDS];
    int field_of[N_FIELDS]; /* enum value to its index in fields, -1 when left out */
    int n;
} geojson_layout;

static void geojson_layout_init(geojson_layout *layout, gboolean with_roads,
                                gboolean with_march)
{
    layout->n = 0;
    for (int f = 0; f < N_FIELDS; f++) {
        gboolean used = f >= FIRST_MARCH_FIELD ? with_march
                        : f >= FIRST_ROAD_FIELD ? with_roads
                                                : TRUE;
        layout->field_of[f] = used ? layout->n : -1;
        if (used)
            layout->fields[layout->n++] = geojson_fields[f];
    }
}

static void set_text(cm_ogr_value *values, int field, const char *text)
{
    values[field] = (cm_ogr_value){1, text, 0};
}

static void set_number(cm_ogr_value *values, int field, double number)
{
    values[field] = (cm_ogr_value){1, NULL, number};
}

/* The road properties of leg i's feature, when the route was routed on
 * roads. */
static void set_leg_roads(cm_ogr_value *values, const cm_route *route, size_t i,
                          const cm_route_leg *leg, cm_units units)
{
    cm_route_leg_roads roads;
    if (!cm_route_leg_roads_get(route, i, &roads))
        return;
    set_number(values, FIELD_ON_ROADS, roads.on_roads);
    set_number(values, FIELD_STRAIGHT_DISTANCE,
               cm_units_from_metres(
                   units, cm_geodesic_inverse(leg->from->position, leg->to->position).distance_m));
    if (!roads.on_roads) {
        set_text(values, FIELD_STRAIGHT_REASON, roads.straight_reason);
        return;
    }
    set_number(values, FIELD_ROAD_DISTANCE, cm_units_from_metres(units, roads.road_distance_m));
    set_number(values, FIELD_DRIVING_S, roads.duration_s);
    set_text(values, FIELD_TIME_FROM, time_from(&roads));
    set_number(values, FIELD_SNAP_FROM_M, roads.snap_from_m);
    set_number(values, FIELD_SNAP_TO_M, roads.snap_to_m);
    set_text(values, FIELD_REFS, roads.refs);
    set_text(values, FIELD_ROADS, roads.roads);
}

/* Adds the feature of a leg (event NULL: a line) or of an event (a point)
 * to writer; FALSE when GDAL refuses it. */
static gboolean add_feature(const cm_ogr_api *api, void *writer, const geojson_layout *layout,
                            const double *lon, const double *lat, size_t n,
                            const route_event *event, const cm_route *route, size_t leg_index,
                            const cm_route_leg *leg, cm_units units)
{
    const char *route_name = cm_route_name(route);
    cm_ogr_value values[N_FIELDS] = {{0}};
    char *name = NULL;
    set_text(values, FIELD_ROUTE, route_name);
    set_text(values, FIELD_KIND, event ? event->kind : "leg");
    set_number(values, FIELD_LEG, (double)leg_index + 1);
    if (event) {
        set_text(values, FIELD_ROLE, event->role);
        set_text(values, FIELD_NAME, event->name);
        if (event->name_ar)
            set_text(values, FIELD_NAME_AR, event->name_ar);
        set_number(values, FIELD_DISTANCE_FROM_START,
                   cm_units_from_metres(units, event->distance_m));
        if (event->crossing) {
            set_text(values, FIELD_FROM_COUNTRY, event->crossing->from_country);
            set_text(values, FIELD_TO_COUNTRY, event->crossing->to_country);
        }
        /* The writer has these fields whenever a route has a march table. */
        if (event->march) {
            const cm_march_point *p = event->march;
            set_text(values, FIELD_POINT, p->point);
            set_text(values, FIELD_DUE_DTG, p->due_dtg);
            set_text(values, FIELD_DUE_ISO, p->due_iso);
            set_text(values, FIELD_CLEAR_DTG, p->clear_dtg);
            set_text(values, FIELD_CLEAR_ISO, p->clear_iso);
        }
    } else {
        name = g_strdup_printf("%s to %s", leg->from->name, leg->to->name);
        set_text(values, FIELD_NAME, name);
        set_number(values, FIELD_DISTANCE, cm_units_from_metres(units, leg->geodesic.distance_m));
        set_number(values, FIELD_AZIMUTH, leg->geodesic.azimuth_deg);
        set_number(values, FIELD_FINAL_AZIMUTH, leg->geodesic.final_azimuth_deg);
        set_leg_roads(values, route, leg_index, leg, units);
    }
    set_text(values, FIELD_UNITS, cm_units_symbol(units));
    cm_ogr_value written[N_FIELDS] = {{0}};
    for (int f = 0; f < N_FIELDS; f++)
        if (layout->field_of[f] >= 0)
            written[layout->field_of[f]] = values[f];
    gboolean added = api->geojson_add(writer, written, event == NULL, lon, lat, n) != 0;
    g_free(name);
    return added;
}

static gboolean geojson_route(const cm_ogr_api *api, void *writer, const geojson_layout *layout,
                              const cm_route_report *report, cm_units units)
{
    gboolean ok = TRUE;
    cm_route_leg leg;
    cm_route_segment segment;
    size_t next_segment = 0;
    for (size_t i = 0; ok && cm_route_leg_get(report->route, i, &leg); i++) {
        /* The leg's segments, each densified: one for a straight leg, the
         * track's (a road's) for a leg along one. */
        GArray *lon = g_array_new(FALSE, FALSE, sizeof(double));
        GArray *lat = g_array_new(FALSE, FALSE, sizeof(double));
        for (; cm_route_segment_get(report->route, next_segment, &segment) && segment.leg == i;
             next_segment++) {
            size_t n;
            cm_geo_point *points =
                cm_geodesic_densify(segment.from, segment.to, GEOJSON_STEP_M, &n);
            /* Each segment's first point is the last one's end. */
            for (size_t k = lon->len ? 1 : 0; k < n; k++) {
                g_array_append_val(lon, points[k].lon);
                g_array_append_val(lat, points[k].lat);
            }
            cm_free(points);
        }
        ok = add_feature(api, writer, layout, (double *)lon->data, (double *)lat->data, lon->len,
                         NULL, report->route, i, &leg, units);
        g_array_free(lon, TRUE);
        g_array_free(lat, TRUE);
    }
    GArray *events = route_events(report);
    for (guint i = 0; ok && i < events->len; i++) {
        const route_event *e = &g_array_index(events, route_event, i);
        ok = add_feature(api, writer, layout, &e->position.lon, &e->position.lat, 1, e,
                         report->route, e->leg, NULL, units);
    }
    g_array_free(events, TRUE);
    return ok;
}

static char *geojson_report(cm_context *context, const cm_route_report *reports, size_t n,
                            cm_units units, gboolean with_roads, gboolean with_march)
{
    const cm_ogr_api *api = cm_ogr_module(context);
    if (!api)
        return NULL;
    geojson_layout layout;
    geojson_layout_init(&layout, with_roads, with_march);
    void *writer = api->geojson_new(layout.fields, (size_t)layout.n);
    if (!writer) {
        cm_fail(context, CM_ERR_LIBRARY, "GDAL cannot write GeoJSON");
        return NULL;
    }
    gboolean ok = TRUE;
    for (size_t r = 0; ok && r < n; r++)
        ok = geojson_route(api, writer, &layout, &reports[r], units);
    char *bytes = api->geojson_finish(writer);
    char *text = ok && bytes ? g_strdup(bytes) : NULL;
    api->free_text(bytes);
    if (!text)
        cm_fail(context, CM_ERR_LIBRARY, "GDAL failed to write the GeoJSON report");
    return text;
}

char *cm_report_routes(cm_context *context, const cm_route_report *reports, size_t n,
                       cm_report_format format, cm_units units)
{
    gboolean with_march = FALSE, with_roads = FALSE;
    cm_route_leg_roads roads;
    for (size_t r = 0; r < n; r++) {
        with_march = with_march || reports[r].march;
        with_roads = with_roads || cm_route_leg_roads_get(reports[r].route, 0, &roads);
    }
    if (format == CM_REPORT_GEOJSON)
        return geojson_report(context, reports, n, units, with_roads, with_march);
    GString *out = g_string_new(NULL);
    if (format == CM_REPORT_CSV)
    {
        const char *unit = cm_units_symbol(units);
        char *road_columns = g_strdup_printf(",road_distance_%s,straight_distance_%s,driving_s,"
                                             "time_from,snap_from_m,snap_to_m,refs", unit, unit);
        g_string_append_printf(out, "route,type,role,name,lat,lon,leg,distance_from_start_%s,"
                               "leg_distance_%s,azimuth_deg,final_azimuth_deg,from_country,"
                               "to_country%s%s,name_ar\n", unit, unit,
                               with_roads ? road_columns : "",
                               with_march ? ",point,driving_h,halts,halt_minutes,due_dtg,"
                                            "due_iso,clear_dtg,clear_iso" : "");
        g_free(road_columns);
    }
    if (format == CM_REPORT_JSON)
        g_string_append(out, "{\"routes\": [");
    for (size_t r = 0; r < n; r++) {
        switch (format) {
        case CM_REPORT_TEXT:
            if (r)
                g_string_append_c(out, '\n');
            text_route(out, &reports[r], units);
            if (reports[r].march)
                text_march(out, reports[r].march, units);
            break;
        case CM_REPORT_CSV:
            csv_route(out, &reports[r], units, with_roads, with_march);
            break;
        case CM_REPORT_JSON:
            g_string_append(out, r ? ",\n  " : "\n  ");
            json_route(out, &reports[r], units);
            break;
        case CM_REPORT_GEOJSON:
            break;
        }
    }
    if (format == CM_REPORT_JSON)
        g_string_append(out, "\n]}\n");
    return g_string_free(out, FALSE);
}
