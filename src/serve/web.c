/* convoymap serve — the viewer, capabilities, static maps and reports
 * (web.h). */
#include "web.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "server.h"
#include "static-query.h"
#include "viewer.h"

#define CONTENT_JSON "application/json"
#define CONTENT_XML "application/xml"
#define CONTENT_HTML "text/html; charset=utf-8"

/* What one request works with: the library's objects are used from one
 * thread at a time (context.h), so each request takes its own from the
 * pool and gives them back. A cm_roads reports its errors on the context
 * it was opened with, so each worker opens the roads with its own (the
 * route searches themselves still run one at a time, roads.h). */
typedef struct web_worker {
    cm_context *context;
    cm_geocoder *geocoder;
    cm_roads *roads; /* NULL without roads */
} web_worker;

struct serve_web {
    char *data_dir;
    char **gazetteers;
    serve_tileset tileset;
    char *name; /* tileset.name points here */
    char *style;
    int max_static_side;
    char *roads;                   /* the roads database's path; NULL: none */
    cm_roads_options roads_options; /* its vehicle points to vehicle */
    char *vehicle;
    int allow_straight;
    GThreadPool *later; /* runs the head of pending, once per job queued */
    unsigned queue_limit;
    GMutex lock;
    GPtrArray *idle; /* web_worker *, guarded by lock */
    /* later_job * not yet taken by a thread, guarded by lock: our own queue
     * rather than the pool's, so that serve_web_cancel() can answer them. */
    GQueue pending;
    int cancelled;   /* guarded by lock: no more jobs are queued */
};

static void worker_free(web_worker *worker)
{
    if (!worker)
        return;
    cm_roads_free(worker->roads);
    cm_geocoder_free(worker->geocoder);
    cm_context_free(worker->context);
    g_free(worker);
}

/* A new context, geocoder with the user's gazetteers and, with roads, the
 * roads; NULL with *error. */
static web_worker *worker_new(const serve_web *web, char **error)
{
    char *message = NULL;
    web_worker *worker = g_new0(web_worker, 1);
    worker->context = cm_context_new(web->data_dir, &message);
    if (!worker->context) {
        *error = g_strdup(message);
        cm_free(message);
        g_free(worker);
        return NULL;
    }
    worker->geocoder = cm_geocoder_new(worker->context);
    for (char **file = web->gazetteers; worker->geocoder && file && *file; file++)
        if (cm_geocoder_add_gazetteer(worker->geocoder, *file) != CM_OK) {
            cm_geocoder_free(worker->geocoder);
            worker->geocoder = NULL;
        }
    if (worker->geocoder && web->roads)
        worker->roads = cm_roads_open(worker->context, web->roads);
    if (!worker->geocoder || (web->roads && !worker->roads)) {
        *error = g_strdup(cm_context_message(worker->context));
        worker_free(worker);
        return NULL;
    }
    return worker;
}

static web_worker *take_worker(serve_web *web, char **error)
{
    g_mutex_lock(&web->lock);
    web_worker *worker = web->idle->len ? g_ptr_array_steal_index(web->idle, web->idle->len - 1)
                                        : NULL;
    g_mutex_unlock(&web->lock);
    return worker ? worker : worker_new(web, error);
}

/* Gives worker back, its error and notes forgotten. */
static void give_worker(serve_web *web, web_worker *worker)
{
    cm_context_clear_error(worker->context);
    cm_free(cm_geocoder_take_notes(worker->geocoder));
    g_mutex_lock(&web->lock);
    g_ptr_array_add(web->idle, worker);
    g_mutex_unlock(&web->lock);
}

/* A request serve_web_handle_later() queued. */
typedef struct later_job {
    char *method, *path, *query, *base_url;
    serve_web_done_fn done;
    void *data;
} later_job;

static void later_job_free(later_job *job)
{
    g_free(job->method);
    g_free(job->path);
    g_free(job->query);
    g_free(job->base_url);
    g_free(job);
}

/* One of the pool's threads: the oldest job pending, if serve_web_cancel()
 * has not answered it already. */
static void run_later(gpointer data, gpointer user_data)
{
    serve_web *web = user_data;
    g_mutex_lock(&web->lock);
    later_job *job = g_queue_pop_head(&web->pending);
    g_mutex_unlock(&web->lock);
    if (!job)
        return;
    serve_reply reply = {0};
    serve_web_handle(web, job->method, job->path, job->query, job->base_url, &reply);
    job->done(&reply, job->data);
    later_job_free(job);
}

