/* The serve endpoints besides the tiles (src/serve/web.h), called directly
 * as the HTTP layer calls them: the query grammar, TileJSON (checked by
 * Python's json), WMTS capabilities (opened by GDAL's WMTS driver), the
 * viewer page, /static in the three formats, /geocode and /route, their
 * errors, and several threads at once. */
#include <math.h>
#include <string.h>

#include <gdal.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "serve/static-query.h"
#include "serve/web.h"
#include "test-support.h"

#define BASE_URL "http://127.0.0.1:8080"

static serve_web *shared_web;

/* Tiles of zooms 3 to 9 over Iraq and its neighbours, as a server would be
 * started with. */
static const serve_tileset iraq = {"Iraq test", 256, 3, 9, {38, 29, 48, 37.5}, 0};

static serve_web *web(void)
{
    if (!shared_web) {
        serve_web_config config = {.tileset = iraq, .max_static_side = 2000};
        char *error = NULL;
        shared_web = serve_web_new(&config, &error);
        if (!shared_web)
            g_error("no serve_web: %s", error);
    }
    return shared_web;
}

/* The reply to GET path?query. */
static serve_reply get(const char *path, const char *query)
{
    serve_reply reply = {0};
    serve_web_handle(web(), "GET", path, query, BASE_URL, &reply);
    return reply;
}

static char *body_text(const serve_reply *reply)
{
    return g_strndup((const char *)reply->body, reply->length);
}

/* The reply is status with one line of text containing expected. */
static void assert_error(const char *path, const char *query, unsigned status,
                         const char *expected)
{
    serve_reply reply = get(path, query);
    char *text = body_text(&reply);
    if (reply.status != status || !strstr(text, expected))
        g_error("%s?%s: %u '%s', expected %u with '%s'", path, query, reply.status, text,
                status, expected);
    const char *newline = strchr(text, '\n');
    g_assert_nonnull(newline);
    g_assert_cmpint(newline[1], ==, '\0');
    g_assert_false(reply.cacheable);
    g_free(text);
    serve_reply_clear(&reply);
}

static void test_query_grammar(void)
{
    serve_static_query q = {0};
    char *error = NULL;
    g_assert_true(serve_query_parse("route=Amman+%3E+Baghdad&mark=Rutbah&&mark=Ar%20Rutbah&"
                                    "size=800x600&title=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF",
                                    serve_static_params, serve_static_param_count, &q, &error));
    g_assert_null(error);
    g_assert_cmpstr(q.routes[0], ==, "Amman > Baghdad");
    g_assert_null(q.routes[1]);
    g_assert_cmpstr(q.marks[0], ==, "Rutbah");
    g_assert_cmpstr(q.marks[1], ==, "Ar Rutbah");
    g_assert_null(q.marks[2]);
    g_assert_cmpstr(q.size, ==, "800x600");
    g_assert_cmpstr(q.title, ==, "بغداد");
    g_assert_null(q.bbox);
    serve_query_clear(serve_static_params, serve_static_param_count, &q);
    g_assert_null(q.routes);
    g_assert_null(q.size);

    static const struct {
        const char *query, *message;
    } bad[] = {
        {"zoom=5", "unknown parameter 'zoom' (known: route, mark, bbox, center"},
        {"bbox=1,2,3,4&bbox=5,6,7,8", "parameter 'bbox' is given twice"},
        {"size", "parameter 'size' has no value"},
        {"title=%4", "value of parameter 'title' is not percent-encoded"},
        {"title=%zz", "value of parameter 'title' is not percent-encoded"},
        {"title=a%00b", "value of parameter 'title' is not percent-encoded"},
        {"title=%ff%fe", "value of parameter 'title' is not percent-encoded"},
        {"%0aevil%0d=1", "unknown parameter '?evil?'"},
        {"%=1", "parameter name '%' is not percent-encoded"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        serve_static_query values = {0};
        g_assert_false(serve_query_parse(bad[i].query, serve_static_params,
                                         serve_static_param_count, &values, &error));
        if (!g_str_has_prefix(error, bad[i].message) && !strstr(error, bad[i].message))
            g_error("%s: '%s', expected '%s'", bad[i].query, error, bad[i].message);
        g_assert_null(strchr(error, '\n'));
        g_free(error);
        serve_query_clear(serve_static_params, serve_static_param_count, &values);
    }
    /* No query at all is no parameter. */
    g_assert_true(serve_query_parse(NULL, serve_static_params, serve_static_param_count, &q,
                                    &error));
    g_assert_null(q.routes);
}

/* Runs python3 on script with argument file; its exit status is 0. */
static void run_python(const char *script, const char *file)
{
    char *argv[] = {"python3", "-c", (char *)script, (char *)file, NULL};
    char *out = NULL, *err = NULL;
    int wait_status = 0;
    GError *error = NULL;
    g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &wait_status, &error));
    if (!g_spawn_check_wait_status(wait_status, NULL))
        g_error("python3 check failed: %s%s", out, err);
    g_free(out);
    g_free(err);
}

