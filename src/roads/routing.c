/* Routing on a roads database: opening NAME.roads (its manifest and the
 * Routino database in it) and finding the road route of one leg with
 * libroutino. Every call into Routino is made under road_lock, because
 * Routino keeps process-wide state (Routino_errno, the parsed profiles and
 * translations, search state). */
#include "core/internal.h"
#include "nearest.h"
#include "roads-files.h"

#include <math.h>
#include <routino.h>
#include <stdlib.h>
#include <string.h>

/* Routino's language for the route list; only its names are read. */
#define ROADS_LANGUAGE "en"

struct cm_roads {
    cm_context *context;
    char *path;
    Routino_Database *database;
};

struct cm_road_leg {
    GArray *points; /* of cm_geo_point */
    double distance_m, duration_s;
    int time_from_speed;
    double snap_m[2];
    char **roads;   /* NULL-terminated */
    char **refs;    /* NULL-terminated */
};

static GMutex road_lock;
/* Profiles and translations are global in Routino: parsed by the first
 * cm_roads_open() and freed with the last cm_roads_free(). */
static int routino_users;
static Routino_Translation *translation;

/* Loads Routino's profiles and translations for one more user; under
 * road_lock. */
static cm_status use_routino(cm_context *context)
{
    if (routino_users > 0) {
        routino_users++;
        return CM_OK;
    }
    if (Routino_CheckAPIVersion() != ROUTINO_ERROR_NONE)
        return cm_fail(context, CM_ERR_LIBRARY, "libroutino %s is not of API version %d",
                       Routino_Version, ROUTINO_API_VERSION);
    char *profiles = cm_routino_data_file("profiles.xml");
    char *translations = cm_routino_data_file("translations.xml");
    cm_status status = CM_OK;
    if (!profiles || Routino_ParseXMLProfiles(profiles))
        status = cm_fail(context, CM_ERR_DATA, "cannot read Routino's profiles %s (Debian "
                         "package routino-common)",
                         profiles ? profiles : CM_ROUTINO_DATA_DIR "/profiles.xml");
    else if (!translations || Routino_ParseXMLTranslations(translations)) {
        Routino_FreeXMLProfiles();
        status = cm_fail(context, CM_ERR_DATA, "cannot read Routino's translations %s (Debian "
                         "package routino-common)",
                         translations ? translations : CM_ROUTINO_DATA_DIR "/translations.xml");
    }
    g_free(profiles);
    g_free(translations);
    if (status != CM_OK)
        return status;
    translation = Routino_GetTranslation(ROADS_LANGUAGE);
    routino_users = 1;
    return CM_OK;
}

/* Under road_lock. */
static void release_routino(void)
{
    if (--routino_users > 0)
        return;
    Routino_FreeXMLTranslations();
    Routino_FreeXMLProfiles();
    translation = NULL;
}

/* The first group of pattern in text, new, or NULL when it does not match. */
static char *manifest_value(const char *text, const char *pattern)
{
    GRegex *regex = g_regex_new(pattern, 0, 0, NULL);
    GMatchInfo *match = NULL;
    char *value = g_regex_match(regex, text, 0, &match) ? g_match_info_fetch(match, 1) : NULL;
    g_match_info_free(match);
    g_regex_unref(regex);
    return value;
}

cm_status cm_roads_manifest_check(cm_context *context, const char *path, const char *text,
                                  size_t length)
{
    /* The regular expressions read text up to a NUL: one inside is the
     * end, as in any text file. */
    char *copy = g_strndup(text, length);
    char *format = g_utf8_validate(copy, -1, NULL)
                       ? manifest_value(copy, "\"format\"\\s*:\\s*\"([^\"]*)\"")
                       : NULL;
    char *version = format ? manifest_value(copy, "\"version\"\\s*:\\s*([0-9]+)\\s*[,}]") : NULL;
    cm_status status = CM_OK;
    if (!format || strcmp(format, CM_ROADS_FORMAT) != 0 || !version)
        status = cm_fail(context, CM_ERR_INPUT,
                         "%s is not a roads database: its manifest.json is not of format "
                         "\"" CM_ROADS_FORMAT "\" with a version",
                         path);
    else if (strlen(version) > 9 || g_ascii_strtoll(version, NULL, 10) != CM_ROADS_VERSION)
        status = cm_fail(context, CM_ERR_INPUT,
                         "%s is a roads database of version %.12s%s; this convoymap reads "
                         "version %d: import it again",
                         path, version, strlen(version) > 12 ? "..." : "", CM_ROADS_VERSION);
    g_free(format);
    g_free(version);
    g_free(copy);
    return status;
}