serve_web *serve_web_new(const serve_web_config *config, char **error)
{
    serve_web *web = g_new0(serve_web, 1);
    web->data_dir = g_strdup(config->data_dir);
    web->gazetteers = g_strdupv((char **)config->gazetteers);
    web->tileset = config->tileset;
    web->name = g_strdup(config->tileset.name);
    web->tileset.name = web->name;
    web->style = g_strdup(config->style);
    web->roads = g_strdup(config->roads);
    web->roads_options = config->roads_options;
    web->vehicle = g_strdup(config->roads_options.vehicle);
    web->roads_options.vehicle = web->vehicle;
    web->allow_straight = config->allow_straight;
    web->max_static_side = config->max_static_side > 0 ? config->max_static_side
                                                       : SERVE_MAX_STATIC_SIDE;
    g_mutex_init(&web->lock);
    g_queue_init(&web->pending);
    web->idle = g_ptr_array_new_with_free_func((GDestroyNotify)worker_free);
    web->later = g_thread_pool_new(run_later, web, MAX(config->threads, 1), FALSE, NULL);
    web->queue_limit = (unsigned)MAX(config->threads, 1) * SERVE_WEB_QUEUE_PER_THREAD;
    *error = NULL;
    web_worker *first = worker_new(web, error);
    if (!first) {
        serve_web_free(web);
        return NULL;
    }
    give_worker(web, first);
    return web;
}

void serve_web_free(serve_web *web)
{
    if (!web)
        return;
    if (web->later)
        g_thread_pool_free(web->later, FALSE, TRUE);
    g_ptr_array_free(web->idle, TRUE);
    g_queue_clear_full(&web->pending, (GDestroyNotify)later_job_free);
    g_mutex_clear(&web->lock);
    g_free(web->style);
    g_free(web->vehicle);
    g_free(web->roads);
    g_free(web->name);
    g_strfreev(web->gazetteers);
    g_free(web->data_dir);
    g_free(web);
}

/* The paths this module answers, and how. */
typedef void (*endpoint_fn)(serve_web *web, web_worker *worker, const char *query,
                            const char *base_url, serve_reply *reply);

static void reply_text(serve_reply *reply, unsigned status, const char *content_type,
                       char *text)
{
    serve_reply_clear(reply);
    reply->status = status;
    reply->content_type = content_type;
    reply->body = (unsigned char *)text;
    reply->length = strlen(text);
}

/* A one-line JSON error {"error": message}. */
static void reply_json_error(serve_reply *reply, unsigned status, const char *message)
{
    GString *json = g_string_new("{\"error\": \"");
    for (const char *c = message; *c; c++) {
        if (*c == '"' || *c == '\\')
            g_string_append_printf(json, "\\%c", *c);
        else if ((unsigned char)*c < 0x20)
            g_string_append_printf(json, "\\u%04x", (unsigned)(unsigned char)*c);
        else
            g_string_append_c(json, *c);
    }
    g_string_append(json, "\"}\n");
    reply_text(reply, status, CONTENT_JSON, g_string_free(json, FALSE));
}

/* Documents that take no parameter: any query is refused, as the other
 * endpoints refuse unknown parameters. */
static int no_query(const char *query, serve_reply *reply)
{
    if (!query || !*query)
        return 1;
    serve_reply_error(reply, 400, "this path takes no query parameters");
    return 0;
}

/* Documents with absolute URLs need the Host the client used. */
static int has_base(const char *base_url, serve_reply *reply)
{
    if (base_url)
        return 1;
    serve_reply_error(reply, 400, "this document holds absolute URLs: it needs a Host header");
    return 0;
}

static void viewer_page(serve_web *web, web_worker *worker, const char *query,
                        const char *base_url, serve_reply *reply)
{
    if (no_query(query, reply))
        reply_text(reply, 200, CONTENT_HTML, serve_viewer_page(&web->tileset));
    reply->cacheable = reply->status == 200;
}

static void tilejson(serve_web *web, web_worker *worker, const char *query,
                     const char *base_url, serve_reply *reply)
{
    if (no_query(query, reply) && has_base(base_url, reply))
        reply_text(reply, 200, CONTENT_JSON, serve_tilejson(&web->tileset, base_url));
    reply->cacheable = reply->status == 200;
}

