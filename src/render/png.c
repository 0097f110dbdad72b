/* PNG writer: an exact 8-bit palette image when the pixels have at most
 * 256 colours, else truecolour with each row filtered by the
 * heuristic the PNG specification recommends (of Sub, Up and Paeth, the
 * filter with the smallest sum of absolute differences), compressed with
 * deflate's run-length strategy. The filters run on 16 bytes at a time
 * (GCC/Clang vector extensions: SIMD on any target without intrinsics),
 * Up and Sub as bytes, Paeth in 16-bit lanes; done a byte at a time they
 * were two thirds of the encoder's instructions on the briefing map, and
 * now take under a fifth of that.
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

/* 8 bytes widened to 16-bit lanes, so that differences and Paeth's
 * distances do not overflow: one 128-bit register, which every x86-64
 * and ARMv8 processor has. */
typedef int16_t lanes __attribute__((vector_size(16)));
typedef uint8_t octets __attribute__((vector_size(8)));
#define LANES 8
/* Up and Sub need no widening: a difference modulo 256 is a byte
 * difference, so they run on 16 bytes at a time. */
typedef uint8_t sixteen __attribute__((vector_size(16)));
typedef uint16_t words __attribute__((vector_size(16)));
#define BYTES 16

/* The 16 bytes at p widened to 16-bit lanes, the first 8 into *low, the
 * others into *high. Each byte paired with itself and masked is the
 * widening on either byte order, one unpack and one mask a half, where
 * GCC makes six instructions of __builtin_convertvector. */
#if defined(__has_builtin)
#if __has_builtin(__builtin_shufflevector)
#define CM_PNG_WIDEN_BY_SHUFFLE
#endif
#endif
static inline void load_lanes(const unsigned char *p, lanes *low, lanes *high)
{
#ifdef CM_PNG_WIDEN_BY_SHUFFLE
    sixteen v;
    memcpy(&v, p, sizeof v);
    *low = (lanes)__builtin_shufflevector(v, v, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7) &
           0xff;
    *high = (lanes)__builtin_shufflevector(v, v, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14,
                                           14, 15, 15) &
            0xff;
#else
    octets b;
    memcpy(&b, p, sizeof b);
    *low = __builtin_convertvector(b, lanes);
    memcpy(&b, p + LANES, sizeof b);
    *high = __builtin_convertvector(b, lanes);
#endif
}

/* Stores the low byte of each lane (the filtered byte, modulo 256) and
 * returns its cost: the byte read as signed, its magnitude. */
static inline lanes store_lanes(unsigned char *p, lanes filtered)
{
    lanes low = filtered & 0xff;
    octets b = __builtin_convertvector(low, octets);
    memcpy(p, &b, sizeof b);
    lanes negative = low >= 128;
    return (low & ~negative) | ((256 - low) & negative);
}

static inline unsigned long lanes_sum(lanes v)
{
    unsigned long sum = 0;
    for (int i = 0; i < LANES; i++)
        sum += (unsigned long)v[i];
    return sum;
}

/* The Paeth predictor of left a, above b and upper-left c: the one closest
 * to a + b - c, ties in that order; with the distances expanded
 * (|p - a| = |b - c|, ...) and selections by masks. */
static inline lanes paeth_lanes(lanes a, lanes b, lanes c)
{
    lanes pa = b - c, pb = a - c;
    lanes pc = pa + pb;
    lanes m;
    m = pa < 0;
    pa = (pa ^ m) - m;
    m = pb < 0;
    pb = (pb ^ m) - m;
    m = pc < 0;
    pc = (pc ^ m) - m;
    lanes take_a = (pa <= pb) & (pa <= pc);
    lanes take_b = pb <= pc;
    return (a & take_a) | (~take_a & ((b & take_b) | (c & ~take_b)));
}

/* The same, a byte at a time, for the bytes after the last whole block. */
static inline int paeth(int a, int b, int c)
{
    int pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c);
    int nearest_bc = pb <= pc ? b : c;
    return pa <= pb && pa <= pc ? a : nearest_bc;
}

