/* The classification banner parser (render/furniture.c): levels recognised
 * in any case and spacing, with their control markings, printed in the
 * canonical upper case and coloured by level. */
#include <string.h>

#include "render/furniture.h"

typedef struct {
    unsigned r, g, b;
} rgb;

static void assert_rgb(cm_rgba color, rgb expected)
{
    g_assert_cmpint((int)(color.r * 255 + 0.5), ==, expected.r);
    g_assert_cmpint((int)(color.g * 255 + 0.5), ==, expected.g);
    g_assert_cmpint((int)(color.b * 255 + 0.5), ==, expected.b);
}

#define GREEN {0x00, 0x7a, 0x33}
#define PURPLE {0x50, 0x2b, 0x85}
#define BLUE {0x00, 0x33, 0xa0}
#define RED {0xc8, 0x10, 0x2e}
#define ORANGE {0xff, 0x8c, 0x00}

static void test_recognised(void)
{
    static const struct {
        const char *text, *canonical;
        rgb color;
        int dark_text;
    } cases[] = {
        {"SECRET", "SECRET", RED, 0},
        {"secret//noforn", "SECRET//NOFORN", RED, 0},
        {"Secret // NoForn", "SECRET//NOFORN", RED, 0},
        {"  top   secret//sci  ", "TOP SECRET//SCI", ORANGE, 1},
        {"TOP SECRET//SI/TK//NOFORN", "TOP SECRET//SI/TK//NOFORN", ORANGE, 1},
        {"top secret // si / tk // noforn", "TOP SECRET//SI/TK//NOFORN", ORANGE, 1},
        {"confidential//rel to usa, fvey", "CONFIDENTIAL//REL TO USA, FVEY", BLUE, 0},
        {"CONFIDENTIAL\t//\tREL TO USA,  FVEY", "CONFIDENTIAL//REL TO USA, FVEY", BLUE, 0},
        {"unclassified//fouo", "UNCLASSIFIED//FOUO", GREEN, 0},
        {"UNCLASSIFIED//FOR TRAINING", "UNCLASSIFIED//FOR TRAINING", GREEN, 0},
        {"cui", "CUI", PURPLE, 0},
        {"cui//sp-prvcy", "CUI//SP-PRVCY", PURPLE, 0},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        cm_rgba color = {0}, ink = {0};
        char *canonical = cm_furniture_banner_parse(cases[i].text, &color, &ink);
        g_assert_cmpstr(canonical, ==, cases[i].canonical);
        assert_rgb(color, cases[i].color);
        assert_rgb(ink, cases[i].dark_text ? (rgb){0, 0, 0} : (rgb){255, 255, 255});
        /* The canonical form reads as itself. */
        char *again = cm_furniture_banner_parse(canonical, &color, &ink);
        g_assert_cmpstr(again, ==, canonical);
        g_free(again);
        g_free(canonical);
    }
}

static void test_not_recognised(void)
{
    static const char *const texts[] = {
        "", "EXERCISE", "SECRETS", "SECRET NOFORN", "TOPSECRET", "TOP SECRET SCI",
        "S//NF", "NOFORN//SECRET", "//SECRET", "UNCLASSIFIED CUI",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
        cm_rgba color = {0.5, 0.5, 0.5, 1}, ink = color;
        g_assert_null(cm_furniture_banner_parse(texts[i], &color, &ink));
        g_assert_cmpfloat(color.r, ==, 0.5);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/banner/recognised", test_recognised);
    g_test_add_func("/banner/not-recognised", test_not_recognised);
    return g_test_run();
}