/* Checks path/manifest.json's format and version. */
static cm_status check_manifest(cm_context *context, const char *path)
{
    char *file = g_build_filename(path, CM_ROADS_MANIFEST, NULL);
    char *text = NULL;
    gsize length = 0;
    cm_status status = CM_OK;
    if (!g_file_get_contents(file, &text, &length, NULL))
        status = cm_fail(context, CM_ERR_INPUT, "%s is not a roads database: it has no "
                         "manifest.json (make one with 'convoymap roads import')", path);
    else
        status = cm_roads_manifest_check(context, path, text, length);
    g_free(text);
    g_free(file);
    return status;
}

cm_roads *cm_roads_open(cm_context *context, const char *path)
{
    if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
        cm_fail(context, CM_ERR_INPUT, "no roads database %s: no such directory", path);
        return NULL;
    }
    if (check_manifest(context, path) != CM_OK)
        return NULL;
    char *dir = g_build_filename(path, CM_ROADS_ROUTINO_DIR, NULL);
    g_mutex_lock(&road_lock);
    Routino_Database *database = NULL;
    if (use_routino(context) == CM_OK) {
        database = Routino_LoadDatabase(dir, CM_ROADS_ROUTINO_PREFIX);
        if (!database) {
            cm_fail(context, CM_ERR_INPUT, "%s: Routino cannot load the routing database in "
                    "routino/ (error %d): import it again", path, Routino_errno);
            release_routino();
        }
    }
    g_mutex_unlock(&road_lock);
    g_free(dir);
    if (!database)
        return NULL;
    cm_roads *roads = g_new0(cm_roads, 1);
    roads->context = context;
    roads->path = g_strdup(path);
    roads->database = database;
    return roads;
}

void cm_roads_free(cm_roads *roads)
{
    if (!roads)
        return;
    g_mutex_lock(&road_lock);
    Routino_UnloadDatabase(roads->database);
    release_routino();
    g_mutex_unlock(&road_lock);
    g_free(roads->path);
    g_free(roads);
}

const char *cm_roads_path(const cm_roads *roads) { return roads->path; }

cm_status cm_roads_prefer_parse(cm_context *context, const char *text, cm_roads_prefer *prefer)
{
    if (g_strcmp0(text, "quickest") == 0)
        *prefer = CM_ROADS_QUICKEST;
    else if (g_strcmp0(text, "shortest") == 0)
        *prefer = CM_ROADS_SHORTEST;
    else
        return cm_fail(context, CM_ERR_INPUT, "unknown --prefer '%s': quickest or shortest",
                       text ? text : "");
    return CM_OK;
}

/* The profile called vehicle, validated against roads' database; under
 * road_lock. NULL with the error on roads' context. */
static Routino_Profile *find_profile(cm_roads *roads, const char *vehicle)
{
    Routino_Profile *profile = Routino_GetProfile(vehicle);
    if (!profile) {
        char **names = Routino_GetProfileNames();
        char *list = g_strjoinv(", ", names);
        /* The array is ours, its names the profiles'. */
        free(names);
        cm_fail(roads->context, CM_ERR_INPUT, "unknown vehicle '%s': one of %s", vehicle, list);
        g_free(list);
        return NULL;
    }
    if (Routino_ValidateProfile(roads->database, profile) != ROUTINO_ERROR_NONE) {
        cm_fail(roads->context, CM_ERR_INPUT, "%s: vehicle '%s' cannot be routed on this "
                "database (Routino error %d)", roads->path, vehicle, Routino_errno);
        return NULL;
    }
    return profile;
}

