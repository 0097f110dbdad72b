/* convoymap — units of distance for reports. */
#ifndef CONVOYMAP_UNITS_H
#define CONVOYMAP_UNITS_H

#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cm_units {
    CM_UNITS_KM,
    CM_UNITS_MI,  /* statute miles, 1609.344 m */
    CM_UNITS_NMI, /* international nautical miles, 1852 m */
} cm_units;

/* "km", "mi" or "nmi" into *units; CM_ERR_INPUT naming text otherwise. */
CM_API cm_status cm_units_parse(cm_context *context, const char *text, cm_units *units);

/* metres expressed in units. */
CM_API double cm_units_from_metres(cm_units units, double metres);

/* "km", "mi" or "nmi". Static storage. */
CM_API const char *cm_units_symbol(cm_units units);

#ifdef __cplusplus
}
#endif

#endif
