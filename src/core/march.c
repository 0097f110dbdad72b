/* March tables: times parsed and written as DTGs or ISO 8601, halt rules,
 * and the head's and tail's times at every point of a route. The
 * arithmetic is documented in include/convoymap/march.h. */
#include "internal.h"

#include <math.h>
#include <string.h>

/* Sanity limits, so that a typo cannot ask for absurd arithmetic. */
#define MAX_DURATION_S (24 * 3600)
/* Longest driving plus passing time of a march table: a year. */
#define MAX_MARCH_S (366.0 * 24 * 3600)

static const char *const month_names[12] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                            "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

/* Hours east of UTC of a zone letter; FALSE for J (local time) and for
 * anything that is not a letter. */
static gboolean zone_letter_hours(char letter, int *hours)
{
    letter = g_ascii_toupper(letter);
    if (letter == 'Z')
        *hours = 0;
    else if (letter >= 'A' && letter <= 'I')
        *hours = letter - 'A' + 1;
    else if (letter >= 'K' && letter <= 'M')
        *hours = letter - 'K' + 10;
    else if (letter >= 'N' && letter <= 'Y')
        *hours = -(letter - 'N' + 1);
    else
        return FALSE;
    return TRUE;
}

char cm_zone_letter(int32_t utc_offset_s)
{
    if (utc_offset_s % 3600 != 0)
        return '\0';
    int hours = utc_offset_s / 3600;
    if (hours == 0)
        return 'Z';
    if (hours >= 1 && hours <= 9)
        return (char)('A' + hours - 1);
    if (hours >= 10 && hours <= 12)
        return (char)('K' + hours - 10);
    if (hours >= -12 && hours <= -1)
        return (char)('N' - hours - 1);
    return '\0';
}

static cm_time time_of(GDateTime *date_time)
{
    return (cm_time){g_date_time_to_unix(date_time),
                     (int32_t)(g_date_time_get_utc_offset(date_time) / G_TIME_SPAN_SECOND)};
}

/* DDHHMM[SS]ZMONYY, e.g. 071200ZSEP19. FALSE, with nothing on context,
 * when text does not have that shape; otherwise the status of the parse. */
static gboolean parse_dtg(cm_context *context, const char *text, cm_time *time,
                          cm_status *status)
{
    size_t length = strlen(text);
    size_t digits = length == 12 ? 6 : length == 14 ? 8 : 0;
    if (!digits)
        return FALSE;
    for (size_t i = 0; i < length; i++) {
        gboolean in_digits = i < digits || i >= length - 2;
        if (in_digits ? !g_ascii_isdigit(text[i]) : !g_ascii_isalpha(text[i]))
            return FALSE;
    }
    int field[4] = {0};
    for (size_t i = 0; i < digits / 2; i++)
        field[i] = (text[2 * i] - '0') * 10 + (text[2 * i + 1] - '0');
    int day = field[0], hour = field[1], minute = field[2], second = field[3];
    int year = 2000 + (text[length - 2] - '0') * 10 + (text[length - 1] - '0');
    int month = 0;
    for (int m = 0; m < 12; m++)
        if (g_ascii_strncasecmp(text + digits + 1, month_names[m], 3) == 0)
            month = m + 1;
    int hours;
    if (!zone_letter_hours(text[digits], &hours)) {
        *status = cm_fail(context, CM_ERR_INPUT, "DTG '%s': zone J is local time, which has no "
                          "UTC offset; use the offset's letter (Z, A-I, K-M, N-Y)", text);
        return TRUE;
    }
    if (!month) {
        *status = cm_fail(context, CM_ERR_INPUT, "DTG '%s' has no month JAN to DEC", text);
        return TRUE;
    }
    GTimeZone *zone = g_time_zone_new_offset(hours * 3600);
    GDateTime *date_time = hour < 24 && minute < 60 && second < 60
                               ? g_date_time_new(zone, year, month, day, hour, minute, second)
                               : NULL;
    g_time_zone_unref(zone);
    if (!date_time) {
        *status = cm_fail(context, CM_ERR_INPUT, "DTG '%s' is not a valid date and time", text);
        return TRUE;
    }
    *time = time_of(date_time);
    g_date_time_unref(date_time);
    *status = CM_OK;
    return TRUE;
}