static void wmts(serve_web *web, web_worker *worker, const char *query, const char *base_url,
                 serve_reply *reply)
{
    if (!no_query(query, reply) || !has_base(base_url, reply))
        return;
    char *xml = serve_wmts_capabilities(worker->context, &web->tileset, base_url);
    if (xml) {
        reply_text(reply, 200, CONTENT_XML, xml);
        reply->cacheable = 1;
    } else {
        serve_reply_error(reply, 500, "%s", cm_context_message(worker->context));
    }
}

/* /geocode?q=QUERY[&limit=N][&country=CC]: `convoymap geocode --format
 * json QUERY`, one answer. */
static void geocode(serve_web *web, web_worker *worker, const char *query,
                    const char *base_url, serve_reply *reply)
{
    serve_geocode_query values = {0};
    char *error = NULL;
    long limit = SERVE_GEOCODE_DEFAULT_LIMIT;
    char *end = NULL;
    if (!serve_query_parse(query, serve_geocode_params, serve_geocode_param_count, &values,
                           &error)) {
        reply_json_error(reply, 400, error);
    } else if (!values.q || !*values.q) {
        reply_json_error(reply, 400, "missing parameter 'q' (a place name or coordinate)");
    } else if (values.limit &&
               ((limit = strtol(values.limit, &end, 10)) < 1 ||
                limit > SERVE_GEOCODE_MAX_LIMIT || end == values.limit || *end)) {
        error = g_strdup_printf("limit '%s' is not a whole number from 1 to %d", values.limit,
                                SERVE_GEOCODE_MAX_LIMIT);
        reply_json_error(reply, 400, error);
    } else {
        cm_candidate_list *list = NULL;
        cm_status status = cm_geocoder_answer(worker->geocoder, values.q, values.country,
                                              (size_t)limit, &list);
        char *message = status == CM_OK ? NULL : g_strdup(cm_context_message(worker->context));
        cm_geocode_answer answer = {values.q, status == CM_OK ? list : NULL, message};
        char *report = cm_report_geocode(worker->context, &answer, 1, CM_REPORT_JSON);
        /* No list at all: the query itself is malformed, not unknown. */
        if (status != CM_OK && !list)
            reply_json_error(reply, 400, message);
        else if (!report)
            reply_json_error(reply, 500, cm_context_message(worker->context));
        else
            reply_text(reply, status == CM_OK ? 200 : 404, CONTENT_JSON, g_strdup(report));
        reply->cacheable = reply->status == 200;
        cm_free(report);
        g_free(message);
        cm_candidate_list_free(list);
    }
    g_free(error);
    serve_query_clear(serve_geocode_params, serve_geocode_param_count, &values);
}

/* A new scene on worker's context that routes on the server's roads, if
 * it has any. */
static cm_scene *new_scene(const serve_web *web, const web_worker *worker)
{
    cm_scene *scene = cm_scene_new(worker->context);
    if (worker->roads)
        cm_scene_set_roads(scene, worker->roads, &web->roads_options, web->allow_straight);
    return scene;
}

/* /route?route=SPEC[&route=SPEC...][&units=km|mi|nm]: `convoymap route
 * --route SPEC --format json`, with --roads and its flags when the server
 * has them. */
static void route(serve_web *web, web_worker *worker, const char *query, const char *base_url,
                  serve_reply *reply)
{
    serve_route_query values = {0};
    char *error = NULL;
    cm_units units = CM_UNITS_KM;
    if (!serve_query_parse(query, serve_route_params, serve_route_param_count, &values,
                           &error)) {
        reply_json_error(reply, 400, error);
    } else if (!values.routes) {
        reply_json_error(reply, 400, "missing parameter 'route' (e.g. route=Amman > Baghdad)");
    } else if (values.units && cm_units_parse(worker->context, values.units, &units) != CM_OK) {
        reply_json_error(reply, 400, cm_context_message(worker->context));
    } else {
        cm_scene *scene = new_scene(web, worker);
        for (char **spec = values.routes; *spec; spec++)
            cm_scene_add_route_spec(scene, *spec);
        char *report = NULL;
        if (cm_scene_resolve(scene, worker->geocoder) != CM_OK)
            reply_json_error(reply, 422, cm_context_message(worker->context));
        else if (!(report = cm_scene_report(scene, CM_REPORT_JSON, units)))
            reply_json_error(reply, 500, cm_context_message(worker->context));
        else
            reply_text(reply, 200, CONTENT_JSON, g_strdup(report));
        reply->cacheable = reply->status == 200;
        cm_free(report);
        cm_scene_free(scene);
    }
    g_free(error);
    serve_query_clear(serve_route_params, serve_route_param_count, &values);
}

