/* PNG writer: chunks with zlib's CRC-32, each row filtered with the
 * heuristic the PNG specification recommends (of Sub, Up and Paeth, the
 * filter with the smallest sum of absolute differences), compressed with
 * deflate's run-length strategy.
 * Map tiles are large areas of one colour; after filtering those become
 * runs of zeros, which Z_RLE finds as well as full matching does, at a
 * fraction of the time. */
#include "png.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* Z_RLE does no match search, so the level barely matters: levels 1 and 6
 * gave the same tiles. */
#define PNG_DEFLATE_LEVEL 6

/* PNG filter types; None (0) and Average (3) never won often enough on
 * map tiles to pay for trying them (measured: files 0.5 % smaller without
 * them, because the heuristic is only a guess, and 15 % less time). */
enum { FILTER_SUB = 1, FILTER_UP = 2, FILTER_PAETH = 4 };

static void put_u32(unsigned char *p, uint32_t value)
{
    p[0] = (unsigned char)(value >> 24);
    p[1] = (unsigned char)(value >> 16);
    p[2] = (unsigned char)(value >> 8);
    p[3] = (unsigned char)value;
}

static void append_chunk(GByteArray *out, const char type[4], const unsigned char *data,
                         size_t length)
{
    unsigned char header[8];
    put_u32(header, (uint32_t)length);
    memcpy(header + 4, type, 4);
    g_byte_array_append(out, header, 8);
    if (length)
        g_byte_array_append(out, data, (guint)length);
    uLong crc = crc32(0, (const Bytef *)type, 4);
    /* Not with NULL data: zlib then returns the initial value. */
    if (length)
        crc = crc32_z(crc, data, length);
    unsigned char trailer[4];
    put_u32(trailer, (uint32_t)crc);
    g_byte_array_append(out, trailer, 4);
}

/* The Paeth predictor: of left a, above b and upper-left c, the one
 * closest to a + b - c, ties in that order. Written with the distances
 * expanded (|p - a| = |b - c|, ...) and without early returns, so that the
 * compiler can turn it into selects. */
static inline int paeth(int a, int b, int c)
{
    int pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c);
    int nearest_bc = pb <= pc ? b : c;
    return pa <= pb && pa <= pc ? a : nearest_bc;
}

/* Cairo keeps a pixel as a native-endian 32-bit xRGB word. */
static void unpack_row(const unsigned char *row, int width, unsigned char *rgb)
{
    const uint32_t *pixels = (const uint32_t *)(const void *)row;
    for (int i = 0; i < width; i++) {
        uint32_t v = pixels[i];
        rgb[3 * i] = (unsigned char)(v >> 16);
        rgb[3 * i + 1] = (unsigned char)(v >> 8);
        rgb[3 * i + 2] = (unsigned char)v;
    }
}

/* The specification's heuristic for choosing a filter: the filtered bytes
 * read as signed, the smallest sum of magnitudes wins. */
static inline unsigned cost_of(unsigned char filtered)
{
    return (unsigned)abs((int)(signed char)filtered);
}

/* Each filter writes the filtered row of n bytes (cur, above it prev, 3
 * bytes a pixel) to out and returns its cost. One loop per filter keeps
 * them tight enough for the compiler to vectorise the simple ones. */
static unsigned long filter_sub(const unsigned char *cur, const unsigned char *prev, size_t n,
                                unsigned char *out)
{
    unsigned long cost = 0;
    for (size_t i = 0; i < 3; i++) {
        out[i] = cur[i];
        cost += cost_of(out[i]);
    }
    for (size_t i = 3; i < n; i++) {
        out[i] = (unsigned char)(cur[i] - cur[i - 3]);
        cost += cost_of(out[i]);
    }
    return cost;
}

static unsigned long filter_up(const unsigned char *cur, const unsigned char *prev, size_t n,
                               unsigned char *out)
{
    unsigned long cost = 0;
    for (size_t i = 0; i < n; i++) {
        out[i] = (unsigned char)(cur[i] - prev[i]);
        cost += cost_of(out[i]);
    }
    return cost;
}

