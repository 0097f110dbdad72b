/* Compares a rendered PNG with its golden image, tolerant of what a font
 * hinting or anti-aliasing change does (single pixels at glyph and line
 * edges) but not of a moved label or a wrong colour: both images are
 * averaged over 4x4 blocks, and a block differs when a channel's average
 * is more than 24 levels apart. Prints the count and fails when more than
 * 0.1 % of the blocks differ or the sizes differ.
 * Usage: golden-compare GOLDEN.png RENDERED.png */
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>

#define BLOCK 4
#define LEVELS 24
#define MAX_SHARE 0.001

/* The average of channel (0 red, 1 green, 2 blue) over the block at
 * (bx, by) of an ARGB32 or RGB24 surface, alpha ignored. */
static double block_average(cairo_surface_t *image, int bx, int by, int channel)
{
    const unsigned char *data = cairo_image_surface_get_data(image);
    int stride = cairo_image_surface_get_stride(image);
    double sum = 0;
    for (int y = by * BLOCK; y < (by + 1) * BLOCK; y++)
        for (int x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
            unsigned value = ((const unsigned *)(const void *)(data + (size_t)y * stride))[x];
            sum += (value >> (16 - 8 * channel)) & 0xff;
        }
    return sum / (BLOCK * BLOCK);
}

static cairo_surface_t *load(const char *path)
{
    cairo_surface_t *image = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "golden-compare: cannot read %s: %s\n", path,
                cairo_status_to_string(cairo_surface_status(image)));
        exit(2);
    }
    cairo_surface_flush(image);
    return image;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: golden-compare GOLDEN.png RENDERED.png\n");
        return 2;
    }
    cairo_surface_t *golden = load(argv[1]), *rendered = load(argv[2]);
    int width = cairo_image_surface_get_width(golden);
    int height = cairo_image_surface_get_height(golden);
    if (width != cairo_image_surface_get_width(rendered) ||
        height != cairo_image_surface_get_height(rendered)) {
        printf("size %dx%d, golden %dx%d\n", cairo_image_surface_get_width(rendered),
               cairo_image_surface_get_height(rendered), width, height);
        return 1;
    }
    long blocks = 0, differing = 0;
    for (int by = 0; by < height / BLOCK; by++)
        for (int bx = 0; bx < width / BLOCK; bx++, blocks++)
            for (int channel = 0; channel < 3; channel++) {
                double a = block_average(golden, bx, by, channel);
                double b = block_average(rendered, bx, by, channel);
                if (a - b > LEVELS || b - a > LEVELS) {
                    differing++;
                    break;
                }
            }
    printf("%ld of %ld blocks differ (limit %.0f)\n", differing, blocks, blocks * MAX_SHARE);
    cairo_surface_destroy(golden);
    cairo_surface_destroy(rendered);
    return differing > blocks * MAX_SHARE ? 1 : 0;
}