/* A finite number into *value; 0 otherwise. */
static int parse_number(const char *text, double *value)
{
    char *end;
    *value = g_ascii_strtod(text, &end);
    return end != text && *end == '\0' && isfinite(*value);
}

/* The page, look and furniture of q on map; 0 with a 400 reply naming the
 * value at fault. */
static int set_look(serve_web *web, cm_context *context, cm_map *map,
                    const serve_static_query *q, serve_reply *reply)
{
    cm_grid_kind grid = CM_GRID_NONE;
    cm_label_language labels = CM_LABELS_EN;
    double scale = 1;
    if (q->scale && !parse_number(q->scale, &scale)) {
        serve_reply_error(reply, 400, "scale '%s' is not a number (e.g. 2)", q->scale);
        return 0;
    }
    const char *style = q->style ? q->style : web->style;
    if ((q->grid && cm_grid_kind_parse(context, q->grid, &grid) != CM_OK) ||
        (q->labels && cm_label_language_parse(context, q->labels, &labels) != CM_OK) ||
        (q->size && cm_map_set_page(map, q->size) != CM_OK) ||
        (q->scale && cm_map_set_scale(map, scale) != CM_OK) ||
        (style && cm_map_set_style(map, style) != CM_OK) ||
        (q->dtg && cm_map_set_dtg(map, q->dtg) != CM_OK) ||
        (q->banner && cm_map_set_banner(map, q->banner, NULL) != CM_OK)) {
        serve_reply_error(reply, 400, "%s", cm_context_message(context));
        return 0;
    }
    cm_map_set_grid(map, grid);
    cm_map_set_labels(map, labels);
    return 1;
}

/* The area of q on map (render's --bbox, or --center with --radius-km,
 * else the content fitted); 0 with a 400 reply. */
static int set_area(cm_context *context, cm_map *map, const serve_static_query *q,
                    const cm_scene *scene, serve_reply *reply)
{
    if (q->bbox && q->center) {
        serve_reply_error(reply, 400, "bbox and center both set the map's area: give one");
        return 0;
    }
    if (!q->center != !q->radius_km) {
        serve_reply_error(reply, 400, "center and radius_km go together (e.g. "
                                      "center=33.3,44.4&radius_km=150)");
        return 0;
    }
    double radius_km = 0;
    if (q->radius_km && !parse_number(q->radius_km, &radius_km)) {
        serve_reply_error(reply, 400, "radius_km '%s' is not a number of km (e.g. 150)",
                          q->radius_km);
        return 0;
    }
    cm_bbox bbox;
    cm_geo_point centre;
    if ((q->bbox && (cm_bbox_parse(context, q->bbox, &bbox) != CM_OK ||
                     cm_map_set_bbox(map, &bbox) != CM_OK)) ||
        (q->center && cm_scene_center(scene, &centre) &&
         cm_map_set_center(map, centre.lat, centre.lon, radius_km) != CM_OK)) {
        serve_reply_error(reply, 400, "%s", cm_context_message(context));
        return 0;
    }
    return 1;
}

static const char *format_content_type(cm_format format)
{
    switch (format) {
    case CM_FORMAT_SVG:
        return "image/svg+xml";
    case CM_FORMAT_PDF:
        return "application/pdf";
    default:
        return "image/png";
    }
}

/* The scene of q resolved (render's routes, marks and centre; the
 * example convoy when q names no route, mark or area, as render draws
 * it); NULL with a 422 reply when a place cannot be read. */
static cm_scene *resolve_scene(const serve_web *web, web_worker *worker,
                               const serve_static_query *q, serve_reply *reply)
{
    cm_scene *scene = new_scene(web, worker);
    cm_bbox area;
    if (q->bbox && cm_bbox_parse(worker->context, q->bbox, &area) == CM_OK)
        cm_scene_set_area(scene, &area);
    cm_context_clear_error(worker->context);
    gboolean example = !q->routes && !q->bbox && !q->center;
    if (example)
        cm_scene_add_example(scene);
    if (example && !q->marks)
        cm_scene_add_example_marks(scene);
    for (char **spec = q->routes; spec && *spec; spec++)
        cm_scene_add_route_spec(scene, *spec);
    for (char **mark = q->marks; mark && *mark; mark++)
        cm_scene_add_mark(scene, *mark);
    cm_scene_set_center(scene, q->center);
    if (cm_scene_resolve(scene, worker->geocoder) != CM_OK) {
        serve_reply_error(reply, 422, "%s", cm_context_message(worker->context));
        cm_scene_free(scene);
        return NULL;
    }
    return scene;
}