static unsigned long filter_paeth(const unsigned char *cur, const unsigned char *prev,
                                  size_t n, unsigned char *out)
{
    unsigned long cost = 0;
    /* With no pixel to the left, Paeth predicts the byte above. */
    for (size_t i = 0; i < 3; i++) {
        out[i] = (unsigned char)(cur[i] - prev[i]);
        cost += cost_of(out[i]);
    }
    for (size_t i = 3; i < n; i++) {
        out[i] = (unsigned char)(cur[i] - paeth(cur[i - 3], prev[i], prev[i - 3]));
        cost += cost_of(out[i]);
    }
    return cost;
}

typedef unsigned long (*filter_fn)(const unsigned char *cur, const unsigned char *prev,
                                   size_t n, unsigned char *out);

/* In the order tried: on map tiles Up and Sub most often win outright
 * (cost 0 on flat rows), which ends the search early. */
static const struct {
    unsigned char type;
    filter_fn apply;
} filters[] = {
    {FILTER_UP, filter_up},
    {FILTER_SUB, filter_sub},
    {FILTER_PAETH, filter_paeth},
};

gboolean cm_png_encode_rgb24(const unsigned char *data, int width, int height, int stride,
                             GByteArray *out)
{
    size_t row_bytes = (size_t)width * 3;
    unsigned char *rows = g_malloc0(2 * row_bytes);  /* previous and current, unfiltered */
    unsigned char *candidates = g_malloc((row_bytes + 1) * G_N_ELEMENTS(filters));
    unsigned char *prev = rows, *cur = rows + row_bytes;

    z_stream z = {0};
    if (deflateInit2(&z, PNG_DEFLATE_LEVEL, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) {
        g_free(rows);
        g_free(candidates);
        return FALSE;
    }
    /* deflateBound is the size for a single call; the stream is fed row by
     * row, so the buffer still grows when it has to. */
    size_t capacity = deflateBound(&z, (uLong)((row_bytes + 1) * (size_t)height));
    unsigned char *idat = g_malloc(capacity);
    z.next_out = idat;
    z.avail_out = (uInt)capacity;
    int result = Z_OK;
    for (int y = 0; y <= height && result == Z_OK; y++) {
        int flush = Z_FINISH;
        if (y < height) {
            unpack_row(data + (size_t)y * (size_t)stride, width, cur);
            size_t best = 0;
            unsigned long best_cost = ULONG_MAX;
            for (size_t f = 0; f < G_N_ELEMENTS(filters) && best_cost > 0; f++) {
                unsigned char *candidate = candidates + f * (row_bytes + 1);
                candidate[0] = filters[f].type;
                unsigned long cost = filters[f].apply(cur, prev, row_bytes, candidate + 1);
                if (cost < best_cost) {
                    best_cost = cost;
                    best = f;
                }
            }
            z.next_in = candidates + best * (row_bytes + 1);
            z.avail_in = (uInt)(row_bytes + 1);
            flush = Z_NO_FLUSH;
            unsigned char *swap = prev;
            prev = cur;
            cur = swap;
        }
        do {
            if (z.avail_out == 0) {
                size_t used = capacity;
                capacity *= 2;
                idat = g_realloc(idat, capacity);
                z.next_out = idat + used;
                z.avail_out = (uInt)(capacity - used);
            }
            result = deflate(&z, flush);
        } while (result == Z_OK && (z.avail_in > 0 || z.avail_out == 0 || flush == Z_FINISH));
        /* A row that exactly filled the buffer leaves nothing to flush. */
        if (result == Z_BUF_ERROR && flush == Z_NO_FLUSH)
            result = Z_OK;
    }
    gboolean ok = result == Z_STREAM_END;
    size_t idat_length = capacity - z.avail_out;
    deflateEnd(&z);

    if (ok) {
        static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        g_byte_array_append(out, signature, sizeof signature);
        unsigned char ihdr[13];
        put_u32(ihdr, (uint32_t)width);
        put_u32(ihdr + 4, (uint32_t)height);
        ihdr[8] = 8;  /* bits per channel */
        ihdr[9] = 2;  /* truecolour */
        ihdr[10] = ihdr[11] = ihdr[12] = 0;  /* deflate, adaptive filtering, no interlace */
        append_chunk(out, "IHDR", ihdr, sizeof ihdr);
        append_chunk(out, "IDAT", idat, idat_length);
        append_chunk(out, "IEND", NULL, 0);
    }
    g_free(idat);
    g_free(rows);
    g_free(candidates);
    return ok;
}