static void test_tilejson(void)
{
    serve_reply reply = get("/tiles.json", NULL);
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "application/json");
    g_assert_true(reply.cacheable);
    char *path = g_build_filename(g_get_tmp_dir(), "test-serve-web-tiles.json", NULL);
    g_assert_true(g_file_set_contents(path, (const char *)reply.body, reply.length, NULL));
    run_python("import json, sys\n"
               "t = json.load(open(sys.argv[1]))\n"
               "assert t['tilejson'] == '3.0.0', t\n"
               "assert t['tiles'] == ['http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png'], t\n"
               "assert (t['minzoom'], t['maxzoom'], t['scheme']) == (3, 9, 'xyz'), t\n"
               "assert t['bounds'] == [38, 29, 48, 37.5], t\n"
               "assert t['center'] == [43, 33.25, 3], t\n"
               "assert t['name'] == 'Iraq test' and t['tileSize'] == 256, t\n"
               "assert 'Natural Earth' in t['attribution'], t\n"
               "assert 'OpenStreetMap' not in t['attribution'], t\n",
               path);
    serve_reply_clear(&reply);

    /* Tiles with roads credit OpenStreetMap; a hostile Host stays a string. */
    serve_tileset roads = iraq;
    roads.roads = 1;
    roads.name = "quote \" and \\ and \n";
    char *json = serve_tilejson(&roads, "http://evil\"]}");
    g_assert_true(g_file_set_contents(path, json, -1, NULL));
    run_python("import json, sys\n"
               "t = json.load(open(sys.argv[1]))\n"
               "assert t['attribution'].endswith('© OpenStreetMap contributors, ODbL'), t\n"
               "assert t['name'] == 'quote \" and \\\\ and \\n', t\n"
               "assert t['tiles'] == ['http://evil\"]}/tiles/{z}/{x}/{y}.png'], t\n",
               path);
    g_free(json);
    g_unlink(path);
    g_free(path);
    assert_error("/tiles.json", "callback=x", 400, "takes no query parameters");
}

/* Web Mercator (EPSG:3857) metres. */
#define HALF 20037508.3427892

static double mercator_x(double lon)
{
    return lon / 180 * HALF;
}

static double mercator_y(double lat)
{
    return HALF / G_PI * log(tan(G_PI / 4 + lat * G_PI / 360));
}

/* The WMTS document of tileset opened by GDAL's WMTS driver: one layer of
 * 4 bands in Web Mercator, as many pixels as zoom max_zoom has over the
 * bounds, and overviews for the zooms below. */