/* GLib wants seconds in an ISO 8601 time; a planner writes "T12:00Z". */
static char *with_seconds(const char *text)
{
    const char *t = strpbrk(text, "Tt");
    if (t && g_ascii_isdigit(t[1]) && g_ascii_isdigit(t[2]) && t[3] == ':' &&
        g_ascii_isdigit(t[4]) && g_ascii_isdigit(t[5]) && t[6] != ':' && t[6] != '.')
        return g_strdup_printf("%.*s:00%s", (int)(t + 6 - text), text, t + 6);
    return g_strdup(text);
}

cm_status cm_time_parse(cm_context *context, const char *text, cm_time *time)
{
    cm_status status;
    if (parse_dtg(context, text, time, &status))
        return status;
    char *iso = with_seconds(text);
    GDateTime *date_time = g_date_time_new_from_iso8601(iso, NULL);
    if (!date_time) {
        /* Parsed with a default zone, it was valid: the offset is missing. */
        GTimeZone *utc = g_time_zone_new_utc();
        GDateTime *without_offset = g_date_time_new_from_iso8601(iso, utc);
        g_time_zone_unref(utc);
        g_free(iso);
        if (without_offset) {
            g_date_time_unref(without_offset);
            return cm_fail(context, CM_ERR_INPUT, "time '%s' has no UTC offset (add Z or "
                           "+hh:mm)", text);
        }
        return cm_fail(context, CM_ERR_INPUT, "time '%s' is neither a DTG (071200ZSEP19) nor "
                       "ISO 8601 with an offset (2019-09-07T12:00Z)", text);
    }
    g_free(iso);
    *time = time_of(date_time);
    g_date_time_unref(date_time);
    return CM_OK;
}

cm_time cm_time_add(cm_time time, int64_t seconds)
{
    return (cm_time){time.unix_s + seconds, time.utc_offset_s};
}

/* time rounded to the nearest minute, in the offset given; NULL outside
 * the years 1 to 9999. */
static GDateTime *date_time_in(cm_time time, int32_t utc_offset_s)
{
    int64_t minutes = time.unix_s / 60 - (time.unix_s % 60 < 0);
    if (time.unix_s - minutes * 60 >= 30)
        minutes++;
    GDateTime *utc = g_date_time_new_from_unix_utc(minutes * 60);
    if (!utc)
        return NULL;
    GTimeZone *zone = g_time_zone_new_offset(utc_offset_s);
    GDateTime *local = g_date_time_to_timezone(utc, zone);
    g_time_zone_unref(zone);
    g_date_time_unref(utc);
    return local;
}

char *cm_time_format_dtg(cm_time time)
{
    char letter = cm_zone_letter(time.utc_offset_s);
    GDateTime *date_time = date_time_in(time, letter ? time.utc_offset_s : 0);
    if (!date_time)
        return NULL;
    char *dtg = g_strdup_printf("%02d%02d%02d%c%s%02d", g_date_time_get_day_of_month(date_time),
                                g_date_time_get_hour(date_time),
                                g_date_time_get_minute(date_time), letter ? letter : 'Z',
                                month_names[g_date_time_get_month(date_time) - 1],
                                g_date_time_get_year(date_time) % 100);
    g_date_time_unref(date_time);
    return dtg;
}

char *cm_time_format_iso(cm_time time)
{
    GDateTime *date_time = date_time_in(time, time.utc_offset_s);
    if (!date_time)
        return NULL;
    char *iso = g_date_time_format(date_time, time.utc_offset_s == 0 ? "%Y-%m-%dT%H:%MZ"
                                                                      : "%Y-%m-%dT%H:%M%:z");
    g_date_time_unref(date_time);
    return iso;
}

/* A duration like 15m, 2h or 1h30m, from *text up to end; FALSE when
 * malformed, zero or longer than a day. */
static gboolean parse_duration(const char *text, const char *end, int32_t *seconds)
{
    int64_t total = 0;
    const char *p = text;
    if (p == end)
        return FALSE;
    while (p < end) {
        if (!g_ascii_isdigit(*p))
            return FALSE;
        int64_t number = 0;
        for (; p < end && g_ascii_isdigit(*p); p++) {
            number = number * 10 + (*p - '0');
            if (number > MAX_DURATION_S)
                return FALSE;
        }
        if (p == end || (*p != 'h' && *p != 'm'))
            return FALSE;
        total += number * (*p == 'h' ? 3600 : 60);
        p++;
    }
    if (total <= 0 || total > MAX_DURATION_S)
        return FALSE;
    *seconds = (int32_t)total;
    return TRUE;
}