cm_status cm_roads_limit_parse(cm_context *context, const char *flag, const char *text,
                               double *value)
{
    const double max = strcmp(flag, "--weight") == 0 ? CM_ROADS_MAX_WEIGHT_T : CM_ROADS_MAX_SIZE_M;
    const char *unit = strcmp(flag, "--weight") == 0 ? "t" : "m";
    char *end = NULL;
    double number = text ? g_ascii_strtod(text, &end) : NAN;
    if (!text || end == text || *end || !(number > 0.0 && number <= max))
        return cm_fail(context, CM_ERR_INPUT, "bad %s '%s': a number above 0 and at most %g (%s)",
                       flag, text ? text : "", max, unit);
    *value = number;
    return CM_OK;
}

/* The head of libroutino 3.3's private profile (Routino's profiles.h), as
 * far as the vehicle limits. Routino's public way to change a profile's
 * limits, Routino_CreateUserProfileFromProfile() and back, drops the
 * oneway and turn rules (3.3.3 copies neither flag), so a limited profile
 * is made that way and then given the flags through this head; the head
 * is first checked against the public user profile of the same profile,
 * and a library that keeps its profiles otherwise is refused. */
typedef struct routino_profile_head {
    char *name;
    int transport;
    float highway[ROUTINO_HIGHWAY_FERRY + 1];
    unsigned char speed[ROUTINO_HIGHWAY_FERRY + 1];
    float props[ROUTINO_PROPERTY_BICYCLEROUTE + 1];
    int oneway, turns;
    unsigned char weight, height, width, length;
} routino_profile_head;

/* Routino's units of the limits: 0.2 t and 0.1 m, in one byte. */
#define ROUTINO_WEIGHT_STEPS_PER_T 5.0
#define ROUTINO_SIZE_STEPS_PER_M 10.0
#define ROUTINO_LIMIT_MAX_STEPS 255.0

/* The limit in Routino's steps: the vehicle's rounded up (a 10.1 t truck
 * is refused by a 10 t bridge), or the profile's when value is 0. */
static unsigned char limit_steps(double value, double steps_per_unit, unsigned char profile)
{
    if (value <= 0.0)
        return profile;
    /* 1e-6 keeps a value typed on a step (2.5 m) on it despite binary fractions. */
    return (unsigned char)fmin(ceil(value * steps_per_unit - 1e-6), ROUTINO_LIMIT_MAX_STEPS);
}

/* 1 when head reads the profile as Routino's own user profile of it. */
static int head_matches(const routino_profile_head *head, const Routino_UserProfile *user)
{
    if (head->transport != user->transport || (head->oneway & ~1) || (head->turns & ~1))
        return 0;
    for (int i = 1; i <= ROUTINO_HIGHWAY_FERRY; i++)
        if (head->highway[i] != user->highway[i] || head->speed[i] != user->speed[i])
            return 0;
    for (int i = 1; i <= ROUTINO_PROPERTY_BICYCLEROUTE; i++)
        if (head->props[i] != user->props[i])
            return 0;
    return head->weight == lrintf(user->weight * (float)ROUTINO_WEIGHT_STEPS_PER_T) &&
           head->height == lrintf(user->height * (float)ROUTINO_SIZE_STEPS_PER_M) &&
           head->width == lrintf(user->width * (float)ROUTINO_SIZE_STEPS_PER_M) &&
           head->length == lrintf(user->length * (float)ROUTINO_SIZE_STEPS_PER_M);
}

/* A new copy of base (free with free()) with options' limits, validated on
 * roads' database; under road_lock. NULL with CM_ERR_LIBRARY on roads'
 * context when this libroutino's profiles are not as expected. */