static void check_wmts(const serve_tileset *tileset, const char *name)
{
    char *xml = serve_wmts_capabilities(test_context(), tileset, BASE_URL);
    g_assert_nonnull(xml);
    char *path = g_build_filename(g_get_tmp_dir(), name, NULL);
    g_assert_true(g_file_set_contents(path, xml, -1, NULL));
    char *connection = g_strconcat("WMTS:", path, NULL);
    GDALDatasetH dataset = GDALOpen(connection, GA_ReadOnly);
    if (!dataset)
        g_error("GDAL cannot open %s: %s", connection, CPLGetLastErrorMsg());
    g_assert_cmpstr(GDALGetDriverShortName(GDALGetDatasetDriver(dataset)), ==, "WMTS");
    g_assert_cmpint(GDALGetRasterCount(dataset), ==, 4);
    double transform[6];
    g_assert_cmpint(GDALGetGeoTransform(dataset, transform), ==, CE_None);
    /* The raster covers the layer's bounds at the most detailed zoom, to
     * the pixel GDAL rounds them to. */
    double pixel_m = 2 * HALF / (tileset->tile_size * (double)(1 << tileset->max_zoom));
    const cm_bbox *box = &tileset->bounds;
    g_assert_cmpfloat_with_epsilon(transform[1], pixel_m, 1e-6);
    g_assert_cmpfloat_with_epsilon(transform[0], mercator_x(box->west), pixel_m);
    g_assert_cmpfloat_with_epsilon(transform[3], mercator_y(box->north), pixel_m);
    g_assert_cmpfloat_with_epsilon(GDALGetRasterXSize(dataset),
                                   (mercator_x(box->east) - mercator_x(box->west)) / pixel_m, 2);
    g_assert_cmpfloat_with_epsilon(GDALGetRasterYSize(dataset),
                                   (mercator_y(box->north) - mercator_y(box->south)) / pixel_m,
                                   2);
    /* Overviews are the zooms below, each half the one above (GDAL stops
     * where the raster gets smaller than about a tile). */
    GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
    int overviews = GDALGetOverviewCount(band);
    g_assert_cmpint(overviews, >=, 2);
    g_assert_cmpint(overviews, <=, tileset->max_zoom - tileset->min_zoom);
    for (int i = 0; i < overviews; i++)
        g_assert_cmpfloat_with_epsilon(GDALGetRasterBandXSize(GDALGetOverview(band, i)),
                                       GDALGetRasterXSize(dataset) / (double)(2 << i), 1);
    g_assert_nonnull(strstr(GDALGetProjectionRef(dataset), "Pseudo-Mercator"));
    GDALClose(dataset);
    g_unlink(path);
    g_free(connection);
    g_free(path);
    g_free(xml);
}

static void test_wmts(void)
{
    GDALAllRegister();
    serve_reply reply = get("/wmts/1.0.0/WMTSCapabilities.xml", NULL);
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "application/xml");
    char *text = body_text(&reply);
    g_assert_nonnull(strstr(text, "template=\"" BASE_URL
                                  "/tiles/{TileMatrix}/{TileCol}/{TileRow}.png\""));
    g_assert_nonnull(strstr(text, "<TileMatrixSet>GoogleMapsCompatible</TileMatrixSet>"));
    g_assert_nonnull(strstr(text, "<ScaleDenominator>559082264.0287178"));
    g_free(text);
    serve_reply_clear(&reply);
    check_wmts(&iraq, "test-serve-web-256.xml");
    serve_tileset large = {"512", 512, 0, 6, {-10, -20, 30, 40}, 0};
    check_wmts(&large, "test-serve-web-512.xml");
}

static void test_viewer(void)
{
    serve_reply reply = get("/", NULL);
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "text/html; charset=utf-8");
    char *page = body_text(&reply);
    g_assert_nonnull(strstr(page, "img.src = T.prefix + z"));
    g_assert_nonnull(strstr(page, "const T = {minZoom: 3, maxZoom: 9, zoom: 3, size: 256, lon: 43.000000, "
                                  "lat: 33.250000, bounds: [38.000000, 29.000000, 48.000000, "
                                  "37.500000], prefix: \"/tiles/\"};"));
    g_assert_nonnull(strstr(page, "<title>Iraq test</title>"));
    /* Offline: nothing is fetched from another origin. */
    g_assert_null(strstr(page, "http"));
    g_free(page);
    serve_reply_clear(&reply);
}

static void test_methods_and_paths(void)
{
    serve_reply reply = {0};
    serve_web_handle(web(), "POST", "/static", NULL, BASE_URL, &reply);
    g_assert_cmpuint(reply.status, ==, 405);
    serve_reply_clear(&reply);
    /* Only the paths themselves: no prefix, no file. */
    static const char *const others[] = {"/static/", "/tiles/1/0/0.png", "/../etc/passwd",
                                         "/viewer.html", "/Static", ""};
    for (size_t i = 0; i < G_N_ELEMENTS(others); i++) {
        reply = get(others[i], NULL);
        g_assert_cmpuint(reply.status, ==, 404);
        serve_reply_clear(&reply);
    }
}

