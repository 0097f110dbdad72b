/* Coordinates typed as text, and MGRS grid references.
 *
 * The MGRS lettering follows NGA.STND.0037 (The Universal Grids and the
 * Transverse Mercator and Polar Stereographic Map Projections), using the
 * "AA" scheme that applies to WGS84. The projections themselves are PROJ's
 * UTM and UPS. */
#include "internal.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "convoymap/coords.h"

#define SQUARE_M 100000.0     /* side of an MGRS 100 km square */
#define UTM_NORTH_LIMIT 84.0  /* UTM covers 80°S up to, not including, 84°N */
#define UTM_SOUTH_LIMIT -80.0
#define UPS_ORIGIN_M 2000000.0 /* UPS false easting and northing: the pole */
#define UPS_POLE_SQUARE 20    /* UPS_ORIGIN_M in 100 km squares */
#define MAX_PRECISION 5       /* digits per axis; 5 is 1 m */

/* The alphabet of the grid leaves out I and O, which read like 1 and 0. */
static const char LETTERS[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
/* Latitude bands of 8° from 80°S; X alone spans 12°, up to 84°N. */
static const char BANDS[] = "CDEFGHJKLMNPQRSTUVWX";
/* UTM row letters repeat every 2000 km of northing. */
static const char UTM_ROWS[] = "ABCDEFGHJKLMNPQRSTUV";
#define UTM_ROW_CYCLE 20
/* UPS columns also leave out D, E, M, N, V and W. The half west of the
 * 0°/180° meridian uses the end of this list, the east half its start. */
static const char UPS_COLUMNS[] = "ABCFGHJKLPQRSTUXYZ";
#define UPS_COLUMN_COUNT ((int)sizeof UPS_COLUMNS - 1)

/* ---- UTM and UPS through PROJ ---- */

/* A UTM zone (1–60), or UPS (zone 0), of one hemisphere. */
typedef struct grid {
    int zone;
    gboolean north;
    PJ *pj;
} grid;

static cm_status grid_open(cm_context *context, grid *g, int zone, gboolean north)
{
    const char *south = north ? "" : " +south";
    char *definition = zone > 0
        ? g_strdup_printf("+proj=utm +zone=%d +ellps=WGS84%s", zone, south)
        : g_strdup_printf("+proj=ups +ellps=WGS84%s", south);
    g->zone = zone;
    g->north = north;
    PJ_CONTEXT *proj = cm_context_proj_strings(context);
    g->pj = proj_create(proj, definition);
    cm_status status = CM_OK;
    if (!g->pj)
        status = cm_fail(context, CM_ERR_LIBRARY, "PROJ cannot create '%s': %s",
                         definition, proj_context_errno_string(proj, proj_context_errno(proj)));
    g_free(definition);
    return status;
}

static void grid_close(grid *g) { proj_destroy(g->pj); }

/* Easting and northing of point; FALSE when PROJ cannot project it. */
static gboolean grid_forward(const grid *g, cm_geo_point point, double *easting,
                             double *northing)
{
    PJ_COORD c = proj_trans(g->pj, PJ_FWD,
                            proj_coord(proj_torad(point.lon), proj_torad(point.lat), 0, 0));
    *easting = c.xy.x;
    *northing = c.xy.y;
    return isfinite(c.xy.x) && isfinite(c.xy.y);
}

static gboolean grid_inverse(const grid *g, double easting, double northing,
                             cm_geo_point *point)
{
    PJ_COORD c = proj_trans(g->pj, PJ_INV, proj_coord(easting, northing, 0, 0));
    point->lat = proj_todeg(c.lp.phi);
    point->lon = proj_todeg(c.lp.lam);
    return isfinite(point->lat) && isfinite(point->lon);
}

/* Range of latitude over the square [e0, e0 + size] × [n0, n0 + size].
 * Latitude is monotonic along each edge except where the edge passes the
 * central meridian (UTM) or comes closest to the pole (UPS), so the
 * extremes are among the corners and those points. */
static gboolean square_latitudes(const grid *g, double e0, double n0, double size,
                                 double *min_lat, double *max_lat)
{
    double e_mid = CLAMP(g->zone ? 500000.0 : UPS_ORIGIN_M, e0, e0 + size);
    double n_mid = g->zone ? n0 : CLAMP(UPS_ORIGIN_M, n0, n0 + size);
    double es[3] = {e0, e_mid, e0 + size}, ns[3] = {n0, n_mid, n0 + size};
    *min_lat = 90.0;
    *max_lat = -90.0;
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
            cm_geo_point p;
            if (!grid_inverse(g, es[i], ns[j], &p))
                return FALSE;
            *min_lat = MIN(*min_lat, p.lat);
            *max_lat = MAX(*max_lat, p.lat);
        }
    }
    return TRUE;
}

