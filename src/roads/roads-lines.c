/* Road lines of other sources made into OSM XML (roads-lines.h). The OSM
 * XML goes into the import's scratch directory, where planetsplitter and
 * the road layer read it as they read an extract: one path for all. */
#include "core/internal.h"
#include "core/ogr-loader.h"
#include "roads-lines.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The tags of the road model, in --map's names; class is OSM's highway. */
enum {
    TAG_CLASS, TAG_REF, TAG_NAME, TAG_ONEWAY, TAG_MAXSPEED, TAG_SURFACE, TAG_BRIDGE,
    TAG_TUNNEL, TAG_ACCESS, TAG_JUNCTION, TAG_MAXWEIGHT, TAG_MAXHEIGHT, TAG_MAXWIDTH,
    TAG_MAXLENGTH, N_TAGS
};

static const char *const tag_names[N_TAGS] = {
    "class",  "ref",    "name",   "oneway",    "maxspeed",  "surface",  "bridge",
    "tunnel", "access", "junction", "maxweight", "maxheight", "maxwidth", "maxlength",
};

/* The fields read for class when --map does not name one, in this order:
 * OSM's own, then the usual names of other schemas (Geofabrik's
 * shapefiles: fclass). Every other tag is read from the field of its own
 * name. */
static const char *const class_fields[] = {"highway", "fclass", "class"};

struct cm_roads_mapping {
    char *field[N_TAGS]; /* NULL: the default */
};

/* Road classes of other schemas, lower case, and the OSM highway value
 * each stands for. OSM's own values (Geofabrik's fclass uses them) are
 * taken as they are. */
static const struct {
    const char *value, *highway;
} class_values[] = {
    {"living_street", "residential"}, {"track_grade1", "track"}, {"track_grade2", "track"},
    {"track_grade3", "track"},        {"track_grade4", "track"}, {"track_grade5", "track"},
    {"freeway", "motorway"},          {"expressway", "motorway"}, {"ramp", "motorway_link"},
    {"major highway", "trunk"},       {"major road", "trunk"},    {"highway", "trunk"},
    {"primary road", "primary"},      {"main road", "primary"},
    {"secondary road", "secondary"},  {"secondary highway", "secondary"},
    {"tertiary road", "tertiary"},    {"minor road", "tertiary"},
    {"local road", "residential"},    {"road", "unclassified"}, {"street", "residential"},
    {"unpaved road", "track"},        {"dirt road", "track"},
};

/* The OSM highway values a road may have here (what import.c keeps). */
static const char *const osm_classes[] = {
    "motorway",      "trunk",         "primary",      "secondary",      "tertiary",
    "motorway_link", "trunk_link",    "primary_link", "secondary_link", "tertiary_link",
    "unclassified",  "residential",   "track",        "service",
};

int cm_roads_is_osm_name(const char *path)
{
    static const char *const suffixes[] = {".pbf", ".osm", ".o5m"};
    static const char *const compressions[] = {"", ".gz", ".bz2", ".xz"};
    char *lower = g_ascii_strdown(path, -1);
    int found = 0;
    for (size_t s = 0; s < G_N_ELEMENTS(suffixes) && !found; s++)
        for (size_t c = 0; c < G_N_ELEMENTS(compressions) && !found; c++) {
            char *suffix = g_strconcat(suffixes[s], compressions[c], NULL);
            found = g_str_has_suffix(lower, suffix);
            g_free(suffix);
        }
    g_free(lower);
    return found;
}

void cm_roads_mapping_free(cm_roads_mapping *mapping)
{
    if (!mapping)
        return;
    for (int t = 0; t < N_TAGS; t++)
        g_free(mapping->field[t]);
    g_free(mapping);
}

cm_status cm_roads_mapping_parse(cm_context *context, const char *text,
                                 cm_roads_mapping **mapping)
{
    cm_roads_mapping *result = g_new0(cm_roads_mapping, 1);
    char **parts = g_strsplit(text ? text : "", ",", -1);
    cm_status status = CM_OK;
    for (char **part = parts; *part && status == CM_OK; part++) {
        if (!**part && !part[1] && part == parts)
            break; /* "": the defaults */
        const char *equals = strchr(*part, '=');
        char *key = equals ? g_strndup(*part, (gsize)(equals - *part)) : g_strdup(*part);
        int tag = -1;
        for (int t = 0; t < N_TAGS && equals; t++)
            if (strcmp(key, tag_names[t]) == 0)
                tag = t;
        if (tag < 0 || !equals[1]) {
            /* Escaped: the message stays one line whatever was typed. */
            char *shown = g_strescape(*part, NULL);
            status = cm_fail(context, CM_ERR_INPUT,
                             "bad --map part '%s': KEY=FIELD, KEY one of class, ref, name, "
                             "oneway, maxspeed, surface, bridge, tunnel, access, junction, maxweight, "
                             "maxheight, maxwidth, maxlength",
                             shown);
            g_free(shown);
        } else if (result->field[tag])
            status = cm_fail(context, CM_ERR_INPUT, "bad --map: %s is mapped twice", key);
        else
            result->field[tag] = g_strdup(equals + 1);
        g_free(key);
    }
    g_strfreev(parts);
    if (status != CM_OK) {
        cm_roads_mapping_free(result);
        return status;
    }
    *mapping = result;
    return CM_OK;
}