/* A PNG's size from its IHDR. */
static void png_size(const serve_reply *reply, unsigned *width, unsigned *height)
{
    g_assert_cmpuint(reply->length, >, 24);
    g_assert_cmpmem(reply->body, 8, "\x89PNG\r\n\x1a\n", 8);
    const unsigned char *b = reply->body;
    *width = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 | b[19];
    *height = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 | b[23];
}

static void test_static(void)
{
    serve_reply reply = get("/static", "route=Amman+%3E+Baghdad&size=640x480&scale=1.5&"
                                       "title=Test+static&grid=latlon");
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "image/png");
    g_assert_true(reply.cacheable);
    unsigned width, height;
    png_size(&reply, &width, &height);
    g_assert_cmpuint(width, ==, 960);
    g_assert_cmpuint(height, ==, 720);
    serve_reply_clear(&reply);

    reply = get("/static", "center=33.3,44.4&radius_km=100&size=400x300&format=svg&"
                           "banner=unclassified&dtg=071200ZSEP19&labels=both");
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "image/svg+xml");
    char *svg = body_text(&reply);
    g_assert_nonnull(strstr(svg, "<svg"));
    g_assert_nonnull(strstr(svg, "width=\"400\""));
    g_free(svg);
    serve_reply_clear(&reply);

    reply = get("/static", "bbox=38,29,48,37&mark=Baghdad&format=pdf&size=A5-landscape");
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "application/pdf");
    g_assert_cmpmem(reply.body, 5, "%PDF-", 5);
    serve_reply_clear(&reply);

    assert_error("/static", "zoom=4", 400, "unknown parameter 'zoom'");
    assert_error("/static", "size=400x300&size=500x500", 400, "parameter 'size' is given twice");
    assert_error("/static", "size=3000x2000", 400, "the map would be 3000x2000, larger than "
                                                   "this server's limit of 2000 a side");
    assert_error("/static", "size=1500x1000&scale=2", 400, "limit of 2000");
    assert_error("/static", "scale=big", 400, "scale 'big' is not a number");
    assert_error("/static", "format=gif", 400, "gif");
    assert_error("/static", "bbox=48,29,38", 400, "48,29,38");
    assert_error("/static", "grid=utm", 400, "utm");
    assert_error("/static", "center=Baghdad", 400, "center and radius_km go together");
    assert_error("/static", "bbox=38,29,48,37&center=Baghdad&radius_km=5", 400,
                 "bbox and center both");
    assert_error("/static", "route=Amman+%3E+Xyzzyplugh", 422, "Xyzzyplugh");
    assert_error("/static", "mark=Qwzxv+Nowhere&bbox=38,29,48,37", 422, "Qwzxv");
}

static void test_geocode(void)
{
    serve_reply reply = get("/geocode", "q=Ramadi,+Iraq&limit=2");
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "application/json");
    /* The JSON `convoymap geocode --format json` prints. */
    cm_candidate_list *list = NULL;
    g_assert_cmpint(cm_geocoder_answer(test_geocoder(), "Ramadi, Iraq", NULL, 2, &list), ==,
                    CM_OK);
    cm_geocode_answer answer = {"Ramadi, Iraq", list, NULL};
    char *expected = cm_report_geocode(test_context(), &answer, 1, CM_REPORT_JSON);
    char *text = body_text(&reply);
    g_assert_cmpstr(text, ==, expected);
    g_assert_nonnull(strstr(text, "\"country\": \"IRQ\""));
    g_free(text);
    cm_free(expected);
    cm_candidate_list_free(list);
    serve_reply_clear(&reply);

    reply = get("/geocode", "q=Qwzxv+Nowhere");
    g_assert_cmpuint(reply.status, ==, 404);
    text = body_text(&reply);
    g_assert_nonnull(strstr(text, "\"query\": \"Qwzxv Nowhere\""));
    g_assert_nonnull(strstr(text, "\"error\": "));
    g_free(text);
    serve_reply_clear(&reply);

    assert_error("/geocode", "", 400, "{\"error\": \"missing parameter 'q'");
    assert_error("/geocode", "q=Baghdad&limit=0", 400, "limit '0' is not a whole number");
    assert_error("/geocode", "q=Baghdad&limit=51", 400, "from 1 to 50");
    assert_error("/geocode", "q=Baghdad&lang=ar", 400, "unknown parameter 'lang'");
    assert_error("/geocode", "q=Baghdad&country=ZZZZ", 400, "ZZZZ");
}