cm_status cm_halt_rule_parse(cm_context *context, const char *text, cm_halt_rule *rule)
{
    if (strcmp(text, "0") == 0 || g_ascii_strcasecmp(text, "none") == 0) {
        *rule = (cm_halt_rule){0, 0};
        return CM_OK;
    }
    const char *slash = strchr(text, '/');
    cm_halt_rule parsed;
    if (!slash || !parse_duration(text, slash, &parsed.halt_s) ||
        !parse_duration(slash + 1, slash + 1 + strlen(slash + 1), &parsed.every_s))
        return cm_fail(context, CM_ERR_INPUT, "halt rule '%s' is not HALT/EVERY like 15m/2h or "
                       "10m/1h30m (durations up to 24h), nor 0 for none", text);
    *rule = parsed;
    return CM_OK;
}

void cm_march_params_init(cm_march_params *params)
{
    *params = (cm_march_params){.speed_kmh = 0, .start = {0, 0}, .halts = {0, 0},
                                .vehicles = 1, .gap_m = CM_MARCH_DEFAULT_GAP_M, .serial = NULL};
}

/* A whole string as a finite number; FALSE when anything is left over. */
static gboolean parse_number(const char *text, double *value)
{
    char *end;
    *value = g_ascii_strtod(text, &end);
    return end != text && *end == '\0' && isfinite(*value);
}

static cm_status check_params(cm_context *context, const cm_march_params *params)
{
    if (!(params->speed_kmh > 0 && params->speed_kmh <= CM_MARCH_MAX_SPEED_KMH))
        return cm_fail(context, CM_ERR_INPUT, "speed %g km/h is out of range (above 0, at most "
                       "%g)", params->speed_kmh, CM_MARCH_MAX_SPEED_KMH);
    if (params->vehicles < 1 || params->vehicles > CM_MARCH_MAX_VEHICLES)
        return cm_fail(context, CM_ERR_INPUT, "vehicle count %ld is out of range (1 to %ld)",
                       params->vehicles, CM_MARCH_MAX_VEHICLES);
    if (!(params->gap_m >= 0 && params->gap_m <= CM_MARCH_MAX_GAP_M))
        return cm_fail(context, CM_ERR_INPUT, "gap %g m is out of range (0 to %g)",
                       params->gap_m, CM_MARCH_MAX_GAP_M);
    if (params->halts.halt_s < 0 || params->halts.every_s < 0 ||
        (params->halts.halt_s > 0) != (params->halts.every_s > 0))
        return cm_fail(context, CM_ERR_INPUT, "halt rule %d s every %d s is not valid",
                       (int)params->halts.halt_s, (int)params->halts.every_s);
    return CM_OK;
}

cm_status cm_march_params_parse(cm_context *context, const char *speed, const char *start,
                                const char *halt, const char *vehicles, const char *gap,
                                cm_march_params *params)
{
    if (!speed)
        return cm_fail(context, CM_ERR_INPUT, "a march table needs a speed in km/h");
    if (!start)
        return cm_fail(context, CM_ERR_INPUT, "a march table needs a start time");
    if (!parse_number(speed, &params->speed_kmh))
        return cm_fail(context, CM_ERR_INPUT, "speed '%s' is not a number of km/h", speed);
    cm_status status = cm_time_parse(context, start, &params->start);
    if (status == CM_OK && halt)
        status = cm_halt_rule_parse(context, halt, &params->halts);
    if (status != CM_OK)
        return status;
    if (vehicles) {
        char *end;
        gint64 count = g_ascii_strtoll(vehicles, &end, 10);
        if (end == vehicles || *end != '\0')
            return cm_fail(context, CM_ERR_INPUT, "vehicle count '%s' is not a whole number",
                           vehicles);
        if (count < 1 || count > CM_MARCH_MAX_VEHICLES)
            return cm_fail(context, CM_ERR_INPUT, "vehicle count %s is out of range (1 to %ld)",
                           vehicles, CM_MARCH_MAX_VEHICLES);
        params->vehicles = (long)count;
    }
    if (gap && !parse_number(gap, &params->gap_m))
        return cm_fail(context, CM_ERR_INPUT, "gap '%s' is not a number of metres", gap);
    return check_params(context, params);
}