/* The OSM highway value of a class value, or NULL when it is no road. */
static const char *highway_of(const char *value)
{
    char *lower = g_ascii_strdown(value, -1);
    g_strstrip(lower);
    const char *highway = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(osm_classes) && !highway; i++)
        if (strcmp(lower, osm_classes[i]) == 0)
            highway = osm_classes[i];
    for (size_t i = 0; i < G_N_ELEMENTS(class_values) && !highway; i++)
        if (strcmp(lower, class_values[i].value) == 0)
            highway = class_values[i].highway;
    g_free(lower);
    return highway;
}

static int one_of(const char *lower, const char *const *values)
{
    for (; *values; values++)
        if (strcmp(lower, *values) == 0)
            return 1;
    return 0;
}

/* OSM's oneway from a field: yes, true, 1 or F (Geofabrik: forward, along
 * the line) and FT are "yes"; -1, T (Geofabrik: against the line), TF and
 * reverse are "-1"; anything else (no, B for both ways...) none. */
static const char *oneway_of(const char *value)
{
    static const char *const forward[] = {"yes", "true", "1", "f", "ft", NULL};
    static const char *const backward[] = {"-1", "t", "tf", "reverse", NULL};
    char *lower = g_ascii_strdown(value, -1);
    g_strstrip(lower);
    const char *oneway = one_of(lower, forward) ? "yes" : one_of(lower, backward) ? "-1" : NULL;
    g_free(lower);
    return oneway;
}

/* yes for yes, true, 1 and T (Geofabrik's true); else none. */
static const char *flag_of(const char *value)
{
    static const char *const yes[] = {"yes", "true", "1", "t", NULL};
    char *lower = g_ascii_strdown(value, -1);
    g_strstrip(lower);
    const char *flag = one_of(lower, yes) ? "yes" : NULL;
    g_free(lower);
    return flag;
}

/* A limit or speed as typed, when it starts with a number above 0
 * (Geofabrik writes 0 for none). */
static int is_positive_measure(const char *value)
{
    char *end = NULL;
    double number = g_ascii_strtod(value, &end);
    return end != value && number > 0 && isfinite(number);
}

/* The value of the field called name (any case), or NULL. */
static const char *field_value(const cm_ogr_feature *feature, const char *name)
{
    for (size_t f = 0; f < feature->n_fields; f++)
        if (g_ascii_strcasecmp(feature->names[f], name) == 0)
            return feature->values[f];
    return NULL;
}

/* A vertex, in OSM's 1e-7 degree steps: equal steps, one node. */
typedef struct vertex_key {
    gint64 lon, lat;
} vertex_key;

static guint vertex_hash(gconstpointer p)
{
    const vertex_key *k = p;
    return g_int64_hash(&k->lon) * 31u + g_int64_hash(&k->lat);
}

static gboolean vertex_equal(gconstpointer a, gconstpointer b)
{
    const vertex_key *x = a, *y = b;
    return x->lon == y->lon && x->lat == y->lat;
}

typedef struct conversion {
    const cm_roads_mapping *mapping;
    FILE *nodes;          /* the <node> elements, written as vertices are met */
    GString *ways;        /* the <way> elements, written after the nodes */
    GHashTable *vertices; /* vertex_key to node id */
    long long next_node, next_way;
    gboolean not_wgs84;
} conversion;

#define OSM_STEPS_PER_DEGREE 1e7

static long long node_of(conversion *c, double lon, double lat)
{
    vertex_key key = {llround(lon * OSM_STEPS_PER_DEGREE), llround(lat * OSM_STEPS_PER_DEGREE)};
    gpointer found = g_hash_table_lookup(c->vertices, &key);
    if (found)
        return GPOINTER_TO_SIZE(found);
    long long id = ++c->next_node;
    g_hash_table_insert(c->vertices, g_memdup2(&key, sizeof key), GSIZE_TO_POINTER((gsize)id));
    fprintf(c->nodes, "  <node id=\"%lld\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>\n", id,
            (double)key.lat / OSM_STEPS_PER_DEGREE, (double)key.lon / OSM_STEPS_PER_DEGREE);
    return id;
}

static void add_tag(GString *out, const char *key, const char *value)
{
    char *escaped = g_markup_escape_text(value, -1);
    g_string_append_printf(out, "    <tag k=\"%s\" v=\"%s\"/>\n", key, escaped);
    g_free(escaped);
}