/* ---- MGRS lettering ---- */

/* Index into BANDS of a latitude in [-80, 84). */
static int latitude_band(double lat)
{
    return MIN((int)floor((lat + 80.0) / 8.0), 19);
}

static double band_south(int band) { return -80.0 + 8.0 * band; }

static double band_north(int band) { return band == 19 ? UTM_NORTH_LIMIT : band_south(band) + 8.0; }

/* The UTM zone of a point in [-80, 84), with the exceptions of
 * NGA.STND.0037: in band V zone 32 is widened west over Norway's coast to
 * 3°E, and in band X only the odd zones 31–37 cover Svalbard, 12° wide. */
static int utm_zone(cm_geo_point point)
{
    double lon = point.lon >= 180.0 ? point.lon - 360.0 : point.lon;
    int zone = (int)floor((lon + 180.0) / 6.0) + 1;
    char band = BANDS[latitude_band(point.lat)];
    if (band == 'V' && zone == 31 && lon >= 3.0)
        return 32;
    if (band == 'X' && lon >= 0.0 && lon < 42.0)
        return 31 + 2 * (int)floor((lon + 3.0) / 12.0);
    return zone;
}

/* Column letters of a UTM zone: the zones take A–H, J–R and S–Z in turn,
 * one letter per 100 km of easting from 100 km. */
static const char *utm_columns(int zone) { return LETTERS + 8 * ((zone - 1) % 3); }

/* Even zones start their row letters at F instead of A, so that the same
 * square letters do not repeat side by side across a zone boundary. */
static int utm_row_shift(int zone) { return zone % 2 == 0 ? 5 : 0; }

/* First 100 km square, in easting and northing, of the UPS grid: 1300 km
 * north, 800 km south. Each half of the grid is UPS_POLE_SQUARE - first
 * columns wide, and there are twice as many rows. */
static int ups_first_square(gboolean north) { return north ? 13 : 8; }

char *cm_mgrs_format(cm_context *context, cm_geo_point point, int precision)
{
    if (precision < 0 || precision > MAX_PRECISION) {
        cm_fail(context, CM_ERR_INPUT, "MGRS precision %d is out of range "
                "(0..5 digits per axis)", precision);
        return NULL;
    }
    if (!(fabs(point.lat) <= 90.0) || !(fabs(point.lon) <= 180.0)) {
        cm_fail(context, CM_ERR_INPUT, "point %.6f, %.6f is out of range "
                "(latitude -90..90, longitude -180..180)", point.lat, point.lon);
        return NULL;
    }
    gboolean polar = point.lat >= UTM_NORTH_LIMIT || point.lat < UTM_SOUTH_LIMIT;
    grid g;
    if (grid_open(context, &g, polar ? 0 : utm_zone(point), point.lat >= 0.0) != CM_OK)
        return NULL;
    double easting, northing;
    gboolean projected = grid_forward(&g, point, &easting, &northing);
    grid_close(&g);
    if (!projected) {
        cm_fail(context, CM_ERR_LIBRARY, "PROJ cannot project %.6f, %.6f to %s",
                point.lat, point.lon, polar ? "UPS" : "UTM");
        return NULL;
    }
    int column = (int)floor(easting / SQUARE_M), row = (int)floor(northing / SQUARE_M);
    GString *mgrs = g_string_new(NULL);
    if (polar) {
        int first = ups_first_square(g.north), half = UPS_POLE_SQUARE - first;
        gboolean east = column >= UPS_POLE_SQUARE;
        g_string_append_c(mgrs, g.north ? (east ? 'Z' : 'Y') : (east ? 'B' : 'A'));
        g_string_append_c(mgrs, east ? UPS_COLUMNS[column - UPS_POLE_SQUARE]
                                     : UPS_COLUMNS[UPS_COLUMN_COUNT - half + column - first]);
        g_string_append_c(mgrs, LETTERS[row - first]);
    } else {
        g_string_append_printf(mgrs, "%02d%c%c%c", g.zone, BANDS[latitude_band(point.lat)],
                               utm_columns(g.zone)[column - 1],
                               UTM_ROWS[(row + utm_row_shift(g.zone)) % UTM_ROW_CYCLE]);
    }
    if (precision > 0) {
        /* Truncated, never rounded: the reference names the square that
         * holds the point, and rounding up could name the next one. */
        double unit = pow(10.0, MAX_PRECISION - precision);
        long e = (long)floor((easting - column * SQUARE_M) / unit);
        long n = (long)floor((northing - row * SQUARE_M) / unit);
        g_string_append_printf(mgrs, "%0*ld%0*ld", precision, e, precision, n);
    }
    return g_string_free(mgrs, FALSE);
}