/* Filters the n bytes of row cur (prev the row above; both have 3 zero
 * bytes before them, the pixel left of the first that the specification
 * defines as zero) into out with filter type, and returns its cost: the sum
 * of the filtered bytes read as signed, their magnitudes. Stops early,
 * returning ULONG_MAX, once the cost reaches limit, since the row then goes
 * out with another filter. Each 16-bit lane sums at most 256 bytes' costs
 * (of at most 128 each: 32768 fits Up's and Sub's unsigned lanes, and
 * Paeth's signed ones sum 128 bytes) before the lanes are added up. */
static unsigned long filter_row(int type, const unsigned char *cur, const unsigned char *prev,
                                size_t n, unsigned char *out, unsigned long limit)
{
    unsigned long cost = 0;
    size_t i = 0;
    if (type != FILTER_PAETH) {
        const unsigned char *reference = type == FILTER_UP ? prev : cur - 3;
        while (i + BYTES <= n) {
            words block_cost = {0};
            for (int k = 0; k < 128 && i + BYTES <= n; k++, i += BYTES) {
                sixteen x, r;
                memcpy(&x, cur + i, sizeof x);
                memcpy(&r, reference + i, sizeof r);
                sixteen filtered = x - r, negated = -filtered;
                memcpy(out + i, &filtered, sizeof filtered);
                /* The magnitude of a byte read as signed is the smaller of
                 * it and its negation, read as unsigned. */
                sixteen smaller = (sixteen)(filtered < negated);
                words magnitude = (words)((filtered & smaller) | (negated & ~smaller));
                block_cost += (magnitude & 0xff) + (magnitude >> 8);
            }
            for (int k = 0; k < LANES; k++)
                cost += block_cost[k];
            if (cost >= limit)
                return ULONG_MAX;
        }
    } else {
        while (i + BYTES <= n) {
            lanes block_cost = {0};
            for (int k = 0; k < 64 && i + BYTES <= n; k++, i += BYTES) {
                lanes x[2], a[2], b[2], c[2];
                load_lanes(cur + i, &x[0], &x[1]);
                load_lanes(cur + i - 3, &a[0], &a[1]);
                load_lanes(prev + i, &b[0], &b[1]);
                load_lanes(prev + i - 3, &c[0], &c[1]);
                for (int h = 0; h < 2; h++)
                    block_cost += store_lanes(out + i + h * LANES,
                                              x[h] - paeth_lanes(a[h], b[h], c[h]));
            }
            cost += lanes_sum(block_cost);
            if (cost >= limit)
                return ULONG_MAX;
        }
    }
    for (; i < n; i++) {
        int predicted = type == FILTER_UP    ? prev[i]
                        : type == FILTER_SUB ? cur[i - 3]
                                             : paeth(cur[i - 3], prev[i], prev[i - 3]);
        out[i] = (unsigned char)(cur[i] - predicted);
        cost += (unsigned long)abs((int)(signed char)out[i]);
    }
    return cost;
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

/* The IDAT payload: rows fed to deflate as they are produced, into a
 * buffer that grows when the estimate was short. */
typedef struct idat_stream {
    z_stream z;
    unsigned char *data;
    size_t capacity;
    int result;
    gboolean raw;       /* a bare deflate stream, one part of a parallel encode */
    uLong adler;        /* raw: Adler-32 of what was fed, for the zlib trailer */
} idat_stream;

/* Starts a zlib stream for about raw_length bytes, or with raw a bare
 * deflate stream that the caller wraps. */
static gboolean idat_begin(idat_stream *stream, size_t raw_length, gboolean raw)
{
    memset(stream, 0, sizeof *stream);
    if (deflateInit2(&stream->z, PNG_DEFLATE_LEVEL, Z_DEFLATED, raw ? -15 : 15, 8, Z_RLE) !=
        Z_OK)
        return FALSE;
    stream->raw = raw;
    stream->adler = adler32(0, NULL, 0);
    /* deflateBound is the size for a single call; the stream is fed row by
     * row, so the buffer still grows when it has to. */
    stream->capacity = deflateBound(&stream->z, (uLong)raw_length);
    stream->data = g_malloc(stream->capacity);
    stream->z.next_out = stream->data;
    stream->z.avail_out = (uInt)stream->capacity;
    stream->result = Z_OK;
    return TRUE;
}

/* Compresses n bytes of filtered rows; flush is Z_FINISH after the last. */
static void idat_feed(idat_stream *stream, const unsigned char *bytes, size_t n, int flush)
{
    if (stream->result != Z_OK)
        return;
    z_stream *z = &stream->z;
    if (stream->raw && n > 0)
        stream->adler = adler32_z(stream->adler, bytes, n);
    z->next_in = (Bytef *)bytes;
    z->avail_in = (uInt)n;
    do {
        if (z->avail_out == 0) {
            size_t used = stream->capacity;
            stream->capacity *= 2;
            stream->data = g_realloc(stream->data, stream->capacity);
            z->next_out = stream->data + used;
            z->avail_out = (uInt)(stream->capacity - used);
        }
        stream->result = deflate(z, flush);
    } while (stream->result == Z_OK && (z->avail_in > 0 || z->avail_out == 0 || flush == Z_FINISH));
    /* Input that exactly filled the buffer leaves nothing to flush. */
    if (stream->result == Z_BUF_ERROR && flush != Z_FINISH)
        stream->result = Z_OK;
}

/* Ends the stream and, when deflate finished cleanly, appends the whole
 * PNG to out: colour_type 2 (truecolour) or 3 (indexed, with the
 * n_colours xRGB entries of palette). Frees the stream's buffers. */
static void write_png(int width, int height, unsigned char colour_type, const uint32_t *palette,
                      int n_colours, const unsigned char *idat, size_t idat_length,
                      GByteArray *out)
{
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    g_byte_array_append(out, signature, sizeof signature);
    unsigned char ihdr[13];
    put_u32(ihdr, (uint32_t)width);
    put_u32(ihdr + 4, (uint32_t)height);
    ihdr[8] = 8;  /* bits per channel or per palette index */
    ihdr[9] = colour_type;
    ihdr[10] = ihdr[11] = ihdr[12] = 0;  /* deflate, adaptive filtering, no interlace */
    append_chunk(out, "IHDR", ihdr, sizeof ihdr);
    if (colour_type == 3) {
        unsigned char plte[3 * 256];
        for (int i = 0; i < n_colours; i++) {
            plte[3 * i] = (unsigned char)(palette[i] >> 16);
            plte[3 * i + 1] = (unsigned char)(palette[i] >> 8);
            plte[3 * i + 2] = (unsigned char)palette[i];
        }
        append_chunk(out, "PLTE", plte, 3 * (size_t)n_colours);
    }
    append_chunk(out, "IDAT", idat, idat_length);
    append_chunk(out, "IEND", NULL, 0);
}

static gboolean idat_end_png(idat_stream *stream, int width, int height, unsigned char colour_type,
                             const uint32_t *palette, int n_colours, GByteArray *out)
{
    gboolean ok = stream->result == Z_STREAM_END;
    size_t idat_length = stream->capacity - stream->z.avail_out;
    deflateEnd(&stream->z);
    if (ok)
        write_png(width, height, colour_type, palette, n_colours, stream->data, idat_length, out);
    g_free(stream->data);
    return ok;
}

/* In the order tried: on map tiles Up and Sub most often win outright
 * (cost 0 on flat rows), which ends the search early. */
static const unsigned char filters[] = {FILTER_UP, FILTER_SUB, FILTER_PAETH};

/* Rows y0 to y1 - 1 of a truecolour image, filtered and compressed into
 * their own stream. */
typedef struct truecolour_part {
    const unsigned char *data;
    int width, stride, y0, y1;
    gboolean last;      /* ends the image: Z_FINISH rather than a byte-aligned flush */
    idat_stream stream;
} truecolour_part;

static gpointer encode_truecolour_part(gpointer data)
{
    truecolour_part *part = data;
    size_t row_bytes = (size_t)part->width * 3;
    /* Previous and current row, unfiltered, each after 3 zero bytes (the
     * pixel left of the first, which the specification defines as zero);
     * and the filtered row with its type byte for each candidate. */
    size_t padded = row_bytes + 3;
    unsigned char *rows = g_malloc0(2 * padded);
    unsigned char *candidates = g_malloc((row_bytes + 1) * G_N_ELEMENTS(filters));
    unsigned char *prev = rows + 3, *cur = rows + padded + 3;
    /* The row above the part, which its first row is filtered against. */
    if (part->y0 > 0)
        unpack_row(part->data + (size_t)(part->y0 - 1) * (size_t)part->stride, part->width, prev);
    for (int y = part->y0; y < part->y1; y++) {
        unpack_row(part->data + (size_t)y * (size_t)part->stride, part->width, cur);
        size_t best = 0;
        unsigned long best_cost = ULONG_MAX;
        for (size_t f = 0; f < G_N_ELEMENTS(filters) && best_cost > 0; f++) {
            unsigned char *candidate = candidates + f * (row_bytes + 1);
            candidate[0] = filters[f];
            unsigned long cost = filter_row(filters[f], cur, prev, row_bytes, candidate + 1, best_cost);
            if (cost < best_cost) {
                best_cost = cost;
                best = f;
            }
        }
        idat_feed(&part->stream, candidates + best * (row_bytes + 1), row_bytes + 1, Z_NO_FLUSH);
        unsigned char *swap = prev;
        prev = cur;
        cur = swap;
    }
    idat_feed(&part->stream, NULL, 0, part->last ? Z_FINISH : Z_SYNC_FLUSH);
    g_free(rows);
    g_free(candidates);
    return NULL;
}

/* Images of at least this many bytes of pixels are encoded in two halves
 * at once, as pigz does: each half is its own deflate stream, the first
 * ended on a byte boundary, and one zlib header and Adler-32 wrap both. The
 * split depends only on the size, so the bytes do not depend on the
 * machine; map tiles, smaller, are encoded in parallel by the tiler. */
#define PARALLEL_MIN_BYTES (1 << 20)

static gboolean encode_truecolour(const unsigned char *data, int width, int height, int stride,
                                  GByteArray *out)
{
    size_t row_bytes = (size_t)width * 3;
    int n_parts = row_bytes * (size_t)height >= PARALLEL_MIN_BYTES && height >= 2 ? 2 : 1;
    truecolour_part parts[2];
    gboolean ok = TRUE;
    for (int i = 0; i < n_parts; i++) {
        parts[i] = (truecolour_part){data, width, stride, height * i / n_parts,
                                     height * (i + 1) / n_parts, i == n_parts - 1, {{0}}};
        ok = ok && idat_begin(&parts[i].stream,
                              (row_bytes + 1) * (size_t)(parts[i].y1 - parts[i].y0),
                              n_parts > 1);
    }
    if (!ok) {
        for (int i = 0; i < n_parts; i++)
            if (parts[i].stream.data) {
                deflateEnd(&parts[i].stream.z);
                g_free(parts[i].stream.data);
            }
        return FALSE;
    }
    GThread *helper = n_parts > 1 ? g_thread_try_new("png", encode_truecolour_part, &parts[1], NULL)
                                  : NULL;
    encode_truecolour_part(&parts[0]);
    if (helper)
        g_thread_join(helper);
    else if (n_parts > 1)
        encode_truecolour_part(&parts[1]);
    if (n_parts == 1)
        return idat_end_png(&parts[0].stream, width, height, 2, NULL, 0, out);

    ok = parts[0].stream.result == Z_OK && parts[1].stream.result == Z_STREAM_END;
    GByteArray *idat = g_byte_array_new();
    if (ok) {
        /* CMF: deflate with a 32 KB window; FLG: no dictionary, and the
         * check bits that make CMF * 256 + FLG a multiple of 31. */
        static const unsigned char header[2] = {0x78, 0x01};
        g_byte_array_append(idat, header, sizeof header);
        uLong adler = parts[0].stream.adler;
        for (int i = 0; i < n_parts; i++) {
            idat_stream *stream = &parts[i].stream;
            g_byte_array_append(idat, stream->data,
                                (guint)(stream->capacity - stream->z.avail_out));
            if (i > 0)
                adler = adler32_combine(adler, stream->adler,
                                        (z_off_t)((row_bytes + 1) *
                                                  (size_t)(parts[i].y1 - parts[i].y0)));
        }
        unsigned char trailer[4];
        put_u32(trailer, (uint32_t)adler);
        g_byte_array_append(idat, trailer, sizeof trailer);
        write_png(width, height, 2, NULL, 0, idat->data, idat->len, out);
    }
    g_byte_array_free(idat, TRUE);
    for (int i = 0; i < n_parts; i++) {
        deflateEnd(&parts[i].stream.z);
        g_free(parts[i].stream.data);
    }
    return ok;
}

/* Open addressing over the colours seen so far; twice the palette's size
 * keeps probes short. */
#define COLOUR_SLOTS 512

/* The palette image of data when it has at most 256 colours: palette in
 * order of first appearance (so the output is deterministic) and, in
 * indexed, each row as PNG filter type None followed by one index a pixel.
 * Returns the number of colours, or 0 as soon as a 257th colour shows that
 * the image needs truecolour. */
static int index_colours(const unsigned char *data, int width, int height, int stride,
                         uint32_t palette[256], unsigned char *indexed)
{
    uint32_t slot_colour[COLOUR_SLOTS];
    int slot_index[COLOUR_SLOTS];
    for (int i = 0; i < COLOUR_SLOTS; i++)
        slot_index[i] = -1;
    int n_colours = 0;
    uint32_t last_colour = 0;
    int last_index = -1;
    for (int y = 0; y < height; y++) {
        const uint32_t *pixels = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
        unsigned char *row = indexed + (size_t)y * ((size_t)width + 1);
        row[0] = 0;
        /* Tiles repeat rows (sea, desert, a vertical line): a row the same
         * as the one above has its indexes already. */
        if (y > 0 && memcmp(pixels, (const unsigned char *)pixels - stride, (size_t)width * 4) == 0) {
            memcpy(row + 1, row - width, (size_t)width);
            continue;
        }
        for (int x = 0; x < width; x++) {
            uint32_t colour = pixels[x] & 0xffffffu;
            if (colour != last_colour || last_index < 0) {
                /* Fibonacci hashing: the top bits of the product. */
                unsigned slot = (unsigned)((colour * 2654435769u) >> 23);
                while (slot_index[slot] >= 0 && slot_colour[slot] != colour)
                    slot = (slot + 1) & (COLOUR_SLOTS - 1);
                if (slot_index[slot] < 0) {
                    if (n_colours == 256)
                        return 0;
                    slot_colour[slot] = colour;
                    slot_index[slot] = n_colours;
                    palette[n_colours++] = colour;
                }
                last_colour = colour;
                last_index = slot_index[slot];
            }
            row[x + 1] = (unsigned char)last_index;
        }
    }
    return n_colours;
}

gboolean cm_png_encode_rgb24(const unsigned char *data, int width, int height, int stride,
                             GByteArray *out)
{
    size_t indexed_length = ((size_t)width + 1) * (size_t)height;
    unsigned char *indexed = g_malloc(indexed_length);
    uint32_t palette[256];
    int n_colours = index_colours(data, width, height, stride, palette, indexed);
    gboolean ok;
    if (n_colours > 0) {
        /* Filter None throughout: the specification's advice for palette
         * images, and runs of one index are what Z_RLE compresses best. */
        idat_stream stream;
        ok = idat_begin(&stream, indexed_length, FALSE);
        if (ok) {
            idat_feed(&stream, indexed, indexed_length, Z_FINISH);
            ok = idat_end_png(&stream, width, height, 3, palette, n_colours, out);
        }
    } else {
        ok = encode_truecolour(data, width, height, stride, out);
    }
    g_free(indexed);
    return ok;
}
