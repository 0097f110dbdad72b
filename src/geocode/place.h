/* Places (cm_place, convoymap/geocode.h): the value every part of the
 * library hands around, copied and freed here, apart from the geocoder that
 * finds them, so that the readers of places (user gazetteers, borders)
 * need no geocoder. */
#ifndef CM_PLACE_H
#define CM_PLACE_H

#include "convoymap/geocode.h"

/* place's name without a trailing " border crossing" (any case), as it
 * reads inside a crossing's name. The caller frees it with g_free(). */
char *cm_place_short_name(const cm_place *place);

#endif