/* ---- Reading text ---- */

/* text for an error message: on one line, without surrounding blanks. The
 * caller frees it with g_free(). */
static char *printable(const char *text)
{
    char *copy = g_strdup(text);
    for (char *p = copy; *p; p++) {
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    }
    return g_strstrip(copy);
}

static cm_status bad_text(cm_context *context, const char *what, const char *text,
                          const char *format, ...) G_GNUC_PRINTF(4, 5);

/* Fails with "<what> '<text>': <reason>". */
static cm_status bad_text(cm_context *context, const char *what, const char *text,
                          const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *reason = g_strdup_vprintf(format, args);
    va_end(args);
    char *shown = printable(text);
    cm_fail(context, CM_ERR_INPUT, "%s '%s': %s", what, shown, reason);
    g_free(shown);
    g_free(reason);
    return CM_ERR_INPUT;
}

/* An MGRS reference taken apart, before its letters are checked. */
typedef struct mgrs_parts {
    gboolean polar;         /* UPS: no zone number */
    int zone;
    char letters[3];        /* band or UPS zone, column, row; upper case */
    char digits[24];        /* easting digits then northing digits */
    size_t n_digits;
    size_t runs[2];         /* lengths of the digit runs; runs[1] is 0 for one run */
} mgrs_parts;

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* Whether text has the shape of an MGRS reference: zone number and band
 * letter together, the two square letters, then digits in one run or in
 * two separated by blanks. A polar reference has no zone number, starts
 * with A, B, Y or Z, and must have digits (see coords.h). */
static gboolean mgrs_shape(const char *text, mgrs_parts *parts)
{
    memset(parts, 0, sizeof *parts);
    const char *p = skip_blanks(text);
    int zone_digits = 0;
    for (; g_ascii_isdigit(*p); p++, zone_digits++) {
        if (zone_digits == 2)
            return FALSE;
        parts->zone = parts->zone * 10 + (*p - '0');
    }
    if (!g_ascii_isalpha(*p))
        return FALSE;
    parts->letters[0] = g_ascii_toupper(*p);
    p = skip_blanks(p + 1);
    if (!g_ascii_isalpha(p[0]) || !g_ascii_isalpha(p[1]))
        return FALSE;
    parts->letters[1] = g_ascii_toupper(p[0]);
    parts->letters[2] = g_ascii_toupper(p[1]);
    p = skip_blanks(p + 2);
    for (int run = 0; run < 2 && g_ascii_isdigit(*p); run++) {
        for (; g_ascii_isdigit(*p); p++, parts->runs[run]++) {
            if (parts->n_digits == sizeof parts->digits - 1)
                return FALSE;
            parts->digits[parts->n_digits++] = *p;
        }
        p = skip_blanks(p);
    }
    if (*p)
        return FALSE;
    parts->polar = zone_digits == 0;
    if (parts->polar)
        return strchr("ABYZ", parts->letters[0]) && parts->n_digits > 0;
    return TRUE;
}