struct cm_march_table {
    char *serial;
    double speed_kmh;
    cm_halt_rule halts;
    GArray *points;          /* of cm_march_point, travel order */
    GArray *waypoint_rows;   /* per waypoint, its index in points */
    GPtrArray *strings;      /* owned text the points and column point into */
    cm_march_column column;
};

void cm_march_table_free(cm_march_table *table)
{
    if (!table)
        return;
    g_free(table->serial);
    g_array_free(table->points, TRUE);
    g_array_free(table->waypoint_rows, TRUE);
    g_ptr_array_free(table->strings, TRUE);
    g_free(table);
}

/* Keeps text (a new string) in the table and returns it. */
static const char *own(cm_march_table *table, char *text)
{
    g_ptr_array_add(table->strings, text);
    return text;
}

static gint compare_points(gconstpointer a, gconstpointer b)
{
    const cm_march_point *pa = a, *pb = b;
    if (pa->distance_m != pb->distance_m)
        return pa->distance_m < pb->distance_m ? -1 : 1;
    if (pa->is_crossing != pb->is_crossing)
        return pa->is_crossing - pb->is_crossing;
    return pa->index < pb->index ? -1 : pa->index > pb->index;
}

/* Seconds to drive distance_m at speed_kmh. */
static int64_t driving_seconds(double distance_m, double speed_kmh)
{
    return (int64_t)llround(distance_m * 3.6 / speed_kmh);
}

/* Halts taken before the head has driven driving_s: one after each full
 * interval, none at the very moment driving_s is reached. */
static int64_t halts_before(cm_halt_rule halts, int64_t driving_s)
{
    return halts.every_s > 0 && driving_s > 0 ? (driving_s - 1) / halts.every_s : 0;
}

static void add_point(cm_march_table *table, const char *name, cm_geo_point position,
                      int is_crossing, size_t index, double distance_m)
{
    cm_march_point point = {.name = own(table, g_strdup(name)), .position = position,
                            .is_crossing = is_crossing, .index = index,
                            .distance_m = distance_m};
    g_array_append_val(table->points, point);
}