static Routino_Profile *limited_profile(cm_roads *roads, Routino_Profile *base,
                                        const cm_roads_options *options)
{
    const routino_profile_head *head = (const routino_profile_head *)base;
    Routino_UserProfile *user = Routino_CreateUserProfileFromProfile(base);
    Routino_Profile *profile = NULL;
    if (user && head_matches(head, user)) {
        /* Routino refuses a zero speed or limit: they are set right below,
         * and a zero speed belongs to a highway the profile does not use. */
        for (int i = 1; i <= ROUTINO_HIGHWAY_FERRY; i++)
            if (user->speed[i] <= 0.0f && user->highway[i] <= 0.0f)
                user->speed[i] = 1.0f;
        user->weight = user->height = user->width = user->length = 1.0f;
        profile = Routino_CreateProfileFromUserProfile(user);
    }
    free(user);
    if (profile) {
        routino_profile_head *copy = (routino_profile_head *)profile;
        copy->oneway = head->oneway;
        copy->turns = head->turns;
        copy->weight = limit_steps(options->weight_t, ROUTINO_WEIGHT_STEPS_PER_T, head->weight);
        copy->height = limit_steps(options->height_m, ROUTINO_SIZE_STEPS_PER_M, head->height);
        copy->width = limit_steps(options->width_m, ROUTINO_SIZE_STEPS_PER_M, head->width);
        copy->length = limit_steps(options->length_m, ROUTINO_SIZE_STEPS_PER_M, head->length);
    }
    if (!profile || Routino_ValidateProfile(roads->database, profile) != ROUTINO_ERROR_NONE) {
        free(profile);
        cm_fail(roads->context, CM_ERR_LIBRARY, "libroutino %s keeps its vehicle profiles in a "
                "way this convoymap does not know: --weight, --height, --width and --length "
                "cannot be used with it", Routino_Version);
        return NULL;
    }
    return profile;
}

static int has_limits(const cm_roads_options *options)
{
    return options && (options->weight_t > 0.0 || options->height_m > 0.0 ||
                       options->width_m > 0.0 || options->length_m > 0.0);
}

cm_status cm_roads_check_vehicle(cm_roads *roads, const char *vehicle)
{
    g_mutex_lock(&road_lock);
    cm_status status = find_profile(roads, vehicle) ? CM_OK : cm_context_status(roads->context);
    g_mutex_unlock(&road_lock);
    return status;
}

/* A road number alone: letters, then a number and perhaps a suffix. */
#define REF_PATTERN "^[A-Z]{1,4}[ -]?[0-9]+[A-Za-z0-9 ]*$"
/* Routino's "Name (ref)". */
#define NAME_REF_PATTERN "^.+ \\(([^()]+)\\)$"

/* The ref in a name as Routino gives it (see cm_road_leg_refs()), new, or
 * NULL. */
static char *ref_of(const char *name)
{
    static GRegex *ref, *name_ref;
    if (g_once_init_enter(&ref)) {
        name_ref = g_regex_new(NAME_REF_PATTERN, 0, 0, NULL);
        g_once_init_leave(&ref, g_regex_new(REF_PATTERN, 0, 0, NULL));
    }
    GMatchInfo *match = NULL;
    char *result = NULL;
    if (g_regex_match(name_ref, name, 0, &match))
        result = g_match_info_fetch(match, 1);
    else if (g_regex_match(ref, name, 0, NULL))
        result = g_strdup(name);
    g_match_info_free(match);
    return result;
}

/* Appends text (taken) to list unless it repeats the last one. */
static void add_unrepeated(GPtrArray *list, char *text)
{
    if (list->len && strcmp(g_ptr_array_index(list, list->len - 1), text) == 0)
        g_free(text);
    else
        g_ptr_array_add(list, text);
}

/* Builds the leg from Routino's list of all route points: positions in
 * radians, cumulative distance in km, cumulative time in minutes (routino.h
 * says seconds, but the library fills it in minutes, as routino-router's
 * text output prints it), the name of the road arriving at each point. */