static int digits_value(const char *digits, int n)
{
    int value = 0;
    for (int i = 0; i < n; i++)
        value = value * 10 + (digits[i] - '0');
    return value;
}

/* Lets a square straddling a band edge by less than rounding still count. */
#define BAND_SLACK_DEG 1e-9

/* Checks the zone and letters of a UTM reference and opens its zone in *g;
 * *column and *row receive the 100 km square's index in easting and
 * northing. */
static cm_status utm_square(cm_context *context, const char *text, const mgrs_parts *parts,
                            grid *g, int *column, int *row)
{
    const char *what = "MGRS reference";
    int zone = parts->zone;
    char band_letter = parts->letters[0];
    if (zone < 1 || zone > 60)
        return bad_text(context, what, text, "zone %d is out of range (1..60)", zone);
    const char *band_at = strchr(BANDS, band_letter);
    if (!band_at)
        return bad_text(context, what, text, "band letter %c is not a UTM band "
                        "(C..X without I and O)", band_letter);
    int band = (int)(band_at - BANDS);
    if (band_letter == 'X' && (zone == 32 || zone == 34 || zone == 36))
        return bad_text(context, what, text, "zone %dX is not used; Svalbard is in "
                        "31X, 33X, 35X and 37X", zone);
    const char *columns = utm_columns(zone);
    const char *column_at = memchr(columns, parts->letters[1], 8);
    if (!column_at)
        return bad_text(context, what, text, "column letter %c is not used in zone %d "
                        "(%.8s)", parts->letters[1], zone, columns);
    const char *row_at = strchr(UTM_ROWS, parts->letters[2]);
    if (!row_at)
        return bad_text(context, what, text, "row letter %c is not a UTM row letter "
                        "(A..V without I and O)", parts->letters[2]);
    *column = (int)(column_at - columns) + 1;
    if (grid_open(context, g, zone, band_letter >= 'N') != CM_OK)
        return CM_ERR_LIBRARY;
    /* The row letter gives the northing modulo 2000 km. No band is taller
     * than 1400 km, so the repeat nearest the band's middle is the one. */
    cm_geo_point middle = {(band_south(band) + band_north(band)) / 2.0, zone * 6.0 - 183.0};
    double easting, northing, min_lat, max_lat;
    int base = ((int)(row_at - UTM_ROWS) - utm_row_shift(zone) + UTM_ROW_CYCLE) % UTM_ROW_CYCLE;
    gboolean converted = grid_forward(g, middle, &easting, &northing);
    if (converted) {
        *row = base + UTM_ROW_CYCLE * (int)lround((northing / SQUARE_M - 0.5 - base) /
                                                  UTM_ROW_CYCLE);
        converted = square_latitudes(g, *column * SQUARE_M, *row * SQUARE_M, SQUARE_M,
                                     &min_lat, &max_lat);
    }
    if (!converted) {
        grid_close(g);
        return cm_fail(context, CM_ERR_LIBRARY, "PROJ cannot convert MGRS zone %d%c",
                       zone, band_letter);
    }
    /* A square that straddles a band edge belongs to both bands. */
    if (max_lat <= band_south(band) + BAND_SLACK_DEG ||
        min_lat >= band_north(band) - BAND_SLACK_DEG) {
        grid_close(g);
        return bad_text(context, what, text, "square %c%c is not in zone/band %d%c",
                        parts->letters[1], parts->letters[2], zone, band_letter);
    }
    return CM_OK;
}

/* As utm_square() for a polar reference: zones A (south, west), B (south,
 * east), Y (north, west) and Z (north, east). */