/* Renders map in format into reply, if its size is within the server's
 * limit. */
static void render_static(serve_web *web, cm_context *context, cm_map *map, cm_format format,
                          serve_reply *reply)
{
    int width, height;
    if (cm_map_output_size(map, format, &width, &height) != CM_OK) {
        serve_reply_error(reply, 400, "%s", cm_context_message(context));
        return;
    }
    if (width > web->max_static_side || height > web->max_static_side ||
        (double)width * height > SERVE_MAX_STATIC_PIXELS) {
        serve_reply_error(reply, 400, "the map would be %dx%d, larger than this server's "
                          "limit of %d a side and %d pixels (size and scale)", width, height,
                          web->max_static_side, SERVE_MAX_STATIC_PIXELS);
        return;
    }
    unsigned char *data;
    size_t length;
    if (cm_map_render_memory(map, format, &data, &length) != CM_OK) {
        serve_reply_error(reply, cm_context_status(context) == CM_ERR_INPUT ? 400 : 500, "%s",
                          cm_context_message(context));
        return;
    }
    serve_reply_clear(reply);
    reply->status = 200;
    reply->content_type = format_content_type(format);
    reply->body = g_memdup2(data, length);
    reply->length = length;
    reply->cacheable = 1;
    cm_free(data);
}

/* /static?...: `convoymap render` with the query's parameters as flags
 * (and --roads with its flags when the server has them). */
static void static_map(serve_web *web, web_worker *worker, const char *query,
                       const char *base_url, serve_reply *reply)
{
    serve_static_query q = {0};
    char *error = NULL;
    cm_context *context = worker->context;
    cm_format format = CM_FORMAT_PNG;
    if (!serve_query_parse(query, serve_static_params, serve_static_param_count, &q, &error)) {
        serve_reply_error(reply, 400, "%s", error);
        g_free(error);
        serve_query_clear(serve_static_params, serve_static_param_count, &q);
        return;
    }
    cm_map *map = NULL;
    cm_scene *scene = NULL;
    if (q.format && cm_format_parse(context, q.format, &format) != CM_OK)
        serve_reply_error(reply, 400, "%s", cm_context_message(context));
    else if (!(map = cm_map_new(context)) ||
             (web->roads && cm_map_set_roads(map, web->roads) != CM_OK))
        serve_reply_error(reply, 500, "%s", cm_context_message(context));
    /* The look is checked before the places are read, the slow part. */
    else if (set_look(web, context, map, &q, reply) &&
             (scene = resolve_scene(web, worker, &q, reply))) {
        cm_map_set_scene(map, scene);
        cm_map_set_title(map, q.title ? q.title : cm_scene_title(scene));
        if (set_area(context, map, &q, scene, reply))
            render_static(web, context, map, format, reply);
    }
    cm_scene_free(scene);
    cm_map_free(map);
    serve_query_clear(serve_static_params, serve_static_param_count, &q);
}

static const struct {
    const char *path;
    endpoint_fn fn;
} endpoints[] = {
    {"/", viewer_page},
    {"/tiles.json", tilejson},
    {"/wmts/1.0.0/WMTSCapabilities.xml", wmts},
    {"/static", static_map},
    {"/geocode", geocode},
    {"/route", route},
};

static endpoint_fn find_endpoint(const char *path)
{
    for (size_t i = 0; i < G_N_ELEMENTS(endpoints); i++)
        if (strcmp(endpoints[i].path, path) == 0)
            return endpoints[i].fn;
    return NULL;
}

int serve_web_is_slow(const char *path)
{
    endpoint_fn fn = find_endpoint(path);
    return fn == static_map || fn == geocode || fn == route;
}

/* 503 with Retry-After, for why. */
static void busy_reply(serve_reply *reply, const char *why)
{
    serve_reply_error(reply, 503, "%s; retry shortly", why);
    reply->retry_after = 1;
}