static cm_road_leg *leg_from_output(const Routino_Output *output, cm_geo_point from,
                                    cm_geo_point to, const cm_geo_point *far[2],
                                    double speed_kmh)
{
    cm_road_leg *leg = g_new0(cm_road_leg, 1);
    leg->points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    if (far[0])
        g_array_append_val(leg->points, *far[0]);
    GPtrArray *roads = g_ptr_array_new(), *refs = g_ptr_array_new();
    const Routino_Output *last = output;
    for (const Routino_Output *p = output; p; p = p->next) {
        cm_geo_point point = {p->lat * (180.0 / G_PI), p->lon * (180.0 / G_PI)};
        g_array_append_val(leg->points, point);
        if (p != output && p->name && *p->name) {
            add_unrepeated(roads, g_strdup(p->name));
            char *ref = ref_of(p->name);
            if (ref)
                add_unrepeated(refs, ref);
        }
        last = p;
    }
    if (far[1])
        g_array_append_val(leg->points, *far[1]);
    g_ptr_array_add(roads, NULL);
    leg->roads = (char **)g_ptr_array_free(roads, FALSE);
    g_ptr_array_add(refs, NULL);
    leg->refs = (char **)g_ptr_array_free(refs, FALSE);
    leg->distance_m = last->dist * 1000.0;
    leg->duration_s = last->time * 60.0;
    if (speed_kmh > 0.0 && leg->distance_m / 1000.0 / speed_kmh * 3600.0 > leg->duration_s) {
        leg->duration_s = leg->distance_m / 1000.0 / speed_kmh * 3600.0;
        leg->time_from_speed = 1;
    }
    leg->snap_m[0] = cm_geodesic_inverse(from, g_array_index(leg->points, cm_geo_point, 0))
                         .distance_m;
    leg->snap_m[1] =
        cm_geodesic_inverse(g_array_index(leg->points, cm_geo_point, leg->points->len - 1), to)
            .distance_m;
    return leg;
}

/* Where Routino finds no road near point: the nearest road point of a
 * class profile routes on, from roads.gpkg, within CM_ROADS_SNAP_FAR_MAX_M,
 * into road[0], and its segment's ends, nearer first (Routino finds no
 * road from the middle of a segment whose ends are both farther than its
 * reach); NAN in road[0] when there is none. *reach_m is how far it was
 * looked for: Routino's own reach for a database without roads.gpkg (a
 * Routino database alone). Under road_lock. */
static cm_status snap_far(cm_roads *roads, Routino_Profile *profile, cm_geo_point point,
                          cm_geo_point road[3], double *reach_m)
{
    road[0] = (cm_geo_point){NAN, NAN};
    char *gpkg = g_build_filename(roads->path, CM_ROADS_GPKG, NULL);
    *reach_m = g_file_test(gpkg, G_FILE_TEST_EXISTS) ? CM_ROADS_SNAP_FAR_MAX_M
                                                     : CM_ROADS_SNAP_MAX_M;
    if (*reach_m == CM_ROADS_SNAP_MAX_M) {
        g_free(gpkg);
        return CM_OK;
    }
    Routino_UserProfile *user = Routino_CreateUserProfileFromProfile(profile);
    if (!user) {
        g_free(gpkg);
        return cm_fail(roads->context, CM_ERR_LIBRARY, "libroutino %s cannot read a vehicle "
                       "profile (error %d)", Routino_Version, Routino_errno);
    }
    gboolean usable[ROUTINO_HIGHWAY_FERRY + 1] = {FALSE};
    for (int i = 1; i <= ROUTINO_HIGHWAY_FERRY; i++)
        usable[i] = user->highway[i] > 0.0f;
    free(user);
    double distance_m;
    cm_geo_point found[3];
    cm_status status = cm_roads_nearest(roads->context, gpkg, point, usable,
                                        CM_ROADS_SNAP_FAR_MAX_M, found, &distance_m);
    if (status == CM_OK && isfinite(distance_m))
        memcpy(road, found, sizeof found);
    g_free(gpkg);
    return status;
}

