/* PNG encoding of Cairo image surfaces with zlib, tuned for flat-colour
 * maps: a filter chosen per row and a fast deflate setting, instead of
 * Cairo's fixed choices (cairo_surface_write_to_png). */
#ifndef CM_PNG_H
#define CM_PNG_H

#include <stddef.h>

#include <glib.h>

/* Appends to out a PNG (not interlaced, no alpha) of the width x height
 * pixels of a CAIRO_FORMAT_RGB24 or opaque ARGB32 image
 * starting at data, stride bytes from one row to the next. data may point
 * inside a larger surface, which is how metatiles are cut into tiles.
 * An image of at most 256 colours (most tiles: flat fills and a few
 * antialiased lines) is written exactly as an 8-bit palette image, a third
 * of the bytes to compress; any other as 8-bit RGB, a large one (1 MB of
 * pixels or more, a briefing map) in two halves compressed on two threads.
 * Returns FALSE only when zlib fails; out is then left as it was. */
gboolean cm_png_encode_rgb24(const unsigned char *data, int width, int height, int stride,
                             GByteArray *out);

#endif