int serve_web_handle_later(serve_web *web, const char *method, const char *path,
                           const char *query, const char *base_url, serve_web_done_fn done,
                           void *data, serve_reply *refusal)
{
    /* The check and the push under one lock: two requests at once cannot
     * both take the last place. */
    g_mutex_lock(&web->lock);
    const char *why = web->cancelled ? "the server is stopping"
                      : web->pending.length >= web->queue_limit
                          ? "too many static maps and reports waiting"
                          : NULL;
    if (!why) {
        later_job *job = g_new0(later_job, 1);
        job->method = g_strdup(method);
        job->path = g_strdup(path);
        job->query = g_strdup(query);
        job->base_url = g_strdup(base_url);
        job->done = done;
        job->data = data;
        g_queue_push_tail(&web->pending, job);
        /* The pool's item only counts: run_later() takes pending's head. */
        g_thread_pool_push(web->later, job, NULL);
    }
    g_mutex_unlock(&web->lock);
    if (why)
        busy_reply(refusal, why);
    return why == NULL;
}

void serve_web_cancel(serve_web *web)
{
    g_mutex_lock(&web->lock);
    web->cancelled = 1;
    GQueue jobs = web->pending;
    g_queue_init(&web->pending);
    g_mutex_unlock(&web->lock);
    later_job *job;
    while ((job = g_queue_pop_head(&jobs))) {
        serve_reply reply = {0};
        busy_reply(&reply, "the server is stopping");
        job->done(&reply, job->data);
        later_job_free(job);
    }
}

/* The first view's zoom shows the overlay on at most this many pixels:
 * 80 % of a small window, leaving a margin. */
#define VIEW_WIDTH 640
#define VIEW_HEIGHT 480
/* The first view's zoom on a lone site. */
#define VIEW_SITE_ZOOM 10

/* The Web Mercator y of a latitude, in world widths (0 at the equator). */
static double mercator_y(double lat)
{
    double r = MIN(MAX(lat, -CM_TILE_MAX_LAT), CM_TILE_MAX_LAT) * G_PI / 180;
    return log(tan(G_PI / 4 + r / 2)) / (2 * G_PI);
}

void serve_tileset_center_on(serve_tileset *tileset, const cm_scene *scene)
{
    GArray *points = g_array_new(FALSE, FALSE, sizeof(cm_geo_point));
    for (size_t i = 0; i < cm_scene_route_count(scene); i++) {
        const cm_route *route = cm_scene_route(scene, i);
        for (size_t j = 0; j < cm_route_waypoint_count(route); j++)
            g_array_append_val(points, cm_route_waypoint(route, j)->position);
    }
    for (size_t i = 0; i < cm_scene_mark_count(scene); i++)
        g_array_append_val(points, cm_scene_mark(scene, i)->position);
    if (points->len == 0) {
        g_array_free(points, TRUE);
        return;
    }
    cm_bbox box = {180, 90, -180, -90};
    for (guint i = 0; i < points->len; i++) {
        cm_geo_point p = g_array_index(points, cm_geo_point, i);
        box = (cm_bbox){MIN(box.west, p.lon), MIN(box.south, p.lat), MAX(box.east, p.lon),
                        MAX(box.north, p.lat)};
    }
    g_array_free(points, TRUE);
    double width = (box.east - box.west) / 360, height = mercator_y(box.north) -
                                                         mercator_y(box.south);
    int zoom = tileset->min_zoom;
    while (zoom < tileset->max_zoom && zoom < VIEW_SITE_ZOOM &&
           width * tileset->tile_size * ldexp(1, zoom + 1) <= VIEW_WIDTH &&
           height * tileset->tile_size * ldexp(1, zoom + 1) <= VIEW_HEIGHT)
        zoom++;
    tileset->center_lon = (box.west + box.east) / 2;
    /* The middle on the map, not in degrees. */
    double middle = (mercator_y(box.north) + mercator_y(box.south)) / 2;
    tileset->center_lat = atan(sinh(middle * 2 * G_PI)) * 180 / G_PI;
    tileset->center_zoom = zoom;
}

void serve_web_handle(serve_web *web, const char *method, const char *path, const char *query,
                      const char *base_url, serve_reply *reply)
{
    endpoint_fn fn = find_endpoint(path);
    if (!fn) {
        serve_reply_error(reply, 404, "no such path");
        return;
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        serve_reply_error(reply, 405, "%s takes GET or HEAD, not %s", path, method);
        return;
    }
    char *error = NULL;
    web_worker *worker = take_worker(web, &error);
    if (!worker) {
        serve_reply_error(reply, 500, "%s", error);
        g_free(error);
        return;
    }
    fn(web, worker, query, base_url, reply);
    give_worker(web, worker);
}