static cm_status ups_square(cm_context *context, const char *text, const mgrs_parts *parts,
                            grid *g, int *column, int *row)
{
    const char *what = "polar MGRS reference";
    char zone = parts->letters[0];
    gboolean north = zone == 'Y' || zone == 'Z', east = zone == 'B' || zone == 'Z';
    int first = ups_first_square(north), half = UPS_POLE_SQUARE - first;
    const char *columns = east ? UPS_COLUMNS : UPS_COLUMNS + UPS_COLUMN_COUNT - half;
    const char *column_at = memchr(columns, parts->letters[1], (size_t)half);
    if (!column_at)
        return bad_text(context, what, text, "column letter %c is not used in UPS zone "
                        "%c (%.*s)", parts->letters[1], zone, half, columns);
    const char *row_at = memchr(LETTERS, parts->letters[2], (size_t)(2 * half));
    if (!row_at)
        return bad_text(context, what, text, "row letter %c is not used in UPS zone %c "
                        "(%.*s)", parts->letters[2], zone, 2 * half, LETTERS);
    *column = (int)(column_at - columns) + (east ? UPS_POLE_SQUARE : first);
    *row = (int)(row_at - LETTERS) + first;
    return grid_open(context, g, 0, north);
}

/* Reads a reference that mgrs_shape() accepted into the centre of its
 * square. */
static cm_status mgrs_parse(cm_context *context, const char *text, const mgrs_parts *parts,
                            cm_geo_point *point)
{
    const char *what = parts->polar ? "polar MGRS reference" : "MGRS reference";
    if (parts->runs[1] && parts->runs[0] != parts->runs[1])
        return bad_text(context, what, text, "easting and northing need the same number "
                        "of digits, not %zu and %zu", parts->runs[0], parts->runs[1]);
    if (parts->n_digits % 2)
        return bad_text(context, what, text, "has an odd number of digits (%zu); easting "
                        "and northing need as many each", parts->n_digits);
    int precision = (int)parts->n_digits / 2;
    if (precision > MAX_PRECISION)
        return bad_text(context, what, text, "has %d digits per axis; at most 5 (1 m) "
                        "are allowed", precision);
    grid g;
    int column = 0, row = 0;
    cm_status status = parts->polar ? ups_square(context, text, parts, &g, &column, &row)
                                    : utm_square(context, text, parts, &g, &column, &row);
    if (status != CM_OK)
        return status;
    double unit = pow(10.0, MAX_PRECISION - precision);
    double e0 = column * SQUARE_M + digits_value(parts->digits, precision) * unit;
    double n0 = row * SQUARE_M + digits_value(parts->digits + precision, precision) * unit;
    double min_lat, max_lat;
    cm_geo_point centre;
    gboolean converted = square_latitudes(&g, e0, n0, unit, &min_lat, &max_lat) &&
                         grid_inverse(&g, e0 + unit / 2, n0 + unit / 2, &centre);
    gboolean north = g.north;
    grid_close(&g);
    if (!converted)
        return cm_fail(context, CM_ERR_LIBRARY, "PROJ cannot convert %s '%s'", what, text);
    /* Each grid has its own domain (see cm_mgrs_format()); a square that
     * lies wholly in the other grid's is a mistake, not a place. */
    if (!parts->polar && min_lat >= UTM_NORTH_LIMIT)
        return bad_text(context, what, text, "lies north of 84°N, where MGRS uses the "
                        "polar zones Y and Z");
    if (!parts->polar && max_lat < UTM_SOUTH_LIMIT)
        return bad_text(context, what, text, "lies south of 80°S, where MGRS uses the "
                        "polar zones A and B");
    if (parts->polar && north && max_lat < UTM_NORTH_LIMIT)
        return bad_text(context, what, text, "lies south of 84°N, where MGRS uses UTM "
                        "zones");
    if (parts->polar && !north && min_lat >= UTM_SOUTH_LIMIT)
        return bad_text(context, what, text, "lies north of 80°S, where MGRS uses UTM "
                        "zones");
    *point = centre;
    return CM_OK;
}

/* ---- Degrees as text ---- */

typedef enum unit { UNIT_NONE, UNIT_DEGREES, UNIT_MINUTES, UNIT_SECONDS } unit;

typedef enum token_type { TOKEN_NUMBER, TOKEN_HEMISPHERE, TOKEN_COMMA } token_type;