static void test_route(void)
{
    serve_reply reply = get("/route", "route=name%3DMSR+Tampa%3B+Amman+%3E+Ar+Rutbah+%3E+Baghdad&"
                                      "units=mi");
    g_assert_cmpuint(reply.status, ==, 200);
    g_assert_cmpstr(reply.content_type, ==, "application/json");
    /* The JSON `convoymap route --format json` prints. */
    cm_scene *scene = cm_scene_new(test_context());
    cm_scene_add_route_spec(scene, "name=MSR Tampa; Amman > Ar Rutbah > Baghdad");
    g_assert_cmpint(cm_scene_resolve(scene, test_geocoder()), ==, CM_OK);
    char *expected = cm_scene_report(scene, CM_REPORT_JSON, CM_UNITS_MI);
    char *text = body_text(&reply);
    g_assert_cmpstr(text, ==, expected);
    g_assert_nonnull(strstr(text, "MSR Tampa"));
    g_free(text);
    cm_free(expected);
    cm_scene_free(scene);
    serve_reply_clear(&reply);

    assert_error("/route", NULL, 400, "missing parameter 'route'");
    assert_error("/route", "route=Amman+%3E+Baghdad&units=furlongs", 400, "furlongs");
    assert_error("/route", "route=Amman+%3E+Xyzzyplugh", 422, "Xyzzyplugh");
}

/* Requests from several threads at once, as the server's threads make
 * them, get the answers one thread gets. */
#define THREADS 4
#define ROUNDS 3

static const char *const parallel_queries[][2] = {
    {"/geocode", "q=Baghdad"},
    {"/route", "route=Amman+%3E+Baghdad"},
    {"/static", "route=Amman+%3E+Baghdad&size=300x200"},
};

static gpointer parallel_requests(gpointer data)
{
    GPtrArray *bodies = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    for (int round = 0; round < ROUNDS; round++)
        for (size_t i = 0; i < G_N_ELEMENTS(parallel_queries); i++) {
            serve_reply reply = get(parallel_queries[i][0], parallel_queries[i][1]);
            g_assert_cmpuint(reply.status, ==, 200);
            g_ptr_array_add(bodies, g_bytes_new(reply.body, reply.length));
            serve_reply_clear(&reply);
        }
    return bodies;
}

static void test_threads(void)
{
    GPtrArray *alone = parallel_requests(NULL);
    GThread *threads[THREADS];
    for (int i = 0; i < THREADS; i++)
        threads[i] = g_thread_new("request", parallel_requests, NULL);
    for (int i = 0; i < THREADS; i++) {
        GPtrArray *bodies = g_thread_join(threads[i]);
        g_assert_cmpuint(bodies->len, ==, alone->len);
        for (guint j = 0; j < bodies->len; j++)
            g_assert_true(g_bytes_equal(bodies->pdata[j], alone->pdata[j]));
        g_ptr_array_free(bodies, TRUE);
    }
    g_ptr_array_free(alone, TRUE);
}

/* Replies of handle_later(), counted. */
typedef struct later_replies {
    GMutex lock;
    GCond done;
    int ok, busy, count;
} later_replies;

static void count_reply(serve_reply *reply, void *data)
{
    later_replies *replies = data;
    g_mutex_lock(&replies->lock);
    replies->count++;
    replies->ok += reply->status == 200 && reply->length > 0;
    replies->busy += reply->status == 503 && reply->retry_after > 0;
    g_cond_signal(&replies->done);
    g_mutex_unlock(&replies->lock);
    serve_reply_clear(reply);
}

/* Queues n static maps on web; returns how many were taken, checking that
 * the others were refused with 503 and Retry-After. */
static int queue_maps(serve_web *web, int n, later_replies *replies)
{
    int taken = 0;
    for (int i = 0; i < n; i++) {
        serve_reply refusal = {0};
        if (serve_web_handle_later(web, "GET", "/static", "size=400x300&format=svg", BASE_URL,
                                   count_reply, replies, &refusal)) {
            taken++;
            g_assert_cmpuint(refusal.status, ==, 0);
        } else {
            g_assert_cmpuint(refusal.status, ==, 503);
            g_assert_cmpuint(refusal.retry_after, >, 0);
        }
        serve_reply_clear(&refusal);
    }
    return taken;
}

