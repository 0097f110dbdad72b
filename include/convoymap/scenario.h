/* convoymap — the reference scenario.
 *
 * The 2019 convoy from Jordan to Ayn al-Asad Air Base, used as the default
 * map and as the project's test case: the waypoints in travel order and the
 * sites marked for orientation, as gazetteer queries.
 */
#ifndef CONVOYMAP_SCENARIO_H
#define CONVOYMAP_SCENARIO_H

#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

/* NULL-terminated list of waypoint queries, start first. Static storage. */
CM_API const char *const *cm_reference_waypoints(void);

/* NULL-terminated list of queries for the sites marked beside the route.
 * Static storage. */
CM_API const char *const *cm_reference_markers(void);

/* Title of the reference map. Static storage. */
CM_API const char *cm_reference_title(void);

#ifdef __cplusplus
}
#endif

#endif