cm_status cm_march_table_new(cm_context *context, const cm_route *route,
                             const cm_crossing_list *crossings, const cm_march_params *params,
                             cm_march_table **table_out)
{
    size_t n_waypoints = cm_route_waypoint_count(route);
    if (n_waypoints < 2)
        return cm_fail(context, CM_ERR_INPUT, "route '%s' needs at least two waypoints for a "
                       "march table", cm_route_name(route));
    cm_status status = check_params(context, params);
    if (status != CM_OK)
        return status;
    double span_s = (cm_route_total_m(route) + (double)params->vehicles * params->gap_m) * 3.6 /
                    params->speed_kmh;
    if (span_s > MAX_MARCH_S)
        return cm_fail(context, CM_ERR_INPUT, "at %g km/h route '%s' takes more than a year",
                       params->speed_kmh, cm_route_name(route));
    /* The start and the completion bound every time of the table; a day
     * to spare either side for rounding and the zone offset. */
    int64_t driving_rp = driving_seconds(cm_route_total_m(route), params->speed_kmh);
    int64_t last = params->start.unix_s + (int64_t)span_s + 1 +
                   halts_before(params->halts, driving_rp) * params->halts.halt_s;
    GDateTime *earliest = g_date_time_new_from_unix_utc(params->start.unix_s - 86400);
    GDateTime *latest = g_date_time_new_from_unix_utc(last + 86400);
    gboolean representable = earliest && latest;
    g_clear_pointer(&earliest, g_date_time_unref);
    g_clear_pointer(&latest, g_date_time_unref);
    if (!representable)
        return cm_fail(context, CM_ERR_INPUT, "a march table of route '%s' must start and "
                       "end within the years 1 to 9999", cm_route_name(route));
    cm_march_table *table = g_new0(cm_march_table, 1);
    table->serial = g_strdup(params->serial && *params->serial ? params->serial
                                                               : cm_route_name(route));
    table->speed_kmh = params->speed_kmh;
    table->halts = params->halts;
    table->points = g_array_new(FALSE, TRUE, sizeof(cm_march_point));
    table->strings = g_ptr_array_new_with_free_func(g_free);
    table->waypoint_rows = g_array_sized_new(FALSE, TRUE, sizeof(size_t), (guint)n_waypoints);

    for (size_t i = 0; i < n_waypoints; i++) {
        const cm_place *place = cm_route_waypoint(route, i);
        cm_route_leg leg;
        double along = cm_route_leg_get(route, i, &leg) ? leg.distance_from_start_m
                                                        : cm_route_total_m(route);
        add_point(table, place->name, place->position, 0, i, along);
    }
    for (size_t i = 0; crossings && i < cm_crossing_list_count(crossings); i++) {
        const cm_border_crossing *c = cm_crossing_list_get(crossings, i);
        add_point(table, c->name, c->position, 1, i, c->distance_from_start_m);
    }
    g_array_sort(table->points, compare_points);

    double speed = params->speed_kmh;
    cm_halt_rule halts = params->halts;
    cm_march_column *column = &table->column;
    column->vehicles = params->vehicles;
    column->gap_m = params->gap_m;
    column->road_space_m = (double)params->vehicles * params->gap_m;
    column->pass_s = driving_seconds(column->road_space_m, speed);
    g_array_set_size(table->waypoint_rows, (guint)n_waypoints);
    for (guint r = 0; r < table->points->len; r++) {
        cm_march_point *p = &g_array_index(table->points, cm_march_point, r);
        if (p->is_crossing)
            p->point = own(table, g_strdup_printf("CRIT%zu", p->index + 1));
        else if (p->index == 0)
            p->point = "SP";
        else if (p->index + 1 == n_waypoints)
            p->point = "RP";
        else
            p->point = own(table, g_strdup_printf("CP%zu", p->index));
        if (!p->is_crossing)
            g_array_index(table->waypoint_rows, size_t, p->index) = r;
        /* A crossing a few metres past the RP, off the rounding, is still
         * passed before the release. */
        p->driving_s = MIN(driving_seconds(p->distance_m, speed), driving_rp);
        p->halts = (int)halts_before(halts, p->driving_s);
        p->halt_s = (int64_t)p->halts * halts.halt_s;
        p->due = cm_time_add(params->start, p->driving_s + p->halt_s);
        int64_t tail_driving = MIN(p->driving_s + column->pass_s, driving_rp);
        p->clear = cm_time_add(params->start, p->driving_s + column->pass_s +
                                                  halts_before(halts, tail_driving) *
                                                      halts.halt_s);
        p->due_dtg = own(table, cm_time_format_dtg(p->due));
        p->due_iso = own(table, cm_time_format_iso(p->due));
        p->clear_dtg = own(table, cm_time_format_dtg(p->clear));
        p->clear_iso = own(table, cm_time_format_iso(p->clear));
    }
    const cm_march_point *rp = cm_march_table_waypoint(table, n_waypoints - 1);
    column->completion = cm_time_add(rp->due, column->pass_s);
    column->completion_dtg = own(table, cm_time_format_dtg(column->completion));
    column->completion_iso = own(table, cm_time_format_iso(column->completion));
    *table_out = table;
    return CM_OK;
}

const char *cm_march_table_serial(const cm_march_table *table) { return table->serial; }

double cm_march_table_speed_kmh(const cm_march_table *table) { return table->speed_kmh; }

cm_halt_rule cm_march_table_halts(const cm_march_table *table) { return table->halts; }

size_t cm_march_table_count(const cm_march_table *table) { return table->points->len; }

const cm_march_point *cm_march_table_get(const cm_march_table *table, size_t i)
{
    return i < table->points->len ? &g_array_index(table->points, cm_march_point, i) : NULL;
}

const cm_march_point *cm_march_table_waypoint(const cm_march_table *table, size_t i)
{
    if (i >= table->waypoint_rows->len)
        return NULL;
    return cm_march_table_get(table, g_array_index(table->waypoint_rows, size_t, i));
}

const cm_march_column *cm_march_table_column(const cm_march_table *table)
{
    return &table->column;
}
