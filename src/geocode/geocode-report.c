/* Geocoding reports: candidates and reverse answers as text or JSON. */
#include "core/internal.h"
#include "core/json.h"

#include <math.h>
#include <string.h>

static const char *match_name(cm_match match)
{
    switch (match) {
    case CM_MATCH_EXACT:
        return "exact";
    case CM_MATCH_FOLDED:
        return "folded";
    case CM_MATCH_FUZZY:
        return "fuzzy";
    case CM_MATCH_COORDINATE:
        return "coordinate";
    }
    return "unknown";
}

/* Numbers never follow the locale: JSON and the tests need a point. */
static void append_number(GString *out, const char *format, double value)
{
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, g_ascii_formatd(buffer, sizeof buffer, format, value));
}

static void json_key(GString *out, const char *key)
{
    g_string_append_printf(out, ", \"%s\": ", key);
}

static void json_text(GString *out, const char *key, const char *value)
{
    json_key(out, key);
    cm_json_append_string(out, value ? value : "");
}

static void json_number(GString *out, const char *key, const char *format, double value)
{
    json_key(out, key);
    append_number(out, format, value);
}

/* The keys a place shares in every geocoding JSON object, each after a
 * comma; "mgrs" is null where MGRS is undefined. */
static void json_place(cm_context *context, GString *out, const cm_place *place)
{
    json_text(out, "name", place->name);
    json_key(out, "name_ar");
    cm_json_append_string_or_null(out, place->name_ar);
    json_number(out, "lat", "%.6f", place->position.lat);
    json_number(out, "lon", "%.6f", place->position.lon);
    json_text(out, "kind", place->kind);
    json_text(out, "country", place->country);
    json_text(out, "admin1", place->admin1);
    json_text(out, "admin1_name", place->admin1_name);
    char *mgrs = cm_mgrs_format(context, place->position, 5);
    if (mgrs)
        json_text(out, "mgrs", mgrs);
    else
        g_string_append(out, ", \"mgrs\": null");
    cm_free(mgrs);
    json_key(out, "population");
    g_string_append_printf(out, "%lld", place->population);
    json_text(out, "source", place->source);
}

static void json_candidate(cm_context *context, GString *out, const cm_candidate *candidate)
{
    json_place(context, out, candidate->place);
    json_text(out, "match", match_name(candidate->match));
    json_number(out, "score", "%.3f", candidate->score);
}

/* "Ayn al-Asad Air Base (airbase, IRQ, 33.785600, 42.441200)", "Ramadi
 * (city, Anbar, IRQ, ...)": the division's name tells namesakes apart. */
static void text_place(GString *out, const cm_place *place)
{
    gboolean division = place->admin1_name && *place->admin1_name &&
                        strcmp(place->kind, "admin1") != 0;
    g_string_append_printf(out, "%s (%s%s%s%s%s, ", place->name, place->kind,
                           division ? ", " : "", division ? place->admin1_name : "",
                           *place->country ? ", " : "", place->country);
    append_number(out, "%.6f", place->position.lat);
    g_string_append(out, ", ");
    append_number(out, "%.6f", place->position.lon);
    g_string_append_c(out, ')');
}

static void text_candidate(cm_context *context, GString *out, const cm_candidate *candidate)
{
    text_place(out, candidate->place);
    char *mgrs = cm_mgrs_format(context, candidate->place->position, 5);
    g_string_append_printf(out, "  %s  %s ", mgrs ? mgrs : "-", match_name(candidate->match));
    cm_free(mgrs);
    append_number(out, "%.2f", candidate->score);
    g_string_append_c(out, '\n');
}

char *cm_report_geocode(cm_context *context, const cm_geocode_answer *answers, size_t n,
                        cm_report_format format)
{
    if (format != CM_REPORT_TEXT && format != CM_REPORT_JSON) {
        cm_fail(context, CM_ERR_INPUT, "geocoding reports are text or JSON");
        return NULL;
    }
    GString *out = g_string_new(format == CM_REPORT_JSON ? "[" : "");
    for (size_t i = 0; i < n; i++) {
        const cm_candidate_list *list = answers[i].candidates;
        if (format == CM_REPORT_TEXT) {
            if (answers[i].error)
                continue;
            g_string_append_printf(out, "%s: ", answers[i].query);
            text_candidate(context, out, cm_candidate_list_get(list, 0));
            for (size_t j = 1; j < cm_candidate_list_count(list); j++) {
                g_string_append(out, "    or ");
                text_candidate(context, out, cm_candidate_list_get(list, j));
            }
            continue;
        }
        g_string_append(out, i ? ",\n {\"query\": " : "{\"query\": ");
        cm_json_append_string(out, answers[i].query);
        if (answers[i].error) {
            json_text(out, "error", answers[i].error);
            g_string_append_c(out, '}');
            continue;
        }
        const cm_candidate *best = cm_candidate_list_get(list, 0);
        json_candidate(context, out, best);
        json_number(out, "confidence", "%.2f", best->confidence);
        g_string_append(out, ", \"alternatives\": [");
        for (size_t j = 1; j < cm_candidate_list_count(list); j++) {
            const cm_candidate *other = cm_candidate_list_get(list, j);
            g_string_append(out, j > 1 ? ",\n   {" : "\n   {");
            /* Each alternative's keys come after a comma; drop the first. */
            gsize start = out->len;
            json_candidate(context, out, other);
            g_string_erase(out, (gssize)start, 2);
            json_number(out, "distance_km", "%.1f",
                        cm_geodesic_inverse(best->place->position, other->place->position)
                                .distance_m / 1000.0);
            g_string_append_c(out, '}');
        }
        g_string_append(out, "]}");
    }
    if (format == CM_REPORT_JSON)
        g_string_append(out, "]\n");
    return g_string_free(out, FALSE);
}

char *cm_report_reverse(cm_context *context, cm_geo_point point, const cm_place *place,
                        cm_geodesic_result from_place, cm_report_format format)
{
    if (format != CM_REPORT_TEXT && format != CM_REPORT_JSON) {
        cm_fail(context, CM_ERR_INPUT, "geocoding reports are text or JSON");
        return NULL;
    }
    GString *out = g_string_new(NULL);
    /* Whole degrees as a compass reads; 360 rounds to 000. */
    int bearing = (int)lround(from_place.azimuth_deg) % 360;
    if (format == CM_REPORT_TEXT) {
        append_number(out, "%.1f", from_place.distance_m / 1000.0);
        g_string_append_printf(out, " km %03d° from ", bearing);
        text_place(out, place);
        g_string_append_c(out, '\n');
        return g_string_free(out, FALSE);
    }
    char *mgrs = cm_mgrs_format(context, point, 5);
    g_string_append(out, "{\"query\": {\"lat\": ");
    append_number(out, "%.6f", point.lat);
    json_number(out, "lon", "%.6f", point.lon);
    if (mgrs)
        json_text(out, "mgrs", mgrs);
    else
        g_string_append(out, ", \"mgrs\": null");
    cm_free(mgrs);
    g_string_append_c(out, '}');
    json_place(context, out, place);
    json_number(out, "distance_km", "%.3f", from_place.distance_m / 1000.0);
    json_number(out, "bearing_deg", "%.1f", from_place.azimuth_deg);
    g_string_append(out, "}\n");
    return g_string_free(out, FALSE);
}