typedef struct token {
    token_type type;
    char hemisphere;    /* N, S, E or W */
    char sign;          /* '+', '-', or 0 when none is written */
    char digits[32];    /* the number as written: digits and at most one '.' */
    int integer_digits; /* digits before the '.' */
    gboolean fraction;  /* has a '.' */
    unit unit;          /* the mark written after it; UNIT_NONE without */
} token;

/* Marks as typed on keyboards and pasted from documents: the typographic
 * primes, the ordinal º and curly quotes stand in for ° ' and ". */
static const struct {
    const char *text;
    unit unit;
} MARKS[] = {
    {"''", UNIT_SECONDS}, {"\"", UNIT_SECONDS}, {"\u2033", UNIT_SECONDS},
    {"\u201d", UNIT_SECONDS}, {"'", UNIT_MINUTES}, {"\u2032", UNIT_MINUTES},
    {"\u2019", UNIT_MINUTES}, {"\u00b0", UNIT_DEGREES}, {"\u00ba", UNIT_DEGREES},
};

/* Length of the mark at p, storing its unit in *u; 0 if there is none. */
static size_t read_mark(const char *p, unit *u)
{
    for (size_t i = 0; i < G_N_ELEMENTS(MARKS); i++) {
        size_t length = strlen(MARKS[i].text);
        if (strncmp(p, MARKS[i].text, length) == 0) {
            *u = MARKS[i].unit;
            return length;
        }
    }
    return 0;
}

/* Splits text into numbers (each with its mark), hemisphere letters and
 * commas; blanks and colons only separate. Returns FALSE when text holds
 * anything else, and so is no coordinate. */
static gboolean tokenize(const char *text, GArray *tokens)
{
    const char *p = text;
    while (*p) {
        if (g_ascii_isspace(*p) || *p == ':') {
            p++;
            continue;
        }
        token t = {0};
        if (*p == ',') {
            t.type = TOKEN_COMMA;
            p++;
        } else if (strchr("NSEWnsew", *p)) {
            t.type = TOKEN_HEMISPHERE;
            t.hemisphere = g_ascii_toupper(*p);
            p++;
        } else {
            t.type = TOKEN_NUMBER;
            if (*p == '+' || *p == '-')
                t.sign = *p++;
            size_t length = 0;
            gboolean any_digit = FALSE;
            for (; g_ascii_isdigit(*p) || (*p == '.' && !t.fraction); p++) {
                if (length == sizeof t.digits - 1)
                    return FALSE;
                if (*p == '.')
                    t.fraction = TRUE;
                else if (!t.fraction)
                    t.integer_digits++;
                any_digit |= g_ascii_isdigit(*p);
                t.digits[length++] = *p;
            }
            if (!any_digit)
                return FALSE;
            const char *after = skip_blanks(p);
            size_t mark = read_mark(after, &t.unit);
            if (mark)
                p = after + mark;
        }
        g_array_append_val(tokens, t);
    }
    return TRUE;
}

/* Finds where the latitude-or-longitude halves of tokens part: at the
 * comma; else after a hemisphere letter that ends the first half ("33N
 * 42E") or before the one that starts the second ("N33 E42"); else before
 * the second number marked in degrees; else in the middle of the numbers.
 * The first half is [0, *end1), the second [*start2, n). */
static cm_status split_pair(cm_context *context, const char *text, const token *t, guint n,
                            guint *end1, guint *start2)
{
    guint commas = 0, comma = 0, hemispheres = 0, degrees = 0, numbers = 0;
    guint hemisphere_at[2] = {0, 0}, degrees_at[2] = {0, 0};
    for (guint i = 0; i < n; i++) {
        if (t[i].type == TOKEN_COMMA) {
            commas++;
            comma = i;
        } else if (t[i].type == TOKEN_HEMISPHERE) {
            if (hemispheres < 2)
                hemisphere_at[hemispheres] = i;
            hemispheres++;
        } else {
            numbers++;
            if (t[i].unit == UNIT_DEGREES && degrees < 2)
                degrees_at[degrees++] = i;
        }
    }
    if (commas > 1)
        return bad_text(context, "coordinate", text, "has %u commas; put one between "
                        "latitude and longitude", commas);
    if (commas == 1) {
        *end1 = comma;
        *start2 = comma + 1;
    } else if (hemispheres > 0 && t[0].type == TOKEN_HEMISPHERE) {
        if (hemispheres < 2)
            return bad_text(context, "coordinate", text, "has a hemisphere letter for "
                            "only one half; give both, or put a comma between them");
        *end1 = *start2 = hemisphere_at[1];
    } else if (hemispheres > 0) {
        *end1 = *start2 = hemisphere_at[0] + 1;
    } else if (degrees == 2) {
        *end1 = *start2 = degrees_at[1];
    } else if (numbers % 2 == 0) {
        *end1 = *start2 = numbers / 2;
    } else {
        return bad_text(context, "coordinate", text, "cannot tell where the latitude ends; "
                        "put a comma between latitude and longitude");
    }
    if (*end1 == 0 || *start2 >= n)
        return bad_text(context, "coordinate", text, "needs both a latitude and a longitude");
    return CM_OK;
}

