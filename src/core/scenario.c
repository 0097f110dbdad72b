/* Example data (scenario.h): the reference scenario, the 2019 convoy from
 * Amman into Anbar, the CLI's default route and the tests' case. */
#include "convoymap/scenario.h"

#include <stddef.h>

static const char *const reference_waypoints[] = {
    "Amman", "Trebil border crossing", "Ar Rutbah", "Ayn al-Asad Air Base", NULL,
};

static const char *const reference_markers[] = {
    "Ramadi", "Baghdad", "Al-Qaim", "Abu Kamal", NULL,
};

const char *const *cm_reference_waypoints(void) { return reference_waypoints; }

const char *const *cm_reference_markers(void) { return reference_markers; }

const char *cm_reference_title(void)
{
    return "Convoy route: Amman to Ayn al-Asad Air Base";
}