cm_status cm_roads_route(cm_roads *roads, const cm_roads_options *options, cm_geo_point from,
                         const char *from_name, cm_geo_point to, const char *to_name,
                         cm_road_leg **leg)
{
    const char *vehicle =
        options && options->vehicle ? options->vehicle : CM_ROADS_DEFAULT_VEHICLE;
    int prefer = options && options->prefer == CM_ROADS_SHORTEST ? ROUTINO_ROUTE_SHORTEST
                                                                 : ROUTINO_ROUTE_QUICKEST;
    cm_status status = CM_OK;
    g_mutex_lock(&road_lock);
    Routino_Profile *profile = find_profile(roads, vehicle);
    Routino_Profile *limited = NULL;
    if (profile && has_limits(options))
        profile = limited = limited_profile(roads, profile, options);
    Routino_Waypoint *ends[2] = {NULL, NULL};
    if (!profile)
        status = cm_context_status(roads->context);
    const cm_geo_point points[2] = {from, to};
    const char *names[2] = {from_name, to_name};
    cm_geo_point far_points[2][3];
    const cm_geo_point *far[2] = {NULL, NULL};
    double reach_m = CM_ROADS_SNAP_MAX_M;
    for (int i = 0; i < 2 && status == CM_OK; i++) {
        ends[i] = Routino_FindWaypoint(roads->database, profile, points[i].lat, points[i].lon);
        if (!ends[i] &&
            (status = snap_far(roads, profile, points[i], far_points[i], &reach_m)) == CM_OK &&
            !isnan(far_points[i][0].lat)) {
            far[i] = &far_points[i][0];
            for (int k = 0; k < 3 && !ends[i]; k++)
                ends[i] = Routino_FindWaypoint(roads->database, profile, far_points[i][k].lat,
                                               far_points[i][k].lon);
        }
        if (!ends[i] && status == CM_OK)
            status = cm_fail(roads->context, CM_ERR_INPUT,
                             "no road for a %s within %g km of %s (%.5f, %.5f) in %s", vehicle,
                             reach_m / 1000.0, names[i], points[i].lat,
                             points[i].lon, roads->path);
    }
    if (status == CM_OK) {
        Routino_Output *output =
            Routino_CalculateRoute(roads->database, profile, translation, ends, 2,
                                   prefer | ROUTINO_ROUTE_LIST_TEXT_ALL, NULL);
        if (!output)
            status = cm_fail(roads->context, CM_ERR_INPUT,
                             "no road route for a %s from %s to %s in %s: they are on parts "
                             "of the network that do not join", vehicle, from_name, to_name,
                             roads->path);
        else
            *leg = leg_from_output(output, from, to, far, options ? options->speed_kmh : 0.0);
        Routino_DeleteRoute(output);
    }
    g_mutex_unlock(&road_lock);
    free(limited);
    free(ends[0]);
    free(ends[1]);
    return status;
}

void cm_road_leg_free(cm_road_leg *leg)
{
    if (!leg)
        return;
    g_array_free(leg->points, TRUE);
    g_strfreev(leg->roads);
    g_strfreev(leg->refs);
    g_free(leg);
}

const cm_geo_point *cm_road_leg_points(const cm_road_leg *leg, size_t *n_points)
{
    *n_points = leg->points->len;
    return (const cm_geo_point *)leg->points->data;
}

double cm_road_leg_distance_m(const cm_road_leg *leg) { return leg->distance_m; }

double cm_road_leg_duration_s(const cm_road_leg *leg) { return leg->duration_s; }

int cm_road_leg_time_from_speed(const cm_road_leg *leg) { return leg->time_from_speed; }

double cm_road_leg_snap_m(const cm_road_leg *leg, int end) { return leg->snap_m[end ? 1 : 0]; }

const char *const *cm_road_leg_roads(const cm_road_leg *leg)
{
    return (const char *const *)leg->roads;
}

const char *const *cm_road_leg_refs(const cm_road_leg *leg)
{
    return (const char *const *)leg->refs;
}