/* The hemisphere letter of the half [first, last), 0 if it has none. The
 * letter may come only before or after the numbers. */
static cm_status half_hemisphere(cm_context *context, const char *text, const token *t,
                                 guint first, guint last, char *hemisphere)
{
    *hemisphere = 0;
    guint numbers = 0;
    for (guint i = first; i < last; i++) {
        if (t[i].type == TOKEN_NUMBER) {
            numbers++;
            continue;
        }
        if (*hemisphere || (i != first && i != last - 1))
            return bad_text(context, "coordinate", text, "has hemisphere letter %c in the "
                            "wrong place; write it before or after each half",
                            t[i].hemisphere);
        *hemisphere = t[i].hemisphere;
    }
    if (numbers == 0)
        return bad_text(context, "coordinate", text, "needs both a latitude and a longitude");
    return CM_OK;
}

/* Reads the half [first, last) as a latitude or longitude in signed
 * degrees: degrees, minutes and seconds, each part optionally marked, only
 * the last with decimals; or, after a hemisphere letter, compact military
 * DDMM[SS] / DDDMM[SS]. Raises *kind to DMS when minutes appear. */
static cm_status read_angle(cm_context *context, const char *text, const token *t,
                            guint first, guint last, char hemisphere, gboolean latitude,
                            double *angle, cm_coordinate_kind *kind)
{
    const char *axis = latitude ? "latitude" : "longitude";
    if (hemisphere && t[first].type == TOKEN_HEMISPHERE)
        first++;
    if (hemisphere && t[last - 1].type == TOKEN_HEMISPHERE)
        last--;
    const token *head = &t[first];
    if (hemisphere && head->sign)
        return bad_text(context, "coordinate", text, "%s has both a sign and a hemisphere "
                        "letter", axis);
    int degree_digits = latitude ? 2 : 3;
    double parts[3] = {0, 0, 0};
    if (hemisphere && last - first == 1 && head->unit == UNIT_NONE &&
        head->integer_digits > degree_digits) {
        if (head->integer_digits != degree_digits + 2 &&
            head->integer_digits != degree_digits + 4)
            return bad_text(context, "coordinate", text, "compact %s %s%c needs %s digits",
                            axis, head->digits, hemisphere,
                            latitude ? "DDMM or DDMMSS" : "DDDMM or DDDMMSS");
        *kind = CM_COORDINATE_DMS;
        parts[0] = digits_value(head->digits, degree_digits);
        if (head->integer_digits == degree_digits + 2) {
            parts[1] = g_ascii_strtod(head->digits + degree_digits, NULL);
        } else {
            parts[1] = digits_value(head->digits + degree_digits, 2);
            parts[2] = g_ascii_strtod(head->digits + degree_digits + 2, NULL);
        }
    } else {
        if (last - first > 1 || head->unit > UNIT_DEGREES)
            *kind = CM_COORDINATE_DMS;
        unit previous = UNIT_NONE;
        for (guint i = first; i < last; i++) {
            unit u = t[i].unit != UNIT_NONE ? t[i].unit : previous + 1;
            if (i == first && u != UNIT_DEGREES)
                return bad_text(context, "coordinate", text, "%s must start with degrees",
                                axis);
            if (u <= previous || u > UNIT_SECONDS)
                return bad_text(context, "coordinate", text, "%s has more parts than "
                                "degrees, minutes and seconds, or not in that order", axis);
            if (i > first && t[i].sign)
                return bad_text(context, "coordinate", text, "%s has a sign inside it", axis);
            if (t[i].fraction && i + 1 < last)
                return bad_text(context, "coordinate", text, "only the last part of the "
                                "%s may have decimals", axis);
            parts[u - 1] = g_ascii_strtod(t[i].digits, NULL);
            previous = u;
        }
    }
    if (parts[1] >= 60.0)
        return bad_text(context, "coordinate", text, "%s minutes %g must be below 60",
                        axis, parts[1]);
    if (parts[2] >= 60.0)
        return bad_text(context, "coordinate", text, "%s seconds %g must be below 60",
                        axis, parts[2]);
    double value = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
    if (head->sign == '-' || hemisphere == 'S' || hemisphere == 'W')
        value = -value;
    double limit = latitude ? 90.0 : 180.0;
    if (fabs(value) > limit)
        return bad_text(context, "coordinate", text, "%s %.10g is out of range (%g..%g)",
                        axis, value, -limit, limit);
    *angle = value;
    return CM_OK;
}

