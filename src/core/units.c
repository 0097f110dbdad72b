/* Units of distance for reports and march tables (convoymap/units.h):
 * their names, symbols and conversion from metres, defined here once. */
#include "internal.h"

/* The exact lengths of the statute mile and the international nautical
 * mile (international yard and pound agreement, 1959; IHB, 1929). */
#define METRES_PER_MILE 1609.344
#define METRES_PER_NAUTICAL_MILE 1852.0

/* Symbols in cm_units order: what cm_units_parse() accepts. */
static const char *const symbols[] = {"km", "mi", "nmi"};

cm_status cm_units_parse(cm_context *context, const char *text, cm_units *units)
{
    int i = cm_keyword_index(text, symbols, G_N_ELEMENTS(symbols));
    if (i >= 0) {
        *units = (cm_units)i;
        return CM_OK;
    }
    return cm_fail(context, CM_ERR_INPUT, "units '%s' are not km, mi or nmi", text);
}

double cm_units_from_metres(cm_units units, double metres)
{
    switch (units) {
    case CM_UNITS_MI:
        return metres / METRES_PER_MILE;
    case CM_UNITS_NMI:
        return metres / METRES_PER_NAUTICAL_MILE;
    case CM_UNITS_KM:
    default:
        return metres / 1000.0;
    }
}

const char *cm_units_symbol(cm_units units)
{
    /* An out-of-range value reads as the default, as in cm_units_from_metres(). */
    return (size_t)units < G_N_ELEMENTS(symbols) ? symbols[units] : symbols[CM_UNITS_KM];
}