/* The value of tag for feature through the mapping, or NULL. */
static const char *mapped_value(const conversion *c, const cm_ogr_feature *feature, int tag)
{
    if (c->mapping && c->mapping->field[tag])
        return field_value(feature, c->mapping->field[tag]);
    if (tag != TAG_CLASS)
        return field_value(feature, tag_names[tag]);
    for (size_t i = 0; i < G_N_ELEMENTS(class_fields); i++) {
        const char *value = field_value(feature, class_fields[i]);
        if (value && *value)
            return value;
    }
    return NULL;
}

/* The tags of a road feature, or NULL when it is not a road. */
static char *road_tags(const conversion *c, const cm_ogr_feature *feature)
{
    const char *class_value = mapped_value(c, feature, TAG_CLASS);
    const char *highway = class_value ? highway_of(class_value) : NULL;
    if (!highway)
        return NULL;
    GString *tags = g_string_new(NULL);
    add_tag(tags, "highway", highway);
    for (int t = TAG_REF; t < N_TAGS; t++) {
        const char *value = mapped_value(c, feature, t);
        if (!value || !*value)
            continue;
        if (t == TAG_ONEWAY)
            value = oneway_of(value);
        else if (t == TAG_BRIDGE || t == TAG_TUNNEL)
            value = flag_of(value);
        else if (t == TAG_MAXSPEED || t >= TAG_MAXWEIGHT)
            value = is_positive_measure(value) ? value : NULL;
        if (value)
            add_tag(tags, tag_names[t], value);
    }
    return g_string_free(tags, FALSE);
}

static int convert_feature(const cm_ogr_feature *feature, void *data)
{
    conversion *c = data;
    if (feature->n_parts == 0)
        return 0;
    if (feature->not_wgs84) {
        c->not_wgs84 = TRUE;
        return 1;
    }
    char *tags = road_tags(c, feature);
    if (!tags)
        return 0;
    for (size_t p = 0; p < feature->n_parts; p++) {
        const cm_ogr_part *part = &feature->parts[p];
        if (!part->is_line)
            continue;
        GString *nodes = g_string_new(NULL);
        long long last = 0;
        size_t n = 0;
        for (size_t i = 0; i < part->n_points; i++) {
            if (!isfinite(part->lon[i]) || !isfinite(part->lat[i]))
                continue;
            long long id = node_of(c, part->lon[i], part->lat[i]);
            if (id == last)
                continue; /* a repeated vertex is no segment */
            g_string_append_printf(nodes, "    <nd ref=\"%lld\"/>\n", id);
            last = id;
            n++;
        }
        if (n >= 2)
            g_string_append_printf(c->ways, "  <way id=\"%lld\" version=\"1\">\n%s%s  </way>\n",
                                   ++c->next_way, nodes->str, tags);
        g_string_free(nodes, TRUE);
    }
    g_free(tags);
    return 0;
}

cm_status cm_roads_lines_to_osm(cm_context *context, const char *input,
                                const cm_roads_mapping *mapping, const char *osm_path,
                                unsigned long long *n_roads)
{
    const cm_ogr_api *api = NULL;
    void *dataset = cm_open_user_vector(context, input, "input",
                                        "an OpenStreetMap file (.osm.pbf, .osm) or road lines "
                                        "(GeoPackage, Shapefile...)",
                                        &api);
    if (!dataset)
        return cm_context_status(context);
    conversion c = {mapping, fopen(osm_path, "we"), g_string_new(NULL),
                    g_hash_table_new_full(vertex_hash, vertex_equal, g_free, NULL), 0, 0, FALSE};
    cm_status status = CM_OK;
    if (!c.nodes)
        status = cm_fail(context, CM_ERR_IO, "cannot write %s: %s", osm_path, g_strerror(errno));
    else
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<osm version=\"0.6\" generator=\"convoymap roads import\">\n",
              c.nodes);
    for (int layer = 0; status == CM_OK && layer < api->layer_count(dataset); layer++)
        api->read_layer(dataset, layer, convert_feature, &c);
    api->close(dataset);
    if (status == CM_OK && c.not_wgs84)
        status = cm_fail(context, CM_ERR_INPUT,
                         "input '%s': its coordinates do not convert to WGS84 (no or unknown "
                         "coordinate system)",
                         input);
    else if (status == CM_OK && c.next_way == 0)
        status = cm_fail(context, CM_ERR_INPUT,
                         "no roads in '%s': no line with a road class (motorway ... service) "
                         "in a field highway, fclass or class (name another with --map "
                         "class=FIELD)",
                         input);
    if (status == CM_OK) {
        fputs(c.ways->str, c.nodes);
        fputs("</osm>\n", c.nodes);
    }
    if (c.nodes) {
        int failed = ferror(c.nodes);
        if ((fclose(c.nodes) != 0 || failed) && status == CM_OK)
            status = cm_fail(context, CM_ERR_IO, "cannot write %s: %s", osm_path,
                             g_strerror(errno));
    }
    g_string_free(c.ways, TRUE);
    g_hash_table_destroy(c.vertices);
    *n_roads = (unsigned long long)c.next_way;
    return status;
}