static void wait_replies(later_replies *replies, int n)
{
    g_mutex_lock(&replies->lock);
    while (replies->count < n)
        g_cond_wait(&replies->done, &replies->lock);
    g_mutex_unlock(&replies->lock);
}

/* Requests queued for one thread are answered in turn; beyond
 * SERVE_WEB_QUEUE_PER_THREAD waiting they are refused, and taken again once
 * the queue has drained. */
static void test_later(void)
{
    serve_web_config config = {.tileset = iraq, .threads = 1};
    char *error = NULL;
    serve_web *one = serve_web_new(&config, &error);
    g_assert_nonnull(one);
    g_assert_true(serve_web_is_slow("/static"));
    g_assert_true(serve_web_is_slow("/geocode"));
    g_assert_false(serve_web_is_slow("/tiles.json"));
    later_replies replies = {0};
    g_mutex_init(&replies.lock);
    g_cond_init(&replies.done);
    const int n = SERVE_WEB_QUEUE_PER_THREAD + 4;
    /* The queue holds SERVE_WEB_QUEUE_PER_THREAD, the thread one or two more
     * it took meanwhile. */
    int taken = queue_maps(one, n, &replies);
    g_assert_cmpint(taken, >=, SERVE_WEB_QUEUE_PER_THREAD);
    g_assert_cmpint(taken, <=, SERVE_WEB_QUEUE_PER_THREAD + 2);
    wait_replies(&replies, taken);
    g_assert_cmpint(replies.ok, ==, taken);
    g_assert_cmpint(queue_maps(one, 1, &replies), ==, 1);
    wait_replies(&replies, taken + 1);
    g_assert_cmpint(replies.ok, ==, taken + 1);
    serve_web_free(one);
    g_cond_clear(&replies.done);
    g_mutex_clear(&replies.lock);
}

/* serve_web_cancel() answers what waits with 503 at once, lets the one
 * drawing finish, and refuses anything after. */
static void test_cancel(void)
{
    serve_web_config config = {.tileset = iraq, .threads = 1};
    char *error = NULL;
    serve_web *one = serve_web_new(&config, &error);
    g_assert_nonnull(one);
    later_replies replies = {0};
    g_mutex_init(&replies.lock);
    g_cond_init(&replies.done);
    int taken = queue_maps(one, SERVE_WEB_QUEUE_PER_THREAD, &replies);
    g_assert_cmpint(taken, ==, SERVE_WEB_QUEUE_PER_THREAD);
    serve_web_cancel(one);
    wait_replies(&replies, taken);
    g_assert_cmpint(replies.ok + replies.busy, ==, taken);
    /* At most the one a thread had taken was drawn. */
    g_assert_cmpint(replies.ok, <=, 1);
    g_assert_cmpint(queue_maps(one, 2, &replies), ==, 0);
    serve_web_free(one);
    g_assert_cmpint(replies.count, ==, taken);
    g_cond_clear(&replies.done);
    g_mutex_clear(&replies.lock);
}

static void test_bad_data_dir(void)
{
    serve_web_config config = {.data_dir = "/nonexistent/convoymap", .tileset = iraq};
    char *error = NULL;
    g_assert_null(serve_web_new(&config, &error));
    g_assert_nonnull(strstr(error, "/nonexistent/convoymap"));
    g_free(error);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/serve-web/query-grammar", test_query_grammar);
    g_test_add_func("/serve-web/tilejson", test_tilejson);
    g_test_add_func("/serve-web/wmts", test_wmts);
    g_test_add_func("/serve-web/viewer", test_viewer);
    g_test_add_func("/serve-web/methods-and-paths", test_methods_and_paths);
    g_test_add_func("/serve-web/static", test_static);
    g_test_add_func("/serve-web/geocode", test_geocode);
    g_test_add_func("/serve-web/route", test_route);
    g_test_add_func("/serve-web/threads", test_threads);
    g_test_add_func("/serve-web/later", test_later);
    g_test_add_func("/serve-web/cancel", test_cancel);
    g_test_add_func("/serve-web/bad-data-dir", test_bad_data_dir);
    int status = test_run();
    serve_web_free(shared_web);
    return status;
}
