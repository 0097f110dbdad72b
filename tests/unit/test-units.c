/* Units of distance (core/units.c): the names cm_units_parse() accepts,
 * the symbols written back and the exact conversion factors. */
#include <glib.h>

#include "convoymap/convoymap.h"
#include "test-support.h"

static void test_parse(void)
{
    cm_context *context = test_context();
    static const struct {
        const char *text;
        cm_units units;
    } cases[] = {{"km", CM_UNITS_KM}, {"mi", CM_UNITS_MI}, {"nmi", CM_UNITS_NMI},
                 {"NMI", CM_UNITS_NMI}, {"Km", CM_UNITS_KM}};
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        cm_units units = CM_UNITS_KM;
        g_assert_cmpint(cm_units_parse(context, cases[i].text, &units), ==, CM_OK);
        g_assert_cmpint(units, ==, cases[i].units);
    }
    cm_units units = CM_UNITS_NMI;
    g_assert_cmpint(cm_units_parse(context, "miles", &units), ==, CM_ERR_INPUT);
    g_assert_cmpint(units, ==, CM_UNITS_NMI);
    g_assert_cmpstr(cm_context_message(context), ==, "units 'miles' are not km, mi or nmi");
    cm_context_clear_error(context);
}

static void test_symbols_parse_back(void)
{
    cm_context *context = test_context();
    for (cm_units u = CM_UNITS_KM; u <= CM_UNITS_NMI; u++) {
        cm_units parsed = CM_UNITS_KM;
        g_assert_cmpint(cm_units_parse(context, cm_units_symbol(u), &parsed), ==, CM_OK);
        g_assert_cmpint(parsed, ==, u);
    }
    g_assert_cmpstr(cm_units_symbol(CM_UNITS_NMI), ==, "nmi");
}

static void test_from_metres(void)
{
    g_assert_cmpfloat(cm_units_from_metres(CM_UNITS_KM, 1500.0), ==, 1.5);
    g_assert_cmpfloat_with_epsilon(cm_units_from_metres(CM_UNITS_MI, 1609.344), 1.0, 1e-12);
    g_assert_cmpfloat_with_epsilon(cm_units_from_metres(CM_UNITS_NMI, 1852.0 * 3), 3.0, 1e-12);
    /* 450 km is 279.617 statute miles (450000 / 1609.344). */
    g_assert_cmpfloat_with_epsilon(cm_units_from_metres(CM_UNITS_MI, 450000.0), 279.617, 1e-3);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/units/parse", test_parse);
    g_test_add_func("/units/symbols-parse-back", test_symbols_parse_back);
    g_test_add_func("/units/from-metres", test_from_metres);
    return test_run();
}