/* Reads tokens, of which at least two are numbers, as a pair of angles. */
static cm_status read_pair(cm_context *context, const char *text, const token *t, guint n,
                           cm_geo_point *point, cm_coordinate_kind *kind)
{
    guint end1 = 0, start2 = 0;
    char hemisphere1, hemisphere2;
    cm_status status = split_pair(context, text, t, n, &end1, &start2);
    if (status == CM_OK)
        status = half_hemisphere(context, text, t, 0, end1, &hemisphere1);
    if (status == CM_OK)
        status = half_hemisphere(context, text, t, start2, n, &hemisphere2);
    if (status != CM_OK)
        return status;
    gboolean lat1 = hemisphere1 == 'N' || hemisphere1 == 'S';
    gboolean lat2 = hemisphere2 == 'N' || hemisphere2 == 'S';
    gboolean lon1 = hemisphere1 == 'E' || hemisphere1 == 'W';
    gboolean lon2 = hemisphere2 == 'E' || hemisphere2 == 'W';
    if ((lat1 && lat2) || (lon1 && lon2))
        return bad_text(context, "coordinate", text, "gives two %s", lat1 ? "latitudes"
                                                                            : "longitudes");
    /* Latitude first, unless the letters say otherwise. */
    gboolean first_is_latitude = !lon1 && !lat2;
    double angle1, angle2;
    status = read_angle(context, text, t, 0, end1, hemisphere1, first_is_latitude, &angle1,
                        kind);
    if (status == CM_OK)
        status = read_angle(context, text, t, start2, n, hemisphere2, !first_is_latitude,
                            &angle2, kind);
    if (status != CM_OK)
        return status;
    point->lat = first_is_latitude ? angle1 : angle2;
    point->lon = first_is_latitude ? angle2 : angle1;
    return CM_OK;
}

cm_status cm_coordinate_parse(cm_context *context, const char *text, cm_geo_point *point,
                              cm_coordinate_kind *kind)
{
    *kind = CM_COORDINATE_NONE;
    mgrs_parts parts;
    if (mgrs_shape(text, &parts)) {
        *kind = parts.polar ? CM_COORDINATE_UPS : CM_COORDINATE_MGRS;
        return mgrs_parse(context, text, &parts, point);
    }
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(token));
    guint numbers = 0;
    if (tokenize(text, tokens)) {
        for (guint i = 0; i < tokens->len; i++)
            numbers += g_array_index(tokens, token, i).type == TOKEN_NUMBER;
    }
    /* One number is no pair: "E-4" or "33" is more likely a name. */
    cm_status status = CM_OK;
    if (numbers >= 2) {
        *kind = CM_COORDINATE_DECIMAL;
        status = read_pair(context, text, (const token *)tokens->data, tokens->len, point,
                           kind);
    }
    g_array_free(tokens, TRUE);
    return status;
}
